"""Send with smtplib, then read the very same bytes with imaplib and poplib."""
import imaplib
import poplib
import smtplib

from common import HOST, check, ports

smtp_port, pop3_port, imap_port = ports()
body = "First line\r\n.A line that starts with a dot\r\n..Two dots\r\n.\r\nLast line\r\n"
message = "From: alice@example.test\r\nTo: bob@example.test\r\nSubject: dots\r\n\r\n" + body

with smtplib.SMTP(HOST, smtp_port) as s:
    refused = s.sendmail("alice@example.test", ["bob@example.test"], message)
    check(refused == {}, f"smtplib reports refused recipients: {refused}")

imap = imaplib.IMAP4(HOST, imap_port)
imap.login("bob", "builder")
typ, data = imap.select("INBOX")
check(typ == "OK" and data == [b"6"], f"INBOX should hold 6 messages, got {data}")
typ, data = imap.fetch("6", "(BODY.PEEK[TEXT] BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
check(typ == "OK", f"FETCH failed: {data}")
text = data[0][1]
check(text == body.encode(), f"IMAP body differs:\n{text!r}\n!=\n{body.encode()!r}")
check(data[1][1] == b"Subject: dots\r\n\r\n", f"IMAP header field: {data[1][1]!r}")
typ, data = imap.fetch("6", "(FLAGS)")
check(b"\\Seen" not in data[0], "BODY.PEEK must not mark the message seen")
imap.logout()

pop = poplib.POP3(HOST, pop3_port)
pop.user("bob")
pop.pass_("builder")
count, _ = pop.stat()
check(count == 6, f"POP3 STAT should count 6, got {count}")
_, lines, _ = pop.retr(6)
raw = b"\r\n".join(lines) + b"\r\n"
check(raw.endswith(body.encode()), f"POP3 body differs:\n{raw!r}")
pop.quit()
print("ok")

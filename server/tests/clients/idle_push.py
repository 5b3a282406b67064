"""An IMAP connection in IDLE hears * n EXISTS as soon as SMTP delivers."""
import imaplib
import smtplib
import socket

from common import HOST, check, ports

smtp_port, _, imap_port = ports()
tablet = imaplib.IMAP4(HOST, imap_port)
tablet.login("bob", "builder")
tablet.select("INBOX")
tablet.sock.settimeout(10)

# imaplib on Python 3.11 has no idle(): speak it on the same connection.
tablet.send(b"i1 IDLE\r\n")
check(tablet.readline().startswith(b"+ "), "no continuation for IDLE")

with smtplib.SMTP(HOST, smtp_port) as s:
    s.sendmail("alice@example.test", ["bob@example.test"], "Subject: push\r\n\r\nNow.\r\n")

try:
    pushed = tablet.readline()
except socket.timeout:
    pushed = b"(nothing within 10 s)"
check(pushed == b"* 6 EXISTS\r\n", f"expected * 6 EXISTS, got {pushed!r}")
tablet.send(b"DONE\r\n")
check(tablet.readline().startswith(b"i1 OK"), "IDLE did not complete")
tablet.logout()
print("ok")

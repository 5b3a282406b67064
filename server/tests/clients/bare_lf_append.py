"""A message APPENDed with bare LFs, as typed in nc, reads back over IMAP and POP3 with exact
lengths: the server stores it with CRLF line endings, and every literal announces exactly the
octets that follow it, so imaplib stays in step with the server."""
import imaplib
import poplib
import socket

from common import HOST, check, ports

_, pop3_port, imap_port = ports()

typed = b"From: learner@example.test\nSubject: typed in nc\n\nline one\nline two\r\nlone\rCR\n"
stored = typed.replace(b"\r\n", b"\n").replace(b"\r", b"\n").replace(b"\n", b"\r\n")


def until_tagged(stream, tag):
    """Reads server lines up to the tagged completion; returns it."""
    while True:
        line = stream.readline()
        check(line != b"", f"connection closed while waiting for {tag!r}")
        if line.startswith(tag + b" "):
            return line


# A raw socket, as nc would be: imaplib would turn the bare LFs into CRLF itself.
raw = socket.create_connection((HOST, imap_port), timeout=10)
stream = raw.makefile("rb")
stream.readline()
raw.sendall(b"a1 LOGIN bob builder\r\n")
check(until_tagged(stream, b"a1").startswith(b"a1 OK"), "LOGIN")
raw.sendall(b"a2 APPEND INBOX {%d+}\r\n" % len(typed) + typed + b"\r\n")
done = until_tagged(stream, b"a2")
check(done.startswith(b"a2 OK [APPENDUID"), f"APPEND: {done!r}")
raw.sendall(b"a3 LOGOUT\r\n")
until_tagged(stream, b"a3")
raw.close()

imap = imaplib.IMAP4(HOST, imap_port)
imap.login("bob", "builder")
typ, data = imap.select("INBOX")
last = data[0].decode()
typ, data = imap.fetch(last, "(RFC822.SIZE BODY.PEEK[])")
check(typ == "OK", f"FETCH: {data}")
check(data[0][1] == stored, f"BODY[] should be the CRLF form: {data[0][1]!r}")
check(b"RFC822.SIZE %d " % len(stored) in data[0][0], f"size: {data[0][0]!r}")
# A partial that starts on the LF of a CRLF: exactly 3 octets.
lf = stored.index(b"\r\n") + 1
typ, data = imap.fetch(last, f"(BODY.PEEK[]<{lf}.3>)")
check(data[0][1] == stored[lf:lf + 3], f"partial: {data!r}")
# Still in step: the next command's answer is its own.
typ, data = imap.noop()
check(typ == "OK", f"NOOP after the literals: {typ} {data}")
imap.logout()

pop = poplib.POP3(HOST, pop3_port, timeout=10)
pop.user("bob")
pop.pass_("builder")
count, _ = pop.stat()
resp, lines, octets = pop.retr(count)
check(resp == b"+OK %d octets" % len(stored), f"RETR status: {resp!r}")
check(b"\r\n".join(lines) + b"\r\n" == stored, f"RETR lines: {lines!r}")
pop.quit()
print("ok")

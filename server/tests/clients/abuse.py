"""A 100 KB line and random bytes get errors, and other connections keep working."""
import imaplib
import random
import socket

from common import HOST, check, ports

smtp_port, pop3_port, imap_port = ports()
random.seed(7)


def exchange(port, payload):
    sock = socket.create_connection((HOST, port), timeout=10)
    sock.recv(4096)  # greeting
    sock.sendall(payload)
    data = b""
    try:
        while len(data) < 65536:
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
            if data.endswith(b"\r\n") and len(data) > 3:
                sock.settimeout(0.5)
    except socket.timeout:
        pass
    sock.close()
    return data


# A well-behaved client stays logged in throughout.
bystander = imaplib.IMAP4(HOST, imap_port)
bystander.login("bob", "builder")
bystander.select("INBOX")

long_line = b"a1 LOGIN " + b"x" * 100_000 + b"\r\n"
reply = exchange(imap_port, long_line)
check(b"BAD" in reply, f"IMAP answered a 100 KB line with {reply[:80]!r}")
reply = exchange(smtp_port, b"EHLO " + b"y" * 100_000 + b"\r\n")
check(reply.startswith(b"500 "), f"SMTP answered a 100 KB line with {reply[:80]!r}")
reply = exchange(pop3_port, b"USER " + b"z" * 100_000 + b"\r\n")
check(reply.startswith(b"-ERR"), f"POP3 answered a 100 KB line with {reply[:80]!r}")

noise = bytes(random.getrandbits(8) for _ in range(4096)).replace(b"\n", b"\r\n")
for port, marker in ((imap_port, b"BAD"), (smtp_port, b"500"), (pop3_port, b"-ERR")):
    reply = exchange(port, noise)
    check(marker in reply, f"port {port} answered random bytes with {reply[:80]!r}")

typ, data = bystander.fetch("1", "(FLAGS)")
check(typ == "OK", f"the other connection stopped working: {data}")
bystander.logout()
print("ok")

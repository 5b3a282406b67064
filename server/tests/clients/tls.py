"""Python's own mail clients over real TLS: STARTTLS and implicit TLS on each protocol,
with a context that trusts the certificate the server made, and the port rules the page
teaches (no AUTH before STARTTLS on submission, LOGINDISABLED before STARTTLS on IMAP).
Prints the median time of a TLS connection (TCP, handshake, greeting) for the notes."""
import imaplib
import os
import poplib
import smtplib
import socket
import ssl
import statistics
import time

from common import HOST, check

PORT = {role: int(os.environ["FACTEUR_%s_PORT" % role.upper()]) for role in
        ["smtp", "submission", "submissions", "pop3", "pop3s", "imap", "imaps"]}
CONTEXT = ssl.create_default_context(cafile=os.environ["FACTEUR_CERT"])
TIMEOUT = 10


def message(subject):
    return "From: alice@example.test\r\nTo: bob@example.test\r\nSubject: %s\r\n\r\nSent over TLS.\r\n" % subject


# Submission (587-like): AUTH is not offered in clear, and is refused; after STARTTLS it is.
with smtplib.SMTP(HOST, PORT["submission"], timeout=TIMEOUT) as smtp:
    smtp.ehlo("laptop.example.test")
    check(smtp.has_extn("starttls"), "STARTTLS offered on submission")
    check(not smtp.has_extn("auth"), "no AUTH offered before TLS")
    code, _ = smtp.docmd("AUTH", "PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=")
    check(code == 530, "AUTH before STARTTLS refused with 530, got %d" % code)
    smtp.starttls(context=CONTEXT)
    smtp.ehlo("laptop.example.test")
    check(smtp.has_extn("auth"), "AUTH offered after STARTTLS")
    check(not smtp.has_extn("starttls"), "no second STARTTLS")
    smtp.login("alice", "wonderland")
    smtp.sendmail("alice@example.test", ["bob@example.test"], message("over STARTTLS"))

# Submissions (465-like): TLS from the first byte.
with smtplib.SMTP_SSL(HOST, PORT["submissions"], context=CONTEXT, timeout=TIMEOUT) as smtp:
    smtp.ehlo("laptop.example.test")
    check(smtp.has_extn("auth"), "AUTH offered at once on implicit TLS")
    smtp.login("alice", "wonderland")
    smtp.sendmail("alice@example.test", ["bob@example.test"], message("over implicit TLS"))

# The relay port (25-like) offers STARTTLS, and no AUTH: it takes mail for its own domains.
with smtplib.SMTP(HOST, PORT["smtp"], timeout=TIMEOUT) as smtp:
    smtp.ehlo("mx.other.test")
    check(smtp.has_extn("starttls") and not smtp.has_extn("auth"), "relay: STARTTLS, no AUTH")
    smtp.starttls(context=CONTEXT)
    smtp.ehlo("mx.other.test")
    smtp.sendmail("carol@other.test", ["bob@example.test"], message("relayed over STARTTLS"))

# IMAP (143-like): LOGINDISABLED until STARTTLS; LOGIN refused before, accepted after.
imap = imaplib.IMAP4(HOST, PORT["imap"], timeout=TIMEOUT)
check("LOGINDISABLED" in imap.capabilities, "LOGINDISABLED before STARTTLS")
try:
    imap.login("bob", "builder")
    check(False, "LOGIN before STARTTLS must be refused")
except imaplib.IMAP4.error:
    pass
imap.starttls(ssl_context=CONTEXT)
check("LOGINDISABLED" not in imap.capabilities, "LOGIN allowed after STARTTLS")
imap.login("bob", "builder")
imap.select("INBOX")
typ, data = imap.search(None, "SUBJECT", "TLS")
check(typ == "OK" and len(data[0].split()) == 3, "three messages sent over TLS, got %r" % data)
imap.logout()

# IMAPS (993-like): the same mailbox, TLS from the start.
with imaplib.IMAP4_SSL(HOST, PORT["imaps"], ssl_context=CONTEXT, timeout=TIMEOUT) as imap:
    imap.login("bob", "builder")
    imap.select("INBOX", readonly=True)
    typ, data = imap.search(None, "SUBJECT", "implicit")
    typ, data = imap.fetch(data[0].split()[0], "(BODY[HEADER.FIELDS (SUBJECT)])")
    check(b"over implicit TLS" in data[0][1], "the implicit-TLS message reads back")

# POP3 (110-like): STLS, then USER/PASS; POP3S (995-like) from the start.
pop = poplib.POP3(HOST, PORT["pop3"], timeout=TIMEOUT)
check("STLS" in pop.capa(), "STLS offered")
pop.stls(context=CONTEXT)
pop.user("alice")
pop.pass_("wonderland")
count, _ = pop.stat()
pop.quit()
pop = poplib.POP3_SSL(HOST, PORT["pop3s"], context=CONTEXT, timeout=TIMEOUT)
pop.user("alice")
pop.pass_("wonderland")
check(pop.stat()[0] == count, "POP3S sees the same maildrop")
pop.quit()

# A plain-text client on an implicit-TLS port is hung up on, never left hanging: at once
# when it speaks first, after the handshake time-out when it waits for a greeting.
for role, line in [("imaps", b"a1 CAPABILITY\r\n"), ("pop3s", b"CAPA\r\n"), ("submissions", b"EHLO x\r\n")]:
    with socket.create_connection((HOST, PORT[role]), timeout=TIMEOUT) as s:
        s.sendall(line)
        start = time.monotonic()
        try:
            while s.recv(4096):
                pass
        except ConnectionResetError:
            pass
        check(time.monotonic() - start < 5, "%s: a plain client is hung up on" % role)
try:
    imaplib.IMAP4(HOST, PORT["imaps"], timeout=20)
    check(False, "a plain IMAP client on the IMAPS port gets no greeting")
except (imaplib.IMAP4.abort, EOFError, ConnectionError, OSError) as e:
    check("timed out" not in str(e), "closed by the server, not by the client's time-out: %s" % e)

# How long a TLS connection takes on loopback, greeting included.
times = []
for _ in range(20):
    start = time.perf_counter()
    imap = imaplib.IMAP4_SSL(HOST, PORT["imaps"], ssl_context=CONTEXT, timeout=TIMEOUT)
    times.append(time.perf_counter() - start)
    imap.logout()
print("IMAPS connection with TLS handshake and greeting: median %.2f ms" % (statistics.median(times) * 1000))

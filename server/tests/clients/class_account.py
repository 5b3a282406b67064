"""A student's class account in real mail clients: imaplib over IMAPS sees the INBOX the
student's page filled, smtplib submits over implicit TLS to the same account, and the new
message is there on the next look. The certificate the class server made is trusted."""
import email
import imaplib
import os
import smtplib
import ssl

from common import HOST, check

LOGIN = os.environ["FACTEUR_CLASS_LOGIN"]
PASSWORD = os.environ["FACTEUR_CLASS_PASSWORD"]
EXPECTED = set(os.environ["FACTEUR_CLASS_SUBJECTS"].split("|"))
IMAPS = int(os.environ["FACTEUR_IMAPS_PORT"])
SUBMISSIONS = int(os.environ["FACTEUR_SUBMISSIONS_PORT"])
CONTEXT = ssl.create_default_context(cafile=os.environ["FACTEUR_CERT"])
ADDRESS = LOGIN + "@class.test"


def subjects():
    with imaplib.IMAP4_SSL(HOST, IMAPS, ssl_context=CONTEXT, timeout=10) as imap:
        imap.login(LOGIN, PASSWORD)
        typ, _ = imap.select("INBOX", readonly=True)
        check(typ == "OK", "SELECT INBOX")
        typ, data = imap.fetch("1:*", "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
        check(typ == "OK", "FETCH subjects")
        found = set()
        for part in data:
            if isinstance(part, tuple):
                found.add(email.message_from_bytes(part[1])["Subject"])
        return found


seen = subjects()
check(seen == EXPECTED, "the INBOX the page filled: expected %s, got %s" % (EXPECTED, seen))

# A wrong password is refused, as in any mail app.
with imaplib.IMAP4_SSL(HOST, IMAPS, ssl_context=CONTEXT, timeout=10) as imap:
    try:
        imap.login(LOGIN, PASSWORD + "x")
        check(False, "a wrong password must be refused")
    except imaplib.IMAP4.error:
        pass

with smtplib.SMTP_SSL(HOST, SUBMISSIONS, context=CONTEXT, timeout=10) as smtp:
    smtp.login(LOGIN, PASSWORD)
    smtp.sendmail(ADDRESS, [ADDRESS], "From: %s\r\nTo: %s\r\nSubject: From my mail app\r\n\r\nSent with smtplib.\r\n" % (ADDRESS, ADDRESS))
    # Mail stays in the class: no relay to any other domain.
    try:
        smtp.sendmail(ADDRESS, ["bob@example.test"], "Subject: out\r\n\r\nout\r\n")
        check(False, "mail outside class.test must be refused")
    except smtplib.SMTPRecipientsRefused:
        pass

seen = subjects()
check(seen == EXPECTED | {"From my mail app"}, "the message sent with smtplib arrived: %s" % seen)
print("imaplib and smtplib with %s: %d messages" % (ADDRESS, len(seen)))

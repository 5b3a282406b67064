"""50 IMAP logins at once, and 20 SMTP deliveries at once with none lost."""
import imaplib
import smtplib
import threading

from common import HOST, check, ports

smtp_port, _, imap_port = ports()
errors = []


def imap_login(n):
    try:
        imap = imaplib.IMAP4(HOST, imap_port)
        imap.login("bob", "builder")
        typ, _ = imap.select("INBOX")
        if typ != "OK":
            errors.append(f"login {n}: SELECT {typ}")
        imap.logout()
    except Exception as e:  # noqa: BLE001 - any failure is the finding
        errors.append(f"login {n}: {e!r}")


def deliver(n):
    try:
        with smtplib.SMTP(HOST, smtp_port) as s:
            s.sendmail("carol@other.test", ["bob@example.test"], f"Subject: load {n:02}\r\n\r\nMessage {n}.\r\n")
    except Exception as e:  # noqa: BLE001
        errors.append(f"delivery {n}: {e!r}")


threads = [threading.Thread(target=imap_login, args=(n,)) for n in range(50)]
threads += [threading.Thread(target=deliver, args=(n,)) for n in range(20)]
for t in threads:
    t.start()
for t in threads:
    t.join()
check(not errors, "; ".join(errors))

imap = imaplib.IMAP4(HOST, imap_port)
imap.login("bob", "builder")
imap.select("INBOX")
typ, data = imap.search(None, "SUBJECT", '"load "')
found = data[0].split()
check(len(found) == 20, f"20 deliveries expected, found {len(found)}")
imap.logout()
print("ok")

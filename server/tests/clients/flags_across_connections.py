"""A flag set on one IMAP connection is seen by a second one."""
import imaplib

from common import HOST, check, ports

_, _, imap_port = ports()
phone = imaplib.IMAP4(HOST, imap_port)
tablet = imaplib.IMAP4(HOST, imap_port)
for device in (phone, tablet):
    device.login("bob", "builder")
    device.select("INBOX")

typ, data = phone.store("4", "+FLAGS", "(\\Flagged)")
check(typ == "OK" and b"\\Flagged" in data[0], f"STORE: {data}")

typ, _ = tablet.noop()
check(typ == "OK", "NOOP failed")
updates = tablet.response("FETCH")[1]
check(any(b"\\Flagged" in (u or b"") for u in updates), f"the tablet heard no FETCH (FLAGS): {updates}")
typ, data = tablet.fetch("4", "(FLAGS)")
check(b"\\Flagged" in data[0], f"the tablet does not see \\Flagged: {data}")
for device in (phone, tablet):
    device.logout()
print("ok")

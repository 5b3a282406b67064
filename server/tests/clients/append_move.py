"""APPEND with a literal, then MOVE into a new folder."""
import imaplib
import time

from common import HOST, check, ports

_, _, imap_port = ports()
imap = imaplib.IMAP4(HOST, imap_port)
imap.login("bob", "builder")
note = b"From: bob@example.test\r\nSubject: kept with APPEND\r\n\r\nA draft.\r\n"
typ, data = imap.append("Drafts", "(\\Draft)", imaplib.Time2Internaldate(time.time()), note)
check(typ == "OK" and b"APPENDUID" in data[0], f"APPEND: {data}")
typ, data = imap.create("Projects")
check(typ == "OK", f"CREATE: {data}")
imap.select("Drafts")
typ, data = imap.uid("MOVE", "1", "Projects")
check(typ == "OK", f"MOVE: {data}")
typ, data = imap.select("Drafts")
check(data == [b"0"], f"Drafts should be empty after MOVE: {data}")
typ, data = imap.select("Projects")
check(data == [b"1"], f"Projects should hold the message: {data}")
typ, data = imap.fetch("1", "(FLAGS BODY.PEEK[])")
check(data[0][1] == note and b"\\Draft" in data[0][0], f"moved message: {data}")
imap.logout()
print("ok")

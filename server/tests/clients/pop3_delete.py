"""POP3 DELE then RSET keeps the message; DELE then QUIT removes it for IMAP too."""
import imaplib
import poplib

from common import HOST, check, ports

_, pop3_port, imap_port = ports()


def imap_count():
    imap = imaplib.IMAP4(HOST, imap_port)
    imap.login("bob", "builder")
    typ, data = imap.select("INBOX", readonly=True)
    imap.logout()
    return int(data[0])


pop = poplib.POP3(HOST, pop3_port)
pop.user("bob")
pop.pass_("builder")
first_uid = pop.uidl(1).split()[2]
pop.dele(1)
pop.rset()
pop.quit()
check(imap_count() == 5, "DELE + RSET must keep the message")

pop = poplib.POP3(HOST, pop3_port)
pop.user("bob")
pop.pass_("builder")
pop.dele(1)
pop.quit()
check(imap_count() == 4, "DELE + QUIT must remove the message for IMAP")

pop = poplib.POP3(HOST, pop3_port)
pop.user("bob")
pop.pass_("builder")
remaining = [line.split()[1] for line in pop.uidl()[1]]
check(first_uid not in remaining, "the deleted message's unique id is gone")
pop.quit()
print("ok")

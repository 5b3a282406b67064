//! What changed between two states of the store, as a mail administrator would say it: a
//! message arrived, a flag was set, a message was expunged, a folder was created, a POP3
//! session took or released the maildrop lock. The page lights these up at each step of a
//! dialogue; comparing two snapshots keeps the page from keeping a second model.

use std::collections::BTreeSet;

use super::{Flag, Mailbox, Store, Uid};

/// One difference between two stores, for the server side's list of what changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreChange {
    /// A message arrived in a mailbox.
    Arrived {
        /// Whose mailbox.
        login: String,
        /// The mailbox.
        mailbox: String,
        /// The message's UID.
        uid: Uid,
    },
    /// A message was removed for good.
    Expunged {
        /// Whose mailbox.
        login: String,
        /// The mailbox.
        mailbox: String,
        /// The UID it had.
        uid: Uid,
    },
    /// A message's flags changed.
    Flags {
        /// Whose mailbox.
        login: String,
        /// The mailbox.
        mailbox: String,
        /// The message's UID.
        uid: Uid,
        /// The flags set.
        added: BTreeSet<Flag>,
        /// The flags cleared.
        removed: BTreeSet<Flag>,
    },
    /// A mailbox was created.
    MailboxCreated {
        /// Whose mailbox.
        login: String,
        /// Its name.
        mailbox: String,
    },
    /// A mailbox was deleted.
    MailboxDeleted {
        /// Whose mailbox.
        login: String,
        /// The name it had.
        mailbox: String,
    },
    /// A POP3 session locked a maildrop.
    Locked {
        /// Whose maildrop.
        login: String,
    },
    /// The maildrop was unlocked.
    Unlocked {
        /// Whose maildrop.
        login: String,
    },
}

impl StoreChange {
    /// The message it concerns, if it concerns one.
    pub fn message(&self) -> Option<(&str, &str, Uid)> {
        match self {
            StoreChange::Arrived {
                login,
                mailbox,
                uid,
            }
            | StoreChange::Expunged {
                login,
                mailbox,
                uid,
            }
            | StoreChange::Flags {
                login,
                mailbox,
                uid,
                ..
            } => Some((login, mailbox, *uid)),
            _ => None,
        }
    }
}

/// Every change from `before` to `after`, account by account, mailbox by mailbox.
pub fn changes(before: &Store, after: &Store) -> Vec<StoreChange> {
    let mut out = Vec::new();
    for (login, account) in &after.accounts {
        let old = before.accounts.get(login);
        for (name, mailbox) in &account.mailboxes {
            match old.and_then(|a| a.mailboxes.get(name)) {
                Some(was) => messages(login, name, was, mailbox, &mut out),
                None => out.push(StoreChange::MailboxCreated {
                    login: login.clone(),
                    mailbox: name.clone(),
                }),
            }
        }
        for name in old.iter().flat_map(|a| a.mailboxes.keys()) {
            if !account.mailboxes.contains_key(name) {
                out.push(StoreChange::MailboxDeleted {
                    login: login.clone(),
                    mailbox: name.clone(),
                });
            }
        }
    }
    for login in after.locks.difference(&before.locks) {
        out.push(StoreChange::Locked {
            login: login.clone(),
        });
    }
    for login in before.locks.difference(&after.locks) {
        out.push(StoreChange::Unlocked {
            login: login.clone(),
        });
    }
    out
}

fn messages(login: &str, name: &str, was: &Mailbox, now: &Mailbox, out: &mut Vec<StoreChange>) {
    // Most steps leave a mailbox's list as it was: then it is the very same copy.
    if now.messages.shares_copy_with(&was.messages) {
        return;
    }
    let at = |uid| (login.to_owned(), name.to_owned(), uid);
    for m in &now.messages {
        match was.get(m.uid) {
            None => {
                let (login, mailbox, uid) = at(m.uid);
                out.push(StoreChange::Arrived {
                    login,
                    mailbox,
                    uid,
                });
            }
            Some(old) if old.flags != m.flags => {
                let (login, mailbox, uid) = at(m.uid);
                out.push(StoreChange::Flags {
                    login,
                    mailbox,
                    uid,
                    added: m.flags.difference(&old.flags).cloned().collect(),
                    removed: old.flags.difference(&m.flags).cloned().collect(),
                });
            }
            Some(_) => {}
        }
    }
    for m in &was.messages {
        if now.get(m.uid).is_none() {
            let (login, mailbox, uid) = at(m.uid);
            out.push(StoreChange::Expunged {
                login,
                mailbox,
                uid,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::INBOX;
    use crate::{Port, Timestamp, World};

    #[test]
    fn a_pop3_session_locks_marks_and_expunges_at_quit() {
        let mut world = World::demo();
        let t = Timestamp(0);
        let start = world.store.clone();
        let (id, _) = world
            .connect("mail.example.test", Port::POP3S, t)
            .expect("pop3");
        world.input(id, b"USER bob\r\nPASS builder\r\n", t);
        assert_eq!(
            changes(&start, &world.store),
            [StoreChange::Locked {
                login: "bob".into()
            }]
        );
        let locked = world.store.clone();
        world.input(id, b"DELE 1\r\nQUIT\r\n", t);
        let first = start.mailbox("bob", INBOX).expect("inbox").messages[0].uid;
        assert_eq!(
            changes(&locked, &world.store),
            [
                StoreChange::Expunged {
                    login: "bob".into(),
                    mailbox: INBOX.into(),
                    uid: first
                },
                StoreChange::Unlocked {
                    login: "bob".into()
                }
            ]
        );
    }

    #[test]
    fn flags_and_new_folders_are_told_apart() {
        let mut world = World::demo();
        let t = Timestamp(0);
        let start = world.store.clone();
        let (id, _) = world
            .connect("mail.example.test", Port::IMAPS, t)
            .expect("imap");
        world.input(
            id,
            b"a LOGIN bob builder\r\nb SELECT INBOX\r\nc STORE 1 +FLAGS (\\Flagged)\r\nd CREATE Trips\r\n",
            t,
        );
        let got = changes(&start, &world.store);
        assert!(got.contains(&StoreChange::MailboxCreated {
            login: "bob".into(),
            mailbox: "Trips".into()
        }));
        assert!(got.iter().any(|c| matches!(c,
            StoreChange::Flags { added, removed, .. }
                if added.contains(&Flag::Flagged) && removed.is_empty())));
    }
}

//! What the teacher's page shows of the class: who is in, how much mail moves, and each
//! mailbox as counts. Subjects stay hidden until the teacher opens one mailbox.

use serde::{Deserialize, Serialize};

use crate::store::{Flag, Store, Summary};

/// The class as the teacher sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassReport {
    /// Every student, in the order they joined.
    pub students: Vec<StudentReport>,
    /// Messages delivered in the last minute.
    pub delivered_last_minute: usize,
    /// Messages delivered since the class world started.
    pub delivered: u64,
    /// The most students the class takes.
    pub max_students: usize,
}

/// One student, for the teacher.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StudentReport {
    /// Their name as shown.
    pub name: String,
    /// Their login.
    pub login: String,
    /// Their address.
    pub address: String,
    /// How many pages they have open now.
    pub connections: usize,
    /// Their mailboxes, as counts.
    pub mailboxes: Vec<MailboxCount>,
}

/// A mailbox as counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailboxCount {
    /// The mailbox's name.
    pub name: String,
    /// How many messages.
    pub messages: usize,
    /// How many not yet seen.
    pub unseen: usize,
}

/// One mailbox opened by the teacher.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailboxOpened {
    /// Whose.
    pub login: String,
    /// Which.
    pub mailbox: String,
    /// Its messages, oldest first.
    pub messages: Vec<MessageLine>,
}

/// A message as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageLine {
    /// `From:`.
    pub from: String,
    /// `Subject:`.
    pub subject: String,
    /// `Date:`.
    pub date: String,
}

impl MailboxCount {
    /// An account's mailboxes, INBOX first, then by name.
    pub fn of_account(store: &Store, login: &str) -> Vec<MailboxCount> {
        let Some(account) = store.account(login) else {
            return Vec::new();
        };
        let mut counts: Vec<MailboxCount> = account
            .mailboxes
            .values()
            .map(|m| MailboxCount {
                name: m.name.clone(),
                messages: m.messages.len(),
                unseen: m.messages.iter().filter(|x| !x.has(&Flag::Seen)).count(),
            })
            .collect();
        counts.sort_by_key(|c| (c.name != crate::store::INBOX, c.name.clone()));
        counts
    }
}

impl MailboxOpened {
    /// One mailbox's messages with their senders and subjects.
    pub fn of(store: &Store, login: &str, mailbox: &str) -> Option<MailboxOpened> {
        let found = store.mailbox(login, mailbox)?;
        let messages = found
            .messages
            .iter()
            .map(|m| {
                let s = Summary::of(&m.raw.0);
                MessageLine {
                    from: s.from,
                    subject: s.subject,
                    date: s.date,
                }
            })
            .collect();
        Some(MailboxOpened {
            login: login.to_owned(),
            mailbox: found.name.clone(),
            messages,
        })
    }
}

//! A mailbox (a folder): messages in UID order, with the counters IMAP exposes.

use std::collections::BTreeSet;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::flag::Flag;
use super::message::{Message, Raw, Uid};
use crate::time::Timestamp;

/// RFC 6154 special-use attributes, so clients know where sent mail or the trash is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SpecialUse {
    /// `\Sent`: copies of messages sent.
    Sent,
    /// `\Drafts`: messages being written.
    Drafts,
    /// `\Trash`: deleted messages, until emptied.
    Trash,
    /// `\Junk`: unwanted mail.
    Junk,
    /// `\Archive`: kept messages.
    Archive,
}

impl SpecialUse {
    const ALL: [SpecialUse; 5] = [
        SpecialUse::Sent,
        SpecialUse::Drafts,
        SpecialUse::Trash,
        SpecialUse::Junk,
        SpecialUse::Archive,
    ];

    /// The LIST attribute naming it (RFC 6154 §2): `\Sent`, `\Trash`…
    pub fn attribute(self) -> &'static str {
        match self {
            SpecialUse::Sent => "\\Sent",
            SpecialUse::Drafts => "\\Drafts",
            SpecialUse::Trash => "\\Trash",
            SpecialUse::Junk => "\\Junk",
            SpecialUse::Archive => "\\Archive",
        }
    }

    /// The special use a LIST attribute announces, if any (case-insensitive, like flags).
    pub fn from_attribute(attribute: &str) -> Option<SpecialUse> {
        SpecialUse::ALL
            .into_iter()
            .find(|u| u.attribute().eq_ignore_ascii_case(attribute))
    }
}

/// A mailbox's messages, shared between copies of the store until one of them changes.
///
/// The page keeps a copy of the store for every step of a dialogue, so a learner can step
/// back and see the mailboxes as they were; most commands change nothing, and with 10,000
/// messages a full copy at each one would fill the tab's memory. Reading goes through the
/// `Vec`; the first change after a copy copies this mailbox's list, once.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(from = "Vec<Message>", into = "Vec<Message>")]
pub struct Messages(Arc<Vec<Message>>);

/// Two lists that share their copy are equal without a look at their messages: the page
/// compares the world before and after every command, and most commands leave a mailbox of
/// 10,000 messages untouched (issue 28).
impl PartialEq for Messages {
    fn eq(&self, other: &Messages) -> bool {
        self.shares_copy_with(other) || self.0 == other.0
    }
}

impl Messages {
    /// Whether both lists are the same copy, so nothing changed between them.
    pub fn shares_copy_with(&self, other: &Messages) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl From<Vec<Message>> for Messages {
    fn from(list: Vec<Message>) -> Messages {
        Messages(Arc::new(list))
    }
}

impl From<Messages> for Vec<Message> {
    fn from(messages: Messages) -> Vec<Message> {
        Arc::unwrap_or_clone(messages.0)
    }
}

impl std::ops::Deref for Messages {
    type Target = Vec<Message>;

    fn deref(&self) -> &Vec<Message> {
        &self.0
    }
}

impl std::ops::DerefMut for Messages {
    fn deref_mut(&mut self) -> &mut Vec<Message> {
        Arc::make_mut(&mut self.0)
    }
}

impl<'a> IntoIterator for &'a Messages {
    type Item = &'a Message;
    type IntoIter = std::slice::Iter<'a, Message>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'a> IntoIterator for &'a mut Messages {
    type Item = &'a mut Message;
    type IntoIter = std::slice::IterMut<'a, Message>;

    fn into_iter(self) -> Self::IntoIter {
        Arc::make_mut(&mut self.0).iter_mut()
    }
}

/// One mailbox of an account, with its messages in UID order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mailbox {
    /// Its name (`INBOX`, `Sent`).
    pub name: String,
    /// RFC 9051 §2.3.1.1: changes only if UIDs are reassigned, e.g. the mailbox is recreated.
    pub uid_validity: u32,
    /// The UID the next appended message will get.
    pub uid_next: Uid,
    /// Ascending by UID.
    pub messages: Messages,
    /// What it is for (RFC 6154), if anything special.
    pub special_use: Option<SpecialUse>,
    /// Every keyword a message of this mailbox has carried: the mailbox's flag list
    /// (RFC 9051 §7.3.5) keeps a keyword once it has been used.
    #[serde(default)]
    pub keywords: BTreeSet<String>,
}

impl Mailbox {
    /// An empty mailbox.
    pub fn new(name: &str, uid_validity: u32, special_use: Option<SpecialUse>) -> Mailbox {
        Mailbox {
            name: name.to_owned(),
            uid_validity,
            uid_next: Uid(1),
            messages: Messages::default(),
            special_use,
            keywords: BTreeSet::new(),
        }
    }

    /// Adds a message with the next UID and returns that UID.
    pub fn append(
        &mut self,
        raw: Vec<u8>,
        flags: BTreeSet<Flag>,
        internal_date: Timestamp,
        modseq: u64,
    ) -> Uid {
        let uid = self.uid_next;
        self.uid_next = Uid(uid.0.saturating_add(1));
        self.learn_keywords(&flags);
        self.messages.push(Message {
            uid,
            flags,
            internal_date,
            raw: Raw::new(raw),
            modseq,
        });
        uid
    }

    /// Adds the keywords among `flags` to the mailbox's list; says whether any was new.
    pub fn learn_keywords(&mut self, flags: &BTreeSet<Flag>) -> bool {
        let mut new = false;
        for flag in flags {
            if let Flag::Keyword(k) = flag {
                new |= self.keywords.insert(k.clone());
            }
        }
        new
    }

    /// The flags a client may see in this mailbox: the system flags, then its keywords.
    pub fn flag_list(&self) -> Vec<Flag> {
        [
            Flag::Answered,
            Flag::Flagged,
            Flag::Deleted,
            Flag::Seen,
            Flag::Draft,
        ]
        .into_iter()
        .chain(self.keywords.iter().cloned().map(Flag::Keyword))
        .collect()
    }

    /// A message by UID.
    pub fn get(&self, uid: Uid) -> Option<&Message> {
        self.index_of(uid).map(|i| &self.messages[i])
    }

    /// A message by UID, to change its flags.
    pub fn get_mut(&mut self, uid: Uid) -> Option<&mut Message> {
        self.index_of(uid).map(move |i| &mut self.messages[i])
    }

    /// Takes a message out, by UID.
    pub fn remove(&mut self, uid: Uid) -> Option<Message> {
        self.index_of(uid).map(|i| self.messages.remove(i))
    }

    fn index_of(&self, uid: Uid) -> Option<usize> {
        self.messages.binary_search_by_key(&uid, |m| m.uid).ok()
    }

    /// The size of all its messages, in octets.
    pub fn total_size(&self) -> usize {
        self.messages.iter().map(Message::size).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uids_increase_and_are_never_reused_after_removal() {
        let mut m = Mailbox::new("INBOX", 1, None);
        let a = m.append(b"a".to_vec(), BTreeSet::new(), Timestamp(0), 1);
        let b = m.append(b"b".to_vec(), BTreeSet::new(), Timestamp(0), 2);
        assert!(m.remove(b).is_some());
        let c = m.append(b"c".to_vec(), BTreeSet::new(), Timestamp(0), 3);
        assert_eq!((a, b, c), (Uid(1), Uid(2), Uid(3)));
        assert_eq!(m.get(Uid(2)), None);
        assert_eq!(m.uid_next, Uid(4));
    }
}

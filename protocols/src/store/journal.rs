//! The change journal: every change to a mailbox, numbered by a modification sequence.
//!
//! Each IMAP session keeps its own view of a mailbox and catches up by reading the changes
//! made since the last one it saw, which is how one device learns what another did
//! (RFC 9051 §7.5.1, and the MODSEQ idea of RFC 7162).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::flag::Flag;
use super::message::Uid;

/// One change to the store, numbered for CONDSTORE-style catching up (RFC 7162).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// Its number: higher is later.
    pub modseq: u64,
    /// Whose mailbox.
    pub account: String,
    /// The mailbox.
    pub mailbox: String,
    /// What changed.
    pub kind: ChangeKind,
}

/// What a change was.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ChangeKind {
    /// A message was added.
    Appended {
        /// Its UID.
        uid: Uid,
    },
    /// A message's flags were set to these.
    FlagsSet {
        /// Its UID.
        uid: Uid,
        /// Its flags now.
        flags: BTreeSet<Flag>,
    },
    /// A message was removed for good.
    Expunged {
        /// The UID it had.
        uid: Uid,
    },
}

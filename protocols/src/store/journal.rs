//! The change journal: every change to a mailbox, numbered by a modification sequence.
//!
//! Each IMAP session keeps its own view of a mailbox and catches up by reading the changes
//! made since the last one it saw, which is how one device learns what another did
//! (RFC 9051 §7.5.1, and the MODSEQ idea of RFC 7162).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::flag::Flag;
use super::message::Uid;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub modseq: u64,
    pub account: String,
    pub mailbox: String,
    pub kind: ChangeKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ChangeKind {
    Appended { uid: Uid },
    FlagsSet { uid: Uid, flags: BTreeSet<Flag> },
    Expunged { uid: Uid },
}

//! What an IMAP sync is asked to do, and what it finds: the user's operations to replay,
//! which folders to bring up to date, what the device already has, and the outcome. The
//! client that carries it out is `sync.rs`.

use std::collections::{BTreeMap, BTreeSet};

use super::imap_read::astring;
use super::trouble::Trouble;
use crate::store::{Flag, SpecialUse};

/// Something the user did on the device that the server must hear of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// Mark read or unread, flag or unflag.
    SetFlag {
        /// The mailbox.
        mailbox: String,
        /// The message's UID.
        uid: u32,
        /// The flag.
        flag: Flag,
        /// Set (true) or cleared.
        on: bool,
    },
    /// Move to another mailbox (MOVE, RFC 6851).
    Move {
        /// The mailbox.
        mailbox: String,
        /// The message's UID.
        uid: u32,
        /// The mailbox it goes to.
        to: String,
    },
    /// Remove for good: `\Deleted` then UID EXPUNGE of that message only.
    Expunge {
        /// The mailbox.
        mailbox: String,
        /// The message's UID.
        uid: u32,
    },
    /// Create a mailbox.
    Create {
        /// Its name.
        name: String,
    },
    /// A copy of a sent message, or a draft.
    Append {
        /// The mailbox.
        mailbox: String,
        /// The flags it is stored with.
        flags: Vec<Flag>,
        /// The whole message.
        message: Vec<u8>,
    },
}

/// Which folders to bring up to date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// LIST, then every folder: "Check mail" on a fresh device.
    Everything,
    /// Only these (after an action in one folder).
    Folders(Vec<String>),
}

/// What the device already has in a folder: message bodies it need not download again, as
/// long as UIDVALIDITY has not changed (RFC 9051 §2.3.1.1).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Known {
    /// The UIDVALIDITY the UIDs belong to.
    pub uid_validity: u32,
    /// The UIDs the device has.
    pub uids: BTreeSet<u32>,
}

/// One sync: log in, tell the server what changed, read back what is there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncJob {
    /// The user name to log in with.
    pub user: String,
    /// The password.
    pub password: String,
    /// What to tell the server, in order.
    pub ops: Vec<Op>,
    /// Which folders to read back.
    pub scope: Scope,
    /// What the device already has, by folder.
    pub known: BTreeMap<String, Known>,
    /// Stay connected in IDLE on INBOX afterwards.
    pub idle: bool,
    /// Log in with AUTHENTICATE PLAIN (RFC 9051 §6.2.2, RFC 4616) instead of LOGIN.
    pub authenticate: bool,
}

/// A message as the server listed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remote {
    /// Its flags on the server.
    pub flags: BTreeSet<Flag>,
    /// The whole message, for messages the device did not have.
    pub body: Option<Vec<u8>>,
}

/// A folder as the server has it now.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folder {
    /// Its UIDVALIDITY.
    pub uid_validity: u32,
    /// Its messages, by UID.
    pub messages: BTreeMap<u32, Remote>,
}

/// What a sync found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Synced {
    /// Every folder the server listed, with its special use (RFC 6154), when it listed them.
    pub listed: Option<Vec<(String, Option<SpecialUse>)>>,
    /// The folders read back, by name.
    pub folders: BTreeMap<String, Folder>,
    /// Commands the server refused on the way, with its words ("mailbox already exists").
    pub refused: Vec<String>,
}

/// How the sync ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The sync went through.
    Synced(Synced),
    /// The server refused the login (or the connection): the client logged out.
    Refused {
        /// The server's reply.
        reply: String,
    },
    /// The client stopped by itself: the server is not what the settings expect.
    GaveUp(Trouble),
}

impl Op {
    /// The folder the operation acts in, which must be selected first.
    pub(super) fn mailbox(&self) -> Option<&str> {
        match self {
            Op::SetFlag { mailbox, .. }
            | Op::Move { mailbox, .. }
            | Op::Expunge { mailbox, .. } => Some(mailbox),
            Op::Create { .. } | Op::Append { .. } => None,
        }
    }

    pub(super) fn command_text(&self) -> String {
        match self {
            Op::SetFlag { uid, flag, on, .. } => {
                let sign = if *on { '+' } else { '-' };
                format!("UID STORE {uid} {sign}FLAGS ({flag})")
            }
            Op::Move { uid, to, .. } => format!("UID MOVE {uid} {}", astring(to)),
            // The \Deleted mark and the expunge go as one: STORE, then UID EXPUNGE of that
            // message only, so nothing else marked \Deleted is removed (RFC 4315 §2.1).
            Op::Expunge { uid, .. } => format!("UID STORE {uid} +FLAGS.SILENT (\\Deleted)"),
            Op::Create { name } => format!("CREATE {}", astring(name)),
            Op::Append {
                mailbox,
                flags,
                message,
            } => {
                let names: Vec<&str> = flags.iter().map(Flag::name).collect();
                format!(
                    "APPEND {} ({}) {{{}}}",
                    astring(mailbox),
                    names.join(" "),
                    message.len()
                )
            }
        }
    }
}

/// `7` or `3,5,9` or `3:5` — the UIDs as a sequence set (RFC 9051 §9), ranges joined.
pub(super) fn uid_set(uids: &[u32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < uids.len() {
        let start = uids[i];
        let mut end = start;
        while i + 1 < uids.len() && uids[i + 1] == end + 1 {
            i += 1;
            end = uids[i];
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}:{end}")
        });
        i += 1;
    }
    parts.join(",")
}

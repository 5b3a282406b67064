//! The values IMAP commands carry (RFC 9051 §9): sequence sets, mailbox names, fetch
//! attributes, search keys, store actions.

use serde::{Deserialize, Serialize};

use crate::store::{Flag, INBOX};
use crate::time::Timestamp;

/// One end of a range: a number, or `*` for the largest in use (RFC 9051 §9 `seq-number`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SeqNumber {
    Value(u32),
    Largest,
}

/// `sequence-set`: numbers and ranges, e.g. `1:3,5,7:*`. Whether the numbers are message
/// sequence numbers or UIDs depends on the command (UID FETCH, SEARCH UID…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SequenceSet(pub Vec<(SeqNumber, SeqNumber)>);

impl SequenceSet {
    /// `$`: the messages the last `SEARCH RETURN (SAVE)` found (RFC 5182 §2.1,
    /// RFC 9051 §6.4.4.1). Written as a set with no ranges, which the grammar cannot
    /// otherwise produce.
    pub fn saved() -> SequenceSet {
        SequenceSet(Vec::new())
    }

    pub fn is_saved(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `n` is in the set, where `*` stands for `largest` (RFC 9051 §9: a range
    /// `4:2` is the same as `2:4`).
    pub fn contains(&self, n: u32, largest: u32) -> bool {
        let value = |s: SeqNumber| match s {
            SeqNumber::Value(v) => v,
            SeqNumber::Largest => largest,
        };
        self.0.iter().any(|&(a, b)| {
            let (a, b) = (value(a), value(b));
            (a.min(b)..=a.max(b)).contains(&n)
        })
    }

    /// Whether every number named explicitly is at most `largest` (a sequence number
    /// beyond EXISTS is an error; `*` always fits).
    pub fn within(&self, largest: u32) -> bool {
        self.0.iter().all(|&(a, b)| {
            [a, b].iter().all(|s| {
                matches!(s, SeqNumber::Largest) || matches!(s, SeqNumber::Value(v) if *v <= largest)
            })
        })
    }

    /// Writes numbers as a compact set: `1:3,5`.
    pub fn compact(numbers: &[u32]) -> String {
        let mut out = String::new();
        let mut i = 0;
        while i < numbers.len() {
            let start = numbers[i];
            let mut end = start;
            while i + 1 < numbers.len() && numbers[i + 1] == end + 1 {
                i += 1;
                end = numbers[i];
            }
            if !out.is_empty() {
                out.push(',');
            }
            if start == end {
                out.push_str(&start.to_string());
            } else {
                out.push_str(&format!("{start}:{end}"));
            }
            i += 1;
        }
        out
    }
}

/// What an extended SEARCH returns (RFC 9051 §6.4.4.1): `RETURN ()` means ALL.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchReturn {
    pub min: bool,
    pub max: bool,
    pub all: bool,
    pub count: bool,
    /// Keep the result for `$` (RFC 5182).
    pub save: bool,
}

/// LIST's selection and return options (RFC 9051 §6.3.9, RFC 5258 §3, RFC 6154 §5.1).
/// With none, LIST answers as RFC 3501 did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListOptions {
    /// `(SUBSCRIBED)`: only subscribed names, each marked `\Subscribed`.
    pub select_subscribed: bool,
    /// `(SPECIAL-USE)`: only mailboxes with a special use, marked with it.
    pub select_special_use: bool,
    /// A `RETURN (…)` clause was given: only what it asks for is added.
    pub returns: bool,
    pub return_subscribed: bool,
    pub return_children: bool,
    pub return_special_use: bool,
}

/// A mailbox name; `INBOX` in any case is the INBOX (RFC 9051 §5.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailboxName(pub String);

impl MailboxName {
    pub fn new(name: &str) -> MailboxName {
        if name.eq_ignore_ascii_case(INBOX) {
            MailboxName(INBOX.to_owned())
        } else {
            MailboxName(name.to_owned())
        }
    }
}

/// `section-msgtext` and `section-text` (RFC 9051 §9).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SectionText {
    Header,
    HeaderFields { not: bool, fields: Vec<String> },
    Text,
    Mime,
}

/// `section`: a part path (`1.2`) and what of it (`HEADER`, `TEXT`, `MIME`…). An empty
/// path with no text is the whole message, `BODY[]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub part: Vec<u32>,
    pub text: Option<SectionText>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FetchAttribute {
    Envelope,
    Flags,
    InternalDate,
    Rfc822,
    Rfc822Header,
    Rfc822Size,
    Rfc822Text,
    Body,
    BodyStructure,
    Uid,
    /// `BODY[section]<partial>` or `BODY.PEEK[…]`; `partial` is `(offset, length)`.
    BodySection {
        peek: bool,
        section: Section,
        partial: Option<(u32, u32)>,
    },
    /// `BINARY[part]<partial>` or `BINARY.PEEK[…]` (RFC 9051 §6.4.5): the part with its
    /// content-transfer-encoding undone.
    Binary {
        peek: bool,
        part: Vec<u32>,
        partial: Option<(u32, u32)>,
    },
    /// `BINARY.SIZE[part]`: the size of that decoded part.
    BinarySize {
        part: Vec<u32>,
    },
}

/// How STORE changes flags (RFC 9051 §6.4.6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StoreMode {
    Replace,
    Add,
    Remove,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SearchKey {
    All,
    Answered,
    Deleted,
    Draft,
    Flagged,
    Seen,
    Unanswered,
    Undeleted,
    Undraft,
    Unflagged,
    Unseen,
    /// IMAP4rev1 keys kept for old clients: NEW is UNSEEN here (no \Recent), OLD is ALL.
    New,
    Old,
    Recent,
    Keyword(String),
    Unkeyword(String),
    Bcc(String),
    Cc(String),
    From(String),
    To(String),
    Subject(String),
    Body(String),
    Text(String),
    Header(String, String),
    /// Internal date, compared by day (RFC 9051 §6.4.4).
    Before(Timestamp),
    On(Timestamp),
    Since(Timestamp),
    /// The `Date:` header, compared by day.
    SentBefore(Timestamp),
    SentOn(Timestamp),
    SentSince(Timestamp),
    Larger(u32),
    Smaller(u32),
    Uid(SequenceSet),
    Sequence(SequenceSet),
    Not(Box<SearchKey>),
    Or(Box<SearchKey>, Box<SearchKey>),
    And(Vec<SearchKey>),
}

/// STATUS items (RFC 9051 §6.3.11); RECENT is IMAP4rev1's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StatusItem {
    Messages,
    UidNext,
    UidValidity,
    Unseen,
    Deleted,
    Size,
    Recent,
}

impl StatusItem {
    pub fn name(self) -> &'static str {
        match self {
            StatusItem::Messages => "MESSAGES",
            StatusItem::UidNext => "UIDNEXT",
            StatusItem::UidValidity => "UIDVALIDITY",
            StatusItem::Unseen => "UNSEEN",
            StatusItem::Deleted => "DELETED",
            StatusItem::Size => "SIZE",
            StatusItem::Recent => "RECENT",
        }
    }
}

/// The command names, for notes and state errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(Default))]
pub enum CommandName {
    /// CAPABILITY: what the server can do.
    #[cfg_attr(test, default)]
    Capability,
    /// NOOP: nothing, but any news comes back.
    Noop,
    /// LOGOUT: end the session.
    Logout,
    /// STARTTLS: encrypt the connection from here on.
    StartTls,
    /// AUTHENTICATE: log in with a SASL mechanism.
    Authenticate,
    /// LOGIN: log in with a user name and password.
    Login,
    /// ENABLE: switch on an extension (RFC 5161).
    Enable,
    /// ID: say who the client is (RFC 2971).
    Id,
    /// NAMESPACE: where mailboxes live (RFC 2342).
    Namespace,
    /// SELECT: open a mailbox to work in.
    Select,
    /// EXAMINE: open a mailbox read-only.
    Examine,
    /// CREATE: make a mailbox.
    Create,
    /// DELETE: remove a mailbox.
    Delete,
    /// RENAME: give a mailbox another name.
    Rename,
    /// SUBSCRIBE: add a mailbox to the subscribed list.
    Subscribe,
    /// UNSUBSCRIBE: take a mailbox off the subscribed list.
    Unsubscribe,
    /// LIST: name the mailboxes.
    List,
    /// LSUB: name the subscribed mailboxes (IMAP4rev1).
    Lsub,
    /// STATUS: counts of a mailbox without opening it.
    Status,
    /// APPEND: store a message in a mailbox.
    Append,
    /// IDLE: wait for news until DONE (RFC 2177).
    Idle,
    /// CHECK: a checkpoint (IMAP4rev1; a NOOP in IMAP4rev2).
    Check,
    /// CLOSE: close the mailbox, expunging `\Deleted` messages.
    Close,
    /// UNSELECT: close the mailbox, expunging nothing (RFC 3691).
    Unselect,
    /// EXPUNGE: remove the `\Deleted` messages for good.
    Expunge,
    /// SEARCH: find messages.
    Search,
    /// FETCH: read parts of messages.
    Fetch,
    /// STORE: change messages' flags.
    Store,
    /// COPY: copy messages to another mailbox.
    Copy,
    /// MOVE: move messages to another mailbox (RFC 6851).
    Move,
    /// UID: the command after it names messages by UID.
    Uid,
}

impl CommandName {
    /// Every command, in the order the cheat sheet lists them.
    pub const ALL: [CommandName; 31] = [
        CommandName::Capability,
        CommandName::Noop,
        CommandName::Logout,
        CommandName::StartTls,
        CommandName::Authenticate,
        CommandName::Login,
        CommandName::Enable,
        CommandName::Id,
        CommandName::Namespace,
        CommandName::Select,
        CommandName::Examine,
        CommandName::Create,
        CommandName::Delete,
        CommandName::Rename,
        CommandName::Subscribe,
        CommandName::Unsubscribe,
        CommandName::List,
        CommandName::Lsub,
        CommandName::Status,
        CommandName::Append,
        CommandName::Idle,
        CommandName::Check,
        CommandName::Close,
        CommandName::Unselect,
        CommandName::Expunge,
        CommandName::Search,
        CommandName::Fetch,
        CommandName::Store,
        CommandName::Copy,
        CommandName::Move,
        CommandName::Uid,
    ];

    /// The command's word as typed (`SELECT`).
    pub fn word(self) -> &'static str {
        match self {
            CommandName::Capability => "CAPABILITY",
            CommandName::Noop => "NOOP",
            CommandName::Logout => "LOGOUT",
            CommandName::StartTls => "STARTTLS",
            CommandName::Authenticate => "AUTHENTICATE",
            CommandName::Login => "LOGIN",
            CommandName::Enable => "ENABLE",
            CommandName::Id => "ID",
            CommandName::Namespace => "NAMESPACE",
            CommandName::Select => "SELECT",
            CommandName::Examine => "EXAMINE",
            CommandName::Create => "CREATE",
            CommandName::Delete => "DELETE",
            CommandName::Rename => "RENAME",
            CommandName::Subscribe => "SUBSCRIBE",
            CommandName::Unsubscribe => "UNSUBSCRIBE",
            CommandName::List => "LIST",
            CommandName::Lsub => "LSUB",
            CommandName::Status => "STATUS",
            CommandName::Append => "APPEND",
            CommandName::Idle => "IDLE",
            CommandName::Check => "CHECK",
            CommandName::Close => "CLOSE",
            CommandName::Unselect => "UNSELECT",
            CommandName::Expunge => "EXPUNGE",
            CommandName::Search => "SEARCH",
            CommandName::Fetch => "FETCH",
            CommandName::Store => "STORE",
            CommandName::Copy => "COPY",
            CommandName::Move => "MOVE",
            CommandName::Uid => "UID",
        }
    }

    /// The command a word names, in any case.
    pub fn from_word(word: &str) -> Option<CommandName> {
        CommandName::ALL
            .into_iter()
            .find(|c| c.word().eq_ignore_ascii_case(word))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Command {
    Capability,
    Noop,
    Logout,
    StartTls,
    Authenticate {
        mechanism: String,
        initial: Option<String>,
    },
    Login {
        user: String,
        password: String,
    },
    Enable(Vec<String>),
    Id(Option<Vec<(String, Option<String>)>>),
    Namespace,
    Select(MailboxName),
    Examine(MailboxName),
    Create(MailboxName),
    Delete(MailboxName),
    Rename {
        from: MailboxName,
        to: MailboxName,
    },
    Subscribe(MailboxName),
    Unsubscribe(MailboxName),
    List {
        reference: String,
        pattern: String,
        options: ListOptions,
    },
    Lsub {
        reference: String,
        pattern: String,
    },
    Status {
        mailbox: MailboxName,
        items: Vec<StatusItem>,
    },
    Append {
        mailbox: MailboxName,
        flags: Vec<Flag>,
        date: Option<Timestamp>,
        message: Vec<u8>,
    },
    Idle,
    Check,
    Close,
    Unselect,
    Expunge {
        uids: Option<SequenceSet>,
    },
    /// A charset other than UTF-8 or US-ASCII is refused with `[BADCHARSET]`.
    Search {
        uid: bool,
        charset: Option<String>,
        key: SearchKey,
        /// `RETURN (…)` (RFC 9051 §6.4.4, RFC 4731); None for a plain SEARCH.
        returns: Option<SearchReturn>,
    },
    Fetch {
        uid: bool,
        set: SequenceSet,
        attributes: Vec<FetchAttribute>,
    },
    Store {
        uid: bool,
        set: SequenceSet,
        mode: StoreMode,
        silent: bool,
        flags: Vec<Flag>,
    },
    Copy {
        uid: bool,
        set: SequenceSet,
        mailbox: MailboxName,
    },
    Move {
        uid: bool,
        set: SequenceSet,
        mailbox: MailboxName,
    },
}

impl Command {
    pub fn name(&self) -> CommandName {
        match self {
            Command::Capability => CommandName::Capability,
            Command::Noop => CommandName::Noop,
            Command::Logout => CommandName::Logout,
            Command::StartTls => CommandName::StartTls,
            Command::Authenticate { .. } => CommandName::Authenticate,
            Command::Login { .. } => CommandName::Login,
            Command::Enable(_) => CommandName::Enable,
            Command::Id(_) => CommandName::Id,
            Command::Namespace => CommandName::Namespace,
            Command::Select(_) => CommandName::Select,
            Command::Examine(_) => CommandName::Examine,
            Command::Create(_) => CommandName::Create,
            Command::Delete(_) => CommandName::Delete,
            Command::Rename { .. } => CommandName::Rename,
            Command::Subscribe(_) => CommandName::Subscribe,
            Command::Unsubscribe(_) => CommandName::Unsubscribe,
            Command::List { .. } => CommandName::List,
            Command::Lsub { .. } => CommandName::Lsub,
            Command::Status { .. } => CommandName::Status,
            Command::Append { .. } => CommandName::Append,
            Command::Idle => CommandName::Idle,
            Command::Check => CommandName::Check,
            Command::Close => CommandName::Close,
            Command::Unselect => CommandName::Unselect,
            Command::Expunge { .. } => CommandName::Expunge,
            Command::Search { .. } => CommandName::Search,
            Command::Fetch { .. } => CommandName::Fetch,
            Command::Store { .. } => CommandName::Store,
            Command::Copy { .. } => CommandName::Copy,
            Command::Move { .. } => CommandName::Move,
        }
    }

    /// Whether this is the UID form (`UID FETCH`…), which answers in UIDs.
    pub fn is_uid(&self) -> bool {
        matches!(
            self,
            Command::Search { uid: true, .. }
                | Command::Fetch { uid: true, .. }
                | Command::Store { uid: true, .. }
                | Command::Copy { uid: true, .. }
                | Command::Move { uid: true, .. }
                | Command::Expunge { uids: Some(_) }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_work_in_either_direction_and_star_is_the_largest() {
        let set = SequenceSet(vec![
            (SeqNumber::Value(4), SeqNumber::Value(2)),
            (SeqNumber::Value(9), SeqNumber::Largest),
        ]);
        let inside: Vec<u32> = (1..=12).filter(|&n| set.contains(n, 10)).collect();
        assert_eq!(inside, [2, 3, 4, 9, 10]);
        assert!(set.within(10));
        assert!(!SequenceSet(vec![(SeqNumber::Value(11), SeqNumber::Value(11))]).within(10));
    }

    #[test]
    fn number_lists_compact_into_ranges() {
        assert_eq!(SequenceSet::compact(&[1, 2, 3, 5, 7, 8]), "1:3,5,7:8");
        assert_eq!(SequenceSet::compact(&[]), "");
    }

    #[test]
    fn inbox_is_case_insensitive_and_other_names_are_not() {
        assert_eq!(MailboxName::new("inbox").0, "INBOX");
        assert_eq!(MailboxName::new("Receipts").0, "Receipts");
    }
}

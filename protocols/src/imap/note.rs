//! What each IMAP line means, with the RFC section it comes from. Words are in the EN/FR
//! catalogues.

use serde::{Deserialize, Serialize};

use super::types::CommandName;
use crate::grammar::Diagnostic;
use crate::vocab::Rfc;

/// The four states of an IMAP connection (RFC 9051 §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(Default))]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum ImapState {
    #[cfg_attr(test, default)]
    NotAuthenticated,
    Authenticated,
    Selected,
    Logout,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum ImapNote {
    // What the client's lines mean.
    Command(CommandName),
    /// `UID FETCH`, `UID STORE`…: the command it wraps, run on UIDs (RFC 9051 §6.4.9).
    UidCommand(CommandName),
    /// Part of a literal the client sent after `{n}`.
    LiteralData,
    /// The rest of a command after a literal.
    CommandContinued,
    /// A base64 answer to AUTHENTICATE's `+`, and what it decodes to.
    AuthResponse {
        decoded: String,
    },
    AuthCancel,
    /// DONE, ending IDLE.
    Done,
    Unparsed,

    // What the server's lines mean.
    Greeting {
        host: String,
        encrypted: bool,
        login_disabled: bool,
    },
    CapabilityList {
        login_disabled: bool,
        starttls: bool,
    },
    Completed(CommandName),
    LoggedIn {
        login: String,
    },
    LoginDisabled,
    AuthenticationFailed,
    ContinueLiteral,
    ContinueAuthenticate,
    AuthCancelled,
    AuthBadBase64,
    UnknownMechanism {
        mechanism: String,
    },
    Idling,
    ExpectedDone,
    WrongState {
        command: CommandName,
        state: ImapState,
    },
    UnknownCommand {
        word: String,
    },
    MissingTag {
        word: String,
    },
    BadTag {
        diagnostic: Diagnostic,
    },
    MissingCommand,
    EmptyLine,
    Syntax {
        command: CommandName,
        diagnostic: Diagnostic,
    },
    LiteralTooBig {
        limit: usize,
    },
    LineTooLong {
        limit: usize,
    },
    /// Strict mode: a line ended with LF alone.
    BareLfRefused,
    /// CREATE with an empty name or an empty level (`a//b`).
    InvalidName {
        name: String,
    },
    /// DELETE of a mailbox that still has sub-mailboxes.
    HasChildren {
        name: String,
    },
    /// MOVE into the mailbox the messages are already in.
    SameMailbox,
    NoSuchMailbox {
        name: String,
    },
    AlreadyExists {
        name: String,
    },
    /// CREATE past the number of mailboxes an account may hold.
    TooManyMailboxes {
        limit: usize,
    },
    TryCreate {
        name: String,
    },
    CannotDeleteInbox,
    ReadOnly,
    InvalidSequence {
        exists: u32,
    },
    BadCharset {
        charset: String,
    },
    TlsReady,
    TlsActive,
    Bye,
    Exists {
        count: u32,
    },
    Recent,
    Expunge {
        seq: u32,
    },
    FlagsUpdate {
        seq: u32,
    },
    FetchData {
        seq: u32,
        /// The answer holds an ENVELOPE, which needs its own words: it is read from the
        /// message's header fields, not from the SMTP envelope.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        envelope: bool,
    },
    /// A line inside a literal the server sends (message content).
    LiteralContent,
    MailboxFlags,
    PermanentFlags {
        read_only: bool,
    },
    UidValidity {
        value: u32,
    },
    UidNext {
        value: u32,
    },
    FirstUnseen {
        seq: u32,
    },
    Selected {
        mailbox: String,
        read_only: bool,
    },
    ListLine {
        name: String,
    },
    LsubLine {
        name: String,
    },
    StatusLine {
        name: String,
    },
    SearchResult {
        count: usize,
        uid: bool,
    },
    EsearchResult {
        count: usize,
        uid: bool,
    },
    NamespaceLine,
    IdLine,
    Enabled {
        rev2: bool,
    },
    CopyUid,
    AppendUid {
        uid: u32,
        /// Bare LFs and lone CRs the server turned into CRLF before storing.
        line_endings_fixed: usize,
    },
    /// APPEND refused: a message in a literal may not hold NUL octets.
    NulInMessage,
    /// CREATE or RENAME refused: `&` in a name must begin modified UTF-7.
    NotModifiedUtf7 {
        name: String,
    },
    /// `* OK [CLOSED]`: SELECT or EXAMINE left the mailbox selected before.
    ClosedPrevious,
    /// BINARY on a part whose content-transfer-encoding this server cannot undo.
    UnknownCte,
    ClosedQuietly {
        expunged: usize,
    },
    MovedCopyUid,
}

impl ImapNote {
    pub fn rfc(&self) -> Rfc {
        use CommandName as C;
        use ImapNote::*;
        let (number, section): (u16, &'static str) = match self {
            Command(c) | Completed(c) => match c {
                C::Capability => (9051, "6.1.1"),
                C::Noop => (9051, "6.1.2"),
                C::Logout => (9051, "6.1.3"),
                C::StartTls => (9051, "6.2.1"),
                C::Authenticate => (9051, "6.2.2"),
                C::Login => (9051, "6.2.3"),
                C::Enable => (9051, "6.3.1"),
                C::Select => (9051, "6.3.2"),
                C::Examine => (9051, "6.3.3"),
                C::Create => (9051, "6.3.4"),
                C::Delete => (9051, "6.3.5"),
                C::Rename => (9051, "6.3.6"),
                C::Subscribe => (9051, "6.3.7"),
                C::Unsubscribe => (9051, "6.3.8"),
                C::List => (9051, "6.3.9"),
                C::Namespace => (9051, "6.3.10"),
                C::Status => (9051, "6.3.11"),
                C::Append => (9051, "6.3.12"),
                C::Idle => (9051, "6.3.13"),
                C::Close => (9051, "6.4.1"),
                C::Unselect => (9051, "6.4.2"),
                C::Expunge => (9051, "6.4.3"),
                C::Search => (9051, "6.4.4"),
                C::Fetch => (9051, "6.4.5"),
                C::Store => (9051, "6.4.6"),
                C::Copy => (9051, "6.4.7"),
                C::Move => (9051, "6.4.8"),
                C::Uid => (9051, "6.4.9"),
                C::Check => (3501, "6.4.1"),
                C::Lsub => (3501, "6.3.9"),
                C::Id => (2971, "3.1"),
            },
            UidCommand(_) => (9051, "6.4.9"),
            LiteralData | CommandContinued | ContinueLiteral | LiteralContent => (9051, "4.3"),
            // TOOBIG comes from the CATENATE extension (RFC 4469 §4.2).
            LiteralTooBig { .. } => (4469, "4.2"),
            AuthResponse { .. }
            | AuthCancel
            | ContinueAuthenticate
            | AuthCancelled
            | AuthBadBase64 => (9051, "6.2.2"),
            UnknownMechanism { .. } => (9051, "6.2.2"),
            Done | Idling | ExpectedDone => (9051, "6.3.13"),
            Unparsed
            | UnknownCommand { .. }
            | MissingTag { .. }
            | BadTag { .. }
            | MissingCommand
            | EmptyLine => (9051, "2.2.1"),
            Syntax { .. } | LineTooLong { .. } => (9051, "7.1.3"),
            BareLfRefused => (9051, "2.2"),
            InvalidName { .. } => (9051, "6.3.4"),
            HasChildren { .. } => (9051, "6.3.5"),
            SameMailbox => (6851, "3.3"),
            Greeting { .. } => (9051, "7.1.1"),
            CapabilityList { .. } => (9051, "7.2.2"),
            LoggedIn { .. } => (9051, "6.2.3"),
            LoginDisabled => (9051, "6.2.3"),
            AuthenticationFailed => (9051, "7.1"),
            WrongState { .. } => (9051, "3"),
            NoSuchMailbox { .. } | AlreadyExists { .. } | TryCreate { .. } => (9051, "7.1"),
            TooManyMailboxes { .. } => (9051, "7.1"),
            CannotDeleteInbox => (9051, "6.3.5"),
            ReadOnly => (9051, "6.3.3"),
            InvalidSequence { .. } => (9051, "2.3.1.2"),
            BadCharset { .. } => (9051, "6.4.4"),
            TlsReady | TlsActive => (9051, "6.2.1"),
            Bye => (9051, "7.1.5"),
            Exists { .. } => (9051, "7.4.1"),
            Recent => (3501, "7.3.2"),
            Expunge { .. } => (9051, "7.5.1"),
            FlagsUpdate { .. } | FetchData { .. } => (9051, "7.5.2"),
            MailboxFlags => (9051, "7.3.5"),
            PermanentFlags { .. } | UidValidity { .. } | UidNext { .. } => (9051, "7.1"),
            // IMAP4rev2 dropped [UNSEEN n]; it is IMAP4rev1's (RFC 3501 §7.1).
            FirstUnseen { .. } => (3501, "7.1"),
            Selected { .. } => (9051, "6.3.2"),
            ListLine { .. } => (9051, "7.3.1"),
            LsubLine { .. } => (3501, "7.2.3"),
            StatusLine { .. } => (9051, "7.3.3"),
            SearchResult { .. } => (3501, "7.2.5"),
            EsearchResult { .. } => (9051, "7.3.4"),
            NamespaceLine => (9051, "7.3.2"),
            IdLine => (2971, "3.2"),
            Enabled { .. } => (9051, "7.2.1"),
            CopyUid | MovedCopyUid | AppendUid { .. } => (4315, "3"),
            ClosedQuietly { .. } => (9051, "6.4.1"),
            NulInMessage => (9051, "4.3"),
            NotModifiedUtf7 { .. } => (3501, "5.1.3"),
            ClosedPrevious => (9051, "7.1"),
            UnknownCte => (3516, "4.3"),
        };
        Rfc { number, section }
    }
}

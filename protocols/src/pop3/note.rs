//! What each POP3 line means, with the RFC section it comes from. Words are in the EN/FR
//! catalogues.

use serde::{Deserialize, Serialize};

use super::command::Verb;
use crate::grammar::Diagnostic;
use crate::vocab::Rfc;

/// The three states of a POP3 session (RFC 1939 §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(Default))]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum State {
    #[cfg_attr(test, default)]
    Authorization,
    Transaction,
    Update,
}

/// A capability listed by CAPA (RFC 2449 §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(Default))]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum Capability {
    #[cfg_attr(test, default)]
    Top,
    User,
    Uidl,
    RespCodes,
    AuthRespCode,
    Pipelining,
    Stls,
    Implementation,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum Pop3Note {
    // What the client's lines mean.
    User {
        name: String,
    },
    Pass,
    Apop,
    Stat,
    List {
        message: Option<u32>,
    },
    Retr {
        message: u32,
    },
    Dele {
        message: u32,
    },
    Noop,
    Rset,
    Quit,
    Top {
        message: u32,
        lines: u32,
    },
    Uidl {
        message: Option<u32>,
    },
    Capa,
    Stls,
    Unparsed,

    // What the server's lines mean.
    Greeting {
        host: String,
    },
    UserAccepted {
        cleartext: bool,
    },
    LoggedIn {
        login: String,
        count: usize,
        size: usize,
    },
    LoginFailed,
    InUse {
        login: String,
    },
    NeedUser,
    LoginNeedsTls,
    ApopNotOffered,
    StatReply {
        count: usize,
        size: usize,
    },
    ListHeader {
        count: usize,
        size: usize,
    },
    ListEntry {
        message: u32,
        size: usize,
    },
    UidlHeader,
    UidlEntry {
        message: u32,
        unique_id: String,
    },
    RetrHeader {
        message: u32,
        size: usize,
    },
    TopHeader {
        message: u32,
        lines: u32,
    },
    MessageLine,
    /// A message line starting with a dot, sent with one dot more (RFC 1939 §3).
    MessageLineStuffed,
    EndOfMultiline,
    Deleted {
        message: u32,
    },
    AlreadyDeleted {
        message: u32,
    },
    NoSuchMessage {
        message: u32,
        count: usize,
    },
    RemovedElsewhere {
        message: u32,
    },
    NoopOk,
    ResetOk {
        count: usize,
        size: usize,
    },
    SignOff,
    SignOffUpdate {
        deleted: usize,
    },
    CapaHeader,
    Advertised(Capability),
    StlsReady,
    StlsActive,
    WrongState {
        verb: Verb,
        state: State,
    },
    UnknownCommand {
        verb: String,
    },
    EmptyLine,
    Syntax {
        verb: Verb,
        diagnostic: Diagnostic,
    },
    LineTooLong {
        limit: usize,
    },
    BareLfRefused,
}

impl Pop3Note {
    pub fn rfc(&self) -> Rfc {
        use Pop3Note::*;
        let (number, section) = match self {
            User { .. } | Pass | UserAccepted { .. } | NeedUser => (1939, "7"),
            // The [AUTH] response code is RFC 3206's.
            LoginFailed => (3206, "5"),
            LoggedIn { .. } => (1939, "4"),
            Apop | ApopNotOffered => (1939, "7"),
            InUse { .. } => (2449, "8.1.2"),
            LoginNeedsTls => (2595, "4"),
            Stat | StatReply { .. } => (1939, "5"),
            List { .. } | ListHeader { .. } | ListEntry { .. } => (1939, "5"),
            Retr { .. } | RetrHeader { .. } | MessageLine | EndOfMultiline => (1939, "5"),
            MessageLineStuffed => (1939, "3"),
            Dele { .. } | Deleted { .. } | AlreadyDeleted { .. } => (1939, "5"),
            NoSuchMessage { .. } | RemovedElsewhere { .. } => (1939, "5"),
            Noop | NoopOk | Rset | ResetOk { .. } => (1939, "5"),
            Greeting { .. } | Quit | SignOff => (1939, "4"),
            SignOffUpdate { .. } => (1939, "6"),
            Top { .. } | TopHeader { .. } | Uidl { .. } | UidlHeader | UidlEntry { .. } => {
                (1939, "7")
            }
            Capa | CapaHeader => (2449, "5"),
            Advertised(Capability::Stls) => (2595, "4"),
            Advertised(Capability::AuthRespCode) => (3206, "6"),
            Advertised(_) => (2449, "6"),
            Stls | StlsReady | StlsActive => (2595, "4"),
            WrongState { .. } => (1939, "3"),
            UnknownCommand { .. } | EmptyLine | Syntax { .. } | Unparsed => (1939, "3"),
            LineTooLong { .. } => (2449, "4"),
            BareLfRefused => (1939, "3"),
        };
        Rfc { number, section }
    }
}

//! What a student's page and the class server say to each other over the WebSocket: one
//! JSON text frame per message. The page asks ([`Ask`]); the server tells ([`Tell`]), both
//! in answer and on its own (a classmate's message reaching an idling phone).

use serde::{Deserialize, Serialize};

use super::NameProblem;
use crate::table::{Action, Said, TableView};

/// What a page asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Ask {
    /// A new student, by first name.
    Join {
        /// As typed.
        name: String,
    },
    /// A student already in the class, coming back (a reload, another tab).
    Rejoin {
        /// Their login.
        login: String,
        /// Their password.
        password: String,
    },
    /// Something done on one of the student's devices.
    Play {
        /// What.
        action: Action,
    },
}

/// What the server tells a page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tell {
    /// The student is in: their account and what the page shows of the table.
    Welcome(Box<Welcome>),
    /// A join, a rejoin or an action was refused.
    Refused {
        /// Why.
        refusal: Refusal,
    },
    /// One of the student's devices heard something; `table` is their view right after,
    /// when it changed since the last one sent.
    Heard {
        /// The device.
        device: String,
        /// What it heard.
        said: Said,
        /// The student's view of the table, if it changed.
        table: Option<Box<TableView>>,
    },
    /// The page's action has been played to its end; `table` is the student's view then,
    /// when it changed since the last one sent.
    Played {
        /// Whether it could be done.
        done: bool,
        /// The student's view of the table, if it changed.
        table: Option<Box<TableView>>,
    },
    /// Who is in the class now.
    Classmates {
        /// Everyone but the student, by name.
        classmates: Vec<Classmate>,
    },
    /// The teacher started the class's world again: every account is gone.
    Reset,
}

/// A student's welcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Welcome {
    /// Their login (`zoe`).
    pub login: String,
    /// Their name as shown (`Zoé`).
    pub name: String,
    /// Their address (`zoe@class.test`).
    pub address: String,
    /// Their password, shown on their page.
    pub password: String,
    /// Their view of the table.
    pub table: TableView,
    /// Everyone else in the class.
    pub classmates: Vec<Classmate>,
}

/// A classmate in the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Classmate {
    /// Their name as shown.
    pub name: String,
    /// Their address.
    pub address: String,
}

/// Why the server said no.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "why", rename_all = "kebab-case")]
pub enum Refusal {
    /// The name cannot be used.
    Name {
        /// What is wrong with it.
        problem: NameProblem,
    },
    /// Another student already has this login; only their password brings it back.
    NameTaken {
        /// The login.
        login: String,
    },
    /// No student has this login (a rejoin after the teacher's reset).
    NoSuchStudent,
    /// The password is not this student's.
    WrongPassword,
    /// The class has as many students as the teacher allowed.
    ClassFull {
        /// The most.
        max: usize,
    },
    /// The student has as many pages open as allowed.
    TooManyConnections {
        /// The most.
        max: usize,
    },
    /// Too many actions, or messages, in the last minute.
    TooFast {
        /// Messages allowed per minute.
        per_minute: usize,
    },
    /// The message or line is longer than the class allows.
    TooLarge {
        /// The most, in bytes.
        max: usize,
    },
    /// The device is not the student's.
    NotYours,
    /// The page must join before it plays.
    NotJoined,
    /// What the page sent is not something a page asks.
    Unreadable,
}

/// What the class server says of itself at `class/hello`: a page served by one knows it is
/// in class mode (a page from any other host gets no answer there and stays solo).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hello {
    /// The class's mail domain.
    pub domain: String,
    /// The address students open (`http://192.168.1.20:8080/`).
    pub address: String,
    /// The mail ports real mail apps can use.
    pub ports: Vec<MailPort>,
}

/// One of the class server's mail listeners.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailPort {
    /// The port it listens on (`1993`).
    pub port: u16,
    /// The real port whose rules it follows (`993`).
    pub stands_for: u16,
}

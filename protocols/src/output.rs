//! What a session gives back: an ordered list of steps for the driver to show or send.
//!
//! Order matters: with pipelining, a client line, its reply, the next client line and its
//! reply interleave, and playback shows them in exactly that order.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::explain::Note;
use crate::store::{Address, Uid};

/// A line the client sent, with what it means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClientLine {
    pub text: String,
    pub notes: Vec<Note>,
}

/// A line the server sends (without its CRLF), with what it means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServerLine {
    /// Exact bytes: message content may be 8-bit and not UTF-8.
    pub bytes: Vec<u8>,
    pub note: Note,
}

impl ServerLine {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }
}

/// Something that changed in the world, for the site to animate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Event {
    TlsStarted,
    Authenticated {
        account: String,
    },
    /// An SMTP server took responsibility for a message (RFC 5321 §6.1).
    Accepted {
        queue_id: String,
        recipients: Vec<Address>,
    },
    /// A message landed in a mailbox.
    Delivered {
        account: String,
        mailbox: String,
        uid: Uid,
    },
    /// A server passed a message to another server over port 25; the dialogue is the
    /// conversation between them, step by step.
    Relayed {
        queue_id: String,
        from_host: String,
        to_host: String,
        dialogue: Vec<Step>,
    },
    /// Relaying failed for some recipients; a bounce goes back to the sender.
    Bounced {
        queue_id: String,
        refused: Vec<Address>,
    },
    /// A POP3 client downloaded a message (RETR) or its top (TOP).
    Retrieved {
        account: String,
        uid: Uid,
    },
    /// POP3 DELE: marked, not yet removed (RFC 1939 §5).
    MarkedDeleted {
        account: String,
        uid: Uid,
    },
    /// POP3 RSET: every mark removed.
    MarksCleared {
        account: String,
        count: usize,
    },
    /// A message was removed from a mailbox for good.
    Expunged {
        account: String,
        mailbox: String,
        uid: Uid,
    },
    /// An IMAP client changed a message's flags.
    FlagsChanged {
        account: String,
        mailbox: String,
        uid: Uid,
        flags: Vec<String>,
    },
    /// An IMAP client stored a message with APPEND (drafts, sent copies).
    Appended {
        account: String,
        mailbox: String,
        uid: Uid,
    },
    /// IMAP COPY or MOVE placed messages in another mailbox.
    Copied {
        account: String,
        from: String,
        to: String,
        count: usize,
    },
    MailboxCreated {
        account: String,
        mailbox: String,
    },
    MailboxDeleted {
        account: String,
        mailbox: String,
    },
    MailboxRenamed {
        account: String,
        from: String,
        to: String,
    },
    MaildropLocked {
        account: String,
    },
    MaildropUnlocked {
        account: String,
    },
    /// The server closed the connection.
    Closed,
}

impl fmt::Display for Event {
    /// A short, stable form for transcript files (`E:` lines).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Event::TlsStarted => write!(f, "tls-started"),
            Event::Authenticated { account } => write!(f, "authenticated {account}"),
            Event::Accepted {
                queue_id,
                recipients,
            } => {
                write!(f, "accepted {queue_id} for")?;
                for r in recipients {
                    write!(f, " {r}")?;
                }
                Ok(())
            }
            Event::Delivered {
                account,
                mailbox,
                uid,
            } => {
                write!(f, "delivered {account} {mailbox} uid {uid}")
            }
            Event::Relayed {
                queue_id,
                from_host,
                to_host,
                dialogue,
            } => write!(
                f,
                "relayed {queue_id} {from_host} -> {to_host} ({} steps)",
                dialogue.len()
            ),
            Event::Bounced { queue_id, refused } => {
                write!(f, "bounced {queue_id} for")?;
                for r in refused {
                    write!(f, " {r}")?;
                }
                Ok(())
            }
            Event::Retrieved { account, uid } => write!(f, "retrieved {account} uid {uid}"),
            Event::MarkedDeleted { account, uid } => {
                write!(f, "marked-deleted {account} uid {uid}")
            }
            Event::MarksCleared { account, count } => write!(f, "marks-cleared {account} {count}"),
            Event::Expunged {
                account,
                mailbox,
                uid,
            } => {
                write!(f, "expunged {account} {mailbox} uid {uid}")
            }
            Event::FlagsChanged {
                account,
                mailbox,
                uid,
                flags,
            } => {
                write!(
                    f,
                    "flags {account} {mailbox} uid {uid} ({})",
                    flags.join(" ")
                )
            }
            Event::Appended {
                account,
                mailbox,
                uid,
            } => write!(f, "appended {account} {mailbox} uid {uid}"),
            Event::Copied {
                account,
                from,
                to,
                count,
            } => write!(f, "copied {account} {from} -> {to} {count}"),
            Event::MailboxCreated { account, mailbox } => write!(f, "created {account} {mailbox}"),
            Event::MailboxDeleted { account, mailbox } => write!(f, "deleted {account} {mailbox}"),
            Event::MailboxRenamed { account, from, to } => {
                write!(f, "renamed {account} {from} -> {to}")
            }
            Event::MaildropLocked { account } => write!(f, "maildrop-locked {account}"),
            Event::MaildropUnlocked { account } => write!(f, "maildrop-unlocked {account}"),
            Event::Closed => write!(f, "closed"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Step {
    Client(ClientLine),
    Server(ServerLine),
    Event(Event),
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Output {
    pub steps: Vec<Step>,
    /// The server closed the connection; the driver should hang up.
    pub closed: bool,
}

impl Output {
    pub fn client(&mut self, text: impl Into<String>, notes: Vec<Note>) {
        self.steps.push(Step::Client(ClientLine {
            text: text.into(),
            notes,
        }));
    }

    pub fn server(&mut self, bytes: impl Into<Vec<u8>>, note: Note) {
        self.steps.push(Step::Server(ServerLine {
            bytes: bytes.into(),
            note,
        }));
    }

    pub fn event(&mut self, event: Event) {
        self.steps.push(Step::Event(event));
    }

    pub fn close(&mut self) {
        if !self.closed {
            self.closed = true;
            self.event(Event::Closed);
        }
    }

    pub fn extend(&mut self, other: Output) {
        self.steps.extend(other.steps);
        self.closed |= other.closed;
    }

    /// The server's lines, as text, in order.
    pub fn server_lines(&self) -> Vec<String> {
        self.steps
            .iter()
            .filter_map(|s| match s {
                Step::Server(line) => Some(line.text()),
                _ => None,
            })
            .collect()
    }

    pub fn events(&self) -> impl Iterator<Item = &Event> {
        self.steps.iter().filter_map(|s| match s {
            Step::Event(e) => Some(e),
            _ => None,
        })
    }
}

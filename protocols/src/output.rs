//! What a session gives back: an ordered list of steps for the driver to show or send.
//!
//! Order matters: with pipelining, a client line, its reply, the next client line and its
//! reply interleave, and playback shows them in exactly that order.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::note::Note;
use crate::store::{Address, Uid};

/// A line the client sent, with what it means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClientLine {
    /// The line as the client sent it, without its line ending.
    pub text: String,
    /// What the line means, for the explanation beside it.
    pub notes: Vec<Note>,
}

/// What kind of line a server line is, decided by the session that wrote it, so a page can
/// style it without reading its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// An SMTP reply line, a POP3 status or listing line.
    Reply,
    /// An IMAP response that completes a command, with its tag (RFC 9051 §2.2.2).
    Tagged,
    /// An IMAP untagged response, `* …` (RFC 9051 §7).
    Untagged,
    /// A continuation request, IMAP `+ …` (RFC 9051 §7.6).
    Continuation,
    /// Message content: POP3 message lines, the octets of an IMAP literal and what follows
    /// them on the same response.
    Data,
}

/// A line the server sent: where its text lies in [`Output::wire`] (without the line
/// ending), and what it means. The text is a view over the bytes written, never a copy, so
/// what the page shows is what went on the wire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServerLine {
    /// Where the line's text lies in the output's bytes.
    pub span: Range<usize>,
    /// What the line means, for the explanation beside it.
    pub note: Note,
    /// What kind of line it is.
    pub role: Role,
}

/// Something that changed in the world, for the site to animate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Event {
    /// A connection switched to TLS (STARTTLS, STLS, or at once on an implicit-TLS port).
    TlsStarted,
    /// A client logged in.
    Authenticated {
        /// The account logged in to.
        account: String,
    },
    /// An SMTP server took responsibility for a message (RFC 5321 §6.1).
    Accepted {
        /// The server's name for its copy of the message, as its `250` reply says it.
        queue_id: String,
        /// The recipients it accepted the message for.
        recipients: Vec<Address>,
    },
    /// A message landed in a mailbox.
    Delivered {
        /// Whose mailbox.
        account: String,
        /// The mailbox's name (`INBOX`).
        mailbox: String,
        /// The message's UID in that mailbox.
        uid: Uid,
    },
    /// A server passed a message to another server over port 25; the dialogue is the
    /// conversation between them, step by step.
    Relayed {
        /// The sending server's queue id for the message.
        queue_id: String,
        /// The server that passed the message on.
        from_host: String,
        /// The server that took it.
        to_host: String,
        /// What the two servers said to each other.
        dialogue: Output,
    },
    /// Relaying failed for some recipients; a bounce goes back to the sender.
    Bounced {
        /// The sending server's queue id for the message.
        queue_id: String,
        /// The recipients the next server refused.
        refused: Vec<Address>,
    },
    /// A POP3 client downloaded a message (RETR) or its top (TOP).
    Retrieved {
        /// Whose maildrop.
        account: String,
        /// The message's UID in the account's INBOX.
        uid: Uid,
    },
    /// POP3 DELE: marked, not yet removed (RFC 1939 §5).
    MarkedDeleted {
        /// Whose maildrop.
        account: String,
        /// The message's UID in the account's INBOX.
        uid: Uid,
    },
    /// POP3 RSET: every mark removed.
    MarksCleared {
        /// Whose maildrop.
        account: String,
        /// How many marks were removed.
        count: usize,
    },
    /// A message was removed from a mailbox for good.
    Expunged {
        /// Whose mailbox.
        account: String,
        /// The mailbox's name.
        mailbox: String,
        /// The UID the message had.
        uid: Uid,
    },
    /// An IMAP client changed a message's flags.
    FlagsChanged {
        /// Whose mailbox.
        account: String,
        /// The mailbox's name.
        mailbox: String,
        /// The message's UID.
        uid: Uid,
        /// Its flags now (`\Seen`, `\Flagged`, keywords).
        flags: Vec<String>,
    },
    /// An IMAP client stored a message with APPEND (drafts, sent copies).
    Appended {
        /// Whose mailbox.
        account: String,
        /// The mailbox's name.
        mailbox: String,
        /// The new message's UID.
        uid: Uid,
    },
    /// IMAP COPY or MOVE placed messages in another mailbox.
    Copied {
        /// Whose mailboxes.
        account: String,
        /// The mailbox the messages came from.
        from: String,
        /// The mailbox they went to.
        to: String,
        /// How many messages.
        count: usize,
    },
    /// An IMAP client created a mailbox.
    MailboxCreated {
        /// Whose mailbox.
        account: String,
        /// The new mailbox's name.
        mailbox: String,
    },
    /// An IMAP client deleted a mailbox.
    MailboxDeleted {
        /// Whose mailbox.
        account: String,
        /// The name it had.
        mailbox: String,
    },
    /// An IMAP client renamed a mailbox.
    MailboxRenamed {
        /// Whose mailbox.
        account: String,
        /// The old name.
        from: String,
        /// The new name.
        to: String,
    },
    /// A POP3 client logged in: the maildrop is its alone until QUIT (RFC 1939 §8).
    MaildropLocked {
        /// Whose maildrop.
        account: String,
    },
    /// The POP3 session ended: another client may open the maildrop.
    MaildropUnlocked {
        /// Whose maildrop.
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
                dialogue.steps.len()
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

/// One step of a dialogue, in the order it happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Step {
    /// A line the client sent.
    Client(ClientLine),
    /// A line the server sent.
    Server(ServerLine),
    /// Something that changed in the world.
    Event(Event),
}

/// What a session hands back for one input: the exact bytes to send, and the dialogue as
/// steps for a page to show.
///
/// Drivers write [`Output::wire`] as it is, like rustls's `write_tls` or quinn's
/// `poll_transmit`: the engine decides every octet, including the CRLF at each line's end
/// and the octets of an IMAP literal, so a `{n}` announcement always matches what follows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Output {
    /// Every octet the server sends, in order. Written as text where it is UTF-8 (a class
    /// server sends every output to a page), read back from that or from a list of numbers
    /// (a sandbox kept before).
    #[serde(with = "wire_text")]
    pub wire: Vec<u8>,
    /// The dialogue, step by step.
    pub steps: Vec<Step>,
    /// The server closed the connection; the driver should hang up.
    pub closed: bool,
}

impl Output {
    /// Notes a line the client sent (its bytes came in; they are not written back).
    pub fn client(&mut self, text: impl Into<String>, notes: Vec<Note>) {
        self.steps.push(Step::Client(ClientLine {
            text: text.into(),
            notes,
        }));
    }

    /// Sends one reply line; CRLF is added.
    pub fn server(&mut self, line: impl AsRef<[u8]>, note: Note) {
        self.server_line(line, note, Role::Reply);
    }

    /// Sends one line of a given role; CRLF is added.
    pub fn server_line(&mut self, line: impl AsRef<[u8]>, note: Note, role: Role) {
        let start = self.wire.len();
        self.wire.extend_from_slice(line.as_ref());
        let span = start..self.wire.len();
        self.wire.extend_from_slice(b"\r\n");
        self.steps
            .push(Step::Server(ServerLine { span, note, role }));
    }

    /// Sends bytes exactly as given, which must end with CRLF: a response whose literals
    /// carry line breaks. The first line gets `note` and `role`; the lines after it are
    /// literal content and get `rest`. A line is cut for display at each LF, and a CR
    /// just before that LF is left out of its text, but never out of the wire.
    pub fn server_bytes(&mut self, bytes: &[u8], note: Note, role: Role, rest: Note) {
        self.server_written(|wire| wire.extend_from_slice(bytes), note, role, rest);
    }

    /// As [`Output::server_bytes`], for a response that `write` encodes straight onto the
    /// wire.
    pub fn server_written(
        &mut self,
        write: impl FnOnce(&mut Vec<u8>),
        note: Note,
        role: Role,
        rest: Note,
    ) {
        let base = self.wire.len();
        write(&mut self.wire);
        let bytes = &self.wire[base..];
        let mut start = 0;
        let mut first = Some((note, role));
        while start < bytes.len() {
            let (end, next) = match bytes[start..].iter().position(|&b| b == b'\n') {
                Some(lf) => {
                    let lf = start + lf;
                    let end = if lf > start && bytes[lf - 1] == b'\r' {
                        lf - 1
                    } else {
                        lf
                    };
                    (end, lf + 1)
                }
                None => (bytes.len(), bytes.len()),
            };
            let (note, role) = first.take().unwrap_or_else(|| (rest.clone(), Role::Data));
            self.steps.push(Step::Server(ServerLine {
                span: base + start..base + end,
                note,
                role,
            }));
            start = next;
        }
    }

    /// Notes something that changed in the world.
    pub fn event(&mut self, event: Event) {
        self.steps.push(Step::Event(event));
    }

    /// The server closes the connection after what it has sent.
    pub fn close(&mut self) {
        if !self.closed {
            self.closed = true;
            self.event(Event::Closed);
        }
    }

    /// Appends another output after this one: its bytes follow these on the wire.
    pub fn extend(&mut self, other: Output) {
        let offset = self.wire.len();
        self.wire.extend_from_slice(&other.wire);
        self.steps
            .extend(other.steps.into_iter().map(|step| match step {
                Step::Server(mut line) => {
                    line.span = line.span.start + offset..line.span.end + offset;
                    Step::Server(line)
                }
                other => other,
            }));
        self.closed |= other.closed;
    }

    /// The octets of a server line, without its line ending.
    pub fn bytes(&self, line: &ServerLine) -> &[u8] {
        self.wire.get(line.span.clone()).unwrap_or_default()
    }

    /// A server line as text; octets that are not UTF-8 show as U+FFFD.
    pub fn text(&self, line: &ServerLine) -> Cow<'_, str> {
        String::from_utf8_lossy(self.bytes(line))
    }

    /// The server's lines, as text, in order.
    pub fn server_lines(&self) -> Vec<String> {
        self.steps
            .iter()
            .filter_map(|s| match s {
                Step::Server(line) => Some(self.text(line).into_owned()),
                _ => None,
            })
            .collect()
    }

    /// The role of each server line, in order: what tests check the diagram's colours by.
    #[cfg(test)]
    pub(crate) fn server_roles(&self) -> Vec<Role> {
        self.steps
            .iter()
            .filter_map(|s| match s {
                Step::Server(line) => Some(line.role),
                _ => None,
            })
            .collect()
    }

    /// The events among the steps, in order.
    pub fn events(&self) -> impl Iterator<Item = &Event> {
        self.steps.iter().filter_map(|s| match s {
            Step::Event(e) => Some(e),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::imap::ImapNote;

    fn imap(n: ImapNote) -> Note {
        Note::Imap(n)
    }

    #[test]
    fn lines_are_views_over_the_exact_wire() {
        let mut out = Output::default();
        out.server("+OK ready", Note::BareLineFeed(crate::port::Service::Pop3));
        let bytes = b"* 1 FETCH (BODY[] {8}\r\nHi\nthere)\r\n";
        out.server_bytes(
            bytes,
            imap(ImapNote::FetchData {
                seq: 1,
                envelope: false,
            }),
            Role::Untagged,
            imap(ImapNote::LiteralContent),
        );
        assert_eq!(out.wire, [b"+OK ready\r\n".as_slice(), bytes].concat());
        assert_eq!(
            out.server_lines(),
            ["+OK ready", "* 1 FETCH (BODY[] {8}", "Hi", "there)"]
        );
        let roles = out.server_roles();
        assert_eq!(roles, [Role::Reply, Role::Untagged, Role::Data, Role::Data]);
    }

    #[test]
    fn extending_keeps_every_line_on_its_own_bytes() {
        let mut a = Output::default();
        a.server("first", Note::BareLineFeed(crate::port::Service::Pop3));
        let mut b = Output::default();
        b.server("second", Note::BareLineFeed(crate::port::Service::Pop3));
        b.close();
        a.extend(b);
        assert_eq!(a.wire, b"first\r\nsecond\r\n");
        assert_eq!(a.server_lines(), ["first", "second"]);
        assert!(a.closed);
    }
}

mod wire_text {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::store::Raw;

    pub fn serialize<S: Serializer>(wire: &[u8], s: S) -> Result<S::Ok, S::Error> {
        Raw::new(wire.to_vec()).serialize(s)
    }

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Written {
        Raw(Raw),
        Octets(Vec<u8>),
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        Ok(match Written::deserialize(d)? {
            Written::Raw(raw) => raw.0.to_vec(),
            Written::Octets(octets) => octets,
        })
    }
}

#[cfg(test)]
mod wire_tests {
    use super::Output;

    #[test]
    fn wire_is_written_as_text_and_read_from_text_or_numbers() {
        let out = Output {
            wire: b"* OK ready\r\n".to_vec(),
            ..Output::default()
        };
        let text = serde_json::to_string(&out).expect("json");
        assert!(
            text.contains(r#""wire":{"text":"* OK ready\r\n"}"#),
            "{text}"
        );
        assert_eq!(serde_json::from_str::<Output>(&text).ok(), Some(out));
        let old = r#"{"wire":[79,75],"steps":[],"closed":false}"#;
        assert_eq!(
            serde_json::from_str::<Output>(old).map(|o| o.wire).ok(),
            Some(b"OK".to_vec())
        );
        let binary = Output {
            wire: vec![0xff, 0, 1],
            ..Output::default()
        };
        let text = serde_json::to_string(&binary).expect("json");
        assert_eq!(serde_json::from_str::<Output>(&text).ok(), Some(binary));
    }
}

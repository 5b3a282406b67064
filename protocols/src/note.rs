//! What each line of a dialogue means: a [`Note`] names the situation, with its
//! arguments. Sessions attach one to every line; the catalogues in `explain/` turn it into
//! words in each language.

use serde::{Deserialize, Serialize};

use crate::imap::note::ImapNote;
use crate::pop3::Pop3Note;
use crate::port::Service;
use crate::smtp::SmtpNote;
use crate::vocab::{Closing, Rfc};

/// What one line of a dialogue means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Note {
    /// What an SMTP line means.
    Smtp(SmtpNote),
    /// What a POP3 line means.
    Pop3(Pop3Note),
    /// What an IMAP line means.
    Imap(ImapNote),
    /// A lenient session of this protocol accepted a line ending in a bare LF instead of
    /// CRLF: each protocol's RFC has its own rule for it.
    BareLineFeed(Service),
    /// A command of another protocol was sent to this server (`RETR` to IMAP).
    Foreign(crate::crossover::Foreign),
    /// The server closes the connection on its own initiative.
    Closing {
        /// The protocol the connection spoke.
        service: Service,
        /// Why the server closes it.
        why: Closing,
    },
}

impl Note {
    /// The RFC section that says what the line means.
    pub fn rfc(&self) -> Rfc {
        match self {
            Note::Smtp(n) => n.rfc(),
            Note::Pop3(n) => n.rfc(),
            Note::Imap(n) => n.rfc(),
            Note::Foreign(f) => match f.protocol {
                Service::Smtp => Rfc {
                    number: 5321,
                    section: "4.1",
                },
                Service::Pop3 => Rfc {
                    number: 1939,
                    section: "5",
                },
                Service::Imap => Rfc {
                    number: 9051,
                    section: "6",
                },
            },
            Note::BareLineFeed(service) => match service {
                Service::Smtp => Rfc {
                    number: 5321,
                    section: "2.3.8",
                },
                Service::Pop3 => Rfc {
                    number: 1939,
                    section: "3",
                },
                Service::Imap => Rfc {
                    number: 9051,
                    section: "2.2",
                },
            },
            Note::Closing { service, .. } => match service {
                Service::Smtp => Rfc {
                    number: 5321,
                    section: "3.8",
                },
                Service::Pop3 => Rfc {
                    number: 3206,
                    section: "4",
                },
                Service::Imap => Rfc {
                    number: 9051,
                    section: "7.1.5",
                },
            },
        }
    }

    /// Whether a lenient server let this line pass where a strict one would refuse it
    /// (a bare LF, a missing colon, missing angle brackets).
    pub fn is_forgiven(&self) -> bool {
        matches!(
            self,
            Note::BareLineFeed(_) | Note::Smtp(crate::smtp::SmtpNote::Forgiven(_))
        )
    }

    /// Whether the line is message content (a DATA line, a literal's octets, a POP3 message
    /// line) rather than protocol talk, so a page can set it apart.
    pub fn is_message_data(&self) -> bool {
        use crate::pop3::Pop3Note as P;
        use crate::smtp::SmtpNote as S;
        matches!(
            self,
            Note::Smtp(S::DataLine | S::DataDotStuffed | S::DataEnd)
                | Note::Imap(ImapNote::LiteralData | ImapNote::LiteralContent)
                | Note::Pop3(P::MessageLine | P::MessageLineStuffed)
        )
    }
}

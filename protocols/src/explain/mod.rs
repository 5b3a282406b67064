//! Explanations: what every line of a dialogue means, in English and French.
//!
//! A session attaches a [`Note`] to each line: a variant naming the situation, with its
//! arguments. The catalogues turn a note into words; because they match on every variant,
//! the compiler refuses a note that has no English or no French text.

pub mod console;
mod en;
mod en_imap;
mod en_pop3;
mod fr;
mod fr_imap;
mod fr_pop3;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::grammar::{Diagnostic, Expected, Hint};
use crate::imap::note::ImapNote;
use crate::pop3::Pop3Note;
use crate::smtp::SmtpNote;

/// A language Facteur explains in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// A BCP 47 tag such as `fr-CA` mapped to the nearest language Facteur has.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }
}

/// A section of an RFC, for the learner to read the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rfc {
    pub number: u16,
    /// Section number without the `§`, e.g. `4.1.1.1`.
    pub section: &'static str,
}

impl Rfc {
    pub fn url(&self) -> String {
        format!(
            "https://www.rfc-editor.org/rfc/rfc{}#section-{}",
            self.number, self.section
        )
    }
}

impl fmt::Display for Rfc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RFC {} §{}", self.number, self.section)
    }
}

/// What one line of a dialogue means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Note {
    Smtp(SmtpNote),
    Pop3(Pop3Note),
    Imap(ImapNote),
    /// A lenient session accepted a line ending in a bare LF instead of CRLF.
    BareLineFeed,
    /// The server closes the connection on its own initiative.
    Closing {
        service: crate::port::Service,
        why: crate::closing::Closing,
    },
}

impl Note {
    pub fn rfc(&self) -> Rfc {
        match self {
            Note::Smtp(n) => n.rfc(),
            Note::Pop3(n) => n.rfc(),
            Note::Imap(n) => n.rfc(),
            Note::BareLineFeed => Rfc {
                number: 5321,
                section: "2.3.8",
            },
            Note::Closing { service, .. } => match service {
                crate::port::Service::Smtp => Rfc {
                    number: 5321,
                    section: "3.8",
                },
                crate::port::Service::Pop3 => Rfc {
                    number: 3206,
                    section: "4",
                },
                crate::port::Service::Imap => Rfc {
                    number: 9051,
                    section: "7.1.5",
                },
            },
        }
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

    /// The explanation in a language, as plain text.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::En => en::note(self),
            Lang::Fr => fr::note(self),
        }
    }
}

/// A parser's diagnostic as a sentence: what was expected, where, and the hint if any.
pub fn diagnostic(d: &Diagnostic, lang: Lang) -> String {
    match lang {
        Lang::En => en::diagnostic(d),
        Lang::Fr => fr::diagnostic(d),
    }
}

/// What an [`Expected`] is called, e.g. "an address in angle brackets".
pub fn expected(e: Expected, lang: Lang) -> &'static str {
    match lang {
        Lang::En => en::expected(e),
        Lang::Fr => fr::expected(e),
    }
}

/// The advice for a [`Hint`].
pub fn hint(h: Hint, lang: Lang) -> &'static str {
    match lang {
        Lang::En => en::hint(h),
        Lang::Fr => fr::hint(h),
    }
}

#[cfg(test)]
mod tests;

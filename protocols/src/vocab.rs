//! The words every part of the engine shares, and nothing else: the languages it explains
//! in, RFC references, what a session waits for next, why a server closes a connection.
//! This module imports nothing of the crate, so sessions, notes and catalogues can all
//! use it without importing each other.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A language Facteur explains in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// English.
    En,
    /// French.
    Fr,
}

impl Lang {
    /// Every language, in the order the language menu lists them.
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

    /// The language's tag (`en`, `fr`), as lesson folders and file names spell it.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }
}

/// A section of an RFC, for the learner to read the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rfc {
    /// The RFC's number.
    pub number: u16,
    /// Section number without the `§`, e.g. `4.1.1.1`.
    pub section: &'static str,
}

impl Rfc {
    /// The section's address on the RFC Editor's site.
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

/// What the next line from the client will be taken as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Awaiting {
    /// A command.
    Command,
    /// SMTP DATA: message lines until a line holding only a dot.
    MessageData,
    /// The octets of an IMAP literal.
    Literal {
        /// The octets still to come, counting down to 0.
        remaining: u64,
    },
    /// The rest of an IMAP command after a literal.
    CommandContinued,
    /// A base64 answer to an authentication challenge.
    SaslResponse,
    /// IMAP IDLE: only DONE.
    IdleDone,
}

/// Where a session stands, as far as what to type next goes: the state machine of each
/// protocol seen from the learner's chair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    /// SMTP: say hello first (RFC 5321 §4.1.1.1).
    SmtpGreet,
    /// SMTP submission in cleartext: encrypt before anything else (RFC 3207).
    SmtpStartTls,
    /// SMTP submission: log in before sending (RFC 4954).
    SmtpAuth,
    /// SMTP: name the sender with MAIL FROM.
    SmtpMail,
    /// SMTP: name a recipient with RCPT TO.
    SmtpRcpt,
    /// SMTP: another recipient, or DATA.
    SmtpRcptOrData,
    /// SMTP: the message, then a line holding only a dot.
    SmtpData,
    /// An AUTH exchange waits for a base64 answer.
    Sasl,
    /// POP3: name the maildrop with USER.
    Pop3User,
    /// POP3: the password with PASS.
    Pop3Pass,
    /// POP3: the maildrop is open: LIST, RETR, DELE, QUIT (RFC 1939 §5).
    Pop3Transaction,
    /// IMAP on 143 before STARTTLS: LOGINDISABLED (RFC 9051 §6.2.3).
    ImapStartTls,
    /// IMAP: not logged in yet: LOGIN or AUTHENTICATE.
    ImapLogin,
    /// IMAP: logged in: SELECT a mailbox, LIST, CREATE…
    ImapAuthenticated,
    /// IMAP: a mailbox is selected: FETCH, STORE, SEARCH…
    ImapSelected,
    /// IMAP: in IDLE until DONE (RFC 2177).
    ImapIdle,
    /// In the middle of something the learner typed (a literal, a continued command).
    Busy,
}

/// Why a server closes a connection on its own initiative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Closing {
    /// The client said nothing for `after` seconds (RFC 5321 §4.5.3.2.7, RFC 1939 §3,
    /// RFC 9051 §5.4).
    IdleTimeout {
        /// The server's inactivity time-out, in seconds.
        after: u64,
    },
    /// The server is stopping.
    ShuttingDown,
    /// The server is at its connection limit; this client is turned away at once.
    TooManyConnections,
}

/// A number with its noun as a learner reads it: "1 message", "2 messages"; French puts 0
/// and 1 in the singular ("0 message", "1 octet"), English only 1 ("0 messages"), and
/// French keeps the number and its noun on one line with a no-break space.
pub fn count(lang: Lang, n: usize, one: &str, many: &str) -> String {
    let noun = if is_singular(lang, n) { one } else { many };
    let n = grouped(lang, n);
    match lang {
        Lang::En => format!("{n} {noun}"),
        Lang::Fr => format!("{n}\u{a0}{noun}"),
    }
}

/// A number with its thousands set apart as each language writes them: `10,005` in
/// English, `10 005` in French (a narrow no-break space, so it never breaks).
pub fn grouped(lang: Lang, n: usize) -> String {
    let digits = n.to_string();
    let separator = match lang {
        Lang::En => ",",
        Lang::Fr => "\u{202f}",
    };
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(d);
    }
    out
}

/// Whether `n` takes the singular: English only for 1, French for 0 and 1.
pub fn is_singular(lang: Lang, n: usize) -> bool {
    match lang {
        Lang::En => n == 1,
        Lang::Fr => n <= 1,
    }
}

#[cfg(test)]
mod count_tests {
    use super::*;

    #[test]
    fn counts_agree_with_their_noun_in_each_language() {
        assert_eq!(count(Lang::En, 0, "message", "messages"), "0 messages");
        assert_eq!(count(Lang::En, 1, "message", "messages"), "1 message");
        assert_eq!(count(Lang::Fr, 0, "message", "messages"), "0\u{a0}message");
        assert_eq!(count(Lang::Fr, 1, "octet", "octets"), "1\u{a0}octet");
        assert_eq!(count(Lang::Fr, 2, "octet", "octets"), "2\u{a0}octets");
        assert_eq!(count(Lang::En, 10_005, "line", "lines"), "10,005 lines");
        assert_eq!(
            count(Lang::Fr, 1_234_567, "ligne", "lignes"),
            "1\u{202f}234\u{202f}567\u{a0}lignes"
        );
        assert_eq!(grouped(Lang::En, 999), "999");
        assert_eq!(grouped(Lang::En, 1_000), "1,000");
    }
}

//! Message flags, shared by every IMAP session and kept by the server (RFC 9051 §2.3.2).
//!
//! POP3 has no flags at all: that absence is one of the lessons.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A system flag or a keyword. `\Recent` is not here: RFC 9051 removed it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Flag {
    /// `\Seen`: the message was read.
    Seen,
    /// `\Answered`: it was replied to.
    Answered,
    /// `\Flagged`: marked for attention.
    Flagged,
    /// `\Deleted`: to be removed at the next EXPUNGE.
    Deleted,
    /// `\Draft`: not finished.
    Draft,
    /// A keyword such as `$Forwarded` or `Work`, stored as typed.
    Keyword(String),
}

impl Flag {
    /// The flag's name as IMAP writes it, with the backslash of system flags.
    pub fn name(&self) -> &str {
        match self {
            Flag::Seen => "\\Seen",
            Flag::Answered => "\\Answered",
            Flag::Flagged => "\\Flagged",
            Flag::Deleted => "\\Deleted",
            Flag::Draft => "\\Draft",
            Flag::Keyword(k) => k,
        }
    }

    /// Flags as IMAP writes them, for events and views.
    pub fn names<'a>(flags: impl IntoIterator<Item = &'a Flag>) -> Vec<String> {
        flags.into_iter().map(|f| f.name().to_owned()).collect()
    }

    /// A system flag by name, without regard to case (flags are case-insensitive, RFC 9051
    /// §2.3.2). Returns None for names that are not system flags.
    pub fn system(name: &str) -> Option<Flag> {
        [
            Flag::Seen,
            Flag::Answered,
            Flag::Flagged,
            Flag::Deleted,
            Flag::Draft,
        ]
        .into_iter()
        .find(|f| f.name().eq_ignore_ascii_case(name))
    }
}

impl fmt::Display for Flag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_flags_are_found_without_regard_to_case() {
        assert_eq!(Flag::system("\\seen"), Some(Flag::Seen));
        assert_eq!(Flag::system("\\FLAGGED"), Some(Flag::Flagged));
        assert_eq!(Flag::system("\\Recent"), None, "RFC 9051 has no \\Recent");
        assert_eq!(
            Flag::system("Seen"),
            None,
            "a system flag has its backslash"
        );
    }
}

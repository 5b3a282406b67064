//! Mail addresses as the envelope carries them: `local-part@domain`.

use std::fmt;

use serde::{Deserialize, Serialize};

/// RFC 5321 §4.5.3.1.1: a local part may be up to 64 octets.
pub const MAX_LOCAL_PART: usize = 64;
/// RFC 5321 §4.5.3.1.2: a domain may be up to 255 octets.
pub const MAX_DOMAIN: usize = 255;

/// An address such as `bob@example.test`. The domain is kept in lower case because domains
/// are case-insensitive (RFC 5321 §2.4); the local part keeps its case, as the RFC requires
/// of relays, although Facteur's own accounts match it without regard to case.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Address {
    /// The part before the `@`.
    pub local: String,
    /// The part after the `@`.
    pub domain: String,
}

impl Address {
    /// An address from its two parts, as given.
    pub fn new(local: &str, domain: &str) -> Address {
        Address {
            local: local.to_owned(),
            domain: domain.to_ascii_lowercase(),
        }
    }

    /// Splits `local@domain` at its last `@`. Only for trusted text such as presets; input
    /// from a client goes through the protocol grammars, which explain their errors.
    pub fn parse(text: &str) -> Option<Address> {
        let (local, domain) = text.rsplit_once('@')?;
        (!local.is_empty() && !domain.is_empty()).then(|| Address::new(local, domain))
    }

    /// Whether this address names the same mailbox as `other`, as Facteur's servers match
    /// recipients: local parts without regard to case, like most real servers.
    pub fn same_mailbox(&self, other: &Address) -> bool {
        self.domain == other.domain && self.local.eq_ignore_ascii_case(&other.local)
    }
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}@{}", self.local, self.domain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_are_case_insensitive_and_local_parts_keep_their_case() {
        let a = Address::parse("Bob@Example.TEST").expect("valid");
        assert_eq!(a.to_string(), "Bob@example.test");
        assert!(a.same_mailbox(&Address::new("bob", "example.test")));
        assert!(!a.same_mailbox(&Address::new("bob", "other.test")));
    }

    #[test]
    fn both_halves_are_required() {
        assert_eq!(Address::parse("bob"), None);
        assert_eq!(Address::parse("@example.test"), None);
        assert_eq!(Address::parse("bob@"), None);
    }
}

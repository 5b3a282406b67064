//! A command of another mail protocol, typed at this one: `RETR 1` on an IMAP port, `LOGIN`
//! on POP3, `USER` on SMTP. Learners who meet three protocols at once do this all the time;
//! each server still answers with its own error, and this names the mix-up and what the
//! protocol at hand uses instead.

use serde::{Deserialize, Serialize};

use crate::port::Service;

/// A word that is a command of `protocol`, typed to a server of another protocol.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Foreign {
    pub word: String,
    /// The protocol the word belongs to.
    pub protocol: Service,
    /// The protocol of the server it was sent to.
    pub here: Service,
    /// What this server's protocol uses instead, as a command to type, when it has one.
    pub instead: Option<String>,
}

fn is_command(service: Service, word: &str) -> bool {
    match service {
        Service::Smtp => crate::smtp::Verb::ALL
            .iter()
            .any(|v| v.word().eq_ignore_ascii_case(word)),
        Service::Pop3 => crate::pop3::Verb::ALL
            .iter()
            .any(|v| v.word().eq_ignore_ascii_case(word)),
        Service::Imap => crate::imap::CommandName::from_word(word).is_some(),
    }
}

/// The equivalent, in `here`'s protocol, of a command of another protocol.
fn equivalent(here: Service, word: &str) -> Option<&'static str> {
    let word = word.to_ascii_uppercase();
    Some(match (here, word.as_str()) {
        (Service::Imap, "USER" | "PASS") => "LOGIN bob builder",
        (Service::Imap, "RETR" | "TOP") => "FETCH 1 BODY[]",
        (Service::Imap, "STAT") => "STATUS INBOX (MESSAGES SIZE)",
        (Service::Imap, "DELE") => "STORE 1 +FLAGS (\\Deleted)",
        (Service::Imap, "UIDL") => "UID FETCH 1:* (UID)",
        (Service::Imap, "QUIT") => "LOGOUT",
        (Service::Pop3, "LOGIN") => "USER bob",
        (Service::Pop3, "FETCH") => "RETR 1",
        (Service::Pop3, "LOGOUT") => "QUIT",
        (Service::Pop3, "STORE" | "EXPUNGE") => "DELE 1",
        (Service::Smtp, "LOGIN" | "USER" | "PASS") => "AUTH PLAIN",
        (Service::Smtp, "LOGOUT") => "QUIT",
        _ => return None,
    })
}

/// Whether a line starts with a command of another protocol (for IMAP, the word after
/// the tag counts too, since `USER bob` reads as tag `USER` and command `bob`).
pub fn foreign(here: Service, line: &str) -> Option<Foreign> {
    let mut words = line.split_whitespace();
    let first = words.next()?;
    let candidates: Vec<&str> = match here {
        Service::Imap => std::iter::once(first).chain(words.next()).collect(),
        _ => vec![first],
    };
    candidates.into_iter().find_map(|word| {
        if is_command(here, word) {
            return None;
        }
        let protocol = [Service::Smtp, Service::Pop3, Service::Imap]
            .into_iter()
            .find(|&s| s != here && is_command(s, word))?;
        Some(Foreign {
            word: word.to_ascii_uppercase(),
            protocol,
            here,
            instead: equivalent(here, word).map(str::to_owned),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pop3_commands_typed_at_imap_are_recognised() {
        let f = foreign(Service::Imap, "RETR 1").expect("RETR");
        assert_eq!(f.protocol, Service::Pop3);
        assert_eq!(f.instead.as_deref(), Some("FETCH 1 BODY[]"));
        let f = foreign(Service::Imap, "USER bob").expect("USER");
        assert_eq!((f.word.as_str(), f.protocol), ("USER", Service::Pop3));
        assert_eq!(
            foreign(Service::Imap, "QUIT").and_then(|f| f.instead),
            Some("LOGOUT".to_owned())
        );
        assert_eq!(foreign(Service::Imap, "a1 NOOP"), None);
        assert_eq!(foreign(Service::Imap, "a1 FROB"), None);
    }

    #[test]
    fn and_the_other_way_round() {
        assert_eq!(
            foreign(Service::Pop3, "LOGIN bob builder").map(|f| f.protocol),
            Some(Service::Imap)
        );
        assert_eq!(
            foreign(Service::Smtp, "USER bob").map(|f| f.protocol),
            Some(Service::Pop3)
        );
        assert_eq!(
            foreign(Service::Pop3, "EHLO laptop").map(|f| f.protocol),
            Some(Service::Smtp)
        );
        assert_eq!(foreign(Service::Smtp, "EHLO laptop"), None);
    }
}

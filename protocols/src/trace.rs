//! What happened on the wire while someone watched: each command a client sent (with the
//! state its connection was in), each line a server sent back, each change in the world.
//! The world records it when asked to (a lesson step is open), at the one place every
//! driver goes through, so the page and a replayed reference solution see the same trace.
//! It sits below the world and knows nothing of lessons: lessons read it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::output::{Event, Output, Step};
use crate::port::Service;
use crate::session::SessionId;

/// More than any lesson step needs; past it, a runaway client cannot eat the page's memory.
const LIMIT: usize = 5_000;

/// One thing seen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Seen {
    /// A command line, without its IMAP tag (`EHLO x`, `LOGIN bob builder`, `DONE`).
    Command {
        session: u32,
        service: Service,
        port: u16,
        /// Whether the connection was encrypted when the command was sent.
        encrypted: bool,
        /// Whether a login had succeeded on the connection before the command.
        logged_in: bool,
        words: String,
    },
    /// A server line, without its IMAP tag (`250-PIPELINING`, `OK LOGIN completed`,
    /// `* 6 EXISTS`).
    Reply {
        session: u32,
        service: Service,
        words: String,
    },
    Event(Event),
}

/// What a connection is, as far as the trace follows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Connection {
    service: Service,
    port: u16,
    encrypted: bool,
    logged_in: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Trace {
    pub seen: Vec<Seen>,
    connections: BTreeMap<u32, Connection>,
}

impl Trace {
    /// A connection was opened to `port`; implicit-TLS ports start encrypted (RFC 8314 §3).
    pub fn connected(&mut self, id: SessionId, service: Service, port: u16, encrypted: bool) {
        self.connections.insert(
            id.0,
            Connection {
                service,
                port,
                encrypted,
                logged_in: false,
            },
        );
    }

    /// Takes in what a session said (and what its client sent, as the output lists it).
    pub fn record(&mut self, id: SessionId, service: Service, out: &Output) {
        for step in &out.steps {
            if self.seen.len() >= LIMIT {
                return;
            }
            let connection = self.connections.get(&id.0);
            match step {
                Step::Client(line) if !line.notes.iter().any(|n| n.is_message_data()) => {
                    let (port, encrypted, logged_in) = connection
                        .map_or((0, false, false), |c| (c.port, c.encrypted, c.logged_in));
                    self.seen.push(Seen::Command {
                        session: id.0,
                        service,
                        port,
                        encrypted,
                        logged_in,
                        words: untagged(service, &line.text, true),
                    });
                }
                Step::Client(_) => {}
                Step::Server(line) => {
                    let text = out.wire.get(line.span.clone()).unwrap_or_default();
                    let text = String::from_utf8_lossy(text);
                    self.seen.push(Seen::Reply {
                        session: id.0,
                        service,
                        words: untagged(service, &text, false),
                    });
                }
                Step::Event(event) => {
                    if let Some(c) = self.connections.get_mut(&id.0) {
                        match event {
                            Event::TlsStarted => c.encrypted = true,
                            Event::Authenticated { .. } | Event::MaildropLocked { .. } => {
                                c.logged_in = true
                            }
                            _ => {}
                        }
                    }
                    self.event(event);
                }
            }
        }
    }

    /// Starts watching afresh (a new step): what was seen is forgotten, the open
    /// connections are still followed.
    pub fn restart(&mut self) {
        self.seen.clear();
    }

    /// A change in the world. A relay's lines are the servers' business, not the
    /// lesson's; what the relay changed (a delivery at the other server) is kept.
    fn event(&mut self, event: &Event) {
        let Event::Relayed {
            queue_id,
            from_host,
            to_host,
            dialogue,
        } = event
        else {
            self.seen.push(Seen::Event(event.clone()));
            return;
        };
        self.seen.push(Seen::Event(Event::Relayed {
            queue_id: queue_id.clone(),
            from_host: from_host.clone(),
            to_host: to_host.clone(),
            dialogue: Output::default(),
        }));
        for step in &dialogue.steps {
            if let Step::Event(e) = step {
                self.event(e);
            }
        }
    }

    /// The connection is gone.
    pub fn closed(&mut self, id: SessionId) {
        self.connections.remove(&id.0);
    }

    /// The commands seen, each with the server lines that came back before the next one
    /// on the same connection.
    pub fn exchanges(&self) -> Vec<(&Seen, Vec<&str>)> {
        exchanges(&self.seen)
    }
}

/// The commands among `seen`, each with the server lines that came back before the next
/// one on the same connection.
pub fn exchanges(seen: &[Seen]) -> Vec<(&Seen, Vec<&str>)> {
    let mut out: Vec<(&Seen, Vec<&str>)> = Vec::new();
    let mut open: BTreeMap<u32, usize> = BTreeMap::new();
    for seen in seen {
        match seen {
            Seen::Command { session, .. } => {
                open.insert(*session, out.len());
                out.push((seen, Vec::new()));
            }
            Seen::Reply { session, words, .. } => {
                if let Some(&i) = open.get(session) {
                    out[i].1.push(words);
                }
            }
            Seen::Event(_) => {}
        }
    }
    out
}

/// A line without its IMAP tag, SMTP's `250-` continuation written `250 `, so that a goal
/// can name a reply by its first words whatever the line's form.
fn untagged(service: Service, text: &str, client: bool) -> String {
    let text = text.trim();
    match service {
        Service::Imap => {
            let mut words = text.splitn(2, ' ');
            let first = words.next().unwrap_or_default();
            let rest = words.next();
            let keep_whole = if client {
                // DONE ends IDLE and a SASL answer is one base64 word: neither has a tag.
                rest.is_none()
            } else {
                first == "*" || first == "+"
            };
            match rest {
                Some(rest) if !keep_whole => rest.to_owned(),
                _ => text.to_owned(),
            }
        }
        Service::Smtp if !client => match text.as_bytes().get(3) {
            Some(b'-') => format!("{} {}", &text[..3], &text[4..]),
            _ => text.to_owned(),
        },
        _ => text.to_owned(),
    }
}

/// Whether `words` begins with `pattern`, word by word and without regard to case; `#` in
/// the pattern stands for any number (`* # EXISTS`).
pub fn begins_with(words: &str, pattern: &str) -> bool {
    let mut have = words.split_ascii_whitespace();
    pattern.split_ascii_whitespace().all(|want| {
        have.next().is_some_and(|w| {
            if want == "#" {
                !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
            } else {
                w.eq_ignore_ascii_case(want)
            }
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_continuation_marks_are_set_aside() {
        assert_eq!(
            untagged(Service::Imap, "a1 LOGIN bob x", true),
            "LOGIN bob x"
        );
        assert_eq!(untagged(Service::Imap, "DONE", true), "DONE");
        assert_eq!(untagged(Service::Imap, "a1 OK done", false), "OK done");
        assert_eq!(untagged(Service::Imap, "* 3 EXISTS", false), "* 3 EXISTS");
        assert_eq!(
            untagged(Service::Smtp, "250-STARTTLS", false),
            "250 STARTTLS"
        );
        assert_eq!(
            untagged(Service::Smtp, "MAIL FROM:<a@b>", true),
            "MAIL FROM:<a@b>"
        );
    }

    #[test]
    fn patterns_match_first_words_and_numbers() {
        assert!(begins_with("* 6 EXISTS", "* # EXISTS"));
        assert!(!begins_with("* 6 RECENT", "* # EXISTS"));
        assert!(begins_with("503 5.5.1 Bad sequence", "503"));
        assert!(!begins_with("50", "503"));
        assert!(begins_with("ok [read-only] x", "OK [READ-ONLY]"));
    }
}

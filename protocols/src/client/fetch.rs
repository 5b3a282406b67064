//! A POP3 mail client's "Check mail" (RFC 1939): log in, list the maildrop by unique-id
//! (UIDL, §7), download only what this device has not seen, delete on the server what its
//! setting says to delete, and QUIT so the deletions take effect (the UPDATE state, §6).
//!
//! The device remembers what it downloaded by UIDL, not by message number: numbers change
//! from one session to the next, unique-ids do not. That is how a POP3 client that leaves
//! mail on the server avoids downloading it twice.
//!
//! Sans-IO, like [`super::submit`]: it reads replies from the server's bytes only.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::incoming::Incoming;
use super::settings::ConnectionSecurity;
use super::trouble::{greeting_service, Trouble};
use crate::port::Service;
use crate::time::Timestamp;

/// What a POP3 device does with the server's copy once it has its own: the three choices
/// every mail app offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Keep {
    /// "Delete from server after download": the classic POP3 way; other devices never see it.
    DeleteAfterDownload,
    /// "Leave a copy on the server": every device can download it, each once.
    LeaveOnServer,
    /// "Leave a copy, remove it after N days".
    DeleteAfterDays(u32),
}

/// One "Check mail".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Retrieval {
    /// The user name (USER).
    pub user: String,
    /// The password (PASS).
    pub password: String,
    /// What this device already has, by unique-id, and when it downloaded it.
    pub known: BTreeMap<String, Timestamp>,
    /// What to do with the server's copies.
    pub keep: Keep,
    /// The time of this check, for "after N days".
    pub now: Timestamp,
}

/// What the check brought.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fetched {
    /// New messages, by unique-id, as the server sent them (dot-stuffing undone).
    pub messages: Vec<(String, Vec<u8>)>,
    /// Unique-ids the client deleted (they are gone once the server confirmed QUIT).
    pub deleted: Vec<String>,
    /// Every unique-id the maildrop listed.
    pub listed: Vec<String>,
}

/// How the check ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The check went through.
    Fetched(Fetched),
    /// The server said `-ERR` at some step; the client said QUIT and tells its user why.
    Refused {
        /// The step the server said `-ERR` at.
        step: Step,
        /// The server's reply.
        reply: String,
    },
    /// The client stopped by itself: the server is not what the settings expect.
    GaveUp(Trouble),
}

impl Outcome {
    /// What stopped the check, if it did not go through.
    pub fn trouble(&self) -> Option<Trouble> {
        match self {
            Outcome::Fetched(_) => None,
            Outcome::GaveUp(t) => Some(t.clone()),
            Outcome::Refused { step, reply } => Some(Trouble::refusal(
                matches!(step, Step::User | Step::Pass),
                reply.clone(),
            )),
        }
    }
}

/// The last command sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Waiting for the greeting.
    Greeting,
    /// CAPA sent.
    Capa,
    /// STLS sent.
    Stls,
    /// USER sent.
    User,
    /// PASS sent.
    Pass,
    /// UIDL sent.
    Uidl,
    /// RETR of this message number sent.
    Retr(usize),
    /// DELE of this message number sent.
    Dele(usize),
    /// QUIT sent.
    Quit,
    /// Finished.
    Done,
}

/// A POP3 client that checks mail as a device's settings say (RFC 1939, RFC 2595).
#[derive(Debug, Clone)]
pub struct Fetcher {
    job: Retrieval,
    step: Step,
    security: ConnectionSecurity,
    encrypted: bool,
    incoming: Incoming,
    /// The first line of the reply being read, and the lines of its multi-line body.
    status: Option<String>,
    body: Vec<u8>,
    /// Message numbers and unique-ids, as UIDL listed them.
    listing: Vec<(u32, String)>,
    to_retrieve: Vec<usize>,
    to_delete: Vec<usize>,
    fetched: Fetched,
    refused: Option<(Step, String)>,
    gave_up: Option<Trouble>,
}

impl Fetcher {
    /// A client that has just connected with this connection security (SSL/TLS: the
    /// greeting came inside TLS).
    pub fn new(job: Retrieval, security: ConnectionSecurity) -> Fetcher {
        Fetcher {
            job,
            step: Step::Greeting,
            security,
            encrypted: security == ConnectionSecurity::SslTls,
            incoming: Incoming::default(),
            status: None,
            body: Vec::new(),
            listing: Vec::new(),
            to_retrieve: Vec::new(),
            to_delete: Vec::new(),
            fetched: Fetched::default(),
            refused: None,
            gave_up: None,
        }
    }

    /// The last step taken.
    pub fn step(&self) -> Step {
        self.step
    }

    /// How it ended, once the server answered QUIT.
    pub fn outcome(&self) -> Option<Outcome> {
        if self.step != Step::Done {
            return None;
        }
        if let Some(trouble) = &self.gave_up {
            return Some(Outcome::GaveUp(trouble.clone()));
        }
        Some(match &self.refused {
            Some((step, reply)) => Outcome::Refused {
                step: *step,
                reply: reply.clone(),
            },
            None => Outcome::Fetched(self.fetched.clone()),
        })
    }

    /// Takes bytes from the server; returns the bytes to send next.
    pub fn receive(&mut self, bytes: &[u8]) -> Vec<u8> {
        self.incoming.push(bytes);
        let mut out = Vec::new();
        while let Some((status, body)) = self.next_reply() {
            out.extend(self.answer(&status, body));
        }
        out
    }

    /// Whether the reply to the current step has a body ending with a lone dot.
    fn multi_line(&self) -> bool {
        matches!(self.step, Step::Capa | Step::Uidl | Step::Retr(_))
    }

    /// The next whole reply: its status line, and for a positive multi-line reply its body
    /// with the dot-stuffing undone (RFC 1939 §3).
    fn next_reply(&mut self) -> Option<(String, Vec<u8>)> {
        loop {
            if self.status.is_none() {
                let line = self.incoming.line()?;
                let status = String::from_utf8_lossy(&line).into_owned();
                if !(self.multi_line() && status.starts_with("+OK")) {
                    return Some((status, Vec::new()));
                }
                self.status = Some(status);
            }
            let line = self.incoming.line()?;
            if line == b"." {
                let status = self.status.take().unwrap_or_default();
                return Some((status, std::mem::take(&mut self.body)));
            }
            let line = line.strip_prefix(b".").unwrap_or(&line);
            self.body.extend_from_slice(line);
            self.body.extend_from_slice(b"\r\n");
        }
    }

    /// Gives up by itself, politely.
    fn stop(&mut self, trouble: Trouble) -> Vec<u8> {
        self.gave_up = Some(trouble);
        self.send(Step::Quit, "QUIT")
    }

    fn send(&mut self, step: Step, text: &str) -> Vec<u8> {
        self.step = step;
        format!("{text}\r\n").into_bytes()
    }

    fn answer(&mut self, status: &str, body: Vec<u8>) -> Vec<u8> {
        let ok = status.starts_with("+OK");
        let wants_stls = !self.encrypted && self.security == ConnectionSecurity::StartTls;
        match self.step {
            Step::Quit | Step::Done => {
                self.step = Step::Done;
                Vec::new()
            }
            Step::Greeting if greeting_service(status) != Some(Service::Pop3) => {
                // Not a POP3 server: nothing to say to it; hang up.
                self.gave_up = Some(Trouble::WrongProtocol {
                    expected: Service::Pop3,
                    found: greeting_service(status),
                    greeting: status.to_owned(),
                });
                self.step = Step::Done;
                Vec::new()
            }
            Step::Capa if !ok && wants_stls => self.stop(Trouble::NoStartTls),
            // CAPA is optional (RFC 2449): a server without it still gets USER.
            Step::Capa if !ok => self.send(Step::User, &format!("USER {}", self.job.user)),
            _ if !ok => {
                self.refused = Some((self.step, status.to_owned()));
                self.send(Step::Quit, "QUIT")
            }
            Step::Greeting if !self.encrypted => self.send(Step::Capa, "CAPA"),
            Step::Capa if wants_stls => {
                if String::from_utf8_lossy(&body).lines().any(|l| l == "STLS") {
                    self.send(Step::Stls, "STLS")
                } else {
                    self.stop(Trouble::NoStartTls)
                }
            }
            Step::Greeting | Step::Capa | Step::Stls => {
                self.encrypted |= self.step == Step::Stls;
                self.send(Step::User, &format!("USER {}", self.job.user))
            }
            Step::User => {
                let pass = format!("PASS {}", self.job.password);
                self.send(Step::Pass, &pass)
            }
            Step::Pass => self.send(Step::Uidl, "UIDL"),
            Step::Uidl => {
                self.read_listing(&body);
                self.next_retrieval(0)
            }
            Step::Retr(i) => {
                let uidl = self.listing[self.to_retrieve[i]].1.clone();
                self.fetched.messages.push((uidl, body));
                self.next_retrieval(i + 1)
            }
            Step::Dele(i) => self.next_deletion(i + 1),
        }
    }

    /// Decides from the listing what to download and what to delete.
    fn read_listing(&mut self, body: &[u8]) {
        self.listing = String::from_utf8_lossy(body)
            .lines()
            .filter_map(|l| {
                let (n, uidl) = l.split_once(' ')?;
                Some((n.parse().ok()?, uidl.trim().to_owned()))
            })
            .collect();
        self.fetched.listed = self.listing.iter().map(|(_, u)| u.clone()).collect();
        let now = self.job.now;
        for (i, (_, uidl)) in self.listing.iter().enumerate() {
            let downloaded = self.job.known.get(uidl).copied();
            if downloaded.is_none() {
                self.to_retrieve.push(i);
            }
            let since = downloaded.unwrap_or(now);
            let delete = match self.job.keep {
                Keep::DeleteAfterDownload => true,
                Keep::LeaveOnServer => false,
                Keep::DeleteAfterDays(days) => since.plus_seconds(i64::from(days) * 86_400) <= now,
            };
            if delete {
                self.to_delete.push(i);
            }
        }
    }

    fn next_retrieval(&mut self, i: usize) -> Vec<u8> {
        match self.to_retrieve.get(i) {
            Some(&at) => {
                let n = self.listing[at].0;
                self.send(Step::Retr(i), &format!("RETR {n}"))
            }
            None => self.next_deletion(0),
        }
    }

    fn next_deletion(&mut self, i: usize) -> Vec<u8> {
        if i > 0 {
            let at = self.to_delete[i - 1];
            self.fetched.deleted.push(self.listing[at].1.clone());
        }
        match self.to_delete.get(i) {
            Some(&at) => {
                let n = self.listing[at].0;
                self.send(Step::Dele(i), &format!("DELE {n}"))
            }
            None => self.send(Step::Quit, "QUIT"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::conversation::converse_quietly;
    use crate::client::test_driver::converse;
    use crate::store::INBOX;
    use crate::{Port, World};

    fn job(keep: Keep) -> Retrieval {
        Retrieval {
            user: "bob".into(),
            password: "builder".into(),
            known: BTreeMap::new(),
            keep,
            now: Timestamp(0),
        }
    }

    fn check(world: &mut World, port: Port, job: Retrieval) -> (Fetched, Vec<String>) {
        let mut client = Fetcher::new(job, ConnectionSecurity::suited_to(port));
        let sent = converse(world, port, |b| client.receive(b));
        match client.outcome() {
            Some(Outcome::Fetched(f)) => (f, sent),
            other => panic!("not fetched: {other:?} after {sent:?}"),
        }
    }

    fn on_server(world: &World) -> usize {
        world
            .store
            .mailbox("bob", INBOX)
            .map_or(0, |m| m.messages.len())
    }

    #[test]
    fn delete_after_download_empties_the_maildrop() {
        let mut world = World::demo();
        let before = on_server(&world);
        let (fetched, sent) = check(&mut world, Port::POP3S, job(Keep::DeleteAfterDownload));
        assert_eq!(fetched.messages.len(), before);
        assert_eq!(fetched.deleted.len(), before);
        assert_eq!(sent[..3], ["USER bob", "PASS builder", "UIDL"]);
        assert_eq!(sent.last().map(String::as_str), Some("QUIT"));
        assert_eq!(on_server(&world), 0);
        assert!(
            fetched.messages[0].1.ends_with(b"\r\n"),
            "a whole message, with its last CRLF"
        );
    }

    #[test]
    fn leave_on_server_downloads_each_message_once() {
        let mut world = World::demo();
        let before = on_server(&world);
        let (first, _) = check(&mut world, Port::POP3S, job(Keep::LeaveOnServer));
        assert_eq!((first.messages.len(), first.deleted.len()), (before, 0));
        let mut again = job(Keep::LeaveOnServer);
        again.known = first
            .messages
            .iter()
            .map(|(u, _)| (u.clone(), Timestamp(0)))
            .collect();
        let (second, sent) = check(&mut world, Port::POP3S, again);
        assert!(second.messages.is_empty(), "nothing new");
        assert!(!sent.iter().any(|l| l.starts_with("RETR")));
        assert_eq!(on_server(&world), before);
    }

    #[test]
    fn after_n_days_only_old_downloads_are_deleted() {
        let mut world = World::demo();
        let (first, _) = check(&mut world, Port::POP3S, job(Keep::LeaveOnServer));
        let mut later = job(Keep::DeleteAfterDays(7));
        later.now = Timestamp(8 * 86_400);
        let (old, _) = first.messages.split_first().expect("messages");
        later.known.insert(old.0.clone(), Timestamp(0));
        for (u, _) in first.messages.iter().skip(1) {
            later.known.insert(u.clone(), Timestamp(7 * 86_400));
        }
        let (fetched, sent) = check(&mut world, Port::POP3S, later);
        assert_eq!(fetched.deleted, std::slice::from_ref(&old.0));
        assert_eq!(sent.iter().filter(|l| l.starts_with("DELE")).count(), 1);
    }

    #[test]
    fn on_110_it_asks_capa_and_starts_tls() {
        let mut world = World::demo();
        let (_, sent) = check(&mut world, Port::POP3, job(Keep::LeaveOnServer));
        assert_eq!(sent[..3], ["CAPA", "STLS", "USER bob"]);
    }

    #[test]
    fn without_encryption_the_password_goes_in_clear_on_110() {
        let mut world = World::demo();
        let mut client = Fetcher::new(job(Keep::LeaveOnServer), ConnectionSecurity::None);
        let sent = converse(&mut world, Port::POP3, |b| client.receive(b));
        assert_eq!(sent[..3], ["CAPA", "USER bob", "PASS builder"]);
        assert!(matches!(client.outcome(), Some(Outcome::Fetched(_))));
    }

    #[test]
    fn starttls_required_and_not_offered_stops_before_the_password() {
        let mut world = World::demo();
        let policy = crate::pop3::Pop3Policy::trusted_loopback("mail.example.test");
        let (id, greeting) = world.connect_pop3(policy, Timestamp(0));
        let mut client = Fetcher::new(job(Keep::LeaveOnServer), ConnectionSecurity::StartTls);
        let first = client.receive(&greeting.wire);
        let (_, sent) = converse_quietly(&mut world, id, first, Timestamp(0), &mut |b| {
            client.receive(b)
        });
        assert_eq!(sent, ["CAPA", "QUIT"], "no USER, no PASS");
        assert_eq!(client.outcome(), Some(Outcome::GaveUp(Trouble::NoStartTls)));
    }

    #[test]
    fn an_imap_greeting_is_not_understood() {
        let mut world = World::demo();
        let mut client = Fetcher::new(job(Keep::LeaveOnServer), ConnectionSecurity::SslTls);
        let sent = converse(&mut world, Port::IMAPS, |b| client.receive(b));
        assert!(sent.is_empty(), "it hangs up without a word: {sent:?}");
        assert!(matches!(
            client.outcome(),
            Some(Outcome::GaveUp(Trouble::WrongProtocol {
                found: Some(Service::Imap),
                ..
            }))
        ));
    }

    #[test]
    fn a_wrong_password_ends_with_quit_and_the_servers_words() {
        let mut world = World::demo();
        let mut client = Fetcher::new(
            Retrieval {
                password: "bulldozer".into(),
                ..job(Keep::DeleteAfterDownload)
            },
            ConnectionSecurity::SslTls,
        );
        let sent = converse(&mut world, Port::POP3S, |b| client.receive(b));
        assert_eq!(sent.last().map(String::as_str), Some("QUIT"));
        assert!(matches!(
            client.outcome(),
            Some(Outcome::Refused { step: Step::Pass, reply }) if reply.starts_with("-ERR")
        ));
    }

    #[test]
    fn a_dot_at_the_start_of_a_line_comes_back_single() {
        let mut client = Fetcher::new(job(Keep::LeaveOnServer), ConnectionSecurity::SslTls);
        client.receive(b"+OK ready\r\n+OK\r\n+OK\r\n");
        client.receive(b"+OK\r\n1 a\r\n.\r\n");
        assert_eq!(client.step(), Step::Retr(0));
        assert_eq!(
            client.receive(b"+OK 9 octets\r\n..dot\r\nx\r\n.\r\n"),
            b"QUIT\r\n"
        );
        client.receive(b"+OK bye\r\n");
        let Some(Outcome::Fetched(f)) = client.outcome() else {
            panic!("fetched");
        };
        assert_eq!(f.messages, [("a".to_owned(), b".dot\r\nx\r\n".to_vec())]);
    }
}

//! The world: one store, the sessions open on it, and the servers' relaying between them.
//! It is the single entry point for every driver (the web terminal, the simulated devices,
//! the native server).

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::client::relay;
use crate::imap::{ImapPolicy, ImapSession};
use crate::output::Output;
use crate::pop3::{Pop3Policy, Pop3Session};
use crate::port::{Port, Service};
use crate::smtp::{Context, SmtpPolicy, SmtpSession};
use crate::store::{Preset, PresetError, Store};
use crate::time::Timestamp;

/// Identifies an open connection for as long as it lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SessionId(pub u32);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
enum Session {
    Smtp(SmtpSession),
    Pop3(Pop3Session),
    Imap(ImapSession),
}

/// A session as a console sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionInfo {
    pub service: Service,
    pub host: String,
    pub encrypted: bool,
    /// Logged in as (for POP3, once the maildrop is held).
    pub login: Option<String>,
    pub awaiting: crate::console::Awaiting,
    pub lenient: bool,
    /// IMAP mailbox names of the logged-in account, for completion.
    pub mailboxes: Vec<String>,
}

/// Why a connection could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConnectError {
    UnknownHost(String),
}

impl fmt::Display for ConnectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConnectError::UnknownHost(h) => write!(f, "no server is called {h}"),
        }
    }
}

impl std::error::Error for ConnectError {}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct World {
    pub store: Store,
    sessions: BTreeMap<SessionId, Session>,
    next_session: u32,
    /// Updates for idling sessions, waiting for the driver.
    #[serde(default)]
    pushes: Vec<(SessionId, Output)>,
    /// Lenient sessions forgive common mistakes and say what a strict server would do.
    pub lenient: bool,
}

impl World {
    pub fn new(store: Store) -> World {
        World {
            store,
            sessions: BTreeMap::new(),
            next_session: 0,
            pushes: Vec::new(),
            lenient: true,
        }
    }

    /// A world started from one of the built-in presets (`demo`, `empty`, …).
    pub fn from_preset(name: &str) -> Result<World, PresetError> {
        Ok(World::new(Preset::builtin(name)?.build()?))
    }

    /// The demo world of the curriculum: alice, bob and carol on two domains.
    pub fn demo() -> World {
        // The demo preset is part of the crate and tested; failing here is a build mistake.
        World::from_preset("demo").unwrap_or_else(|_| World::new(Store::default()))
    }

    /// Opens a connection to a server's port, as a client would; returns the greeting.
    pub fn connect(&mut self, host: &str, port: Port) -> Result<(SessionId, Output), ConnectError> {
        let hostname = self
            .store
            .server(host)
            .map(|s| s.hostname.clone())
            .ok_or_else(|| ConnectError::UnknownHost(host.to_owned()))?;
        match port.service {
            Service::Smtp => Ok(self.connect_smtp(SmtpPolicy::for_port(&hostname, port))),
            Service::Pop3 => Ok(self.connect_pop3(Pop3Policy::for_port(&hostname, port))),
            Service::Imap => Ok(self.connect_imap(ImapPolicy::for_port(&hostname, port))),
        }
    }

    /// Opens an SMTP connection with a policy of the driver's choosing (the native server
    /// uses [`SmtpPolicy::trusted_loopback`]).
    pub fn connect_smtp(&mut self, policy: SmtpPolicy) -> (SessionId, Output) {
        let (session, greeting) = SmtpSession::connect(policy, self.lenient);
        (self.open(Session::Smtp(session)), greeting)
    }

    /// Opens a POP3 connection with a policy of the driver's choosing.
    pub fn connect_pop3(&mut self, policy: Pop3Policy) -> (SessionId, Output) {
        let (session, greeting) = Pop3Session::connect(policy, self.lenient);
        (self.open(Session::Pop3(session)), greeting)
    }

    /// Opens an IMAP connection with a policy of the driver's choosing.
    pub fn connect_imap(&mut self, policy: ImapPolicy) -> (SessionId, Output) {
        let (session, greeting) = ImapSession::connect(policy, self.lenient);
        (self.open(Session::Imap(session)), greeting)
    }

    fn open(&mut self, session: Session) -> SessionId {
        self.next_session += 1;
        let id = SessionId(self.next_session);
        self.sessions.insert(id, session);
        id
    }

    /// What the terminal needs to know about a session, without touching it.
    pub fn session_info(&self, id: SessionId) -> Option<SessionInfo> {
        let (service, host, encrypted, login, awaiting, lenient) = match self.sessions.get(&id)? {
            Session::Smtp(s) => (
                Service::Smtp,
                s.hostname(),
                s.is_encrypted(),
                s.authenticated(),
                s.awaiting(),
                s.is_lenient(),
            ),
            Session::Pop3(s) => (
                Service::Pop3,
                s.hostname(),
                s.is_encrypted(),
                s.maildrop_owner(),
                crate::console::Awaiting::Command,
                s.is_lenient(),
            ),
            Session::Imap(s) => (
                Service::Imap,
                s.hostname(),
                s.is_encrypted(),
                s.login(),
                s.awaiting(),
                s.is_lenient(),
            ),
        };
        let mailboxes = match login {
            Some(l) if service == Service::Imap => self
                .store
                .account(l)
                .map(|a| a.mailboxes.keys().cloned().collect())
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        Some(SessionInfo {
            service,
            host: host.to_owned(),
            encrypted,
            login: login.map(str::to_owned),
            awaiting,
            lenient,
            mailboxes,
        })
    }

    pub fn is_open(&self, id: SessionId) -> bool {
        self.sessions.contains_key(&id)
    }

    /// Feeds bytes from a client into its session.
    pub fn input(&mut self, id: SessionId, bytes: &[u8], now: Timestamp) -> Output {
        let mut outbound = Vec::new();
        let mut out = match self.sessions.get_mut(&id) {
            None => {
                return Output {
                    closed: true,
                    ..Output::default()
                }
            }
            Some(Session::Smtp(session)) => {
                let mut ctx = Context {
                    store: &mut self.store,
                    now,
                    outbound: &mut outbound,
                };
                session.input(bytes, &mut ctx)
            }
            Some(Session::Pop3(session)) => session.input(bytes, &mut self.store),
            Some(Session::Imap(session)) => {
                let mut ctx = crate::imap::session::Context {
                    store: &mut self.store,
                    now,
                };
                session.input(bytes, &mut ctx)
            }
        };
        for message in outbound {
            for event in relay::relay(&mut self.store, now, message) {
                out.event(event);
            }
        }
        if out.closed {
            self.sessions.remove(&id);
        }
        self.push_to_idlers(id);
        out
    }

    /// After a session's turn, sessions in IMAP IDLE that now have news get it at once
    /// (RFC 2177 / RFC 9051 §6.3.13); the driver collects it with [`World::take_pushes`].
    fn push_to_idlers(&mut self, except: SessionId) {
        for (id, session) in self.sessions.iter_mut() {
            if let Session::Imap(imap) = session {
                if *id != except && imap.has_news(&self.store) {
                    let out = imap.idle_updates(&self.store);
                    self.pushes.push((*id, out));
                }
            }
        }
    }

    /// Untagged updates pushed to idling sessions since the last call, for the driver to
    /// deliver to those connections.
    pub fn take_pushes(&mut self) -> Vec<(SessionId, Output)> {
        std::mem::take(&mut self.pushes)
    }

    /// The server ends a session on its own initiative (idle timeout, shutdown): the
    /// protocol's goodbye line, and nothing half-done takes effect (a POP3 maildrop is
    /// unlocked without UPDATE).
    pub fn close_session(&mut self, id: SessionId, why: crate::closing::Closing) -> Output {
        let (service, host) = match self.sessions.get(&id) {
            Some(Session::Smtp(s)) => (Service::Smtp, s.hostname().to_owned()),
            Some(Session::Pop3(s)) => (Service::Pop3, s.hostname().to_owned()),
            Some(Session::Imap(s)) => (Service::Imap, s.hostname().to_owned()),
            None => return Output::default(),
        };
        let mut out = crate::closing::goodbye(service, &host, why);
        out.extend(self.disconnect(id));
        out
    }

    /// The client hangs up without a goodbye. Nothing it left half-done takes effect.
    pub fn disconnect(&mut self, id: SessionId) -> Output {
        let mut out = Output::default();
        match self.sessions.remove(&id) {
            Some(Session::Pop3(mut session)) => out = session.hang_up(&mut self.store),
            Some(Session::Smtp(_) | Session::Imap(_)) => out.close(),
            None => {}
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_world_with_open_sessions_survives_a_json_round_trip() {
        let mut world = World::demo();
        let (pop, _) = world
            .connect("mail.example.test", Port::POP3S)
            .expect("pop3");
        world.input(pop, b"USER bob\r\nPASS builder\r\nDELE 1\r\n", Timestamp(0));
        let json = serde_json::to_string(&world).expect("serialises");
        let mut restored: World = serde_json::from_str(&json).expect("deserialises");
        assert_eq!(restored, world);
        let out = restored.input(pop, b"QUIT\r\n", Timestamp(0));
        assert_eq!(
            out.server_lines(),
            ["+OK mail.example.test POP3 server signing off (1 message deleted)"]
        );
    }

    #[test]
    fn a_snapshot_is_an_undo() {
        let mut world = World::demo();
        let snapshot = world.clone();
        let (smtp, _) = world
            .connect("mail.example.test", Port::SMTP)
            .expect("smtp");
        world.input(
            smtp,
            b"EHLO x\r\nMAIL FROM:<>\r\nRCPT TO:<bob@example.test>\r\nDATA\r\nhi\r\n.\r\n",
            Timestamp(0),
        );
        assert_ne!(world.store, snapshot.store);
        world = snapshot.clone();
        assert_eq!(world, snapshot);
    }

    #[test]
    fn pop3_says_so_when_another_client_removed_a_message_after_login() {
        let mut world = World::demo();
        let (pop, _) = world
            .connect("mail.example.test", Port::POP3S)
            .expect("pop3");
        world.input(pop, b"USER bob\r\nPASS builder\r\n", Timestamp(0));
        // Another device (an IMAP client, say) expunges message 1; POP3's lock does not
        // bind other protocols.
        let first = world
            .store
            .mailbox("bob", crate::store::INBOX)
            .expect("inbox")
            .messages[0]
            .uid;
        world.store.expunge("bob", crate::store::INBOX, first);
        let out = world.input(pop, b"RETR 1\r\nLIST 1\r\n", Timestamp(0));
        assert_eq!(
            out.server_lines(),
            ["-ERR Message 1 was removed by another session", "+OK 1 816"]
        );
        let out = world.input(pop, b"DELE 1\r\nQUIT\r\n", Timestamp(0));
        assert_eq!(
            out.server_lines().last().map(String::as_str),
            Some("+OK mail.example.test POP3 server signing off (0 messages deleted)"),
            "a message already gone is not counted as deleted"
        );
    }

    #[test]
    fn a_server_side_close_says_goodbye_and_releases_the_maildrop() {
        let mut world = World::demo();
        let (pop, _) = world
            .connect("mail.example.test", Port::POP3S)
            .expect("pop3");
        world.input(pop, b"USER bob\r\nPASS builder\r\nDELE 1\r\n", Timestamp(0));
        let out = world.close_session(pop, crate::closing::Closing::IdleTimeout);
        assert_eq!(
            out.server_lines(),
            ["-ERR [SYS/TEMP] Idle timeout, closing connection"]
        );
        assert!(out.closed && world.store.locks.is_empty() && !world.is_open(pop));
        assert_eq!(
            world
                .store
                .mailbox("bob", crate::store::INBOX)
                .map(|m| m.messages.len()),
            Some(5),
            "no UPDATE"
        );
    }

    #[test]
    fn close_explains_how_many_messages_it_removed_silently() {
        use crate::explain::Note;
        use crate::imap::ImapNote;
        use crate::output::Step;
        let mut world = World::demo();
        let (id, _) = world
            .connect("mail.example.test", Port::IMAPS)
            .expect("imap");
        world.input(
            id,
            b"a LOGIN bob builder\r\nb SELECT INBOX\r\nc STORE 1:2 +FLAGS.SILENT (\\Deleted)\r\n",
            Timestamp(0),
        );
        let out = world.input(id, b"d CLOSE\r\n", Timestamp(0));
        let notes: Vec<&Note> = out
            .steps
            .iter()
            .filter_map(|s| match s {
                Step::Server(line) => Some(&line.note),
                _ => None,
            })
            .collect();
        assert_eq!(
            out.server_lines(),
            ["d OK CLOSE completed"],
            "no EXPUNGE responses"
        );
        assert_eq!(
            notes,
            [&Note::Imap(ImapNote::ClosedQuietly { expunged: 2 })]
        );
    }

    #[test]
    fn unknown_hosts_are_refused_with_their_name() {
        let mut world = World::demo();
        assert_eq!(
            world.connect("mail.nowhere.test", Port::SMTP).map(|_| ()),
            Err(ConnectError::UnknownHost("mail.nowhere.test".into()))
        );
    }

    #[test]
    fn input_for_a_closed_session_reports_it_closed() {
        let mut world = World::demo();
        let (id, _) = world
            .connect("mail.example.test", Port::SMTP)
            .expect("smtp");
        assert!(world.input(id, b"QUIT\r\n", Timestamp(0)).closed);
        assert!(!world.is_open(id));
        assert!(world.input(id, b"NOOP\r\n", Timestamp(0)).closed);
    }
}

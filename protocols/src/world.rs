//! The world: one store, the sessions open on it, and the servers' relaying between them.
//! It is the single entry point for every driver (the web terminal, the simulated devices,
//! the native server).
//!
//! # How a driver calls it
//!
//! Like quinn-proto's `Connection`, the world does nothing on its own; a driver calls it,
//! always passing the time it read:
//!
//! 1. [`World::connect`] when a client connects: send the greeting's [`Output::wire`].
//! 2. [`World::input`] with whatever bytes arrived (any split): send `wire`, and hang up
//!    if [`Output::closed`].
//! 3. [`World::take_pushes`] after every call that may change the store: other sessions
//!    in IMAP IDLE have news; send each to its connection.
//! 4. [`World::poll_timeout`] to learn when a silent session must be closed, and
//!    [`World::handle_timeout`] once that moment has come: it sends the protocol's goodbye
//!    (RFC 5321 §4.5.3.2.7, RFC 1939 §3, RFC 9051 §5.4) and closes the session.
//! 5. [`World::disconnect`] when the client hangs up first, or
//!    [`World::close_session`] when the driver stops (shutdown).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::closing::{default_idle_timeout, Closing};
use crate::imap::{ImapPolicy, ImapSession};
use crate::output::Output;
use crate::pop3::{Pop3Policy, Pop3Session};
use crate::port::{Port, Service};
use crate::session::{Context, Session};
use crate::smtp::{relay, SmtpPolicy, SmtpSession};
use crate::store::{Preset, PresetError, Store};
use crate::time::Timestamp;
use crate::trace::Trace;

pub use crate::session::SessionId;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
enum AnySession {
    Smtp(SmtpSession),
    Pop3(Pop3Session),
    Imap(ImapSession),
}

impl AnySession {
    fn get(&self) -> &dyn Session {
        match self {
            AnySession::Smtp(s) => s,
            AnySession::Pop3(s) => s,
            AnySession::Imap(s) => s,
        }
    }

    fn get_mut(&mut self) -> &mut dyn Session {
        match self {
            AnySession::Smtp(s) => s,
            AnySession::Pop3(s) => s,
            AnySession::Imap(s) => s,
        }
    }
}

/// An open session and when its client last said something.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Open {
    session: AnySession,
    last_heard: Timestamp,
}

/// How long each service waits for a silent client, in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdleTimeouts {
    /// SMTP's, five minutes by default (RFC 5321 §4.5.3.2.7).
    pub smtp: u64,
    /// POP3's, ten minutes (RFC 1939 §3).
    pub pop3: u64,
    /// IMAP's, thirty minutes (RFC 9051 §5.4).
    pub imap: u64,
}

impl Default for IdleTimeouts {
    fn default() -> IdleTimeouts {
        IdleTimeouts {
            smtp: default_idle_timeout(Service::Smtp),
            pop3: default_idle_timeout(Service::Pop3),
            imap: default_idle_timeout(Service::Imap),
        }
    }
}

impl IdleTimeouts {
    /// The same limit for every service (the native server's `--idle-timeout`).
    pub fn all(seconds: u64) -> IdleTimeouts {
        IdleTimeouts {
            smtp: seconds,
            pop3: seconds,
            imap: seconds,
        }
    }

    /// The time-out of a service.
    pub fn of(&self, service: Service) -> u64 {
        match service {
            Service::Smtp => self.smtp,
            Service::Pop3 => self.pop3,
            Service::Imap => self.imap,
        }
    }
}

/// A session as a terminal sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    /// The protocol spoken.
    pub service: Service,
    /// The server's name.
    pub host: String,
    /// Whether the connection is encrypted.
    pub encrypted: bool,
    /// Logged in as (for POP3, once the maildrop is held).
    pub login: Option<String>,
    /// What the next line will be taken as.
    pub awaiting: crate::vocab::Awaiting,
    /// Where the session stands, for suggestions.
    pub stage: crate::vocab::Stage,
    /// Whether the server forgives typing mistakes.
    pub lenient: bool,
    /// IMAP mailbox names of the logged-in account, for completion.
    pub mailboxes: Vec<String>,
}

/// Why a connection could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConnectError {
    /// No server has this name.
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

/// The one entry point: every server, account and mailbox, and the sessions open on them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct World {
    /// The servers, accounts and mailboxes.
    pub store: Store,
    sessions: BTreeMap<SessionId, Open>,
    next_session: u32,
    /// Updates for idling sessions, waiting for the driver.
    #[serde(default)]
    pushes: Vec<(SessionId, Output)>,
    /// Lenient sessions forgive common mistakes and say what a strict server would do.
    pub lenient: bool,
    /// How long each service waits for a silent client.
    #[serde(default)]
    pub idle_timeouts: IdleTimeouts,
    /// What happened on the wire, kept while a lesson step watches (None otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace: Option<Trace>,
    /// Sessions held by another copy of this world (a class server's), as they look from
    /// here: a page shows them open, with what its terminal needs, and never plays on them.
    #[serde(skip)]
    shown: BTreeMap<SessionId, SessionInfo>,
}

impl World {
    /// A world over a store, with no session open.
    pub fn new(store: Store) -> World {
        World {
            store,
            sessions: BTreeMap::new(),
            next_session: 0,
            pushes: Vec::new(),
            lenient: true,
            idle_timeouts: IdleTimeouts::default(),
            trace: None,
            shown: BTreeMap::new(),
        }
    }

    /// A world whose sessions are held elsewhere (see [`World::sessions_shown`]): its store,
    /// and each session as it looks from here.
    pub fn shown(store: Store, sessions: BTreeMap<SessionId, SessionInfo>) -> World {
        World {
            shown: sessions,
            ..World::new(store)
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
    pub fn connect(
        &mut self,
        host: &str,
        port: Port,
        now: Timestamp,
    ) -> Result<(SessionId, Output), ConnectError> {
        let hostname = self
            .store
            .server(host)
            .map(|s| s.hostname.clone())
            .ok_or_else(|| ConnectError::UnknownHost(host.to_owned()))?;
        let (id, greeting) = match port.service {
            Service::Smtp => self.connect_smtp(SmtpPolicy::for_port(&hostname, port), now),
            Service::Pop3 => self.connect_pop3(Pop3Policy::for_port(&hostname, port), now),
            Service::Imap => self.connect_imap(ImapPolicy::for_port(&hostname, port), now),
        };
        if let Some(trace) = &mut self.trace {
            trace.connected(id, port.service, port.number, port.starts_encrypted());
            trace.record(id, port.service, &greeting);
        }
        Ok((id, greeting))
    }

    /// Opens an SMTP connection with a policy of the driver's choosing (the native server
    /// uses [`SmtpPolicy::trusted_loopback`]).
    pub fn connect_smtp(&mut self, policy: SmtpPolicy, now: Timestamp) -> (SessionId, Output) {
        let (session, greeting) = SmtpSession::connect(policy, self.lenient);
        (self.open(AnySession::Smtp(session), now), greeting)
    }

    /// Opens a POP3 connection with a policy of the driver's choosing.
    pub fn connect_pop3(&mut self, policy: Pop3Policy, now: Timestamp) -> (SessionId, Output) {
        let (session, greeting) = Pop3Session::connect(policy, self.lenient);
        (self.open(AnySession::Pop3(session), now), greeting)
    }

    /// Opens an IMAP connection with a policy of the driver's choosing.
    pub fn connect_imap(&mut self, policy: ImapPolicy, now: Timestamp) -> (SessionId, Output) {
        let (session, greeting) = ImapSession::connect(policy, self.lenient);
        (self.open(AnySession::Imap(session), now), greeting)
    }

    fn open(&mut self, session: AnySession, now: Timestamp) -> SessionId {
        self.next_session += 1;
        let id = SessionId(self.next_session);
        let open = Open {
            session,
            last_heard: now,
        };
        self.sessions.insert(id, open);
        id
    }

    /// What the terminal needs to know about a session, without touching it.
    pub fn session_info(&self, id: SessionId) -> Option<SessionInfo> {
        let Some(open) = self.sessions.get(&id) else {
            return self.shown.get(&id).cloned();
        };
        let s = open.session.get();
        let service = s.service();
        let mailboxes = match s.login() {
            Some(l) if service == Service::Imap => self
                .store
                .account(l)
                .map(|a| a.mailboxes.keys().cloned().collect())
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        Some(SessionInfo {
            service,
            host: s.hostname().to_owned(),
            encrypted: s.is_encrypted(),
            login: s.login().map(str::to_owned),
            awaiting: s.awaiting(),
            stage: s.stage(),
            lenient: s.is_lenient(),
            mailboxes,
        })
    }

    /// Every open session, oldest first.
    pub fn session_ids(&self) -> Vec<SessionId> {
        self.sessions.keys().copied().collect()
    }

    /// Whether a session is still open.
    pub fn is_open(&self, id: SessionId) -> bool {
        self.sessions.contains_key(&id) || self.shown.contains_key(&id)
    }

    /// Feeds bytes from a client into its session.
    pub fn input(&mut self, id: SessionId, bytes: &[u8], now: Timestamp) -> Output {
        let mut outbound = Vec::new();
        let Some(open) = self.sessions.get_mut(&id) else {
            return Output {
                closed: true,
                ..Output::default()
            };
        };
        open.last_heard = now;
        let mut ctx = Context {
            store: &mut self.store,
            now,
            outbound: &mut outbound,
        };
        let mut out = open.session.get_mut().input(bytes, &mut ctx);
        for message in outbound {
            for event in relay::relay(&mut self.store, now, message) {
                out.event(event);
            }
        }
        if let (Some(trace), Some(open)) = (&mut self.trace, self.sessions.get(&id)) {
            trace.record(id, open.session.get().service(), &out);
        }
        if out.closed {
            self.sessions.remove(&id);
            self.forget(id);
        }
        self.push_to_idlers(id);
        out
    }

    /// The trace stops following a closed connection.
    fn forget(&mut self, id: SessionId) {
        if let Some(trace) = &mut self.trace {
            trace.closed(id);
        }
    }

    /// After a session's turn, sessions in IMAP IDLE that now have news get it at once
    /// (RFC 2177 / RFC 9051 §6.3.13); the driver collects it with [`World::take_pushes`].
    fn push_to_idlers(&mut self, except: SessionId) {
        for (id, open) in self.sessions.iter_mut() {
            if let AnySession::Imap(imap) = &mut open.session {
                if *id != except && imap.has_news(&self.store) {
                    let out = imap.idle_updates(&self.store);
                    if let Some(trace) = &mut self.trace {
                        trace.record(*id, Service::Imap, &out);
                    }
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

    /// When the server will close this session for silence, if its client says nothing
    /// before. Pushes to an idling IMAP client do not count: only the client's own words
    /// reset the clock (RFC 9051 §5.4 asks an IDLE client to renew within 30 minutes).
    pub fn poll_timeout(&self, id: SessionId) -> Option<Timestamp> {
        let open = self.sessions.get(&id)?;
        let limit = self.idle_timeouts.of(open.session.get().service());
        Some(
            open.last_heard
                .plus_seconds(i64::try_from(limit).unwrap_or(i64::MAX)),
        )
    }

    /// Closes the session with its protocol's goodbye if its idle deadline has passed;
    /// otherwise does nothing and returns an empty output.
    pub fn handle_timeout(&mut self, id: SessionId, now: Timestamp) -> Output {
        match self.poll_timeout(id) {
            Some(deadline) if now >= deadline => {
                let service = self.sessions.get(&id).map(|o| o.session.get().service());
                let after = service.map_or(0, |s| self.idle_timeouts.of(s));
                self.close_session(id, Closing::IdleTimeout { after })
            }
            _ => Output::default(),
        }
    }

    /// The server ends a session on its own initiative (idle timeout, shutdown): the
    /// protocol's goodbye line, and nothing half-done takes effect (a POP3 maildrop is
    /// unlocked without UPDATE).
    pub fn close_session(&mut self, id: SessionId, why: Closing) -> Output {
        let Some(open) = self.sessions.get(&id) else {
            return Output::default();
        };
        let s = open.session.get();
        let mut out = crate::closing::goodbye(s.service(), s.hostname(), why);
        out.extend(self.disconnect(id));
        out
    }

    /// The sessions among `ids` as a terminal sees them, for a copy of this world held
    /// elsewhere ([`World::shown`]): what the copy needs of them, without their state.
    pub fn sessions_shown(&self, ids: &BTreeSet<SessionId>) -> BTreeMap<SessionId, SessionInfo> {
        ids.iter()
            .filter_map(|id| Some((*id, self.session_info(*id)?)))
            .collect()
    }

    /// The client hangs up without a goodbye. Nothing it left half-done takes effect.
    pub fn disconnect(&mut self, id: SessionId) -> Output {
        let Some(mut open) = self.sessions.remove(&id) else {
            return Output::default();
        };
        let mut outbound = Vec::new();
        let mut ctx = Context {
            store: &mut self.store,
            now: open.last_heard,
            outbound: &mut outbound,
        };
        let out = open.session.get_mut().hang_up(&mut ctx);
        if let Some(trace) = &mut self.trace {
            trace.record(id, open.session.get().service(), &out);
            trace.closed(id);
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
            .connect("mail.example.test", Port::POP3S, Timestamp(0))
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
            .connect("mail.example.test", Port::SMTP, Timestamp(0))
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
            .connect("mail.example.test", Port::POP3S, Timestamp(0))
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
            .connect("mail.example.test", Port::POP3S, Timestamp(0))
            .expect("pop3");
        world.input(pop, b"USER bob\r\nPASS builder\r\nDELE 1\r\n", Timestamp(0));
        let out = world.close_session(pop, Closing::IdleTimeout { after: 600 });
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
        use crate::imap::ImapNote;
        use crate::note::Note;
        use crate::output::Step;
        let mut world = World::demo();
        let (id, _) = world
            .connect("mail.example.test", Port::IMAPS, Timestamp(0))
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
    fn the_stage_follows_a_submission_from_hello_to_data() {
        use crate::vocab::Stage;
        let mut world = World::demo();
        let t = Timestamp(0);
        let (id, _) = world
            .connect("mail.example.test", Port::SUBMISSION, t)
            .expect("587");
        let stage = |w: &World| w.session_info(id).map(|i| i.stage);
        assert_eq!(stage(&world), Some(Stage::SmtpGreet));
        world.input(id, b"EHLO laptop\r\n", t);
        assert_eq!(stage(&world), Some(Stage::SmtpStartTls));
        // What is pipelined behind STARTTLS is discarded (RFC 3207 §4.2): send EHLO after.
        world.input(id, b"STARTTLS\r\n", t);
        world.input(id, b"EHLO laptop\r\n", t);
        assert_eq!(stage(&world), Some(Stage::SmtpAuth));
        world.input(id, b"AUTH PLAIN\r\n", t);
        assert_eq!(stage(&world), Some(Stage::Sasl));
        world.input(id, b"AGFsaWNlAHdvbmRlcmxhbmQ=\r\n", t);
        assert_eq!(stage(&world), Some(Stage::SmtpMail));
        world.input(id, b"MAIL FROM:<alice@example.test>\r\n", t);
        assert_eq!(stage(&world), Some(Stage::SmtpRcpt));
        world.input(id, b"RCPT TO:<bob@example.test>\r\n", t);
        assert_eq!(stage(&world), Some(Stage::SmtpRcptOrData));
        world.input(id, b"DATA\r\n", t);
        assert_eq!(stage(&world), Some(Stage::SmtpData));
    }

    #[test]
    fn unknown_hosts_are_refused_with_their_name() {
        let mut world = World::demo();
        assert_eq!(
            world
                .connect("mail.nowhere.test", Port::SMTP, Timestamp(0))
                .map(|_| ()),
            Err(ConnectError::UnknownHost("mail.nowhere.test".into()))
        );
    }

    #[test]
    fn input_for_a_closed_session_reports_it_closed() {
        let mut world = World::demo();
        let (id, _) = world
            .connect("mail.example.test", Port::SMTP, Timestamp(0))
            .expect("smtp");
        assert!(world.input(id, b"QUIT\r\n", Timestamp(0)).closed);
        assert!(!world.is_open(id));
        assert!(world.input(id, b"NOOP\r\n", Timestamp(0)).closed);
    }
}

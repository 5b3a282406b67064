//! A POP3 server session: AUTHORIZATION, TRANSACTION and UPDATE (RFC 1939 §3), with the
//! maildrop locked while a session holds it (§8) and deletions applied only at QUIT (§6).

use serde::{Deserialize, Serialize};

use super::command::{self, Command, ParseError, Verb};
use super::note::{Capability, Pop3Note, State};
use crate::line::{Framed, LineBuffer};
use crate::note::Note;
use crate::output::{Event, Output, Role};
use crate::port::{Port, Service};
use crate::session::{feed, Context, Framing, Session};
use crate::store::{Store, Uid, INBOX};
use crate::vocab::{Awaiting, Stage};

/// RFC 2449 §4: a command line is at most 255 octets with its CRLF.
pub const MAX_COMMAND_LINE: usize = 253;

/// How a POP3 server on one port behaves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pop3Policy {
    /// The server's name, in its greeting.
    pub hostname: String,
    /// The connection is encrypted before the greeting (port 995, RFC 8314).
    pub starts_encrypted: bool,
    /// STLS is offered while the connection is in cleartext (RFC 2595).
    pub offer_stls: bool,
    /// Refuse USER/PASS until the connection is encrypted (RFC 2595 §4 allows either).
    pub login_needs_tls: bool,
    /// One port for the whole world (the native server): any account may log in.
    pub whole_world: bool,
}

impl Pop3Policy {
    /// A simulated port: 110 starts in cleartext and offers STLS, 995 is encrypted from the
    /// start. Facteur lets learners log in on 110 without STLS, and says what that costs.
    pub fn for_port(hostname: &str, port: Port) -> Pop3Policy {
        Pop3Policy {
            hostname: hostname.to_owned(),
            starts_encrypted: port.starts_encrypted(),
            offer_stls: true,
            login_needs_tls: false,
            whole_world: false,
        }
    }

    /// The server a login is checked against: this one, or any in the world.
    pub fn login_server(&self) -> Option<&str> {
        (!self.whole_world).then_some(self.hostname.as_str())
    }

    /// A plain loopback port for real clients: no STLS, since there is no real TLS.
    pub fn trusted_loopback(hostname: &str) -> Pop3Policy {
        Pop3Policy {
            hostname: hostname.to_owned(),
            starts_encrypted: false,
            offer_stls: false,
            login_needs_tls: false,
            whole_world: true,
        }
    }
}

/// One message of the maildrop as the session numbered it at login.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Entry {
    uid: Uid,
    size: usize,
    deleted: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
enum Phase {
    Authorization { user: Option<String> },
    Transaction { login: String, maildrop: Vec<Entry> },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pop3Session {
    policy: Pop3Policy,
    lenient: bool,
    tls: bool,
    phase: Phase,
    lines: LineBuffer,
    closed: bool,
}

fn pop3(note: Pop3Note) -> Note {
    Note::Pop3(note)
}

impl Pop3Session {
    pub fn connect(policy: Pop3Policy, lenient: bool) -> (Pop3Session, Output) {
        let host = policy.hostname.clone();
        let session = Pop3Session {
            tls: policy.starts_encrypted,
            policy,
            lenient,
            phase: Phase::Authorization { user: None },
            lines: LineBuffer::default(),
            closed: false,
        };
        let mut out = Output::default();
        out.server(
            format!("+OK {host} POP3 server ready (Facteur)"),
            pop3(Pop3Note::Greeting { host }),
        );
        (session, out)
    }

    fn framed(&mut self, framed: Framed, store: &mut Store, out: &mut Output) {
        let (bytes, bare_lf) = match framed {
            Framed::Line { bytes, bare_lf } => (bytes, bare_lf),
            Framed::TooLong { .. } => {
                out.client("[a line over 255 octets]", vec![pop3(Pop3Note::Unparsed)]);
                out.server(
                    "-ERR Line too long",
                    pop3(Pop3Note::LineTooLong {
                        limit: MAX_COMMAND_LINE + 2,
                    }),
                );
                return;
            }
        };
        let text = crate::line::printable(&bytes);
        if bare_lf && !self.lenient {
            out.client(text, vec![pop3(Pop3Note::Unparsed)]);
            out.server(
                "-ERR Lines must end with CRLF",
                pop3(Pop3Note::BareLfRefused),
            );
            return;
        }
        let framing = bare_lf.then_some(Note::BareLineFeed(crate::port::Service::Pop3));
        let command = match command::parse(&text) {
            Ok(command) => command,
            Err(err) => {
                let foreign = crate::crossover::foreign(Service::Pop3, &text);
                out.client(text, notes(Pop3Note::Unparsed, framing));
                let (line, note) = match err {
                    ParseError::Empty => ("-ERR Empty command".to_owned(), Pop3Note::EmptyLine),
                    ParseError::UnknownVerb(verb) => (
                        "-ERR Unknown command".to_owned(),
                        Pop3Note::UnknownCommand { verb },
                    ),
                    ParseError::Syntax { verb, diagnostic } => (
                        format!("-ERR Syntax error in {} arguments", verb.word()),
                        Pop3Note::Syntax { verb, diagnostic },
                    ),
                };
                let note = match (foreign, &note) {
                    (Some(f), Pop3Note::UnknownCommand { .. }) => Note::Foreign(f),
                    _ => pop3(note),
                };
                out.server(line, note);
                return;
            }
        };
        // The password is not echoed into explanations.
        out.client(text, notes(command_note(&command), framing));
        match &self.phase {
            Phase::Authorization { .. } => self.authorization(command, store, out),
            Phase::Transaction { .. } => self.transaction(command, store, out),
        }
    }

    fn wrong_state(&self, verb: Verb, out: &mut Output) {
        let state = match self.phase {
            Phase::Authorization { .. } => State::Authorization,
            Phase::Transaction { .. } => State::Transaction,
        };
        let line = match state {
            State::Authorization => format!("-ERR {} is not allowed before login", verb.word()),
            _ => format!("-ERR {} is not allowed after login", verb.word()),
        };
        out.server(line, pop3(Pop3Note::WrongState { verb, state }));
    }

    fn authorization(&mut self, command: Command, store: &mut Store, out: &mut Output) {
        match command {
            Command::User(name) => {
                if self.policy.login_needs_tls && !self.tls {
                    return out.server(
                        "-ERR [AUTH] Plaintext login is disabled; use STLS first",
                        pop3(Pop3Note::LoginNeedsTls),
                    );
                }
                self.phase = Phase::Authorization { user: Some(name) };
                out.server(
                    "+OK Send your password with PASS",
                    pop3(Pop3Note::UserAccepted {
                        cleartext: !self.tls,
                    }),
                );
            }
            Command::Pass(password) => self.pass(&password, store, out),
            Command::Apop { .. } => out.server(
                "-ERR APOP is not offered here; use USER and PASS",
                pop3(Pop3Note::ApopNotOffered),
            ),
            Command::Quit => {
                out.server(
                    format!("+OK {} POP3 server signing off", self.policy.hostname),
                    pop3(Pop3Note::SignOff),
                );
                self.closed = true;
                out.close();
            }
            Command::Capa => self.capa(out),
            Command::Stls => self.stls(out),
            other => self.wrong_state(verb_of(&other), out),
        }
    }

    fn pass(&mut self, password: &str, store: &mut Store, out: &mut Output) {
        let Phase::Authorization { user } = &mut self.phase else {
            return;
        };
        let Some(name) = user.take() else {
            return out.server("-ERR Send USER first", pop3(Pop3Note::NeedUser));
        };
        let Some(account) = store.authenticate(self.policy.login_server(), &name, password) else {
            return out.server(
                "-ERR [AUTH] Invalid user name or password",
                pop3(Pop3Note::LoginFailed),
            );
        };
        let login = account.login.clone();
        if !store.lock_maildrop(&login) {
            return out.server(
                "-ERR [IN-USE] Maildrop is locked by another session",
                pop3(Pop3Note::InUse { login }),
            );
        }
        let maildrop: Vec<Entry> = store
            .mailbox(&login, INBOX)
            .map(|m| {
                m.messages
                    .iter()
                    .map(|msg| Entry {
                        uid: msg.uid,
                        size: msg.size(),
                        deleted: false,
                    })
                    .collect()
            })
            .unwrap_or_default();
        let (count, size) = (maildrop.len(), maildrop.iter().map(|e| e.size).sum());
        out.server(
            format!(
                "+OK {login}'s maildrop has {} ({size} octets)",
                messages(count)
            ),
            pop3(Pop3Note::LoggedIn {
                login: login.clone(),
                count,
                size,
            }),
        );
        out.event(Event::Authenticated {
            account: login.clone(),
        });
        out.event(Event::MaildropLocked {
            account: login.clone(),
        });
        self.phase = Phase::Transaction { login, maildrop };
    }

    fn transaction(&mut self, command: Command, store: &mut Store, out: &mut Output) {
        let Phase::Transaction { login, maildrop } = &mut self.phase else {
            return;
        };
        let login = login.clone();
        let live = |m: &Vec<Entry>| -> (usize, usize) {
            m.iter()
                .filter(|e| !e.deleted)
                .fold((0, 0), |(c, s), e| (c + 1, s + e.size))
        };
        match command {
            Command::Stat => {
                let (count, size) = live(maildrop);
                out.server(
                    format!("+OK {count} {size}"),
                    pop3(Pop3Note::StatReply { count, size }),
                );
            }
            Command::List(None) => {
                let (count, size) = live(maildrop);
                out.server(
                    format!("+OK {} ({size} octets)", messages(count)),
                    pop3(Pop3Note::ListHeader { count, size }),
                );
                for (i, e) in maildrop.iter().enumerate().filter(|(_, e)| !e.deleted) {
                    let message = i as u32 + 1;
                    out.server(
                        format!("{message} {}", e.size),
                        pop3(Pop3Note::ListEntry {
                            message,
                            size: e.size,
                        }),
                    );
                }
                out.server(".", pop3(Pop3Note::EndOfMultiline));
            }
            Command::List(Some(message)) => {
                if let Some(e) = entry(maildrop, message, out) {
                    out.server(
                        format!("+OK {message} {}", e.size),
                        pop3(Pop3Note::ListEntry {
                            message,
                            size: e.size,
                        }),
                    );
                }
            }
            Command::Uidl(None) => {
                out.server("+OK Unique-ID listing follows", pop3(Pop3Note::UidlHeader));
                let validity = store.mailbox(&login, INBOX).map_or(0, |m| m.uid_validity);
                for (i, e) in maildrop.iter().enumerate().filter(|(_, e)| !e.deleted) {
                    let message = i as u32 + 1;
                    let unique_id = unique_id(validity, e.uid);
                    out.server(
                        format!("{message} {unique_id}"),
                        pop3(Pop3Note::UidlEntry { message, unique_id }),
                    );
                }
                out.server(".", pop3(Pop3Note::EndOfMultiline));
            }
            Command::Uidl(Some(message)) => {
                let validity = store.mailbox(&login, INBOX).map_or(0, |m| m.uid_validity);
                if let Some(e) = entry(maildrop, message, out) {
                    let unique_id = unique_id(validity, e.uid);
                    out.server(
                        format!("+OK {message} {unique_id}"),
                        pop3(Pop3Note::UidlEntry { message, unique_id }),
                    );
                }
            }
            Command::Retr(message) => {
                let Some(e) = entry(maildrop, message, out) else {
                    return;
                };
                let Some(raw) = content(store, &login, &e, message, out) else {
                    return;
                };
                out.server(
                    format!("+OK {} octets", e.size),
                    pop3(Pop3Note::RetrHeader {
                        message,
                        size: e.size,
                    }),
                );
                send_lines(out, message_lines(&raw));
                out.event(Event::Retrieved {
                    account: login,
                    uid: e.uid,
                });
            }
            Command::Top { message, lines } => {
                let Some(e) = entry(maildrop, message, out) else {
                    return;
                };
                let Some(raw) = content(store, &login, &e, message, out) else {
                    return;
                };
                out.server(
                    "+OK Top of message follows",
                    pop3(Pop3Note::TopHeader { message, lines }),
                );
                let all = message_lines(&raw);
                let header_end = all
                    .iter()
                    .position(|l| l.is_empty())
                    .map_or(all.len(), |i| i + 1);
                let keep = header_end.saturating_add(lines as usize).min(all.len());
                send_lines(out, all.into_iter().take(keep).collect());
            }
            Command::Dele(message) => {
                let Some(index) = index(maildrop, message, out) else {
                    return;
                };
                let e = &mut maildrop[index];
                e.deleted = true;
                let uid = e.uid;
                out.server(
                    format!("+OK Message {message} marked for deletion"),
                    pop3(Pop3Note::Deleted { message }),
                );
                out.event(Event::MarkedDeleted {
                    account: login,
                    uid,
                });
            }
            Command::Noop => out.server("+OK", pop3(Pop3Note::NoopOk)),
            Command::Rset => {
                let marked = maildrop.iter().filter(|e| e.deleted).count();
                maildrop.iter_mut().for_each(|e| e.deleted = false);
                let (count, size) = live(maildrop);
                out.server(
                    format!("+OK Maildrop has {} ({size} octets)", messages(count)),
                    pop3(Pop3Note::ResetOk { count, size }),
                );
                if marked > 0 {
                    out.event(Event::MarksCleared {
                        account: login,
                        count: marked,
                    });
                }
            }
            Command::Quit => self.update(store, out),
            Command::Capa => self.capa(out),
            other => self.wrong_state(verb_of(&other), out),
        }
    }

    /// The UPDATE state (RFC 1939 §6): remove what was marked, release the lock, sign off.
    fn update(&mut self, store: &mut Store, out: &mut Output) {
        let Phase::Transaction { login, maildrop } =
            std::mem::replace(&mut self.phase, Phase::Authorization { user: None })
        else {
            return;
        };
        let mut removed = Vec::new();
        for e in maildrop.iter().filter(|e| e.deleted) {
            if store.expunge(&login, INBOX, e.uid).is_some() {
                removed.push(e.uid);
            }
        }
        store.unlock_maildrop(&login);
        let deleted = removed.len();
        out.server(
            format!(
                "+OK {} POP3 server signing off ({} deleted)",
                self.policy.hostname,
                messages(deleted)
            ),
            pop3(Pop3Note::SignOffUpdate { deleted }),
        );
        for uid in removed {
            out.event(Event::Expunged {
                account: login.clone(),
                mailbox: INBOX.to_owned(),
                uid,
            });
        }
        out.event(Event::MaildropUnlocked { account: login });
        self.closed = true;
        out.close();
    }

    fn capa(&self, out: &mut Output) {
        out.server("+OK Capability list follows", pop3(Pop3Note::CapaHeader));
        let authorization = matches!(self.phase, Phase::Authorization { .. });
        let mut caps = vec![Capability::Top];
        if authorization {
            caps.push(Capability::User);
        }
        caps.extend([
            Capability::Uidl,
            Capability::RespCodes,
            Capability::AuthRespCode,
            Capability::Pipelining,
        ]);
        if authorization && self.policy.offer_stls && !self.tls {
            caps.push(Capability::Stls);
        }
        caps.push(Capability::Implementation);
        for cap in caps {
            let line = match cap {
                Capability::Top => "TOP",
                Capability::User => "USER",
                Capability::Uidl => "UIDL",
                Capability::RespCodes => "RESP-CODES",
                Capability::AuthRespCode => "AUTH-RESP-CODE",
                Capability::Pipelining => "PIPELINING",
                Capability::Stls => "STLS",
                Capability::Implementation => "IMPLEMENTATION Facteur",
            };
            out.server(line, pop3(Pop3Note::Advertised(cap)));
        }
        out.server(".", pop3(Pop3Note::EndOfMultiline));
    }

    fn stls(&mut self, out: &mut Output) {
        if self.tls || !self.policy.offer_stls {
            return out.server(
                "-ERR TLS is already active or not offered",
                pop3(Pop3Note::StlsActive),
            );
        }
        out.server("+OK Begin TLS negotiation", pop3(Pop3Note::StlsReady));
        self.tls = true;
        self.phase = Phase::Authorization { user: None };
        self.lines.clear();
        out.event(Event::TlsStarted);
    }
}

impl Framing for Pop3Session {
    fn is_closed(&self) -> bool {
        self.closed
    }

    fn buffer(&mut self) -> &mut LineBuffer {
        &mut self.lines
    }

    fn next_unit(&mut self, ctx: &mut Context<'_>, out: &mut Output) -> bool {
        let Some(framed) = self.lines.next_line(MAX_COMMAND_LINE) else {
            return false;
        };
        self.framed(framed, ctx.store, out);
        true
    }
}

impl Session for Pop3Session {
    fn service(&self) -> Service {
        Service::Pop3
    }

    fn input(&mut self, bytes: &[u8], ctx: &mut Context<'_>) -> Output {
        feed(self, bytes, ctx)
    }

    /// The client went away without QUIT: no UPDATE state, so nothing marked is deleted
    /// (RFC 1939 §6), and the lock is released.
    fn hang_up(&mut self, ctx: &mut Context<'_>) -> Output {
        let mut out = Output::default();
        if let Phase::Transaction { login, .. } = &self.phase {
            ctx.store.unlock_maildrop(login);
            out.event(Event::MaildropUnlocked {
                account: login.clone(),
            });
        }
        self.phase = Phase::Authorization { user: None };
        self.closed = true;
        out.close();
        out
    }

    /// POP3 has no continuations: every line is a command (RFC 1939 §3).
    fn awaiting(&self) -> Awaiting {
        Awaiting::Command
    }

    fn hostname(&self) -> &str {
        &self.policy.hostname
    }

    fn is_encrypted(&self) -> bool {
        self.tls
    }

    /// The login whose maildrop this session holds, in the TRANSACTION state.
    fn login(&self) -> Option<&str> {
        match &self.phase {
            Phase::Transaction { login, .. } => Some(login),
            Phase::Authorization { .. } => None,
        }
    }

    fn is_lenient(&self) -> bool {
        self.lenient
    }

    fn stage(&self) -> Stage {
        match &self.phase {
            Phase::Authorization { user: None } => Stage::Pop3User,
            Phase::Authorization { user: Some(_) } => Stage::Pop3Pass,
            Phase::Transaction { .. } => Stage::Pop3Transaction,
        }
    }
}

/// "1 message", "2 messages": the reply text is English, and should read as English.
fn messages(count: usize) -> String {
    if count == 1 {
        "1 message".to_owned()
    } else {
        format!("{count} messages")
    }
}

fn notes(note: Pop3Note, framing: Option<Note>) -> Vec<Note> {
    std::iter::once(pop3(note)).chain(framing).collect()
}

/// RFC 1939 §7: a unique-id is 1 to 70 printable characters and never changes for a
/// message; Facteur derives it from UIDVALIDITY and UID, as Dovecot does.
fn unique_id(validity: u32, uid: Uid) -> String {
    format!("{validity:08x}{:08x}", uid.0)
}

/// The index of a message number that exists and is not marked deleted; otherwise the
/// error reply is sent.
fn index(maildrop: &[Entry], message: u32, out: &mut Output) -> Option<usize> {
    let i = (message as usize).checked_sub(1)?;
    match maildrop.get(i) {
        None => {
            out.server(
                format!("-ERR There is no message {message}"),
                pop3(Pop3Note::NoSuchMessage {
                    message,
                    count: maildrop.len(),
                }),
            );
            None
        }
        Some(e) if e.deleted => {
            out.server(
                format!("-ERR Message {message} is already marked for deletion"),
                pop3(Pop3Note::AlreadyDeleted { message }),
            );
            None
        }
        Some(_) => Some(i),
    }
}

/// The stored bytes of a maildrop entry. Another protocol may have removed the message
/// since login (POP3's lock does not bind IMAP); then the error reply is sent.
fn content(
    store: &Store,
    login: &str,
    e: &Entry,
    message: u32,
    out: &mut Output,
) -> Option<Vec<u8>> {
    let raw = store
        .mailbox(login, INBOX)
        .and_then(|m| m.get(e.uid))
        .map(|m| m.raw.0.to_vec());
    if raw.is_none() {
        out.server(
            format!("-ERR Message {message} was removed by another session"),
            pop3(Pop3Note::RemovedElsewhere { message }),
        );
    }
    raw
}

fn entry(maildrop: &[Entry], message: u32, out: &mut Output) -> Option<Entry> {
    index(maildrop, message, out).map(|i| maildrop[i].clone())
}

/// A stored message split into its lines, without line endings. The store keeps CRLF line
/// endings only (see [`crate::store::crlf`]), so these lines sent with CRLF are the stored
/// octets and the `+OK n octets` count is exact (RFC 1939 §11). A message whose last line
/// has no line ending gets one, as the multi-line response needs (RFC 1939 §3).
fn message_lines(raw: &[u8]) -> Vec<Vec<u8>> {
    let mut lines: Vec<Vec<u8>> = raw
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l).to_vec())
        .collect();
    if raw.ends_with(b"\n") {
        lines.pop();
    }
    lines
}

/// Sends message lines as a multi-line response: dot-stuffed, then the lone dot.
fn send_lines(out: &mut Output, lines: Vec<Vec<u8>>) {
    for line in lines {
        if line.starts_with(b".") {
            let mut stuffed = b".".to_vec();
            stuffed.extend_from_slice(&line);
            out.server_line(stuffed, pop3(Pop3Note::MessageLineStuffed), Role::Data);
        } else {
            out.server_line(line, pop3(Pop3Note::MessageLine), Role::Data);
        }
    }
    out.server(".", pop3(Pop3Note::EndOfMultiline));
}

fn command_note(command: &Command) -> Pop3Note {
    match command {
        Command::User(name) => Pop3Note::User { name: name.clone() },
        Command::Pass(_) => Pop3Note::Pass,
        Command::Apop { .. } => Pop3Note::Apop,
        Command::Stat => Pop3Note::Stat,
        Command::List(message) => Pop3Note::List { message: *message },
        Command::Retr(message) => Pop3Note::Retr { message: *message },
        Command::Dele(message) => Pop3Note::Dele { message: *message },
        Command::Noop => Pop3Note::Noop,
        Command::Rset => Pop3Note::Rset,
        Command::Quit => Pop3Note::Quit,
        Command::Top { message, lines } => Pop3Note::Top {
            message: *message,
            lines: *lines,
        },
        Command::Uidl(message) => Pop3Note::Uidl { message: *message },
        Command::Capa => Pop3Note::Capa,
        Command::Stls => Pop3Note::Stls,
    }
}

fn verb_of(command: &Command) -> Verb {
    match command {
        Command::User(_) => Verb::User,
        Command::Pass(_) => Verb::Pass,
        Command::Apop { .. } => Verb::Apop,
        Command::Stat => Verb::Stat,
        Command::List(_) => Verb::List,
        Command::Retr(_) => Verb::Retr,
        Command::Dele(_) => Verb::Dele,
        Command::Noop => Verb::Noop,
        Command::Rset => Verb::Rset,
        Command::Quit => Verb::Quit,
        Command::Top { .. } => Verb::Top,
        Command::Uidl(_) => Verb::Uidl,
        Command::Capa => Verb::Capa,
        Command::Stls => Verb::Stls,
    }
}

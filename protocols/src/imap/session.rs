//! An IMAP server session (RFC 9051): framing with literals, the four states, and the
//! dispatch of each command. Getting in (STARTTLS, AUTHENTICATE) is in `access.rs`, mailbox
//! commands in `mailboxes.rs`, the selected mailbox's messages in `selected.rs`.

use serde::{Deserialize, Serialize};

use super::command::{self, split_literals, trailing_literal, ParseError};
use super::mailboxes::{self, Append, Outcome};
use super::note::{ImapNote, ImapState};
use super::reply::{continuation, data, tagged, untagged, Code, Data, Status};
use super::selected::{completed, FlagChange, Search, Selected, Transfer};
use super::types::{Command, CommandName};
use crate::line::{Framed, LineBuffer};
use crate::note::Note;
use crate::output::Output;
use crate::port::Service;
use crate::session::{feed, Context, Framing, Session};
use crate::store::{Store, INBOX};
use crate::vocab::{Awaiting, Stage};

pub use super::policy::ImapPolicy;

/// The longest command line, literals excluded (RFC 7162 §4 asks for at least 8192).
pub const MAX_LINE: usize = 8192;
/// The largest literal accepted, which bounds APPEND (RFC 7888 §3 lets a server refuse).
pub const MAX_LITERAL: u64 = 10 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) enum State {
    NotAuthenticated,
    Authenticated { login: String },
    Selected(Selected),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) enum Mode {
    /// Reading command lines.
    Lines,
    /// Reading the octets of a literal into the command being assembled.
    Literal { remaining: u64 },
    /// Reading and dropping a non-synchronizing literal that is too big.
    Discard { remaining: u64, tag: String },
    /// Waiting for the base64 answer to AUTHENTICATE's continuation.
    Authenticate { tag: String },
    /// IDLE until DONE (RFC 9051 §6.3.13).
    Idle { tag: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImapSession {
    pub(super) policy: ImapPolicy,
    pub(super) lenient: bool,
    pub(super) tls: bool,
    /// ENABLE IMAP4rev2 was sent: no RECENT, ESEARCH for SEARCH (RFC 9051 Appendix E).
    pub(super) rev2: bool,
    pub(super) state: State,
    pub(super) mode: Mode,
    pub(super) lines: LineBuffer,
    /// The command being assembled, in wire form, while literals arrive.
    pub(super) pending: Vec<u8>,
    pub(super) closed: bool,
}

pub(super) fn imap(note: ImapNote) -> Note {
    Note::Imap(note)
}

impl ImapSession {
    pub fn connect(policy: ImapPolicy, lenient: bool) -> (ImapSession, Output) {
        let session = ImapSession {
            tls: policy.starts_encrypted,
            policy,
            lenient,
            rev2: false,
            state: State::NotAuthenticated,
            mode: Mode::Lines,
            lines: LineBuffer::default(),
            pending: Vec::new(),
            closed: false,
        };
        let mut out = Output::default();
        let caps = session.capabilities();
        untagged(
            &mut out,
            Status::Ok,
            Some(Code::Capability(caps)),
            &format!(
                "{} IMAP4rev2 server ready (Facteur)",
                session.policy.hostname
            ),
            ImapNote::Greeting {
                host: session.policy.hostname.clone(),
                encrypted: session.tls,
                login_disabled: session.login_disabled(),
            },
        );
        (session, out)
    }

    pub fn is_idling(&self) -> bool {
        matches!(self.mode, Mode::Idle { .. })
    }

    pub(super) fn login_disabled(&self) -> bool {
        self.policy.login_disabled(self.tls)
    }

    /// The capability list for the current state (RFC 9051 §7.2.2).
    fn capabilities(&self) -> Vec<&'static str> {
        let authenticated = !matches!(self.state, State::NotAuthenticated);
        self.policy.capabilities(self.tls, authenticated)
    }

    fn imap_state(&self) -> ImapState {
        match self.state {
            State::NotAuthenticated => ImapState::NotAuthenticated,
            State::Authenticated { .. } => ImapState::Authenticated,
            State::Selected(_) => ImapState::Selected,
        }
    }

    /// Untagged updates for an idling session, when another session changed its mailbox.
    pub fn idle_updates(&mut self, store: &Store) -> Output {
        let mut out = Output::default();
        if self.is_idling() {
            self.updates(store, &mut out, true);
        }
        out
    }

    /// Whether an idling session has news to push.
    pub fn has_news(&self, store: &Store) -> bool {
        match &self.state {
            State::Selected(selected) => self.is_idling() && selected.behind(store),
            _ => false,
        }
    }

    fn framed(&mut self, framed: Framed, ctx: &mut Context<'_>, out: &mut Output) {
        let (bytes, bare_lf) = match framed {
            Framed::Line { bytes, bare_lf } => (bytes, bare_lf),
            Framed::TooLong { .. } => {
                self.pending.clear();
                out.client("[a line over 8192 octets]", vec![imap(ImapNote::Unparsed)]);
                untagged(
                    out,
                    Status::Bad,
                    None,
                    "Command line too long",
                    ImapNote::LineTooLong { limit: MAX_LINE },
                );
                return;
            }
        };
        let text = crate::line::printable(&bytes);
        if bare_lf && !self.lenient {
            self.pending.clear();
            out.client(text, vec![imap(ImapNote::Unparsed)]);
            untagged(
                out,
                Status::Bad,
                None,
                "Lines must end with CRLF",
                ImapNote::BareLfRefused,
            );
            return;
        }
        let framing = bare_lf.then_some(Note::BareLineFeed(crate::port::Service::Imap));
        match std::mem::replace(&mut self.mode, Mode::Lines) {
            Mode::Authenticate { tag } => self.sasl_answer(&tag, &text, framing, ctx, out),
            Mode::Idle { tag } => self.idle_line(&tag, &text, framing, ctx, out),
            _ => self.command_line(bytes, &text, framing, ctx, out),
        }
    }

    fn command_line(
        &mut self,
        bytes: Vec<u8>,
        text: &str,
        framing: Option<Note>,
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        let note = if self.pending.is_empty() {
            command_note(text).unwrap_or(ImapNote::Unparsed)
        } else {
            ImapNote::CommandContinued
        };
        self.pending.extend_from_slice(&bytes);
        self.pending.extend_from_slice(b"\r\n");
        out.client(text, std::iter::once(imap(note)).chain(framing).collect());
        if let Some((length, non_sync)) = trailing_literal(text) {
            if length > MAX_LITERAL {
                let tag = command_tag(&self.pending);
                self.pending.clear();
                if non_sync {
                    self.mode = Mode::Discard {
                        remaining: length,
                        tag,
                    };
                } else {
                    self.too_big(&tag, out);
                }
                return;
            }
            if !non_sync {
                continuation(out, "Ready for literal data", ImapNote::ContinueLiteral);
            }
            // A literal may be empty (RFC 9051 §4.3): then the command goes on at once
            // with its next line, and there are no octets to wait for.
            if length > 0 {
                self.mode = Mode::Literal { remaining: length };
            }
            return;
        }
        let wire = std::mem::take(&mut self.pending);
        let Some((full, literals)) = split_literals(&wire) else {
            return;
        };
        match command::parse(&full, &literals) {
            Ok((tag, command)) => self.execute(&tag, command, ctx, out),
            Err(err) => {
                // A command of POP3 or SMTP typed here: the same BAD, with an explanation
                // that names the mix-up.
                let foreign = match &err {
                    ParseError::UnknownCommand { .. } | ParseError::MissingCommand { .. } => {
                        crate::crossover::foreign(Service::Imap, &full)
                    }
                    _ => None,
                };
                let mut answer = Output::default();
                self.parse_error(err, &mut answer);
                if let Some(f) = foreign {
                    for step in &mut answer.steps {
                        if let crate::output::Step::Server(line) = step {
                            line.note = Note::Foreign(f.clone());
                        }
                    }
                }
                out.extend(answer);
            }
        }
    }

    fn too_big(&self, tag: &str, out: &mut Output) {
        tagged(
            out,
            tag,
            Status::No,
            Some(Code::TooBig),
            &format!("Literal too big; at most {MAX_LITERAL} octets"),
            ImapNote::LiteralTooBig {
                limit: MAX_LITERAL as usize,
            },
        );
    }

    fn parse_error(&self, err: ParseError, out: &mut Output) {
        match err {
            ParseError::Empty => untagged(
                out,
                Status::Bad,
                None,
                "Empty command line",
                ImapNote::EmptyLine,
            ),
            ParseError::BadTag { diagnostic } => untagged(
                out,
                Status::Bad,
                None,
                "Invalid tag",
                ImapNote::BadTag { diagnostic },
            ),
            ParseError::MissingCommand { tag } => tagged(
                out,
                &tag,
                Status::Bad,
                None,
                "Missing command",
                ImapNote::MissingCommand,
            ),
            ParseError::UnknownCommand {
                tag, tagless: true, ..
            } => tagged(
                out,
                &tag,
                Status::Bad,
                None,
                "Unknown command; did you forget the tag?",
                ImapNote::MissingTag { word: tag.clone() },
            ),
            ParseError::UnknownCommand {
                tag,
                word,
                tagless: false,
            } => tagged(
                out,
                &tag,
                Status::Bad,
                None,
                "Unknown command",
                ImapNote::UnknownCommand { word },
            ),
            ParseError::Syntax {
                tag,
                command,
                diagnostic,
            } => tagged(
                out,
                &tag,
                Status::Bad,
                None,
                &format!("Syntax error in {} arguments", command.word()),
                ImapNote::Syntax {
                    command,
                    diagnostic,
                },
            ),
        }
    }
}

impl Framing for ImapSession {
    fn is_closed(&self) -> bool {
        self.closed
    }

    fn buffer(&mut self) -> &mut LineBuffer {
        &mut self.lines
    }

    /// A command line, or the octets of a literal as they come (RFC 9051 §4.3), kept for
    /// the command or, past the size limit, discarded.
    fn next_unit(&mut self, ctx: &mut Context<'_>, out: &mut Output) -> bool {
        let (Mode::Literal { remaining } | Mode::Discard { remaining, .. }) = &mut self.mode else {
            let Some(framed) = self.lines.next_line(MAX_LINE) else {
                return false;
            };
            self.framed(framed, ctx, out);
            return true;
        };
        let want = usize::try_from(*remaining).unwrap_or(usize::MAX);
        let chunk = self.lines.take_raw(want);
        if chunk.is_empty() {
            return false;
        }
        *remaining -= chunk.len() as u64;
        let done = *remaining == 0;
        if let Mode::Literal { .. } = self.mode {
            show_literal(out, &chunk);
            self.pending.extend_from_slice(&chunk);
        }
        if done {
            if let Mode::Discard { tag, .. } = std::mem::replace(&mut self.mode, Mode::Lines) {
                self.too_big(&tag, out);
            } else {
                self.mode = Mode::Lines;
            }
        }
        true
    }
}

impl Session for ImapSession {
    fn service(&self) -> Service {
        Service::Imap
    }

    fn input(&mut self, bytes: &[u8], ctx: &mut Context<'_>) -> Output {
        feed(self, bytes, ctx)
    }

    /// A command cut short by the hang-up never runs; IMAP changes take effect at once, so
    /// nothing else is undone.
    fn hang_up(&mut self, _ctx: &mut Context<'_>) -> Output {
        self.closed = true;
        let mut out = Output::default();
        out.close();
        out
    }

    fn awaiting(&self) -> Awaiting {
        match &self.mode {
            Mode::Lines if self.pending.is_empty() => Awaiting::Command,
            Mode::Lines => Awaiting::CommandContinued,
            Mode::Literal { remaining } | Mode::Discard { remaining, .. } => Awaiting::Literal {
                remaining: *remaining,
            },
            Mode::Authenticate { .. } => Awaiting::SaslResponse,
            Mode::Idle { .. } => Awaiting::IdleDone,
        }
    }

    fn hostname(&self) -> &str {
        &self.policy.hostname
    }

    fn is_encrypted(&self) -> bool {
        self.tls
    }

    fn login(&self) -> Option<&str> {
        match &self.state {
            State::NotAuthenticated => None,
            State::Authenticated { login } => Some(login),
            State::Selected(selected) => Some(selected.login()),
        }
    }

    fn is_lenient(&self) -> bool {
        self.lenient
    }

    fn stage(&self) -> Stage {
        match (&self.mode, &self.state) {
            (Mode::Idle { .. }, _) => Stage::ImapIdle,
            (Mode::Authenticate { .. }, _) => Stage::Sasl,
            (Mode::Literal { .. } | Mode::Discard { .. }, _) => Stage::Busy,
            (Mode::Lines, _) if !self.pending.is_empty() => Stage::Busy,
            (_, State::NotAuthenticated) if self.login_disabled() => Stage::ImapStartTls,
            (_, State::NotAuthenticated) => Stage::ImapLogin,
            (_, State::Authenticated { .. }) => Stage::ImapAuthenticated,
            (_, State::Selected(_)) => Stage::ImapSelected,
        }
    }
}

/// Shows literal octets in the dialogue, line by line.
fn show_literal(out: &mut Output, chunk: &[u8]) {
    for line in String::from_utf8_lossy(chunk)
        .split("\r\n")
        .filter(|l| !l.is_empty())
    {
        out.client(line, vec![imap(ImapNote::LiteralData)]);
    }
}

/// The tag of a command in wire form, for replies to a command that will not be parsed.
fn command_tag(wire: &[u8]) -> String {
    let text = String::from_utf8_lossy(wire);
    text.split([' ', '\r']).next().unwrap_or("*").to_owned()
}

/// The command a line starts, read from its first words (`a1 UID FETCH …` is FETCH's UID
/// form), so the line is explained even before the whole command has arrived.
/// What a command line asks for, as the note under it says.
fn command_note(text: &str) -> Option<ImapNote> {
    let mut words = text.split(' ').skip(1);
    let name = CommandName::from_word(words.next()?)?;
    if name == CommandName::Uid {
        return Some(
            words
                .next()
                .and_then(CommandName::from_word)
                .map_or(ImapNote::Command(name), ImapNote::UidCommand),
        );
    }
    Some(ImapNote::Command(name))
}

impl ImapSession {
    /// Runs a parsed command in the current state.
    fn execute(&mut self, tag: &str, command: Command, ctx: &mut Context<'_>, out: &mut Output) {
        use CommandName as N;
        let name = command.name();
        let allowed = match name {
            N::Capability | N::Noop | N::Logout | N::Id => true,
            N::StartTls | N::Authenticate | N::Login => {
                matches!(self.state, State::NotAuthenticated)
            }
            N::Enable
            | N::Select
            | N::Examine
            | N::Create
            | N::Delete
            | N::Rename
            | N::Subscribe
            | N::Unsubscribe
            | N::List
            | N::Lsub
            | N::Namespace
            | N::Status
            | N::Append
            | N::Idle => !matches!(self.state, State::NotAuthenticated),
            _ => matches!(self.state, State::Selected(_)),
        };
        if !allowed {
            let text = match (&self.state, name) {
                (State::NotAuthenticated, _) => "Log in first",
                (_, N::StartTls | N::Authenticate | N::Login) => "Already logged in",
                _ => "No mailbox selected; SELECT one first",
            };
            return tagged(
                out,
                tag,
                Status::Bad,
                None,
                text,
                ImapNote::WrongState {
                    command: name,
                    state: self.imap_state(),
                },
            );
        }
        match command {
            Command::Capability => {
                data(
                    out,
                    Data::Capability(self.capabilities()),
                    ImapNote::CapabilityList {
                        login_disabled: self.login_disabled(),
                        starttls: self.policy.offer_starttls && !self.tls,
                    },
                );
                self.complete(tag, name, ctx, out, true);
            }
            Command::Noop | Command::Check => self.complete(tag, name, ctx, out, true),
            Command::Logout => {
                untagged(
                    out,
                    Status::Bye,
                    None,
                    &format!("{} logging out", self.policy.hostname),
                    ImapNote::Bye,
                );
                tagged(
                    out,
                    tag,
                    Status::Ok,
                    None,
                    "LOGOUT completed",
                    ImapNote::Completed(name),
                );
                self.closed = true;
                out.close();
            }
            Command::Id(_) => {
                data(
                    out,
                    Data::Id(vec![("name", "Facteur"), ("vendor", "Facteur")]),
                    ImapNote::IdLine,
                );
                self.complete(tag, name, ctx, out, true);
            }
            Command::StartTls => self.starttls(tag, out),
            Command::Login { user, password } => self.log_in(tag, &user, &password, ctx, out),
            Command::Authenticate { mechanism, initial } => {
                self.authenticate(tag, &mechanism, initial, ctx, out)
            }
            Command::Enable(caps) => {
                let rev2 = caps.iter().any(|c| c == "IMAP4REV2");
                let newly = rev2 && !self.rev2;
                self.rev2 |= rev2;
                let enabled = if newly { vec!["IMAP4rev2"] } else { Vec::new() };
                data(
                    out,
                    Data::Enabled(enabled),
                    ImapNote::Enabled { rev2: newly },
                );
                self.complete(tag, name, ctx, out, true);
            }
            Command::Namespace => {
                data(
                    out,
                    Data::Namespace(vec![(String::new(), super::mailboxes::DELIMITER)]),
                    ImapNote::NamespaceLine,
                );
                self.complete(tag, name, ctx, out, true);
            }
            Command::Idle => {
                continuation(out, "idling", ImapNote::Idling);
                self.mode = Mode::Idle {
                    tag: tag.to_owned(),
                };
                self.updates(ctx.store, out, true);
            }
            Command::Select(m) => self.select(tag, &m.0, false, ctx, out),
            Command::Examine(m) => self.select(tag, &m.0, true, ctx, out),
            Command::Close | Command::Unselect => {
                let login = self.login().unwrap_or_default().to_owned();
                let before = std::mem::replace(&mut self.state, State::Authenticated { login });
                if let State::Selected(selected) = before {
                    selected.close(tag, matches!(command, Command::Close), ctx, out);
                }
            }
            Command::Append {
                mailbox,
                flags,
                date,
                message,
            } => {
                let request = Append {
                    mailbox: mailbox.0,
                    flags,
                    date,
                    message,
                };
                let login = self.login().unwrap_or_default().to_owned();
                if let Some((code, note)) = mailboxes::append(&login, tag, request, ctx, out) {
                    self.updates(ctx.store, out, true);
                    tagged(out, tag, Status::Ok, Some(code), "APPEND completed", note);
                }
            }
            Command::Create(_)
            | Command::Delete(_)
            | Command::Rename { .. }
            | Command::Subscribe(_)
            | Command::Unsubscribe(_)
            | Command::List { .. }
            | Command::Lsub { .. }
            | Command::Status { .. } => self.mailbox_command(tag, command, ctx, out),
            _ => self.message_command(tag, command, ctx, out),
        }
    }

    /// SELECT or EXAMINE. Selecting, even a mailbox that does not exist, first leaves the
    /// mailbox selected before (RFC 9051 §6.3.2).
    fn select(
        &mut self,
        tag: &str,
        name: &str,
        read_only: bool,
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        let login = self.login().unwrap_or_default().to_owned();
        if matches!(self.state, State::Selected(_)) {
            // RFC 9051 §6.3.2: the mailbox selected before is closed first, and said so
            // before anything about the new one.
            untagged(
                out,
                Status::Ok,
                Some(Code::Closed),
                "Previous mailbox is now closed",
                ImapNote::ClosedPrevious,
            );
            self.state = State::Authenticated {
                login: login.clone(),
            };
        }
        let selected = mailboxes::select(&login, self.rev2, tag, name, read_only, ctx, out);
        self.state = match selected {
            Some(selected) => State::Selected(selected),
            None => State::Authenticated { login },
        };
    }

    /// Commands on mailboxes (RFC 9051 §6.3), in the authenticated or selected state.
    fn mailbox_command(
        &mut self,
        tag: &str,
        command: Command,
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        let name = command.name();
        let login = self.login().unwrap_or_default().to_owned();
        let outcome = match &command {
            Command::Create(m) => mailboxes::create(&login, tag, &m.0, ctx, out),
            Command::Delete(m) => mailboxes::delete(&login, tag, &m.0, ctx, out),
            Command::Rename { from, to } => {
                mailboxes::rename(&login, tag, &from.0, &to.0, ctx, out)
            }
            Command::Subscribe(m) => mailboxes::subscribe(&login, tag, &m.0, true, ctx, out),
            Command::Unsubscribe(m) => mailboxes::subscribe(&login, tag, &m.0, false, ctx, out),
            Command::List {
                reference,
                pattern,
                options,
            } => mailboxes::list(&login, reference, pattern, Some(options), ctx, out),
            Command::Lsub { reference, pattern } => {
                mailboxes::list(&login, reference, pattern, None, ctx, out)
            }
            Command::Status { mailbox, items } => {
                mailboxes::status(&login, tag, &mailbox.0, items, ctx, out)
            }
            _ => return,
        };
        if outcome == Outcome::Refused {
            return;
        }
        // The selected mailbox follows a RENAME and is left when it is deleted.
        match (&command, &mut self.state) {
            (Command::Delete(m), State::Selected(s)) if s.mailbox() == m.0 => {
                self.state = State::Authenticated { login };
            }
            (Command::Rename { from, to }, State::Selected(s))
                if s.mailbox() == from.0 && from.0 != INBOX =>
            {
                s.renamed(&to.0);
            }
            _ => {}
        }
        self.complete(tag, name, ctx, out, true);
    }

    /// Commands on the messages of the selected mailbox (RFC 9051 §6.4).
    fn message_command(
        &mut self,
        tag: &str,
        command: Command,
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        let rev2 = self.rev2;
        let State::Selected(selected) = &mut self.state else {
            return;
        };
        match command {
            Command::Expunge { uids } => selected.expunge(tag, uids, ctx, out),
            Command::Search {
                uid,
                charset,
                key,
                returns,
            } => {
                let search = Search {
                    rev2,
                    uid,
                    charset,
                    key,
                    returns,
                };
                selected.search(tag, search, ctx, out)
            }
            Command::Fetch {
                uid,
                set,
                attributes,
            } => selected.fetch(tag, uid, &set, &attributes, ctx, out),
            Command::Store {
                uid,
                set,
                mode,
                silent,
                flags,
            } => {
                let change = FlagChange {
                    uid,
                    set,
                    mode,
                    silent,
                    flags,
                };
                selected.store(tag, change, ctx, out)
            }
            Command::Copy { uid, set, mailbox } => {
                let transfer = Transfer {
                    uid,
                    set,
                    target: mailbox.0,
                    remove: false,
                };
                selected.transfer(tag, transfer, ctx, out)
            }
            Command::Move { uid, set, mailbox } => {
                let transfer = Transfer {
                    uid,
                    set,
                    target: mailbox.0,
                    remove: true,
                };
                selected.transfer(tag, transfer, ctx, out)
            }
            _ => {}
        }
    }

    /// Sends pending updates (if a mailbox is selected) and the tagged OK.
    fn complete(
        &mut self,
        tag: &str,
        name: CommandName,
        ctx: &mut Context<'_>,
        out: &mut Output,
        expunge_allowed: bool,
    ) {
        match &mut self.state {
            State::Selected(selected) => selected.complete(tag, name, ctx, out, expunge_allowed),
            _ => completed(out, tag, name),
        }
    }

    fn updates(&mut self, store: &Store, out: &mut Output, expunge_allowed: bool) {
        if let State::Selected(selected) = &mut self.state {
            selected.updates(store, out, expunge_allowed);
        }
    }

    fn idle_line(
        &mut self,
        tag: &str,
        text: &str,
        framing: Option<Note>,
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        if text.trim().eq_ignore_ascii_case("DONE") {
            out.client(
                text,
                std::iter::once(imap(ImapNote::Done))
                    .chain(framing)
                    .collect(),
            );
            self.updates(ctx.store, out, true);
            tagged(
                out,
                tag,
                Status::Ok,
                None,
                "IDLE terminated",
                ImapNote::Completed(CommandName::Idle),
            );
        } else {
            out.client(
                text,
                std::iter::once(imap(ImapNote::Unparsed))
                    .chain(framing)
                    .collect(),
            );
            tagged(
                out,
                tag,
                Status::Bad,
                None,
                "Expected DONE",
                ImapNote::ExpectedDone,
            );
        }
    }
}

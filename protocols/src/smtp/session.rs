//! An SMTP server session (RFC 5321 §4.1.4 ordering, RFC 3207 STARTTLS, RFC 4954 AUTH),
//! fed bytes and answering with replies, notes and events.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::auth::{self, Exchange};
use super::command::{self, Command, ParseError, ReversePath};
use super::data::{DataError, DataLine, DataReceiver};
use super::envelope::{self, Transaction};
use super::note::{Extension, SmtpNote};
use super::policy::SmtpPolicy;
use super::reply::{EnhancedCode, Reply};
use super::trace::{Protocol, Receipt};
use crate::line::{Framed, LineBuffer};
use crate::note::Note;
use crate::output::{Event, Output};
use crate::port::Service;
use crate::sasl::{self};
use crate::session::{feed, Context, Framing, Outbound, Session};
use crate::store::{Address, INBOX};
use crate::vocab::{Awaiting, Stage};

/// RFC 5321 §4.5.3.1.4: a command line is at most 512 octets with its CRLF.
pub const MAX_COMMAND_LINE: usize = 510;
/// RFC 5321 §4.5.3.1.6: a text line is at most 1000 octets with its CRLF.
pub const MAX_TEXT_LINE: usize = 998;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Greeted {
    pub(super) client: String,
    pub(super) extended: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) enum Mode {
    Commands,
    /// Between 354 and the lone dot.
    Data(DataReceiver),
    /// Waiting for the base64 answer to a 334 challenge.
    Auth(Exchange),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmtpSession {
    pub(super) policy: SmtpPolicy,
    pub(super) lenient: bool,
    pub(super) tls: bool,
    pub(super) greeted: Option<Greeted>,
    pub(super) authenticated: Option<String>,
    pub(super) transaction: Option<Transaction>,
    pub(super) mode: Mode,
    pub(super) lines: LineBuffer,
    pub(super) closed: bool,
}

pub(super) fn code(class: u8, subject: u16, detail: u16) -> Option<EnhancedCode> {
    Some(EnhancedCode(class, subject, detail))
}

impl SmtpSession {
    /// Opens a session and returns it with its greeting (RFC 5321 §4.2, code 220).
    pub fn connect(policy: SmtpPolicy, lenient: bool) -> (SmtpSession, Output) {
        let session = SmtpSession {
            tls: policy.starts_encrypted,
            policy,
            lenient,
            greeted: None,
            authenticated: None,
            transaction: None,
            mode: Mode::Commands,
            lines: LineBuffer::default(),
            closed: false,
        };
        let mut out = Output::default();
        let host = session.policy.hostname.clone();
        session.reply(
            &mut out,
            Reply::new(220, None, format!("{host} ESMTP Facteur ready")),
            SmtpNote::Greeting { host },
        );
        (session, out)
    }

    fn framed(&mut self, framed: Framed, ctx: &mut Context<'_>, out: &mut Output) {
        let (bytes, bare_lf) = match framed {
            Framed::Line { bytes, bare_lf } => (bytes, bare_lf),
            Framed::TooLong { bare_lf: _ } => {
                if let Mode::Data(data) = &mut self.mode {
                    data.line_too_long();
                    out.client("[a line over 1000 octets]", vec![smtp(SmtpNote::DataLine)]);
                    return;
                }
                out.client("[a line over 512 octets]", vec![smtp(SmtpNote::Unparsed)]);
                self.reply(
                    out,
                    Reply::new(500, code(5, 5, 2), "Line too long"),
                    SmtpNote::LineTooLong {
                        limit: MAX_COMMAND_LINE + 2,
                    },
                );
                return;
            }
        };
        let text = crate::line::printable(&bytes);
        if bare_lf && !self.lenient {
            out.client(text, vec![smtp(SmtpNote::Unparsed)]);
            self.reply(
                out,
                Reply::new(500, code(5, 5, 2), "Bare LF received; end lines with CRLF"),
                SmtpNote::BareLfRefused,
            );
            return;
        }
        let framing = if bare_lf {
            vec![Note::BareLineFeed(crate::port::Service::Smtp)]
        } else {
            Vec::new()
        };
        match std::mem::replace(&mut self.mode, Mode::Commands) {
            Mode::Commands => self.command_line(&text, framing, ctx, out),
            Mode::Data(data) => self.data_line(bytes, framing, data, ctx, out),
            Mode::Auth(exchange) => {
                let answer = sasl::answer(&text);
                out.client(text, notes_with(auth::answer_note(&answer), framing));
                self.auth_step(auth::answered(exchange, answer), ctx, out);
            }
        }
    }

    fn command_line(
        &mut self,
        text: &str,
        mut notes: Vec<Note>,
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        let parsed = match command::parse(text, self.lenient) {
            Ok(parsed) => parsed,
            Err(err) => {
                notes.insert(0, smtp(SmtpNote::Unparsed));
                out.client(text, notes);
                let (reply, note) = match err {
                    ParseError::Empty => (
                        Reply::new(500, code(5, 5, 2), "Empty line; type a command"),
                        SmtpNote::EmptyLine,
                    ),
                    ParseError::UnknownVerb(verb) => (
                        Reply::new(500, code(5, 5, 2), "Command not recognized"),
                        SmtpNote::UnknownCommand { verb },
                    ),
                    ParseError::Syntax { verb, diagnostic } => (
                        Reply::new(
                            501,
                            code(5, 5, 4),
                            format!("Syntax error in {} arguments", verb.word()),
                        ),
                        SmtpNote::Syntax { verb, diagnostic },
                    ),
                };
                // A command of POP3 or IMAP typed here gets an explanation that says so.
                let note = match (crate::crossover::foreign(Service::Smtp, text), &note) {
                    (Some(f), SmtpNote::UnknownCommand { .. }) => Note::Foreign(f),
                    _ => smtp(note),
                };
                for line in reply.wire_lines() {
                    out.server(line, note.clone());
                }
                return;
            }
        };
        let mut all = vec![smtp(command_note(&parsed.command))];
        all.extend(parsed.forgiven.iter().map(|f| smtp(SmtpNote::Forgiven(*f))));
        all.extend(notes);
        out.client(text, all);
        self.command(parsed.command, ctx, out);
    }

    fn command(&mut self, command: Command, ctx: &mut Context<'_>, out: &mut Output) {
        match command {
            Command::Ehlo(client) => self.ehlo(client, true, out),
            Command::Helo(client) => self.ehlo(client, false, out),
            Command::Mail { from, params } => self.mail(from, params, ctx, out),
            Command::Rcpt { to, params } => self.rcpt(to, params, ctx, out),
            Command::Data => self.data(out),
            Command::Rset => {
                self.transaction = None;
                self.reply(out, Reply::new(250, code(2, 0, 0), "Ok"), SmtpNote::ResetOk);
            }
            Command::Noop => {
                self.reply(out, Reply::new(250, code(2, 0, 0), "Ok"), SmtpNote::NoopOk)
            }
            Command::Vrfy(_) => self.reply(
                out,
                Reply::new(
                    252,
                    code(2, 5, 0),
                    "Cannot VRFY user, but will accept message and attempt delivery",
                ),
                SmtpNote::CannotVrfy,
            ),
            Command::Expn(_) => self.reply(
                out,
                Reply::new(502, code(5, 5, 1), "EXPN is disabled"),
                SmtpNote::ExpnDisabled,
            ),
            Command::Help(_) => {
                let reply = Reply {
                    code: super::reply::ReplyCode(214),
                    enhanced: code(2, 0, 0),
                    lines: vec![
                        "Commands: EHLO HELO MAIL RCPT DATA RSET NOOP VRFY HELP QUIT".into(),
                        "Also: STARTTLS AUTH. See RFC 5321 section 4.1".into(),
                    ],
                };
                self.reply(out, reply, SmtpNote::HelpText);
            }
            Command::Quit => {
                self.reply(out, Reply::new(221, code(2, 0, 0), "Bye"), SmtpNote::Bye);
                self.closed = true;
                out.close();
            }
            Command::StartTls => self.starttls(out),
            Command::Auth { mechanism, initial } => self.auth(mechanism, initial, ctx, out),
        }
    }

    fn ehlo(&mut self, client: String, extended: bool, out: &mut Output) {
        // RFC 5321 §4.1.4: EHLO in the middle of a transaction resets it.
        self.transaction = None;
        let host = self.policy.hostname.clone();
        if !extended {
            self.greeted = Some(Greeted {
                client: client.clone(),
                extended,
            });
            self.reply(
                out,
                Reply::new(250, None, host.clone()),
                SmtpNote::HeloOk { host, client },
            );
            return;
        }
        let mut lines = vec![format!("{host} greets {client}")];
        let mut notes = vec![SmtpNote::EhloHello {
            host,
            client: client.clone(),
        }];
        for ext in self.extensions() {
            lines.push(match ext {
                Extension::Pipelining => "PIPELINING".to_owned(),
                Extension::Size(n) => format!("SIZE {n}"),
                Extension::EightBitMime => "8BITMIME".to_owned(),
                Extension::EnhancedStatusCodes => "ENHANCEDSTATUSCODES".to_owned(),
                Extension::StartTls => "STARTTLS".to_owned(),
                Extension::Auth => "AUTH PLAIN LOGIN".to_owned(),
                Extension::Help => "HELP".to_owned(),
            });
            notes.push(SmtpNote::Advertised(ext));
        }
        self.greeted = Some(Greeted { client, extended });
        let reply = Reply {
            code: super::reply::ReplyCode(250),
            enhanced: None,
            lines,
        };
        for (line, note) in reply.wire_lines().into_iter().zip(notes) {
            out.server(line, smtp(note));
        }
    }

    /// The extensions this session advertises now: they change after STARTTLS.
    fn extensions(&self) -> Vec<Extension> {
        let mut list = vec![
            Extension::Pipelining,
            Extension::Size(self.policy.max_message_size),
            Extension::EightBitMime,
            Extension::EnhancedStatusCodes,
        ];
        if self.policy.offer_starttls && !self.tls {
            list.push(Extension::StartTls);
        }
        if self.auth_offered() && self.authenticated.is_none() {
            list.push(Extension::Auth);
        }
        list.push(Extension::Help);
        list
    }

    pub(super) fn auth_offered(&self) -> bool {
        self.policy.offer_auth && (self.tls || !self.policy.auth_needs_tls)
    }

    fn mail(
        &mut self,
        from: ReversePath,
        params: Vec<command::Param>,
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        if self.greeted.is_none() {
            return self.bad_sequence(out, "Send EHLO or HELO first", SmtpNote::NeedHelo);
        }
        if self.transaction.is_some() {
            return self.bad_sequence(
                out,
                "Sender already given; RSET to start over",
                SmtpNote::NestedMail,
            );
        }
        if self.policy.submission && !self.tls && self.policy.offer_starttls {
            return self.reply(
                out,
                Reply::new(530, code(5, 7, 0), "Must issue a STARTTLS command first"),
                SmtpNote::TlsRequired,
            );
        }
        if self.policy.submission && self.authenticated.is_none() {
            return self.reply(
                out,
                Reply::new(530, code(5, 7, 0), "Authentication required"),
                SmtpNote::AuthRequired,
            );
        }
        let checked = envelope::mail_params(&params, self.policy.max_message_size).and_then(|()| {
            envelope::sender(
                ctx.store,
                &self.policy,
                self.authenticated.as_deref(),
                &from,
            )
        });
        if let Err((reply, note)) = checked {
            return self.reply(out, reply, note);
        }
        let shown = match &from {
            ReversePath::Null => "<>".to_owned(),
            ReversePath::Address(a) => format!("<{a}>"),
        };
        self.transaction = Some(Transaction::new(from));
        self.reply(
            out,
            Reply::new(250, code(2, 1, 0), format!("Sender {shown} OK")),
            SmtpNote::SenderOk { from: shown },
        );
    }

    fn rcpt(
        &mut self,
        to: Address,
        params: Vec<command::Param>,
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        let Some(count) = self.transaction.as_ref().map(|t| t.recipients.len()) else {
            return self.bad_sequence(out, "Need MAIL before RCPT", SmtpNote::NeedMail);
        };
        if let Some(param) = params.first() {
            let (reply, note) = envelope::unsupported(&param.keyword);
            return self.reply(out, reply, note);
        }
        if count >= self.policy.max_recipients {
            return self.reply(
                out,
                Reply::new(452, code(4, 5, 3), "Too many recipients"),
                SmtpNote::TooManyRecipients {
                    limit: self.policy.max_recipients,
                },
            );
        }
        let authenticated = self.authenticated.is_some();
        match envelope::recipient(ctx.store, &self.policy, authenticated, &to) {
            Ok((reply, note)) => {
                if let Some(t) = &mut self.transaction {
                    t.add(to);
                }
                self.reply(out, reply, note);
            }
            Err((reply, note)) => self.reply(out, reply, note),
        }
    }

    fn data(&mut self, out: &mut Output) {
        match &self.transaction {
            None => self.bad_sequence(out, "Need MAIL and RCPT before DATA", SmtpNote::NeedMail),
            Some(t) if t.recipients.is_empty() => {
                self.bad_sequence(out, "No valid recipients", SmtpNote::NeedRcpt)
            }
            Some(_) => {
                self.mode = Mode::Data(DataReceiver::new(self.policy.max_message_size));
                self.reply(
                    out,
                    Reply::new(354, None, "End data with <CR><LF>.<CR><LF>"),
                    SmtpNote::StartMailInput,
                );
            }
        }
    }

    fn data_line(
        &mut self,
        bytes: Vec<u8>,
        framing: Vec<Note>,
        mut data: DataReceiver,
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let note = match data.line(&bytes) {
            DataLine::End => {
                out.client(text, notes_with(SmtpNote::DataEnd, framing));
                return self.end_of_data(data, ctx, out);
            }
            DataLine::Content { stuffed: true } => SmtpNote::DataDotStuffed,
            DataLine::Content { stuffed: false } => SmtpNote::DataLine,
        };
        out.client(text, notes_with(note, framing));
        self.mode = Mode::Data(data);
    }

    fn end_of_data(&mut self, data: DataReceiver, ctx: &mut Context<'_>, out: &mut Output) {
        let Some(transaction) = self.transaction.take() else {
            return self.bad_sequence(out, "Need MAIL and RCPT before DATA", SmtpNote::NeedMail);
        };
        let content = match data.finish() {
            Ok(content) => content,
            Err(DataError::TooBig) => {
                return self.reply(
                    out,
                    Reply::new(552, code(5, 3, 4), "Message size exceeds fixed limit"),
                    SmtpNote::MessageTooBig {
                        limit: self.policy.max_message_size,
                    },
                )
            }
            Err(DataError::LineTooLong) => {
                return self.reply(
                    out,
                    Reply::new(
                        554,
                        code(5, 6, 0),
                        "Message has a line longer than 1000 octets",
                    ),
                    SmtpNote::DataLineTooLong,
                )
            }
        };
        let queue_id = ctx.store.next_queue_id();
        let (local, remote): (Vec<Address>, Vec<Address>) =
            transaction.recipients.iter().cloned().partition(|r| {
                ctx.store
                    .server(&self.policy.hostname)
                    .is_some_and(|s| s.domains.iter().any(|d| d.eq_ignore_ascii_case(&r.domain)))
            });
        self.reply(
            out,
            Reply::new(250, code(2, 0, 0), format!("Ok: queued as {queue_id}")),
            SmtpNote::Queued {
                id: queue_id.clone(),
            },
        );
        out.event(Event::Accepted {
            queue_id: queue_id.clone(),
            recipients: transaction.recipients.clone(),
        });
        let (client, extended) = self
            .greeted
            .as_ref()
            .map_or(("unknown", false), |g| (g.client.as_str(), g.extended));
        let receipt = Receipt {
            client,
            host: &self.policy.hostname,
            protocol: Protocol {
                extended,
                tls: self.tls,
                authenticated: self.authenticated.is_some(),
            },
            queue_id: &queue_id,
            now: ctx.now,
        };
        for rcpt in &local {
            let with_trace = receipt.stamp(rcpt, &transaction.from, &content, true);
            let Some(login) = ctx.store.account_by_address(rcpt).map(|a| a.login.clone()) else {
                continue;
            };
            if let Some(uid) = ctx
                .store
                .append(&login, INBOX, with_trace, BTreeSet::new(), ctx.now)
            {
                out.event(Event::Delivered {
                    account: login,
                    mailbox: INBOX.to_owned(),
                    uid,
                });
            }
        }
        if let Some(first) = remote.first() {
            let raw = receipt.stamp(first, &transaction.from, &content, false);
            ctx.outbound.push(Outbound {
                queue_id: queue_id.clone(),
                from_host: self.policy.hostname.clone(),
                reverse_path: match transaction.from {
                    ReversePath::Null => None,
                    ReversePath::Address(address) => Some(address),
                },
                recipients: remote,
                raw,
            });
        }
    }

    pub(super) fn bad_sequence(&self, out: &mut Output, text: &str, note: SmtpNote) {
        self.reply(out, Reply::new(503, code(5, 5, 1), text), note);
    }

    /// Sends a reply; every line of it carries the same note.
    pub(super) fn reply(&self, out: &mut Output, reply: Reply, note: SmtpNote) {
        for line in reply.wire_lines() {
            out.server(line, smtp(note.clone()));
        }
    }
}

impl Framing for SmtpSession {
    fn is_closed(&self) -> bool {
        self.closed
    }

    fn buffer(&mut self) -> &mut LineBuffer {
        &mut self.lines
    }

    /// A command line, or a line of the message in DATA (which may be longer, RFC 5321
    /// §4.5.3.1.6).
    fn next_unit(&mut self, ctx: &mut Context<'_>, out: &mut Output) -> bool {
        let limit = match self.mode {
            Mode::Data(_) => MAX_TEXT_LINE,
            _ => MAX_COMMAND_LINE,
        };
        let Some(framed) = self.lines.next_line(limit) else {
            return false;
        };
        self.framed(framed, ctx, out);
        true
    }
}

impl Session for SmtpSession {
    fn service(&self) -> Service {
        Service::Smtp
    }

    /// Takes bytes from the client and handles every complete line among them.
    fn input(&mut self, bytes: &[u8], ctx: &mut Context<'_>) -> Output {
        feed(self, bytes, ctx)
    }

    /// A message whose final dot never came is not delivered (RFC 5321 §4.1.1.4).
    fn hang_up(&mut self, _ctx: &mut Context<'_>) -> Output {
        self.transaction = None;
        self.closed = true;
        let mut out = Output::default();
        out.close();
        out
    }

    fn awaiting(&self) -> Awaiting {
        match self.mode {
            Mode::Commands => Awaiting::Command,
            Mode::Data(_) => Awaiting::MessageData,
            Mode::Auth(_) => Awaiting::SaslResponse,
        }
    }

    fn hostname(&self) -> &str {
        &self.policy.hostname
    }

    fn is_encrypted(&self) -> bool {
        self.tls
    }

    /// The account an AUTH logged in, if any.
    fn login(&self) -> Option<&str> {
        self.authenticated.as_deref()
    }

    fn is_lenient(&self) -> bool {
        self.lenient
    }

    fn stage(&self) -> Stage {
        match (&self.mode, &self.greeted, &self.transaction) {
            (Mode::Data(_), _, _) => Stage::SmtpData,
            (Mode::Auth(_), _, _) => Stage::Sasl,
            (_, None, _) => Stage::SmtpGreet,
            (_, _, Some(t)) if t.recipients.is_empty() => Stage::SmtpRcpt,
            (_, _, Some(_)) => Stage::SmtpRcptOrData,
            _ if self.policy.submission && !self.tls && self.policy.offer_starttls => {
                Stage::SmtpStartTls
            }
            _ if self.policy.submission && self.authenticated.is_none() => Stage::SmtpAuth,
            _ => Stage::SmtpMail,
        }
    }
}

pub(super) fn smtp(note: SmtpNote) -> Note {
    Note::Smtp(note)
}

pub(super) fn notes_with(note: SmtpNote, framing: Vec<Note>) -> Vec<Note> {
    let mut notes = vec![smtp(note)];
    notes.extend(framing);
    notes
}

/// What a parsed command asks for.
fn command_note(command: &Command) -> SmtpNote {
    match command {
        Command::Ehlo(client) => SmtpNote::Ehlo {
            client: client.clone(),
        },
        Command::Helo(client) => SmtpNote::Helo {
            client: client.clone(),
        },
        Command::Mail { from, .. } => SmtpNote::MailFrom {
            from: match from {
                ReversePath::Null => "<>".to_owned(),
                ReversePath::Address(a) => format!("<{a}>"),
            },
        },
        Command::Rcpt { to, .. } => SmtpNote::RcptTo {
            to: format!("<{to}>"),
        },
        Command::Data => SmtpNote::Data,
        Command::Rset => SmtpNote::Rset,
        Command::Noop => SmtpNote::Noop,
        Command::Vrfy(_) => SmtpNote::Vrfy,
        Command::Expn(_) => SmtpNote::Expn,
        Command::Help(_) => SmtpNote::Help,
        Command::Quit => SmtpNote::Quit,
        Command::StartTls => SmtpNote::StartTls,
        Command::Auth { mechanism, .. } => SmtpNote::Auth {
            mechanism: mechanism.clone(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::port::Port;
    use crate::store::Preset;
    use crate::store::Store;
    use crate::time::Timestamp;

    struct Fixture {
        session: SmtpSession,
        store: Store,
        outbound: Vec<Outbound>,
    }

    impl Fixture {
        /// A session on a port, greeted with EHLO.
        fn greeted(port: Port) -> Fixture {
            let store = Preset::builtin("demo")
                .and_then(|p| p.build())
                .expect("demo");
            let (session, _) =
                SmtpSession::connect(SmtpPolicy::for_port("mail.example.test", port), false);
            let mut f = Fixture {
                session,
                store,
                outbound: Vec::new(),
            };
            f.send("EHLO mx.other.test");
            f
        }

        /// A relay-port session in a transaction for bob.
        fn in_transaction() -> Fixture {
            let mut f = Fixture::greeted(Port::SMTP);
            assert_eq!(
                f.send("MAIL FROM:<carol@other.test>"),
                ["250 2.1.0 Sender <carol@other.test> OK"]
            );
            f
        }

        fn send(&mut self, line: &str) -> Vec<String> {
            self.raw(format!("{line}\r\n").as_bytes())
        }

        fn raw(&mut self, bytes: &[u8]) -> Vec<String> {
            let mut ctx = Context {
                store: &mut self.store,
                now: Timestamp(0),
                outbound: &mut self.outbound,
            };
            self.session.input(bytes, &mut ctx).server_lines()
        }
    }

    #[test]
    fn recipients_past_the_limit_get_a_temporary_error() {
        let mut f = Fixture::in_transaction();
        f.session.policy.max_recipients = 1;
        assert_eq!(
            f.send("RCPT TO:<bob@example.test>"),
            ["250 2.1.5 Recipient <bob@example.test> OK"]
        );
        assert_eq!(
            f.send("RCPT TO:<alice@example.test>"),
            ["452 4.5.3 Too many recipients"]
        );
    }

    #[test]
    fn a_message_over_the_size_limit_is_refused_at_the_final_dot() {
        let mut f = Fixture::in_transaction();
        f.session.policy.max_message_size = 100;
        f.send("RCPT TO:<bob@example.test>");
        assert_eq!(f.send("DATA")[0], "354 End data with <CR><LF>.<CR><LF>");
        for _ in 0..10 {
            assert!(
                f.send("twenty characters...").is_empty(),
                "no reply inside DATA"
            );
        }
        assert_eq!(f.send("."), ["552 5.3.4 Message size exceeds fixed limit"]);
        assert_eq!(
            f.store.mailbox("bob", INBOX).map(|m| m.messages.len()),
            Some(5),
            "nothing delivered"
        );
        assert_eq!(f.send("NOOP"), ["250 2.0.0 Ok"], "back in command mode");
    }

    #[test]
    fn a_data_line_over_1000_octets_fails_the_message_but_not_the_session() {
        let mut f = Fixture::in_transaction();
        f.send("RCPT TO:<bob@example.test>");
        f.send("DATA");
        assert!(f.send(&"x".repeat(1200)).is_empty());
        assert_eq!(
            f.send("."),
            ["554 5.6.0 Message has a line longer than 1000 octets"]
        );
        assert_eq!(
            f.send("MAIL FROM:<carol@other.test>"),
            ["250 2.1.0 Sender <carol@other.test> OK"]
        );
    }

    #[test]
    fn dot_stuffed_lines_are_stored_with_one_dot_less() {
        let mut f = Fixture::in_transaction();
        f.send("RCPT TO:<bob@example.test>");
        f.send("DATA");
        f.send("..hidden");
        f.send("...");
        f.send(".");
        let inbox = f.store.mailbox("bob", INBOX).expect("inbox");
        let raw = &inbox.messages.last().expect("delivered").raw.0;
        assert!(
            raw.ends_with(b"\r\n.hidden\r\n..\r\n"),
            "{}",
            String::from_utf8_lossy(raw)
        );
    }

    #[test]
    fn delivery_adds_return_path_and_received_in_that_order() {
        let mut f = Fixture::in_transaction();
        f.send("RCPT TO:<bob@example.test>");
        f.send("DATA");
        f.send("Subject: hi");
        f.send("");
        f.send("body");
        f.send(".");
        let inbox = f.store.mailbox("bob", INBOX).expect("inbox");
        let raw =
            String::from_utf8_lossy(&inbox.messages.last().expect("delivered").raw.0).into_owned();
        assert!(raw.starts_with(
            "Return-Path: <carol@other.test>\r\nReceived: from mx.other.test\r\n\tby mail.example.test with ESMTP id Q00001\r\n\tfor <bob@example.test>; Thu, 1 Jan 1970 00:00:00 +0000\r\nSubject: hi\r\n\r\nbody\r\n"
        ), "{raw}");
    }

    #[test]
    fn starttls_forgets_what_was_said_in_cleartext() {
        let mut f = Fixture::greeted(Port::SUBMISSION);
        // Pipelined after STARTTLS, in cleartext: must not be acted on after the upgrade.
        let lines = f.raw(b"STARTTLS\r\nNOOP\r\n");
        assert_eq!(lines, ["220 2.0.0 Ready to start TLS"]);
        assert!(f.session.is_encrypted());
        assert_eq!(
            f.send("MAIL FROM:<alice@example.test>"),
            ["503 5.5.1 Send EHLO or HELO first"]
        );
    }

    #[test]
    fn remote_recipients_are_queued_for_relay_with_a_received_header() {
        let mut f = Fixture::greeted(Port::SUBMISSIONS);
        f.send("AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=");
        f.send("MAIL FROM:<alice@example.test>");
        f.send("RCPT TO:<carol@other.test>");
        f.send("DATA");
        f.send("Subject: hi");
        f.send(".");
        assert_eq!(f.outbound.len(), 1);
        let out = &f.outbound[0];
        assert_eq!(out.recipients, [Address::new("carol", "other.test")]);
        assert!(out
            .raw
            .starts_with(b"Received: from mx.other.test\r\n\tby mail.example.test with ESMTPSA"));
    }

    #[test]
    fn nothing_is_answered_after_quit() {
        let mut f = Fixture::greeted(Port::SMTP);
        assert_eq!(f.raw(b"QUIT\r\nNOOP\r\n"), ["221 2.0.0 Bye"]);
        assert!(f.session.is_closed());
        assert!(f.send("NOOP").is_empty());
    }
}

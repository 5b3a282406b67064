//! A mail client submitting one message (RFC 6409), as a device's "Send" does: EHLO, then
//! STARTTLS and EHLO again when the server offers it (RFC 3207), AUTH PLAIN (RFC 4954,
//! RFC 4616) or LOGIN, MAIL, RCPT for each recipient, DATA with dot-stuffing (RFC 5321 §4.5.2), QUIT.
//!
//! Sans-IO like the servers: it is fed the server's bytes and answers with the next bytes to
//! send. It reads replies from those bytes only, never from the engine, so the same client
//! works against the page's world and against facteur-server over TCP.

use super::incoming::Incoming;
use super::settings::ConnectionSecurity;
use super::trouble::{greeting_service, Trouble};
use crate::port::Service;
use crate::sasl;

/// What to send, and to whom, in whose name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    /// The name the client gives in EHLO, e.g. `laptop.example.test`.
    pub client: String,
    /// The user name to log in with.
    pub user: String,
    /// The password.
    pub password: String,
    /// The sender's address (MAIL FROM).
    pub from: String,
    /// The recipients' addresses (RCPT TO).
    pub to: Vec<String>,
    /// The message, with CRLF line endings.
    pub message: Vec<u8>,
    /// How to log in; `None` for "No authentication".
    pub mechanism: Option<Mechanism>,
}

/// How the client proves who it is (a mail app's "authentication method").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Mechanism {
    /// RFC 4616: name and password in one base64 answer.
    #[default]
    Plain,
    /// Not in any RFC but offered everywhere: the server asks for each in turn.
    Login,
}

/// How the submission ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The server took the message (`250 … queued as …`).
    Sent {
        /// The server's `250` reply.
        reply: String,
    },
    /// The server said no at some step; the client said QUIT and gave up, as a real client
    /// would, telling its user the server's words.
    Refused {
        /// The step it said no at.
        step: Step,
        /// The server's reply.
        reply: String,
    },
    /// The client stopped by itself: the server is not what the settings expect.
    GaveUp(Trouble),
}

impl Outcome {
    /// What stopped the submission, if it did not go through.
    pub fn trouble(&self) -> Option<Trouble> {
        match self {
            Outcome::Sent { .. } => None,
            Outcome::GaveUp(t) => Some(t.clone()),
            Outcome::Refused { step, reply } => Some(Trouble::refusal(
                matches!(step, Step::Auth | Step::AuthUser),
                reply.clone(),
            )),
        }
    }
}

/// Where the exchange stands: what the last line sent was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Waiting for the greeting.
    Greeting,
    /// EHLO sent.
    Ehlo,
    /// STARTTLS sent.
    StartTls,
    /// AUTH sent.
    Auth,
    /// AUTH LOGIN: the user name was asked for and sent.
    AuthUser,
    /// MAIL FROM sent.
    Mail,
    /// RCPT TO for this recipient (from 0) sent.
    Rcpt(usize),
    /// DATA sent.
    Data,
    /// The message sent.
    Message,
    /// QUIT sent.
    Quit,
    /// Finished.
    Done,
}

/// An SMTP client that submits a message as a device's settings say (RFC 6409, RFC 4954).
#[derive(Debug, Clone)]
pub struct Submitter {
    job: Submission,
    step: Step,
    security: ConnectionSecurity,
    encrypted: bool,
    incoming: Incoming,
    /// Lines of a multi-line reply read so far.
    lines: Vec<String>,
    outcome: Option<Outcome>,
}

/// One complete reply: its code and its lines.
struct Reply {
    code: u16,
    lines: Vec<String>,
}

impl Submitter {
    /// A client that has just connected with this connection security (SSL/TLS: the
    /// handshake is done and the greeting comes inside it).
    pub fn new(job: Submission, security: ConnectionSecurity) -> Submitter {
        Submitter {
            job,
            step: Step::Greeting,
            security,
            encrypted: security == ConnectionSecurity::SslTls,
            incoming: Incoming::default(),
            lines: Vec::new(),
            outcome: None,
        }
    }

    /// The last step taken.
    pub fn step(&self) -> Step {
        self.step
    }

    /// How it ended, once the server has answered QUIT (or closed).
    pub fn outcome(&self) -> Option<&Outcome> {
        (self.step == Step::Done)
            .then_some(self.outcome.as_ref())
            .flatten()
    }

    /// Takes bytes from the server and returns the bytes to send next (nothing while a
    /// reply is incomplete, or once the exchange is over).
    pub fn receive(&mut self, bytes: &[u8]) -> Vec<u8> {
        self.incoming.push(bytes);
        let mut out = Vec::new();
        while let Some(reply) = self.next_reply() {
            out.extend(self.answer(reply));
        }
        out
    }

    /// The next complete reply in the buffer: lines up to one whose code is followed by a
    /// space, not a hyphen (RFC 5321 §4.2.1).
    fn next_reply(&mut self) -> Option<Reply> {
        while let Some(line) = self.incoming.line() {
            let text = String::from_utf8_lossy(&line).into_owned();
            let last = text.as_bytes().get(3) != Some(&b'-');
            self.lines.push(text);
            if last {
                let lines = std::mem::take(&mut self.lines);
                let code = lines[0].get(..3).and_then(|c| c.parse().ok()).unwrap_or(0);
                return Some(Reply { code, lines });
            }
        }
        None
    }

    fn line(&mut self, step: Step, text: &str) -> Vec<u8> {
        self.step = step;
        format!("{text}\r\n").into_bytes()
    }

    fn give_up(&mut self, reply: &Reply) -> Vec<u8> {
        self.outcome = Some(Outcome::Refused {
            step: self.step,
            reply: reply.lines.join("\n"),
        });
        self.line(Step::Quit, "QUIT")
    }

    /// Stops with a trouble of its own: QUIT when the server speaks SMTP, otherwise just
    /// hang up.
    fn stop(&mut self, trouble: Trouble, quit: bool) -> Vec<u8> {
        self.outcome = Some(Outcome::GaveUp(trouble));
        if quit {
            self.line(Step::Quit, "QUIT")
        } else {
            self.step = Step::Done;
            Vec::new()
        }
    }

    /// After EHLO: STARTTLS if the settings want it, then AUTH if they log in and the
    /// server offers it (RFC 4954 §3: only what EHLO announced).
    fn after_ehlo(&mut self, reply: &Reply) -> Vec<u8> {
        let offers = |word: &str| {
            reply.lines.iter().skip(1).any(|l| {
                let l = l.get(4..).unwrap_or_default().to_ascii_uppercase();
                l == word || l.starts_with(&format!("{word} "))
            })
        };
        if !self.encrypted && self.security == ConnectionSecurity::StartTls {
            return if offers("STARTTLS") {
                self.line(Step::StartTls, "STARTTLS")
            } else {
                self.stop(Trouble::NoStartTls, true)
            };
        }
        match self.job.mechanism {
            None => {
                let mail = format!("MAIL FROM:<{}>", self.job.from);
                self.line(Step::Mail, &mail)
            }
            Some(_) if !offers("AUTH") => self.stop(Trouble::NoAuth, true),
            Some(Mechanism::Plain) => {
                let answer = sasl::plain_response(&self.job.user, &self.job.password);
                self.line(Step::Auth, &format!("AUTH PLAIN {answer}"))
            }
            Some(Mechanism::Login) => self.line(Step::Auth, "AUTH LOGIN"),
        }
    }

    fn answer(&mut self, reply: Reply) -> Vec<u8> {
        let ok = |want: u16| reply.code == want;
        match self.step {
            Step::Greeting if greeting_service(&reply.lines[0]) != Some(Service::Smtp) => {
                let trouble = Trouble::WrongProtocol {
                    expected: Service::Smtp,
                    found: greeting_service(&reply.lines[0]),
                    greeting: reply.lines[0].clone(),
                };
                self.stop(trouble, false)
            }
            Step::Greeting | Step::StartTls if ok(220) => {
                if self.step == Step::StartTls {
                    // RFC 3207 §4.2: after the handshake, start again with EHLO.
                    self.encrypted = true;
                }
                let ehlo = format!("EHLO {}", self.job.client);
                self.line(Step::Ehlo, &ehlo)
            }
            Step::Ehlo if ok(250) => self.after_ehlo(&reply),
            Step::Auth if ok(334) => {
                let user = sasl::encode(self.job.user.as_bytes());
                self.line(Step::AuthUser, &user)
            }
            Step::AuthUser if ok(334) => {
                let password = sasl::encode(self.job.password.as_bytes());
                self.line(Step::Auth, &password)
            }
            Step::Auth if ok(235) => {
                let mail = format!("MAIL FROM:<{}>", self.job.from);
                self.line(Step::Mail, &mail)
            }
            Step::Mail | Step::Rcpt(_) if ok(250) || (ok(251) && self.step != Step::Mail) => {
                let next = match self.step {
                    Step::Rcpt(i) => i + 1,
                    _ => 0,
                };
                match self.job.to.get(next).cloned() {
                    Some(to) => self.line(Step::Rcpt(next), &format!("RCPT TO:<{to}>")),
                    None => self.line(Step::Data, "DATA"),
                }
            }
            Step::Data if ok(354) => {
                self.step = Step::Message;
                dot_stuffed(&self.job.message)
            }
            Step::Message if ok(250) => {
                self.outcome = Some(Outcome::Sent {
                    reply: reply.lines.join("\n"),
                });
                self.line(Step::Quit, "QUIT")
            }
            Step::Quit => {
                self.step = Step::Done;
                Vec::new()
            }
            Step::Done => Vec::new(),
            _ => self.give_up(&reply),
        }
    }
}

/// The message as DATA carries it: a leading dot doubled on each line, the last line ended,
/// then the lone dot (RFC 5321 §4.5.2, §4.1.1.4).
fn dot_stuffed(message: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(message.len() + 8);
    for line in message.split_inclusive(|&b| b == b'\n') {
        if line.starts_with(b".") {
            out.push(b'.');
        }
        out.extend_from_slice(line);
    }
    if !out.is_empty() && !out.ends_with(b"\r\n") {
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b".\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::test_driver::converse;
    use crate::store::INBOX;
    use crate::{Port, World};

    fn job(password: &str) -> Submission {
        Submission {
            client: "laptop.example.test".into(),
            user: "alice".into(),
            password: password.into(),
            from: "alice@example.test".into(),
            to: vec!["bob@example.test".into(), "carol@other.test".into()],
            message: b"Subject: from the laptop\r\n\r\n.a line with a dot\r\nBye\r\n".to_vec(),
            mechanism: Some(Mechanism::Plain),
        }
    }

    fn run(port: Port, job: Submission) -> (Submitter, World, Vec<String>) {
        let mut world = World::demo();
        let mut client = Submitter::new(job, ConnectionSecurity::suited_to(port));
        let sent = converse(&mut world, port, |b| client.receive(b));
        (client, world, sent)
    }

    #[test]
    fn on_587_it_encrypts_logs_in_and_sends_to_everyone() {
        let (client, world, sent) = run(Port::SUBMISSION, job("wonderland"));
        assert!(
            matches!(client.outcome(), Some(Outcome::Sent { reply }) if reply.contains("queued as"))
        );
        assert_eq!(sent[0], "EHLO laptop.example.test");
        assert_eq!(sent[1], "STARTTLS");
        assert_eq!(sent[2], "EHLO laptop.example.test");
        assert!(sent[3].starts_with("AUTH PLAIN "));
        assert!(
            sent.contains(&"..a line with a dot".to_owned()),
            "dot-stuffed: {sent:?}"
        );
        let inbox = world.store.mailbox("bob", INBOX).expect("bob's inbox");
        let last =
            String::from_utf8_lossy(&inbox.messages.last().expect("delivered").raw.0).into_owned();
        assert!(last.ends_with("Subject: from the laptop\r\n\r\n.a line with a dot\r\nBye\r\n"));
    }

    #[test]
    fn on_465_there_is_no_starttls() {
        let (client, _, sent) = run(Port::SUBMISSIONS, job("wonderland"));
        assert!(matches!(client.outcome(), Some(Outcome::Sent { .. })));
        assert!(!sent.contains(&"STARTTLS".to_owned()));
    }

    #[test]
    fn auth_login_answers_each_question_in_base64() {
        let job = Submission {
            mechanism: Some(Mechanism::Login),
            ..job("wonderland")
        };
        let (client, _, sent) = run(Port::SUBMISSIONS, job);
        assert!(matches!(client.outcome(), Some(Outcome::Sent { .. })));
        assert_eq!(sent[1..4], ["AUTH LOGIN", "YWxpY2U=", "d29uZGVybGFuZA=="]);
    }

    #[test]
    fn a_wrong_password_is_reported_with_the_servers_words() {
        let (client, _, sent) = run(Port::SUBMISSION, job("looking-glass"));
        assert_eq!(sent.last().map(String::as_str), Some("QUIT"));
        assert!(matches!(
            client.outcome(),
            Some(Outcome::Refused { step: Step::Auth, reply }) if reply.starts_with("535")
        ));
    }

    #[test]
    fn replies_may_arrive_in_any_pieces() {
        let mut client = Submitter::new(job("x"), ConnectionSecurity::SslTls);
        assert!(client.receive(b"220 mail.example.test ESM").is_empty());
        assert_eq!(
            client.receive(b"TP ready\r\n"),
            b"EHLO laptop.example.test\r\n"
        );
        assert!(client
            .receive(b"250-mail.example.test greets you\r\n250-SI")
            .is_empty());
        assert!(client
            .receive(b"ZE 100\r\n250-AUTH PLAIN LOGIN\r\n250 HELP\r\n")
            .starts_with(b"AUTH PLAIN "));
    }

    fn run_with(port: Port, security: ConnectionSecurity, job: Submission) -> Submitter {
        let mut world = World::demo();
        let mut client = Submitter::new(job, security);
        converse(&mut world, port, |b| client.receive(b));
        client
    }

    #[test]
    fn port_25_offers_no_auth_to_log_in_with() {
        let client = run_with(Port::SMTP, ConnectionSecurity::StartTls, job("wonderland"));
        assert_eq!(client.outcome(), Some(&Outcome::GaveUp(Trouble::NoAuth)));
    }

    #[test]
    fn port_25_without_a_login_refuses_to_relay() {
        let job = Submission {
            mechanism: None,
            to: vec!["carol@other.test".into()],
            ..job("")
        };
        let client = run_with(Port::SMTP, ConnectionSecurity::None, job);
        assert!(
            matches!(client.outcome(), Some(Outcome::Refused { step: Step::Rcpt(0), reply }) if reply.contains("Relay access denied")),
            "{:?}",
            client.outcome()
        );
    }

    #[test]
    fn without_encryption_587_offers_no_auth() {
        let client = run_with(
            Port::SUBMISSION,
            ConnectionSecurity::None,
            job("wonderland"),
        );
        assert_eq!(client.outcome(), Some(&Outcome::GaveUp(Trouble::NoAuth)));
    }

    #[test]
    fn a_pop3_greeting_is_not_understood() {
        let client = run_with(Port::POP3S, ConnectionSecurity::SslTls, job("wonderland"));
        assert!(matches!(
            client.outcome(),
            Some(Outcome::GaveUp(Trouble::WrongProtocol {
                expected: Service::Smtp,
                found: Some(Service::Pop3),
                ..
            }))
        ));
    }
}

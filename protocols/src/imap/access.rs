//! Getting in: STARTTLS (RFC 9051 §6.2.1), AUTHENTICATE with SASL PLAIN, its initial
//! response (RFC 4959) or its continuation, and what a successful login changes (§3.2).

use super::auth;
use super::note::ImapNote;
use super::reply::{continuation, tagged, Code, Status};
use super::session::{imap, ImapSession, Mode, State};
use crate::note::Note;
use crate::output::{Event, Output};
use crate::sasl;
use crate::session::Context;

impl ImapSession {
    pub(super) fn starttls(&mut self, tag: &str, out: &mut Output) {
        if self.tls || !self.policy.offer_starttls {
            return tagged(
                out,
                tag,
                Status::Bad,
                None,
                "TLS is already active or not offered",
                ImapNote::TlsActive,
            );
        }
        tagged(
            out,
            tag,
            Status::Ok,
            None,
            "Begin TLS negotiation now",
            ImapNote::TlsReady,
        );
        self.tls = true;
        self.lines.clear();
        out.event(Event::TlsStarted);
    }

    pub(super) fn authenticate(
        &mut self,
        tag: &str,
        mechanism: &str,
        initial: Option<String>,
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        if mechanism != "PLAIN" {
            return tagged(
                out,
                tag,
                Status::No,
                None,
                "Unsupported authentication mechanism",
                ImapNote::UnknownMechanism {
                    mechanism: mechanism.to_owned(),
                },
            );
        }
        if self.login_disabled() {
            return refuse_before_tls(tag, "Authentication", out);
        }
        match initial {
            // SASL-IR (RFC 4959): the credentials came on the command line.
            Some(ir) => {
                let login = auth::plain(&self.policy, tag, sasl::answer(&ir), ctx, out);
                self.logged_in(login);
            }
            None => {
                continuation(out, "", ImapNote::ContinueAuthenticate);
                self.mode = Mode::Authenticate {
                    tag: tag.to_owned(),
                };
            }
        }
    }

    pub(super) fn sasl_answer(
        &mut self,
        tag: &str,
        text: &str,
        framing: Option<Note>,
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        let answer = sasl::answer(text);
        let note = auth::answer_note(&answer);
        out.client(text, std::iter::once(imap(note)).chain(framing).collect());
        let login = auth::plain(&self.policy, tag, answer, ctx, out);
        self.logged_in(login);
    }

    /// After a successful login the session is authenticated (RFC 9051 §3.2).
    pub(super) fn logged_in(&mut self, login: Option<String>) {
        if let Some(login) = login {
            self.state = State::Authenticated { login };
        }
    }

    /// LOGIN with a user name and a password (RFC 9051 §6.2.3).
    pub(super) fn log_in(
        &mut self,
        tag: &str,
        user: &str,
        password: &str,
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        if self.login_disabled() {
            return refuse_before_tls(tag, "LOGIN", out);
        }
        let login = auth::login(&self.policy, tag, user, password, ctx, out);
        self.logged_in(login);
    }
}

/// A password in clear before STARTTLS is refused (RFC 9051 §6.2.3, LOGINDISABLED).
fn refuse_before_tls(tag: &str, what: &str, out: &mut Output) {
    tagged(
        out,
        tag,
        Status::No,
        Some(Code::PrivacyRequired),
        &format!("{what} is disabled until STARTTLS"),
        ImapNote::LoginDisabled,
    );
}

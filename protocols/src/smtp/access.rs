//! Getting in: STARTTLS (RFC 3207) and AUTH PLAIN with its initial response or its 334
//! challenge (RFC 4954), on a submission port (RFC 6409).

use super::auth::{self, Step};
use super::note::SmtpNote;
use super::reply::Reply;
use super::session::{code, Mode, SmtpSession};
use crate::output::{Event, Output};
use crate::sasl::Plain;
use crate::session::Context;

impl SmtpSession {
    pub(super) fn starttls(&mut self, out: &mut Output) {
        if self.tls {
            return self.reply(
                out,
                Reply::new(503, code(5, 5, 1), "TLS already active"),
                SmtpNote::TlsAlreadyActive,
            );
        }
        if !self.policy.offer_starttls {
            return self.reply(
                out,
                Reply::new(502, code(5, 5, 1), "STARTTLS not available"),
                SmtpNote::StartTlsNotOffered,
            );
        }
        self.reply(
            out,
            Reply::new(220, code(2, 0, 0), "Ready to start TLS"),
            SmtpNote::ReadyForTls,
        );
        // RFC 3207 §4.2: after the handshake the client starts again with EHLO, and the
        // server forgets everything it learned in cleartext.
        self.tls = true;
        self.greeted = None;
        self.transaction = None;
        self.authenticated = None;
        self.lines.clear();
        out.event(Event::TlsStarted);
    }

    pub(super) fn auth(
        &mut self,
        mechanism: String,
        initial: Option<String>,
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        if !self.policy.offer_auth {
            return self.reply(
                out,
                // Not offered here, so not implemented here (RFC 5321 §4.2.4: 502); 503
                // means a command in the wrong order.
                Reply::new(502, code(5, 5, 1), "AUTH not available on this port"),
                SmtpNote::AuthNotOffered,
            );
        }
        if self.greeted.as_ref().is_none_or(|g| !g.extended) {
            return self.bad_sequence(out, "Send EHLO first", SmtpNote::NeedHelo);
        }
        if self.authenticated.is_some() {
            return self.bad_sequence(out, "Already authenticated", SmtpNote::AuthAlready);
        }
        if self.transaction.is_some() {
            return self.bad_sequence(
                out,
                "AUTH not allowed during a mail transaction",
                SmtpNote::AuthInTransaction,
            );
        }
        if !self.auth_offered() {
            return self.reply(
                out,
                // RFC 3207 §4; RFC 4954 §6 keeps 538 for history only.
                Reply::new(530, code(5, 7, 0), "Must issue a STARTTLS command first"),
                SmtpNote::EncryptionRequired,
            );
        }
        self.auth_step(auth::start(&mechanism, initial.as_deref()), ctx, out);
    }

    /// Carries out one step of the AUTH exchange.
    pub(super) fn auth_step(&mut self, step: Step, ctx: &mut Context<'_>, out: &mut Output) {
        match step {
            Step::Challenge(exchange, reply, note) => {
                self.mode = Mode::Auth(exchange);
                self.reply(out, reply, note);
            }
            Step::Credentials(Plain { user, password }) => {
                match ctx
                    .store
                    .authenticate(self.policy.login_server(), &user, &password)
                {
                    Some(account) => {
                        let login = account.login.clone();
                        self.authenticated = Some(login.clone());
                        self.reply(
                            out,
                            Reply::new(235, code(2, 7, 0), "Authentication successful"),
                            SmtpNote::AuthSucceeded {
                                login: login.clone(),
                            },
                        );
                        out.event(Event::Authenticated { account: login });
                    }
                    None => self.auth_step(auth::refused(), ctx, out),
                }
            }
            Step::Refuse(reply, note) => self.reply(out, reply, note),
        }
    }
}

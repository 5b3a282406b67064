//! Logging in (RFC 9051 §6.2.2 AUTHENTICATE, §6.2.3 LOGIN): credentials are checked
//! against the store, and the answer is the tagged OK with the capabilities that now apply,
//! or NO [AUTHENTICATIONFAILED]. The session changes its state from what these return.

use super::note::ImapNote;
use super::policy::ImapPolicy;
use super::reply::{tagged, Code, Status};
use crate::output::Event;
use crate::output::Output;
use crate::sasl::{self, Answer};
use crate::session::Context;

/// Checks a user name and password; returns the login when they are right.
pub fn login(
    policy: &ImapPolicy,
    tag: &str,
    user: &str,
    password: &str,
    ctx: &mut Context<'_>,
    out: &mut Output,
) -> Option<String> {
    let Some(account) = ctx
        .store
        .authenticate(policy.login_server(), user, password)
    else {
        tagged(
            out,
            tag,
            Status::No,
            Some(Code::AuthenticationFailed),
            "Authentication failed",
            ImapNote::AuthenticationFailed,
        );
        return None;
    };
    let login = account.login.clone();
    // The capabilities of the authenticated state: no STARTTLS, no ways to log in.
    let caps = policy.capabilities(true, true);
    tagged(
        out,
        tag,
        Status::Ok,
        Some(Code::Capability(caps)),
        "Logged in",
        ImapNote::LoggedIn {
            login: login.clone(),
        },
    );
    out.event(Event::Authenticated {
        account: login.clone(),
    });
    Some(login)
}

/// RFC 4616 PLAIN, from its base64 answer; returns the login when it is right.
pub fn plain(
    policy: &ImapPolicy,
    tag: &str,
    answer: Answer,
    ctx: &mut Context<'_>,
    out: &mut Output,
) -> Option<String> {
    let (status, code, text, note) = match answer {
        Answer::Cancel => (
            Status::Bad,
            None,
            "Authentication cancelled",
            ImapNote::AuthCancelled,
        ),
        Answer::Invalid => (
            Status::Bad,
            None,
            "Invalid base64 data",
            ImapNote::AuthBadBase64,
        ),
        Answer::Data(bytes) => match sasl::plain(&bytes) {
            Some(p) => return login(policy, tag, &p.user, &p.password, ctx, out),
            None => (
                Status::No,
                Some(Code::AuthenticationFailed),
                "Authentication failed",
                ImapNote::AuthenticationFailed,
            ),
        },
    };
    tagged(out, tag, status, code, text, note);
    None
}

/// How the client's answer line is explained.
pub fn answer_note(answer: &Answer) -> ImapNote {
    match answer {
        Answer::Cancel => ImapNote::AuthCancel,
        Answer::Data(bytes) => ImapNote::AuthResponse {
            decoded: sasl::show(bytes),
        },
        Answer::Invalid => ImapNote::AuthResponse {
            decoded: "?".to_owned(),
        },
    }
}

//! What an SMTP port allows: the difference between relay (25) and submission (587, 465).

use serde::{Deserialize, Serialize};

use crate::port::Port;

/// RFC 1870: the largest message the servers accept, advertised as `SIZE`.
pub const MAX_MESSAGE_SIZE: usize = 10 * 1024 * 1024;
/// RFC 5321 §4.5.3.1.8 asks servers to accept at least 100 recipients; Facteur stops there.
pub const MAX_RECIPIENTS: usize = 100;

/// How an SMTP server on one port behaves: relay (25) or submission (587, 465).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmtpPolicy {
    /// The server's name, in the greeting and in `Received:` headers.
    pub hostname: String,
    /// Submission (RFC 6409): every message needs an authenticated sender.
    pub submission: bool,
    /// The connection is encrypted before the greeting (port 465, RFC 8314).
    pub starts_encrypted: bool,
    /// STARTTLS is offered while the connection is in cleartext.
    pub offer_starttls: bool,
    /// AUTH is offered at all (not on relay port 25, where servers talk to servers).
    pub offer_auth: bool,
    /// AUTH is offered only once the connection is encrypted (RFC 8314 §4.1 spirit: never
    /// send a password in cleartext).
    pub auth_needs_tls: bool,
    /// The largest message accepted, in octets (the SIZE extension, RFC 1870).
    pub max_message_size: usize,
    /// The most recipients one message may have.
    pub max_recipients: usize,
    /// One port for the whole world (the native server): any account may log in, and mail
    /// for any world domain is accepted without AUTH, as each domain's MX would.
    pub whole_world: bool,
}

impl SmtpPolicy {
    /// The policy of a simulated port.
    pub fn for_port(hostname: &str, port: Port) -> SmtpPolicy {
        SmtpPolicy {
            hostname: hostname.to_owned(),
            submission: port.submission,
            starts_encrypted: port.starts_encrypted(),
            offer_starttls: true,
            offer_auth: port.submission,
            auth_needs_tls: true,
            max_message_size: MAX_MESSAGE_SIZE,
            max_recipients: MAX_RECIPIENTS,
            whole_world: false,
        }
    }

    /// The server a login is checked against: this one, or any in the world.
    pub fn login_server(&self) -> Option<&str> {
        (!self.whole_world).then_some(self.hostname.as_str())
    }

    /// A plain TCP port a real client reaches on loopback, where the link counts as trusted
    /// (there is no real TLS): local mail needs no login, relaying needs AUTH, and AUTH is
    /// offered without STARTTLS.
    pub fn trusted_loopback(hostname: &str) -> SmtpPolicy {
        SmtpPolicy {
            hostname: hostname.to_owned(),
            submission: false,
            starts_encrypted: false,
            offer_starttls: false,
            offer_auth: true,
            auth_needs_tls: false,
            max_message_size: MAX_MESSAGE_SIZE,
            max_recipients: MAX_RECIPIENTS,
            whole_world: true,
        }
    }
}

//! What went wrong when a mail app tried its settings, in the app's terms, and which of the
//! classic wrong settings it points to.
//!
//! A client learns of a problem in one of three ways: before the protocol starts (no such
//! host, nothing listening, a TLS handshake that cannot happen: the dialer), by itself
//! (a greeting in another protocol, no STARTTLS, no AUTH: the scripted clients give up), or
//! from the server's refusal. [`Trouble`] is that fact; [`Diagnosis`] is what a teacher would
//! say caused it, given the settings.

use serde::{Deserialize, Serialize};

use super::settings::{Authentication, ConnectionSecurity, ServerSettings};
use crate::port::{Port, Service};

/// What the client ran into.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Trouble {
    /// The name does not resolve: no server is called that.
    NoSuchHost {
        /// The name the settings give.
        host: String,
    },
    /// The host exists, but nothing accepts connections on that port.
    NothingListens {
        /// The server's name.
        host: String,
        /// The port tried.
        port: u16,
    },
    /// The client waited for a greeting that never came, and gave up after `waited`
    /// seconds: the server was waiting for a TLS handshake (RFC 8314 §3).
    NoGreeting {
        /// The port tried.
        port: u16,
        /// How long the client waited, in seconds.
        waited: u32,
    },
    /// The client started TLS and got the server's plain-text greeting instead of a
    /// ServerHello: "wrong version number", as TLS libraries put it.
    NotTls {
        /// The port tried.
        port: u16,
        /// The plain-text line that came instead.
        got: String,
    },
    /// The greeting is another protocol's (or no protocol's).
    WrongProtocol {
        /// The protocol the settings expect.
        expected: Service,
        /// The protocol the greeting is, if it is one.
        found: Option<Service>,
        /// The greeting's first line.
        greeting: String,
    },
    /// The settings ask for STARTTLS and the server does not offer it.
    NoStartTls,
    /// The settings ask to log in and the server offers no way to, on this connection.
    NoAuth,
    /// The server refused the user name or password; its words.
    LoginRefused {
        /// The server's reply.
        reply: String,
    },
    /// The server refused something else; its words.
    Refused {
        /// The server's reply.
        reply: String,
    },
}

impl Trouble {
    /// A server's refusal: about the user name or password when it came at a login step,
    /// otherwise the server's own reason.
    pub fn refusal(at_login: bool, reply: String) -> Trouble {
        if at_login {
            Trouble::LoginRefused { reply }
        } else {
            Trouble::Refused { reply }
        }
    }
}

/// How long a mail app waits for a server's first word before it gives up (Thunderbird's
/// default connection timeout is 100 seconds).
pub const GREETING_TIMEOUT_SECONDS: u32 = 100;

/// Which protocol a greeting line belongs to: `220` SMTP (RFC 5321 §4.2), `+OK` POP3
/// (RFC 1939 §4), `* OK` IMAP (RFC 9051 §7.1).
pub fn greeting_service(line: &str) -> Option<Service> {
    let three_digits = line.len() >= 3 && line.as_bytes()[..3].iter().all(u8::is_ascii_digit);
    let upper = line.to_ascii_uppercase();
    if three_digits {
        Some(Service::Smtp)
    } else if upper.starts_with("+OK") || upper.starts_with("-ERR") {
        Some(Service::Pop3)
    } else if ["* OK", "* PREAUTH", "* BYE"]
        .iter()
        .any(|p| upper.starts_with(p))
    {
        Some(Service::Imap)
    } else {
        None
    }
}

/// The wrong setting a trouble points to, or the server's refusal when it is none of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Diagnosis {
    /// A server name that does not exist (a typo, or the address's domain).
    NoSuchHost,
    /// A port where no mail server listens.
    NothingListens,
    /// No encryption on a port that starts with TLS (993, 995, 465): both sides wait.
    PlainToImplicitTls,
    /// STARTTLS on a port that starts with TLS: STARTTLS begins in plain text, so both wait.
    StartTlsToImplicitTls,
    /// SSL/TLS on 587, 143 or 110: the hello meets a plain-text greeting.
    TlsToPlainPort,
    /// SSL/TLS on 25, the popular table's wrong row.
    TlsToRelayPort,
    /// A POP3 client on the IMAP port, and every other crossing.
    WrongProtocol,
    /// A device submitting on 25: no AUTH there, or relaying refused without it.
    SubmitOnRelayPort,
    /// No encryption on 587 or 143: the server lets nobody log in before STARTTLS.
    LoginNeedsTls,
    /// No authentication on a submission port.
    AuthRequired,
    /// The server does not offer STARTTLS.
    NoStartTls,
    /// The user name or password is wrong.
    WrongPassword,
    /// Anything else: the server's words say why.
    Refused,
}

impl Diagnosis {
    /// What caused `trouble`, for a client using `server` to speak `service`.
    pub fn of(trouble: &Trouble, server: &ServerSettings, service: Service) -> Diagnosis {
        let port = Port::from_number(server.port);
        let relay_port = port == Some(Port::SMTP);
        match trouble {
            Trouble::NoSuchHost { .. } => Diagnosis::NoSuchHost,
            Trouble::NothingListens { .. } => Diagnosis::NothingListens,
            Trouble::NoGreeting { .. } => match server.security {
                ConnectionSecurity::StartTls => Diagnosis::StartTlsToImplicitTls,
                _ => Diagnosis::PlainToImplicitTls,
            },
            Trouble::NotTls { .. } if relay_port => Diagnosis::TlsToRelayPort,
            Trouble::NotTls { .. } => Diagnosis::TlsToPlainPort,
            Trouble::WrongProtocol { .. } => Diagnosis::WrongProtocol,
            _ if relay_port && service == Service::Smtp => Diagnosis::SubmitOnRelayPort,
            Trouble::NoAuth if server.security == ConnectionSecurity::None => {
                Diagnosis::LoginNeedsTls
            }
            // RFC 5530 §3: the code a server gives for "not without encryption".
            Trouble::LoginRefused { reply } if reply.contains("[PRIVACYREQUIRED]") => {
                Diagnosis::LoginNeedsTls
            }
            Trouble::NoAuth => Diagnosis::Refused,
            Trouble::NoStartTls => Diagnosis::NoStartTls,
            Trouble::LoginRefused { .. } => Diagnosis::WrongPassword,
            Trouble::Refused { .. }
                if server.authentication == Authentication::NoAuthentication =>
            {
                Diagnosis::AuthRequired
            }
            Trouble::Refused { .. } => Diagnosis::Refused,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greetings_say_their_protocol() {
        assert_eq!(
            greeting_service("220 mail.example.test ESMTP"),
            Some(Service::Smtp)
        );
        assert_eq!(greeting_service("+OK POP3 ready"), Some(Service::Pop3));
        assert_eq!(
            greeting_service("* OK [CAPABILITY IMAP4rev2] ready"),
            Some(Service::Imap)
        );
        assert_eq!(greeting_service("\u{16}\u{3}\u{1}"), None);
    }
}

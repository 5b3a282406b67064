//! Ending a connection from the server's side: idle timeout, shutdown, or too many
//! connections. Each protocol has its own words for it, and they live here so drivers only
//! decide *when*.

use serde::{Deserialize, Serialize};

use crate::explain::Note;
use crate::output::Output;
use crate::port::Service;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Closing {
    /// The client said nothing for too long (RFC 5321 §4.5.3.2.7, RFC 1939 §3, RFC 9051 §5.4).
    IdleTimeout,
    /// The server is stopping.
    ShuttingDown,
    /// The server is at its connection limit; this client is turned away at once.
    TooManyConnections,
}

/// How long a server waits for a silent client before closing, in seconds: RFC 5321
/// §4.5.3.2.7 (5 minutes), RFC 1939 §3 (at least 10), RFC 9051 §5.4 (at least 30, which is
/// why IDLE clients renew within 29).
pub fn default_idle_timeout(service: Service) -> u64 {
    match service {
        Service::Smtp => 300,
        Service::Pop3 => 600,
        Service::Imap => 1800,
    }
}

/// The line a server sends before it closes, in its protocol's form: SMTP 421
/// (RFC 5321 §3.8), POP3 `-ERR [SYS/TEMP]` (RFC 3206), IMAP untagged BYE (RFC 9051 §7.1.5).
pub fn closing_line(service: Service, host: &str, why: Closing) -> String {
    let (smtp_code, text) = match why {
        Closing::IdleTimeout => ("4.4.2", "Idle timeout, closing connection"),
        Closing::ShuttingDown => ("4.3.2", "Server shutting down"),
        Closing::TooManyConnections => ("4.3.2", "Too many connections, try again later"),
    };
    match service {
        Service::Smtp => format!("421 {smtp_code} {host} {text}"),
        Service::Pop3 => format!("-ERR [SYS/TEMP] {text}"),
        Service::Imap => format!("* BYE {text}"),
    }
}

/// The whole output for a connection the server closes.
pub fn closing(service: Service, host: &str, why: Closing) -> Output {
    let mut out = Output::default();
    out.server(
        closing_line(service, host, why),
        Note::Closing { service, why },
    );
    out.close();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_protocol_says_goodbye_in_its_own_form() {
        assert_eq!(
            closing_line(Service::Smtp, "mail.example.test", Closing::IdleTimeout),
            "421 4.4.2 mail.example.test Idle timeout, closing connection"
        );
        assert_eq!(
            closing_line(Service::Pop3, "x", Closing::TooManyConnections),
            "-ERR [SYS/TEMP] Too many connections, try again later"
        );
        assert_eq!(
            closing_line(Service::Imap, "x", Closing::ShuttingDown),
            "* BYE Server shutting down"
        );
        let out = closing(Service::Imap, "x", Closing::ShuttingDown);
        assert!(out.closed);
    }
}

//! Ending a connection from the server's side: idle timeout, shutdown, or too many
//! connections. Each protocol has its own words for it, and they live here so drivers only
//! decide *when*.

use crate::imap::response::{Response, Status};
use crate::note::Note;
use crate::output::{Output, Role};
use crate::port::Service;
use crate::smtp::{EnhancedCode, Reply};
pub use crate::vocab::Closing;

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

/// The goodbye a server sends before it closes, in its protocol's form: SMTP 421
/// (RFC 5321 §3.8), POP3 `-ERR [SYS/TEMP]` (RFC 3206), IMAP untagged BYE (RFC 9051 §7.1.5).
pub fn goodbye(service: Service, host: &str, why: Closing) -> Output {
    let (detail, text) = match why {
        Closing::IdleTimeout { .. } => (2, "Idle timeout, closing connection"),
        Closing::ShuttingDown => (2, "Server shutting down"),
        Closing::TooManyConnections => (2, "Too many connections, try again later"),
    };
    let subject = if matches!(why, Closing::IdleTimeout { .. }) {
        4
    } else {
        3
    };
    let note = Note::Closing { service, why };
    let mut out = Output::default();
    match service {
        Service::Smtp => {
            let reply = Reply::new(
                421,
                Some(EnhancedCode(4, subject, detail)),
                format!("{host} {text}"),
            );
            for line in reply.wire_lines() {
                out.server(line, note.clone());
            }
        }
        Service::Pop3 => out.server(format!("-ERR [SYS/TEMP] {text}"), note),
        Service::Imap => {
            let bye = Response::untagged(Status::Bye, None, text);
            let mut wire = Vec::new();
            bye.encode(&mut wire);
            out.server_bytes(&wire, note.clone(), Role::Untagged, note);
        }
    }
    out
}

/// The whole output for a connection the server closes.
pub fn closing(service: Service, host: &str, why: Closing) -> Output {
    let mut out = goodbye(service, host, why);
    out.close();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_protocol_says_goodbye_in_its_own_form() {
        let wire = |service, why| goodbye(service, "mail.example.test", why).wire;
        assert_eq!(
            wire(Service::Smtp, Closing::IdleTimeout { after: 300 }),
            b"421 4.4.2 mail.example.test Idle timeout, closing connection\r\n"
        );
        assert_eq!(
            wire(Service::Smtp, Closing::ShuttingDown),
            b"421 4.3.2 mail.example.test Server shutting down\r\n"
        );
        assert_eq!(
            wire(Service::Pop3, Closing::TooManyConnections),
            b"-ERR [SYS/TEMP] Too many connections, try again later\r\n"
        );
        assert_eq!(
            wire(Service::Imap, Closing::ShuttingDown),
            b"* BYE Server shutting down\r\n"
        );
        let out = closing(Service::Imap, "x", Closing::ShuttingDown);
        assert!(out.closed);
    }
}

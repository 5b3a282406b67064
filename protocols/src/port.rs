//! The well-known ports of mail, and what each one is for.
//!
//! Learners meet a popular table that says "SMTP — 25 — SSL/TLS". It is wrong: port 25 is
//! where servers relay mail to each other (RFC 5321), while a mail client submits on 587 with
//! STARTTLS or on 465 with implicit TLS (RFC 6409, RFC 8314 §3.3). This module is the one place
//! the correct table lives; everything else asks it.

/// The three protocols a learner can talk to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Service {
    /// RFC 5321: sending and relaying mail.
    #[serde(alias = "smtp")]
    Smtp,
    /// RFC 1939: downloading a single maildrop.
    #[serde(alias = "pop3")]
    Pop3,
    /// RFC 9051: keeping mail on the server, in folders, in sync.
    #[serde(alias = "imap")]
    Imap,
}

impl Service {
    /// The protocol's name as people write it.
    pub fn name(self) -> &'static str {
        match self {
            Service::Smtp => "SMTP",
            Service::Pop3 => "POP3",
            Service::Imap => "IMAP",
        }
    }
}

/// How a connection on a port is protected (simulated in Facteur: no real cryptography).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Security {
    /// Starts in cleartext and may upgrade with STARTTLS (SMTP, IMAP) or STLS (POP3).
    StartTls,
    /// TLS from the first byte, before the greeting (RFC 8314 §3).
    ImplicitTls,
}

/// A port a learner can connect to, with the role the RFCs give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Port {
    /// The port's number.
    pub number: u16,
    /// The protocol spoken on it.
    pub service: Service,
    /// How the connection is secured on it.
    pub security: Security,
    /// True for SMTP ports where clients submit their own mail (RFC 6409), which requires
    /// authentication; false for relay between servers and for the retrieval protocols.
    pub submission: bool,
}

impl Port {
    /// SMTP relay, server to server (RFC 5321 §2.1). Never a client's submission port.
    pub const SMTP: Port = Port::new(25, Service::Smtp, Security::StartTls, false);
    /// Message submission with STARTTLS (RFC 6409 §3.1).
    pub const SUBMISSION: Port = Port::new(587, Service::Smtp, Security::StartTls, true);
    /// Message submission over implicit TLS (RFC 8314 §3.3).
    pub const SUBMISSIONS: Port = Port::new(465, Service::Smtp, Security::ImplicitTls, true);
    /// POP3, cleartext with STLS (RFC 1939 §3, RFC 2595 §4).
    pub const POP3: Port = Port::new(110, Service::Pop3, Security::StartTls, false);
    /// POP3 over implicit TLS (RFC 8314 §3.2).
    pub const POP3S: Port = Port::new(995, Service::Pop3, Security::ImplicitTls, false);
    /// IMAP, cleartext with STARTTLS (RFC 9051 §6.2.1).
    pub const IMAP: Port = Port::new(143, Service::Imap, Security::StartTls, false);
    /// IMAP over implicit TLS (RFC 8314 §3.2).
    pub const IMAPS: Port = Port::new(993, Service::Imap, Security::ImplicitTls, false);

    /// Every port Facteur simulates, in the order a port table is usually read.
    pub const ALL: [Port; 7] = [
        Port::SMTP,
        Port::SUBMISSION,
        Port::SUBMISSIONS,
        Port::POP3,
        Port::POP3S,
        Port::IMAP,
        Port::IMAPS,
    ];

    const fn new(number: u16, service: Service, security: Security, submission: bool) -> Port {
        Port {
            number,
            service,
            security,
            submission,
        }
    }

    /// The simulated port with this number, if Facteur knows it.
    pub fn from_number(number: u16) -> Option<Port> {
        Port::ALL.into_iter().find(|p| p.number == number)
    }

    /// The ports on which a service can be reached.
    pub fn of(service: Service) -> impl Iterator<Item = Port> {
        Port::ALL.into_iter().filter(move |p| p.service == service)
    }

    /// Whether the connection is encrypted before the server says anything.
    pub fn starts_encrypted(self) -> bool {
        self.security == Security::ImplicitTls
    }
}

/// A port is written as its number (`993`): the number says everything else.
impl serde::Serialize for Port {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u16(self.number)
    }
}

impl<'de> serde::Deserialize<'de> for Port {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Port, D::Error> {
        let number = u16::deserialize(d)?;
        Port::from_number(number)
            .ok_or_else(|| serde::de::Error::custom(format!("{number} is not a mail port")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn port_25_is_relay_not_implicit_tls() {
        let p = Port::from_number(25).expect("25 is known");
        assert_eq!(p.service, Service::Smtp);
        assert!(
            !p.submission,
            "25 is for servers relaying, not clients submitting"
        );
        assert!(
            !p.starts_encrypted(),
            "the popular 'SMTP 25 SSL/TLS' row is wrong"
        );
    }

    #[test]
    fn clients_submit_on_587_with_starttls_or_465_with_implicit_tls() {
        let submission: Vec<(u16, Security)> = Port::of(Service::Smtp)
            .filter(|p| p.submission)
            .map(|p| (p.number, p.security))
            .collect();
        assert_eq!(
            submission,
            vec![(587, Security::StartTls), (465, Security::ImplicitTls)]
        );
    }

    #[test]
    fn retrieval_ports_pair_cleartext_with_implicit_tls() {
        let pairs = [(Service::Pop3, 110, 995), (Service::Imap, 143, 993)];
        for (service, plain, tls) in pairs {
            let ports: Vec<(u16, bool)> = Port::of(service)
                .map(|p| (p.number, p.starts_encrypted()))
                .collect();
            assert_eq!(ports, vec![(plain, false), (tls, true)], "{service:?}");
        }
    }

    #[test]
    fn unknown_numbers_are_not_guessed() {
        assert_eq!(Port::from_number(2525), None);
        assert_eq!(Port::from_number(0), None);
    }
}

//! What an IMAP port offers (RFC 9051 §6.2, RFC 8314): encrypted from the start or
//! after STARTTLS, whether passwords are refused in cleartext, and the capabilities it
//! announces in each state.

use serde::{Deserialize, Serialize};

use crate::port::Port;

/// How an IMAP server on one port behaves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImapPolicy {
    /// The server's name, in its greeting.
    pub hostname: String,
    /// The connection is encrypted before the greeting (port 993, RFC 8314).
    pub starts_encrypted: bool,
    /// STARTTLS is offered while the connection is in cleartext.
    pub offer_starttls: bool,
    /// LOGINDISABLED until the connection is encrypted (RFC 9051 §6.2.3).
    pub login_needs_tls: bool,
    /// One port for the whole world (the native server): any account may log in.
    pub whole_world: bool,
}

impl ImapPolicy {
    /// 143 offers STARTTLS and refuses passwords before it; 993 is encrypted from the start.
    pub fn for_port(hostname: &str, port: Port) -> ImapPolicy {
        ImapPolicy {
            hostname: hostname.to_owned(),
            starts_encrypted: port.starts_encrypted(),
            offer_starttls: true,
            login_needs_tls: true,
            whole_world: false,
        }
    }

    /// The server a login is checked against: this one, or any in the world.
    pub fn login_server(&self) -> Option<&str> {
        (!self.whole_world).then_some(self.hostname.as_str())
    }

    /// A plain loopback port for real clients: the link counts as trusted, no STARTTLS.
    pub fn trusted_loopback(hostname: &str) -> ImapPolicy {
        ImapPolicy {
            hostname: hostname.to_owned(),
            starts_encrypted: false,
            offer_starttls: false,
            login_needs_tls: false,
            whole_world: true,
        }
    }

    /// LOGINDISABLED: no password until the connection is encrypted (RFC 9051 §6.2.3).
    pub fn login_disabled(&self, tls: bool) -> bool {
        self.login_needs_tls && !tls
    }

    /// The capability list (RFC 9051 §7.2.2); STARTTLS and the ways to log in are
    /// announced only before login.
    pub fn capabilities(&self, tls: bool, authenticated: bool) -> Vec<&'static str> {
        let mut caps = vec![
            "IMAP4rev1",
            "IMAP4rev2",
            "LITERAL+",
            "ENABLE",
            "IDLE",
            "NAMESPACE",
            "ID",
            "UIDPLUS",
            "MOVE",
            "UNSELECT",
            "CHILDREN",
            "SPECIAL-USE",
        ];
        if !authenticated {
            if self.offer_starttls && !tls {
                caps.push("STARTTLS");
            }
            if self.login_disabled(tls) {
                caps.push("LOGINDISABLED");
            } else {
                caps.extend(["SASL-IR", "AUTH=PLAIN"]);
            }
        }
        caps
    }
}

//! The account settings a mail app asks for, as Thunderbird's manual setup lays them out:
//! for the incoming and the outgoing server, a host name, a port, the connection security
//! and the authentication; then the user name and the password.
//!
//! Nothing stops a learner from choosing a combination that cannot work: the point of the
//! settings lab is to see how each wrong one fails (the dialer and the troubles it names).

use serde::{Deserialize, Serialize};

use crate::port::{Port, Service};

/// "Connection security" in a mail app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConnectionSecurity {
    /// Plain text throughout: the password crosses the network readable.
    None,
    /// Connect in plain text, then upgrade with STARTTLS (RFC 3207, RFC 9051 §6.2.1) or STLS
    /// (RFC 2595 §4) before logging in; give up if the server does not offer it.
    StartTls,
    /// "SSL/TLS": the TLS handshake first, before any byte of the protocol (RFC 8314 §3).
    SslTls,
}

impl ConnectionSecurity {
    /// Every choice, in the order the settings form lists them.
    pub const ALL: [ConnectionSecurity; 3] = [
        ConnectionSecurity::None,
        ConnectionSecurity::StartTls,
        ConnectionSecurity::SslTls,
    ];

    /// A stable name for forms, files and links.
    pub fn slug(self) -> &'static str {
        match self {
            ConnectionSecurity::None => "none",
            ConnectionSecurity::StartTls => "starttls",
            ConnectionSecurity::SslTls => "ssl-tls",
        }
    }

    /// The choice a slug names (`ssl-tls`).
    pub fn from_slug(slug: &str) -> Option<ConnectionSecurity> {
        ConnectionSecurity::ALL
            .into_iter()
            .find(|s| s.slug() == slug)
    }

    /// What a port's own security calls for: SSL/TLS on 465, 993, 995, STARTTLS elsewhere.
    pub fn suited_to(port: Port) -> ConnectionSecurity {
        if port.starts_encrypted() {
            ConnectionSecurity::SslTls
        } else {
            ConnectionSecurity::StartTls
        }
    }
}

/// "Authentication method". A mail app offers more (encrypted password, OAuth2, Kerberos);
/// the simulated servers know passwords, so these two are the ones that tell a story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Authentication {
    /// The user name and password, sent as AUTH PLAIN, USER/PASS or LOGIN.
    NormalPassword,
    /// Say nothing about who is sending: what a server relaying to another does on port 25.
    NoAuthentication,
}

impl Authentication {
    /// Every choice, in the order the settings form lists them.
    pub const ALL: [Authentication; 2] = [
        Authentication::NormalPassword,
        Authentication::NoAuthentication,
    ];

    /// Its slug, as lesson files write it.
    pub fn slug(self) -> &'static str {
        match self {
            Authentication::NormalPassword => "password",
            Authentication::NoAuthentication => "none",
        }
    }

    /// The choice a slug names.
    pub fn from_slug(slug: &str) -> Option<Authentication> {
        Authentication::ALL.into_iter().find(|a| a.slug() == slug)
    }
}

/// One server as the settings name it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ServerSettings {
    /// The server's name.
    pub host: String,
    /// The port.
    pub port: u16,
    /// How the connection is secured.
    pub security: ConnectionSecurity,
    /// Whether and how to log in.
    pub authentication: Authentication,
}

impl ServerSettings {
    /// The right settings for a port of a host: its own security, a password.
    pub fn suited(host: &str, port: Port) -> ServerSettings {
        ServerSettings {
            host: host.to_owned(),
            port: port.number,
            security: ConnectionSecurity::suited_to(port),
            authentication: Authentication::NormalPassword,
        }
    }

    /// Whether the client begins with a TLS handshake.
    pub fn starts_tls(&self) -> bool {
        self.security == ConnectionSecurity::SslTls
    }
}

/// Everything the account setup asks for, apart from POP3 or IMAP (the device's way of
/// receiving).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AccountSettings {
    /// Where mail is read from (POP3 or IMAP).
    pub incoming: ServerSettings,
    /// Where mail is sent through (SMTP submission).
    pub outgoing: ServerSettings,
    /// The user name to log in with.
    pub user_name: String,
    /// The password to log in with.
    pub password: String,
}

/// Settings a teacher can name in class: three that work, and one that a popular port table
/// recommends and that cannot work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SettingsPreset {
    /// What Thunderbird's setup finds for an IMAP account: 993 SSL/TLS in, 587 STARTTLS out.
    Thunderbird,
    /// The large webmail providers' published settings: 993 and 465, both SSL/TLS.
    GmailLike,
    /// A mail app set up long ago: POP3 on 110 and SMTP on 25, no encryption at all, no
    /// login to send.
    OldPop3,
    /// The row "SMTP · 25 · SSL/TLS" of the popular table: TLS on the relay port.
    Smtp25SslTls,
}

impl SettingsPreset {
    /// Every preset, in the order the settings lab offers them.
    pub const ALL: [SettingsPreset; 4] = [
        SettingsPreset::Thunderbird,
        SettingsPreset::GmailLike,
        SettingsPreset::OldPop3,
        SettingsPreset::Smtp25SslTls,
    ];

    /// Its slug, as lesson files write it.
    pub fn slug(self) -> &'static str {
        match self {
            SettingsPreset::Thunderbird => "thunderbird",
            SettingsPreset::GmailLike => "gmail-like",
            SettingsPreset::OldPop3 => "old-pop3",
            SettingsPreset::Smtp25SslTls => "smtp-25-ssl-tls",
        }
    }

    /// The preset a slug names.
    pub fn from_slug(slug: &str) -> Option<SettingsPreset> {
        SettingsPreset::ALL.into_iter().find(|p| p.slug() == slug)
    }

    /// The incoming protocol the preset reads mail with.
    pub fn service(self) -> Service {
        match self {
            SettingsPreset::OldPop3 => Service::Pop3,
            _ => Service::Imap,
        }
    }

    /// The settings for an account whose mail server is `host`.
    pub fn settings(self, host: &str, user_name: &str, password: &str) -> AccountSettings {
        let plain = |port: Port| ServerSettings {
            security: ConnectionSecurity::None,
            ..ServerSettings::suited(host, port)
        };
        let (incoming, outgoing) = match self {
            SettingsPreset::Thunderbird => (
                ServerSettings::suited(host, Port::IMAPS),
                ServerSettings::suited(host, Port::SUBMISSION),
            ),
            SettingsPreset::GmailLike => (
                ServerSettings::suited(host, Port::IMAPS),
                ServerSettings::suited(host, Port::SUBMISSIONS),
            ),
            // Mail apps of the 1990s sent through their provider's server on 25 without
            // logging in: it knew them by their network.
            SettingsPreset::OldPop3 => (
                plain(Port::POP3),
                ServerSettings {
                    authentication: Authentication::NoAuthentication,
                    ..plain(Port::SMTP)
                },
            ),
            SettingsPreset::Smtp25SslTls => (
                ServerSettings::suited(host, Port::IMAPS),
                ServerSettings {
                    security: ConnectionSecurity::SslTls,
                    ..ServerSettings::suited(host, Port::SMTP)
                },
            ),
        };
        AccountSettings {
            incoming,
            outgoing,
            user_name: user_name.to_owned(),
            password: password.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_popular_rows_wrong_setting_is_tls_on_the_relay_port() {
        let s = SettingsPreset::Smtp25SslTls.settings("mail.example.test", "bob", "builder");
        assert_eq!(s.outgoing.port, 25);
        assert!(s.outgoing.starts_tls());
        let right = SettingsPreset::Thunderbird.settings("mail.example.test", "bob", "builder");
        assert_eq!(
            (right.incoming.port, right.outgoing.port),
            (993, 587),
            "IMAP over TLS in, submission with STARTTLS out"
        );
        assert_eq!(right.outgoing.security, ConnectionSecurity::StartTls);
    }

    #[test]
    fn slugs_name_each_choice_once() {
        for p in SettingsPreset::ALL {
            assert_eq!(SettingsPreset::from_slug(p.slug()), Some(p));
        }
        for s in ConnectionSecurity::ALL {
            assert_eq!(ConnectionSecurity::from_slug(s.slug()), Some(s));
        }
        for a in Authentication::ALL {
            assert_eq!(Authentication::from_slug(a.slug()), Some(a));
        }
    }
}

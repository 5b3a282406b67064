//! A mail app opening a connection with its settings: the part before the protocol, where
//! the client and the server must agree on who speaks first.
//!
//! On a port with implicit TLS (465, 993, 995) the client speaks first: its TLS ClientHello,
//! then the server greets inside TLS (RFC 8314 §3). On the other ports the server speaks
//! first, in plain text. A client set for the other kind fails in one of two ways that real
//! mail apps show every day: a plain client on a TLS port waits for a greeting while the
//! server waits for a hello, until the client times out; a TLS client on a plain port sends
//! its hello, reads the plain greeting where a ServerHello should be, and gives up, while the
//! server answers the hello's bytes as a bad command.
//!
//! Facteur simulates TLS (there is no cryptography): what matters here is who waits for whom.

use super::settings::ServerSettings;
use super::trouble::{Trouble, GREETING_TIMEOUT_SECONDS};
use crate::output::Output;
use crate::port::Port;
use crate::time::Timestamp;
use crate::{SessionId, World};

/// The start of a TLS 1.2/1.3 ClientHello as it goes on the wire: a handshake record
/// (`16 03 01`), its length, the hello's header, then 32 random bytes. These random bytes
/// happen to hold a CR LF, as random bytes often hold a line feed: a line-reading server
/// reads that far as a line, and answers it.
pub const CLIENT_HELLO: &[u8] =
    b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\x8e\x1fJ\xa7\xc0\x13\x9b\r\n";

/// How the connection began.
#[derive(Debug)]
pub enum Dialed {
    /// The greeting reached the client: the protocol can start. `encrypted` when it came
    /// inside TLS.
    Open {
        /// The session opened.
        session: SessionId,
        /// The server's greeting.
        greeting: Output,
        /// The port connected to.
        port: Port,
        /// Whether the greeting came inside TLS.
        encrypted: bool,
    },
    /// The connection failed before the protocol started; `dialogue` is what was said
    /// (the server's greeting and its answer to the hello, when there was a server).
    Failed {
        /// What stopped it.
        trouble: Trouble,
        /// What was said before it stopped.
        dialogue: Output,
    },
}

/// Connects to `server` as a client with those settings would.
pub fn dial(world: &mut World, server: &ServerSettings, now: Timestamp) -> Dialed {
    let failed = |trouble| Dialed::Failed {
        trouble,
        dialogue: Output::default(),
    };
    if world.store.server(&server.host).is_none() {
        return failed(Trouble::NoSuchHost {
            host: server.host.clone(),
        });
    }
    let Some(port) = Port::from_number(server.port) else {
        return failed(Trouble::NothingListens {
            host: server.host.clone(),
            port: server.port,
        });
    };
    match (port.starts_encrypted(), server.starts_tls()) {
        // The server waits for a ClientHello; the client waits for a greeting.
        (true, false) => failed(Trouble::NoGreeting {
            port: port.number,
            waited: GREETING_TIMEOUT_SECONDS,
        }),
        (false, true) => {
            let Ok((session, mut dialogue)) = world.connect(&server.host, port, now) else {
                return failed(Trouble::NoSuchHost {
                    host: server.host.clone(),
                });
            };
            let got = dialogue.server_lines().first().cloned().unwrap_or_default();
            dialogue.extend(world.input(session, CLIENT_HELLO, now));
            // The client's TLS library gives up and closes the connection.
            dialogue.extend(world.disconnect(session));
            Dialed::Failed {
                trouble: Trouble::NotTls {
                    port: port.number,
                    got,
                },
                dialogue,
            }
        }
        (encrypted, _) => match world.connect(&server.host, port, now) {
            Ok((session, greeting)) => Dialed::Open {
                session,
                greeting,
                port,
                encrypted,
            },
            Err(_) => failed(Trouble::NoSuchHost {
                host: server.host.clone(),
            }),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::settings::ConnectionSecurity;

    fn server(port: u16, security: ConnectionSecurity) -> ServerSettings {
        ServerSettings {
            security,
            port,
            ..ServerSettings::suited("mail.example.test", Port::IMAPS)
        }
    }

    #[test]
    fn plain_text_to_993_waits_for_a_greeting_that_never_comes() {
        let mut world = World::demo();
        let d = dial(
            &mut world,
            &server(993, ConnectionSecurity::None),
            Timestamp(0),
        );
        assert!(matches!(
            d,
            Dialed::Failed {
                trouble: Trouble::NoGreeting { port: 993, .. },
                ..
            }
        ));
    }

    #[test]
    fn tls_to_587_gets_a_plain_greeting_and_a_syntax_error() {
        let mut world = World::demo();
        let d = dial(
            &mut world,
            &server(587, ConnectionSecurity::SslTls),
            Timestamp(0),
        );
        let Dialed::Failed {
            trouble: Trouble::NotTls { got, .. },
            dialogue,
        } = d
        else {
            panic!("{d:?}");
        };
        assert!(got.starts_with("220 "), "{got}");
        let lines = dialogue.server_lines();
        assert!(lines.iter().any(|l| l.starts_with("500")), "{lines:?}");
        assert!(
            !world.is_open(SessionId(1)),
            "the client hung up: no session left open"
        );
    }

    #[test]
    fn names_and_ports_that_do_not_exist() {
        let mut world = World::demo();
        let wrong_host = ServerSettings {
            host: "imap.example.test".into(),
            ..server(993, ConnectionSecurity::SslTls)
        };
        assert!(matches!(
            dial(&mut world, &wrong_host, Timestamp(0)),
            Dialed::Failed {
                trouble: Trouble::NoSuchHost { .. },
                ..
            }
        ));
        assert!(matches!(
            dial(
                &mut world,
                &server(2525, ConnectionSecurity::None),
                Timestamp(0)
            ),
            Dialed::Failed {
                trouble: Trouble::NothingListens { port: 2525, .. },
                ..
            }
        ));
    }

    #[test]
    fn matching_settings_open_the_session() {
        let mut world = World::demo();
        for (port, security) in [
            (993, ConnectionSecurity::SslTls),
            (143, ConnectionSecurity::StartTls),
            (110, ConnectionSecurity::None),
        ] {
            let d = dial(&mut world, &server(port, security), Timestamp(0));
            assert!(
                matches!(d, Dialed::Open { encrypted, .. } if encrypted == (port == 993)),
                "{port}: {d:?}"
            );
        }
    }
}

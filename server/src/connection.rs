//! One TCP connection: bytes from the socket go into the engine, its lines go back out.
//! With TLS on, the connection follows the real port's rules (the engine's `for_port`
//! policies, as in the page) and does the handshake when the engine says TLS starts.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use facteur_protocols::closing::Closing;
use facteur_protocols::imap::ImapPolicy;
use facteur_protocols::output::{Event, Output, Step};
use facteur_protocols::pop3::Pop3Policy;
use facteur_protocols::smtp::SmtpPolicy;
use facteur_protocols::{Port, Service, SessionId, Timestamp, World};
use tokio::sync::{mpsc, watch};
use tokio_rustls::TlsAcceptor;

use crate::options::Listener;
use crate::shared::{now, Shared};
use crate::stream::Stream;

/// The name the loopback ports answer as (outside class mode).
pub const HOSTNAME: &str = "mail.example.test";

pub struct Connection {
    pub stream: Stream,
    pub peer: SocketAddr,
    pub listener: Listener,
    pub number: u64,
    /// With TLS on: the handshake every TLS connection makes.
    pub tls: Option<Arc<TlsAcceptor>>,
}

/// Opens the session: the real port's rules with TLS on, trusted loopback without.
fn open_session(world: &mut World, port: Port, tls: bool, host: &str) -> (SessionId, Output) {
    let now = now();
    match (port.service, tls) {
        (Service::Smtp, true) => world.connect_smtp(SmtpPolicy::for_port(host, port), now),
        (Service::Smtp, false) => world.connect_smtp(SmtpPolicy::trusted_loopback(host), now),
        (Service::Pop3, true) => world.connect_pop3(Pop3Policy::for_port(host, port), now),
        (Service::Pop3, false) => world.connect_pop3(Pop3Policy::trusted_loopback(host), now),
        (Service::Imap, true) => world.connect_imap(ImapPolicy::for_port(host, port), now),
        (Service::Imap, false) => world.connect_imap(ImapPolicy::trusted_loopback(host), now),
    }
}

/// Whether the engine just said "TLS starts now" (its reply to STARTTLS or STLS).
fn starts_tls(out: &Output) -> bool {
    out.steps
        .iter()
        .any(|s| matches!(s, Step::Event(Event::TlsStarted)))
}

impl Connection {
    pub async fn serve(mut self, shared: Arc<Shared>, mut shutdown: watch::Receiver<bool>) {
        let port = self.listener.port;
        // On an implicit-TLS port the handshake comes first; the greeting is encrypted.
        if port.starts_encrypted() && !self.handshake(&shared).await {
            self.stream.shutdown().await;
            return;
        }
        let tls = self.tls.is_some();
        let (id, greeting) = open_session(&mut shared.world(), port, tls, &shared.hostname);
        let (tx, mut pushed) = mpsc::unbounded_channel();
        shared.register(id, tx);
        let mut open = self.send(&shared, &greeting).await;
        let mut buf = vec![0_u8; 16 * 1024];
        while open {
            // The engine decides when a silent client is closed; the driver only waits.
            let wait = shared.world().poll_timeout(id).map_or(Duration::MAX, until);
            tokio::select! {
                read = self.stream.read(&mut buf) => match read {
                    Ok(0) | Err(_) => {
                        let out = shared.world().disconnect(id);
                        self.trace(&shared, &out);
                        open = false;
                    }
                    Ok(n) => {
                        let out = shared.input(id, &buf[..n]);
                        open = self.send(&shared, &out).await && !out.closed;
                        // The engine answered STARTTLS or STLS and counts the connection as
                        // encrypted from here: the driver makes it so, or hangs up.
                        if open && starts_tls(&out) && !self.handshake(&shared).await {
                            let out = shared.world().disconnect(id);
                            self.trace(&shared, &out);
                            open = false;
                        }
                    }
                },
                () = tokio::time::sleep(wait) => {
                    let out = shared.world().handle_timeout(id, now());
                    open = self.send(&shared, &out).await && !out.closed;
                }
                Some(out) = pushed.recv() => {
                    open = self.send(&shared, &out).await;
                }
                _ = shutdown.changed() => {
                    let out = shared.world().close_session(id, Closing::ShuttingDown);
                    self.send(&shared, &out).await;
                    open = false;
                }
            }
        }
        shared.unregister(id);
        self.stream.shutdown().await;
    }

    /// The TLS handshake; false (and said in the trace) if it fails or takes too long.
    async fn handshake(&mut self, shared: &Shared) -> bool {
        let Some(acceptor) = self.tls.clone() else {
            return false;
        };
        let done = self.stream.start_tls(&acceptor).await;
        if shared.trace {
            match &done {
                Ok(agreed) => println!("{} T: {agreed}", self.who()),
                Err(why) => println!("{} T: {why}", self.who()),
            }
        }
        done.is_ok()
    }

    fn who(&self) -> String {
        format!("[#{} {} {}]", self.number, self.listener.role, self.peer)
    }

    /// Writes the octets the engine decided, as they are. Returns false if the connection
    /// broke.
    async fn send(&mut self, shared: &Shared, out: &Output) -> bool {
        self.trace(shared, out);
        out.wire.is_empty() || self.stream.write_all(&out.wire).await.is_ok()
    }

    /// Prints the dialogue in the `C:`/`S:` form the site shows.
    fn trace(&self, shared: &Shared, out: &Output) {
        if !shared.trace {
            return;
        }
        let who = self.who();
        for step in &out.steps {
            match step {
                Step::Client(line) => println!("{who} C: {}", line.text),
                Step::Server(line) => println!("{who} S: {}", out.text(line)),
                Step::Event(event) => println!("{who} E: {event}"),
            }
        }
    }
}

/// How long from now until an engine deadline (zero if it has passed).
fn until(deadline: Timestamp) -> Duration {
    let left = deadline.0.saturating_sub(now().0);
    Duration::from_secs(u64::try_from(left).unwrap_or(0))
}

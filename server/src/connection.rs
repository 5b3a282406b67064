//! One TCP connection: bytes from the socket go into the engine, its lines go back out.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use facteur_protocols::closing::Closing;
use facteur_protocols::imap::ImapPolicy;
use facteur_protocols::output::{Output, Step};
use facteur_protocols::pop3::Pop3Policy;
use facteur_protocols::smtp::SmtpPolicy;
use facteur_protocols::{Service, Timestamp};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::{mpsc, watch};

use crate::shared::{now, Shared};

/// The name the loopback ports answer as.
pub const HOSTNAME: &str = "mail.example.test";

pub struct Connection {
    pub stream: TcpStream,
    pub peer: SocketAddr,
    pub service: Service,
    pub number: u64,
}

impl Connection {
    pub async fn serve(mut self, shared: Arc<Shared>, mut shutdown: watch::Receiver<bool>) {
        let (id, greeting) = {
            let mut world = shared.world();
            let now = now();
            match self.service {
                Service::Smtp => world.connect_smtp(SmtpPolicy::trusted_loopback(HOSTNAME), now),
                Service::Pop3 => world.connect_pop3(Pop3Policy::trusted_loopback(HOSTNAME), now),
                Service::Imap => world.connect_imap(ImapPolicy::trusted_loopback(HOSTNAME), now),
            }
        };
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
        // The client may already be gone; there is nothing left to tell it.
        let _ = self.stream.shutdown().await;
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
        let who = format!("[#{} {} {}]", self.number, self.service.name(), self.peer);
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

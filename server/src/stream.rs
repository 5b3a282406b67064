//! A connection's byte stream: plain TCP, or TLS over it once the handshake is done. The
//! handshake happens here, when the protocol says so (at once on an implicit-TLS port,
//! after the engine's "ready" reply to STARTTLS or STLS).

use std::io;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_rustls::server::TlsStream;
use tokio_rustls::TlsAcceptor;

/// How long a client has to finish its TLS handshake. A plain-text client on an
/// implicit-TLS port waits for a greeting that never comes; it is hung up on after this.
pub const HANDSHAKE: Duration = Duration::from_secs(10);

pub enum Stream {
    Plain(TcpStream),
    Tls(Box<TlsStream<TcpStream>>),
    /// Between giving the TCP stream to a handshake and getting it back, or after one failed.
    Gone,
}

impl Stream {
    pub async fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Stream::Plain(s) => s.read(buf).await,
            Stream::Tls(s) => s.read(buf).await,
            Stream::Gone => Ok(0),
        }
    }

    pub async fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        match self {
            Stream::Plain(s) => s.write_all(bytes).await,
            Stream::Tls(s) => {
                s.write_all(bytes).await?;
                s.flush().await
            }
            Stream::Gone => Err(io::ErrorKind::NotConnected.into()),
        }
    }

    pub async fn shutdown(&mut self) {
        // The client may already be gone; there is nothing left to tell it.
        let _ = match self {
            Stream::Plain(s) => s.shutdown().await,
            Stream::Tls(s) => s.shutdown().await,
            Stream::Gone => Ok(()),
        };
    }

    /// Turns a plain stream into TLS; returns the protocol version and cipher suite agreed,
    /// or why the handshake failed (then the stream is gone).
    pub async fn start_tls(&mut self, acceptor: &TlsAcceptor) -> Result<String, String> {
        let Stream::Plain(tcp) = std::mem::replace(self, Stream::Gone) else {
            return Err("TLS is already on".into());
        };
        let tls = tokio::time::timeout(HANDSHAKE, acceptor.accept(tcp))
            .await
            .map_err(|_| format!("no TLS handshake within {} s", HANDSHAKE.as_secs()))?
            .map_err(|e| format!("TLS handshake failed: {e}"))?;
        let (_, session) = tls.get_ref();
        let agreed = format!(
            "{} {}",
            session
                .protocol_version()
                .and_then(|v| v.as_str())
                .unwrap_or("TLS"),
            session
                .negotiated_cipher_suite()
                .and_then(|s| s.suite().as_str())
                .unwrap_or("")
        );
        *self = Stream::Tls(Box::new(tls));
        Ok(agreed.trim().to_owned())
    }
}

//! The contract every protocol session keeps, whatever its protocol: bytes in, an
//! [`Output`] out, with the world's store and the time passed in by the caller. SMTP, POP3
//! and IMAP sessions implement [`Session`], and the world drives them through it.
//!
//! A session never opens a socket, sleeps or reads the clock (the sans-IO shape of rustls
//! and quinn-proto): a driver feeds it what arrived and writes out what it returns.

use serde::{Deserialize, Serialize};

use crate::line::LineBuffer;
use crate::output::Output;
use crate::port::Service;
use crate::store::{Address, Store};
use crate::time::Timestamp;
use crate::vocab::{Awaiting, Stage};

/// Identifies an open connection for as long as it lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SessionId(pub u32);

/// A message an SMTP server accepted for a recipient on another server, waiting to be
/// relayed (RFC 5321 §2.1). It lives here, beside the context that carries it, so the
/// world and the relay client need not reach into one protocol's session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outbound {
    pub queue_id: String,
    pub from_host: String,
    /// The `MAIL FROM` address; `None` is the null reverse path `<>` of a bounce
    /// (RFC 5321 §4.5.5), which is never bounced in turn.
    pub reverse_path: Option<Address>,
    pub recipients: Vec<Address>,
    pub raw: Vec<u8>,
}

/// What a session may use from the world during one call.
pub struct Context<'a> {
    pub store: &'a mut Store,
    /// The time of this input, as the driver read it.
    pub now: Timestamp,
    /// Messages an SMTP server accepted for other servers; the world relays them after the
    /// session's turn (RFC 5321 §2.1). Other protocols leave it alone.
    pub outbound: &'a mut Vec<Outbound>,
}

/// How a session takes its input apart, so that one loop ([`feed`]) serves all three
/// protocols: buffer what came, then handle one complete unit at a time.
pub(crate) trait Framing {
    /// Whether the connection is closed: no more input is read.
    fn is_closed(&self) -> bool;

    /// The bytes received that no unit has taken yet.
    fn buffer(&mut self) -> &mut LineBuffer;

    /// Handles the next complete unit of input (a command line, a message line, a
    /// literal's octets); false when the buffer holds none yet.
    fn next_unit(&mut self, ctx: &mut Context<'_>, out: &mut Output) -> bool;
}

/// What every session's [`Session::input`] does: keep the bytes, then handle each complete
/// unit among them until none is left or the session closed.
pub(crate) fn feed(session: &mut impl Framing, bytes: &[u8], ctx: &mut Context<'_>) -> Output {
    let mut out = Output::default();
    if session.is_closed() {
        return out;
    }
    session.buffer().push(bytes);
    while !session.is_closed() && session.next_unit(ctx, &mut out) {}
    out
}

/// One end of a connection, on the server's side.
pub trait Session {
    fn service(&self) -> Service;

    /// Takes bytes from the client, as they came (any split, several lines at once), and
    /// returns what the server sends back and what changed in the world.
    fn input(&mut self, bytes: &[u8], ctx: &mut Context<'_>) -> Output;

    /// The client went away without saying goodbye. Nothing it left half-done takes effect
    /// (a POP3 session releases its maildrop without UPDATE, RFC 1939 §6).
    fn hang_up(&mut self, ctx: &mut Context<'_>) -> Output;

    /// What the next line from the client will be taken as.
    fn awaiting(&self) -> Awaiting;

    /// The server name this session speaks for.
    fn hostname(&self) -> &str;

    fn is_encrypted(&self) -> bool;

    /// The account logged in (for POP3, once the maildrop is held).
    fn login(&self) -> Option<&str>;

    /// Whether this session forgives common mistakes (a bare LF, a missing colon).
    fn is_lenient(&self) -> bool;

    /// Where the session stands, for suggesting what to type next.
    fn stage(&self) -> Stage;
}

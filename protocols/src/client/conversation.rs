//! The one loop that carries a scripted client's bytes to the world and the world's replies
//! back, until the client has nothing more to say or the server closes the connection.
//!
//! Every driver of a scripted client goes through it: the page's driver (which shows each
//! reply as it comes), a replayed scenario or lesson (nobody watching), and the clients'
//! own tests. So a device behaves the same whoever drives it.

use crate::output::Output;
use crate::session::SessionId;
use crate::time::Timestamp;
use crate::World;

/// Feeds `first` (what the client says first) to `session`, then each reply to the client
/// and its answer back, one turn at a time; `heard` sees the world after each turn with
/// what the server said. Returns the session if it is still open (a client in IDLE, or
/// one that stopped talking without hanging up).
pub fn converse(
    world: &mut World,
    session: SessionId,
    first: Vec<u8>,
    now: Timestamp,
    client: &mut dyn FnMut(&[u8]) -> Vec<u8>,
    heard: &mut dyn FnMut(&World, Output),
) -> Option<SessionId> {
    let mut bytes = first;
    while !bytes.is_empty() {
        let out = world.input(session, &bytes, now);
        let closed = out.closed;
        bytes = client(&out.wire);
        heard(world, out);
        if closed {
            return None;
        }
    }
    world.is_open(session).then_some(session)
}

/// Like [`converse`] with nobody watching, keeping the lines the client sent: the clients'
/// tests read what a client said.
#[cfg(test)]
pub(crate) fn converse_quietly(
    world: &mut World,
    session: SessionId,
    first: Vec<u8>,
    now: Timestamp,
    client: &mut dyn FnMut(&[u8]) -> Vec<u8>,
) -> (Option<SessionId>, Vec<String>) {
    let mut sent: Vec<String> = Vec::new();
    let mut keep = |bytes: &[u8]| {
        sent.extend(String::from_utf8_lossy(bytes).lines().map(str::to_owned));
    };
    keep(&first);
    let open = converse(
        world,
        session,
        first,
        now,
        &mut |wire| {
            let answer = client(wire);
            keep(&answer);
            answer
        },
        &mut |_, _| {},
    );
    (open, sent)
}

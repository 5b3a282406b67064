//! Runs a device's scripted clients against a world with nobody watching: the same dial,
//! the same clients, the same outcomes as the page's driver, without a dialogue. A replayed
//! scenario uses it to reach the end state of a world.

use super::compose::Draft;
use super::conversation::converse;
use super::device::{Action, Check, Device, Key};
use super::dial::{dial, Dialed};
use super::fetch::{self, Fetcher};
use super::settings::ServerSettings;
use super::submit::{self, Submitter};
use super::sync::{self, SyncJob, Syncer};
use super::trouble::Trouble;
use crate::time::Timestamp;
use crate::World;

/// Connects as `server` says and lets the client talk until it is quiet; the connection is
/// closed at the end whoever ended it.
fn talk(
    world: &mut World,
    server: &ServerSettings,
    now: Timestamp,
    client: &mut dyn FnMut(&[u8]) -> Vec<u8>,
) -> Result<(), Trouble> {
    let (session, greeting) = match dial(world, server, now) {
        Dialed::Failed { trouble, .. } => return Err(trouble),
        Dialed::Open {
            session, greeting, ..
        } => (session, greeting),
    };
    let first = client(&greeting.wire);
    if let Some(open) = converse(world, session, first, now, client, &mut |_, _| {}) {
        world.disconnect(open);
    }
    Ok(())
}

fn sync(world: &mut World, device: &mut Device, mut job: SyncJob, now: Timestamp) {
    // Nobody is watching: no connection is kept open in IDLE.
    job.idle = false;
    let mut syncer = Syncer::new(job, device.settings.incoming.security);
    let server = device.settings.incoming.clone();
    if talk(world, &server, now, &mut |b| syncer.receive(b)).is_ok() {
        while let Some(outcome) = syncer.take_outcome() {
            if let sync::Outcome::Synced(s) = outcome {
                device.synced(s);
            }
        }
    }
}

/// "Check mail".
pub fn check(world: &mut World, device: &mut Device, now: Timestamp) {
    match device.check(now) {
        Check::Fetch(job) => {
            let mut client = Fetcher::new(job, device.settings.incoming.security);
            let server = device.settings.incoming.clone();
            let talked = talk(world, &server, now, &mut |b| client.receive(b));
            if let (Ok(()), Some(fetch::Outcome::Fetched(f))) = (talked, client.outcome()) {
                device.fetched(f, now);
            }
        }
        Check::Sync(job) => sync(world, device, job, now),
    }
}

/// Something the user did to a message or a folder.
pub fn act(world: &mut World, device: &mut Device, action: Action, now: Timestamp) {
    if let Some(job) = device.act(action) {
        sync(world, device, job, now);
    }
}

/// Writes and sends a message; an IMAP device saves its copy in Sent.
pub fn send(
    world: &mut World,
    device: &mut Device,
    draft: &Draft,
    replying_to: Option<(&str, Key)>,
    now: Timestamp,
) {
    let sending = device.send(draft, now, replying_to);
    let message = sending.submission.message.clone();
    let mut client = Submitter::new(sending.submission, device.settings.outgoing.security);
    let server = device.settings.outgoing.clone();
    let talked = talk(world, &server, now, &mut |b| client.receive(b));
    if talked.is_err() || !matches!(client.outcome(), Some(submit::Outcome::Sent { .. })) {
        return;
    }
    match sending.save {
        Some(job) => sync(world, device, job, now),
        None => device.sent(message, replying_to),
    }
}

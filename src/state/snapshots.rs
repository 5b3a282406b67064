//! Snapshots: the world's store and the devices right after each engine call, numbered,
//! so every view can show the world as it was at the line a dialogue stands at. A
//! snapshot shares a mailbox's messages with the one before until a command changes it.

use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;

use facteur_protocols::device::Device;
use facteur_protocols::store::Store;

/// How many snapshots are kept; an older step shows the oldest one kept.
const KEPT: usize = 400;
/// Snapshots share a mailbox's messages until a command changes it, and then keep a copy
/// of that mailbox: with a large world fewer are kept, so that a tab left open all
/// afternoon holds at most about this many messages' worth of copies.
const KEPT_MESSAGES: usize = 1_000_000;
/// However large the world, this many steps can still be looked back at.
const KEPT_AT_LEAST: usize = 25;

/// The world and the devices at one step.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub store: Arc<Store>,
    pub devices: Arc<BTreeMap<String, Device>>,
    /// How much the step's trace had seen then: a lesson's goals read the trace up to the
    /// line the learner is watching.
    pub seen: usize,
}

impl Snapshot {
    /// The world and the devices as they are now.
    pub fn of(world: &facteur_protocols::World, devices: &BTreeMap<String, Device>) -> Snapshot {
        Snapshot {
            store: Arc::new(world.store.clone()),
            devices: Arc::new(devices.clone()),
            seen: world.trace.as_ref().map_or(0, |t| t.seen.len()),
        }
    }
}

/// The snapshots kept, numbered from the start of the world.
#[derive(Debug, Default)]
pub struct History {
    /// The number of the first snapshot kept.
    first: usize,
    snaps: VecDeque<Snapshot>,
}

impl History {
    pub fn record(&mut self, snapshot: Snapshot) -> usize {
        let messages: usize = snapshot
            .store
            .accounts
            .values()
            .flat_map(|a| a.mailboxes.values())
            .map(|m| m.messages.len())
            .sum();
        let kept = (KEPT_MESSAGES / messages.max(1)).clamp(KEPT_AT_LEAST, KEPT);
        self.snaps.push_back(snapshot);
        while self.snaps.len() > kept {
            self.snaps.pop_front();
            self.first += 1;
        }
        self.first + self.snaps.len() - 1
    }

    /// A new start: only this snapshot is kept, under a number never used before, so every
    /// view that showed an older one looks again.
    pub fn restart(&mut self, snapshot: Snapshot) -> usize {
        self.first += self.snaps.len();
        self.snaps.clear();
        self.record(snapshot)
    }

    /// The devices changed while the store did not: the newest snapshot takes them.
    pub fn amend(&mut self, devices: Arc<BTreeMap<String, Device>>) {
        if let Some(last) = self.snaps.back_mut() {
            last.devices = devices;
        }
    }

    pub fn get(&self, at: usize) -> Option<Snapshot> {
        let i = at
            .saturating_sub(self.first)
            .min(self.snaps.len().checked_sub(1)?);
        self.snaps.get(i).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use facteur_protocols::World;

    fn snapshot(world: &World) -> Snapshot {
        Snapshot::of(world, &BTreeMap::new())
    }

    #[test]
    fn numbers_go_up_and_an_old_number_shows_the_oldest_kept() {
        let world = World::demo();
        let mut history = History::default();
        for n in 0..KEPT + 10 {
            assert_eq!(history.record(snapshot(&world)), n);
        }
        assert_eq!(history.snaps.len(), KEPT);
        assert!(
            history.get(0).is_some(),
            "a forgotten step shows the oldest kept"
        );
        assert!(history.get(KEPT + 9).is_some());
    }

    #[test]
    fn a_restart_numbers_on_and_keeps_one() {
        let world = World::demo();
        let mut history = History::default();
        history.record(snapshot(&world));
        history.record(snapshot(&world));
        assert_eq!(history.restart(snapshot(&world)), 2);
        assert_eq!(history.snaps.len(), 1);
    }

    #[test]
    fn a_large_world_keeps_fewer_steps_but_never_too_few() {
        let world = World::from_preset("busy-10000").expect("built in");
        let mut history = History::default();
        for _ in 0..KEPT {
            history.record(snapshot(&world));
        }
        assert!(history.snaps.len() < KEPT);
        assert!(history.snaps.len() >= KEPT_AT_LEAST);
    }
}

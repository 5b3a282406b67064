//! The scene: the one `World`, the learner's devices, one console per device, and the
//! snapshots that let every view show the world as it was at the step a dialogue shows.
//!
//! Every call into the engine goes through a console, which records a snapshot of the store
//! and of the devices right after it; entries carry the snapshot's number. The server view
//! and the device views read snapshots, never a second model of their own.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::sync::Arc;

use facteur_protocols::client::device::{Device, DeviceKind};
use facteur_protocols::client::scenario::Scenario;
use facteur_protocols::store::import::{self, ImportError};
use facteur_protocols::store::{PresetError, Store, INBOX};
use facteur_protocols::{SessionId, World};
use leptos::prelude::*;

use crate::browser::now;
use crate::devices::driver::Problem;
use crate::engine::{Connection, Console};
use crate::sandbox::Notice;

/// How many snapshots are kept; an older step shows the oldest one kept.
const KEPT: usize = 400;
/// Snapshots share a mailbox's messages until a command changes it, and then keep a copy
/// of that mailbox: with a large world fewer are kept, so that a tab left open all
/// afternoon holds at most about this many messages' worth of copies.
const KEPT_MESSAGES: usize = 1_000_000;
/// However large the world, this many steps can still be looked back at.
const KEPT_AT_LEAST: usize = 25;
/// How many actions can be undone, one after the other.
const UNDO_DEPTH: usize = 30;

/// The kinds of action Undo names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undoable {
    Check,
    Send,
    Change,
    Draft,
    Settings,
    Command,
    Connect,
}

/// The world before an action, to go back to: the whole world (its open sessions too),
/// the devices, their problems, and the terminals' connections.
#[derive(Debug, Clone)]
pub struct Checkpoint {
    /// Who acted ("bob · laptop"), and what they did, as the Undo button names it.
    pub who: String,
    pub what: Undoable,
    world: World,
    devices: BTreeMap<String, Device>,
    problems: BTreeMap<String, Problem>,
    connections: Vec<(String, Option<Connection>)>,
    scenario: Scenario,
}

/// The world and the devices at one step.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub store: Arc<Store>,
    pub devices: Arc<BTreeMap<String, Device>>,
}

#[derive(Debug, Default)]
struct History {
    /// The number of the first snapshot kept.
    first: usize,
    snaps: VecDeque<Snapshot>,
}

impl History {
    fn record(&mut self, snapshot: Snapshot) -> usize {
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
    fn restart(&mut self, snapshot: Snapshot) -> usize {
        self.first += self.snaps.len();
        self.snaps.clear();
        self.record(snapshot)
    }

    /// The devices changed while the store did not: the newest snapshot takes them.
    fn amend(&mut self, devices: Arc<BTreeMap<String, Device>>) {
        if let Some(last) = self.snaps.back_mut() {
            last.devices = devices;
        }
    }

    fn get(&self, at: usize) -> Option<Snapshot> {
        let i = at
            .saturating_sub(self.first)
            .min(self.snaps.len().checked_sub(1)?);
        self.snaps.get(i).cloned()
    }
}

pub use facteur_protocols::client::people::{device_id, devices_of, PEOPLE};

/// An IMAP device's connection kept open in IDLE, and the client speaking on it.
#[derive(Debug, Clone)]
pub struct Link {
    pub session: SessionId,
    pub syncer: facteur_protocols::client::sync::Syncer,
}

#[derive(Clone, Copy)]
pub struct Scene {
    pub world: RwSignal<World>,
    /// The devices as they are now (the views show them as of their dialogue's step).
    pub devices: RwSignal<BTreeMap<String, Device>>,
    history: StoredValue<History>,
    /// The number of the newest snapshot, so views follow new ones.
    pub latest: RwSignal<usize>,
    consoles: StoredValue<BTreeMap<String, Console>>,
    /// The device whose terminal is on screen.
    pub active: RwSignal<String>,
    pub links: StoredValue<BTreeMap<String, Link>>,
    /// Why a device's last action failed, by device.
    pub problems: RwSignal<BTreeMap<String, Problem>>,
    /// The latest news for the live region: which device got how many new messages.
    pub news: RwSignal<Option<(String, usize)>>,
    /// The built-in world the scene started from.
    pub preset: RwSignal<String>,
    /// The worlds before the latest actions, newest last.
    pub undo: RwSignal<Vec<Checkpoint>>,
    /// What the page must tell about the saved sandbox (restored, reset, not saved).
    pub notice: RwSignal<Option<Notice>>,
    /// The world made from the last uploaded file, for Reset world.
    uploaded: StoredValue<Option<Store>>,
    /// What the learner did on the devices since the world started.
    pub scenario: RwSignal<Scenario>,
    /// The port a lesson step offers in the connect bar.
    pub offer: RwSignal<Option<facteur_protocols::Port>>,
    /// How fast dialogues play, shared by every terminal: a factor of the normal pace, or
    /// [`INSTANT`] to show every reply whole as soon as it comes.
    pub speed: RwSignal<f64>,
}

/// The playback speed that shows a reply at once, for a learner who only wants the result
/// (and for the bench, which times a command to its whole reply).
pub const INSTANT: f64 = f64::INFINITY;

/// The world chooser's name for a world made from an uploaded file.
pub const UPLOADED: &str = "uploaded";

pub fn use_scene() -> Scene {
    expect_context()
}

impl Scene {
    pub fn new() -> Scene {
        let world = World::demo();
        let devices = devices_of(&world);
        let mut history = History::default();
        history.record(Snapshot {
            store: Arc::new(world.store.clone()),
            devices: Arc::new(devices.clone()),
        });
        let scene = Scene {
            world: RwSignal::new(world),
            devices: RwSignal::new(devices),
            history: StoredValue::new(history),
            latest: RwSignal::new(0),
            consoles: StoredValue::new(BTreeMap::new()),
            active: RwSignal::new(device_id("alice", DeviceKind::Laptop)),
            links: StoredValue::new(BTreeMap::new()),
            problems: RwSignal::new(BTreeMap::new()),
            news: RwSignal::new(None),
            preset: RwSignal::new("demo".to_owned()),
            undo: RwSignal::new(Vec::new()),
            notice: RwSignal::new(None),
            uploaded: StoredValue::new(None),
            scenario: RwSignal::new(Scenario::new("demo", &BTreeMap::new())),
            offer: RwSignal::new(None),
            speed: RwSignal::new(1.0),
        };
        scene
            .scenario
            .set(scene.devices.with_untracked(|d| Scenario::new("demo", d)));
        let ids: Vec<String> = scene
            .devices
            .with_untracked(|d| d.keys().cloned().collect());
        let consoles = ids
            .into_iter()
            .map(|id| (id, Console::new(scene)))
            .collect();
        scene.consoles.set_value(consoles);
        scene
    }

    /// Starts again from a built-in world (`demo`, `empty`, `busy-500`, `busy-10000`):
    /// fresh mailboxes, fresh devices, empty dialogues, no connection left open.
    pub fn reset(&self, preset: &str) -> Result<(), PresetError> {
        let world = self.fresh(preset)?;
        self.start(world, preset);
        Ok(())
    }

    /// A new copy of the world `preset` names, as it starts (an uploaded file's world too).
    pub fn fresh(&self, preset: &str) -> Result<World, PresetError> {
        match (preset, self.uploaded.get_value()) {
            (UPLOADED, Some(store)) => Ok(World::new(store)),
            (UPLOADED, None) => World::from_preset("empty"),
            _ => World::from_preset(preset),
        }
    }

    /// A world made from an uploaded `.eml` or mbox file: the empty world, with the file's
    /// messages in `login`'s INBOX. A bad file changes nothing. Returns how many messages.
    pub fn import(&self, file: &[u8], login: &str) -> Result<usize, ImportError> {
        let messages = import::messages(file)?;
        let mut world =
            World::from_preset("empty").unwrap_or_else(|_| World::new(Store::default()));
        let at = now();
        let count = messages.len();
        for raw in messages {
            world.store.append(login, INBOX, raw, BTreeSet::new(), at);
        }
        self.uploaded.set_value(Some(world.store.clone()));
        self.start(world, UPLOADED);
        Ok(count)
    }

    /// Starts afresh in `world`, named `preset` in the world chooser.
    fn start(&self, world: World, preset: &str) {
        let devices = devices_of(&world);
        self.start_with(world, devices, preset);
    }

    /// Starts afresh in `world` with these devices (a lesson step's, set up as it says).
    pub fn start_with(&self, world: World, devices: BTreeMap<String, Device>, preset: &str) {
        self.scenario.set(Scenario::new(preset, &devices));
        for console in self.consoles() {
            console.reset();
        }
        self.links.set_value(BTreeMap::new());
        self.news.set(None);
        self.undo.set(Vec::new());
        self.load(preset, world, devices, BTreeMap::new());
    }

    /// Puts a world in place (a new start, or a saved sandbox): its world, devices and
    /// problems, as the one snapshot kept; the dialogues are the caller's.
    pub fn load(
        &self,
        preset: &str,
        world: World,
        devices: BTreeMap<String, Device>,
        problems: BTreeMap<String, Problem>,
    ) -> usize {
        let snapshot = Snapshot {
            store: Arc::new(world.store.clone()),
            devices: Arc::new(devices.clone()),
        };
        let mut number = 0;
        self.history.update_value(|h| number = h.restart(snapshot));
        self.world.set(world);
        self.devices.set(devices);
        self.problems.set(problems);
        self.preset.set(preset.to_owned());
        self.latest.set(number);
        number
    }

    /// Remembers the world as it is before an action named `label`, for Undo.
    pub fn checkpoint(&self, who: String, what: Undoable) {
        let checkpoint = Checkpoint {
            who,
            what,
            world: self.world.get_untracked(),
            devices: self.devices.get_untracked(),
            problems: self.problems.get_untracked(),
            connections: self.connections(),
            scenario: self.scenario.get_untracked(),
        };
        self.undo.update(|u| {
            u.push(checkpoint);
            if u.len() > UNDO_DEPTH {
                u.remove(0);
            }
        });
    }

    fn connections(&self) -> Vec<(String, Option<Connection>)> {
        self.consoles.with_value(|c| {
            c.iter()
                .map(|(id, console)| (id.clone(), console.connection.get_untracked()))
                .collect()
        })
    }

    /// Goes back to the world before the latest action. Devices in IDLE are disconnected
    /// (their clients do not go back in time); each terminal gets back the connection it
    /// had. The dialogues keep what was said. Returns who did the action, and what.
    pub fn undo_last(&self) -> Option<(String, Undoable)> {
        let checkpoint = self.undo.try_update(Vec::pop).flatten()?;
        self.links.set_value(BTreeMap::new());
        let Checkpoint {
            who,
            what,
            mut world,
            devices,
            problems,
            connections,
            scenario,
        } = checkpoint;
        let kept: Vec<SessionId> = connections
            .iter()
            .filter_map(|(_, c)| c.as_ref().map(|c| c.id))
            .collect();
        for session in world.session_ids() {
            if !kept.contains(&session) {
                world.disconnect(session);
            }
        }
        for (id, connection) in connections {
            if let Some(console) = self.console(&id) {
                console.connection.set(connection);
            }
        }
        self.world.set(world);
        self.devices.set(devices);
        self.problems.set(problems);
        // The undone action is no longer part of the scenario.
        self.scenario.set(scenario);
        self.record();
        Some((who, what))
    }

    /// Records the world and the devices as they are now; returns the snapshot's number.
    pub fn record(&self) -> usize {
        let snapshot = Snapshot {
            store: Arc::new(self.world.with_untracked(|w| w.store.clone())),
            devices: Arc::new(self.devices.get_untracked()),
        };
        let mut number = 0;
        self.history.update_value(|h| number = h.record(snapshot));
        self.latest.set(number);
        number
    }

    /// The devices changed after the newest snapshot and nothing else did (a device took
    /// in what its client found): the newest snapshot shows them.
    pub fn amend(&self) -> usize {
        let devices = Arc::new(self.devices.get_untracked());
        self.history.update_value(|h| h.amend(devices));
        let latest = self.latest.get_untracked();
        self.latest.set(latest);
        latest
    }

    pub fn snapshot(&self, at: usize) -> Option<Snapshot> {
        self.history.with_value(|h| h.get(at))
    }

    pub fn console(&self, device: &str) -> Option<Console> {
        self.consoles.with_value(|c| c.get(device).copied())
    }

    pub fn consoles_by_id(&self) -> Vec<(String, Console)> {
        self.consoles
            .with_value(|c| c.iter().map(|(id, c)| (id.clone(), *c)).collect())
    }

    pub fn consoles(&self) -> Vec<Console> {
        self.consoles.with_value(|c| c.values().copied().collect())
    }

    /// The console on screen (tracked: follows the active device).
    pub fn active_console(&self) -> Option<Console> {
        let id = self.active.get();
        self.console(&id)
    }

    /// The snapshot a console's dialogue stands at, while it is not at its end: the
    /// selected line's, or the newest shown line's while lines wait (before the first is
    /// shown, the state the first stands for). None when it is at the end: then views show
    /// the world as it is (tracked).
    pub fn position(&self, console: Console) -> Option<usize> {
        let selected = console.selected.get();
        console.playback.with(|p| {
            let shown = p.shown();
            if let Some(entry) = selected.and_then(|id| shown.iter().find(|e| e.id == id)) {
                return Some(entry.snapshot);
            }
            if !p.has_pending() {
                return None;
            }
            shown.last().or(p.next_pending()).map(|e| e.snapshot)
        })
    }

    /// The snapshot before this one, for what changed at a step.
    pub fn previous(&self, at: usize) -> Option<Snapshot> {
        at.checked_sub(1).and_then(|before| self.snapshot(before))
    }

    /// The newest snapshot (tracked).
    pub fn now(&self) -> usize {
        self.latest.get()
    }

    /// A device as its own dialogue has got to (tracked).
    pub fn device_view(&self, id: &str) -> Option<Device> {
        let console = self.console(id)?;
        match self.position(console) {
            Some(at) => self.snapshot(at).and_then(|s| s.devices.get(id).cloned()),
            None => self.devices.with(|d| d.get(id).cloned()),
        }
    }
}

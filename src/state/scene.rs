//! The scene: the one `World`, the learner's devices, one console per device, and the
//! snapshots that let every view show the world as it was at the line a dialogue shows.
//!
//! Its fields are private. Views read them through the accessors below and change them
//! through named operations; the one that plays a learner's action on the engine's table
//! (and what the consoles make of what it hears) is in `driver.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use facteur_protocols::device::problem::Problem;
use facteur_protocols::device::{Device, DeviceKind};
use facteur_protocols::records::scenario::Scenario;
use facteur_protocols::store::import::{self, ImportError};
use facteur_protocols::store::{PresetError, Store, INBOX};
use facteur_protocols::table::{Action, Journal, Table};
use facteur_protocols::{Port, World};
use leptos::prelude::*;

use super::clock::now;
use super::console::{Connection, Console};
use super::entry;
use super::notice::Notice;
use super::snapshots::{History, Snapshot};
use super::undo::{Checkpoint, Undo};

pub use facteur_protocols::device::people::{device_id, PEOPLE};

#[derive(Clone, Copy)]
pub struct Scene {
    /// The world, the devices as they are now (the views show them as of their dialogue's
    /// step), what is open on them, their problems, and the journal of what was played.
    pub(super) table: RwSignal<Table>,
    pub(super) history: StoredValue<History>,
    /// The number of the newest snapshot, so views follow new ones.
    pub(super) latest: RwSignal<usize>,
    pub(super) consoles: StoredValue<BTreeMap<String, Console>>,
    /// The device whose terminal is on screen.
    pub(super) active: RwSignal<String>,
    /// The latest news for the live region: which device got how many new messages.
    pub(super) news: RwSignal<Option<(String, usize)>>,
    /// The built-in world the scene started from.
    pub(super) preset: RwSignal<String>,
    /// The worlds before the latest actions, newest last.
    pub(super) undo: RwSignal<Undo>,
    /// What the page must tell about the saved sandbox (restored, reset, not saved).
    pub(super) notice: RwSignal<Option<Notice>>,
    /// The world made from the last uploaded file, for Reset world.
    pub(super) uploaded: StoredValue<Option<Store>>,
    /// The port a lesson step offers in the connect bar.
    pub(super) offer: RwSignal<Option<Port>>,
    /// The device whose terminal a lesson step watches: it stays on screen while the
    /// learner presses buttons on other devices.
    pub(super) watching: RwSignal<Option<String>>,
    /// The person whose devices the devices panel shows, when it is not the person of the
    /// terminal on screen (while a step watches a terminal).
    pub(super) panel_person: RwSignal<Option<String>>,
    /// How fast dialogues play, shared by every terminal: a factor of the normal pace, or
    /// [`INSTANT`] to show every reply whole as soon as it comes.
    pub(super) speed: RwSignal<f64>,
    /// Whose devices the panels offer, in order (the demo world's people; in class mode,
    /// the student alone).
    pub(super) people: RwSignal<Vec<Person>>,
    /// A message to start on a device, to an address (a class page's directory asks).
    pub(super) write_to: RwSignal<Option<(String, String)>>,
    /// In class mode: the table is the class server's, and actions go there.
    pub(super) remote: StoredValue<Option<Remote>, LocalStorage>,
}

/// A person and their devices, as the panels offer them.
pub type Person = (String, Vec<DeviceKind>);

/// Where a class page's actions go: the class server's socket. Returns whether the action
/// left (false while the connection is down).
#[derive(Clone)]
pub struct Remote {
    pub send: std::rc::Rc<dyn Fn(Action) -> bool>,
    /// Who did the latest action, for the header of the dialogue it opens.
    pub(super) who: String,
}

/// The playback speed that shows a reply at once, for a learner who only wants the result
/// (and for the bench, which times a command to its whole reply).
pub const INSTANT: f64 = f64::INFINITY;

/// The world chooser's name for a world made from an uploaded file.
pub const UPLOADED: &str = "uploaded";

pub fn use_scene() -> Scene {
    expect_context()
}

impl Default for Scene {
    fn default() -> Self {
        Scene::new()
    }
}

impl Scene {
    /// The demo world, its devices, an empty dialogue on each, Alice's laptop on screen.
    pub fn new() -> Scene {
        let people = PEOPLE
            .iter()
            .map(|(l, kinds)| ((*l).to_owned(), kinds.to_vec()))
            .collect();
        let active = device_id("alice", DeviceKind::Laptop);
        Scene::over(Table::of_world(World::demo()), people, active, "demo")
    }

    /// A scene over `table` (its world named `preset`), offering `people`'s devices, with
    /// `active`'s terminal on screen.
    pub(super) fn over(table: Table, people: Vec<Person>, active: String, preset: &str) -> Scene {
        let mut history = History::default();
        history.record(Snapshot::of(table.world(), table.devices()));
        let ids: Vec<String> = table.devices().keys().cloned().collect();
        let table = RwSignal::new(table);
        let consoles = ids
            .into_iter()
            .map(|id| (id.clone(), Console::new(table, id, preset)))
            .collect();
        Scene {
            table,
            history: StoredValue::new(history),
            latest: RwSignal::new(0),
            consoles: StoredValue::new(consoles),
            active: RwSignal::new(active),
            news: RwSignal::new(None),
            preset: RwSignal::new(preset.to_owned()),
            undo: RwSignal::new(Undo::default()),
            notice: RwSignal::new(None),
            uploaded: StoredValue::new(None),
            offer: RwSignal::new(None),
            watching: RwSignal::new(None),
            panel_person: RwSignal::new(None),
            speed: RwSignal::new(1.0),
            people: RwSignal::new(people),
            write_to: RwSignal::new(None),
            remote: StoredValue::new_local(None),
        }
    }

    /// Whose devices the panels offer, in order (tracked).
    pub fn people(&self) -> Vec<Person> {
        self.people.get()
    }

    pub fn people_untracked(&self) -> Vec<Person> {
        self.people.get_untracked()
    }

    /// Opens a new message to `to` on `device`, with its app on screen.
    pub fn write_to(&self, device: &str, to: &str) {
        self.show_device(device);
        self.write_to.set(Some((device.to_owned(), to.to_owned())));
    }

    /// The address a new message on `device` is asked for, once (tracked).
    pub fn take_write_to(&self, device: &str) -> Option<String> {
        let asked = self.write_to.with(|w| {
            w.as_ref()
                .filter(|(d, _)| d == device)
                .map(|(_, to)| to.clone())
        })?;
        self.write_to.set(None);
        Some(asked)
    }

    /// Whether the table is a class server's.
    pub fn is_remote(&self) -> bool {
        self.remote.with_value(Option::is_some)
    }

    // ----- reading (tracked unless the name says otherwise) -----

    /// The world, the devices and what was played on them, as they are now (tracked): a
    /// lesson's goals read them together.
    pub fn with_table<R>(&self, f: impl FnOnce(&Table) -> R) -> R {
        self.table.with(f)
    }

    pub fn with_world_untracked<R>(&self, f: impl FnOnce(&World) -> R) -> R {
        self.table.with_untracked(|t| f(t.world()))
    }

    /// The devices as they are now.
    pub fn with_devices<R>(&self, f: impl FnOnce(&BTreeMap<String, Device>) -> R) -> R {
        self.table.with(|t| f(t.devices()))
    }

    /// The table as it is now, without tracking.
    pub fn with_table_untracked<R>(&self, f: impl FnOnce(&Table) -> R) -> R {
        self.table.with_untracked(f)
    }

    pub fn with_devices_untracked<R>(&self, f: impl FnOnce(&BTreeMap<String, Device>) -> R) -> R {
        self.table.with_untracked(|t| f(t.devices()))
    }

    /// A device as it is now, without tracking.
    #[cfg(test)]
    pub fn device_untracked(&self, id: &str) -> Option<Device> {
        self.with_devices_untracked(|d| d.get(id).cloned())
    }

    /// The device whose terminal is on screen.
    pub fn active(&self) -> String {
        self.active.get()
    }

    pub fn active_untracked(&self) -> String {
        self.active.get_untracked()
    }

    /// Why a device's last action failed, if it did.
    pub fn problem(&self, device: &str) -> Option<Problem> {
        self.table.with(|t| t.problems().get(device).cloned())
    }

    /// Whether a device holds a connection open in IDLE.
    pub fn is_idling(&self, device: &str) -> bool {
        self.table.with(|t| t.is_idling(device))
    }

    /// Which device last got new messages, and how many.
    pub fn news(&self) -> Option<(String, usize)> {
        self.news.get()
    }

    /// The name of the world the scene started from (`demo`, `uploaded`…).
    pub fn preset(&self) -> String {
        self.preset.get()
    }

    pub fn preset_untracked(&self) -> String {
        self.preset.get_untracked()
    }

    /// Who did the latest action Undo would take back, and what it was.
    pub fn last_undoable(&self) -> Option<(String, Action)> {
        self.undo.with(Undo::last)
    }

    pub fn notice(&self) -> Option<Notice> {
        self.notice.get()
    }

    pub fn notice_untracked(&self) -> Option<Notice> {
        self.notice.get_untracked()
    }

    /// What the learner did on the devices since the world started (tracked).
    pub fn scenario(&self) -> Scenario {
        let preset = self.preset.get();
        self.table.with(|t| Scenario::of(&preset, t.journal()))
    }

    /// The port a lesson step offers in the connect bar.
    pub fn offer(&self) -> Option<Port> {
        self.offer.get()
    }

    /// The playback speed (tracked).
    pub fn speed(&self) -> f64 {
        self.speed.get()
    }

    /// The playback speed, or None once the page's signals are gone (ends a timer loop).
    pub fn try_speed(&self) -> Option<f64> {
        self.speed.try_get_untracked()
    }

    /// Whether replies are shown whole at once.
    pub(super) fn is_instant(&self) -> bool {
        self.speed.get_untracked() == INSTANT
    }

    // ----- what views choose -----

    /// Puts a device's terminal (and its person's devices) on screen.
    pub fn show_device(&self, device: &str) {
        self.panel_person.set(None);
        self.active.set(device.to_owned());
    }

    /// Shows a device among its person's devices, with its terminal unless a step watches
    /// another terminal (which then stays on screen).
    pub fn show_in_devices(&self, device: &str) {
        if self.watching.get_untracked().is_none() {
            self.show_device(device);
            return;
        }
        let login = self.with_devices_untracked(|d| d.get(device).map(|d| d.login.clone()));
        self.panel_person.set(login);
    }

    /// Shows a person's devices: with their first device's terminal, unless a step watches
    /// a terminal, which then stays on screen.
    pub fn show_person(&self, login: &str) {
        if self.watching.get_untracked().is_some() {
            self.panel_person.set(Some(login.to_owned()));
            return;
        }
        let first = self
            .people_untracked()
            .into_iter()
            .find(|(l, _)| l == login)
            .and_then(|(l, kinds)| kinds.first().map(|k| device_id(&l, *k)));
        if let Some(device) = first {
            self.show_device(&device);
        }
    }

    /// The person whose devices the devices panel shows (tracked).
    pub fn person_on_screen(&self) -> String {
        if let Some(login) = self.panel_person.get() {
            return login;
        }
        let active = self.active.get();
        self.with_devices(|d| d.get(&active).map(|d| d.login.clone()))
            .or_else(|| self.people.with(|p| p.first().map(|(l, _)| l.clone())))
            .unwrap_or_default()
    }

    /// Keeps a device's terminal on screen while the learner works on other devices (a
    /// lesson step's), or lets the terminal follow the device used last again.
    pub fn watch(&self, device: Option<String>) {
        if let Some(device) = &device {
            self.active.set(device.clone());
        }
        self.panel_person.set(None);
        self.watching.set(device);
    }

    /// Offers a port in the connect bar (a lesson step's).
    pub fn offer_port(&self, port: Option<Port>) {
        self.offer.set(port);
    }

    pub fn set_speed(&self, factor: f64) {
        self.speed.set(factor);
    }

    /// Tells the learner something about the sandbox, or hides what was told.
    pub fn set_notice(&self, notice: Option<Notice>) {
        self.notice.set(notice);
    }

    // ----- starting worlds -----

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
        self.start_with(Table::of_world(world), preset);
    }

    /// Starts afresh on `table` (a lesson step's, its steps before played on it):
    /// empty dialogues, no undo, a new journal.
    pub fn start_with(&self, mut table: Table, preset: &str) {
        for console in self.consoles() {
            console.reset(preset);
        }
        self.news.set(None);
        self.undo.set(Undo::default());
        table.restart_journal(None);
        self.load(preset, table);
    }

    /// The world's trace starts afresh: a lesson step's goals look only at what happens
    /// from here.
    pub fn restart_trace(&self) {
        self.table.update(Table::restart_trace);
    }

    /// Puts a table in place (a new start, or a kept sandbox) as the one snapshot kept;
    /// the dialogues are the caller's.
    pub(super) fn load(&self, preset: &str, table: Table) -> usize {
        let snapshot = Snapshot::of(table.world(), table.devices());
        let mut number = 0;
        self.history.update_value(|h| number = h.restart(snapshot));
        self.table.set(table);
        self.preset.set(preset.to_owned());
        self.latest.set(number);
        number
    }

    /// The journal, to keep with a saved sandbox.
    pub(super) fn journal_untracked(&self) -> Journal {
        self.table.with_untracked(|t| t.journal().clone())
    }

    // ----- undo -----

    /// Remembers the table as it is before an action, for Undo.
    pub(super) fn checkpoint(&self, who: String, what: Action) {
        let checkpoint = Checkpoint {
            who,
            what,
            table: self.table.get_untracked(),
            connections: self.connections(),
        };
        self.undo.update(|u| u.push(checkpoint));
    }

    fn connections(&self) -> Vec<(String, Option<Connection>)> {
        self.consoles.with_value(|c| {
            c.iter()
                .map(|(id, console)| (id.clone(), console.connection_untracked()))
                .collect()
        })
    }

    /// Goes back to the world before the latest action. Devices in IDLE are disconnected
    /// (their apps do not go back in time); each terminal gets back the connection it had,
    /// and the journal loses the actions undone. The dialogues keep what was said, and the
    /// terminal on screen says what was undone in `remark`'s words. Returns who did the
    /// action, and what.
    pub fn undo_last(
        &self,
        remark: impl FnOnce(&str, &Action) -> String,
    ) -> Option<(String, Action)> {
        let Checkpoint {
            who,
            what,
            table,
            connections,
        } = self.undo.try_update(Undo::pop).flatten()?;
        for (id, connection) in connections {
            if let Some(console) = self.console(&id) {
                console.put_back(connection);
            }
        }
        self.table.update(|t| t.rewind_to(table));
        let at = self.record();
        if let Some(console) = self.console(&self.active.get_untracked()) {
            console.remark(remark(&who, &what), at);
        }
        Some((who, what))
    }

    // ----- snapshots -----

    /// Records the world and the devices as they are now; returns the snapshot's number.
    pub(super) fn record(&self) -> usize {
        self.table
            .with_untracked(|t| self.record_of(t.world(), t.devices()))
    }

    /// Records `world` and `devices` (the table's, lent while it plays); returns the
    /// snapshot's number.
    pub(super) fn record_of(&self, world: &World, devices: &BTreeMap<String, Device>) -> usize {
        let snapshot = Snapshot::of(world, devices);
        let mut number = 0;
        self.history.update_value(|h| number = h.record(snapshot));
        self.latest.set(number);
        number
    }

    /// The devices changed after the newest snapshot and nothing else did (a device took
    /// in what its app found): the newest snapshot shows them.
    pub(super) fn amend(&self, devices: &BTreeMap<String, Device>) -> usize {
        let devices = Arc::new(devices.clone());
        self.history.update_value(|h| h.amend(devices));
        let latest = self.latest.get_untracked();
        self.latest.set(latest);
        latest
    }

    pub fn snapshot(&self, at: usize) -> Option<Snapshot> {
        self.history.with_value(|h| h.get(at))
    }

    /// The snapshot before this one, for what changed at a step.
    pub fn previous(&self, at: usize) -> Option<Snapshot> {
        at.checked_sub(1).and_then(|before| self.snapshot(before))
    }

    /// The newest snapshot's number (tracked).
    pub fn now(&self) -> usize {
        self.latest.get()
    }

    pub(super) fn latest_untracked(&self) -> usize {
        self.latest.get_untracked()
    }

    /// The snapshot a console's dialogue stands at, while it is not at its end: the
    /// selected line's, or the newest shown line's while lines wait (before the first is
    /// shown, the state the first stands for). None when it is at the end: then views show
    /// the world as it is (tracked).
    pub fn position(&self, console: Console) -> Option<usize> {
        let selected = console.selected();
        console.with_playback(|p| {
            let shown = p.shown();
            if let Some(entry) = selected.and_then(|id| entry::find(shown, id)) {
                return Some(entry.snapshot);
            }
            if !p.has_pending() {
                return None;
            }
            shown.last().or(p.next_pending()).map(|e| e.snapshot)
        })
    }

    /// The moment the learner is watching while a dialogue still plays: the snapshot of
    /// the newest line shown by the dialogue furthest behind (the first line waiting, if
    /// it has shown none yet). None when every dialogue has shown all it has (tracked). A
    /// lesson's goals are read as of this moment, so none ticks before its line is shown.
    pub fn shown_moment(&self) -> Option<Snapshot> {
        let at = self
            .consoles()
            .into_iter()
            .filter_map(|console| {
                console.with_playback(|p| {
                    p.has_pending()
                        .then(|| p.shown().last().or(p.next_pending()).map(|e| e.snapshot))?
                })
            })
            .min()?;
        self.snapshot(at)
    }

    /// A device as its own dialogue has got to (tracked).
    pub fn device_view(&self, id: &str) -> Option<Device> {
        let console = self.console(id)?;
        match self.position(console) {
            Some(at) => self.snapshot(at).and_then(|s| s.devices.get(id).cloned()),
            None => self.with_devices(|d| d.get(id).cloned()),
        }
    }

    // ----- consoles -----

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

    /// Empties a terminal's dialogue; its open connection goes on, and its shared link
    /// starts from the next action.
    pub fn clear_console(&self, console: Console) {
        let from = self.table.with_untracked(|t| t.journal().len());
        console.clear(&self.preset.get_untracked(), from);
    }
}

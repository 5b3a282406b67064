//! The sandbox kept in the browser: the world, the devices with their settings and
//! problems, and every dialogue, saved to localStorage as versioned JSON after each step
//! and put back on the next visit.
//!
//! What is read back is checked before anything is replaced: an entry that does not parse,
//! that a different version wrote, or that is larger than the page accepts is removed,
//! and the page starts from the demo world with a notice saying why. A save the browser
//! refuses (storage full) is said too; nothing fails silently.

use std::collections::BTreeMap;

use facteur_protocols::client::device::Device;
use facteur_protocols::client::scenario::Scenario;
use facteur_protocols::store::Store;
use facteur_protocols::World;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::devices::driver::Problem;
use crate::engine::Entry;
use crate::scene::Scene;

/// The localStorage key.
pub const KEY: &str = "facteur.sandbox";
/// Bumped whenever the saved form changes; an older entry is not read.
pub const VERSION: u32 = 1;
/// The largest entry saved or read back, in bytes of JSON: browsers give a site about
/// 5 MB, and a larger world (busy-10000) is rebuilt from its preset instead.
pub const MAX_BYTES: usize = 3_500_000;
/// Saving waits for the page to be quiet this long, so a burst of steps saves once.
const SAVE_AFTER_MS: u32 = 400;

/// What the page tells about the saved sandbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// The last visit's sandbox is back.
    Restored,
    /// The saved entry did not parse; the demo world starts instead.
    Corrupt,
    /// A different version of Facteur wrote it.
    OldVersion,
    /// It is larger than the page reads back.
    TooLarge,
    /// This world is too large to save; a reload starts it again from its preset.
    NotSavedTooLarge,
    /// The browser refused to store it (storage full, or storage turned off).
    StorageFull,
    /// A shared dialogue's link was opened and its lines were typed again.
    DialogueReplayed,
    /// A shared dialogue's link is damaged (often cut short when copied).
    DialogueUnreadable,
    /// A shared dialogue comes from another version of Facteur.
    DialogueOtherVersion,
    /// A shared dialogue names a world, account or port this page does not have.
    DialogueUnknown,
    /// A shared dialogue holds more lines than a link may.
    DialogueTooLong,
}

#[derive(Serialize, Deserialize)]
struct Saved {
    version: u32,
    preset: String,
    store: Store,
    devices: BTreeMap<String, Device>,
    problems: BTreeMap<String, Problem>,
    active: String,
    dialogues: BTreeMap<String, Vec<Entry>>,
    scenario: Scenario,
}

/// Only the version, read first: an entry of another version is not parsed further.
#[derive(Deserialize)]
struct Version {
    version: u32,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Why a saved text cannot be used, if it cannot.
fn check(text: &str) -> Result<Saved, Notice> {
    if text.len() > MAX_BYTES {
        return Err(Notice::TooLarge);
    }
    let version: Version = serde_json::from_str(text).map_err(|_| Notice::Corrupt)?;
    if version.version != VERSION {
        return Err(Notice::OldVersion);
    }
    serde_json::from_str(text).map_err(|_| Notice::Corrupt)
}

/// Puts back the last visit's sandbox, if there is one that can be used; then saves after
/// every step from here on.
pub fn start(scene: Scene, active: Memo<bool>) {
    if active.get_untracked() {
        restore_saved(scene);
    }
    let pending = StoredValue::new_local(None::<Timeout>);
    Effect::new(move |first: Option<()>| {
        scene.latest.track();
        scene.preset.track();
        // A lesson's world is the lesson's: only the sandbox is kept.
        if first.is_some() && active.get_untracked() {
            let timeout = Timeout::new(SAVE_AFTER_MS, move || save(scene));
            // Replacing the timeout cancels the previous one: a burst saves once.
            pending.set_value(Some(timeout));
        }
    });
}

/// Back in the sandbox from a lesson: the sandbox as it was left, or the demo world.
pub fn enter(scene: Scene) {
    let _ = scene.reset("demo");
    restore_saved(scene);
}

/// Puts back the saved sandbox if there is one that can be used; a damaged one is removed,
/// with a notice.
fn restore_saved(scene: Scene) {
    if let Some(text) = storage().and_then(|s| s.get_item(KEY).ok().flatten()) {
        match check(&text) {
            Ok(saved) => restore(scene, saved),
            Err(notice) => {
                if let Some(s) = storage() {
                    let _ = s.remove_item(KEY);
                }
                scene.notice.set(Some(notice));
            }
        }
    }
}

fn restore(scene: Scene, saved: Saved) {
    let Saved {
        preset,
        store,
        devices,
        problems,
        active,
        dialogues,
        scenario,
        ..
    } = saved;
    let at = scene.load(&preset, World::new(store), devices, problems);
    for (id, lines) in dialogues {
        if let Some(console) = scene.console(&id) {
            console.restore(lines, at);
        }
    }
    if scene.console(&active).is_some() {
        scene.active.set(active);
    }
    scene.scenario.set(scenario);
    scene.notice.set(Some(Notice::Restored));
}

/// Saves the sandbox now. Open connections are not saved: after a reload every device
/// and terminal starts disconnected, as a mail app does after a restart.
pub fn save(scene: Scene) {
    let Some(storage) = storage() else {
        return;
    };
    // The messages alone tell when a world is too large, before paying for its JSON.
    let octets: usize = scene.world.with_untracked(|w| {
        w.store
            .accounts
            .values()
            .flat_map(|a| a.mailboxes.values())
            .flat_map(|m| m.messages.iter())
            .map(|m| m.raw.0.len())
            .sum()
    });
    if octets > MAX_BYTES {
        too_large(scene, &storage);
        return;
    }
    let dialogues = scene
        .consoles_by_id()
        .into_iter()
        .map(|(id, console)| (id, console.lines()))
        .filter(|(_, lines)| !lines.is_empty())
        .collect();
    let saved = Saved {
        version: VERSION,
        preset: scene.preset.get_untracked(),
        store: scene.world.with_untracked(|w| w.store.clone()),
        devices: scene.devices.get_untracked(),
        problems: scene.problems.get_untracked(),
        active: scene.active.get_untracked(),
        dialogues,
        scenario: scene.scenario.get_untracked(),
    };
    let Ok(text) = serde_json::to_string(&saved) else {
        return;
    };
    if text.len() > MAX_BYTES {
        too_large(scene, &storage);
        return;
    }
    if storage.set_item(KEY, &text).is_err() {
        scene.notice.set(Some(Notice::StorageFull));
    } else if matches!(
        scene.notice.get_untracked(),
        Some(Notice::StorageFull | Notice::NotSavedTooLarge)
    ) {
        scene.notice.set(None);
    }
}

/// Forgets the saved entry (it would bring back an older world) and says why.
fn too_large(scene: Scene, storage: &web_sys::Storage) {
    let _ = storage.remove_item(KEY);
    if scene.notice.get_untracked() != Some(Notice::NotSavedTooLarge) {
        scene.notice.set(Some(Notice::NotSavedTooLarge));
    }
}

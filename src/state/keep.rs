//! Keeping the sandbox: what is saved of it (the world, the devices with their settings and
//! problems, every dialogue, the scenario), as versioned JSON, and how it is put back.
//! Pure, so it is tested natively; `sandbox.rs` talks to the browser's storage.
//!
//! What is read back is checked before anything is replaced: an entry that does not parse,
//! that a different version wrote, or that is larger than the page accepts is refused with
//! the notice that says why.

use std::collections::BTreeMap;

use facteur_protocols::device::problem::Problem;
use facteur_protocols::device::Device;
use facteur_protocols::records::scenario::Scenario;
use facteur_protocols::store::Store;
use facteur_protocols::table::{Journal, Table};
use facteur_protocols::World;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::entry::Entry;
use super::notice::Notice;
use super::scene::Scene;

/// Bumped whenever the saved form changes; an older entry is not read.
pub const VERSION: u32 = 2;
/// The largest entry saved or read back, in bytes of JSON: browsers give a site about
/// 5 MB, and a larger world (busy-10000) is rebuilt from its preset instead.
pub const MAX_BYTES: usize = 3_500_000;

/// The sandbox as it is saved.
#[derive(Serialize, Deserialize)]
pub struct Kept {
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

/// Reads a saved text, or says why it cannot be used.
pub fn check(text: &str) -> Result<Kept, Notice> {
    if text.len() > MAX_BYTES {
        return Err(Notice::TooLarge);
    }
    let version: Version = serde_json::from_str(text).map_err(|_| Notice::Corrupt)?;
    if version.version != VERSION {
        return Err(Notice::OldVersion);
    }
    serde_json::from_str(text).map_err(|_| Notice::Corrupt)
}

impl Scene {
    /// The sandbox as JSON to keep, or why it is not kept: a world too large for the
    /// browser's storage. Open connections are not kept: after a reload every device and
    /// terminal starts disconnected, as a mail app does after a restart.
    pub fn keep(&self) -> Result<String, Notice> {
        // The messages alone tell when a world is too large, before paying for its JSON.
        let octets: usize = self.with_world_untracked(|w| {
            w.store
                .accounts
                .values()
                .flat_map(|a| a.mailboxes.values())
                .flat_map(|m| m.messages.iter())
                .map(|m| m.raw.0.len())
                .sum()
        });
        if octets > MAX_BYTES {
            return Err(Notice::NotSavedTooLarge);
        }
        let dialogues = self
            .consoles_by_id()
            .into_iter()
            .map(|(id, console)| (id, console.lines()))
            .filter(|(_, lines)| !lines.is_empty())
            .collect();
        let kept = Kept {
            version: VERSION,
            preset: self.preset_untracked(),
            store: self.with_world_untracked(|w| w.store.clone()),
            devices: self.with_devices_untracked(Clone::clone),
            problems: self.table.with_untracked(|t| t.problems().clone()),
            active: self.active_untracked(),
            dialogues,
            scenario: Scenario::of(&self.preset_untracked(), &self.journal_untracked()),
        };
        let text = serde_json::to_string(&kept).map_err(|_| Notice::NotSavedTooLarge)?;
        if text.len() > MAX_BYTES {
            return Err(Notice::NotSavedTooLarge);
        }
        Ok(text)
    }

    /// Puts a kept sandbox back: its world, devices, problems, dialogues (all shown) and
    /// scenario, and says it is back.
    pub fn put_back(&self, kept: Kept) {
        let Kept {
            preset,
            store,
            devices,
            problems,
            active,
            dialogues,
            scenario,
            ..
        } = kept;
        let mut table = Table::new(World::new(store), devices);
        table.set_problems(problems);
        // What was done on the devices goes on from the kept scenario.
        table.restart_journal(Some(Journal {
            start: scenario.start,
            actions: scenario.steps,
        }));
        let at = self.load(&preset, table);
        for (id, lines) in dialogues {
            if let Some(console) = self.console(&id) {
                console.restore(lines, at);
            }
        }
        if self.console(&active).is_some() {
            self.show_device(&active);
        }
        self.set_notice(Some(Notice::Restored));
    }
}

//! The sandbox kept in the browser: saved to localStorage after each step (see
//! `state::keep` for what is saved and how it is checked) and put back on the next visit.
//!
//! An entry that cannot be used is removed, and the page starts from the demo world with
//! a notice saying why. A save the browser refuses (storage full) is said too; nothing
//! fails silently.

use gloo_timers::callback::Timeout;
use leptos::prelude::*;

use crate::state::keep;
use crate::state::{Notice, Scene};

/// The localStorage key.
pub const KEY: &str = "facteur.sandbox";
/// Saving waits for the page to be quiet this long, so a burst of steps saves once.
const SAVE_AFTER_MS: u32 = 400;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Puts back the last visit's sandbox, if there is one that can be used; then saves after
/// every step from here on.
pub fn start(scene: Scene, active: Memo<bool>) {
    if active.get_untracked() {
        restore_saved(scene);
    }
    let pending = StoredValue::new_local(None::<Timeout>);
    Effect::new(move |first: Option<()>| {
        scene.now();
        scene.preset();
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
        match keep::check(&text) {
            Ok(kept) => scene.put_back(kept),
            Err(notice) => {
                if let Some(s) = storage() {
                    let _ = s.remove_item(KEY);
                }
                scene.set_notice(Some(notice));
            }
        }
    }
}

/// Saves the sandbox now.
pub fn save(scene: Scene) {
    let Some(storage) = storage() else {
        return;
    };
    let was = scene.notice_untracked();
    match scene.keep() {
        Ok(text) => {
            if storage.set_item(KEY, &text).is_err() {
                scene.set_notice(Some(Notice::StorageFull));
            } else if matches!(was, Some(Notice::StorageFull | Notice::NotSavedTooLarge)) {
                scene.set_notice(None);
            }
        }
        Err(notice) => {
            // Forget the saved entry (it would bring back an older world) and say why.
            let _ = storage.remove_item(KEY);
            if was != Some(notice) {
                scene.set_notice(Some(notice));
            }
        }
    }
}

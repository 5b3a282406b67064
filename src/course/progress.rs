//! The learner's progress: which steps of which lessons are done, kept in localStorage as
//! versioned JSON, and saved to or loaded from a file (for another browser, or for a
//! teacher). A damaged or foreign entry resets with a notice instead of breaking the page.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

const KEY: &str = "facteur.progress";
pub const VERSION: u32 = 1;
/// What a saved file says it is, so another JSON file is not taken for progress.
const KIND: &str = "facteur-progress";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub kind: String,
    pub version: u32,
    /// Done steps' ids, by lesson id.
    pub done: BTreeMap<String, BTreeSet<String>>,
}

/// Why progress could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    NotProgress,
}

impl Progress {
    pub fn new() -> Progress {
        Progress {
            kind: KIND.to_owned(),
            version: VERSION,
            done: BTreeMap::new(),
        }
    }

    pub fn from_json(text: &str) -> Result<Progress, Unreadable> {
        let p: Progress = serde_json::from_str(text).map_err(|_| Unreadable::NotProgress)?;
        if p.kind != KIND || p.version != VERSION {
            return Err(Unreadable::NotProgress);
        }
        Ok(p)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    pub fn is_done(&self, lesson: &str, step: &str) -> bool {
        self.done.get(lesson).is_some_and(|s| s.contains(step))
    }

    pub fn count(&self, lesson: &str) -> usize {
        self.done.get(lesson).map_or(0, BTreeSet::len)
    }

    pub fn mark(&mut self, lesson: &str, step: &str) -> bool {
        self.done
            .entry(lesson.to_owned())
            .or_default()
            .insert(step.to_owned())
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved progress; `Err` with a fresh start when what was saved could not be read.
pub fn load() -> Result<Progress, Progress> {
    let Some(text) = storage().and_then(|s| s.get_item(KEY).ok().flatten()) else {
        return Ok(Progress::new());
    };
    Progress::from_json(&text).map_err(|_| {
        if let Some(s) = storage() {
            let _ = s.remove_item(KEY);
        }
        Progress::new()
    })
}

pub fn save(progress: &Progress) {
    if let Some(s) = storage() {
        let _ = s.set_item(KEY, &serde_json::to_string(progress).unwrap_or_default());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_round_trips_and_foreign_json_is_refused() {
        let mut p = Progress::new();
        assert!(p.mark("first-smtp", "greet"));
        assert!(!p.mark("first-smtp", "greet"));
        assert_eq!(Progress::from_json(&p.to_json()), Ok(p.clone()));
        assert!(Progress::from_json("{\"version\":1}").is_err());
        assert!(Progress::from_json("not json").is_err());
        let other = p.to_json().replace("\"version\": 1", "\"version\": 9");
        assert!(Progress::from_json(&other).is_err());
    }
}

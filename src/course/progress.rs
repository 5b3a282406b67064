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
    /// The name the student gave, for the teacher's class table (files saved before names
    /// existed have none).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// When the file was saved (`YYYY-MM-DD`); empty in the browser's own copy.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub saved: String,
    /// Done steps' ids, by lesson id.
    pub done: BTreeMap<String, BTreeSet<String>>,
    /// Each question's first checked answer, right or not, by lesson id then step id: what
    /// a teacher wants to know is whether it was understood, not whether it was found in
    /// the end.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub answers: BTreeMap<String, BTreeMap<String, bool>>,
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
            ..Progress::default()
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

    /// Keeps a question's first answer; later ones change nothing. Says whether it kept it.
    pub fn answer(&mut self, lesson: &str, step: &str, right: bool) -> bool {
        let asked = self.answers.entry(lesson.to_owned()).or_default();
        if asked.contains_key(step) {
            return false;
        }
        asked.insert(step.to_owned(), right);
        true
    }

    /// How many of a lesson's questions were answered right the first time.
    pub fn right_first_time(&self, lesson: &str) -> usize {
        self.answers
            .get(lesson)
            .map_or(0, |a| a.values().filter(|r| **r).count())
    }

    /// The file a student gives the teacher: named after the student and the day, both of
    /// which it also holds (`facteur-progress-zoe-martin-2026-12-05.json`).
    pub fn to_file(&self, today: &str) -> (String, String) {
        let saved = Progress {
            saved: today.to_owned(),
            ..self.clone()
        };
        let name = file_part(&self.name);
        let file = if name.is_empty() {
            format!("facteur-progress-{today}.json")
        } else {
            format!("facteur-progress-{name}-{today}.json")
        };
        (file, saved.to_json())
    }

    pub fn mark(&mut self, lesson: &str, step: &str) -> bool {
        self.done
            .entry(lesson.to_owned())
            .or_default()
            .insert(step.to_owned())
    }
}

/// A name as part of a file name: letters and digits kept (accents too), anything else
/// one `-`, lower case, at most 40 characters.
fn file_part(name: &str) -> String {
    let mut part = String::new();
    for c in name.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            part.push(c);
        } else if !part.ends_with('-') && !part.is_empty() {
            part.push('-');
        }
    }
    part.trim_end_matches('-').chars().take(40).collect()
}

/// The longest name a student may give.
pub const NAME_MAX: usize = 60;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What was saved could not be read, so progress starts afresh.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WasReset;

/// The saved progress, with `Some(WasReset)` when what was saved could not be read and a
/// fresh start replaces it.
pub fn load() -> (Progress, Option<WasReset>) {
    let Some(text) = storage().and_then(|s| s.get_item(KEY).ok().flatten()) else {
        return (Progress::new(), None);
    };
    match Progress::from_json(&text) {
        Ok(progress) => (progress, None),
        Err(_) => {
            if let Some(s) = storage() {
                let _ = s.remove_item(KEY);
            }
            (Progress::new(), Some(WasReset))
        }
    }
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

    #[test]
    fn a_file_before_names_still_reads() {
        let old = r#"{"kind":"facteur-progress","version":1,"done":{"first-smtp":["greet"]}}"#;
        let p = Progress::from_json(old).expect("read");
        assert!(p.is_done("first-smtp", "greet"));
        assert_eq!((p.name.as_str(), p.answers.len()), ("", 0));
    }

    #[test]
    fn the_file_is_named_after_the_student_and_the_day_and_holds_both() {
        let mut p = Progress::new();
        p.name = "  Zoé  Martin!".to_owned();
        assert!(p.answer("first-pop3", "why", false));
        assert!(
            !p.answer("first-pop3", "why", true),
            "the first answer counts"
        );
        assert_eq!(p.right_first_time("first-pop3"), 0);
        let (file, json) = p.to_file("2026-12-05");
        assert_eq!(file, "facteur-progress-zoé-martin-2026-12-05.json");
        let back = Progress::from_json(&json).expect("read");
        assert_eq!(
            (back.name.as_str(), back.saved.as_str()),
            ("  Zoé  Martin!", "2026-12-05")
        );
        assert!(!back.answers["first-pop3"]["why"]);
        assert_eq!(
            Progress::new().to_file("2026-12-05").0,
            "facteur-progress-2026-12-05.json"
        );
    }
}

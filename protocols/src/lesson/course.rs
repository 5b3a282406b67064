//! A lesson as the site holds it: steps, each with its text, the world it starts from, the
//! goals the site checks, hints one at a time, perhaps a question, and the reference
//! solution that the tests replay and "Show me" plays.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::goal::Goal;
use super::text::Block;
use crate::table::{Action, Reading, SettingsChange};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lesson {
    /// Its place in the course, from 1 (the `n` of `#/lesson/n/step/m`).
    pub number: u32,
    /// A stable name (`first-smtp`), the same in every language; progress is kept by it.
    pub id: String,
    pub title: String,
    /// One sentence for the lesson list.
    pub summary: String,
    pub steps: Vec<Step>,
    /// What the learner now knows, shown when the last step is done.
    pub recap: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// A stable name within the lesson, the same in every language.
    pub id: String,
    pub title: String,
    pub text: Vec<Block>,
    pub start: Start,
    pub goals: Vec<Goal>,
    /// Revealed one at a time, gentlest first.
    pub hints: Vec<Vec<Block>>,
    pub quiz: Option<Quiz>,
    pub solution: Vec<Action>,
}

/// Which view a step puts first on a narrow screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum View {
    Terminal,
    Devices,
    Server,
}

/// The terminal a step opens on: whose device, and the port the connect bar offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TerminalStart {
    pub device: String,
    pub port: u16,
}

/// Where a step starts. With no `world`, it goes on from the world the step before left.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Start {
    /// A built-in world (`demo`, `empty`, `busy-500`): a fresh one.
    #[serde(default)]
    pub world: Option<String>,
    /// How devices read mail, by device (`bob-phone = "pop3-delete"`).
    #[serde(default)]
    pub reading: BTreeMap<String, Reading>,
    /// Settings changed from the usual ones, by device (the broken setups of lesson 14).
    #[serde(default)]
    pub settings: BTreeMap<String, SettingsChange>,
    #[serde(default)]
    pub terminal: Option<TerminalStart>,
    #[serde(default)]
    pub view: Option<View>,
}

/// How many answers a question takes, and how it is put.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuizKind {
    /// One right answer.
    Single,
    /// Every right answer, and no wrong one.
    Multiple,
    /// "What will the tablet show?": one answer, then the learner checks on the devices.
    Predict,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quiz {
    pub kind: QuizKind,
    pub question: Vec<Block>,
    pub choices: Vec<Choice>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub text: Vec<Block>,
    pub right: bool,
    /// Why this answer is right or wrong; shown once it is chosen.
    pub why: Vec<Block>,
}

impl Quiz {
    /// Whether these choices (by position, from 0) are exactly the right ones.
    pub fn is_right(&self, chosen: &[usize]) -> bool {
        let right: Vec<usize> = (0..self.choices.len())
            .filter(|&i| self.choices[i].right)
            .collect();
        let mut chosen = chosen.to_vec();
        chosen.sort_unstable();
        chosen.dedup();
        chosen == right
    }
}

/// Every lesson in every language, in course order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Course {
    /// By language tag (`en`, `fr`).
    pub languages: BTreeMap<String, Vec<Lesson>>,
}

impl Course {
    /// The lessons in a language (English if a language has none).
    pub fn lessons(&self, lang: crate::vocab::Lang) -> &[Lesson] {
        let tag = match lang {
            crate::vocab::Lang::En => "en",
            crate::vocab::Lang::Fr => "fr",
        };
        self.languages
            .get(tag)
            .or_else(|| self.languages.get("en"))
            .map_or(&[], Vec::as_slice)
    }
}

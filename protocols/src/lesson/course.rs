//! A lesson as the site holds it: steps, each with its text, the world it starts from, the
//! goals the site checks, hints one at a time, perhaps a question, and the reference
//! solution that the tests replay and "Show me" plays.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::goal::Goal;
pub use super::place::View;
use super::text::Block;
use crate::table::{Action, Reading, SettingsChange};

/// One lesson of the course, in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lesson {
    /// Its place in the course, from 1 (the `n` of `#/lesson/n/step/m`).
    pub number: u32,
    /// A stable name (`first-smtp`), the same in every language; progress is kept by it.
    pub id: String,
    /// Its title, as the lesson list shows it.
    pub title: String,
    /// One sentence for the lesson list.
    pub summary: String,
    /// Its steps, in order.
    pub steps: Vec<Step>,
    /// What the learner now knows, shown when the last step is done.
    pub recap: Vec<Block>,
}

/// One step of a lesson: something to do, and how the site knows it is done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// A stable name within the lesson, the same in every language.
    pub id: String,
    /// Its title.
    pub title: String,
    /// What the step says, in Markdown's blocks.
    pub text: Vec<Block>,
    /// The world and devices it starts from.
    pub start: Start,
    /// What the checklist ticks, in order.
    pub goals: Vec<Goal>,
    /// Revealed one at a time, gentlest first.
    pub hints: Vec<Vec<Block>>,
    /// A question to answer, if the step asks one.
    pub quiz: Option<Quiz>,
    /// The reference solution, in the table's actions: what "Show me" plays and the tests replay.
    pub solution: Vec<Action>,
}

/// The terminal a step opens on: whose device, and the port the connect bar offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TerminalStart {
    /// The device whose terminal is on screen (`bob-phone`).
    pub device: String,
    /// The port the connect bar offers.
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
    /// The terminal on screen, and the port it offers.
    #[serde(default)]
    pub terminal: Option<TerminalStart>,
    /// The device on screen when the step starts (its person's devices, its terminal).
    /// Without it, the device of the terminal the step opens on, else the first device
    /// its solution uses.
    #[serde(default)]
    pub device: Option<String>,
    /// The device whose terminal the step is about: it comes on screen and stays there
    /// while the learner presses buttons on other devices (the tablet hearing of Alice's
    /// message in IDLE).
    #[serde(default)]
    pub watch: Option<String>,
    /// The view a narrow screen shows first.
    #[serde(default)]
    pub view: Option<View>,
}

impl Step {
    /// The device the step puts on screen when it starts: the one it watches, the one it
    /// names, the one its terminal opens on, else the first its solution uses.
    pub fn device_on_screen(&self) -> Option<&str> {
        let start = &self.start;
        start
            .watch
            .as_deref()
            .or(start.device.as_deref())
            .or(start.terminal.as_ref().map(|t| t.device.as_str()))
            .or_else(|| self.solution.iter().find_map(Action::device))
    }
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

/// A step's question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quiz {
    /// How many answers it takes.
    pub kind: QuizKind,
    /// The question, in Markdown's blocks.
    pub question: Vec<Block>,
    /// The choices, in the order shown.
    pub choices: Vec<Choice>,
}

/// One answer to choose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    /// What it says.
    pub text: Vec<Block>,
    /// Whether it is a right answer.
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
    /// The lessons in a language; English, or any language there is, when this one is not
    /// here (the page holds only the languages it has fetched).
    pub fn lessons(&self, lang: crate::vocab::Lang) -> &[Lesson] {
        self.languages
            .get(lang.tag())
            .or_else(|| self.languages.get("en"))
            .or_else(|| self.languages.values().next())
            .map_or(&[], Vec::as_slice)
    }

    /// Whether the lessons of `lang` are here.
    pub fn has(&self, lang: crate::vocab::Lang) -> bool {
        self.languages.contains_key(lang.tag())
    }
}

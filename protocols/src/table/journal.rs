//! The journal: every action a table played, in order, from the devices as they read mail
//! when it began. What the learner's records keep is read from it: the scenario (what was
//! done on the devices), a terminal's shared dialogue (what was typed), the lesson's
//! answers; Undo takes actions back off its end.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Action, Devices, Reading};

/// Every action played, in order, and how the devices read mail before the first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Journal {
    /// How each device read mail when the journal began.
    pub start: BTreeMap<String, Reading>,
    /// The actions, in the order they were played.
    pub actions: Vec<Action>,
}

/// One terminal connection as the journal tells it: the port, whether the server forgave
/// typing mistakes, and the lines typed, IMAP tags included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typed {
    /// The port connected to.
    pub port: u16,
    /// Whether the server forgave typing mistakes.
    pub lenient: bool,
    /// Every line as it was sent, IMAP tags included.
    pub lines: Vec<String>,
}

impl Journal {
    /// An empty journal, from the devices as they read mail now.
    pub fn new(devices: &Devices) -> Journal {
        Journal {
            start: devices
                .iter()
                .map(|(id, d)| (id.clone(), Reading::of(d.receiving)))
                .collect(),
            actions: Vec::new(),
        }
    }

    pub(super) fn push(&mut self, action: Action) {
        self.actions.push(action);
    }

    /// How many actions were played.
    pub fn len(&self) -> usize {
        self.actions.len()
    }

    /// Whether nothing was played.
    pub fn is_empty(&self) -> bool {
        self.actions.is_empty()
    }

    /// What was done with the devices' buttons, as a scenario replays it: terminal work and
    /// answers left out, and settings kept only as the way of reading they switch to.
    pub fn on_devices(&self) -> Vec<Action> {
        let mut reading = self.start.clone();
        let mut done = Vec::new();
        for action in &self.actions {
            match action {
                Action::Settings { device, change } => {
                    let Some(r) = change.reading else {
                        continue;
                    };
                    if reading.get(device) != Some(&r) {
                        reading.insert(device.clone(), r);
                        done.push(Action::Reading {
                            device: device.clone(),
                            reading: r,
                        });
                    }
                }
                Action::Reading { device, reading: r } => {
                    reading.insert(device.clone(), *r);
                    done.push(action.clone());
                }
                Action::SaveDraft { .. } | Action::Answer { .. } => {}
                other if other.at_terminal() => {}
                other => done.push(other.clone()),
            }
        }
        done
    }

    /// What was typed at `device`'s terminal from action `from` on, connection by
    /// connection.
    pub fn typed_at(&self, device: &str, from: usize) -> Vec<Typed> {
        let mut sessions: Vec<Typed> = Vec::new();
        for action in self.actions.iter().skip(from) {
            match action {
                Action::Connect {
                    device: d,
                    port,
                    lenient,
                } if d == device => sessions.push(Typed {
                    port: *port,
                    lenient: *lenient,
                    lines: Vec::new(),
                }),
                Action::Type {
                    device: Some(d),
                    line,
                } if d == device => {
                    if let Some(last) = sessions.last_mut() {
                        last.lines.push(line.clone());
                    }
                }
                _ => {}
            }
        }
        sessions
    }

    /// The latest answer given to a question, numbered from 1.
    pub fn answer(&self) -> Option<&[usize]> {
        self.actions.iter().rev().find_map(|a| match a {
            Action::Answer { choices } => Some(choices.as_slice()),
            _ => None,
        })
    }
}

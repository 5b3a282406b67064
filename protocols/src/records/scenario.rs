//! A scenario: what the learner did on the devices (check on the phone, read on the laptop,
//! delete on the tablet…), written so it can be played again from the same starting world,
//! under the protocol it was recorded with or under the other one, and its two end states
//! compared.
//!
//! Messages are named by Message-ID (and subject, for a message without one), never by UID
//! or by a device's own number: those differ between IMAP and POP3, the Message-ID does not.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::device::Device;
use crate::store::{Flag, INBOX};
use crate::table::{Action, Journal, Reading, Table};
use crate::time::Timestamp;
use crate::World;

/// Bumped when the saved form changes; another version is refused, not guessed at.
pub const VERSION: u32 = 1;

/// The same action under the other protocol: IMAP becomes `pop3`, POP3 becomes IMAP.
fn flipped(action: &Action, pop3: Reading) -> Action {
    match action {
        Action::Reading { device, reading } => Action::Reading {
            device: device.clone(),
            reading: flip(*reading, pop3),
        },
        other => other.clone(),
    }
}

/// Whether a scenario may hold the action: what is done with a device's buttons, as
/// [`Journal::on_devices`] keeps it (no terminal, no answer, no other settings).
fn is_step(action: &Action) -> bool {
    matches!(
        action,
        Action::Reading { .. }
            | Action::Check { .. }
            | Action::Flag { .. }
            | Action::Delete { .. }
            | Action::Move { .. }
            | Action::CreateFolder { .. }
            | Action::Send { .. }
    )
}

fn flip(reading: Reading, pop3: Reading) -> Reading {
    if reading.is_imap() {
        pop3
    } else {
        Reading::Imap
    }
}

/// The steps, and the world they start from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scenario {
    /// The format's version (see [`VERSION`]).
    pub version: u32,
    /// The built-in world it starts from (`demo`, `empty`, …).
    pub preset: String,
    /// How each device read mail at the start.
    pub start: BTreeMap<String, Reading>,
    /// What was done on the devices, in the table's words.
    pub steps: Vec<Action>,
}

/// Why a scenario file or link cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScenarioError {
    /// Not JSON, or not a scenario's fields.
    Unreadable(String),
    /// Written by another version.
    Version(u32),
    /// It starts from a world this page does not have.
    UnknownWorld(String),
}

impl Scenario {
    /// A scenario with no steps yet, from the devices as they read mail now.
    #[cfg(test)]
    pub(crate) fn new(preset: &str, devices: &BTreeMap<String, Device>) -> Scenario {
        Scenario {
            version: VERSION,
            preset: preset.to_owned(),
            start: devices
                .iter()
                .map(|(id, d)| (id.clone(), Reading::of(d.receiving)))
                .collect(),
            steps: Vec::new(),
        }
    }

    /// What a table's journal did on the devices, from the world `preset` names.
    pub fn of(preset: &str, journal: &Journal) -> Scenario {
        Scenario {
            version: VERSION,
            preset: preset.to_owned(),
            start: journal.start.clone(),
            steps: journal.on_devices(),
        }
    }

    /// The scenario as JSON, as a file saves it.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a scenario file, refusing another version or a world this page does not have.
    pub fn from_json(text: &str) -> Result<Scenario, ScenarioError> {
        #[derive(Deserialize)]
        struct Version {
            version: u32,
        }
        let v: Version =
            serde_json::from_str(text).map_err(|e| ScenarioError::Unreadable(e.to_string()))?;
        if v.version != VERSION {
            return Err(ScenarioError::Version(v.version));
        }
        let scenario: Scenario =
            serde_json::from_str(text).map_err(|e| ScenarioError::Unreadable(e.to_string()))?;
        if crate::store::Preset::builtin(&scenario.preset).is_err() {
            return Err(ScenarioError::UnknownWorld(scenario.preset));
        }
        if let Some(step) = scenario.steps.iter().find(|s| !is_step(s)) {
            let what = format!("{step:?} is not done with a device's buttons");
            return Err(ScenarioError::Unreadable(what));
        }
        Ok(scenario)
    }

    /// The scenario as a URL fragment's value: its JSON in base64url (RFC 4648 §5), so a
    /// link carries it whole and no server ever sees it.
    pub fn to_fragment(&self) -> String {
        super::link::encode(self)
    }

    /// Reads a link's fragment (see [`Scenario::to_fragment`]).
    pub fn from_fragment(fragment: &str) -> Result<Scenario, ScenarioError> {
        let bytes = super::link::decode(fragment).map_err(ScenarioError::Unreadable)?;
        Scenario::from_json(&String::from_utf8_lossy(&bytes))
    }

    /// Whether the scenario reads mail with IMAP (at the start, on the first device that
    /// reads at all): the side "as recorded" is named after it.
    pub fn mostly_imap(&self) -> bool {
        let mut readings = self
            .start
            .values()
            .copied()
            .chain(self.steps.iter().filter_map(|s| match s {
                Action::Reading { reading, .. } => Some(*reading),
                _ => None,
            }));
        readings.next().is_none_or(Reading::is_imap)
    }

    /// The same steps with every IMAP device reading with `pop3` instead, and every POP3
    /// device with IMAP.
    pub fn flipped(&self, pop3: Reading) -> Scenario {
        Scenario {
            start: self
                .start
                .iter()
                .map(|(id, r)| (id.clone(), flip(*r, pop3)))
                .collect(),
            steps: self.steps.iter().map(|s| flipped(s, pop3)).collect(),
            ..self.clone()
        }
    }

    /// The actions that play it on a table whose world is as the preset starts it: each
    /// device set to read as `start` says, then the steps.
    pub fn actions(&self) -> Vec<Action> {
        let start = self.start.iter().map(|(id, reading)| Action::Reading {
            device: id.clone(),
            reading: *reading,
        });
        start.chain(self.steps.iter().cloned()).collect()
    }

    /// Plays it on `table`, each action a few seconds after the last so dates keep their
    /// order. Actions that name a message a device does not have are passed over, as a
    /// learner could not have clicked them.
    pub fn play(&self, table: &mut Table, now: Timestamp) {
        for (i, action) in self.actions().iter().enumerate() {
            table.play(action, now.plus_seconds(i as i64 * 5), &mut |_| {});
        }
    }
}

/// A message as an end state lists it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Row {
    /// The message's subject.
    pub subject: String,
    /// Whether it is marked read.
    pub seen: bool,
    /// Whether it is flagged for attention (`\Flagged`, RFC 9051 §2.3.2).
    pub flagged: bool,
}

/// How a message on one side of a comparison differs from the other side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Difference {
    /// The other side has no message with this subject in this place.
    Missing,
    /// The other side has it with other marks: read where this side has it unread (or the
    /// reverse), flagged where this side has it not (or the reverse).
    Marks {
        /// The read mark differs.
        seen: bool,
        /// The flag differs.
        flagged: bool,
    },
}

impl Row {
    /// For each of `mine`, how the same place on the other side (`theirs`) differs: each
    /// message is paired with one of the other side's with its subject (an exact twin
    /// first), so two messages with one subject are told apart; `None` where they agree.
    pub fn differences(mine: &[Row], theirs: &[Row]) -> Vec<Option<Difference>> {
        let mut free: Vec<Option<&Row>> = theirs.iter().map(Some).collect();
        let mut take = |test: &dyn Fn(&Row) -> bool| {
            let slot = free.iter_mut().find(|r| r.is_some_and(test))?;
            slot.take()
        };
        let twins: Vec<bool> = mine.iter().map(|r| take(&|o| o == r).is_some()).collect();
        mine.iter()
            .zip(twins)
            .map(|(row, twin)| {
                if twin {
                    return None;
                }
                let other = take(&|o| o.subject == row.subject);
                Some(other.map_or(Difference::Missing, |o| Difference::Marks {
                    seen: o.seen != row.seen,
                    flagged: o.flagged != row.flagged,
                }))
            })
            .collect()
    }
}

/// Where the messages are at the end: on each device (by folder), and on the server (by
/// account and mailbox), for the people whose devices the scenario used.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EndState {
    /// What each device shows, by device and folder.
    pub devices: BTreeMap<String, BTreeMap<String, Vec<Row>>>,
    /// What the server holds, by account and mailbox.
    pub server: BTreeMap<String, BTreeMap<String, Vec<Row>>>,
}

impl EndState {
    /// Where the messages are on `world` and `devices`, for the devices in `used`.
    pub fn of(
        world: &World,
        devices: &BTreeMap<String, Device>,
        used: &BTreeSet<String>,
    ) -> EndState {
        let mut state = EndState::default();
        let mut people = BTreeSet::new();
        for (id, d) in devices.iter().filter(|(id, _)| used.contains(*id)) {
            people.insert(d.login.clone());
            let folders = d
                .folders
                .iter()
                .map(|(name, f)| {
                    let rows = f
                        .messages
                        .iter()
                        .map(|m| Row {
                            subject: m.summary().subject,
                            seen: m.has(&Flag::Seen),
                            flagged: m.has(&Flag::Flagged),
                        })
                        .collect();
                    (name.clone(), rows)
                })
                .collect();
            state.devices.insert(id.clone(), folders);
        }
        for login in people {
            let Some(account) = world.store.account(&login) else {
                continue;
            };
            let boxes = account
                .mailboxes
                .iter()
                .map(|(name, mb)| {
                    let rows = mb
                        .messages
                        .iter()
                        .map(|m| Row {
                            subject: crate::store::Summary::of(&m.raw.0).subject,
                            seen: m.has(&Flag::Seen),
                            flagged: m.has(&Flag::Flagged),
                        })
                        .collect();
                    (name.clone(), rows)
                })
                .collect();
            state.server.insert(login, boxes);
        }
        state
    }

    fn inbox_total(&self) -> usize {
        self.server
            .values()
            .filter_map(|b| b.get(INBOX))
            .map(Vec::len)
            .sum()
    }

    /// Whether devices of one person disagree about which messages are read.
    fn devices_disagree_on_seen(&self) -> bool {
        let mut seen_by_subject: BTreeMap<&str, BTreeSet<bool>> = BTreeMap::new();
        for folders in self.devices.values() {
            for row in folders.values().flatten() {
                seen_by_subject
                    .entry(row.subject.as_str())
                    .or_default()
                    .insert(row.seen);
            }
        }
        seen_by_subject.values().any(|s| s.len() > 1)
    }

    /// Whether devices disagree about which messages are where.
    fn devices_disagree_on_folders(&self) -> bool {
        let placed: BTreeSet<Vec<(String, Vec<String>)>> = self
            .devices
            .values()
            .filter(|f| f.values().any(|rows| !rows.is_empty()))
            .map(|folders| {
                folders
                    .iter()
                    .filter(|(_, rows)| !rows.is_empty())
                    .map(|(n, rows)| {
                        let mut s: Vec<String> = rows.iter().map(|r| r.subject.clone()).collect();
                        s.sort();
                        (n.clone(), s)
                    })
                    .collect()
            })
            .collect();
        placed.len() > 1
    }
}

/// What the difference between the two end states teaches, IMAP side against POP3 side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lesson {
    /// POP3 took mail off the server: devices that checked later found less.
    Pop3EmptiedTheServer,
    /// The devices disagree about what is where: POP3 keeps folders and deletions local.
    Pop3KeepsChangesLocal,
    /// The devices disagree about what is read: POP3 keeps flags local.
    Pop3KeepsFlagsLocal,
    /// The end states are the same: these steps do not tell the protocols apart.
    NoDifference,
}

impl Lesson {
    /// What the two end states teach, the IMAP side against the POP3 side.
    pub fn of(imap: &EndState, pop3: &EndState) -> Lesson {
        if imap == pop3 {
            return Lesson::NoDifference;
        }
        if pop3.inbox_total() < imap.inbox_total() {
            Lesson::Pop3EmptiedTheServer
        } else if pop3.devices_disagree_on_folders() && !imap.devices_disagree_on_folders() {
            Lesson::Pop3KeepsChangesLocal
        } else if pop3.devices_disagree_on_seen() && !imap.devices_disagree_on_seen() {
            Lesson::Pop3KeepsFlagsLocal
        } else {
            Lesson::Pop3KeepsChangesLocal
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::device::{DeviceKind, Receiving};
    use crate::table::MessageRef;

    fn devices(world: &World) -> BTreeMap<String, Device> {
        [DeviceKind::Phone, DeviceKind::Laptop]
            .into_iter()
            .map(|k| {
                let a = world.store.account("bob").expect("bob");
                let d = Device::new(k, a, "mail.example.test", Receiving::Imap { idle: false });
                (d.id(), d)
            })
            .collect()
    }

    fn end(s: &Scenario) -> EndState {
        let world = World::demo();
        let d = devices(&world);
        let mut table = Table::new(world, d);
        s.play(&mut table, Timestamp(1_000_000));
        let used = s.start.keys().cloned().collect();
        EndState::of(table.world(), table.devices(), &used)
    }

    fn check_on_phone_then_laptop() -> Scenario {
        let world = World::demo();
        let mut s = Scenario::new("demo", &devices(&world));
        s.steps = vec![
            Action::Check {
                device: "bob-phone".into(),
            },
            Action::Check {
                device: "bob-laptop".into(),
            },
        ];
        s
    }

    #[test]
    fn pop3_delete_after_download_leaves_the_laptop_nothing() {
        let imap = check_on_phone_then_laptop();
        assert!(imap.mostly_imap());
        let pop3 = imap.flipped(Reading::Pop3Delete);
        let (a, b) = (end(&imap), end(&pop3));
        assert_eq!(a.devices["bob-phone"][INBOX].len(), 5);
        assert_eq!(a.devices["bob-laptop"][INBOX].len(), 5);
        assert_eq!(b.devices["bob-phone"][INBOX].len(), 5);
        assert_eq!(b.devices["bob-laptop"][INBOX].len(), 0);
        assert_eq!(b.server["bob"][INBOX].len(), 0);
        assert_eq!(Lesson::of(&a, &b), Lesson::Pop3EmptiedTheServer);
    }

    /// Both devices check, the phone sets `flag` on one message, the laptop checks again.
    fn marked_on_phone_then_checked_on_laptop(flag: Flag) -> Scenario {
        let mut s = check_on_phone_then_laptop();
        s.steps.push(Action::Flag {
            device: "bob-phone".into(),
            message: MessageRef {
                folder: INBOX.into(),
                message_id: None,
                subject: "Plans for the new shed".into(),
                nth: 0,
            },
            flag,
            on: true,
        });
        s.steps.push(Action::Check {
            device: "bob-laptop".into(),
        });
        s
    }

    #[test]
    fn a_read_mark_travels_with_imap_only() {
        let s = marked_on_phone_then_checked_on_laptop(Flag::Seen);
        let (a, b) = (end(&s), end(&s.flipped(Reading::Pop3Leave)));
        assert_eq!(
            Lesson::of(&a, &b),
            Lesson::Pop3KeepsFlagsLocal,
            "{a:?}\n{b:?}"
        );
    }

    fn row(subject: &str, seen: bool, flagged: bool) -> Row {
        Row {
            subject: subject.into(),
            seen,
            flagged,
        }
    }

    #[test]
    fn each_row_says_what_differs_on_the_other_side() {
        let mine = [
            row("Tea", false, false),
            row("Tea", true, false),
            row("Shed", true, true),
            row("Lunch", false, false),
            row("Plans", false, true),
        ];
        let theirs = [
            row("Tea", true, false),
            row("Shed", true, false),
            row("Plans", true, false),
        ];
        assert_eq!(
            Row::differences(&mine, &theirs),
            [
                Some(Difference::Missing),
                None,
                Some(Difference::Marks {
                    seen: false,
                    flagged: true
                }),
                Some(Difference::Missing),
                Some(Difference::Marks {
                    seen: true,
                    flagged: true
                }),
            ]
        );
        assert_eq!(Row::differences(&mine, &mine), [None; 5]);
    }

    #[test]
    fn a_flag_travels_with_imap_and_the_comparison_sees_it() {
        let s = marked_on_phone_then_checked_on_laptop(Flag::Flagged);
        let (a, b) = (end(&s), end(&s.flipped(Reading::Pop3Leave)));
        let flagged =
            |e: &EndState, d: &str| e.devices[d][INBOX].iter().filter(|r| r.flagged).count();
        assert_eq!(
            (flagged(&a, "bob-laptop"), flagged(&b, "bob-laptop")),
            (1, 0)
        );
        let laptop = Row::differences(
            &a.devices["bob-laptop"][INBOX],
            &b.devices["bob-laptop"][INBOX],
        );
        let flag_differs =
            |d: &&Option<Difference>| matches!(d, Some(Difference::Marks { flagged: true, .. }));
        assert_eq!(laptop.iter().filter(flag_differs).count(), 1, "{laptop:?}");
    }

    #[test]
    fn a_scenario_survives_json_and_refuses_other_versions() {
        let s = check_on_phone_then_laptop();
        assert_eq!(Scenario::from_json(&s.to_json()), Ok(s.clone()));
        let old = s.to_json().replace("\"version\": 1", "\"version\": 0");
        assert_eq!(Scenario::from_json(&old), Err(ScenarioError::Version(0)));
        assert_eq!(Scenario::from_fragment(&s.to_fragment()), Ok(s.clone()));
        assert!(Scenario::from_fragment("%%%").is_err());
        assert!(matches!(
            Scenario::from_json("{\"version\":1}"),
            Err(ScenarioError::Unreadable(_))
        ));
        let typing = s
            .to_json()
            .replace(r#""do": "check""#, r#""do": "type", "line": "QUIT""#);
        assert!(matches!(
            Scenario::from_json(&typing),
            Err(ScenarioError::Unreadable(_))
        ));
    }
}

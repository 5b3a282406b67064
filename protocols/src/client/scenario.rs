//! A scenario: what the learner did on the devices (check on the phone, read on the laptop,
//! delete on the tablet…), written so it can be played again from the same starting world,
//! under the protocol it was recorded with or under the other one, and its two end states
//! compared.
//!
//! Messages are named by Message-ID (and subject, for a message without one), never by UID
//! or by a device's own number: those differ between IMAP and POP3, the Message-ID does not.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::compose::Draft;
use super::device::{Action, Device, Key, Receiving};
use super::fetch::Keep;
use super::headless;
use crate::store::{Flag, INBOX};
use crate::time::Timestamp;
use crate::World;

/// Bumped when the saved form changes; another version is refused, not guessed at.
pub const VERSION: u32 = 1;

/// How a device reads mail, as a scenario writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reading {
    Imap,
    Pop3Delete,
    Pop3Leave,
}

impl Reading {
    pub fn of(r: Receiving) -> Reading {
        match r {
            Receiving::Imap { .. } => Reading::Imap,
            Receiving::Pop3 {
                keep: Keep::DeleteAfterDownload,
            } => Reading::Pop3Delete,
            Receiving::Pop3 { .. } => Reading::Pop3Leave,
        }
    }

    pub fn receiving(self) -> Receiving {
        match self {
            Reading::Imap => Receiving::Imap { idle: false },
            Reading::Pop3Delete => Receiving::Pop3 {
                keep: Keep::DeleteAfterDownload,
            },
            Reading::Pop3Leave => Receiving::Pop3 {
                keep: Keep::LeaveOnServer,
            },
        }
    }

    pub fn is_imap(self) -> bool {
        self == Reading::Imap
    }
}

/// Which message, in terms every device shares.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageRef {
    pub folder: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    pub subject: String,
}

impl MessageRef {
    /// The reference to a message a device shows.
    pub fn of(device: &Device, folder: &str, key: Key) -> Option<MessageRef> {
        let summary = device.message(folder, key)?.summary();
        Some(MessageRef {
            folder: folder.to_owned(),
            message_id: summary.message_id,
            subject: summary.subject,
        })
    }

    /// The message on `device` this names, if the device has it there.
    pub fn find(&self, device: &Device) -> Option<Key> {
        let folder = device.folders.get(&self.folder)?;
        folder
            .messages
            .iter()
            .find(|m| {
                let s = m.summary();
                match &self.message_id {
                    Some(id) => s.message_id.as_ref() == Some(id),
                    None => s.subject == self.subject,
                }
            })
            .map(|m| m.key)
    }
}

/// One thing done on a device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "do", rename_all = "kebab-case")]
pub enum Step {
    /// The device's settings were switched to another way of reading.
    Reading {
        device: String,
        reading: Reading,
    },
    Check {
        device: String,
    },
    Flag {
        device: String,
        message: MessageRef,
        flag: Flag,
        on: bool,
    },
    Delete {
        device: String,
        message: MessageRef,
    },
    Move {
        device: String,
        message: MessageRef,
        to: String,
    },
    CreateFolder {
        device: String,
        name: String,
    },
    Send {
        device: String,
        draft: Draft,
    },
}

impl Step {
    /// Does the step on its device with nobody watching. A step that names a device or a
    /// message the world does not have is passed over, as a learner could not have
    /// clicked it.
    pub fn play(&self, world: &mut World, devices: &mut BTreeMap<String, Device>, at: Timestamp) {
        let Some(device) = devices.get_mut(self.device()) else {
            return;
        };
        match self {
            Step::Reading { reading, .. } => device.set_receiving(reading.receiving()),
            Step::Check { .. } => headless::check(world, device, at),
            Step::Send { draft, .. } => headless::send(world, device, draft, None, at),
            other => {
                if let Some(action) = other.action(device) {
                    headless::act(world, device, action, at);
                }
            }
        }
    }

    pub fn device(&self) -> &str {
        match self {
            Step::Reading { device, .. }
            | Step::Check { device }
            | Step::Flag { device, .. }
            | Step::Delete { device, .. }
            | Step::Move { device, .. }
            | Step::CreateFolder { device, .. }
            | Step::Send { device, .. } => device,
        }
    }

    /// The step for what a device did, or None for what a scenario does not replay (a
    /// message the device cannot name).
    pub fn of_action(device: &Device, action: &Action) -> Option<Step> {
        let id = device.id();
        Some(match action {
            Action::SetFlag {
                folder,
                key,
                flag,
                on,
            } => Step::Flag {
                device: id,
                message: MessageRef::of(device, folder, *key)?,
                flag: flag.clone(),
                on: *on,
            },
            Action::Delete { folder, key } => Step::Delete {
                device: id,
                message: MessageRef::of(device, folder, *key)?,
            },
            Action::Move { folder, key, to } => Step::Move {
                device: id,
                message: MessageRef::of(device, folder, *key)?,
                to: to.clone(),
            },
            Action::CreateFolder { name } => Step::CreateFolder {
                device: id,
                name: name.clone(),
            },
        })
    }

    /// The device action this step is on `device`, when it is one and the device has the
    /// message it names.
    pub fn action(&self, device: &Device) -> Option<Action> {
        let key = |m: &MessageRef| m.find(device);
        Some(match self {
            Step::Flag {
                message, flag, on, ..
            } => Action::SetFlag {
                folder: message.folder.clone(),
                key: key(message)?,
                flag: flag.clone(),
                on: *on,
            },
            Step::Delete { message, .. } => Action::Delete {
                folder: message.folder.clone(),
                key: key(message)?,
            },
            Step::Move { message, to, .. } => Action::Move {
                folder: message.folder.clone(),
                key: key(message)?,
                to: to.clone(),
            },
            Step::CreateFolder { name, .. } => Action::CreateFolder { name: name.clone() },
            _ => return None,
        })
    }

    /// The same step under the other protocol: IMAP becomes `pop3`, POP3 becomes IMAP.
    fn flipped(&self, pop3: Reading) -> Step {
        match self {
            Step::Reading { device, reading } => Step::Reading {
                device: device.clone(),
                reading: flip(*reading, pop3),
            },
            other => other.clone(),
        }
    }
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
    pub version: u32,
    /// The built-in world it starts from (`demo`, `empty`, …).
    pub preset: String,
    /// How each device read mail at the start.
    pub start: BTreeMap<String, Reading>,
    pub steps: Vec<Step>,
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
    pub fn new(preset: &str, devices: &BTreeMap<String, Device>) -> Scenario {
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

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

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
        Ok(scenario)
    }

    /// The scenario as a URL fragment's value: its JSON in base64url (RFC 4648 §5), so a
    /// link carries it whole and no server ever sees it.
    pub fn to_fragment(&self) -> String {
        super::link::encode(self)
    }

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
                Step::Reading { reading, .. } => Some(*reading),
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
            steps: self.steps.iter().map(|s| s.flipped(pop3)).collect(),
            ..self.clone()
        }
    }

    /// Plays the steps on `world` and `devices` (as the preset starts them), each device
    /// first set to read as `start` says. Steps that name a message a device does not
    /// have are passed over, as a learner could not have clicked it.
    pub fn play(&self, world: &mut World, devices: &mut BTreeMap<String, Device>, now: Timestamp) {
        for (id, reading) in &self.start {
            if let Some(d) = devices.get_mut(id) {
                d.set_receiving(reading.receiving());
            }
        }
        for (i, step) in self.steps.iter().enumerate() {
            // Each step a few seconds after the last, so dates keep their order.
            step.play(world, devices, now.plus_seconds(i as i64 * 5));
        }
    }
}

/// A message as an end state lists it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Row {
    pub subject: String,
    pub seen: bool,
}

/// Where the messages are at the end: on each device (by folder), and on the server (by
/// account and mailbox), for the people whose devices the scenario used.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EndState {
    pub devices: BTreeMap<String, BTreeMap<String, Vec<Row>>>,
    pub server: BTreeMap<String, BTreeMap<String, Vec<Row>>>,
}

impl EndState {
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
    use crate::client::device::DeviceKind;

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
        let mut world = World::demo();
        let mut d = devices(&world);
        s.play(&mut world, &mut d, Timestamp(1_000_000));
        let used = s.start.keys().cloned().collect();
        EndState::of(&world, &d, &used)
    }

    fn check_on_phone_then_laptop() -> Scenario {
        let world = World::demo();
        let mut s = Scenario::new("demo", &devices(&world));
        s.steps = vec![
            Step::Check {
                device: "bob-phone".into(),
            },
            Step::Check {
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

    #[test]
    fn a_read_mark_travels_with_imap_only() {
        let mut s = check_on_phone_then_laptop();
        s.steps.push(Step::Flag {
            device: "bob-phone".into(),
            message: MessageRef {
                folder: INBOX.into(),
                message_id: None,
                subject: "Plans for the new shed".into(),
            },
            flag: Flag::Seen,
            on: true,
        });
        s.steps.push(Step::Check {
            device: "bob-laptop".into(),
        });
        let (a, b) = (end(&s), end(&s.flipped(Reading::Pop3Leave)));
        assert_eq!(
            Lesson::of(&a, &b),
            Lesson::Pop3KeepsFlagsLocal,
            "{a:?}\n{b:?}"
        );
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
    }
}

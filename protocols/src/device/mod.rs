//! A learner's device: a small mail app with its own local state, set up for POP3 or IMAP.
//!
//! The state is the lesson. A POP3 device keeps its own copies (they stay when the server
//! deletes its copy) and remembers what it downloaded by UIDL; flags, folders and Sent live
//! on this device only. An IMAP device shows the server's folders as its last sync saw them;
//! what the user does is sent to the server, and the device shows the result of that sync.
//!
//! The device decides *what* to do; the wire clients ([`crate::client::submit`],
//! [`crate::client::fetch`], [`crate::client::sync`]) say it to the server; the table
//! carries their bytes. Here too: composing a message ([`compose`]), the demo world's
//! people and their devices ([`people`]), and why a device's last action failed
//! ([`problem`]).

pub mod compose;
pub mod people;
pub mod problem;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use self::compose::Draft;
use crate::client::fetch::{Fetched, Keep, Retrieval};
use crate::client::settings::{
    AccountSettings, Authentication, ConnectionSecurity, ServerSettings,
};
use crate::client::submit::{Mechanism, Submission};
use crate::client::sync::{Known, Op, Scope, SyncJob, Synced};
use crate::port::{Port, Service};
use crate::store::{Account, Flag, SpecialUse, Summary, INBOX};
use crate::time::Timestamp;

/// What kind of device it is: it changes nothing but its name and its picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum DeviceKind {
    /// A phone.
    Phone,
    /// A laptop.
    Laptop,
    /// A tablet.
    Tablet,
}

impl DeviceKind {
    /// The device's kind in its id (`phone`).
    pub fn slug(self) -> &'static str {
        match self {
            DeviceKind::Phone => "phone",
            DeviceKind::Laptop => "laptop",
            DeviceKind::Tablet => "tablet",
        }
    }
}

/// How the device reads mail: the incoming protocol of its settings (where it connects is
/// in its [`AccountSettings`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Receiving {
    /// POP3: download, then keep or delete the server's copy.
    Pop3 {
        /// What happens to the server's copy.
        keep: Keep,
    },
    /// `idle`: stay connected on INBOX to hear of new mail at once (RFC 2177).
    Imap {
        /// Stay connected on INBOX in IDLE to hear of new mail at once.
        idle: bool,
    },
}

impl Receiving {
    /// Whether the device reads with IMAP.
    pub fn is_imap(self) -> bool {
        matches!(self, Receiving::Imap { .. })
    }

    /// The protocol it reads with.
    pub fn service(self) -> Service {
        match self {
            Receiving::Pop3 { .. } => Service::Pop3,
            Receiving::Imap { .. } => Service::Imap,
        }
    }

    /// The way of reading once a settings preset is chosen: IMAP as the device had it
    /// (keeping IDLE), or the old setup's POP3 that deletes after download.
    pub fn under(self, preset: crate::client::settings::SettingsPreset) -> Receiving {
        match (preset.service(), self) {
            (Service::Imap, Receiving::Imap { idle }) => Receiving::Imap { idle },
            (Service::Imap, _) => Receiving::Imap { idle: false },
            _ => Receiving::Pop3 {
                keep: Keep::DeleteAfterDownload,
            },
        }
    }
}

/// Which message of a folder: its server UID (IMAP), or a number this device gave it (a
/// POP3 download, or a message kept only here).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Key {
    /// A message on the server, by its UID in the folder.
    Uid(u32),
    /// A message only this device has, by its own number.
    Local(u32),
}

/// A message as a device holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalMessage {
    /// Which message of its folder.
    pub key: Key,
    /// The whole message, as it was received.
    #[serde(with = "raw_text")]
    pub raw: Vec<u8>,
    /// Its flags, as the device shows them.
    pub flags: BTreeSet<Flag>,
}

impl LocalMessage {
    /// Its sender, subject and date, read from its header.
    pub fn summary(&self) -> Summary {
        Summary::of(&self.raw)
    }

    /// Whether it has a flag.
    pub fn has(&self, flag: &Flag) -> bool {
        self.flags.contains(flag)
    }
}

/// A folder as a device shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalFolder {
    /// What the folder is for (Sent, Trash…, RFC 6154), if the server said.
    pub special_use: Option<SpecialUse>,
    /// The UIDVALIDITY its UIDs belong to: if the server's changes, the device starts over.
    pub uid_validity: u32,
    /// Its messages, in order.
    pub messages: Vec<LocalMessage>,
}

impl LocalFolder {
    /// How many messages are not read.
    pub fn unseen(&self) -> usize {
        self.messages.iter().filter(|m| !m.has(&Flag::Seen)).count()
    }
}

/// A change the user asks of a message or a folder, in the device's own numbers (the
/// table's actions name messages by Message-ID and turn into these on the device).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Mark read or unread, flag or unflag.
    SetFlag {
        /// The folder.
        folder: String,
        /// The message.
        key: Key,
        /// The flag.
        flag: Flag,
        /// Set (true) or cleared.
        on: bool,
    },
    /// Delete (to Trash where there is one).
    Delete {
        /// The folder.
        folder: String,
        /// The message.
        key: Key,
    },
    /// Move to another folder.
    Move {
        /// The folder.
        folder: String,
        /// The message.
        key: Key,
        /// The folder it goes to.
        to: String,
    },
    /// Create a folder.
    CreateFolder {
        /// Its name.
        name: String,
    },
}

/// Sending: the submission, then for an IMAP device the copy for Sent (and the reply mark).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sending {
    /// The message to hand to the outgoing server.
    pub submission: Submission,
    /// The copy to save in Sent (IMAP), to run once it was sent.
    pub save: Option<SyncJob>,
}

/// A person's device with its mail app: settings, and the folders it shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Device {
    /// Its kind.
    pub kind: DeviceKind,
    /// Whose device it is.
    pub login: String,
    /// Its owner's address.
    pub address: String,
    /// Its owner's name, as the From line shows it.
    pub display_name: String,
    /// How it reads mail.
    pub receiving: Receiving,
    /// Servers, ports, security and login, as the account setup has them.
    pub settings: AccountSettings,
    /// Its folders, by name.
    pub folders: BTreeMap<String, LocalFolder>,
    /// POP3: what was downloaded, by unique-id, and when.
    pub downloaded: BTreeMap<String, Timestamp>,
    /// Whether an IMAP device has synced at least once.
    pub synced: bool,
    next_local: u32,
}

/// The right settings for reading with `receiving` from `host`: TLS from the start for
/// reading (993 or 995), submission with STARTTLS (587), a normal password.
pub fn suited_settings(
    receiving: Receiving,
    host: &str,
    user_name: &str,
    password: &str,
) -> AccountSettings {
    let incoming = match receiving {
        Receiving::Imap { .. } => Port::IMAPS,
        Receiving::Pop3 { .. } => Port::POP3S,
    };
    AccountSettings {
        incoming: ServerSettings::suited(host, incoming),
        outgoing: ServerSettings::suited(host, Port::SUBMISSION),
        user_name: user_name.to_owned(),
        password: password.to_owned(),
    }
}

/// The folders a POP3 device keeps for itself.
const LOCAL_FOLDERS: [(&str, Option<SpecialUse>); 4] = [
    (INBOX, None),
    ("Drafts", Some(SpecialUse::Drafts)),
    ("Sent", Some(SpecialUse::Sent)),
    ("Trash", Some(SpecialUse::Trash)),
];

impl Device {
    /// A device set up right for `account`, whose mail server is `host`
    /// ([`suited_settings`]).
    pub fn new(kind: DeviceKind, account: &Account, host: &str, receiving: Receiving) -> Device {
        let mut device = Device {
            kind,
            login: account.login.clone(),
            address: account.address.to_string(),
            display_name: account.display_name.clone(),
            receiving,
            settings: suited_settings(receiving, host, &account.login, &account.password),
            folders: BTreeMap::new(),
            downloaded: BTreeMap::new(),
            synced: false,
            next_local: 1,
        };
        device.reset_folders();
        device
    }

    /// `bob-phone`: how the page and the tests name it.
    pub fn id(&self) -> String {
        format!("{}-{}", self.login, self.kind.slug())
    }

    /// The name it gives in EHLO: `phone.example.test`.
    pub fn hostname(&self) -> String {
        let domain = self.address.rsplit('@').next().unwrap_or("example.test");
        format!("{}.{domain}", self.kind.slug())
    }

    /// A new way of reading mail starts from an empty app, as a newly added account does.
    /// Switching between POP3 and IMAP moves the port to the new protocol's, as a mail app's
    /// setup does, when it was the old protocol's usual one.
    pub fn set_receiving(&mut self, receiving: Receiving) {
        let switched = self.receiving.is_imap() != receiving.is_imap();
        self.receiving = receiving;
        if switched {
            let incoming = &mut self.settings.incoming;
            let tls = incoming.security == ConnectionSecurity::SslTls;
            let usual = |service| {
                Port::of(service)
                    .find(|p| p.starts_encrypted() == tls)
                    .map(|p| p.number)
            };
            let (from, to) = match receiving {
                Receiving::Imap { .. } => (Service::Pop3, Service::Imap),
                Receiving::Pop3 { .. } => (Service::Imap, Service::Pop3),
            };
            if Some(incoming.port) == usual(from) {
                incoming.port = usual(to).unwrap_or(incoming.port);
            }
            self.downloaded.clear();
            self.synced = false;
            self.reset_folders();
        }
    }

    fn reset_folders(&mut self) {
        self.folders = if self.receiving.is_imap() {
            BTreeMap::new()
        } else {
            LOCAL_FOLDERS
                .iter()
                .map(|(name, special_use)| {
                    let folder = LocalFolder {
                        special_use: *special_use,
                        ..LocalFolder::default()
                    };
                    ((*name).to_owned(), folder)
                })
                .collect()
        };
    }

    /// A message of a folder, by key.
    pub fn message(&self, folder: &str, key: Key) -> Option<&LocalMessage> {
        self.folders
            .get(folder)?
            .messages
            .iter()
            .find(|m| m.key == key)
    }

    /// The folder holding sent mail, by its special use (RFC 6154), not by its name.
    pub fn sent_folder(&self) -> String {
        self.special(SpecialUse::Sent)
            .unwrap_or_else(|| "Sent".into())
    }

    fn special(&self, use_: SpecialUse) -> Option<String> {
        self.folders
            .iter()
            .find(|(_, f)| f.special_use == Some(use_))
            .map(|(n, _)| n.clone())
    }

    /// "Check mail" as this device's protocol does it.
    pub fn check(&self, now: Timestamp) -> Check {
        match self.receiving {
            Receiving::Pop3 { keep, .. } => Check::Fetch(Retrieval {
                user: self.settings.user_name.clone(),
                password: self.settings.password.clone(),
                known: self.downloaded.clone(),
                keep,
                now,
            }),
            Receiving::Imap { idle, .. } => {
                Check::Sync(self.sync_job(Scope::Everything, Vec::new(), idle))
            }
        }
    }

    fn sync_job(&self, scope: Scope, ops: Vec<Op>, idle: bool) -> SyncJob {
        let known = self
            .folders
            .iter()
            .map(|(name, f)| {
                let uids = f
                    .messages
                    .iter()
                    .filter_map(|m| match m.key {
                        Key::Uid(u) => Some(u),
                        Key::Local(_) => None,
                    })
                    .collect();
                let known = Known {
                    uid_validity: f.uid_validity,
                    uids,
                };
                (name.clone(), known)
            })
            .collect();
        SyncJob {
            user: self.settings.user_name.clone(),
            password: self.settings.password.clone(),
            ops,
            scope,
            known,
            idle,
            authenticate: false,
        }
    }

    /// A message from this device's user, ready to submit; an IMAP device also saves a copy
    /// to Sent with APPEND, and marks the original `\Answered` when it is a reply.
    pub fn send(&self, draft: &Draft, now: Timestamp, replying_to: Option<(&str, Key)>) -> Sending {
        let message_id = format!("{}.{}@{}", now.0, self.kind.slug(), self.hostname());
        let message = draft.message(&self.display_name, &self.address, now, &message_id);
        let submission = Submission {
            client: self.hostname(),
            user: self.settings.user_name.clone(),
            password: self.settings.password.clone(),
            from: self.address.clone(),
            to: draft.recipients(),
            message: message.clone(),
            mechanism: match self.settings.outgoing.authentication {
                Authentication::NormalPassword => Some(Mechanism::Plain),
                Authentication::NoAuthentication => None,
            },
        };
        let save = match self.receiving {
            Receiving::Imap { idle, .. } => {
                let sent = self.sent_folder();
                let mut ops = vec![Op::Append {
                    mailbox: sent.clone(),
                    flags: vec![Flag::Seen],
                    message,
                }];
                let mut folders = vec![sent];
                if let Some((folder, Key::Uid(uid))) = replying_to {
                    ops.push(Op::SetFlag {
                        mailbox: folder.to_owned(),
                        uid,
                        flag: Flag::Answered,
                        on: true,
                    });
                    folders.push(folder.to_owned());
                }
                Some(self.sync_job(Scope::Folders(folders), ops, idle))
            }
            Receiving::Pop3 { .. } => None,
        };
        Sending { submission, save }
    }

    /// After the server took a message: a POP3 device files its copy in its own Sent, and
    /// marks the original answered, here only.
    pub fn sent(&mut self, message: Vec<u8>, replying_to: Option<(&str, Key)>) {
        if self.receiving.is_imap() {
            return;
        }
        let sent = self.sent_folder();
        self.keep_local(&sent, message, BTreeSet::from([Flag::Seen]));
        if let Some((folder, key)) = replying_to {
            self.set_local_flag(folder, key, Flag::Answered, true);
        }
    }

    /// Keeps an unfinished message in Drafts, marked `\Draft`: on the server by APPEND for
    /// an IMAP device (every device sees it), here only for a POP3 device.
    pub fn save_draft(&mut self, draft: &Draft, now: Timestamp) -> Option<SyncJob> {
        let message_id = format!("{}.draft.{}@{}", now.0, self.kind.slug(), self.hostname());
        let message = draft.message(&self.display_name, &self.address, now, &message_id);
        let drafts = self
            .special(SpecialUse::Drafts)
            .unwrap_or_else(|| "Drafts".into());
        let flags = [Flag::Draft, Flag::Seen];
        match self.receiving {
            Receiving::Imap { idle, .. } => {
                let ops = vec![Op::Append {
                    mailbox: drafts.clone(),
                    flags: flags.to_vec(),
                    message,
                }];
                Some(self.sync_job(Scope::Folders(vec![drafts]), ops, idle))
            }
            Receiving::Pop3 { .. } => {
                self.keep_local(&drafts, message, flags.into());
                None
            }
        }
    }

    fn keep_local(&mut self, folder: &str, raw: Vec<u8>, flags: BTreeSet<Flag>) {
        let key = Key::Local(self.next_local);
        self.next_local += 1;
        self.folders
            .entry(folder.to_owned())
            .or_default()
            .messages
            .push(LocalMessage { key, raw, flags });
    }

    /// Does what the user asked. A POP3 device changes only itself and returns None; an
    /// IMAP device returns the sync that tells the server, and shows its result after.
    pub fn act(&mut self, edit: Edit) -> Option<SyncJob> {
        let Receiving::Imap { idle, .. } = self.receiving else {
            self.act_locally(edit);
            return None;
        };
        let uid = |key: Key| match key {
            Key::Uid(u) => Some(u),
            Key::Local(_) => None,
        };
        let (ops, folders) = match edit {
            Edit::SetFlag {
                folder,
                key,
                flag,
                on,
            } => (
                vec![Op::SetFlag {
                    mailbox: folder.clone(),
                    uid: uid(key)?,
                    flag,
                    on,
                }],
                vec![folder],
            ),
            Edit::Delete { folder, key } => {
                let uid = uid(key)?;
                match self.special(SpecialUse::Trash).filter(|t| *t != folder) {
                    // Like most mail apps: Delete moves to Trash; in Trash it removes.
                    Some(trash) => (
                        vec![Op::Move {
                            mailbox: folder.clone(),
                            uid,
                            to: trash.clone(),
                        }],
                        vec![folder, trash],
                    ),
                    None => (
                        vec![Op::Expunge {
                            mailbox: folder.clone(),
                            uid,
                        }],
                        vec![folder],
                    ),
                }
            }
            Edit::Move { folder, key, to } => (
                vec![Op::Move {
                    mailbox: folder.clone(),
                    uid: uid(key)?,
                    to: to.clone(),
                }],
                vec![folder, to],
            ),
            Edit::CreateFolder { name } => (vec![Op::Create { name }], Vec::new()),
        };
        let scope = if folders.is_empty() {
            Scope::Everything
        } else {
            Scope::Folders(folders)
        };
        Some(self.sync_job(scope, ops, idle))
    }

    fn act_locally(&mut self, edit: Edit) {
        match edit {
            Edit::SetFlag {
                folder,
                key,
                flag,
                on,
            } => self.set_local_flag(&folder, key, flag, on),
            Edit::Delete { folder, key } => match self.special(SpecialUse::Trash) {
                Some(trash) if trash != folder => self.move_local(&folder, key, &trash),
                _ => {
                    self.take_local(&folder, key);
                }
            },
            Edit::Move { folder, key, to } => self.move_local(&folder, key, &to),
            Edit::CreateFolder { name } => {
                self.folders.entry(name).or_default();
            }
        }
    }

    fn set_local_flag(&mut self, folder: &str, key: Key, flag: Flag, on: bool) {
        let message = self
            .folders
            .get_mut(folder)
            .and_then(|f| f.messages.iter_mut().find(|m| m.key == key));
        if let Some(m) = message {
            if on {
                m.flags.insert(flag);
            } else {
                m.flags.remove(&flag);
            }
        }
    }

    fn take_local(&mut self, folder: &str, key: Key) -> Option<LocalMessage> {
        let messages = &mut self.folders.get_mut(folder)?.messages;
        let at = messages.iter().position(|m| m.key == key)?;
        Some(messages.remove(at))
    }

    fn move_local(&mut self, folder: &str, key: Key, to: &str) {
        if folder == to || !self.folders.contains_key(to) {
            return;
        }
        if let Some(m) = self.take_local(folder, key) {
            if let Some(target) = self.folders.get_mut(to) {
                target.messages.push(m);
            }
        }
    }

    /// A POP3 check's result: new messages into the local INBOX, unread; the UIDL list
    /// remembered so nothing is downloaded twice.
    pub fn fetched(&mut self, fetched: Fetched, now: Timestamp) {
        for (uidl, raw) in fetched.messages {
            self.downloaded.insert(uidl, now);
            self.keep_local(INBOX, raw, BTreeSet::new());
        }
        // What the server no longer holds needs no remembering.
        let on_server: BTreeSet<&String> = fetched
            .listed
            .iter()
            .filter(|u| !fetched.deleted.contains(u))
            .collect();
        self.downloaded.retain(|u, _| on_server.contains(u));
    }

    /// An IMAP sync's result: the folders as the server listed them, each message with the
    /// server's flags; bodies kept from before when the UIDs are still valid.
    pub fn synced(&mut self, synced: Synced) {
        self.synced = true;
        if let Some(listed) = synced.listed {
            let names: BTreeSet<&String> = listed.iter().map(|(n, _)| n).collect();
            self.folders.retain(|name, _| names.contains(name));
            for (name, special_use) in &listed {
                self.folders.entry(name.clone()).or_default().special_use = *special_use;
            }
        }
        for (name, remote) in synced.folders {
            let folder = self.folders.entry(name).or_default();
            let valid = folder.uid_validity == remote.uid_validity;
            let mut old: BTreeMap<u32, Vec<u8>> = folder
                .messages
                .drain(..)
                .filter(|_| valid)
                .filter_map(|m| match m.key {
                    Key::Uid(u) => Some((u, m.raw)),
                    Key::Local(_) => None,
                })
                .collect();
            folder.uid_validity = remote.uid_validity;
            folder.messages = remote
                .messages
                .into_iter()
                .filter_map(|(uid, m)| {
                    let raw = m.body.or_else(|| old.remove(&uid))?;
                    Some(LocalMessage {
                        key: Key::Uid(uid),
                        raw,
                        flags: m.flags,
                    })
                })
                .collect();
        }
    }
}

/// What "Check mail" runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    /// POP3: download what is new.
    Fetch(Retrieval),
    /// IMAP: bring the device and the server in line.
    Sync(SyncJob),
}

/// A local copy as text when it is UTF-8 (almost always), base64 otherwise: the saved
/// sandbox stays readable and small.
mod raw_text {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::store::Raw;

    pub fn serialize<S: Serializer>(raw: &[u8], s: S) -> Result<S::Ok, S::Error> {
        Raw::new(raw.to_vec()).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        Ok(Raw::deserialize(d)?.0.to_vec())
    }
}

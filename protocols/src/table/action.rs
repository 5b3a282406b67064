//! What a learner can do, in one vocabulary: open a terminal and type in it, press a
//! device's buttons, change its settings, answer a question. The page's clicks, a lesson's
//! reference solution, a shared scenario and the bench all say it in these words, and the
//! table plays them all the same way.
//!
//! Messages are named by Message-ID (and subject, for a message without one), never by UID
//! or by a device's own number: those differ between IMAP and POP3, the Message-ID does not.

use serde::{Deserialize, Serialize};

use crate::client::fetch::Keep;
use crate::client::settings::{
    AccountSettings, Authentication, ConnectionSecurity, ServerSettings, SettingsPreset,
};
use crate::device::compose::Draft;
use crate::device::{Device, Edit, Key, Receiving};
use crate::store::Flag;

/// One thing a learner does. Saved (in scenarios and kept sandboxes) with its kind under
/// `do`: `{"do": "check", "device": "bob-phone"}`. It is read back by `wire.rs`, from one
/// flat record of its fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "do", rename_all = "kebab-case")]
pub enum Action {
    /// Opens a device's terminal on its account's server, on `port`; the terminal's
    /// previous connection closes first. `lenient`: the server forgives typing mistakes.
    Connect {
        /// The device whose terminal it is (`bob-phone`).
        device: String,
        /// The server port (25, 587, 465, 110, 995, 143 or 993).
        port: u16,
        /// The server forgives typing mistakes (a bare LF, a lower-case command).
        #[serde(default)]
        lenient: bool,
    },
    /// Sends a line (without its CRLF, IMAP tag included) on a device's terminal. With no
    /// device, the terminal typed on or opened last that is still connected.
    Type {
        /// The device whose terminal it is.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        device: Option<String>,
        /// The line.
        line: String,
    },
    /// Closes a device's terminal connection, as a client that goes away does.
    Disconnect {
        /// The device whose terminal it is.
        device: String,
    },
    /// The device's settings were switched to another way of reading.
    Reading {
        /// The device.
        device: String,
        /// Its new way of reading.
        reading: Reading,
    },
    /// "Check mail".
    Check {
        /// The device.
        device: String,
    },
    /// Sets or clears a flag on a message (`\Seen` when it is read).
    Flag {
        /// The device.
        device: String,
        /// The message.
        message: MessageRef,
        /// The flag.
        flag: Flag,
        /// Set (true) or cleared.
        on: bool,
    },
    /// Deletes a message (to Trash, where the device has one).
    Delete {
        /// The device.
        device: String,
        /// The message.
        message: MessageRef,
    },
    /// Moves a message to another folder.
    Move {
        /// The device.
        device: String,
        /// The message.
        message: MessageRef,
        /// The folder it goes to.
        to: String,
    },
    /// Creates a folder.
    CreateFolder {
        /// The device.
        device: String,
        /// The new folder's name.
        name: String,
    },
    /// Writes and sends a message; a reply names the message it answers.
    Send {
        /// The device that sends.
        device: String,
        /// The message as written.
        draft: Draft,
        /// The message answered, for a reply.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        replying_to: Option<MessageRef>,
    },
    /// Keeps an unfinished message in Drafts.
    SaveDraft {
        /// The device.
        device: String,
        /// The message as written so far.
        draft: Draft,
    },
    /// Changes a device's settings as its settings form does.
    Settings {
        /// The device.
        device: String,
        /// What changes.
        #[serde(flatten)]
        change: SettingsChange,
    },
    /// Answers the step's question with these choices, numbered from 1 as they are shown.
    Answer {
        /// The choices, from 1.
        choices: Vec<usize>,
    },
}

impl Action {
    /// The device the action is done on (none for an answer, or a line typed on whichever
    /// terminal is open).
    pub fn device(&self) -> Option<&str> {
        match self {
            Action::Connect { device, .. }
            | Action::Disconnect { device }
            | Action::Reading { device, .. }
            | Action::Check { device }
            | Action::Flag { device, .. }
            | Action::Delete { device, .. }
            | Action::Move { device, .. }
            | Action::CreateFolder { device, .. }
            | Action::Send { device, .. }
            | Action::SaveDraft { device, .. }
            | Action::Settings { device, .. } => Some(device),
            Action::Type { device, .. } => device.as_deref(),
            Action::Answer { .. } => None,
        }
    }

    /// Whether it is done at a terminal (connecting, typing, hanging up) rather than with
    /// a device's buttons.
    pub fn at_terminal(&self) -> bool {
        matches!(
            self,
            Action::Connect { .. } | Action::Type { .. } | Action::Disconnect { .. }
        )
    }

    /// What a device is asked to change on a message or a folder, when the action is one
    /// and the device has the message it names.
    pub fn edit(&self, device: &Device) -> Option<Edit> {
        let key = |m: &MessageRef| m.find(device);
        Some(match self {
            Action::Flag {
                message, flag, on, ..
            } => Edit::SetFlag {
                folder: message.folder.clone(),
                key: key(message)?,
                flag: flag.clone(),
                on: *on,
            },
            Action::Delete { message, .. } => Edit::Delete {
                folder: message.folder.clone(),
                key: key(message)?,
            },
            Action::Move { message, to, .. } => Edit::Move {
                folder: message.folder.clone(),
                key: key(message)?,
                to: to.clone(),
            },
            Action::CreateFolder { name, .. } => Edit::CreateFolder { name: name.clone() },
            _ => return None,
        })
    }

    /// The action for a change a device's buttons ask for, or None when the device does
    /// not show the message it names.
    pub fn of_edit(device: &Device, edit: &Edit) -> Option<Action> {
        let id = device.id();
        Some(match edit {
            Edit::SetFlag {
                folder,
                key,
                flag,
                on,
            } => Action::Flag {
                device: id,
                message: MessageRef::of(device, folder, *key)?,
                flag: flag.clone(),
                on: *on,
            },
            Edit::Delete { folder, key } => Action::Delete {
                device: id,
                message: MessageRef::of(device, folder, *key)?,
            },
            Edit::Move { folder, key, to } => Action::Move {
                device: id,
                message: MessageRef::of(device, folder, *key)?,
                to: to.clone(),
            },
            Edit::CreateFolder { name } => Action::CreateFolder {
                device: id,
                name: name.clone(),
            },
        })
    }
}

/// How a device reads mail, as actions and lessons write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reading {
    /// IMAP: the mail stays on the server, every device sees the same.
    Imap,
    /// POP3, deleting each message from the server once downloaded.
    Pop3Delete,
    /// POP3, leaving a copy on the server.
    Pop3Leave,
}

impl Reading {
    /// How a device's way of receiving reads mail.
    pub fn of(r: Receiving) -> Reading {
        match r {
            Receiving::Imap { .. } => Reading::Imap,
            Receiving::Pop3 {
                keep: Keep::DeleteAfterDownload,
            } => Reading::Pop3Delete,
            Receiving::Pop3 { .. } => Reading::Pop3Leave,
        }
    }

    /// The way of receiving this sets, without IDLE.
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

    /// Whether it is IMAP.
    pub fn is_imap(self) -> bool {
        self == Reading::Imap
    }
}

/// Which message, in terms every device shares.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageRef {
    /// The folder it is in.
    pub folder: String,
    /// Its Message-ID, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    /// Its subject.
    pub subject: String,
    /// For a message without a Message-ID: how many messages with the same subject come
    /// before it in the folder (so the second "Hello" is not taken for the first). A
    /// reference written by hand names the first.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub nth: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl MessageRef {
    /// The reference to a message a device shows.
    pub fn of(device: &Device, folder: &str, key: Key) -> Option<MessageRef> {
        let summary = device.message(folder, key)?.summary();
        let nth = match &summary.message_id {
            Some(_) => 0,
            None => device.folders.get(folder).map_or(0, |f| {
                f.messages
                    .iter()
                    .take_while(|m| m.key != key)
                    .filter(|m| m.summary().subject == summary.subject)
                    .count()
            }),
        };
        Some(MessageRef {
            folder: folder.to_owned(),
            message_id: summary.message_id,
            subject: summary.subject,
            nth,
        })
    }

    /// The message on `device` this names, if the device has it there.
    pub fn find(&self, device: &Device) -> Option<Key> {
        let folder = device.folders.get(&self.folder)?;
        let mut same = folder.messages.iter().filter(|m| {
            let s = m.summary();
            match &self.message_id {
                Some(id) => s.message_id.as_ref() == Some(id),
                None => s.subject == self.subject,
            }
        });
        let nth = if self.message_id.is_some() {
            0
        } else {
            self.nth
        };
        same.nth(nth).map(|m| m.key)
    }
}

/// Settings as they change: a preset, a way of reading, and single fields. The settings
/// form sends every field; a lesson names only those it changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingsChange {
    #[serde(
        default,
        with = "super::slugs::preset_opt",
        skip_serializing_if = "Option::is_none"
    )]
    /// One of the settings a teacher can name in class.
    pub preset: Option<SettingsPreset>,
    /// How the device reads mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<Reading>,
    /// An IMAP device stays connected in IDLE to hear of new mail at once (RFC 2177).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idle: Option<bool>,
    /// The incoming server's fields that change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incoming: Option<ServerChange>,
    /// The outgoing server's fields that change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outgoing: Option<ServerChange>,
    /// The user name the device logs in with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
    /// The password the device logs in with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
}

/// The fields of one server's settings that change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerChange {
    /// The server's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// The port.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u16>,
    #[serde(
        default,
        with = "super::slugs::security_opt",
        skip_serializing_if = "Option::is_none"
    )]
    /// The connection's security.
    pub security: Option<ConnectionSecurity>,
    #[serde(
        default,
        with = "super::slugs::authentication_opt",
        skip_serializing_if = "Option::is_none"
    )]
    /// How the device logs in.
    pub authentication: Option<Authentication>,
}

impl ServerChange {
    /// Every field of `server`: the settings form hands over the whole of it.
    fn whole(server: &ServerSettings) -> ServerChange {
        ServerChange {
            host: Some(server.host.clone()),
            port: Some(server.port),
            security: Some(server.security),
            authentication: Some(server.authentication),
        }
    }

    fn apply(&self, server: &mut ServerSettings) {
        if let Some(host) = &self.host {
            server.host.clone_from(host);
        }
        if let Some(port) = self.port {
            server.port = port;
        }
        if let Some(security) = self.security {
            server.security = security;
        }
        if let Some(authentication) = self.authentication {
            server.authentication = authentication;
        }
    }
}

impl SettingsChange {
    /// The change to exactly these settings and this way of reading, as the settings form
    /// saves them.
    pub fn to(receiving: Receiving, settings: &AccountSettings) -> SettingsChange {
        SettingsChange {
            preset: None,
            reading: Some(Reading::of(receiving)),
            idle: match receiving {
                Receiving::Imap { idle } => Some(idle),
                Receiving::Pop3 { .. } => None,
            },
            incoming: Some(ServerChange::whole(&settings.incoming)),
            outgoing: Some(ServerChange::whole(&settings.outgoing)),
            user_name: Some(settings.user_name.clone()),
            password: Some(settings.password.clone()),
        }
    }

    /// The device's way of reading and its settings once changed, as the settings form
    /// hands them to the device: a preset first, then the fields named.
    pub fn apply(&self, device: &Device) -> (Receiving, AccountSettings) {
        let mut receiving = device.receiving;
        let mut settings = device.settings.clone();
        if let Some(preset) = self.preset {
            let s = &device.settings;
            settings = preset.settings(&s.incoming.host, &s.user_name, &s.password);
            receiving = receiving.under(preset);
        }
        if let Some(reading) = self.reading {
            receiving = reading.receiving();
        }
        if let (Some(idle), Receiving::Imap { .. }) = (self.idle, receiving) {
            receiving = Receiving::Imap { idle };
        }
        if let Some(c) = &self.incoming {
            c.apply(&mut settings.incoming);
        }
        if let Some(c) = &self.outgoing {
            c.apply(&mut settings.outgoing);
        }
        if let Some(name) = &self.user_name {
            settings.user_name.clone_from(name);
        }
        if let Some(password) = &self.password {
            settings.password.clone_from(password);
        }
        (receiving, settings)
    }
}

/// Sets a device as the settings form does: the settings, then the way of reading (which
/// moves the usual port along when it switches protocol).
pub fn set_up(device: &mut Device, (receiving, settings): (Receiving, AccountSettings)) {
    device.settings = settings;
    device.set_receiving(receiving);
}

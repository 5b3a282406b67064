//! A step's goals: predicates over the world, the devices, and the trace of what happened
//! since the step began. A goal is met when the learner did what the step asks, whichever
//! way they did it (typed, clicked, or pressed "Show me").

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::client::settings::{Authentication, ConnectionSecurity, ServerSettings};
use crate::device::Device;
use crate::output::Event;
use crate::port::Service;
use crate::store::{Flag, Store, Summary};
use crate::trace::{begins_with, exchanges, Seen};
use crate::World;

/// A goal as the checklist shows it: the sentence, and the predicate that ticks it. A
/// lesson file writes it as `says = "…"` and one key naming the check (`sent = { … }`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Goal {
    /// What to do, as the checklist says it ("Greet the server with EHLO").
    pub says: String,
    /// How the site checks it.
    #[serde(flatten)]
    pub check: Check,
}

impl<'de> Deserialize<'de> for Goal {
    /// Read by hand so that a misspelt check is named in the error with the ones there are
    /// (serde's flatten would only say that none matched).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Goal, D::Error> {
        use serde::de::Error;
        let mut fields = serde_json::Map::deserialize(d)?;
        let says = match fields.remove("says") {
            Some(serde_json::Value::String(s)) => s,
            _ => {
                return Err(D::Error::custom(
                    "a goal needs `says = \"…\"`, the sentence its checklist shows",
                ))
            }
        };
        if fields.len() != 1 {
            let keys: Vec<&String> = fields.keys().collect();
            return Err(D::Error::custom(format!(
                "a goal has `says` and exactly one check (sent, reply, delivered, accepted, event, message, mailbox, device, setting, quiz), not {keys:?}"
            )));
        }
        let check =
            serde_json::from_value(serde_json::Value::Object(fields)).map_err(D::Error::custom)?;
        Ok(Goal { says, check })
    }
}

/// What the site checks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Check {
    /// A command was sent, perhaps on a given service, port or state, perhaps answered in
    /// a given way.
    Sent(Sent),
    /// A server line began with these words (`503`, `-ERR`, `* # EXISTS`).
    Reply(Reply),
    /// A message was delivered to an account's mailbox (INBOX unless named).
    Delivered(Delivered),
    /// One message was accepted for at least this many recipients (one transaction).
    Accepted {
        /// How many recipients, at least.
        recipients: usize,
    },
    /// Something happened in the world: `tls-started`, `retrieved`, `expunged`, …
    Event(EventCheck),
    /// A message is (or is no longer) in an account's mailbox on the server, perhaps with a
    /// flag set (or not).
    Message(MessageCheck),
    /// A mailbox exists on the server (or does not).
    Mailbox(MailboxCheck),
    /// A device shows a message (or not), or a number of messages, in a folder.
    Device(DeviceCheck),
    /// A device's incoming or outgoing server is set like this.
    Setting(SettingCheck),
    /// The step's question was answered right.
    Quiz(bool),
}

/// A command the learner sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sent {
    /// The command's first words (`EHLO`, `MAIL FROM`, `STORE`).
    pub command: String,
    /// Sent to a server of this protocol.
    #[serde(default)]
    pub service: Option<Service>,
    /// Sent on this port.
    #[serde(default)]
    pub port: Option<u16>,
    /// Sent over an encrypted connection (or not).
    #[serde(default)]
    pub encrypted: Option<bool>,
    /// The first words of one of the lines that answered it (`250`, `+OK`, `OK`).
    #[serde(default)]
    pub answer: Option<String>,
}

/// A line a server sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reply {
    /// The first words of the line.
    pub code: String,
    /// Sent by a server of this protocol.
    #[serde(default)]
    pub service: Option<Service>,
}

/// A message delivered to an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Delivered {
    /// The account (`bob`).
    pub to: String,
    /// The mailbox (INBOX unless named).
    #[serde(default)]
    pub mailbox: Option<String>,
    /// Words the subject contains, without regard to case.
    #[serde(default)]
    pub subject: Option<String>,
    /// The message is one a device sent in this lesson, whatever the learner called it.
    #[serde(default)]
    pub sent: bool,
}

/// Something that happened in the world.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventCheck {
    /// The event's name as transcripts write it (`tls-started`, `expunged`, `retrieved`).
    pub kind: String,
    /// The account it happened to.
    #[serde(default)]
    pub account: Option<String>,
}

/// A message on the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MessageCheck {
    /// Whose mailbox (`bob`).
    pub account: String,
    /// The mailbox (INBOX unless named).
    #[serde(default = "inbox")]
    pub mailbox: String,
    /// Words the subject contains, without regard to case.
    pub subject: String,
    /// `\Seen`, `\Flagged`, … as IMAP writes it.
    #[serde(default)]
    pub flag: Option<String>,
    /// Whether the flag is set (default) or must be clear.
    #[serde(default = "yes")]
    pub set: bool,
    /// Whether the message is there (default) or must be gone.
    #[serde(default = "yes")]
    pub present: bool,
}

/// A mailbox on the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MailboxCheck {
    /// Whose mailbox.
    pub account: String,
    /// Its name.
    pub name: String,
    /// Whether it exists (default) or must be gone.
    #[serde(default = "yes")]
    pub exists: bool,
}

/// A device's folder as it shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeviceCheck {
    /// `bob-phone`.
    pub device: String,
    /// The folder (INBOX unless named).
    #[serde(default = "inbox")]
    pub folder: String,
    /// How many messages the folder shows.
    #[serde(default)]
    pub count: Option<usize>,
    /// A message whose subject contains these words.
    #[serde(default)]
    pub subject: Option<String>,
    /// A message a device sent in this lesson, whatever the learner called it.
    #[serde(default)]
    pub sent: bool,
    /// `\Seen`, `\Flagged`, … as IMAP writes it.
    #[serde(default)]
    pub flag: Option<String>,
    /// Whether the flag is set (default) or must be clear.
    #[serde(default = "yes")]
    pub set: bool,
    /// Whether the message is there (default) or must be gone.
    #[serde(default = "yes")]
    pub present: bool,
}

/// Which of a device's two servers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    /// The server the device reads mail from.
    Incoming,
    /// The server the device sends mail through.
    Outgoing,
}

/// How a device's server is set up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingCheck {
    /// The device (`bob-phone`).
    pub device: String,
    /// Which of its servers.
    pub part: Part,
    /// The port it is set to.
    #[serde(default)]
    pub port: Option<u16>,
    /// The security it is set to.
    #[serde(default, with = "crate::table::slugs::security_opt")]
    pub security: Option<ConnectionSecurity>,
    /// The way of logging in it is set to.
    #[serde(default, with = "crate::table::slugs::authentication_opt")]
    pub authentication: Option<Authentication>,
}

/// The names an event goal may use: the first word of each event as transcripts write it.
pub const EVENT_KINDS: [&str; 20] = [
    "tls-started",
    "authenticated",
    "accepted",
    "relayed",
    "delivered",
    "bounced",
    "retrieved",
    "marked-deleted",
    "marks-cleared",
    "expunged",
    "flags",
    "appended",
    "copied",
    "created",
    "deleted",
    "renamed",
    "maildrop-locked",
    "maildrop-unlocked",
    "closed",
    "gave-up",
];

fn inbox() -> String {
    crate::store::INBOX.to_owned()
}

fn yes() -> bool {
    true
}

/// Everything a goal may look at: the world and the devices at one moment, and what went
/// over the wire and happened during the step up to that moment.
pub struct Facts<'a> {
    /// The mailboxes.
    pub store: &'a Store,
    /// The devices.
    pub devices: &'a BTreeMap<String, Device>,
    /// What the step saw: commands, replies, events, in order.
    pub seen: &'a [Seen],
    /// Whether the step's question has been answered right.
    pub quiz_right: bool,
    /// The Message-IDs of the messages the devices sent in this lesson.
    pub sent: &'a [String],
}

impl<'a> Facts<'a> {
    /// The facts of the world and the devices as they are now.
    pub fn of(
        world: &'a World,
        devices: &'a BTreeMap<String, Device>,
        quiz_right: bool,
        sent: &'a [String],
    ) -> Facts<'a> {
        Facts {
            store: &world.store,
            devices,
            seen: world.trace.as_ref().map_or(&[][..], |t| &t.seen[..]),
            quiz_right,
            sent,
        }
    }

    /// The same facts as of an earlier moment the learner is still watching: the store
    /// and devices then, and the first `seen` things the step saw. A goal ticks when the
    /// line that meets it is shown, not while the dialogue still plays towards it.
    pub fn as_of(
        self,
        store: &'a Store,
        devices: &'a BTreeMap<String, Device>,
        seen: usize,
    ) -> Facts<'a> {
        Facts {
            store,
            devices,
            seen: &self.seen[..seen.min(self.seen.len())],
            ..self
        }
    }
}

impl Check {
    /// Whether the goal is met.
    pub fn met(&self, facts: &Facts) -> bool {
        let seen = facts.seen;
        let store = facts.store;
        match self {
            Check::Sent(sent) => exchanges(seen).iter().any(|(command, answers)| {
                sent.matches(command)
                    && sent
                        .answer
                        .as_deref()
                        .is_none_or(|a| answers.iter().any(|w| begins_with(w, a)))
            }),
            Check::Reply(reply) => seen.iter().any(|s| match s {
                Seen::Reply { service, words, .. } => {
                    reply.service.is_none_or(|x| x == *service) && begins_with(words, &reply.code)
                }
                _ => false,
            }),
            Check::Delivered(d) => seen.iter().any(|s| match s {
                Seen::Event(Event::Delivered {
                    account,
                    mailbox,
                    uid,
                }) => {
                    let summary = || {
                        store
                            .mailbox(account, mailbox)
                            .and_then(|m| m.messages.iter().find(|x| x.uid == *uid))
                            .map(|m| Summary::of(&m.raw.0))
                    };
                    account == &d.to
                        && d.mailbox.as_deref().unwrap_or(crate::store::INBOX) == mailbox
                        && (d.subject.is_none() && !d.sent
                            || summary().is_some_and(|s| {
                                d.subject.as_deref().is_none_or(|w| contains(&s.subject, w))
                                    && (!d.sent || was_sent(&s, facts.sent))
                            }))
                }
                _ => false,
            }),
            Check::Accepted { recipients } => seen.iter().any(|s| {
                matches!(s, Seen::Event(Event::Accepted { recipients: r, .. }) if r.len() >= *recipients)
            }),
            Check::Event(e) => seen.iter().any(|s| match s {
                Seen::Event(event) => {
                    event.to_string().split(' ').next() == Some(e.kind.as_str())
                        && e.account.as_ref().is_none_or(|a| account_of(event) == Some(a))
                }
                _ => false,
            }),
            Check::Message(m) => {
                let found = store.mailbox(&m.account, &m.mailbox).and_then(|mb| {
                    mb.messages
                        .iter()
                        .find(|x| contains(&Summary::of(&x.raw.0).subject, &m.subject))
                });
                as_wanted(found, m.present, m.flag.as_deref(), m.set, |x, f| {
                    x.flags.contains(f)
                })
            }
            Check::Mailbox(m) => {
                store.mailbox(&m.account, &m.name).is_some() == m.exists
            }
            Check::Device(d) => facts.devices.get(&d.device).is_some_and(|device| {
                let folder = device.folders.get(&d.folder);
                let count = folder.map_or(0, |f| f.messages.len());
                if d.count.is_some_and(|c| c != count) {
                    return false;
                }
                if d.subject.is_none() && !d.sent {
                    return true;
                }
                let found = folder.and_then(|f| {
                    f.messages.iter().find(|m| {
                        let s = m.summary();
                        d.subject.as_deref().is_none_or(|w| contains(&s.subject, w))
                            && (!d.sent || was_sent(&s, facts.sent))
                    })
                });
                as_wanted(found, d.present, d.flag.as_deref(), d.set, |m, f| m.has(f))
            }),
            Check::Setting(s) => facts.devices.get(&s.device).is_some_and(|device| {
                let server: &ServerSettings = match s.part {
                    Part::Incoming => &device.settings.incoming,
                    Part::Outgoing => &device.settings.outgoing,
                };
                s.port.is_none_or(|p| p == server.port)
                    && s.security.is_none_or(|x| x == server.security)
                    && s.authentication.is_none_or(|x| x == server.authentication)
            }),
            Check::Quiz(right) => facts.quiz_right == *right,
        }
    }
}

impl Sent {
    fn matches(&self, seen: &Seen) -> bool {
        match seen {
            Seen::Command {
                service,
                port,
                encrypted,
                words,
                ..
            } => {
                begins_with(
                    &words.replace(':', " : "),
                    &self.command.replace(':', " : "),
                ) && self.service.is_none_or(|s| s == *service)
                    && self.port.is_none_or(|p| p == *port)
                    && self.encrypted.is_none_or(|e| e == *encrypted)
            }
            _ => false,
        }
    }
}

/// Whether a message looked for is as a goal wants it: there (with its flag set, or clear,
/// if the goal names one), or gone.
fn as_wanted<M>(
    found: Option<M>,
    present: bool,
    flag_name: Option<&str>,
    set: bool,
    has: impl Fn(&M, &Flag) -> bool,
) -> bool {
    match (found, present) {
        (None, present) => !present,
        (Some(_), false) => false,
        (Some(m), true) => flag_name.is_none_or(|f| flag(f).is_some_and(|f| has(&m, &f) == set)),
    }
}

/// Whether a message is one the lesson's devices sent, by its Message-ID.
fn was_sent(summary: &Summary, sent: &[String]) -> bool {
    summary
        .message_id
        .as_ref()
        .is_some_and(|id| sent.contains(id))
}

fn contains(subject: &str, words: &str) -> bool {
    subject.to_lowercase().contains(&words.to_lowercase())
}

/// A flag by the name IMAP writes: a system flag, or a keyword.
pub fn flag(name: &str) -> Option<Flag> {
    if name.starts_with('\\') {
        Flag::system(name)
    } else if name.is_empty() {
        None
    } else {
        Some(Flag::Keyword(name.to_owned()))
    }
}

fn account_of(event: &Event) -> Option<&String> {
    match event {
        Event::Authenticated { account }
        | Event::Delivered { account, .. }
        | Event::Retrieved { account, .. }
        | Event::MarkedDeleted { account, .. }
        | Event::MarksCleared { account, .. }
        | Event::Expunged { account, .. }
        | Event::FlagsChanged { account, .. }
        | Event::Appended { account, .. }
        | Event::Copied { account, .. }
        | Event::MailboxCreated { account, .. }
        | Event::MailboxDeleted { account, .. }
        | Event::MailboxRenamed { account, .. }
        | Event::MaildropLocked { account }
        | Event::MaildropUnlocked { account } => Some(account),
        _ => None,
    }
}

#[cfg(test)]
mod tests;

//! Presets: the starting state of a world, as data.
//!
//! A lesson names a preset (`demo`, `empty`, `busy-500`, `busy-10000`) or carries its own in
//! the same JSON shape. Messages are `.eml` files beside the preset, so a teacher reads and
//! edits them as mail, not as escaped strings.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use super::{crlf, Account, Address, Flag, Server, SpecialUse, Store, INBOX};
use crate::time::Timestamp;

const DEMO: &str = include_str!("../../presets/demo.json");

/// The message files presets may name, embedded so the wasm needs no file system.
const MESSAGE_FILES: &[(&str, &str)] = &[
    (
        "alice-welcome.eml",
        include_str!("../../presets/messages/alice-welcome.eml"),
    ),
    (
        "alice-reply.eml",
        include_str!("../../presets/messages/alice-reply.eml"),
    ),
    (
        "bob-newsletter.eml",
        include_str!("../../presets/messages/bob-newsletter.eml"),
    ),
    (
        "bob-receipt.eml",
        include_str!("../../presets/messages/bob-receipt.eml"),
    ),
    (
        "bob-plans.eml",
        include_str!("../../presets/messages/bob-plans.eml"),
    ),
    (
        "bob-meeting.eml",
        include_str!("../../presets/messages/bob-meeting.eml"),
    ),
    (
        "bob-lunch.eml",
        include_str!("../../presets/messages/bob-lunch.eml"),
    ),
    (
        "carol-hello.eml",
        include_str!("../../presets/messages/carol-hello.eml"),
    ),
];

/// The folders every account gets unless its preset lists others (RFC 6154 names).
const STANDARD_MAILBOXES: &[(&str, Option<SpecialUse>)] = &[
    (INBOX, None),
    ("Drafts", Some(SpecialUse::Drafts)),
    ("Sent", Some(SpecialUse::Sent)),
    ("Junk", Some(SpecialUse::Junk)),
    ("Trash", Some(SpecialUse::Trash)),
];

/// A world as a file describes it: servers, accounts, messages, and generated mail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Preset {
    /// Its name (`demo`).
    pub name: String,
    /// The mail servers.
    pub servers: Vec<Server>,
    /// The accounts.
    pub accounts: Vec<AccountSpec>,
    /// Messages, each in a mailbox.
    #[serde(default)]
    pub messages: Vec<MessageSpec>,
    /// Mail made up in bulk (the busy worlds).
    #[serde(default)]
    pub generated: Vec<GeneratedSpec>,
}

/// An account as a preset (or a class server) describes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountSpec {
    /// The user name typed at login.
    pub login: String,
    /// The password.
    pub password: String,
    /// The address (`bob@example.test`).
    pub address: String,
    /// The person's name, for `From:` headers.
    pub display_name: String,
    /// Folders besides INBOX; the standard set when absent.
    #[serde(default)]
    pub mailboxes: Option<Vec<MailboxSpec>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MailboxSpec {
    pub name: String,
    #[serde(default)]
    pub special_use: Option<SpecialUse>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageSpec {
    pub account: String,
    #[serde(default = "inbox")]
    pub mailbox: String,
    /// ISO 8601 UTC, e.g. `2026-11-20T09:14:00Z`.
    pub received: String,
    #[serde(default)]
    pub flags: Vec<String>,
    #[serde(flatten)]
    pub source: MessageSource,
}

/// Where a preset message's bytes come from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MessageSource {
    /// One of the embedded `.eml` files.
    File(String),
    /// The message itself, for presets written inside a lesson.
    Raw(String),
}

/// Many ordinary messages, for lessons about large mailboxes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GeneratedSpec {
    pub account: String,
    #[serde(default = "inbox")]
    pub mailbox: String,
    pub count: u32,
    /// The first message's date; each next one is an hour later.
    pub starting: String,
}

fn inbox() -> String {
    INBOX.to_owned()
}

/// Why a preset cannot become a world. Presets come from lesson files, so a teacher who
/// makes a mistake gets told exactly what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PresetError {
    /// No built-in world has this name.
    UnknownPreset(String),
    /// The file is not JSON of a preset.
    Json(String),
    /// An address that is not one.
    BadAddress(String),
    /// An account's domain has no server.
    NoServerForDomain(String),
    /// Two accounts with one login.
    DuplicateAccount(String),
    /// A message for an account there is not.
    UnknownAccount(String),
    /// A message for a mailbox an account does not have.
    UnknownMailbox {
        /// The account.
        account: String,
        /// The mailbox it does not have.
        mailbox: String,
    },
    /// A message file that is not built in.
    UnknownMessageFile(String),
    /// A date that is not one.
    BadDate(String),
    /// A flag that is not one.
    BadFlag(String),
}

impl fmt::Display for PresetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PresetError::UnknownPreset(n) => write!(f, "no preset is called `{n}`"),
            PresetError::Json(e) => write!(f, "the preset is not valid JSON: {e}"),
            PresetError::BadAddress(a) => {
                write!(f, "`{a}` is not an address like bob@example.test")
            }
            PresetError::NoServerForDomain(d) => write!(f, "no server receives mail for `{d}`"),
            PresetError::DuplicateAccount(l) => write!(f, "two accounts log in as `{l}`"),
            PresetError::UnknownAccount(l) => write!(f, "no account logs in as `{l}`"),
            PresetError::UnknownMailbox { account, mailbox } => {
                write!(f, "`{account}` has no mailbox `{mailbox}`")
            }
            PresetError::UnknownMessageFile(n) => write!(f, "no message file is called `{n}`"),
            PresetError::BadDate(d) => write!(f, "`{d}` is not a date like 2026-11-20T09:14:00Z"),
            PresetError::BadFlag(fl) => write!(f, "`{fl}` is not a flag"),
        }
    }
}

impl std::error::Error for PresetError {}

impl Preset {
    /// The names of the presets built into Facteur.
    pub const BUILTIN: [&'static str; 4] = ["demo", "empty", "busy-500", "busy-10000"];

    /// A built-in world by name (see [`Preset::BUILTIN`]).
    pub fn builtin(name: &str) -> Result<Preset, PresetError> {
        let mut preset = Preset::from_json(DEMO)?;
        match name {
            "demo" => {}
            "empty" => preset.messages.clear(),
            "busy-500" | "busy-10000" => {
                let count = if name == "busy-500" { 500 } else { 10_000 };
                preset.generated.push(GeneratedSpec {
                    account: "bob".to_owned(),
                    mailbox: inbox(),
                    count,
                    starting: "2025-01-01T08:00:00Z".to_owned(),
                });
            }
            other => return Err(PresetError::UnknownPreset(other.to_owned())),
        }
        preset.name = name.to_owned();
        Ok(preset)
    }

    /// A preset from its JSON.
    pub fn from_json(text: &str) -> Result<Preset, PresetError> {
        serde_json::from_str(text).map_err(|e| PresetError::Json(e.to_string()))
    }

    /// Builds the store this preset describes. Preset messages are the starting state, so
    /// they are not journalled as changes.
    pub fn build(&self) -> Result<Store, PresetError> {
        let mut store = Store {
            servers: self.servers.clone(),
            ..Store::default()
        };
        for spec in &self.accounts {
            add_account(&mut store, spec)?;
        }
        for spec in &self.messages {
            let raw = match &spec.source {
                MessageSource::File(name) => MESSAGE_FILES
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, text)| *text)
                    .ok_or_else(|| PresetError::UnknownMessageFile(name.clone()))?,
                MessageSource::Raw(text) => text,
            };
            let flags = spec
                .flags
                .iter()
                .map(|f| parse_flag(f))
                .collect::<Result<BTreeSet<_>, _>>()?;
            let date = parse_date(&spec.received)?;
            seed(
                &mut store,
                &spec.account,
                &spec.mailbox,
                crlf(raw.as_bytes()),
                flags,
                date,
            )?;
        }
        for spec in &self.generated {
            let start = parse_date(&spec.starting)?;
            for n in 0..spec.count {
                let date = start.plus_seconds(i64::from(n) * 3600);
                let raw = generated_message(&store, &spec.account, n, date)?;
                let flags = if n % 3 == 0 {
                    BTreeSet::new()
                } else {
                    BTreeSet::from([Flag::Seen])
                };
                seed(&mut store, &spec.account, &spec.mailbox, raw, flags, date)?;
            }
        }
        Ok(store)
    }
}

impl Store {
    /// Opens an account as a preset describes it (a class server's student joining).
    pub fn add_account(&mut self, spec: &AccountSpec) -> Result<(), PresetError> {
        add_account(self, spec)
    }
}

fn add_account(store: &mut Store, spec: &AccountSpec) -> Result<(), PresetError> {
    let address = Address::parse(&spec.address)
        .ok_or_else(|| PresetError::BadAddress(spec.address.clone()))?;
    if store.server_for_domain(&address.domain).is_none() {
        return Err(PresetError::NoServerForDomain(address.domain));
    }
    if store.accounts.contains_key(&spec.login) {
        return Err(PresetError::DuplicateAccount(spec.login.clone()));
    }
    store.accounts.insert(
        spec.login.clone(),
        Account {
            login: spec.login.clone(),
            password: spec.password.clone(),
            address,
            display_name: spec.display_name.clone(),
            mailboxes: BTreeMap::new(),
            subscriptions: BTreeSet::new(),
        },
    );
    let folders: Vec<(String, Option<SpecialUse>)> = match &spec.mailboxes {
        Some(list) => std::iter::once((inbox(), None))
            .chain(list.iter().map(|m| (m.name.clone(), m.special_use)))
            .collect(),
        None => STANDARD_MAILBOXES
            .iter()
            .map(|(n, u)| ((*n).to_owned(), *u))
            .collect(),
    };
    // A new account starts subscribed to its special folders, as servers set them up
    // (Dovecot's `auto = subscribe`); INBOX needs no subscription to be seen.
    for (name, special_use) in folders {
        store.create_mailbox(&spec.login, &name, special_use);
        if special_use.is_some() {
            store.set_subscribed(&spec.login, &name, true);
        }
    }
    Ok(())
}

fn seed(
    store: &mut Store,
    login: &str,
    mailbox: &str,
    raw: Vec<u8>,
    flags: BTreeSet<Flag>,
    date: Timestamp,
) -> Result<(), PresetError> {
    let account = store
        .accounts
        .get_mut(login)
        .ok_or_else(|| PresetError::UnknownAccount(login.to_owned()))?;
    let folder = account
        .mailboxes
        .get_mut(mailbox)
        .ok_or_else(|| PresetError::UnknownMailbox {
            account: login.to_owned(),
            mailbox: mailbox.to_owned(),
        })?;
    folder.append(raw, flags, date, 0);
    Ok(())
}

fn parse_date(text: &str) -> Result<Timestamp, PresetError> {
    text.parse()
        .map_err(|_| PresetError::BadDate(text.to_owned()))
}

fn parse_flag(text: &str) -> Result<Flag, PresetError> {
    if let Some(flag) = Flag::system(text) {
        return Ok(flag);
    }
    let keyword_ok = !text.is_empty()
        && !text.starts_with('\\')
        && text
            .bytes()
            .all(|b| b.is_ascii_graphic() && !b"(){%*\"\\]".contains(&b));
    if keyword_ok {
        Ok(Flag::Keyword(text.to_owned()))
    } else {
        Err(PresetError::BadFlag(text.to_owned()))
    }
}

/// An ordinary message, different enough from its neighbours to make SEARCH interesting.
fn generated_message(
    store: &Store,
    login: &str,
    n: u32,
    date: Timestamp,
) -> Result<Vec<u8>, PresetError> {
    const SENDERS: [(&str, &str); 4] = [
        ("Harbour Weekly", "news@other.test"),
        ("Carol Keeper", "carol@other.test"),
        ("Alice Liddell", "alice@example.test"),
        ("Quayside Hardware", "shop@other.test"),
    ];
    const TOPICS: [&str; 5] = [
        "Tide tables",
        "Order update",
        "Weekend plans",
        "Invoice",
        "Photos from the quay",
    ];
    let account = store
        .account(login)
        .ok_or_else(|| PresetError::UnknownAccount(login.to_owned()))?;
    let (name, from) = SENDERS[n as usize % SENDERS.len()];
    let topic = TOPICS[n as usize % TOPICS.len()];
    let text = format!(
        "From: {name} <{from}>\nTo: {to}\nSubject: {topic} #{number}\nDate: {date}\n\
         Message-ID: <generated-{number}@facteur.test>\nMIME-Version: 1.0\n\
         Content-Type: text/plain; charset=utf-8\n\n\
         Message {number} of a busy mailbox.\n{body}\n",
        to = account.address,
        number = n + 1,
        date = date.rfc5322(),
        body = "More text, so that sizes differ. "
            .repeat(n as usize % 7 + 1)
            .trim_end(),
    );
    Ok(crlf(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_world_has_the_curriculum_accounts() {
        let store = Preset::builtin("demo")
            .expect("demo")
            .build()
            .expect("builds");
        let who = |login: &str| {
            let a = store.account(login).expect("account");
            (a.address.to_string(), a.password.clone())
        };
        assert_eq!(
            who("alice"),
            ("alice@example.test".into(), "wonderland".into())
        );
        assert_eq!(who("bob"), ("bob@example.test".into(), "builder".into()));
        assert_eq!(
            who("carol"),
            ("carol@other.test".into(), "lighthouse".into())
        );
        assert_eq!(
            store
                .server_for_domain("other.test")
                .map(|s| s.hostname.as_str()),
            Some("mx.other.test")
        );
    }

    #[test]
    fn bobs_inbox_is_seeded_in_uid_order_with_crlf_messages() {
        let store = Preset::builtin("demo")
            .expect("demo")
            .build()
            .expect("builds");
        let inbox = store.mailbox("bob", INBOX).expect("inbox");
        assert_eq!(inbox.messages.len(), 5);
        assert!(inbox.messages.windows(2).all(|w| w[0].uid < w[1].uid));
        assert!(inbox.uid_next > inbox.messages.last().expect("some").uid);
        for m in &inbox.messages {
            let raw = &m.raw.0;
            assert!(raw
                .windows(2)
                .filter(|w| w[1] == b'\n')
                .all(|w| w[0] == b'\r'));
        }
        let with_attachment = inbox
            .messages
            .iter()
            .filter(|m| {
                String::from_utf8_lossy(&m.raw.0).contains("Content-Disposition: attachment")
            })
            .count();
        assert_eq!(with_attachment, 1);
    }

    #[test]
    fn every_builtin_preset_builds_and_busy_ones_are_busy() {
        for name in Preset::BUILTIN {
            let store = Preset::builtin(name)
                .expect("known")
                .build()
                .expect("builds");
            let count = store.mailbox("bob", INBOX).expect("inbox").messages.len();
            let expected = match name {
                "empty" => 0,
                "demo" => 5,
                "busy-500" => 505,
                _ => 10_005,
            };
            assert_eq!(count, expected, "{name}");
            assert!(
                store.journal.is_empty(),
                "a preset is a starting state, not changes"
            );
        }
        assert_eq!(
            Preset::builtin("huge"),
            Err(PresetError::UnknownPreset("huge".into()))
        );
    }

    #[test]
    fn mistakes_in_a_preset_are_named() {
        let mut p = Preset::builtin("demo").expect("demo");
        p.messages[0].source = MessageSource::File("nope.eml".into());
        assert_eq!(
            p.build(),
            Err(PresetError::UnknownMessageFile("nope.eml".into()))
        );

        let mut p = Preset::builtin("demo").expect("demo");
        p.messages[0].flags = vec!["\\Bogus".into()];
        assert_eq!(p.build(), Err(PresetError::BadFlag("\\Bogus".into())));

        let mut p = Preset::builtin("demo").expect("demo");
        p.accounts[0].address = "alice@nowhere.test".into();
        assert_eq!(
            p.build(),
            Err(PresetError::NoServerForDomain("nowhere.test".into()))
        );
    }
}

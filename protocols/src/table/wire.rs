//! How an [`Action`] is read back from its saved form (`{"do": "check", "device": …}`):
//! every field an action may have, in one flat record, then the action its `do` names.
//!
//! serde can read an internally tagged enum by itself, but only by buffering each value
//! and trying it variant by variant; in the page's wasm that one function weighed 40 KB.
//! A flat record reads in one pass, and a missing field is named just as serde names it.

use serde::de::Error;
use serde::{Deserialize, Deserializer};

use super::action::{Action, MessageRef, Reading, ServerChange, SettingsChange};
use crate::client::settings::SettingsPreset;
use crate::device::compose::Draft;
use crate::store::Flag;

/// What the `do` field may say.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Kind {
    Connect,
    Type,
    Disconnect,
    Reading,
    Check,
    Flag,
    Delete,
    Move,
    CreateFolder,
    Send,
    SaveDraft,
    Settings,
    Answer,
}

/// Every field of every action, each optional here; [`Action::try_from`] asks for the
/// ones its kind needs.
#[derive(Deserialize)]
struct Fields {
    #[serde(rename = "do")]
    kind: Kind,
    device: Option<String>,
    port: Option<u16>,
    #[serde(default)]
    lenient: bool,
    line: Option<String>,
    reading: Option<Reading>,
    message: Option<MessageRef>,
    flag: Option<Flag>,
    on: Option<bool>,
    to: Option<String>,
    name: Option<String>,
    draft: Option<Draft>,
    replying_to: Option<MessageRef>,
    choices: Option<Vec<usize>>,
    #[serde(default, with = "super::slugs::preset_opt")]
    preset: Option<SettingsPreset>,
    idle: Option<bool>,
    incoming: Option<ServerChange>,
    outgoing: Option<ServerChange>,
    user_name: Option<String>,
    password: Option<String>,
}

/// A field the action's kind needs, or the error serde would give for it.
fn needs<T>(value: Option<T>, field: &str) -> Result<T, String> {
    value.ok_or_else(|| format!("missing field `{field}`"))
}

impl<'de> Deserialize<'de> for Action {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Action, D::Error> {
        Action::try_from(Fields::deserialize(d)?).map_err(D::Error::custom)
    }
}

impl TryFrom<Fields> for Action {
    type Error = String;

    fn try_from(f: Fields) -> Result<Action, String> {
        let device = || needs(f.device.clone(), "device");
        let message = || needs(f.message.clone(), "message");
        Ok(match f.kind {
            Kind::Connect => Action::Connect {
                device: device()?,
                port: needs(f.port, "port")?,
                lenient: f.lenient,
            },
            Kind::Type => Action::Type {
                device: f.device,
                line: needs(f.line, "line")?,
            },
            Kind::Disconnect => Action::Disconnect { device: device()? },
            Kind::Reading => Action::Reading {
                device: device()?,
                reading: needs(f.reading, "reading")?,
            },
            Kind::Check => Action::Check { device: device()? },
            Kind::Flag => Action::Flag {
                device: device()?,
                message: message()?,
                flag: needs(f.flag, "flag")?,
                on: needs(f.on, "on")?,
            },
            Kind::Delete => Action::Delete {
                device: device()?,
                message: message()?,
            },
            Kind::Move => Action::Move {
                device: device()?,
                message: message()?,
                to: needs(f.to, "to")?,
            },
            Kind::CreateFolder => Action::CreateFolder {
                device: device()?,
                name: needs(f.name, "name")?,
            },
            Kind::Send => Action::Send {
                device: device()?,
                draft: needs(f.draft, "draft")?,
                replying_to: f.replying_to,
            },
            Kind::SaveDraft => Action::SaveDraft {
                device: device()?,
                draft: needs(f.draft, "draft")?,
            },
            Kind::Settings => Action::Settings {
                device: device()?,
                change: SettingsChange {
                    preset: f.preset,
                    reading: f.reading,
                    idle: f.idle,
                    incoming: f.incoming,
                    outgoing: f.outgoing,
                    user_name: f.user_name,
                    password: f.password,
                },
            },
            Kind::Answer => Action::Answer {
                choices: needs(f.choices, "choices")?,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Result<Action, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn every_kind_of_action_reads_back_as_it_was_written() {
        let draft = Draft {
            to: "bob@example.test".into(),
            subject: "Tea".into(),
            body: "At four.".into(),
            in_reply_to: None,
        };
        let message = MessageRef {
            folder: "INBOX".into(),
            message_id: Some("a@b".into()),
            subject: "Hi".into(),
            nth: 0,
        };
        let d = || "bob-phone".to_owned();
        let all = [
            Action::Connect {
                device: d(),
                port: 993,
                lenient: true,
            },
            Action::Type {
                device: None,
                line: "a1 NOOP".into(),
            },
            Action::Disconnect { device: d() },
            Action::Reading {
                device: d(),
                reading: Reading::Pop3Leave,
            },
            Action::Check { device: d() },
            Action::Flag {
                device: d(),
                message: message.clone(),
                flag: Flag::Seen,
                on: false,
            },
            Action::Delete {
                device: d(),
                message: message.clone(),
            },
            Action::Move {
                device: d(),
                message: message.clone(),
                to: "Archive".into(),
            },
            Action::CreateFolder {
                device: d(),
                name: "Plans".into(),
            },
            Action::Send {
                device: d(),
                draft: draft.clone(),
                replying_to: Some(message),
            },
            Action::SaveDraft { device: d(), draft },
            Action::Settings {
                device: d(),
                change: SettingsChange {
                    preset: Some(SettingsPreset::Thunderbird),
                    idle: Some(true),
                    ..SettingsChange::default()
                },
            },
            Action::Answer {
                choices: vec![1, 3],
            },
        ];
        for action in all {
            let json = serde_json::to_string(&action).expect("written");
            assert_eq!(read(&json), Ok(action), "{json}");
        }
    }

    #[test]
    fn a_missing_field_or_an_unknown_kind_is_named() {
        let missing = read(
            r#"{"do": "move", "device": "bob-phone", "message":
            {"folder": "INBOX", "subject": "Hi"}}"#,
        );
        assert!(missing.is_err_and(|e| e.starts_with("missing field `to`")));
        let unknown = read(r#"{"do": "fly", "device": "bob-phone"}"#);
        assert!(unknown.is_err_and(|e| e.contains("unknown variant `fly`")));
    }
}

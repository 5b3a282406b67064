//! A dialogue typed in a terminal, kept so it can be shared as a link: the teacher types a
//! session once, and the class opens the link to watch the same commands replayed, line by
//! line, on a fresh copy of the same world. Only what the learner typed is kept; the
//! server's replies are the engine's again when it is replayed.

use serde::{Deserialize, Serialize};

use crate::table::{Action, Typed};
use crate::Port;

/// The format's version, written in every link so a later page can tell old links apart.
const VERSION: u32 = 1;
/// At most this many lines in a shared dialogue: a lesson's dialogue is a few dozen lines,
/// and a link longer than a few thousand characters is refused by some browsers.
pub const MAX_LINES: usize = 400;
/// At most this many characters in one typed line (the terminal's own limit).
pub const MAX_LINE: usize = 10_000;

/// One connection and the lines typed on it, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedSession {
    /// The account chosen in the terminal (`bob`).
    pub login: String,
    /// The server port connected to (25, 587, 465, 110, 995, 143 or 993).
    pub port: u16,
    /// Whether the server forgave typing mistakes.
    #[serde(default)]
    pub lenient: bool,
    /// Every line as it was sent, IMAP tags included.
    pub lines: Vec<String>,
}

/// Every connection of one terminal since it was last cleared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recording {
    /// The format's version (see `VERSION`).
    pub version: u32,
    /// The world it was typed in (`demo`, `empty`, …), which the replay starts afresh.
    pub preset: String,
    /// The connections, in the order they were opened.
    pub sessions: Vec<RecordedSession>,
}

/// Why a shared dialogue cannot be replayed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordingError {
    /// Not base64 of JSON, or not a recording's fields (a link cut short when copied).
    Unreadable(String),
    /// Written by another version of Facteur.
    Version(u32),
    /// It starts from a world this page does not have.
    UnknownWorld(String),
    /// A port no Facteur server listens on.
    UnknownPort(u16),
    /// More lines, or longer ones, than a shared dialogue may hold.
    TooLong,
}

impl Recording {
    /// An empty recording in the world `preset` names.
    #[cfg(test)]
    pub(crate) fn new(preset: &str) -> Recording {
        Recording {
            version: VERSION,
            preset: preset.to_owned(),
            sessions: Vec::new(),
        }
    }

    /// What was typed at a terminal, as its journal tells it (see
    /// [`crate::table::Journal::typed_at`]), by `login`.
    pub fn of(preset: &str, login: &str, typed: Vec<Typed>) -> Recording {
        Recording {
            version: VERSION,
            preset: preset.to_owned(),
            sessions: typed
                .into_iter()
                .map(|t| RecordedSession {
                    login: login.to_owned(),
                    port: t.port,
                    lenient: t.lenient,
                    lines: t.lines,
                })
                .collect(),
        }
    }

    /// The actions that replay one connection on `device`'s terminal.
    pub fn actions(session: &RecordedSession, device: &str) -> Vec<Action> {
        let connect = Action::Connect {
            device: device.to_owned(),
            port: session.port,
            lenient: session.lenient,
        };
        let lines = session.lines.iter().map(|line| Action::Type {
            device: Some(device.to_owned()),
            line: line.clone(),
        });
        std::iter::once(connect).chain(lines).collect()
    }

    /// A connection starts; the lines typed next belong to it.
    #[cfg(test)]
    pub(crate) fn connect(&mut self, login: &str, port: Port, lenient: bool) {
        self.sessions.push(RecordedSession {
            login: login.to_owned(),
            port: port.number,
            lenient,
            lines: Vec::new(),
        });
    }

    /// A line typed on the latest connection.
    #[cfg(test)]
    pub(crate) fn typed(&mut self, line: &str) {
        if let Some(session) = self.sessions.last_mut() {
            session.lines.push(line.to_owned());
        }
    }

    /// How many lines were typed, in all.
    pub fn lines(&self) -> usize {
        self.sessions.iter().map(|s| s.lines.len()).sum()
    }

    /// Whether no connection was opened.
    pub fn is_empty(&self) -> bool {
        self.sessions.is_empty()
    }

    /// The recording as the part of a link after `#dialogue=` (see `records::link`).
    pub fn to_fragment(&self) -> String {
        super::link::encode(self)
    }

    /// Reads a link's fragment, checking everything a replay relies on.
    pub fn from_fragment(fragment: &str) -> Result<Recording, RecordingError> {
        let bytes = super::link::decode(fragment).map_err(RecordingError::Unreadable)?;
        #[derive(Deserialize)]
        struct Version {
            version: u32,
        }
        let v: Version = serde_json::from_slice(&bytes)
            .map_err(|e| RecordingError::Unreadable(e.to_string()))?;
        if v.version != VERSION {
            return Err(RecordingError::Version(v.version));
        }
        let recording: Recording = serde_json::from_slice(&bytes)
            .map_err(|e| RecordingError::Unreadable(e.to_string()))?;
        if crate::store::Preset::builtin(&recording.preset).is_err() {
            return Err(RecordingError::UnknownWorld(recording.preset));
        }
        if let Some(s) = recording
            .sessions
            .iter()
            .find(|s| Port::from_number(s.port).is_none())
        {
            return Err(RecordingError::UnknownPort(s.port));
        }
        let too_long = recording.lines() > MAX_LINES
            || recording
                .sessions
                .iter()
                .flat_map(|s| &s.lines)
                .any(|l| l.len() > MAX_LINE);
        if too_long {
            return Err(RecordingError::TooLong);
        }
        Ok(recording)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed() -> Recording {
        let mut r = Recording::new("demo");
        r.connect("alice", Port::IMAPS, false);
        r.typed("a1 LOGIN alice wonderland");
        r.typed("a2 SELECT INBOX");
        r.connect("bob", Port::POP3, true);
        r.typed("USER bob");
        r
    }

    #[test]
    fn a_recording_survives_its_link() {
        let r = typed();
        let fragment = r.to_fragment();
        assert!(fragment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        assert_eq!(Recording::from_fragment(&fragment), Ok(r));
        assert_eq!(typed().lines(), 3);
    }

    #[test]
    fn a_line_before_any_connection_is_not_kept() {
        let mut r = Recording::new("demo");
        r.typed("EHLO x");
        assert!(r.is_empty());
    }

    #[test]
    fn a_damaged_or_foreign_link_says_why() {
        let encode = |json: &str| {
            use base64::Engine;
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json)
        };
        let cut = typed().to_fragment();
        assert!(matches!(
            Recording::from_fragment(&cut[..cut.len() / 2]),
            Err(RecordingError::Unreadable(_))
        ));
        assert_eq!(
            Recording::from_fragment(&encode(r#"{"version":9,"preset":"demo","sessions":[]}"#)),
            Err(RecordingError::Version(9))
        );
        assert_eq!(
            Recording::from_fragment(&encode(r#"{"version":1,"preset":"moon","sessions":[]}"#)),
            Err(RecordingError::UnknownWorld("moon".into()))
        );
        assert_eq!(
            Recording::from_fragment(&encode(
                r#"{"version":1,"preset":"demo","sessions":[{"login":"bob","port":8080,"lines":[]}]}"#
            )),
            Err(RecordingError::UnknownPort(8080))
        );
        let mut long = Recording::new("demo");
        long.connect("bob", Port::SMTP, false);
        for _ in 0..=MAX_LINES {
            long.typed("NOOP");
        }
        assert_eq!(
            Recording::from_fragment(&long.to_fragment()),
            Err(RecordingError::TooLong)
        );
    }
}

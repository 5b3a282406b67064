//! What a dialogue line means, as the explanation panel says it: the engine's [`Note`]
//! while the dialogue is live, or the words it had when a kept sandbox saved it.
//!
//! A kept sandbox saves each note as its sentence in every language the page speaks, its
//! RFC section and the two facts the dialogue draws from it, not as the engine's value.
//! Reading the engine's values back would need a reader for each of its hundreds of note
//! kinds, which made up a quarter of the wasm every learner downloads (issue 28); a kept
//! dialogue is only read and explained, never played again, so its words are all it needs.

use facteur_protocols::note::Note;
use facteur_protocols::output::Event;
use facteur_protocols::vocab::Lang;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One sentence in each language of the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Words {
    en: String,
    fr: String,
}

impl Words {
    /// The sentence `say` gives in each language.
    pub fn of(say: impl Fn(Lang) -> String) -> Words {
        Words {
            en: say(Lang::En),
            fr: say(Lang::Fr),
        }
    }

    /// The sentence in `lang`.
    pub fn get(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.en.clone(),
            Lang::Fr => self.fr.clone(),
        }
    }
}

/// The RFC section a note cites, as the panel links to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// `RFC 5321 §4.1.1.1`.
    pub label: String,
    /// The section's address on the RFC Editor's site.
    pub url: String,
}

/// A note as a kept sandbox saved it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptNote {
    words: Words,
    source: Source,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    forgiven: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    message_data: bool,
}

/// What a line means.
#[derive(Debug, Clone, PartialEq)]
pub enum Meaning {
    /// The engine's note, for a line of the dialogue as it happens.
    Note(Note),
    /// The words of a line that a kept sandbox brought back.
    Kept(KeptNote),
}

impl Meaning {
    /// What the line means, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Meaning::Note(n) => n.text(lang),
            Meaning::Kept(k) => k.words.get(lang),
        }
    }

    /// The RFC section that says so.
    pub fn source(&self) -> Source {
        match self {
            Meaning::Note(n) => {
                let rfc = n.rfc();
                Source {
                    label: rfc.to_string(),
                    url: rfc.url(),
                }
            }
            Meaning::Kept(k) => k.source.clone(),
        }
    }

    /// Whether a lenient server let the line pass where a strict one would refuse it.
    pub fn is_forgiven(&self) -> bool {
        match self {
            Meaning::Note(n) => n.is_forgiven(),
            Meaning::Kept(k) => k.forgiven,
        }
    }

    /// Whether the line is message content rather than protocol talk.
    pub fn is_message_data(&self) -> bool {
        match self {
            Meaning::Note(n) => n.is_message_data(),
            Meaning::Kept(k) => k.message_data,
        }
    }

    fn kept(&self) -> KeptNote {
        match self {
            Meaning::Note(_) => KeptNote {
                words: Words::of(|lang| self.text(lang)),
                source: self.source(),
                forgiven: self.is_forgiven(),
                message_data: self.is_message_data(),
            },
            Meaning::Kept(k) => k.clone(),
        }
    }
}

impl From<Note> for Meaning {
    fn from(note: Note) -> Meaning {
        Meaning::Note(note)
    }
}

/// Always saved as its words.
impl Serialize for Meaning {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.kept().serialize(s)
    }
}

/// Always read back as words.
impl<'de> Deserialize<'de> for Meaning {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        KeptNote::deserialize(d).map(Meaning::Kept)
    }
}

/// Where on the message's path a world event happened, for a kept event line (the path
/// lights the stop a line belongs to).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventKind {
    /// A server relayed the message to the next one.
    Relayed,
    /// The message reached a mailbox.
    Delivered,
    /// Anything else: a login, a deletion, a connection closing.
    Other,
}

impl EventKind {
    /// The kind of a world event.
    pub fn of(event: &Event) -> EventKind {
        match event {
            Event::Relayed { .. } => EventKind::Relayed,
            Event::Delivered { .. } => EventKind::Delivered,
            _ => EventKind::Other,
        }
    }
}

/// An event line as a kept sandbox saved it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptEvent {
    pub words: Words,
    pub kind: EventKind,
}

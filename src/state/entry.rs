//! A dialogue line as the page keeps it, and how the engine's output becomes lines: pure
//! data, so a dialogue can be saved, shared, replayed and tested without a page.

use facteur_protocols::client::trouble::Trouble;
use facteur_protocols::output::{Event, Output, Role, Step};
use facteur_protocols::vocab::Lang;
use facteur_protocols::Service;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::meaning::{EventKind, KeptEvent, Meaning, Words};

/// Who sent a line, or that it is a change in the world.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Side {
    Client,
    Server,
    Event,
    /// The start of a connection: who connected to which server, on which port, when.
    Session,
}

/// Which conversation a line belongs to: the learner's, or a relay between two servers
/// that the learner's message set off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Hop {
    Direct,
    Relay { from: String, to: String },
}

/// What an event line reports: a change in the world, a device's client giving up (its
/// own outcome, which no server said), or, for a line a kept sandbox brought back, its
/// words.
#[derive(Debug, Clone, PartialEq)]
pub enum Happened {
    World(Event),
    Device(DeviceOutcome),
    Kept(KeptEvent),
}

/// What a device's client reports about itself in the dialogue.
#[derive(Debug, Clone, PartialEq)]
pub enum DeviceOutcome {
    /// It stopped because of its settings or the server's refusal.
    GaveUp { trouble: Trouble },
}

impl Happened {
    /// The line as the dialogue shows it.
    pub fn text(&self, lang: Lang) -> String {
        use facteur_protocols::explain::terminal::{event, gave_up};
        match self {
            Happened::World(e) => event(e, lang),
            Happened::Device(DeviceOutcome::GaveUp { trouble }) => gave_up(trouble, lang),
            Happened::Kept(k) => k.words.get(lang),
        }
    }

    /// Where on the message's path it happened.
    pub fn kind(&self) -> EventKind {
        match self {
            Happened::World(e) => EventKind::of(e),
            Happened::Device(_) => EventKind::Other,
            Happened::Kept(k) => k.kind,
        }
    }
}

/// Saved as its words, like a note (see `meaning.rs`).
impl Serialize for Happened {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        KeptEvent {
            words: Words::of(|lang| self.text(lang)),
            kind: self.kind(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Happened {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        KeptEvent::deserialize(d).map(Happened::Kept)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: u64,
    pub side: Side,
    pub text: String,
    pub notes: Vec<Meaning>,
    pub event: Option<Happened>,
    /// For a server line, what kind of line the engine says it is.
    pub role: Option<Role>,
    pub service: Service,
    pub hop: Hop,
    /// The scene's snapshot right after the engine call that produced this line.
    pub snapshot: usize,
    /// A server line answering a device's own app: it plays in the same beat as the line
    /// before, so an app's check reads command by command, not line by line.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub brisk: bool,
}

impl Entry {
    /// A line of a message's content (DATA, RETR, a FETCH literal): it plays with the line
    /// that announced it.
    pub fn is_content(&self) -> bool {
        self.role == Some(Role::Data) || self.notes.iter().any(Meaning::is_message_data)
    }

    /// Whether the line plays in the same beat as the one before: a message's content,
    /// or a server line answering a device's app.
    pub fn plays_with_previous(&self) -> bool {
        self.brisk || self.is_content()
    }
}

/// Turns what the engine said into dialogue lines, numbered by `next_id`; a relay the
/// learner's message set off follows its event line, as the second conversation it is.
pub fn lines_of(out: Output, service: Service, next_id: &mut u64) -> Vec<Entry> {
    let mut into = Vec::new();
    push_lines(out, service, &Hop::Direct, next_id, &mut into);
    into
}

/// A line with the next id; the caller fills in what it says.
pub fn blank(side: Side, service: Service, hop: &Hop, next_id: &mut u64) -> Entry {
    let id = *next_id;
    *next_id += 1;
    Entry {
        id,
        side,
        text: String::new(),
        notes: Vec::new(),
        event: None,
        role: None,
        service,
        hop: hop.clone(),
        snapshot: 0,
        brisk: false,
    }
}

fn push_lines(out: Output, service: Service, hop: &Hop, next_id: &mut u64, into: &mut Vec<Entry>) {
    let Output { wire, steps, .. } = out;
    for step in steps {
        match step {
            Step::Client(line) => into.push(Entry {
                text: line.text,
                notes: line.notes.into_iter().map(Meaning::from).collect(),
                ..blank(Side::Client, service, hop, next_id)
            }),
            Step::Server(line) => {
                let bytes = wire.get(line.span).unwrap_or_default();
                into.push(Entry {
                    text: String::from_utf8_lossy(bytes).into_owned(),
                    notes: vec![line.note.into()],
                    role: Some(line.role),
                    ..blank(Side::Server, service, hop, next_id)
                });
            }
            Step::Event(Event::Relayed {
                queue_id,
                from_host,
                to_host,
                dialogue,
            }) => {
                let relay = Hop::Relay {
                    from: from_host.clone(),
                    to: to_host.clone(),
                };
                let event = Event::Relayed {
                    queue_id,
                    from_host,
                    to_host,
                    dialogue: Output::default(),
                };
                into.push(Entry {
                    event: Some(Happened::World(event)),
                    ..blank(Side::Event, service, hop, next_id)
                });
                // The relay is SMTP between servers, whatever the learner's protocol.
                push_lines(dialogue, Service::Smtp, &relay, next_id, into);
            }
            Step::Event(event) => into.push(Entry {
                event: Some(Happened::World(event)),
                ..blank(Side::Event, service, hop, next_id)
            }),
        }
    }
}

/// What screen readers hear of new lines: the first line of the reply to the last command,
/// and how many lines it has (not the "." that ends a long one). None without a reply.
pub fn announcement(new: &[Entry]) -> Option<(String, usize)> {
    let since_client = new
        .iter()
        .rposition(|e| e.side == Side::Client && e.hop == Hop::Direct)
        .map_or(0, |i| i + 1);
    let reply: Vec<&Entry> = new[since_client..]
        .iter()
        .filter(|e| e.side == Side::Server && e.hop == Hop::Direct)
        .collect();
    reply.first().map(|first| (first.text.clone(), reply.len()))
}

/// A dialogue in `C:`/`S:` form; relay lines start with `| `, and each connection starts
/// with a `#` header. Event lines are left out: they are the page's, not the wire's.
pub fn transcript<'a>(lines: impl Iterator<Item = &'a Entry>) -> String {
    lines
        .filter(|e| e.side != Side::Event)
        .map(|e| {
            let side = match e.side {
                Side::Session => return format!("\n# {}\n", e.text),
                Side::Client => "C:",
                _ => "S:",
            };
            let relay = if matches!(e.hop, Hop::Relay { .. }) {
                "| "
            } else {
                ""
            };
            format!("{relay}{side} {}\n", e.text).replace(": \n", ":\n")
        })
        .collect::<String>()
        .trim_start()
        .to_owned()
}

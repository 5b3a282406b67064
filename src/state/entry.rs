//! A dialogue line as the page keeps it, and how the engine's output becomes lines: pure
//! data, so a dialogue can be saved, shared, replayed and tested without a page.

use std::sync::Arc;

use facteur_protocols::client::trouble::Trouble;
use facteur_protocols::output::{Event, Output, Role, Step};
use facteur_protocols::vocab::Lang;
use facteur_protocols::Service;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::meaning::{EventKind, KeptEvent, Meaning, Words};
use super::playback::{Weigh, KEPT};

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
    /// For a folded line: the lines of a long reply it stands for, in order (see
    /// [`FOLD_AT`]); empty for every other line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fold: Vec<Entry>,
}

/// A reply that runs to more lines of one kind than this (a `FETCH 1:*` over thousands of
/// messages, a POP3 `LIST` of a big maildrop) shows its first and last [`EDGE`] lines and
/// one folded line between them that holds the rest: a learner reads the shape of the
/// answer at once, opens the fold to read on, and the page draws a few rows instead of
/// thousands after each command (issue 28: every command within a frame).
pub const FOLD_AT: usize = 100;
/// The lines left showing at each end of a folded run.
pub const EDGE: usize = 2;

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

    /// Makes the line, and the lines its fold holds, stand for snapshot `at`.
    pub fn set_snapshot(&mut self, at: usize) {
        self.snapshot = at;
        for line in &mut self.fold {
            line.snapshot = at;
        }
    }

    /// Whether this line folds away the middle of a long reply.
    pub fn is_fold(&self) -> bool {
        !self.fold.is_empty()
    }

    /// The lines this entry stands for in the dialogue: itself, or what its fold holds.
    pub fn lines(&self) -> &[Entry] {
        if self.is_fold() {
            &self.fold
        } else {
            std::slice::from_ref(self)
        }
    }

    /// This line, or a line its fold holds, with the id `id`.
    pub fn find(&self, id: u64) -> Option<&Entry> {
        if self.id == id {
            Some(self)
        } else {
            self.fold.iter().find(|e| e.id == id)
        }
    }
}

/// A folded line weighs as many lines as it holds, up to a quarter of what a dialogue
/// keeps: a few long replies stay open to read after the next commands, and a tab's memory
/// stays bounded.
impl Weigh for Arc<Entry> {
    fn weight(&self) -> usize {
        Entry::lines(self).len().min(KEPT / 4)
    }

    fn lines(&self) -> usize {
        Entry::lines(self).len()
    }
}

/// The line with id `id` among a dialogue's lines, folded ones included.
pub fn find(lines: &[Arc<Entry>], id: u64) -> Option<&Entry> {
    lines.iter().find_map(|e| e.find(id))
}

/// Turns what the engine said into dialogue lines, numbered by `next_id`; a relay the
/// learner's message set off follows its event line, as the second conversation it is.
pub fn lines_of(out: Output, service: Service, next_id: &mut u64) -> Vec<Entry> {
    let mut into = Vec::new();
    push_lines(out, service, &Hop::Direct, next_id, &mut into);
    fold_long_runs(into, next_id)
}

/// Whether `next` goes on the run of reply lines `last` is in: server lines of one kind
/// (untagged responses, listing lines, message content) in the same conversation.
fn continues_run(last: &Entry, next: &Entry) -> bool {
    last.side == Side::Server
        && next.side == Side::Server
        && last.hop == next.hop
        && last.role == next.role
        && matches!(next.role, Some(Role::Untagged | Role::Reply | Role::Data))
}

/// Folds the middle of every run longer than [`FOLD_AT`] into one line (see there).
fn fold_long_runs(lines: Vec<Entry>, next_id: &mut u64) -> Vec<Entry> {
    if lines.len() <= FOLD_AT {
        return lines;
    }
    let mut out = Vec::new();
    let mut run: Vec<Entry> = Vec::new();
    for line in lines {
        if run.last().is_some_and(|last| !continues_run(last, &line)) {
            close_run(&mut run, &mut out, next_id);
        }
        run.push(line);
    }
    close_run(&mut run, &mut out, next_id);
    out
}

/// Moves a finished run to `out`, its middle folded when it is long.
fn close_run(run: &mut Vec<Entry>, out: &mut Vec<Entry>, next_id: &mut u64) {
    if run.len() <= FOLD_AT {
        out.append(run);
        return;
    }
    let mut head = std::mem::take(run);
    let tail = head.split_off(head.len() - EDGE);
    let middle = head.split_off(EDGE);
    let first = &middle[0];
    let fold = Entry {
        text: "\u{22ef}".to_owned(),
        role: first.role,
        brisk: first.brisk,
        ..blank(Side::Server, first.service, &first.hop, next_id)
    };
    out.extend(head);
    out.push(Entry {
        fold: middle,
        ..fold
    });
    out.extend(tail);
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
        fold: Vec::new(),
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
    let count = reply.iter().map(|e| e.lines().len()).sum();
    reply.first().map(|first| (first.text.clone(), count))
}

/// A dialogue in `C:`/`S:` form; relay lines start with `| `, and each connection starts
/// with a `#` header. Event lines are left out: they are the page's, not the wire's.
pub fn transcript<'a>(lines: impl Iterator<Item = &'a Entry>) -> String {
    lines
        .flat_map(Entry::lines)
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

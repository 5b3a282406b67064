//! The terminal's connection to the engine: the one place in the web app that calls the
//! `World`. It turns the engine's output into dialogue entries and never decides anything
//! a protocol decides.

use std::sync::Arc;

use facteur_protocols::assist::{imap_needs_tag, suggestions};
use facteur_protocols::client::recording::Recording;
use facteur_protocols::client::trouble::Trouble;
use facteur_protocols::note::Note;
use facteur_protocols::output::{Event, Output, Role, Step};
use facteur_protocols::vocab::Awaiting;
use facteur_protocols::vocab::Lang;
use facteur_protocols::{Port, Service, SessionId, SessionInfo, World};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::browser::now;
use crate::playback::Playback;
use crate::scene::{Scene, Undoable};

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

/// What an event line reports: a change in the world, or a device's client giving up (its
/// own outcome, which no server said). Untagged, so a kept sandbox's `{"GaveUp": …}` lines
/// read as they were written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Happened {
    World(Event),
    Device(DeviceOutcome),
}

/// What a device's client reports about itself in the dialogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: u64,
    pub side: Side,
    pub text: String,
    pub notes: Vec<Note>,
    pub event: Option<Happened>,
    /// For a server line, what kind of line the engine says it is.
    pub role: Option<Role>,
    pub service: Service,
    pub hop: Hop,
    /// The scene's snapshot right after the engine call that produced this line.
    pub snapshot: usize,
}

impl Entry {
    /// A line of a message's content (DATA, RETR, a FETCH literal): it plays with the line
    /// that announced it.
    pub fn is_content(&self) -> bool {
        self.role == Some(Role::Data) || self.notes.iter().any(Note::is_message_data)
    }
}

/// The open connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Connection {
    pub id: SessionId,
    pub service: Service,
    pub port: Port,
    pub host: String,
    /// Who is connecting, as the diagram shows it ("Bob's phone").
    pub client: String,
    /// The account the learner chose, for suggestions in its name.
    pub login: String,
}

/// One device's terminal: its dialogue, its playback and the connection the learner typed
/// on it. Signals, and `Copy`, so every component can hold it.
#[derive(Clone, Copy)]
pub struct Console {
    pub scene: Scene,
    pub world: RwSignal<World>,
    pub connection: RwSignal<Option<Connection>>,
    pub playback: RwSignal<Playback<Arc<Entry>>>,
    pub selected: RwSignal<Option<u64>>,
    /// The latest reply's first line and its number of lines, for screen readers (an ARIA
    /// live region reads it).
    pub announcement: RwSignal<(String, usize)>,
    /// The client and server of the latest connection, for the diagram's lifelines.
    pub peers: RwSignal<Option<(String, String)>>,
    /// What the learner typed here since the terminal was last cleared, to share as a link.
    pub recording: RwSignal<Recording>,
    next_id: StoredValue<u64>,
    next_tag: StoredValue<u32>,
}

/// The console on screen, as provided by the terminal.
pub fn use_console() -> Console {
    expect_context()
}

impl Console {
    pub fn new(scene: Scene) -> Console {
        Console {
            scene,
            world: scene.world,
            connection: RwSignal::new(None),
            playback: RwSignal::new(Playback::default()),
            selected: RwSignal::new(None),
            announcement: RwSignal::new((String::new(), 0)),
            peers: RwSignal::new(None),
            recording: RwSignal::new(Recording::new(&scene.preset.get_untracked())),
            next_id: StoredValue::new(0),
            next_tag: StoredValue::new(1),
        }
    }

    /// The open session as the engine describes it, tracked for reactivity.
    pub fn info(&self) -> Option<SessionInfo> {
        let id = self.connection.with(|c| c.as_ref().map(|c| c.id))?;
        self.world.with(|w| w.session_info(id))
    }

    /// The mail server of an account's domain, as DNS would say.
    pub fn server_of(&self, login: &str) -> Option<String> {
        self.world.with_untracked(|w| {
            let domain = &w.store.account(login)?.address.domain;
            w.store
                .server_for_domain(domain)
                .map(|s| s.hostname.clone())
        })
    }

    pub fn connect(&self, login: &str, client: String, port: Port, lenient: bool) {
        self.scene.checkpoint(client.clone(), Undoable::Connect);
        self.disconnect();
        let Some(host) = self.server_of(login) else {
            return;
        };
        let result = self.world.try_update(|w| {
            w.lenient = lenient;
            w.connect(&host, port, now())
        });
        let Some(Ok((id, greeting))) = result else {
            return;
        };
        let preset = self.scene.preset.get_untracked();
        self.recording.update(|r| {
            // A dialogue is replayed in one world: another world starts a new recording.
            if r.preset != preset {
                *r = Recording::new(&preset);
            }
            r.connect(login, port, lenient);
        });
        self.attach(id, login, client, host, port);
        self.show(greeting, port.service);
    }

    /// Makes an open session this terminal's: its header in the dialogue, and the
    /// connection typed lines go to (a new connection, or one a lesson's replay left open).
    pub fn attach(&self, id: SessionId, login: &str, client: String, host: String, port: Port) {
        self.next_tag.set_value(1);
        self.open(&client, &host, port.service, port.number);
        self.connection.set(Some(Connection {
            id,
            service: port.service,
            port,
            host,
            client,
            login: login.to_owned(),
        }));
    }

    /// Starts a connection's part of the dialogue: its own header, so one session never
    /// runs into the next in the dialogue, the diagram or the transcript.
    pub fn open(&self, client: &str, host: &str, service: Service, port: u16) {
        self.peers.set(Some((client.to_owned(), host.to_owned())));
        let header = Entry {
            text: format!(
                "{client} → {host} · {} {port} · {}",
                service.name(),
                clock()
            ),
            snapshot: self.scene.latest.get_untracked(),
            ..self.entry(Side::Session, service, &Hop::Direct)
        };
        self.queue([header]);
    }

    pub fn disconnect(&self) {
        let Some(connection) = self.connection.get_untracked() else {
            return;
        };
        if let Some(out) = self.world.try_update(|w| w.disconnect(connection.id)) {
            self.show(out, connection.service);
        }
        self.connection.set(None);
    }

    /// What a learner could type next, as the engine sees the session (tracked).
    pub fn suggestions(&self) -> Vec<String> {
        let Some(info) = self.info() else {
            return Vec::new();
        };
        let login = self
            .connection
            .with(|c| c.as_ref().map(|c| c.login.clone()))
            .unwrap_or_default();
        self.world
            .with(|w| suggestions(info.stage, &w.store, &login))
    }

    /// The line as it will be sent: IMAP commands typed without a tag get the next one.
    pub fn outgoing(&self, line: &str) -> String {
        let info = self.info();
        let wants_tag = info
            .is_some_and(|i| i.service == Service::Imap && i.awaiting == Awaiting::Command)
            && imap_needs_tag(line);
        if wants_tag {
            format!("a{} {line}", self.next_tag.get_value())
        } else {
            line.to_owned()
        }
    }

    /// Sends one typed line (with CRLF) and queues what comes back.
    pub fn send(&self, typed: &str) {
        let Some(connection) = self.connection.get_untracked() else {
            return;
        };
        self.scene
            .checkpoint(connection.client.clone(), Undoable::Command);
        let line = self.outgoing(typed);
        if line != typed {
            self.next_tag.update_value(|n| *n += 1);
        }
        self.recording.update(|r| r.typed(&line));
        if self.check_idle() == Some(true) {
            return;
        }
        let bytes = format!("{line}\r\n");
        let out = self
            .world
            .try_update(|w| w.input(connection.id, bytes.as_bytes(), now()));
        if let Some(out) = out {
            if out.closed {
                self.connection.set(None);
            }
            self.show(out, connection.service);
        }
        // Sessions idling elsewhere (a device, another terminal) hear of what this did.
        self.scene.deliver_pushes();
    }

    /// Asks the engine whether the open session's idle deadline has passed; if so, shows
    /// the server's goodbye. Returns None once the console's signals are gone, and whether
    /// the connection was closed otherwise.
    pub fn check_idle(&self) -> Option<bool> {
        let connection = self.connection.try_get_untracked()?;
        let Some(connection) = connection else {
            return Some(false);
        };
        let out = self
            .world
            .try_update(|w| w.handle_timeout(connection.id, now()))?;
        if !out.closed {
            return Some(false);
        }
        self.connection.set(None);
        self.show(out, connection.service);
        Some(true)
    }

    /// A new entry with the next id; the caller fills in what it is.
    fn entry(&self, side: Side, service: Service, hop: &Hop) -> Entry {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
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
        }
    }

    fn event_entry(&self, event: Event, service: Service, hop: &Hop) -> Entry {
        Entry {
            event: Some(Happened::World(event)),
            ..self.entry(Side::Event, service, hop)
        }
    }

    fn entries(&self, out: Output, service: Service, hop: &Hop, into: &mut Vec<Entry>) {
        let Output { wire, steps, .. } = out;
        for step in steps {
            match step {
                Step::Client(line) => into.push(Entry {
                    text: line.text,
                    notes: line.notes,
                    ..self.entry(Side::Client, service, hop)
                }),
                Step::Server(line) => {
                    let bytes = wire.get(line.span).unwrap_or_default();
                    into.push(Entry {
                        text: String::from_utf8_lossy(bytes).into_owned(),
                        notes: vec![line.note],
                        role: Some(line.role),
                        ..self.entry(Side::Server, service, hop)
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
                    into.push(self.event_entry(event, service, hop));
                    // The relay is SMTP between servers, whatever the learner's protocol.
                    self.entries(dialogue, Service::Smtp, &relay, into);
                }
                Step::Event(event) => into.push(self.event_entry(event, service, hop)),
            }
        }
    }

    /// Queues what the engine said, each line with the snapshot of the world right after.
    pub fn show(&self, out: Output, service: Service) {
        let mut new = Vec::new();
        self.entries(out, service, &Hop::Direct, &mut new);
        let at = self.scene.record();
        for entry in &mut new {
            entry.snapshot = at;
        }
        // Screen readers hear the reply to the last command: its first line, and how many
        // lines it has, not the "." that ends a long one.
        let since_client = new
            .iter()
            .rposition(|e| e.side == Side::Client && e.hop == Hop::Direct)
            .map_or(0, |i| i + 1);
        let reply: Vec<&Entry> = new[since_client..]
            .iter()
            .filter(|e| e.side == Side::Server && e.hop == Hop::Direct)
            .collect();
        if let Some(first) = reply.first() {
            self.announcement.set((first.text.clone(), reply.len()));
        }
        self.queue(new);
    }

    /// A device's client gave up: its own line in the dialogue, after what the server said.
    pub fn gave_up(&self, trouble: Trouble, service: Service) {
        let entry = Entry {
            event: Some(Happened::Device(DeviceOutcome::GaveUp { trouble })),
            snapshot: self.scene.record(),
            ..self.entry(Side::Event, service, &Hop::Direct)
        };
        self.queue([entry]);
    }

    /// Puts lines in the playback queue; at the instant speed they are shown at once.
    fn queue(&self, entries: impl IntoIterator<Item = Entry>) {
        let instant = self.scene.speed.get_untracked() == crate::scene::INSTANT;
        self.playback.update(|p| {
            entries.into_iter().for_each(|e| p.enqueue(Arc::new(e)));
            if instant {
                p.skip_to_end();
            }
        });
    }

    /// After a device took in what its client found: the dialogue's last line now stands for
    /// the device as it is, so the device's view changes when that line is shown.
    pub fn settle(&self) {
        let at = self.scene.amend();
        self.playback.update(|p| {
            if let Some(last) = p.last_mut() {
                Arc::make_mut(last).snapshot = at;
            }
        });
    }

    /// Forgets everything: the dialogue, the selection, the connection (the world it was in
    /// is gone).
    pub fn reset(&self) {
        self.clear();
        self.connection.set(None);
        self.peers.set(None);
        self.announcement.set((String::new(), 0));
        self.next_tag.set_value(1);
    }

    /// Empties the dialogue; an open connection goes on, its next lines start afresh.
    pub fn clear(&self) {
        self.playback.update(Playback::clear);
        let preset = self.scene.preset.get_untracked();
        self.recording.set(Recording::new(&preset));
        self.selected.set(None);
    }

    /// Every line of the dialogue, shown or waiting, for saving the sandbox.
    pub fn lines(&self) -> Vec<Entry> {
        self.playback.with_untracked(|p| {
            p.shown()
                .iter()
                .chain(p.pending())
                .map(|e| Entry::clone(e))
                .collect()
        })
    }

    /// Puts back a saved dialogue, all of it shown, every line standing for `snapshot`
    /// (the saved world: older steps are not kept across a reload).
    pub fn restore(&self, lines: Vec<Entry>, snapshot: usize) {
        let next = lines.iter().map(|e| e.id + 1).max().unwrap_or(0);
        self.next_id.set_value(next);
        self.playback.update(|p| {
            p.clear();
            for mut line in lines {
                line.snapshot = snapshot;
                p.enqueue(Arc::new(line));
            }
            p.skip_to_end();
        });
    }

    /// A line of the page's own in the dialogue (an undo), as an event line, shown at once.
    pub fn remark(&self, text: String) {
        let service = self
            .connection
            .with_untracked(|c| c.as_ref().map(|c| c.service))
            .unwrap_or(Service::Smtp);
        let entry = Entry {
            text,
            snapshot: self.scene.latest.get_untracked(),
            ..self.entry(Side::Event, service, &Hop::Direct)
        };
        // Shown at once, with what was waiting: the views show the world it speaks of.
        self.playback.update(|p| {
            p.enqueue(Arc::new(entry));
            p.skip_to_end();
        });
    }

    /// The dialogue so far in `C:`/`S:` form; relay lines start with `| `, and each
    /// connection starts with a `#` header.
    pub fn transcript(&self) -> String {
        self.playback.with(|p| {
            p.shown()
                .iter()
                .chain(p.pending())
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
        })
    }
}

/// The time of day, as the header of a connection shows it (`17:14`).
fn clock() -> String {
    let d = js_sys::Date::new_0();
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

//! One device's terminal, as data: its dialogue and how far it has played, the line the
//! learner selected, what screen readers hear, and the connection the learner typed on.
//!
//! A console never calls the engine and never looks at the scene: the scene's driver does
//! both, and hands the console the lines that came back. Views read it through accessors
//! and act on it through the few named operations below (step, select, show all).

use std::sync::Arc;

use facteur_protocols::assist::{imap_needs_tag, suggestions};
use facteur_protocols::records::recording::Recording;
use facteur_protocols::table::Table;
use facteur_protocols::vocab::Awaiting;
use facteur_protocols::{Port, Service, SessionId, SessionInfo, World};
use leptos::prelude::*;

use super::entry::{self, blank, Entry, Hop, Side};
use super::playback::Playback;

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

/// One device's terminal. Signals, and `Copy`, so every component can hold it.
#[derive(Clone, Copy)]
pub struct Console {
    /// The scene's table, read only: what the open session is, what to suggest, what was
    /// typed here.
    table: RwSignal<Table>,
    /// The device whose terminal it is (`bob-phone`).
    device: StoredValue<String>,
    connection: RwSignal<Option<Connection>>,
    playback: RwSignal<Playback<Arc<Entry>>>,
    selected: RwSignal<Option<u64>>,
    /// The latest reply's first line and its number of lines, for screen readers (an ARIA
    /// live region reads it).
    announcement: RwSignal<(String, usize)>,
    /// The client and server of the latest connection, for the diagram's lifelines.
    peers: RwSignal<Option<(String, String)>>,
    /// The protocol and port of the latest connection in the dialogue, the learner's or an
    /// app's: the connect bar offers them, so it names what the dialogue on screen shows.
    dialed: RwSignal<Option<(Service, u16)>>,
    /// Where what the learner typed here starts in the table's journal (the terminal was
    /// last cleared then), and the world it was typed in: the dialogue's shared link.
    recorded: RwSignal<(String, usize)>,
    next_id: StoredValue<u64>,
    next_tag: StoredValue<u32>,
    /// Whether the device's app (not the learner at the terminal) opened the latest
    /// connection: its server lines play briskly.
    app_speaking: StoredValue<bool>,
}

/// The console on screen, as provided by the terminal.
pub fn use_console() -> Console {
    expect_context()
}

impl Console {
    /// A console with an empty dialogue for `device`'s terminal, over the scene's table
    /// (its world named `preset`).
    pub fn new(table: RwSignal<Table>, device: String, preset: &str) -> Console {
        Console {
            table,
            device: StoredValue::new(device),
            connection: RwSignal::new(None),
            playback: RwSignal::new(Playback::default()),
            selected: RwSignal::new(None),
            announcement: RwSignal::new((String::new(), 0)),
            peers: RwSignal::new(None),
            dialed: RwSignal::new(None),
            recorded: RwSignal::new((preset.to_owned(), 0)),
            next_id: StoredValue::new(0),
            next_tag: StoredValue::new(1),
            app_speaking: StoredValue::new(false),
        }
    }

    // ----- reading -----

    /// The open session as the engine describes it, tracked for reactivity.
    pub fn info(&self) -> Option<SessionInfo> {
        let id = self.connection.with(|c| c.as_ref().map(|c| c.id))?;
        self.table.with(|t| t.world().session_info(id))
    }

    /// Reads the world the console's sessions are in (tracked).
    pub fn with_world<R>(&self, f: impl FnOnce(&World) -> R) -> R {
        self.table.with(|t| f(t.world()))
    }

    /// The device whose terminal it is.
    pub fn device(&self) -> String {
        self.device.get_value()
    }

    /// The connection the learner typed on (tracked).
    pub fn connection(&self) -> Option<Connection> {
        self.connection.get()
    }

    /// The connection, without tracking (for event handlers).
    pub fn connection_untracked(&self) -> Option<Connection> {
        self.connection.get_untracked()
    }

    /// Reads the dialogue and how far it has played (tracked).
    pub fn with_playback<R>(&self, f: impl FnOnce(&Playback<Arc<Entry>>) -> R) -> R {
        self.playback.with(f)
    }

    /// The line the learner selected, by id (tracked).
    pub fn selected(&self) -> Option<u64> {
        self.selected.get()
    }

    pub fn selected_untracked(&self) -> Option<u64> {
        self.selected.get_untracked()
    }

    /// Whether a line is selected (tracked).
    pub fn has_selection(&self) -> bool {
        self.selected.with(Option::is_some)
    }

    /// The latest reply's first line and its number of lines (tracked).
    pub fn announcement(&self) -> (String, usize) {
        self.announcement.get()
    }

    /// Who talks to whom on the latest connection (tracked).
    pub fn peers(&self) -> Option<(String, String)> {
        self.peers.get()
    }

    /// The protocol and port of the latest connection in the dialogue (tracked).
    pub fn dialed(&self) -> Option<(Service, u16)> {
        self.dialed.get()
    }

    /// Reads what the learner typed since the terminal was cleared (tracked).
    pub fn with_recording<R>(&self, f: impl FnOnce(&Recording) -> R) -> R {
        let (preset, from) = self.recorded.get();
        let device = self.device.get_value();
        let recording = self.table.with(|t| {
            let login = t
                .device(&device)
                .map(|d| d.login.clone())
                .unwrap_or_default();
            Recording::of(&preset, &login, t.journal().typed_at(&device, from))
        });
        f(&recording)
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
        self.table
            .with(|t| suggestions(info.stage, &t.world().store, &login))
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

    /// The dialogue so far in `C:`/`S:` form (tracked).
    pub fn transcript(&self) -> String {
        self.playback
            .with(|p| entry::transcript(p.shown().iter().chain(p.pending()).map(|e| e.as_ref())))
    }

    // ----- what views do -----

    /// Selects a line (its explanation opens, the views show the world as of it), or none.
    pub fn select(&self, line: Option<u64>) {
        self.selected.set(line);
    }

    /// Shows the next line waiting (with the message content it announces).
    pub fn step_forward(&self) {
        self.playback.update(|p| {
            p.step_with(|e| e.plays_with_previous());
        });
    }

    /// Hides the newest line shown again; the selection goes.
    pub fn step_back(&self) {
        self.selected.set(None);
        self.playback.update(|p| {
            p.step_back_with(|e| e.plays_with_previous());
        });
    }

    /// Shows the next waiting line, for the play timer; None once the page's signals are
    /// gone (the timer ends).
    pub fn tick(&self) -> Option<()> {
        self.playback.try_update(|p| {
            p.step_with(|e| e.plays_with_previous());
        })
    }

    /// Shows every waiting line at once.
    pub fn show_all(&self) {
        self.playback.update(Playback::skip_to_end);
    }

    // ----- what the scene's driver does -----

    /// Takes new lines from the engine, each standing for snapshot `at`; screen readers
    /// hear the reply. At the instant speed they are shown at once.
    pub(super) fn take(&self, mut new: Vec<Entry>, at: usize, instant: bool) {
        for line in &mut new {
            line.set_snapshot(at);
        }
        if let Some(heard) = entry::announcement(&new) {
            self.announcement.set(heard);
        }
        self.queue(new, instant);
    }

    /// Turns the engine's output into this dialogue's next lines.
    pub(super) fn lines_of(
        &self,
        out: facteur_protocols::output::Output,
        service: Service,
    ) -> Vec<Entry> {
        let mut next = self.next_id.get_value();
        let lines = entry::lines_of(out, service, &mut next);
        self.next_id.set_value(next);
        lines
    }

    /// A new line of this dialogue of the given kind; the caller says what it says.
    pub(super) fn line(&self, side: Side, service: Service) -> Entry {
        let mut next = self.next_id.get_value();
        let line = blank(side, service, &Hop::Direct, &mut next);
        self.next_id.set_value(next);
        line
    }

    /// Puts lines in the playback queue; at the instant speed they are shown at once.
    pub(super) fn queue(&self, entries: impl IntoIterator<Item = Entry>, instant: bool) {
        self.playback.update(|p| {
            entries.into_iter().for_each(|e| p.enqueue(Arc::new(e)));
            if instant {
                p.skip_to_end();
            }
        });
    }

    /// Starts a connection's part of the dialogue: its own header line, so one session
    /// never runs into the next in the dialogue, the diagram or the transcript.
    pub(super) fn header(
        &self,
        client: &str,
        host: &str,
        service: Service,
        port: u16,
        time: &str,
    ) -> Entry {
        self.peers.set(Some((client.to_owned(), host.to_owned())));
        self.dialed.set(Some((service, port)));
        Entry {
            text: format!("{client} → {host} · {} {port} · {time}", service.name()),
            ..self.line(Side::Session, service)
        }
    }

    /// Lines answering a device's app (and what they changed) play in the beat of the line
    /// before them: an app's
    /// check reads command by command. The learner's own commands keep a beat per line.
    pub(super) fn pace(&self, lines: &mut [Entry]) {
        if self.app_speaking.get_value() {
            for line in lines
                .iter_mut()
                .filter(|l| matches!(l.side, Side::Server | Side::Event))
            {
                line.brisk = true;
            }
        }
    }

    /// Who opened the latest connection: the device's app, or the learner.
    pub(super) fn set_app_speaking(&self, app: bool) {
        self.app_speaking.set_value(app);
    }

    /// The connection typed lines now go to; its IMAP tags start again at `a1`.
    pub(super) fn set_connection(&self, connection: Option<Connection>) {
        if connection.is_some() {
            self.next_tag.set_value(1);
        }
        self.connection.set(connection);
    }

    /// Gives the connection back as it was at a checkpoint, tags and all as they are.
    pub(super) fn put_back(&self, connection: Option<Connection>) {
        self.connection.set(connection);
    }

    /// A tag was added to a typed line: the next line gets the next one.
    pub(super) fn used_tag(&self) {
        self.next_tag.update_value(|n| *n += 1);
    }

    /// After a device took in what its client found: the dialogue's last line now stands
    /// for snapshot `at`, so the device's view changes when that line is shown.
    pub(super) fn settle(&self, at: usize) {
        self.playback.update(|p| {
            if let Some(last) = p.last_mut() {
                Arc::make_mut(last).set_snapshot(at);
            }
        });
    }

    /// Forgets everything: the dialogue, the selection, the connection (the world it was
    /// in is gone).
    pub(super) fn reset(&self, preset: &str) {
        self.clear(preset, 0);
        self.connection.set(None);
        self.peers.set(None);
        self.dialed.set(None);
        self.announcement.set((String::new(), 0));
        self.next_tag.set_value(1);
    }

    /// Empties the dialogue; an open connection goes on, its next lines start afresh, and
    /// its shared link holds what is typed from action `from` of the journal on.
    pub(super) fn clear(&self, preset: &str, from: usize) {
        self.playback.update(Playback::clear);
        self.recorded.set((preset.to_owned(), from));
        self.selected.set(None);
    }

    /// Puts back a saved dialogue, all of it shown, every line standing for `snapshot`
    /// (the saved world: older steps are not kept across a reload).
    pub(super) fn restore(&self, lines: Vec<Entry>, snapshot: usize) {
        let next = lines.iter().map(|e| e.id + 1).max().unwrap_or(0);
        self.next_id.set_value(next);
        self.playback.update(|p| {
            p.clear();
            for mut line in lines {
                line.set_snapshot(snapshot);
                p.enqueue(Arc::new(line));
            }
            p.skip_to_end();
        });
    }

    /// A line of the page's own in the dialogue (an undo), as an event line, shown at once
    /// with what was waiting: the views show the world it speaks of.
    pub(super) fn remark(&self, text: String, snapshot: usize) {
        let service = self
            .connection
            .with_untracked(|c| c.as_ref().map(|c| c.service))
            .unwrap_or(Service::Smtp);
        let entry = Entry {
            text,
            snapshot,
            ..self.line(Side::Event, service)
        };
        self.playback.update(|p| {
            p.enqueue(Arc::new(entry));
            p.skip_to_end();
        });
    }
}

//! The table: everything a learner does is played here, on one world with its devices.
//!
//! It holds the [`World`], the devices, the terminals open on them and the connections
//! devices keep open in IDLE. [`Table::play`] takes one [`Action`] (a typed line, a click
//! on a device, new settings) and tells, as it happens, which device's channel heard what:
//! the server's replies, a connection opening, an app giving up, a device taking in what
//! its app found. Updates the server pushes to idling connections are handed on before
//! `play` returns, and [`Table::renew_idle`] keeps IDLE alive as RFC 2177 §3 asks.
//!
//! The page drives it and shows what it hears; the bench, a replayed scenario and the
//! tests drive it with nobody listening. So an action does the same thing wherever it is
//! played, and every action played is written in one [`Journal`].

mod action;
mod app;
mod journal;
pub(crate) mod slugs;
mod terminal;
mod view;
mod wire;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

pub use action::{set_up, Action, MessageRef, Reading, ServerChange, SettingsChange};
pub use journal::{Journal, Typed};
pub use view::TableView;

use crate::client::sync::Syncer;
use crate::client::trouble::Trouble;
use crate::device::people::devices_of;
use crate::device::problem::Problem;
use crate::device::Device;
use crate::output::Output;
use crate::time::Timestamp;
use crate::trace::Trace;
use crate::{Port, Service, SessionId, World};

/// The devices of a world, by id (`bob-phone`).
pub type Devices = BTreeMap<String, Device>;

/// Who speaks on a device's channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Speaker {
    /// The learner, typing in the device's terminal.
    Terminal,
    /// The device's mail app, with its scripted clients.
    App,
}

/// What a device's channel heard (sent as it is to a class member's page).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Said {
    /// A connection opens to `host` on `port`: a new part of the dialogue starts.
    Opened {
        /// The learner at the terminal, or the device's app.
        speaker: Speaker,
        /// The server's name.
        host: String,
        /// The protocol spoken.
        service: Service,
        /// The port.
        port: u16,
    },
    /// The server answered (or closed the connection).
    Output {
        /// The protocol spoken.
        service: Service,
        /// What the server said.
        output: Output,
    },
    /// The device's app stopped on `trouble`; its problem says why.
    GaveUp {
        /// What it ran into.
        trouble: Trouble,
        /// The protocol it was speaking.
        service: Service,
    },
    /// The device took in what its app found, with no new word said; `news` messages
    /// arrived in its INBOX.
    Settled {
        /// How many messages are new.
        news: usize,
    },
    /// The device changed on its own (new settings, a POP3 device's local change), with
    /// no dialogue; `news` as above.
    Changed {
        /// How many messages are new.
        news: usize,
    },
}

/// One thing heard, with the world and the devices as they are right after it.
pub struct Heard<'a> {
    /// The device whose channel heard it.
    pub device: &'a str,
    /// What it heard.
    pub said: Said,
    /// The world right after.
    pub world: &'a World,
    /// The devices right after.
    pub devices: &'a Devices,
    /// The rest of the table right after, for [`Heard::view_of`].
    open: Open<'a>,
}

/// What is open on a table, lent with what a device heard.
#[derive(Clone, Copy)]
struct Open<'a> {
    terminals: &'a BTreeMap<String, Terminal>,
    links: &'a BTreeMap<String, Link>,
    problems: &'a BTreeMap<String, Problem>,
}

/// Who listens to a table while it plays (the page's consoles; nobody, for the bench).
pub type Listener<'l> = dyn FnMut(Heard<'_>) + 'l;

/// A terminal's open connection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Terminal {
    /// The session on the world.
    pub session: SessionId,
    /// The port it is connected to.
    pub port: Port,
    /// The server's name.
    pub host: String,
}

/// An IMAP device's connection kept open in IDLE, and the client speaking on it.
#[derive(Debug, Clone)]
struct Link {
    session: SessionId,
    syncer: Syncer,
}

/// The world, its devices, and what is open on them.
#[derive(Debug, Clone)]
pub struct Table {
    world: World,
    devices: Devices,
    terminals: BTreeMap<String, Terminal>,
    /// The device whose terminal was connected or typed on last.
    typing: Option<String>,
    links: BTreeMap<String, Link>,
    /// Devices idling on a table held elsewhere (a class server's), as its view says: this
    /// copy has no connection of its own to keep.
    idling: BTreeSet<String>,
    /// Updates pushed to sessions that are none of this table's (a real client's, on a
    /// class server's TCP port), for the driver that holds them.
    foreign: Vec<(SessionId, Output)>,
    /// Why a device's last action failed, by device.
    problems: BTreeMap<String, Problem>,
    journal: Journal,
    /// The Message-IDs of the messages the devices sent, for a lesson's goals about "the
    /// message you sent" whatever the learner called it.
    sent: Vec<String>,
}

impl Table {
    /// A table over a world and its devices as they are; nothing open, nothing played.
    pub fn new(world: World, devices: Devices) -> Table {
        let journal = Journal::new(&devices);
        Table {
            world,
            devices,
            terminals: BTreeMap::new(),
            typing: None,
            links: BTreeMap::new(),
            idling: BTreeSet::new(),
            foreign: Vec::new(),
            problems: BTreeMap::new(),
            journal,
            sent: Vec::new(),
        }
    }

    /// A built-in world with everyone's devices as it starts them.
    pub fn of_world(world: World) -> Table {
        let devices = devices_of(&world);
        Table::new(world, devices)
    }

    /// The world the actions are played on.
    pub fn world(&self) -> &World {
        &self.world
    }

    /// The world, for a driver that opens sessions of its own on it (a class server's TCP
    /// ports); after feeding one, it calls [`Table::deliver_pushes`].
    pub fn world_mut(&mut self) -> &mut World {
        &mut self.world
    }

    /// Every device, by id.
    pub fn devices(&self) -> &Devices {
        &self.devices
    }

    /// One device, by id (`bob-phone`).
    pub fn device(&self, id: &str) -> Option<&Device> {
        self.devices.get(id)
    }

    /// Why each device's last action failed, for those whose did.
    pub fn problems(&self) -> &BTreeMap<String, Problem> {
        &self.problems
    }

    /// Puts back problems saved with a world (a kept sandbox).
    pub fn set_problems(&mut self, problems: BTreeMap<String, Problem>) {
        self.problems = problems;
    }

    /// Whether a device holds a connection open in IDLE.
    pub fn is_idling(&self, device: &str) -> bool {
        self.links.contains_key(device) || self.idling.contains(device)
    }

    /// The terminal connection open on a device, if there is one.
    pub fn terminal(&self, device: &str) -> Option<&Terminal> {
        self.terminals.get(device)
    }

    /// The terminals still connected, by device.
    pub fn terminals(&self) -> impl Iterator<Item = (&String, &Terminal)> {
        self.terminals
            .iter()
            .filter(|(_, t)| self.world.is_open(t.session))
    }

    /// The Message-IDs of the messages the devices sent since the table was set.
    pub fn sent(&self) -> &[String] {
        &self.sent
    }

    /// Every action played since the table was set, in order.
    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    /// Starts the journal again from the devices as they are (a new lesson step, a
    /// restored sandbox's scenario).
    pub fn restart_journal(&mut self, journal: Option<Journal>) {
        self.journal = journal.unwrap_or_else(|| Journal::new(&self.devices));
    }

    /// The world's trace starts afresh: a lesson step's goals look only at what happens
    /// from here.
    pub fn restart_trace(&mut self) {
        self.world
            .trace
            .get_or_insert_with(Trace::default)
            .restart();
    }

    /// Goes back to an earlier copy of this table (Undo). Devices in IDLE are
    /// disconnected, as their apps do not go back in time; terminals keep the connections
    /// the copy had.
    pub fn rewind_to(&mut self, mut earlier: Table) {
        let kept: Vec<SessionId> = earlier.terminals.values().map(|t| t.session).collect();
        for session in earlier.world.session_ids() {
            if !kept.contains(&session) {
                earlier.world.disconnect(session);
            }
        }
        earlier.links.clear();
        *self = earlier;
    }

    /// Plays one action at `now`, telling `heard` what each channel hears as it happens.
    /// An action that cannot be done (no terminal open, a device or a message that is not
    /// there) does nothing, as the page would not offer it; returns whether it was done.
    pub fn play(&mut self, action: &Action, now: Timestamp, heard: &mut Listener<'_>) -> bool {
        let mut done = action.clone();
        let played = match action {
            Action::Connect {
                device,
                port,
                lenient,
            } => self.connect(device, *port, *lenient, now, heard),
            Action::Type { device, line } => {
                match device.clone().or_else(|| self.typing_terminal()) {
                    Some(device) => {
                        let typed = self.type_line(&device, line, now, heard);
                        done = Action::Type {
                            device: Some(device),
                            line: line.clone(),
                        };
                        typed
                    }
                    None => false,
                }
            }
            Action::Disconnect { device } => self.disconnect(device, heard),
            Action::Answer { .. } => true,
            on_a_device => self.work(on_a_device, now, heard),
        };
        if played {
            self.journal.push(done);
        }
        self.deliver_pushes(now, heard);
        played
    }

    /// Tells the listener what a device heard, with the table as it is now.
    fn tell(&self, device: &str, said: Said, heard: &mut Listener<'_>) {
        heard(Heard {
            device,
            said,
            world: &self.world,
            devices: &self.devices,
            open: Open {
                terminals: &self.terminals,
                links: &self.links,
                problems: &self.problems,
            },
        });
    }

    /// Gives the updates the engine pushed to idling sessions to whoever holds them: a
    /// device's app (which wakes and resyncs), or a terminal where the learner typed IDLE;
    /// others are kept for [`Table::take_foreign_pushes`]. Each round answers the pushes of the one before; a few rounds always suffice.
    pub fn deliver_pushes(&mut self, now: Timestamp, heard: &mut Listener<'_>) {
        for _ in 0..PUSH_ROUNDS {
            let pushes = self.world.take_pushes();
            if pushes.is_empty() {
                return;
            }
            for (session, output) in pushes {
                let linked = self
                    .links
                    .iter()
                    .find(|(_, link)| link.session == session)
                    .map(|(id, _)| id.clone());
                if let Some(id) = linked {
                    self.wake(&id, output, now, heard);
                } else if let Some(id) = self
                    .terminals
                    .iter()
                    .find(|(_, t)| t.session == session)
                    .map(|(id, _)| id.clone())
                {
                    let said = Said::Output {
                        service: Service::Imap,
                        output,
                    };
                    self.tell(&id, said, heard);
                } else {
                    self.foreign.push((session, output));
                }
            }
        }
    }

    /// Updates pushed to sessions the table does not hold, since the last call: a driver
    /// that opens its own sessions on the table's world delivers them.
    pub fn take_foreign_pushes(&mut self) -> Vec<(SessionId, Output)> {
        std::mem::take(&mut self.foreign)
    }
}

/// How many times pushes are passed on after one action.
const PUSH_ROUNDS: usize = 4;

#[cfg(test)]
mod tests;

//! The page's driver of the engine's table. A typed line, a click on a device and the
//! clock's ticks become the table's actions; what each device's channel hears goes to its
//! console as dialogue lines, each standing for the snapshot recorded right after.

use facteur_protocols::table::{Action, Devices, Heard, Said, Speaker};
use facteur_protocols::{Port, World};
use leptos::prelude::*;

use super::clock::{now, time_of_day};
use super::console::{Connection, Console};
use super::entry::{DeviceOutcome, Entry, Happened, Side};
use super::scene::Scene;

impl Scene {
    /// Plays a learner's action on the table; `who` names the device in the dialogue and
    /// on the Undo button ("Bob's phone"). Returns whether it was done.
    pub fn play(&self, action: Action, who: &str) -> bool {
        let remote = self.remote.get_value();
        if remote.is_none() && !matches!(action, Action::Disconnect { .. } | Action::Answer { .. })
        {
            self.checkpoint(who.to_owned(), action.clone());
        }
        // The terminal follows the device used, unless a lesson step watches another.
        let watching = self.watching.get_untracked().is_some();
        if let Some(device) = action
            .device()
            .filter(|_| !action.at_terminal() && !watching)
        {
            self.active.set(device.to_owned());
        }
        if let Some(remote) = remote {
            // The class server plays it; what the devices hear comes back (`remote.rs`).
            self.remote.update_value(|r| {
                if let Some(r) = r {
                    r.who = who.to_owned();
                }
            });
            return (remote.send)(action);
        }
        let (instant, at) = (self.is_instant(), now());
        let mut news = None;
        let played = self
            .table
            .try_update(|t| {
                t.play(&action, at, &mut |heard| {
                    self.hear(heard, who, instant, &mut news);
                })
            })
            .unwrap_or(false);
        self.follow_terminals(who);
        if news.is_some() {
            self.news.set(news);
        }
        played
    }

    /// Readies the devices for a lesson step that goes on from the one before: its set-up
    /// actions, played like any other but not offered to Undo.
    pub fn set_up(&self, actions: Vec<Action>, who: impl Fn(&str) -> String) {
        let (instant, at) = (self.is_instant(), now());
        let mut news = None;
        for action in actions {
            let label = action.device().map(&who).unwrap_or_default();
            self.table.try_update(|t| {
                t.play(&action, at, &mut |heard| {
                    self.hear(heard, &label, instant, &mut news);
                })
            });
        }
        self.record();
        self.follow_terminals_with(who);
    }

    /// Opens a connection from a console's terminal to its device's server on `port`, as
    /// `who` ("Bob's phone"); the terminal's previous connection closes first.
    pub fn connect(&self, console: Console, who: &str, port: Port, lenient: bool) {
        let action = Action::Connect {
            device: console.device(),
            port: port.number,
            lenient,
        };
        self.play(action, who);
    }

    /// Sends one typed line (an IMAP tag added if it has none) and shows what comes back.
    /// Returns whether it went (not while a class page's connection is down: the learner
    /// keeps the line).
    pub fn send(&self, console: Console, typed: &str) -> bool {
        let Some(connection) = console.connection_untracked() else {
            return false;
        };
        let line = console.outgoing(typed);
        let tagged = line != typed;
        let action = Action::Type {
            device: Some(console.device()),
            line,
        };
        let went = self.play(action, &connection.client);
        if went && tagged {
            console.used_tag();
        }
        went
    }

    /// Closes the terminal's connection as a client that goes away does.
    pub fn disconnect(&self, console: Console) {
        if let Some(connection) = console.connection_untracked() {
            let device = console.device();
            self.play(Action::Disconnect { device }, &connection.client);
        }
    }

    /// Asks whether a terminal's session has been idle past its deadline; if so, shows the
    /// server's goodbye. Returns None once the page's signals are gone, and whether the
    /// connection was closed otherwise.
    pub fn check_idle(&self, console: Console) -> Option<bool> {
        // A class server keeps its own clock on its connections.
        if self.remote.try_with_value(Option::is_some)? {
            return Some(false);
        }
        let (device, instant, at) = (console.device(), self.is_instant(), now());
        let mut news = None;
        let closed = self.table.try_maybe_update(|t| {
            let closed = t.time_out(&device, at, &mut |heard| {
                self.hear(heard, "", instant, &mut news);
            });
            (closed, closed)
        })?;
        if closed {
            console.set_connection(None);
        }
        Some(closed)
    }

    /// Devices idling for long renew their IDLE before the server's time-out (RFC 2177).
    pub fn renew_idle(&self) {
        if self.is_remote() {
            return;
        }
        let (instant, at) = (self.is_instant(), now());
        let mut news = None;
        self.table.try_maybe_update(|t| {
            let mut heard_any = false;
            t.renew_idle(at, &mut |heard| {
                heard_any = true;
                self.hear(heard, "", instant, &mut news);
            });
            (heard_any, ())
        });
        if news.is_some() {
            self.news.set(news);
        }
    }

    /// Gives each terminal the connection a lesson's steps before left open: its header in
    /// the dialogue, and the connection typed lines go to. `who` names each device.
    pub fn attach_open_terminals(&self, who: impl Fn(&str) -> String) {
        let open: Vec<(String, Port, String)> = self.table.with_untracked(|t| {
            t.terminals()
                .map(|(id, terminal)| (id.clone(), terminal.port, terminal.host.clone()))
                .collect()
        });
        for (id, port, host) in open {
            let Some(console) = self.console(&id) else {
                continue;
            };
            let header = Entry {
                snapshot: self.latest_untracked(),
                ..console.header(&who(&id), &host, port.service, port.number, &time_of_day())
            };
            console.queue([header], self.is_instant());
        }
        self.follow_terminals_with(who);
    }

    /// What a device's channel heard goes to its console.
    fn hear(&self, heard: Heard<'_>, who: &str, instant: bool, news: &mut Option<(String, usize)>) {
        let table = (heard.world, heard.devices);
        self.heard(heard.device, heard.said, table, who, instant, news);
    }

    /// What `device`'s channel heard goes to its console; `table` is the world and the
    /// devices right after.
    pub(super) fn heard(
        &self,
        device: &str,
        said: Said,
        (world, devices): (&World, &Devices),
        who: &str,
        instant: bool,
        news: &mut Option<(String, usize)>,
    ) {
        let Some(console) = self.console(device) else {
            return;
        };
        match said {
            Said::Opened {
                speaker,
                host,
                service,
                port,
            } => {
                console.set_app_speaking(speaker == Speaker::App);
                let header = Entry {
                    snapshot: self.latest_untracked(),
                    ..console.header(who, &host, service, port, &time_of_day())
                };
                console.queue([header], instant);
            }
            Said::Output { service, output } => {
                let mut lines = console.lines_of(output, service);
                console.pace(&mut lines);
                let at = self.record_of(world, devices);
                console.take(lines, at, instant);
            }
            Said::GaveUp { trouble, service } => {
                let line = Entry {
                    event: Some(Happened::Device(DeviceOutcome::GaveUp { trouble })),
                    ..console.line(Side::Event, service)
                };
                let at = self.record_of(world, devices);
                console.take(vec![line], at, instant);
            }
            Said::Settled { news: count } => {
                let at = self.amend(devices);
                console.settle(at);
                if count > 0 {
                    *news = Some((device.to_owned(), count));
                }
            }
            Said::Changed { news: count } => {
                self.record_of(world, devices);
                if count > 0 {
                    *news = Some((device.to_owned(), count));
                }
            }
        }
    }

    /// Each console's connection follows its terminal on the table: gone when the server
    /// or the learner closed it, new when one was opened (by `who`).
    pub(super) fn follow_terminals(&self, who: &str) {
        self.follow_terminals_with(|_| who.to_owned());
    }

    fn follow_terminals_with(&self, who: impl Fn(&str) -> String) {
        for (id, console) in self.consoles_by_id() {
            let terminal = self.table.with_untracked(|t| {
                let login = t.device(&id).map(|d| d.login.clone())?;
                let open = t
                    .terminal(&id)
                    .filter(|k| t.world().is_open(k.session))
                    .cloned();
                Some((open?, login))
            });
            let shown = console.connection_untracked().map(|c| c.id);
            match terminal {
                None if shown.is_some() => console.set_connection(None),
                Some((terminal, login)) if shown != Some(terminal.session) => {
                    console.set_connection(Some(Connection {
                        id: terminal.session,
                        service: terminal.port.service,
                        port: terminal.port,
                        host: terminal.host,
                        client: who(&id),
                        login,
                    }));
                }
                _ => {}
            }
        }
    }
}

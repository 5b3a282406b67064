//! The page's only caller of the engine. A typed line, a click on a device and a pushed
//! update all come here: the driver calls the `World`, the devices' scripted clients speak
//! through it, and what comes back goes to the device's console as dialogue lines, each
//! standing for the snapshot recorded right after.

use facteur_protocols::client::compose::Draft;
use facteur_protocols::client::conversation::converse;
use facteur_protocols::client::device::{Action, Check, Device, Key, Receiving};
use facteur_protocols::client::dial::{dial, Dialed};
use facteur_protocols::client::fetch::{self, Fetcher, Retrieval};
use facteur_protocols::client::problem::Problem;
use facteur_protocols::client::scenario::{Reading, Step};
use facteur_protocols::client::settings::{AccountSettings, ServerSettings};
use facteur_protocols::client::submit::{self, Submitter};
use facteur_protocols::client::sync::{self, SyncJob, Syncer};
use facteur_protocols::client::trouble::{Diagnosis, Trouble};
use facteur_protocols::output::Output;
use facteur_protocols::{Port, Service, SessionId};
use leptos::prelude::*;

use super::clock::{now, time_of_day};
use super::console::{Connection, Console};
use super::entry::{DeviceOutcome, Entry, Happened, Side};
use super::scene::{Link, Scene};
use super::undo::Undoable;

/// What the learner asked a device to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Job {
    Check,
    Send {
        draft: Draft,
        /// The folder and message answered, for a reply.
        replying_to: Option<(String, Key)>,
    },
    Act(Action),
    /// Keep an unfinished message in Drafts.
    SaveDraft(Draft),
    /// New settings: how it reads mail, and its servers, ports, security and login.
    Setup {
        receiving: Receiving,
        settings: AccountSettings,
    },
}

/// The terminal's side: what a learner does at a console.
impl Scene {
    /// Opens a connection from a device's terminal to `login`'s server on `port`, as
    /// `client` ("Bob's phone"); the terminal's previous connection closes first.
    pub fn connect(
        &self,
        console: Console,
        login: &str,
        client: String,
        port: Port,
        lenient: bool,
    ) {
        self.checkpoint(client.clone(), Undoable::Connect);
        self.disconnect(console);
        let Some(host) = console.server_of(login) else {
            return;
        };
        let result = self.world.try_update(|w| {
            w.lenient = lenient;
            w.connect(&host, port, now())
        });
        let Some(Ok((id, greeting))) = result else {
            return;
        };
        let preset = self.preset_untracked();
        console.record(|r| {
            // A dialogue is replayed in one world: another world starts a new recording.
            if r.preset != preset {
                *r = facteur_protocols::client::recording::Recording::new(&preset);
            }
            r.connect(login, port, lenient);
        });
        self.attach(console, id, login, client, host, port);
        self.show(console, greeting, port.service);
    }

    /// Makes an open session a terminal's: its header in the dialogue, and the connection
    /// typed lines go to (a new connection, or one a lesson's steps before left open).
    pub fn attach(
        &self,
        console: Console,
        id: SessionId,
        login: &str,
        client: String,
        host: String,
        port: Port,
    ) {
        self.open(console, &client, &host, port.service, port.number);
        console.set_connection(Some(Connection {
            id,
            service: port.service,
            port,
            host,
            client,
            login: login.to_owned(),
        }));
    }

    /// Starts a connection's part of a dialogue with its header line.
    fn open(&self, console: Console, client: &str, host: &str, service: Service, port: u16) {
        let header = Entry {
            snapshot: self.latest_untracked(),
            ..console.header(client, host, service, port, &time_of_day())
        };
        console.queue([header], self.is_instant());
    }

    /// Closes the terminal's connection as a client that goes away does.
    pub fn disconnect(&self, console: Console) {
        let Some(connection) = console.connection_untracked() else {
            return;
        };
        if let Some(out) = self.world.try_update(|w| w.disconnect(connection.id)) {
            self.show(console, out, connection.service);
        }
        console.set_connection(None);
    }

    /// Sends one typed line (with CRLF; an IMAP tag added if it has none) and shows what
    /// comes back.
    pub fn send(&self, console: Console, typed: &str) {
        let Some(connection) = console.connection_untracked() else {
            return;
        };
        self.checkpoint(connection.client.clone(), Undoable::Command);
        let line = console.outgoing(typed);
        if line != typed {
            console.used_tag();
        }
        console.record(|r| r.typed(&line));
        if self.check_idle(console) == Some(true) {
            return;
        }
        let bytes = format!("{line}\r\n");
        let out = self
            .world
            .try_update(|w| w.input(connection.id, bytes.as_bytes(), now()));
        if let Some(out) = out {
            if out.closed {
                console.set_connection(None);
            }
            self.show(console, out, connection.service);
        }
        // Sessions idling elsewhere (a device, another terminal) hear of what this did.
        self.deliver_pushes();
    }

    /// Asks the engine whether a terminal's session has been idle past its deadline; if
    /// so, shows the server's goodbye. Returns None once the page's signals are gone, and
    /// whether the connection was closed otherwise.
    pub fn check_idle(&self, console: Console) -> Option<bool> {
        self.world.try_get_untracked()?;
        let Some(connection) = console.connection_untracked() else {
            return Some(false);
        };
        let out = self
            .world
            .try_update(|w| w.handle_timeout(connection.id, now()))?;
        if !out.closed {
            return Some(false);
        }
        console.set_connection(None);
        self.show(console, out, connection.service);
        Some(true)
    }

    /// Queues what the engine said, each line standing for the snapshot taken right after.
    fn show(&self, console: Console, out: Output, service: Service) {
        let lines = console.lines_of(out, service);
        let at = self.record();
        console.take(lines, at, self.is_instant());
    }

    /// A device's client gave up: its own line in the dialogue, after what the server said.
    fn gave_up(&self, console: Console, trouble: Trouble, service: Service) {
        let line = Entry {
            event: Some(Happened::Device(DeviceOutcome::GaveUp { trouble })),
            ..console.line(Side::Event, service)
        };
        let at = self.record();
        console.take(vec![line], at, self.is_instant());
    }

    /// After a device took in what its client found: the newest snapshot shows the device
    /// as it is, and the console's last line stands for it.
    fn settle(&self, console: Console) {
        let at = self.amend();
        console.settle(at);
    }
}

/// The devices' side: what a learner does with a device's buttons.
impl Scene {
    /// Runs a job on a device; `label` names it in the dialogue ("bob · phone").
    pub fn run(&self, id: &str, job: Job, label: &str) {
        let Some(device) = self.devices.with_untracked(|d| d.get(id).cloned()) else {
            return;
        };
        let Some(console) = self.console(id) else {
            return;
        };
        let what = match &job {
            Job::Check => Undoable::Check,
            Job::Send { .. } => Undoable::Send,
            Job::Act(_) => Undoable::Change,
            Job::SaveDraft(_) => Undoable::Draft,
            Job::Setup { .. } => Undoable::Settings,
        };
        self.checkpoint(label.to_owned(), what);
        let step = match &job {
            Job::Check => Some(Step::Check {
                device: device.id(),
            }),
            Job::Act(action) => Step::of_action(&device, action),
            Job::Send { draft, .. } => Some(Step::Send {
                device: device.id(),
                draft: draft.clone(),
            }),
            Job::Setup { receiving, .. } => {
                (Reading::of(*receiving) != Reading::of(device.receiving)).then(|| Step::Reading {
                    device: device.id(),
                    reading: Reading::of(*receiving),
                })
            }
            Job::SaveDraft(_) => None,
        };
        if let Some(step) = step {
            self.scenario.update(|s| s.steps.push(step));
        }
        self.active.set(id.to_owned());
        self.problems.update(|p| {
            p.remove(id);
        });
        let at = now();
        match job {
            Job::Check => match device.check(at) {
                Check::Fetch(job) => self.fetch(console, &device, job, label),
                Check::Sync(job) => self.sync(console, &device, job, label),
            },
            Job::Act(action) => self.change(console, &device, label, |d| d.act(action)),
            Job::SaveDraft(draft) => {
                self.change(console, &device, label, |d| d.save_draft(&draft, at))
            }
            Job::Send { draft, replying_to } => {
                let reply = replying_to.as_ref().map(|(f, k)| (f.as_str(), *k));
                let sending = device.send(&draft, at, reply);
                let message = sending.submission.message.clone();
                if self.submit(console, &device, sending.submission, label) {
                    match sending.save {
                        Some(job) => self.sync(console, &device, job, label),
                        None => {
                            self.update_device(id, |d| d.sent(message, reply));
                            self.settle(console);
                        }
                    }
                }
            }
            Job::Setup {
                receiving,
                settings,
            } => {
                self.hang_up(id);
                self.update_device(id, |d| {
                    d.settings = settings;
                    d.set_receiving(receiving);
                });
                self.record();
            }
        }
        self.deliver_pushes();
    }

    /// Does something on a device: an IMAP device tells the server with the sync it returns;
    /// a POP3 device changed only itself (no dialogue, a new picture of the world).
    fn change(
        &self,
        console: Console,
        device: &Device,
        label: &str,
        f: impl FnOnce(&mut Device) -> Option<SyncJob>,
    ) {
        let mut changed = device.clone();
        let job = f(&mut changed);
        self.update_device(&device.id(), |d| *d = changed);
        match job {
            Some(job) => self.sync(console, device, job, label),
            None => {
                self.record();
            }
        }
    }

    /// Changes a device; new messages in its INBOX are news for the live region.
    fn update_device(&self, id: &str, f: impl FnOnce(&mut Device)) {
        let mut news = 0;
        self.devices.update(|d| {
            if let Some(device) = d.get_mut(id) {
                let before = inbox_keys(device);
                f(device);
                news = inbox_keys(device).difference(&before).count();
            }
        });
        if news > 0 {
            self.news.set(Some((id.to_owned(), news)));
        }
    }

    /// The client stopped: its last word in the dialogue, and the diagnosis on the device.
    fn fail(&self, console: Console, id: &str, trouble: Trouble, service: Service) {
        let outgoing = service == Service::Smtp;
        let server = self.devices.with_untracked(|d| {
            d.get(id).map(|d| {
                if outgoing {
                    d.settings.outgoing.clone()
                } else {
                    d.settings.incoming.clone()
                }
            })
        });
        let Some(server) = server else {
            return;
        };
        let problem = Problem {
            diagnosis: Diagnosis::of(&trouble, &server, service),
            trouble: trouble.clone(),
            outgoing,
        };
        self.gave_up(console, trouble, service);
        self.problems.update(|p| {
            p.insert(id.to_owned(), problem);
        });
    }

    /// Connects as the device's settings say, and lets the client talk until it has nothing
    /// more to say. `Ok` with the session if it is still open (an IMAP client in IDLE);
    /// `Err` when the connection failed before the protocol began.
    fn converse(
        &self,
        console: Console,
        server: &ServerSettings,
        service: Service,
        label: &str,
        client: &mut dyn FnMut(&[u8]) -> Vec<u8>,
    ) -> Result<Option<SessionId>, Trouble> {
        self.open(console, label, &server.host, service, server.port);
        let dialed = self.world.try_update(|w| dial(w, server, now()));
        match dialed {
            None => Ok(None),
            Some(Dialed::Failed { trouble, dialogue }) => {
                self.show(console, dialogue, service);
                Err(trouble)
            }
            Some(Dialed::Open {
                session, greeting, ..
            }) => {
                let first = client(&greeting.wire);
                self.show(console, greeting, service);
                Ok(self.turns(console, session, service, first, client))
            }
        }
    }

    /// A client that has finished but left the connection open (it hung up on a greeting
    /// it did not understand): the connection closes.
    fn close(&self, console: Console, session: Option<SessionId>, service: Service) {
        let Some(session) = session else {
            return;
        };
        if let Some(out) = self.world.try_update(|w| w.disconnect(session)) {
            self.show(console, out, service);
        }
    }

    /// Sends the client's bytes and gives it the replies, until it is quiet or hung up;
    /// each reply is shown with the snapshot of the world right after it.
    fn turns(
        &self,
        console: Console,
        session: SessionId,
        service: Service,
        bytes: Vec<u8>,
        client: &mut dyn FnMut(&[u8]) -> Vec<u8>,
    ) -> Option<SessionId> {
        let at = now();
        let instant = self.is_instant();
        self.world
            .try_update(|w| {
                converse(w, session, bytes, at, client, &mut |world, out| {
                    let lines = console.lines_of(out, service);
                    console.take(lines, self.record_of(world), instant);
                })
            })
            .flatten()
    }

    fn submit(
        &self,
        console: Console,
        device: &Device,
        job: submit::Submission,
        label: &str,
    ) -> bool {
        let server = &device.settings.outgoing;
        let mut client = Submitter::new(job, server.security);
        let talked = self.converse(console, server, Service::Smtp, label, &mut |b| {
            client.receive(b)
        });
        let trouble = match (talked, client.outcome()) {
            (Err(trouble), _) => trouble,
            (Ok(session), outcome) => {
                self.close(console, session, Service::Smtp);
                match outcome.map(submit::Outcome::trouble) {
                    Some(Some(trouble)) => trouble,
                    Some(None) => return true,
                    None => return false,
                }
            }
        };
        self.fail(console, &device.id(), trouble, Service::Smtp);
        self.settle(console);
        false
    }

    fn fetch(&self, console: Console, device: &Device, job: Retrieval, label: &str) {
        let server = &device.settings.incoming;
        let at = job.now;
        let mut client = Fetcher::new(job, server.security);
        let talked = self.converse(console, server, Service::Pop3, label, &mut |b| {
            client.receive(b)
        });
        let id = device.id();
        let trouble = match talked {
            Err(trouble) => Some(trouble),
            Ok(session) => {
                self.close(console, session, Service::Pop3);
                match client.outcome() {
                    Some(fetch::Outcome::Fetched(f)) => {
                        self.update_device(&id, |d| d.fetched(f, at));
                        None
                    }
                    outcome => outcome.as_ref().and_then(fetch::Outcome::trouble),
                }
            }
        };
        if let Some(trouble) = trouble {
            self.fail(console, &id, trouble, Service::Pop3);
        }
        self.settle(console);
    }

    /// Runs a sync: on the device's idling connection if it has one (DONE, the work, IDLE
    /// again), otherwise on a new connection, kept if the device stays in IDLE.
    fn sync(&self, console: Console, device: &Device, job: SyncJob, label: &str) {
        let id = device.id();
        let link = self.links.try_update_value(|l| l.remove(&id)).flatten();
        let open = link.filter(|l| {
            l.syncer.is_idling() && self.world.with_untracked(|w| w.is_open(l.session))
        });
        let (session, mut syncer) = match open {
            Some(Link {
                session,
                mut syncer,
            }) => {
                let first = syncer.more(job.ops, job.scope);
                let session = self.turns(console, session, Service::Imap, first, &mut |b| {
                    syncer.receive(b)
                });
                (session, syncer)
            }
            None => {
                let server = &device.settings.incoming;
                let mut syncer = Syncer::new(job, server.security);
                let talked = self.converse(console, server, Service::Imap, label, &mut |b| {
                    syncer.receive(b)
                });
                match talked {
                    Ok(session) => (session, syncer),
                    Err(trouble) => {
                        self.fail(console, &id, trouble, Service::Imap);
                        self.settle(console);
                        return;
                    }
                }
            }
        };
        self.settle_sync(console, &id, session, &mut syncer);
    }

    /// Applies what a syncer found, and keeps its connection if it idles.
    fn settle_sync(
        &self,
        console: Console,
        id: &str,
        session: Option<SessionId>,
        syncer: &mut Syncer,
    ) {
        while let Some(outcome) = syncer.take_outcome() {
            match outcome {
                sync::Outcome::Synced(s) => self.update_device(id, |d| d.synced(s)),
                sync::Outcome::Refused { reply } => {
                    self.fail(console, id, Trouble::refusal(true, reply), Service::Imap);
                }
                sync::Outcome::GaveUp(t) => self.fail(console, id, t, Service::Imap),
            }
        }
        if !syncer.is_idling() {
            self.close(console, session, Service::Imap);
        }
        if let Some(session) = session.filter(|_| syncer.is_idling()) {
            let link = Link {
                session,
                syncer: syncer.clone(),
            };
            self.links.update_value(|l| {
                l.insert(id.to_owned(), link);
            });
        }
        self.settle(console);
    }

    /// Ends a device's idling connection politely (DONE, LOGOUT), before new settings.
    fn hang_up(&self, id: &str) {
        let Some(Link {
            session,
            mut syncer,
        }) = self.links.try_update_value(|l| l.remove(id)).flatten()
        else {
            return;
        };
        let Some(console) = self.console(id) else {
            return;
        };
        let bye = syncer.logout();
        self.turns(console, session, Service::Imap, bye, &mut |b| {
            syncer.receive(b)
        });
        if self.world.with_untracked(|w| w.is_open(session)) {
            self.world.update(|w| {
                w.disconnect(session);
            });
        }
    }

    /// A device idling for long renews its IDLE before the server's inactivity timer runs
    /// out, as RFC 2177 asks a client to do every 29 minutes: DONE, then IDLE again.
    pub fn renew_idle(&self) {
        let at = now();
        let due: Vec<String> = self.links.with_value(|l| {
            l.iter()
                .filter(|(_, link)| {
                    let deadline = self.world.with_untracked(|w| w.poll_timeout(link.session));
                    deadline.is_some_and(|d| d.0 - at.0 <= RENEW_BEFORE_SECONDS)
                })
                .map(|(id, _)| id.clone())
                .collect()
        });
        for id in due {
            let (Some(console), Some(mut link)) = (
                self.console(&id),
                self.links.try_update_value(|l| l.remove(&id)).flatten(),
            ) else {
                continue;
            };
            let first = link
                .syncer
                .more(Vec::new(), sync::Scope::Folders(Vec::new()));
            let syncer = &mut link.syncer;
            let open = self.turns(console, link.session, Service::Imap, first, &mut |b| {
                syncer.receive(b)
            });
            self.settle_sync(console, &id, open, &mut link.syncer);
        }
    }

    /// Gives the updates the engine pushed to idling sessions to whoever holds them: a
    /// device's client (which wakes and resyncs), or a terminal where the learner typed
    /// IDLE. Each round answers the pushes of the one before; a few rounds always suffice.
    pub fn deliver_pushes(&self) {
        for _ in 0..PUSH_ROUNDS {
            let pushes = self
                .world
                .try_update(|w| w.take_pushes())
                .unwrap_or_default();
            if pushes.is_empty() {
                return;
            }
            for (session, out) in pushes {
                let linked = self.links.with_value(|l| {
                    l.iter()
                        .find(|(_, link)| link.session == session)
                        .map(|(id, _)| id.clone())
                });
                if let Some(id) = linked {
                    let (Some(console), Some(mut link)) = (
                        self.console(&id),
                        self.links.try_update_value(|l| l.remove(&id)).flatten(),
                    ) else {
                        continue;
                    };
                    let first = link.syncer.receive(&out.wire);
                    self.show(console, out, Service::Imap);
                    let syncer = &mut link.syncer;
                    let open = self.turns(console, session, Service::Imap, first, &mut |b| {
                        syncer.receive(b)
                    });
                    self.settle_sync(console, &id, open, &mut link.syncer);
                } else if let Some(console) = self
                    .consoles()
                    .into_iter()
                    .find(|c| c.connection_untracked().map(|k| k.id) == Some(session))
                {
                    self.show(console, out, Service::Imap);
                }
            }
        }
    }
}

/// Which messages a device shows in its INBOX.
fn inbox_keys(device: &Device) -> std::collections::BTreeSet<Key> {
    device
        .folders
        .get(facteur_protocols::store::INBOX)
        .map(|f| f.messages.iter().map(|m| m.key).collect())
        .unwrap_or_default()
}

/// How long before the server would close an idling connection the device renews it.
const RENEW_BEFORE_SECONDS: i64 = 5 * 60;

/// How many times pushes are passed on after one action.
const PUSH_ROUNDS: usize = 4;

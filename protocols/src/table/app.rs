//! The devices' side: a learner presses a device's buttons and its mail app does the work
//! with its scripted clients (POP3 fetch, IMAP sync, SMTP submission), on a connection it
//! dials as its settings say, or on the one it keeps open in IDLE.

use super::action::set_up;
use super::{Action, Link, Listener, Said, Speaker, Table};
use crate::client::conversation::converse;
use crate::client::dial::{dial, Dialed};
use crate::client::fetch::{self, Fetcher, Retrieval};
use crate::client::settings::ServerSettings;
use crate::client::submit::{self, Submission, Submitter};
use crate::client::sync::{self, Scope, SyncJob, Syncer};
use crate::client::trouble::{Diagnosis, Trouble};
use crate::device::compose::Draft;
use crate::device::problem::Problem;
use crate::device::{Check, Device, Key};
use crate::store::{Summary, INBOX};
use crate::time::Timestamp;
use crate::{Service, SessionId};

/// A scripted client: given what the server said, what it says next.
type Client<'c> = dyn FnMut(&[u8]) -> Vec<u8> + 'c;

impl Table {
    /// Does an action on a device's app.
    pub(super) fn work(
        &mut self,
        action: &Action,
        now: Timestamp,
        heard: &mut Listener<'_>,
    ) -> bool {
        let Some(id) = action.device().map(str::to_owned) else {
            return false;
        };
        let Some(device) = self.devices.get(&id).cloned() else {
            return false;
        };
        // A change to a message the device does not show cannot be clicked: nothing is done.
        let edit = match action {
            Action::Flag { .. }
            | Action::Delete { .. }
            | Action::Move { .. }
            | Action::CreateFolder { .. } => match action.edit(&device) {
                Some(edit) => Some(edit),
                None => return false,
            },
            _ => None,
        };
        self.problems.remove(&id);
        match action {
            Action::Check { .. } => match device.check(now) {
                Check::Fetch(job) => self.fetch(&id, &device, job, heard),
                Check::Sync(job) => self.sync(&id, &device, job, now, heard),
            },
            Action::Send {
                draft, replying_to, ..
            } => {
                let reply = replying_to
                    .as_ref()
                    .and_then(|m| Some((m.folder.clone(), m.find(&device)?)));
                self.send(&id, &device, draft, reply, now, heard);
            }
            Action::SaveDraft { draft, .. } => {
                let mut changed = device.clone();
                let job = changed.save_draft(draft, now);
                self.change(&id, &device, changed, job, now, heard);
            }
            Action::Reading { reading, .. } => {
                self.hang_up(&id, now, heard);
                let news = self.update_device(&id, |d| d.set_receiving(reading.receiving()));
                self.tell(&id, Said::Changed { news }, heard);
            }
            Action::Settings { change, .. } => {
                self.hang_up(&id, now, heard);
                let changed = change.apply(&device);
                let news = self.update_device(&id, |d| set_up(d, changed));
                self.tell(&id, Said::Changed { news }, heard);
            }
            _ => {
                if let Some(edit) = edit {
                    let mut changed = device.clone();
                    let job = changed.act(edit);
                    self.change(&id, &device, changed, job, now, heard);
                }
            }
        }
        true
    }

    fn send(
        &mut self,
        id: &str,
        device: &Device,
        draft: &Draft,
        reply: Option<(String, Key)>,
        now: Timestamp,
        heard: &mut Listener<'_>,
    ) {
        let reply = reply.as_ref().map(|(f, k)| (f.as_str(), *k));
        let sending = device.send(draft, now, reply);
        let message = sending.submission.message.clone();
        if !self.submit(id, device, sending.submission, now, heard) {
            return;
        }
        if let Some(message_id) = Summary::of(&message).message_id {
            self.sent.push(message_id);
        }
        match sending.save {
            Some(job) => self.sync(id, device, job, now, heard),
            None => {
                let news = self.update_device(id, |d| d.sent(message, reply));
                self.tell(id, Said::Settled { news }, heard);
            }
        }
    }

    /// A device changed itself: an IMAP device tells the server with the sync it returned;
    /// a POP3 device changed only itself (no dialogue).
    fn change(
        &mut self,
        id: &str,
        device: &Device,
        changed: Device,
        job: Option<SyncJob>,
        now: Timestamp,
        heard: &mut Listener<'_>,
    ) {
        let news = self.update_device(id, |d| *d = changed);
        match job {
            Some(job) => self.sync(id, device, job, now, heard),
            None => self.tell(id, Said::Changed { news }, heard),
        }
    }

    /// Changes a device; returns how many messages are new in its INBOX.
    fn update_device(&mut self, id: &str, f: impl FnOnce(&mut Device)) -> usize {
        let Some(device) = self.devices.get_mut(id) else {
            return 0;
        };
        let inbox = |d: &Device| -> std::collections::BTreeSet<Key> {
            d.folders
                .get(INBOX)
                .map(|f| f.messages.iter().map(|m| m.key).collect())
                .unwrap_or_default()
        };
        let before = inbox(device);
        f(device);
        inbox(device).difference(&before).count()
    }

    /// The app stopped: its diagnosis becomes the device's problem.
    fn fail(&mut self, id: &str, trouble: Trouble, service: Service, heard: &mut Listener<'_>) {
        let outgoing = service == Service::Smtp;
        let Some(device) = self.devices.get(id) else {
            return;
        };
        let server = if outgoing {
            &device.settings.outgoing
        } else {
            &device.settings.incoming
        };
        let problem = Problem {
            diagnosis: Diagnosis::of(&trouble, server, service),
            trouble: trouble.clone(),
            outgoing,
        };
        self.problems.insert(id.to_owned(), problem);
        self.tell(id, Said::GaveUp { trouble, service }, heard);
    }

    /// Connects as the device's settings say and lets the client talk until it has
    /// nothing more to say. `Ok` with the session if it is still open (an IMAP client in
    /// IDLE); `Err` when the connection failed before the protocol began.
    fn talk(
        &mut self,
        id: &str,
        server: &ServerSettings,
        service: Service,
        client: &mut Client<'_>,
        now: Timestamp,
        heard: &mut Listener<'_>,
    ) -> Result<Option<SessionId>, Trouble> {
        let opened = Said::Opened {
            speaker: Speaker::App,
            host: server.host.clone(),
            service,
            port: server.port,
        };
        self.tell(id, opened, heard);
        match dial(&mut self.world, server, now) {
            Dialed::Failed { trouble, dialogue } => {
                let said = Said::Output {
                    service,
                    output: dialogue,
                };
                self.tell(id, said, heard);
                Err(trouble)
            }
            Dialed::Open {
                session, greeting, ..
            } => {
                let first = client(&greeting.wire);
                let said = Said::Output {
                    service,
                    output: greeting,
                };
                self.tell(id, said, heard);
                Ok(self.turns(id, session, service, first, client, now, heard))
            }
        }
    }

    /// Sends the client's bytes and gives it the replies, until it is quiet or hung up;
    /// each reply is heard with the world right after it.
    #[allow(clippy::too_many_arguments)]
    fn turns(
        &mut self,
        id: &str,
        session: SessionId,
        service: Service,
        first: Vec<u8>,
        client: &mut Client<'_>,
        now: Timestamp,
        heard: &mut Listener<'_>,
    ) -> Option<SessionId> {
        let Table {
            world,
            devices,
            terminals,
            links,
            problems,
            ..
        } = self;
        let open = super::Open {
            terminals,
            links,
            problems,
        };
        converse(world, session, first, now, client, &mut |world, output| {
            heard(super::Heard {
                device: id,
                said: Said::Output { service, output },
                world,
                devices,
                open,
            })
        })
    }

    /// A client that has finished but left the connection open (it hung up on a greeting
    /// it did not understand): the connection closes.
    fn close(
        &mut self,
        id: &str,
        session: Option<SessionId>,
        service: Service,
        heard: &mut Listener<'_>,
    ) {
        if let Some(session) = session {
            let output = self.world.disconnect(session);
            self.tell(id, Said::Output { service, output }, heard);
        }
    }

    fn submit(
        &mut self,
        id: &str,
        device: &Device,
        job: Submission,
        now: Timestamp,
        heard: &mut Listener<'_>,
    ) -> bool {
        let server = device.settings.outgoing.clone();
        let mut client = Submitter::new(job, server.security);
        let talked = self.talk(
            id,
            &server,
            Service::Smtp,
            &mut |b| client.receive(b),
            now,
            heard,
        );
        let trouble = match (talked, client.outcome()) {
            (Err(trouble), _) => trouble,
            (Ok(session), outcome) => {
                let trouble = outcome.map(submit::Outcome::trouble);
                self.close(id, session, Service::Smtp, heard);
                match trouble {
                    Some(Some(trouble)) => trouble,
                    Some(None) => return true,
                    None => return false,
                }
            }
        };
        self.fail(id, trouble, Service::Smtp, heard);
        self.tell(id, Said::Settled { news: 0 }, heard);
        false
    }

    fn fetch(&mut self, id: &str, device: &Device, job: Retrieval, heard: &mut Listener<'_>) {
        let server = device.settings.incoming.clone();
        let at = job.now;
        let mut client = Fetcher::new(job, server.security);
        let talked = self.talk(
            id,
            &server,
            Service::Pop3,
            &mut |b| client.receive(b),
            at,
            heard,
        );
        let mut news = 0;
        let trouble = match talked {
            Err(trouble) => Some(trouble),
            Ok(session) => {
                self.close(id, session, Service::Pop3, heard);
                match client.outcome() {
                    Some(fetch::Outcome::Fetched(f)) => {
                        news = self.update_device(id, |d| d.fetched(f, at));
                        None
                    }
                    outcome => outcome.as_ref().and_then(fetch::Outcome::trouble),
                }
            }
        };
        if let Some(trouble) = trouble {
            self.fail(id, trouble, Service::Pop3, heard);
        }
        self.tell(id, Said::Settled { news }, heard);
    }

    /// Runs a sync: on the device's idling connection if it has one (DONE, the work, IDLE
    /// again), otherwise on a new connection, kept if the device stays in IDLE.
    fn sync(
        &mut self,
        id: &str,
        device: &Device,
        job: SyncJob,
        now: Timestamp,
        heard: &mut Listener<'_>,
    ) {
        let link = self.links.remove(id);
        let open = link.filter(|l| l.syncer.is_idling() && self.world.is_open(l.session));
        let (session, syncer) = match open {
            Some(Link {
                session,
                mut syncer,
            }) => {
                let first = syncer.more(job.ops, job.scope);
                let receive = &mut |b: &[u8]| syncer.receive(b);
                let session = self.turns(id, session, Service::Imap, first, receive, now, heard);
                (session, syncer)
            }
            None => {
                let server = device.settings.incoming.clone();
                let mut syncer = Syncer::new(job, server.security);
                let receive = &mut |b: &[u8]| syncer.receive(b);
                match self.talk(id, &server, Service::Imap, receive, now, heard) {
                    Ok(session) => (session, syncer),
                    Err(trouble) => {
                        self.fail(id, trouble, Service::Imap, heard);
                        self.tell(id, Said::Settled { news: 0 }, heard);
                        return;
                    }
                }
            }
        };
        self.settle_sync(id, session, syncer, heard);
    }

    /// Applies what a syncer found, and keeps its connection if it idles.
    fn settle_sync(
        &mut self,
        id: &str,
        session: Option<SessionId>,
        mut syncer: Syncer,
        heard: &mut Listener<'_>,
    ) {
        let mut news = 0;
        while let Some(outcome) = syncer.take_outcome() {
            match outcome {
                sync::Outcome::Synced(s) => news += self.update_device(id, |d| d.synced(s)),
                sync::Outcome::Refused { reply } => {
                    self.fail(id, Trouble::refusal(true, reply), Service::Imap, heard);
                }
                sync::Outcome::GaveUp(t) => self.fail(id, t, Service::Imap, heard),
            }
        }
        match session.filter(|_| syncer.is_idling()) {
            Some(session) => {
                self.links.insert(id.to_owned(), Link { session, syncer });
            }
            None => self.close(id, session, Service::Imap, heard),
        }
        self.tell(id, Said::Settled { news }, heard);
    }

    /// Ends a device's idling connection politely (DONE, LOGOUT), before new settings.
    fn hang_up(&mut self, id: &str, now: Timestamp, heard: &mut Listener<'_>) {
        let Some(Link {
            session,
            mut syncer,
        }) = self.links.remove(id)
        else {
            return;
        };
        let bye = syncer.logout();
        let receive = &mut |b: &[u8]| syncer.receive(b);
        self.turns(id, session, Service::Imap, bye, receive, now, heard);
        if self.world.is_open(session) {
            self.world.disconnect(session);
        }
    }

    /// An update the server pushed to a device's idling connection: its app wakes, does
    /// what the update calls for, and goes back to IDLE.
    pub(super) fn wake(
        &mut self,
        id: &str,
        output: crate::output::Output,
        now: Timestamp,
        heard: &mut Listener<'_>,
    ) {
        let Some(mut link) = self.links.remove(id) else {
            return;
        };
        let first = link.syncer.receive(&output.wire);
        let said = Said::Output {
            service: Service::Imap,
            output,
        };
        self.tell(id, said, heard);
        let receive = &mut |b: &[u8]| link.syncer.receive(b);
        let open = self.turns(id, link.session, Service::Imap, first, receive, now, heard);
        self.settle_sync(id, open, link.syncer, heard);
    }

    /// A device idling for long renews its IDLE before the server's inactivity timer runs
    /// out, as RFC 2177 §3 asks a client to do every 29 minutes: DONE, then IDLE again.
    pub fn renew_idle(&mut self, now: Timestamp, heard: &mut Listener<'_>) {
        let due: Vec<String> = self
            .links
            .iter()
            .filter(|(_, link)| {
                let deadline = self.world.poll_timeout(link.session);
                deadline.is_some_and(|d| d.0 - now.0 <= RENEW_BEFORE_SECONDS)
            })
            .map(|(id, _)| id.clone())
            .collect();
        for id in due {
            let Some(mut link) = self.links.remove(&id) else {
                continue;
            };
            let first = link.syncer.more(Vec::new(), Scope::Folders(Vec::new()));
            let receive = &mut |b: &[u8]| link.syncer.receive(b);
            let open = self.turns(&id, link.session, Service::Imap, first, receive, now, heard);
            self.settle_sync(&id, open, link.syncer, heard);
        }
    }
}

/// How long before the server would close an idling connection the device renews it.
const RENEW_BEFORE_SECONDS: i64 = 5 * 60;

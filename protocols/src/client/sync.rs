//! An IMAP mail client keeping a device in step with the server (RFC 9051; the flow of
//! RFC 4549, "Synchronization Operations for Disconnected IMAP4 Clients"):
//!
//! 1. log in (STARTTLS first on port 143 when offered, RFC 9051 §6.2.1);
//! 2. replay what the user did on the device: flags with UID STORE, moves with UID MOVE
//!    (RFC 6851), removals with UID EXPUNGE (RFC 4315), new folders with CREATE, sent mail
//!    with APPEND to Sent;
//! 3. for each folder: SELECT, `UID FETCH 1:* (FLAGS)` for every message's flags (a full
//!    resync: what is missing was expunged), then `UID FETCH … (BODY.PEEK[])` for the
//!    messages the device does not have yet — PEEK, so downloading does not mark them read;
//! 4. LOGOUT, or IDLE on INBOX (RFC 2177) to hear of new mail at once, and resync when it
//!    comes.
//!
//! Sans-IO: it reads the server's bytes only, so it runs against facteur-server too.

use std::collections::{BTreeSet, VecDeque};

use super::imap_read::{astring, flags, read, Partial, Response, Token};
use super::incoming::Incoming;
use super::settings::ConnectionSecurity;
use super::sync_job::uid_set;
pub use super::sync_job::{Folder, Known, Op, Outcome, Remote, Scope, SyncJob, Synced};
use super::trouble::{greeting_service, Trouble};
use crate::port::Service;
use crate::sasl;
use crate::store::{SpecialUse, INBOX};

/// One command of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Cmd {
    StartTls,
    Login,
    Authenticate,
    Op(Op),
    /// SELECT to bring a folder up to date.
    Select(String),
    /// SELECT only to act in the folder.
    Open(String),
    List,
    FetchFlags(String),
    FetchBodies(String, Vec<u32>),
    /// The second half of [`Op::Expunge`].
    UidExpunge(u32),
    Idle,
    Logout,
}

/// An IMAP client that brings a device and its server in line (RFC 9051), and may stay in IDLE (RFC 2177).
#[derive(Debug, Clone)]
pub struct Syncer {
    job: SyncJob,
    security: ConnectionSecurity,
    encrypted: bool,
    incoming: Incoming,
    partial: Partial,
    plan: VecDeque<Cmd>,
    /// The command waiting for its completion, and its tag.
    current: Option<(String, Cmd)>,
    tag: u32,
    selected: Option<String>,
    /// What the current SELECT and FETCHes said.
    exists: u32,
    validity: u32,
    folder: Folder,
    synced: Synced,
    outcomes: VecDeque<Outcome>,
    /// The server said `+ idling` and the client has not said DONE yet.
    idling: bool,
    /// The connection is over (LOGOUT completed, or the server said BYE).
    finished: bool,
    /// The server announced SASL-IR (RFC 4959): AUTHENTICATE may carry its answer at once.
    sasl_ir: bool,
}

impl Syncer {
    /// A client that has just connected with this connection security (SSL/TLS: the
    /// greeting came inside TLS).
    pub fn new(job: SyncJob, security: ConnectionSecurity) -> Syncer {
        Syncer {
            job,
            security,
            encrypted: security == ConnectionSecurity::SslTls,
            incoming: Incoming::default(),
            partial: Partial::default(),
            plan: VecDeque::new(),
            current: None,
            tag: 0,
            selected: None,
            exists: 0,
            validity: 0,
            folder: Folder::default(),
            synced: Synced::default(),
            outcomes: VecDeque::new(),
            idling: false,
            finished: false,
            sasl_ir: false,
        }
    }

    /// The next result for the device: one when the first sync is done, and one after
    /// each wake-up from IDLE.
    pub fn take_outcome(&mut self) -> Option<Outcome> {
        self.outcomes.pop_front()
    }

    /// Whether it sits in IDLE, waiting for news.
    pub fn is_idling(&self) -> bool {
        self.idling
    }

    /// Whether it has logged out.
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// New work for a connection that is idling: DONE, then the work, then IDLE again.
    pub fn more(&mut self, ops: Vec<Op>, scope: Scope) -> Vec<u8> {
        let folders = match scope {
            Scope::Everything => vec![Cmd::List],
            Scope::Folders(f) => f.into_iter().map(Cmd::Select).collect(),
        };
        let work: Vec<Cmd> = ops.into_iter().map(Cmd::Op).chain(folders).collect();
        for cmd in work.into_iter().rev() {
            self.plan.push_front(cmd);
        }
        self.wake()
    }

    /// Ends an idling connection politely: DONE, then LOGOUT.
    pub fn logout(&mut self) -> Vec<u8> {
        self.job.idle = false;
        self.plan.clear();
        self.plan.push_back(Cmd::Logout);
        self.wake()
    }

    /// Takes bytes from the server; returns the bytes to send next.
    pub fn receive(&mut self, bytes: &[u8]) -> Vec<u8> {
        self.incoming.push(bytes);
        let mut out = Vec::new();
        while let Some(response) = read(&mut self.incoming, &mut self.partial) {
            out.extend(self.answer(response));
        }
        out
    }

    fn answer(&mut self, r: Response) -> Vec<u8> {
        if self.tag == 0 {
            return self.greeted(&r);
        }
        match r.tag.as_str() {
            "*" => self.untagged(&r),
            "+" => self.continuation(),
            tag if self.current.as_ref().is_some_and(|(t, _)| t == tag) => self.completed(&r),
            _ => Vec::new(),
        }
    }

    fn greeted(&mut self, r: &Response) -> Vec<u8> {
        self.tag = 1;
        if greeting_service(&r.line) != Some(Service::Imap) {
            // Not an IMAP server: nothing to say to it; hang up.
            self.finished = true;
            self.outcomes
                .push_back(Outcome::GaveUp(Trouble::WrongProtocol {
                    expected: Service::Imap,
                    found: greeting_service(&r.line),
                    greeting: r.line.clone(),
                }));
            return Vec::new();
        }
        if r.keyword().eq_ignore_ascii_case("BYE") {
            self.finished = true;
            self.outcomes.push_back(Outcome::Refused {
                reply: r.line.clone(),
            });
            return Vec::new();
        }
        let caps = r.code_words("CAPABILITY").unwrap_or_default();
        let has = |cap: &str| caps.iter().any(|c| c.eq_ignore_ascii_case(cap));
        let wants_tls = !self.encrypted && self.security == ConnectionSecurity::StartTls;
        let starttls = wants_tls && has("STARTTLS");
        if wants_tls && !starttls {
            self.outcomes
                .push_back(Outcome::GaveUp(Trouble::NoStartTls));
            self.plan.push_back(Cmd::Logout);
            return self.next();
        }
        if starttls {
            self.plan.push_back(Cmd::StartTls);
        }
        // What was announced before TLS is forgotten after it (RFC 9051 §6.2.1).
        self.sasl_ir = has("SASL-IR") && !starttls;
        let login = if self.job.authenticate || has("LOGINDISABLED") && !starttls {
            Cmd::Authenticate
        } else {
            Cmd::Login
        };
        self.plan.push_back(login);
        let ops = std::mem::take(&mut self.job.ops);
        self.plan.extend(ops.into_iter().map(Cmd::Op));
        match self.job.scope.clone() {
            Scope::Everything => self.plan.push_back(Cmd::List),
            Scope::Folders(f) => self.plan.extend(f.into_iter().map(Cmd::Select)),
        }
        self.plan.push_back(if self.job.idle {
            Cmd::Idle
        } else {
            Cmd::Logout
        });
        self.next()
    }

    fn untagged(&mut self, r: &Response) -> Vec<u8> {
        let keyword = r.keyword().to_ascii_uppercase();
        match keyword.as_str() {
            "EXISTS" => self.exists = r.number().unwrap_or(0),
            "OK" => {
                if let Some(v) = r.code_number("UIDVALIDITY") {
                    self.validity = v;
                }
            }
            "BYE" => self.finished = matches!(self.current, Some((_, Cmd::Logout))),
            "LIST" => self.listed(r),
            "FETCH" => self.fetched(r),
            _ => {}
        }
        if self.is_idling() && matches!(keyword.as_str(), "EXISTS" | "EXPUNGE" | "FETCH") {
            // News while idling: leave IDLE and look again (RFC 2177: the client sends DONE).
            self.plan.push_front(Cmd::FetchFlags(INBOX.to_owned()));
            return self.wake();
        }
        Vec::new()
    }

    fn wake(&mut self) -> Vec<u8> {
        if !self.is_idling() {
            return Vec::new();
        }
        self.idling = false;
        b"DONE\r\n".to_vec()
    }

    fn listed(&mut self, r: &Response) {
        let (Some(Token::List(attributes)), Some(name)) =
            (r.tokens.get(1), r.tokens.get(3).and_then(Token::text))
        else {
            return;
        };
        let attributes: Vec<&str> = attributes.iter().filter_map(Token::atom).collect();
        if attributes.iter().any(|a| {
            a.eq_ignore_ascii_case("\\Noselect") || a.eq_ignore_ascii_case("\\NonExistent")
        }) {
            return;
        }
        let special = attributes
            .iter()
            .find_map(|a| SpecialUse::from_attribute(a));
        let name = if name.eq_ignore_ascii_case(INBOX) {
            INBOX.to_owned()
        } else {
            name
        };
        self.synced
            .listed
            .get_or_insert_with(Vec::new)
            .push((name, special));
    }

    fn fetched(&mut self, r: &Response) {
        let Some(Token::List(items)) = r.tokens.get(2) else {
            return;
        };
        let mut uid = None;
        let mut new_flags = None;
        let mut body = None;
        for pair in items.chunks(2) {
            let (Some(name), Some(value)) = (pair[0].atom(), pair.get(1)) else {
                continue;
            };
            match (name.to_ascii_uppercase().as_str(), value) {
                ("UID", v) => uid = v.number(),
                ("FLAGS", Token::List(l)) => new_flags = Some(flags(l)),
                ("BODY[]", Token::Text(t)) => body = Some(t.clone()),
                _ => {}
            }
        }
        // A push without a UID tells only that something changed; the resync that follows
        // reads it again by UID.
        let Some(uid) = uid else { return };
        let entry = self.folder.messages.entry(uid).or_insert(Remote {
            flags: BTreeSet::new(),
            body: None,
        });
        if let Some(f) = new_flags {
            entry.flags = f;
        }
        if body.is_some() {
            entry.body = body;
        }
    }

    fn continuation(&mut self) -> Vec<u8> {
        match &self.current {
            Some((_, Cmd::Authenticate)) => {
                let mut bytes =
                    sasl::plain_response(&self.job.user, &self.job.password).into_bytes();
                bytes.extend_from_slice(b"\r\n");
                bytes
            }
            Some((_, Cmd::Op(Op::Append { message, .. }))) => {
                let mut bytes = message.clone();
                bytes.extend_from_slice(b"\r\n");
                bytes
            }
            // "+ idling": the first sync is complete; tell the device.
            Some((_, Cmd::Idle)) => {
                self.idling = true;
                self.report();
                // Work the device asked for while IDLE was on its way: leave at once.
                if self.plan.is_empty() {
                    Vec::new()
                } else {
                    self.wake()
                }
            }
            _ => Vec::new(),
        }
    }

    fn report(&mut self) {
        let synced = std::mem::take(&mut self.synced);
        self.outcomes.push_back(Outcome::Synced(synced));
    }

    fn completed(&mut self, r: &Response) -> Vec<u8> {
        let Some((_, cmd)) = self.current.take() else {
            return Vec::new();
        };
        if !r.is_ok() {
            return self.refused(cmd, r);
        }
        match cmd {
            Cmd::StartTls => self.encrypted = true,
            Cmd::Select(name) => {
                self.selected = Some(name.clone());
                if self.exists > 0 {
                    self.plan.push_front(Cmd::FetchFlags(name));
                } else {
                    self.keep_folder(name);
                }
            }
            Cmd::FetchFlags(name) => {
                let known = self.job.known.get(&name);
                let validity = self.validity;
                let new: Vec<u32> = self
                    .folder
                    .messages
                    .keys()
                    .copied()
                    .filter(|uid| {
                        known.is_none_or(|k| k.uid_validity != validity || !k.uids.contains(uid))
                    })
                    .collect();
                if new.is_empty() {
                    self.keep_folder(name);
                } else {
                    self.plan.push_front(Cmd::FetchBodies(name, new));
                }
            }
            Cmd::FetchBodies(name, _) => self.keep_folder(name),
            Cmd::Op(Op::Expunge { uid, .. }) => self.plan.push_front(Cmd::UidExpunge(uid)),
            Cmd::List => {
                let names: Vec<String> = self
                    .synced
                    .listed
                    .iter()
                    .flatten()
                    .map(|(n, _)| n.clone())
                    .collect();
                for name in names.into_iter().rev() {
                    self.plan.push_front(Cmd::Select(name));
                }
            }
            Cmd::Idle if self.job.idle => self.plan.push_back(Cmd::Idle),
            Cmd::Logout => {
                self.finished = true;
                self.report();
                return Vec::new();
            }
            Cmd::Open(name) => self.selected = Some(name),
            Cmd::Login | Cmd::Authenticate | Cmd::Op(_) | Cmd::UidExpunge(_) | Cmd::Idle => {}
        }
        self.next()
    }

    fn refused(&mut self, cmd: Cmd, r: &Response) -> Vec<u8> {
        match cmd {
            Cmd::Login | Cmd::Authenticate | Cmd::StartTls => {
                self.outcomes.push_back(Outcome::Refused {
                    reply: r.line.clone(),
                });
                self.plan.clear();
                self.plan.push_back(Cmd::Logout);
                self.synced = Synced::default();
                // The outcome is already told; LOGOUT only closes politely.
                self.job.idle = false;
            }
            Cmd::Logout => {
                self.finished = true;
                return Vec::new();
            }
            _ => self.synced.refused.push(r.line.clone()),
        }
        self.next()
    }

    /// The folder as read: the device's view of it after this sync.
    fn keep_folder(&mut self, name: String) {
        let mut folder = std::mem::take(&mut self.folder);
        folder.uid_validity = self.validity;
        // What was downloaded now is known for the next wake-up from IDLE.
        let known = self.job.known.entry(name.clone()).or_default();
        if known.uid_validity != folder.uid_validity {
            *known = Known {
                uid_validity: folder.uid_validity,
                uids: BTreeSet::new(),
            };
        }
        known.uids = folder.messages.keys().copied().collect();
        // Read twice in one sync (an action's folder, then the resync): bodies downloaded
        // the first time stay.
        if let Some(earlier) = self.synced.folders.remove(&name) {
            if earlier.uid_validity == folder.uid_validity {
                for (uid, m) in earlier.messages {
                    if let Some(now) = folder.messages.get_mut(&uid) {
                        now.body = now.body.take().or(m.body);
                    }
                }
            }
        }
        self.synced.folders.insert(name, folder);
    }

    fn next_tag(&mut self) -> String {
        let tag = format!("a{}", self.tag);
        self.tag += 1;
        tag
    }

    /// Sends the next command of the plan.
    fn next(&mut self) -> Vec<u8> {
        let Some(cmd) = self.plan.pop_front() else {
            return Vec::new();
        };
        // A message operation happens in its folder: SELECT it first if needed.
        if let Cmd::Op(op) = &cmd {
            if let Some(mailbox) = op.mailbox() {
                if self.selected.as_deref() != Some(mailbox) {
                    let mailbox = mailbox.to_owned();
                    self.plan.push_front(cmd);
                    self.plan.push_front(Cmd::Open(mailbox));
                    return self.next();
                }
            }
        }
        match &cmd {
            // Already selected (to act in it): its flags can be read at once.
            Cmd::Select(name) if self.selected.as_ref() == Some(name) => {
                self.plan.push_front(Cmd::FetchFlags(name.clone()));
                return self.next();
            }
            Cmd::Select(_) => {
                self.exists = 0;
                self.folder = Folder::default();
            }
            Cmd::FetchFlags(_) => self.folder = Folder::default(),
            _ => {}
        }
        if cmd == Cmd::Idle && self.selected.as_deref() != Some(INBOX) {
            self.plan.push_front(Cmd::Idle);
            self.plan.push_front(Cmd::Open(INBOX.to_owned()));
            return self.next();
        }
        let tag = self.next_tag();
        let text = self.command_text(&cmd);
        self.current = Some((tag.clone(), cmd));
        format!("{tag} {text}\r\n").into_bytes()
    }

    fn command_text(&self, cmd: &Cmd) -> String {
        match cmd {
            Cmd::StartTls => "STARTTLS".into(),
            Cmd::Login => format!(
                "LOGIN {} {}",
                astring(&self.job.user),
                astring(&self.job.password)
            ),
            Cmd::Authenticate if self.sasl_ir => format!(
                "AUTHENTICATE PLAIN {}",
                sasl::plain_response(&self.job.user, &self.job.password)
            ),
            Cmd::Authenticate => "AUTHENTICATE PLAIN".into(),
            Cmd::Select(name) | Cmd::Open(name) => format!("SELECT {}", astring(name)),
            Cmd::List => "LIST \"\" \"*\"".into(),
            Cmd::FetchFlags(_) => "UID FETCH 1:* (FLAGS)".into(),
            Cmd::FetchBodies(_, uids) => format!("UID FETCH {} (BODY.PEEK[])", uid_set(uids)),
            Cmd::UidExpunge(uid) => format!("UID EXPUNGE {uid}"),
            Cmd::Idle => "IDLE".into(),
            Cmd::Logout => "LOGOUT".into(),
            Cmd::Op(op) => op.command_text(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::conversation::converse_quietly;
    use crate::client::test_driver::converse;
    use crate::store::Flag;
    use crate::store::Uid;
    use crate::{Port, Timestamp, World};
    use std::collections::BTreeMap;

    fn job(scope: Scope, ops: Vec<Op>) -> SyncJob {
        SyncJob {
            user: "bob".into(),
            password: "builder".into(),
            ops,
            scope,
            known: BTreeMap::new(),
            idle: false,
            authenticate: false,
        }
    }

    fn sync(world: &mut World, port: Port, job: SyncJob) -> (Synced, Vec<String>) {
        let mut client = Syncer::new(job, ConnectionSecurity::suited_to(port));
        let sent = converse(world, port, |b| client.receive(b));
        assert!(client.is_finished(), "logged out: {sent:?}");
        match client.take_outcome() {
            Some(Outcome::Synced(s)) => (s, sent),
            other => panic!("not synced: {other:?} after {sent:?}"),
        }
    }

    fn inbox_uids(world: &World) -> Vec<u32> {
        world
            .store
            .mailbox("bob", INBOX)
            .map(|m| m.messages.iter().map(|m| m.uid.0).collect())
            .unwrap_or_default()
    }

    #[test]
    fn a_fresh_device_lists_selects_and_downloads_without_marking_read() {
        let mut world = World::demo();
        let unseen_before = world
            .store
            .mailbox("bob", INBOX)
            .map(|m| m.messages.iter().filter(|m| !m.has(&Flag::Seen)).count());
        let (synced, sent) = sync(&mut world, Port::IMAPS, job(Scope::Everything, vec![]));
        assert_eq!(
            sent[..3],
            [
                "a1 LOGIN bob builder",
                "a2 LIST \"\" \"*\"",
                "a3 SELECT INBOX"
            ]
        );
        assert_eq!(
            sent.last().map(String::as_str),
            Some(&*format!("a{} LOGOUT", sent.len()))
        );
        let listed = synced.listed.expect("listed");
        assert!(listed.contains(&("Sent".to_owned(), Some(SpecialUse::Sent))));
        let inbox = &synced.folders[INBOX];
        assert_eq!(
            inbox.messages.keys().copied().collect::<Vec<_>>(),
            inbox_uids(&world)
        );
        assert!(inbox.messages.values().all(|m| m.body.is_some()));
        let stored = world.store.mailbox("bob", INBOX).expect("inbox");
        assert_eq!(inbox.uid_validity, stored.uid_validity);
        assert_eq!(
            inbox.messages[&stored.messages[0].uid.0].body.as_deref(),
            Some(&stored.messages[0].raw.0[..])
        );
        assert_eq!(
            Some(
                stored
                    .messages
                    .iter()
                    .filter(|m| !m.has(&Flag::Seen))
                    .count()
            ),
            unseen_before,
            "BODY.PEEK[] leaves \\Seen alone"
        );
    }

    #[test]
    fn what_the_device_has_is_not_downloaded_again() {
        let mut world = World::demo();
        let (first, _) = sync(&mut world, Port::IMAPS, job(Scope::Everything, vec![]));
        let known = first
            .folders
            .iter()
            .map(|(name, f)| {
                let known = Known {
                    uid_validity: f.uid_validity,
                    uids: f.messages.keys().copied().collect(),
                };
                (name.clone(), known)
            })
            .collect();
        let again = SyncJob {
            known,
            ..job(Scope::Folders(vec![INBOX.into()]), vec![])
        };
        let (second, sent) = sync(&mut world, Port::IMAPS, again);
        assert!(!sent.iter().any(|l| l.contains("BODY.PEEK")), "{sent:?}");
        assert!(second.folders[INBOX]
            .messages
            .values()
            .all(|m| m.body.is_none()));
        assert_eq!(second.listed, None);
    }

    #[test]
    fn actions_on_the_device_reach_the_server() {
        let mut world = World::demo();
        let uids = inbox_uids(&world);
        let ops = vec![
            Op::Create {
                name: "Trips 2026".into(),
            },
            Op::SetFlag {
                mailbox: INBOX.into(),
                uid: uids[0],
                flag: Flag::Flagged,
                on: true,
            },
            Op::Move {
                mailbox: INBOX.into(),
                uid: uids[1],
                to: "Trips 2026".into(),
            },
            Op::Expunge {
                mailbox: INBOX.into(),
                uid: uids[2],
            },
            Op::Append {
                mailbox: "Sent".into(),
                flags: vec![Flag::Seen],
                message: b"Subject: sent\r\n\r\nHi\r\n".to_vec(),
            },
        ];
        let (synced, sent) = sync(
            &mut world,
            Port::IMAPS,
            job(Scope::Folders(vec![INBOX.into(), "Sent".into()]), ops),
        );
        let expected = [
            "a2 CREATE \"Trips 2026\"".to_owned(),
            "a3 SELECT INBOX".to_owned(),
            format!("a4 UID STORE {} +FLAGS (\\Flagged)", uids[0]),
            format!("a5 UID MOVE {} \"Trips 2026\"", uids[1]),
            format!("a6 UID STORE {} +FLAGS.SILENT (\\Deleted)", uids[2]),
            format!("a7 UID EXPUNGE {}", uids[2]),
            "a8 APPEND Sent (\\Seen) {21}".to_owned(),
            "Subject: sent".to_owned(),
        ];
        assert_eq!(sent[1..9], expected);
        assert!(synced.refused.is_empty(), "{:?}", synced.refused);
        let inbox = world.store.mailbox("bob", INBOX).expect("inbox");
        assert!(inbox
            .get(Uid(uids[0]))
            .is_some_and(|m| m.has(&Flag::Flagged)));
        assert!(inbox.get(Uid(uids[1])).is_none() && inbox.get(Uid(uids[2])).is_none());
        assert_eq!(
            world
                .store
                .mailbox("bob", "Trips 2026")
                .map(|m| m.messages.len()),
            Some(1)
        );
        assert_eq!(synced.folders[INBOX].messages.len(), uids.len() - 2);
        assert_eq!(synced.folders["Sent"].messages.len(), 1);
    }

    #[test]
    fn on_143_it_starts_tls_before_the_password() {
        let mut world = World::demo();
        let (_, sent) = sync(&mut world, Port::IMAP, job(Scope::Folders(vec![]), vec![]));
        assert_eq!(sent[..2], ["a1 STARTTLS", "a2 LOGIN bob builder"]);
    }

    #[test]
    fn authenticate_plain_answers_the_continuation_or_goes_in_one_line() {
        let plain = SyncJob {
            authenticate: true,
            ..job(Scope::Folders(vec![]), vec![])
        };
        let mut world = World::demo();
        // After STARTTLS the capabilities seen before are forgotten: no SASL-IR, so the
        // answer waits for the server's "+".
        let (_, sent) = sync(&mut world, Port::IMAP, plain.clone());
        assert_eq!(
            sent[..3],
            ["a1 STARTTLS", "a2 AUTHENTICATE PLAIN", "AGJvYgBidWlsZGVy"]
        );
        let (_, sent) = sync(&mut world, Port::IMAPS, plain);
        assert_eq!(sent[0], "a1 AUTHENTICATE PLAIN AGJvYgBidWlsZGVy");
    }

    #[test]
    fn a_refused_password_is_reported_and_the_client_logs_out() {
        let mut world = World::demo();
        let mut client = Syncer::new(
            SyncJob {
                password: "bulldozer".into(),
                idle: true,
                ..job(Scope::Everything, vec![])
            },
            ConnectionSecurity::SslTls,
        );
        let sent = converse(&mut world, Port::IMAPS, |b| client.receive(b));
        assert_eq!(sent, ["a1 LOGIN bob bulldozer", "a2 LOGOUT"]);
        assert!(matches!(
            client.take_outcome(),
            Some(Outcome::Refused { reply }) if reply.starts_with("a1 NO")
        ));
    }

    #[test]
    fn an_idling_device_wakes_for_new_mail_and_goes_back_to_idle() {
        let mut world = World::demo();
        let t = Timestamp(0);
        let (id, greeting) = world
            .connect("mail.example.test", Port::IMAPS, t)
            .expect("imap");
        let mut client = Syncer::new(
            SyncJob {
                idle: true,
                ..job(Scope::Folders(vec![INBOX.into()]), vec![])
            },
            ConnectionSecurity::SslTls,
        );
        let mut sent = Vec::new();
        let feed = |world: &mut World, client: &mut Syncer, bytes: Vec<u8>| {
            converse_quietly(world, id, bytes, t, &mut |b| client.receive(b)).1
        };
        let first = client.receive(&greeting.wire);
        sent.extend(feed(&mut world, &mut client, first));
        assert!(client.is_idling());
        assert!(matches!(client.take_outcome(), Some(Outcome::Synced(_))));
        // Someone else's message arrives by SMTP.
        let (smtp, _) = world
            .connect("mail.example.test", Port::SMTP, t)
            .expect("smtp");
        world.input(
            smtp,
            b"EHLO x\r\nMAIL FROM:<carol@other.test>\r\nRCPT TO:<bob@example.test>\r\nDATA\r\nSubject: news\r\n\r\nhi\r\n.\r\n",
            t,
        );
        let pushes = world.take_pushes();
        assert_eq!(pushes.len(), 1);
        let reply = client.receive(&pushes[0].1.wire);
        assert_eq!(reply, b"DONE\r\n");
        sent.extend(feed(&mut world, &mut client, reply));
        assert!(client.is_idling(), "back in IDLE: {sent:?}");
        let tail: Vec<&str> = sent
            .iter()
            .rev()
            .take(4)
            .rev()
            .map(String::as_str)
            .collect();
        let newest = *inbox_uids(&world).last().expect("delivered");
        assert_eq!(
            tail,
            [
                "DONE",
                "a6 UID FETCH 1:* (FLAGS)",
                &*format!("a7 UID FETCH {newest} (BODY.PEEK[])"),
                "a8 IDLE"
            ]
        );
        let Some(Outcome::Synced(news)) = client.take_outcome() else {
            panic!("a second outcome");
        };
        assert!(news.folders[INBOX].messages[&newest]
            .body
            .as_ref()
            .is_some_and(|b| b.ends_with(b"hi\r\n")));
        let bye = client.logout();
        sent.extend(feed(&mut world, &mut client, bye));
        assert_eq!(sent[sent.len() - 2..], ["DONE", "a9 LOGOUT"]);
        assert!(client.is_finished() && !world.is_open(id));
    }

    #[test]
    fn a_fresh_device_that_idles_keeps_every_body_of_its_first_sync() {
        let mut world = World::demo();
        let mut client = Syncer::new(
            SyncJob {
                idle: true,
                ..job(Scope::Everything, vec![])
            },
            ConnectionSecurity::SslTls,
        );
        let sent = converse(&mut world, Port::IMAPS, |b| client.receive(b));
        assert!(client.is_idling());
        assert_eq!(
            sent[sent.len() - 2..],
            [
                format!("a{} SELECT INBOX", sent.len() - 1),
                format!("a{} IDLE", sent.len())
            ]
        );
        let Some(Outcome::Synced(s)) = client.take_outcome() else {
            panic!("synced");
        };
        assert_eq!(s.folders[INBOX].messages.len(), inbox_uids(&world).len());
        assert!(s.folders[INBOX].messages.values().all(|m| m.body.is_some()));
    }

    #[test]
    fn uid_sets_join_runs() {
        assert_eq!(uid_set(&[1, 2, 3, 5, 7, 8]), "1:3,5,7:8");
        assert_eq!(uid_set(&[4]), "4");
    }

    #[test]
    fn without_encryption_143_refuses_the_login() {
        let mut world = World::demo();
        let mut client = Syncer::new(job(Scope::Everything, vec![]), ConnectionSecurity::None);
        converse(&mut world, Port::IMAP, |b| client.receive(b));
        assert!(matches!(
            client.take_outcome(),
            Some(Outcome::Refused { reply }) if reply.contains("[PRIVACYREQUIRED]")
        ));
    }

    #[test]
    fn an_smtp_greeting_is_not_understood() {
        let mut world = World::demo();
        let mut client = Syncer::new(job(Scope::Everything, vec![]), ConnectionSecurity::SslTls);
        let sent = converse(&mut world, Port::SUBMISSIONS, |b| client.receive(b));
        assert!(sent.is_empty(), "{sent:?}");
        assert!(matches!(
            client.take_outcome(),
            Some(Outcome::GaveUp(Trouble::WrongProtocol {
                found: Some(Service::Smtp),
                ..
            }))
        ));
    }
}

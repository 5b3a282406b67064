//! The room: the class's one table, the roll of students, and the pages they have open.
//! Every student's action is played on the table under its lock; what each device hears
//! goes, as it happens, to the pages of the student who owns the device, with their view
//! of the table at that moment (their account only, see `Table::view_of`).

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use facteur_protocols::class::wire::{Classmate, Refusal, Tell, Welcome};
use facteur_protocols::class::{
    self, ClassReport, MailboxCount, MailboxOpened, StudentName, StudentReport,
};
use facteur_protocols::output::{Event, Output, Step};
use facteur_protocols::table::{Action, Heard, Said, TableView};
use tokio::sync::mpsc::UnboundedSender;

use super::words;
use crate::shared::{now, Shared};

/// What one student may do, so one page cannot drown the room.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Students the class takes.
    pub max_students: usize,
    /// Pages (tabs, browsers) open at once per student.
    pub pages_per_student: usize,
    /// Actions (typed lines, clicks) per minute per student.
    pub actions_per_minute: usize,
    /// Messages sent from a device per minute per student.
    pub messages_per_minute: usize,
    /// The longest message a device sends, subject and text together, in bytes.
    pub message_bytes: usize,
}

impl Limits {
    pub fn new(max_students: usize) -> Limits {
        Limits {
            max_students,
            pages_per_student: 4,
            actions_per_minute: 240,
            messages_per_minute: 20,
            message_bytes: 32 * 1024,
        }
    }
}

/// A page's number, for as long as its socket is open.
pub type PageId = u64;

struct Student {
    name: StudentName,
    password: String,
    /// When their latest actions and messages were played, newest last.
    actions: VecDeque<Instant>,
    messages: VecDeque<Instant>,
}

#[derive(Default)]
struct Roll {
    /// Logins in the order they joined.
    order: Vec<String>,
    by_login: HashMap<String, Student>,
}

struct Page {
    login: Option<String>,
    /// What the page is told, written out as JSON by its own task, outside the table's
    /// lock.
    tx: UnboundedSender<Arc<Tell>>,
}

/// The open pages, and the view each student was sent last.
#[derive(Default)]
pub struct Pages {
    open: HashMap<PageId, Page>,
    /// By login: the view last sent, so an unchanged one is not sent again.
    last_view: HashMap<String, TableView>,
}

impl Pages {
    /// Whether `view` shows `login` something the view last sent did not: compared in
    /// full after an action, and without the sessions' inner state for a line heard on
    /// the way (the page's views show mailboxes, devices and connections, and the action's
    /// end brings the sessions up to date). Remembers it when it does.
    fn news(&mut self, login: &str, view: &TableView, in_full: bool) -> bool {
        let same = self.last_view.get(login).is_some_and(|last| {
            if in_full {
                last == view
            } else {
                last.store == view.store
                    && last.devices == view.devices
                    && last.terminals == view.terminals
                    && last.idling == view.idling
                    && last.problems == view.problems
            }
        });
        if !same {
            self.last_view.insert(login.to_owned(), view.clone());
        }
        !same
    }
}

/// Messages delivered into an INBOX, for the teacher's page.
#[derive(Default)]
pub struct Deliveries {
    total: AtomicU64,
    recent: Mutex<VecDeque<Instant>>,
}

impl Deliveries {
    /// Counts the deliveries an output reports.
    pub fn count(&self, out: &Output) {
        let n = out
            .steps
            .iter()
            .filter(|s| {
                matches!(s, Step::Event(Event::Delivered { mailbox, .. }) if mailbox == "INBOX")
            })
            .count();
        if n == 0 {
            return;
        }
        self.total.fetch_add(n as u64, Ordering::Relaxed);
        let mut recent = lock(&self.recent);
        let at = Instant::now();
        recent.extend(std::iter::repeat_n(at, n));
        forget_before(&mut recent, at);
    }

    fn last_minute(&self) -> usize {
        let mut recent = lock(&self.recent);
        forget_before(&mut recent, Instant::now());
        recent.len()
    }
}

fn forget_before(times: &mut VecDeque<Instant>, at: Instant) {
    while times
        .front()
        .is_some_and(|t| at.duration_since(*t) > Duration::from_secs(60))
    {
        times.pop_front();
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

pub struct Room {
    pub shared: Arc<Shared>,
    pages: Arc<Mutex<Pages>>,
    roll: Mutex<Roll>,
    pub deliveries: Arc<Deliveries>,
    pub teacher_password: String,
    pub limits: Limits,
    next_page: AtomicU64,
}

impl Room {
    pub fn new(limits: Limits, trace: bool, idle: Option<u64>) -> Room {
        let pages = Arc::new(Mutex::new(Pages::default()));
        let deliveries = Arc::new(Deliveries::default());
        let (to_pages, counted) = (pages.clone(), deliveries.clone());
        let hearing = Box::new(move |heard: Heard<'_>| {
            if let Said::Output { output, .. } = &heard.said {
                counted.count(output);
            }
            tell_owner(&to_pages, &heard);
        });
        let mut table = class::table();
        if let Some(secs) = idle {
            table.world_mut().idle_timeouts = facteur_protocols::world::IdleTimeouts::all(secs);
        }
        let shared = Shared::with_table(table, trace, class::HOST, Some(hearing));
        Room {
            shared: Arc::new(shared),
            pages,
            roll: Mutex::new(Roll::default()),
            deliveries,
            teacher_password: words::teacher_password(),
            limits,
            next_page: AtomicU64::new(1),
        }
    }

    /// A page's socket opened: what the server tells it goes to `tx`, in order.
    pub fn open_page(&self, tx: UnboundedSender<Arc<Tell>>) -> PageId {
        let id = self.next_page.fetch_add(1, Ordering::Relaxed);
        lock(&self.pages).open.insert(id, Page { login: None, tx });
        id
    }

    /// A page's socket closed.
    pub fn close_page(&self, id: PageId) {
        lock(&self.pages).open.remove(&id);
    }

    /// Tells one page something.
    pub fn tell(&self, page: PageId, tell: Tell) {
        if let Some(p) = lock(&self.pages).open.get(&page) {
            let _ = p.tx.send(Arc::new(tell));
        }
    }

    fn refuse(&self, page: PageId, refusal: Refusal) {
        self.tell(page, Tell::Refused { refusal });
    }

    /// The login a page joined as.
    pub fn login_of(&self, page: PageId) -> Option<String> {
        lock(&self.pages).open.get(&page)?.login.clone()
    }

    /// A new student: their account, devices and password; their phone connects and
    /// idles at once, so the first message a classmate sends them arrives as it happens.
    pub fn join(&self, page: PageId, typed: &str) {
        let name = match StudentName::parse(typed) {
            Ok(n) => n,
            Err(problem) => return self.refuse(page, Refusal::Name { problem }),
        };
        let password = words::student_password();
        {
            let mut roll = lock(&self.roll);
            if roll.by_login.contains_key(&name.login) {
                let login = name.login;
                return self.refuse(page, Refusal::NameTaken { login });
            }
            if roll.order.len() >= self.limits.max_students {
                let max = self.limits.max_students;
                return self.refuse(page, Refusal::ClassFull { max });
            }
            let mut table = self.shared.table();
            if class::enrol(&mut table, &name, &password).is_err() {
                // The roll and the table agree on logins; a clash here means the table
                // kept an account the roll lost, so the name is not free.
                let login = name.login;
                return self.refuse(page, Refusal::NameTaken { login });
            }
            drop(table);
            roll.order.push(name.login.clone());
            roll.by_login.insert(
                name.login.clone(),
                Student {
                    name: name.clone(),
                    password: password.clone(),
                    actions: VecDeque::new(),
                    messages: VecDeque::new(),
                },
            );
        }
        self.welcome(page, &name.login);
        let phone = Action::Check {
            device: format!("{}-phone", name.login),
        };
        self.play_for(&name.login, page, &phone);
        self.tell_classmates();
    }

    /// A student back (a reload, another tab): their password is their key.
    pub fn rejoin(&self, page: PageId, login: &str, password: &str) {
        let known = lock(&self.roll)
            .by_login
            .get(login)
            .map(|s| s.password == password);
        match known {
            None => self.refuse(page, Refusal::NoSuchStudent),
            Some(false) => self.refuse(page, Refusal::WrongPassword),
            Some(true) => {
                let open = lock(&self.pages)
                    .open
                    .values()
                    .filter(|p| p.login.as_deref() == Some(login))
                    .count();
                if open >= self.limits.pages_per_student {
                    let max = self.limits.pages_per_student;
                    return self.refuse(page, Refusal::TooManyConnections { max });
                }
                self.welcome(page, login);
            }
        }
    }

    fn welcome(&self, page: PageId, login: &str) {
        let Some((name, password)) = lock(&self.roll)
            .by_login
            .get(login)
            .map(|s| (s.name.shown.clone(), s.password.clone()))
        else {
            return;
        };
        let table = self.shared.table().view_of(login);
        let welcome = Welcome {
            login: login.to_owned(),
            name,
            address: class::address(login),
            password,
            table: table.clone(),
            classmates: self.classmates_of(login),
        };
        // The page counts as the student's from its welcome on, in one step: nothing meant
        // for the student (a classmate joining) may reach it before.
        let mut pages = lock(&self.pages);
        pages.last_view.insert(login.to_owned(), table);
        if let Some(p) = pages.open.get_mut(&page) {
            p.login = Some(login.to_owned());
            let _ = p.tx.send(Arc::new(Tell::Welcome(Box::new(welcome))));
        }
    }

    fn classmates_of(&self, login: &str) -> Vec<Classmate> {
        let roll = lock(&self.roll);
        roll.order
            .iter()
            .filter(|l| *l != login)
            .filter_map(|l| roll.by_login.get(l))
            .map(|s| Classmate {
                name: s.name.shown.clone(),
                address: class::address(&s.name.login),
            })
            .collect()
    }

    /// Everyone's directory changed (someone joined).
    fn tell_classmates(&self) {
        let pages: Vec<(PageId, String)> = lock(&self.pages)
            .open
            .iter()
            .filter_map(|(id, p)| Some((*id, p.login.clone()?)))
            .collect();
        for (page, login) in pages {
            let classmates = self.classmates_of(&login);
            self.tell(page, Tell::Classmates { classmates });
        }
    }

    /// Plays a page's action, if it is on the student's own devices and within limits.
    pub fn play(&self, page: PageId, action: &Action) {
        let Some(login) = self.login_of(page) else {
            return self.refuse(page, Refusal::NotJoined);
        };
        let own = |device: &str| {
            device.strip_prefix(login.as_str()).is_some_and(|rest| {
                class::DEVICES
                    .iter()
                    .any(|k| rest.strip_prefix('-') == Some(k.slug()))
            })
        };
        if !action.device().is_some_and(own) {
            return self.refuse(page, Refusal::NotYours);
        }
        if let Some(refusal) = self.within_limits(&login, action) {
            return self.refuse(page, refusal);
        }
        self.play_for(&login, page, action);
    }

    /// Counts the action against the student's limits; the refusal if it is over one.
    fn within_limits(&self, login: &str, action: &Action) -> Option<Refusal> {
        let l = self.limits;
        let size = match action {
            Action::Send { draft, .. } | Action::SaveDraft { draft, .. } => {
                draft.to.len() + draft.subject.len() + draft.body.len()
            }
            Action::Type { line, .. } => line.len(),
            _ => 0,
        };
        if size > l.message_bytes {
            return Some(Refusal::TooLarge {
                max: l.message_bytes,
            });
        }
        let mut roll = lock(&self.roll);
        let student = roll.by_login.get_mut(login)?;
        let at = Instant::now();
        forget_before(&mut student.actions, at);
        forget_before(&mut student.messages, at);
        if student.actions.len() >= l.actions_per_minute {
            return Some(Refusal::TooFast {
                per_minute: l.actions_per_minute,
            });
        }
        let sends = matches!(action, Action::Send { .. });
        if sends && student.messages.len() >= l.messages_per_minute {
            return Some(Refusal::TooFast {
                per_minute: l.messages_per_minute,
            });
        }
        student.actions.push_back(at);
        if sends {
            student.messages.push_back(at);
        }
        None
    }

    fn play_for(&self, login: &str, page: PageId, action: &Action) {
        let at = now();
        let mut table = self.shared.table();
        let done = table.play(action, at, &mut |heard| self.shared.hear(heard));
        self.shared.pass_on(&mut table, at);
        let view = table.view_of(login);
        drop(table);
        let changed = lock(&self.pages).news(login, &view, true);
        self.tell(
            page,
            Tell::Played {
                done,
                table: changed.then(|| Box::new(view)),
            },
        );
    }

    /// Keeps the devices' IDLE alive, as their apps would (RFC 2177 §3), and closes
    /// terminals left silent past the server's time-out.
    pub fn tick(&self) {
        let at = now();
        let mut table = self.shared.table();
        table.renew_idle(at, &mut |heard| self.shared.hear(heard));
        let terminals: Vec<String> = table.terminals().map(|(id, _)| id.clone()).collect();
        for device in terminals {
            table.time_out(&device, at, &mut |heard| self.shared.hear(heard));
        }
        self.shared.pass_on(&mut table, at);
    }

    /// The teacher starts the class again: every account and device goes; every page is
    /// told, and joins again.
    pub fn reset(&self) {
        {
            let mut table = self.shared.table();
            let sessions = table.world().session_ids();
            for id in sessions {
                table.world_mut().disconnect(id);
            }
            let idle = table.world().idle_timeouts;
            *table = class::table();
            table.world_mut().idle_timeouts = idle;
        }
        *lock(&self.roll) = Roll::default();
        let mut pages = lock(&self.pages);
        pages.last_view.clear();
        let reset = Arc::new(Tell::Reset);
        for p in pages.open.values_mut() {
            p.login = None;
            let _ = p.tx.send(reset.clone());
        }
    }

    /// The class as the teacher sees it.
    pub fn report(&self) -> ClassReport {
        let connections: HashMap<String, usize> = {
            let mut counts = HashMap::new();
            for p in lock(&self.pages).open.values() {
                if let Some(login) = &p.login {
                    *counts.entry(login.clone()).or_insert(0) += 1;
                }
            }
            counts
        };
        let names: Vec<StudentName> = {
            let roll = lock(&self.roll);
            roll.order
                .iter()
                .filter_map(|l| roll.by_login.get(l))
                .map(|s| s.name.clone())
                .collect()
        };
        let table = self.shared.table();
        let students = names
            .into_iter()
            .map(|n| StudentReport {
                address: class::address(&n.login),
                connections: connections.get(&n.login).copied().unwrap_or(0),
                mailboxes: MailboxCount::of_account(&table.world().store, &n.login),
                name: n.shown,
                login: n.login,
            })
            .collect();
        ClassReport {
            students,
            delivered_last_minute: self.deliveries.last_minute(),
            delivered: self.deliveries.total.load(Ordering::Relaxed),
            max_students: self.limits.max_students,
        }
    }

    /// One mailbox, subjects shown: the teacher opened it.
    pub fn open_mailbox(&self, login: &str, mailbox: &str) -> Option<MailboxOpened> {
        MailboxOpened::of(&self.shared.table().world().store, login, mailbox)
    }
}

/// Sends what a device heard to its owner's pages, with their view of the table when it
/// changed. Called while the table is locked, so each page gets its lines in order.
fn tell_owner(pages: &Mutex<Pages>, heard: &Heard<'_>) {
    let Some(login) = heard.devices.get(heard.device).map(|d| d.login.clone()) else {
        return;
    };
    let mut pages = lock(pages);
    let owners: Vec<UnboundedSender<Arc<Tell>>> = pages
        .open
        .values()
        .filter(|p| p.login.as_deref() == Some(login.as_str()))
        .map(|p| p.tx.clone())
        .collect();
    if owners.is_empty() {
        return;
    }
    let view = heard.view_of(&login);
    let table = pages.news(&login, &view, false).then(|| Box::new(view));
    let tell = Arc::new(Tell::Heard {
        device: heard.device.to_owned(),
        said: heard.said.clone(),
        table,
    });
    for tx in owners {
        let _ = tx.send(tell.clone());
    }
}

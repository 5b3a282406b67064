//! What every connection task shares: the table (the world, and in class mode the students'
//! devices), and a way to reach other connections.

use std::collections::HashMap;
use std::ops::{Deref, DerefMut};
use std::sync::{Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

use facteur_protocols::output::Output;
use facteur_protocols::table::{Heard, Table};
use facteur_protocols::{SessionId, Timestamp, World};
use tokio::sync::mpsc::UnboundedSender;

/// Who hears what the table's devices hear: in class mode, the students' pages.
pub type Hearing = Box<dyn Fn(Heard<'_>) + Send + Sync>;

pub struct Shared {
    table: Mutex<Table>,
    /// Connections by session, to deliver what the world pushes to them (IMAP IDLE).
    registry: Mutex<HashMap<SessionId, UnboundedSender<Output>>>,
    hearing: Option<Hearing>,
    pub trace: bool,
    /// The name the mail ports answer as; it decides whose mail is local.
    pub hostname: String,
}

/// The clock read once per input, and passed to the engine as a value.
pub fn now() -> Timestamp {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Timestamp(i64::try_from(secs).unwrap_or(i64::MAX))
}

/// The world inside the locked table, for one short step.
pub struct WorldGuard<'a>(MutexGuard<'a, Table>);

impl Deref for WorldGuard<'_> {
    type Target = World;
    fn deref(&self) -> &World {
        self.0.world()
    }
}

impl DerefMut for WorldGuard<'_> {
    fn deref_mut(&mut self) -> &mut World {
        self.0.world_mut()
    }
}

impl Shared {
    /// A world for the mail ports alone.
    pub fn new(world: World, trace: bool, hostname: &str) -> Shared {
        Shared::with_table(Table::new(world, Default::default()), trace, hostname, None)
    }

    /// A table whose devices someone listens to (class mode).
    pub fn with_table(
        table: Table,
        trace: bool,
        hostname: &str,
        hearing: Option<Hearing>,
    ) -> Shared {
        Shared {
            table: Mutex::new(table),
            registry: Mutex::new(HashMap::new()),
            hearing,
            trace,
            hostname: hostname.to_owned(),
        }
    }

    /// The table, for one short step; never held across an await.
    pub fn table(&self) -> MutexGuard<'_, Table> {
        // A panic while holding the lock would poison it; the engine does not panic on
        // input, and the data stays usable either way.
        self.table.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The world, for one short step; never held across an await.
    pub fn world(&self) -> WorldGuard<'_> {
        WorldGuard(self.table())
    }

    pub fn register(&self, id: SessionId, tx: UnboundedSender<Output>) {
        self.registry
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id, tx);
    }

    pub fn unregister(&self, id: SessionId) {
        self.registry
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&id);
    }

    /// Feeds input to a session and hands updates pushed to other sessions on: to the
    /// table's idling devices (who wake and sync), and to other connections' tasks.
    pub fn input(&self, id: SessionId, bytes: &[u8]) -> Output {
        let at = now();
        let mut table = self.table();
        let out = table.world_mut().input(id, bytes, at);
        self.pass_on(&mut table, at);
        out
    }

    /// After anything was played on the table: the updates the world pushed go to whoever
    /// holds their sessions. Called with the table locked.
    pub fn pass_on(&self, table: &mut Table, at: Timestamp) {
        match &self.hearing {
            Some(hearing) => table.deliver_pushes(at, &mut |h| hearing(h)),
            None => table.deliver_pushes(at, &mut |_| {}),
        }
        let pushes = table.take_foreign_pushes();
        if pushes.is_empty() {
            return;
        }
        let registry = self.registry.lock().unwrap_or_else(|e| e.into_inner());
        for (target, pushed) in pushes {
            if let Some(tx) = registry.get(&target) {
                // A closed channel means that connection is going away; nothing to do.
                let _ = tx.send(pushed);
            }
        }
    }

    /// Tells whoever listens to the table's devices what one heard.
    pub fn hear(&self, heard: Heard<'_>) {
        if let Some(hearing) = &self.hearing {
            hearing(heard);
        }
    }
}

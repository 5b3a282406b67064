//! What every connection task shares: the world, and a way to reach other connections.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

use facteur_protocols::output::Output;
use facteur_protocols::{SessionId, Timestamp, World};
use tokio::sync::mpsc::UnboundedSender;

pub struct Shared {
    world: Mutex<World>,
    /// Connections by session, to deliver what the world pushes to them (IMAP IDLE).
    registry: Mutex<HashMap<SessionId, UnboundedSender<Output>>>,
    pub trace: bool,
}

/// The clock read once per input, and passed to the engine as a value.
pub fn now() -> Timestamp {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Timestamp(i64::try_from(secs).unwrap_or(i64::MAX))
}

impl Shared {
    pub fn new(world: World, trace: bool) -> Shared {
        Shared {
            world: Mutex::new(world),
            registry: Mutex::new(HashMap::new()),
            trace,
        }
    }

    /// The world, for one short step; never held across an await.
    pub fn world(&self) -> MutexGuard<'_, World> {
        // A panic while holding the lock would poison it; the engine does not panic on
        // input, and the data stays usable either way.
        self.world.lock().unwrap_or_else(|e| e.into_inner())
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

    /// Feeds input to a session and hands updates pushed to other sessions to their tasks.
    pub fn input(&self, id: SessionId, bytes: &[u8]) -> Output {
        let (out, pushes) = {
            let mut world = self.world();
            let out = world.input(id, bytes, now());
            (out, world.take_pushes())
        };
        let registry = self.registry.lock().unwrap_or_else(|e| e.into_inner());
        for (target, pushed) in pushes {
            if let Some(tx) = registry.get(&target) {
                // A closed channel means that connection is going away; nothing to do.
                let _ = tx.send(pushed);
            }
        }
        out
    }
}

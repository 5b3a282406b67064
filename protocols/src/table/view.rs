//! One person's view of a table held elsewhere. In class mode the class server holds the
//! one table of the room; each student's page holds a copy made from [`TableView`]: their
//! own account, devices, connections and problems, nothing of a classmate's. The page's
//! views read that copy exactly as they read a table of their own, so the dialogue, its
//! explanations and the snapshots behind playback work unchanged.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{Devices, Heard, Journal, Open, Table, Terminal};
use crate::device::problem::Problem;
use crate::device::{Device, DeviceKind, Receiving};
use crate::store::{AccountSpec, PresetError, Store};
use crate::{SessionId, SessionInfo, World};

/// What a person's page is shown of a table: everything of theirs on it. Its sessions
/// come as a terminal sees them, not as their state machines: a page never plays on them,
/// and reading those back would weigh on every learner's download.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableView {
    /// The store with their account only.
    pub store: Store,
    /// Their devices' sessions, as a terminal sees them.
    pub sessions: BTreeMap<SessionId, SessionInfo>,
    /// Their devices.
    pub devices: Devices,
    /// Their devices' open terminals.
    pub terminals: BTreeMap<String, Terminal>,
    /// Their devices that hold a connection open in IDLE.
    pub idling: BTreeSet<String>,
    /// Why their devices' last actions failed.
    pub problems: BTreeMap<String, Problem>,
    /// The Message-IDs of what their devices sent (for a lesson's goals).
    pub sent: Vec<String>,
}

impl Heard<'_> {
    /// Everything of `login`'s on the table as it is at this moment, for their page.
    pub fn view_of(&self, login: &str) -> TableView {
        view_of(self.world, self.devices, self.open, login)
    }
}

impl Table {
    /// Everything of `login`'s on this table, for their page.
    pub fn view_of(&self, login: &str) -> TableView {
        let open = Open {
            terminals: &self.terminals,
            links: &self.links,
            problems: &self.problems,
        };
        view_of(&self.world, &self.devices, open, login)
    }

    /// A table that shows a view: what the page plays it on is sent to the table's holder,
    /// and this copy is replaced by each new view.
    pub fn from_view(view: TableView) -> Table {
        let mut table = Table::new(World::shown(view.store, view.sessions), view.devices);
        table.terminals = view.terminals;
        table.idling = view.idling;
        table.problems = view.problems;
        table.sent = view.sent;
        table.journal = Journal::new(&table.devices);
        table
    }

    /// Opens an account for a new person and gives them devices of `kinds`, each reading
    /// mail as `receiving` says (a class server's student joining). Returns their ids.
    pub fn add_person(
        &mut self,
        account: &AccountSpec,
        kinds: &[DeviceKind],
        receiving: impl Fn(DeviceKind) -> Receiving,
    ) -> Result<Vec<String>, PresetError> {
        self.world.store.add_account(account)?;
        let Some(added) = self.world.store.account(&account.login) else {
            return Ok(Vec::new());
        };
        let host = self
            .world
            .store
            .server_for_domain(&added.address.domain)
            .map(|s| s.hostname.clone())
            .unwrap_or_default();
        let mut ids = Vec::new();
        for kind in kinds {
            let device = Device::new(*kind, added, &host, receiving(*kind));
            let id = device.id();
            self.devices.insert(id.clone(), device);
            ids.push(id);
        }
        Ok(ids)
    }
}

fn view_of(world: &World, all: &Devices, open: Open<'_>, login: &str) -> TableView {
    let mine = |id: &String| all.get(id).is_some_and(|d| d.login == login);
    let devices: Devices = all
        .iter()
        .filter(|(id, _)| mine(id))
        .map(|(id, d)| (id.clone(), d.clone()))
        .collect();
    let terminals: BTreeMap<String, Terminal> = open
        .terminals
        .iter()
        .filter(|(id, _)| mine(id))
        .map(|(id, t)| (id.clone(), t.clone()))
        .collect();
    let idling: BTreeSet<String> = open.links.keys().filter(|id| mine(id)).cloned().collect();
    let sessions = terminals
        .values()
        .map(|t| t.session)
        .chain(
            open.links
                .iter()
                .filter(|(id, _)| mine(id))
                .map(|(_, l)| l.session),
        )
        .collect();
    TableView {
        store: world.store.view_of(login),
        sessions: world.sessions_shown(&sessions),
        terminals,
        idling,
        problems: open
            .problems
            .iter()
            .filter(|(id, _)| mine(id))
            .map(|(id, p)| (id.clone(), p.clone()))
            .collect(),
        // Which message a lesson's goals call "the one you sent": no lesson runs here.
        sent: Vec::new(),
        devices,
    }
}

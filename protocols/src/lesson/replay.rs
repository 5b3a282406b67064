//! A lesson's reference solution, and the bench that plays it with nobody watching: the
//! same world, devices and clients as the page, so a solution that meets its goals here
//! meets them in the browser when "Show me" plays it.

use super::course::{Start, Step};
use super::goal::Facts;
use crate::store::PresetError;
use crate::table::{Action, Table, Terminal};
use crate::time::Timestamp;
use crate::World;

/// A table to play a lesson's steps on with nobody watching. Its journal starts afresh
/// at each step, so the step's answer is the one its journal holds.
#[derive(Debug, Clone)]
pub struct Bench {
    table: Table,
    now: Timestamp,
}

/// Why a step cannot start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartError {
    /// The world a step names cannot be built.
    World(PresetError),
    /// The first step of a lesson must name its world.
    NoWorld,
    /// A step names a device the world does not have.
    UnknownDevice(String),
}

impl Start {
    /// What readies the devices for the step, as actions: how each reads mail, then the
    /// settings changed from the usual ones.
    pub fn actions(&self) -> Vec<Action> {
        let reading = self.reading.iter().map(|(id, reading)| Action::Reading {
            device: id.clone(),
            reading: *reading,
        });
        let settings = self.settings.iter().map(|(id, change)| Action::Settings {
            device: id.clone(),
            change: change.clone(),
        });
        reading.chain(settings).collect()
    }

    /// Terminals left open by the step before that this step does not want: one on
    /// another port than the step opens its terminal on (port 25 left open, the step
    /// about 587). The step starts from the state its text assumes.
    pub fn hang_ups(&self, table: &Table) -> Vec<Action> {
        table
            .terminals()
            .filter(|(device, terminal)| {
                self.terminal
                    .as_ref()
                    .is_some_and(|t| &t.device == *device && t.port != terminal.port.number)
            })
            .map(|(device, _)| Action::Disconnect {
                device: device.clone(),
            })
            .collect()
    }

    /// The devices it names that `table` does not have.
    fn unknown_device(&self, table: &Table) -> Option<String> {
        let named = self.reading.keys().chain(self.settings.keys());
        let terminal = self.terminal.iter().map(|t| &t.device);
        let terminal = terminal.chain(&self.device).chain(&self.watch);
        named
            .chain(terminal)
            .find(|id| table.device(id).is_none())
            .cloned()
    }
}

impl Bench {
    /// A bench over a table as it is (a page's, between two steps).
    pub fn new(table: Table, now: Timestamp) -> Bench {
        Bench { table, now }
    }

    /// The table the steps are played on.
    pub fn table(&self) -> &Table {
        &self.table
    }

    /// The table, to go on from (the page takes it over).
    pub fn into_table(self) -> Table {
        self.table
    }

    /// The terminals still connected, by device.
    pub fn terminals(&self) -> impl Iterator<Item = (&String, &Terminal)> {
        self.table.terminals()
    }

    /// Readies a step: a fresh world if it names one, the devices set up as it says, and a
    /// new trace (goals look only at what happens from here).
    pub fn begin(
        previous: Option<Bench>,
        start: &Start,
        now: Timestamp,
    ) -> Result<Bench, StartError> {
        let mut bench = match (&start.world, previous) {
            (Some(preset), _) => {
                let world = World::from_preset(preset).map_err(StartError::World)?;
                Bench::new(Table::of_world(world), now)
            }
            (None, Some(previous)) => previous,
            (None, None) => return Err(StartError::NoWorld),
        };
        if let Some(id) = start.unknown_device(&bench.table) {
            return Err(StartError::UnknownDevice(id));
        }
        for action in start
            .hang_ups(&bench.table)
            .into_iter()
            .chain(start.actions())
        {
            bench.table.play(&action, now, &mut |_| {});
        }
        bench.table.restart_journal(None);
        bench.table.restart_trace();
        Ok(bench)
    }

    /// Plays one action five seconds after the one before; one that cannot be done does
    /// nothing, as the page would not offer it.
    pub fn play(&mut self, action: &Action) {
        self.now = self.now.plus_seconds(5);
        self.table.play(action, self.now, &mut |_| {});
    }

    /// Which of the step's goals are met, in order.
    pub fn met(&self, step: &Step) -> Vec<bool> {
        // The choices as answered, from 0 (an answer numbers them from 1).
        let chosen: Vec<usize> = self.table.journal().answer().map_or(Vec::new(), |a| {
            a.iter().map(|c| c.saturating_sub(1)).collect()
        });
        let quiz_right = step.quiz.as_ref().is_some_and(|q| q.is_right(&chosen));
        let table = &self.table;
        let facts = Facts::of(table.world(), table.devices(), quiz_right, table.sent());
        step.goals.iter().map(|g| g.check.met(&facts)).collect()
    }
}

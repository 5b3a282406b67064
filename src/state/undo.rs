//! Undo: the table as it was before each of the latest actions, newest last.

use facteur_protocols::table::{Action, Table};

use super::console::Connection;

/// How many actions can be undone, one after the other.
const UNDO_DEPTH: usize = 30;

/// The table before an action, to go back to: the whole world (its open sessions too),
/// the devices, their problems and the journal, and the terminals' connections.
#[derive(Debug, Clone)]
pub struct Checkpoint {
    /// Who acted ("bob · laptop"), and what they did, as the Undo button names it.
    pub who: String,
    pub what: Action,
    pub table: Table,
    pub connections: Vec<(String, Option<Connection>)>,
}

/// The checkpoints kept, at most [`UNDO_DEPTH`]: the oldest goes first.
#[derive(Debug, Clone, Default)]
pub struct Undo(Vec<Checkpoint>);

impl Undo {
    pub fn push(&mut self, checkpoint: Checkpoint) {
        self.0.push(checkpoint);
        if self.0.len() > UNDO_DEPTH {
            self.0.remove(0);
        }
    }

    pub fn pop(&mut self) -> Option<Checkpoint> {
        self.0.pop()
    }

    /// Who did the latest action that can be undone, and what it was.
    pub fn last(&self) -> Option<(String, Action)> {
        self.0.last().map(|c| (c.who.clone(), c.what.clone()))
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

//! A device's problem: why its last action failed, as its mail app would show it.

use serde::{Deserialize, Serialize};

use crate::client::trouble::{Diagnosis, Trouble};

/// Why a device's last action failed: what its client ran into, on which side, and the
/// wrong setting that explains it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// What the client ran into.
    pub trouble: Trouble,
    /// The wrong setting that explains it, and how to fix it.
    pub diagnosis: Diagnosis,
    /// Sending (the outgoing server) rather than reading.
    pub outgoing: bool,
}

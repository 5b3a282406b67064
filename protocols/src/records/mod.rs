//! The learner's records: what they did, kept to be shared or played again. A scenario
//! (what was done on the devices, replayable under the other protocol) and a recorded
//! dialogue (what was typed in a terminal) are both read from a table's journal, and both
//! travel in a link.

pub mod link;
pub mod recording;
pub mod scenario;

//! Facteur's mail world, with no I/O of its own.
//!
//! Sessions take bytes in and give replies and events out; they never open a socket, read the
//! clock or touch a page. The web app, the simulated devices and the native server are thin
//! drivers around the same code, so what a learner sees in the browser is what a real mail
//! client gets from `facteur-server`.
//!
//! # The public surface
//!
//! Drivers start at [`World`] (connect, type bytes, read [`output::Output`]) or, for what a
//! learner does, at [`table::Table`] (play an [`table::Action`], hear who said what). The
//! rest that is public is what they show or pass along: the [`store`], the [`device`]s,
//! the learner's [`records`], the [`lesson`]s, the [`explain`]ers. The sessions'
//! insides (parsers, notes, framing, grammar helpers) are private to the crate; each
//! protocol module shows only its policy, its command words and its command parser.
//!
//! # Floors
//!
//! A module imports from its own floor or the floors below, never from above (see
//! `docs/ARCHITECTURE.md`). The one exception is the protocol-neutral vocabulary: [`note`]
//! and `crossover` name each protocol, and each protocol uses them.
//!
//! 9. [`lesson`], [`assist`], [`explain`]: lessons and goals, suggestions, explanations.
//! 8. [`records`]: what the learner did, kept to share or replay (scenarios, dialogues).
//! 7. [`table`]: the one player of every action, on a world with its devices.
//! 6. [`device`]: a person's device and its mail app: folders, settings, composing.
//! 5. [`client`]: the wire clients (submission, POP3 fetch, IMAP sync) and how they dial.
//! 4. [`world`], `trace`, [`closing`]: the one entry point, what it records, goodbyes.
//! 3. [`smtp`], [`pop3`], [`imap`]: one session state machine per protocol.
//! 2. `session`, [`output`], [`note`], `crossover`: the contract every session keeps, and
//!    what it says back.
//! 1. [`store`], `time`, `port`, [`vocab`], `line`, `grammar`, [`sasl`]: the mailboxes, the
//!    time passed in, ports, shared words, line framing, parsing helpers.

// Nothing derived from input may panic: no unwrap or expect outside tests. Clock reads
// are refused by clippy.toml (they panic on wasm32-unknown-unknown and break determinism).
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]
#![deny(clippy::disallowed_methods, clippy::disallowed_types)]
#![warn(missing_docs)]

pub mod assist;
pub mod class;
pub mod client;
pub mod closing;
pub(crate) mod crossover;
pub mod device;
pub mod explain;
pub(crate) mod grammar;
pub mod imap;
pub mod lesson;
pub(crate) mod line;
pub mod note;
pub mod output;
pub mod pop3;
pub(crate) mod port;
pub mod proofread;
pub mod records;
pub mod sasl;
pub(crate) mod session;
pub mod smtp;
pub mod store;
pub mod table;
pub(crate) mod time;
pub(crate) mod trace;
pub mod vocab;
pub mod world;

pub use port::{Port, Security, Service};
pub use time::Timestamp;
pub use world::{ConnectError, SessionId, SessionInfo, World};

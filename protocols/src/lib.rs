//! Facteur's mail world, with no I/O of its own.
//!
//! Sessions take bytes in and give replies and events out; they never open a socket, read the
//! clock or touch a page. The web app, the simulated devices and the native server are thin
//! drivers around the same code, so what a learner sees in the browser is what a real mail
//! client gets from `facteur-server`.

// Nothing derived from input may panic: no unwrap or expect outside tests. Clock reads
// are refused by clippy.toml (they panic on wasm32-unknown-unknown and break determinism).
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]
#![deny(clippy::disallowed_methods, clippy::disallowed_types)]

pub mod assist;
pub mod client;
pub mod closing;
pub mod crossover;
pub mod explain;
pub mod grammar;
pub mod imap;
pub mod lesson;
pub mod line;
pub mod note;
pub mod output;
pub mod pop3;
pub mod port;
pub mod sasl;
pub mod session;
pub mod smtp;
pub mod store;
pub mod time;
pub mod trace;
pub mod vocab;
pub mod world;

pub use port::{Port, Security, Service};
pub use time::Timestamp;
pub use world::{ConnectError, SessionId, SessionInfo, World};

//! Facteur's mail world, with no I/O of its own.
//!
//! Sessions take bytes in and give replies and events out; they never open a socket, read the
//! clock or touch a page. The web app, the simulated devices and the native server are thin
//! drivers around the same code, so what a learner sees in the browser is what a real mail
//! client gets from `facteur-server`.

pub mod client;
pub mod explain;
pub mod grammar;
pub mod line;
pub mod output;
pub mod port;
pub mod smtp;
pub mod store;
pub mod time;
pub mod world;

pub use port::{Port, Security, Service};
pub use time::Timestamp;
pub use world::{ConnectError, SessionId, World};

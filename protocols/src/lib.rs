//! Facteur's mail world, with no I/O of its own.
//!
//! Sessions take bytes in and give replies and events out; they never open a socket, read the
//! clock or touch a page. The web app, the simulated devices and the native server are thin
//! drivers around the same code, so what a learner sees in the browser is what a real mail
//! client gets from `facteur-server`.

pub mod port;

pub use port::{Port, Security, Service};

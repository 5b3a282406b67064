//! POP3 (RFC 1939) with CAPA (RFC 2449), STLS (RFC 2595) and response codes (RFC 3206).

pub mod command;
pub mod note;
pub mod session;

pub use command::{Command, Verb};
pub use note::{Capability, Pop3Note, State};
pub use session::{Pop3Policy, Pop3Session};

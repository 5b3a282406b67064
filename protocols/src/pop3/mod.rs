//! POP3 (RFC 1939) with CAPA (RFC 2449), STLS (RFC 2595) and response codes (RFC 3206).

pub(crate) mod command;
pub(crate) mod note;
pub(crate) mod session;

pub use command::{parse, Verb};
pub(crate) use note::{Capability, Pop3Note, State};
pub use session::Pop3Policy;
pub(crate) use session::Pop3Session;

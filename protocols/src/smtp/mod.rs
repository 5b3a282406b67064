//! SMTP (RFC 5321) with the ESMTP extensions learners meet: PIPELINING, SIZE, 8BITMIME,
//! ENHANCEDSTATUSCODES, STARTTLS and AUTH.

mod access;
mod auth;
pub(crate) mod command;
pub(crate) mod data;
pub(crate) mod envelope;
pub(crate) mod note;
pub(crate) mod policy;
pub(crate) mod reply;
pub(crate) mod session;
pub(crate) mod trace;

pub use command::{parse, Verb};
pub(crate) use note::{Extension, SmtpNote};
pub use policy::SmtpPolicy;
pub(crate) use reply::{EnhancedCode, Reply, ReplyClass, ReplyCode};
pub(crate) mod relay;
pub(crate) use session::SmtpSession;

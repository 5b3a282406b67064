//! SMTP (RFC 5321) with the ESMTP extensions learners meet: PIPELINING, SIZE, 8BITMIME,
//! ENHANCEDSTATUSCODES, STARTTLS and AUTH.

mod access;
mod auth;
pub mod command;
pub mod data;
pub mod envelope;
pub mod note;
pub mod policy;
pub mod reply;
pub mod session;
pub mod trace;

pub use command::{Command, ReversePath, Verb};
pub use note::{Extension, SmtpNote};
pub use policy::SmtpPolicy;
pub use reply::{EnhancedCode, Reply, ReplyClass, ReplyCode};
pub mod relay;
pub use session::SmtpSession;

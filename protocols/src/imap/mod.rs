//! IMAP (RFC 9051, IMAP4rev2) that also speaks the IMAP4rev1 commands of RFC 3501 that
//! clients still send, with LITERAL+, IDLE, UIDPLUS, MOVE, UNSELECT, NAMESPACE, ID,
//! ENABLE, SASL-IR, CHILDREN and SPECIAL-USE.

mod access;
pub mod auth;
pub mod command;
pub mod encode;
pub mod envelope;
mod fetch_att;
mod lexical;
mod mailboxes;
pub use mailboxes::MAX_MAILBOXES;
pub mod mime;
pub mod msg_att;
pub mod note;
pub mod policy;
pub mod reply;
pub mod response;
pub mod search;
pub mod selected;
pub mod session;
pub mod types;
pub mod view;

pub use note::{ImapNote, ImapState};
pub use session::{ImapPolicy, ImapSession};
pub use types::{Command, CommandName, MailboxName, SequenceSet};

//! IMAP (RFC 9051, IMAP4rev2) that also speaks the IMAP4rev1 commands of RFC 3501 that
//! clients still send, with LITERAL+, IDLE, UIDPLUS, MOVE, UNSELECT, NAMESPACE, ID,
//! ENABLE, SASL-IR, CHILDREN and SPECIAL-USE.

pub mod command;
pub mod types;

pub use types::{Command, CommandName, MailboxName, SequenceSet};

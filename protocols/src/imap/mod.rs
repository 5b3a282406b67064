//! IMAP (RFC 9051, IMAP4rev2) that also speaks the IMAP4rev1 commands of RFC 3501 that
//! clients still send, with LITERAL+, IDLE, UIDPLUS, MOVE, UNSELECT, NAMESPACE, ID,
//! ENABLE, SASL-IR, CHILDREN and SPECIAL-USE.

mod access;
pub(crate) mod auth;
pub(crate) mod command;
pub(crate) mod encode;
pub(crate) mod envelope;
mod fetch_att;
mod lexical;
mod mailboxes;
pub use mailboxes::MAX_MAILBOXES;
pub(crate) mod mime;
pub(crate) mod msg_att;
pub(crate) mod note;
pub(crate) mod policy;
pub(crate) mod reply;
pub(crate) mod response;
pub(crate) mod search;
pub(crate) mod selected;
pub(crate) mod session;
pub(crate) mod types;
pub(crate) mod view;

pub use command::{parse, split_literals};
pub(crate) use note::{ImapNote, ImapState};
pub use session::ImapPolicy;
pub(crate) use session::ImapSession;
pub use types::CommandName;

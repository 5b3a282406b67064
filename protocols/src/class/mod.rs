//! Class mode: one world for a whole room. A class server holds one [`Table`] whose
//! world has one mail server, `mail.class.test`, for one domain, `class.test`; each
//! student who joins gets an account there and two devices. Mail goes between classmates
//! through the same SMTP, POP3 and IMAP sessions as everywhere else; a message to any
//! other domain is refused by SMTP itself (`550 5.1.2`), because no other server exists in
//! this world (RFC 5321 §3.6.2: a server relays only where it is told to).
//!
//! The server's sockets live in `facteur-server`; what crosses them is in [`wire`].

mod name;
mod report;
pub mod wire;

pub use name::{NameProblem, StudentName, NAME_MAX};
pub use report::{ClassReport, MailboxCount, MailboxOpened, MessageLine, StudentReport};

use crate::device::{DeviceKind, Receiving};
use crate::store::{AccountSpec, PresetError, Server, Store};
use crate::table::Table;
use crate::World;

/// The class's mail domain.
pub const DOMAIN: &str = "class.test";
/// The class's mail server.
pub const HOST: &str = "mail.class.test";
/// Each student's devices, in the order the page shows them.
pub const DEVICES: [DeviceKind; 2] = [DeviceKind::Phone, DeviceKind::Laptop];

/// The class's world before anyone joins: its server, no account.
pub fn world() -> World {
    let mut store = Store::default();
    store.servers.push(Server {
        hostname: HOST.to_owned(),
        domains: vec![DOMAIN.to_owned()],
    });
    World::new(store)
}

/// The class's table before anyone joins.
pub fn table() -> Table {
    Table::new(world(), Default::default())
}

/// A student's address.
pub fn address(login: &str) -> String {
    format!("{login}@{DOMAIN}")
}

/// Opens a student's account with `password` and gives them their devices: a phone that
/// stays in IDLE to hear of new mail at once (RFC 2177), and a laptop that checks when
/// asked. Returns the devices' ids.
pub fn enrol(
    table: &mut Table,
    name: &StudentName,
    password: &str,
) -> Result<Vec<String>, PresetError> {
    let account = AccountSpec {
        login: name.login.clone(),
        password: password.to_owned(),
        address: address(&name.login),
        display_name: name.shown.clone(),
        mailboxes: None,
    };
    table.add_person(&account, &DEVICES, |kind| Receiving::Imap {
        idle: kind == DeviceKind::Phone,
    })
}

#[cfg(test)]
mod tests;

//! The demo world's people and their devices (curriculum: alice and carol have a laptop;
//! bob a phone, a laptop and a tablet). The page, a replayed scenario and a lesson's
//! reference solution all start from these same devices.

use std::collections::BTreeMap;

use super::{Device, DeviceKind, Receiving};
use crate::World;

/// The demo world's people, and their devices in the order the page shows them.
pub const PEOPLE: [(&str, &[DeviceKind]); 3] = [
    ("alice", &[DeviceKind::Laptop]),
    (
        "bob",
        &[DeviceKind::Phone, DeviceKind::Laptop, DeviceKind::Tablet],
    ),
    ("carol", &[DeviceKind::Laptop]),
];

/// `bob-phone`: how the page, its tests and lesson files name a device (the same as
/// `Device::id`).
pub fn device_id(login: &str, kind: DeviceKind) -> String {
    format!("{login}-{}", kind.slug())
}

/// Every person's devices, for the accounts this world has, set up for IMAP over TLS as a
/// mail app set up today would be; their settings switch them to POP3.
pub fn devices_of(world: &World) -> BTreeMap<String, Device> {
    PEOPLE
        .iter()
        .flat_map(|(login, kinds)| kinds.iter().map(move |k| (*login, *k)))
        .filter_map(|(login, kind)| {
            let account = world.store.account(login)?;
            let host = world.store.server_for_domain(&account.address.domain)?;
            let receiving = Receiving::Imap { idle: false };
            Some((
                device_id(login, kind),
                Device::new(kind, account, &host.hostname, receiving),
            ))
        })
        .collect()
}

//! A device's behaviour with its scripted clients against the demo world: POP3 keeps its own
//! copies, IMAP follows the server; and what each setting does.

use super::*;
use crate::client::fetch::{self, Fetcher};
use crate::client::submit::{self, Submitter};
use crate::client::sync::{self, Syncer};
use crate::client::test_driver::converse;
use crate::World;

const POP3_DELETE: Receiving = Receiving::Pop3 {
    keep: Keep::DeleteAfterDownload,
};
const POP3_LEAVE: Receiving = Receiving::Pop3 {
    keep: Keep::LeaveOnServer,
};
const IMAP: Receiving = Receiving::Imap { idle: false };

fn device(world: &World, login: &str, kind: DeviceKind, receiving: Receiving) -> Device {
    let account = world.store.account(login).expect("account");
    Device::new(kind, account, "mail.example.test", receiving)
}

fn run_sync(world: &mut World, job: SyncJob) -> Synced {
    let mut client = Syncer::new(job, ConnectionSecurity::SslTls);
    converse(world, Port::IMAPS, |b| client.receive(b));
    match client.take_outcome() {
        Some(sync::Outcome::Synced(s)) => s,
        other => panic!("{other:?}"),
    }
}

fn check(world: &mut World, d: &mut Device) {
    match d.check(Timestamp(0)) {
        Check::Fetch(job) => {
            let mut client = Fetcher::new(job, ConnectionSecurity::SslTls);
            converse(world, Port::POP3S, |b| client.receive(b));
            let Some(fetch::Outcome::Fetched(f)) = client.outcome() else {
                panic!("fetched");
            };
            d.fetched(f, Timestamp(0));
        }
        Check::Sync(job) => {
            let synced = run_sync(world, job);
            d.synced(synced);
        }
    }
}

fn act(world: &mut World, d: &mut Device, edit: Edit) {
    if let Some(job) = d.act(edit) {
        let synced = run_sync(world, job);
        d.synced(synced);
    }
}

/// Sets a flag on a message of the device's INBOX, as its button does.
fn set_flag(world: &mut World, d: &mut Device, key: Key, flag: Flag) {
    let edit = Edit::SetFlag {
        folder: INBOX.into(),
        key,
        flag,
        on: true,
    };
    act(world, d, edit);
}

fn inbox(d: &Device) -> &[LocalMessage] {
    &d.folders[INBOX].messages
}

/// Two of bob's devices on the demo world, each having checked mail once, in order.
fn bob_checks(
    first: (DeviceKind, Receiving),
    second: (DeviceKind, Receiving),
) -> (World, Device, Device) {
    let mut world = World::demo();
    let mut a = device(&world, "bob", first.0, first.1);
    let mut b = device(&world, "bob", second.0, second.1);
    check(&mut world, &mut a);
    check(&mut world, &mut b);
    (world, a, b)
}

#[test]
fn pop3_delete_after_download_leaves_nothing_for_the_laptop() {
    let (mut world, mut phone, laptop) = bob_checks(
        (DeviceKind::Phone, POP3_DELETE),
        (DeviceKind::Laptop, POP3_LEAVE),
    );
    assert_eq!(inbox(&phone).len(), 5);
    assert!(inbox(&laptop).is_empty());
    // The phone keeps its copies though the server has none.
    check(&mut world, &mut phone);
    assert_eq!(inbox(&phone).len(), 5);
}

#[test]
fn pop3_leave_a_copy_gives_both_and_reading_stays_on_one_device() {
    let (mut world, mut phone, mut laptop) = bob_checks(
        (DeviceKind::Phone, POP3_LEAVE),
        (DeviceKind::Laptop, POP3_LEAVE),
    );
    assert_eq!((inbox(&phone).len(), inbox(&laptop).len()), (5, 5));
    let key = inbox(&phone)[0].key;
    set_flag(&mut world, &mut phone, key, Flag::Seen);
    check(&mut world, &mut laptop);
    assert!(inbox(&phone)[0].has(&Flag::Seen));
    assert!(
        !inbox(&laptop)[0].has(&Flag::Seen),
        "POP3 has no flags on the server"
    );
    assert_eq!(inbox(&laptop).len(), 5, "nothing downloaded twice");
}

#[test]
fn imap_a_flag_on_the_phone_is_on_the_tablet_after_its_sync() {
    let (mut world, mut phone, mut tablet) =
        bob_checks((DeviceKind::Phone, IMAP), (DeviceKind::Tablet, IMAP));
    let key = inbox(&phone)[1].key;
    set_flag(&mut world, &mut phone, key, Flag::Flagged);
    assert!(phone
        .message(INBOX, key)
        .is_some_and(|m| m.has(&Flag::Flagged)));
    assert!(!tablet
        .message(INBOX, key)
        .is_some_and(|m| m.has(&Flag::Flagged)));
    check(&mut world, &mut tablet);
    assert!(tablet
        .message(INBOX, key)
        .is_some_and(|m| m.has(&Flag::Flagged)));
    // Delete goes to Trash, on every device.
    act(
        &mut world,
        &mut tablet,
        Edit::Delete {
            folder: INBOX.into(),
            key,
        },
    );
    check(&mut world, &mut phone);
    assert!(phone.message(INBOX, key).is_none());
    assert_eq!(phone.folders["Trash"].messages.len(), 1);
}

#[test]
fn a_draft_is_on_the_server_for_imap_and_on_the_device_for_pop3() {
    let mut world = World::demo();
    let mut laptop = device(&world, "bob", DeviceKind::Laptop, IMAP);
    let mut phone = device(&world, "bob", DeviceKind::Phone, POP3_LEAVE);
    let draft = Draft {
        subject: "Half-written".into(),
        ..Draft::default()
    };
    let job = laptop
        .save_draft(&draft, Timestamp(0))
        .expect("an IMAP sync");
    let synced = run_sync(&mut world, job);
    laptop.synced(synced);
    assert!(phone.save_draft(&draft, Timestamp(0)).is_none());
    let on_server = world.store.mailbox("bob", "Drafts").expect("Drafts");
    assert_eq!(on_server.messages.len(), 1, "only the IMAP laptop's");
    assert!(on_server.messages[0].has(&Flag::Draft));
    for d in [&laptop, &phone] {
        let drafts = &d.folders["Drafts"].messages;
        assert_eq!(drafts.len(), 1);
        assert_eq!(drafts[0].summary().subject, "Half-written");
        assert!(!String::from_utf8_lossy(&drafts[0].raw).contains("To:"));
    }
}

#[test]
fn sent_mail_is_on_every_imap_device_and_on_one_pop3_device() {
    let mut world = World::demo();
    let mut laptop = device(&world, "bob", DeviceKind::Laptop, IMAP);
    let mut tablet = device(&world, "bob", DeviceKind::Tablet, IMAP);
    let mut phone = device(&world, "bob", DeviceKind::Phone, POP3_LEAVE);
    let draft = Draft {
        to: "alice@example.test".into(),
        subject: "Screws".into(),
        body: "Receipt attached in spirit.".into(),
        in_reply_to: None,
    };
    for d in [&mut laptop, &mut phone] {
        let sending = d.send(&draft, Timestamp(0), None);
        let mut client = Submitter::new(sending.submission.clone(), ConnectionSecurity::StartTls);
        converse(&mut world, Port::SUBMISSION, |b| client.receive(b));
        assert!(matches!(
            client.outcome(),
            Some(submit::Outcome::Sent { .. })
        ));
        match sending.save {
            Some(job) => {
                let synced = run_sync(&mut world, job);
                d.synced(synced);
            }
            None => d.sent(sending.submission.message, None),
        }
    }
    check(&mut world, &mut tablet);
    assert_eq!(
        tablet.folders["Sent"].messages.len(),
        1,
        "the laptop's copy"
    );
    assert_eq!(phone.folders["Sent"].messages.len(), 1, "its own copy only");
    assert_eq!(
        world.store.mailbox("bob", "Sent").map(|m| m.messages.len()),
        Some(1)
    );
    assert_eq!(
        world
            .store
            .mailbox("alice", INBOX)
            .map(|m| m.messages.len()),
        Some(4),
        "both copies reached alice"
    );
}

/// What each setting does.
mod settings {
    use super::*;
    use crate::World;

    #[test]
    fn switching_protocol_moves_the_usual_port_and_keeps_a_chosen_one() {
        let world = World::demo();
        let account = world.store.account("bob").expect("bob");
        let imap = Receiving::Imap { idle: false };
        let pop3 = Receiving::Pop3 {
            keep: Keep::LeaveOnServer,
        };
        let mut d = Device::new(DeviceKind::Phone, account, "mail.example.test", imap);
        d.set_receiving(pop3);
        assert_eq!(d.settings.incoming.port, 995);
        d.settings.incoming.port = 993;
        d.set_receiving(imap);
        d.set_receiving(pop3);
        assert_eq!(d.settings.incoming.port, 995, "993 is IMAP's usual port");
        d.settings.incoming.port = 2110;
        d.set_receiving(imap);
        assert_eq!(
            d.settings.incoming.port, 2110,
            "a port the learner typed stays"
        );
    }
}

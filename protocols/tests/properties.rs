//! Properties that hold for any input: no panic, well-formed replies, store invariants.

use facteur_protocols::output::Step;
use facteur_protocols::store::{Store, INBOX};
use facteur_protocols::{Port, Service, Timestamp, World};
use proptest::prelude::*;

/// Lines that reach deep states: real commands with good and bad arguments.
fn smtp_line() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "EHLO laptop.example.test",
        "HELO x",
        "STARTTLS",
        "AUTH PLAIN",
        "AUTH LOGIN",
        "AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=",
        "AGJvYgBidWlsZGVy",
        "YWxpY2U=",
        "*",
        "=",
        "MAIL FROM:<alice@example.test>",
        "MAIL FROM:<>",
        "MAIL FROM:<bob@example.test> SIZE=20",
        "RCPT TO:<bob@example.test>",
        "RCPT TO:<carol@other.test>",
        "RCPT TO:<dave@other.test>",
        "RCPT TO:<x@nowhere.test>",
        "DATA",
        ".",
        "..",
        "Subject: hi",
        "",
        "RSET",
        "NOOP",
        "QUIT",
        "VRFY bob",
        "HELP",
    ]);
    prop_oneof![
        4 => fixed.prop_map(str::to_owned),
        1 => "[ -~]{0,80}",
        1 => "(MAIL|RCPT|EHLO|AUTH) [ -~]{0,40}",
    ]
}

fn all_smtp_ports() -> impl Strategy<Value = Port> {
    prop::sample::select(Port::of(Service::Smtp).collect::<Vec<_>>())
}

fn check_smtp_lines(steps: &[Step]) -> Result<(), TestCaseError> {
    for step in steps {
        match step {
            Step::Server(line) => {
                let text = line.text();
                prop_assert!(text.len() <= 510, "reply line too long: {text}");
                let b = text.as_bytes();
                prop_assert!(
                    b.len() >= 4 && b[..3].iter().all(u8::is_ascii_digit),
                    "malformed: {text:?}"
                );
                prop_assert!(b[3] == b' ' || b[3] == b'-', "malformed: {text:?}");
                prop_assert!(matches!(b[0], b'2'..=b'5'), "bad class: {text:?}");
            }
            Step::Event(facteur_protocols::output::Event::Relayed { dialogue, .. }) => {
                check_smtp_lines(dialogue)?;
            }
            _ => {}
        }
    }
    Ok(())
}

fn check_store(store: &Store) -> Result<(), TestCaseError> {
    for account in store.accounts.values() {
        for mailbox in account.mailboxes.values() {
            let uids: Vec<u32> = mailbox.messages.iter().map(|m| m.uid.0).collect();
            prop_assert!(
                uids.windows(2).all(|w| w[0] < w[1]),
                "UIDs not ascending: {uids:?}"
            );
            prop_assert!(uids.iter().all(|&u| u > 0 && u < mailbox.uid_next.0));
        }
    }
    let seqs: Vec<u64> = store.journal.iter().map(|c| c.modseq).collect();
    prop_assert!(seqs.windows(2).all(|w| w[0] < w[1]));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_into_smtp_never_panic_and_replies_stay_well_formed(
        port in all_smtp_ports(),
        lenient in any::<bool>(),
        chunks in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..300), 0..8),
    ) {
        let mut world = World::demo();
        world.lenient = lenient;
        let (id, greeting) = world.connect("mail.example.test", port).expect("connects");
        check_smtp_lines(&greeting.steps)?;
        for chunk in chunks {
            let out = world.input(id, &chunk, Timestamp(0));
            check_smtp_lines(&out.steps)?;
        }
        check_store(&world.store)?;
    }

    #[test]
    fn command_soup_keeps_every_session_and_the_store_consistent(
        port in all_smtp_ports(),
        lenient in any::<bool>(),
        lines in prop::collection::vec(smtp_line(), 0..40),
    ) {
        let mut world = World::demo();
        world.lenient = lenient;
        let (id, _) = world.connect("mail.example.test", port).expect("connects");
        for line in lines {
            let out = world.input(id, format!("{line}\r\n").as_bytes(), Timestamp(0));
            check_smtp_lines(&out.steps)?;
        }
        check_store(&world.store)?;
        let delivered: usize = world.store.accounts.values()
            .filter_map(|a| a.mailboxes.get(INBOX))
            .map(|m| m.messages.len())
            .sum();
        prop_assert!(delivered >= 8, "preset messages never vanish through SMTP");
    }
}

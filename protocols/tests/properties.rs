//! Properties that hold for any input: no panic, well-formed replies, store invariants.

use facteur_protocols::output::{Output, Step};
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

fn check_smtp_lines(out: &Output) -> Result<(), TestCaseError> {
    for step in &out.steps {
        match step {
            Step::Server(line) => {
                let text = out.text(line);
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
        let (id, greeting) = world.connect("mail.example.test", port, Timestamp(0)).expect("connects");
        check_smtp_lines(&greeting)?;
        for chunk in chunks {
            let out = world.input(id, &chunk, Timestamp(0));
            check_smtp_lines(&out)?;
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
        let (id, _) = world.connect("mail.example.test", port, Timestamp(0)).expect("connects");
        for line in lines {
            let out = world.input(id, format!("{line}\r\n").as_bytes(), Timestamp(0));
            check_smtp_lines(&out)?;
        }
        check_store(&world.store)?;
        let delivered: usize = world.store.accounts.values()
            .filter_map(|a| a.mailboxes.get(INBOX))
            .map(|m| m.messages.len())
            .sum();
        prop_assert!(delivered >= 8, "preset messages never vanish through SMTP");
    }
}

fn pop3_line() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "USER bob",
        "PASS builder",
        "USER alice",
        "PASS wonderland",
        "PASS nope",
        "STAT",
        "LIST",
        "LIST 1",
        "LIST 9",
        "RETR 1",
        "RETR 5",
        "RETR 0",
        "DELE 1",
        "DELE 2",
        "RSET",
        "NOOP",
        "TOP 1 0",
        "TOP 3 5",
        "UIDL",
        "UIDL 2",
        "CAPA",
        "STLS",
        "QUIT",
        "APOP bob x",
        "",
    ]);
    prop_oneof![
        5 => fixed.prop_map(str::to_owned),
        1 => "[ -~]{0,60}",
        1 => "(RETR|DELE|LIST|TOP|UIDL) [0-9 ]{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_into_pop3_never_panic_and_every_reply_starts_with_a_status(
        port in prop::sample::select(Port::of(Service::Pop3).collect::<Vec<_>>()),
        chunks in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..300), 0..8),
    ) {
        let mut world = World::demo();
        let (id, _) = world.connect("mail.example.test", port, Timestamp(0)).expect("connects");
        for chunk in chunks {
            let out = world.input(id, &chunk, Timestamp(0));
            // Random bytes never log in, so no message content is sent: every line is a
            // status line, a capability or a final dot, within RFC 2449 §4's 512 octets.
            for line in out.server_lines() {
                prop_assert!(line.len() <= 510, "{line}");
            }
        }
        world.disconnect(id);
        prop_assert!(world.store.locks.is_empty(), "a hung-up session keeps no lock");
    }

    #[test]
    fn pop3_sessions_release_locks_and_delete_only_at_quit(
        lines in prop::collection::vec(pop3_line(), 0..40),
        quit_at_end in any::<bool>(),
    ) {
        let mut world = World::demo();
        let before = world.store.mailbox("bob", INBOX).map_or(0, |m| m.messages.len());
        let (id, _) = world.connect("mail.example.test", Port::POP3S, Timestamp(0)).expect("connects");
        let mut quit_seen = false;
        for line in &lines {
            let out = world.input(id, format!("{line}\r\n").as_bytes(), Timestamp(0));
            let status = out.server_lines().first().cloned().unwrap_or_default();
            prop_assert!(out.server_lines().is_empty() || status.starts_with("+OK") || status.starts_with("-ERR"), "{line} -> {status}");
            quit_seen |= out.closed;
            let now = world.store.mailbox("bob", INBOX).map_or(0, |m| m.messages.len());
            if !quit_seen {
                prop_assert_eq!(now, before, "nothing is deleted before QUIT");
            }
        }
        if quit_at_end {
            world.input(id, b"QUIT\r\n", Timestamp(0));
        } else {
            world.disconnect(id);
        }
        prop_assert!(world.store.locks.is_empty());
        check_store(&world.store)?;
    }
}

fn imap_line() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "NOOP",
        "FETCH 1:* (FLAGS)",
        "FETCH 1 BODY[]",
        "FETCH * (UID ENVELOPE)",
        "STORE 1 +FLAGS (\\Deleted)",
        "STORE 2:* +FLAGS (\\Seen)",
        "STORE 1 -FLAGS (\\Deleted)",
        "UID STORE 3 +FLAGS (\\Flagged)",
        "EXPUNGE",
        "UID EXPUNGE 1:3",
        "SEARCH UNSEEN",
        "UID SEARCH ALL",
        "COPY 1 Trash",
        "MOVE 1 Trash",
        "UID MOVE 2 Sent",
        "APPEND INBOX {5+}\r\nhello",
        "CHECK",
        "STATUS INBOX (MESSAGES)",
        "CREATE Folder",
        "SELECT INBOX",
        "FETCH 99 FLAGS",
        "ENABLE IMAP4rev2",
        "LIST \"\" *",
    ]);
    prop_oneof![
        6 => fixed.prop_map(str::to_owned),
        1 => "[ -~]{0,40}",
    ]
}

/// What a client knows from untagged responses alone: the message count.
fn track(count: &mut u32, lines: &[String]) {
    for line in lines {
        let words: Vec<&str> = line.split(' ').collect();
        if let ["*", n, "EXISTS"] = words.as_slice() {
            *count = n.parse().unwrap_or(*count);
        }
        if let ["*", _, "EXPUNGE"] = words.as_slice() {
            *count -= 1;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_bytes_into_imap_never_panic(
        port in prop::sample::select(Port::of(Service::Imap).collect::<Vec<_>>()),
        chunks in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..300), 0..8),
    ) {
        let mut world = World::demo();
        let (id, _) = world.connect("mail.example.test", port, Timestamp(0)).expect("connects");
        world.input(id, b"a LOGIN bob builder\r\nb SELECT INBOX\r\n", Timestamp(0));
        for chunk in chunks {
            world.input(id, &chunk, Timestamp(0));
        }
        check_store(&world.store)?;
    }

    #[test]
    fn two_devices_agree_with_the_store_after_noop(
        steps in prop::collection::vec((any::<bool>(), imap_line()), 0..30),
    ) {
        let mut world = World::demo();
        let mut counts = [0u32; 2];
        let mut ids = Vec::new();
        for count in counts.iter_mut() {
            let (id, _) = world.connect("mail.example.test", Port::IMAPS, Timestamp(0)).expect("connects");
            let out = world.input(id, b"a LOGIN bob builder\r\nb SELECT INBOX\r\n", Timestamp(0));
            track(count, &out.server_lines());
            ids.push(id);
        }
        for (n, (who, line)) in steps.iter().enumerate() {
            let i = usize::from(*who);
            let out = world.input(ids[i], format!("c{n} {line}\r\n").as_bytes(), Timestamp(0));
            let lines = out.server_lines();
            // A command that (re)selects starts the count afresh, as a client would.
            if lines.iter().any(|l| l.ends_with("SELECT completed")) {
                counts[i] = 0;
            }
            track(&mut counts[i], &lines);
        }
        for (i, id) in ids.iter().enumerate() {
            let out = world.input(*id, b"z1 NOOP\r\nz2 STATUS INBOX (MESSAGES UIDNEXT)\r\nz3 UID FETCH 1:* (UID)\r\n", Timestamp(0));
            let lines = out.server_lines();
            if lines.iter().any(|l| l.starts_with("z1 BAD")) {
                continue; // this device's last SELECT failed: nothing selected
            }
            track(&mut counts[i], &lines);
            let status = lines.iter().find(|l| l.starts_with("* STATUS")).cloned().unwrap_or_default();
            let field = |name: &str| -> u32 {
                let rest = status.split(name).nth(1).unwrap_or_default();
                rest.trim_start().split([' ', ')']).next().unwrap_or_default().parse().unwrap_or(0)
            };
            prop_assert_eq!(counts[i], field("MESSAGES"), "device {} count vs STATUS: {:?}", i, lines);
            let uids: Vec<u32> = lines.iter()
                .filter_map(|l| l.split("(UID ").nth(1))
                .filter_map(|r| r.trim_end_matches(')').parse().ok())
                .collect();
            prop_assert!(uids.windows(2).all(|w| w[0] < w[1]), "UIDs ascend: {:?}", uids);
            prop_assert!(uids.iter().all(|&u| u < field("UIDNEXT")), "UIDNEXT exceeds every UID");
        }
        check_store(&world.store)?;
    }
}

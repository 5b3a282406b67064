//! The fuzz targets of `fuzz/`, bounded, in the ordinary test suite: arbitrary bytes into
//! every grammar, every file reader and every session, and each transcript's client side
//! as a session. The fuzzers run far longer (see fuzz/README.md); this keeps what they
//! found fixed.

mod drive;

use facteur_protocols::Service;
use proptest::prelude::*;

/// Client lines that reach deep states, mixed with noise, so short runs go past the
/// greeting.
fn wire() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        3 => prop::sample::select(vec![
            "EHLO a\r\n", "MAIL FROM:<alice@example.test>\r\n", "RCPT TO:<bob@example.test>\r\n",
            "DATA\r\n", ".\r\n", "Subject: x\r\n\r\nbody\r\n", "STARTTLS\r\n", "AUTH LOGIN\r\n",
            "USER bob\r\n", "PASS builder\r\n", "LIST\r\n", "RETR 1\r\n", "DELE 1\r\n", "TOP 1 0\r\n",
            "STLS\r\n", "a FETCH 1:* (BODY[] FLAGS)\r\n", "a APPEND INBOX {5}\r\nhello\r\n",
            "a APPEND INBOX {3+}\r\nabc\r\n", "a IDLE\r\n", "DONE\r\n", "a SEARCH TEXT x\r\n",
            "a STORE 1:* +FLAGS (\\Deleted)\r\n", "a EXPUNGE\r\n", "a CREATE x/y\r\n",
            "a RENAME INBOX z\r\n", "a SELECT INBOX\r\n", "a UID MOVE 1:* Trash\r\n",
            "a AUTHENTICATE PLAIN\r\n", "AGJvYgBidWlsZGVy\r\n", "*\r\n", "\u{ff}",
        ]).prop_map(|s| s.as_bytes().to_vec()),
        1 => prop::collection::vec(any::<u8>(), 0..80),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn every_grammar_takes_any_line(data in prop::collection::vec(any::<u8>(), 0..300)) {
        drive::grammars(&data);
    }

    #[test]
    fn every_file_reader_takes_any_bytes(data in prop::collection::vec(any::<u8>(), 0..600)) {
        drive::files(&data);
    }

    #[test]
    fn every_session_takes_any_octets(pick in any::<u8>(), login in any::<u8>(), data in wire()) {
        let input = [&[pick, login][..], &data].concat();
        for service in [Service::Smtp, Service::Pop3, Service::Imap] {
            drive::session(service, &input);
        }
    }
}

/// The fuzzers' seed corpus is the transcripts' client side; each plays here too, cut at
/// every line, with and without a login first.
#[test]
fn every_transcript_plays_as_a_fuzz_seed() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/transcripts");
    let mut played = 0;
    for (dir, service) in [
        ("smtp", Service::Smtp),
        ("pop3", Service::Pop3),
        ("imap", Service::Imap),
    ] {
        let mut files: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
            .expect("transcripts")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        files.sort();
        for file in files {
            let text = std::fs::read_to_string(&file).expect("a transcript");
            let client: Vec<u8> = text
                .lines()
                .filter_map(|l| l.strip_prefix("C: ").or_else(|| (l == "C:").then_some("")))
                .flat_map(|l| [l.as_bytes(), b"\r\n\xff"].concat())
                .collect();
            for login in [0, 1] {
                drive::session(service, &[&[0, login][..], &client].concat());
            }
            played += 1;
        }
    }
    assert!(played >= 45, "only {played} transcripts");
}

/// A script that creates mailboxes in a loop meets a limit, told as RFC 9051 says, and the
/// account keeps working.
#[test]
fn creating_mailboxes_stops_at_the_limit_with_no_limit() {
    use facteur_protocols::imap::MAX_MAILBOXES;
    use facteur_protocols::{Port, Timestamp, World};
    let mut world = World::demo();
    let (id, _) = world
        .connect("mail.example.test", Port::IMAPS, Timestamp(0))
        .expect("connects");
    world.input(id, b"a LOGIN bob builder\r\n", Timestamp(0));
    let held = world.store.account("bob").map_or(0, |a| a.mailboxes.len());
    for n in held..MAX_MAILBOXES {
        let out = world.input(id, format!("c CREATE box{n}\r\n").as_bytes(), Timestamp(0));
        assert!(out
            .server_lines()
            .last()
            .is_some_and(|l| l.starts_with("c OK")));
    }
    let refused = world.input(id, b"d CREATE Work/2026\r\n", Timestamp(0));
    assert_eq!(
        refused.server_lines(),
        [format!(
            "d NO [LIMIT] Too many mailboxes; at most {MAX_MAILBOXES}"
        )]
    );
    let after = world.input(id, b"e SELECT INBOX\r\n", Timestamp(0));
    assert!(after
        .server_lines()
        .last()
        .is_some_and(|l| l.starts_with("e OK")));
}

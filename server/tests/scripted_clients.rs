//! The devices' scripted clients against facteur-server over TCP: the same submitter,
//! fetcher and syncer the page's phone, laptop and tablet run, here on real sockets. They
//! read the server's bytes only, so if they work here they speak the protocol, not a private
//! shortcut into the engine.

mod common;

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use common::Server;
use facteur_protocols::client::fetch::{self, Fetcher, Keep, Retrieval};
use facteur_protocols::client::settings::ConnectionSecurity;
use facteur_protocols::client::submit::{self, Mechanism, Submission, Submitter};
use facteur_protocols::client::sync::{self, Known, Op, Scope, SyncJob, Syncer};
use facteur_protocols::store::{Flag, INBOX};
use facteur_protocols::Timestamp;

fn connect(port: u16) -> TcpStream {
    let stream = TcpStream::connect(("127.0.0.1", port)).expect("connects");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    stream
}

/// Reads what the server sends and writes the client's answers until the client has nothing
/// more to say; `until_quiet` stops then instead of waiting for the server to close.
fn converse(stream: &mut TcpStream, mut client: impl FnMut(&[u8]) -> Vec<u8>) {
    let mut buf = [0_u8; 16 * 1024];
    loop {
        let n = stream.read(&mut buf).expect("the server answers");
        if n == 0 {
            return;
        }
        let answer = client(&buf[..n]);
        if !answer.is_empty() {
            stream.write_all(&answer).expect("sent");
        }
    }
}

fn send(server: &Server, subject: &str, mechanism: Mechanism) -> submit::Outcome {
    let job = Submission {
        client: "laptop.other.test".into(),
        user: "carol".into(),
        password: "lighthouse".into(),
        from: "carol@other.test".into(),
        to: vec!["bob@example.test".into()],
        message: format!("From: carol@other.test\r\nSubject: {subject}\r\n\r\n.dotted\r\n")
            .into_bytes(),
        mechanism: Some(mechanism),
    };
    let mut client = Submitter::new(job, ConnectionSecurity::None);
    converse(&mut connect(server.smtp), |b| client.receive(b));
    client.outcome().cloned().expect("finished")
}

fn bob_sync(scope: Scope, ops: Vec<Op>, known: BTreeMap<String, Known>) -> SyncJob {
    SyncJob {
        user: "bob".into(),
        password: "builder".into(),
        ops,
        scope,
        known,
        idle: false,
        authenticate: false,
    }
}

fn sync(server: &Server, job: SyncJob) -> sync::Synced {
    let mut client = Syncer::new(job, ConnectionSecurity::None);
    converse(&mut connect(server.imap), |b| client.receive(b));
    match client.take_outcome() {
        Some(sync::Outcome::Synced(s)) => s,
        other => panic!("not synced: {other:?}"),
    }
}

#[test]
fn the_submitter_sends_with_plain_and_with_login() {
    let server = Server::start(&[]);
    for (subject, mechanism) in [("plain", Mechanism::Plain), ("login", Mechanism::Login)] {
        let outcome = send(&server, subject, mechanism);
        assert!(
            matches!(&outcome, submit::Outcome::Sent { reply } if reply.starts_with("250")),
            "{outcome:?}"
        );
    }
    let synced = sync(
        &server,
        bob_sync(Scope::Folders(vec![INBOX.into()]), vec![], BTreeMap::new()),
    );
    let bodies: Vec<String> = synced.folders[INBOX]
        .messages
        .values()
        .filter_map(|m| {
            m.body
                .as_deref()
                .map(|b| String::from_utf8_lossy(b).into_owned())
        })
        .collect();
    for subject in ["plain", "login"] {
        assert!(
            bodies
                .iter()
                .any(|b| b.contains(&format!("Subject: {subject}\r\n"))
                    && b.ends_with("\r\n.dotted\r\n")),
            "delivered with its dot: {subject}"
        );
    }
}

#[test]
fn the_fetcher_downloads_once_and_deletes_when_told() {
    let server = Server::start(&[]);
    let job = |keep, known| Retrieval {
        user: "bob".into(),
        password: "builder".into(),
        known,
        keep,
        now: Timestamp(0),
    };
    let fetch = |job| {
        let mut client = Fetcher::new(job, ConnectionSecurity::None);
        converse(&mut connect(server.pop3), |b| client.receive(b));
        match client.outcome() {
            Some(fetch::Outcome::Fetched(f)) => f,
            other => panic!("not fetched: {other:?}"),
        }
    };
    let first = fetch(job(Keep::LeaveOnServer, BTreeMap::new()));
    assert!(!first.messages.is_empty() && first.deleted.is_empty());
    let known: BTreeMap<String, Timestamp> = first
        .messages
        .iter()
        .map(|(u, _)| (u.clone(), Timestamp(0)))
        .collect();
    let second = fetch(job(Keep::DeleteAfterDownload, known));
    assert!(second.messages.is_empty(), "nothing downloaded twice");
    assert_eq!(second.deleted, first.listed);
    let third = fetch(job(Keep::LeaveOnServer, BTreeMap::new()));
    assert!(third.listed.is_empty(), "the maildrop is empty after QUIT");
}

#[test]
fn the_syncer_replays_actions_and_wakes_from_idle_when_mail_arrives() {
    let server = Server::start(&[]);
    let first = sync(
        &server,
        bob_sync(Scope::Everything, vec![], BTreeMap::new()),
    );
    let inbox = &first.folders[INBOX];
    let uid = *inbox.messages.keys().next().expect("a message");
    // This time logging in with AUTHENTICATE PLAIN, its answer in the command (SASL-IR).
    let flagged = sync(
        &server,
        SyncJob {
            authenticate: true,
            ..bob_sync(
                Scope::Folders(vec![INBOX.into()]),
                vec![Op::SetFlag {
                    mailbox: INBOX.into(),
                    uid,
                    flag: Flag::Flagged,
                    on: true,
                }],
                BTreeMap::new(),
            )
        },
    );
    assert!(flagged.folders[INBOX].messages[&uid]
        .flags
        .contains(&Flag::Flagged));

    // The tablet idles; carol's message wakes it, and it downloads only the new one.
    let known = BTreeMap::from([(
        INBOX.to_owned(),
        Known {
            uid_validity: inbox.uid_validity,
            uids: inbox.messages.keys().copied().collect(),
        },
    )]);
    let mut tablet = Syncer::new(
        SyncJob {
            idle: true,
            ..bob_sync(Scope::Folders(vec![INBOX.into()]), vec![], known)
        },
        ConnectionSecurity::None,
    );
    let mut stream = connect(server.imap);
    let mut buf = [0_u8; 16 * 1024];
    while !tablet.is_idling() {
        let n = stream.read(&mut buf).expect("reads");
        let answer = tablet.receive(&buf[..n]);
        stream.write_all(&answer).expect("writes");
    }
    assert!(matches!(
        tablet.take_outcome(),
        Some(sync::Outcome::Synced(_))
    ));
    assert!(matches!(
        send(&server, "push", Mechanism::Plain),
        submit::Outcome::Sent { .. }
    ));
    let news = loop {
        let n = stream.read(&mut buf).expect("the push arrives");
        let answer = tablet.receive(&buf[..n]);
        stream.write_all(&answer).expect("writes");
        if let Some(outcome) = tablet.take_outcome() {
            break outcome;
        }
    };
    let sync::Outcome::Synced(news) = news else {
        panic!("synced after the push: {news:?}");
    };
    let fetched: Vec<&Vec<u8>> = news.folders[INBOX]
        .messages
        .values()
        .filter_map(|m| m.body.as_ref())
        .collect();
    assert_eq!(fetched.len(), 1, "only the new message is downloaded");
    assert!(String::from_utf8_lossy(fetched[0]).contains("Subject: push\r\n"));
    assert!(tablet.is_idling(), "back in IDLE");
}

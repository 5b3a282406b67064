//! Each kind of goal, met by what a learner does and not met by a near miss: another
//! account, another mailbox, another port, another device, a reply with another code. A
//! goal that ticked for the near miss would tell a learner they were done when they were
//! not.

use super::*;
use crate::device::compose::Draft;
use crate::output::Output;
use crate::table::{Action, Table};
use crate::time::Timestamp;

const T: Timestamp = Timestamp(1_000_000);

/// The demo world, watched as a lesson step watches it.
fn lab() -> Table {
    let mut table = Table::of_world(World::demo());
    table.restart_trace();
    table
}

fn play(table: &mut Table, action: Action) {
    assert!(table.play(&action, T, &mut |_| {}), "{action:?} was played");
}

/// Opens `device`'s terminal on `port` and types the lines.
fn typed(table: &mut Table, device: &str, port: u16, lines: &[&str]) {
    let connect = Action::Connect {
        device: device.into(),
        port,
        lenient: true,
    };
    play(table, connect);
    for line in lines {
        let line = Action::Type {
            device: Some(device.into()),
            line: (*line).into(),
        };
        play(table, line);
    }
}

fn send(table: &mut Table, device: &str, to: &str, subject: &str) {
    let send = Action::Send {
        device: device.into(),
        draft: Draft {
            to: to.into(),
            subject: subject.into(),
            body: "See you there.".into(),
            in_reply_to: None,
        },
        replying_to: None,
    };
    play(table, send);
}

fn check(table: &mut Table, device: &str) {
    play(
        table,
        Action::Check {
            device: device.into(),
        },
    );
}

/// Whether a goal, written as a lesson file's key in JSON, is met on the table.
fn met(table: &Table, goal: &str) -> bool {
    met_with(table, goal, false)
}

fn met_with(table: &Table, goal: &str, quiz_right: bool) -> bool {
    let check: Check = serde_json::from_str(goal).expect("a goal");
    check.met(&Facts::of(
        table.world(),
        table.devices(),
        quiz_right,
        table.sent(),
    ))
}

/// A message typed at Alice's terminal on the relay port, from Alice to `to`.
fn typed_message(table: &mut Table, to: &[&str], subject: &str) {
    let subject = format!("Subject: {subject}");
    let mut lines = vec!["HELO laptop", "MAIL FROM:<alice@example.test>"];
    let rcpts: Vec<String> = to.iter().map(|r| format!("RCPT TO:<{r}>")).collect();
    lines.extend(rcpts.iter().map(String::as_str));
    lines.extend(["DATA", subject.as_str(), "", "Hello.", ".", "QUIT"]);
    typed(table, "alice-laptop", 25, &lines);
}

#[test]
fn sent_needs_the_command_the_port_the_encryption_and_the_answer() {
    let mut t = lab();
    typed(&mut t, "alice-laptop", 587, &["EHLO laptop"]);
    assert!(met(
        &t,
        r#"{"sent": {"command": "EHLO", "port": 587, "answer": "250"}}"#
    ));
    assert!(!met(&t, r#"{"sent": {"command": "HELO"}}"#));
    assert!(!met(&t, r#"{"sent": {"command": "EHLO", "port": 25}}"#));
    assert!(!met(
        &t,
        r#"{"sent": {"command": "EHLO", "service": "imap"}}"#
    ));
    assert!(!met(
        &t,
        r#"{"sent": {"command": "EHLO", "encrypted": true}}"#
    ));
    assert!(!met(
        &t,
        r#"{"sent": {"command": "EHLO", "answer": "554"}}"#
    ));
}

#[test]
fn a_reply_needs_its_code_and_its_protocol() {
    let mut t = lab();
    typed(&mut t, "alice-laptop", 587, &["EHLO laptop"]);
    assert!(met(&t, r#"{"reply": {"code": "250", "service": "smtp"}}"#));
    assert!(!met(&t, r#"{"reply": {"code": "251"}}"#));
    assert!(!met(&t, r#"{"reply": {"code": "250", "service": "pop3"}}"#));
}

#[test]
fn delivered_needs_the_account_the_mailbox_the_subject_and_for_sent_the_learners_message() {
    let mut t = lab();
    typed_message(&mut t, &["bob@example.test"], "Typed");
    assert!(met(
        &t,
        r#"{"delivered": {"to": "bob", "subject": "typed"}}"#
    ));
    assert!(!met(&t, r#"{"delivered": {"to": "carol"}}"#));
    assert!(!met(
        &t,
        r#"{"delivered": {"to": "bob", "mailbox": "Junk"}}"#
    ));
    assert!(!met(
        &t,
        r#"{"delivered": {"to": "bob", "subject": "Coffee"}}"#
    ));
    assert!(
        !met(&t, r#"{"delivered": {"to": "bob", "sent": true}}"#),
        "a message no device sent is not the learner's"
    );
    send(&mut t, "alice-laptop", "bob@example.test", "My own words");
    assert!(met(&t, r#"{"delivered": {"to": "bob", "sent": true}}"#));
    assert!(!met(&t, r#"{"delivered": {"to": "alice", "sent": true}}"#));
}

#[test]
fn accepted_counts_the_recipients_of_one_message() {
    let mut t = lab();
    typed_message(&mut t, &["bob@example.test"], "One");
    typed_message(&mut t, &["alice@example.test"], "Two");
    assert!(met(&t, r#"{"accepted": {"recipients": 1}}"#));
    assert!(
        !met(&t, r#"{"accepted": {"recipients": 2}}"#),
        "two messages of one recipient each are not one of two"
    );
    typed_message(&mut t, &["bob@example.test", "alice@example.test"], "Both");
    assert!(met(&t, r#"{"accepted": {"recipients": 2}}"#));
}

#[test]
fn an_event_needs_its_kind_and_its_account() {
    let mut t = lab();
    typed(&mut t, "bob-phone", 995, &["USER bob", "PASS builder"]);
    assert!(met(
        &t,
        r#"{"event": {"kind": "authenticated", "account": "bob"}}"#
    ));
    assert!(!met(
        &t,
        r#"{"event": {"kind": "authenticated", "account": "alice"}}"#
    ));
    assert!(!met(&t, r#"{"event": {"kind": "retrieved"}}"#));
}

#[test]
fn a_message_on_the_server_needs_its_account_mailbox_subject_and_flag() {
    let t = lab();
    assert!(met(
        &t,
        r#"{"message": {"account": "bob", "subject": "lunch"}}"#
    ));
    assert!(met(
        &t,
        r#"{"message": {"account": "bob", "subject": "shed"}}"#
    ));
    assert!(!met(
        &t,
        r#"{"message": {"account": "alice", "subject": "shed"}}"#
    ));
    assert!(!met(
        &t,
        r#"{"message": {"account": "bob", "mailbox": "Sent", "subject": "lunch"}}"#
    ));
    assert!(!met(
        &t,
        r#"{"message": {"account": "bob", "subject": "lunch", "present": false}}"#
    ));
    assert!(!met(
        &t,
        r#"{"message": {"account": "bob", "subject": "plans", "flag": "\\Flagged"}}"#
    ));
    assert!(met(
        &t,
        r#"{"message": {"account": "bob", "subject": "plans", "flag": "\\Seen", "set": false}}"#
    ));
}

#[test]
fn a_mailbox_needs_its_account() {
    let mut t = lab();
    assert!(!met(
        &t,
        r#"{"mailbox": {"account": "bob", "name": "Trips"}}"#
    ));
    check(&mut t, "bob-phone");
    let create = Action::CreateFolder {
        device: "bob-phone".into(),
        name: "Trips".into(),
    };
    play(&mut t, create);
    assert!(met(
        &t,
        r#"{"mailbox": {"account": "bob", "name": "Trips"}}"#
    ));
    assert!(!met(
        &t,
        r#"{"mailbox": {"account": "alice", "name": "Trips"}}"#
    ));
    assert!(!met(
        &t,
        r#"{"mailbox": {"account": "bob", "name": "Trips", "exists": false}}"#
    ));
}

#[test]
fn a_device_goal_needs_that_device_its_folder_its_count_and_for_sent_the_learners_message() {
    let mut t = lab();
    check(&mut t, "bob-phone");
    let count = t.device("bob-phone").expect("phone").folders[crate::store::INBOX]
        .messages
        .len();
    assert!(met(
        &t,
        r#"{"device": {"device": "bob-phone", "subject": "lunch"}}"#
    ));
    assert!(!met(
        &t,
        r#"{"device": {"device": "bob-laptop", "subject": "lunch"}}"#
    ));
    assert!(!met(
        &t,
        r#"{"device": {"device": "bob-phone", "folder": "Sent", "subject": "lunch"}}"#
    ));
    let exact = format!(r#"{{"device": {{"device": "bob-phone", "count": {count}}}}}"#);
    let one_more = format!(
        r#"{{"device": {{"device": "bob-phone", "count": {}}}}}"#,
        count + 1
    );
    assert!(met(&t, &exact));
    assert!(!met(&t, &one_more));
    assert!(!met(
        &t,
        r#"{"device": {"device": "bob-phone", "sent": true}}"#
    ));
    send(
        &mut t,
        "alice-laptop",
        "bob@example.test",
        "Whatever the learner wrote",
    );
    assert!(
        !met(&t, r#"{"device": {"device": "bob-phone", "sent": true}}"#),
        "not before the phone checks"
    );
    check(&mut t, "bob-phone");
    assert!(met(
        &t,
        r#"{"device": {"device": "bob-phone", "sent": true}}"#
    ));
    assert!(!met(
        &t,
        r#"{"device": {"device": "bob-phone", "sent": true, "subject": "tea"}}"#
    ));
}

#[test]
fn a_setting_needs_the_port_and_the_security_together() {
    let t = lab();
    let phone = &t.device("bob-phone").expect("phone").settings.incoming;
    let right = format!(
        r#"{{"setting": {{"device": "bob-phone", "part": "incoming", "port": {}, "security": "ssl-tls"}}}}"#,
        phone.port
    );
    assert!(met(&t, &right));
    assert!(!met(&t, &right.replace("ssl-tls", "starttls")));
    assert!(!met(&t, &right.replace("incoming", "outgoing")));
    let another_port = right.replace(&format!(": {},", phone.port), ": 143,");
    assert_ne!(another_port, right);
    assert!(!met(&t, &another_port), "another port");
}

#[test]
fn a_question_ticks_only_when_answered_right() {
    let t = lab();
    assert!(met_with(&t, r#"{"quiz": true}"#, true));
    assert!(!met_with(&t, r#"{"quiz": true}"#, false));
}

#[test]
fn every_event_has_a_kind_a_goal_can_name() {
    let events = [
        Event::TlsStarted,
        Event::Closed,
        Event::Relayed {
            queue_id: "q".into(),
            from_host: "a".into(),
            to_host: "b".into(),
            dialogue: Output::default(),
        },
        Event::FlagsChanged {
            account: "bob".into(),
            mailbox: "INBOX".into(),
            uid: crate::store::Uid(1),
            flags: vec![],
        },
        Event::MailboxCreated {
            account: "bob".into(),
            mailbox: "X".into(),
        },
    ];
    for e in events {
        let kind = e.to_string();
        let kind = kind.split(' ').next().unwrap_or_default().to_owned();
        assert!(EVENT_KINDS.contains(&kind.as_str()), "{kind}");
    }
}

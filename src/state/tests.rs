//! The page's state, natively: what a learner does at a terminal and on a device, undo,
//! where each dialogue line stands in the world's history, and keeping the sandbox. The
//! same engine as the page, with no browser.

use facteur_protocols::client::fetch::Keep;
use facteur_protocols::client::settings::ConnectionSecurity;
use facteur_protocols::client::trouble::Trouble;
use facteur_protocols::device::compose::Draft;
use facteur_protocols::device::{DeviceKind, Receiving};
use facteur_protocols::store::INBOX;
use facteur_protocols::table::{Action, SettingsChange};
use facteur_protocols::vocab::Lang;
use facteur_protocols::{Port, Service};
use leptos::prelude::*;

use super::clock;
use super::entry::{DeviceOutcome, Happened, Hop, Side};
use super::keep;
use super::*;

fn bob_phone() -> String {
    device_id("bob", DeviceKind::Phone)
}

fn alice() -> String {
    device_id("alice", DeviceKind::Laptop)
}

/// A scene at the instant speed, so every line is shown as it comes.
fn scene() -> Scene {
    let scene = Scene::new();
    scene.set_speed(INSTANT);
    scene
}

/// Presses a device's "Check mail", as `who`.
fn check(scene: Scene, device: &str, who: &str) {
    let action = Action::Check {
        device: device.to_owned(),
    };
    scene.play(action, who);
}

/// Bob's tablet set to IDLE, checked once: it stays connected, waiting for news.
fn idling_tablet(scene: Scene) -> String {
    let tablet = device_id("bob", DeviceKind::Tablet);
    set_receiving(scene, &tablet, Receiving::Imap { idle: true });
    check(scene, &tablet, "bob · tablet");
    assert!(scene.is_idling(&tablet));
    tablet
}

fn console(scene: Scene, device: &str) -> Console {
    scene.console(device).expect("every device has a console")
}

fn texts(console: Console) -> Vec<String> {
    console.lines().into_iter().map(|e| e.text).collect()
}

fn inbox_count(scene: Scene, login: &str) -> usize {
    scene.with_world_untracked(|w| {
        w.store
            .mailbox(login, INBOX)
            .map_or(0, |m| m.messages.len())
    })
}

fn device_inbox(scene: Scene, device: &str) -> usize {
    scene
        .device_untracked(device)
        .and_then(|d| d.folders.get(INBOX).map(|f| f.messages.len()))
        .unwrap_or(0)
}

fn set_receiving(scene: Scene, device: &str, receiving: Receiving) {
    let mut settings = scene.device_untracked(device).expect("device").settings;
    settings.incoming.port = match receiving {
        Receiving::Pop3 { .. } => 995,
        Receiving::Imap { .. } => 993,
    };
    let action = Action::Settings {
        device: device.to_owned(),
        change: SettingsChange::to(receiving, &settings),
    };
    scene.play(action, "bob · phone");
}

fn pop3_delete() -> Receiving {
    Receiving::Pop3 {
        keep: Keep::DeleteAfterDownload,
    }
}

#[test]
fn a_new_scene_is_the_demo_world_with_an_empty_terminal_on_every_device() {
    let scene = scene();
    assert_eq!(scene.preset_untracked(), "demo");
    assert_eq!(scene.consoles().len(), 5);
    assert_eq!(scene.active_untracked(), alice());
    assert!(scene.consoles().iter().all(|c| c.lines().is_empty()));
    assert_eq!(scene.last_undoable(), None);
}

#[test]
fn connecting_opens_the_dialogue_with_its_header_and_the_greeting() {
    let scene = scene();
    let c = console(scene, &alice());
    scene.connect(c, "Alice's laptop", Port::SUBMISSION, true);
    let lines = c.lines();
    assert_eq!(lines[0].side, Side::Session);
    assert!(lines[0]
        .text
        .starts_with("Alice's laptop → mail.example.test · SMTP 587 · "));
    assert_eq!(lines[1].side, Side::Server);
    assert!(lines[1].text.starts_with("220 "), "{:?}", lines[1].text);
    let connection = c.connection_untracked().expect("connected");
    assert_eq!(connection.port, Port::SUBMISSION);
    assert!(scene.with_world_untracked(|w| w.is_open(connection.id)));
    assert_eq!(
        c.peers(),
        Some(("Alice's laptop".into(), "mail.example.test".into()))
    );
}

#[test]
fn a_typed_line_goes_out_and_its_reply_comes_back_announced() {
    let scene = scene();
    let c = console(scene, &alice());
    scene.connect(c, "Alice's laptop", Port::SUBMISSION, true);
    scene.send(c, "EHLO laptop.example.test");
    let lines = texts(c);
    assert!(lines.contains(&"EHLO laptop.example.test".to_owned()));
    assert!(lines.iter().any(|l| l.starts_with("250-mail.example.test")));
    let (first, count) = c.announcement();
    assert!(first.starts_with("250-"), "{first}");
    assert!(count > 3, "the whole EHLO reply is counted: {count}");
    assert!(
        c.with_recording(|r| !r.is_empty()),
        "the line is kept for sharing"
    );
}

#[test]
fn an_imap_command_typed_without_a_tag_gets_the_next_one() {
    let scene = scene();
    let c = console(scene, &bob_phone());
    scene.connect(c, "Bob's phone", Port::IMAPS, true);
    assert_eq!(c.outgoing("CAPABILITY"), "a1 CAPABILITY");
    scene.send(c, "CAPABILITY");
    scene.send(c, "x LOGIN bob builder");
    scene.send(c, "NOOP");
    let lines = texts(c);
    assert!(lines.contains(&"a1 CAPABILITY".to_owned()));
    assert!(
        lines.contains(&"x LOGIN bob builder".to_owned()),
        "a tag typed is kept"
    );
    assert!(lines.contains(&"a2 NOOP".to_owned()), "{lines:?}");
}

#[test]
fn connecting_again_closes_the_terminal_s_previous_connection() {
    let scene = scene();
    let c = console(scene, &alice());
    scene.connect(c, "Alice's laptop", Port::SUBMISSION, true);
    let first = c.connection_untracked().expect("connected").id;
    scene.connect(c, "Alice's laptop", Port::POP3S, true);
    let second = c.connection_untracked().expect("connected").id;
    assert_ne!(first, second);
    scene.with_world_untracked(|w| {
        assert!(!w.is_open(first));
        assert!(w.is_open(second));
    });
    let headers = c.lines().iter().filter(|e| e.side == Side::Session).count();
    assert_eq!(headers, 2, "each connection starts with its own header");
}

#[test]
fn quit_closes_the_connection_and_disconnect_hangs_up() {
    let scene = scene();
    let c = console(scene, &alice());
    scene.connect(c, "Alice's laptop", Port::SUBMISSION, true);
    scene.send(c, "QUIT");
    assert_eq!(c.connection_untracked(), None);
    scene.connect(c, "Alice's laptop", Port::SUBMISSION, true);
    let id = c.connection_untracked().expect("connected").id;
    scene.disconnect(c);
    assert_eq!(c.connection_untracked(), None);
    assert!(!scene.with_world_untracked(|w| w.is_open(id)));
}

#[test]
fn a_session_left_idle_past_its_deadline_hears_the_server_s_goodbye() {
    let scene = scene();
    let c = console(scene, &alice());
    scene.connect(c, "Alice's laptop", Port::SUBMISSION, true);
    assert_eq!(scene.check_idle(c), Some(false));
    clock::advance(60 * 60);
    assert_eq!(scene.check_idle(c), Some(true));
    assert_eq!(c.connection_untracked(), None);
    assert!(
        texts(c).iter().any(|l| l.starts_with("421")),
        "{:?}",
        texts(c)
    );
}

#[test]
fn undo_takes_back_a_pop3_deletion_and_says_so() {
    let scene = scene();
    let c = console(scene, &bob_phone());
    scene.show_device(&bob_phone());
    let before = inbox_count(scene, "bob");
    scene.connect(c, "Bob's phone", Port::POP3S, true);
    scene.send(c, "USER bob");
    scene.send(c, "PASS builder");
    scene.send(c, "DELE 1");
    scene.send(c, "QUIT");
    assert_eq!(
        inbox_count(scene, "bob"),
        before - 1,
        "QUIT commits the deletion"
    );
    let (who, what) = scene.last_undoable().expect("something to undo");
    assert_eq!(who, "Bob's phone");
    assert_eq!(
        what,
        Action::Type {
            device: Some(bob_phone()),
            line: "QUIT".into()
        }
    );
    scene.undo_last(|who, _| format!("undone: {who}"));
    assert_eq!(inbox_count(scene, "bob"), before);
    assert!(
        c.connection_untracked().is_some(),
        "the terminal is back before QUIT"
    );
    let last = c.lines().pop().expect("a line");
    assert_eq!(
        (last.side, last.text.as_str()),
        (Side::Event, "undone: Bob's phone")
    );
}

#[test]
fn undo_of_a_connect_leaves_the_terminal_as_it_was() {
    let scene = scene();
    let c = console(scene, &alice());
    scene.connect(c, "Alice's laptop", Port::SUBMISSION, true);
    let id = c.connection_untracked().expect("connected").id;
    scene.undo_last(|_, _| String::new());
    assert_eq!(c.connection_untracked(), None);
    assert!(
        !scene.with_world_untracked(|w| w.is_open(id)),
        "the undone session is gone"
    );
    assert_eq!(scene.last_undoable(), None);
}

#[test]
fn undo_keeps_the_thirty_latest_actions() {
    let scene = scene();
    let c = console(scene, &alice());
    scene.connect(c, "Alice's laptop", Port::SUBMISSION, true);
    for _ in 0..40 {
        scene.send(c, "NOOP");
    }
    assert_eq!(scene.undo.with_untracked(super::undo::Undo::len), 30);
}

#[test]
fn checking_mail_over_pop3_downloads_and_the_device_view_follows_its_dialogue() {
    let scene = Scene::new(); // lines play one by one, as at 1×
    let phone = bob_phone();
    set_receiving(scene, &phone, pop3_delete());
    let c = console(scene, &phone);
    c.show_all();
    let on_server = inbox_count(scene, "bob");
    check(scene, &phone, "bob · phone");
    assert_eq!(
        device_inbox(scene, &phone),
        on_server,
        "everything was downloaded"
    );
    assert_eq!(inbox_count(scene, "bob"), 0, "and deleted from the server");
    assert!(texts(c).iter().any(|l| l == "RETR 1"), "{:?}", texts(c));
    // While the dialogue plays, the phone shows the world as of the line shown.
    let first = scene.position(c).expect("lines are waiting");
    let view = scene.device_view(&phone).expect("device");
    assert_eq!(
        view.folders[INBOX].messages.len(),
        0,
        "nothing downloaded yet at {first}"
    );
    c.show_all();
    assert_eq!(
        scene.position(c),
        None,
        "at the end, views show the world as it is"
    );
    assert_eq!(
        scene.device_view(&phone).expect("device").folders[INBOX]
            .messages
            .len(),
        on_server
    );
}

#[test]
fn a_selected_line_shows_the_world_as_it_was_then() {
    let scene = scene();
    let c = console(scene, &alice());
    scene.connect(c, "Alice's laptop", Port::SUBMISSION, true);
    scene.send(c, "EHLO x");
    let lines = c.lines();
    let greeting = &lines[1];
    c.select(Some(greeting.id));
    assert_eq!(scene.position(c), Some(greeting.snapshot));
    let ehlo = lines.iter().find(|e| e.text == "EHLO x").expect("sent");
    assert!(
        ehlo.snapshot > greeting.snapshot,
        "each engine call has its own snapshot"
    );
    assert!(scene.snapshot(greeting.snapshot).is_some());
    c.select(None);
    assert_eq!(scene.position(c), None);
}

#[test]
fn sending_from_a_device_delivers_and_the_recipient_s_imap_device_finds_it() {
    let scene = scene();
    let laptop = alice();
    let before = inbox_count(scene, "bob");
    let draft = Draft {
        to: "bob@example.test".into(),
        subject: "Tea?".into(),
        body: "At four.".into(),
        in_reply_to: None,
    };
    let send = Action::Send {
        device: laptop.clone(),
        draft,
        replying_to: None,
    };
    scene.play(send, "alice · laptop");
    assert_eq!(inbox_count(scene, "bob"), before + 1);
    assert!(texts(console(scene, &laptop))
        .iter()
        .any(|l| l.starts_with("250") && l.contains("queued")));
    let tablet = device_id("bob", DeviceKind::Tablet);
    check(scene, &tablet, "bob · tablet");
    assert_eq!(device_inbox(scene, &tablet), before + 1);
    assert_eq!(
        scene.scenario().steps.len(),
        2,
        "both device actions are in the scenario"
    );
}

#[test]
fn an_idling_device_hears_of_new_mail_at_once() {
    let scene = scene();
    let tablet = idling_tablet(scene);
    let before = device_inbox(scene, &tablet);
    // A message typed at another terminal, as a server relaying to bob's, lands in his
    // INBOX.
    let c = console(scene, &alice());
    scene.connect(c, "Alice's laptop", Port::SMTP, true);
    for line in [
        "EHLO x",
        "MAIL FROM:<alice@example.test>",
        "RCPT TO:<bob@example.test>",
        "DATA",
        "Subject: now",
        "",
        "hello",
        ".",
    ] {
        scene.send(c, line);
    }
    assert_eq!(
        device_inbox(scene, &tablet),
        before + 1,
        "{:?}",
        texts(console(scene, &tablet))
    );
    assert_eq!(scene.news.get_untracked(), Some((tablet.clone(), 1)));
    assert!(texts(console(scene, &tablet))
        .iter()
        .any(|l| l.contains("EXISTS")));
}

#[test]
fn new_settings_end_an_idling_connection_politely() {
    let scene = scene();
    let tablet = idling_tablet(scene);
    set_receiving(scene, &tablet, Receiving::Imap { idle: false });
    assert!(!scene.is_idling(&tablet));
    let lines = texts(console(scene, &tablet));
    assert!(lines.iter().any(|l| l == "DONE"), "{lines:?}");
    assert!(lines.iter().any(|l| l.ends_with("LOGOUT")), "{lines:?}");
    assert_eq!(scene.with_world_untracked(|w| w.session_ids().len()), 0);
}

#[test]
fn a_device_that_cannot_start_tls_gives_up_with_a_diagnosis() {
    let scene = scene();
    let phone = bob_phone();
    let mut settings = scene.device_untracked(&phone).expect("device").settings;
    settings.incoming.port = 143;
    settings.incoming.security = ConnectionSecurity::SslTls;
    let change = SettingsChange::to(Receiving::Imap { idle: false }, &settings);
    let action = Action::Settings {
        device: phone.clone(),
        change,
    };
    scene.play(action, "bob · phone");
    check(scene, &phone, "bob · phone");
    let problem = scene.problem(&phone).expect("a problem");
    assert!(!problem.outgoing);
    let last = console(scene, &phone).lines().pop().expect("a line");
    assert!(
        matches!(
            last.event,
            Some(Happened::Device(DeviceOutcome::GaveUp { .. }))
        ),
        "{last:?}"
    );
    // The next action starts without the old problem.
    let settings = scene.device_untracked(&phone).expect("device").settings;
    let change = SettingsChange::to(Receiving::Imap { idle: false }, &settings);
    let action = Action::Settings {
        device: phone.clone(),
        change,
    };
    scene.play(action, "bob · phone");
    assert_eq!(scene.problem(&phone), None);
}

#[test]
fn a_message_to_another_domain_shows_the_relay_as_its_own_conversation() {
    let scene = scene();
    let carol_before = inbox_count(scene, "carol");
    let draft = Draft {
        to: "carol@other.test".into(),
        subject: "Hi".into(),
        body: "From Alice.".into(),
        in_reply_to: None,
    };
    let send = Action::Send {
        device: alice().clone(),
        draft,
        replying_to: None,
    };
    scene.play(send, "alice · laptop");
    let lines = console(scene, &alice()).lines();
    let relayed: Vec<_> = lines
        .iter()
        .filter(|e| matches!(e.hop, Hop::Relay { .. }))
        .collect();
    assert!(
        relayed.iter().any(|e| e.text.starts_with("EHLO")),
        "{lines:?}"
    );
    assert!(relayed.iter().all(|e| e.service == Service::Smtp));
    let transcript = console(scene, &alice()).transcript();
    assert!(transcript.contains("| C: EHLO"), "{transcript}");
    assert!(transcript.starts_with("# "), "{transcript}");
    assert_eq!(inbox_count(scene, "carol"), carol_before + 1);
}

#[test]
fn a_kept_sandbox_comes_back_whole() {
    let scene = scene();
    let phone = bob_phone();
    set_receiving(scene, &phone, pop3_delete());
    check(scene, &phone, "bob · phone");
    scene.show_device(&phone);
    let text = scene.keep().expect("the demo world is small enough");

    let other = Scene::new();
    other.put_back(keep::check(&text).expect("readable"));
    assert_eq!(other.notice_untracked(), Some(Notice::Restored));
    assert_eq!(other.active_untracked(), phone);
    assert_eq!(device_inbox(other, &phone), device_inbox(scene, &phone));
    assert_eq!(inbox_count(other, "bob"), 0);
    // Every line comes back saying what it said, in both languages, with its source.
    let words = |scene: Scene| {
        console(scene, &phone)
            .lines()
            .into_iter()
            .map(|e| {
                let notes: Vec<_> = e
                    .notes
                    .iter()
                    .map(|n| (n.text(Lang::En), n.text(Lang::Fr), n.source()))
                    .collect();
                let event = e
                    .event
                    .as_ref()
                    .map(|h| (h.text(Lang::En), h.text(Lang::Fr)));
                (e.id, e.side, e.text, notes, event, e.role, e.service, e.hop)
            })
            .collect::<Vec<_>>()
    };
    assert!(!words(scene).is_empty());
    assert_eq!(words(other), words(scene));
    assert!(console(other, &phone)
        .lines()
        .iter()
        .all(|e| e.snapshot == other.now()));
    assert_eq!(other.scenario(), scene.scenario());
    assert!(
        console(other, &phone).connection_untracked().is_none(),
        "connections are not kept"
    );
}

#[test]
fn a_kept_event_line_reads_back_with_its_words_and_its_place_on_the_path() {
    let gave_up = Entry {
        event: Some(Happened::Device(DeviceOutcome::GaveUp {
            trouble: Trouble::NoStartTls,
        })),
        ..super::entry::blank(Side::Event, Service::Imap, &Hop::Direct, &mut 0)
    };
    let delivered = Entry {
        event: Some(Happened::World(
            facteur_protocols::output::Event::Delivered {
                account: "bob".into(),
                mailbox: INBOX.into(),
                uid: facteur_protocols::store::Uid(7),
            },
        )),
        ..super::entry::blank(Side::Event, Service::Smtp, &Hop::Direct, &mut 1)
    };
    for line in [gave_up, delivered] {
        let json = serde_json::to_string(&line).expect("serializes");
        let back: Entry = serde_json::from_str(&json).expect("reads back");
        let (was, is) = (line.event.as_ref().unwrap(), back.event.as_ref().unwrap());
        for lang in [Lang::En, Lang::Fr] {
            assert_eq!(is.text(lang), was.text(lang));
        }
        assert_eq!(is.kind(), was.kind());
        assert_eq!(serde_json::to_string(&back).expect("serializes"), json);
    }
}

#[test]
fn a_damaged_or_foreign_kept_sandbox_is_refused_with_the_reason() {
    assert_eq!(keep::check("{not json").err(), Some(Notice::Corrupt));
    assert_eq!(
        keep::check(r#"{"version": 999}"#).err(),
        Some(Notice::OldVersion)
    );
    // Version 1 kept the engine's notes themselves; it is refused, not misread.
    assert_eq!(
        keep::check(r#"{"version": 1, "dialogues": {}}"#).err(),
        Some(Notice::OldVersion)
    );
    let huge = format!(
        r#"{{"version": 1, "pad": "{}"}}"#,
        "x".repeat(keep::MAX_BYTES)
    );
    assert_eq!(keep::check(&huge).err(), Some(Notice::TooLarge));
    let scene = Scene::new();
    scene.reset("busy-10000").expect("built in");
    assert_eq!(scene.keep().err(), Some(Notice::NotSavedTooLarge));
}

#[test]
fn reset_starts_afresh_with_empty_dialogues_and_no_connection() {
    let scene = scene();
    let c = console(scene, &alice());
    scene.connect(c, "Alice's laptop", Port::SUBMISSION, true);
    scene.reset("empty").expect("built in");
    assert_eq!(scene.preset_untracked(), "empty");
    assert!(c.lines().is_empty());
    assert_eq!(c.connection_untracked(), None);
    assert_eq!(scene.last_undoable(), None);
    assert_eq!(scene.with_world_untracked(|w| w.session_ids().len()), 0);
}

#[test]
fn an_uploaded_mailbox_becomes_a_world_of_its_own() {
    let scene = scene();
    let mbox = b"From a@b Mon Jan  1 00:00:00 2024\nSubject: one\n\nfirst\n\nFrom a@b Mon Jan  1 00:00:00 2024\nSubject: two\n\nsecond\n";
    assert_eq!(scene.import(mbox, "bob"), Ok(2));
    assert_eq!(scene.preset_untracked(), UPLOADED);
    assert_eq!(inbox_count(scene, "bob"), 2);
    scene.reset(UPLOADED).expect("the upload is kept for Reset");
    assert_eq!(inbox_count(scene, "bob"), 2);
    assert!(scene.import(b"", "bob").is_err());
    assert_eq!(inbox_count(scene, "bob"), 2, "a bad file changes nothing");
}

#[test]
fn clearing_a_terminal_keeps_its_connection() {
    let scene = scene();
    let c = console(scene, &alice());
    scene.connect(c, "Alice's laptop", Port::SUBMISSION, true);
    scene.clear_console(c);
    assert!(c.lines().is_empty());
    assert!(c.connection_untracked().is_some());
    scene.send(c, "NOOP");
    assert!(texts(c).iter().any(|l| l.starts_with("250")));
}

#[test]
fn while_a_dialogue_plays_the_moment_shown_is_the_line_it_shows() {
    let scene = Scene::new();
    scene.set_speed(1.0);
    scene.restart_trace();
    let c = console(scene, &alice());
    scene.connect(c, "Alice's laptop", Port::SUBMISSION, true);
    scene.send(c, "EHLO laptop.example.test");
    let seen_now = scene.with_world_untracked(|w| w.trace.as_ref().map_or(0, |t| t.seen.len()));
    let moment = scene.shown_moment().expect("lines wait to be shown");
    assert!(
        moment.seen < seen_now,
        "the moment is before the EHLO reply: {} < {seen_now}",
        moment.seen
    );
    while c.tick().is_some() && c.with_playback(|p| p.has_pending()) {}
    assert!(
        scene.shown_moment().is_none(),
        "everything shown: the world as it is"
    );
}

#[test]
fn a_devices_check_plays_command_by_command_and_the_learners_lines_one_by_one() {
    let scene = Scene::new();
    scene.set_speed(1.0);
    let phone = bob_phone();
    check(scene, &phone, "bob · phone");
    let c = console(scene, &phone);
    let (lines, commands) = c.with_playback(|p| {
        let all: Vec<_> = p.pending().collect();
        let commands = all.iter().filter(|e| e.side == Side::Client).count();
        (all.len(), commands)
    });
    let mut beats = 0;
    while c.with_playback(|p| p.has_pending()) {
        c.tick();
        beats += 1;
    }
    assert!(lines > 3 * beats, "{lines} lines in {beats} beats");
    assert!(
        beats <= commands + 1,
        "one beat per command: {beats} for {commands}"
    );

    // At the terminal, the learner's own command's reply plays a line at a time.
    let alice_console = console(scene, &alice());
    scene.connect(alice_console, "Alice's laptop", Port::SUBMISSION, true);
    while alice_console.with_playback(|p| p.has_pending()) {
        alice_console.tick();
    }
    scene.send(alice_console, "EHLO laptop.example.test");
    let reply = alice_console.with_playback(|p| p.pending().count());
    let mut beats = 0;
    while alice_console.with_playback(|p| p.has_pending()) {
        alice_console.tick();
        beats += 1;
    }
    assert_eq!(beats, reply, "each line of the EHLO reply in its own beat");
}

#[test]
fn a_reply_of_thousands_of_lines_is_folded_between_its_first_and_last_lines() {
    let scene = Scene::new();
    scene.reset("busy-10000").expect("built in");
    let c = console(scene, &bob_phone());
    scene.connect(c, "Bob's phone", Port::IMAPS, true);
    scene.send(c, "LOGIN bob builder");
    scene.send(c, "SELECT INBOX");
    let before = c.lines().len();
    scene.send(c, "FETCH 1:* (FLAGS)");
    let lines = c.lines();
    let reply = &lines[before..];
    let shape: Vec<String> = reply
        .iter()
        .map(|e| match e.is_fold() {
            true => format!("fold of {}", e.fold.len()),
            false => e.text.split(' ').take(3).collect::<Vec<_>>().join(" "),
        })
        .collect();
    assert_eq!(
        shape,
        [
            "a3 FETCH 1:*",
            "* 1 FETCH",
            "* 2 FETCH",
            "fold of 10001",
            "* 10004 FETCH",
            "* 10005 FETCH",
            "a3 OK FETCH",
        ]
    );
    // Screen readers hear the whole reply's length, the transcript has every line, and a
    // line inside the fold is found by its id, standing for the same moment as its fold.
    assert_eq!(c.announcement().1, 10_006);
    assert_eq!(c.transcript().matches(" FETCH (FLAGS").count(), 10_005);
    let fold = &reply[3];
    let inner = &fold.fold[5_000];
    let shown: Vec<_> = lines.iter().cloned().map(std::sync::Arc::new).collect();
    assert_eq!(
        super::entry::find(&shown, inner.id).map(|e| &e.text),
        Some(&inner.text)
    );
    assert_eq!(inner.snapshot, fold.snapshot);
    // A short reply is not folded.
    scene.send(c, "FETCH 1:5 (FLAGS)");
    assert!(c.lines().iter().rev().take(7).all(|e| !e.is_fold()));
}

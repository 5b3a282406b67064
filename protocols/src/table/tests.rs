//! The table played as the page and the bench play it: terminals, device apps, IDLE
//! pushes, the journal, and going back for Undo.

use super::*;
use crate::device::compose::Draft;
use crate::store::INBOX;

const T: Timestamp = Timestamp(1_000_000);

fn table() -> Table {
    Table::of_world(World::demo())
}

/// Plays `action` and returns what each device heard, as `(device, kind)` pairs with the
/// server's replies as text.
fn play(table: &mut Table, action: Action) -> Vec<(String, String)> {
    let mut heard = Vec::new();
    table.play(&action, T, &mut |h| {
        let what = match h.said {
            Said::Opened { speaker, port, .. } => format!("opened {speaker:?} {port}"),
            Said::Output { output, .. } => String::from_utf8_lossy(&output.wire).into_owned(),
            Said::GaveUp { .. } => "gave up".to_owned(),
            Said::Settled { news } => format!("settled {news}"),
            Said::Changed { news } => format!("changed {news}"),
        };
        heard.push((h.device.to_owned(), what));
    });
    heard
}

fn connect(device: &str, port: u16) -> Action {
    Action::Connect {
        device: device.into(),
        port,
        lenient: true,
    }
}

fn typed(line: &str) -> Action {
    Action::Type {
        device: None,
        line: line.into(),
    }
}

/// Bob's tablet set to IDLE and checked once: it stays connected, waiting for news.
fn idle_on_tablet(t: &mut Table) {
    let idle = Action::Settings {
        device: "bob-tablet".into(),
        change: SettingsChange {
            idle: Some(true),
            ..SettingsChange::default()
        },
    };
    play(t, idle);
    play(t, check("bob-tablet"));
    assert!(t.is_idling("bob-tablet"));
}

fn check(device: &str) -> Action {
    Action::Check {
        device: device.into(),
    }
}

fn inbox_on_server(table: &Table, login: &str) -> usize {
    table
        .world()
        .store
        .account(login)
        .expect("account")
        .mailboxes[INBOX]
        .messages
        .len()
}

fn inbox_on(table: &Table, device: &str) -> usize {
    table.device(device).expect("device").folders[INBOX]
        .messages
        .len()
}

#[test]
fn a_terminal_hears_its_greeting_then_its_replies() {
    let mut t = table();
    let heard = play(&mut t, connect("alice-laptop", 587));
    assert_eq!(
        heard[0],
        ("alice-laptop".into(), "opened Terminal 587".into())
    );
    assert!(heard[1].1.starts_with("220 "), "{heard:?}");
    let heard = play(&mut t, typed("EHLO laptop.example.test"));
    assert!(heard[0].1.starts_with("250-"), "{heard:?}");
    // A line with no device goes to the terminal typed on last, and the journal says which.
    assert_eq!(
        t.journal().actions.last(),
        Some(&Action::Type {
            device: Some("alice-laptop".into()),
            line: "EHLO laptop.example.test".into()
        })
    );
}

#[test]
fn a_line_with_no_terminal_open_is_not_played() {
    let mut t = table();
    assert!(!t.play(&typed("EHLO x"), T, &mut |_| {}));
    assert!(t.journal().is_empty());
    let unknown = connect("dave-laptop", 587);
    assert!(!t.play(&unknown, T, &mut |_| {}));
}

#[test]
fn quit_closes_the_terminal_and_a_new_connect_replaces_the_old() {
    let mut t = table();
    play(&mut t, connect("bob-phone", 110));
    let first = t.terminal("bob-phone").expect("open").session;
    play(&mut t, connect("bob-phone", 143));
    let second = t.terminal("bob-phone").expect("open").session;
    assert_ne!(first, second);
    assert!(!t.world().is_open(first), "the old connection was closed");
    play(&mut t, typed("a1 LOGOUT"));
    assert!(t.terminal("bob-phone").is_none());
    assert_eq!(t.terminals().count(), 0);
}

#[test]
fn a_pop3_check_downloads_deletes_and_brings_news() {
    let mut t = table();
    let before = inbox_on_server(&t, "bob");
    let reading = Action::Reading {
        device: "bob-phone".into(),
        reading: Reading::Pop3Delete,
    };
    play(&mut t, reading);
    let heard = play(&mut t, check("bob-phone"));
    assert_eq!(heard[0].1, "opened App 995");
    assert!(heard.iter().any(|(_, l)| l.starts_with("+OK")));
    assert_eq!(
        heard.last(),
        Some(&("bob-phone".into(), format!("settled {before}")))
    );
    assert_eq!(inbox_on(&t, "bob-phone"), before);
    assert_eq!(inbox_on_server(&t, "bob"), 0);
}

#[test]
fn wrong_settings_make_a_problem_that_the_next_action_clears() {
    let mut t = table();
    let wrong = Action::Settings {
        device: "bob-phone".into(),
        change: SettingsChange {
            password: Some("wrong".into()),
            ..SettingsChange::default()
        },
    };
    play(&mut t, wrong);
    let check = check("bob-phone");
    let heard = play(&mut t, check.clone());
    assert!(heard.iter().any(|(_, l)| l == "gave up"), "{heard:?}");
    assert!(t.problems().contains_key("bob-phone"));
    let right = Action::Settings {
        device: "bob-phone".into(),
        change: SettingsChange {
            password: Some("builder".into()),
            ..SettingsChange::default()
        },
    };
    play(&mut t, right);
    play(&mut t, check);
    assert!(t.problems().is_empty());
    assert_eq!(inbox_on(&t, "bob-phone"), inbox_on_server(&t, "bob"));
}

#[test]
fn an_idling_tablet_hears_a_new_message_within_the_same_action() {
    let mut t = table();
    idle_on_tablet(&mut t);
    assert!(t.is_idling("bob-tablet"));
    let before = inbox_on(&t, "bob-tablet");
    let send = Action::Send {
        device: "alice-laptop".into(),
        draft: Draft {
            to: "bob@example.test".into(),
            subject: "Tea?".into(),
            body: "At four.".into(),
            in_reply_to: None,
        },
        replying_to: None,
    };
    let heard = play(&mut t, send);
    assert!(
        heard
            .iter()
            .any(|(d, l)| d == "bob-tablet" && l.contains("EXISTS")),
        "{heard:?}"
    );
    assert_eq!(inbox_on(&t, "bob-tablet"), before + 1);
    assert!(t.is_idling("bob-tablet"), "back in IDLE after the news");
}

#[test]
fn going_back_drops_idle_links_and_keeps_terminals() {
    let mut t = table();
    play(&mut t, connect("alice-laptop", 587));
    let earlier = t.clone();
    idle_on_tablet(&mut t);
    play(&mut t, typed("QUIT"));
    assert!(t.terminal("alice-laptop").is_none());
    t.rewind_to(earlier);
    assert!(!t.is_idling("bob-tablet"));
    let terminal = t.terminal("alice-laptop").expect("the terminal is back");
    assert!(t.world().is_open(terminal.session));
    assert_eq!(t.world().session_ids(), vec![terminal.session]);
    assert_eq!(t.journal().len(), 1, "only the connect is left");
}

#[test]
fn the_journal_gives_the_devices_actions_and_the_typed_lines() {
    let mut t = table();
    play(&mut t, connect("alice-laptop", 587));
    play(&mut t, typed("EHLO x"));
    let pop3 = SettingsChange {
        reading: Some(Reading::Pop3Leave),
        ..SettingsChange::default()
    };
    let settings = Action::Settings {
        device: "bob-phone".into(),
        change: pop3.clone(),
    };
    play(&mut t, settings.clone());
    // The same way of reading again is no step of a scenario.
    play(&mut t, settings);
    let check = check("bob-phone");
    play(&mut t, check.clone());
    play(&mut t, Action::Answer { choices: vec![2] });
    assert_eq!(
        t.journal().on_devices(),
        vec![
            Action::Reading {
                device: "bob-phone".into(),
                reading: Reading::Pop3Leave
            },
            check
        ]
    );
    let typed = t.journal().typed_at("alice-laptop", 0);
    assert_eq!(typed.len(), 1);
    assert_eq!(
        (typed[0].port, typed[0].lines.clone()),
        (587, vec!["EHLO x".to_owned()])
    );
    assert!(t.journal().typed_at("alice-laptop", 2).is_empty());
    assert_eq!(t.journal().answer(), Some(&[2][..]));
}

#[test]
fn a_message_without_message_id_is_named_by_its_place_among_namesakes() {
    let mut t = table();
    play(&mut t, connect("alice-laptop", 25));
    for body in ["first", "second"] {
        for line in [
            "HELO laptop",
            "MAIL FROM:<alice@example.test>",
            "RCPT TO:<bob@example.test>",
            "DATA",
            "Subject: Same",
            "",
            body,
            ".",
        ] {
            play(&mut t, typed(line));
        }
    }
    play(&mut t, check("bob-phone"));
    let phone = t.device("bob-phone").expect("phone");
    let namesakes: Vec<_> = phone.folders[INBOX]
        .messages
        .iter()
        .filter(|m| m.summary().subject == "Same")
        .map(|m| m.key)
        .collect();
    assert_eq!(namesakes.len(), 2);
    let second = MessageRef::of(phone, INBOX, namesakes[1]).expect("shown");
    assert_eq!((second.message_id.as_deref(), second.nth), (None, 1));
    assert_eq!(second.find(phone), Some(namesakes[1]));
}

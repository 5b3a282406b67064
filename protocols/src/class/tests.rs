use super::wire::{Ask, Tell};
use super::*;
use crate::device::compose::Draft;
use crate::table::{Action, Said};
use crate::Timestamp;

const NOW: Timestamp = Timestamp(1_800_000_000);

fn join(table: &mut Table, name: &str) -> StudentName {
    let name = StudentName::parse(name).expect("a name");
    enrol(table, &name, "secret").expect("enrolled");
    name
}

fn send(from: &str, to: &str, subject: &str) -> Action {
    Action::Send {
        device: format!("{from}-laptop"),
        draft: Draft {
            to: to.to_owned(),
            subject: subject.to_owned(),
            body: "Hello from the next desk.".to_owned(),
            in_reply_to: None,
        },
        replying_to: None,
    }
}

/// Plays an action, keeping what each device heard.
fn play(table: &mut Table, action: &Action) -> Vec<(String, Said)> {
    let mut heard = Vec::new();
    table.play(action, NOW, &mut |h| {
        heard.push((h.device.to_owned(), h.said))
    });
    heard
}

#[test]
fn a_classmates_message_reaches_an_idling_phone_at_once() {
    let mut table = table();
    join(&mut table, "Zoé");
    join(&mut table, "Léo");
    let check = Action::Check {
        device: "leo-phone".into(),
    };
    play(&mut table, &check);
    assert!(table.is_idling("leo-phone"), "the phone stays in IDLE");

    let heard = play(&mut table, &send("zoe", "leo@class.test", "Lunch?"));
    let woke: Vec<&Said> = heard
        .iter()
        .filter(|(d, _)| d == "leo-phone")
        .map(|(_, s)| s)
        .collect();
    assert!(
        woke.iter().any(
            |s| matches!(s, Said::Output { output, .. } if output.wire.starts_with(b"* 1 EXISTS"))
        ),
        "the server pushed EXISTS to the idling phone: {woke:?}"
    );
    assert!(woke.contains(&&Said::Settled { news: 1 }));
    let phone = table.device("leo-phone").expect("the phone");
    assert_eq!(
        phone.folders.get("INBOX").map(|f| f.messages.len()),
        Some(1)
    );
}

#[test]
fn mail_leaves_the_class_for_nowhere() {
    let mut table = table();
    join(&mut table, "Zoé");
    play(&mut table, &send("zoe", "bob@example.test", "Out"));
    let problem = table.problems().get("zoe-laptop").cloned();
    assert!(problem.is_some(), "the laptop says why it could not send");
    assert!(table
        .world()
        .store
        .accounts
        .values()
        .all(|a| a.inbox().is_none_or(|i| i.messages.is_empty())));
}

#[test]
fn a_students_view_holds_nothing_of_a_classmates() {
    let mut table = table();
    join(&mut table, "Zoé");
    join(&mut table, "Léo");
    join(&mut table, "Ana");
    play(&mut table, &send("ana", "leo@class.test", "Secret plans"));
    play(
        &mut table,
        &Action::Check {
            device: "leo-phone".into(),
        },
    );
    let view = table.view_of("zoe");
    assert_eq!(view.store.accounts.keys().collect::<Vec<_>>(), ["zoe"]);
    assert!(view.devices.keys().all(|id| id.starts_with("zoe-")));
    assert!(view.idling.is_empty(), "Léo's phone idles, not Zoé's");
    let text = serde_json::to_string(&view).expect("json");
    assert!(!text.contains("Secret plans") && !text.contains("leo") && !text.contains("ana"));

    let leo = Table::from_view(table.view_of("leo"));
    assert!(leo.is_idling("leo-phone"));
    assert_eq!(leo.world().store.accounts.len(), 1);

    // A terminal open on the server shows open in the page's copy, with what its prompt
    // needs, though the copy holds no session of its own.
    let connect = Action::Connect {
        device: "zoe-laptop".into(),
        port: 587,
        lenient: true,
    };
    play(&mut table, &connect);
    let zoe = Table::from_view(table.view_of("zoe"));
    let terminal = zoe.terminal("zoe-laptop").expect("the terminal");
    assert!(zoe.world().is_open(terminal.session));
    let info = zoe.world().session_info(terminal.session).expect("shown");
    assert_eq!(
        (info.service, info.host.as_str()),
        (crate::Service::Smtp, HOST)
    );
    assert!(
        zoe.world().session_ids().is_empty(),
        "no state machine crossed"
    );
}

#[test]
fn what_crosses_the_socket_reads_back() {
    let asks = [
        Ask::Join {
            name: "Zoé".into()
        },
        Ask::Play {
            action: send("zoe", "leo@class.test", "Hi"),
        },
    ];
    for ask in asks {
        let text = serde_json::to_string(&ask).expect("json");
        assert_eq!(serde_json::from_str::<Ask>(&text).ok(), Some(ask));
    }
    let mut table = table();
    join(&mut table, "Zoé");
    let heard = play(
        &mut table,
        &Action::Check {
            device: "zoe-phone".into(),
        },
    );
    for (device, said) in heard {
        let tell = Tell::Heard {
            device,
            said,
            table: Some(Box::new(table.view_of("zoe"))),
        };
        let text = serde_json::to_string(&tell).expect("json");
        assert_eq!(serde_json::from_str::<Tell>(&text).ok(), Some(tell));
    }
}

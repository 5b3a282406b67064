//! What the fuzz targets (`fuzz/`) and their bounded property-test twin
//! (`tests/robustness.rs`) do with arbitrary bytes: every grammar and every session is fed
//! them, and nothing may panic. One file, included by both, so the two never drift apart.
#![allow(dead_code)]

use facteur_protocols::assist::check_line;
use facteur_protocols::records::scenario::Scenario;
use facteur_protocols::store::{import, Preset};
use facteur_protocols::{imap, pop3, smtp, Port, Service, Timestamp, World};

/// A command line of each protocol, through its parser and through the page's as-you-type
/// check (which also names commands of the other protocols).
pub fn grammars(data: &[u8]) {
    let line = String::from_utf8_lossy(data);
    for lenient in [false, true] {
        let _ = smtp::parse(&line, lenient);
        for service in [Service::Smtp, Service::Pop3, Service::Imap] {
            let _ = check_line(service, &line, lenient);
        }
    }
    let _ = pop3::parse(&line);
    if let Some((text, literals)) = imap::split_literals(data) {
        let _ = imap::parse(&text, &literals);
    }
    let _ = imap::parse(&line, &[]);
}

/// The files a learner can hand the page: a world (JSON), a scenario (JSON), mail to
/// import (.eml or mbox).
pub fn files(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(preset) = Preset::from_json(&text) {
        let _ = preset.build();
    }
    let _ = Scenario::from_json(&text);
    let _ = import::messages(data);
}

/// A session of `service`: the first byte picks the port, the second whether bob logs in
/// first; the rest is the client's octets, cut into segments at each 0xFF byte (as TCP
/// may cut them), each arriving a minute after the one before.
pub fn session(service: Service, data: &[u8]) {
    let ports: Vec<Port> = Port::of(service).collect();
    let (Some(&pick), Some(&login)) = (data.first(), data.get(1)) else {
        return;
    };
    let port = ports[pick as usize % ports.len()];
    let mut world = World::demo();
    let Ok((id, _)) = world.connect(
        if service == Service::Smtp && pick % 2 == 1 {
            "mx.other.test"
        } else {
            "mail.example.test"
        },
        port,
        Timestamp(0),
    ) else {
        return;
    };
    if login % 2 == 1 {
        let preamble: &[u8] = match service {
            Service::Smtp => b"EHLO fuzz.example.test\r\nAUTH PLAIN AGJvYgBidWlsZGVy\r\n",
            Service::Pop3 => b"USER bob\r\nPASS builder\r\n",
            Service::Imap => b"a LOGIN bob builder\r\nb SELECT INBOX\r\n",
        };
        world.input(id, preamble, Timestamp(0));
    }
    for (minute, segment) in data[2..].split(|&b| b == 0xFF).enumerate() {
        let now = Timestamp(60 * minute as i64);
        if world.input(id, segment, now).closed {
            return;
        }
        let _ = world.take_pushes();
    }
    let _ = world.disconnect(id);
}

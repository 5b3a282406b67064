//! The engine alone, natively: how long the commands that touch every message take over
//! busy-10000 (bob's INBOX with 10,005 messages), and how many deliveries SMTP takes a
//! second. `cargo xtask bench` runs it and reads Criterion's estimates; on its own:
//! `cargo bench -p facteur-protocols --bench engine`.
//!
//! The `reference` row writes the octets of a FETCH 1:* (FLAGS UID) answer with `write!`
//! and nothing else: the least any server could spend on it on this machine, measured in
//! the same run so the other rows can be read against it.

use std::hint::black_box;
use std::io::Write;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use facteur_protocols::{Port, SessionId, Timestamp, World};

const NOW: Timestamp = Timestamp(1_796_000_000);

/// busy-10000 with a session of bob's logged in (and its INBOX selected for IMAP).
fn logged_in(port: Port, lines: &[&str]) -> (World, SessionId) {
    let mut world = World::from_preset("busy-10000").expect("busy-10000");
    let (id, _) = world
        .connect("mail.example.test", port, NOW)
        .expect("connects");
    for line in lines {
        let out = world.input(id, format!("{line}\r\n").as_bytes(), NOW);
        assert!(!out.closed, "{line} keeps the session open");
    }
    (world, id)
}

/// Sends one command and checks the last line says it went well.
fn answer(world: &mut World, id: SessionId, command: &[u8], ok: &[u8]) -> usize {
    let out = world.input(id, command, NOW);
    let last = out.wire.rsplit(|&b| b == b'\n').nth(1).unwrap_or_default();
    debug_assert!(
        last.windows(ok.len()).any(|w| w == ok),
        "{}",
        String::from_utf8_lossy(last)
    );
    out.wire.len()
}

fn imap(c: &mut Criterion) {
    let (mut world, id) = logged_in(Port::IMAPS, &["a LOGIN bob builder", "b SELECT INBOX"]);
    let mut group = c.benchmark_group("imap");
    group.bench_function("FETCH 1:* (FLAGS UID)", |b| {
        b.iter(|| {
            black_box(answer(
                &mut world,
                id,
                b"f FETCH 1:* (FLAGS UID)\r\n",
                b"f OK",
            ))
        })
    });
    group.bench_function("SEARCH UNSEEN", |b| {
        b.iter(|| black_box(answer(&mut world, id, b"s SEARCH UNSEEN\r\n", b"s OK")))
    });
    group.bench_function("SEARCH SUBJECT invoice", |b| {
        b.iter(|| {
            black_box(answer(
                &mut world,
                id,
                b"h SEARCH SUBJECT invoice\r\n",
                b"h OK",
            ))
        })
    });
    group.bench_function("SEARCH TEXT invoice", |b| {
        b.iter(|| {
            black_box(answer(
                &mut world,
                id,
                b"t SEARCH TEXT invoice\r\n",
                b"t OK",
            ))
        })
    });
    group.finish();
}

fn pop3(c: &mut Criterion) {
    let (mut world, id) = logged_in(Port::POP3S, &["USER bob", "PASS builder"]);
    c.benchmark_group("pop3").bench_function("UIDL", |b| {
        b.iter(|| black_box(answer(&mut world, id, b"UIDL\r\n", b".")))
    });
}

fn smtp(c: &mut Criterion) {
    let mut world = World::demo();
    let (id, _) = world
        .connect("mail.example.test", Port::SMTP, NOW)
        .expect("connects");
    world.input(id, b"EHLO mx.other.test\r\n", NOW);
    let transaction = b"MAIL FROM:<carol@other.test>\r\nRCPT TO:<bob@example.test>\r\nDATA\r\n\
        From: carol@other.test\r\nTo: bob@example.test\r\nSubject: Tide tables\r\n\r\n\
        High water at 06:12.\r\n.\r\n";
    c.benchmark_group("smtp")
        .bench_function("one delivery", |b| {
            b.iter(|| black_box(answer(&mut world, id, transaction, b"250")))
        });
}

fn reference(c: &mut Criterion) {
    let mut wire = Vec::with_capacity(512 * 1024);
    c.benchmark_group("reference")
        .bench_function("write 10,005 FETCH lines", |b| {
            b.iter(|| {
                wire.clear();
                for n in 1..=10_005_u32 {
                    let flags = if n % 3 == 1 { "" } else { "\\Seen" };
                    let _ = write!(wire, "* {n} FETCH (FLAGS ({flags}) UID {n})\r\n");
                }
                black_box(wire.len())
            })
        });
}

fn quick() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = engine;
    config = quick();
    targets = reference, imap, pop3, smtp
}
criterion_main!(engine);

//! A class over WebSocket against `facteur-server --class` built in release: 30 students
//! join, each sends two classmates a message from their laptop at the same moment, and
//! every phone idling in IMAP IDLE shows its two. Reports students, messages per second
//! (from the first send to the last message shown) and the delivery-to-push latencies
//! (from a sender's click to the recipient's phone showing it).
//!
//! `cargo xtask bench` runs it with `FACTEUR_BENCH_OUT=FILE` to get the figures as JSON;
//! on its own: `cargo bench -p facteur-server --bench class`.

#[path = "../tests/common/class_load.rs"]
mod class_load;
#[path = "../tests/common/mod.rs"]
mod common;

const STUDENTS: usize = 30;
/// Rounds, each with a new class server, so one slow start does not decide the figures.
const ROUNDS: usize = 3;

fn main() {
    let dist = common::small_site();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let (mut push_ms, mut rates) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        // Each round on a new server, stopped (by its PID) when `server` goes.
        let (server, port, _) = common::Server::start_class(&dist, &[]);
        let load = runtime.block_on(class_load::run(port, STUDENTS));
        rates.push(load.messages as f64 / load.seconds);
        push_ms.extend(load.push_ms);
        drop(server);
    }
    let _ = std::fs::remove_dir_all(&dist);
    let all = class_load::Load {
        students: STUDENTS,
        messages: push_ms.len(),
        seconds: 0.0,
        push_ms,
        accounts: Vec::new(),
    };
    rates.sort_by(f64::total_cmp);
    let json = format!(
        "{{\"students\": {STUDENTS}, \"messages\": {}, \"rounds\": {ROUNDS}, \"messages_per_second\": {:.1}, \"p50_ms\": {:.1}, \"p95_ms\": {:.1}, \"max_ms\": {:.1}}}\n",
        all.messages,
        rates[rates.len() / 2],
        all.percentile(0.5),
        all.percentile(0.95),
        all.percentile(1.0),
    );
    match std::env::var_os("FACTEUR_BENCH_OUT") {
        Some(path) => std::fs::write(path, json).expect("writes the results"),
        None => print!("{json}"),
    }
}

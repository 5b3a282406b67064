//! facteur-server against a peer: one IMAP workload, driven by the same client over TCP
//! loopback, against facteur-server and against Dovecot (Debian's `dovecot-imapd`, started
//! with a throw-away configuration). Also the server's resident memory holding busy-10000.
//!
//! `cargo xtask bench` runs it with `FACTEUR_DOVECOT=1` where it could install Dovecot and
//! `FACTEUR_BENCH_OUT=FILE` to get the figures as JSON; on its own:
//! `cargo bench -p facteur-server --bench peer`.
//!
//! The workload, in one session as bob: APPEND 10,000 messages (LITERAL+, one at a time),
//! SELECT INBOX, FETCH 1:* (FLAGS), UID SEARCH TEXT, UID STORE over all, the same STORE
//! with .SILENT (what mail apps send: no untagged FETCH back), and the message list a mail
//! app fetches (UID, size, ENVELOPE), timed once each server has answered it a first time,
//! so that Dovecot's cache is warm.

use std::process::{Child, Command, Stdio};
use std::time::Instant;

#[path = "../tests/common/imap_client.rs"]
mod imap_client;
#[path = "../tests/common/dovecot.rs"]
mod peer;
use imap_client::Client;
use peer::{free_port, stop, wait_for_port, Dovecot};

const MESSAGES: u32 = 10_000;

/// The phases of the workload, in order, as the table names them.
const PHASES: [&str; 7] = [
    "APPEND 10,000 messages",
    "SELECT INBOX",
    "FETCH 1:* (FLAGS)",
    "UID SEARCH TEXT \"invoice\"",
    "UID STORE 1:* +FLAGS (\\Seen)",
    "UID STORE 1:* +FLAGS.SILENT (\\Flagged)",
    "FETCH 1:* (UID RFC822.SIZE ENVELOPE), warm",
];

/// The n-th message appended: small, with a subject one in five times an invoice.
fn message(n: u32) -> Vec<u8> {
    let topic = [
        "Tide tables",
        "Order update",
        "Weekend plans",
        "Invoice",
        "Photos",
    ][n as usize % 5];
    format!(
        "From: Carol Keeper <carol@other.test>\r\nTo: bob@example.test\r\n\
         Subject: {topic} #{n}\r\nDate: Wed, 1 Jan 2025 08:00:00 +0000\r\n\
         Message-ID: <{n}.bench@other.test>\r\n\r\nMessage {n} of the bench.\r\n"
    )
    .into_bytes()
}

/// One session of the workload: commands tagged in turn, each read up to its completion.
struct Session {
    client: Client,
    tag: u32,
}

impl Session {
    fn open(port: u16) -> Session {
        Session {
            client: Client::connect(port),
            tag: 0,
        }
    }

    /// Sends `command` (with `literal` after it as `{n+}` when given) and reads up to its
    /// tagged completion, which must be OK. Returns the number of untagged responses.
    fn run(&mut self, command: &str, literal: Option<&[u8]>) -> usize {
        self.tag += 1;
        let tag = format!("b{}", self.tag);
        let mut wire = format!("{tag} {command}").into_bytes();
        if let Some(octets) = literal {
            wire.extend_from_slice(format!(" {{{}+}}\r\n", octets.len()).as_bytes());
            wire.extend_from_slice(octets);
        }
        wire.extend_from_slice(b"\r\n");
        let responses = self.client.command(&tag, &wire, false);
        let done = responses.last().map(Vec::as_slice).unwrap_or_default();
        assert!(
            done.starts_with(format!("{tag} OK").as_bytes()),
            "{command}: {}",
            String::from_utf8_lossy(done)
        );
        responses.iter().filter(|r| r.starts_with(b"* ")).count()
    }
}

/// Runs the workload against `port` and returns each phase's time in milliseconds.
fn workload(port: u16) -> Vec<f64> {
    let mut client = Session::open(port);
    client.run("LOGIN bob builder", None);
    let mut times = Vec::new();
    let mut timed = |client: &mut Session, f: &mut dyn FnMut(&mut Session)| {
        let start = Instant::now();
        f(client);
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    };
    timed(&mut client, &mut |c| {
        for n in 0..MESSAGES {
            c.run("APPEND INBOX", Some(&message(n)));
        }
    });
    timed(&mut client, &mut |c| {
        c.run("SELECT INBOX", None);
    });
    timed(&mut client, &mut |c| {
        let fetched = c.run("FETCH 1:* (FLAGS)", None);
        assert!(fetched >= MESSAGES as usize, "{fetched} FETCH responses");
    });
    timed(&mut client, &mut |c| {
        c.run("UID SEARCH TEXT \"invoice\"", None);
    });
    timed(&mut client, &mut |c| {
        c.run("UID STORE 1:* +FLAGS (\\Seen)", None);
    });
    timed(&mut client, &mut |c| {
        c.run("UID STORE 1:* +FLAGS.SILENT (\\Flagged)", None);
    });
    // Once unmeasured, so a server that builds a cache (Dovecot) is timed with it built.
    client.run("FETCH 1:* (UID RFC822.SIZE ENVELOPE)", None);
    timed(&mut client, &mut |c| {
        let fetched = c.run("FETCH 1:* (UID RFC822.SIZE ENVELOPE)", None);
        assert!(fetched >= MESSAGES as usize, "{fetched} FETCH responses");
    });
    client.run("LOGOUT", None);
    times
}

/// facteur-server on a free loopback port, stopped by the PID we started.
struct Facteur {
    child: Child,
    port: u16,
}

impl Facteur {
    fn start(world: &str) -> Facteur {
        let port = free_port();
        let child = Command::new(env!("CARGO_BIN_EXE_facteur-server"))
            .args(["--smtp", "127.0.0.1:0", "--pop3", "127.0.0.1:0", "--imap"])
            .arg(format!("127.0.0.1:{port}"))
            .args(["--world", world])
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("facteur-server starts");
        wait_for_port(port);
        Facteur { child, port }
    }

    /// Resident memory in bytes, from /proc (Linux).
    fn rss(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let kb: u64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))?
            .trim()
            .trim_end_matches("kB")
            .trim()
            .parse()
            .ok()?;
        Some(kb * 1024)
    }
}

impl Drop for Facteur {
    fn drop(&mut self) {
        stop(&mut self.child);
    }
}

/// Memory of facteur-server holding busy-10000, after a client has read every flag.
fn busy_rss() -> Option<u64> {
    let server = Facteur::start("busy-10000");
    let mut client = Session::open(server.port);
    client.run("LOGIN bob builder", None);
    client.run("SELECT INBOX", None);
    client.run("FETCH 1:* (FLAGS)", None);
    let rss = server.rss();
    client.run("LOGOUT", None);
    rss
}

fn json_list(values: &[f64]) -> String {
    let items: Vec<String> = values.iter().map(|v| format!("{v:.3}")).collect();
    format!("[{}]", items.join(", "))
}

fn main() {
    let phases: Vec<String> = PHASES.iter().map(|p| format!("{p:?}")).collect();
    eprintln!("peer: the workload against facteur-server");
    let facteur = {
        let server = Facteur::start("empty");
        workload(server.port)
    };
    let dovecot = if std::env::var_os("FACTEUR_DOVECOT").is_some() {
        eprintln!("peer: the workload against Dovecot");
        let server = Dovecot::start("bench-dovecot", |_| {});
        Some(workload(server.port))
    } else {
        eprintln!("peer: Dovecot skipped (set FACTEUR_DOVECOT=1 where dovecot-imapd is installed and this runs as root)");
        None
    };
    let rss = busy_rss();
    for (i, phase) in PHASES.iter().enumerate() {
        let peer = dovecot
            .as_ref()
            .map_or(String::from("skipped"), |d| format!("{:.1} ms", d[i]));
        eprintln!(
            "{phase:<44} facteur {:>9.1} ms   dovecot {peer}",
            facteur[i]
        );
    }
    let json = format!(
        "{{\"phases\": [{}], \"facteur\": {}, \"dovecot\": {}, \"busy_rss\": {}}}\n",
        phases.join(", "),
        json_list(&facteur),
        dovecot.as_deref().map_or("null".to_owned(), json_list),
        rss.map_or("null".to_owned(), |r| r.to_string()),
    );
    match std::env::var_os("FACTEUR_BENCH_OUT") {
        Some(path) => std::fs::write(path, json).expect("writes the results"),
        None => print!("{json}"),
    }
}

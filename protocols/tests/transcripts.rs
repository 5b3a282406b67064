//! Transcript tests: dialogue files replayed against the engine, line by line.
//!
//! A file reads like a session log a teacher could hand out:
//!
//! ```text
//! # Bob receives a message on port 25
//! @connect mail.example.test 25
//! S: 220 mail.example.test ESMTP Facteur ready
//! C: EHLO mx.other.test
//! S: 250-mail.example.test greets mx.other.test
//! E: delivered bob INBOX uid 6
//! ```
//!
//! `C:` lines are sent (with CRLF). Everything the server says — `S:` lines and `E:`
//! events, with `| ` before the steps of a relay dialogue — must appear, in order, before
//! the next `C:` line or directive. Directives: `@preset NAME`, `@now ISO-DATE`,
//! `@strict`, `@lenient`, `@connect [NAME] HOST PORT`, `@use NAME`, `@send-raw TEXT` (sent
//! as is, `\n` and `\r` escapes allowed), `@wait SECONDS` (time passes; sessions silent for
//! longer than their idle timeout are closed, with what the server says then),
//! `@disconnect`.
//! With several sessions, name them at `@connect phone …` and switch with `@use phone`.
//! What the server pushes to another session (an IMAP IDLE) shows as `[phone] S: …`.
//!
//! `FACTEUR_BLESS=1 cargo test --test transcripts` rewrites the expected lines from what the
//! engine says; read the diff before committing it.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use facteur_protocols::output::{Output, Step};
use facteur_protocols::{Port, SessionId, Timestamp, World};

struct Runner {
    world: World,
    now: Timestamp,
    sessions: BTreeMap<String, SessionId>,
    current: String,
    /// What the engine said that the file has not matched yet.
    pending: Vec<String>,
    /// The file as the engine would have it (for bless).
    blessed: String,
    failures: Vec<String>,
}

fn render(out: &Output, prefix: &str, into: &mut Vec<String>) {
    for step in &out.steps {
        render_step(out, step, prefix, into);
    }
}

fn render_step(out: &Output, step: &Step, prefix: &str, into: &mut Vec<String>) {
    match step {
        Step::Client(_) => {}
        Step::Server(line) => into.push(line_form(prefix, "S:", &out.text(line))),
        Step::Event(event) => {
            into.push(format!("{prefix}E: {event}"));
            if let facteur_protocols::output::Event::Relayed { dialogue, .. } = event {
                render_relay(dialogue, &format!("{prefix}| "), into);
            }
        }
    }
}

/// `S: text`, or just `S:` for an empty line (no trailing space for an editor to strip).
fn line_form(prefix: &str, side: &str, text: &str) -> String {
    if text.is_empty() {
        format!("{prefix}{side}")
    } else {
        format!("{prefix}{side} {text}")
    }
}

/// A relay dialogue shows both sides: the relaying server's lines are the `C:` lines.
fn render_relay(out: &Output, prefix: &str, into: &mut Vec<String>) {
    for step in &out.steps {
        if let Step::Client(line) = step {
            into.push(line_form(prefix, "C:", &line.text));
        } else {
            render_step(out, step, prefix, into);
        }
    }
}

impl Runner {
    fn new() -> Runner {
        Runner {
            world: World::demo(),
            now: Timestamp::from_ymd(2026, 11, 27).plus_seconds(9 * 3600),
            sessions: BTreeMap::new(),
            current: String::new(),
            pending: Vec::new(),
            blessed: String::new(),
            failures: Vec::new(),
        }
    }

    fn take(&mut self, out: Output) {
        let mut lines = Vec::new();
        render(&out, "", &mut lines);
        // Updates pushed to other sessions (IMAP IDLE) show under their name.
        for (id, pushed) in self.world.take_pushes() {
            let name = self
                .sessions
                .iter()
                .find(|(_, s)| **s == id)
                .map_or("?", |(n, _)| n.as_str());
            render(&pushed, &format!("[{name}] "), &mut lines);
        }
        self.pending.extend(lines);
    }

    /// Everything the engine said must have been matched before the next input.
    fn settle(&mut self, at: &str) {
        if !self.pending.is_empty() {
            let extra = self.pending.join("\n    ");
            self.failures.push(format!(
                "{at}: the engine said more than the transcript:\n    {extra}"
            ));
        }
        for line in self.pending.drain(..) {
            writeln!(self.blessed, "{line}").ok();
        }
    }

    fn session(&self, at: &str) -> Result<SessionId, String> {
        self.sessions
            .get(&self.current)
            .copied()
            .ok_or_else(|| format!("{at}: no session is open"))
    }

    fn line(&mut self, at: &str, line: &str) -> Result<(), String> {
        let trimmed = line.trim_start();
        let expected = ["S:", "E:", "| ", "["]
            .iter()
            .any(|p| trimmed.starts_with(p));
        if expected {
            if self.pending.is_empty() {
                self.failures.push(format!(
                    "{at}: expected `{line}` but the engine said nothing more"
                ));
                return Ok(());
            }
            let actual = self.pending.remove(0);
            if actual != line {
                self.failures.push(format!(
                    "{at}:\n    expected `{line}`\n    actual   `{actual}`"
                ));
            }
            writeln!(self.blessed, "{actual}").ok();
            return Ok(());
        }
        self.settle(at);
        writeln!(self.blessed, "{line}").ok();
        if line.is_empty() || line.starts_with('#') {
            return Ok(());
        }
        if let Some(text) = line
            .strip_prefix("C: ")
            .or_else(|| (line == "C:").then_some(""))
        {
            let id = self.session(at)?;
            let out = self
                .world
                .input(id, format!("{text}\r\n").as_bytes(), self.now);
            self.take(out);
            return Ok(());
        }
        let mut words = line.split_whitespace();
        match words.next() {
            Some("@preset") => {
                let name = words.next().ok_or(format!("{at}: @preset needs a name"))?;
                let lenient = self.world.lenient;
                self.world = World::from_preset(name).map_err(|e| format!("{at}: {e}"))?;
                self.world.lenient = lenient;
            }
            Some("@now") => {
                let date = words.next().ok_or(format!("{at}: @now needs a date"))?;
                self.now = date.parse().map_err(|_| format!("{at}: bad date {date}"))?;
            }
            Some("@strict") => self.world.lenient = false,
            Some("@lenient") => self.world.lenient = true,
            Some("@connect") => {
                let args: Vec<&str> = words.collect();
                let (name, host, port) = match args.as_slice() {
                    [host, port] => ("main", *host, *port),
                    [name, host, port] => (*name, *host, *port),
                    _ => return Err(format!("{at}: @connect [NAME] HOST PORT")),
                };
                let number: u16 = port.parse().map_err(|_| format!("{at}: bad port {port}"))?;
                let port =
                    Port::from_number(number).ok_or(format!("{at}: unknown port {number}"))?;
                let (id, out) = self
                    .world
                    .connect(host, port, self.now)
                    .map_err(|e| format!("{at}: {e}"))?;
                self.sessions.insert(name.to_owned(), id);
                self.current = name.to_owned();
                self.take(out);
            }
            Some("@use") => {
                let name = words.next().ok_or(format!("{at}: @use needs a name"))?;
                if !self.sessions.contains_key(name) {
                    return Err(format!("{at}: no session called {name}"));
                }
                self.current = name.to_owned();
            }
            Some("@send-raw") => {
                let text = line["@send-raw".len()..].trim_start();
                let bytes = text.replace("\\r", "\r").replace("\\n", "\n");
                let id = self.session(at)?;
                let out = self.world.input(id, bytes.as_bytes(), self.now);
                self.take(out);
            }
            Some("@wait") => {
                let secs: i64 = words
                    .next()
                    .and_then(|w| w.parse().ok())
                    .ok_or(format!("{at}: @wait needs seconds"))?;
                self.now = self.now.plus_seconds(secs);
                // Every open session's idle clock is checked, as a driver's timer would.
                let ids: Vec<SessionId> = self.sessions.values().copied().collect();
                for id in ids {
                    let out = self.world.handle_timeout(id, self.now);
                    self.take(out);
                }
            }
            Some("@disconnect") => {
                let id = self.session(at)?;
                let out = self.world.disconnect(id);
                self.take(out);
            }
            _ => return Err(format!("{at}: cannot read `{line}`")),
        }
        Ok(())
    }
}

fn run(path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut runner = Runner::new();
    let name = path.display().to_string();
    for (n, line) in text.lines().enumerate() {
        runner.line(&format!("{name}:{}", n + 1), line)?;
    }
    runner.settle(&format!("{name}: at the end"));
    if std::env::var_os("FACTEUR_BLESS").is_some() && runner.blessed != text {
        std::fs::write(path, &runner.blessed).map_err(|e| e.to_string())?;
        return Ok(());
    }
    if runner.failures.is_empty() {
        Ok(())
    } else {
        Err(runner.failures.join("\n"))
    }
}

fn files(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/transcripts")
        .join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    files
}

fn run_all(dir: &str) {
    let files = files(dir);
    assert!(!files.is_empty(), "no transcripts in {dir}");
    let failures: Vec<String> = files.iter().filter_map(|f| run(f).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} transcripts failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n\n")
    );
}

#[test]
fn smtp_transcripts() {
    run_all("smtp");
}

#[test]
fn pop3_transcripts() {
    run_all("pop3");
}

#[test]
fn imap_transcripts() {
    run_all("imap");
}

//! The bench's results as one Markdown page: the budgets first, met or missed and by how
//! much, then every measure they come from.

use std::fmt::Write;

use serde_json::Value;

use super::size::FileSize;

/// Issue 28's size budgets: what one learner downloads, first under 450 KB brotli, on the
/// way to issue 15's 300 KB.
const SITE_BROTLI_BUDGETS: [usize; 2] = [450_000, 300_000];
/// Issue 15's budgets.
const STARTUP_RATIO_BUDGET: f64 = 2.0;
const LATENCY_P95_BUDGET_MS: f64 = 16.0;
/// Issue 28: the first screen paints within 300 ms on a school's 10 Mbit/s line.
const FIRST_PAINT_BUDGET_MS: f64 = 300.0;
const FETCH_BUDGET_MS: f64 = 5.0;

pub struct Report {
    machine: Vec<String>,
    budgets: Vec<(String, String, bool)>,
    sections: String,
}

/// What one learner downloads: every file of the site but the courses of languages they do
/// not read (English is counted; French is about as large).
fn one_learner(site: &[FileSize]) -> FileSize {
    // Every file the page loads at start, and its language's course; not the other
    // language, nor the lesson reader a teacher's lesson file starts.
    let files = site.iter().filter(|f| {
        f.name != "total" && (!crate::site::on_demand(&f.name) || f.name == "course-en.json")
    });
    let mut sum = FileSize {
        name: "one learner".to_owned(),
        raw: 0,
        gzip: 0,
        brotli: 0,
    };
    for f in files {
        sum.raw += f.raw;
        sum.gzip += f.gzip;
        sum.brotli += f.brotli;
    }
    sum
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

fn ms(value: f64) -> String {
    if value < 1.0 {
        format!("{:.0} µs", value * 1000.0)
    } else {
        format!("{value:.1} ms")
    }
}

/// A list of timings in whole milliseconds, as the tables print every load.
fn every_load(times: &Value) -> Vec<String> {
    times
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_f64)
                .map(|v| format!("{v:.0}"))
                .collect()
        })
        .unwrap_or_default()
}

fn verdict(met: bool) -> &'static str {
    if met {
        "met"
    } else {
        "**missed**"
    }
}

impl Report {
    pub fn new(machine: Vec<String>) -> Report {
        Report {
            machine,
            budgets: Vec::new(),
            sections: String::new(),
        }
    }

    fn budget(&mut self, what: &str, measured: String, met: bool) {
        self.budgets.push((what.to_owned(), measured, met));
    }

    pub fn sizes(&mut self, site: &[FileSize], floor: &[FileSize]) {
        let s = &mut self.sections;
        let _ = writeln!(s, "## Site size\n\nEvery file of the release `dist/`, as a server sends it (gzip -9, brotli 11).\n");
        let _ = writeln!(s, "| file | raw | gzip | brotli |\n|---|---:|---:|---:|");
        for f in site {
            let name = if f.name == "total" {
                "**total**".to_owned()
            } else {
                format!("`{}`", f.name)
            };
            let _ = writeln!(
                s,
                "| {name} | {} | {} | {} |",
                kb(f.raw),
                kb(f.gzip),
                kb(f.brotli)
            );
        }
        let learner = one_learner(site);
        let _ = writeln!(
            s,
            "| **what one learner downloads** (every file but the other language's course) | {} | {} | {} |",
            kb(learner.raw),
            kb(learner.gzip),
            kb(learner.brotli)
        );
        if let Some(total) = floor.last() {
            let _ = writeln!(
                s,
                "| the floor page, whole | {} | {} | {} |",
                kb(total.raw),
                kb(total.gzip),
                kb(total.brotli)
            );
        }
        s.push('\n');
        for budget in SITE_BROTLI_BUDGETS {
            let over = learner.brotli.saturating_sub(budget);
            let measured = if over > 0 {
                format!("{} brotli ({} over)", kb(learner.brotli), kb(over))
            } else {
                format!("{} brotli", kb(learner.brotli))
            };
            let what = format!("what one learner downloads ≤ {} brotli", kb(budget));
            self.budget(&what, measured, over == 0);
        }
    }

    pub fn largest(&mut self, rows: &[(usize, String)]) {
        let s = &mut self.sections;
        let _ = writeln!(s, "## What the wasm is made of\n\ntwiggy's twenty largest items of the wasm before wasm-bindgen and wasm-opt (the shipped file has lost its names), leaving out the name and wasm-bindgen sections that are not shipped.\n");
        let _ = writeln!(s, "| bytes | item |\n|---:|---|");
        for (bytes, name) in rows {
            let _ = writeln!(s, "| {bytes} | `{}` |", name.replace('|', "\\|"));
        }
        s.push('\n');
    }

    pub fn browser(&mut self, b: &Value) {
        let floor = b["startup"]["floor"]["median"].as_f64().unwrap_or(f64::NAN);
        let s = &mut self.sections;
        let _ = writeln!(s, "## Start-up\n\nNavigation start to a usable page (the Connect or Start button, the floor's button in the document), median of 7 cold loads in headless Chromium {} on loopback. The floor is a Leptos page with one component and one signal, built with the same profile and served the same way.\n", b["chromium"].as_str().unwrap_or(""));
        let _ = writeln!(
            s,
            "| page | median | × floor | every load |\n|---|---:|---:|---|"
        );
        let mut ratios = Vec::new();
        for page in ["floor", "facteur home", "facteur sandbox"] {
            let entry = &b["startup"][page];
            let median = entry["median"].as_f64().unwrap_or(f64::NAN);
            let all = every_load(&entry["all"]);
            let ratio = median / floor;
            let _ = writeln!(
                s,
                "| {page} | {} | {ratio:.2} | {} |",
                ms(median),
                all.join(", ")
            );
            if page != "floor" {
                ratios.push((page, ratio));
            }
        }
        s.push('\n');
        let paint = b["paint"]["median"].as_f64().unwrap_or(f64::NAN);
        let paints = every_load(&b["paint"]["all"]);
        let _ = writeln!(s, "First contentful paint of the home page with Chromium's network emulation at 10 Mbit/s (20 ms latency), median of 7 cold loads: {} (every load: {} ms). index.html carries the first screen as plain HTML (name, lessons, download progress), so it paints before the wasm arrives.\n", ms(paint), paints.join(", "));
        let mut forced = 0;
        let _ = writeln!(s, "Layouts forced from script before the page is usable (trace events `Layout` with a JavaScript stack):\n");
        for (page, events) in b["layouts"].as_object().into_iter().flatten() {
            let events = events.as_array().cloned().unwrap_or_default();
            forced += events.len();
            if events.is_empty() {
                let _ = writeln!(s, "- {page}: none");
            }
            for e in events {
                let _ = writeln!(
                    s,
                    "- {page}: {:.1} ms from `{}`",
                    e["ms"].as_f64().unwrap_or(0.0),
                    e["caller"].as_str().unwrap_or("?")
                );
            }
        }
        s.push('\n');
        for (page, ratio) in ratios {
            self.budget(
                &format!("{page} start-up ≤ 2× the floor's"),
                format!("{ratio:.2}×"),
                ratio <= STARTUP_RATIO_BUDGET,
            );
        }
        self.budget(
            "first contentful paint ≤ 300 ms at 10 Mbit/s",
            ms(paint),
            paint <= FIRST_PAINT_BUDGET_MS,
        );
        self.budget(
            "no forced layout during start-up",
            format!("{forced}"),
            forced == 0,
        );

        let s = &mut self.sections;
        let _ = writeln!(s, "## Command latency in the page\n\nEnter pressed to the reply's last line in the document, at the Instant playback speed, over 200 commands (IMAP NOOP, SEARCH, FETCH 1:*, STORE, UID SEARCH, FETCH ENVELOPE, STATUS; POP3 STAT, LIST, UIDL, NOOP).\n");
        let _ = writeln!(s, "| world | p50 | p95 | slowest command (its median) | wasm memory after |\n|---|---:|---:|---|---:|");
        let mut busy_p95 = None;
        for run in b["latency"].as_array().into_iter().flatten() {
            let world = run["world"].as_str().unwrap_or("?");
            let p95 = run["p95"].as_f64().unwrap_or(f64::NAN);
            if world == "busy-10000" {
                busy_p95 = Some(p95);
            }
            let slowest = &run["commands"][0];
            let memory = run["memory"]
                .as_u64()
                .map_or("?".to_owned(), |m| format!("{:.1} MB", m as f64 / 1e6));
            let _ = writeln!(
                s,
                "| {world} | {} | {} | `{}` ({}) | {memory} |",
                ms(run["p50"].as_f64().unwrap_or(f64::NAN)),
                ms(p95),
                slowest["line"].as_str().unwrap_or("?"),
                ms(slowest["p50"].as_f64().unwrap_or(f64::NAN))
            );
        }
        s.push('\n');
        if let Some(p95) = busy_p95 {
            self.budget(
                "p95 command latency ≤ 16 ms with busy-10000",
                ms(p95),
                p95 <= LATENCY_P95_BUDGET_MS,
            );
        }
    }

    pub fn engine(&mut self, rows: &[(String, f64)]) {
        let reference = rows
            .iter()
            .find(|(n, _)| n.starts_with("reference/"))
            .map(|(_, ns)| *ns);
        let s = &mut self.sections;
        let _ = writeln!(s, "## Engine, natively\n\nCriterion medians over busy-10000 (bob's INBOX: 10,005 messages). The reference writes the octets of a FETCH 1:* (FLAGS UID) answer with `write!` and nothing else.\n");
        let _ = writeln!(s, "| measure | median | × reference |\n|---|---:|---:|");
        let mut sorted = rows.to_vec();
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
        let mut fetch = None;
        for (name, ns) in &sorted {
            let millis = ns / 1e6;
            let ratio = reference.map_or(String::new(), |r| format!("{:.1}", ns / r));
            let mut shown = ms(millis);
            if name == "smtp/one delivery" {
                shown = format!("{shown} ({:.0} deliveries/s)", 1e9 / ns);
            }
            let _ = writeln!(s, "| `{name}` | {shown} | {ratio} |");
            if name == "imap/FETCH 1:* (FLAGS UID)" {
                fetch = Some(millis);
            }
        }
        s.push('\n');
        if let Some(fetch) = fetch {
            self.budget(
                "native FETCH 1:* (FLAGS UID) over 10,000 messages ≤ 5 ms",
                ms(fetch),
                fetch <= FETCH_BUDGET_MS,
            );
        }
    }

    pub fn peer(&mut self, p: &Value, no_dovecot: Result<(), String>) {
        let s = &mut self.sections;
        let _ = writeln!(s, "## Against Dovecot\n\nOne client over TCP loopback, the same session as bob against each server (Dovecot with `mail_fsync = never`, as Facteur keeps mail in memory).\n");
        let _ = writeln!(
            s,
            "| phase | facteur-server | Dovecot | facteur ÷ Dovecot |\n|---|---:|---:|---:|"
        );
        let phases = p["phases"].as_array().cloned().unwrap_or_default();
        let mut slower = Vec::new();
        for (i, phase) in phases.iter().enumerate() {
            let phase = phase.as_str().unwrap_or("?");
            let ours = p["facteur"][i].as_f64().unwrap_or(f64::NAN);
            let theirs = p["dovecot"][i].as_f64();
            let (shown, ratio) = match theirs {
                Some(t) => (ms(t), format!("{:.2}", ours / t)),
                None => ("skipped".to_owned(), String::new()),
            };
            if theirs.is_some_and(|t| ours > t) {
                slower.push(phase.to_owned());
            }
            let _ = writeln!(s, "| `{phase}` | {} | {shown} | {ratio} |", ms(ours));
        }
        if let Err(why) = &no_dovecot {
            let _ = writeln!(s, "\nDovecot was skipped: {why}.");
        }
        let rss = p["busy_rss"]
            .as_u64()
            .map_or("?".to_owned(), |r| format!("{:.1} MB", r as f64 / 1e6));
        let _ = writeln!(s, "\n## Memory\n\nfacteur-server holding busy-10000, after a client read every flag: {rss} resident. The page's wasm memory is in the latency table.\n");
        match no_dovecot {
            Ok(()) => {
                let measured = if slower.is_empty() {
                    "faster on every row".to_owned()
                } else {
                    format!("slower on {}", slower.join(", "))
                };
                self.budget(
                    "facteur-server at least as fast as Dovecot",
                    measured,
                    slower.is_empty(),
                );
            }
            Err(why) => self.budget(
                "facteur-server at least as fast as Dovecot",
                format!("not measured: {why}"),
                false,
            ),
        }
    }

    pub fn class(&mut self, c: &Value) {
        let s = &mut self.sections;
        let _ = writeln!(s, "## Class mode\n\n`facteur-server --class` (release) with {} students over WebSocket, in {} rounds each on a new server: every student sends two classmates a message from the laptop at the same moment; each phone idles in IMAP IDLE. Latency: from the sender's click to the recipient's phone showing the message.\n", c["students"], c["rounds"]);
        let _ = writeln!(s, "| students | messages | messages/s | p50 push | p95 push | slowest |\n|---:|---:|---:|---:|---:|---:|");
        let f = |k: &str| c[k].as_f64().unwrap_or(f64::NAN);
        let _ = writeln!(
            s,
            "| {} | {} | {:.0} | {} | {} | {} |\n",
            c["students"],
            c["messages"],
            f("messages_per_second"),
            ms(f("p50_ms")),
            ms(f("p95_ms")),
            ms(f("max_ms")),
        );
        let slowest = f("max_ms");
        self.budget(
            "class mode: every push within 1 s (30 students)",
            format!("slowest {}", ms(slowest)),
            slowest <= 1000.0,
        );
    }

    pub fn finish(self) -> String {
        let mut page = String::from("# Facteur bench results\n\nWritten by `cargo xtask bench`. ");
        let _ = writeln!(page, "{}.\n", self.machine.join("; "));
        let _ = writeln!(page, "## Budgets\n\n| budget | measured | |\n|---|---|---|");
        for (what, measured, met) in &self.budgets {
            let _ = writeln!(page, "| {what} | {measured} | {} |", verdict(*met));
        }
        page.push('\n');
        page.push_str(&self.sections);
        page
    }
}

//! Differential conformance: the IMAP commands of `conformance/corpus.txt` are sent, in the
//! same order, to facteur-server and to Dovecot holding the same twelve messages of
//! `conformance/messages/`, and their answers are compared after normalising what two
//! correct servers may answer differently (human text, UIDVALIDITY, capability lists,
//! \Recent, literal or quoted strings, the order of untagged responses and FETCH items).
//! Every remaining difference must be listed in [`ALLOWED`] with the reason both answers
//! are valid, or why Facteur's is the right one.
//!
//! It needs Debian's `dovecot-imapd` and root (Dovecot refuses to deliver mail as uid 0, so
//! a `vmail` user owns the mail). `cargo xtask test` installs it and runs this test with
//! `FACTEUR_DOVECOT=1`; without that variable the test says it was skipped.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, SystemTime};

#[path = "common/imap_client.rs"]
mod imap_client;
#[path = "common/dovecot.rs"]
mod peer;
use imap_client::Client;
use peer::{free_port, stop, wait_for_port, Dovecot};

/// Differences that are not bugs, with why. The key is the corpus line, and ` @N` after
/// it names its N-th occurrence when the same line is sent more than once.
const ALLOWED: &[(&str, &str)] = &[
    ("STORE 1 +FLAGS (\\Flagged)", EXAMINE_READ_ONLY),
    ("STORE 1 +FLAGS (\\Seen) @2", EXAMINE_READ_ONLY),
    ("EXPUNGE @2", EXAMINE_READ_ONLY),
    ("MOVE 1 INBOX", EXAMINE_READ_ONLY),
    ("FETCH 1 (BODY.PEEK[2])", MISSING_PART),
    ("FETCH 2 (BODY.PEEK[3])", MISSING_PART),
    (
        "FETCH 11 (BODY.PEEK[1] BODY.PEEK[1.1] BODY.PEEK[1.2] BODY.PEEK[2])",
        "BODY[1] of a multipart inside a multipart: Dovecot's octets end with the CRLF after \
         the inner closing boundary, Facteur's stop before it. RFC 2046 §5.1.1 gives the CRLF \
         before a boundary delimiter to the delimiter, so the part ends at `--inner--`.",
    ),
    (
        "SEARCH CHARSET KOI8-R ALL",
        "RFC 9051 §6.4.4: a server needs only US-ASCII and UTF-8 and answers NO [BADCHARSET] \
         with the list of those it has for others. Dovecot converts KOI8-R with iconv; \
         Facteur lists UTF-8 and US-ASCII.",
    ),
    (
        "STORE 1 +FLAGS (\\Seen)",
        "The message already had \\Seen. RFC 9051 §6.4.6 has the server send the message's \
         flags after STORE; Facteur does even when nothing changed, so the learner sees the \
         answer, while Dovecot leaves out a FETCH that would repeat what the client knows.",
    ),
    ("LIST \"\" * @2", SUPERIOR_NAMES),
    ("LIST \"\" * RETURN (CHILDREN)", SUPERIOR_NAMES),
    ("LIST \"\" * RETURN (SPECIAL-USE)", SUPERIOR_NAMES),
    (
        "DELETE Projects",
        "Projects has Projects/2026 below it. RFC 9051 §6.3.5 lets a server that does not \
         delete a name with inferiors refuse with NO [HASCHILDREN], which Facteur does; \
         Dovecot deletes the mailbox and keeps the name as \\Noselect.",
    ),
    (
        "CREATE Projects @3",
        "Follows from DELETE Projects just before: in Facteur, Projects was kept, so it \
         already exists (NO [ALREADYEXISTS]); in Dovecot it was deleted and is created again.",
    ),
    (
        "STATUS INBOX (DELETED)",
        "DELETED, the number of messages marked \\Deleted, is a STATUS item of IMAP4rev2 \
         (RFC 9051 §6.3.11); Dovecot 2.3 speaks IMAP4rev1 and does not know it.",
    ),
    (
        "APPEND Trash {0+}\\r\\n",
        "An empty message. RFC 9051 §6.3.12 does not forbid one and RFC 5322 §3.5 allows a \
         message with no header fields and no body, so Facteur stores it; Dovecot refuses to \
         save zero octets.",
    ),
];

const EXAMINE_READ_ONLY: &str = "The mailbox was opened with EXAMINE, which RFC 9051 §6.3.3 \
     makes read-only: no change to the mailbox is permitted. Facteur answers NO [READ-ONLY] \
     and changes nothing; Dovecot answers OK, and for MOVE really moves the message.";

const MISSING_PART: &str = "The message has no such part. RFC 9051 §6.4.5 does not say what \
     to send: Facteur sends NIL, which says the part is not there; Dovecot sends an empty \
     string.";

const SUPERIOR_NAMES: &str = "CREATE Archive/Old/ needed the superior name Archive. RFC 9051 \
     §6.3.4 asks the server to create superior names; Facteur makes Archive a real mailbox, \
     Dovecot keeps it a \\Noselect name that holds no messages. Both are allowed.";

const MESSAGES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/messages");
const CORPUS: &str = include_str!("conformance/corpus.txt");

/// When each message arrived, and its flags (as IMAP names, and as maildir letters).
const ARRIVALS: [(i64, &[&str]); 12] = [
    (1_795_300_000, &["\\Seen"]),
    (1_795_300_600, &[]),
    (1_795_301_200, &["\\Seen"]),
    (1_795_301_800, &[]),
    (1_795_302_400, &["\\Flagged"]),
    (1_795_303_000, &["\\Answered", "\\Seen"]),
    (1_795_303_600, &[]),
    (1_795_304_200, &["\\Seen"]),
    (1_795_304_800, &[]),
    (1_795_305_400, &["\\Seen"]),
    (1_795_306_000, &["\\Draft"]),
    (1_795_306_600, &[]),
];

fn messages() -> Vec<Vec<u8>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(MESSAGES)
        .expect("the conformance messages")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| {
            let text = std::fs::read(f).expect("a message");
            crlf(&text)
        })
        .collect()
}

fn crlf(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for line in text.split_inclusive(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\n").unwrap_or(line);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        out.extend_from_slice(line);
        out.extend_from_slice(b"\r\n");
    }
    out
}

fn start_dovecot(messages: &[Vec<u8>]) -> Dovecot {
    Dovecot::start("dovecot", |cur| {
        for (i, (m, (time, flags))) in messages.iter().zip(ARRIVALS).enumerate() {
            let mut letters: Vec<char> = flags
                .iter()
                .map(|f| match *f {
                    "\\Draft" => 'D',
                    "\\Flagged" => 'F',
                    "\\Answered" => 'R',
                    "\\Seen" => 'S',
                    _ => 'T',
                })
                .collect();
            letters.sort();
            let letters: String = letters.into_iter().collect();
            let name = format!("{time}.M{}P1.facteur:2,{letters}", i + 1);
            let path = cur.join(name);
            std::fs::write(&path, m).expect("a maildir file");
            let when = SystemTime::UNIX_EPOCH + Duration::from_secs(time as u64);
            let file = std::fs::File::options()
                .write(true)
                .open(&path)
                .expect("opens");
            file.set_modified(when).expect("mtime");
        }
    })
}

/// facteur-server with a world holding the same messages for bob.
struct Facteur {
    child: Child,
    world: PathBuf,
    port: u16,
}

impl Facteur {
    fn start(messages: &[Vec<u8>]) -> Facteur {
        let received = |t: i64| {
            let secs = t.rem_euclid(86_400);
            let days = t.div_euclid(86_400);
            // Civil date from days since 1970 (H. Hinnant's algorithm).
            let z = days + 719_468;
            let era = z.div_euclid(146_097);
            let doe = z - era * 146_097;
            let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
            let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            let mp = (5 * doy + 2) / 153;
            let d = doy - (153 * mp + 2) / 5 + 1;
            let m = if mp < 10 { mp + 3 } else { mp - 9 };
            let y = yoe + era * 400 + i64::from(m <= 2);
            format!(
                "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
                secs / 3600,
                secs / 60 % 60,
                secs % 60
            )
        };
        let specs: Vec<String> = messages
            .iter()
            .zip(ARRIVALS)
            .map(|(m, (time, flags))| {
                format!(
                    "{{\"account\": \"bob\", \"received\": \"{}\", \"flags\": [{}], \"raw\": {}}}",
                    received(time),
                    flags
                        .iter()
                        .map(|f| format!("\"\\{f}\""))
                        .collect::<Vec<_>>()
                        .join(", "),
                    json_string(&String::from_utf8_lossy(m)),
                )
            })
            .collect();
        let world = format!(
            "{{\"name\": \"conformance\", \"servers\": [{{\"hostname\": \"mail.example.test\", \
             \"domains\": [\"example.test\"]}}], \"accounts\": [{{\"login\": \"bob\", \
             \"password\": \"builder\", \"address\": \"bob@example.test\", \
             \"display_name\": \"Bob Builder\"}}], \"messages\": [{}]}}",
            specs.join(", ")
        );
        let path =
            std::env::temp_dir().join(format!("facteur-conformance-{}.json", std::process::id()));
        std::fs::write(&path, world).expect("world file");
        let port = free_port();
        let child = Command::new(env!("CARGO_BIN_EXE_facteur-server"))
            .args(["--smtp", "127.0.0.1:0", "--pop3", "127.0.0.1:0", "--imap"])
            .arg(format!("127.0.0.1:{port}"))
            .arg("--world")
            .arg(&path)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("facteur-server starts");
        wait_for_port(port);
        Facteur {
            child,
            world: path,
            port,
        }
    }
}

impl Drop for Facteur {
    fn drop(&mut self) {
        stop(&mut self.child);
        let _ = std::fs::remove_file(&self.world);
    }
}

fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `{?+}` or `{?}` in the corpus stands for the length of what follows the first CRLF, so
/// the corpus can be edited without counting octets.
fn sized(line: &str) -> String {
    let Some(marker) = line.find("{?") else {
        return line.to_owned();
    };
    let data = line.find("\r\n").map_or(0, |i| line.len() - i - 2);
    format!("{}{{{data}{}", &line[..marker], &line[marker + 2..])
}

/// A response token, for comparing what servers mean rather than how they spelled it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Atom(String),
    Str(Vec<u8>),
    Open,
    Close,
    OpenB,
    CloseB,
}

fn tokens(mut r: &[u8]) -> Vec<Tok> {
    let mut out = Vec::new();
    while let Some(&b) = r.first() {
        match b {
            b' ' | b'\r' | b'\n' => r = &r[1..],
            b'(' => {
                out.push(Tok::Open);
                r = &r[1..];
            }
            b')' => {
                out.push(Tok::Close);
                r = &r[1..];
            }
            b'[' => {
                out.push(Tok::OpenB);
                r = &r[1..];
            }
            b']' => {
                out.push(Tok::CloseB);
                r = &r[1..];
            }
            b'"' => {
                let mut s = Vec::new();
                let mut i = 1;
                while i < r.len() && r[i] != b'"' {
                    if r[i] == b'\\' && i + 1 < r.len() {
                        i += 1;
                    }
                    s.push(r[i]);
                    i += 1;
                }
                out.push(Tok::Str(s));
                r = r.get(i + 1..).unwrap_or_default();
            }
            b'~' if r.get(1) == Some(&b'{') => r = &r[1..],
            b'{' => {
                let close = r.iter().position(|&c| c == b'}').unwrap_or(r.len() - 1);
                let n: usize = std::str::from_utf8(&r[1..close])
                    .ok()
                    .and_then(|d| d.trim_end_matches('+').parse().ok())
                    .unwrap_or(0);
                let start = (close + 3).min(r.len());
                let end = (start + n).min(r.len());
                out.push(Tok::Str(r[start..end].to_vec()));
                r = &r[end..];
            }
            _ => {
                let end = r
                    .iter()
                    .position(|&c| b" ()[]\"\r\n".contains(&c))
                    .unwrap_or(r.len());
                let atom = String::from_utf8_lossy(&r[..end]).to_ascii_uppercase();
                out.push(if atom == "NIL" {
                    Tok::Str(b"NIL-VALUE".to_vec())
                } else {
                    Tok::Atom(atom)
                });
                r = &r[end..];
            }
        }
    }
    // NIL and an empty string are different values; keep them apart, but after the
    // literal/quoted unification above.
    out
}

fn show(toks: &[Tok]) -> String {
    let mut s = String::new();
    for t in toks {
        match t {
            Tok::Atom(a) => s.push_str(a),
            Tok::Str(b) if b == b"NIL-VALUE" => s.push_str("NIL"),
            Tok::Str(b) => s.push_str(&format!("{:?}", String::from_utf8_lossy(b))),
            Tok::Open => s.push('('),
            Tok::Close => s.push(')'),
            Tok::OpenB => s.push('['),
            Tok::CloseB => s.push(']'),
        }
        s.push(' ');
    }
    s.trim_end()
        .replace("( ", "(")
        .replace(" )", ")")
        .replace("[ ", "[")
        .replace(" ]", "]")
}

const STATUSES: [&str; 5] = ["OK", "NO", "BAD", "BYE", "PREAUTH"];

/// RFC 5530's codes say more about a failure, and a server MAY send them (§3): one server
/// sending `NO [NONEXISTENT]` where the other sends `NO` means the same.
const OPTIONAL_CODES: [&str; 11] = [
    "NONEXISTENT",
    "ALREADYEXISTS",
    "CANNOT",
    "HASCHILDREN",
    "CLIENTBUG",
    "SERVERBUG",
    "UNAVAILABLE",
    "LIMIT",
    "INUSE",
    "NOPERM",
    "EXPUNGEISSUED",
];

/// A response as a comparable string, or None when it says nothing comparable.
fn normalise(response: &[u8]) -> Option<String> {
    let mut t = tokens(response);
    let first = t.first().cloned()?;
    if first == Tok::Atom("+".into()) {
        return Some("+".into());
    }
    let is_status = matches!(t.get(1), Some(Tok::Atom(a)) if STATUSES.contains(&a.as_str()));
    if is_status {
        // Keep the status and its response code; the human text may say anything.
        let mut keep = t[..2].to_vec();
        if t.get(2) == Some(&Tok::OpenB) {
            let close = t
                .iter()
                .position(|x| *x == Tok::CloseB)
                .unwrap_or(t.len() - 1);
            let mut code = t[2..=close].to_vec();
            if let Some(Tok::Atom(name)) = code.get(1) {
                if OPTIONAL_CODES.contains(&name.as_str()) {
                    return Some(show(&keep));
                }
                match name.as_str() {
                    // Capabilities come in the code or as untagged data; both may differ.
                    "CAPABILITY" => return Some(show(&keep)),
                    "UIDVALIDITY" | "COPYUID" | "APPENDUID" => {
                        if let Some(v) = code.get_mut(2) {
                            *v = Tok::Atom("X".into());
                        }
                    }
                    "PERMANENTFLAGS" => code.retain(|x| *x != Tok::Atom("\\RECENT".into())),
                    _ => {}
                }
            }
            sort_flag_lists(&mut code);
            keep.extend(code);
        }
        return Some(show(&keep));
    }
    if first != Tok::Atom("*".into()) {
        return Some(show(&t));
    }
    match t.get(1) {
        Some(Tok::Atom(a)) if a == "CAPABILITY" => return None,
        Some(Tok::Atom(a)) if a == "ID" => return None,
        Some(Tok::Atom(a)) if a == "FLAGS" => {
            t.retain(|x| *x != Tok::Atom("\\RECENT".into()));
            sort_flag_lists(&mut t);
        }
        Some(Tok::Atom(a)) if a == "STATUS" => {
            for i in 0..t.len().saturating_sub(1) {
                if matches!(&t[i], Tok::Atom(n) if n == "UIDVALIDITY" || n == "RECENT") {
                    t[i + 1] = Tok::Atom("X".into());
                }
            }
        }
        _ => {}
    }
    if matches!(t.get(2), Some(Tok::Atom(a)) if a == "RECENT") {
        return None;
    }
    // Inside a section, `("From" "To")` and `(FROM TO)` name the same header fields.
    let mut in_section = false;
    for tok in &mut t {
        match tok {
            Tok::OpenB => in_section = true,
            Tok::CloseB => in_section = false,
            Tok::Str(s) if in_section => {
                *tok = Tok::Atom(String::from_utf8_lossy(s).to_ascii_uppercase())
            }
            _ => {}
        }
    }
    if matches!(t.get(2), Some(Tok::Atom(a)) if a == "FETCH") {
        return Some(show(&normalise_fetch(&t)));
    }
    Some(show(&t))
}

/// Flags are a set: `(\\Seen \\Answered)` and `(\\Answered \\Seen)` say the same.
fn sort_flag_lists(t: &mut [Tok]) {
    let mut i = 0;
    while i + 1 < t.len() {
        let names_flags = matches!(&t[i], Tok::Atom(a) if a == "FLAGS" || a == "PERMANENTFLAGS");
        if names_flags && t[i + 1] == Tok::Open {
            if let Some(len) = t[i + 2..].iter().position(|x| *x == Tok::Close) {
                t[i + 2..i + 2 + len].sort_by_key(|x| show(std::slice::from_ref(x)));
            }
        }
        i += 1;
    }
}

/// `* n FETCH (items)`: items sorted by name, INTERNALDATE and \Recent left out.
fn normalise_fetch(t: &[Tok]) -> Vec<Tok> {
    let body = &t[4..t.len().saturating_sub(1).max(4)];
    let mut items: Vec<Vec<Tok>> = Vec::new();
    let mut i = 0;
    while i < body.len() {
        let mut item = Vec::new();
        // The name: an atom, possibly with [section] and <origin>.
        item.push(body[i].clone());
        i += 1;
        if body.get(i) == Some(&Tok::OpenB) {
            let mut depth = 0;
            while i < body.len() {
                let tok = body[i].clone();
                match tok {
                    Tok::OpenB => depth += 1,
                    Tok::CloseB => depth -= 1,
                    _ => {}
                }
                item.push(tok);
                i += 1;
                if depth == 0 {
                    break;
                }
            }
            if let Some(Tok::Atom(a)) = body.get(i) {
                if a.starts_with('<') {
                    item.push(body[i].clone());
                    i += 1;
                }
            }
        }
        // The value: one token, or a parenthesised group.
        if body.get(i) == Some(&Tok::Open) {
            let mut depth = 0;
            while i < body.len() {
                let tok = body[i].clone();
                match tok {
                    Tok::Open => depth += 1,
                    Tok::Close => depth -= 1,
                    _ => {}
                }
                item.push(tok);
                i += 1;
                if depth == 0 {
                    break;
                }
            }
        } else if i < body.len() {
            item.push(body[i].clone());
            i += 1;
        }
        match item.first() {
            Some(Tok::Atom(a)) if a == "INTERNALDATE" => item.truncate(1),
            Some(Tok::Atom(a)) if a == "FLAGS" => {
                item.retain(|x| *x != Tok::Atom("\\RECENT".into()));
                sort_flag_lists(&mut item);
            }
            // MIME types, subtypes, encodings and parameter names are case-insensitive
            // (RFC 2045 §5.1); servers write them in either case.
            Some(Tok::Atom(a)) if a == "BODY" || a == "BODYSTRUCTURE" => {
                for tok in &mut item {
                    if let Tok::Str(s) = tok {
                        if s != b"NIL-VALUE" {
                            s.make_ascii_uppercase();
                        }
                    }
                }
            }
            _ => {}
        }
        items.push(item);
    }
    items.sort_by_key(|item| show(item));
    let mut out = t[..3].to_vec();
    out.push(Tok::Open);
    for item in items {
        out.extend(item);
    }
    out.push(Tok::Close);
    out
}

/// The answers to one command, normalised: untagged ones sorted, then the completion.
fn answer(responses: &[Vec<u8>]) -> Vec<String> {
    let mut untagged: Vec<String> = Vec::new();
    let mut rest = Vec::new();
    for r in responses {
        let Some(n) = normalise(r) else { continue };
        if n.starts_with("* ") {
            untagged.push(n);
        } else {
            rest.push(n);
        }
    }
    untagged.sort();
    untagged.extend(rest);
    untagged
}

#[test]
fn facteur_answers_as_dovecot_does_or_the_difference_is_listed() {
    if std::env::var_os("FACTEUR_DOVECOT").is_none() {
        println!(
            "SKIPPED: the IMAP conformance run against Dovecot runs under `cargo xtask test` \
             (FACTEUR_DOVECOT=1), which installs Dovecot when it can"
        );
        return;
    }
    let messages = messages();
    assert_eq!(messages.len(), ARRIVALS.len());
    let dovecot = start_dovecot(&messages);
    let facteur = Facteur::start(&messages);
    let mut theirs = Client::connect(dovecot.port);
    let mut ours = Client::connect(facteur.port);

    let mut identical = 0;
    let mut allowed_seen = Vec::new();
    let mut unexplained = Vec::new();
    let mut idle_tag = String::new();
    let lines: Vec<&str> = CORPUS
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .collect();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut sent: Vec<String> = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        let occurrence = {
            let count = seen.entry(line).or_default();
            *count += 1;
            *count
        };
        let key = if occurrence == 1 {
            (*line).to_owned()
        } else {
            format!("{line} @{occurrence}")
        };
        sent.push(key.clone());
        let text = sized(&line.replace("\\r\\n", "\r\n"));
        let (tag, wire, idle) = if let Some(raw) = text.strip_prefix('!') {
            let tag = raw.split(' ').next().unwrap_or("*").to_owned();
            (tag, format!("{raw}\r\n"), false)
        } else if text == "DONE" {
            (idle_tag.clone(), "DONE\r\n".to_owned(), false)
        } else {
            let tag = format!("t{}", n + 1);
            let idle = text.eq_ignore_ascii_case("IDLE");
            if idle {
                idle_tag = tag.clone();
            }
            let wire = format!("{tag} {text}\r\n");
            (tag, wire, idle)
        };
        // An answer to a line without a readable tag is untagged: wait for NOOP's too.
        let (a, b) = if line.starts_with('!') {
            let fix = |c: &mut Client| {
                let mut r = c.command("sync", format!("{wire}sync NOOP\r\n").as_bytes(), false);
                r.retain(|x| !x.starts_with(b"sync "));
                r
            };
            (fix(&mut ours), fix(&mut theirs))
        } else {
            (
                ours.command(&tag, wire.as_bytes(), idle),
                theirs.command(&tag, wire.as_bytes(), idle),
            )
        };
        let (a, b) = (answer(&a), answer(&b));
        let listed = ALLOWED.iter().find(|(l, _)| *l == key);
        if a == b {
            identical += 1;
            if listed.is_some() {
                unexplained.push(format!(
                    "{line}\n    listed as a difference, but both answer {a:?}"
                ));
            }
        } else if listed.is_some() {
            allowed_seen.push(key.clone());
        } else {
            unexplained.push(format!(
                "{line}\n    facteur: {}\n    dovecot: {}",
                a.join("\n             "),
                b.join("\n             ")
            ));
        }
    }
    let by_reason: BTreeMap<&str, usize> =
        ALLOWED.iter().fold(BTreeMap::new(), |mut m, (_, reason)| {
            *m.entry(*reason).or_default() += 1;
            m
        });
    println!(
        "IMAP conformance against Dovecot: {} commands, {identical} identical after \
         normalising, {} allowed differences ({} reasons), {} unexplained",
        lines.len(),
        allowed_seen.len(),
        by_reason.len(),
        unexplained.len()
    );
    let missing: Vec<&str> = ALLOWED
        .iter()
        .map(|(l, _)| *l)
        .filter(|l| !sent.iter().any(|s| s == l))
        .collect();
    assert!(missing.is_empty(), "listed but never sent: {missing:?}");
    assert!(
        unexplained.is_empty(),
        "{} answers differ from Dovecot's without a listed reason:\n{}",
        unexplained.len(),
        unexplained.join("\n")
    );
}

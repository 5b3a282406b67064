//! Class mode, end to end over real sockets: a room of students over WebSocket, real mail
//! clients (Python's imaplib, curl) with a student's class account, and the teacher's
//! report. Each test starts its own class server and stops it by the PID it started.

mod common;

#[path = "common/class_load.rs"]
mod class_load;

use common::{small_site, Server};

fn teacher(server: &Server, http: u16, password: &str, path: &str) -> serde_json::Value {
    let body = server.curl(&[
        "--fail",
        "-H",
        &format!("Authorization: Bearer {password}"),
        &format!("http://127.0.0.1:{http}{path}"),
    ]);
    serde_json::from_str(&body).expect("JSON")
}

#[test]
fn thirty_students_mail_each_other_and_every_idling_phone_hears_at_once() {
    let (server, http, password) = Server::start_class(&small_site(), &[]);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let load = runtime.block_on(class_load::run(http, 30));
    println!(
        "{} students, {} messages in {:.2} s ({:.1}/s); push p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        load.students,
        load.messages,
        load.seconds,
        load.messages as f64 / load.seconds,
        load.percentile(0.5),
        load.percentile(0.95),
        load.percentile(1.0),
    );
    assert_eq!(load.push_ms.len(), 60, "every message reached its phone");
    assert!(
        load.percentile(1.0) <= 1000.0,
        "every push within 1 s; the slowest took {:.0} ms",
        load.percentile(1.0)
    );

    // The teacher's report agrees: 30 students, two messages in each INBOX.
    let report = teacher(&server, http, &password, "/class/teacher/report");
    let students = report["students"].as_array().expect("students");
    assert_eq!(students.len(), 30);
    for s in students {
        let inbox = &s["mailboxes"][0];
        assert_eq!(
            (inbox["name"].as_str(), inbox["messages"].as_u64()),
            (Some("INBOX"), Some(2)),
            "{s}"
        );
    }
    assert_eq!(report["delivered"], 60);
    // Subjects show only in a mailbox the teacher opens.
    assert!(!report.to_string().contains("Note 0 from"));
    let opened = teacher(
        &server,
        http,
        &password,
        "/class/teacher/mailbox?login=ben&mailbox=INBOX",
    );
    assert!(opened.to_string().contains("Note 0 from ada"), "{opened}");

    // A real mail client logs in with a student's class account and sees the same INBOX.
    let (login, secret) = &load.accounts[1];
    server.python_with(
        "class_account.py",
        &[
            ("FACTEUR_CLASS_LOGIN", login),
            ("FACTEUR_CLASS_PASSWORD", secret),
            (
                "FACTEUR_CLASS_SUBJECTS",
                "Note 0 from ada|Note 1 from diane",
            ),
        ],
    );
}

#[test]
fn the_teachers_view_needs_the_teachers_password() {
    let (server, http, _) = Server::start_class(&small_site(), &[]);
    let out = server.curl(&[
        "-o",
        "/dev/null",
        "-w",
        "%{http_code}",
        "-H",
        "Authorization: Bearer guess",
        &format!("http://127.0.0.1:{http}/class/teacher/report"),
    ]);
    assert_eq!(out, "401");
    let hello = server.curl(&[&format!("http://127.0.0.1:{http}/class/hello")]);
    assert!(hello.contains("\"domain\":\"class.test\""), "{hello}");
    // The site is served with the README's headers.
    let head = server.curl(&["-I", &format!("http://127.0.0.1:{http}/")]);
    assert!(
        head.contains("content-security-policy: default-src 'self'"),
        "{head}"
    );
}

#[test]
fn names_passwords_and_other_students_devices_are_guarded() {
    let (_server, http, _) = Server::start_class(&small_site(), &["--max-students", "2"]);
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    runtime.block_on(async {
        use class_load::{ask, connect};
        use serde_json::json;
        let mut page = connect(http).await;
        let told = ask(&mut page, json!({ "join": { "name": "<b>Zoé</b>" } })).await;
        assert_eq!(told["refused"]["refusal"]["why"], "name");
        assert_eq!(told["refused"]["refusal"]["problem"]["character"], "<");
        let told = ask(
            &mut page,
            json!({ "play": { "action": { "do": "check", "device": "zoe-phone" } } }),
        )
        .await;
        assert_eq!(told["refused"]["refusal"]["why"], "not-joined");
        let told = ask(&mut page, json!("hello")).await;
        assert_eq!(told["refused"]["refusal"]["why"], "unreadable");

        let told = ask(&mut page, json!({ "join": { "name": "Zoé" } })).await;
        let password = told["welcome"]["password"]
            .as_str()
            .expect("a password")
            .to_owned();
        let mut other = connect(http).await;
        let told = ask(&mut other, json!({ "join": { "name": "zoe" } })).await;
        assert_eq!(
            told["refused"]["refusal"],
            json!({ "why": "name-taken", "login": "zoe" })
        );
        let told = ask(
            &mut other,
            json!({ "rejoin": { "login": "zoe", "password": "maple-otter-42" } }),
        )
        .await;
        assert_eq!(told["refused"]["refusal"]["why"], "wrong-password");
        let told = ask(&mut other, json!({ "join": { "name": "Léo" } })).await;
        assert_eq!(told["welcome"]["login"], "leo");
        // Léo may not play on Zoé's phone.
        let mut told = ask(
            &mut other,
            json!({ "play": { "action": { "do": "check", "device": "zoe-phone" } } }),
        )
        .await;
        while told.get("refused").is_none() {
            told = class_load::next_text(&mut other).await;
        }
        assert_eq!(told["refused"]["refusal"]["why"], "not-yours");
        let mut third = connect(http).await;
        let told = ask(&mut third, json!({ "join": { "name": "Ana" } })).await;
        assert_eq!(
            told["refused"]["refusal"],
            json!({ "why": "class-full", "max": 2 })
        );
        // Zoé's password brings her back on another page.
        let told = ask(
            &mut third,
            json!({ "rejoin": { "login": "zoe", "password": password } }),
        )
        .await;
        assert_eq!(told["welcome"]["login"], "zoe");
    });
}

/// The README's class command, as written but for the site it serves: the tests give a
/// small one (`--dist`) instead of building the whole site.
#[test]
fn the_readme_class_command_starts_a_class() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .expect("the README");
    let block = readme
        .split("<!-- tested: class -->\n```bash\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("the README's class block");
    let args: Vec<&str> = block
        .trim()
        .strip_prefix("cargo run --release -p facteur-server -- ")
        .expect("the command runs facteur-server")
        .split_whitespace()
        .collect();
    assert_eq!(args, ["--class", "--allow-remote"]);
    // As written, it listens beyond loopback; here, with the same flags, on free loopback
    // ports (an address given stays as given).
    let (server, http, password) = Server::start_class(&small_site(), &args[1..]);
    let report = teacher(&server, http, &password, "/class/teacher/report");
    assert_eq!(report["max_students"], 60);
}

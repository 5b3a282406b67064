//! The native server driven by clients nobody here wrote: Python's smtplib, poplib and
//! imaplib (standard library only), and curl. Each test starts its own server on free
//! loopback ports and stops it by the PID it started.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    smtp: u16,
    pop3: u16,
    imap: u16,
}

impl Server {
    fn start(extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_facteur-server"))
            .args([
                "--smtp",
                "127.0.0.1:0",
                "--pop3",
                "127.0.0.1:0",
                "--imap",
                "127.0.0.1:0",
            ])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the server starts");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let mut port = |name: &str| -> u16 {
            let line = lines.next().expect("a start-up line").expect("readable");
            assert!(line.starts_with(name), "expected {name}, got {line}");
            line.rsplit(':')
                .next()
                .and_then(|p| p.parse().ok())
                .expect("a port")
        };
        let (smtp, pop3, imap) = (port("SMTP"), port("POP3"), port("IMAP"));
        // Keep draining stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server {
            child,
            smtp,
            pop3,
            imap,
        }
    }

    /// Runs a client script from tests/clients/ against this server.
    fn python(&self, script: &str) {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/clients");
        let out = Command::new("python3")
            .arg(dir.join(script))
            .current_dir(&dir)
            .env("FACTEUR_SMTP_PORT", self.smtp.to_string())
            .env("FACTEUR_POP3_PORT", self.pop3.to_string())
            .env("FACTEUR_IMAP_PORT", self.imap.to_string())
            .output()
            .expect("python3 runs");
        assert!(
            out.status.success(),
            "{script} failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn curl(&self, args: &[&str]) -> String {
        let out = Command::new("curl")
            .args(["--silent", "--show-error", "--max-time", "10"])
            .args(args)
            .output()
            .expect("curl runs");
        assert!(
            out.status.success(),
            "curl {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

impl Drop for Server {
    /// SIGTERM to the PID we started: the server says goodbye to its clients and exits.
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn smtp_delivery_reads_back_byte_for_byte_over_imap_and_pop3() {
    Server::start(&[]).python("send_and_read.py");
}

#[test]
fn a_flag_set_on_one_imap_connection_is_seen_by_another() {
    Server::start(&[]).python("flags_across_connections.py");
}

#[test]
fn an_idling_imap_connection_hears_of_new_mail_at_once() {
    Server::start(&[]).python("idle_push.py");
}

#[test]
fn pop3_deletes_only_at_quit_and_imap_sees_it() {
    Server::start(&[]).python("pop3_delete.py");
}

#[test]
fn a_bare_lf_append_reads_back_with_exact_literal_lengths() {
    Server::start(&[]).python("bare_lf_append.py");
}

#[test]
fn imap_append_with_a_literal_and_move_to_a_new_folder() {
    Server::start(&[]).python("append_move.py");
}

#[test]
fn fifty_imap_logins_and_twenty_smtp_deliveries_at_once() {
    Server::start(&[]).python("concurrency.py");
}

#[test]
fn hostile_input_gets_errors_while_other_connections_carry_on() {
    Server::start(&[]).python("abuse.py");
}

#[test]
fn curl_sends_and_reads_with_smtp_pop3_and_imap() {
    let server = Server::start(&[]);
    let message = std::env::temp_dir().join(format!("facteur-curl-{}.eml", std::process::id()));
    std::fs::write(&message, "Subject: from curl\r\n\r\nSent by curl.\r\n").expect("temp file");
    server.curl(&[
        &format!("smtp://127.0.0.1:{}", server.smtp),
        "--mail-from",
        "carol@other.test",
        "--mail-rcpt",
        "bob@example.test",
        "--upload-file",
        &message.to_string_lossy(),
    ]);
    let _ = std::fs::remove_file(&message);
    let listing = server.curl(&[
        &format!("pop3://127.0.0.1:{}/", server.pop3),
        "-u",
        "bob:builder",
    ]);
    assert_eq!(listing.lines().count(), 6, "POP3 LIST: {listing}");
    let retr = server.curl(&[
        &format!("pop3://127.0.0.1:{}/6", server.pop3),
        "-u",
        "bob:builder",
    ]);
    assert!(
        retr.contains("Subject: from curl") && retr.contains("Sent by curl."),
        "{retr}"
    );
    let fetched = server.curl(&[
        &format!("imap://127.0.0.1:{}/INBOX;UID=6", server.imap),
        "-u",
        "bob:builder",
    ]);
    assert!(fetched.contains("Sent by curl."), "{fetched}");
    let mailboxes = server.curl(&[
        &format!("imap://127.0.0.1:{}/", server.imap),
        "-u",
        "carol:lighthouse",
    ]);
    assert!(
        mailboxes.contains("INBOX") && mailboxes.contains("\\Sent"),
        "{mailboxes}"
    );
}

#[test]
fn a_silent_connection_is_closed_with_the_protocol_goodbye() {
    let server = Server::start(&["--idle-timeout", "1"]);
    use std::io::Read;
    let mut sock = std::net::TcpStream::connect(("127.0.0.1", server.imap)).expect("connects");
    sock.set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    let mut all = Vec::new();
    let _ = sock.read_to_end(&mut all);
    let text = String::from_utf8_lossy(&all);
    assert!(
        text.ends_with("* BYE Idle timeout, closing connection\r\n"),
        "{text}"
    );
}

#[test]
fn past_the_connection_limit_clients_are_told_to_try_later() {
    let server = Server::start(&["--max-connections", "1"]);
    use std::io::Read;
    let _first = std::net::TcpStream::connect(("127.0.0.1", server.smtp)).expect("first");
    std::thread::sleep(Duration::from_millis(200));
    let mut second = std::net::TcpStream::connect(("127.0.0.1", server.smtp)).expect("second");
    second
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    let mut all = Vec::new();
    let _ = second.read_to_end(&mut all);
    assert_eq!(
        String::from_utf8_lossy(&all),
        "421 4.3.2 mail.example.test Too many connections, try again later\r\n"
    );
}

#[test]
fn stopping_the_server_says_goodbye_to_connected_clients() {
    use std::io::{Read, Write};
    let server = Server::start(&[]);
    let mut sock = std::net::TcpStream::connect(("127.0.0.1", server.imap)).expect("connects");
    sock.set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    sock.write_all(b"a1 LOGIN bob builder\r\n").expect("writes");
    std::thread::sleep(Duration::from_millis(200));
    let _ = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status();
    let mut all = Vec::new();
    let _ = sock.read_to_end(&mut all);
    let text = String::from_utf8_lossy(&all);
    assert!(text.contains("a1 OK"), "{text}");
    assert!(text.ends_with("* BYE Server shutting down\r\n"), "{text}");
}

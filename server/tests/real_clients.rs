//! The native server driven by clients nobody here wrote: Python's smtplib, poplib and
//! imaplib (standard library only), and curl. Each test starts its own server on free
//! loopback ports and stops it by the PID it started.

use std::process::Command;
use std::time::Duration;

mod common;

use common::Server;

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

//! Real TLS on the native server, driven by clients nobody here wrote: Python's smtplib,
//! imaplib and poplib (tests/clients/tls.py), curl and `openssl s_client`, each trusting
//! the certificate the server made (or one given with --cert/--key).

use std::io::Write;
use std::process::{Command, Stdio};

mod common;

use common::Server;

#[test]
fn python_clients_over_starttls_and_implicit_tls_follow_each_ports_rules() {
    Server::start_tls(&[]).python("tls.py");
}

fn cacert(server: &Server) -> String {
    server
        .cert
        .as_ref()
        .expect("a made certificate")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn curl_sends_and_reads_over_every_tls_port() {
    let server = Server::start_tls(&[]);
    let ca = cacert(&server);
    let message = std::env::temp_dir().join(format!("facteur-tls-curl-{}.eml", std::process::id()));
    std::fs::write(&message, "Subject: curl over TLS\r\n\r\nSent by curl.\r\n").expect("temp file");
    let upload = message.to_string_lossy().into_owned();
    for (url, starttls) in [
        (
            format!("smtp://127.0.0.1:{}", server.port("submission")),
            true,
        ),
        (
            format!("smtps://127.0.0.1:{}", server.port("submissions")),
            false,
        ),
    ] {
        let mut args = vec!["--cacert", &ca, &url];
        if starttls {
            args.push("--ssl-reqd");
        }
        server.curl(
            &[
                args.as_slice(),
                &[
                    "--user",
                    "alice:wonderland",
                    "--mail-from",
                    "alice@example.test",
                    "--mail-rcpt",
                    "bob@example.test",
                    "--upload-file",
                    &upload,
                ],
            ]
            .concat(),
        );
    }
    // The relay port takes mail for its own domains without a login, over STARTTLS too.
    let relay = format!("smtp://127.0.0.1:{}", server.port("smtp"));
    server.curl(&[
        "--ssl-reqd",
        "--cacert",
        &ca,
        &relay,
        "--mail-from",
        "carol@other.test",
        "--mail-rcpt",
        "alice@example.test",
        "--upload-file",
        &upload,
    ]);
    let _ = std::fs::remove_file(&message);
    // Bob's INBOX had five messages; curl sent two more.
    let imap_starttls = format!("imap://127.0.0.1:{}/INBOX;UID=7", server.port("imap"));
    let fetched = server.curl(&[
        "--ssl-reqd",
        "--cacert",
        &ca,
        &imap_starttls,
        "--user",
        "bob:builder",
    ]);
    assert!(fetched.contains("Sent by curl."), "{fetched}");
    let imaps = format!("imaps://127.0.0.1:{}/", server.port("imaps"));
    let listed = server.curl(&["--cacert", &ca, &imaps, "--user", "bob:builder"]);
    assert!(listed.contains("INBOX"), "{listed}");
    let pop3 = format!("pop3://127.0.0.1:{}/", server.port("pop3"));
    let listing = server.curl(&[
        "--ssl-reqd",
        "--cacert",
        &ca,
        &pop3,
        "--user",
        "bob:builder",
    ]);
    assert_eq!(listing.lines().count(), 7, "POP3 LIST: {listing}");
    // -k: trust whatever certificate the server shows (what "accept once" does).
    let pop3s = format!("pop3s://127.0.0.1:{}/7", server.port("pop3s"));
    let retr = server.curl(&["-k", &pop3s, "--user", "bob:builder"]);
    assert!(retr.contains("Subject: curl over TLS"), "{retr}");
    // Without the certificate, curl refuses the self-signed one: TLS is real.
    let refused = Command::new("curl")
        .args([
            "--silent",
            "--max-time",
            "10",
            &imaps,
            "--user",
            "bob:builder",
        ])
        .status()
        .expect("curl runs");
    assert_eq!(
        refused.code(),
        Some(60),
        "curl: peer certificate cannot be authenticated"
    );
}

/// `openssl s_client` with `lines` typed after the handshake; returns what it printed.
fn s_client(args: &[&str], lines: &str) -> String {
    let mut child = Command::new("openssl")
        .arg("s_client")
        .args(args)
        .args(["-crlf", "-ign_eof", "-servername", "mail.example.test"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("openssl runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let typed = lines.to_owned();
    // Type after the greeting had time to come; with -ign_eof openssl reads on until the
    // server says goodbye and closes.
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(700));
        let _ = stdin.write_all(typed.as_bytes());
    });
    let out = child.wait_with_output().expect("openssl ends");
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn openssl_s_client_sees_the_certificate_and_the_greeting_on_each_port() {
    let server = Server::start_tls(&[]);
    let ca = cacert(&server);
    // The fingerprint printed at start is the certificate's, as openssl computes it.
    let x509 = Command::new("openssl")
        .args(["x509", "-noout", "-fingerprint", "-sha256", "-in", &ca])
        .output()
        .expect("openssl x509");
    let printed = String::from_utf8_lossy(&x509.stdout);
    assert!(
        printed
            .trim()
            .ends_with(&format!("Fingerprint={}", server.fingerprint)),
        "{printed} vs {}",
        server.fingerprint
    );
    for (role, starttls, typed, greeting) in [
        ("submission", Some("smtp"), "QUIT\n", "250 "),
        ("submissions", None, "QUIT\n", "220 mail.example.test"),
        ("smtp", Some("smtp"), "QUIT\n", "250 "),
        (
            "imap",
            Some("imap"),
            "a1 LOGIN bob builder\na2 LOGOUT\n",
            "a1 OK",
        ),
        ("imaps", None, "a1 LOGOUT\n", "* OK [CAPABILITY"),
        ("pop3", Some("pop3"), "QUIT\n", "+OK"),
        (
            "pop3s",
            None,
            "QUIT\n",
            "+OK mail.example.test POP3 server ready",
        ),
    ] {
        let connect = format!("127.0.0.1:{}", server.port(role));
        let mut args = vec!["-connect", &connect, "-CAfile", &ca];
        if let Some(protocol) = starttls {
            args.extend(["-starttls", protocol]);
        }
        let out = s_client(&args, typed);
        assert!(out.contains("Verify return code: 0 (ok)"), "{role}: {out}");
        assert!(
            out.contains("CN=mail.example.test") || out.contains("CN = mail.example.test"),
            "{role}: {out}"
        );
        assert!(out.contains(greeting), "{role}: no {greeting:?} in {out}");
    }
}

#[test]
fn a_certificate_and_key_given_as_files_are_the_ones_served() {
    let dir = std::env::temp_dir().join(format!("facteur-tls-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let (cert, key) = (dir.join("cert.pem"), dir.join("key.pem"));
    let made = Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
        ])
        .args([
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .stderr(Stdio::null())
        .status()
        .expect("openssl req");
    assert!(made.success());
    let (cert_s, key_s) = (
        cert.to_string_lossy().into_owned(),
        key.to_string_lossy().into_owned(),
    );
    let server = Server::start_tls_with(&["--cert", &cert_s, "--key", &key_s]);
    let x509 = Command::new("openssl")
        .args(["x509", "-noout", "-fingerprint", "-sha256", "-in", &cert_s])
        .output()
        .expect("openssl x509");
    assert!(String::from_utf8_lossy(&x509.stdout)
        .trim()
        .ends_with(&server.fingerprint));
    let imaps = format!("imaps://localhost:{}/", server.port("imaps"));
    let listed = server.curl(&["--cacert", &cert_s, &imaps, "--user", "alice:wonderland"]);
    assert!(listed.contains("INBOX"), "{listed}");
    drop(server);
    let _ = std::fs::remove_dir_all(dir);
}

/// The block of the README after `<!-- tested: NAME -->`, line by line.
fn readme_block(name: &str) -> Vec<String> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .expect("the README");
    let marker = format!("<!-- tested: {name} -->\n");
    let start = readme
        .find(&marker)
        .unwrap_or_else(|| panic!("no {marker}"))
        + marker.len();
    let block = &readme[start..];
    let body_start = block.find('\n').expect("a fence") + 1;
    let body_end = block[body_start..].find("```").expect("a closing fence") + body_start;
    block[body_start..body_end]
        .lines()
        .map(str::to_owned)
        .collect()
}

/// The README's TLS commands, exactly as written, against `facteur-server --tls` on its
/// default ports, run in a folder of their own (where the certificate is written).
#[test]
fn the_readme_tls_commands_work_as_written() {
    let dir = std::env::temp_dir().join(format!("facteur-readme-tls-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let server = Server::start_in(&dir, &["--tls"]);
    assert_eq!(server.port("imaps"), 1993, "the README's default ports");
    for line in readme_block("tls-openssl") {
        let typed = if line.contains("imap") || line.contains(":1993") {
            "a1 LOGOUT\n"
        } else {
            "QUIT\n"
        };
        let mut child = Command::new("sh")
            .args(["-c", &line])
            .current_dir(&dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("sh runs");
        let mut stdin = child.stdin.take().expect("stdin");
        // Type once the greeting is in, and keep the input open until the server hangs up.
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(700));
            let _ = stdin.write_all(typed.as_bytes());
            std::thread::sleep(std::time::Duration::from_secs(5));
        });
        let out = child.wait_with_output().expect("openssl ends");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("Verify return code: 0 (ok)"),
            "{line}\n{text}"
        );
        assert!(
            ["221 ", "* BYE", "+OK"]
                .iter()
                .any(|goodbye| text.contains(goodbye)),
            "{line}: no goodbye in\n{text}"
        );
    }
    for line in readme_block("tls-curl") {
        let out = Command::new("sh")
            .args(["-c", &line])
            .current_dir(&dir)
            .output()
            .expect("sh runs");
        assert!(
            out.status.success(),
            "{line}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    std::fs::write(dir.join("readme.py"), readme_block("tls-python").join("\n")).expect("script");
    let out = Command::new("python3")
        .arg("readme.py")
        .current_dir(&dir)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(
        printed.contains("('OK', [b'9'])"),
        "bob's INBOX: five, two from curl, two from Python; printed {printed}"
    );
    drop(server);
    let _ = std::fs::remove_dir_all(dir);
}

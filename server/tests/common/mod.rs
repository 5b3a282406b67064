//! A facteur-server started by a test on free loopback ports, stopped by the PID it
//! started when the test ends.
// Each test binary compiles this module and uses a part of it.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Server {
    pub child: Child,
    pub smtp: u16,
    pub pop3: u16,
    pub imap: u16,
    /// Every listener by its role (`smtp`, `submission`, … `imaps`) and port.
    pub ports: Vec<(String, u16)>,
    /// With TLS: the certificate the server made, and its SHA-256 fingerprint as printed.
    pub cert: Option<PathBuf>,
    pub fingerprint: String,
}

/// The roles a TLS server listens for, in the order it prints them.
const TLS_ROLES: [&str; 7] = [
    "smtp",
    "submission",
    "submissions",
    "pop3",
    "pop3s",
    "imap",
    "imaps",
];

impl Server {
    /// Plain trusted loopback on three free ports, as before TLS existed.
    pub fn start(extra: &[&str]) -> Server {
        Server::spawn(&["smtp", "pop3", "imap"], &[], extra)
    }

    /// Real TLS on seven free ports, with a certificate made and written to a temporary file.
    pub fn start_tls(extra: &[&str]) -> Server {
        let cert = std::env::temp_dir().join(format!(
            "facteur-test-cert-{}-{}.pem",
            std::process::id(),
            NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        ));
        let out = cert.to_string_lossy().into_owned();
        let mut server = Server::spawn(&TLS_ROLES, &["--cert-out", &out], extra);
        server.cert = Some(cert);
        server
    }

    /// Real TLS on seven free ports with the certificate options given (`--cert`, `--key`).
    pub fn start_tls_with(certificate: &[&str]) -> Server {
        Server::spawn(&TLS_ROLES, certificate, &[])
    }

    /// The server as a reader starts it: its default ports, `args` only, started in `dir`.
    pub fn start_in(dir: &std::path::Path, args: &[&str]) -> Server {
        let roles: &[&str] = if args.contains(&"--tls") {
            &TLS_ROLES
        } else {
            &["smtp", "pop3", "imap"]
        };
        let mut command = Command::new(env!("CARGO_BIN_EXE_facteur-server"));
        command.args(args).current_dir(dir);
        let mut server = Server::read_start(command, roles, args.contains(&"--tls"));
        server.cert = args
            .contains(&"--tls")
            .then(|| dir.join("facteur-cert.pem"));
        server
    }

    fn spawn(roles: &[&str], tls: &[&str], extra: &[&str]) -> Server {
        let flags: Vec<String> = roles
            .iter()
            .flat_map(|r| [format!("--{r}"), "127.0.0.1:0".to_owned()])
            .collect();
        let mut command = Command::new(env!("CARGO_BIN_EXE_facteur-server"));
        command.args(&flags).args(tls).args(extra);
        Server::read_start(command, roles, !tls.is_empty())
    }

    /// Starts `command` and reads its start-up lines: the certificate's two with TLS, then
    /// one per listener in `roles`.
    fn read_start(command: Command, roles: &[&str], tls: bool) -> Server {
        let (server, lines) = Server::read_listeners(command, roles, tls);
        Server::drain(lines);
        server
    }

    /// Keeps draining stdout so the server never blocks on a full pipe.
    fn drain(lines: Lines) {
        std::thread::spawn(move || for _ in lines {});
    }

    fn read_listeners(mut command: Command, roles: &[&str], tls: bool) -> (Server, Lines) {
        let mut child = command
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the server starts");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let mut next = || lines.next().expect("a start-up line").expect("readable");
        let mut fingerprint = String::new();
        if tls {
            let said = next();
            assert!(said.starts_with("certificate "), "{said}");
            let line = next();
            fingerprint = line
                .strip_prefix("certificate SHA-256 fingerprint ")
                .unwrap_or_else(|| panic!("a fingerprint, got {line}"))
                .to_owned();
        }
        let ports: Vec<(String, u16)> = roles
            .iter()
            .map(|role| {
                let line = next();
                assert!(
                    line.to_lowercase().starts_with(&format!("{role} ")),
                    "expected {role}, got {line}"
                );
                ((*role).to_owned(), last_port(&line))
            })
            .collect();
        let port = |role: &str| ports.iter().find(|p| p.0 == role).map_or(0, |p| p.1);
        let server = Server {
            child,
            smtp: port("smtp"),
            pop3: port("pop3"),
            imap: port("imap"),
            ports,
            cert: None,
            fingerprint,
        };
        (server, lines)
    }

    /// A class server (`--class`) on free ports serving the site in `dist`: the server,
    /// the port of its site and students' pages, and the teacher's password it printed.
    pub fn start_class(dist: &std::path::Path, extra: &[&str]) -> (Server, u16, String) {
        let cert = std::env::temp_dir().join(format!(
            "facteur-class-cert-{}-{}.pem",
            std::process::id(),
            NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        ));
        let flags: Vec<String> = TLS_ROLES
            .iter()
            .flat_map(|r| [format!("--{r}"), "127.0.0.1:0".to_owned()])
            .collect();
        let mut command = Command::new(env!("CARGO_BIN_EXE_facteur-server"));
        command
            .args(&flags)
            .args(["--class", "--http", "127.0.0.1:0", "--dist"])
            .arg(dist)
            .arg("--cert-out")
            .arg(&cert)
            .args(extra);
        let (mut server, mut lines) = Server::read_listeners(command, &TLS_ROLES, true);
        server.cert = Some(cert);
        let mut http = 0;
        let password = loop {
            let line = lines.next().expect("a start-up line").expect("readable");
            if line.starts_with("site and students' pages listening on ") {
                http = last_port(&line);
            }
            if let Some(p) = line.strip_prefix("teacher password ") {
                break p.to_owned();
            }
        };
        Server::drain(lines);
        assert_ne!(http, 0, "the site's port was printed");
        (server, http, password)
    }

    /// The port of a role (`imaps`).
    pub fn port(&self, role: &str) -> u16 {
        self.ports
            .iter()
            .find(|p| p.0 == role)
            .map_or_else(|| panic!("no {role} listener"), |p| p.1)
    }

    /// Runs a client script from tests/clients/ against this server.
    pub fn python(&self, script: &str) {
        self.python_with(script, &[]);
    }

    /// Runs a client script with more of its settings in its environment.
    pub fn python_with(&self, script: &str, env: &[(&str, &str)]) {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/clients");
        let mut python = Command::new("python3");
        python.arg(dir.join(script)).current_dir(&dir);
        python.envs(env.iter().copied());
        for (role, port) in &self.ports {
            python.env(
                format!("FACTEUR_{}_PORT", role.to_uppercase()),
                port.to_string(),
            );
        }
        if let Some(cert) = &self.cert {
            python.env("FACTEUR_CERT", cert);
        }
        let out = python.output().expect("python3 runs");
        assert!(
            out.status.success(),
            "{script} failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        // What a script measured, for the test's output (`--nocapture`).
        print!("{}", String::from_utf8_lossy(&out.stdout));
    }

    pub fn curl(&self, args: &[&str]) -> String {
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

/// A site for a class server to serve: the class tests and bench need its files served,
/// not the whole built site.
pub fn small_site() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("facteur-class-dist-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder");
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><title>Facteur</title>",
    )
    .expect("index.html");
    dir
}

type Lines = std::io::Lines<BufReader<std::process::ChildStdout>>;

/// The port at the end of a start-up line (`… listening on 127.0.0.1:2525`).
fn last_port(line: &str) -> u16 {
    line.rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("a port at the end of {line}"))
}

/// Makes each TLS server's certificate file name unique within one test binary.
static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

impl Drop for Server {
    /// SIGTERM to the PID we started: the server says goodbye to its clients and exits.
    fn drop(&mut self) {
        if let Some(cert) = &self.cert {
            let _ = std::fs::remove_file(cert);
        }
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

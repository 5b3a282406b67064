//! A facteur-server started by a test on free loopback ports, stopped by the PID it
//! started when the test ends.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Server {
    pub child: Child,
    pub smtp: u16,
    pub pop3: u16,
    pub imap: u16,
}

impl Server {
    pub fn start(extra: &[&str]) -> Server {
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
    #[allow(dead_code)]
    pub fn python(&self, script: &str) {
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

    #[allow(dead_code)]
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

//! A Dovecot of our own for the conformance test and the peer bench: a throw-away
//! configuration in a temporary folder, on a free loopback port, stopped by the PID we
//! started. It needs Debian's `dovecot-imapd` and root (Dovecot refuses to deliver mail as
//! uid 0, so a `vmail` user owns the mail).

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

pub fn wait_for_port(port: u16) {
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "nothing listens on {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Ends a server we started: SIGTERM to its PID (it says goodbye to its clients), then
/// waits for it.
pub fn stop(child: &mut Child) {
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let _ = child.wait();
}

pub struct Dovecot {
    pub child: Child,
    dir: PathBuf,
    pub port: u16,
}

impl Dovecot {
    /// Starts Dovecot with bob/builder's maildir filled by `seed`, which is given the
    /// maildir's `cur/` folder.
    pub fn start(name: &str, seed: impl FnOnce(&Path)) -> Dovecot {
        let dir = std::env::temp_dir().join(format!("facteur-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for sub in [
            "run",
            "state",
            "mail/bob/cur",
            "mail/bob/new",
            "mail/bob/tmp",
            "home/bob",
        ] {
            std::fs::create_dir_all(dir.join(sub)).expect("folders");
        }
        seed(&dir.join("mail/bob/cur"));
        let port = free_port();
        std::fs::write(dir.join("passwd"), "bob:{PLAIN}builder::::::\n").expect("passwd");
        let d = dir.display();
        let config = format!(
            "base_dir = {d}/run\nstate_dir = {d}/state\nlog_path = {d}/log\ninfo_log_path = {d}/log\n\
             protocols = imap\nlisten = 127.0.0.1\nssl = no\ndisable_plaintext_auth = no\n\
             auth_mechanisms = plain login\nauth_failure_delay = 0\n\
             mail_location = maildir:{d}/mail/%u\nmail_uid = vmail\nmail_gid = vmail\n\
             first_valid_uid = 1\nfirst_valid_gid = 1\n\
             mail_max_userip_connections = 200\nlogin_trusted_networks = 127.0.0.0/8\n\
             mailbox_idle_check_interval = 1 secs\nmail_fsync = never\n\
             passdb {{\n  driver = passwd-file\n  args = {d}/passwd\n}}\n\
             userdb {{\n  driver = passwd-file\n  args = {d}/passwd\n  \
             default_fields = uid=vmail gid=vmail home={d}/home/%u\n}}\n\
             service imap-login {{\n  inet_listener imap {{\n    port = {port}\n  }}\n  \
             inet_listener imaps {{\n    port = 0\n  }}\n}}\n\
             namespace inbox {{\n  inbox = yes\n  separator = /\n  \
             mailbox Drafts {{\n    special_use = \\Drafts\n    auto = subscribe\n  }}\n  \
             mailbox Sent {{\n    special_use = \\Sent\n    auto = subscribe\n  }}\n  \
             mailbox Junk {{\n    special_use = \\Junk\n    auto = subscribe\n  }}\n  \
             mailbox Trash {{\n    special_use = \\Trash\n    auto = subscribe\n  }}\n}}\n"
        );
        std::fs::write(dir.join("dovecot.conf"), config).expect("config");
        let owner = Command::new("chown")
            .args(["-R", "vmail:vmail"])
            .arg(dir.join("mail"))
            .arg(dir.join("home"))
            .status()
            .expect("chown runs");
        assert!(owner.success(), "the mail belongs to vmail");
        let open = Command::new("chmod")
            .args(["755"])
            .arg(&dir)
            .status()
            .expect("chmod runs");
        assert!(open.success());
        let child = Command::new("dovecot")
            .args(["-F", "-c"])
            .arg(dir.join("dovecot.conf"))
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("dovecot starts");
        wait_for_port(port);
        Dovecot { child, dir, port }
    }
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        stop(&mut self.child);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

//! Command-line options.

use std::net::SocketAddr;
use std::path::PathBuf;

use facteur_protocols::Port;

pub const USAGE: &str = "\
usage: facteur-server [options]

Without TLS (the default): three plain listeners where the loopback link counts as trusted
(no STARTTLS; AUTH and LOGIN allowed in clear).

  --smtp ADDR:PORT        SMTP listener (default 127.0.0.1:2525; port 0 picks a free port)
  --pop3 ADDR:PORT        POP3 listener (default 127.0.0.1:1110)
  --imap ADDR:PORT        IMAP listener (default 127.0.0.1:1143)

With real TLS (--tls, --cert/--key, or any of the TLS-only listeners below): seven
listeners, each with the rules of the real port it stands for, exactly as in the page.
--smtp, --pop3 and --imap then offer STARTTLS (STLS for POP3).

  --tls                   turn TLS on with every listener at its default address
  --submission ADDR:PORT  SMTP submission, like 587: STARTTLS, then AUTH (default 127.0.0.1:2587)
  --submissions ADDR:PORT SMTP submission with TLS from the start, like 465 (default 127.0.0.1:2465)
  --pop3s ADDR:PORT       POP3 with TLS from the start, like 995 (default 127.0.0.1:1995)
  --imaps ADDR:PORT       IMAP with TLS from the start, like 993 (default 127.0.0.1:1993)
  --cert FILE --key FILE  the certificate chain and private key to use (PEM); by default a
                          certificate for mail.example.test, localhost and 127.0.0.1 is made
                          at start-up
  --cert-out FILE         where the made certificate is written, for clients to trust
                          (default facteur-cert.pem)

Always:

  --world NAME|FILE       a built-in world (demo, empty, busy-500, busy-10000) or a preset
                          JSON file (default demo)
  --trace                 print every connection's dialogue as C:/S: lines
  --max-connections N     connections served at once, all services together (default 256)
  --idle-timeout SECS     close connections silent for this long (default: 300 for SMTP,
                          600 for POP3, 1800 for IMAP)
  --allow-remote          listen on addresses other than loopback

Class mode (one mail world for a classroom; see the README's \"Class mode\"):

  --class                 serve the site and the class's world: students join from their
                          browsers, and their mail apps on the ports above; TLS is on
  --http ADDR:PORT        the site and the students' pages (default 127.0.0.1:8080; with
                          --allow-remote, 0.0.0.0:8080 and every mail port on 0.0.0.0 too)
  --dist DIR              the built site to serve (default: this repository's dist/, built
                          with `cargo xtask build` if it is missing)
  --max-students N        students the class takes (default 60)";

/// One listening socket and the real port whose rules it follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listener {
    /// The flag that names it (`submission`), as the start-up lines print it.
    pub role: &'static str,
    /// The port it stands for (587 for submission), which decides the engine's policy.
    pub port: Port,
    pub addr: SocketAddr,
}

/// Where the certificate comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Certificate {
    /// Made at start-up and written to this file.
    Made { out: PathBuf },
    /// Given as PEM files.
    Files { cert: PathBuf, key: PathBuf },
}

/// Class mode's own options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Class {
    /// Where the site and the students' pages are served.
    pub http: SocketAddr,
    /// The built site; None for the repository's `dist/`.
    pub dist: Option<PathBuf>,
    /// The most students the class takes.
    pub max_students: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Every listener the server opens, in the order it prints them.
    pub listeners: Vec<Listener>,
    /// With TLS, where the certificate comes from; None for plain trusted loopback.
    pub tls: Option<Certificate>,
    pub world: String,
    pub trace: bool,
    pub max_connections: usize,
    /// Seconds; the engine's per-protocol defaults when not given.
    pub idle_timeout: Option<u64>,
    pub allow_remote: bool,
    /// Class mode, when asked for.
    pub class: Option<Class>,
}

/// The seven roles: the flag, the port whose rules apply, the default address's port, and
/// whether the role exists only with TLS.
const ROLES: [(&str, Port, u16, bool); 7] = [
    ("smtp", Port::SMTP, 2525, false),
    ("submission", Port::SUBMISSION, 2587, true),
    ("submissions", Port::SUBMISSIONS, 2465, true),
    ("pop3", Port::POP3, 1110, false),
    ("pop3s", Port::POP3S, 1995, true),
    ("imap", Port::IMAP, 1143, false),
    ("imaps", Port::IMAPS, 1993, true),
];

impl Options {
    pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Options, String> {
        let mut addrs: Vec<SocketAddr> =
            ROLES.iter().map(|r| ([127, 0, 0, 1], r.2).into()).collect();
        let mut tls = false;
        let mut given = [false; ROLES.len()];
        let (mut class, mut world_given) = (false, false);
        let (mut http, mut dist, mut max_students) = (None, None, None);
        let (mut cert, mut key, mut cert_out) = (None, None, None);
        let mut o = Options {
            listeners: Vec::new(),
            tls: None,
            world: "demo".into(),
            trace: false,
            max_connections: 256,
            idle_timeout: None,
            allow_remote: false,
            class: None,
        };
        let mut args = args.into_iter();
        while let Some(flag) = args.next() {
            let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
            if let Some(i) = ROLES.iter().position(|r| flag == format!("--{}", r.0)) {
                addrs[i] = address(&value(&flag)?)?;
                given[i] = true;
                tls |= ROLES[i].3;
                continue;
            }
            match flag.as_str() {
                "--tls" => tls = true,
                "--cert" => cert = Some(PathBuf::from(value("--cert")?)),
                "--key" => key = Some(PathBuf::from(value("--key")?)),
                "--cert-out" => cert_out = Some(PathBuf::from(value("--cert-out")?)),
                "--world" => {
                    o.world = value("--world")?;
                    world_given = true;
                }
                "--class" => class = true,
                "--http" => http = Some(address(&value("--http")?)?),
                "--dist" => dist = Some(PathBuf::from(value("--dist")?)),
                "--max-students" => {
                    let v = value("--max-students")?;
                    max_students = Some(
                        v.parse()
                            .ok()
                            .filter(|n| *n > 0)
                            .ok_or(format!("--max-students wants a positive number, not `{v}`"))?,
                    );
                }
                "--trace" => o.trace = true,
                "--allow-remote" => o.allow_remote = true,
                "--max-connections" => {
                    let v = value("--max-connections")?;
                    o.max_connections = v.parse().ok().filter(|n| *n > 0).ok_or(format!(
                        "--max-connections wants a positive number, not `{v}`"
                    ))?;
                }
                "--idle-timeout" => {
                    let v = value("--idle-timeout")?;
                    let secs: u64 = v
                        .parse()
                        .ok()
                        .filter(|n| *n > 0)
                        .ok_or(format!("--idle-timeout wants seconds, not `{v}`"))?;
                    o.idle_timeout = Some(secs);
                }
                "--help" | "-h" => return Err(String::new()),
                other => return Err(format!("unknown option `{other}`")),
            }
        }
        if class {
            if world_given {
                return Err("--world does not go with --class: a class starts empty".into());
            }
            // Students' passwords cross the room's network: TLS is on.
            tls = true;
            let anywhere = |port| SocketAddr::from(([0, 0, 0, 0], port));
            if o.allow_remote {
                for (i, addr) in addrs.iter_mut().enumerate() {
                    if !given[i] {
                        *addr = anywhere(addr.port());
                    }
                }
            }
            let default_http = if o.allow_remote {
                anywhere(8080)
            } else {
                ([127, 0, 0, 1], 8080).into()
            };
            o.class = Some(Class {
                http: http.unwrap_or(default_http),
                dist,
                max_students: max_students.unwrap_or(60),
            });
        } else if http.is_some() || dist.is_some() || max_students.is_some() {
            return Err("--http, --dist and --max-students go with --class".into());
        }
        o.tls = match (cert, key) {
            (Some(cert), Some(key)) if cert_out.is_none() => Some(Certificate::Files { cert, key }),
            (Some(_), Some(_)) => {
                return Err(
                    "--cert-out is for a made certificate, not one given with --cert".into(),
                )
            }
            (Some(_), None) | (None, Some(_)) => return Err("--cert and --key go together".into()),
            (None, None) if tls || cert_out.is_some() => Some(Certificate::Made {
                out: cert_out.unwrap_or_else(|| PathBuf::from("facteur-cert.pem")),
            }),
            (None, None) => None,
        };
        o.listeners = ROLES
            .iter()
            .zip(addrs)
            .filter(|(r, _)| o.tls.is_some() || !r.3)
            .map(|(r, addr)| Listener {
                role: r.0,
                port: r.1,
                addr,
            })
            .collect();
        if !o.allow_remote {
            let http = o.class.as_ref().map(|c| c.http).into_iter();
            let mut all = o.listeners.iter().map(|l| l.addr).chain(http);
            if let Some(addr) = all.find(|a| !a.ip().is_loopback()) {
                let why = if o.class.is_some() {
                    "only students in this room should reach the class"
                } else if o.tls.is_some() {
                    "the demo accounts' passwords are public"
                } else {
                    "without TLS, passwords would cross the network in clear"
                };
                return Err(format!(
                    "refusing to listen on {addr}: {why}; pass --allow-remote to do it anyway"
                ));
            }
        }
        Ok(o)
    }
}

fn address(text: &str) -> Result<SocketAddr, String> {
    text.parse()
        .map_err(|_| format!("`{text}` is not an address like 127.0.0.1:2525"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Options, String> {
        Options::parse(args.iter().map(|s| s.to_string()))
    }

    fn roles(o: &Options) -> Vec<(&str, u16, u16)> {
        o.listeners
            .iter()
            .map(|l| (l.role, l.port.number, l.addr.port()))
            .collect()
    }

    #[test]
    fn defaults_listen_on_loopback_ports_for_each_service_without_tls() {
        let o = parse(&[]).expect("defaults");
        assert_eq!(
            roles(&o),
            [("smtp", 25, 2525), ("pop3", 110, 1110), ("imap", 143, 1143)]
        );
        assert!(o.listeners.iter().all(|l| l.addr.ip().is_loopback()));
        assert_eq!(o.tls, None);
    }

    #[test]
    fn tls_opens_all_seven_roles_with_a_made_certificate() {
        let o = parse(&["--tls"]).expect("tls");
        assert_eq!(
            roles(&o),
            [
                ("smtp", 25, 2525),
                ("submission", 587, 2587),
                ("submissions", 465, 2465),
                ("pop3", 110, 1110),
                ("pop3s", 995, 1995),
                ("imap", 143, 1143),
                ("imaps", 993, 1993)
            ]
        );
        assert_eq!(
            o.tls,
            Some(Certificate::Made {
                out: "facteur-cert.pem".into()
            })
        );
        // A TLS-only listener, or a certificate, turns TLS on by itself.
        assert_eq!(
            parse(&["--imaps", "127.0.0.1:0"])
                .expect("imaps")
                .listeners
                .len(),
            7
        );
        assert_eq!(
            parse(&["--cert", "c.pem", "--key", "k.pem"])
                .expect("files")
                .tls,
            Some(Certificate::Files {
                cert: "c.pem".into(),
                key: "k.pem".into()
            })
        );
    }

    #[test]
    fn listening_beyond_loopback_needs_the_explicit_flag() {
        assert!(parse(&["--imap", "0.0.0.0:1143"]).is_err());
        assert!(parse(&["--imap", "0.0.0.0:1143", "--allow-remote"]).is_ok());
        assert!(parse(&["--imaps", "0.0.0.0:1993"]).is_err());
    }

    #[test]
    fn class_mode_turns_tls_on_and_stays_on_loopback_unless_allowed() {
        let o = parse(&["--class"]).expect("class");
        assert_eq!(o.listeners.len(), 7, "TLS is on");
        let class = o.class.expect("class options");
        assert_eq!(class.http, "127.0.0.1:8080".parse().expect("addr"));
        assert_eq!(class.max_students, 60);
        assert!(o.listeners.iter().all(|l| l.addr.ip().is_loopback()));

        let o = parse(&["--class", "--allow-remote", "--imaps", "127.0.0.1:0"]).expect("remote");
        assert_eq!(
            o.class.map(|c| c.http),
            Some("0.0.0.0:8080".parse().expect("addr"))
        );
        let imaps = o
            .listeners
            .iter()
            .find(|l| l.role == "imaps")
            .expect("imaps");
        assert!(imaps.addr.ip().is_loopback(), "an address given stays");
        assert!(o
            .listeners
            .iter()
            .filter(|l| l.role != "imaps")
            .all(|l| l.addr.ip().is_unspecified()));

        assert!(parse(&["--class", "--http", "0.0.0.0:8080"]).is_err());
        assert!(parse(&["--http", "127.0.0.1:8080"]).is_err());
        assert!(parse(&["--class", "--world", "demo"]).is_err());
        assert!(parse(&["--class", "--max-students", "0"]).is_err());
    }

    #[test]
    fn bad_values_are_named() {
        assert_eq!(
            parse(&["--smtp", "nowhere"]),
            Err("`nowhere` is not an address like 127.0.0.1:2525".into())
        );
        assert!(parse(&["--idle-timeout", "0"]).is_err());
        assert!(parse(&["--frobnicate"]).is_err());
        assert_eq!(
            parse(&["--cert", "c.pem"]),
            Err("--cert and --key go together".into())
        );
    }
}

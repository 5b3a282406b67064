//! Command-line options.

use std::net::SocketAddr;

pub const USAGE: &str = "\
usage: facteur-server [options]

  --smtp ADDR:PORT        SMTP listener (default 127.0.0.1:2525; port 0 picks a free port)
  --pop3 ADDR:PORT        POP3 listener (default 127.0.0.1:1110)
  --imap ADDR:PORT        IMAP listener (default 127.0.0.1:1143)
  --world NAME|FILE       a built-in world (demo, empty, busy-500, busy-10000) or a preset
                          JSON file (default demo)
  --trace                 print every connection's dialogue as C:/S: lines
  --max-connections N     connections served at once, all services together (default 256)
  --idle-timeout SECS     close connections silent for this long (default: 300 for SMTP,
                          600 for POP3, 1800 for IMAP)
  --allow-remote          listen on addresses other than loopback (there is no real TLS:
                          passwords would cross the network in clear)";

#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub smtp: SocketAddr,
    pub pop3: SocketAddr,
    pub imap: SocketAddr,
    pub world: String,
    pub trace: bool,
    pub max_connections: usize,
    /// Seconds; the engine's per-protocol defaults when not given.
    pub idle_timeout: Option<u64>,
    pub allow_remote: bool,
}

impl Options {
    pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Options, String> {
        let mut o = Options {
            smtp: ([127, 0, 0, 1], 2525).into(),
            pop3: ([127, 0, 0, 1], 1110).into(),
            imap: ([127, 0, 0, 1], 1143).into(),
            world: "demo".into(),
            trace: false,
            max_connections: 256,
            idle_timeout: None,
            allow_remote: false,
        };
        let mut args = args.into_iter();
        while let Some(flag) = args.next() {
            let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
            match flag.as_str() {
                "--smtp" => o.smtp = address(&value("--smtp")?)?,
                "--pop3" => o.pop3 = address(&value("--pop3")?)?,
                "--imap" => o.imap = address(&value("--imap")?)?,
                "--world" => o.world = value("--world")?,
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
        if !o.allow_remote {
            for addr in [o.smtp, o.pop3, o.imap] {
                if !addr.ip().is_loopback() {
                    return Err(format!(
                        "refusing to listen on {addr}: Facteur has no real TLS, so passwords would cross the network in clear; pass --allow-remote to do it anyway"
                    ));
                }
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

    #[test]
    fn defaults_listen_on_loopback_ports_for_each_service() {
        let o = parse(&[]).expect("defaults");
        assert_eq!(
            (o.smtp.port(), o.pop3.port(), o.imap.port()),
            (2525, 1110, 1143)
        );
        assert!(o.smtp.ip().is_loopback());
    }

    #[test]
    fn listening_beyond_loopback_needs_the_explicit_flag() {
        assert!(parse(&["--imap", "0.0.0.0:1143"]).is_err());
        assert!(parse(&["--imap", "0.0.0.0:1143", "--allow-remote"]).is_ok());
    }

    #[test]
    fn bad_values_are_named() {
        assert_eq!(
            parse(&["--smtp", "nowhere"]),
            Err("`nowhere` is not an address like 127.0.0.1:2525".into())
        );
        assert!(parse(&["--idle-timeout", "0"]).is_err());
        assert!(parse(&["--frobnicate"]).is_err());
    }
}

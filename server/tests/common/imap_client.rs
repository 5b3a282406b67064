//! An IMAP client for the conformance test and the peer bench: one connection that reads
//! whole responses, literals included, and waits for `+` before a synchronising literal.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// One IMAP connection, reading whole responses (literals included).
pub struct Client {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
    open: bool,
}

impl Client {
    pub fn connect(port: u16) -> Client {
        let stream = TcpStream::connect(("127.0.0.1", port)).expect("connects");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        let mut client = Client {
            reader: BufReader::new(stream.try_clone().expect("clone")),
            writer: stream,
            open: true,
        };
        client.response();
        client
    }

    /// One response: a line, and for each `{n}` at its end n octets and the rest.
    pub fn response(&mut self) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        loop {
            let mut line = Vec::new();
            match self.reader.read_until(b'\n', &mut line) {
                Ok(0) | Err(_) => {
                    self.open = false;
                    return (!out.is_empty()).then_some(out);
                }
                Ok(_) => {}
            }
            out.extend_from_slice(&line);
            let Some(n) = literal_length(&line) else {
                return Some(out);
            };
            let mut literal = vec![0; n];
            if self.reader.read_exact(&mut literal).is_err() {
                self.open = false;
                return Some(out);
            }
            out.extend_from_slice(&literal);
        }
    }

    /// Sends a command and returns every response up to its completion (or up to the
    /// continuation request for IDLE).
    pub fn command(&mut self, tag: &str, wire: &[u8], until_continuation: bool) -> Vec<Vec<u8>> {
        let mut responses = Vec::new();
        let mut rest = wire;
        // Send up to each synchronising literal, and wait for "+" before its octets.
        loop {
            let split = rest
                .windows(2)
                .position(|w| w == b"\r\n")
                .map(|i| i + 2)
                .filter(|&i| i < rest.len() && sync_literal(&rest[..i]).is_some());
            let Some(i) = split else {
                let _ = self.writer.write_all(rest);
                break;
            };
            let _ = self.writer.write_all(&rest[..i]);
            rest = &rest[i..];
            let Some(r) = self.response() else {
                return responses;
            };
            let go_on = r.starts_with(b"+");
            responses.push(r);
            if !go_on {
                break;
            }
        }
        let done = format!("{tag} ");
        while self.open {
            let Some(r) = self.response() else { break };
            let finished =
                r.starts_with(done.as_bytes()) || (until_continuation && r.starts_with(b"+"));
            responses.push(r);
            if finished {
                break;
            }
        }
        responses
    }
}

fn literal_length(line: &[u8]) -> Option<usize> {
    let line = line.strip_suffix(b"\r\n")?;
    let inner = line.strip_suffix(b"}")?;
    let open = inner.iter().rposition(|&b| b == b'{')?;
    let digits = &inner[open + 1..];
    let digits = digits.strip_suffix(b"+").unwrap_or(digits);
    std::str::from_utf8(digits).ok()?.parse().ok()
}

fn sync_literal(line: &[u8]) -> Option<usize> {
    let trimmed = line.strip_suffix(b"\r\n")?;
    if trimmed.ends_with(b"+}") {
        return None;
    }
    literal_length(line)
}

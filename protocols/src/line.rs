//! Splitting a byte stream into lines, with a bound on how long a line may grow.
//!
//! Mail protocols are line-based and end lines with CRLF. Learners typing in a terminal or
//! in `nc` often send a bare LF; a lenient session accepts it and says so, a strict one
//! refuses it (RFC 5321 §2.3.8). A line longer than the protocol's limit is dropped as it
//! arrives, so a client sending 100 KB without a line break costs no more memory than the
//! limit.

use serde::{Deserialize, Serialize};

/// One line taken from the stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Framed {
    /// A complete line without its line ending.
    Line { bytes: Vec<u8>, bare_lf: bool },
    /// A line longer than the limit; its content is gone.
    TooLong { bare_lf: bool },
}

/// A command line as text a learner can read: bytes that are not text (invalid UTF-8, and
/// control characters other than TAB) are written `\xNN`, so binary that reached a
/// line-based server, such as a TLS hello, shows as the bytes it is instead of as blanks.
pub fn printable(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c.is_control() && c != '\t' && (c as u32) < 0x80 {
                out.push_str(&format!("\\x{:02x}", c as u32));
            } else {
                out.push(c);
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineBuffer {
    pending: Vec<u8>,
    /// The line under way already passed the limit; the rest of it is being skipped.
    overflowed: bool,
}

impl LineBuffer {
    pub fn push(&mut self, bytes: &[u8]) {
        self.pending.extend_from_slice(bytes);
    }

    /// The next complete line, if there is one. `limit` is the longest line allowed,
    /// without its line ending.
    pub fn next_line(&mut self, limit: usize) -> Option<Framed> {
        match self.pending.iter().position(|&b| b == b'\n') {
            Some(lf) => {
                let bare_lf = lf == 0 || self.pending[lf - 1] != b'\r';
                let end = if bare_lf { lf } else { lf - 1 };
                let line: Vec<u8> = self.pending[..end].to_vec();
                self.pending.drain(..=lf);
                if std::mem::take(&mut self.overflowed) || line.len() > limit {
                    Some(Framed::TooLong { bare_lf })
                } else {
                    Some(Framed::Line {
                        bytes: line,
                        bare_lf,
                    })
                }
            }
            None => {
                // Keep one byte more than the limit so a CR before a LF still fits.
                if self.pending.len() > limit + 1 {
                    self.overflowed = true;
                    let keep = usize::from(self.pending.last() == Some(&b'\r'));
                    let cut = self.pending.len() - keep;
                    self.pending.drain(..cut);
                }
                None
            }
        }
    }

    /// Up to `n` raw bytes, for an IMAP literal: taken as they are, line breaks included.
    pub fn take_raw(&mut self, n: usize) -> Vec<u8> {
        let n = n.min(self.pending.len());
        self.pending.drain(..n).collect()
    }

    /// Bytes received that do not yet end a line.
    #[cfg(test)]
    pub(crate) fn partial_len(&self) -> usize {
        self.pending.len()
    }

    /// Forgets buffered input, as when TLS starts (RFC 3207 §4.2: nothing sent in
    /// cleartext before the handshake may be acted on after it).
    pub fn clear(&mut self) {
        self.pending.clear();
        self.overflowed = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_shows_as_escaped_bytes_and_text_as_itself() {
        assert_eq!(printable(b"\x16\x03\x01\xfcJ"), "\\x16\\x03\\x01\\xfcJ");
        assert_eq!(printable("EHLO café\tx".as_bytes()), "EHLO café\tx");
    }

    fn line(text: &str, bare_lf: bool) -> Option<Framed> {
        Some(Framed::Line {
            bytes: text.as_bytes().to_vec(),
            bare_lf,
        })
    }

    #[test]
    fn crlf_and_bare_lf_lines_are_told_apart() {
        let mut b = LineBuffer::default();
        b.push(b"EHLO a\r\nNOOP\nQU");
        assert_eq!(b.next_line(510), line("EHLO a", false));
        assert_eq!(b.next_line(510), line("NOOP", true));
        assert_eq!(b.next_line(510), None);
        b.push(b"IT\r\n");
        assert_eq!(b.next_line(510), line("QUIT", false));
    }

    #[test]
    fn a_line_split_between_cr_and_lf_is_still_crlf() {
        let mut b = LineBuffer::default();
        b.push(b"DATA\r");
        assert_eq!(b.next_line(510), None);
        b.push(b"\n");
        assert_eq!(b.next_line(510), line("DATA", false));
    }

    #[test]
    fn an_over_long_line_is_reported_once_and_memory_stays_bounded() {
        let mut b = LineBuffer::default();
        for _ in 0..100 {
            b.push(&[b'x'; 1000]);
            assert_eq!(b.next_line(510), None);
            assert!(b.partial_len() <= 1000);
        }
        b.push(b"\r\nNOOP\r\n");
        assert_eq!(b.next_line(510), Some(Framed::TooLong { bare_lf: false }));
        assert_eq!(b.next_line(510), line("NOOP", false));
    }

    #[test]
    fn a_line_exactly_at_the_limit_fits() {
        let mut b = LineBuffer::default();
        b.push(&[b'a'; 510]);
        b.push(b"\r\n");
        assert!(matches!(b.next_line(510), Some(Framed::Line { .. })));
    }
}

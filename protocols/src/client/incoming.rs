//! The bytes a client has received and not read yet. Servers may answer in any pieces (a
//! TCP segment can end mid-line), so each client buffers until a whole line, or a whole IMAP
//! literal, is there.

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Incoming {
    pending: Vec<u8>,
}

impl Incoming {
    pub fn push(&mut self, bytes: &[u8]) {
        self.pending.extend_from_slice(bytes);
    }

    /// The next whole line, without its CRLF (or bare LF), if it has arrived.
    pub fn line(&mut self) -> Option<Vec<u8>> {
        let end = self.pending.iter().position(|&b| b == b'\n')?;
        let mut line: Vec<u8> = self.pending.drain(..=end).collect();
        line.pop();
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        Some(line)
    }

    /// Exactly `n` octets (an IMAP literal's content), once they have all arrived.
    pub fn take(&mut self, n: usize) -> Option<Vec<u8>> {
        (self.pending.len() >= n).then(|| self.pending.drain(..n).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_waits_for_its_end_and_loses_its_crlf() {
        let mut i = Incoming::default();
        i.push(b"+OK hel");
        assert_eq!(i.line(), None);
        i.push(b"lo\r\n-ERR\n{3}");
        assert_eq!(i.line().as_deref(), Some(&b"+OK hello"[..]));
        assert_eq!(i.line().as_deref(), Some(&b"-ERR"[..]));
        assert_eq!(i.take(4), None);
        assert_eq!(i.take(3).as_deref(), Some(&b"{3}"[..]));
        assert_eq!(i.line(), None);
    }
}

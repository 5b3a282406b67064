//! Receiving a message after `354` (RFC 5321 §4.1.1.4): lines until one holding only a
//! dot, with one leading dot removed from any other line that starts with one (§4.5.2).
//! Like smtp-proto's `DataReceiver`, it is fed lines as they come and knows nothing of the
//! session around it.

use serde::{Deserialize, Serialize};

/// What one line of DATA was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataLine {
    /// The lone dot: the message is complete.
    End,
    /// Message content; `stuffed` when the client had doubled a leading dot.
    Content { stuffed: bool },
}

/// Why a received message cannot be accepted, answered at the final dot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataError {
    /// Over the size limit (RFC 1870 §6.3: 552).
    TooBig,
    /// A line over 1000 octets with its CRLF (RFC 5321 §4.5.3.1.6: 554 here).
    LineTooLong,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataReceiver {
    content: Vec<u8>,
    max_size: usize,
    /// Past the limit: the rest is read and dropped, so memory stays bounded.
    too_big: bool,
    long_line: bool,
}

impl DataReceiver {
    pub fn new(max_size: usize) -> DataReceiver {
        DataReceiver {
            max_size,
            ..DataReceiver::default()
        }
    }

    /// Takes one line, without its line ending.
    pub fn line(&mut self, bytes: &[u8]) -> DataLine {
        if bytes == b"." {
            return DataLine::End;
        }
        let (line, stuffed) = match bytes.strip_prefix(b".") {
            Some(rest) => (rest, true),
            None => (bytes, false),
        };
        if self.content.len() + line.len() + 2 > self.max_size {
            self.too_big = true;
        } else {
            self.content.extend_from_slice(line);
            self.content.extend_from_slice(b"\r\n");
        }
        DataLine::Content { stuffed }
    }

    /// A line longer than the limit arrived; its content is already gone.
    pub fn line_too_long(&mut self) {
        self.long_line = true;
    }

    /// The message, once the dot has come, or why it is refused.
    pub fn finish(self) -> Result<Vec<u8>, DataError> {
        if self.too_big {
            Err(DataError::TooBig)
        } else if self.long_line {
            Err(DataError::LineTooLong)
        } else {
            Ok(self.content)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_leading_dot_is_removed_and_the_lone_dot_ends() {
        let mut r = DataReceiver::new(1000);
        assert_eq!(r.line(b"Subject: x"), DataLine::Content { stuffed: false });
        assert_eq!(r.line(b""), DataLine::Content { stuffed: false });
        assert_eq!(r.line(b"..hidden"), DataLine::Content { stuffed: true });
        assert_eq!(r.line(b"."), DataLine::End);
        assert_eq!(r.finish(), Ok(b"Subject: x\r\n\r\n.hidden\r\n".to_vec()));
    }

    #[test]
    fn too_big_and_too_long_are_told_at_the_end() {
        let mut r = DataReceiver::new(10);
        r.line(b"0123456789");
        assert_eq!(r.clone().finish(), Err(DataError::TooBig));
        let mut r = DataReceiver::new(1000);
        r.line_too_long();
        assert_eq!(r.finish(), Err(DataError::LineTooLong));
    }
}

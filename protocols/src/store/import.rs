//! Messages from a file a learner uploads: one message (`.eml`, RFC 5322) or a mailbox in
//! the mbox format (RFC 4155: each message starts with a `From ` line; lines of the body
//! that start with `From `, after any number of `>`, carry one more `>`, which is taken off).
//!
//! Every message is checked with the MIME parser before any is used, so a bad file changes
//! nothing: the error says which message is wrong and why.

use std::fmt;

use mail_parser::MessageParser;

/// The largest file taken, in bytes: a class's sample mailbox, not a lifetime's archive.
pub const MAX_FILE: usize = 20 * 1024 * 1024;

/// Why an uploaded file gives no messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Nothing in the file.
    Empty,
    /// Larger than [`MAX_FILE`].
    TooLarge {
        /// The file's size, in octets.
        size: usize,
    },
    /// NUL bytes: an image, an archive, a program, not mail.
    Binary,
    /// An mbox with `From ` lines and no message between them.
    NoMessages,
    /// Message `number` (from 1) has no header section the parser recognises.
    NotAMessage {
        /// Its place in the file, from 1.
        number: usize,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => write!(f, "the file is empty"),
            ImportError::TooLarge { size } => {
                write!(f, "the file has {size} bytes; at most {MAX_FILE} are taken")
            }
            ImportError::Binary => write!(f, "the file is not text"),
            ImportError::NoMessages => write!(f, "the mbox holds no message"),
            ImportError::NotAMessage { number } => {
                write!(f, "message {number} has no header section")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// The messages of an `.eml` or mbox file, as stored messages (mbox quoting undone).
pub fn messages(file: &[u8]) -> Result<Vec<Vec<u8>>, ImportError> {
    if file.len() > MAX_FILE {
        return Err(ImportError::TooLarge { size: file.len() });
    }
    let file = file.strip_prefix(b"\xef\xbb\xbf").unwrap_or(file);
    if file.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    if file.contains(&0) {
        return Err(ImportError::Binary);
    }
    let messages = if file.starts_with(b"From ") {
        mbox(file)
    } else {
        vec![file.to_vec()]
    };
    if messages.is_empty() {
        return Err(ImportError::NoMessages);
    }
    for (i, m) in messages.iter().enumerate() {
        if !is_message(m) {
            return Err(ImportError::NotAMessage { number: i + 1 });
        }
    }
    Ok(messages)
}

/// Splits an mbox at its `From ` lines and undoes the `>From` quoting.
fn mbox(file: &[u8]) -> Vec<Vec<u8>> {
    let mut messages = Vec::new();
    let mut current: Option<Vec<u8>> = None;
    for line in file.split_inclusive(|&b| b == b'\n') {
        if line.starts_with(b"From ") {
            messages.extend(current.take());
            current = Some(Vec::new());
            continue;
        }
        let Some(message) = current.as_mut() else {
            continue;
        };
        let quotes = line.iter().take_while(|&&b| b == b'>').count();
        let unquoted = if quotes > 0 && line[quotes..].starts_with(b"From ") {
            &line[1..]
        } else {
            line
        };
        message.extend_from_slice(unquoted);
    }
    messages.extend(current);
    // The empty line before each `From ` belongs to the mbox, not to the message.
    messages
        .into_iter()
        .map(|mut m| {
            if m.ends_with(b"\r\n\r\n") {
                m.truncate(m.len() - 2);
            } else if m.ends_with(b"\n\n") {
                m.truncate(m.len() - 1);
            }
            m
        })
        .filter(|m| !m.iter().all(u8::is_ascii_whitespace))
        .collect()
}

/// Whether the bytes start with a header section: the parser finds header fields, and the
/// first line is one (`Name: value`, RFC 5322 §2.2), not prose.
fn is_message(raw: &[u8]) -> bool {
    let first = raw.split(|&b| b == b'\n').next().unwrap_or_default();
    let field_name = first
        .iter()
        .position(|&b| b == b':')
        .is_some_and(|colon| colon > 0 && first[..colon].iter().all(|b| b.is_ascii_graphic()));
    field_name
        && MessageParser::new()
            .parse_headers(raw)
            .is_some_and(|m| !m.root_part().headers.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &[u8] = b"From: Alice <alice@example.test>\r\nSubject: Hi\r\n\r\nHello\r\n";

    #[test]
    fn an_eml_file_is_one_message() {
        assert_eq!(messages(ONE), Ok(vec![ONE.to_vec()]));
    }

    #[test]
    fn an_mbox_is_split_at_from_lines_and_unquoted() {
        let file = b"From alice@example.test Mon Nov 30 10:00:00 2026\n\
Subject: One\n\nBody\n>From the start\n>>From deeper\n\n\
From bob@example.test Mon Nov 30 11:00:00 2026\n\
Subject: Two\n\nSecond\n";
        let got = messages(file).expect("two messages");
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[0],
            b"Subject: One\n\nBody\nFrom the start\n>From deeper\n".to_vec()
        );
        assert_eq!(got[1], b"Subject: Two\n\nSecond\n".to_vec());
    }

    #[test]
    fn bad_files_say_what_is_wrong() {
        assert_eq!(messages(b""), Err(ImportError::Empty));
        assert_eq!(messages(b"\x89PNG\r\n\x1a\n\0\0"), Err(ImportError::Binary));
        assert_eq!(
            messages(b"Dear diary, today I learned about SMTP.\n"),
            Err(ImportError::NotAMessage { number: 1 })
        );
        let bad_second = b"From a Mon Nov 30 10:00:00 2026\nSubject: ok\n\nx\n\n\
From b Mon Nov 30 10:00:00 2026\nnot a header line\n";
        assert_eq!(
            messages(bad_second),
            Err(ImportError::NotAMessage { number: 2 })
        );
        assert_eq!(
            messages(b"From a Mon Nov 30 10:00:00 2026\n\n"),
            Err(ImportError::NoMessages)
        );
    }
}

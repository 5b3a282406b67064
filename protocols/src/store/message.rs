//! A stored message: its bytes exactly as delivered, and what the server knows about it.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::Arc;

use base64::Engine as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::flag::Flag;
use crate::time::Timestamp;

/// A unique identifier within a mailbox (RFC 9051 §2.3.1.1): strictly ascending, never
/// reused while the mailbox's UIDVALIDITY stays the same. Zero is not a valid UID.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Uid(pub u32);

impl fmt::Display for Uid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A message in a mailbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Message {
    /// Its UID in the mailbox (RFC 9051 §2.3.1.1).
    pub uid: Uid,
    /// Its flags.
    pub flags: BTreeSet<Flag>,
    /// When the server received it (IMAP's INTERNALDATE), not the `Date:` header.
    pub internal_date: Timestamp,
    /// The RFC 5322 message with CRLF line endings; its length is the message's size in
    /// both POP3 (octets) and IMAP (RFC822.SIZE).
    pub raw: Raw,
    /// The modification sequence of the last change to this message.
    pub modseq: u64,
}

impl Message {
    /// Its size in octets (RFC822.SIZE).
    pub fn size(&self) -> usize {
        self.raw.0.len()
    }

    /// Whether it has a flag.
    pub fn has(&self, flag: &Flag) -> bool {
        self.flags.contains(flag)
    }
}

/// Message bytes. Saved as text when they are UTF-8 (nearly always), and as base64
/// otherwise, so a saved world stays readable and 8-bit mail survives a round trip.
///
/// A stored message never changes (its flags do, they are beside it), so its bytes are
/// shared: copying a store — a COPY, a snapshot of the world at each step of a dialogue —
/// copies a pointer, not the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raw(pub Arc<[u8]>);

impl Raw {
    /// Takes ownership of a message's bytes.
    pub fn new(bytes: Vec<u8>) -> Raw {
        Raw(bytes.into())
    }
}

#[derive(Serialize, Deserialize)]
enum RawRepr {
    #[serde(rename = "text")]
    Text(String),
    #[serde(rename = "base64")]
    Base64(String),
}

impl Serialize for Raw {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match std::str::from_utf8(&self.0) {
            Ok(text) => RawRepr::Text(text.to_owned()),
            Err(_) => RawRepr::Base64(base64::engine::general_purpose::STANDARD.encode(&self.0)),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Raw, D::Error> {
        match RawRepr::deserialize(d)? {
            RawRepr::Text(text) => Ok(Raw::new(text.into_bytes())),
            RawRepr::Base64(b64) => base64::engine::general_purpose::STANDARD
                .decode(b64)
                .map(Raw::new)
                .map_err(serde::de::Error::custom),
        }
    }
}

/// How many line endings are not CRLF: bare LFs and lone CRs, which [`crlf`] rewrites.
pub fn bare_line_endings(text: &[u8]) -> usize {
    let mut count = 0;
    for (i, &b) in text.iter().enumerate() {
        let bare_lf = b == b'\n' && (i == 0 || text[i - 1] != b'\r');
        let lone_cr = b == b'\r' && text.get(i + 1) != Some(&b'\n');
        count += usize::from(bare_lf || lone_cr);
    }
    count
}

/// Turns any mix of line endings into CRLF, as RFC 5322 §2.1 requires of a stored message.
pub fn crlf(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + text.len() / 40);
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'\r' if text.get(i + 1) == Some(&b'\n') => {
                out.extend_from_slice(b"\r\n");
                i += 2;
            }
            b'\r' | b'\n' => {
                out.extend_from_slice(b"\r\n");
                i += 1;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_copy_of_the_store_shares_each_message_s_bytes() {
        let store = crate::store::Preset::builtin("demo")
            .and_then(|p| p.build())
            .expect("demo");
        let copy = store.clone();
        let first = |s: &crate::store::Store| {
            s.mailbox("bob", crate::store::INBOX)
                .expect("inbox")
                .messages[0]
                .raw
                .0
                .clone()
        };
        assert!(Arc::ptr_eq(&first(&store), &first(&copy)));
    }

    use super::*;

    #[test]
    fn bare_line_endings_are_counted() {
        assert_eq!(bare_line_endings(b"a\r\nb\nc\rd\r\n"), 2);
        assert_eq!(bare_line_endings(b"\n\r"), 2);
        assert_eq!(bare_line_endings(b"a\r\n"), 0);
    }

    #[test]
    fn line_endings_become_crlf() {
        assert_eq!(crlf(b"a\nb\r\nc\rd"), b"a\r\nb\r\nc\r\nd");
        assert_eq!(crlf(b"\r\n\r\n"), b"\r\n\r\n");
    }

    #[test]
    fn raw_bytes_survive_a_json_round_trip_as_text_or_base64() {
        for bytes in [
            b"Subject: hi\r\n\r\nbody\r\n".to_vec(),
            vec![0xff, 0xfe, b'\r', b'\n'],
        ] {
            let json = serde_json::to_string(&Raw::new(bytes.clone())).expect("serialises");
            let back: Raw = serde_json::from_str(&json).expect("deserialises");
            assert_eq!(&back.0[..], &bytes[..]);
        }
        let json = serde_json::to_string(&Raw::new(b"hi".to_vec())).expect("serialises");
        assert_eq!(json, r#"{"text":"hi"}"#);
    }
}

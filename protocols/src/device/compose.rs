//! Writing a message as a mail app does (RFC 5322): From, To, Subject, Date, Message-ID,
//! and for a reply In-Reply-To and References (§3.6.4). Non-ASCII subjects become encoded
//! words (RFC 2047); a non-ASCII body is sent as UTF-8 in base64 (RFC 2045 §6.8), so the
//! message stays 7-bit and any server takes it.

use base64::Engine;

use crate::store::Address;
use crate::time::Timestamp;

/// What the user typed in the compose window.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Draft {
    /// One or more addresses, separated by commas or spaces.
    pub to: String,
    /// The subject line.
    pub subject: String,
    /// The text of the message.
    pub body: String,
    /// The Message-ID of the message answered.
    pub in_reply_to: Option<String>,
}

/// Why a draft cannot be sent yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftError {
    /// No recipient was given.
    NoRecipient,
    /// An address that is not `local@domain`.
    BadAddress(String),
}

impl Draft {
    /// The envelope recipients: every address in To.
    pub fn recipients(&self) -> Vec<String> {
        self.to
            .split([',', ' ', ';'])
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(|a| a.trim_start_matches('<').trim_end_matches('>').to_owned())
            .collect()
    }

    /// Whether the draft can be sent: at least one recipient, each a valid address.
    pub fn check(&self) -> Result<(), DraftError> {
        let recipients = self.recipients();
        if recipients.is_empty() {
            return Err(DraftError::NoRecipient);
        }
        match recipients.iter().find(|a| Address::parse(a).is_none()) {
            Some(bad) => Err(DraftError::BadAddress(bad.clone())),
            None => Ok(()),
        }
    }

    /// The message, CRLF line endings, ready for DATA or APPEND.
    pub fn message(&self, name: &str, address: &str, date: Timestamp, message_id: &str) -> Vec<u8> {
        let mut m = String::new();
        m.push_str(&format!("From: {} <{address}>\r\n", phrase(name)));
        // A draft may have no recipient yet; then it has no To (RFC 5322 §3.6.3 wants at
        // least one address in a To field that is there).
        let to = self.recipients();
        if !to.is_empty() {
            m.push_str(&format!("To: {}\r\n", to.join(", ")));
        }
        m.push_str(&format!("Subject: {}\r\n", encoded_word(&self.subject)));
        m.push_str(&format!("Date: {}\r\n", date.rfc5322()));
        m.push_str(&format!("Message-ID: <{message_id}>\r\n"));
        if let Some(parent) = &self.in_reply_to {
            let parent = parent.trim_start_matches('<').trim_end_matches('>');
            m.push_str(&format!(
                "In-Reply-To: <{parent}>\r\nReferences: <{parent}>\r\n"
            ));
        }
        m.push_str("MIME-Version: 1.0\r\n");
        let body = self.body.replace("\r\n", "\n").replace('\n', "\r\n");
        if body.is_ascii() {
            m.push_str("Content-Type: text/plain; charset=us-ascii\r\n\r\n");
            m.push_str(&body);
        } else {
            m.push_str("Content-Type: text/plain; charset=utf-8\r\n");
            m.push_str("Content-Transfer-Encoding: base64\r\n\r\n");
            let encoded = base64::engine::general_purpose::STANDARD.encode(body.as_bytes());
            for chunk in encoded.as_bytes().chunks(76) {
                m.push_str(&String::from_utf8_lossy(chunk));
                m.push_str("\r\n");
            }
        }
        if !m.ends_with("\r\n") {
            m.push_str("\r\n");
        }
        m.into_bytes()
    }
}

/// A display name, quoted when it holds characters an atom may not (RFC 5322 §3.2.3), or
/// encoded when it is not ASCII.
fn phrase(name: &str) -> String {
    if !name.is_ascii() {
        encoded_word(name)
    } else if name.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ') {
        name.to_owned()
    } else {
        format!("\"{}\"", name.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// `=?UTF-8?B?…?=` for text that is not ASCII (RFC 2047 §2), the text itself otherwise.
fn encoded_word(text: &str) -> String {
    if text.is_ascii() {
        return text.to_owned();
    }
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("=?UTF-8?B?{encoded}?=")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Summary;

    #[test]
    fn a_reply_in_french_reads_back_as_typed() {
        let draft = Draft {
            to: "alice@example.test, <carol@other.test>".into(),
            subject: "Re: Réunion".into(),
            body: "D'accord, à vendredi.\n".into(),
            in_reply_to: Some("<lunch-friday@example.test>".into()),
        };
        assert_eq!(draft.check(), Ok(()));
        assert_eq!(
            draft.recipients(),
            ["alice@example.test", "carol@other.test"]
        );
        let raw = draft.message("Bob Builder", "bob@example.test", Timestamp(0), "1.phone@x");
        let text = String::from_utf8_lossy(&raw);
        assert!(text.contains("In-Reply-To: <lunch-friday@example.test>\r\n"));
        assert!(raw.is_ascii(), "7-bit on the wire");
        let s = Summary::of(&raw);
        assert_eq!(s.subject, "Re: Réunion");
        assert_eq!(s.text, "D'accord, à vendredi.");
        assert_eq!(s.from, "Bob Builder <bob@example.test>");
    }

    #[test]
    fn a_draft_without_a_good_recipient_is_refused() {
        let mut draft = Draft::default();
        assert_eq!(draft.check(), Err(DraftError::NoRecipient));
        draft.to = "bob".into();
        assert_eq!(draft.check(), Err(DraftError::BadAddress("bob".into())));
    }
}

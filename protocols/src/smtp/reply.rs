//! SMTP replies: a three-digit code, an enhanced status code, and text (RFC 5321 §4.2).

use std::fmt;

use serde::{Deserialize, Serialize};

/// RFC 5321 §4.2: the first digit says how it went, the second what it is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyCode(pub u16);

/// The first digit of a reply code (RFC 5321 §4.2.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReplyClass {
    /// 2yz: done.
    PositiveCompletion,
    /// 3yz: go on, send the rest.
    PositiveIntermediate,
    /// 4yz: not now; trying again later may work.
    TransientNegative,
    /// 5yz: no; the same command will fail again.
    PermanentNegative,
}

impl ReplyCode {
    pub fn class(self) -> ReplyClass {
        match self.0 / 100 {
            2 => ReplyClass::PositiveCompletion,
            3 => ReplyClass::PositiveIntermediate,
            4 => ReplyClass::TransientNegative,
            _ => ReplyClass::PermanentNegative,
        }
    }
}

/// RFC 3463 / RFC 2034: `class.subject.detail`, e.g. `5.1.1` (bad destination mailbox).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnhancedCode(pub u8, pub u16, pub u16);

impl fmt::Display for EnhancedCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.0, self.1, self.2)
    }
}

/// A complete reply, possibly of several lines (`250-…` then `250 …`).
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    pub code: ReplyCode,
    pub enhanced: Option<EnhancedCode>,
    pub lines: Vec<String>,
}

impl Reply {
    pub fn new(code: u16, enhanced: Option<EnhancedCode>, text: impl Into<String>) -> Reply {
        Reply {
            code: ReplyCode(code),
            enhanced,
            lines: vec![text.into()],
        }
    }

    /// The reply's lines as sent: `code-text` for all but the last, `code text` for the last.
    /// The enhanced code goes at the start of every line's text (RFC 2034 §4).
    pub fn wire_lines(&self) -> Vec<String> {
        let last = self.lines.len().saturating_sub(1);
        self.lines
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let sep = if i == last { ' ' } else { '-' };
                match self.enhanced {
                    Some(e) => format!("{}{sep}{e} {text}", self.code.0),
                    None => format!("{}{sep}{text}", self.code.0),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiline_replies_use_a_hyphen_until_the_last_line() {
        let reply = Reply {
            code: ReplyCode(250),
            enhanced: None,
            lines: vec![
                "mail.example.test".into(),
                "PIPELINING".into(),
                "8BITMIME".into(),
            ],
        };
        assert_eq!(
            reply.wire_lines(),
            ["250-mail.example.test", "250-PIPELINING", "250 8BITMIME"]
        );
    }

    #[test]
    fn enhanced_codes_follow_the_reply_code() {
        let reply = Reply::new(
            550,
            Some(EnhancedCode(5, 1, 1)),
            "<x@example.test>: no such user",
        );
        assert_eq!(
            reply.wire_lines(),
            ["550 5.1.1 <x@example.test>: no such user"]
        );
        assert_eq!(reply.code.class(), ReplyClass::PermanentNegative);
    }

    #[test]
    fn an_empty_continuation_keeps_its_space() {
        // RFC 4954 §4: continue-req = "334" SP [base64] CRLF
        assert_eq!(Reply::new(334, None, "").wire_lines(), ["334 "]);
    }
}

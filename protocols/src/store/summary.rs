//! A message as a mail app lists and opens it: who, what, when, and its text. Read with
//! mail-parser, so encoded words (RFC 2047) and transfer encodings (RFC 2045) are decoded.
//! HTML is kept as source: a view shows it as text, never renders it.

use mail_parser::{MessageParser, MimeHeaders, PartType};

/// What a mail app lists of a message, read from its header and text parts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// `Alice Liddell <alice@example.test>`, or the address alone.
    pub from: String,
    /// The `To:` header as written.
    pub to: String,
    /// The subject, or nothing.
    pub subject: String,
    /// The `Date:` header as written.
    pub date: String,
    /// The header section as written, unfolded lines kept.
    pub headers: String,
    /// The text parts, decoded; HTML parts as their source.
    pub text: String,
    /// Whether some part was HTML (shown as source).
    pub has_html: bool,
    /// Its Message-ID, without the angle brackets.
    pub message_id: Option<String>,
}

impl Summary {
    /// Reads a message's header and text parts.
    pub fn of(raw: &[u8]) -> Summary {
        let header_end = find(raw, b"\r\n\r\n").map_or(raw.len(), |i| i + 2);
        let headers = String::from_utf8_lossy(&raw[..header_end]).into_owned();
        let Some(m) = MessageParser::default().parse(raw) else {
            return Summary {
                headers,
                text: String::from_utf8_lossy(raw).into_owned(),
                ..Summary::default()
            };
        };
        let people = |list: Option<&mail_parser::Address>| {
            list.map(|a| {
                a.iter()
                    .map(|p| match (&p.name, &p.address) {
                        (Some(n), Some(a)) => format!("{n} <{a}>"),
                        (None, Some(a)) => a.to_string(),
                        (Some(n), None) => n.to_string(),
                        (None, None) => String::new(),
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default()
        };
        let mut text = String::new();
        let mut has_html = false;
        for part in m.parts.iter() {
            let is_attachment = part
                .content_disposition()
                .is_some_and(|d| d.is_attachment());
            match &part.body {
                PartType::Text(t) if !is_attachment => push_part(&mut text, t),
                PartType::Html(h) if !is_attachment => {
                    has_html = true;
                    push_part(&mut text, h);
                }
                _ => {}
            }
        }
        Summary {
            from: people(m.from()),
            to: people(m.to()),
            subject: m.subject().unwrap_or_default().to_owned(),
            date: m
                .header_raw("Date")
                .map(|d| d.trim().to_owned())
                .unwrap_or_default(),
            headers,
            text,
            has_html,
            message_id: m.message_id().map(str::to_owned),
        }
    }

    /// The sender's address alone, for a reply's `To:`.
    pub fn reply_address(raw: &[u8]) -> Option<String> {
        let m = MessageParser::default().parse(raw)?;
        let from = m.reply_to().or_else(|| m.from())?;
        from.first()?.address.as_deref().map(str::to_owned)
    }
}

fn push_part(text: &mut String, part: &str) {
    if !text.is_empty() {
        text.push_str("\n\n");
    }
    text.push_str(part.trim_end());
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoded_words_are_decoded_and_html_stays_source() {
        let raw = b"From: =?UTF-8?Q?Z=C3=A9lie?= <z@example.test>\r\nTo: bob@example.test\r\n\
            Subject: =?UTF-8?B?UsOpdW5pb24=?=\r\nDate: Mon, 30 Nov 2026 10:00:00 +0000\r\n\
            Content-Type: text/html\r\n\r\n<p>Hi <script>alert(1)</script></p>\r\n";
        let s = Summary::of(raw);
        assert_eq!(s.from, "Zélie <z@example.test>");
        assert_eq!(s.subject, "Réunion");
        assert_eq!(s.date, "Mon, 30 Nov 2026 10:00:00 +0000");
        assert!(s.has_html && s.text.contains("<script>alert(1)</script>"));
        assert!(s.headers.ends_with("Content-Type: text/html\r\n"));
        assert_eq!(
            Summary::reply_address(raw).as_deref(),
            Some("z@example.test")
        );
    }
}

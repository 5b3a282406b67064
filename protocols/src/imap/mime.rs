//! What IMAP tells about a message's structure, from mail-parser's MIME parse: ENVELOPE,
//! BODY/BODYSTRUCTURE (RFC 9051 §7.5.2), and the bytes of a `BODY[section]` (§6.4.5).
//!
//! mail-parser records where each part's header and body start and end in the raw bytes,
//! so sections are exact slices of the stored message, never a re-encoding. Those offsets
//! count from the start of the whole stored message, even for the parts of an attached
//! message/rfc822, so every function here takes that one `raw`.

use mail_parser::{Header, Message, MessageParser, MessagePart, MimeHeaders, PartType};

use super::envelope::unfold;
use super::msg_att::{
    BodyStructure, Disposition, Envelope, Extension, MultiPart, Params, SingleKind, SinglePart,
};
use super::types::{Section, SectionText};
use crate::time::Timestamp;

/// A content-transfer-encoding this server cannot undo (RFC 3516 §4.3, `UNKNOWN-CTE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownCte;

/// A parsed message and its raw bytes.
pub struct Parsed<'a> {
    message: Option<Message<'a>>,
    raw: &'a [u8],
}

impl<'a> Parsed<'a> {
    pub fn new(raw: &'a [u8]) -> Parsed<'a> {
        Parsed {
            message: MessageParser::new().parse(raw),
            raw,
        }
    }

    /// Only the message's own header, for what looks at nothing else (SEARCH SUBJECT,
    /// FROM, SENTON…): over a large mailbox, skipping the body is most of the work.
    pub fn header_only(raw: &'a [u8]) -> Parsed<'a> {
        Parsed {
            message: MessageParser::new().parse_headers(raw),
            raw,
        }
    }

    /// ENVELOPE: date, subject, from, sender, reply-to, to, cc, bcc, in-reply-to, message-id.
    pub fn envelope(&self) -> Envelope {
        self.message
            .as_ref()
            .map(|m| envelope(m, self.raw))
            .unwrap_or_default()
    }

    /// BODYSTRUCTURE (with extension data) or BODY (without).
    pub fn body_structure(&self, extended: bool) -> BodyStructure {
        self.message
            .as_ref()
            .and_then(|m| part_structure(m, self.raw, 0, extended))
            .unwrap_or_else(|| plain_text(self.raw, extended))
    }

    /// The bytes a section names, or None if the message has no such part.
    pub fn section(&self, section: &Section) -> Option<Vec<u8>> {
        let Some(message) = &self.message else {
            return (section.part.is_empty() && section.text.is_none()).then(|| self.raw.to_vec());
        };
        section_of(message, self.raw, &section.part, section.text.as_ref())
    }

    /// A part with its content-transfer-encoding undone, for BINARY (RFC 9051 §6.4.5):
    /// None when there is no such part, `Err` when the encoding is one this server
    /// cannot undo (`NO [UNKNOWN-CTE]`). `BINARY[]` is the message as stored.
    pub fn binary(&self, part: &[u32]) -> Option<Result<Vec<u8>, UnknownCte>> {
        if part.is_empty() {
            return Some(Ok(self.raw.to_vec()));
        }
        let m = self.message.as_ref()?;
        let p = part_at(m, part)?;
        if matches!(p.body, PartType::Multipart(_)) {
            return Some(Err(UnknownCte));
        }
        let body = self
            .raw
            .get(p.offset_body as usize..p.offset_end as usize)?;
        let encoding = p
            .content_transfer_encoding()
            .unwrap_or("7bit")
            .to_ascii_lowercase();
        Some(match encoding.as_str() {
            "7bit" | "8bit" | "binary" => Ok(body.to_vec()),
            "base64" => Ok(base64_body(body)),
            "quoted-printable" => Ok(quoted_printable(body)),
            _ => Err(UnknownCte),
        })
    }

    /// Header field values for SEARCH HEADER/FROM/TO…, decoded where mail-parser decodes.
    pub fn header_text(&self, name: &str) -> Vec<String> {
        let Some(m) = &self.message else {
            return Vec::new();
        };
        m.headers()
            .iter()
            .filter(|h| h.name.as_str().eq_ignore_ascii_case(name))
            .map(|h| {
                let raw = self
                    .raw
                    .get(h.offset_start as usize..h.offset_end as usize)
                    .unwrap_or_default();
                let mut text = String::from_utf8_lossy(raw).trim().to_owned();
                if let Some(a) = h.value.as_address() {
                    for addr in a.iter() {
                        text.push(' ');
                        text.push_str(addr.name.as_deref().unwrap_or_default());
                    }
                } else if let Some(t) = h.value.as_text() {
                    text.push(' ');
                    text.push_str(t);
                }
                text
            })
            .collect()
    }

    /// The decoded text of the body parts, for SEARCH BODY/TEXT.
    pub fn body_text(&self) -> String {
        let Some(m) = &self.message else {
            return String::from_utf8_lossy(self.raw).into_owned();
        };
        let mut text = String::new();
        body_text(m, &mut text);
        text
    }

    /// Every header of the message and of its MIME parts, as written, for SEARCH TEXT
    /// (RFC 9051 §6.4.4: "in the header or body of the message").
    pub fn all_headers(&self) -> String {
        let Some(m) = &self.message else {
            return String::new();
        };
        let mut out = Vec::new();
        all_headers(m, self.raw, &mut out);
        String::from_utf8_lossy(&out).into_owned()
    }

    /// The calendar day written in the `Date:` header, for SENTBEFORE/SENTON/SENTSINCE
    /// (RFC 9051 §6.4.4: "disregarding time and timezone").
    pub fn sent_day(&self) -> Option<Timestamp> {
        let d = self.message.as_ref()?.date()?;
        Some(Timestamp::from_ymd(
            i64::from(d.year),
            u32::from(d.month),
            u32::from(d.day),
        ))
    }
}

/// The decoded text of every text part, attached messages included (SEARCH BODY).
fn body_text(m: &Message<'_>, text: &mut String) {
    for part in &m.parts {
        match &part.body {
            PartType::Text(t) | PartType::Html(t) => {
                text.push_str(t);
                text.push('\n');
            }
            PartType::Message(inner) => body_text(inner, text),
            _ => {}
        }
    }
}

fn all_headers(m: &Message<'_>, raw: &[u8], out: &mut Vec<u8>) {
    for part in &m.parts {
        let header = raw
            .get(part.offset_header as usize..part.offset_body as usize)
            .unwrap_or_default();
        out.extend_from_slice(header);
        if let PartType::Message(inner) = &part.body {
            all_headers(inner, raw, out);
        }
    }
}

/// The raw value of the first header called `name` (its text after the colon).
fn raw_value<'a>(headers: &[Header<'_>], raw: &'a [u8], name: &str) -> Option<&'a [u8]> {
    let h = headers
        .iter()
        .find(|h| h.name.as_str().eq_ignore_ascii_case(name))?;
    raw.get(h.offset_start as usize..h.offset_end as usize)
}

/// A part's header value as written, unfolded, for BODYSTRUCTURE fields.
fn part_value(part: &MessagePart<'_>, raw: &[u8], name: &str) -> Option<String> {
    raw_value(&part.headers, raw, name).map(|v| String::from_utf8_lossy(&unfold(v)).into_owned())
}

fn envelope(m: &Message<'_>, raw: &[u8]) -> Envelope {
    let headers = m.headers();
    super::envelope::envelope(|name| raw_value(headers, raw, name))
}

fn upper(s: &str) -> String {
    s.to_ascii_uppercase()
}

/// What a message that cannot be parsed as MIME is: plain US-ASCII text (RFC 2045 §5.2).
fn plain_text(raw: &[u8], extended: bool) -> BodyStructure {
    BodyStructure::Single(SinglePart {
        media_type: "TEXT".into(),
        subtype: "PLAIN".into(),
        params: Some(vec![("CHARSET".into(), "US-ASCII".into())]),
        id: None,
        description: None,
        encoding: "7BIT".into(),
        octets: raw.len(),
        kind: SingleKind::Text {
            lines: count_lines(raw),
        },
        extension: extended.then(Extension::default),
    })
}

fn part_structure(
    m: &Message<'_>,
    raw: &[u8],
    index: u32,
    extended: bool,
) -> Option<BodyStructure> {
    let part = m.part(index)?;
    let (ctype, subtype) = match part.content_type() {
        Some(ct) => (
            ct.c_type.to_string(),
            ct.c_subtype.as_deref().unwrap_or("").to_string(),
        ),
        None => match &part.body {
            PartType::Multipart(_) => ("multipart".into(), "mixed".into()),
            PartType::Message(_) => ("message".into(), "rfc822".into()),
            _ => ("text".into(), "plain".into()),
        },
    };
    let extension = || Extension {
        md5: part_value(part, raw, "Content-MD5"),
        disposition: disposition(part),
        language: part_value(part, raw, "Content-Language")
            .map(|v| {
                v.split(',')
                    .map(|t| t.trim().to_owned())
                    .filter(|t| !t.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
        location: part_value(part, raw, "Content-Location"),
    };
    if let PartType::Multipart(children) = &part.body {
        return Some(BodyStructure::Multi(MultiPart {
            parts: children
                .iter()
                .filter_map(|&child| part_structure(m, raw, child, extended))
                .collect(),
            subtype: upper(&subtype),
            extension: extended.then(|| (params(part, true), extension())),
        }));
    }
    let body = raw
        .get(part.offset_body as usize..part.offset_end as usize)
        .unwrap_or_default();
    let kind = if let PartType::Message(inner) = &part.body {
        SingleKind::Message {
            envelope: Box::new(envelope(inner, raw)),
            body: Box::new(
                part_structure(inner, raw, 0, extended)
                    .unwrap_or_else(|| plain_text(body, extended)),
            ),
            lines: count_lines(body),
        }
    } else if ctype.eq_ignore_ascii_case("text") {
        SingleKind::Text {
            lines: count_lines(body),
        }
    } else {
        SingleKind::Basic
    };
    Some(BodyStructure::Single(SinglePart {
        media_type: upper(&ctype),
        subtype: upper(if subtype.is_empty() {
            "plain"
        } else {
            &subtype
        }),
        params: params(part, false),
        id: part_value(part, raw, "Content-ID"),
        description: part_value(part, raw, "Content-Description"),
        encoding: upper(part.content_transfer_encoding().unwrap_or("7bit")),
        octets: body.len(),
        kind,
        extension: extended.then(extension),
    }))
}

/// `body-fld-param`: the Content-Type parameters, e.g. `("CHARSET" "UTF-8")`; a text part
/// without any gets the default charset (RFC 2045 §5.2).
fn params(part: &MessagePart<'_>, multipart: bool) -> Params {
    let list: Vec<(String, String)> = part
        .content_type()
        .and_then(|ct| ct.attributes.as_ref())
        .map(|a| {
            a.iter()
                .map(|p| (upper(&p.name), p.value.to_string()))
                .collect()
        })
        .unwrap_or_default();
    if !list.is_empty() {
        return Some(list);
    }
    let not_text = part
        .content_type()
        .is_some_and(|ct| !ct.c_type.eq_ignore_ascii_case("text"));
    (!multipart && !not_text).then(|| vec![("CHARSET".into(), "US-ASCII".into())])
}

/// `body-fld-dsp = "(" string SP body-fld-param ")" / nil`
fn disposition(part: &MessagePart<'_>) -> Option<Disposition> {
    let d = part.content_disposition()?;
    let params = d
        .attributes
        .as_ref()
        .filter(|a| !a.is_empty())
        .map(|attrs| {
            attrs
                .iter()
                .map(|a| (upper(&a.name), a.value.to_string()))
                .collect()
        });
    Some(Disposition {
        kind: upper(&d.c_type),
        params,
    })
}

/// `body-fld-lines`: the line breaks in the body. The CRLF before a boundary belongs to
/// the boundary (RFC 2046 §5.1.1), so a part's last line usually has none and is not
/// counted, as Dovecot and Cyrus count.
fn count_lines(body: &[u8]) -> usize {
    body.iter().filter(|&&b| b == b'\n').count()
}

/// Resolves a part path (`1.2`) and what of it is wanted (RFC 9051 §6.4.5).
fn section_of(
    m: &Message<'_>,
    raw: &[u8],
    path: &[u32],
    text: Option<&SectionText>,
) -> Option<Vec<u8>> {
    let root = m.part(0)?;
    let header = raw.get(root.offset_header as usize..root.offset_body as usize)?;
    let Some((&first, rest)) = path.split_first() else {
        return Some(match text {
            // The whole message: at the top, every stored octet.
            None if root.offset_header == 0 => raw.to_vec(),
            None => raw
                .get(root.offset_header as usize..root.offset_end as usize)?
                .to_vec(),
            Some(SectionText::Header) => header.to_vec(),
            Some(SectionText::Text) => raw
                .get(root.offset_body as usize..root.offset_end as usize)?
                .to_vec(),
            Some(SectionText::HeaderFields { not, fields }) => header_fields(header, fields, *not),
            Some(SectionText::Mime) => return None,
        });
    };
    // The parts of this level: a multipart's children, or the body itself as part 1.
    let part_index = match &root.body {
        PartType::Multipart(children) => *children.get((first as usize).checked_sub(1)?)?,
        _ if first == 1 => 0,
        _ => return None,
    };
    let mut index = part_index;
    for (i, &n) in rest.iter().enumerate() {
        let part = m.part(index)?;
        match &part.body {
            PartType::Multipart(children) => index = *children.get((n as usize).checked_sub(1)?)?,
            // The rest of the path numbers the parts of an embedded message/rfc822.
            PartType::Message(inner) => return section_of(inner, raw, &rest[i..], text),
            _ => return None,
        }
    }
    let part = m.part(index)?;
    let part_header = raw.get(part.offset_header as usize..part.offset_body as usize)?;
    let body = raw.get(part.offset_body as usize..part.offset_end as usize)?;
    match (text, &part.body) {
        (None, _) => Some(body.to_vec()),
        (Some(SectionText::Mime), _) => Some(part_header.to_vec()),
        (Some(t), PartType::Message(inner)) => section_of(inner, raw, &[], Some(t)),
        _ => None,
    }
}

/// The part a path names (RFC 9051 §6.4.5 numbering), inside attached messages too.
fn part_at<'a, 'x>(m: &'a Message<'x>, path: &[u32]) -> Option<&'a MessagePart<'x>> {
    let root = m.part(0)?;
    let (&first, rest) = path.split_first()?;
    let mut index = match &root.body {
        PartType::Multipart(children) => *children.get((first as usize).checked_sub(1)?)?,
        _ if first == 1 => 0,
        _ => return None,
    };
    for (i, &n) in rest.iter().enumerate() {
        let part = m.part(index)?;
        match &part.body {
            PartType::Multipart(children) => index = *children.get((n as usize).checked_sub(1)?)?,
            PartType::Message(inner) => return part_at(inner, &rest[i..]),
            _ => return None,
        }
    }
    m.part(index)
}

/// Base64 (RFC 2045 §6.8), line breaks and anything outside the alphabet skipped.
fn base64_body(body: &[u8]) -> Vec<u8> {
    use base64::Engine as _;
    let clean: Vec<u8> = body
        .iter()
        .copied()
        .filter(|b| b.is_ascii_alphanumeric() || *b == b'+' || *b == b'/')
        .collect();
    // Padding was filtered out; a last lone character holds no whole octet.
    let usable = if clean.len() % 4 == 1 {
        &clean[..clean.len() - 1]
    } else {
        &clean[..]
    };
    base64::engine::general_purpose::STANDARD_NO_PAD
        .decode(usable)
        .unwrap_or_default()
}

/// Quoted-printable (RFC 2045 §6.7): `=XX` is an octet, `=` at a line's end joins lines.
fn quoted_printable(body: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        if body[i] == b'=' {
            match (body.get(i + 1), body.get(i + 2)) {
                (Some(b'\r'), Some(b'\n')) => {
                    i += 3;
                    continue;
                }
                (Some(b'\n'), _) => {
                    i += 2;
                    continue;
                }
                (Some(&a), Some(&b)) => {
                    if let (Some(a), Some(b)) = (hex(a), hex(b)) {
                        out.push((a * 16 + b) as u8);
                        i += 3;
                        continue;
                    }
                }
                _ => {}
            }
        }
        out.push(body[i]);
        i += 1;
    }
    out
}

/// `HEADER.FIELDS (…)` and `.NOT`: the named header lines (with their continuation lines),
/// then the blank line that ends a header.
fn header_fields(header: &[u8], fields: &[String], not: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut keep = false;
    for line in header.split_inclusive(|&b| b == b'\n') {
        if line == b"\r\n" || line == b"\n" {
            break;
        }
        if !line.starts_with(b" ") && !line.starts_with(b"\t") {
            let name = line.split(|&b| b == b':').next().unwrap_or_default();
            let name = String::from_utf8_lossy(name);
            let named = fields.iter().any(|f| f.eq_ignore_ascii_case(name.trim()));
            keep = named != not;
        }
        if keep {
            out.extend_from_slice(line);
        }
    }
    out.extend_from_slice(b"\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Preset, INBOX};

    fn demo(uid: u32) -> Vec<u8> {
        let store = Preset::builtin("demo")
            .and_then(|p| p.build())
            .expect("demo");
        let inbox = store.mailbox("bob", INBOX).expect("inbox");
        inbox
            .get(crate::store::Uid(uid))
            .expect("message")
            .raw
            .0
            .to_vec()
    }

    fn text(bytes: Vec<u8>) -> String {
        String::from_utf8_lossy(&bytes).into_owned()
    }

    #[test]
    fn the_envelope_of_the_meeting_invite() {
        let raw = demo(4);
        let mut out = Vec::new();
        Parsed::new(&raw).envelope().encode(&mut out);
        assert_eq!(
            text(out),
            "(\"Tue, 24 Nov 2026 14:02:30 +0000\" \"Meeting: site visit on Thursday\" \
             ((\"Alice Liddell\" NIL \"alice\" \"example.test\")) ((\"Alice Liddell\" NIL \"alice\" \"example.test\")) \
             ((\"Alice Liddell\" NIL \"alice\" \"example.test\")) ((\"Bob Builder\" NIL \"bob\" \"example.test\")) \
             NIL NIL NIL \"<invite-7731@example.test>\")"
        );
    }

    #[test]
    fn the_structure_of_a_message_with_an_attachment() {
        let raw = demo(3);
        let mut out = Vec::new();
        Parsed::new(&raw).body_structure(false).encode(&mut out);
        let s = text(out);
        assert!(
            s.starts_with("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"7BIT\" "),
            "{s}"
        );
        assert!(
            s.contains("(\"IMAGE\" \"PNG\" (\"NAME\" \"shed-sketch.png\") NIL NIL \"BASE64\" "),
            "{s}"
        );
        assert!(s.ends_with(" \"MIXED\")"), "{s}");
    }

    #[test]
    fn sections_are_exact_slices_of_the_stored_message() {
        let raw = demo(3);
        let p = Parsed::new(&raw);
        let whole = p
            .section(&Section {
                part: vec![],
                text: None,
            })
            .expect("whole");
        assert_eq!(whole, raw);
        let header = text(
            p.section(&Section {
                part: vec![],
                text: Some(SectionText::Header),
            })
            .expect("header"),
        );
        assert!(
            header.starts_with("Return-Path: <carol@other.test>\r\n")
                && header.ends_with("\r\n\r\n")
        );
        let first = text(
            p.section(&Section {
                part: vec![1],
                text: None,
            })
            .expect("part 1"),
        );
        assert!(first.starts_with("Hello Bob,"), "{first:?}");
        let mime = text(
            p.section(&Section {
                part: vec![2],
                text: Some(SectionText::Mime),
            })
            .expect("2.MIME"),
        );
        assert!(mime.starts_with("Content-Type: image/png"), "{mime:?}");
        assert_eq!(
            p.section(&Section {
                part: vec![9],
                text: None
            }),
            None
        );
        let fields = p.section(&Section {
            part: vec![],
            text: Some(SectionText::HeaderFields {
                not: false,
                fields: vec!["subject".into(), "From".into()],
            }),
        });
        assert_eq!(
            text(fields.expect("fields")),
            "From: Carol Keeper <carol@other.test>\r\nSubject: Plans for the new shed\r\n\r\n"
        );
    }

    #[test]
    fn a_single_part_message_has_its_body_as_part_one() {
        let raw = demo(2);
        let p = Parsed::new(&raw);
        let body = p
            .section(&Section {
                part: vec![1],
                text: None,
            })
            .expect("1");
        let text_section = p
            .section(&Section {
                part: vec![],
                text: Some(SectionText::Text),
            })
            .expect("TEXT");
        assert_eq!(body, text_section);
    }

    #[test]
    fn parts_of_an_attached_message_are_found_in_the_whole_message() {
        let raw = crate::store::crlf(
            b"Subject: Fwd\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n\
              --b\nContent-Type: text/plain\n\nSee below.\n--b\nContent-Type: message/rfc822\n\n\
              From: carol@other.test\nSubject: Inner\n\nThe ferry leaves at ten.\n--b--\n",
        );
        let p = Parsed::new(&raw);
        let section = |part: Vec<u32>, text: Option<SectionText>| {
            p.section(&Section { part, text }).map(text_of)
        };
        assert_eq!(
            section(vec![2, 1], None).as_deref(),
            Some("The ferry leaves at ten.")
        );
        assert_eq!(
            section(vec![2], Some(SectionText::Header)).as_deref(),
            Some("From: carol@other.test\r\nSubject: Inner\r\n\r\n")
        );
        assert_eq!(
            section(vec![2], Some(SectionText::Text)).as_deref(),
            Some("The ferry leaves at ten.")
        );
        assert!(p.body_text().contains("ferry"), "SEARCH BODY looks inside");
        let mut structure = Vec::new();
        p.body_structure(false).encode(&mut structure);
        let structure = String::from_utf8_lossy(&structure);
        assert!(
            structure.contains("\"7BIT\" 24 0)"),
            "the inner part has its real size: {structure}"
        );
    }

    fn text_of(bytes: Vec<u8>) -> String {
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

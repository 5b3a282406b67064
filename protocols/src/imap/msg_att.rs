//! The data of a FETCH response (RFC 9051 §7.5.2, `msg-att`): flags, dates, sizes, the
//! envelope, the body structure and message sections, as values with one encoder each.
//!
//! mime.rs builds [`Envelope`] and [`BodyStructure`] from the stored message; this module
//! only knows how IMAP writes them.

use std::collections::BTreeSet;

use super::encode::{date_time, flag_list, literal, nstring, string, write_to};
use super::types::{Section, SectionText};
use crate::store::{Flag, Uid};
use crate::time::Timestamp;

/// One item of a FETCH response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MsgAtt {
    Uid(Uid),
    Flags(BTreeSet<Flag>),
    InternalDate(Timestamp),
    Rfc822Size(usize),
    Envelope(Envelope),
    /// `BODY`: the structure without extension data.
    Body(BodyStructure),
    /// `BODYSTRUCTURE`: the structure with extension data.
    BodyStructure(BodyStructure),
    Rfc822(Vec<u8>),
    Rfc822Header(Vec<u8>),
    Rfc822Text(Vec<u8>),
    /// `BODY[section]<origin>`: the octets of a section, or NIL when the message has no
    /// such part. Message data always travels as a literal, so line breaks and 8-bit text
    /// arrive exactly.
    BodySection {
        section: Section,
        origin: Option<u32>,
        data: Option<Vec<u8>>,
    },
    /// `BINARY[part]<origin>`: decoded octets, as a literal8 (`~{n}`) when they hold a
    /// NUL (RFC 9051 §4.3), or NIL when the message has no such part.
    Binary {
        part: Vec<u32>,
        origin: Option<u32>,
        data: Option<Vec<u8>>,
    },
    BinarySize {
        part: Vec<u32>,
        size: usize,
    },
}

impl MsgAtt {
    pub fn encode(&self, out: &mut Vec<u8>) {
        match self {
            MsgAtt::Uid(uid) => write_to(out, format_args!("UID {uid}")),
            MsgAtt::Flags(flags) => {
                out.extend_from_slice(b"FLAGS ");
                flag_list(out, flags);
            }
            MsgAtt::InternalDate(t) => {
                out.extend_from_slice(b"INTERNALDATE ");
                date_time(out, *t);
            }
            MsgAtt::Rfc822Size(n) => write_to(out, format_args!("RFC822.SIZE {n}")),
            MsgAtt::Envelope(e) => {
                out.extend_from_slice(b"ENVELOPE ");
                e.encode(out);
            }
            MsgAtt::Body(b) => {
                out.extend_from_slice(b"BODY ");
                b.encode(out);
            }
            MsgAtt::BodyStructure(b) => {
                out.extend_from_slice(b"BODYSTRUCTURE ");
                b.encode(out);
            }
            MsgAtt::Rfc822(data) => {
                out.extend_from_slice(b"RFC822 ");
                literal(out, data);
            }
            MsgAtt::Rfc822Header(data) => {
                out.extend_from_slice(b"RFC822.HEADER ");
                literal(out, data);
            }
            MsgAtt::Rfc822Text(data) => {
                out.extend_from_slice(b"RFC822.TEXT ");
                literal(out, data);
            }
            MsgAtt::BodySection {
                section,
                origin,
                data,
            } => {
                out.extend_from_slice(b"BODY[");
                section_spec(out, section);
                origin_and_data(out, *origin, data.as_deref(), false);
            }
            MsgAtt::Binary { part, origin, data } => {
                out.extend_from_slice(b"BINARY[");
                part_numbers(out, part);
                origin_and_data(out, *origin, data.as_deref(), true);
            }
            MsgAtt::BinarySize { part, size } => {
                out.extend_from_slice(b"BINARY.SIZE[");
                part_numbers(out, part);
                write_to(out, format_args!("] {size}"));
            }
        }
    }
}

/// `]<origin> data` after a section: the octets as a literal, or for BINARY a literal8
/// (`~{n}`) when they hold a NUL (RFC 9051 §4.3: BODY's data is an nstring, which has no
/// literal8), or NIL for a part that is not there.
fn origin_and_data(out: &mut Vec<u8>, origin: Option<u32>, data: Option<&[u8]>, binary: bool) {
    out.push(b']');
    if let Some(origin) = origin {
        write_to(out, format_args!("<{origin}>"));
    }
    out.push(b' ');
    match data {
        Some(d) if binary && d.contains(&0) => {
            out.push(b'~');
            literal(out, d);
        }
        Some(d) => literal(out, d),
        None => out.extend_from_slice(b"NIL"),
    }
}

fn part_numbers(out: &mut Vec<u8>, part: &[u32]) {
    let numbers: Vec<String> = part.iter().map(u32::to_string).collect();
    out.extend_from_slice(numbers.join(".").as_bytes());
}

/// `section-spec`: `1.2.MIME`, `HEADER.FIELDS (FROM TO)`.
fn section_spec(out: &mut Vec<u8>, section: &Section) {
    let mut parts: Vec<String> = section.part.iter().map(u32::to_string).collect();
    if let Some(text) = &section.text {
        parts.push(match text {
            SectionText::Header => "HEADER".to_owned(),
            SectionText::Text => "TEXT".to_owned(),
            SectionText::Mime => "MIME".to_owned(),
            SectionText::HeaderFields { not, fields } => {
                let not = if *not { ".NOT" } else { "" };
                format!(
                    "HEADER.FIELDS{not} ({})",
                    fields.join(" ").to_ascii_uppercase()
                )
            }
        });
    }
    out.extend_from_slice(parts.join(".").as_bytes());
}

/// `envelope` (RFC 9051 §7.5.2): header fields as they are written in the message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Envelope {
    pub date: Option<Vec<u8>>,
    pub subject: Option<Vec<u8>>,
    pub from: Vec<EnvelopeAddress>,
    pub sender: Vec<EnvelopeAddress>,
    pub reply_to: Vec<EnvelopeAddress>,
    pub to: Vec<EnvelopeAddress>,
    pub cc: Vec<EnvelopeAddress>,
    pub bcc: Vec<EnvelopeAddress>,
    pub in_reply_to: Option<Vec<u8>>,
    pub message_id: Option<Vec<u8>>,
}

impl Envelope {
    pub fn encode(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        nstring(out, self.date.as_deref());
        out.push(b' ');
        nstring(out, self.subject.as_deref());
        for list in [
            &self.from,
            &self.sender,
            &self.reply_to,
            &self.to,
            &self.cc,
            &self.bcc,
        ] {
            out.push(b' ');
            address_list(out, list);
        }
        out.push(b' ');
        nstring(out, self.in_reply_to.as_deref());
        out.push(b' ');
        nstring(out, self.message_id.as_deref());
        out.push(b')');
    }
}

/// `address = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"`. A group starts
/// with an address whose host is NIL and whose mailbox is the group's name, and ends with
/// one that is NIL throughout (RFC 9051 §7.5.2).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnvelopeAddress {
    pub name: Option<Vec<u8>>,
    pub mailbox: Option<Vec<u8>>,
    pub host: Option<Vec<u8>>,
}

/// `"(" 1*address ")" / nil`
fn address_list(out: &mut Vec<u8>, list: &[EnvelopeAddress]) {
    if list.is_empty() {
        out.extend_from_slice(b"NIL");
        return;
    }
    out.push(b'(');
    for a in list {
        out.push(b'(');
        nstring(out, a.name.as_deref());
        // addr-adl, the source route, is always NIL today.
        out.extend_from_slice(b" NIL ");
        nstring(out, a.mailbox.as_deref());
        out.push(b' ');
        nstring(out, a.host.as_deref());
        out.push(b')');
    }
    out.push(b')');
}

/// `body-fld-param`: attribute and value pairs, e.g. `("CHARSET" "UTF-8")`; None is NIL.
pub type Params = Option<Vec<(String, String)>>;

/// `body-fld-dsp`: `("ATTACHMENT" ("FILENAME" "r.pdf"))` (RFC 2183).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disposition {
    pub kind: String,
    pub params: Params,
}

/// `body` (RFC 9051 §7.5.2 BODYSTRUCTURE): a tree of parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyStructure {
    Single(SinglePart),
    Multi(MultiPart),
}

/// `body-type-1part`: media type, fields, and what its type adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SinglePart {
    /// `media-type`, upper case: `TEXT`, `APPLICATION`.
    pub media_type: String,
    pub subtype: String,
    pub params: Params,
    pub id: Option<String>,
    pub description: Option<String>,
    pub encoding: String,
    /// `body-fld-octets`: the size of the body in its transfer encoding.
    pub octets: usize,
    pub kind: SingleKind,
    /// `body-ext-1part`, sent with BODYSTRUCTURE only.
    pub extension: Option<Extension>,
}

/// What a single part's type adds after its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SingleKind {
    Basic,
    /// `body-type-text`: `body-fld-lines`.
    Text {
        lines: usize,
    },
    /// `body-type-msg`: the envelope, structure and line count of the attached message.
    Message {
        envelope: Box<Envelope>,
        body: Box<BodyStructure>,
        lines: usize,
    },
}

/// `body-type-mpart`: the parts, then the subtype.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MultiPart {
    pub parts: Vec<BodyStructure>,
    pub subtype: String,
    /// `body-ext-mpart`, sent with BODYSTRUCTURE only; its params lead.
    pub extension: Option<(Params, Extension)>,
}

/// The extension data both kinds share: MD5 (single parts only), disposition, language,
/// location.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extension {
    pub md5: Option<String>,
    pub disposition: Option<Disposition>,
    /// `body-fld-lang`: the Content-Language tags, written as a list.
    pub language: Vec<String>,
    pub location: Option<String>,
}

impl BodyStructure {
    pub fn encode(&self, out: &mut Vec<u8>) {
        match self {
            BodyStructure::Single(p) => p.encode(out),
            BodyStructure::Multi(m) => m.encode(out),
        }
    }
}

impl SinglePart {
    fn encode(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        string(out, self.media_type.as_bytes());
        out.push(b' ');
        string(out, self.subtype.as_bytes());
        out.push(b' ');
        params(out, self.params.as_deref());
        out.push(b' ');
        nstring(out, self.id.as_deref().map(str::as_bytes));
        out.push(b' ');
        nstring(out, self.description.as_deref().map(str::as_bytes));
        out.push(b' ');
        string(out, self.encoding.as_bytes());
        write_to(out, format_args!(" {}", self.octets));
        match &self.kind {
            SingleKind::Basic => {}
            SingleKind::Text { lines } => write_to(out, format_args!(" {lines}")),
            SingleKind::Message {
                envelope,
                body,
                lines,
            } => {
                out.push(b' ');
                envelope.encode(out);
                out.push(b' ');
                body.encode(out);
                write_to(out, format_args!(" {lines}"));
            }
        }
        if let Some(ext) = &self.extension {
            out.push(b' ');
            nstring(out, ext.md5.as_deref().map(str::as_bytes));
            ext.encode_common(out);
        }
        out.push(b')');
    }
}

impl MultiPart {
    fn encode(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        for part in &self.parts {
            part.encode(out);
        }
        out.push(b' ');
        string(out, self.subtype.as_bytes());
        if let Some((p, ext)) = &self.extension {
            out.push(b' ');
            params(out, p.as_deref());
            ext.encode_common(out);
        }
        out.push(b')');
    }
}

impl Extension {
    /// ` body-fld-dsp SP body-fld-lang SP body-fld-loc`
    fn encode_common(&self, out: &mut Vec<u8>) {
        out.push(b' ');
        match &self.disposition {
            Some(d) => {
                out.push(b'(');
                string(out, d.kind.as_bytes());
                out.push(b' ');
                params(out, d.params.as_deref());
                out.push(b')');
            }
            None => out.extend_from_slice(b"NIL"),
        }
        out.push(b' ');
        if self.language.is_empty() {
            out.extend_from_slice(b"NIL");
        } else {
            out.push(b'(');
            for (i, tag) in self.language.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                string(out, tag.as_bytes());
            }
            out.push(b')');
        }
        out.push(b' ');
        nstring(out, self.location.as_deref().map(str::as_bytes));
    }
}

/// `body-fld-param = "(" string SP string *(SP string SP string) ")" / nil`
fn params(out: &mut Vec<u8>, list: Option<&[(String, String)]>) {
    let Some(list) = list.filter(|l| !l.is_empty()) else {
        out.extend_from_slice(b"NIL");
        return;
    };
    out.push(b'(');
    for (i, (name, value)) in list.iter().enumerate() {
        if i > 0 {
            out.push(b' ');
        }
        string(out, name.as_bytes());
        out.push(b' ');
        string(out, value.as_bytes());
    }
    out.push(b')');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(item: &MsgAtt) -> String {
        let mut out = Vec::new();
        item.encode(&mut out);
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn simple_items() {
        assert_eq!(encoded(&MsgAtt::Uid(Uid(7))), "UID 7");
        let flags = BTreeSet::from([Flag::Seen, Flag::Keyword("$Work".into())]);
        assert_eq!(encoded(&MsgAtt::Flags(flags)), r"FLAGS (\Seen $Work)");
        assert_eq!(encoded(&MsgAtt::Rfc822Size(816)), "RFC822.SIZE 816");
        let t = Timestamp::from_ymd(2026, 11, 7).plus_seconds(9 * 3600);
        assert_eq!(
            encoded(&MsgAtt::InternalDate(t)),
            "INTERNALDATE \" 7-Nov-2026 09:00:00 +0000\""
        );
    }

    #[test]
    fn sections_carry_literals_or_nil() {
        let section = Section {
            part: vec![1],
            text: Some(SectionText::Mime),
        };
        let item = MsgAtt::BodySection {
            section: section.clone(),
            origin: Some(4),
            data: Some(b"Hi\r\n".to_vec()),
        };
        assert_eq!(encoded(&item), "BODY[1.MIME]<4> {4}\r\nHi\r\n");
        let missing = MsgAtt::BodySection {
            section: Section {
                part: vec![],
                text: Some(SectionText::HeaderFields {
                    not: true,
                    fields: vec!["from".into(), "To".into()],
                }),
            },
            origin: None,
            data: None,
        };
        assert_eq!(encoded(&missing), "BODY[HEADER.FIELDS.NOT (FROM TO)] NIL");
        assert_eq!(
            encoded(&MsgAtt::Rfc822Text(Vec::new())),
            "RFC822.TEXT {0}\r\n"
        );
    }

    #[test]
    fn an_envelope_with_a_group() {
        let alice = EnvelopeAddress {
            name: Some(b"Alice".to_vec()),
            mailbox: Some(b"alice".to_vec()),
            host: Some(b"example.test".to_vec()),
        };
        let envelope = Envelope {
            subject: Some(b"Hi".to_vec()),
            from: vec![alice.clone()],
            to: vec![
                EnvelopeAddress {
                    mailbox: Some(b"friends".to_vec()),
                    ..Default::default()
                },
                alice,
                EnvelopeAddress::default(),
            ],
            ..Default::default()
        };
        assert_eq!(
            encoded(&MsgAtt::Envelope(envelope)),
            "ENVELOPE (NIL \"Hi\" ((\"Alice\" NIL \"alice\" \"example.test\")) NIL NIL \
             ((NIL NIL \"friends\" NIL)(\"Alice\" NIL \"alice\" \"example.test\")(NIL NIL NIL NIL)) \
             NIL NIL NIL NIL)"
        );
    }

    #[test]
    fn a_multipart_structure_with_and_without_extension_data() {
        let text = |extension| {
            BodyStructure::Single(SinglePart {
                media_type: "TEXT".into(),
                subtype: "PLAIN".into(),
                params: Some(vec![("CHARSET".into(), "UTF-8".into())]),
                id: None,
                description: None,
                encoding: "7BIT".into(),
                octets: 12,
                kind: SingleKind::Text { lines: 1 },
                extension,
            })
        };
        let pdf = BodyStructure::Single(SinglePart {
            media_type: "APPLICATION".into(),
            subtype: "PDF".into(),
            params: None,
            id: Some("<a1@example.test>".into()),
            description: None,
            encoding: "BASE64".into(),
            octets: 40,
            kind: SingleKind::Basic,
            extension: Some(Extension {
                disposition: Some(Disposition {
                    kind: "ATTACHMENT".into(),
                    params: Some(vec![("FILENAME".into(), "r.pdf".into())]),
                }),
                ..Default::default()
            }),
        });
        let multi = MsgAtt::BodyStructure(BodyStructure::Multi(MultiPart {
            parts: vec![text(Some(Extension::default())), pdf],
            subtype: "MIXED".into(),
            extension: Some((
                Some(vec![("BOUNDARY".into(), "b".into())]),
                Extension::default(),
            )),
        }));
        assert_eq!(
            encoded(&multi),
            "BODYSTRUCTURE ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"UTF-8\") NIL NIL \"7BIT\" 12 1 NIL NIL NIL NIL)\
             (\"APPLICATION\" \"PDF\" NIL \"<a1@example.test>\" NIL \"BASE64\" 40 NIL \
             (\"ATTACHMENT\" (\"FILENAME\" \"r.pdf\")) NIL NIL) \"MIXED\" (\"BOUNDARY\" \"b\") NIL NIL NIL)"
        );
        assert_eq!(
            encoded(&MsgAtt::Body(text(None))),
            "BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"UTF-8\") NIL NIL \"7BIT\" 12 1)"
        );
    }
}

//! IMAP responses as values (RFC 9051 §7): status responses with their codes, server data,
//! and continuation requests, with one encoder. Sessions build a [`Response`] and never
//! write response text by hand; the page styles a line by the response's kind, not by
//! reading its first characters.

use super::encode::{flag_list, mailbox, string, write_to};
use super::msg_att::MsgAtt;
use super::types::{SequenceSet, StatusItem};
use crate::store::{Flag, Uid};

/// `resp-cond-state`, `resp-cond-bye`, `resp-cond-auth` (RFC 9051 §7.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Ok,
    No,
    Bad,
    Bye,
}

impl Status {
    pub fn word(self) -> &'static str {
        match self {
            Status::Ok => "OK",
            Status::No => "NO",
            Status::Bad => "BAD",
            Status::Bye => "BYE",
        }
    }
}

/// `resp-text-code` (RFC 9051 §7.1, RFC 4315 §3 for UIDPLUS, RFC 5530 for the rest).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Code {
    Capability(Vec<&'static str>),
    UidValidity(u32),
    UidNext(u32),
    /// IMAP4rev1 only (RFC 3501 §7.1); IMAP4rev2 dropped it.
    Unseen(u32),
    /// The flags a client may set for good; `any_keyword` is `\*`, new keywords allowed.
    PermanentFlags {
        flags: Vec<Flag>,
        any_keyword: bool,
    },
    ReadOnly,
    ReadWrite,
    /// RFC 9051 §7.1: the mailbox selected before is closed.
    Closed,
    TryCreate,
    AlreadyExists,
    NonExistent,
    AuthenticationFailed,
    PrivacyRequired,
    BadCharset(Vec<&'static str>),
    TooBig,
    /// RFC 9051 §7.1 (from RFC 5530): a limit of the server's was reached.
    Limit,
    /// RFC 3516 §4.3: BINARY met a content-transfer-encoding it cannot undo.
    UnknownCte,
    Cannot,
    HasChildren,
    CopyUid {
        validity: u32,
        from: Vec<u32>,
        to: Vec<u32>,
    },
    AppendUid {
        validity: u32,
        uid: Uid,
    },
}

/// A LIST attribute (RFC 9051 §7.3.1, RFC 3348 children, RFC 6154 special use).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailboxAttribute {
    Noselect,
    NonExistent,
    Subscribed,
    HasChildren,
    HasNoChildren,
    Sent,
    Drafts,
    Trash,
    Junk,
    Archive,
}

impl MailboxAttribute {
    pub fn name(self) -> &'static str {
        match self {
            MailboxAttribute::Noselect => "\\Noselect",
            MailboxAttribute::NonExistent => "\\NonExistent",
            MailboxAttribute::Subscribed => "\\Subscribed",
            MailboxAttribute::HasChildren => "\\HasChildren",
            MailboxAttribute::HasNoChildren => "\\HasNoChildren",
            MailboxAttribute::Sent => "\\Sent",
            MailboxAttribute::Drafts => "\\Drafts",
            MailboxAttribute::Trash => "\\Trash",
            MailboxAttribute::Junk => "\\Junk",
            MailboxAttribute::Archive => "\\Archive",
        }
    }
}

/// Server data (RFC 9051 §7.2–§7.5): untagged responses that carry information.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Data {
    Capability(Vec<&'static str>),
    /// RFC 5161 §3.2: the capabilities this ENABLE turned on.
    Enabled(Vec<&'static str>),
    /// RFC 2971 §3.2: field and value pairs about the server.
    Id(Vec<(&'static str, &'static str)>),
    /// RFC 2342 §5: personal namespaces as (prefix, delimiter); no others.
    Namespace(Vec<(String, char)>),
    List {
        attributes: Vec<MailboxAttribute>,
        delimiter: char,
        name: String,
    },
    /// IMAP4rev1 only (RFC 3501 §7.2.3).
    Lsub {
        attributes: Vec<MailboxAttribute>,
        delimiter: char,
        name: String,
    },
    Status {
        mailbox: String,
        items: Vec<(StatusItem, u64)>,
    },
    /// IMAP4rev1 SEARCH (RFC 3501 §7.2.5).
    Search(Vec<u32>),
    /// ESEARCH (RFC 9051 §7.3.4, RFC 4731 §3.2): the command's tag, UID or not, and what
    /// RETURN asked for. MIN, MAX and ALL are left out when nothing matched.
    Esearch {
        tag: String,
        uid: bool,
        min: Option<u32>,
        max: Option<u32>,
        count: Option<usize>,
        all: Option<Vec<u32>>,
    },
    Flags(Vec<Flag>),
    Exists(u32),
    /// IMAP4rev1 only; always 0 here, as \Recent is not tracked.
    Recent(u32),
    Expunge(u32),
    Fetch {
        seq: u32,
        items: Vec<MsgAtt>,
    },
}

/// A response, as the server sends it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    /// `tag SP resp-cond-state` or `"*" SP resp-cond-…` when `tag` is None.
    Status {
        tag: Option<String>,
        status: Status,
        code: Option<Code>,
        text: String,
    },
    Data(Data),
    /// `"+" SP resp-text` (RFC 9051 §7.6).
    Continue(String),
}

impl Response {
    /// A tagged status response: the completion of a command.
    pub fn tagged(tag: &str, status: Status, code: Option<Code>, text: impl Into<String>) -> Self {
        Response::Status {
            tag: Some(tag.to_owned()),
            status,
            code,
            text: text.into(),
        }
    }

    /// An untagged status response (`* OK [UIDNEXT 7] …`, `* BYE …`).
    pub fn untagged(status: Status, code: Option<Code>, text: impl Into<String>) -> Self {
        Response::Status {
            tag: None,
            status,
            code,
            text: text.into(),
        }
    }

    /// The response's octets, CRLF included.
    pub fn encode(&self, out: &mut Vec<u8>) {
        match self {
            Response::Status {
                tag,
                status,
                code,
                text,
            } => {
                out.extend_from_slice(tag.as_deref().unwrap_or("*").as_bytes());
                out.push(b' ');
                out.extend_from_slice(status.word().as_bytes());
                if let Some(code) = code {
                    out.extend_from_slice(b" [");
                    code.encode(out);
                    out.push(b']');
                }
                // resp-text needs at least one character after the code (RFC 9051 §9).
                out.push(b' ');
                out.extend_from_slice(text.as_bytes());
            }
            Response::Data(data) => {
                out.extend_from_slice(b"* ");
                data.encode(out);
            }
            Response::Continue(text) => {
                out.extend_from_slice(b"+ ");
                out.extend_from_slice(text.as_bytes());
            }
        }
        out.extend_from_slice(b"\r\n");
    }
}

fn words(out: &mut Vec<u8>, words: &[&str]) {
    out.extend_from_slice(words.join(" ").as_bytes());
}

fn number(out: &mut Vec<u8>, word: &str, n: impl std::fmt::Display) {
    write_to(out, format_args!("{word} {n}"));
}

impl Code {
    fn encode(&self, out: &mut Vec<u8>) {
        match self {
            Code::Capability(caps) => {
                out.extend_from_slice(b"CAPABILITY ");
                words(out, caps);
            }
            Code::UidValidity(n) => number(out, "UIDVALIDITY", n),
            Code::UidNext(n) => number(out, "UIDNEXT", n),
            Code::Unseen(n) => number(out, "UNSEEN", n),
            Code::PermanentFlags { flags, any_keyword } => {
                out.extend_from_slice(b"PERMANENTFLAGS ");
                let star = Flag::Keyword("\\*".to_owned());
                let all = flags.iter().chain(any_keyword.then_some(&star));
                flag_list(out, all);
            }
            Code::ReadOnly => out.extend_from_slice(b"READ-ONLY"),
            Code::ReadWrite => out.extend_from_slice(b"READ-WRITE"),
            Code::Closed => out.extend_from_slice(b"CLOSED"),
            Code::TryCreate => out.extend_from_slice(b"TRYCREATE"),
            Code::AlreadyExists => out.extend_from_slice(b"ALREADYEXISTS"),
            Code::NonExistent => out.extend_from_slice(b"NONEXISTENT"),
            Code::AuthenticationFailed => out.extend_from_slice(b"AUTHENTICATIONFAILED"),
            Code::PrivacyRequired => out.extend_from_slice(b"PRIVACYREQUIRED"),
            Code::BadCharset(charsets) => {
                out.extend_from_slice(b"BADCHARSET (");
                words(out, charsets);
                out.push(b')');
            }
            Code::TooBig => out.extend_from_slice(b"TOOBIG"),
            Code::Limit => out.extend_from_slice(b"LIMIT"),
            Code::UnknownCte => out.extend_from_slice(b"UNKNOWN-CTE"),
            Code::Cannot => out.extend_from_slice(b"CANNOT"),
            Code::HasChildren => out.extend_from_slice(b"HASCHILDREN"),
            Code::CopyUid { validity, from, to } => {
                let text = format!(
                    "COPYUID {validity} {} {}",
                    SequenceSet::compact(from),
                    SequenceSet::compact(to)
                );
                out.extend_from_slice(text.as_bytes());
            }
            Code::AppendUid { validity, uid } => {
                write_to(out, format_args!("APPENDUID {validity} {uid}"))
            }
        }
    }
}

impl Data {
    fn encode(&self, out: &mut Vec<u8>) {
        match self {
            Data::Capability(caps) => {
                out.extend_from_slice(b"CAPABILITY ");
                words(out, caps);
            }
            Data::Enabled(caps) => {
                out.extend_from_slice(b"ENABLED");
                for cap in caps {
                    out.push(b' ');
                    out.extend_from_slice(cap.as_bytes());
                }
            }
            Data::Id(fields) => {
                out.extend_from_slice(b"ID (");
                for (i, (field, value)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(b' ');
                    }
                    string(out, field.as_bytes());
                    out.push(b' ');
                    string(out, value.as_bytes());
                }
                out.push(b')');
            }
            Data::Namespace(personal) => {
                out.extend_from_slice(b"NAMESPACE (");
                for (prefix, delimiter) in personal {
                    out.push(b'(');
                    string(out, prefix.as_bytes());
                    out.push(b' ');
                    string(out, delimiter.to_string().as_bytes());
                    out.push(b')');
                }
                out.extend_from_slice(b") NIL NIL");
            }
            Data::List {
                attributes,
                delimiter,
                name,
            }
            | Data::Lsub {
                attributes,
                delimiter,
                name,
            } => {
                let word = if matches!(self, Data::List { .. }) {
                    "LIST"
                } else {
                    "LSUB"
                };
                write_to(out, format_args!("{word} ("));
                let names: Vec<&str> = attributes.iter().map(|a| a.name()).collect();
                words(out, &names);
                out.extend_from_slice(b") ");
                string(out, delimiter.to_string().as_bytes());
                out.push(b' ');
                mailbox(out, name);
            }
            Data::Status {
                mailbox: name,
                items,
            } => {
                out.extend_from_slice(b"STATUS ");
                mailbox(out, name);
                out.extend_from_slice(b" (");
                for (i, (item, value)) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(b' ');
                    }
                    number(out, item.name(), value);
                }
                out.push(b')');
            }
            Data::Search(found) => {
                out.extend_from_slice(b"SEARCH");
                for n in found {
                    write_to(out, format_args!(" {n}"));
                }
            }
            Data::Esearch {
                tag,
                uid,
                min,
                max,
                count,
                all,
            } => {
                out.extend_from_slice(b"ESEARCH (TAG ");
                string(out, tag.as_bytes());
                out.push(b')');
                if *uid {
                    out.extend_from_slice(b" UID");
                }
                if let Some(n) = min {
                    write_to(out, format_args!(" MIN {n}"));
                }
                if let Some(n) = max {
                    write_to(out, format_args!(" MAX {n}"));
                }
                if let Some(n) = count {
                    write_to(out, format_args!(" COUNT {n}"));
                }
                if let Some(all) = all.as_ref().filter(|a| !a.is_empty()) {
                    out.extend_from_slice(b" ALL ");
                    out.extend_from_slice(SequenceSet::compact(all).as_bytes());
                }
            }
            Data::Flags(flags) => {
                out.extend_from_slice(b"FLAGS ");
                flag_list(out, flags);
            }
            Data::Exists(n) => write_to(out, format_args!("{n} EXISTS")),
            Data::Recent(n) => write_to(out, format_args!("{n} RECENT")),
            Data::Expunge(n) => write_to(out, format_args!("{n} EXPUNGE")),
            Data::Fetch { seq, items } => {
                write_to(out, format_args!("{seq} FETCH ("));
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(b' ');
                    }
                    item.encode(out);
                }
                out.push(b')');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn wire(r: Response) -> String {
        let mut out = Vec::new();
        r.encode(&mut out);
        String::from_utf8_lossy(&out).into_owned()
    }

    fn data(d: Data) -> String {
        wire(Response::Data(d))
    }

    #[test]
    fn status_responses_tagged_and_untagged() {
        assert_eq!(
            wire(Response::tagged("a1", Status::Ok, None, "NOOP completed")),
            "a1 OK NOOP completed\r\n"
        );
        assert_eq!(
            wire(Response::untagged(
                Status::Ok,
                Some(Code::UidNext(7)),
                "Predicted next UID"
            )),
            "* OK [UIDNEXT 7] Predicted next UID\r\n"
        );
        assert_eq!(
            wire(Response::untagged(
                Status::Bye,
                None,
                "Server shutting down"
            )),
            "* BYE Server shutting down\r\n"
        );
        assert_eq!(
            wire(Response::Continue("Ready for literal data".into())),
            "+ Ready for literal data\r\n"
        );
    }

    #[test]
    fn codes_as_rfc_9051_writes_them() {
        let code = |c: Code| wire(Response::tagged("t", Status::No, Some(c), "x"));
        assert_eq!(code(Code::TryCreate), "t NO [TRYCREATE] x\r\n");
        assert_eq!(
            code(Code::BadCharset(vec!["UTF-8", "US-ASCII"])),
            "t NO [BADCHARSET (UTF-8 US-ASCII)] x\r\n"
        );
        assert_eq!(
            code(Code::CopyUid {
                validity: 16,
                from: vec![1, 2, 3, 5],
                to: vec![7, 8, 9, 10]
            }),
            "t NO [COPYUID 16 1:3,5 7:10] x\r\n"
        );
        assert_eq!(
            code(Code::AppendUid {
                validity: 16,
                uid: Uid(4)
            }),
            "t NO [APPENDUID 16 4] x\r\n"
        );
        assert_eq!(
            code(Code::PermanentFlags {
                flags: vec![Flag::Seen, Flag::Deleted],
                any_keyword: true
            }),
            "t NO [PERMANENTFLAGS (\\Seen \\Deleted \\*)] x\r\n"
        );
        assert_eq!(
            code(Code::PermanentFlags {
                flags: vec![],
                any_keyword: false
            }),
            "t NO [PERMANENTFLAGS ()] x\r\n"
        );
    }

    #[test]
    fn mailbox_data() {
        assert_eq!(
            data(Data::List {
                attributes: vec![MailboxAttribute::HasNoChildren, MailboxAttribute::Sent],
                delimiter: '/',
                name: "Sent".into()
            }),
            "* LIST (\\HasNoChildren \\Sent) \"/\" Sent\r\n"
        );
        assert_eq!(
            data(Data::Lsub {
                attributes: vec![],
                delimiter: '/',
                name: "My folder".into()
            }),
            "* LSUB () \"/\" \"My folder\"\r\n"
        );
        assert_eq!(
            data(Data::Status {
                mailbox: "INBOX".into(),
                items: vec![(StatusItem::Messages, 5), (StatusItem::Unseen, 2)]
            }),
            "* STATUS INBOX (MESSAGES 5 UNSEEN 2)\r\n"
        );
        assert_eq!(
            data(Data::Namespace(vec![(String::new(), '/')])),
            "* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n"
        );
    }

    #[test]
    fn search_results_in_both_revisions() {
        assert_eq!(data(Data::Search(vec![])), "* SEARCH\r\n");
        assert_eq!(data(Data::Search(vec![2, 4])), "* SEARCH 2 4\r\n");
        assert_eq!(
            data(Data::Esearch {
                tag: "a5".into(),
                uid: true,
                min: None,
                max: None,
                count: None,
                all: Some(vec![1, 2, 3, 9])
            }),
            "* ESEARCH (TAG \"a5\") UID ALL 1:3,9\r\n"
        );
        assert_eq!(
            data(Data::Esearch {
                tag: "a6".into(),
                uid: false,
                min: Some(2),
                max: Some(7),
                count: Some(3),
                all: Some(vec![])
            }),
            "* ESEARCH (TAG \"a6\") MIN 2 MAX 7 COUNT 3\r\n"
        );
    }

    #[test]
    fn message_data() {
        assert_eq!(data(Data::Exists(6)), "* 6 EXISTS\r\n");
        assert_eq!(data(Data::Expunge(2)), "* 2 EXPUNGE\r\n");
        assert_eq!(
            data(Data::Fetch {
                seq: 3,
                items: vec![
                    MsgAtt::Uid(Uid(3)),
                    MsgAtt::Flags(BTreeSet::from([Flag::Seen]))
                ]
            }),
            "* 3 FETCH (UID 3 FLAGS (\\Seen))\r\n"
        );
        assert_eq!(
            data(Data::Enabled(vec!["IMAP4rev2"])),
            "* ENABLED IMAP4rev2\r\n"
        );
        assert_eq!(data(Data::Enabled(vec![])), "* ENABLED\r\n");
        assert_eq!(
            data(Data::Id(vec![("name", "Facteur")])),
            "* ID (\"name\" \"Facteur\")\r\n"
        );
    }
}

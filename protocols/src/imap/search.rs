//! Evaluating SEARCH keys against messages (RFC 9051 §6.4.4): strings match as
//! case-insensitive substrings, dates by calendar day.

use super::mime::Parsed;
use super::types::SearchKey;
use crate::store::{Flag, Message, Uid};
use crate::time::Timestamp;

/// One message as SEARCH sees it.
pub struct Candidate<'a> {
    pub seq: u32,
    pub message: &'a Message,
    /// The largest sequence number and UID in the mailbox, for `*`.
    pub max_seq: u32,
    pub max_uid: u32,
    /// The messages `$` stands for (RFC 5182).
    pub saved: &'a [Uid],
}

fn day(t: Timestamp) -> i64 {
    t.0.div_euclid(86_400)
}

fn contains(haystack: &str, needle: &str) -> bool {
    haystack.to_lowercase().contains(&needle.to_lowercase())
}

/// The values of every `name:` field of a message's own header, unfolded, read straight
/// from its octets; None when one of them holds an RFC 2047 encoded word (`=?`), which
/// only the MIME decoder can read. A search over 10,000 messages by subject or sender
/// then reads a few lines of each instead of parsing every header field.
fn plain_fields(raw: &[u8], name: &str) -> Option<Vec<String>> {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(raw.len(), |i| i + 2);
    let mut values: Vec<String> = Vec::new();
    let mut inside = false;
    for line in raw[..end].split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let folded = line.first().is_some_and(|b| *b == b' ' || *b == b'\t');
        if folded {
            if let (true, Some(value)) = (inside, values.last_mut()) {
                value.push_str(&String::from_utf8_lossy(line));
            }
            continue;
        }
        let field = line
            .iter()
            .position(|&b| b == b':')
            .filter(|&colon| line[..colon].eq_ignore_ascii_case(name.as_bytes()));
        inside = field.is_some();
        if let Some(colon) = field {
            values.push(String::from_utf8_lossy(&line[colon + 1..]).into_owned());
        }
    }
    (!values.iter().any(|v| v.contains("=?"))).then_some(values)
}

impl Candidate<'_> {
    pub fn matches(&self, key: &SearchKey) -> bool {
        let m = self.message;
        let parsed = || Parsed::new(&m.raw.0);
        let head = || Parsed::header_only(&m.raw.0);
        let header = |name: &str, needle: &str| match plain_fields(&m.raw.0, name) {
            Some(values) => values.iter().any(|h| contains(h, needle)),
            None => head().header_text(name).iter().any(|h| contains(h, needle)),
        };
        use SearchKey as K;
        match key {
            K::All | K::Old => true,
            K::New | K::Recent => false,
            K::Answered => m.has(&Flag::Answered),
            K::Deleted => m.has(&Flag::Deleted),
            K::Draft => m.has(&Flag::Draft),
            K::Flagged => m.has(&Flag::Flagged),
            K::Seen => m.has(&Flag::Seen),
            K::Unanswered => !m.has(&Flag::Answered),
            K::Undeleted => !m.has(&Flag::Deleted),
            K::Undraft => !m.has(&Flag::Draft),
            K::Unflagged => !m.has(&Flag::Flagged),
            K::Unseen => !m.has(&Flag::Seen),
            K::Keyword(k) => m
                .flags
                .iter()
                .any(|f| matches!(f, Flag::Keyword(x) if x.eq_ignore_ascii_case(k))),
            K::Unkeyword(k) => !m
                .flags
                .iter()
                .any(|f| matches!(f, Flag::Keyword(x) if x.eq_ignore_ascii_case(k))),
            K::Bcc(s) => header("Bcc", s),
            K::Cc(s) => header("Cc", s),
            K::From(s) => header("From", s),
            K::To(s) => header("To", s),
            K::Subject(s) => header("Subject", s),
            K::Header(name, s) => {
                let values =
                    plain_fields(&m.raw.0, name).unwrap_or_else(|| head().header_text(name));
                !values.is_empty() && values.iter().any(|h| contains(h, s))
            }
            K::Body(s) => contains(&parsed().body_text(), s),
            // RFC 9051 §6.4.4: TEXT looks in the header and the body, the headers of MIME
            // parts included.
            K::Text(s) => {
                let p = parsed();
                contains(&p.all_headers(), s) || contains(&p.body_text(), s)
            }
            K::Before(d) => day(m.internal_date) < day(*d),
            K::On(d) => day(m.internal_date) == day(*d),
            K::Since(d) => day(m.internal_date) >= day(*d),
            K::SentBefore(d) => head().sent_day().is_some_and(|s| day(s) < day(*d)),
            K::SentOn(d) => head().sent_day().is_some_and(|s| day(s) == day(*d)),
            K::SentSince(d) => head().sent_day().is_some_and(|s| day(s) >= day(*d)),
            K::Larger(n) => m.size() > *n as usize,
            K::Smaller(n) => m.size() < *n as usize,
            K::Uid(set) | K::Sequence(set) if set.is_saved() => self.saved.contains(&m.uid),
            K::Uid(set) => set.contains(m.uid.0, self.max_uid),
            K::Sequence(set) => set.contains(self.seq, self.max_seq),
            K::Not(k) => !self.matches(k),
            K::Or(a, b) => self.matches(a) || self.matches(b),
            K::And(keys) => keys.iter().all(|k| self.matches(k)),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_plain_field_is_read_from_the_octets_unfolded_and_an_encoded_one_is_left_to_the_decoder() {
        let raw = b"From: Carol <carol@other.test>\r\nsubject: Tide\r\n tables\r\nX-Note: =?utf-8?q?caf=C3=A9?=\r\n\r\nSubject: not a header\r\n";
        assert_eq!(
            plain_fields(raw, "Subject"),
            Some(vec![" Tide tables".to_owned()]),
            "case-insensitive, folded, and the body is not the header"
        );
        assert_eq!(plain_fields(raw, "Cc"), Some(vec![]));
        assert_eq!(
            plain_fields(raw, "X-Note"),
            None,
            "an encoded word needs decoding"
        );
    }

    use super::*;
    use crate::imap::command::parse;
    use crate::imap::types::Command;
    use crate::store::{Preset, INBOX};

    /// The sequence numbers in bob's demo INBOX that a SEARCH line matches.
    fn search(keys: &str) -> Vec<u32> {
        let store = Preset::builtin("demo")
            .and_then(|p| p.build())
            .expect("demo");
        let inbox = store.mailbox("bob", INBOX).expect("inbox");
        let Ok((_, Command::Search { key, .. })) = parse(&format!("a1 SEARCH {keys}"), &[]) else {
            panic!("not a search: {keys}");
        };
        let max_seq = inbox.messages.len() as u32;
        let max_uid = inbox.messages.last().map_or(0, |m| m.uid.0);
        (1..=max_seq)
            .filter(|&seq| {
                let c = Candidate {
                    seq,
                    message: &inbox.messages[seq as usize - 1],
                    max_seq,
                    max_uid,
                    saved: &[],
                };
                c.matches(&key)
            })
            .collect()
    }

    #[test]
    fn flags_and_their_negations() {
        assert_eq!(search("ALL"), [1, 2, 3, 4, 5]);
        assert_eq!(search("UNSEEN"), [3, 4]);
        assert_eq!(search("SEEN ANSWERED"), [5]);
        assert_eq!(search("NOT SEEN"), search("UNSEEN"));
        assert_eq!(
            search("NEW"),
            Vec::<u32>::new(),
            "no \\\\Recent in IMAP4rev2"
        );
    }

    #[test]
    fn headers_and_text_match_as_case_insensitive_substrings() {
        assert_eq!(search("FROM alice"), [4, 5]);
        assert_eq!(search("FROM \"alice liddell\""), [4, 5]);
        assert_eq!(search("SUBJECT receipt"), [2]);
        assert_eq!(search("TO bob SUBJECT meeting"), [4]);
        assert_eq!(search("BODY lighthouse"), [1]);
        assert_eq!(search("TEXT screws"), [2, 5]);
        assert_eq!(search("HEADER List-Id \"\""), [1]);
        assert_eq!(search("OR FROM carol FROM shop"), [2, 3]);
    }

    #[test]
    fn dates_compare_by_day_and_sizes_by_octets() {
        assert_eq!(search("SINCE 21-Nov-2026"), [3, 4, 5]);
        assert_eq!(search("BEFORE 19-Nov-2026"), [1]);
        assert_eq!(search("ON 19-Nov-2026"), [2]);
        assert_eq!(search("SENTON 24-Nov-2026"), [4]);
        assert_eq!(search("LARGER 1000"), [4]);
        assert_eq!(search("SMALLER 600"), [5]);
    }

    #[test]
    fn sequence_sets_and_uids_with_star() {
        assert_eq!(search("2:3"), [2, 3]);
        assert_eq!(search("*"), [5]);
        assert_eq!(search("UID 4:*"), [4, 5]);
        assert_eq!(search("(FROM alice UID 1:4)"), [4]);
    }
}

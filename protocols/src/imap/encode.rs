//! Writing IMAP data: strings, flag lists, dates (RFC 9051 §4 and §9).

use std::collections::BTreeSet;

use crate::store::Flag;
use crate::time::Timestamp;

/// A string as IMAP sends it: quoted when it is short printable ASCII, otherwise a literal
/// (`{n}` CRLF octets), which carries anything, 8-bit and line breaks included.
pub fn string(out: &mut Vec<u8>, value: &[u8]) {
    let quotable = value.len() <= 1024 && value.iter().all(|&b| (0x20..0x7f).contains(&b));
    if quotable {
        out.push(b'"');
        for &b in value {
            if b == b'"' || b == b'\\' {
                out.push(b'\\');
            }
            out.push(b);
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(format!("{{{}}}\r\n", value.len()).as_bytes());
        out.extend_from_slice(value);
    }
}

/// `nstring = string / nil`
pub fn nstring(out: &mut Vec<u8>, value: Option<&[u8]>) {
    match value {
        Some(v) => string(out, v),
        None => out.extend_from_slice(b"NIL"),
    }
}

/// `flag-list`: `(\Seen \Flagged)`
pub fn flags(flags: &BTreeSet<Flag>) -> String {
    let names: Vec<&str> = flags.iter().map(Flag::name).collect();
    format!("({})", names.join(" "))
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `date-time` as in INTERNALDATE: `"27-Nov-2026 09:00:00 +0000"` (day padded with a space).
pub fn date_time(t: Timestamp) -> String {
    let c = t.civil();
    let month = MONTHS.get(c.month as usize - 1).copied().unwrap_or("Jan");
    format!(
        "\"{:>2}-{month}-{:04} {:02}:{:02}:{:02} +0000\"",
        c.day, c.year, c.hour, c.minute, c.second
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(value: &[u8]) -> String {
        let mut out = Vec::new();
        string(&mut out, value);
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn strings_are_quoted_or_sent_as_literals() {
        assert_eq!(s(b"Harbour Weekly"), "\"Harbour Weekly\"");
        assert_eq!(s(br#"say "hi" \o/"#), r#""say \"hi\" \\o/""#);
        assert_eq!(s("café".as_bytes()), "{5}\r\ncafé");
        assert_eq!(s(b"two\r\nlines"), "{10}\r\ntwo\r\nlines");
    }

    #[test]
    fn internal_dates_pad_the_day_with_a_space() {
        let t = Timestamp::from_ymd(2026, 11, 7).plus_seconds(9 * 3600 + 5);
        assert_eq!(date_time(t), "\" 7-Nov-2026 09:00:05 +0000\"");
    }

    #[test]
    fn flag_lists_use_imap_names() {
        let set = BTreeSet::from([Flag::Flagged, Flag::Seen, Flag::Keyword("$Work".into())]);
        assert_eq!(flags(&set), r"(\Seen \Flagged $Work)");
        assert_eq!(flags(&BTreeSet::new()), "()");
    }
}

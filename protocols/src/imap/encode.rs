//! Writing IMAP data: strings, flag lists, dates (RFC 9051 §4 and §9).

use crate::store::Flag;
use crate::time::Timestamp;

/// Appends formatted text to the wire, with no string made on the way: a FETCH over a
/// large mailbox writes tens of thousands of numbers.
pub fn write_to(out: &mut Vec<u8>, args: std::fmt::Arguments<'_>) {
    use std::io::Write;
    // Writing into a Vec cannot fail.
    let _ = out.write_fmt(args);
}

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
        write_to(out, format_args!("{{{}}}\r\n", value.len()));
        out.extend_from_slice(value);
    }
}

/// A mailbox name as IMAP writes it (`mailbox = "INBOX" / astring`): an atom when it can
/// be, else a quoted string or a literal.
pub fn mailbox(out: &mut Vec<u8>, name: &str) {
    let atom = !name.is_empty()
        && !name.eq_ignore_ascii_case("NIL")
        && name
            .chars()
            .all(|c| c.is_ascii_graphic() && !"(){%*\"\\".contains(c));
    if atom {
        out.extend_from_slice(name.as_bytes());
    } else {
        string(out, name.as_bytes());
    }
}

/// `nstring = string / nil`
pub fn nstring(out: &mut Vec<u8>, value: Option<&[u8]>) {
    match value {
        Some(v) => string(out, v),
        None => out.extend_from_slice(b"NIL"),
    }
}

/// Message data, always as a literal (`{n}` CRLF octets), so line breaks and 8-bit text
/// travel exactly and `n` counts exactly the octets that follow.
pub fn literal(out: &mut Vec<u8>, data: &[u8]) {
    write_to(out, format_args!("{{{}}}\r\n", data.len()));
    out.extend_from_slice(data);
}

/// `flag-list`: `(\Seen \Flagged)`
pub fn flag_list<'a>(out: &mut Vec<u8>, flags: impl IntoIterator<Item = &'a Flag>) {
    out.push(b'(');
    for (i, flag) in flags.into_iter().enumerate() {
        if i > 0 {
            out.push(b' ');
        }
        out.extend_from_slice(flag.name().as_bytes());
    }
    out.push(b')');
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `date-time` as in INTERNALDATE: `"27-Nov-2026 09:00:00 +0000"` (day padded with a space).
pub fn date_time(out: &mut Vec<u8>, t: Timestamp) {
    let c = t.civil();
    let month = MONTHS
        .get((c.month as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("Jan");
    let text = format!(
        "\"{:>2}-{month}-{:04} {:02}:{:02}:{:02} +0000\"",
        c.day, c.year, c.hour, c.minute, c.second
    );
    out.extend_from_slice(text.as_bytes());
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

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

    fn written(f: impl FnOnce(&mut Vec<u8>)) -> String {
        let mut out = Vec::new();
        f(&mut out);
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn internal_dates_pad_the_day_with_a_space() {
        let t = Timestamp::from_ymd(2026, 11, 7).plus_seconds(9 * 3600 + 5);
        assert_eq!(
            written(|o| date_time(o, t)),
            "\" 7-Nov-2026 09:00:05 +0000\""
        );
    }

    #[test]
    fn flag_lists_use_imap_names() {
        let set = BTreeSet::from([Flag::Flagged, Flag::Seen, Flag::Keyword("$Work".into())]);
        assert_eq!(written(|o| flag_list(o, &set)), r"(\Seen \Flagged $Work)");
        assert_eq!(written(|o| flag_list(o, &BTreeSet::new())), "()");
    }

    #[test]
    fn names_that_are_not_atoms_are_quoted() {
        assert_eq!(written(|o| mailbox(o, "INBOX")), "INBOX");
        assert_eq!(written(|o| mailbox(o, "My folder")), "\"My folder\"");
        assert_eq!(written(|o| mailbox(o, "Nil")), "\"Nil\"");
    }

    #[test]
    fn literals_count_exactly_what_follows() {
        assert_eq!(written(|o| literal(o, b"a\r\nb")), "{4}\r\na\r\nb");
        assert_eq!(written(|o| literal(o, b"")), "{0}\r\n");
    }
}

//! ENVELOPE from the header as written (RFC 9051 §7.5.2): the fields are the header text,
//! unfolded (RFC 5322 §2.2.3) but not decoded, so an encoded word such as
//! `=?utf-8?q?Ren=C3=A9e?=` reaches the client as it is, for the subject and the display
//! names alike. Addresses are split with the RFC 5322 §3.4 grammar: display names, angle
//! addresses, quoted local parts and groups.

use super::msg_att::{Envelope, EnvelopeAddress};

/// A header value unfolded: each CRLF before a space or tab is removed, the ends trimmed.
pub fn unfold(value: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(value.len());
    let mut i = 0;
    while i < value.len() {
        let fold = value[i] == b'\r' && value.get(i + 1) == Some(&b'\n');
        if fold && matches!(value.get(i + 2), Some(b' ' | b'\t')) {
            i += 2;
            continue;
        }
        if value[i] == b'\n' && matches!(value.get(i + 1), Some(b' ' | b'\t')) {
            i += 1;
            continue;
        }
        out.push(value[i]);
        i += 1;
    }
    out.trim_ascii().to_vec()
}

/// The envelope, given a way to read each header's raw value.
pub fn envelope<'a>(header: impl Fn(&str) -> Option<&'a [u8]>) -> Envelope {
    let text = |name: &str| header(name).map(unfold);
    let addresses = |name: &str| header(name).map(|v| address_list(&unfold(v)));
    let from = addresses("From").unwrap_or_default();
    let or_from = |list: Option<Vec<EnvelopeAddress>>| match list {
        Some(l) if !l.is_empty() => l,
        _ => from.clone(),
    };
    Envelope {
        date: text("Date"),
        subject: text("Subject"),
        sender: or_from(addresses("Sender")),
        reply_to: or_from(addresses("Reply-To")),
        to: addresses("To").unwrap_or_default(),
        cc: addresses("Cc").unwrap_or_default(),
        bcc: addresses("Bcc").unwrap_or_default(),
        in_reply_to: text("In-Reply-To"),
        message_id: text("Message-ID"),
        from,
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// An atom, or a run of atom text and dots.
    Word(Vec<u8>),
    /// A quoted string's content, escapes removed.
    Quoted(Vec<u8>),
    Special(u8),
}

fn tokens(value: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < value.len() {
        match value[i] {
            b' ' | b'\t' | b'\r' | b'\n' => i += 1,
            b'(' => {
                // A comment, nested perhaps: nothing of it goes into the envelope.
                let mut depth = 0;
                while i < value.len() {
                    match value[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => depth -= 1,
                        _ => {}
                    }
                    i += 1;
                    if depth == 0 {
                        break;
                    }
                }
            }
            b'"' => {
                let mut s = Vec::new();
                i += 1;
                while i < value.len() && value[i] != b'"' {
                    if value[i] == b'\\' && i + 1 < value.len() {
                        i += 1;
                    }
                    s.push(value[i]);
                    i += 1;
                }
                i += 1;
                out.push(Token::Quoted(s));
            }
            c @ (b'<' | b'>' | b',' | b':' | b';' | b'@') => {
                out.push(Token::Special(c));
                i += 1;
            }
            _ => {
                let start = i;
                while i < value.len() && !b" \t\r\n(\"<>,:;@".contains(&value[i]) {
                    i += 1;
                }
                out.push(Token::Word(value[start..i].to_vec()));
            }
        }
    }
    out
}

/// `address-list` (RFC 5322 §3.4), groups marked as RFC 9051 §7.5.2 describes.
pub fn address_list(value: &[u8]) -> Vec<EnvelopeAddress> {
    let tokens = tokens(value);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let (phrase, next) = phrase(&tokens, i);
        match tokens.get(next) {
            Some(Token::Special(b':')) => {
                out.push(EnvelopeAddress {
                    mailbox: Some(phrase),
                    ..EnvelopeAddress::default()
                });
                i = next + 1;
                while i < tokens.len() && tokens[i] != Token::Special(b';') {
                    let (address, after) = mailbox(&tokens, i);
                    out.extend(address);
                    i = after;
                    if tokens.get(i) == Some(&Token::Special(b',')) {
                        i += 1;
                    }
                }
                out.push(EnvelopeAddress::default());
                i += 1;
            }
            _ => {
                let (address, after) = mailbox(&tokens, i);
                out.extend(address);
                i = after;
            }
        }
        while tokens.get(i) == Some(&Token::Special(b',')) {
            i += 1;
        }
    }
    out
}

/// Words and quoted strings up to the next special: a display name or a local part.
fn phrase(tokens: &[Token], mut i: usize) -> (Vec<u8>, usize) {
    let mut words: Vec<Vec<u8>> = Vec::new();
    while let Some(Token::Word(w) | Token::Quoted(w)) = tokens.get(i) {
        words.push(w.clone());
        i += 1;
    }
    (words.join(&b' '), i)
}

/// `mailbox = name-addr / addr-spec`, up to the next comma (or the group's end).
fn mailbox(tokens: &[Token], start: usize) -> (Option<EnvelopeAddress>, usize) {
    let (name, mut i) = phrase(tokens, start);
    match tokens.get(i) {
        Some(Token::Special(b'<')) => {
            let (local, after) = phrase(tokens, i + 1);
            i = after;
            let mut host = None;
            if tokens.get(i) == Some(&Token::Special(b'@')) {
                let (domain, after) = phrase(tokens, i + 1);
                host = Some(domain);
                i = after;
            }
            while i < tokens.len() && tokens[i] != Token::Special(b'>') {
                i += 1;
            }
            let address = EnvelopeAddress {
                name: (!name.is_empty()).then_some(name),
                mailbox: Some(local),
                host,
            };
            (Some(address), i + 1)
        }
        Some(Token::Special(b'@')) => {
            let (domain, after) = phrase(tokens, i + 1);
            let address = EnvelopeAddress {
                name: None,
                mailbox: Some(name),
                host: Some(domain),
            };
            (Some(address), after)
        }
        _ if name.is_empty() => (None, i + 1),
        _ => {
            let address = EnvelopeAddress {
                name: None,
                mailbox: Some(name),
                host: None,
            };
            (Some(address), i)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addr(name: Option<&str>, mailbox: Option<&str>, host: Option<&str>) -> EnvelopeAddress {
        let b = |s: Option<&str>| s.map(|s| s.as_bytes().to_vec());
        EnvelopeAddress {
            name: b(name),
            mailbox: b(mailbox),
            host: b(host),
        }
    }

    #[test]
    fn folded_values_are_unfolded_and_trimmed() {
        assert_eq!(
            unfold(b" A long subject\r\n that was folded\r\n"),
            b"A long subject that was folded"
        );
        assert_eq!(unfold(b"tab\r\n\tfolded"), b"tab\tfolded");
    }

    #[test]
    fn names_stay_encoded_and_quotes_go() {
        assert_eq!(
            address_list(b"=?utf-8?q?Ren=C3=A9e?= <renee@other.test>"),
            [addr(
                Some("=?utf-8?q?Ren=C3=A9e?="),
                Some("renee"),
                Some("other.test")
            )]
        );
        assert_eq!(
            address_list(b"\"Front Desk\" <\"quoted local\"@example.test>"),
            [addr(
                Some("Front Desk"),
                Some("quoted local"),
                Some("example.test")
            )]
        );
        assert_eq!(
            address_list(b"Bob Builder <bob@example.test>, carol@other.test (Carol)"),
            [
                addr(Some("Bob Builder"), Some("bob"), Some("example.test")),
                addr(None, Some("carol"), Some("other.test"))
            ]
        );
    }

    #[test]
    fn groups_are_marked_at_both_ends() {
        assert_eq!(
            address_list(b"undisclosed-recipients:;"),
            [
                addr(None, Some("undisclosed-recipients"), None),
                addr(None, None, None)
            ]
        );
        assert_eq!(
            address_list(b"Team: alice@example.test, \"Carol K.\" <carol@other.test>;"),
            [
                addr(None, Some("Team"), None),
                addr(None, Some("alice"), Some("example.test")),
                addr(Some("Carol K."), Some("carol"), Some("other.test")),
                addr(None, None, None)
            ]
        );
    }
}

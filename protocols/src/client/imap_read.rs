//! Reading IMAP responses as a client does (RFC 9051 §2.2.2, §4, §7): one response is a
//! line, or a line interrupted by literals (`{n}` and n octets) and continued after them.
//! The tokens are the data formats of §4: atoms, numbers, strings (quoted or literal),
//! parenthesized lists and NIL.

use super::incoming::Incoming;
use crate::store::Flag;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// An atom, a number, NIL, or a bracketed piece such as `BODY[]` or `[UIDVALIDITY 3]`.
    Atom(String),
    /// A quoted string or a literal, as octets.
    Text(Vec<u8>),
    List(Vec<Token>),
}

impl Token {
    pub fn atom(&self) -> Option<&str> {
        match self {
            Token::Atom(a) => Some(a),
            _ => None,
        }
    }

    pub fn number(&self) -> Option<u32> {
        self.atom()?.parse().ok()
    }

    /// An astring or nstring as text (a mailbox name, say).
    pub fn text(&self) -> Option<String> {
        match self {
            Token::Atom(a) if a.eq_ignore_ascii_case("NIL") => None,
            Token::Atom(a) => Some(a.clone()),
            Token::Text(t) => Some(String::from_utf8_lossy(t).into_owned()),
            Token::List(_) => None,
        }
    }
}

/// One whole response: its tag (`*`, `+` or the command's tag), the first line as text for
/// showing to the user, and every token after the tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub tag: String,
    pub line: String,
    pub tokens: Vec<Token>,
}

impl Response {
    /// The word after the tag, or after the number of `* 3 EXISTS`.
    pub fn keyword(&self) -> &str {
        let at = usize::from(self.number().is_some());
        self.tokens.get(at).and_then(Token::atom).unwrap_or("")
    }

    /// The number of a numbered untagged response (`* 3 EXISTS`, `* 3 FETCH …`).
    pub fn number(&self) -> Option<u32> {
        self.tokens.first()?.number()
    }

    /// The number a response code carries (`[UIDVALIDITY 3857529045]`).
    pub fn code_number(&self, code: &str) -> Option<u32> {
        let start = self.line.find(&format!("[{code} "))? + code.len() + 2;
        let rest = &self.line[start..];
        rest[..rest.find(']')?].trim().parse().ok()
    }

    /// The words of a response code holding a list (`[CAPABILITY IMAP4rev2 …]`).
    pub fn code_words(&self, code: &str) -> Option<Vec<String>> {
        let start = self.line.find(&format!("[{code} "))? + code.len() + 2;
        let rest = &self.line[start..];
        Some(
            rest[..rest.find(']')?]
                .split_whitespace()
                .map(str::to_owned)
                .collect(),
        )
    }

    /// Whether this completes a command with OK.
    pub fn is_ok(&self) -> bool {
        self.tokens
            .first()
            .and_then(Token::atom)
            .is_some_and(|a| a.eq_ignore_ascii_case("OK"))
    }
}

/// Reads one whole response from the buffer, or None until all of it has arrived; what
/// was read of an incomplete one waits in `partial`.
pub fn read(incoming: &mut Incoming, partial: &mut Partial) -> Option<Response> {
    loop {
        if let Some(size) = partial.wanted {
            partial.literals.push(incoming.take(size)?);
            partial.wanted = None;
        }
        let line = incoming.line()?;
        match literal_size(&line) {
            Some((size, start)) => {
                partial.text.extend_from_slice(&line[..start]);
                partial.text.push(0);
                partial.wanted = Some(size);
            }
            None => {
                partial.text.extend_from_slice(&line);
                return Some(partial.finish());
            }
        }
    }
}

/// A response read in part: its text so far (each literal stands as a NUL), its literals.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Partial {
    text: Vec<u8>,
    literals: Vec<Vec<u8>>,
    /// The size of a literal announced but not all here yet.
    wanted: Option<usize>,
}

impl Partial {
    fn finish(&mut self) -> Response {
        let text = std::mem::take(&mut self.text);
        let mut literals = std::mem::take(&mut self.literals).into_iter();
        let shown = String::from_utf8_lossy(&text).replace('\0', "{…}");
        let mut tokens = tokens(&text, &mut literals);
        let tag = match tokens.first() {
            Some(Token::Atom(a)) => a.clone(),
            _ => String::new(),
        };
        if !tokens.is_empty() {
            tokens.remove(0);
        }
        Response {
            tag,
            line: shown,
            tokens,
        }
    }
}

/// `{n}` or `{n+}` at the end of a line: the literal's size and where the marker starts.
fn literal_size(line: &[u8]) -> Option<(usize, usize)> {
    let body = line.strip_suffix(b"}")?;
    let open = body.iter().rposition(|&b| b == b'{')?;
    let digits = &body[open + 1..];
    let digits = digits.strip_suffix(b"+").unwrap_or(digits);
    let size = std::str::from_utf8(digits).ok()?.parse().ok()?;
    Some((size, open))
}

fn tokens(text: &[u8], literals: &mut impl Iterator<Item = Vec<u8>>) -> Vec<Token> {
    let mut at = 0;
    list(text, &mut at, literals)
}

fn list(text: &[u8], at: &mut usize, literals: &mut impl Iterator<Item = Vec<u8>>) -> Vec<Token> {
    let mut out = Vec::new();
    while let Some(&b) = text.get(*at) {
        match b {
            b' ' => *at += 1,
            b')' => {
                *at += 1;
                return out;
            }
            b'(' => {
                *at += 1;
                out.push(Token::List(list(text, at, literals)));
            }
            b'\0' => {
                *at += 1;
                out.push(Token::Text(literals.next().unwrap_or_default()));
            }
            b'"' => out.push(Token::Text(quoted(text, at))),
            _ => out.push(Token::Atom(atom(text, at))),
        }
    }
    out
}

/// A quoted string, with `\"` and `\\` unescaped (RFC 9051 §4.3).
fn quoted(text: &[u8], at: &mut usize) -> Vec<u8> {
    let mut out = Vec::new();
    *at += 1;
    while let Some(&b) = text.get(*at) {
        *at += 1;
        match b {
            b'"' => break,
            b'\\' => {
                if let Some(&next) = text.get(*at) {
                    out.push(next);
                    *at += 1;
                }
            }
            _ => out.push(b),
        }
    }
    out
}

/// An atom; brackets are kept whole, so `BODY[HEADER.FIELDS (FROM)]` and `[READ-WRITE]`
/// are one token each.
fn atom(text: &[u8], at: &mut usize) -> String {
    let start = *at;
    let mut depth = 0_u32;
    while let Some(&b) = text.get(*at) {
        match b {
            b'[' => depth += 1,
            b']' => depth = depth.saturating_sub(1),
            b' ' | b'(' | b')' if depth == 0 => break,
            _ => {}
        }
        *at += 1;
    }
    String::from_utf8_lossy(&text[start..*at]).into_owned()
}

/// Flags as a FETCH or a push lists them; `\Recent` is not a flag a client keeps.
pub fn flags(list: &[Token]) -> std::collections::BTreeSet<Flag> {
    list.iter()
        .filter_map(Token::atom)
        .filter(|a| !a.eq_ignore_ascii_case("\\Recent"))
        .map(|a| Flag::system(a).unwrap_or_else(|| Flag::Keyword(a.to_owned())))
        .collect()
}

/// A mailbox name or other string as a command argument: an atom when it can be one,
/// otherwise quoted (RFC 9051 §4.3).
pub fn astring(text: &str) -> String {
    let atom = !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_graphic() && !b"(){%*\"\\]".contains(&b));
    if atom {
        text.to_owned()
    } else {
        format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(bytes: &[u8]) -> Option<Response> {
        let mut i = Incoming::default();
        i.push(bytes);
        read(&mut i, &mut Partial::default())
    }

    #[test]
    fn a_fetch_with_a_literal_is_one_response() {
        let r = one(b"* 2 FETCH (UID 7 FLAGS (\\Seen $Work) BODY[] {5}\r\nhi\r\n!)\r\n")
            .expect("whole");
        assert_eq!(
            (r.tag.as_str(), r.number(), r.keyword()),
            ("*", Some(2), "FETCH")
        );
        let Token::List(items) = &r.tokens[2] else {
            panic!("a list: {r:?}");
        };
        assert_eq!(items[1], Token::Atom("7".into()));
        assert_eq!(
            flags(match &items[3] {
                Token::List(l) => l,
                _ => panic!("flags"),
            }),
            [Flag::Seen, Flag::Keyword("$Work".into())].into()
        );
        assert_eq!(items[4], Token::Atom("BODY[]".into()));
        assert_eq!(items[5], Token::Text(b"hi\r\n!".to_vec()));
    }

    #[test]
    fn a_literal_split_across_reads_is_waited_for() {
        let mut i = Incoming::default();
        let mut p = Partial::default();
        i.push(b"* 1 FETCH (BODY[] {4}\r\nab");
        assert_eq!(read(&mut i, &mut p), None);
        i.push(b"cd)\r\n");
        let r = read(&mut i, &mut p).expect("whole");
        assert_eq!(
            r.tokens[2],
            Token::List(vec![
                Token::Atom("BODY[]".into()),
                Token::Text(b"abcd".to_vec())
            ])
        );
    }

    #[test]
    fn codes_lists_and_quoted_names() {
        let r = one(b"* OK [UIDVALIDITY 3857529045] UIDs valid\r\n").expect("line");
        assert_eq!(r.code_number("UIDVALIDITY"), Some(3_857_529_045));
        let r =
            one(b"* LIST (\\HasNoChildren \\Sent) \"/\" \"My \\\"Mail\\\"\"\r\n").expect("line");
        assert_eq!(r.tokens[3].text().as_deref(), Some("My \"Mail\""));
        assert_eq!(astring("My \"Mail\""), "\"My \\\"Mail\\\"\"");
        assert_eq!(astring("Sent"), "Sent");
    }
}

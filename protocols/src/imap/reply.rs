//! Writing IMAP responses into an [`Output`]: tagged and untagged lines, and responses that
//! carry literals, which span several lines on the wire.

use super::note::ImapNote;
use crate::explain::Note;
use crate::output::{Output, Role};

/// The status of a tagged or untagged response (RFC 9051 §7.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Ok,
    No,
    Bad,
}

impl Status {
    fn word(self) -> &'static str {
        match self {
            Status::Ok => "OK",
            Status::No => "NO",
            Status::Bad => "BAD",
        }
    }
}

/// Sends a response, exactly as given; CRLF is added. A literal inside it (`{n}` CRLF
/// octets) continues on the following lines, which are shown as literal content.
pub fn send(out: &mut Output, bytes: &[u8], note: ImapNote) {
    let role = match bytes.first() {
        Some(b'*') => Role::Untagged,
        Some(b'+') => Role::Continuation,
        _ => Role::Tagged,
    };
    let mut wire = bytes.to_vec();
    wire.extend_from_slice(b"\r\n");
    out.server_bytes(
        &wire,
        Note::Imap(note),
        role,
        Note::Imap(ImapNote::LiteralContent),
    );
}

/// `* text`
pub fn untagged(out: &mut Output, text: &str, note: ImapNote) {
    send(out, format!("* {text}").as_bytes(), note);
}

/// `tag STATUS [code] text`
pub fn tagged(
    out: &mut Output,
    tag: &str,
    status: Status,
    code: Option<&str>,
    text: &str,
    note: ImapNote,
) {
    let line = match code {
        Some(code) => format!("{tag} {} [{code}] {text}", status.word()),
        None => format!("{tag} {} {text}", status.word()),
    };
    out.server_line(line, Note::Imap(note), Role::Tagged);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_response_with_a_literal_spans_lines_that_join_back_exactly() {
        let mut out = Output::default();
        let bytes = b"* 1 FETCH (BODY[] {12}\r\nHi\r\nthere\r\n\r\n)";
        send(&mut out, bytes, ImapNote::FetchData { seq: 1 });
        let lines = out.server_lines();
        assert_eq!(lines, ["* 1 FETCH (BODY[] {12}", "Hi", "there", "", ")"]);
        assert_eq!(out.wire, [bytes.as_slice(), b"\r\n"].concat());
    }
}

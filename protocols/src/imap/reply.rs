//! Sending IMAP responses into an [`Output`]: the response is encoded once, and its kind
//! (tagged, untagged, continuation) tells the page how to show it. A literal inside a
//! response continues on the following lines, which are shown as literal content.

pub use super::response::{Code, Data, Response, Status};

use super::note::ImapNote;
use crate::note::Note;
use crate::output::{Output, Role};

/// Sends a response with what it means.
pub fn respond(out: &mut Output, response: &Response, note: ImapNote) {
    let role = match response {
        Response::Status { tag: Some(_), .. } => Role::Tagged,
        Response::Status { tag: None, .. } | Response::Data(_) => Role::Untagged,
        Response::Continue(_) => Role::Continuation,
    };
    out.server_written(
        |wire| response.encode(wire),
        Note::Imap(note),
        role,
        Note::Imap(ImapNote::LiteralContent),
    );
}

/// `tag STATUS [code] text`: a command's completion.
pub fn tagged(
    out: &mut Output,
    tag: &str,
    status: Status,
    code: Option<Code>,
    text: &str,
    note: ImapNote,
) {
    respond(out, &Response::tagged(tag, status, code, text), note);
}

/// `* STATUS [code] text`
pub fn untagged(out: &mut Output, status: Status, code: Option<Code>, text: &str, note: ImapNote) {
    respond(out, &Response::untagged(status, code, text), note);
}

/// `* data`
pub fn data(out: &mut Output, data: Data, note: ImapNote) {
    respond(out, &Response::Data(data), note);
}

/// `+ text`
pub fn continuation(out: &mut Output, text: &str, note: ImapNote) {
    respond(out, &Response::Continue(text.to_owned()), note);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::imap::msg_att::MsgAtt;
    use crate::imap::types::Section;

    #[test]
    fn a_response_with_a_literal_spans_lines_over_its_exact_bytes() {
        let mut out = Output::default();
        let body = MsgAtt::BodySection {
            section: Section {
                part: vec![],
                text: None,
            },
            origin: None,
            data: Some(b"Hi\r\nthere\r\n\r\n".to_vec()),
        };
        data(
            &mut out,
            Data::Fetch {
                seq: 1,
                items: vec![body],
            },
            ImapNote::FetchData {
                seq: 1,
                envelope: false,
            },
        );
        assert_eq!(
            out.server_lines(),
            ["* 1 FETCH (BODY[] {13}", "Hi", "there", "", ")"]
        );
        assert_eq!(
            out.wire,
            b"* 1 FETCH (BODY[] {13}\r\nHi\r\nthere\r\n\r\n)\r\n"
        );
        let roles = out.server_roles();
        assert_eq!(
            roles,
            [
                Role::Untagged,
                Role::Data,
                Role::Data,
                Role::Data,
                Role::Data
            ]
        );
    }

    #[test]
    fn the_kind_of_response_decides_the_role() {
        let mut out = Output::default();
        tagged(&mut out, "a1", Status::Ok, None, "done", ImapNote::Unparsed);
        untagged(&mut out, Status::Bye, None, "bye", ImapNote::Bye);
        continuation(&mut out, "", ImapNote::ContinueAuthenticate);
        let roles = out.server_roles();
        assert_eq!(roles, [Role::Tagged, Role::Untagged, Role::Continuation]);
        assert_eq!(out.wire, b"a1 OK done\r\n* BYE bye\r\n+ \r\n");
    }
}

//! Parser diagnostics in English: what was expected, and the hint that goes with it. Each
//! protocol's catalogue uses these for its syntax errors.

use crate::crossover::Foreign;
use crate::grammar::{Diagnostic, Expected, Hint};
use crate::port::Service;

/// A command of another protocol: which one, and what to type here instead.
pub(super) fn foreign(f: &Foreign) -> String {
    let (word, there, here) = (&f.word, f.protocol.name(), f.here.name());
    match &f.instead {
        Some(instead) => format!(
            "{word} is a {there} command, and this is an {here} server. In {here}, type {instead} instead."
        ),
        None => format!(
            "{word} is a {there} command, and this is an {here} server. {}",
            roles(f.protocol, f.here)
        ),
    }
}

fn roles(a: Service, b: Service) -> String {
    let role = |s| match s {
        Service::Smtp => "SMTP sends mail",
        Service::Pop3 => "POP3 downloads it to the device (usually removing it from the server)",
        Service::Imap => "IMAP reads it where the server keeps it",
    };
    format!("{}; {}.", role(a), role(b))
}

pub(super) fn expected(e: Expected) -> &'static str {
    match e {
        Expected::Space => "a space",
        Expected::Domain => "a domain name such as laptop.example.test",
        Expected::FromColon => "FROM: right after MAIL",
        Expected::ToColon => "TO: right after RCPT",
        Expected::AnglePath => "an address in angle brackets, such as <bob@example.test>",
        Expected::At => "an @ between the user and the domain",
        Expected::LocalPart => "the user part of an address, before the @",
        Expected::CloseAngle => "a closing >",
        Expected::Parameter => "a parameter such as SIZE=1000",
        Expected::Mechanism => "a mechanism name such as PLAIN",
        Expected::Base64 => "base64 text",
        Expected::MessageNumber => "a message number such as 1",
        Expected::LineCount => "a number of lines",
        Expected::UserName => "a user name",
        Expected::Argument => "an argument",
        Expected::EndOfLine => "the end of the line",
        Expected::Tag => "a tag such as a1, the label the server repeats in its answer",
        Expected::CommandName => "a command name such as FETCH",
        Expected::Mailbox => "a mailbox name such as INBOX or \"My folder\"",
        Expected::AString => "a word, a quoted string or a literal",
        Expected::String => "a quoted string or a literal",
        Expected::SequenceSet => "message numbers such as 1, 2:4 or 1:*",
        Expected::FetchAttribute => "a fetch item such as FLAGS, ENVELOPE or BODY.PEEK[]",
        Expected::Flag => "a flag such as \\Seen or \\Flagged",
        Expected::SearchKey => "a search key such as UNSEEN or FROM alice",
        Expected::Date => "a date such as 1-Nov-2026",
        Expected::DateTime => "a date and time such as \"27-Nov-2026 09:00:00 +0000\"",
        Expected::OpenParen => "an opening parenthesis",
        Expected::CloseParen => "a closing parenthesis",
        Expected::ListOption => {
            "LIST options in parentheses, such as (SUBSCRIBED) or RETURN (CHILDREN SPECIAL-USE)"
        }
        Expected::StatusItem => "a status item such as MESSAGES or UNSEEN",
        Expected::Section => "a section such as [], [HEADER] or [1.2] and its closing ]",
        Expected::StoreAction => "FLAGS, +FLAGS or -FLAGS",
    }
}

pub(super) fn hint(h: Hint) -> &'static str {
    match h {
        Hint::AngleBrackets => {
            "Addresses in MAIL and RCPT go inside angle brackets: MAIL FROM:<alice@example.test>."
        }
        Hint::NoSpaceAfterColon => {
            "RFC 5321 puts no space between the colon and the <: write FROM:<…>, not FROM: <…>."
        }
        Hint::KeywordMissing => "The keyword is missing: it is MAIL FROM:<…> and RCPT TO:<…>.",
        Hint::SayWhoYouAre => {
            "Say who you are: EHLO followed by your machine's name, e.g. EHLO laptop.example.test."
        }
        Hint::CountFromOne => "Messages are numbered from 1, as STAT and LIST show.",
        Hint::MissingTag => "Every IMAP command starts with a tag such as a1: a1 LOGIN bob builder. The server uses it to say which command it is answering.",
        Hint::QuoteSpaces => "A name with spaces goes in double quotes: \"My folder\".",
        Hint::FlagBackslash => "System flags start with a backslash: \\Seen, \\Flagged, \\Deleted.",
    }
}

pub(super) fn diagnostic(d: &Diagnostic) -> String {
    let mut text = format!("At column {}: expected {}.", d.column, expected(d.expected));
    if let Some(h) = d.hint {
        text.push(' ');
        text.push_str(hint(h));
    }
    text
}

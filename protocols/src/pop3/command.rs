//! POP3 commands and their grammar (RFC 1939 §3: a keyword of three or four characters,
//! case-insensitive, then arguments separated by single spaces).

use nom::bytes::complete::take_while1;
use nom::combinator::verify;
use serde::{Deserialize, Serialize};

use crate::grammar::{
    diagnose, end_of_line, expect, fail, number, verb, Diagnostic, Expected, GrammarError, Hint,
    PResult,
};

/// The command words Facteur's POP3 servers know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(Default))]
pub enum Verb {
    /// USER: name the maildrop.
    #[cfg_attr(test, default)]
    User,
    /// PASS: its password.
    Pass,
    /// APOP: log in with a digest instead (not offered).
    Apop,
    /// STAT: how many messages, and their size.
    Stat,
    /// LIST: each message's size.
    List,
    /// RETR: download a message.
    Retr,
    /// DELE: mark a message for deletion at QUIT.
    Dele,
    /// NOOP: nothing.
    Noop,
    /// RSET: take back every DELE.
    Rset,
    /// QUIT: commit the deletions and end the session.
    Quit,
    /// TOP: a message's header and first lines.
    Top,
    /// UIDL: each message's unique-id.
    Uidl,
    /// CAPA: what the server can do (RFC 2449).
    Capa,
    /// STLS: encrypt the connection from here on (RFC 2595).
    Stls,
}

impl Verb {
    /// Every command, in the order the cheat sheet lists them.
    pub const ALL: [Verb; 14] = [
        Verb::User,
        Verb::Pass,
        Verb::Apop,
        Verb::Stat,
        Verb::List,
        Verb::Retr,
        Verb::Dele,
        Verb::Noop,
        Verb::Rset,
        Verb::Quit,
        Verb::Top,
        Verb::Uidl,
        Verb::Capa,
        Verb::Stls,
    ];

    /// The command's word as typed (`RETR`).
    pub fn word(self) -> &'static str {
        match self {
            Verb::User => "USER",
            Verb::Pass => "PASS",
            Verb::Apop => "APOP",
            Verb::Stat => "STAT",
            Verb::List => "LIST",
            Verb::Retr => "RETR",
            Verb::Dele => "DELE",
            Verb::Noop => "NOOP",
            Verb::Rset => "RSET",
            Verb::Quit => "QUIT",
            Verb::Top => "TOP",
            Verb::Uidl => "UIDL",
            Verb::Capa => "CAPA",
            Verb::Stls => "STLS",
        }
    }

    /// The command a word names, in any case.
    pub fn from_word(word: &str) -> Option<Verb> {
        Verb::ALL
            .into_iter()
            .find(|v| v.word().eq_ignore_ascii_case(word))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Command {
    User(String),
    Pass(String),
    Apop { name: String, digest: String },
    Stat,
    List(Option<u32>),
    Retr(u32),
    Dele(u32),
    Noop,
    Rset,
    Quit,
    Top { message: u32, lines: u32 },
    Uidl(Option<u32>),
    Capa,
    Stls,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ParseError {
    Empty,
    UnknownVerb(String),
    Syntax { verb: Verb, diagnostic: Diagnostic },
}

/// RFC 1939 §3: an argument is at most 40 characters.
const MAX_ARGUMENT: usize = 40;

/// Reads one command line (without its CRLF).
pub fn parse(line: &str) -> Result<Command, ParseError> {
    if line.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    let (word, rest) = verb(line);
    let verb = Verb::from_word(word).ok_or_else(|| ParseError::UnknownVerb(word.to_owned()))?;
    arguments(verb, rest)
        .map(|(_, c)| c)
        .map_err(|e| ParseError::Syntax {
            verb,
            diagnostic: diagnose(e, line),
        })
}

fn arguments(verb: Verb, rest: &str) -> PResult<'_, Command> {
    match verb {
        Verb::User => {
            let (rest, name) = word_arg(rest, Expected::UserName)?;
            let (rest, ()) = end_of_line(rest)?;
            Ok((rest, Command::User(name.to_owned())))
        }
        // RFC 1939 §7: a password may contain spaces; the rest of the line is the password.
        Verb::Pass => {
            let (rest, ()) = one_space(rest, Expected::Argument)?;
            if rest.is_empty() {
                return fail(rest, Expected::Argument);
            }
            Ok(("", Command::Pass(rest.to_owned())))
        }
        Verb::Apop => {
            let (rest, name) = word_arg(rest, Expected::UserName)?;
            let (rest, digest) = word_arg(rest, Expected::Argument)?;
            let (rest, ()) = end_of_line(rest)?;
            Ok((
                rest,
                Command::Apop {
                    name: name.to_owned(),
                    digest: digest.to_owned(),
                },
            ))
        }
        Verb::List | Verb::Uidl => {
            let (rest, n) = optional_number(rest)?;
            let (rest, ()) = end_of_line(rest)?;
            Ok((
                rest,
                if verb == Verb::List {
                    Command::List(n)
                } else {
                    Command::Uidl(n)
                },
            ))
        }
        Verb::Retr | Verb::Dele => {
            let (rest, n) = message_number(rest)?;
            let (rest, ()) = end_of_line(rest)?;
            Ok((
                rest,
                if verb == Verb::Retr {
                    Command::Retr(n)
                } else {
                    Command::Dele(n)
                },
            ))
        }
        Verb::Top => {
            let (rest, message) = message_number(rest)?;
            let (rest, ()) = one_space(rest, Expected::LineCount)?;
            let (rest, lines) = number(rest)
                .map_err(|e| e.map(|g| GrammarError::new(g.rest, Expected::LineCount)))?;
            let (rest, ()) = end_of_line(rest)?;
            Ok((rest, Command::Top { message, lines }))
        }
        Verb::Stat | Verb::Noop | Verb::Rset | Verb::Quit | Verb::Capa | Verb::Stls => {
            let (rest, ()) = end_of_line(rest)?;
            let command = match verb {
                Verb::Stat => Command::Stat,
                Verb::Noop => Command::Noop,
                Verb::Rset => Command::Rset,
                Verb::Quit => Command::Quit,
                Verb::Capa => Command::Capa,
                _ => Command::Stls,
            };
            Ok((rest, command))
        }
    }
}

fn one_space(input: &str, then: Expected) -> PResult<'_, ()> {
    match input.strip_prefix(' ') {
        Some(rest) => Ok((rest, ())),
        None if input.is_empty() => fail(input, then),
        None => fail(input, Expected::Space),
    }
}

/// A space and a word of printable characters, at most 40 long.
fn word_arg(input: &str, what: Expected) -> PResult<'_, &str> {
    let (rest, ()) = one_space(input, what)?;
    let word = take_while1(|c: char| c.is_ascii_graphic());
    expect(what, verify(word, |w: &str| w.len() <= MAX_ARGUMENT))(rest)
}

/// `msg`: a message number, counted from 1.
fn message_number(input: &str) -> PResult<'_, u32> {
    let (rest, ()) = one_space(input, Expected::MessageNumber)?;
    let (after, n) = number(rest)?;
    if n == 0 {
        return Err(nom::Err::Error(
            GrammarError::new(rest, Expected::MessageNumber).with_hint(Hint::CountFromOne),
        ));
    }
    Ok((after, n))
}

fn optional_number(input: &str) -> PResult<'_, Option<u32>> {
    if input.trim().is_empty() {
        return Ok(("", None));
    }
    message_number(input).map(|(r, n)| (r, Some(n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn syntax(line: &str) -> Diagnostic {
        match parse(line) {
            Err(ParseError::Syntax { diagnostic, .. }) => diagnostic,
            other => panic!("{line}: {other:?}"),
        }
    }

    #[test]
    fn commands_are_case_insensitive_with_numbered_arguments() {
        assert_eq!(parse("retr 2"), Ok(Command::Retr(2)));
        assert_eq!(parse("LIST"), Ok(Command::List(None)));
        assert_eq!(parse("list 3"), Ok(Command::List(Some(3))));
        assert_eq!(
            parse("TOP 1 10"),
            Ok(Command::Top {
                message: 1,
                lines: 10
            })
        );
        assert_eq!(parse("UIDL"), Ok(Command::Uidl(None)));
    }

    #[test]
    fn a_password_is_the_rest_of_the_line_spaces_included() {
        assert_eq!(
            parse("PASS correct horse"),
            Ok(Command::Pass("correct horse".into()))
        );
        assert_eq!(syntax("PASS").expected, Expected::Argument);
    }

    #[test]
    fn message_numbers_count_from_one() {
        let d = syntax("RETR 0");
        assert_eq!(
            (d.column, d.expected, d.hint),
            (6, Expected::MessageNumber, Some(Hint::CountFromOne))
        );
        assert_eq!(syntax("RETR").expected, Expected::MessageNumber);
        assert_eq!(syntax("RETR one").expected, Expected::MessageNumber);
        assert_eq!(syntax("DELE 1 2").expected, Expected::EndOfLine);
        assert_eq!(syntax("TOP 1").expected, Expected::LineCount);
    }

    #[test]
    fn unknown_and_empty_lines_are_their_own_errors() {
        assert_eq!(parse("HELO x"), Err(ParseError::UnknownVerb("HELO".into())));
        assert_eq!(parse(""), Err(ParseError::Empty));
        assert_eq!(
            syntax(&format!("USER {}", "a".repeat(41))).expected,
            Expected::UserName
        );
    }
}

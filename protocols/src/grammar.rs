//! Shared pieces of the command grammars: tokens that several protocols use, and the
//! diagnostic a learner sees when a line does not parse.
//!
//! Parsers are written with nom over `&str`. Each failure says *what* was expected, *where*
//! (a column in the typed line) and, when a common mistake is recognisable, a hint.

use nom::character::complete::digit1;
use nom::combinator::map_res;
use nom::error::{ErrorKind, FromExternalError, ParseError};
use nom::{IResult, Parser};
use serde::{Deserialize, Serialize};

/// What the grammar wanted at the place it stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(Default))]
pub enum Expected {
    /// A space between the command and its argument.
    #[cfg_attr(test, default)]
    Space,
    /// A domain name such as `laptop.example.test`, or an address literal `[192.0.2.1]`.
    Domain,
    /// `FROM:` after MAIL.
    FromColon,
    /// `TO:` after RCPT.
    ToColon,
    /// An address in angle brackets: `<bob@example.test>`.
    AnglePath,
    /// The `@` between local part and domain.
    At,
    /// The local part of an address, before the `@`.
    LocalPart,
    /// The closing `>` of a path.
    CloseAngle,
    /// An ESMTP parameter such as `SIZE=1000`.
    Parameter,
    /// A SASL mechanism name such as `PLAIN`.
    Mechanism,
    /// Base64 text, or `=` for an empty initial response.
    Base64,
    /// A message number such as `1`.
    MessageNumber,
    /// A number of lines, as in `TOP 1 10`.
    LineCount,
    /// A user name.
    UserName,
    /// A password or other argument that is not empty.
    Argument,
    /// Nothing more: the line should have ended here.
    EndOfLine,
    /// An IMAP tag such as `a1`.
    Tag,
    /// An IMAP command name after the tag.
    CommandName,
    /// A mailbox name such as `INBOX` or `"My folder"`.
    Mailbox,
    /// An atom, a quoted string or a literal.
    AString,
    /// A quoted string or a literal.
    String,
    /// A sequence set such as `1:3,5` or `1:*`.
    SequenceSet,
    /// A fetch attribute such as `FLAGS` or `BODY.PEEK[]`.
    FetchAttribute,
    /// A flag such as `\Seen`.
    Flag,
    /// A search key such as `UNSEEN` or `FROM alice`.
    SearchKey,
    /// A date such as `1-Nov-2026`.
    Date,
    /// A date and time such as `"27-Nov-2026 09:00:00 +0000"`.
    DateTime,
    /// An opening parenthesis.
    OpenParen,
    /// A closing parenthesis.
    CloseParen,
    /// LIST options in parentheses: `(SUBSCRIBED)`, `RETURN (CHILDREN SPECIAL-USE)`.
    ListOption,
    /// A STATUS item such as `MESSAGES`.
    StatusItem,
    /// A section such as `[HEADER]` or `[1.2]`.
    Section,
    /// FLAGS, +FLAGS or -FLAGS after the sequence set of STORE.
    StoreAction,
}

/// A common mistake the grammar recognised, to explain beyond "expected X".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Hint {
    /// `MAIL FROM:bob@example.test` — the address needs angle brackets.
    AngleBrackets,
    /// `MAIL FROM: <bob@…>` — RFC 5321 puts no space after the colon.
    NoSpaceAfterColon,
    /// `RCPT <bob@…>` or `MAIL <…>` — the keyword `TO:` / `FROM:` is missing.
    KeywordMissing,
    /// `HELO` with no name — the client must say who it is.
    SayWhoYouAre,
    /// A message number of 0 or below — POP3 counts from 1.
    CountFromOne,
    /// `LOGIN bob builder` — the tag is missing.
    MissingTag,
    /// A name with a space must be quoted: `"My folder"`.
    QuoteSpaces,
    /// A flag is written with a backslash: `\Seen`.
    FlagBackslash,
}

/// Why a line did not parse: what was expected, at which column (1-based, in characters),
/// and perhaps a hint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(Default))]
pub struct Diagnostic {
    pub column: usize,
    pub expected: Expected,
    pub hint: Option<Hint>,
}

/// The nom error type of Facteur's grammars: where parsing stopped and what was wanted.
#[derive(Debug, Clone, PartialEq)]
pub struct GrammarError<'a> {
    pub rest: &'a str,
    pub expected: Option<Expected>,
    pub hint: Option<Hint>,
}

impl<'a> ParseError<&'a str> for GrammarError<'a> {
    fn from_error_kind(input: &'a str, _kind: ErrorKind) -> Self {
        GrammarError {
            rest: input,
            expected: None,
            hint: None,
        }
    }

    fn append(_input: &'a str, _kind: ErrorKind, other: Self) -> Self {
        other
    }
}

/// A value that parsed as text but not as a value (a number too large for u32, say).
impl<'a, E> FromExternalError<&'a str, E> for GrammarError<'a> {
    fn from_external_error(input: &'a str, kind: ErrorKind, _e: E) -> Self {
        Self::from_error_kind(input, kind)
    }
}

impl<'a> GrammarError<'a> {
    pub fn new(rest: &'a str, expected: Expected) -> Self {
        GrammarError {
            rest,
            expected: Some(expected),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: Hint) -> Self {
        self.hint = Some(hint);
        self
    }

    /// The diagnostic for a line, given the line the parse started from.
    pub fn diagnostic(&self, line: &str, fallback: Expected) -> Diagnostic {
        let consumed = line.len().saturating_sub(self.rest.len());
        let column = line.get(..consumed).map_or(consumed, |s| s.chars().count()) + 1;
        Diagnostic {
            column,
            expected: self.expected.unwrap_or(fallback),
            hint: self.hint,
        }
    }
}

pub type PResult<'a, O> = IResult<&'a str, O, GrammarError<'a>>;

/// The diagnostic for a failed parse of `line`.
pub fn diagnose(err: nom::Err<GrammarError<'_>>, line: &str) -> Diagnostic {
    match err {
        nom::Err::Error(e) | nom::Err::Failure(e) => e.diagnostic(line, Expected::EndOfLine),
        // Our parsers work on complete lines; a parser asking for more means the line ended.
        nom::Err::Incomplete(_) => {
            GrammarError::new("", Expected::EndOfLine).diagnostic(line, Expected::EndOfLine)
        }
    }
}

/// Runs a parser; if it fails without saying what it wanted, it wanted `what`.
pub fn expect<'a, O>(
    what: Expected,
    mut parser: impl Parser<&'a str, Output = O, Error = GrammarError<'a>>,
) -> impl FnMut(&'a str) -> PResult<'a, O> {
    move |input| {
        parser.parse(input).map_err(|e| {
            e.map(|mut err| {
                if err.expected.is_none() {
                    err.expected = Some(what);
                    err.rest = input;
                }
                err
            })
        })
    }
}

/// Fails with `what` at `rest`.
pub fn fail<'a, O>(rest: &'a str, what: Expected) -> PResult<'a, O> {
    Err(nom::Err::Error(GrammarError::new(rest, what)))
}

/// Requires the input to be used up, allowing trailing spaces.
pub fn end_of_line(input: &str) -> PResult<'_, ()> {
    let rest = input.trim_start_matches(' ');
    if rest.is_empty() {
        Ok((rest, ()))
    } else {
        fail(rest, Expected::EndOfLine)
    }
}

/// Splits a command line into its verb and the rest (which starts with the space, if any).
/// The verb is the leading run of letters, digits and hyphens; command verbs are
/// case-insensitive in SMTP, POP3 and IMAP alike.
pub fn verb(line: &str) -> (&str, &str) {
    let end = line
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(line.len());
    line.split_at(end)
}

/// A decimal number that fits in u32, as message numbers are.
pub fn number(input: &str) -> PResult<'_, u32> {
    expect(Expected::MessageNumber, map_res(digit1, str::parse::<u32>))(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_split_at_the_first_non_word_character() {
        assert_eq!(verb("EHLO laptop"), ("EHLO", " laptop"));
        assert_eq!(verb("MAIL FROM:<a@b>"), ("MAIL", " FROM:<a@b>"));
        assert_eq!(verb("quit"), ("quit", ""));
        assert_eq!(verb(":oops"), ("", ":oops"));
    }

    #[test]
    fn columns_count_characters_from_one() {
        let line = "é MAIL";
        let err = GrammarError::new(&line[3..], Expected::Space);
        assert_eq!(err.diagnostic(line, Expected::EndOfLine).column, 3);
    }

    #[test]
    fn numbers_refuse_overflow_and_non_digits() {
        assert_eq!(number("12 x").ok(), Some((" x", 12)));
        assert!(number("x").is_err());
        assert!(number("99999999999").is_err());
    }
}

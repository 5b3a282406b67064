//! The small rules of the IMAP grammar (RFC 9051 §9) that every command shares: atoms,
//! numbers, sequence sets, flags, dates and quoted strings. Free functions over the command
//! text; the rules that need the command's literals are in `command.rs`.

use nom::branch::alt;
use nom::bytes::complete::{tag_no_case, take, take_while1};
use nom::character::complete::{char, digit1};
use nom::combinator::{map, map_res, opt, recognize, value, verify};
use nom::multi::{separated_list0, separated_list1};
use nom::sequence::{delimited, preceded};
use nom::Parser;

use super::types::*;
use crate::grammar::{expect, fail, Expected, GrammarError, Hint, PResult};
use crate::store::Flag;
use crate::time::Timestamp;

/// RFC 9051 §9 `ATOM-CHAR`: any CHAR except atom-specials `( ) { SP CTL % * " \ ]`.
pub(super) fn is_atom_char(c: char) -> bool {
    c.is_ascii() && !c.is_ascii_control() && !"(){ %*\"\\]".contains(c)
}

/// `ASTRING-CHAR = ATOM-CHAR / resp-specials` (`]`).
pub(super) fn is_astring_char(c: char) -> bool {
    is_atom_char(c) || c == ']'
}

/// `list-char = ATOM-CHAR / list-wildcards / resp-specials`.
pub(super) fn is_list_char(c: char) -> bool {
    is_astring_char(c) || c == '%' || c == '*'
}

pub(super) fn sp(input: &str) -> PResult<'_, char> {
    expect(Expected::Space, char(' '))(input)
}

pub(super) fn nz_number(input: &str) -> PResult<'_, u32> {
    verify(map_res(digit1, str::parse::<u32>), |n| *n > 0).parse(input)
}

pub(super) fn number(input: &str) -> PResult<'_, u32> {
    map_res(digit1, str::parse::<u32>).parse(input)
}

/// `seq-number = nz-number / "*"`
pub(super) fn seq_number(input: &str) -> PResult<'_, SeqNumber> {
    alt((
        map(nz_number, SeqNumber::Value),
        value(SeqNumber::Largest, char('*')),
    ))
    .parse(input)
}

/// `sequence-set = (seq-number / seq-range) ["," sequence-set]` / `"$"` (RFC 9051 §9)
pub(super) fn sequence_set(input: &str) -> PResult<'_, SequenceSet> {
    let range = map(
        (seq_number, opt(preceded(char(':'), seq_number))),
        |(a, b)| (a, b.unwrap_or(a)),
    );
    expect(
        Expected::SequenceSet,
        alt((
            value(SequenceSet::saved(), char('$')),
            map(separated_list1(char(','), range), SequenceSet),
        )),
    )
    .parse(input)
}

/// `search-return-opts = SP "RETURN" SP "(" [search-return-opt *(SP search-return-opt)] ")"`
pub(super) fn search_return(input: &str) -> PResult<'_, SearchReturn> {
    let option = alt((
        value("MIN", tag_no_case("MIN")),
        value("MAX", tag_no_case("MAX")),
        value("ALL", tag_no_case("ALL")),
        value("COUNT", tag_no_case("COUNT")),
        value("SAVE", tag_no_case("SAVE")),
    ));
    let list = delimited(
        char('('),
        separated_list0(char(' '), option),
        expect(Expected::CloseParen, char(')')),
    );
    map(
        preceded((char(' '), tag_no_case("RETURN"), char(' ')), list),
        |words| {
            let has = |w| words.contains(&w);
            SearchReturn {
                min: has("MIN"),
                max: has("MAX"),
                // RFC 4731 §3.1: an empty list means ALL.
                all: has("ALL") || words.is_empty(),
                count: has("COUNT"),
                save: has("SAVE"),
            }
        },
    )
    .parse(input)
}

/// `flag = "\Answered" / "\Flagged" / "\Deleted" / "\Seen" / "\Draft" / flag-keyword /
/// flag-extension`. `\Recent` cannot be stored; other `\`-flags are refused.
pub(super) fn flag(input: &str) -> PResult<'_, Flag> {
    let system = verify(
        map(
            recognize(preceded(char('\\'), take_while1(is_atom_char))),
            Flag::system,
        ),
        Option::is_some,
    );
    let keyword = map(take_while1(is_atom_char), |k: &str| {
        Flag::Keyword(k.to_owned())
    });
    let result: PResult<'_, Flag> =
        alt((map(system, |f| f.unwrap_or(Flag::Seen)), keyword)).parse(input);
    result.map_err(|e| {
        e.map(|_| {
            let err = GrammarError::new(input, Expected::Flag);
            let known = ["seen", "answered", "flagged", "deleted", "draft"];
            let word = input.split([' ', ')']).next().unwrap_or_default();
            if known.iter().any(|k| word.eq_ignore_ascii_case(k)) {
                err.with_hint(Hint::FlagBackslash)
            } else {
                err
            }
        })
    })
}

/// `flag-list = "(" [flag *(SP flag)] ")"`
pub(super) fn flag_list(input: &str) -> PResult<'_, Vec<Flag>> {
    delimited(
        expect(Expected::OpenParen, char('(')),
        separated_list0(char(' '), flag),
        expect(Expected::CloseParen, char(')')),
    )
    .parse(input)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

pub(super) fn month(input: &str) -> PResult<'_, u32> {
    let head = input.get(..3).unwrap_or_default();
    match MONTHS.iter().position(|m| m.eq_ignore_ascii_case(head)) {
        Some(i) => Ok((&input[3..], i as u32 + 1)),
        None => fail(input, Expected::Date),
    }
}

/// `date-text = date-day "-" date-month "-" date-year`, also in double quotes.
pub(super) fn date(input: &str) -> PResult<'_, Timestamp> {
    let text = |i| -> PResult<'_, Timestamp> {
        let (r, day) = verify(number, |d| (1..=31).contains(d)).parse(i)?;
        let (r, m) = preceded(char('-'), month).parse(r)?;
        let (r, year) =
            preceded(char('-'), verify(number, |y| (1000..=9999).contains(y))).parse(r)?;
        let t = Timestamp::from_ymd(i64::from(year), m, day);
        if t.civil().day != day {
            return fail(i, Expected::Date);
        }
        Ok((r, t))
    };
    expect(
        Expected::Date,
        alt((delimited(char('"'), text, char('"')), text)),
    )(input)
}

/// `date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE`,
/// `time = 2DIGIT ":" 2DIGIT ":" 2DIGIT`, `zone = ("+" / "-") 4DIGIT`
pub(super) fn date_time(input: &str) -> PResult<'_, Timestamp> {
    let inner = |i| -> PResult<'_, Timestamp> {
        let two = || map_res(take(2usize), str::parse::<i64>);
        let (r, _) = opt(char(' ')).parse(i)?;
        let (r, (day, _, m, _, year)) = (number, char('-'), month, char('-'), number).parse(r)?;
        let (r, (_, h, _, min, _, s)) =
            (char(' '), two(), char(':'), two(), char(':'), two()).parse(r)?;
        let (r, (_, sign, zh, zm)) =
            (char(' '), alt((char('+'), char('-'))), two(), two()).parse(r)?;
        if !(1..=31).contains(&day) || h > 23 || min > 59 || s > 60 || zm > 59 {
            return fail(i, Expected::DateTime);
        }
        let offset = (zh * 3600 + zm * 60) * if sign == '-' { -1 } else { 1 };
        let midnight = Timestamp::from_ymd(i64::from(year), m, day);
        Ok((r, midnight.plus_seconds(h * 3600 + min * 60 + s - offset)))
    };
    expect(Expected::DateTime, delimited(char('"'), inner, char('"')))(input)
}

/// `quoted = DQUOTE *QUOTED-CHAR DQUOTE`, with `\"` and `\\` escapes.
pub(super) fn quoted(input: &str) -> PResult<'_, String> {
    let Some(inner) = input.strip_prefix('"') else {
        return fail(input, Expected::String);
    };
    let mut out = String::new();
    let mut chars = inner.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Ok((&inner[i + 1..], out)),
            '\\' => match chars.next() {
                Some((_, e @ ('"' | '\\'))) => out.push(e),
                _ => return fail(&inner[i..], Expected::String),
            },
            '\r' | '\n' => return fail(&inner[i..], Expected::String),
            c => out.push(c),
        }
    }
    fail(input, Expected::String)
}

/// `"(" [option *(SP option)] ")"` for LIST's selection and return options, upper-cased.
pub(super) fn list_options(input: &str) -> PResult<'_, Vec<String>> {
    let word = map(
        take_while1(|c: char| c.is_ascii_alphanumeric() || c == '-'),
        str::to_ascii_uppercase,
    );
    expect(
        Expected::ListOption,
        delimited(
            char('('),
            separated_list0(char(' '), word),
            expect(Expected::CloseParen, char(')')),
        ),
    )(input)
}

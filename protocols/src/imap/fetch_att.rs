//! What FETCH may ask for (RFC 9051 §6.4.5, §9 `fetch-att`): the attributes, body
//! sections with their parts and header lists, and partial ranges.

use nom::branch::alt;
use nom::bytes::complete::{tag_no_case, take_while1};
use nom::character::complete::char;
use nom::combinator::{cut, map, opt, peek, value};
use nom::multi::separated_list1;
use nom::sequence::{delimited, preceded, separated_pair, terminated};
use nom::Parser;

use super::lexical::{is_atom_char, number, nz_number, quoted};
use super::types::*;
use crate::grammar::{expect, Expected, PResult};

/// `"ALL" / "FULL" / "FAST" / fetch-att / "(" fetch-att *(SP fetch-att) ")"`
pub(super) fn fetch_attributes(input: &str) -> PResult<'_, Vec<FetchAttribute>> {
    use FetchAttribute as F;
    let macros = alt((
        value(
            vec![F::Flags, F::InternalDate, F::Rfc822Size, F::Envelope],
            tag_no_case("ALL"),
        ),
        value(
            vec![
                F::Flags,
                F::InternalDate,
                F::Rfc822Size,
                F::Envelope,
                F::Body,
            ],
            tag_no_case("FULL"),
        ),
        value(
            vec![F::Flags, F::InternalDate, F::Rfc822Size],
            tag_no_case("FAST"),
        ),
    ));
    let list = delimited(
        char('('),
        separated_list1(char(' '), fetch_att),
        expect(Expected::CloseParen, char(')')),
    );
    expect(
        Expected::FetchAttribute,
        alt((
            terminated(
                macros,
                peek(nom::combinator::not(take_while1(is_atom_char))),
            ),
            list,
            map(fetch_att, |a| vec![a]),
        )),
    )(input)
}

/// `fetch-att` (RFC 9051 §9, with IMAP4rev1's RFC822 forms).
fn fetch_att(input: &str) -> PResult<'_, FetchAttribute> {
    use FetchAttribute as F;
    let word_end = || {
        peek(nom::combinator::not(take_while1(|c: char| {
            c.is_ascii_alphanumeric() || c == '.' || c == '['
        })))
    };
    // `BODY[` commits to a section: its errors are the ones to report.
    let section_body = map(
        (
            alt((
                value(true, tag_no_case("BODY.PEEK")),
                value(false, tag_no_case("BODY")),
            )),
            peek(char('[')),
            cut((section, opt(partial))),
        ),
        |(peek, _, (section, partial))| F::BodySection {
            peek,
            section,
            partial,
        },
    );
    // `"BINARY" [".PEEK"] section-binary [partial] / "BINARY.SIZE" section-binary`,
    // `section-binary = "[" [section-part] "]"`
    let section_binary = || {
        delimited(
            char('['),
            map(opt(section_part), Option::unwrap_or_default),
            expect(Expected::Section, char(']')),
        )
    };
    let binary = alt((
        map(
            preceded(tag_no_case("BINARY.SIZE"), cut(section_binary())),
            |part| F::BinarySize { part },
        ),
        map(
            (
                alt((
                    value(true, tag_no_case("BINARY.PEEK")),
                    value(false, tag_no_case("BINARY")),
                )),
                cut((section_binary(), opt(partial))),
            ),
            |(peek, (part, partial))| F::Binary {
                peek,
                part,
                partial,
            },
        ),
    ));
    let simple = alt((
        value(F::Envelope, terminated(tag_no_case("ENVELOPE"), word_end())),
        value(F::Flags, terminated(tag_no_case("FLAGS"), word_end())),
        value(
            F::InternalDate,
            terminated(tag_no_case("INTERNALDATE"), word_end()),
        ),
        value(
            F::Rfc822Header,
            terminated(tag_no_case("RFC822.HEADER"), word_end()),
        ),
        value(
            F::Rfc822Size,
            terminated(tag_no_case("RFC822.SIZE"), word_end()),
        ),
        value(
            F::Rfc822Text,
            terminated(tag_no_case("RFC822.TEXT"), word_end()),
        ),
        value(F::Rfc822, terminated(tag_no_case("RFC822"), word_end())),
        value(
            F::BodyStructure,
            terminated(tag_no_case("BODYSTRUCTURE"), word_end()),
        ),
        value(F::Uid, terminated(tag_no_case("UID"), word_end())),
        value(F::Body, terminated(tag_no_case("BODY"), word_end())),
    ));
    expect(
        Expected::FetchAttribute,
        alt((section_body, binary, simple)),
    )(input)
}

/// `section-part = nz-number *("." nz-number)`
fn section_part(input: &str) -> PResult<'_, Vec<u32>> {
    separated_list1(char('.'), nz_number).parse(input)
}

/// `section = "[" [section-spec] "]"`
fn section(input: &str) -> PResult<'_, Section> {
    let part_text = alt((
        value(SectionText::Mime, tag_no_case("MIME")),
        section_msgtext,
    ));
    let spec = alt((
        map(
            (
                separated_list1(char('.'), nz_number),
                opt(preceded(char('.'), part_text)),
            ),
            |(part, text)| Section { part, text },
        ),
        map(section_msgtext, |text| Section {
            part: Vec::new(),
            text: Some(text),
        }),
    ));
    let inner = map(opt(spec), |s| {
        s.unwrap_or(Section {
            part: Vec::new(),
            text: None,
        })
    });
    expect(
        Expected::Section,
        delimited(char('['), inner, expect(Expected::Section, char(']'))),
    )(input)
}

/// `section-msgtext = "HEADER" / "HEADER.FIELDS" [".NOT"] SP header-list / "TEXT"`,
/// `header-list = "(" header-fld-name *(SP header-fld-name) ")"`, `header-fld-name = astring`
fn section_msgtext(input: &str) -> PResult<'_, SectionText> {
    let fields = |i| {
        let atom = map(
            take_while1(|c: char| c.is_ascii_graphic() && !"()\"".contains(c)),
            str::to_owned,
        );
        let name = alt((quoted, atom));
        delimited(
            char('('),
            separated_list1(char(' '), name),
            expect(Expected::CloseParen, char(')')),
        )
        .parse(i)
    };
    alt((
        map(preceded(tag_no_case("HEADER.FIELDS.NOT "), fields), |f| {
            SectionText::HeaderFields {
                not: true,
                fields: f,
            }
        }),
        map(preceded(tag_no_case("HEADER.FIELDS "), fields), |f| {
            SectionText::HeaderFields {
                not: false,
                fields: f,
            }
        }),
        value(SectionText::Header, tag_no_case("HEADER")),
        value(SectionText::Text, tag_no_case("TEXT")),
    ))
    .parse(input)
}

/// `partial = "<" number64 "." nz-number64 ">"`
fn partial(input: &str) -> PResult<'_, (u32, u32)> {
    delimited(
        char('<'),
        separated_pair(number, char('.'), nz_number),
        char('>'),
    )
    .parse(input)
}

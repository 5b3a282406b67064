//! SMTP commands and their grammar (RFC 5321 §4.1.1 and §4.1.2, RFC 3207, RFC 4954).

use nom::branch::alt;
use nom::bytes::complete::{tag_no_case, take_while1};
use nom::character::complete::char;
use nom::combinator::{opt, recognize, verify};
use nom::multi::separated_list1;
use nom::sequence::{delimited, preceded};
use nom::Parser;
use serde::{Deserialize, Serialize};

use crate::grammar::{
    diagnose, end_of_line, expect, fail, verb, Diagnostic, Expected, GrammarError, Hint, PResult,
};
use crate::store::{Address, MAX_DOMAIN, MAX_LOCAL_PART};

/// The command words Facteur's SMTP servers know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(Default))]
pub enum Verb {
    /// EHLO: say hello and ask for the extensions.
    #[cfg_attr(test, default)]
    Ehlo,
    /// HELO: say hello, without extensions.
    Helo,
    /// MAIL FROM: start a message, naming the sender.
    Mail,
    /// RCPT TO: name a recipient.
    Rcpt,
    /// DATA: send the message itself.
    Data,
    /// RSET: forget the message begun.
    Rset,
    /// NOOP: nothing.
    Noop,
    /// VRFY: ask about an address.
    Vrfy,
    /// EXPN: ask what a list expands to.
    Expn,
    /// HELP: ask for help.
    Help,
    /// QUIT: end the session.
    Quit,
    /// STARTTLS: encrypt the connection from here on (RFC 3207).
    StartTls,
    /// AUTH: log in (RFC 4954).
    Auth,
}

impl Verb {
    /// Every command, in the order the cheat sheet lists them.
    pub const ALL: [Verb; 13] = [
        Verb::Ehlo,
        Verb::Helo,
        Verb::Mail,
        Verb::Rcpt,
        Verb::Data,
        Verb::Rset,
        Verb::Noop,
        Verb::Vrfy,
        Verb::Expn,
        Verb::Help,
        Verb::Quit,
        Verb::StartTls,
        Verb::Auth,
    ];

    /// The command's word as typed (`MAIL`).
    pub fn word(self) -> &'static str {
        match self {
            Verb::Ehlo => "EHLO",
            Verb::Helo => "HELO",
            Verb::Mail => "MAIL",
            Verb::Rcpt => "RCPT",
            Verb::Data => "DATA",
            Verb::Rset => "RSET",
            Verb::Noop => "NOOP",
            Verb::Vrfy => "VRFY",
            Verb::Expn => "EXPN",
            Verb::Help => "HELP",
            Verb::Quit => "QUIT",
            Verb::StartTls => "STARTTLS",
            Verb::Auth => "AUTH",
        }
    }

    /// RFC 5321 §2.4: verbs are case-insensitive.
    pub fn from_word(word: &str) -> Option<Verb> {
        Verb::ALL
            .into_iter()
            .find(|v| v.word().eq_ignore_ascii_case(word))
    }
}

/// `Reverse-path = Path / "<>"` (RFC 5321 §4.1.2). The null path is for bounces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReversePath {
    Null,
    Address(Address),
}

/// `esmtp-param = esmtp-keyword ["=" esmtp-value]`, e.g. `SIZE=1200` or `BODY=8BITMIME`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Param {
    pub keyword: String,
    pub value: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Command {
    Ehlo(String),
    Helo(String),
    Mail {
        from: ReversePath,
        params: Vec<Param>,
    },
    Rcpt {
        to: Address,
        params: Vec<Param>,
    },
    Data,
    Rset,
    Noop,
    Vrfy(String),
    Expn(String),
    Help(Option<String>),
    Quit,
    StartTls,
    Auth {
        mechanism: String,
        initial: Option<String>,
    },
}

/// Something a lenient server accepted that a strict one refuses; the note says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(Default))]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum Forgiven {
    /// `MAIL FROM: <a@b>`: a space after the colon.
    #[cfg_attr(test, default)]
    SpaceAfterColon,
    /// `MAIL FROM:a@b`: no angle brackets.
    MissingAngleBrackets,
    /// `MAIL FROM <a@b>`: no colon after the keyword.
    MissingColon,
}

/// A command line that did not parse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ParseError {
    /// The line is empty.
    Empty,
    /// The first word is not a command this server knows.
    UnknownVerb(String),
    /// The command is known but its arguments are wrong.
    Syntax { verb: Verb, diagnostic: Diagnostic },
}

/// A parsed command, with what leniency had to forgive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub command: Command,
    pub forgiven: Vec<Forgiven>,
}

/// Parses one command line (without its CRLF). `lenient` forgives the mistakes listed in
/// [`Forgiven`]; either way each forgiven mistake is reported.
pub fn parse(line: &str, lenient: bool) -> Result<Parsed, ParseError> {
    if line.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    let (word, rest) = verb(line);
    let verb = Verb::from_word(word).ok_or_else(|| ParseError::UnknownVerb(word.to_owned()))?;
    let mut forgiven = Vec::new();
    match arguments(verb, rest, lenient, &mut forgiven) {
        Ok((_, command)) => Ok(Parsed { command, forgiven }),
        Err(e) => Err(ParseError::Syntax {
            verb,
            diagnostic: diagnose(e, line),
        }),
    }
}

fn arguments<'a>(
    verb: Verb,
    rest: &'a str,
    lenient: bool,
    forgiven: &mut Vec<Forgiven>,
) -> PResult<'a, Command> {
    match verb {
        Verb::Ehlo | Verb::Helo => {
            let (rest, _) = space(rest).map_err(|e| e.map(|g| g.with_hint(Hint::SayWhoYouAre)))?;
            let (rest, name) = expect(Expected::Domain, domain_or_literal)(rest)?;
            let (rest, ()) = end_of_line(rest)?;
            let name = name.to_owned();
            Ok((
                rest,
                if verb == Verb::Ehlo {
                    Command::Ehlo(name)
                } else {
                    Command::Helo(name)
                },
            ))
        }
        Verb::Mail => {
            let (rest, ()) = keyword(rest, "FROM", Expected::FromColon, lenient, forgiven)?;
            let (rest, from) = path_after_colon(rest, lenient, forgiven, true)?;
            let (rest, params) = params(rest)?;
            let from = from.map_or(ReversePath::Null, ReversePath::Address);
            Ok((rest, Command::Mail { from, params }))
        }
        Verb::Rcpt => {
            let (rest, ()) = keyword(rest, "TO", Expected::ToColon, lenient, forgiven)?;
            let (after, to) = path_after_colon(rest, lenient, forgiven, false)?;
            let Some(to) = to else {
                return fail(rest, Expected::LocalPart);
            };
            let (after, params) = params(after)?;
            Ok((after, Command::Rcpt { to, params }))
        }
        Verb::Data | Verb::Rset | Verb::Quit | Verb::StartTls => {
            let (rest, ()) = end_of_line(rest)?;
            let command = match verb {
                Verb::Data => Command::Data,
                Verb::Rset => Command::Rset,
                Verb::Quit => Command::Quit,
                _ => Command::StartTls,
            };
            Ok((rest, command))
        }
        // RFC 5321 §4.1.1.9: NOOP may carry a string, which the server ignores.
        Verb::Noop => Ok(("", Command::Noop)),
        Verb::Vrfy | Verb::Expn => {
            let (rest, _) = space(rest)?;
            let arg = rest.trim();
            if arg.is_empty() {
                return fail(rest, Expected::Argument);
            }
            let arg = arg.to_owned();
            Ok((
                "",
                if verb == Verb::Vrfy {
                    Command::Vrfy(arg)
                } else {
                    Command::Expn(arg)
                },
            ))
        }
        Verb::Help => {
            let topic = rest.trim();
            Ok((
                "",
                Command::Help((!topic.is_empty()).then(|| topic.to_owned())),
            ))
        }
        Verb::Auth => {
            let (rest, _) = space(rest)?;
            let (rest, mechanism) = expect(Expected::Mechanism, mechanism)(rest)?;
            let (rest, initial) = if rest.is_empty() || rest.trim().is_empty() {
                ("", None)
            } else {
                let (rest, _) = space(rest)?;
                let (rest, ir) = expect(Expected::Base64, base64_or_equals)(rest)?;
                (rest, Some(ir.to_owned()))
            };
            let (rest, ()) = end_of_line(rest)?;
            let mechanism = mechanism.to_ascii_uppercase();
            Ok((rest, Command::Auth { mechanism, initial }))
        }
    }
}

/// One space, as the grammar separates a verb from its argument.
fn space(input: &str) -> PResult<'_, ()> {
    match input.strip_prefix(' ') {
        Some(rest) => Ok((rest.trim_start_matches(' '), ())),
        None => fail(input, Expected::Space),
    }
}

/// ` FROM:` or ` TO:`, case-insensitive; names the keyword missing if it is. A lenient
/// session forgives a missing colon when a space and `<` follow the keyword.
fn keyword<'a>(
    input: &'a str,
    word: &str,
    what: Expected,
    lenient: bool,
    forgiven: &mut Vec<Forgiven>,
) -> PResult<'a, ()> {
    let (rest, _) = space(input)?;
    match (tag_no_case::<_, _, GrammarError>(word), char(':')).parse(rest) {
        Ok((after, _)) => Ok((after, ())),
        Err(_) if rest.starts_with('<') => Err(nom::Err::Error(
            GrammarError::new(rest, what).with_hint(Hint::KeywordMissing),
        )),
        Err(_) => match (tag_no_case::<_, _, GrammarError>(word), char(' ')).parse(rest) {
            Ok((after, _)) if lenient && after.trim_start().starts_with('<') => {
                forgiven.push(Forgiven::MissingColon);
                Ok((after.trim_start(), ()))
            }
            _ => fail(rest, what),
        },
    }
}

/// `Path` after `FROM:`/`TO:`. Returns None for the null path `<>` (only allowed in MAIL).
fn path_after_colon<'a>(
    input: &'a str,
    lenient: bool,
    forgiven: &mut Vec<Forgiven>,
    null_allowed: bool,
) -> PResult<'a, Option<Address>> {
    let mut rest = input;
    if rest.starts_with(' ') {
        if !lenient {
            return Err(nom::Err::Error(
                GrammarError::new(rest, Expected::AnglePath).with_hint(Hint::NoSpaceAfterColon),
            ));
        }
        forgiven.push(Forgiven::SpaceAfterColon);
        rest = rest.trim_start_matches(' ');
    }
    if let Some(after) = rest.strip_prefix("<>") {
        if null_allowed {
            return Ok((after, None));
        }
        return fail(&rest[1..], Expected::LocalPart);
    }
    match rest.strip_prefix('<') {
        Some(inner) => {
            // A source route (`<@a,@b:user@c>`) is obsolete; RFC 5321 §4.1.1.3 says to
            // accept and ignore it.
            let inner = source_route(inner);
            let (after, address) = mailbox(inner)?;
            match after.strip_prefix('>') {
                Some(after) => Ok((after, Some(address))),
                None => fail(after, Expected::CloseAngle),
            }
        }
        None if lenient && !rest.is_empty() => {
            let (after, address) = mailbox(rest).map_err(|e| {
                e.map(|g| GrammarError::new(g.rest, g.expected.unwrap_or(Expected::AnglePath)))
            })?;
            forgiven.push(Forgiven::MissingAngleBrackets);
            Ok((after, Some(address)))
        }
        None => {
            let hint = if rest.contains('@') {
                Some(Hint::AngleBrackets)
            } else {
                None
            };
            let mut err = GrammarError::new(rest, Expected::AnglePath);
            err.hint = hint;
            Err(nom::Err::Error(err))
        }
    }
}

fn source_route(input: &str) -> &str {
    if input.starts_with('@') {
        if let Some((_, rest)) = input.split_once(':') {
            return rest;
        }
    }
    input
}

/// `Mailbox = Local-part "@" ( Domain / address-literal )`
fn mailbox(input: &str) -> PResult<'_, Address> {
    let (rest, local) = expect(Expected::LocalPart, local_part)(input)?;
    let Some(rest) = rest.strip_prefix('@') else {
        return fail(rest, Expected::At);
    };
    let (after, domain) = expect(Expected::Domain, domain_or_literal)(rest)?;
    if local.len() > MAX_LOCAL_PART {
        return fail(input, Expected::LocalPart);
    }
    if domain.len() > MAX_DOMAIN {
        return fail(rest, Expected::Domain);
    }
    Ok((after, Address::new(local, domain)))
}

/// `Local-part = Dot-string / Quoted-string`
fn local_part(input: &str) -> PResult<'_, &str> {
    if let Some(inner) = input.strip_prefix('"') {
        let mut escaped = false;
        for (i, c) in inner.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => return Ok((&inner[i + 1..], &input[..i + 2])),
                _ => escaped = false,
            }
        }
        return fail(input, Expected::LocalPart);
    }
    dot_string(input)
}

/// `Dot-string = Atom *("." Atom)`, `Atom = 1*atext`
fn dot_string(input: &str) -> PResult<'_, &str> {
    let len = input
        .bytes()
        .take_while(|&b| is_atext(b) || b == b'.')
        .count();
    let text = &input[..len];
    if text.is_empty() || text.starts_with('.') || text.ends_with('.') || text.contains("..") {
        return fail(input, Expected::LocalPart);
    }
    Ok((&input[len..], text))
}

/// RFC 5322 §3.2.3 `atext`.
fn is_atext(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~".contains(&b)
}

/// `Domain = sub-domain *("." sub-domain)`, `sub-domain = Let-dig [Ldh-str]`,
/// or `address-literal = "[" ( IPv4-address-literal / IPv6-address-literal ) "]"`.
pub(crate) fn domain_or_literal(input: &str) -> PResult<'_, &str> {
    let literal = recognize(delimited(
        char('['),
        take_while1(|c: char| c.is_ascii_alphanumeric() || ".:-".contains(c)),
        char(']'),
    ));
    let domain = recognize(separated_list1(char('.'), sub_domain));
    let (rest, text) = expect(Expected::Domain, alt((literal, domain)))(input)?;
    // `exa..mple` or `-bad-`: the list stopped at a dot or hyphen that no label follows.
    if rest.starts_with(['.', '-']) {
        return fail(input, Expected::Domain);
    }
    Ok((rest, text))
}

/// `sub-domain = Let-dig [Ldh-str]`: letters, digits and inner hyphens, at most 63 long
/// (RFC 1035 §2.3.4).
fn sub_domain(input: &str) -> PResult<'_, &str> {
    verify(
        take_while1(|c: char| c.is_ascii_alphanumeric() || c == '-'),
        |label: &str| label.len() <= 63 && !label.starts_with('-') && !label.ends_with('-'),
    )
    .parse(input)
}

/// `Mail-parameters = esmtp-param *(SP esmtp-param)`
fn params(input: &str) -> PResult<'_, Vec<Param>> {
    let mut rest = input;
    let mut out = Vec::new();
    loop {
        let trimmed = rest.trim_start_matches(' ');
        if trimmed.is_empty() {
            return Ok((trimmed, out));
        }
        if trimmed.len() == rest.len() {
            return fail(rest, Expected::Space);
        }
        let (after, param) = param(trimmed)?;
        out.push(param);
        rest = after;
    }
}

/// `esmtp-keyword = (ALPHA / DIGIT) *(ALPHA / DIGIT / "-")`,
/// `esmtp-value = 1*(%d33-60 / %d62-126)`
fn param(input: &str) -> PResult<'_, Param> {
    let keyword = verify(
        take_while1(|c: char| c.is_ascii_alphanumeric() || c == '-'),
        |k: &str| !k.starts_with('-'),
    );
    let value = take_while1(|c: char| ('!'..='~').contains(&c) && c != '=');
    let (rest, (keyword, value)) = expect(
        Expected::Parameter,
        (keyword, opt(preceded(char('='), value))),
    )(input)?;
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return fail(rest, Expected::Parameter);
    }
    let param = Param {
        keyword: keyword.to_ascii_uppercase(),
        value: value.map(str::to_owned),
    };
    Ok((rest, param))
}

/// A SASL mechanism name (RFC 4422 §3.1): upper-case letters, digits, `-` and `_`.
fn mechanism(input: &str) -> PResult<'_, &str> {
    verify(
        take_while1(|c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
        |m: &str| m.len() <= 20,
    )
    .parse(input)
}

/// Base64 text, or `=` for an initial response that is empty (RFC 4954 §4).
pub(crate) fn base64_or_equals(input: &str) -> PResult<'_, &str> {
    expect(
        Expected::Base64,
        take_while1(|c: char| c.is_ascii_alphanumeric() || "+/=".contains(c)),
    )(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(line: &str) -> Command {
        parse(line, false).expect(line).command
    }

    fn diag(line: &str, lenient: bool) -> Diagnostic {
        match parse(line, lenient) {
            Err(ParseError::Syntax { diagnostic, .. }) => diagnostic,
            other => panic!("{line}: expected a syntax error, got {other:?}"),
        }
    }

    #[test]
    fn verbs_are_case_insensitive() {
        assert_eq!(
            ok("ehlo laptop.example.test"),
            Command::Ehlo("laptop.example.test".into())
        );
        assert_eq!(ok("QuIt"), Command::Quit);
    }

    #[test]
    fn mail_from_takes_a_path_or_the_null_path_and_parameters() {
        assert_eq!(
            ok("MAIL FROM:<alice@example.test> SIZE=1200 BODY=8BITMIME"),
            Command::Mail {
                from: ReversePath::Address(Address::new("alice", "example.test")),
                params: vec![
                    Param {
                        keyword: "SIZE".into(),
                        value: Some("1200".into())
                    },
                    Param {
                        keyword: "BODY".into(),
                        value: Some("8BITMIME".into())
                    },
                ],
            }
        );
        assert_eq!(
            ok("mail from:<>"),
            Command::Mail {
                from: ReversePath::Null,
                params: vec![]
            }
        );
    }

    #[test]
    fn rcpt_accepts_quoted_local_parts_literals_and_ignores_source_routes() {
        let to = |line| match ok(line) {
            Command::Rcpt { to, .. } => to.to_string(),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            to("RCPT TO:<\"bob smith\"@example.test>"),
            "\"bob smith\"@example.test"
        );
        assert_eq!(to("RCPT TO:<bob@[192.0.2.10]>"), "bob@[192.0.2.10]");
        assert_eq!(
            to("RCPT TO:<@mx.other.test:bob@example.test>"),
            "bob@example.test"
        );
    }

    #[test]
    fn missing_angle_brackets_get_a_hint_in_strict_mode_and_are_forgiven_in_lenient_mode() {
        let d = diag("MAIL FROM:alice@example.test", false);
        assert_eq!(
            (d.column, d.expected, d.hint),
            (11, Expected::AnglePath, Some(Hint::AngleBrackets))
        );
        let parsed = parse("MAIL FROM:alice@example.test", true).expect("lenient");
        assert_eq!(parsed.forgiven, [Forgiven::MissingAngleBrackets]);
    }

    #[test]
    fn a_space_after_the_colon_is_named() {
        let d = diag("RCPT TO: <bob@example.test>", false);
        assert_eq!((d.column, d.hint), (9, Some(Hint::NoSpaceAfterColon)));
        let parsed = parse("RCPT TO: <bob@example.test>", true).expect("lenient");
        assert_eq!(parsed.forgiven, [Forgiven::SpaceAfterColon]);
    }

    #[test]
    fn a_missing_colon_is_forgiven_only_in_lenient_mode() {
        assert_eq!(
            diag("MAIL FROM <carol@other.test>", false).expected,
            Expected::FromColon
        );
        let parsed = parse("MAIL FROM <carol@other.test>", true).expect("lenient");
        assert_eq!(parsed.forgiven, [Forgiven::MissingColon]);
        let parsed = parse("rcpt to <bob@example.test>", true).expect("lenient");
        assert_eq!(parsed.forgiven, [Forgiven::MissingColon]);
    }

    #[test]
    fn a_forgotten_keyword_is_recognised() {
        let d = diag("RCPT <bob@example.test>", false);
        assert_eq!(
            (d.expected, d.hint),
            (Expected::ToColon, Some(Hint::KeywordMissing))
        );
    }

    #[test]
    fn errors_point_at_the_column_where_the_grammar_stopped() {
        let d = diag("MAIL FROM:<alice@example.test", false);
        assert_eq!((d.column, d.expected), (30, Expected::CloseAngle));
        let d = diag("MAIL FROM:<alice>", false);
        assert_eq!((d.column, d.expected), (17, Expected::At));
        let d = diag("EHLO", false);
        assert_eq!(
            (d.expected, d.hint),
            (Expected::Space, Some(Hint::SayWhoYouAre))
        );
        let d = diag("DATA now", false);
        assert_eq!((d.column, d.expected), (6, Expected::EndOfLine));
        let d = diag("RCPT TO:<>", false);
        assert_eq!(d.expected, Expected::LocalPart);
    }

    #[test]
    fn over_long_local_parts_and_bad_domains_are_refused() {
        let long = format!("MAIL FROM:<{}@example.test>", "a".repeat(65));
        assert_eq!(diag(&long, false).expected, Expected::LocalPart);
        assert_eq!(diag("EHLO -bad-.test", false).expected, Expected::Domain);
        assert_eq!(
            diag("RCPT TO:<bob@exa..mple>", false).expected,
            Expected::Domain
        );
    }

    #[test]
    fn unknown_verbs_and_empty_lines_are_their_own_errors() {
        assert_eq!(
            parse("HELLO there", false),
            Err(ParseError::UnknownVerb("HELLO".into()))
        );
        assert_eq!(parse("   ", false), Err(ParseError::Empty));
    }

    #[test]
    fn auth_takes_a_mechanism_and_an_optional_initial_response() {
        assert_eq!(
            ok("AUTH plain AGJvYgBidWlsZGVy"),
            Command::Auth {
                mechanism: "PLAIN".into(),
                initial: Some("AGJvYgBidWlsZGVy".into())
            }
        );
        assert_eq!(
            ok("AUTH LOGIN"),
            Command::Auth {
                mechanism: "LOGIN".into(),
                initial: None
            }
        );
    }
}

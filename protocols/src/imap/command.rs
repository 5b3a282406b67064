//! The IMAP command grammar (RFC 9051 §9, with the IMAP4rev1 forms of RFC 3501 that
//! clients still send), written with nom.
//!
//! A command may span several lines joined by literals (`{5}` then five raw octets). The
//! session assembles it into one text in which each literal is left as its `{n}` marker,
//! and hands the literal bodies alongside with the offset just after each marker; the
//! `string` parser takes a body from there.

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while1};
use nom::character::complete::char;
use nom::combinator::{cut, map, opt, peek, value};
use nom::multi::{separated_list0, separated_list1};
use nom::sequence::{delimited, preceded, separated_pair, terminated};
use nom::Parser;

use super::fetch_att::fetch_attributes;
use super::lexical::*;
use super::types::*;
use crate::grammar::{diagnose, expect, fail, Diagnostic, Expected, Hint, PResult};

/// A literal's body, found at the offset just after its `{n}` marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Literal {
    pub offset: usize,
    pub bytes: Vec<u8>,
}

/// A command line that did not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// Nothing but spaces: there is no tag to answer to.
    Empty,
    /// The first word is not a valid tag.
    BadTag { diagnostic: Diagnostic },
    /// A tag and nothing else.
    MissingCommand { tag: String },
    /// The word after the tag is not a command this server knows. `tagless` is set when
    /// that "tag" is itself a command name: the learner forgot the tag.
    UnknownCommand {
        tag: String,
        word: String,
        tagless: bool,
    },
    Syntax {
        tag: String,
        command: CommandName,
        diagnostic: Diagnostic,
    },
}

/// If a command line ends with a literal marker, its length and whether it is non-sync
/// (`{n+}`, LITERAL+ of RFC 7888, where the client does not wait for `+`).
pub fn trailing_literal(line: &str) -> Option<(u64, bool)> {
    let inner = line.strip_suffix('}')?;
    let open = inner.rfind('{')?;
    let spec = &inner[open + 1..];
    let (digits, non_sync) = match spec.strip_suffix('+') {
        Some(d) => (d, true),
        None => (spec, false),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 19 {
        return None;
    }
    digits.parse().ok().map(|n| (n, non_sync))
}

/// Splits a complete command as sent on the wire (lines, and the literal octets after each
/// `{n}` CRLF) into its text and its literals. Returns None if a literal is cut short.
pub fn split_literals(wire: &[u8]) -> Option<(String, Vec<Literal>)> {
    let mut text = String::new();
    let mut literals = Vec::new();
    let mut rest = wire;
    loop {
        let (line, after) = match rest.windows(2).position(|w| w == b"\r\n") {
            Some(i) => (&rest[..i], &rest[i + 2..]),
            None => (rest, &rest[rest.len()..]),
        };
        let line = String::from_utf8_lossy(line);
        text.push_str(&line);
        match trailing_literal(&line) {
            Some((n, _)) => {
                let n = usize::try_from(n).ok()?;
                let bytes = after.get(..n)?.to_vec();
                literals.push(Literal {
                    offset: text.len(),
                    bytes,
                });
                rest = &after[n..];
            }
            None => return Some((text, literals)),
        }
    }
}

/// Parses a complete command: `tag SP command`.
pub fn parse(text: &str, literals: &[Literal]) -> Result<(String, Command), ParseError> {
    if text.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    let g = Grammar {
        len: text.len(),
        literals,
    };
    let (rest, tag) = g.tag(text).map_err(|e| ParseError::BadTag {
        diagnostic: diagnose(e, text),
    })?;
    let tag = tag.to_owned();
    let Some(rest) = rest.strip_prefix(' ').filter(|r| !r.trim().is_empty()) else {
        return Err(ParseError::MissingCommand { tag });
    };
    let word_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(rest.len());
    let word = &rest[..word_len];
    let Some(name) = CommandName::from_word(word) else {
        let tagless = CommandName::from_word(&tag).is_some();
        return Err(ParseError::UnknownCommand {
            tag,
            word: word.to_owned(),
            tagless,
        });
    };
    let args = &rest[word_len..];
    let result = match name {
        CommandName::Uid => g.uid_command(args),
        other => g.command(other, args, false),
    };
    let command_for_error = |args: &str| -> CommandName {
        if name != CommandName::Uid {
            return name;
        }
        let w = args.trim_start();
        let end = w.find(' ').unwrap_or(w.len());
        CommandName::from_word(&w[..end]).unwrap_or(CommandName::Uid)
    };
    match result.and_then(|(rest, command)| g.end(rest).map(|(r, ())| (r, command))) {
        Ok((_, command)) => Ok((tag, command)),
        Err(e) => {
            let command = command_for_error(args);
            let mut diagnostic = diagnose(e, text);
            // `SELECT My folder`: a name with a space, unquoted, leaves words over.
            let takes_mailbox = matches!(
                command,
                CommandName::Select
                    | CommandName::Examine
                    | CommandName::Create
                    | CommandName::Delete
                    | CommandName::Subscribe
                    | CommandName::Unsubscribe
                    | CommandName::Copy
                    | CommandName::Move
            );
            if takes_mailbox && diagnostic.expected == Expected::EndOfLine {
                diagnostic.hint = Some(Hint::QuoteSpaces);
            }
            Err(ParseError::Syntax {
                tag,
                command,
                diagnostic,
            })
        }
    }
}

struct Grammar<'l> {
    len: usize,
    literals: &'l [Literal],
}

impl Grammar<'_> {
    /// `tag = 1*<any ASTRING-CHAR except "+">`, followed by a space or the end of the line:
    /// in `a(b NOOP` there is no tag to answer with (RFC 9051 §2.2.1, §7.1.3).
    fn tag<'a>(&self, input: &'a str) -> PResult<'a, &'a str> {
        let (rest, tag) = expect(
            Expected::Tag,
            take_while1(|c| is_astring_char(c) && c != '+'),
        )(input)?;
        if !(rest.is_empty() || rest.starts_with(' ')) {
            return fail(rest, Expected::Tag);
        }
        Ok((rest, tag))
    }

    fn end<'a>(&self, input: &'a str) -> PResult<'a, ()> {
        if input.is_empty() {
            Ok((input, ()))
        } else {
            fail(input, Expected::EndOfLine)
        }
    }

    fn quoted<'a>(&self, input: &'a str) -> PResult<'a, String> {
        quoted(input)
    }

    /// `literal = "{" number64 ["+"] "}" CRLF *CHAR8`: the body was read by the session.
    fn literal<'a>(&self, input: &'a str) -> PResult<'a, Vec<u8>> {
        let (rest, _) = (char('{'), number, opt(char('+')), char('}')).parse(input)?;
        let offset = self.len - rest.len();
        match self.literals.iter().find(|l| l.offset == offset) {
            Some(l) => Ok((rest, l.bytes.clone())),
            None => fail(input, Expected::String),
        }
    }

    /// `string = quoted / literal`
    fn string<'a>(&self, input: &'a str) -> PResult<'a, String> {
        let literal = |i| {
            self.literal(i)
                .map(|(r, b)| (r, String::from_utf8_lossy(&b).into_owned()))
        };
        expect(Expected::String, alt((|i| self.quoted(i), literal)))(input)
    }

    /// `astring = 1*ASTRING-CHAR / string`
    fn astring<'a>(&self, input: &'a str) -> PResult<'a, String> {
        let atom = map(take_while1(is_astring_char), str::to_owned);
        expect(Expected::AString, alt((|i| self.string(i), atom)))(input)
    }

    /// `nstring = string / nil`
    fn nstring<'a>(&self, input: &'a str) -> PResult<'a, Option<String>> {
        alt((
            value(None, tag_no_case("NIL")),
            map(|i| self.string(i), Some),
        ))
        .parse(input)
    }

    /// `mailbox = "INBOX" / astring`. A name followed by a space and more words was
    /// probably meant as one name and needed quotes.
    fn mailbox<'a>(&self, input: &'a str) -> PResult<'a, MailboxName> {
        expect(
            Expected::Mailbox,
            map(|i| self.astring(i), |n| MailboxName::new(&n)),
        )(input)
    }

    /// `list-mailbox = 1*list-char / string`
    fn list_mailbox<'a>(&self, input: &'a str) -> PResult<'a, String> {
        let chars = map(take_while1(is_list_char), str::to_owned);
        expect(Expected::Mailbox, alt((|i| self.string(i), chars)))(input)
    }

    fn uid_command<'a>(&self, args: &'a str) -> PResult<'a, Command> {
        let (rest, _) = sp(args)?;
        let word_len = rest.find(' ').unwrap_or(rest.len());
        match CommandName::from_word(&rest[..word_len]) {
            Some(
                name @ (CommandName::Fetch
                | CommandName::Store
                | CommandName::Search
                | CommandName::Copy
                | CommandName::Move
                | CommandName::Expunge),
            ) => self.command(name, &rest[word_len..], true),
            _ => fail(rest, Expected::CommandName),
        }
    }

    fn command<'a>(&self, name: CommandName, args: &'a str, uid: bool) -> PResult<'a, Command> {
        use CommandName as N;
        let mailbox_arg = |i: &'a str| preceded(sp, |i| self.mailbox(i)).parse(i);
        match name {
            N::Capability => Ok((args, Command::Capability)),
            N::Noop => Ok((args, Command::Noop)),
            N::Logout => Ok((args, Command::Logout)),
            N::StartTls => Ok((args, Command::StartTls)),
            N::Namespace => Ok((args, Command::Namespace)),
            N::Idle => Ok((args, Command::Idle)),
            N::Check => Ok((args, Command::Check)),
            N::Close => Ok((args, Command::Close)),
            N::Unselect => Ok((args, Command::Unselect)),
            N::Expunge if uid => map(preceded(sp, sequence_set), |s| Command::Expunge {
                uids: Some(s),
            })
            .parse(args),
            N::Expunge => Ok((args, Command::Expunge { uids: None })),
            N::Login | N::Authenticate | N::Enable | N::Id => self.session_command(name, args),
            N::Select => map(mailbox_arg, Command::Select).parse(args),
            N::Examine => map(mailbox_arg, Command::Examine).parse(args),
            N::Create => map(mailbox_arg, Command::Create).parse(args),
            N::Delete => map(mailbox_arg, Command::Delete).parse(args),
            N::Subscribe => map(mailbox_arg, Command::Subscribe).parse(args),
            N::Unsubscribe => map(mailbox_arg, Command::Unsubscribe).parse(args),
            N::Rename => map((mailbox_arg, mailbox_arg), |(from, to)| Command::Rename {
                from,
                to,
            })
            .parse(args),
            N::Lsub | N::List | N::Status => self.listing_command(name, args),
            N::Append | N::Search | N::Fetch | N::Store | N::Copy | N::Move => {
                self.message_command(name, args, uid)
            }
            N::Uid => fail(args, Expected::CommandName),
        }
    }

    /// Logging in and setting the session up: LOGIN, AUTHENTICATE, ENABLE, ID (RFC 9051
    /// §6.2, RFC 5161, RFC 2971).
    fn session_command<'a>(&self, name: CommandName, args: &'a str) -> PResult<'a, Command> {
        use CommandName as N;
        match name {
            N::Login => {
                let (r, (user, password)) = (
                    preceded(sp, |i| self.astring(i)),
                    preceded(sp, |i| self.astring(i)),
                )
                    .parse(args)?;
                Ok((r, Command::Login { user, password }))
            }
            N::Authenticate => {
                let mech = take_while1(|c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                let initial = preceded(
                    char(' '),
                    take_while1(|c: char| c.is_ascii_alphanumeric() || "+/=".contains(c)),
                );
                let (r, (mechanism, initial)) = (
                    preceded(sp, expect(Expected::Mechanism, mech)),
                    opt(initial),
                )
                    .parse(args)?;
                Ok((
                    r,
                    Command::Authenticate {
                        mechanism: mechanism.to_ascii_uppercase(),
                        initial: initial.map(str::to_owned),
                    },
                ))
            }
            N::Enable => {
                let cap = map(take_while1(is_atom_char), |c: &str| c.to_ascii_uppercase());
                map(
                    preceded(sp, separated_list1(char(' '), cap)),
                    Command::Enable,
                )
                .parse(args)
            }
            N::Id => {
                let pair = separated_pair(|i| self.string(i), char(' '), |i| self.nstring(i));
                let list = delimited(char('('), separated_list0(char(' '), pair), char(')'));
                let params = alt((value(None, tag_no_case("NIL")), map(list, Some)));
                map(
                    preceded(sp, expect(Expected::OpenParen, params)),
                    Command::Id,
                )
                .parse(args)
            }
            _ => fail(args, Expected::CommandName),
        }
    }

    /// Which mailboxes there are and what they hold: LSUB, LIST, STATUS (RFC 9051 §6.3.9,
    /// §6.3.11, RFC 5258).
    fn listing_command<'a>(&self, name: CommandName, args: &'a str) -> PResult<'a, Command> {
        use CommandName as N;
        let mailbox_arg = |i: &'a str| preceded(sp, |i| self.mailbox(i)).parse(i);
        match name {
            N::Lsub => {
                let (r, (reference, pattern)) = (
                    preceded(sp, |i| self.mailbox(i)),
                    preceded(sp, |i| self.list_mailbox(i)),
                )
                    .parse(args)?;
                let reference = reference.0;
                Ok((r, Command::Lsub { reference, pattern }))
            }
            // `list = "LIST" [SP list-select-opts] SP mailbox SP mbox-or-pat
            //         [SP list-return-opts]`
            N::List => {
                let (r, (select, reference, pattern, returns)) = (
                    opt(preceded(sp, list_options)),
                    preceded(sp, |i| self.mailbox(i)),
                    preceded(sp, |i| self.list_mailbox(i)),
                    opt(preceded((sp, tag_no_case("RETURN"), sp), list_options)),
                )
                    .parse(args)?;
                let mut options = ListOptions {
                    returns: returns.is_some(),
                    ..ListOptions::default()
                };
                for word in select.unwrap_or_default() {
                    match word.as_str() {
                        "SUBSCRIBED" => options.select_subscribed = true,
                        "SPECIAL-USE" => options.select_special_use = true,
                        _ => return fail(args, Expected::ListOption),
                    }
                }
                for word in returns.unwrap_or_default() {
                    match word.as_str() {
                        "SUBSCRIBED" => options.return_subscribed = true,
                        "CHILDREN" => options.return_children = true,
                        "SPECIAL-USE" => options.return_special_use = true,
                        _ => return fail(args, Expected::ListOption),
                    }
                }
                let reference = reference.0;
                Ok((
                    r,
                    Command::List {
                        reference,
                        pattern,
                        options,
                    },
                ))
            }
            N::Status => {
                let item = alt((
                    value(StatusItem::Messages, tag_no_case("MESSAGES")),
                    value(StatusItem::UidNext, tag_no_case("UIDNEXT")),
                    value(StatusItem::UidValidity, tag_no_case("UIDVALIDITY")),
                    value(StatusItem::Unseen, tag_no_case("UNSEEN")),
                    value(StatusItem::Deleted, tag_no_case("DELETED")),
                    value(StatusItem::Size, tag_no_case("SIZE")),
                    value(StatusItem::Recent, tag_no_case("RECENT")),
                ));
                let items = delimited(
                    expect(Expected::OpenParen, char('(')),
                    separated_list1(char(' '), expect(Expected::StatusItem, item)),
                    expect(Expected::CloseParen, char(')')),
                );
                map((mailbox_arg, preceded(sp, items)), |(mailbox, items)| {
                    Command::Status { mailbox, items }
                })
                .parse(args)
            }
            _ => fail(args, Expected::CommandName),
        }
    }

    /// Commands on messages: APPEND, SEARCH, FETCH, STORE, COPY, MOVE, each maybe under UID
    /// (RFC 9051 §6.3.12, §6.4).
    fn message_command<'a>(
        &self,
        name: CommandName,
        args: &'a str,
        uid: bool,
    ) -> PResult<'a, Command> {
        use CommandName as N;
        let mailbox_arg = |i: &'a str| preceded(sp, |i| self.mailbox(i)).parse(i);
        match name {
            N::Append => {
                let (r, mailbox) = mailbox_arg(args)?;
                let (r, flags) = opt(preceded(char(' '), flag_list)).parse(r)?;
                let (r, date) = opt(preceded(char(' '), date_time)).parse(r)?;
                let (r, message) =
                    preceded(sp, expect(Expected::String, |i| self.literal(i))).parse(r)?;
                Ok((
                    r,
                    Command::Append {
                        mailbox,
                        flags: flags.unwrap_or_default(),
                        date,
                        message,
                    },
                ))
            }
            N::Search => {
                let (args, returns) = opt(search_return).parse(args)?;
                let mut charset = opt(preceded((char(' '), tag_no_case("CHARSET"), sp), |i| {
                    self.astring(i)
                }));
                let (r, charset) = charset.parse(args)?;
                let (r, keys) =
                    preceded(sp, separated_list1(char(' '), |i| self.search_key(i))).parse(r)?;
                let key = if keys.len() == 1 {
                    keys.into_iter().next().unwrap_or(SearchKey::All)
                } else {
                    SearchKey::And(keys)
                };
                Ok((
                    r,
                    Command::Search {
                        uid,
                        charset,
                        key,
                        returns,
                    },
                ))
            }
            N::Fetch => {
                let (r, set) = preceded(sp, sequence_set).parse(args)?;
                let (r, attributes) = preceded(sp, fetch_attributes).parse(r)?;
                Ok((
                    r,
                    Command::Fetch {
                        uid,
                        set,
                        attributes,
                    },
                ))
            }
            N::Store => {
                let (r, set) = preceded(sp, sequence_set).parse(args)?;
                let mode = alt((
                    value(StoreMode::Add, char('+')),
                    value(StoreMode::Remove, char('-')),
                    value(StoreMode::Replace, tag("")),
                ));
                let action = (mode, tag_no_case("FLAGS"), opt(tag_no_case(".SILENT")));
                let (r, (mode, _, silent)) =
                    preceded(sp, expect(Expected::StoreAction, action)).parse(r)?;
                // `(` commits to a flag list, so its errors are the ones reported.
                let flags = |i: &'a str| {
                    if i.starts_with('(') {
                        flag_list(i)
                    } else {
                        separated_list1(char(' '), flag).parse(i)
                    }
                };
                let (r, flags) = preceded(sp, flags).parse(r)?;
                Ok((
                    r,
                    Command::Store {
                        uid,
                        set,
                        mode,
                        silent: silent.is_some(),
                        flags,
                    },
                ))
            }
            N::Copy | N::Move => {
                let (r, (set, mailbox)) = (preceded(sp, sequence_set), mailbox_arg).parse(args)?;
                Ok((
                    r,
                    if name == N::Copy {
                        Command::Copy { uid, set, mailbox }
                    } else {
                        Command::Move { uid, set, mailbox }
                    },
                ))
            }
            _ => fail(args, Expected::CommandName),
        }
    }

    /// `search-key` (RFC 9051 §9), with the IMAP4rev1 keys NEW, OLD and RECENT.
    fn search_key<'a>(&self, input: &'a str) -> PResult<'a, SearchKey> {
        use SearchKey as K;
        // Once a keyword has matched, an error in its argument is final (`cut`): it is the
        // error to report, not a reason to try the other keys.
        let astr = |i| cut(preceded(sp, |i| self.astring(i))).parse(i);
        let day = |i| cut(preceded(sp, date)).parse(i);
        let num = |i| cut(preceded(sp, expect(Expected::MessageNumber, number))).parse(i);
        let word_end = peek(nom::combinator::not(take_while1(|c: char| {
            c.is_ascii_alphanumeric()
        })));
        let simple = terminated(
            alt((
                alt((
                    value(K::All, tag_no_case("ALL")),
                    value(K::Answered, tag_no_case("ANSWERED")),
                    value(K::Deleted, tag_no_case("DELETED")),
                    value(K::Draft, tag_no_case("DRAFT")),
                    value(K::Flagged, tag_no_case("FLAGGED")),
                    value(K::New, tag_no_case("NEW")),
                    value(K::Old, tag_no_case("OLD")),
                    value(K::Recent, tag_no_case("RECENT")),
                    value(K::Seen, tag_no_case("SEEN")),
                )),
                alt((
                    value(K::Unanswered, tag_no_case("UNANSWERED")),
                    value(K::Undeleted, tag_no_case("UNDELETED")),
                    value(K::Undraft, tag_no_case("UNDRAFT")),
                    value(K::Unflagged, tag_no_case("UNFLAGGED")),
                    value(K::Unseen, tag_no_case("UNSEEN")),
                )),
            )),
            word_end,
        );
        let with_string = alt((
            map(preceded(tag_no_case("BCC"), astr), K::Bcc),
            map(preceded(tag_no_case("BODY"), astr), K::Body),
            map(preceded(tag_no_case("CC"), astr), K::Cc),
            map(preceded(tag_no_case("FROM"), astr), K::From),
            map(preceded(tag_no_case("SUBJECT"), astr), K::Subject),
            map(preceded(tag_no_case("TEXT"), astr), K::Text),
            map(preceded(tag_no_case("TO"), astr), K::To),
            map(
                preceded(
                    tag_no_case("KEYWORD"),
                    cut(preceded(
                        sp,
                        expect(Expected::Flag, take_while1(is_atom_char)),
                    )),
                ),
                |k: &str| K::Keyword(k.to_owned()),
            ),
            map(
                preceded(
                    tag_no_case("UNKEYWORD"),
                    cut(preceded(
                        sp,
                        expect(Expected::Flag, take_while1(is_atom_char)),
                    )),
                ),
                |k: &str| K::Unkeyword(k.to_owned()),
            ),
            map(preceded(tag_no_case("HEADER"), (astr, astr)), |(h, v)| {
                K::Header(h, v)
            }),
        ));
        let with_date = alt((
            map(preceded(tag_no_case("BEFORE"), day), K::Before),
            map(preceded(tag_no_case("ON"), day), K::On),
            map(preceded(tag_no_case("SINCE"), day), K::Since),
            map(preceded(tag_no_case("SENTBEFORE"), day), K::SentBefore),
            map(preceded(tag_no_case("SENTON"), day), K::SentOn),
            map(preceded(tag_no_case("SENTSINCE"), day), K::SentSince),
            map(preceded(tag_no_case("LARGER"), num), K::Larger),
            map(preceded(tag_no_case("SMALLER"), num), K::Smaller),
            map(
                preceded(tag_no_case("UID"), cut(preceded(sp, sequence_set))),
                K::Uid,
            ),
        ));
        let not = map(
            preceded(tag_no_case("NOT "), cut(|i| self.search_key(i))),
            |k| K::Not(Box::new(k)),
        );
        let or = map(
            preceded(
                tag_no_case("OR "),
                cut((|i| self.search_key(i), preceded(sp, |i| self.search_key(i)))),
            ),
            |(a, b)| K::Or(Box::new(a), Box::new(b)),
        );
        let group = map(
            delimited(
                char('('),
                separated_list1(char(' '), |i| self.search_key(i)),
                expect(Expected::CloseParen, char(')')),
            ),
            K::And,
        );
        let sequence = map(sequence_set, K::Sequence);
        expect(
            Expected::SearchKey,
            alt((not, or, with_date, with_string, simple, group, sequence)),
        )(input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Flag;

    fn ok(text: &str) -> Command {
        parse(text, &[])
            .unwrap_or_else(|e| panic!("{text}: {e:?}"))
            .1
    }

    fn syntax(text: &str) -> Diagnostic {
        match parse(text, &[]) {
            Err(ParseError::Syntax { diagnostic, .. }) => diagnostic,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn literal_markers_and_wire_splitting() {
        assert_eq!(trailing_literal("a1 LOGIN {3}"), Some((3, false)));
        assert_eq!(trailing_literal("a1 LOGIN {3+}"), Some((3, true)));
        assert_eq!(trailing_literal("a1 LOGIN {x}"), None);
        assert_eq!(trailing_literal("a1 NOOP"), None);
        let (text, literals) =
            split_literals(b"a1 LOGIN {3}\r\nbob {7+}\r\nbuilder").expect("complete");
        assert_eq!(text, "a1 LOGIN {3} {7+}");
        assert_eq!(
            parse(&text, &literals).map(|(_, c)| c),
            Ok(Command::Login {
                user: "bob".into(),
                password: "builder".into()
            })
        );
        assert_eq!(split_literals(b"a1 LOGIN {30}\r\nbob"), None);
    }

    #[test]
    fn tags_and_command_names() {
        assert_eq!(
            parse("a1 capability", &[]),
            Ok(("a1".into(), Command::Capability))
        );
        assert_eq!(parse("", &[]), Err(ParseError::Empty));
        assert_eq!(
            parse("a1", &[]),
            Err(ParseError::MissingCommand { tag: "a1".into() })
        );
        assert_eq!(
            parse("LOGIN bob builder", &[]),
            Err(ParseError::UnknownCommand {
                tag: "LOGIN".into(),
                word: "bob".into(),
                tagless: true
            })
        );
        assert!(matches!(
            parse("+1 NOOP", &[]),
            Err(ParseError::BadTag { .. })
        ));
    }

    #[test]
    fn login_takes_atoms_quoted_strings_and_literals() {
        assert_eq!(
            ok("a1 LOGIN bob builder"),
            Command::Login {
                user: "bob".into(),
                password: "builder".into()
            }
        );
        assert_eq!(
            ok(r#"a1 LOGIN "bob" "a \"b\"""#),
            Command::Login {
                user: "bob".into(),
                password: "a \"b\"".into()
            }
        );
        let text = "a1 LOGIN {3} {7}";
        let literals = [
            Literal {
                offset: 12,
                bytes: b"bob".to_vec(),
            },
            Literal {
                offset: 16,
                bytes: b"builder".to_vec(),
            },
        ];
        assert_eq!(
            parse(text, &literals).map(|(_, c)| c),
            Ok(Command::Login {
                user: "bob".into(),
                password: "builder".into()
            })
        );
    }

    #[test]
    fn fetch_attributes_sections_and_partials() {
        let Command::Fetch { uid, set, attributes } = ok("a1 UID FETCH 1:*,5 (FLAGS BODY.PEEK[HEADER.FIELDS (From Subject)] BODY[1.2]<0.100> RFC822.SIZE)") else {
            panic!("not a fetch");
        };
        assert!(uid);
        assert_eq!(set.0.len(), 2);
        assert_eq!(attributes[0], FetchAttribute::Flags);
        assert_eq!(
            attributes[1],
            FetchAttribute::BodySection {
                peek: true,
                section: Section {
                    part: vec![],
                    text: Some(SectionText::HeaderFields {
                        not: false,
                        fields: vec!["From".into(), "Subject".into()]
                    })
                },
                partial: None
            }
        );
        assert_eq!(
            attributes[2],
            FetchAttribute::BodySection {
                peek: false,
                section: Section {
                    part: vec![1, 2],
                    text: None
                },
                partial: Some((0, 100))
            }
        );
        assert_eq!(attributes[3], FetchAttribute::Rfc822Size);
        assert!(
            matches!(ok("a1 FETCH 1 ALL"), Command::Fetch { attributes, .. } if attributes.len() == 4)
        );
        assert!(matches!(ok("a1 FETCH 2 BODY[]"), Command::Fetch { .. }));
        assert!(matches!(
            ok("a1 FETCH 2 BODY[2.MIME]"),
            Command::Fetch { .. }
        ));
    }

    #[test]
    fn store_search_and_append() {
        assert_eq!(
            ok("a1 STORE 2:4 +FLAGS.SILENT (\\Deleted $Work)"),
            Command::Store {
                uid: false,
                set: sequence_set("2:4").map(|(_, s)| s).expect("set"),
                mode: StoreMode::Add,
                silent: true,
                flags: vec![Flag::Deleted, Flag::Keyword("$Work".into())]
            }
        );
        assert!(matches!(
            ok("a1 SEARCH CHARSET UTF-8 OR FROM alice (UNSEEN SINCE 1-Nov-2026) NOT DELETED"),
            Command::Search { .. }
        ));
        assert!(matches!(
            ok("a1 UID SEARCH UID 1:* LARGER 100"),
            Command::Search { uid: true, .. }
        ));
        let text = r#"a1 APPEND Sent (\Seen) "27-Nov-2026 09:00:00 +0100" {5}"#;
        let literals = [Literal {
            offset: text.len(),
            bytes: b"Hi!\r\n".to_vec(),
        }];
        let (_, command) = parse(text, &literals).expect("append");
        let Command::Append {
            mailbox,
            flags,
            date,
            message,
        } = command
        else {
            panic!("not append")
        };
        assert_eq!(
            (mailbox.0.as_str(), flags, message),
            ("Sent", vec![Flag::Seen], b"Hi!\r\n".to_vec())
        );
        assert_eq!(
            date.map(|d| d.to_string()),
            Some("2026-11-27T08:00:00Z".to_owned())
        );
    }

    #[test]
    fn diagnostics_name_what_was_expected() {
        assert_eq!(syntax("a1 SELECT").expected, Expected::Space);
        assert_eq!(syntax("a1 FETCH x FLAGS").expected, Expected::SequenceSet);
        assert_eq!(syntax("a1 FETCH 1 FLAG").expected, Expected::FetchAttribute);
        let d = syntax("a1 STORE 1 +FLAGS (Seen");
        assert_eq!(d.expected, Expected::CloseParen);
        let d = syntax("a1 STORE 1 +FLAGS Seen)");
        assert_eq!(d.expected, Expected::EndOfLine);
        assert_eq!(syntax("a1 SEARCH SINCE yesterday").expected, Expected::Date);
        assert_eq!(syntax("a1 NOOP now").expected, Expected::EndOfLine);
        assert_eq!(syntax("a1 UID FLAGS 1").expected, Expected::CommandName);
        let d = syntax("a1 SELECT My folder");
        assert_eq!(
            (d.expected, d.hint),
            (Expected::EndOfLine, Some(Hint::QuoteSpaces))
        );
    }

    #[test]
    fn inbox_is_found_in_any_case() {
        assert_eq!(
            ok("a1 SELECT inbox"),
            Command::Select(MailboxName("INBOX".into()))
        );
        assert_eq!(
            ok(r#"a1 SELECT "My folder""#),
            Command::Select(MailboxName("My folder".into()))
        );
    }
}

//! Help for a learner typing in a terminal, without touching the session: whether a line
//! being typed would parse, which commands and mailbox names complete a word, and the
//! anatomy of a line for the explanation panel.
//!
//! None of this changes the world; the terminal asks before sending.

use serde::{Deserialize, Serialize};

use crate::grammar::Diagnostic;
use crate::port::Service;
use crate::store::Store;
use crate::vocab::Stage;

/// A problem with a line the learner is typing, found before it is sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineProblem {
    /// The first word is not a command of this protocol.
    UnknownCommand {
        /// The word typed.
        word: String,
    },
    /// An IMAP line whose first word is a command: the tag is missing.
    MissingTag,
    /// A command of another protocol (`RETR` typed at IMAP).
    Foreign(crate::crossover::Foreign),
    /// The line breaks the command's grammar.
    Syntax(Diagnostic),
}

/// Checks a command line as the session's grammar would, without sending it. An empty
/// line, or an IMAP line that announces a literal, is not judged yet.
pub fn check_line(service: Service, line: &str, lenient: bool) -> Option<LineProblem> {
    let problem = grammar_problem(service, line, lenient);
    // Only a line the grammar refuses for its command word can be a command of another
    // protocol: `TOP NOOP` is a fine IMAP line whose tag happens to be a POP3 verb.
    let refused_word = match &problem {
        Some(LineProblem::UnknownCommand { .. }) => true,
        None => {
            service == Service::Imap
                && matches!(
                    crate::imap::command::parse(line, &[]),
                    Err(crate::imap::command::ParseError::MissingCommand { .. })
                )
        }
        _ => false,
    };
    if refused_word {
        if let Some(f) = crate::crossover::foreign(service, line) {
            return Some(LineProblem::Foreign(f));
        }
    }
    problem
}

/// What the session's grammar says of a line, before any cross-protocol reading.
fn grammar_problem(service: Service, line: &str, lenient: bool) -> Option<LineProblem> {
    if line.trim().is_empty() {
        return None;
    }
    match service {
        Service::Smtp => match crate::smtp::command::parse(line, lenient) {
            Ok(_) | Err(crate::smtp::command::ParseError::Empty) => None,
            Err(crate::smtp::command::ParseError::UnknownVerb(word)) => {
                Some(LineProblem::UnknownCommand { word })
            }
            Err(crate::smtp::command::ParseError::Syntax { diagnostic, .. }) => {
                Some(LineProblem::Syntax(diagnostic))
            }
        },
        Service::Pop3 => match crate::pop3::command::parse(line) {
            Ok(_) | Err(crate::pop3::command::ParseError::Empty) => None,
            Err(crate::pop3::command::ParseError::UnknownVerb(word)) => {
                Some(LineProblem::UnknownCommand { word })
            }
            Err(crate::pop3::command::ParseError::Syntax { diagnostic, .. }) => {
                Some(LineProblem::Syntax(diagnostic))
            }
        },
        Service::Imap => {
            if crate::imap::command::trailing_literal(line).is_some() {
                return None;
            }
            use crate::imap::command::ParseError as E;
            match crate::imap::command::parse(line, &[]) {
                Ok(_) | Err(E::Empty | E::MissingCommand { .. }) => None,
                Err(E::UnknownCommand { tagless: true, .. }) => Some(LineProblem::MissingTag),
                Err(E::UnknownCommand { word, .. }) => Some(LineProblem::UnknownCommand { word }),
                Err(E::BadTag { diagnostic } | E::Syntax { diagnostic, .. }) => {
                    Some(LineProblem::Syntax(diagnostic))
                }
            }
        }
    }
}

/// The command words of a protocol, for Tab completion.
pub fn command_words(service: Service) -> Vec<&'static str> {
    match service {
        Service::Smtp => crate::smtp::Verb::ALL.iter().map(|v| v.word()).collect(),
        Service::Pop3 => crate::pop3::Verb::ALL.iter().map(|v| v.word()).collect(),
        Service::Imap => crate::imap::CommandName::ALL
            .iter()
            .map(|c| c.word())
            .collect(),
    }
}

/// The next sensible lines for a session at this stage, filled in for the learner's own
/// account (`me`, a login) and another account of the world to write to. A newcomer can
/// insert one and send it; each is a line a mail client would send next.
pub fn suggestions(stage: Stage, store: &Store, me: &str) -> Vec<String> {
    let account = store.account(me);
    let address = account.map_or_else(String::new, |a| a.address.to_string());
    let password = account.map_or("", |a| a.password.as_str());
    let other = store
        .accounts
        .values()
        .find(|a| a.login != me)
        .map_or_else(String::new, |a| a.address.to_string());
    let lines: Vec<String> = match stage {
        Stage::SmtpGreet => vec!["EHLO laptop.example.test".into()],
        Stage::SmtpStartTls => vec!["STARTTLS".into()],
        Stage::SmtpAuth => vec!["AUTH PLAIN".into(), "AUTH LOGIN".into()],
        Stage::SmtpMail => vec![format!("MAIL FROM:<{address}>"), "QUIT".into()],
        Stage::SmtpRcpt => vec![format!("RCPT TO:<{other}>")],
        Stage::SmtpRcptOrData => vec!["DATA".into(), format!("RCPT TO:<{other}>")],
        Stage::SmtpData => vec!["Subject: Hello".into(), ".".into()],
        Stage::Sasl | Stage::Busy => Vec::new(),
        Stage::Pop3User => vec![format!("USER {me}")],
        Stage::Pop3Pass => vec![format!("PASS {password}")],
        Stage::Pop3Transaction => {
            vec!["STAT".into(), "LIST".into(), "RETR 1".into(), "QUIT".into()]
        }
        Stage::ImapStartTls => vec!["STARTTLS".into()],
        Stage::ImapLogin => vec![format!("LOGIN {me} {password}"), "CAPABILITY".into()],
        Stage::ImapAuthenticated => vec!["LIST \"\" *".into(), "SELECT INBOX".into()],
        Stage::ImapSelected => vec![
            "FETCH 1:* (FLAGS ENVELOPE)".into(),
            "SEARCH UNSEEN".into(),
            "LOGOUT".into(),
        ],
        Stage::ImapIdle => vec!["DONE".into()],
    };
    lines
}

/// Whether a completed command word is followed by arguments, so completion adds a space
/// after it; `CAPABILITY ` with a trailing space would be a syntax error (RFC 9051 §9).
pub fn wants_argument(service: Service, word: &str) -> bool {
    let none = match service {
        Service::Smtp => &["DATA", "RSET", "QUIT", "STARTTLS", "NOOP"][..],
        Service::Pop3 => &[
            "STAT", "NOOP", "RSET", "QUIT", "CAPA", "STLS", "LIST", "UIDL",
        ][..],
        Service::Imap => &[
            "CAPABILITY",
            "NOOP",
            "LOGOUT",
            "STARTTLS",
            "CHECK",
            "CLOSE",
            "UNSELECT",
            "EXPUNGE",
            "IDLE",
            "NAMESPACE",
        ][..],
    };
    let is_command = command_words(service)
        .iter()
        .any(|c| c.eq_ignore_ascii_case(word));
    is_command && !none.iter().any(|n| n.eq_ignore_ascii_case(word))
}

/// Whether an IMAP line starts with a command name instead of a tag, so a console may add
/// the next tag itself (`LOGIN bob builder` → `a3 LOGIN bob builder`).
pub fn imap_needs_tag(line: &str) -> bool {
    let first = line.split(' ').next().unwrap_or_default();
    crate::imap::CommandName::from_word(first).is_some()
}

/// Completes the word under the cursor at the end of `line`: command names where a
/// command goes (after the tag for IMAP), mailbox names after an IMAP command that takes
/// one. Returns the candidates that start with the word, in the case the learner typed.
pub fn complete(service: Service, line: &str, mailboxes: &[String]) -> Vec<String> {
    let mut words: Vec<&str> = line.split(' ').collect();
    // An IMAP line typed without its tag (the console adds one) reads as if it had one.
    if service == Service::Imap && (words.len() == 1 || imap_needs_tag(line)) {
        words.insert(0, "*");
    }
    let Some((word, before)) = words.split_last() else {
        return Vec::new();
    };
    let command_position = match service {
        Service::Imap => {
            before.len() == 1 || (before.len() == 2 && before[1].eq_ignore_ascii_case("UID"))
        }
        _ => before.is_empty(),
    };
    let lower = word.chars().next().is_some_and(char::is_lowercase);
    let fits = |candidate: &str| {
        candidate
            .to_ascii_lowercase()
            .starts_with(&word.to_ascii_lowercase())
    };
    if command_position {
        return command_words(service)
            .into_iter()
            .filter(|c| fits(c))
            .map(|c| {
                if lower {
                    c.to_ascii_lowercase()
                } else {
                    c.to_owned()
                }
            })
            .collect();
    }
    if service == Service::Imap && mailbox_position(before) {
        return mailboxes
            .iter()
            .filter(|m| fits(m))
            .map(|m| {
                if m.contains(' ') {
                    format!("\"{m}\"")
                } else {
                    m.clone()
                }
            })
            .collect();
    }
    Vec::new()
}

/// Whether the word after `before` (tag, command, arguments so far) is a mailbox name.
fn mailbox_position(before: &[&str]) -> bool {
    let (command, args) = match before {
        [_tag, uid, command, args @ ..] if uid.eq_ignore_ascii_case("UID") => {
            (*command, args.len())
        }
        [_tag, command, args @ ..] => (*command, args.len()),
        _ => return false,
    };
    let is = |names: &[&str]| names.iter().any(|n| command.eq_ignore_ascii_case(n));
    (args == 0
        && is(&[
            "SELECT",
            "EXAMINE",
            "STATUS",
            "DELETE",
            "RENAME",
            "SUBSCRIBE",
            "UNSUBSCRIBE",
            "APPEND",
        ]))
        || (args == 1 && is(&["COPY", "MOVE", "RENAME"]))
}

/// A part of a line, for the explanation panel: what it is, and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PartKind {
    /// An IMAP tag (`a1`).
    Tag,
    /// The `*` of an untagged response.
    Untagged,
    /// The `+` of a continuation request.
    Continuation,
    /// The command's name.
    Command,
    /// What follows the command's name.
    Arguments,
    /// An SMTP reply code (`250`).
    ReplyCode,
    /// An enhanced status code (`2.1.0`, RFC 3463).
    EnhancedCode,
    /// A status: `OK`, `NO`, `BAD`, `+OK`, `-ERR`.
    Status,
    /// An IMAP response code in brackets (`[UIDNEXT 5]`).
    ResponseCode,
    /// Free text for people to read.
    Text,
}

/// Splits a dialogue line into its parts: `a1` `FETCH` `1 (FLAGS)`, or `250` `2.1.0` `Ok`.
pub fn anatomy(service: Service, from_client: bool, line: &str) -> Vec<(PartKind, String)> {
    let mut parts = Vec::new();
    let mut push = |kind, text: &str| {
        if !text.is_empty() {
            parts.push((kind, text.to_owned()));
        }
    };
    let (first, rest) = line.split_once(' ').unwrap_or((line, ""));
    match (service, from_client) {
        (Service::Imap, true) => {
            let (command, args) = rest.split_once(' ').unwrap_or((rest, ""));
            if crate::imap::CommandName::from_word(command).is_some() {
                push(PartKind::Tag, first);
                push(PartKind::Command, command);
                push(PartKind::Arguments, args);
            } else {
                push(PartKind::Text, line);
            }
        }
        (_, true) => {
            let known = match service {
                Service::Smtp => crate::smtp::Verb::from_word(first).is_some(),
                _ => crate::pop3::Verb::from_word(first).is_some(),
            };
            if known {
                push(PartKind::Command, first);
                push(PartKind::Arguments, rest);
            } else {
                push(PartKind::Text, line);
            }
        }
        (Service::Smtp, false) => {
            let code = line
                .get(..3)
                .filter(|c| c.bytes().all(|b| b.is_ascii_digit()));
            match code {
                Some(code) => {
                    push(PartKind::ReplyCode, code);
                    let text = line.get(4..).unwrap_or_default();
                    let (enhanced, rest) = text.split_once(' ').unwrap_or((text, ""));
                    let is_enhanced = enhanced.split('.').count() == 3
                        && enhanced
                            .split('.')
                            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
                    if is_enhanced {
                        push(PartKind::EnhancedCode, enhanced);
                        push(PartKind::Text, rest);
                    } else {
                        push(PartKind::Text, text);
                    }
                }
                None => push(PartKind::Text, line),
            }
        }
        (Service::Pop3, false) => {
            if first == "+OK" || first == "-ERR" {
                push(PartKind::Status, first);
                match rest.strip_prefix('[').and_then(|r| r.split_once(']')) {
                    Some((code, text)) => {
                        push(PartKind::ResponseCode, &format!("[{code}]"));
                        push(PartKind::Text, text.trim_start());
                    }
                    None => push(PartKind::Text, rest),
                }
            } else {
                push(PartKind::Text, line);
            }
        }
        (Service::Imap, false) => {
            let kind = match first {
                "*" => PartKind::Untagged,
                "+" => PartKind::Continuation,
                _ if rest.starts_with("OK")
                    || rest.starts_with("NO")
                    || rest.starts_with("BAD") =>
                {
                    PartKind::Tag
                }
                _ => {
                    push(PartKind::Text, line);
                    return parts;
                }
            };
            push(kind, first);
            let (status, text) = rest.split_once(' ').unwrap_or((rest, ""));
            if ["OK", "NO", "BAD", "BYE", "PREAUTH"].contains(&status) {
                push(PartKind::Status, status);
                match text.strip_prefix('[').and_then(|r| r.split_once(']')) {
                    Some((code, t)) => {
                        push(PartKind::ResponseCode, &format!("[{code}]"));
                        push(PartKind::Text, t.trim_start());
                    }
                    None => push(PartKind::Text, text),
                }
            } else {
                push(PartKind::Text, rest);
            }
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::Expected;

    #[test]
    fn suggestions_follow_the_session_and_use_the_learners_account() {
        let store = crate::store::Preset::builtin("demo")
            .and_then(|p| p.build())
            .expect("demo");
        assert_eq!(
            suggestions(Stage::SmtpMail, &store, "alice")[0],
            "MAIL FROM:<alice@example.test>"
        );
        assert_eq!(
            suggestions(Stage::SmtpRcpt, &store, "alice"),
            ["RCPT TO:<bob@example.test>"]
        );
        assert_eq!(
            suggestions(Stage::Pop3Pass, &store, "bob"),
            ["PASS builder"]
        );
        assert_eq!(
            suggestions(Stage::ImapLogin, &store, "carol")[0],
            "LOGIN carol lighthouse"
        );
    }

    #[test]
    fn completion_adds_a_space_only_where_arguments_follow() {
        assert!(wants_argument(Service::Imap, "select"));
        assert!(!wants_argument(Service::Imap, "CAPABILITY"));
        assert!(
            !wants_argument(Service::Imap, "INBOX"),
            "a mailbox ends the line"
        );
        assert!(wants_argument(Service::Smtp, "EHLO"));
        assert!(!wants_argument(Service::Pop3, "STAT"));
    }

    #[test]
    fn lines_are_checked_before_sending() {
        assert_eq!(
            check_line(Service::Smtp, "EHLO laptop.example.test", false),
            None
        );
        assert!(
            matches!(check_line(Service::Smtp, "MAIL FROM:bob@example.test", false), Some(LineProblem::Syntax(d)) if d.expected == Expected::AnglePath)
        );
        assert_eq!(
            check_line(Service::Pop3, "HELLO", false),
            Some(LineProblem::UnknownCommand {
                word: "HELLO".into()
            })
        );
        assert!(matches!(
            check_line(Service::Pop3, "HELO", false),
            Some(LineProblem::Foreign(f)) if f.protocol == Service::Smtp
        ));
        assert!(matches!(
            check_line(Service::Imap, "RETR 1", false),
            Some(LineProblem::Foreign(f)) if f.protocol == Service::Pop3
        ));
        assert!(matches!(
            check_line(Service::Imap, "QUIT", false),
            Some(LineProblem::Foreign(f)) if f.instead.as_deref() == Some("LOGOUT")
        ));
        assert_eq!(
            check_line(Service::Imap, "TOP NOOP", false),
            None,
            "a tag that looks like a POP3 verb is still a tag"
        );
        assert_eq!(
            check_line(Service::Imap, "LOGIN bob builder", false),
            Some(LineProblem::MissingTag)
        );
        assert_eq!(
            check_line(Service::Imap, "a1 LOGIN {3}", false),
            None,
            "a literal is still to come"
        );
        assert_eq!(check_line(Service::Imap, "", false), None);
    }

    #[test]
    fn tab_completes_commands_in_the_case_typed_and_mailboxes_after_select() {
        assert_eq!(complete(Service::Smtp, "EH", &[]), ["EHLO"]);
        assert_eq!(complete(Service::Smtp, "r", &[]), ["rcpt", "rset"]);
        assert_eq!(complete(Service::Imap, "a1 FE", &[]), ["FETCH"]);
        assert_eq!(complete(Service::Imap, "a1 UID FE", &[]), ["FETCH"]);
        let boxes = vec![
            "INBOX".to_owned(),
            "Receipts".to_owned(),
            "Old receipts".to_owned(),
        ];
        assert_eq!(
            complete(Service::Imap, "a2 SELECT Re", &boxes),
            ["Receipts"]
        );
        assert_eq!(
            complete(Service::Imap, "a2 SELECT ol", &boxes),
            ["\"Old receipts\""]
        );
        assert_eq!(
            complete(Service::Imap, "a3 COPY 1 Re", &boxes),
            ["Receipts"]
        );
        assert!(complete(Service::Pop3, "RETR 1", &[]).is_empty());
    }

    #[test]
    fn imap_tags_are_added_only_when_the_line_starts_with_a_command() {
        assert!(imap_needs_tag("LOGIN bob builder"));
        assert!(imap_needs_tag("fetch 1 flags"));
        assert!(!imap_needs_tag("a1 LOGIN bob builder"));
        assert!(!imap_needs_tag("DONEX"));
    }

    #[test]
    fn anatomy_splits_lines_into_their_parts() {
        use PartKind::*;
        let owned = |v: &[(PartKind, &str)]| {
            v.iter()
                .map(|(k, s)| (*k, s.to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            anatomy(
                Service::Smtp,
                false,
                "550 5.1.1 <x@example.test>: no such user"
            ),
            owned(&[
                (ReplyCode, "550"),
                (EnhancedCode, "5.1.1"),
                (Text, "<x@example.test>: no such user")
            ])
        );
        assert_eq!(
            anatomy(Service::Smtp, false, "250-PIPELINING"),
            owned(&[(ReplyCode, "250"), (Text, "PIPELINING")])
        );
        assert_eq!(
            anatomy(Service::Imap, true, "a1 FETCH 1 (FLAGS)"),
            owned(&[(Tag, "a1"), (Command, "FETCH"), (Arguments, "1 (FLAGS)")])
        );
        assert_eq!(
            anatomy(Service::Imap, false, "a2 NO [TRYCREATE] No such mailbox"),
            owned(&[
                (Tag, "a2"),
                (Status, "NO"),
                (ResponseCode, "[TRYCREATE]"),
                (Text, "No such mailbox")
            ])
        );
        assert_eq!(
            anatomy(Service::Imap, false, "* 3 EXISTS"),
            owned(&[(Untagged, "*"), (Text, "3 EXISTS")])
        );
        assert_eq!(
            anatomy(Service::Pop3, false, "-ERR [IN-USE] Maildrop is locked"),
            owned(&[
                (Status, "-ERR"),
                (ResponseCode, "[IN-USE]"),
                (Text, "Maildrop is locked")
            ])
        );
    }
}

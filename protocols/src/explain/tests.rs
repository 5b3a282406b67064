//! Checks that hold for every explanation in every language.

use super::*;
use crate::grammar::{Diagnostic, Expected, Hint};
use crate::imap::{CommandName, ImapNote, ImapState};
use crate::pop3::{Capability, Pop3Note, State, Verb as Pop3Verb};
use crate::smtp::command::{Forgiven as F, Verb};
use crate::smtp::{Extension, SmtpNote};
use strum::IntoEnumIterator;

/// A syntax diagnostic with a hint, as the grammars give one.
fn hinted(expected: Expected, hint: Hint) -> Diagnostic {
    Diagnostic {
        column: 6,
        expected,
        hint: Some(hint),
    }
}

/// Every SMTP note: each variant as the derive makes it (empty words, zeros, the first
/// choice), then the values whose explanations differ (every extension, every forgiven
/// mistake, a named command, a hint).
fn every_smtp_note() -> Vec<SmtpNote> {
    use SmtpNote::*;
    let s = || "x".to_owned();
    let d = hinted(Expected::AnglePath, Hint::AngleBrackets);
    SmtpNote::iter()
        .chain(Extension::iter().map(Advertised))
        .chain([Advertised(Extension::Size(10))])
        .chain(F::iter().map(Forgiven))
        .chain([
            UnknownCommand { verb: s() },
            Syntax {
                verb: Verb::Mail,
                diagnostic: d,
            },
            RecipientRelay { to: s(), host: s() },
        ])
        .collect()
}

/// Every POP3 note, as for SMTP: each variant, then the values whose explanations differ.
fn every_pop3_note() -> Vec<Pop3Note> {
    use Pop3Note::*;
    let s = || "x".to_owned();
    let d = hinted(Expected::MessageNumber, Hint::CountFromOne);
    let wrong_states = State::iter()
        .flat_map(|state| [Pop3Verb::Stat, Pop3Verb::User].map(|verb| WrongState { verb, state }));
    Pop3Note::iter()
        .chain(Capability::iter().map(Advertised))
        .chain(wrong_states)
        .chain([
            List { message: Some(1) },
            Uidl { message: Some(1) },
            Top {
                message: 1,
                lines: 1,
            },
            Top {
                message: 1,
                lines: 5,
            },
            TopHeader {
                message: 1,
                lines: 1,
            },
            TopHeader {
                message: 1,
                lines: 5,
            },
            NoSuchMessage {
                message: 3,
                count: 2,
            },
            UserAccepted { cleartext: true },
            UnknownCommand { verb: s() },
            Syntax {
                verb: Pop3Verb::Retr,
                diagnostic: d,
            },
        ])
        .collect()
}

/// Every IMAP note, as for SMTP, and every command's explanation.
fn every_imap_note() -> Vec<ImapNote> {
    use ImapNote::*;
    let s = || "x".to_owned();
    let d = hinted(Expected::Tag, Hint::MissingTag);
    let commands = CommandName::ALL
        .iter()
        .flat_map(|c| [Command(*c), Completed(*c)]);
    let wrong_states = ImapState::iter().flat_map(|state| {
        [CommandName::Fetch, CommandName::Login].map(|command| WrongState { command, state })
    });
    let greetings =
        [(true, false), (false, true), (false, false)].map(|(encrypted, login_disabled)| {
            Greeting {
                host: s(),
                encrypted,
                login_disabled,
            }
        });
    ImapNote::iter()
        .chain(commands)
        .chain(wrong_states)
        .chain(greetings)
        .chain([
            CapabilityList {
                login_disabled: true,
                starttls: true,
            },
            BadTag { diagnostic: d },
            Syntax {
                command: CommandName::Fetch,
                diagnostic: d,
            },
            PermanentFlags { read_only: true },
            Selected {
                mailbox: s(),
                read_only: true,
            },
            ListLine { name: s() },
            Enabled { rev2: true },
            NotModifiedUtf7 {
                name: "bad&name".into(),
            },
        ])
        .chain(CommandName::ALL.iter().map(|c| UidCommand(*c)))
        .chain([0, 1, 2, 3].into_iter().flat_map(|n| {
            [
                SearchResult {
                    count: n,
                    uid: true,
                },
                SearchResult {
                    count: n,
                    uid: false,
                },
                EsearchResult {
                    count: n,
                    uid: true,
                },
                EsearchResult {
                    count: n,
                    uid: false,
                },
                AppendUid {
                    uid: 1,
                    line_endings_fixed: n,
                },
                ClosedQuietly { expunged: n },
                Exists { count: n as u32 },
                InvalidSequence { exists: n as u32 },
            ]
        }))
        .collect()
}

fn every_note() -> Vec<Note> {
    every_smtp_note()
        .into_iter()
        .map(Note::Smtp)
        .chain(every_pop3_note().into_iter().map(Note::Pop3))
        .chain(every_imap_note().into_iter().map(Note::Imap))
        .chain(
            [
                crate::port::Service::Smtp,
                crate::port::Service::Pop3,
                crate::port::Service::Imap,
            ]
            .map(Note::BareLineFeed),
        )
        .chain(
            [
                (crate::port::Service::Imap, "RETR 1"),
                (crate::port::Service::Imap, "EHLO laptop"),
                (crate::port::Service::Pop3, "LOGIN bob builder"),
            ]
            .into_iter()
            .filter_map(|(s, line)| crate::crossover::foreign(s, line).map(Note::Foreign)),
        )
        .chain(
            [
                crate::port::Service::Smtp,
                crate::port::Service::Pop3,
                crate::port::Service::Imap,
            ]
            .into_iter()
            .flat_map(|service| {
                use crate::vocab::Closing::*;
                [
                    IdleTimeout { after: 300 },
                    IdleTimeout { after: 1 },
                    ShuttingDown,
                    TooManyConnections,
                ]
                .map(|why| Note::Closing { service, why })
            }),
        )
        .collect()
}

#[test]
fn every_note_has_distinct_words_in_each_language() {
    for note in every_note() {
        let en = note.text(Lang::En);
        let fr = note.text(Lang::Fr);
        assert!(en.len() > 20, "{note:?}: English text too short: {en}");
        assert!(fr.len() > 20, "{note:?}: French text too short: {fr}");
        assert_ne!(en, fr, "{note:?}: the French text is the English one");
    }
}

#[test]
fn french_explanations_keep_their_no_break_spaces() {
    for note in every_note() {
        let fr = note.text(Lang::Fr);
        if let Some(why) = crate::proofread::french_spacing_mistake(&fr) {
            panic!("{note:?}: {why}: {fr}");
        }
    }
}

#[test]
fn pop3_reply_explanations_agree_on_their_status() {
    for note in every_pop3_note() {
        let en = Note::Pop3(note.clone()).text(Lang::En);
        let fr = Note::Pop3(note.clone()).text(Lang::Fr);
        for status in ["+OK", "-ERR"] {
            assert_eq!(en.starts_with(status), fr.starts_with(status), "{note:?}");
        }
    }
}

#[test]
fn imap_status_words_agree_between_languages() {
    for note in every_imap_note() {
        let en = Note::Imap(note.clone()).text(Lang::En);
        let fr = Note::Imap(note.clone()).text(Lang::Fr);
        for status in ["OK", "NO", "BAD", "BYE"] {
            assert_eq!(
                en.starts_with(&format!("{status}:")) || en.starts_with(&format!("{status} [")),
                fr.starts_with(status),
                "{note:?}: {en} / {fr}"
            );
        }
    }
}

#[test]
fn reply_explanations_name_their_code() {
    for note in every_smtp_note() {
        let en = Note::Smtp(note.clone()).text(Lang::En);
        let fr = Note::Smtp(note.clone()).text(Lang::Fr);
        if let Some(code) = en.strip_prefix("Code ").and_then(|t| t.get(..3)) {
            assert!(
                fr.starts_with(&format!("Code {code}")),
                "{note:?}: FR cites another code"
            );
        }
    }
}

#[test]
fn every_citation_names_a_section_its_rfc_has() {
    for note in every_note() {
        let rfc = note.rfc();
        assert!(
            crate::proofread::section_title(rfc.number, rfc.section).is_some(),
            "{note:?} cites RFC {} §{}, a section Facteur does not know",
            rfc.number,
            rfc.section
        );
        assert!(rfc.url().starts_with("https://www.rfc-editor.org/rfc/rfc"));
        for lang in [Lang::En, Lang::Fr] {
            for cited in crate::proofread::citations(&note.text(lang)) {
                assert!(
                    crate::proofread::section_title(cited.number, &cited.section).is_some(),
                    "{note:?} names RFC {} §{} in its text",
                    cited.number,
                    cited.section
                );
            }
        }
    }
}

#[test]
fn every_count_agrees_with_its_noun() {
    for note in every_note() {
        for lang in [Lang::En, Lang::Fr] {
            let text = note.text(lang);
            if let Some(why) = crate::proofread::plural_mistake(&text, lang) {
                panic!("{note:?} ({lang:?}): {why}: {text}");
            }
        }
    }
}

#[test]
fn diagnostics_read_as_sentences_with_column_and_hint() {
    let d = Diagnostic {
        column: 11,
        expected: Expected::AnglePath,
        hint: Some(Hint::AngleBrackets),
    };
    assert_eq!(
        diagnostic(&d, Lang::En),
        "At column 11: expected an address in angle brackets, such as <bob@example.test>. \
         Addresses in MAIL and RCPT go inside angle brackets: MAIL FROM:<alice@example.test>."
    );
    assert!(diagnostic(&d, Lang::Fr)
        .starts_with("Colonne 11\u{a0}: on attendait une adresse entre chevrons"));
}

#[test]
fn french_tags_choose_french_and_everything_else_english() {
    assert_eq!(Lang::from_tag("fr-CA"), Lang::Fr);
    assert_eq!(Lang::from_tag("FR_be"), Lang::Fr);
    assert_eq!(
        Lang::from_tag("frr"),
        Lang::En,
        "North Frisian is not French"
    );
    assert_eq!(Lang::from_tag("en-GB"), Lang::En);
}

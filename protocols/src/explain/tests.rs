//! Checks that hold for every explanation in every language.

use super::*;
use crate::grammar::{Diagnostic, Expected, Hint};
use crate::imap::{CommandName, ImapNote, ImapState};
use crate::pop3::{Capability, Pop3Note, State, Verb as Pop3Verb};
use crate::smtp::command::{Forgiven as F, Verb};
use crate::smtp::{Extension, SmtpNote};

/// One note of each SMTP variant, so the checks below see them all.
fn every_smtp_note() -> Vec<SmtpNote> {
    use SmtpNote::*;
    let d = Diagnostic {
        column: 11,
        expected: Expected::AnglePath,
        hint: Some(Hint::AngleBrackets),
    };
    let s = || "x".to_owned();
    vec![
        Ehlo { client: s() },
        Helo { client: s() },
        MailFrom { from: s() },
        RcptTo { to: s() },
        Data,
        Rset,
        Noop,
        Vrfy,
        Expn,
        Help,
        Quit,
        StartTls,
        Auth { mechanism: s() },
        AuthResponse { decoded: s() },
        AuthCancel,
        DataLine,
        DataDotStuffed,
        DataEnd,
        Unparsed,
        Forgiven(F::SpaceAfterColon),
        Forgiven(F::MissingAngleBrackets),
        Greeting { host: s() },
        EhloHello {
            host: s(),
            client: s(),
        },
        Advertised(Extension::Pipelining),
        Advertised(Extension::Size(10)),
        Advertised(Extension::EightBitMime),
        Advertised(Extension::EnhancedStatusCodes),
        Advertised(Extension::StartTls),
        Advertised(Extension::Auth),
        Advertised(Extension::Help),
        HeloOk {
            host: s(),
            client: s(),
        },
        SenderOk { from: s() },
        RecipientOk { to: s() },
        RecipientRelay { to: s(), host: s() },
        StartMailInput,
        Queued { id: s() },
        ResetOk,
        NoopOk,
        CannotVrfy,
        ExpnDisabled,
        HelpText,
        Bye,
        ReadyForTls,
        AuthChallengePlain,
        AuthChallengeUsername,
        AuthChallengePassword,
        AuthSucceeded { login: s() },
        AuthFailed,
        AuthCancelled,
        AuthBadBase64,
        AuthUnknownMechanism { mechanism: s() },
        AuthNotOffered,
        AuthAlready,
        AuthInTransaction,
        EncryptionRequired,
        TlsRequired,
        AuthRequired,
        TlsAlreadyActive,
        StartTlsNotOffered,
        NeedHelo,
        NestedMail,
        NeedMail,
        NeedRcpt,
        UnknownCommand { verb: s() },
        UnknownCommand {
            verb: String::new(),
        },
        EmptyLine,
        Syntax {
            verb: Verb::Mail,
            diagnostic: d,
        },
        LineTooLong { limit: 512 },
        NoSuchUser { address: s() },
        UnknownDomain { domain: s() },
        RelayDenied { domain: s() },
        SenderNotOwned {
            from: s(),
            login: s(),
        },
        MessageTooBig { limit: 1 },
        DeclaredSizeTooBig { size: 2, limit: 1 },
        TooManyRecipients { limit: 100 },
        DataLineTooLong,
        UnknownParameter { keyword: s() },
        BadParameterValue { keyword: s() },
        BareLfRefused,
    ]
}

/// One note of each POP3 variant.
fn every_pop3_note() -> Vec<Pop3Note> {
    use Pop3Note::*;
    let d = Diagnostic {
        column: 6,
        expected: Expected::MessageNumber,
        hint: Some(Hint::CountFromOne),
    };
    let s = || "x".to_owned();
    let caps = [
        Capability::Top,
        Capability::User,
        Capability::Uidl,
        Capability::RespCodes,
        Capability::AuthRespCode,
        Capability::Pipelining,
        Capability::Stls,
        Capability::Implementation,
    ];
    let mut notes = vec![
        User { name: s() },
        Pass,
        Apop,
        Stat,
        List { message: None },
        List { message: Some(1) },
        Retr { message: 1 },
        Dele { message: 1 },
        Noop,
        Rset,
        Quit,
        Top {
            message: 1,
            lines: 2,
        },
        Uidl { message: None },
        Uidl { message: Some(1) },
        Capa,
        Stls,
        Unparsed,
        Greeting { host: s() },
        UserAccepted { cleartext: true },
        UserAccepted { cleartext: false },
        LoggedIn {
            login: s(),
            count: 1,
            size: 2,
        },
        LoginFailed,
        InUse { login: s() },
        NeedUser,
        LoginNeedsTls,
        ApopNotOffered,
        StatReply { count: 1, size: 2 },
        ListHeader { count: 1, size: 2 },
        ListEntry {
            message: 1,
            size: 2,
        },
        UidlHeader,
        UidlEntry {
            message: 1,
            unique_id: s(),
        },
        RetrHeader {
            message: 1,
            size: 2,
        },
        TopHeader {
            message: 1,
            lines: 2,
        },
        MessageLine,
        MessageLineStuffed,
        EndOfMultiline,
        Deleted { message: 1 },
        AlreadyDeleted { message: 1 },
        NoSuchMessage {
            message: 9,
            count: 5,
        },
        RemovedElsewhere { message: 1 },
        NoopOk,
        ResetOk { count: 1, size: 2 },
        SignOff,
        SignOffUpdate { deleted: 1 },
        CapaHeader,
        StlsReady,
        StlsActive,
        WrongState {
            verb: Pop3Verb::Stat,
            state: State::Authorization,
        },
        WrongState {
            verb: Pop3Verb::User,
            state: State::Transaction,
        },
        UnknownCommand { verb: s() },
        UnknownCommand {
            verb: String::new(),
        },
        EmptyLine,
        Syntax {
            verb: Pop3Verb::Retr,
            diagnostic: d,
        },
        LineTooLong { limit: 255 },
        BareLfRefused,
    ];
    notes.extend(caps.into_iter().map(Advertised));
    notes
}

/// One note of each IMAP variant (and every command's explanation).
fn every_imap_note() -> Vec<ImapNote> {
    use ImapNote::*;
    let d = Diagnostic {
        column: 3,
        expected: Expected::Tag,
        hint: Some(Hint::MissingTag),
    };
    let s = || "x".to_owned();
    let mut notes: Vec<ImapNote> = CommandName::ALL
        .iter()
        .flat_map(|c| [Command(*c), Completed(*c)])
        .collect();
    let states = [
        ImapState::NotAuthenticated,
        ImapState::Authenticated,
        ImapState::Selected,
        ImapState::Logout,
    ];
    notes.extend(states.iter().flat_map(|st| {
        [
            WrongState {
                command: CommandName::Fetch,
                state: *st,
            },
            WrongState {
                command: CommandName::Login,
                state: *st,
            },
        ]
    }));
    notes.extend([
        LiteralData,
        CommandContinued,
        AuthResponse { decoded: s() },
        AuthCancel,
        Done,
        Unparsed,
        Greeting {
            host: s(),
            encrypted: true,
            login_disabled: false,
        },
        Greeting {
            host: s(),
            encrypted: false,
            login_disabled: true,
        },
        Greeting {
            host: s(),
            encrypted: false,
            login_disabled: false,
        },
        CapabilityList {
            login_disabled: true,
            starttls: true,
        },
        CapabilityList {
            login_disabled: false,
            starttls: false,
        },
        LoggedIn { login: s() },
        LoginDisabled,
        AuthenticationFailed,
        ContinueLiteral,
        ContinueAuthenticate,
        AuthCancelled,
        AuthBadBase64,
        UnknownMechanism { mechanism: s() },
        Idling,
        ExpectedDone,
        UnknownCommand { word: s() },
        MissingTag { word: s() },
        BadTag { diagnostic: d },
        MissingCommand,
        EmptyLine,
        Syntax {
            command: CommandName::Fetch,
            diagnostic: d,
        },
        LiteralTooBig { limit: 1 },
        LineTooLong { limit: 1 },
        BareLfRefused,
        InvalidName { name: s() },
        HasChildren { name: s() },
        SameMailbox,
        NoSuchMailbox { name: s() },
        AlreadyExists { name: s() },
        TooManyMailboxes { limit: 1000 },
        TryCreate { name: s() },
        CannotDeleteInbox,
        ReadOnly,
        InvalidSequence { exists: 5 },
        BadCharset { charset: s() },
        TlsReady,
        TlsActive,
        Bye,
        Exists { count: 1 },
        Recent,
        Expunge { seq: 1 },
        FlagsUpdate { seq: 1 },
        FetchData { seq: 1 },
        LiteralContent,
        MailboxFlags,
        PermanentFlags { read_only: true },
        PermanentFlags { read_only: false },
        UidValidity { value: 1 },
        UidNext { value: 2 },
        FirstUnseen { seq: 1 },
        Selected {
            mailbox: s(),
            read_only: true,
        },
        Selected {
            mailbox: s(),
            read_only: false,
        },
        ListLine { name: s() },
        ListLine {
            name: String::new(),
        },
        LsubLine { name: s() },
        StatusLine { name: s() },
        SearchResult {
            count: 1,
            uid: true,
        },
        SearchResult {
            count: 1,
            uid: false,
        },
        EsearchResult {
            count: 1,
            uid: true,
        },
        NamespaceLine,
        IdLine,
        Enabled { rev2: true },
        Enabled { rev2: false },
        CopyUid,
        AppendUid {
            uid: 1,
            line_endings_fixed: 0,
        },
        AppendUid {
            uid: 1,
            line_endings_fixed: 2,
        },
        NulInMessage,
        NotModifiedUtf7 {
            name: "bad&name".into(),
        },
        ClosedPrevious,
        UnknownCte,
        ClosedQuietly { expunged: 1 },
        MovedCopyUid,
    ]);
    notes
}

fn every_note() -> Vec<Note> {
    every_smtp_note()
        .into_iter()
        .map(Note::Smtp)
        .chain(every_pop3_note().into_iter().map(Note::Pop3))
        .chain(every_imap_note().into_iter().map(Note::Imap))
        .chain([Note::BareLineFeed])
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

/// Where French typography wants a no-break space and a plain one was typed, if anywhere.
fn french_spacing_mistake(text: &str) -> Option<&'static str> {
    [
        (" :", "a plain space before ':' (U+00A0)"),
        (" ;", "a plain space before ';' (U+202F)"),
        (" ?", "a plain space before '?' (U+202F)"),
        (" !", "a plain space before '!' (U+202F)"),
        ("« ", "a plain space after '«' (U+00A0)"),
        (" »", "a plain space before '»' (U+00A0)"),
    ]
    .into_iter()
    .find(|(bad, _)| text.contains(bad))
    .map(|(_, why)| why)
}

#[test]
fn french_explanations_keep_their_no_break_spaces() {
    for note in every_note() {
        let fr = note.text(Lang::Fr);
        if let Some(why) = french_spacing_mistake(&fr) {
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
fn rfc_citations_point_at_real_documents() {
    let known = [
        1870, 1939, 2034, 2449, 2595, 2920, 2971, 3206, 3207, 3501, 3516, 4315, 4616, 4954, 5321,
        6152, 6409, 6851, 7888, 9051,
    ];
    for note in every_note() {
        let rfc = note.rfc();
        assert!(
            known.contains(&rfc.number),
            "{note:?} cites RFC {}",
            rfc.number
        );
        assert!(rfc.url().starts_with("https://www.rfc-editor.org/rfc/rfc"));
        assert!(!rfc.section.is_empty());
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

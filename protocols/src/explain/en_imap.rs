//! The English catalogue for IMAP.

use super::en_grammar::diagnostic;
use crate::imap::{CommandName, ImapNote, ImapState};

pub(super) fn imap(n: &ImapNote) -> String {
    use ImapNote::*;
    match n {
        Command(c) => command(*c).into(),
        UidCommand(c) => format!("UID {}: {} Here in its UID form: the numbers given are UIDs, not sequence numbers, and each answer carries the message's UID. A UID stays the same as long as the mailbox's UIDVALIDITY does.", c.word(), command(*c)),
        LiteralData => "Literal data: text sent as a block whose length is announced first, so it may hold any byte but NUL, line breaks included. Exactly the number of bytes (octets) announced in {…}, sent as they are.".into(),
        CommandContinued => "The rest of the command, after the literal.".into(),
        AuthResponse { decoded } => format!("The credentials in base64. They decode to \"{decoded}\": base64 hides nothing, which is why this server, like most, refuses them before TLS."),
        AuthCancel => "A lone * cancels the authentication under way.".into(),
        Done => "DONE ends IDLE; the server then completes the IDLE command.".into(),
        Unparsed => "The server could not make sense of this line; its reply says why.".into(),

        Greeting { host, encrypted, login_disabled } => {
            let mut t = format!("The server {host} is ready. IMAP servers speak first; the CAPABILITY list in brackets saves the client a round trip.");
            if *encrypted {
                t.push_str(" This connection is encrypted from the start (port 993).");
            } else if *login_disabled {
                t.push_str(" LOGINDISABLED: no password may be sent until STARTTLS has encrypted the connection.");
            }
            t
        }
        CapabilityList { login_disabled, starttls } => {
            let mut t = "The features this server supports now. IMAP4rev1 and IMAP4rev2 are the protocol versions; the rest are extensions.".to_owned();
            if *starttls {
                t.push_str(" STARTTLS: the connection can be encrypted.");
            }
            if *login_disabled {
                t.push_str(" LOGINDISABLED: LOGIN is refused until then.");
            }
            t
        }
        Completed(c) => format!("OK: the server completed the {} command. The tag matches the one the client chose, so the client knows which command finished.", c.word()),
        LoggedIn { login } => format!("OK: logged in as {login}. The session is now in the authenticated state; the capability list comes again because it changed."),
        LoginDisabled => "NO [PRIVACYREQUIRED]: the password would cross the network in clear. Send STARTTLS first, or connect to port 993.".into(),
        AuthenticationFailed => "NO [AUTHENTICATIONFAILED]: the user name or password is wrong.".into(),
        ContinueLiteral => "A continuation request (+): the server is ready for the literal's bytes. Without LITERAL+, the client waits for it.".into(),
        ContinueAuthenticate => "A continuation request (+): the server waits for the credentials in base64, as \\0user\\0password.".into(),
        AuthCancelled => "BAD: the authentication was cancelled.".into(),
        AuthBadBase64 => "BAD: that answer is not valid base64.".into(),
        UnknownMechanism { mechanism } => format!("NO: this server does not offer {mechanism}. The AUTH= entries of CAPABILITY list what it offers."),
        Idling => "A continuation request (+): the server is idling and will push news (new mail, flag changes, removals) as it happens, until the client sends DONE.".into(),
        ExpectedDone => "BAD: during IDLE the only thing the client may send is DONE.".into(),
        WrongState { command, state } => format!("BAD: {} cannot be used {}.", command.word(), state_phrase(*command, *state)),
        UnknownCommand { word } => format!("BAD: {word} is not an IMAP command. CAPABILITY lists the extensions; the base commands are in RFC 9051."),
        MissingTag { word } => format!("BAD: \"{word}\" was taken as the tag, because every IMAP command starts with one. Write a tag first: a1 {word} …"),
        BadTag { diagnostic: d } => format!("BAD: a tag is a short word such as a1: letters, digits and some punctuation, but no space, +, quote, parenthesis, brace, %, *, backslash or control character. {}", diagnostic(d)),
        MissingCommand => "BAD: there is a tag but no command after it.".into(),
        EmptyLine => "BAD: the line was empty. An IMAP command looks like: a1 NOOP.".into(),
        Syntax { command, diagnostic: d } => format!("BAD: {} is a known command but its arguments are wrong. {}", command.word(), diagnostic(d)),
        LiteralTooBig { limit } => format!("NO [TOOBIG]: this server accepts literals of at most {limit_bytes}.", limit_bytes = super::en_count(*limit, "byte", "bytes")),
        LineTooLong { limit } => format!("BAD: a command line may be at most {limit_bytes}; send long values as literals.", limit_bytes = super::en_count(*limit, "byte", "bytes")),
        BareLfRefused => "BAD: this line ended with a bare LF. IMAP lines end with CR LF, and strict mode holds the client to it.".into(),
        InvalidName { name } => format!("NO [CANNOT]: \"{name}\" is not a usable name: it is empty, or has an empty level between two \"/\"."),
        HasChildren { name } => format!("NO [HASCHILDREN]: \"{name}\" still holds sub-mailboxes. RFC 9051 §6.3.5 lets a server delete it anyway and keep its name as a \\Noselect level; this server refuses, its own choice. Delete the sub-mailboxes first."),
        SameMailbox => "NO [CANNOT]: the messages are already in that mailbox. RFC 6851 allows a move to the same mailbox (new UIDs); this server refuses it, its own choice.".into(),
        NoSuchMailbox { name } => format!("NO [NONEXISTENT]: there is no mailbox called \"{name}\". LIST \"\" * shows them all."),
        AlreadyExists { name } => format!("NO [ALREADYEXISTS]: \"{name}\" already exists; choose another name."),
        TooManyMailboxes { limit } => format!("NO [LIMIT]: this account already holds {limit_mailboxes}, as many as this server allows; delete one before creating another.", limit_mailboxes = super::en_count(*limit, "mailbox", "mailboxes")),
        TryCreate { name } => format!("NO [TRYCREATE]: \"{name}\" does not exist; the code tells the client it may CREATE it and try again."),
        CannotDeleteInbox => "NO: INBOX always exists and cannot be deleted.".into(),
        ReadOnly => "NO [READ-ONLY]: the mailbox was opened with EXAMINE, so nothing in it may change. SELECT it to make changes.".into(),
        InvalidSequence { exists: 0 } => "BAD: this mailbox is empty, so no message number is valid yet.".into(),
        InvalidSequence { exists } => format!("BAD: message numbers run from 1 to {exists} in this mailbox (\"*\" is the last one)."),
        BadCharset { charset } => format!("NO [BADCHARSET]: {charset} is not supported; the code lists the charsets that are."),
        TlsReady => "OK: begin the TLS handshake now. In Facteur the encryption is simulated. Ask CAPABILITY again afterwards: it changes.".into(),
        TlsActive => "BAD: the connection is already encrypted, or this server does not offer STARTTLS.".into(),
        Bye => "BYE: the server is closing the connection.".into(),
        Exists { count } => format!("The mailbox now holds {}. When this number grows, new mail has arrived.", count_of(*count as usize, "message", "messages")),
        Recent => "RECENT is an IMAP4rev1 count of messages new to this session. Facteur does not track \\Recent (IMAP4rev2 dropped it), so it is 0.".into(),
        Expunge { seq } => format!("Message {seq} has been removed for good. Every message after it moves down by one number."),
        FlagsUpdate { seq } => format!("The flags of message {seq}, as they are now on the server. When another device changed them, this is how this one learns."),
        FetchData { seq, envelope: false } => format!("The data asked for about message {seq}."),
        FetchData { seq, envelope: true } => format!("The data asked for about message {seq}. Its ENVELOPE is read from the message's own header fields (the letter, not the SMTP envelope), always in this order: Date, Subject, From, Sender, Reply-To, To, Cc, Bcc, In-Reply-To, Message-ID. NIL is a field the message does not have. A message with no Sender or Reply-To field gets From in their place, so the sender appears three times (RFC 9051 §7.5.2)."),
        LiteralContent => "Part of the message data, sent as a literal.".into(),
        MailboxFlags => "The flags that exist in this mailbox.".into(),
        PermanentFlags { read_only: false } => "The flags the client may change and that stay on the server; \\* means it may create keywords too.".into(),
        PermanentFlags { read_only: true } => "No flag can be changed: the mailbox is open read-only.".into(),
        UidValidity { value } => format!("UIDVALIDITY {value}: a number that says whether the UIDs a client remembers still hold. As long as it stays the same, a UID always names the same message, so clients can keep a cache; if it changes, they must forget them."),
        UidNext { value } => format!("UIDNEXT {value}: the UID the next message will get. UIDs only grow."),
        FirstUnseen { seq } => format!("Message {seq} is the first one not yet read."),
        Selected { mailbox, read_only } => if *read_only {
            format!("OK [READ-ONLY]: \"{mailbox}\" is open for reading only; nothing, not even \\Seen, will change.")
        } else {
            format!("OK [READ-WRITE]: \"{mailbox}\" is selected; message commands now apply to it.")
        },
        ListLine { name } if name.is_empty() => "The hierarchy delimiter is \"/\": Work/2026 is a mailbox inside Work.".into(),
        ListLine { name } => format!("A mailbox called \"{name}\", with attributes such as \\HasChildren, \\Sent (its special use), \\Subscribed, or \\NonExistent for a subscribed name whose mailbox is gone."),
        LsubLine { name } => format!("\"{name}\" is subscribed: clients show it in their folder list."),
        StatusLine { name } => format!("Counters of \"{name}\", without selecting it."),
        SearchResult { count: 0, .. } => "No message matches: the list is empty.".into(),
        SearchResult { count, uid } => format!("{} of the messages that match.", match (*count, *uid) {
            (1, true) => "The UID".to_owned(),
            (1, false) => "The sequence number".to_owned(),
            (n, true) => format!("The {n} UIDs"),
            (n, false) => format!("The {n} sequence numbers"),
        }),
        EsearchResult { count, uid } => format!("The extended SEARCH result of IMAP4rev2: {} that match, as a compact set.", if *uid { count_of(*count, "UID", "UIDs") } else { count_of(*count, "message", "messages") }),
        NamespaceLine => "One personal namespace with no prefix and \"/\" as delimiter; no shared or other users' mailboxes.".into(),
        IdLine => "The server says what software it is.".into(),
        Enabled { rev2: true } => "IMAP4rev2 is on for this session: no RECENT, and SEARCH answers with ESEARCH.".into(),
        Enabled { rev2: false } => "Nothing new was enabled.".into(),
        CopyUid => "OK: copied. [COPYUID] gives UIDVALIDITY, the source UIDs and the new UIDs in the target, so the client need not look them up.".into(),
        MovedCopyUid => "The messages are in the target mailbox; [COPYUID] maps old UIDs to new ones. EXPUNGE responses for the originals follow.".into(),
        AppendUid { uid, line_endings_fixed: 0 } => format!("OK [APPENDUID]: the message was stored with UID {uid}."),
        AppendUid { uid, line_endings_fixed } => format!("OK [APPENDUID]: the message was stored with UID {uid}. It had {} that were not CRLF (a bare LF or a lone CR); mail must end every line with CRLF (RFC 5322 §2.3), so this server stored them as CRLF, as most servers do. Its size is the stored size.", count_of(*line_endings_fixed, "line ending", "line endings")),
        NotModifiedUtf7 { name } => format!("NO [CANNOT]: in a mailbox name, & starts a run of non-ASCII letters written in modified UTF-7 (& then base64, ended by -), and a plain & is written &-. \"{name}\" breaks that rule (RFC 3501 §5.1.3). Write \"{}\" instead.", name.replace('&', "&-")),
        UnknownCte => "NO [UNKNOWN-CTE]: BINARY hands over a part with its transfer encoding (base64, quoted-printable) undone, and this part uses an encoding the server cannot undo, or it is a multipart that has no encoding of its own. Fetch it with BODY[…] instead.".into(),
        ClosedPrevious => "OK [CLOSED]: the mailbox selected before is now closed; what follows is about the new one. Updates about the old mailbox stop here.".into(),
        NulInMessage => "BAD: the message holds a NUL byte (a zero byte). An IMAP literal carries any byte except NUL (RFC 9051 §4.3), so the message was not stored.".into(),
        ClosedQuietly { expunged } => format!("OK: the mailbox is closed; {} marked \\Deleted removed without EXPUNGE responses.", count_of(*expunged, "message", "messages")),
    }
}

/// A number with its noun, in English.
fn count_of(n: usize, one: &str, many: &str) -> String {
    crate::vocab::count(crate::vocab::Lang::En, n, one, many)
}

fn state_phrase(command: CommandName, state: ImapState) -> &'static str {
    let before_login = matches!(
        command,
        CommandName::StartTls | CommandName::Login | CommandName::Authenticate
    );
    match state {
        ImapState::NotAuthenticated => "before logging in: LOGIN or AUTHENTICATE first",
        _ if before_login => "once logged in: it belongs to the not-authenticated state",
        ImapState::Authenticated => "without a selected mailbox: SELECT or EXAMINE one first",
        ImapState::Selected | ImapState::Logout => "now",
    }
}

fn command(c: CommandName) -> &'static str {
    use CommandName::*;
    match c {
        Capability => "Asks which features the server supports.",
        Noop => "Does nothing, but gives the server a moment to report news: new mail, flag changes, removals.",
        Logout => "Ends the session: the server answers BYE, then OK, and closes the connection.",
        StartTls => "Asks to encrypt the connection with TLS before logging in.",
        Authenticate => "Logs in with a SASL mechanism; PLAIN sends the user name and password in base64.",
        Login => "Logs in with a user name and a password.",
        Enable => "Turns on an extension for this session, such as IMAP4rev2.",
        Id => "Tells the server which client this is, and asks which server it is.",
        Namespace => "Asks how mailbox names are organised: prefixes and delimiter.",
        Select => "Opens a mailbox for reading and changing its messages.",
        Examine => "Opens a mailbox read-only: reading a message will not even mark it \\Seen.",
        Create => "Creates a mailbox (a folder) on the server, where every device will see it.",
        Delete => "Deletes a mailbox and the messages in it.",
        Rename => "Renames a mailbox; its messages and their UIDs stay as they are.",
        Subscribe => "Adds a name to the subscriptions, the folders a client shows. A subscription is a name, not the mailbox: CREATE does not subscribe, and DELETE leaves the name subscribed (RFC 9051 §6.3.7).",
        Unsubscribe => "Removes a name from the subscriptions; the mailbox stays. It works for any name, even one whose mailbox was deleted (RFC 9051 §6.3.8).",
        List => "Lists mailboxes whose names match a pattern: * matches anything, % anything but the delimiter.",
        Lsub => "Lists subscribed mailboxes (IMAP4rev1; IMAP4rev2 uses LIST options instead).",
        Status => "Asks for counters of a mailbox without selecting it.",
        Append => "Stores a message in a mailbox: how a client keeps a copy of sent mail or a draft.",
        Idle => "Waits for the server to push news at once, until DONE.",
        Check => "An IMAP4rev1 checkpoint request; today it does what NOOP does.",
        Close => "Closes the mailbox and removes the messages marked \\Deleted, silently.",
        Unselect => "Closes the mailbox without removing anything.",
        Expunge => "Removes the messages marked \\Deleted for good, on every device.",
        Search => "Finds the messages that match criteria; the answer lists their numbers.",
        Fetch => "Asks for data about messages: flags, headers, structure, body. BODY[] without .PEEK marks the message \\Seen.",
        Store => "Changes flags: FLAGS replaces, +FLAGS adds, -FLAGS removes; .SILENT leaves out the untagged FETCH with the new flags (the tagged OK still comes).",
        Copy => "Copies messages to another mailbox; the originals stay where they are.",
        Move => "Moves messages to another mailbox: a copy, then the originals are expunged.",
        Uid => "The UID form: numbers are UIDs rather than sequence numbers; a UID stays the same as long as the mailbox's UIDVALIDITY does.",
    }
}

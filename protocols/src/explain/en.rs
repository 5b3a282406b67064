//! The English catalogue.

use super::en_grammar::diagnostic;
use super::Note;
use crate::smtp::{Extension, SmtpNote};

pub(super) fn note(note: &Note) -> String {
    match note {
        Note::Smtp(n) => smtp(n),
        Note::Pop3(n) => super::en_pop3::pop3(n),
        Note::Imap(n) => super::en_imap::imap(n),
        Note::Closing { why, .. } => match why {
            crate::vocab::Closing::IdleTimeout { after } => format!("The client said nothing for {}, so the server says goodbye and closes the connection, as servers do to free resources. A mail client reconnects when it needs to.", duration(*after)),
            crate::vocab::Closing::ShuttingDown => "The server is stopping and closes the connection. A client should reconnect later; nothing half-done takes effect.".into(),
            crate::vocab::Closing::TooManyConnections => "The server already serves as many connections as it allows, so it turns this one away at once. Try again in a moment.".into(),
        },
        Note::Foreign(f) => super::en_grammar::foreign(f),
        Note::BareLineFeed(_) => "This line ended with a bare LF instead of CR LF. Facteur is \
            lenient and accepts it, but the RFCs require CR LF and a strict server would refuse \
            the line."
            .into(),
    }
}

fn smtp(n: &SmtpNote) -> String {
    use SmtpNote::*;
    match n {
        Ehlo { client } => format!("The client introduces itself as {client} and, by saying EHLO rather than HELO, asks the server to list the extensions it supports."),
        Helo { client } => format!("The client introduces itself as {client} with the old HELO greeting: the server will not list any extensions."),
        MailFrom { from } => format!("Starts a new message. Like a letter, a message travels in an envelope: MAIL FROM and RCPT TO are written on the envelope, From: and To: inside, on the letter. {from} is the envelope sender, where bounces will go; it need not match the From: header."),
        RcptTo { to } => format!("Adds {to} as a recipient of this message. Repeat RCPT TO for each recipient."),
        Data => "Asks to send the message itself: headers, a blank line, then the body.".into(),
        Rset => "Abandons the message under way (sender and recipients) without closing the connection.".into(),
        Noop => "Does nothing; it checks the server still answers.".into(),
        Vrfy => "Asks whether a mailbox exists. Servers rarely give a real answer, because spammers used it to harvest addresses.".into(),
        Expn => "Asks the server to expand a mailing list into its members.".into(),
        Help => "Asks the server for help text.".into(),
        Quit => "Asks the server to close the connection.".into(),
        StartTls => "Asks to switch this connection to TLS encryption before going further.".into(),
        Auth { mechanism } => format!("Starts logging in. SASL is the common frame mail protocols use to log in; {mechanism} is the way chosen within it (the mechanism)."),
        AuthResponse { decoded } => format!("A base64 answer to the server's challenge. It decodes to \"{decoded}\": base64 is an encoding, not encryption, which is why AUTH is only safe inside TLS."),
        AuthCancel => "A lone * cancels the login under way.".into(),
        DataLine => "A line of the message. The server stores it as it is, until the line holding only a dot.".into(),
        DataDotStuffed => "Dot-stuffing: this line of the message starts with a dot, so the client doubled it; the server removes one dot. That way a line of text that is just \".\" cannot end the message by accident.".into(),
        DataEnd => "A line holding only a dot ends the message.".into(),
        Unparsed => "The server could not make sense of this line; its reply says why.".into(),
        Forgiven(crate::smtp::command::Forgiven::SpaceAfterColon) => "Lenient mode forgave a space after the colon. RFC 5321 allows none, and a strict server answers 501.".into(),
        Forgiven(crate::smtp::command::Forgiven::MissingAngleBrackets) => "Lenient mode forgave the missing angle brackets. RFC 5321 requires <…> around the address, and a strict server answers 501.".into(),

        Forgiven(crate::smtp::command::Forgiven::MissingColon) => "Lenient mode forgave the missing colon after FROM or TO. RFC 5321 writes MAIL FROM:<…> and RCPT TO:<…>, and a strict server answers 501.".into(),

        Greeting { host } => format!("Code 220: the server {host} is ready. In SMTP the server speaks first; the client waits for this greeting."),
        EhloHello { host, client } => format!("Code 250: {host} accepts the greeting from {client}. The lines that follow, all with 250-, list the extensions this server offers; the last one has a space after the code."),
        Advertised(ext) => extension(*ext),
        HeloOk { host, client } => format!("Code 250: {host} accepts the greeting from {client}. After HELO no extensions are available."),
        SenderOk { from } => format!("Code 250: sender {from} accepted. Now give at least one recipient with RCPT TO."),
        RecipientOk { to } => format!("Code 250: {to} has a mailbox on this server, so the message will be delivered here."),
        RecipientRelay { to, host } => format!("Code 250: {to} lives on another server, {host}. Because you are logged in, this server agrees to relay the message there over port 25."),
        StartMailInput => "Code 354: go ahead and send the message. End it with a line holding only a dot.".into(),
        Queued { id } => format!("Code 250: the server has taken responsibility for the message and gave it the queue id {id}. From here on, delivering it is the server's job."),
        ResetOk => "Code 250: the message under way was abandoned; the connection stays open.".into(),
        NoopOk => "Code 250: the server is still here.".into(),
        CannotVrfy => "Code 252: the server will not say whether the mailbox exists, but would try to deliver to it. This is the usual, privacy-minded answer to VRFY.".into(),
        ExpnDisabled => "Code 502: EXPN is turned off here, so lists cannot be harvested. RFC 5321 §7.3 asks a server that disables it to answer 252; many servers, like this one, answer 502.".into(),
        HelpText => "Code 214: help text for a person reading the dialogue.".into(),
        Bye => "Code 221: the server says goodbye and closes the connection.".into(),
        ReadyForTls => "Code 220: the server is ready for the TLS handshake. In Facteur the encryption is simulated. Afterwards the client should say EHLO again (RFC 3207 §4.2): the server forgets everything learned in cleartext, so in practice it must.".into(),
        AuthChallengePlain => "Code 334: the server waits for your credentials, in base64, as \\0user\\0password.".into(),
        AuthChallengeUsername => "Code 334: the server asks for the user name; VXNlcm5hbWU6 is base64 for \"Username:\". The LOGIN mechanism is in no RFC (an old draft, common anyway); its questions travel in AUTH's 334 exchange (RFC 4954 §4).".into(),
        AuthChallengePassword => "Code 334: the server asks for the password; UGFzc3dvcmQ6 is base64 for \"Password:\".".into(),
        AuthSucceeded { login } => format!("Code 235: logged in as {login}. This session may now send mail on behalf of that account."),
        AuthFailed => "Code 535: the user name or password is wrong.".into(),
        AuthCancelled => "Code 501: the login was cancelled.".into(),
        AuthBadBase64 => "Code 501: that answer is not valid base64.".into(),
        AuthUnknownMechanism { mechanism } => format!("Code 504: this server does not offer the {mechanism} mechanism. Look at the AUTH line of the EHLO reply."),
        AuthNotOffered => "Code 502: this command is not available here: there is no login on this port. Port 25 is for servers relaying to each other; mail clients log in on 587 or 465.".into(),
        AuthAlready => "Code 503: this session is already logged in.".into(),
        AuthInTransaction => "Code 503: you cannot log in in the middle of a message. Finish it or send RSET first.".into(),
        EncryptionRequired => "Code 530: this server takes passwords only over an encrypted connection (its policy, as most submission servers have). Send STARTTLS first, then EHLO again.".into(),
        TlsRequired => "Code 530: this server wants the submission port encrypted first (its policy, as most servers have). Send STARTTLS, then EHLO again.".into(),
        AuthRequired => "Code 530: on a submission port you must log in (AUTH) before sending, so that only account holders can send mail through this server.".into(),
        TlsAlreadyActive => "Code 503: the connection is already encrypted.".into(),
        StartTlsNotOffered => "Code 502: this server does not offer STARTTLS.".into(),
        NeedHelo => "Code 503: bad sequence of commands. Say EHLO (or HELO) first.".into(),
        NestedMail => "Code 503: a message is already under way. Finish it with DATA, or send RSET to start over.".into(),
        NeedMail => "Code 503: bad sequence of commands. A message starts with MAIL FROM, then RCPT TO, then DATA.".into(),
        NeedRcpt => "Code 503: no recipient has been accepted yet, so there is nobody to send the message to. Add one with RCPT TO.".into(),
        UnknownCommand { verb } => if verb.is_empty() {
            "Code 500: a command starts with a word such as EHLO, MAIL or QUIT.".into()
        } else {
            format!("Code 500: {verb} is not an SMTP command. Try HELP for the list.")
        },
        EmptyLine => "Code 500: the line was empty. Type a command such as EHLO.".into(),
        Syntax { verb, diagnostic: d } => format!("Code 501: {} is a known command but its arguments are wrong. {}", verb.word(), diagnostic(d)),
        LineTooLong { limit } => format!("Code 500: the line is too long. A command line may be at most {limit_bytes}, CR LF included.", limit_bytes = super::en_count(*limit, "byte", "bytes")),
        NoSuchUser { address } => format!("Code 550: this server handles the domain but has no mailbox called {address}. A permanent error: trying again will not help."),
        UnknownDomain { domain } => format!("Code 550: the domain {domain} does not exist in Facteur's world, which has only example.test and other.test."),
        RelayDenied { domain } => format!("Code 550: this server will not pass mail on to {domain} for someone who has not logged in. Otherwise anyone could use it to send spam: an open relay."),
        SenderNotOwned { from, login } => format!("Code 553: {login} is logged in but tries to send as {from}. This server refuses to let one account pretend to be another. RFC 6409 §6.1 lets a submission server check the sender and names 550 (5.7.1) for the refusal; this server answers 553, as Postfix does."),
        MessageTooBig { limit } => format!("Code 552: the message is larger than this server accepts ({limit_bytes}).", limit_bytes = super::en_count(*limit, "byte", "bytes")),
        DeclaredSizeTooBig { size, limit } => format!("Code 552: the client announced {}, more than the {} this server accepts, so it refused before the message was sent.", super::en_count(*size, "byte", "bytes"), super::en_count(*limit, "byte", "bytes")),
        TooManyRecipients { limit } => format!("Code 452: at most {limit_recipients} per message. This is a temporary error: send the rest in another message.", limit_recipients = super::en_count(*limit, "recipient", "recipients")),
        DataLineTooLong => "Code 554: a line of the message was longer than 1000 bytes, the limit RFC 5321 sets for text lines.".into(),
        UnknownParameter { keyword } => format!("Code 555: this server does not know the {keyword} parameter."),
        BadParameterValue { keyword } => format!("Code 501: the value given to {keyword} is not valid."),
        BareLfRefused => "Code 500: this line ended with a bare LF. Strict mode requires CR LF at the end of every line.".into(),
    }
}

fn extension(ext: Extension) -> String {
    match ext {
        Extension::Pipelining => "PIPELINING: the client may send several commands without waiting for each reply.".into(),
        Extension::Size(n) => format!("SIZE: messages up to {n_bytes} are accepted; a client may announce a message's size in MAIL FROM.", n_bytes = super::en_count(n, "byte", "bytes")),
        Extension::EightBitMime => "8BITMIME: the body of a message may be sent as 8-bit text, such as UTF-8, not just ASCII. Headers and addresses in UTF-8 need another extension, SMTPUTF8.".into(),
        Extension::EnhancedStatusCodes => "ENHANCEDSTATUSCODES: replies carry a detailed code such as 5.1.1 after the three-digit code.".into(),
        Extension::StartTls => "STARTTLS: the client may switch this connection to encryption.".into(),
        Extension::Auth => "AUTH: the client may log in, here with PLAIN (RFC 4616) or LOGIN (in no RFC: non-standard but common).".into(),
        Extension::Help => "HELP: the server answers the HELP command.".into(),
    }
}

/// A length of time as a person says it: "5 minutes", "1 second".
fn duration(seconds: u64) -> String {
    let (n, unit) = if seconds >= 60 && seconds.is_multiple_of(60) {
        (seconds / 60, "minute")
    } else {
        (seconds, "second")
    };
    let s = if n == 1 { "" } else { "s" };
    format!("{n} {unit}{s}")
}

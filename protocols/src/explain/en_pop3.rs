//! The English catalogue for POP3.

use super::en_grammar::diagnostic;
use crate::pop3::{Capability, Pop3Note, State};

pub(super) fn pop3(n: &Pop3Note) -> String {
    use Pop3Note::*;
    match n {
        User { name } => format!("Gives the user name {name}. The password follows with PASS."),
        Pass => "Gives the password. Without encryption it crosses the network as plain text, which is why 995 or STLS is preferred.".into(),
        Apop => "Logs in with APOP, an old scheme that sends a digest of the password instead of the password.".into(),
        Stat => "Asks how many messages the maildrop holds and their total size.".into(),
        List { message: None } => "Asks for the size of every message, by number.".into(),
        List { message: Some(m) } => format!("Asks for the size of message {m}."),
        Retr { message } => format!("Downloads message {message} in full."),
        Dele { message } => format!("Marks message {message} for deletion. Nothing is removed until QUIT."),
        Noop => "Does nothing; it keeps the connection alive.".into(),
        Rset => "Unmarks every message marked for deletion in this session.".into(),
        Quit => "Ends the session. After login, this is when marked messages are really deleted.".into(),
        Top { message, lines: 0 } => format!("Asks for the headers of message {message} only, none of its body: a quick look without downloading it."),
        Top { message, lines: 1 } => format!("Asks for the headers of message {message} and the first line of its body, without downloading it all."),
        Top { message, lines } => format!("Asks for the headers of message {message} and the first {lines} lines of its body, without downloading it all."),
        Uidl { message: None } => "Asks for the unique id of every message, so a client can tell which ones it already has.".into(),
        Uidl { message: Some(m) } => format!("Asks for the unique id of message {m}."),
        Capa => "Asks which optional features this server supports.".into(),
        Stls => "Asks to switch this connection to TLS encryption before logging in.".into(),
        Unparsed => "The server could not make sense of this line; its reply says why.".into(),

        Greeting { host } => format!("+OK: the server {host} is ready. The session is in the AUTHORIZATION state: log in first."),
        UserAccepted { cleartext: true } => "+OK: now send the password with PASS. Careful: this connection is not encrypted, so the password would cross the network in clear. The server says +OK even for a user who does not exist, so as not to reveal which users exist.".into(),
        UserAccepted { cleartext: false } => "+OK: now send the password with PASS. The server says +OK even for a user who does not exist, so as not to reveal which users exist.".into(),
        LoggedIn { login, count, size } => format!("+OK: logged in as {login}. The mailbox (POP3 calls it the maildrop) is now locked for this session and holds {}, {} in all. The session is in the TRANSACTION state.", crate::vocab::count(crate::vocab::Lang::En, *count, "message", "messages"), crate::vocab::count(crate::vocab::Lang::En, *size, "byte", "bytes")),
        LoginFailed => "-ERR: the user name or password is wrong. [AUTH] tells the client the problem is the credentials, not the server. Start again with USER.".into(),
        InUse { login } => format!("-ERR: the password is right, but another session already holds {login}'s maildrop. [IN-USE] says so: POP3 lets only one session at a time use a maildrop."),
        NeedUser => "-ERR: PASS comes after USER. Give the user name first.".into(),
        LoginNeedsTls => "-ERR: this server does not accept passwords over an unencrypted connection. Send STLS first, or connect to port 995.".into(),
        ApopNotOffered => "-ERR: APOP needs a challenge in the greeting, and this server does not offer one. Log in with USER and PASS.".into(),
        StatReply { count, size } => format!("+OK: {}, {} in all. Messages marked for deletion are not counted.", crate::vocab::count(crate::vocab::Lang::En, *count, "message", "messages"), crate::vocab::count(crate::vocab::Lang::En, *size, "byte", "bytes")),
        ListHeader { count, size } => format!("+OK: a list of {} follows ({}), one per line, ending with a line holding a dot.", crate::vocab::count(crate::vocab::Lang::En, *count, "message", "messages"), crate::vocab::count(crate::vocab::Lang::En, *size, "byte", "bytes")),
        ListEntry { message, size } => format!("Message {message} is {} long.", crate::vocab::count(crate::vocab::Lang::En, *size, "byte", "bytes")),
        UidlHeader => "+OK: the unique ids follow, one per line. A client that keeps mail on the server remembers them to avoid downloading a message twice.".into(),
        UidlEntry { message, unique_id } => format!("Message {message} has the unique id {unique_id}. Message numbers can change from one session to the next (after deletions); the unique id stays with the message."),
        RetrHeader { message, size } => format!("+OK: message {message} follows, {}, ending with a line holding a dot.", crate::vocab::count(crate::vocab::Lang::En, *size, "byte", "bytes")),
        TopHeader { message, lines: 0 } => format!("+OK: the headers of message {message} follow, then a blank line, and none of the body."),
        TopHeader { message, lines } => format!("+OK: the headers of message {message} follow, then a blank line and up to {} of the body.", super::en_count(*lines, "line", "lines")),
        MessageLine => "A line of the message, sent as it is stored.".into(),
        MessageLineStuffed => "This line of the message starts with a dot, so the server sends one more dot; the client removes it. That way the line cannot be mistaken for the end.".into(),
        EndOfMultiline => "A line holding only a dot ends the multi-line reply.".into(),
        Deleted { message } => format!("+OK: message {message} is marked. It disappears from LIST now, but is removed only at QUIT; RSET or a lost connection keeps it."),
        AlreadyDeleted { message } => format!("-ERR: message {message} is marked for deletion, so it can no longer be read or marked. RSET unmarks it."),
        NoSuchMessage { message, count: 0 } => format!("-ERR: there is no message {message}. This maildrop was empty at login, so no number is valid."),
        NoSuchMessage { message, count } => format!("-ERR: there is no message {message}. This maildrop was numbered 1 to {count} at login."),
        RemovedElsewhere { message } => format!("-ERR: message {message} was deleted by another client (with IMAP, say) after this session started. POP3's lock only keeps other POP3 sessions out."),
        NoopOk => "+OK: the server is still here.".into(),
        ResetOk { count, size } => format!("+OK: no message is marked any more; the maildrop shows {} ({}) again.", crate::vocab::count(crate::vocab::Lang::En, *count, "message", "messages"), crate::vocab::count(crate::vocab::Lang::En, *size, "byte", "bytes")),
        SignOff => "+OK: goodbye. The session ends without entering the UPDATE state, so nothing changes.".into(),
        SignOffUpdate { deleted } => format!("+OK: the UPDATE state removed {} for good, released the lock, and the connection closes.", crate::vocab::count(crate::vocab::Lang::En, *deleted, "marked message", "marked messages")),
        CapaHeader => "+OK: the server's capabilities follow, one per line.".into(),
        Advertised(cap) => capability(*cap),
        StlsReady => "+OK: the server is ready for the TLS handshake. In Facteur the encryption is simulated. Log in afterwards, safely.".into(),
        StlsActive => "-ERR: the connection is already encrypted (port 995 or STLS done), or this server does not offer STLS.".into(),
        WrongState { verb, state: State::Authorization } => format!("-ERR: {} works only after login (the TRANSACTION state). Log in with USER and PASS first.", verb.word()),
        WrongState { verb, state: _ } => format!("-ERR: {} works only before login (the AUTHORIZATION state).", verb.word()),
        UnknownCommand { verb } if verb.is_empty() => "-ERR: a command starts with a word such as USER, STAT or RETR.".into(),
        UnknownCommand { verb } => format!("-ERR: {verb} is not a POP3 command. CAPA shows what this server supports."),
        EmptyLine => "-ERR: the line was empty. Type a command such as USER bob.".into(),
        Syntax { verb, diagnostic: d } => format!("-ERR: {} is a known command but its arguments are wrong. {}", verb.word(), diagnostic(d)),
        LineTooLong { limit } => format!("-ERR: the line is too long. A POP3 command may be at most {limit_bytes}, CR LF included.", limit_bytes = super::en_count(*limit, "byte", "bytes")),
        BareLfRefused => "-ERR: this line ended with a bare LF. Strict mode requires CR LF at the end of every line.".into(),
    }
}

fn capability(cap: Capability) -> String {
    match cap {
        Capability::Top => "TOP: the server can send just the start of a message.".into(),
        Capability::User => "USER: log in with USER and PASS.".into(),
        Capability::Uidl => "UIDL: messages have unique ids that survive between sessions.".into(),
        Capability::RespCodes => {
            "RESP-CODES: some -ERR replies carry a code in brackets, such as [IN-USE].".into()
        }
        Capability::AuthRespCode => {
            "AUTH-RESP-CODE: a failed login may say [AUTH], meaning the credentials were refused."
                .into()
        }
        Capability::Pipelining => {
            "PIPELINING: the client may send several commands without waiting for each reply."
                .into()
        }
        Capability::Stls => "STLS: the client may switch this connection to encryption.".into(),
        Capability::Implementation => {
            "IMPLEMENTATION: the server software's name, for information only.".into()
        }
    }
}

//! Server-to-server relay (RFC 5321 §2.1, §5): the sending server connects to the
//! recipient's server on port 25 and runs an ordinary SMTP dialogue, as a client.
//!
//! The dialogue is recorded step by step so the site can show the second conversation a
//! learner never types but every message crosses.

use std::collections::BTreeSet;

use super::{ReplyClass, ReplyCode, SmtpPolicy, SmtpSession};
use crate::output::{Event, Output, Step};
use crate::port::Port;
use crate::session::{Context, Outbound, Session};
use crate::store::{crlf, Address, Store, INBOX};
use crate::time::Timestamp;

/// Relays one accepted message to the server of its recipients' domain. Returns the
/// events to report: the relay with its dialogue, and a bounce if recipients were refused.
pub fn relay(store: &mut Store, now: Timestamp, message: Outbound) -> Vec<Event> {
    let Some(to_host) = message
        .recipients
        .first()
        .and_then(|r| store.server_for_domain(&r.domain))
        .map(|s| s.hostname.clone())
    else {
        return Vec::new();
    };
    let policy = SmtpPolicy::for_port(&to_host, Port::SMTP);
    let (session, greeting) = SmtpSession::connect(policy, false);
    let mut run = Run {
        session,
        dialogue: greeting,
        store,
        now,
    };
    let mut refused = Vec::new();

    let from = match &message.reverse_path {
        None => "<>".to_owned(),
        Some(a) => format!("<{a}>"),
    };
    let positive = |c: Option<ReplyClass>| c == Some(ReplyClass::PositiveCompletion);
    let ehlo = format!("EHLO {}", message.from_host);
    let mut greeted = positive(run.send(&ehlo));
    // Servers encrypt opportunistically when the other side offers STARTTLS (RFC 3207 §4).
    if greeted && run.offers_starttls() {
        greeted = run
            .send("STARTTLS")
            .map(|c| c == ReplyClass::PositiveCompletion)
            == Some(true)
            && positive(run.send(&ehlo));
    }
    if greeted && positive(run.send(&format!("MAIL FROM:{from}"))) {
        let mut accepted = 0;
        for rcpt in &message.recipients {
            if positive(run.send(&format!("RCPT TO:<{rcpt}>"))) {
                accepted += 1;
            } else {
                refused.push(rcpt.clone());
            }
        }
        if accepted > 0 && run.send("DATA") == Some(ReplyClass::PositiveIntermediate) {
            let text = String::from_utf8_lossy(&message.raw).into_owned();
            for line in text.split("\r\n").take(text.matches("\r\n").count()) {
                // RFC 5321 §4.5.2: the sender doubles a leading dot.
                let stuffed = if line.starts_with('.') {
                    format!(".{line}")
                } else {
                    line.to_owned()
                };
                run.send(&stuffed);
            }
            run.send(".");
        }
    } else {
        refused = message.recipients.clone();
    }
    run.send("QUIT");
    let Run {
        dialogue, store, ..
    } = run;

    let mut events = vec![Event::Relayed {
        queue_id: message.queue_id.clone(),
        from_host: message.from_host.clone(),
        to_host,
        dialogue,
    }];
    if !refused.is_empty() {
        events.extend(bounce(store, now, &message, &refused));
    }
    events
}

/// The relaying server's side of the conversation: it sends lines and records every step.
struct Run<'a> {
    session: SmtpSession,
    dialogue: Output,
    store: &'a mut Store,
    now: Timestamp,
}

impl Run<'_> {
    /// Whether the last EHLO reply listed STARTTLS.
    fn offers_starttls(&self) -> bool {
        let d = &self.dialogue;
        d.steps
            .iter()
            .rev()
            .take_while(|s| !matches!(s, Step::Client(_)))
            .any(|s| matches!(s, Step::Server(line) if d.bytes(line).get(4..) == Some(b"STARTTLS")))
    }

    /// Sends one line and returns the class of the reply it got, if it got one.
    fn send(&mut self, line: &str) -> Option<ReplyClass> {
        // The receiving server on port 25 delivers only locally; it never relays further.
        let mut outbound = Vec::new();
        let mut ctx = Context {
            store: &mut *self.store,
            now: self.now,
            outbound: &mut outbound,
        };
        let mut input = line.as_bytes().to_vec();
        input.extend_from_slice(b"\r\n");
        let out = self.session.input(&input, &mut ctx);
        let class = last_reply_class(&out);
        self.dialogue.extend(out);
        class
    }
}

/// The class of the last complete reply in an output, if any.
fn last_reply_class(out: &Output) -> Option<ReplyClass> {
    out.steps.iter().rev().find_map(|s| match s {
        Step::Server(line) => {
            let code: u16 = out.text(line).get(..3)?.parse().ok()?;
            Some(ReplyCode(code).class())
        }
        _ => None,
    })
}

/// RFC 5321 §4.4 and §6.1: a server that accepted a message and then cannot deliver it
/// must tell the sender, with a message from the null reverse path.
fn bounce(
    store: &mut Store,
    now: Timestamp,
    message: &Outbound,
    refused: &[Address],
) -> Vec<Event> {
    let Some(sender) = &message.reverse_path else {
        return Vec::new(); // never bounce a bounce
    };
    let Some(login) = store.account_by_address(sender).map(|a| a.login.clone()) else {
        return Vec::new();
    };
    let list: Vec<String> = refused.iter().map(|r| format!("  <{r}>")).collect();
    let text = format!(
        "Return-Path: <>\nFrom: Mail Delivery System <MAILER-DAEMON@{host}>\nTo: {sender}\n\
         Subject: Undelivered Mail Returned to Sender\nDate: {date}\nMIME-Version: 1.0\n\
         Content-Type: text/plain; charset=utf-8\n\n\
         The server {host} accepted your message {id} but could not deliver it to:\n\n{list}\n\n\
         The receiving server refused these recipients. Check the addresses and send again.\n",
        host = message.from_host,
        date = now.rfc5322(),
        id = message.queue_id,
        list = list.join("\n"),
    );
    let mut events = vec![Event::Bounced {
        queue_id: message.queue_id.clone(),
        refused: refused.to_vec(),
    }];
    if let Some(uid) = store.append(&login, INBOX, crlf(text.as_bytes()), BTreeSet::new(), now) {
        events.push(Event::Delivered {
            account: login,
            mailbox: INBOX.to_owned(),
            uid,
        });
    }
    events
}

//! The trace fields a server adds to every message it takes in (RFC 5321 §4.4): a
//! `Received:` line saying who handed it over, how and when, and on final delivery the
//! `Return-Path:` with the envelope sender.

use super::command::ReversePath;
use crate::store::Address;
use crate::time::Timestamp;

/// How the message came, for `with` (RFC 3848): ESMTP, plus S for TLS and A for AUTH.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Protocol {
    pub extended: bool,
    pub tls: bool,
    pub authenticated: bool,
}

impl Protocol {
    pub fn keyword(self) -> &'static str {
        match (self.extended, self.tls, self.authenticated) {
            (false, _, _) => "SMTP",
            (true, false, false) => "ESMTP",
            (true, true, false) => "ESMTPS",
            (true, false, true) => "ESMTPA",
            (true, true, true) => "ESMTPSA",
        }
    }
}

/// One receipt: which server took the message from which client, for whom, and when.
pub struct Receipt<'a> {
    pub client: &'a str,
    pub host: &'a str,
    pub protocol: Protocol,
    pub queue_id: &'a str,
    pub now: Timestamp,
}

impl Receipt<'_> {
    /// The message with this server's trace fields in front of it.
    pub fn stamp(
        &self,
        rcpt: &Address,
        from: &ReversePath,
        content: &[u8],
        final_delivery: bool,
    ) -> Vec<u8> {
        let mut head = String::new();
        if final_delivery {
            let path = match from {
                ReversePath::Null => String::new(),
                ReversePath::Address(a) => a.to_string(),
            };
            head.push_str(&format!("Return-Path: <{path}>\r\n"));
        }
        head.push_str(&format!(
            "Received: from {client}\r\n\tby {host} with {with} id {id}\r\n\tfor <{rcpt}>; {date}\r\n",
            client = self.client,
            host = self.host,
            with = self.protocol.keyword(),
            id = self.queue_id,
            date = self.now.rfc5322(),
        ));
        let mut raw = head.into_bytes();
        raw.extend_from_slice(content);
        raw
    }
}

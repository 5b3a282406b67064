//! SASL as SMTP AUTH and IMAP AUTHENTICATE carry it: base64 answers to challenges
//! (RFC 4954 §4, RFC 9051 §6.2.2) and the PLAIN mechanism's message (RFC 4616 §2).
//! Both protocols decode the same way, so they share this.

use base64::Engine as _;

/// A client's answer to a server challenge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// `*`: the client gives up the exchange.
    Cancel,
    /// The decoded octets; `=` stands for an empty answer.
    Data(Vec<u8>),
    /// Not base64.
    Invalid,
}

/// Reads one answer line (surrounding spaces ignored).
pub fn answer(text: &str) -> Answer {
    match text.trim() {
        "*" => Answer::Cancel,
        "=" => Answer::Data(Vec::new()),
        b64 => base64::engine::general_purpose::STANDARD
            .decode(b64)
            .map_or(Answer::Invalid, Answer::Data),
    }
}

/// The credentials in a PLAIN message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plain {
    /// The user name (the authentication identity).
    pub user: String,
    /// The password.
    pub password: String,
}

/// RFC 4616 §2: `message = [authzid] UTF8NUL authcid UTF8NUL passwd`. A server that does
/// not let one user act for another accepts an authzid only when it is empty or the same
/// as the authcid; otherwise, or when the message is malformed, there are no credentials.
pub fn plain(message: &[u8]) -> Option<Plain> {
    let mut parts = message.split(|&b| b == 0);
    let (authzid, user, password) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || !(authzid.is_empty() || authzid == user) {
        return None;
    }
    Some(Plain {
        user: String::from_utf8_lossy(user).into_owned(),
        password: String::from_utf8_lossy(password).into_owned(),
    })
}

/// The base64 answer PLAIN expects for a user and password: `\0user\0password`
/// (RFC 4616 §2, with no authorisation identity).
pub fn plain_response(user: &str, password: &str) -> String {
    encode(format!("\0{user}\0{password}").as_bytes())
}

/// Base64, as SASL answers are written (RFC 4648 §4).
pub fn encode(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Decoded octets for the learner, with NUL written as `\0` so `\0bob\0builder` shows.
pub fn show(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).replace('\0', "\\0")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_base64_star_or_equals() {
        assert_eq!(answer(" * "), Answer::Cancel);
        assert_eq!(answer("="), Answer::Data(Vec::new()));
        assert_eq!(
            answer("AGJvYgBidWlsZGVy"),
            Answer::Data(b"\0bob\0builder".to_vec())
        );
        assert_eq!(answer("not base64!"), Answer::Invalid);
    }

    #[test]
    fn plain_takes_an_empty_or_matching_authzid_only() {
        let bob = Some(Plain {
            user: "bob".into(),
            password: "builder".into(),
        });
        assert_eq!(plain(b"\0bob\0builder"), bob);
        assert_eq!(plain(b"bob\0bob\0builder"), bob);
        assert_eq!(plain(b"alice\0bob\0builder"), None);
        assert_eq!(plain(b"\0bob"), None);
        assert_eq!(plain(b"\0bob\0builder\0extra"), None);
        assert_eq!(show(b"\0bob\0builder"), "\\0bob\\0builder");
        assert_eq!(plain_response("bob", "builder"), "AGJvYgBidWlsZGVy");
        assert_eq!(
            answer(&plain_response("bob", "builder")),
            Answer::Data(b"\0bob\0builder".to_vec())
        );
    }
}

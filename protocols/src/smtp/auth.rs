//! The AUTH exchange (RFC 4954 §4): a mechanism, challenges with code 334, and base64
//! answers, until there are credentials to check or a reason to stop. It only decides the
//! next step; the session checks credentials and keeps the state.
//!
//! PLAIN is RFC 4616. LOGIN is in no RFC: it is non-standard but common, and asks for the
//! user name, then the password, each base64-encoded ("Username:", "Password:").

use serde::{Deserialize, Serialize};

use super::note::SmtpNote;
use super::reply::{EnhancedCode, Reply};
use crate::sasl::{self, Answer, Plain};

/// What the next answer line is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Exchange {
    Plain,
    LoginUser,
    LoginPassword { user: String },
}

/// What the server does next.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Send this 334 challenge and wait for an answer.
    Challenge(Exchange, Reply, SmtpNote),
    /// Check these credentials.
    Credentials(Plain),
    /// End the exchange with this reply.
    Refuse(Reply, SmtpNote),
}

/// The first step, from the AUTH command's mechanism and optional initial response.
pub fn start(mechanism: &str, initial: Option<&str>) -> Step {
    match (mechanism, initial) {
        ("PLAIN", Some(ir)) => answered(Exchange::Plain, sasl::answer(ir)),
        ("PLAIN", None) => Step::Challenge(
            Exchange::Plain,
            Reply::new(334, None, ""),
            SmtpNote::AuthChallengePlain,
        ),
        ("LOGIN", Some(ir)) => answered(Exchange::LoginUser, sasl::answer(ir)),
        ("LOGIN", None) => Step::Challenge(
            Exchange::LoginUser,
            Reply::new(334, None, "VXNlcm5hbWU6"),
            SmtpNote::AuthChallengeUsername,
        ),
        (other, _) => Step::Refuse(
            Reply::new(
                504,
                Some(EnhancedCode(5, 5, 4)),
                "Unrecognized authentication type",
            ),
            SmtpNote::AuthUnknownMechanism {
                mechanism: other.to_owned(),
            },
        ),
    }
}

/// The step after an answer to a challenge.
pub fn answered(exchange: Exchange, answer: Answer) -> Step {
    let bytes = match answer {
        Answer::Cancel => {
            return Step::Refuse(
                Reply::new(501, Some(EnhancedCode(5, 0, 0)), "Authentication cancelled"),
                SmtpNote::AuthCancelled,
            )
        }
        Answer::Invalid => {
            return Step::Refuse(
                Reply::new(501, Some(EnhancedCode(5, 5, 2)), "Invalid base64 data"),
                SmtpNote::AuthBadBase64,
            )
        }
        Answer::Data(bytes) => bytes,
    };
    match exchange {
        Exchange::Plain => match sasl::plain(&bytes) {
            Some(credentials) => Step::Credentials(credentials),
            None => refused(),
        },
        Exchange::LoginUser => Step::Challenge(
            Exchange::LoginPassword {
                user: String::from_utf8_lossy(&bytes).into_owned(),
            },
            Reply::new(334, None, "UGFzc3dvcmQ6"),
            SmtpNote::AuthChallengePassword,
        ),
        Exchange::LoginPassword { user } => Step::Credentials(Plain {
            user,
            password: String::from_utf8_lossy(&bytes).into_owned(),
        }),
    }
}

/// 535: the credentials are wrong (RFC 4954 §6).
pub fn refused() -> Step {
    Step::Refuse(
        Reply::new(
            535,
            Some(EnhancedCode(5, 7, 8)),
            "Authentication credentials invalid",
        ),
        SmtpNote::AuthFailed,
    )
}

/// How the answer line itself is explained.
pub fn answer_note(answer: &Answer) -> SmtpNote {
    match answer {
        Answer::Cancel => SmtpNote::AuthCancel,
        Answer::Data(bytes) => SmtpNote::AuthResponse {
            decoded: sasl::show(bytes),
        },
        Answer::Invalid => SmtpNote::Unparsed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn login_asks_for_the_user_then_the_password() {
        let Step::Challenge(exchange, reply, _) = start("LOGIN", None) else {
            panic!("a challenge");
        };
        assert_eq!(reply.wire_lines(), ["334 VXNlcm5hbWU6"]);
        let Step::Challenge(exchange, _, _) = answered(exchange, sasl::answer("Ym9i")) else {
            panic!("a second challenge");
        };
        assert_eq!(
            answered(exchange, sasl::answer("YnVpbGRlcg==")),
            Step::Credentials(Plain {
                user: "bob".into(),
                password: "builder".into()
            })
        );
    }

    #[test]
    fn plain_with_an_initial_response_needs_no_challenge() {
        assert!(matches!(
            start("PLAIN", Some("AGJvYgBidWlsZGVy")),
            Step::Credentials(_)
        ));
        assert!(matches!(
            start("PLAIN", Some("*")),
            Step::Refuse(_, SmtpNote::AuthCancelled)
        ));
        assert!(matches!(
            start("CRAM-MD5", None),
            Step::Refuse(_, SmtpNote::AuthUnknownMechanism { .. })
        ));
    }
}

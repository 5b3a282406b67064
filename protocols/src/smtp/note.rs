//! What each SMTP line means: one variant per situation, with the RFC section it comes
//! from. The words for learners are in the EN/FR catalogues (`explain/en.rs`, `fr.rs`).

use serde::{Deserialize, Serialize};

use super::command::{Forgiven, Verb};
use crate::grammar::Diagnostic;
use crate::vocab::Rfc;

/// An SMTP service extension advertised in the EHLO reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(Default))]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum Extension {
    #[cfg_attr(test, default)]
    Pipelining,
    Size(usize),
    EightBitMime,
    EnhancedStatusCodes,
    StartTls,
    Auth,
    Help,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum SmtpNote {
    // What the client's lines mean.
    Ehlo {
        client: String,
    },
    Helo {
        client: String,
    },
    MailFrom {
        from: String,
    },
    RcptTo {
        to: String,
    },
    Data,
    Rset,
    Noop,
    Vrfy,
    Expn,
    Help,
    Quit,
    StartTls,
    Auth {
        mechanism: String,
    },
    /// A base64 answer to a 334 challenge, and what it decodes to.
    AuthResponse {
        decoded: String,
    },
    AuthCancel,
    DataLine,
    /// A content line that began with a dot, doubled by the client (RFC 5321 §4.5.2).
    DataDotStuffed,
    DataEnd,
    /// A line the server could not parse; the reply explains.
    Unparsed,
    Forgiven(Forgiven),

    // What the server's replies mean.
    Greeting {
        host: String,
    },
    EhloHello {
        host: String,
        client: String,
    },
    Advertised(Extension),
    HeloOk {
        host: String,
        client: String,
    },
    SenderOk {
        from: String,
    },
    RecipientOk {
        to: String,
    },
    RecipientRelay {
        to: String,
        host: String,
    },
    StartMailInput,
    Queued {
        id: String,
    },
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
    AuthSucceeded {
        login: String,
    },
    AuthFailed,
    AuthCancelled,
    AuthBadBase64,
    AuthUnknownMechanism {
        mechanism: String,
    },
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
    UnknownCommand {
        verb: String,
    },
    EmptyLine,
    Syntax {
        verb: Verb,
        diagnostic: Diagnostic,
    },
    LineTooLong {
        limit: usize,
    },
    NoSuchUser {
        address: String,
    },
    UnknownDomain {
        domain: String,
    },
    RelayDenied {
        domain: String,
    },
    SenderNotOwned {
        from: String,
        login: String,
    },
    MessageTooBig {
        limit: usize,
    },
    DeclaredSizeTooBig {
        size: u64,
        limit: usize,
    },
    TooManyRecipients {
        limit: usize,
    },
    DataLineTooLong,
    UnknownParameter {
        keyword: String,
    },
    BadParameterValue {
        keyword: String,
    },
    BareLfRefused,
}

impl SmtpNote {
    /// The RFC section a learner should read to check the explanation.
    pub fn rfc(&self) -> Rfc {
        use SmtpNote::*;
        let (number, section) = match self {
            Ehlo { .. } | EhloHello { .. } => (5321, "4.1.1.1"),
            Helo { .. } | HeloOk { .. } => (5321, "4.1.1.1"),
            MailFrom { .. } | SenderOk { .. } => (5321, "4.1.1.2"),
            RcptTo { .. } | RecipientOk { .. } => (5321, "4.1.1.3"),
            RecipientRelay { .. } | RelayDenied { .. } => (5321, "3.6.2"),
            Data | StartMailInput | DataLine | DataEnd | Queued { .. } => (5321, "4.1.1.4"),
            DataDotStuffed => (5321, "4.5.2"),
            Rset | ResetOk => (5321, "4.1.1.5"),
            Vrfy | CannotVrfy => (5321, "3.5.3"),
            Expn => (5321, "4.1.1.7"),
            // A site that disables EXPN is told to answer 252 (RFC 5321 §7.3).
            ExpnDisabled => (5321, "7.3"),
            Help | HelpText => (5321, "4.1.1.8"),
            Noop | NoopOk => (5321, "4.1.1.9"),
            Quit | Bye => (5321, "4.1.1.10"),
            StartTls | ReadyForTls | TlsAlreadyActive | StartTlsNotOffered => (3207, "4"),
            TlsRequired | EncryptionRequired => (3207, "4"),
            Auth { .. } | AuthSucceeded { .. } | AuthAlready | AuthInTransaction => (4954, "4"),
            AuthResponse { .. } | AuthChallengePlain => (4616, "2"),
            AuthChallengeUsername | AuthChallengePassword => (4954, "4"),
            AuthCancel | AuthCancelled | AuthBadBase64 => (4954, "4"),
            AuthFailed | AuthRequired => (4954, "6"),
            AuthUnknownMechanism { .. } => (4954, "4"),
            AuthNotOffered => (5321, "4.2.4"),
            SenderNotOwned { .. } => (6409, "6.1"),
            // §4.2.4 is about 500 against 502; 501 and the rest are in the numeric list.
            UnknownCommand { .. } => (5321, "4.2.4"),
            Unparsed | Syntax { .. } | EmptyLine => (5321, "4.2.3"),
            // "Spaces are not permitted on either side of the colon" (RFC 5321 §3.3).
            Forgiven(_) => (5321, "3.3"),
            Greeting { .. } => (5321, "3.1"),
            Advertised(Extension::Pipelining) => (2920, "3"),
            Advertised(Extension::Size(_)) => (1870, "3"),
            Advertised(Extension::EightBitMime) => (6152, "2"),
            Advertised(Extension::EnhancedStatusCodes) => (2034, "3"),
            Advertised(Extension::StartTls) => (3207, "3"),
            Advertised(Extension::Auth) => (4954, "3"),
            Advertised(Extension::Help) => (5321, "4.1.1.8"),
            NeedHelo | NestedMail | NeedMail | NeedRcpt => (5321, "4.1.4"),
            LineTooLong { .. } => (5321, "4.5.3.1.4"),
            DataLineTooLong => (5321, "4.5.3.1.6"),
            NoSuchUser { .. } => (5321, "3.3"),
            UnknownDomain { .. } => (5321, "5.1"),
            MessageTooBig { .. } | DeclaredSizeTooBig { .. } => (1870, "6"),
            TooManyRecipients { .. } => (5321, "4.5.3.1.10"),
            UnknownParameter { .. } | BadParameterValue { .. } => (5321, "4.1.1.11"),
            BareLfRefused => (5321, "2.3.8"),
        };
        Rfc { number, section }
    }
}

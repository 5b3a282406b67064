//! The envelope of a mail transaction (RFC 5321 §3.3): who it is from (MAIL FROM) and
//! whom it is for (RCPT TO), and what this server accepts of each. The session keeps the
//! order of commands; this module decides about their arguments.

use serde::{Deserialize, Serialize};

use super::command::{Param, ReversePath};
use super::note::SmtpNote;
use super::policy::SmtpPolicy;
use super::reply::{EnhancedCode, Reply};
use crate::store::{Address, Store};

/// A reply that turns a command down, with its explanation.
pub type Refusal = (Reply, SmtpNote);

fn code(class: u8, subject: u16, detail: u16) -> Option<EnhancedCode> {
    Some(EnhancedCode(class, subject, detail))
}

/// A transaction under way: the reverse path and the recipients accepted so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transaction {
    pub from: ReversePath,
    pub recipients: Vec<Address>,
}

impl Transaction {
    pub fn new(from: ReversePath) -> Transaction {
        Transaction {
            from,
            recipients: Vec::new(),
        }
    }

    /// Adds a recipient once: the same mailbox named twice gets one copy.
    pub fn add(&mut self, to: Address) {
        if !self.recipients.iter().any(|r| r.same_mailbox(&to)) {
            self.recipients.push(to);
        }
    }
}

/// MAIL FROM parameters: SIZE (RFC 1870 §6) and BODY (RFC 6152 §2); others are not
/// supported (RFC 5321 §4.1.1.11: 555).
pub fn mail_params(params: &[Param], max_size: usize) -> Result<(), Refusal> {
    let bad_value = |keyword: &str| {
        (
            Reply::new(501, code(5, 5, 4), format!("Bad {keyword} value")),
            SmtpNote::BadParameterValue {
                keyword: keyword.to_owned(),
            },
        )
    };
    for param in params {
        match (param.keyword.as_str(), param.value.as_deref()) {
            ("SIZE", Some(value)) => match value.parse::<u64>() {
                Ok(size) if size > max_size as u64 => {
                    return Err((
                        Reply::new(552, code(5, 3, 4), "Message size exceeds fixed limit"),
                        SmtpNote::DeclaredSizeTooBig {
                            size,
                            limit: max_size,
                        },
                    ));
                }
                Ok(_) => {}
                Err(_) => return Err(bad_value(&param.keyword)),
            },
            ("BODY", Some(v))
                if v.eq_ignore_ascii_case("7BIT") || v.eq_ignore_ascii_case("8BITMIME") => {}
            ("SIZE" | "BODY", _) => return Err(bad_value(&param.keyword)),
            (keyword, _) => return Err(unsupported(keyword)),
        }
    }
    Ok(())
}

/// 555: a parameter this server does not know.
pub fn unsupported(keyword: &str) -> Refusal {
    (
        Reply::new(
            555,
            code(5, 5, 4),
            format!("{keyword} parameter not supported"),
        ),
        SmtpNote::UnknownParameter {
            keyword: keyword.to_owned(),
        },
    )
}

/// On submission, this server lets an account send only as its own address; RFC 6409
/// §6.1 allows a server to check this (a MAY), and most providers do.
pub fn sender(
    store: &Store,
    policy: &SmtpPolicy,
    login: Option<&str>,
    from: &ReversePath,
) -> Result<(), Refusal> {
    let (Some(login), ReversePath::Address(addr)) = (login, from) else {
        return Ok(());
    };
    let owns = store
        .account(login)
        .is_some_and(|a| a.address.same_mailbox(addr));
    if !policy.submission || owns {
        return Ok(());
    }
    let (from, login) = (addr.to_string(), login.to_owned());
    Err((
        Reply::new(
            553,
            code(5, 7, 1),
            format!("<{from}>: Sender address not owned by {login}"),
        ),
        SmtpNote::SenderNotOwned { from, login },
    ))
}

/// Whether this server takes mail for a recipient: its own users, or any other domain
/// for a client that logged in (relaying, RFC 5321 §3.6). The reply to send either way.
pub fn recipient(
    store: &Store,
    policy: &SmtpPolicy,
    authenticated: bool,
    to: &Address,
) -> Result<(Reply, SmtpNote), Refusal> {
    let shown = to.to_string();
    let local = store
        .server(&policy.hostname)
        .is_some_and(|s| s.domains.iter().any(|d| d.eq_ignore_ascii_case(&to.domain)));
    if local {
        if store.account_by_address(to).is_none() {
            return Err((
                Reply::new(
                    550,
                    code(5, 1, 1),
                    format!("<{shown}>: Recipient address rejected: no such user"),
                ),
                SmtpNote::NoSuchUser { address: shown },
            ));
        }
        return Ok((
            Reply::new(250, code(2, 1, 5), format!("Recipient <{shown}> OK")),
            SmtpNote::RecipientOk { to: shown },
        ));
    }
    let domain = to.domain.clone();
    let Some(host) = store.server_for_domain(&domain).map(|s| s.hostname.clone()) else {
        return Err((
            Reply::new(
                550,
                code(5, 1, 2),
                format!("<{shown}>: domain {domain} does not exist"),
            ),
            SmtpNote::UnknownDomain { domain },
        ));
    };
    if !authenticated && !policy.whole_world {
        return Err((
            Reply::new(
                550,
                code(5, 7, 1),
                format!("<{shown}>: Relay access denied"),
            ),
            SmtpNote::RelayDenied { domain },
        ));
    }
    Ok((
        Reply::new(
            250,
            code(2, 1, 5),
            format!("Recipient <{shown}> OK, will relay"),
        ),
        SmtpNote::RecipientRelay { to: shown, host },
    ))
}

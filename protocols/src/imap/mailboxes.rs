//! Mailbox commands (RFC 9051 §6.3): SELECT, EXAMINE, CREATE, DELETE, RENAME, SUBSCRIBE,
//! UNSUBSCRIBE, LIST, LSUB (IMAP4rev1), STATUS and APPEND.

use std::collections::BTreeSet;

use super::note::ImapNote;
use super::reply::{data, tagged, untagged, Code, Data, Status};
use super::response::MailboxAttribute;
use super::selected::{permanent_flags, try_create, Selected};
use super::types::{CommandName, ListOptions, StatusItem};
use super::view::View;
use crate::output::{Event, Output};
use crate::session::Context;
use crate::store::{bare_line_endings, Flag, SpecialUse, INBOX};
use crate::time::Timestamp;

/// An APPEND command's arguments (RFC 9051 §6.3.12).
pub(super) struct Append {
    pub mailbox: String,
    pub flags: Vec<Flag>,
    pub date: Option<Timestamp>,
    pub message: Vec<u8>,
}

/// The hierarchy delimiter of mailbox names.
pub const DELIMITER: char = '/';
/// The most mailboxes an account holds: far more than anyone files mail into, and a bound
/// on what a script that CREATEs in a loop can make the page keep.
pub const MAX_MAILBOXES: usize = 1_000;

/// Whether a name is valid modified UTF-7 (RFC 3501 §5.1.3): every `&` starts `&-` (a
/// plain `&`) or a modified-base64 run closed by `-` that holds whole UTF-16 units. Names
/// with raw UTF-8 are taken as UTF-8, as IMAP4rev2 does (RFC 9051 §5.1).
pub fn valid_name(name: &str) -> bool {
    let mut rest = name;
    while let Some(amp) = rest.find('&') {
        let after = &rest[amp + 1..];
        let Some(dash) = after.find('-') else {
            return false;
        };
        let run = &after[..dash];
        let base64 = run
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b',');
        // 16-bit units: a run's bits, rounded down to whole octets, come in pairs.
        let octets = run.len() * 6 / 8;
        if !base64 || (!run.is_empty() && !octets.is_multiple_of(2)) {
            return false;
        }
        rest = &after[dash + 1..];
    }
    true
}

/// LIST pattern matching (RFC 9051 §6.3.9): `*` matches anything, `%` anything but the
/// hierarchy delimiter. INBOX matches in any case.
pub(super) fn matches(pattern: &str, name: &str) -> bool {
    fn go(p: &[char], n: &[char]) -> bool {
        match p.split_first() {
            None => n.is_empty(),
            Some(('*', rest)) => (0..=n.len()).any(|i| go(rest, &n[i..])),
            Some(('%', rest)) => (0..=n.len())
                .take_while(|&i| i == 0 || n[i - 1] != DELIMITER)
                .any(|i| go(rest, &n[i..])),
            Some((c, rest)) => n.first() == Some(c) && go(rest, &n[1..]),
        }
    }
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    go(&p, &n)
        || (name == INBOX
            && go(
                &pattern.to_ascii_uppercase().chars().collect::<Vec<_>>(),
                &n,
            ))
}

/// What became of a mailbox command. When it was refused, its tagged NO or BAD has been
/// sent; when it is done, the session sends the tagged OK after any pending updates.
#[must_use]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Done,
    Refused,
}

/// Sends a command's refusal.
fn refuse(
    out: &mut Output,
    tag: &str,
    status: Status,
    code: Option<Code>,
    text: &str,
    note: ImapNote,
) -> Outcome {
    tagged(out, tag, status, code, text, note);
    Outcome::Refused
}

/// A mailbox name that is not modified UTF-7 (RFC 9051 §5.1.3) is refused.
fn not_utf7(out: &mut Output, tag: &str, name: &str) -> Outcome {
    let note = ImapNote::NotModifiedUtf7 {
        name: name.to_owned(),
    };
    let text = "Mailbox name is not valid modified UTF-7";
    refuse(out, tag, Status::No, Some(Code::Cannot), text, note)
}

fn no_such_mailbox(out: &mut Output, tag: &str, name: &str) -> Outcome {
    let note = ImapNote::NoSuchMailbox {
        name: name.to_owned(),
    };
    refuse(
        out,
        tag,
        Status::No,
        Some(Code::NonExistent),
        "No such mailbox",
        note,
    )
}

/// SELECT or EXAMINE (RFC 9051 §6.3.2, §6.3.3): the mailbox's state, then the tagged OK;
/// the mailbox, now selected, is returned. `rev2` is whether IMAP4rev2 is enabled.
#[allow(clippy::too_many_arguments)]
pub fn select(
    login: &str,
    rev2: bool,
    tag: &str,
    name: &str,
    read_only: bool,
    ctx: &mut Context<'_>,
    out: &mut Output,
) -> Option<Selected> {
    let command = if read_only {
        CommandName::Examine
    } else {
        CommandName::Select
    };
    let (Some(view), Some(mailbox)) = (
        View::open(ctx.store, login, name, read_only),
        ctx.store.mailbox(login, name),
    ) else {
        let _ = no_such_mailbox(out, tag, name);
        return None;
    };
    let first_unseen = mailbox
        .messages
        .iter()
        .position(|m| !m.has(&Flag::Seen))
        .map(|i| i as u32 + 1);
    let uid_next = mailbox.uid_next.0;
    // RFC 9051 §7.3.5: the system flags and the mailbox's keywords.
    let flags = mailbox.flag_list();
    data(out, Data::Flags(flags.clone()), ImapNote::MailboxFlags);
    let exists = view.exists();
    data(
        out,
        Data::Exists(exists),
        ImapNote::Exists { count: exists },
    );
    if !rev2 {
        data(out, Data::Recent(0), ImapNote::Recent);
        if let Some(seq) = first_unseen {
            untagged(
                out,
                Status::Ok,
                Some(Code::Unseen(seq)),
                "First unseen message",
                ImapNote::FirstUnseen { seq },
            );
        }
    }
    untagged(
        out,
        Status::Ok,
        Some(Code::UidValidity(view.uid_validity)),
        "UIDs valid",
        ImapNote::UidValidity {
            value: view.uid_validity,
        },
    );
    untagged(
        out,
        Status::Ok,
        Some(Code::UidNext(uid_next)),
        "Predicted next UID",
        ImapNote::UidNext { value: uid_next },
    );
    permanent_flags(out, flags, read_only);
    if rev2 {
        let attributes = selected_list_line(ctx, login, name);
        data(
            out,
            Data::List {
                attributes,
                delimiter: DELIMITER,
                name: name.to_owned(),
            },
            ImapNote::ListLine {
                name: name.to_owned(),
            },
        );
    }
    let code = if read_only {
        Code::ReadOnly
    } else {
        Code::ReadWrite
    };
    tagged(
        out,
        tag,
        Status::Ok,
        Some(code),
        &format!("{} completed", command.word()),
        ImapNote::Selected {
            mailbox: name.to_owned(),
            read_only,
        },
    );
    Some(Selected::new(view))
}

pub fn create(
    login: &str,
    tag: &str,
    name: &str,
    ctx: &mut Context<'_>,
    out: &mut Output,
) -> Outcome {
    // A trailing delimiter says the name will hold sub-mailboxes (RFC 9051 §6.3.4).
    let name = name.trim_end_matches(DELIMITER);
    if !valid_name(name) {
        return not_utf7(out, tag, name);
    }
    if name.is_empty() || name.split(DELIMITER).any(str::is_empty) {
        return refuse(
            out,
            tag,
            Status::No,
            Some(Code::Cannot),
            "Invalid mailbox name",
            ImapNote::InvalidName {
                name: name.to_owned(),
            },
        );
    }
    if ctx.store.mailbox(login, name).is_some() {
        return refuse(
            out,
            tag,
            Status::No,
            Some(Code::AlreadyExists),
            "Mailbox already exists",
            ImapNote::AlreadyExists {
                name: name.to_owned(),
            },
        );
    }
    // Superior names are created too: CREATE Work/2026 makes Work if needed.
    let missing = name
        .match_indices(DELIMITER)
        .map(|(i, _)| &name[..i])
        .chain([name])
        .filter(|path| ctx.store.mailbox(login, path).is_none())
        .count();
    let held = ctx.store.account(login).map_or(0, |a| a.mailboxes.len());
    if held + missing > MAX_MAILBOXES {
        return refuse(
            out,
            tag,
            Status::No,
            Some(Code::Limit),
            &format!("Too many mailboxes; at most {MAX_MAILBOXES}"),
            ImapNote::TooManyMailboxes {
                limit: MAX_MAILBOXES,
            },
        );
    }
    let mut path = String::new();
    for part in name.split(DELIMITER) {
        if !path.is_empty() {
            path.push(DELIMITER);
        }
        path.push_str(part);
        if ctx.store.create_mailbox(login, &path, None) {
            out.event(Event::MailboxCreated {
                account: login.to_owned(),
                mailbox: path.clone(),
            });
        }
    }
    Outcome::Done
}

pub fn delete(
    login: &str,
    tag: &str,
    name: &str,
    ctx: &mut Context<'_>,
    out: &mut Output,
) -> Outcome {
    if name == INBOX {
        return refuse(
            out,
            tag,
            Status::No,
            Some(Code::Cannot),
            "INBOX cannot be deleted",
            ImapNote::CannotDeleteInbox,
        );
    }
    if ctx.store.mailbox(login, name).is_none() {
        return no_such_mailbox(out, tag, name);
    }
    let prefix = format!("{name}{DELIMITER}");
    let has_children = ctx
        .store
        .account(login)
        .is_some_and(|a| a.mailboxes.keys().any(|k| k.starts_with(&prefix)));
    if has_children {
        return refuse(
            out,
            tag,
            Status::No,
            Some(Code::HasChildren),
            "Delete its sub-mailboxes first",
            ImapNote::HasChildren {
                name: name.to_owned(),
            },
        );
    }
    ctx.store.delete_mailbox(login, name);
    out.event(Event::MailboxDeleted {
        account: login.to_owned(),
        mailbox: name.to_owned(),
    });
    Outcome::Done
}

pub fn rename(
    login: &str,
    tag: &str,
    from: &str,
    to: &str,
    ctx: &mut Context<'_>,
    out: &mut Output,
) -> Outcome {
    if ctx.store.mailbox(login, from).is_none() {
        return no_such_mailbox(out, tag, from);
    }
    if !valid_name(to) {
        return not_utf7(out, tag, to);
    }
    if ctx.store.mailbox(login, to).is_some() || to == INBOX {
        return refuse(
            out,
            tag,
            Status::No,
            Some(Code::AlreadyExists),
            "Target mailbox already exists",
            ImapNote::AlreadyExists {
                name: to.to_owned(),
            },
        );
    }
    if from == INBOX {
        // RFC 9051 §6.3.6: renaming INBOX moves its messages to the new name and leaves
        // INBOX empty.
        ctx.store.create_mailbox(login, to, None);
        let messages = ctx
            .store
            .mailbox(login, INBOX)
            .map(|m| Vec::from(m.messages.clone()))
            .unwrap_or_default();
        for m in messages {
            ctx.store.append(
                login,
                to,
                m.raw.0.to_vec(),
                m.flags.clone(),
                m.internal_date,
            );
            ctx.store.expunge(login, INBOX, m.uid);
        }
    } else {
        let prefix = format!("{from}{DELIMITER}");
        let children: Vec<String> = ctx
            .store
            .account(login)
            .map(|a| {
                a.mailboxes
                    .keys()
                    .filter(|k| k.starts_with(&prefix))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        ctx.store.rename_mailbox(login, from, to);
        for child in children {
            let renamed = format!("{to}{}", &child[from.len()..]);
            ctx.store.rename_mailbox(login, &child, &renamed);
        }
    }
    out.event(Event::MailboxRenamed {
        account: login.to_owned(),
        from: from.to_owned(),
        to: to.to_owned(),
    });
    Outcome::Done
}

pub fn subscribe(
    login: &str,
    tag: &str,
    name: &str,
    on: bool,
    ctx: &mut Context<'_>,
    out: &mut Output,
) -> Outcome {
    // RFC 9051 §6.3.7: a server MAY refuse to subscribe to a name that has no mailbox;
    // this one does. §6.3.8: unsubscribing succeeds for any subscribed name, even one
    // whose mailbox was deleted, and for a name that was never subscribed.
    if on && ctx.store.mailbox(login, name).is_none() {
        return no_such_mailbox(out, tag, name);
    }
    ctx.store.set_subscribed(login, name, on);
    Outcome::Done
}

/// What a LIST line says about a name.
#[derive(Debug, Clone, Copy, Default)]
struct Show {
    children: bool,
    special_use: bool,
    subscribed: bool,
}

/// The attributes of a name (RFC 9051 §7.3.1): `\HasChildren`/`\HasNoChildren`
/// (RFC 3348), special use (RFC 6154), `\Subscribed`, and `\NonExistent` for a
/// subscribed name whose mailbox is gone (RFC 5258 §3.4).
fn attributes(ctx: &Context<'_>, login: &str, name: &str, show: Show) -> Vec<MailboxAttribute> {
    let Some(account) = ctx.store.account(login) else {
        return Vec::new();
    };
    let mailbox = account.mailboxes.get(name);
    let mut attrs = Vec::new();
    if mailbox.is_none() {
        attrs.push(MailboxAttribute::NonExistent);
    }
    if show.subscribed && account.subscriptions.contains(name) {
        attrs.push(MailboxAttribute::Subscribed);
    }
    if show.children && mailbox.is_some() {
        let prefix = format!("{name}{DELIMITER}");
        attrs.push(
            if account.mailboxes.keys().any(|k| k.starts_with(&prefix)) {
                MailboxAttribute::HasChildren
            } else {
                MailboxAttribute::HasNoChildren
            },
        );
    }
    if let Some(use_) = mailbox
        .and_then(|m| m.special_use)
        .filter(|_| show.special_use)
    {
        attrs.push(match use_ {
            SpecialUse::Sent => MailboxAttribute::Sent,
            SpecialUse::Drafts => MailboxAttribute::Drafts,
            SpecialUse::Trash => MailboxAttribute::Trash,
            SpecialUse::Junk => MailboxAttribute::Junk,
            SpecialUse::Archive => MailboxAttribute::Archive,
        });
    }
    attrs
}

/// The LIST line SELECT sends in IMAP4rev2 (RFC 9051 §6.3.2).
fn selected_list_line(ctx: &Context<'_>, login: &str, name: &str) -> Vec<MailboxAttribute> {
    let show = Show {
        children: true,
        special_use: true,
        subscribed: false,
    };
    attributes(ctx, login, name, show)
}

/// LIST (RFC 9051 §6.3.9, with the options of RFC 5258), or LSUB (RFC 3501 §6.3.9) when
/// `options` is None. It never fails: a pattern that matches nothing lists nothing.
pub fn list(
    login: &str,
    reference: &str,
    pattern: &str,
    options: Option<&ListOptions>,
    ctx: &mut Context<'_>,
    out: &mut Output,
) -> Outcome {
    if pattern.is_empty() && options.is_some() {
        // RFC 9051 §6.3.9: an empty pattern asks for the delimiter and the root.
        data(
            out,
            Data::List {
                attributes: vec![MailboxAttribute::Noselect],
                delimiter: DELIMITER,
                name: String::new(),
            },
            ImapNote::ListLine {
                name: String::new(),
            },
        );
        return Outcome::Done;
    }
    let Some(account) = ctx.store.account(login) else {
        return Outcome::Done;
    };
    let subscribed_only = options.is_none_or(|o| o.select_subscribed);
    let mut names: Vec<String> = if subscribed_only {
        account.subscriptions.iter().cloned().collect()
    } else {
        account.mailboxes.keys().cloned().collect()
    };
    if options.is_some_and(|o| o.select_special_use) {
        names.retain(|n| {
            account
                .mailboxes
                .get(n)
                .is_some_and(|m| m.special_use.is_some())
        });
    }
    names.sort_by_key(|n| (n != INBOX, n.clone()));
    let full = format!("{reference}{pattern}");
    // Without options, LIST says everything it knows (RFC 3501); with a RETURN clause,
    // only what was asked for (RFC 5258 §3).
    let show = match options {
        None => Show {
            special_use: true,
            ..Show::default()
        },
        Some(o) if !o.returns && !o.select_subscribed && !o.select_special_use => Show {
            children: true,
            special_use: true,
            subscribed: false,
        },
        Some(o) => Show {
            children: o.return_children,
            special_use: o.return_special_use || o.select_special_use,
            subscribed: o.return_subscribed || o.select_subscribed,
        },
    };
    for name in names.into_iter().filter(|n| matches(&full, n)) {
        let mut attributes = attributes(ctx, login, &name, show);
        match options {
            None => {
                // LSUB marks a subscribed name without a mailbox \Noselect (RFC 3501 §7.2.3).
                for a in &mut attributes {
                    if *a == MailboxAttribute::NonExistent {
                        *a = MailboxAttribute::Noselect;
                    }
                }
                let note = ImapNote::LsubLine { name: name.clone() };
                let lsub = Data::Lsub {
                    attributes,
                    delimiter: DELIMITER,
                    name,
                };
                data(out, lsub, note);
            }
            Some(_) => {
                let list = Data::List {
                    attributes,
                    delimiter: DELIMITER,
                    name: name.clone(),
                };
                data(out, list, ImapNote::ListLine { name });
            }
        }
    }
    Outcome::Done
}

pub fn status(
    login: &str,
    tag: &str,
    name: &str,
    items: &[StatusItem],
    ctx: &mut Context<'_>,
    out: &mut Output,
) -> Outcome {
    let Some(m) = ctx.store.mailbox(login, name) else {
        return no_such_mailbox(out, tag, name);
    };
    let count =
        |flag: &Flag, set: bool| m.messages.iter().filter(|x| x.has(flag) == set).count() as u64;
    let items = items
        .iter()
        .map(|&item| {
            let value = match item {
                StatusItem::Messages => m.messages.len() as u64,
                StatusItem::UidNext => u64::from(m.uid_next.0),
                StatusItem::UidValidity => u64::from(m.uid_validity),
                StatusItem::Unseen => count(&Flag::Seen, false),
                StatusItem::Deleted => count(&Flag::Deleted, true),
                StatusItem::Size => m.total_size() as u64,
                StatusItem::Recent => 0,
            };
            (item, value)
        })
        .collect();
    data(
        out,
        Data::Status {
            mailbox: name.to_owned(),
            items,
        },
        ImapNote::StatusLine {
            name: name.to_owned(),
        },
    );
    Outcome::Done
}

/// APPEND (RFC 9051 §6.3.12): the message is stored, and its UID comes back with the
/// completion (RFC 4315 §3 APPENDUID), for the session to send after pending updates.
pub fn append(
    login: &str,
    tag: &str,
    request: Append,
    ctx: &mut Context<'_>,
    out: &mut Output,
) -> Option<(Code, ImapNote)> {
    let Append {
        mailbox,
        flags,
        date,
        message,
    } = request;
    let name = mailbox.as_str();
    let Some(validity) = ctx.store.mailbox(login, name).map(|m| m.uid_validity) else {
        try_create(out, tag, name);
        return None;
    };
    // RFC 9051 §4.3: a literal is CHAR8, any octet except NUL.
    if message.contains(&0) {
        tagged(
            out,
            tag,
            Status::Bad,
            None,
            "Message contains NUL octets",
            ImapNote::NulInMessage,
        );
        return None;
    }
    let line_endings_fixed = bare_line_endings(&message);
    let flags: BTreeSet<Flag> = flags.into_iter().collect();
    let Some(uid) = ctx
        .store
        .append(login, name, message, flags, date.unwrap_or(ctx.now))
    else {
        let _ = no_such_mailbox(out, tag, name);
        return None;
    };
    out.event(Event::Appended {
        account: login.to_owned(),
        mailbox: name.to_owned(),
        uid,
    });
    Some((
        Code::AppendUid { validity, uid },
        ImapNote::AppendUid {
            uid: uid.0,
            line_endings_fixed,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn star_crosses_levels_and_percent_does_not() {
        assert!(matches("*", "Work/2026"));
        assert!(matches("%", "Work"));
        assert!(!matches("%", "Work/2026"));
        assert!(matches("Work/%", "Work/2026"));
        assert!(matches("W*6", "Work/2026"));
        assert!(matches("inbox", "INBOX"));
        assert!(!matches("inbox", "Inbox2"));
    }
}

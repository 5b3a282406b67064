//! Mailbox commands (RFC 9051 §6.3): SELECT, EXAMINE, CREATE, DELETE, RENAME, SUBSCRIBE,
//! UNSUBSCRIBE, LIST, LSUB (IMAP4rev1), STATUS and APPEND.

use std::collections::BTreeSet;

use super::note::ImapNote;
use super::reply::{data, tagged, untagged, Code, Data, Status};
use super::response::MailboxAttribute;
use super::session::{ImapSession, State};
use super::types::{CommandName, StatusItem};
use super::view::View;
use crate::output::{Event, Output};
use crate::session::{Context, Session};
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

/// The system flags, in the order servers usually list them (RFC 9051 §2.3.2).
const SYSTEM_FLAGS: [Flag; 5] = [
    Flag::Answered,
    Flag::Flagged,
    Flag::Deleted,
    Flag::Seen,
    Flag::Draft,
];

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

impl ImapSession {
    fn login_name(&self) -> String {
        self.login().unwrap_or_default().to_owned()
    }

    fn no_such_mailbox(&self, tag: &str, name: &str, out: &mut Output) {
        tagged(
            out,
            tag,
            Status::No,
            Some(Code::NonExistent),
            "No such mailbox",
            ImapNote::NoSuchMailbox {
                name: name.to_owned(),
            },
        );
    }

    pub(super) fn select(
        &mut self,
        tag: &str,
        name: &str,
        read_only: bool,
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        let login = self.login_name();
        // Selecting, even a mailbox that does not exist, leaves the selected state first.
        self.state = State::Authenticated {
            login: login.clone(),
        };
        let command = if read_only {
            CommandName::Examine
        } else {
            CommandName::Select
        };
        let Some(view) = View::open(ctx.store, &login, name, read_only) else {
            return self.no_such_mailbox(tag, name, out);
        };
        let Some(mailbox) = ctx.store.mailbox(&login, name) else {
            return self.no_such_mailbox(tag, name, out);
        };
        let first_unseen = mailbox
            .messages
            .iter()
            .position(|m| !m.has(&Flag::Seen))
            .map(|i| i as u32 + 1);
        let uid_next = mailbox.uid_next.0;
        data(
            out,
            Data::Flags(SYSTEM_FLAGS.to_vec()),
            ImapNote::MailboxFlags,
        );
        let exists = view.exists();
        data(
            out,
            Data::Exists(exists),
            ImapNote::Exists { count: exists },
        );
        if !self.rev2 {
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
        let permanent = if read_only {
            Code::PermanentFlags {
                flags: Vec::new(),
                any_keyword: false,
            }
        } else {
            Code::PermanentFlags {
                flags: SYSTEM_FLAGS.to_vec(),
                any_keyword: true,
            }
        };
        untagged(
            out,
            Status::Ok,
            Some(permanent),
            "Flags that stick",
            ImapNote::PermanentFlags { read_only },
        );
        if self.rev2 {
            let attributes = self.attributes(ctx, &login, name);
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
        self.state = State::Selected { login, view };
    }

    pub(super) fn create(
        &mut self,
        tag: &str,
        name: &str,
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        let login = self.login_name();
        // A trailing delimiter says the name will hold sub-mailboxes (RFC 9051 §6.3.4).
        let name = name.trim_end_matches(DELIMITER);
        if name.is_empty() || name.split(DELIMITER).any(str::is_empty) {
            return tagged(
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
        if ctx.store.mailbox(&login, name).is_some() {
            return tagged(
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
        let mut path = String::new();
        for part in name.split(DELIMITER) {
            if !path.is_empty() {
                path.push(DELIMITER);
            }
            path.push_str(part);
            if ctx.store.create_mailbox(&login, &path, None) {
                out.event(Event::MailboxCreated {
                    account: login.clone(),
                    mailbox: path.clone(),
                });
            }
        }
        self.complete(tag, CommandName::Create, ctx, out, true);
    }

    pub(super) fn delete(
        &mut self,
        tag: &str,
        name: &str,
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        let login = self.login_name();
        if name == INBOX {
            return tagged(
                out,
                tag,
                Status::No,
                Some(Code::Cannot),
                "INBOX cannot be deleted",
                ImapNote::CannotDeleteInbox,
            );
        }
        if ctx.store.mailbox(&login, name).is_none() {
            return self.no_such_mailbox(tag, name, out);
        }
        let prefix = format!("{name}{DELIMITER}");
        let has_children = ctx
            .store
            .account(&login)
            .is_some_and(|a| a.mailboxes.keys().any(|k| k.starts_with(&prefix)));
        if has_children {
            return tagged(
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
        if self.selected() == Some(name) {
            self.state = State::Authenticated {
                login: login.clone(),
            };
        }
        ctx.store.delete_mailbox(&login, name);
        out.event(Event::MailboxDeleted {
            account: login,
            mailbox: name.to_owned(),
        });
        self.complete(tag, CommandName::Delete, ctx, out, true);
    }

    pub(super) fn rename(
        &mut self,
        tag: &str,
        from: &str,
        to: &str,
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        let login = self.login_name();
        if ctx.store.mailbox(&login, from).is_none() {
            return self.no_such_mailbox(tag, from, out);
        }
        if ctx.store.mailbox(&login, to).is_some() || to == INBOX {
            return tagged(
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
            ctx.store.create_mailbox(&login, to, None);
            let messages = ctx
                .store
                .mailbox(&login, INBOX)
                .map(|m| m.messages.clone())
                .unwrap_or_default();
            for m in messages {
                ctx.store.append(
                    &login,
                    to,
                    m.raw.0.clone(),
                    m.flags.clone(),
                    m.internal_date,
                );
                ctx.store.expunge(&login, INBOX, m.uid);
            }
        } else {
            let prefix = format!("{from}{DELIMITER}");
            let children: Vec<String> = ctx
                .store
                .account(&login)
                .map(|a| {
                    a.mailboxes
                        .keys()
                        .filter(|k| k.starts_with(&prefix))
                        .cloned()
                        .collect()
                })
                .unwrap_or_default();
            ctx.store.rename_mailbox(&login, from, to);
            for child in children {
                let renamed = format!("{to}{}", &child[from.len()..]);
                ctx.store.rename_mailbox(&login, &child, &renamed);
            }
            if self.selected() == Some(from) {
                if let State::Selected { view, .. } = &mut self.state {
                    view.mailbox = to.to_owned();
                }
            }
        }
        out.event(Event::MailboxRenamed {
            account: login,
            from: from.to_owned(),
            to: to.to_owned(),
        });
        self.complete(tag, CommandName::Rename, ctx, out, true);
    }

    pub(super) fn subscribe(
        &mut self,
        tag: &str,
        name: &str,
        on: bool,
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        let login = self.login_name();
        if !ctx.store.set_subscribed(&login, name, on) {
            return self.no_such_mailbox(tag, name, out);
        }
        let command = if on {
            CommandName::Subscribe
        } else {
            CommandName::Unsubscribe
        };
        self.complete(tag, command, ctx, out, true);
    }

    /// `\HasChildren`/`\HasNoChildren` (RFC 3348) and special use (RFC 6154).
    fn attributes(&self, ctx: &Context<'_>, login: &str, name: &str) -> Vec<MailboxAttribute> {
        let Some(account) = ctx.store.account(login) else {
            return Vec::new();
        };
        let prefix = format!("{name}{DELIMITER}");
        let mut attrs = vec![
            if account.mailboxes.keys().any(|k| k.starts_with(&prefix)) {
                MailboxAttribute::HasChildren
            } else {
                MailboxAttribute::HasNoChildren
            },
        ];
        if let Some(use_) = account.mailboxes.get(name).and_then(|m| m.special_use) {
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

    pub(super) fn list(
        &mut self,
        tag: &str,
        reference: &str,
        pattern: &str,
        lsub: bool,
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        let login = self.login_name();
        let command = if lsub {
            CommandName::Lsub
        } else {
            CommandName::List
        };
        if pattern.is_empty() && !lsub {
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
            return self.complete(tag, command, ctx, out, true);
        }
        let full = format!("{reference}{pattern}");
        let mut names: Vec<String> = ctx
            .store
            .account(&login)
            .map(|a| {
                a.mailboxes
                    .values()
                    .filter(|m| !lsub || m.subscribed)
                    .map(|m| m.name.clone())
                    .collect()
            })
            .unwrap_or_default();
        names.sort_by_key(|n| (n != INBOX, n.clone()));
        for name in names.into_iter().filter(|n| matches(&full, n)) {
            if lsub {
                let note = ImapNote::LsubLine { name: name.clone() };
                let lsub = Data::Lsub {
                    delimiter: DELIMITER,
                    name,
                };
                data(out, lsub, note);
            } else {
                let list = Data::List {
                    attributes: self.attributes(ctx, &login, &name),
                    delimiter: DELIMITER,
                    name: name.clone(),
                };
                data(out, list, ImapNote::ListLine { name });
            }
        }
        self.complete(tag, command, ctx, out, true);
    }

    pub(super) fn status(
        &mut self,
        tag: &str,
        name: &str,
        items: &[StatusItem],
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        let login = self.login_name();
        let Some(m) = ctx.store.mailbox(&login, name) else {
            return self.no_such_mailbox(tag, name, out);
        };
        let count = |flag: &Flag, set: bool| {
            m.messages.iter().filter(|x| x.has(flag) == set).count() as u64
        };
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
        self.complete(tag, CommandName::Status, ctx, out, true);
    }

    pub(super) fn append(
        &mut self,
        tag: &str,
        request: Append,
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        let login = self.login_name();
        let Append {
            mailbox,
            flags,
            date,
            message,
        } = request;
        let name = mailbox.as_str();
        let Some(validity) = ctx.store.mailbox(&login, name).map(|m| m.uid_validity) else {
            return tagged(
                out,
                tag,
                Status::No,
                Some(Code::TryCreate),
                "No such mailbox; CREATE it first",
                ImapNote::TryCreate {
                    name: name.to_owned(),
                },
            );
        };
        // RFC 9051 §4.3: a literal is CHAR8, any octet except NUL.
        if message.contains(&0) {
            return tagged(
                out,
                tag,
                Status::Bad,
                None,
                "Message contains NUL octets",
                ImapNote::NulInMessage,
            );
        }
        let line_endings_fixed = bare_line_endings(&message);
        let flags: BTreeSet<Flag> = flags.into_iter().collect();
        let Some(uid) = ctx
            .store
            .append(&login, name, message, flags, date.unwrap_or(ctx.now))
        else {
            return self.no_such_mailbox(tag, name, out);
        };
        out.event(Event::Appended {
            account: login,
            mailbox: name.to_owned(),
            uid,
        });
        self.updates(ctx.store, out, true);
        tagged(
            out,
            tag,
            Status::Ok,
            Some(Code::AppendUid { validity, uid }),
            "APPEND completed",
            ImapNote::AppendUid {
                uid: uid.0,
                line_endings_fixed,
            },
        );
    }
}

/// Flags as IMAP writes them, for events.
pub(super) fn flag_names(flags: &BTreeSet<Flag>) -> Vec<String> {
    flags.iter().map(|f| f.name().to_owned()).collect()
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

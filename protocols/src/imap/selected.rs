//! The selected state (RFC 9051 §3.3): a mailbox open in this session, seen through the
//! session's own [`View`], and the commands on its messages (§6.4): CLOSE, UNSELECT,
//! EXPUNGE, SEARCH, FETCH, STORE, COPY, MOVE and their UID forms.
//!
//! A [`Selected`] knows nothing of the session around it: the session hands it the
//! commands that need a mailbox, and takes it back when the mailbox is closed.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::mime::{Parsed, UnknownCte};
use super::msg_att::MsgAtt;
use super::note::ImapNote;
use super::reply::{data, respond, tagged, untagged, Code, Data, Response, Status};
use super::search::Candidate;
use super::types::{
    CommandName, FetchAttribute, SearchKey, SearchReturn, Section, SectionText, SequenceSet,
    StoreMode,
};
use super::view::{Update, View};
use crate::output::{Event, Output};
use crate::session::Context;
use crate::store::{Flag, Message, Store, Uid};

/// A STORE command's arguments (RFC 9051 §6.4.6).
pub struct FlagChange {
    pub uid: bool,
    pub set: SequenceSet,
    pub mode: StoreMode,
    pub silent: bool,
    pub flags: Vec<Flag>,
}

/// A COPY or MOVE command's arguments.
pub struct Transfer {
    pub uid: bool,
    pub set: SequenceSet,
    pub target: String,
    pub remove: bool,
}

/// The messages a set names, as (sequence number, UID) in ascending order. Sequence
/// numbers past EXISTS are an error; UIDs that do not exist are simply not there.
fn resolve(view: &View, saved: &[Uid], set: &SequenceSet, uid: bool) -> Option<Vec<(u32, Uid)>> {
    let numbered = view
        .uids
        .iter()
        .enumerate()
        .map(|(i, u)| (i as u32 + 1, *u));
    if set.is_saved() {
        return Some(numbered.filter(|(_, u)| saved.contains(u)).collect());
    }
    if uid {
        let max = view.max_uid();
        return Some(numbered.filter(|(_, u)| set.contains(u.0, max)).collect());
    }
    let exists = view.exists();
    if !set.within(exists) || exists == 0 {
        return None;
    }
    Some(
        numbered
            .filter(|(seq, _)| set.contains(*seq, exists))
            .collect(),
    )
}

/// A SEARCH command's arguments, and whether IMAP4rev2 is enabled.
pub struct Search {
    pub rev2: bool,
    pub uid: bool,
    pub charset: Option<String>,
    pub key: SearchKey,
    pub returns: Option<SearchReturn>,
}

/// A mailbox selected (or examined) in a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selected {
    view: View,
    /// The messages the last `SEARCH RETURN (SAVE)` found, for `$` (RFC 5182).
    #[serde(default)]
    saved: Vec<Uid>,
}

impl Selected {
    pub fn new(view: View) -> Selected {
        Selected {
            view,
            saved: Vec::new(),
        }
    }

    /// The mailbox's name.
    pub fn mailbox(&self) -> &str {
        &self.view.mailbox
    }

    /// The account whose mailbox it is.
    pub fn login(&self) -> &str {
        &self.view.login
    }

    /// RENAME of the selected mailbox: the view follows the new name.
    pub fn renamed(&mut self, to: &str) {
        self.view.mailbox = to.to_owned();
    }

    /// Whether another session changed the mailbox since this one last caught up.
    pub fn behind(&self, store: &Store) -> bool {
        self.view.behind(store)
    }

    /// Untagged EXISTS, EXPUNGE and FETCH (FLAGS) for what changed since this session last
    /// caught up (RFC 9051 §7.5.1 decides whether EXPUNGE may be sent now).
    pub fn updates(&mut self, store: &Store, out: &mut Output, expunge_allowed: bool) {
        for update in self.view.catch_up(store, expunge_allowed) {
            match update {
                Update::Exists(n) => data(out, Data::Exists(n), ImapNote::Exists { count: n }),
                Update::Expunge(seq) => data(out, Data::Expunge(seq), ImapNote::Expunge { seq }),
                Update::Flags { seq, uid, flags } => data(
                    out,
                    Data::Fetch {
                        seq,
                        items: vec![MsgAtt::Uid(uid), MsgAtt::Flags(flags)],
                    },
                    ImapNote::FlagsUpdate { seq },
                ),
            }
        }
    }

    /// Sends pending updates and the tagged OK.
    pub(super) fn complete(
        &mut self,
        tag: &str,
        name: CommandName,
        ctx: &mut Context<'_>,
        out: &mut Output,
        expunge_allowed: bool,
    ) {
        self.updates(ctx.store, out, expunge_allowed);
        completed(out, tag, name);
    }

    /// `* FLAGS` and the `PERMANENTFLAGS` that go with it, when the mailbox's flag list
    /// changed.
    fn flag_list(&self, out: &mut Output, flags: Vec<Flag>) {
        data(out, Data::Flags(flags.clone()), ImapNote::MailboxFlags);
        permanent_flags(out, flags, false);
    }

    fn invalid_sequence(&self, tag: &str, out: &mut Output) {
        let exists = self.view.exists();
        tagged(
            out,
            tag,
            Status::Bad,
            None,
            &format!("Invalid message number; the mailbox has {exists} messages"),
            ImapNote::InvalidSequence { exists },
        );
    }

    fn read_only(&self, tag: &str, out: &mut Output) {
        tagged(
            out,
            tag,
            Status::No,
            Some(Code::ReadOnly),
            "The mailbox is read-only (EXAMINE)",
            ImapNote::ReadOnly,
        );
    }

    /// Sets \\Seen on a message that lacks it; says whether it did.
    fn mark_seen(&mut self, ctx: &mut Context<'_>, uid: Uid, out: &mut Output) -> bool {
        let view = &self.view;
        let unseen = ctx
            .store
            .mailbox(&view.login, &view.mailbox)
            .and_then(|m| m.get(uid))
            .filter(|m| !m.has(&Flag::Seen))
            .map(|m| m.flags.clone());
        let Some(mut flags) = unseen else {
            return false;
        };
        flags.insert(Flag::Seen);
        self.set_flags(ctx, uid, flags, out);
        true
    }

    /// Changes a message's flags in the store and records that this session told them.
    fn set_flags(
        &mut self,
        ctx: &mut Context<'_>,
        uid: Uid,
        flags: BTreeSet<Flag>,
        out: &mut Output,
    ) {
        let view = &mut self.view;
        let (login, mailbox) = (view.login.clone(), view.mailbox.clone());
        view.told_flags(uid, flags.clone());
        if ctx.store.set_flags(&login, &mailbox, uid, flags.clone()) {
            out.event(Event::FlagsChanged {
                account: login,
                mailbox,
                uid,
                flags: Flag::names(&flags),
            });
        }
    }

    /// CLOSE (`expunge`) or UNSELECT: the mailbox is left, and the session goes back to
    /// the authenticated state.
    pub fn close(self, tag: &str, expunge: bool, ctx: &mut Context<'_>, out: &mut Output) {
        let view = self.view;
        let command = if expunge {
            CommandName::Close
        } else {
            CommandName::Unselect
        };
        let mut expunged = 0;
        if expunge && !view.read_only {
            // RFC 9051 §6.4.1: CLOSE removes \Deleted messages without EXPUNGE responses.
            let doomed: Vec<Uid> = ctx
                .store
                .mailbox(&view.login, &view.mailbox)
                .map(|m| {
                    m.messages
                        .iter()
                        .filter(|x| x.has(&Flag::Deleted))
                        .map(|x| x.uid)
                        .collect()
                })
                .unwrap_or_default();
            expunged = doomed.len();
            for uid in doomed {
                ctx.store.expunge(&view.login, &view.mailbox, uid);
                out.event(Event::Expunged {
                    account: view.login.clone(),
                    mailbox: view.mailbox.clone(),
                    uid,
                });
            }
        }
        let note = if expunge {
            ImapNote::ClosedQuietly { expunged }
        } else {
            ImapNote::Completed(command)
        };
        let text = format!("{} completed", command.word());
        tagged(out, tag, Status::Ok, None, &text, note);
    }

    pub fn expunge(
        &mut self,
        tag: &str,
        uids: Option<SequenceSet>,
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        let view = self.view.clone();
        if view.read_only {
            return self.read_only(tag, out);
        }
        let max = view.max_uid();
        let doomed: Vec<Uid> = view
            .uids
            .iter()
            .filter(|u| uids.as_ref().is_none_or(|set| set.contains(u.0, max)))
            .filter(|u| {
                ctx.store
                    .mailbox(&view.login, &view.mailbox)
                    .and_then(|m| m.get(**u))
                    .is_some_and(|m| m.has(&Flag::Deleted))
            })
            .copied()
            .collect();
        for uid in doomed {
            ctx.store.expunge(&view.login, &view.mailbox, uid);
            out.event(Event::Expunged {
                account: view.login.clone(),
                mailbox: view.mailbox.clone(),
                uid,
            });
        }
        self.complete(tag, CommandName::Expunge, ctx, out, true);
    }

    /// SEARCH (RFC 9051 §6.4.4): plain, or with RETURN options, whose answer is ESEARCH
    /// (RFC 4731), as every SEARCH's is once IMAP4rev2 is enabled.
    pub fn search(&mut self, tag: &str, request: Search, ctx: &mut Context<'_>, out: &mut Output) {
        let Search {
            rev2,
            uid,
            charset,
            key,
            returns,
        } = request;
        if let Some(c) = charset
            .filter(|c| !c.eq_ignore_ascii_case("UTF-8") && !c.eq_ignore_ascii_case("US-ASCII"))
        {
            return tagged(
                out,
                tag,
                Status::No,
                Some(Code::BadCharset(vec!["UTF-8", "US-ASCII"])),
                "Unsupported charset",
                ImapNote::BadCharset { charset: c },
            );
        }
        let view = &self.view;
        let Some(mailbox) = ctx.store.mailbox(&view.login, &view.mailbox) else {
            return;
        };
        let (max_seq, max_uid) = (view.exists(), view.max_uid());
        let matched: Vec<(u32, Uid)> = view
            .uids
            .iter()
            .enumerate()
            .filter_map(|(i, u)| {
                let message = mailbox.get(*u)?;
                let c = Candidate {
                    seq: i as u32 + 1,
                    message,
                    max_seq,
                    max_uid,
                    saved: &self.saved,
                };
                c.matches(&key).then_some((i as u32 + 1, *u))
            })
            .collect();
        let found: Vec<u32> = matched
            .iter()
            .map(|(seq, u)| if uid { u.0 } else { *seq })
            .collect();
        let count = found.len();
        let returns = returns.or_else(|| {
            rev2.then_some(SearchReturn {
                all: true,
                ..SearchReturn::default()
            })
        });
        if let Some(r) = returns {
            if r.save {
                // RFC 5182 §2.1: the result is kept for `$`, as messages, so it still
                // names them after numbers shift.
                self.saved = matched.iter().map(|(_, u)| *u).collect();
            }
            // SAVE alone asks for no answer (RFC 5182 §2.1).
            if r.min || r.max || r.all || r.count {
                let esearch = Data::Esearch {
                    tag: tag.to_owned(),
                    uid,
                    min: found.first().copied().filter(|_| r.min),
                    max: found.last().copied().filter(|_| r.max),
                    count: r.count.then_some(count),
                    all: (r.all && !found.is_empty()).then(|| found.clone()),
                };
                data(out, esearch, ImapNote::EsearchResult { count, uid });
            }
        } else {
            data(
                out,
                Data::Search(found),
                ImapNote::SearchResult { count, uid },
            );
        }
        self.complete(tag, CommandName::Search, ctx, out, uid);
    }

    pub fn fetch(
        &mut self,
        tag: &str,
        uid: bool,
        set: &SequenceSet,
        attributes: &[FetchAttribute],
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        let Some(targets) = resolve(&self.view, &self.saved, set, uid) else {
            return self.invalid_sequence(tag, out);
        };
        let (login, mailbox, read_only) = (
            self.view.login.clone(),
            self.view.mailbox.clone(),
            self.view.read_only,
        );
        let mut attributes = attributes.to_vec();
        if uid && !attributes.contains(&FetchAttribute::Uid) {
            attributes.insert(0, FetchAttribute::Uid);
        }
        // RFC 9051 §6.4.5: reading the body without .PEEK sets \Seen.
        let sets_seen = attributes.iter().any(|a| {
            matches!(
                a,
                FetchAttribute::Rfc822
                    | FetchAttribute::Rfc822Text
                    | FetchAttribute::BodySection { peek: false, .. }
                    | FetchAttribute::Binary { peek: false, .. }
            )
        });
        // RFC 3516 §4.3: a part whose encoding cannot be undone fails the whole command,
        // before anything is sent or marked \Seen. Only BINARY asks, so only it parses.
        let binary: Vec<&[u32]> = attributes
            .iter()
            .filter_map(|a| match a {
                FetchAttribute::Binary { part, .. } | FetchAttribute::BinarySize { part } => {
                    Some(part.as_slice())
                }
                _ => None,
            })
            .collect();
        let undecodable = !binary.is_empty()
            && targets.iter().any(|(_, u)| {
                let Some(m) = ctx.store.mailbox(&login, &mailbox).and_then(|m| m.get(*u)) else {
                    return false;
                };
                let parsed = Parsed::new(&m.raw.0);
                binary
                    .iter()
                    .any(|part| matches!(parsed.binary(part), Some(Err(UnknownCte))))
            });
        if undecodable {
            return tagged(
                out,
                tag,
                Status::No,
                Some(Code::UnknownCte),
                "Cannot undo this part's content transfer encoding",
                ImapNote::UnknownCte,
            );
        }
        for (seq, u) in targets {
            let flags_changed = sets_seen && !read_only && self.mark_seen(ctx, u, out);
            let Some(message) = ctx.store.mailbox(&login, &mailbox).and_then(|m| m.get(u)) else {
                continue;
            };
            let add_flags = flags_changed && !attributes.contains(&FetchAttribute::Flags);
            let items = attributes
                .iter()
                .chain(add_flags.then_some(&FetchAttribute::Flags))
                .map(|a| fetch_item(a, message))
                .collect();
            let envelope = attributes.contains(&FetchAttribute::Envelope);
            data(
                out,
                Data::Fetch { seq, items },
                ImapNote::FetchData { seq, envelope },
            );
        }
        self.complete(tag, CommandName::Fetch, ctx, out, uid);
    }

    pub fn store(
        &mut self,
        tag: &str,
        change: FlagChange,
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        let view = self.view.clone();
        if view.read_only {
            return self.read_only(tag, out);
        }
        let FlagChange {
            uid,
            set,
            mode,
            silent,
            flags,
        } = change;
        let Some(targets) = resolve(&view, &self.saved, &set, uid) else {
            return self.invalid_sequence(tag, out);
        };
        let given: BTreeSet<Flag> = flags.into_iter().collect();
        // RFC 9051 §7.3.5: a keyword new to the mailbox changes its flag list, and the
        // client hears the new list before the messages' flags.
        if mode != StoreMode::Remove && !targets.is_empty() {
            let learned = ctx
                .store
                .accounts
                .get_mut(&view.login)
                .and_then(|a| a.mailboxes.get_mut(&view.mailbox))
                .and_then(|m| m.learn_keywords(&given).then(|| m.flag_list()));
            if let Some(flags) = learned {
                self.flag_list(out, flags);
            }
        }
        for (seq, u) in targets {
            let Some(current) = ctx
                .store
                .mailbox(&view.login, &view.mailbox)
                .and_then(|m| m.get(u))
                .map(|m| m.flags.clone())
            else {
                continue;
            };
            let new: BTreeSet<Flag> = match mode {
                StoreMode::Replace => given.clone(),
                StoreMode::Add => current.union(&given).cloned().collect(),
                StoreMode::Remove => current.difference(&given).cloned().collect(),
            };
            self.set_flags(ctx, u, new.clone(), out);
            if !silent {
                let items = if uid {
                    vec![MsgAtt::Uid(u), MsgAtt::Flags(new)]
                } else {
                    vec![MsgAtt::Flags(new)]
                };
                data(
                    out,
                    Data::Fetch { seq, items },
                    ImapNote::FlagsUpdate { seq },
                );
            }
        }
        self.complete(tag, CommandName::Store, ctx, out, uid);
    }

    /// COPY, or MOVE when `remove` is set (RFC 9051 §6.4.7, §6.4.8; RFC 6851).
    pub fn transfer(
        &mut self,
        tag: &str,
        transfer: Transfer,
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        let view = self.view.clone();
        let Transfer {
            uid,
            set,
            target,
            remove,
        } = transfer;
        let (set, target) = (&set, target.as_str());
        let command = if remove {
            CommandName::Move
        } else {
            CommandName::Copy
        };
        let Some(validity) = ctx
            .store
            .mailbox(&view.login, target)
            .map(|m| m.uid_validity)
        else {
            return try_create(out, tag, target);
        };
        if remove && view.read_only {
            return self.read_only(tag, out);
        }
        if remove && target == view.mailbox {
            return tagged(
                out,
                tag,
                Status::No,
                Some(Code::Cannot),
                "Cannot move a message to the mailbox it is in",
                ImapNote::SameMailbox,
            );
        }
        let Some(targets) = resolve(&view, &self.saved, set, uid) else {
            return self.invalid_sequence(tag, out);
        };
        let originals: Vec<Message> = targets
            .iter()
            .filter_map(|(_, u)| {
                ctx.store
                    .mailbox(&view.login, &view.mailbox)
                    .and_then(|m| m.get(*u))
                    .cloned()
            })
            .collect();
        let mut source_uids = Vec::new();
        let mut target_uids = Vec::new();
        for m in &originals {
            if let Some(new_uid) = ctx.store.append(
                &view.login,
                target,
                m.raw.0.to_vec(),
                m.flags.clone(),
                m.internal_date,
            ) {
                source_uids.push(m.uid.0);
                target_uids.push(new_uid.0);
            }
        }
        if !originals.is_empty() {
            out.event(Event::Copied {
                account: view.login.clone(),
                from: view.mailbox.clone(),
                to: target.to_owned(),
                count: originals.len(),
            });
        }
        let copyuid = (!source_uids.is_empty()).then_some(Code::CopyUid {
            validity,
            from: source_uids,
            to: target_uids,
        });
        if remove {
            // RFC 6851 §4.3: COPYUID comes in an untagged OK before the EXPUNGE responses.
            if let Some(code) = copyuid {
                untagged(out, Status::Ok, Some(code), "Moved", ImapNote::MovedCopyUid);
            }
            for m in &originals {
                ctx.store.expunge(&view.login, &view.mailbox, m.uid);
                out.event(Event::Expunged {
                    account: view.login.clone(),
                    mailbox: view.mailbox.clone(),
                    uid: m.uid,
                });
            }
            return self.complete(tag, command, ctx, out, true);
        }
        self.updates(ctx.store, out, uid);
        tagged(
            out,
            tag,
            Status::Ok,
            copyuid,
            "COPY completed",
            ImapNote::CopyUid,
        );
    }
}

/// `tag NO [TRYCREATE]`: COPY, MOVE or APPEND named a mailbox that does not exist, and the
/// client may CREATE it and try again (RFC 9051 §7.1).
pub(super) fn try_create(out: &mut Output, tag: &str, name: &str) {
    tagged(
        out,
        tag,
        Status::No,
        Some(Code::TryCreate),
        "No such mailbox; CREATE it first",
        ImapNote::TryCreate {
            name: name.to_owned(),
        },
    );
}

/// `* OK [PERMANENTFLAGS …]`: the flags a client may set and keep, and `\*` for new
/// keywords; none at all in a read-only mailbox (RFC 9051 §7.1).
pub(super) fn permanent_flags(out: &mut Output, flags: Vec<Flag>, read_only: bool) {
    let permanent = Code::PermanentFlags {
        flags: if read_only { Vec::new() } else { flags },
        any_keyword: !read_only,
    };
    untagged(
        out,
        Status::Ok,
        Some(permanent),
        "Flags that stick",
        ImapNote::PermanentFlags { read_only },
    );
}

/// `tag OK <command> completed`
pub fn completed(out: &mut Output, tag: &str, name: CommandName) {
    let text = format!("{} completed", name.word());
    let response = Response::tagged(tag, Status::Ok, None, text);
    respond(out, &response, ImapNote::Completed(name));
}

/// One item of a FETCH response (RFC 9051 §7.5.2).
fn fetch_item(item: &FetchAttribute, m: &Message) -> MsgAtt {
    let raw = &m.raw.0;
    let whole = |text| Section {
        part: vec![],
        text: Some(text),
    };
    match item {
        FetchAttribute::Uid => MsgAtt::Uid(m.uid),
        FetchAttribute::Flags => MsgAtt::Flags(m.flags.clone()),
        FetchAttribute::InternalDate => MsgAtt::InternalDate(m.internal_date),
        FetchAttribute::Rfc822Size => MsgAtt::Rfc822Size(m.size()),
        FetchAttribute::Envelope => MsgAtt::Envelope(Parsed::new(raw).envelope()),
        FetchAttribute::Body => MsgAtt::Body(Parsed::new(raw).body_structure(false)),
        FetchAttribute::BodyStructure => {
            MsgAtt::BodyStructure(Parsed::new(raw).body_structure(true))
        }
        FetchAttribute::Rfc822 => MsgAtt::Rfc822(raw.to_vec()),
        FetchAttribute::Rfc822Header => MsgAtt::Rfc822Header(
            Parsed::new(raw)
                .section(&whole(SectionText::Header))
                .unwrap_or_default(),
        ),
        FetchAttribute::Rfc822Text => MsgAtt::Rfc822Text(
            Parsed::new(raw)
                .section(&whole(SectionText::Text))
                .unwrap_or_default(),
        ),
        FetchAttribute::BodySection {
            section, partial, ..
        } => {
            let data = Parsed::new(raw).section(section);
            let data = match (data, partial) {
                (Some(d), Some((origin, len))) => Some(slice(&d, *origin, *len)),
                (d, _) => d,
            };
            MsgAtt::BodySection {
                section: section.clone(),
                origin: partial.map(|(origin, _)| origin),
                data,
            }
        }
        FetchAttribute::Binary { part, partial, .. } => {
            let data = Parsed::new(raw).binary(part).and_then(Result::ok);
            MsgAtt::Binary {
                part: part.clone(),
                origin: partial.map(|(origin, _)| origin),
                data: data.map(|d| match partial {
                    Some((origin, len)) => slice(&d, *origin, *len),
                    None => d,
                }),
            }
        }
        FetchAttribute::BinarySize { part } => MsgAtt::BinarySize {
            part: part.clone(),
            size: Parsed::new(raw)
                .binary(part)
                .and_then(Result::ok)
                .map_or(0, |d| d.len()),
        },
    }
}

/// `<origin.length>` of some octets (RFC 9051 §6.4.5): what there is of that range.
fn slice(data: &[u8], origin: u32, len: u32) -> Vec<u8> {
    let start = (origin as usize).min(data.len());
    let end = start.saturating_add(len as usize).min(data.len());
    data[start..end].to_vec()
}

//! Commands on the messages of the selected mailbox (RFC 9051 §6.4): CLOSE, UNSELECT,
//! EXPUNGE, SEARCH, FETCH, STORE, COPY, MOVE and their UID forms.

use std::collections::BTreeSet;

use super::mailboxes::flag_names;
use super::mime::Parsed;
use super::msg_att::MsgAtt;
use super::note::ImapNote;
use super::reply::{data, tagged, untagged, Code, Data, Status};
use super::search::Candidate;
use super::session::{ImapSession, State};
use super::types::{
    CommandName, FetchAttribute, SearchKey, Section, SectionText, SequenceSet, StoreMode,
};
use super::view::View;
use crate::output::{Event, Output};
use crate::session::Context;
use crate::store::{Flag, Message, Uid};

/// A STORE command's arguments (RFC 9051 §6.4.6).
pub(super) struct FlagChange {
    pub uid: bool,
    pub set: SequenceSet,
    pub mode: StoreMode,
    pub silent: bool,
    pub flags: Vec<Flag>,
}

/// A COPY or MOVE command's arguments.
pub(super) struct Transfer {
    pub uid: bool,
    pub set: SequenceSet,
    pub target: String,
    pub remove: bool,
}

/// The messages a set names, as (sequence number, UID) in ascending order. Sequence
/// numbers past EXISTS are an error; UIDs that do not exist are simply not there.
fn resolve(view: &View, set: &SequenceSet, uid: bool) -> Option<Vec<(u32, Uid)>> {
    let numbered = view
        .uids
        .iter()
        .enumerate()
        .map(|(i, u)| (i as u32 + 1, *u));
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

impl ImapSession {
    fn view(&self) -> Option<&View> {
        match &self.state {
            State::Selected { view, .. } => Some(view),
            _ => None,
        }
    }

    fn view_mut(&mut self) -> Option<&mut View> {
        match &mut self.state {
            State::Selected { view, .. } => Some(view),
            _ => None,
        }
    }

    fn invalid_sequence(&self, tag: &str, out: &mut Output) {
        let exists = self.view().map_or(0, View::exists);
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

    /// Changes a message's flags in the store and records that this session told them.
    fn set_flags(
        &mut self,
        ctx: &mut Context<'_>,
        uid: Uid,
        flags: BTreeSet<Flag>,
        out: &mut Output,
    ) {
        let Some(view) = self.view_mut() else { return };
        let (login, mailbox) = (view.login.clone(), view.mailbox.clone());
        view.told_flags(uid, flags.clone());
        if ctx.store.set_flags(&login, &mailbox, uid, flags.clone()) {
            out.event(Event::FlagsChanged {
                account: login,
                mailbox,
                uid,
                flags: flag_names(&flags),
            });
        }
    }

    pub(super) fn close(
        &mut self,
        tag: &str,
        expunge: bool,
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        let Some(view) = self.view().cloned() else {
            return;
        };
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
        self.state = State::Authenticated { login: view.login };
        let note = if expunge {
            ImapNote::ClosedQuietly { expunged }
        } else {
            ImapNote::Completed(command)
        };
        let text = format!("{} completed", command.word());
        tagged(out, tag, Status::Ok, None, &text, note);
    }

    pub(super) fn expunge(
        &mut self,
        tag: &str,
        uids: Option<SequenceSet>,
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        let Some(view) = self.view().cloned() else {
            return;
        };
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

    pub(super) fn search(
        &mut self,
        tag: &str,
        uid: bool,
        charset: Option<String>,
        key: SearchKey,
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
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
        let Some(view) = self.view() else { return };
        let Some(mailbox) = ctx.store.mailbox(&view.login, &view.mailbox) else {
            return;
        };
        let (max_seq, max_uid) = (view.exists(), view.max_uid());
        let found: Vec<u32> = view
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
                };
                c.matches(&key)
                    .then_some(if uid { u.0 } else { i as u32 + 1 })
            })
            .collect();
        let count = found.len();
        if self.rev2 {
            let esearch = Data::Esearch {
                tag: tag.to_owned(),
                uid,
                all: found,
            };
            data(out, esearch, ImapNote::EsearchResult { count, uid });
        } else {
            data(
                out,
                Data::Search(found),
                ImapNote::SearchResult { count, uid },
            );
        }
        self.complete(tag, CommandName::Search, ctx, out, uid);
    }

    pub(super) fn fetch(
        &mut self,
        tag: &str,
        uid: bool,
        set: &SequenceSet,
        attributes: &[FetchAttribute],
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        let Some(view) = self.view().cloned() else {
            return;
        };
        let Some(targets) = resolve(&view, set, uid) else {
            return self.invalid_sequence(tag, out);
        };
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
            )
        });
        for (seq, u) in targets {
            let Some(message) = ctx
                .store
                .mailbox(&view.login, &view.mailbox)
                .and_then(|m| m.get(u))
                .cloned()
            else {
                continue;
            };
            let mut message = message;
            let mut flags_changed = false;
            if sets_seen && !view.read_only && !message.has(&Flag::Seen) {
                message.flags.insert(Flag::Seen);
                self.set_flags(ctx, u, message.flags.clone(), out);
                flags_changed = true;
            }
            let mut items = attributes.clone();
            if flags_changed && !items.contains(&FetchAttribute::Flags) {
                items.push(FetchAttribute::Flags);
            }
            let items = items.iter().map(|a| fetch_item(a, &message)).collect();
            data(out, Data::Fetch { seq, items }, ImapNote::FetchData { seq });
        }
        self.complete(tag, CommandName::Fetch, ctx, out, uid);
    }

    pub(super) fn store(
        &mut self,
        tag: &str,
        change: FlagChange,
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        let Some(view) = self.view().cloned() else {
            return;
        };
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
        let Some(targets) = resolve(&view, &set, uid) else {
            return self.invalid_sequence(tag, out);
        };
        let given: BTreeSet<Flag> = flags.into_iter().collect();
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
    pub(super) fn transfer(
        &mut self,
        tag: &str,
        transfer: Transfer,
        ctx: &mut Context<'_>,
        out: &mut Output,
    ) {
        let Some(view) = self.view().cloned() else {
            return;
        };
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
            return tagged(
                out,
                tag,
                Status::No,
                Some(Code::TryCreate),
                "No such mailbox; CREATE it first",
                ImapNote::TryCreate {
                    name: target.to_owned(),
                },
            );
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
        let Some(targets) = resolve(&view, set, uid) else {
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
                m.raw.0.clone(),
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
        FetchAttribute::Rfc822 => MsgAtt::Rfc822(raw.clone()),
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
                (Some(d), Some((origin, len))) => {
                    let start = (*origin as usize).min(d.len());
                    let end = start.saturating_add(*len as usize).min(d.len());
                    Some(d[start..end].to_vec())
                }
                (d, _) => d,
            };
            MsgAtt::BodySection {
                section: section.clone(),
                origin: partial.map(|(origin, _)| origin),
                data,
            }
        }
    }
}

//! A session's own view of its selected mailbox, and how it catches up with the store.
//!
//! Several devices look at one mailbox. Each IMAP session numbers messages in its own view
//! (sequence number → UID) and remembers the flags it has told its client about. When it
//! may speak, it reads the store's change journal from where it left off and tells its
//! client what changed: `* n EXISTS` for new mail, `* n FETCH (FLAGS …)` for flags changed
//! elsewhere, `* n EXPUNGE` for removals.
//!
//! RFC 9051 §7.5.1: EXPUNGE must not be sent while no command is in progress, nor during
//! FETCH, STORE or SEARCH, because the client would misnumber messages. When an expunge
//! may not be told yet, the view stops there; later changes wait until it may.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::store::{ChangeKind, Flag, Store, Uid};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct View {
    pub login: String,
    pub mailbox: String,
    pub uid_validity: u32,
    pub read_only: bool,
    /// UIDs in sequence-number order: `uids[0]` is message 1.
    pub uids: Vec<Uid>,
    /// The flags this session's client was last told, per UID. Shared with the copies the
    /// page keeps of the world (one per step, for Undo) until this session changes it: a
    /// selected mailbox of 10,000 messages is not copied at every command.
    pub flags: Arc<BTreeMap<Uid, BTreeSet<Flag>>>,
    /// The journal position this view has caught up to.
    pub modseq: u64,
}

/// One untagged update to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Update {
    Exists(u32),
    Expunge(u32),
    Flags {
        seq: u32,
        uid: Uid,
        flags: BTreeSet<Flag>,
    },
}

impl View {
    /// The view of a mailbox as it is now, or None if it does not exist.
    pub fn open(store: &Store, login: &str, mailbox: &str, read_only: bool) -> Option<View> {
        let m = store.mailbox(login, mailbox)?;
        Some(View {
            login: login.to_owned(),
            mailbox: mailbox.to_owned(),
            uid_validity: m.uid_validity,
            read_only,
            uids: m.messages.iter().map(|msg| msg.uid).collect(),
            flags: Arc::new(
                m.messages
                    .iter()
                    .map(|msg| (msg.uid, msg.flags.clone()))
                    .collect(),
            ),
            modseq: store.modseq,
        })
    }

    pub fn exists(&self) -> u32 {
        self.uids.len() as u32
    }

    /// The sequence number of a UID in this view.
    pub fn seq_of(&self, uid: Uid) -> Option<u32> {
        self.uids.binary_search(&uid).ok().map(|i| i as u32 + 1)
    }

    /// The largest UID in the view, for `*` in UID sets.
    pub fn max_uid(&self) -> u32 {
        self.uids.last().map_or(0, |u| u.0)
    }

    /// Records flags this session itself just told its client, so the journal entry for
    /// the same change is not announced a second time.
    pub fn told_flags(&mut self, uid: Uid, flags: BTreeSet<Flag>) {
        Arc::make_mut(&mut self.flags).insert(uid, flags);
    }

    /// Reads the journal from where the view left off and returns the updates to send.
    pub fn catch_up(&mut self, store: &Store, expunge_allowed: bool) -> Vec<Update> {
        let mut updates = Vec::new();
        let mut flag_changes: BTreeMap<Uid, BTreeSet<Flag>> = BTreeMap::new();
        let mut grew = false;
        let start = store.journal.partition_point(|c| c.modseq <= self.modseq);
        for change in &store.journal[start..] {
            if change.account != self.login || change.mailbox != self.mailbox {
                self.modseq = change.modseq;
                continue;
            }
            match &change.kind {
                ChangeKind::Appended { uid } => {
                    if self.uids.last().is_none_or(|last| uid > last) {
                        self.uids.push(*uid);
                        let flags = store
                            .mailbox(&self.login, &self.mailbox)
                            .and_then(|m| m.get(*uid))
                            .map(|m| m.flags.clone())
                            .unwrap_or_default();
                        Arc::make_mut(&mut self.flags).insert(*uid, flags);
                        grew = true;
                    }
                }
                ChangeKind::FlagsSet { uid, flags } => {
                    if self.seq_of(*uid).is_some() {
                        flag_changes.insert(*uid, flags.clone());
                    }
                }
                ChangeKind::Expunged { uid } => {
                    let Some(seq) = self.seq_of(*uid) else {
                        self.modseq = change.modseq;
                        continue;
                    };
                    if !expunge_allowed {
                        break;
                    }
                    // Announce growth first, so every number the client hears is valid.
                    if std::mem::take(&mut grew) {
                        updates.push(Update::Exists(self.exists()));
                    }
                    self.uids.remove(seq as usize - 1);
                    Arc::make_mut(&mut self.flags).remove(uid);
                    flag_changes.remove(uid);
                    updates.push(Update::Expunge(seq));
                }
            }
            self.modseq = change.modseq;
        }
        if grew {
            updates.push(Update::Exists(self.exists()));
        }
        for (uid, flags) in flag_changes {
            if self.flags.get(&uid) != Some(&flags) {
                if let Some(seq) = self.seq_of(uid) {
                    Arc::make_mut(&mut self.flags).insert(uid, flags.clone());
                    updates.push(Update::Flags { seq, uid, flags });
                }
            }
        }
        updates
    }

    /// Whether the journal holds changes this view has not told yet.
    pub fn behind(&self, store: &Store) -> bool {
        let start = store.journal.partition_point(|c| c.modseq <= self.modseq);
        store.journal[start..]
            .iter()
            .any(|c| c.account == self.login && c.mailbox == self.mailbox)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Preset, INBOX};
    use crate::time::Timestamp;

    fn demo() -> Store {
        Preset::builtin("demo")
            .and_then(|p| p.build())
            .expect("demo")
    }

    #[test]
    fn new_mail_is_announced_with_exists() {
        let mut store = demo();
        let mut view = View::open(&store, "bob", INBOX, false).expect("inbox");
        store.append(
            "bob",
            INBOX,
            b"Subject: hi\r\n\r\nhi\r\n".to_vec(),
            BTreeSet::new(),
            Timestamp(0),
        );
        assert_eq!(view.catch_up(&store, false), [Update::Exists(6)]);
        assert_eq!(view.catch_up(&store, false), [], "told once");
    }

    #[test]
    fn flags_changed_elsewhere_are_fetched_once_and_own_changes_not_at_all() {
        let mut store = demo();
        let mut phone = View::open(&store, "bob", INBOX, false).expect("inbox");
        let mut tablet = View::open(&store, "bob", INBOX, false).expect("inbox");
        let flagged = BTreeSet::from([Flag::Flagged]);
        store.set_flags("bob", INBOX, Uid(3), flagged.clone());
        phone.told_flags(Uid(3), flagged.clone());
        assert_eq!(phone.catch_up(&store, true), []);
        assert_eq!(
            tablet.catch_up(&store, false),
            [Update::Flags {
                seq: 3,
                uid: Uid(3),
                flags: flagged
            }]
        );
    }

    #[test]
    fn expunges_wait_until_allowed_and_renumber() {
        let mut store = demo();
        let mut view = View::open(&store, "bob", INBOX, false).expect("inbox");
        store.expunge("bob", INBOX, Uid(2));
        store.expunge("bob", INBOX, Uid(3));
        store.append("bob", INBOX, b"x".to_vec(), BTreeSet::new(), Timestamp(0));
        assert_eq!(
            view.catch_up(&store, false),
            [],
            "during FETCH, nothing past the expunge"
        );
        assert_eq!(view.exists(), 5);
        assert_eq!(
            view.catch_up(&store, true),
            [Update::Expunge(2), Update::Expunge(2), Update::Exists(4)]
        );
        assert_eq!(view.uids, [Uid(1), Uid(4), Uid(5), Uid(6)]);
    }

    #[test]
    fn changes_to_other_mailboxes_and_accounts_are_skipped() {
        let mut store = demo();
        let mut view = View::open(&store, "bob", INBOX, false).expect("inbox");
        store.append("alice", INBOX, b"x".to_vec(), BTreeSet::new(), Timestamp(0));
        store.append("bob", "Sent", b"x".to_vec(), BTreeSet::new(), Timestamp(0));
        assert!(!view.behind(&store));
        assert_eq!(view.catch_up(&store, true), []);
    }
}

//! The one store every protocol shares: servers, accounts, mailboxes and messages.
//!
//! Mail accepted by SMTP for bob is in his INBOX for IMAP and in his maildrop for POP3,
//! because all three read and write this same structure.

mod address;
mod diff;
mod flag;
pub mod import;
mod journal;
mod mailbox;
mod message;
mod preset;
mod summary;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

pub use address::{Address, MAX_DOMAIN, MAX_LOCAL_PART};
pub use diff::{changes, StoreChange};
pub use flag::Flag;
pub use journal::{Change, ChangeKind};
pub use mailbox::{Mailbox, Messages, SpecialUse};
pub use message::{bare_line_endings, crlf, Message, Raw, Uid};
pub use preset::{AccountSpec, MessageSource, Preset, PresetError};
pub use summary::Summary;

use crate::time::Timestamp;

/// The mailbox every account has, whose name is case-insensitive (RFC 9051 §5.1).
pub const INBOX: &str = "INBOX";

/// A mail server of the simulated world and the domains it receives mail for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Server {
    /// The server's name (`mail.example.test`).
    pub hostname: String,
    /// The domains whose mail it receives.
    pub domains: Vec<String>,
}

/// A person's account on a server: how they log in, and their mailboxes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Account {
    /// The user name typed at login (`USER bob`, `a1 LOGIN bob builder`).
    pub login: String,
    /// The password.
    pub password: String,
    /// The account's address.
    pub address: Address,
    /// The person's name, for `From:` headers written by simulated devices.
    pub display_name: String,
    /// Keyed by name; INBOX always exists.
    pub mailboxes: BTreeMap<String, Mailbox>,
    /// The names this user subscribed to (RFC 9051 §6.3.7). A name, not a mailbox: it stays
    /// when its mailbox is deleted, and a server must not remove it on its own.
    #[serde(default)]
    pub subscriptions: BTreeSet<String>,
}

impl Account {
    /// The account's INBOX.
    pub fn inbox(&self) -> Option<&Mailbox> {
        self.mailboxes.get(INBOX)
    }
}

/// Every server, account and mailbox of a world, and its modification journal.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Store {
    /// The world's mail servers.
    pub servers: Vec<Server>,
    /// Keyed by login.
    pub accounts: BTreeMap<String, Account>,
    /// The highest modification sequence handed out so far.
    pub modseq: u64,
    /// Every change, in order, for clients catching up.
    pub journal: Vec<Change>,
    /// Logins whose POP3 maildrop is held by a session (RFC 1939 §8).
    pub locks: BTreeSet<String>,
    next_uid_validity: u32,
    next_queue_id: u32,
}

impl Store {
    /// A server by name, without regard to case.
    pub fn server(&self, hostname: &str) -> Option<&Server> {
        self.servers
            .iter()
            .find(|s| s.hostname.eq_ignore_ascii_case(hostname))
    }

    /// The server that receives mail for a domain, as an MX record would say.
    pub fn server_for_domain(&self, domain: &str) -> Option<&Server> {
        self.servers
            .iter()
            .find(|s| s.domains.iter().any(|d| d.eq_ignore_ascii_case(domain)))
    }

    /// The part of the store one person may see: every server, their own account and lock.
    /// In class mode each student's page holds only this, so no classmate's mail ever
    /// reaches another student's browser. A view is shown, never played on, so it carries
    /// no journal of changes (the class's grows all lesson long).
    pub fn view_of(&self, login: &str) -> Store {
        Store {
            servers: self.servers.clone(),
            accounts: self
                .accounts
                .get(login)
                .map(|a| (a.login.clone(), a.clone()))
                .into_iter()
                .collect(),
            modseq: self.modseq,
            journal: Vec::new(),
            locks: self.locks.iter().filter(|l| *l == login).cloned().collect(),
            next_uid_validity: self.next_uid_validity,
            next_queue_id: self.next_queue_id,
        }
    }

    /// An account by login.
    pub fn account(&self, login: &str) -> Option<&Account> {
        self.accounts.get(login)
    }

    /// The account whose address this is, if it lives in this world.
    pub fn account_by_address(&self, address: &Address) -> Option<&Account> {
        self.accounts
            .values()
            .find(|a| a.address.same_mailbox(address))
    }

    /// The account a user name and password open: the login (`bob`) or the full address
    /// (`bob@example.test`) are both accepted, as real servers commonly do. With a hostname,
    /// only accounts of that server's domains log in there; without, any account does (the
    /// native server's single loopback port serves the whole world).
    pub fn authenticate(
        &self,
        hostname: Option<&str>,
        user: &str,
        password: &str,
    ) -> Option<&Account> {
        let account = self
            .accounts
            .get(user)
            .or_else(|| Address::parse(user).and_then(|a| self.account_by_address(&a)))?;
        let served = match hostname {
            None => true,
            Some(h) => self
                .server(h)?
                .domains
                .iter()
                .any(|d| d.eq_ignore_ascii_case(&account.address.domain)),
        };
        (served && account.password == password).then_some(account)
    }

    /// One of an account's mailboxes, by name.
    pub fn mailbox(&self, login: &str, mailbox: &str) -> Option<&Mailbox> {
        self.accounts.get(login)?.mailboxes.get(mailbox)
    }

    /// Creates a mailbox with a fresh UIDVALIDITY. Returns false if it already exists.
    pub fn create_mailbox(
        &mut self,
        login: &str,
        name: &str,
        special_use: Option<SpecialUse>,
    ) -> bool {
        self.next_uid_validity += 1;
        let validity = self.next_uid_validity;
        let Some(account) = self.accounts.get_mut(login) else {
            return false;
        };
        if account.mailboxes.contains_key(name) {
            return false;
        }
        account
            .mailboxes
            .insert(name.to_owned(), Mailbox::new(name, validity, special_use));
        true
    }

    /// Appends a message to a mailbox and journals it. Returns its UID, or None if the
    /// account or mailbox does not exist.
    ///
    /// Line endings are made CRLF on the way in (RFC 5322 §2.3 allows CR and LF only
    /// together): a bare LF typed in `nc` or a lone CR is stored as CRLF. Every protocol
    /// then serves the same octets, and sizes (POP3 octets, IMAP RFC822.SIZE and literal
    /// lengths) are the stored length, whatever path the message came by.
    pub fn append(
        &mut self,
        login: &str,
        mailbox: &str,
        raw: Vec<u8>,
        flags: BTreeSet<Flag>,
        internal_date: Timestamp,
    ) -> Option<Uid> {
        let modseq = self.modseq + 1;
        let uid = self
            .accounts
            .get_mut(login)?
            .mailboxes
            .get_mut(mailbox)?
            .append(crlf(&raw), flags, internal_date, modseq);
        self.record(login, mailbox, ChangeKind::Appended { uid });
        Some(uid)
    }

    /// Removes a message for good and journals it, so every IMAP session hears of it.
    pub fn expunge(&mut self, login: &str, mailbox: &str, uid: Uid) -> Option<Message> {
        let removed = self
            .accounts
            .get_mut(login)?
            .mailboxes
            .get_mut(mailbox)?
            .remove(uid)?;
        self.record(login, mailbox, ChangeKind::Expunged { uid });
        Some(removed)
    }

    /// Replaces a message's flags and journals the change. Returns false if nothing changed.
    pub fn set_flags(
        &mut self,
        login: &str,
        mailbox: &str,
        uid: Uid,
        flags: BTreeSet<Flag>,
    ) -> bool {
        let modseq = self.modseq + 1;
        let Some(mbox) = self
            .accounts
            .get_mut(login)
            .and_then(|a| a.mailboxes.get_mut(mailbox))
        else {
            return false;
        };
        mbox.learn_keywords(&flags);
        let Some(message) = mbox.get_mut(uid) else {
            return false;
        };
        if message.flags == flags {
            return false;
        }
        message.flags = flags.clone();
        message.modseq = modseq;
        self.record(login, mailbox, ChangeKind::FlagsSet { uid, flags });
        true
    }

    /// Removes a mailbox after journalling each message as expunged, so sessions that have
    /// it selected hear of the removal. Returns false if it does not exist.
    pub fn delete_mailbox(&mut self, login: &str, name: &str) -> bool {
        let uids: Vec<Uid> = match self.mailbox(login, name) {
            Some(m) => m.messages.iter().map(|m| m.uid).collect(),
            None => return false,
        };
        for uid in uids {
            self.expunge(login, name, uid);
        }
        self.accounts
            .get_mut(login)
            .is_some_and(|a| a.mailboxes.remove(name).is_some())
    }

    /// Renames a mailbox, keeping its UIDVALIDITY and messages. Returns false if the source
    /// is missing or the target exists.
    pub fn rename_mailbox(&mut self, login: &str, from: &str, to: &str) -> bool {
        let Some(account) = self.accounts.get_mut(login) else {
            return false;
        };
        if account.mailboxes.contains_key(to) {
            return false;
        }
        let Some(mut mailbox) = account.mailboxes.remove(from) else {
            return false;
        };
        mailbox.name = to.to_owned();
        account.mailboxes.insert(to.to_owned(), mailbox);
        true
    }

    /// Adds a name to, or removes it from, the account's subscriptions. Returns false if
    /// there is no such account.
    pub fn set_subscribed(&mut self, login: &str, name: &str, subscribed: bool) -> bool {
        match self.accounts.get_mut(login) {
            Some(a) => {
                if subscribed {
                    a.subscriptions.insert(name.to_owned());
                } else {
                    a.subscriptions.remove(name);
                }
                true
            }
            None => false,
        }
    }

    /// Takes the POP3 lock on a maildrop. Returns false if another session holds it.
    pub fn lock_maildrop(&mut self, login: &str) -> bool {
        self.locks.insert(login.to_owned())
    }

    /// Lets the maildrop be opened again (the POP3 session ended).
    pub fn unlock_maildrop(&mut self, login: &str) {
        self.locks.remove(login);
    }

    /// A queue identifier for an accepted message, unique in this world, as servers print in
    /// `250 2.0.0 Ok: queued as …` and in `Received:` headers.
    pub fn next_queue_id(&mut self) -> String {
        self.next_queue_id += 1;
        format!("Q{:05X}", self.next_queue_id)
    }

    fn record(&mut self, login: &str, mailbox: &str, kind: ChangeKind) {
        self.modseq += 1;
        self.journal.push(Change {
            modseq: self.modseq,
            account: login.to_owned(),
            mailbox: mailbox.to_owned(),
            kind,
        });
    }
}

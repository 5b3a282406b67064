//! The server side, as a mail administrator sees it: per server and account, the mailboxes
//! with their counts, each message with its UID, flags, size, sender and subject, and the
//! POP3 lock. It shows the store at the step the terminal's dialogue stands at, and lights
//! up what that step changed.

use std::collections::BTreeSet;
use std::sync::Arc;

use facteur_protocols::store::{changes, Flag, Mailbox, StoreChange, Summary, Uid};
use leptos::prelude::*;

use crate::message_view::MessageView;
use crate::state::use_scene;
use crate::world_texts::{use_world_texts, WorldTexts};

/// A message opened from the server view.
#[derive(Debug, Clone, PartialEq)]
struct Opened {
    title: String,
    raw: Vec<u8>,
}

#[component]
pub fn ServerView() -> impl IntoView {
    let (scene, texts) = (use_scene(), use_world_texts());
    let ui = Ui {
        counters: RwSignal::new(false),
        toggled: RwSignal::new(BTreeSet::new()),
        opened: RwSignal::new(None),
        unlimited: RwSignal::new(BTreeSet::new()),
    };
    let Ui {
        counters, opened, ..
    } = ui;
    // A new world: its mailboxes are listed the short way again.
    Effect::new(move |_| {
        scene.preset();
        ui.unlimited.set(BTreeSet::new());
    });
    // Where the active dialogue stands, and whether that is the past.
    let position = Memo::new(move |_| {
        let console = scene.active_console();
        let at = console.and_then(|c| scene.position(c));
        (at.unwrap_or_else(|| scene.now()), at.is_some())
    });
    let state = Memo::new(move |_| {
        let (at, _) = position.get();
        let store = scene.snapshot(at).map(|s| s.store)?;
        let before = scene.previous(at).map(|s| s.store);
        let changed = before.map(|b| changes(&b, &store)).unwrap_or_default();
        Some((store, Arc::new(changed)))
    });

    view! {
        <section class="server-view" aria-labelledby="server-title">
            <div class="panel-title">
                <h2 id="server-title">{move || texts.get().server_side}</h2>
                <span class="when" class:past=move || position.get().1>
                    {move || if position.get().1 { texts.get().at_step } else { texts.get().now }}
                </span>
            </div>
            <p class="hint">{move || texts.get().server_intro}</p>
            <label class="counters">
                <input type="checkbox" prop:checked=move || counters.get() on:change=move |ev| counters.set(event_target_checked(&ev)) />
                {move || texts.get().show_counters}
            </label>
            <p class="step-summary" aria-live="polite">
                {move || state.get().map(|(_, changed)| summary_line(&texts.get(), &changed))}
            </p>
            {move || state.get().map(|(store, changed)| {
                let t = texts.get();
                store.servers.iter().map(|server| {
                    let accounts: Vec<_> = store
                        .accounts
                        .values()
                        .filter(|a| server.domains.iter().any(|d| d.eq_ignore_ascii_case(&a.address.domain)))
                        .cloned()
                        .collect();
                    view! {
                        <section class="server-host">
                            <h3>{server.hostname.clone()}<span class="domains">{server.domains.join(", ")}</span></h3>
                            {accounts.into_iter().map(|account| {
                                let locked = store.locks.contains(&account.login);
                                let login = account.login.clone();
                                let lock_change = changed.iter().any(|c| matches!(c,
                                    StoreChange::Locked { login: l } | StoreChange::Unlocked { login: l } if *l == login));
                                view! {
                                    <section class="account" data-account=login.clone()>
                                        <h4>
                                            {account.address.to_string()}
                                            <Show when=move || locked>
                                                <span class="lock" class:changed=lock_change>{move || texts.get().lock}</span>
                                            </Show>
                                        </h4>
                                        {inbox_first(&account.mailboxes).into_iter().map(|mailbox| {
                                            mailbox_view(&t, &login, mailbox, &changed, ui)
                                        }).collect_view()}
                                    </section>
                                }
                            }).collect_view()}
                        </section>
                    }
                }).collect_view()
            })}
            {move || opened.get().map(|o| view! {
                <div class="modal-backdrop" on:click=move |_| opened.set(None)></div>
                <div class="modal" role="dialog" aria-modal="true" aria-labelledby="opened-title"
                    on:keydown=move |ev| if ev.key() == "Escape" { opened.set(None) }>
                    <div class="panel-head">
                        <h3 id="opened-title">{o.title.clone()}</h3>
                        <button type="button" id="opened-close" on:click=move |_| opened.set(None)>{move || texts.get().close}</button>
                    </div>
                    <MessageView raw=o.raw.clone() />
                </div>
            })}
        </section>
    }
}

/// INBOX first, then the others by name, as mail apps list them.
fn inbox_first(mailboxes: &std::collections::BTreeMap<String, Mailbox>) -> Vec<&Mailbox> {
    let mut list: Vec<&Mailbox> = mailboxes.values().collect();
    list.sort_by_key(|m| (m.name != facteur_protocols::store::INBOX, m.name.clone()));
    list
}

/// One line saying what the step changed, for everyone (and read by screen readers).
fn summary_line(t: &WorldTexts, changed: &[StoreChange]) -> String {
    if changed.is_empty() {
        return t.no_change.to_owned();
    }
    changed
        .iter()
        .map(|c| match c {
            StoreChange::Arrived {
                login,
                mailbox,
                uid,
            } => {
                format!("{login}/{mailbox} UID {}: {}", uid.0, t.changed_arrived)
            }
            StoreChange::Expunged {
                login,
                mailbox,
                uid,
            } => {
                format!("{login}/{mailbox} UID {}: {}", uid.0, t.changed_expunged)
            }
            StoreChange::Flags {
                login,
                mailbox,
                uid,
                added,
                removed,
            } => {
                let mut what: Vec<String> = added.iter().map(|f| format!("+{f}")).collect();
                what.extend(removed.iter().map(|f| format!("−{f}")));
                format!(
                    "{login}/{mailbox} UID {}: {} {}",
                    uid.0,
                    t.changed_flags,
                    what.join(" ")
                )
            }
            StoreChange::MailboxCreated { login, mailbox } => {
                format!("{login}/{mailbox}: {}", t.changed_created)
            }
            StoreChange::MailboxDeleted { login, mailbox } => {
                format!("{login}/{mailbox}: {}", t.changed_deleted)
            }
            StoreChange::Locked { login } => format!("{login}: {}", t.changed_locked),
            StoreChange::Unlocked { login } => format!("{login}: {}", t.changed_unlocked),
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// What the step did to this message, as a CSS class.
fn change_class(changed: &[StoreChange], login: &str, mailbox: &str, uid: Uid) -> &'static str {
    let hit = changed
        .iter()
        .find(|c| c.message() == Some((login, mailbox, uid)));
    match hit {
        Some(StoreChange::Arrived { .. }) => "arrived",
        Some(StoreChange::Flags { .. }) => "flags-changed",
        Some(StoreChange::Expunged { .. }) => "expunged",
        _ => "",
    }
}

/// One message row of a mailbox table; a message the step expunged has no raw left.
#[derive(Debug, Clone)]
struct Row {
    uid: Uid,
    raw: Arc<[u8]>,
    flags: BTreeSet<Flag>,
    size: usize,
    class: &'static str,
}

/// The server view's own state, shared by its mailboxes.
#[derive(Clone, Copy)]
struct Ui {
    /// Show UIDVALIDITY and UIDNEXT.
    counters: RwSignal<bool>,
    /// Mailboxes the learner opened or closed, against the default (open when not empty).
    toggled: RwSignal<BTreeSet<String>>,
    opened: RwSignal<Option<Opened>>,
    /// Mailboxes the learner asked to list whole.
    unlimited: RwSignal<BTreeSet<String>>,
}

/// How many of a mailbox's newest messages are listed before "list all".
const ROWS_SHOWN: usize = 50;

fn mailbox_view(
    t: &WorldTexts,
    login: &str,
    mailbox: &Mailbox,
    changed: &Arc<Vec<StoreChange>>,
    ui: Ui,
) -> impl IntoView {
    let Ui {
        counters,
        toggled,
        opened,
        ..
    } = ui;
    let key = format!("{login}/{}", mailbox.name);
    let unseen = mailbox
        .messages
        .iter()
        .filter(|m| !m.has(&Flag::Seen))
        .count();
    let total = mailbox.messages.len();
    let created = changed.iter().any(|c| {
        matches!(c, StoreChange::MailboxCreated { login: l, mailbox: m } if l == login && *m == mailbox.name)
    });
    // Messages expunged at this step are shown once more, struck through, so the learner
    // sees what went.
    let gone: Vec<Uid> = changed
        .iter()
        .filter_map(|c| match c {
            StoreChange::Expunged {
                login: l,
                mailbox: m,
                uid,
            } if l == login && *m == mailbox.name => Some(*uid),
            _ => None,
        })
        .collect();
    let touched = created
        || !gone.is_empty()
        || changed.iter().any(|c| {
            c.message()
                .is_some_and(|(l, m, _)| l == login && m == mailbox.name)
        });
    let default_open = total > 0 || touched;
    let is_open = {
        let key = key.clone();
        move || toggled.with(|t| t.contains(&key)) != default_open
    };
    let toggle = {
        let key = key.clone();
        move |_| {
            toggled.update(|t| {
                if !t.remove(&key) {
                    t.insert(key.clone());
                }
            })
        }
    };
    let mut rows: Vec<Row> = mailbox
        .messages
        .iter()
        .map(|m| Row {
            uid: m.uid,
            raw: m.raw.0.clone(),
            flags: m.flags.clone(),
            size: m.size(),
            class: change_class(changed, login, &mailbox.name, m.uid),
        })
        .collect();
    rows.extend(gone.iter().map(|uid| Row {
        uid: *uid,
        raw: Arc::from(Vec::new()),
        flags: BTreeSet::new(),
        size: 0,
        class: "expunged",
    }));
    rows.sort_by_key(|r| r.uid);
    // A big mailbox lists its newest messages, and whatever this step changed, unless the
    // learner asks for all of them: ten thousand rows would make every step slow.
    let listed_all = ui.unlimited.with(|u| u.contains(&key));
    let hidden = if listed_all {
        0
    } else {
        let keep_from = rows.len().saturating_sub(ROWS_SHOWN);
        let before = rows.len();
        let mut i = 0;
        rows.retain(|r| {
            i += 1;
            i > keep_from || !r.class.is_empty()
        });
        before - rows.len()
    };
    let (uid_validity, uid_next) = (mailbox.uid_validity, mailbox.uid_next.0);
    let name = mailbox.name.clone();
    let is_open_body = is_open.clone();
    let t = *t;
    let login = login.to_owned();
    let body = move || {
        let rows = rows.clone();
        let name = name.clone();
        let login = login.clone();
        if rows.is_empty() {
            return view! { <p class="empty">{t.empty_mailbox}</p> }.into_any();
        }
        let key = key.clone();
        view! {
            {(hidden > 0).then(|| view! {
                <p class="older">
                    {t.older(hidden)}" "
                    <button type="button" class="link list-all" on:click=move |_| ui.unlimited.update(|u| { u.insert(key.clone()); })>
                        {t.list_all}
                    </button>
                </p>
            })}
            <table class="messages">
                <thead>
                    <tr>
                        <th scope="col">{t.uid}</th>
                        <th scope="col">{t.flags}</th>
                        <th scope="col" class="num">{t.size}</th>
                        <th scope="col">{t.subject}" · "{t.from}</th>
                        <th scope="col"><span class="visually-hidden">{t.open}</span></th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|Row { uid, raw, flags, size, class }| {
                        let summary = Summary::of(&raw);
                        let subject = if summary.subject.is_empty() { t.no_subject.to_owned() } else { summary.subject.clone() };
                        let title = format!("{login}/{name} UID {}", uid.0);
                        let gone = class == "expunged";
                        let flags = Flag::names(&flags).join(" ");
                        view! {
                            <tr class=class data-uid=uid.0>
                                <td class="num">{uid.0}</td>
                                <td class="flags">{flags}</td>
                                <td class="num">{if gone { String::new() } else { format!("{size} {}", t.octets) }}</td>
                                <td class="subject">
                                    <span class="what">{if gone { t.changed_expunged.to_owned() } else { subject }}</span>
                                    <span class="who">{summary.from.clone()}</span>
                                </td>
                                <td>
                                    {(!gone).then(|| view! {
                                        <button type="button" class="link" on:click=move |_| opened.set(Some(Opened { title: title.clone(), raw: raw.to_vec() }))>
                                            {t.open}
                                        </button>
                                    })}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }.into_any()
    };
    let name = mailbox.name.clone();
    view! {
        <div class="mailbox" class:changed=created data-mailbox=name.clone()>
            <button type="button" class="mailbox-head" aria-expanded=move || is_open().to_string() on:click=toggle>
                <span class="mailbox-name">{name.clone()}</span>
                <span class="count">{t.count_messages(total)}</span>
                <span class="count unseen" class:zero=unseen == 0>{t.count_unseen(unseen)}</span>
                <Show when=move || counters.get()>
                    <span class="counter">"UIDVALIDITY "{uid_validity}" · UIDNEXT "{uid_next}</span>
                </Show>
            </button>
            <Show when=is_open_body.clone()>
                {body.clone()}
            </Show>
        </div>
    }
}

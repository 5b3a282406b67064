//! One device as a small mail app: settings, Check mail, Write, folders, the message list
//! and the open message with its actions. It shows the device as its own dialogue has got
//! to, and every button runs the device's scripted client through its terminal.

use facteur_protocols::device::compose::Draft;
use facteur_protocols::device::{suited_settings, Device, Edit, Key, LocalMessage, Receiving};
use facteur_protocols::store::{Flag, Summary, INBOX};
use facteur_protocols::table::{Action, MessageRef, SettingsChange};
use leptos::prelude::*;

use super::compose::Compose;
use super::problem::ProblemNote;
use super::setup::Setup;
use crate::i18n::use_texts;
use crate::message_view::MessageView;
use crate::state::use_scene;
use crate::world_texts::{use_world_texts, WorldTexts};

/// `IMAP 993 · IDLE`, `POP3 995 · leave a copy`: the badge in the device's title.
fn badge(d: &Device) -> String {
    let port = d.settings.incoming.port;
    match d.receiving {
        Receiving::Imap { idle } => {
            format!("IMAP {port}{}", if idle { " · IDLE" } else { "" })
        }
        Receiving::Pop3 { .. } => format!("POP3 {port}"),
    }
}

#[component]
pub fn DeviceApp(id: String) -> impl IntoView {
    let (scene, texts, wt) = (use_scene(), use_texts(), use_world_texts());
    let id = StoredValue::new(id);
    let device = Memo::new(move |_| scene.device_view(&id.get_value()));
    let label = move || {
        device
            .with_untracked(|d| {
                d.as_ref()
                    .map(|d| texts.get_untracked().device_label(&d.login, d.kind))
            })
            .unwrap_or_default()
    };
    let run = move |action: Action| {
        scene.play(action, &label());
    };
    // The device as it is now, for naming a message it shows.
    let now_device = move || scene.with_devices_untracked(|d| d.get(&id.get_value()).cloned());
    let folder = RwSignal::new(INBOX.to_owned());
    let selected = RwSignal::new(None::<Key>);
    let composing = RwSignal::new(None::<(Draft, Option<(String, Key)>)>);
    // A class page's directory asks for a message to a classmate on this device.
    Effect::new(move |_| {
        if let Some(to) = scene.take_write_to(&id.get_value()) {
            let draft = Draft {
                to,
                ..Draft::default()
            };
            composing.set(Some((draft, None)));
        }
    });
    let naming = RwSignal::new(None::<String>);
    let on_screen = move || scene.active() == id.get_value();
    let idling = move || scene.is_idling(&id.get_value());
    let problem = move || scene.problem(&id.get_value());
    // Lines of its dialogue still to play: the view catches up when they have.
    let playing = move || {
        scene
            .console(&id.get_value())
            .map_or(0, |c| c.with_playback(|p| p.pending().count()))
    };
    // The folder shown, if the device still has it.
    let current = Memo::new(move |_| {
        let name = folder.get();
        device.with(|d| d.as_ref().and_then(|d| d.folders.get(&name).cloned()))
    });
    let message = Memo::new(move |_| {
        let key = selected.get()?;
        current.with(|f| f.as_ref()?.messages.iter().find(|m| m.key == key).cloned())
    });
    // The setup form is drawn again only when the settings change, not at every sync.
    let setup =
        Memo::new(move |_| device.with(|d| d.as_ref().map(|d| (d.receiving, d.settings.clone()))));
    let act = move |edit: Edit| {
        if let Some(action) = now_device().and_then(|d| Action::of_edit(&d, &edit)) {
            run(action);
        }
    };
    let set_up = move |change: SettingsChange| {
        run(Action::Settings {
            device: id.get_value(),
            change,
        })
    };
    // "Use the right settings": the account's server, the usual ports and security, the
    // account's own user name and password; POP3 or IMAP stays as chosen.
    let fix = move |_: ()| {
        let Some(d) = device.get_untracked() else {
            return;
        };
        let account = scene.with_world_untracked(|w| {
            let a = w.store.account(&d.login)?;
            let host = w
                .store
                .server_for_domain(&a.address.domain)?
                .hostname
                .clone();
            Some((host, a.password.clone()))
        });
        if let Some((host, password)) = account {
            let settings = suited_settings(d.receiving, &host, &d.login, &password);
            set_up(SettingsChange::to(d.receiving, &settings));
        }
    };
    let title_id = move || format!("device-{}", id.get_value());

    view! {
        <article class="device" class:on-screen=on_screen data-device=move || id.get_value()
            aria-labelledby=title_id>
            <header class="device-head">
                <h3 id=title_id>{move || device.with(|d| d.as_ref().map(|d| texts.get().device_label(&d.login, d.kind)))}</h3>
                <span class="badge">{move || device.with(|d| d.as_ref().map(badge))}</span>
                {move || if on_screen() {
                    view! { <span class="on-screen-note">{wt.get().watching}</span> }.into_any()
                } else {
                    view! { <button type="button" class="link" on:click=move |_| scene.show_device(&id.get_value())>{wt.get().show_terminal}</button> }.into_any()
                }}
            </header>
            <details class="device-settings">
                <summary>{move || wt.get().settings}</summary>
                {move || setup.get().map(|(receiving, settings)| view! { <Setup receiving settings run=Callback::new(set_up) /> })}
            </details>
            <div class="device-toolbar" role="toolbar" aria-label=move || device.with(|d| d.as_ref().map(|d| texts.get().device_label(&d.login, d.kind)))>
                <button type="button" class="check-mail primary" on:click=move |_| run(Action::Check { device: id.get_value() })>{move || wt.get().check_mail}</button>
                <button type="button" class="write" on:click=move |_| composing.set(Some((Draft::default(), None)))>{move || wt.get().write}</button>
                <button type="button" class="new-folder" on:click=move |_| naming.set(Some(String::new()))>{move || wt.get().new_folder}</button>
            </div>
            <Show when=move || { playing() > 0 }>
                <p class="talking">
                    {move || wt.get().talking(playing())}" "
                    <button type="button" class="link skip" on:click=move |_| {
                        if let Some(c) = scene.console(&id.get_value()) {
                            c.show_all();
                        }
                    }>{move || wt.get().skip}</button>
                </p>
            </Show>
            <Show when=move || idling()>
                <p class="idling">{move || wt.get().idling}</p>
            </Show>
            {move || problem().map(|p| view! { <ProblemNote problem=p fix=Callback::new(fix) /> })}
            {move || naming.get().map(|_| view! {
                <form class="new-folder-form" on:submit=move |ev| {
                    ev.prevent_default();
                    let name = naming.get_untracked().unwrap_or_default().trim().to_owned();
                    if !name.is_empty() {
                        act(Edit::CreateFolder { name });
                    }
                    naming.set(None);
                }>
                    <label>
                        <span>{wt.get().folder_name}</span>
                        <input type="text" class="folder-name" prop:value=move || naming.get().unwrap_or_default()
                            on:input=move |ev| naming.set(Some(event_target_value(&ev))) />
                    </label>
                    <button type="submit">{wt.get().create}</button>
                    <button type="button" on:click=move |_| naming.set(None)>{wt.get().cancel}</button>
                </form>
            })}
            {move || composing.get().map(|(draft, replying_to)| view! {
                <Compose draft=draft on_send=Callback::new(move |draft: Draft| {
                    composing.set(None);
                    let replying_to = replying_to.as_ref().and_then(|(folder, key)| {
                        MessageRef::of(&now_device()?, folder, *key)
                    });
                    run(Action::Send { device: id.get_value(), draft, replying_to });
                }) on_save=Callback::new(move |draft: Draft| {
                    composing.set(None);
                    run(Action::SaveDraft { device: id.get_value(), draft });
                }) on_cancel=Callback::new(move |_| composing.set(None)) />
            })}
            <p class="device-note">{move || device.with(|d| {
                let t = wt.get();
                d.as_ref().map(|d| if d.receiving.is_imap() { t.imap_note } else { t.pop3_note })
            })}</p>
            {move || device.get().map(|d| {
                let t = wt.get();
                if d.receiving.is_imap() && !d.synced {
                    // While its dialogue plays, the line above says it is talking to the
                    // server: "press Check mail" would be wrong.
                    if playing() > 0 {
                        return ().into_any();
                    }
                    return view! { <p class="empty">{t.not_synced}</p> }.into_any();
                }
                let mut names: Vec<(String, String, usize)> = d.folders.iter().map(|(n, f)| (n.clone(), t.folder_label(n, f.special_use), f.unseen())).collect();
                // The inbox first, then the rest by the name the app shows, as mail apps list them.
                names.sort_by(|a, b| (a.0 != INBOX, &a.1).cmp(&(b.0 != INBOX, &b.1)));
                view! {
                    <nav class="folders" aria-label=format!("{} · {}", t.folders, texts.get().device_label(&d.login, d.kind))>
                        {names.into_iter().map(|(name, label, unseen)| {
                            let n = name.clone();
                            let real = t.server_name(&label, &name);
                            view! {
                                <button type="button" class="folder" data-folder=name.clone() title=real
                                    aria-pressed=move || (folder.get() == n).to_string()
                                    on:click={ let n = name.clone(); move |_| { folder.set(n.clone()); selected.set(None); } }>
                                    {label}
                                    {(unseen > 0).then(|| view! { <span class="unread-count">{unseen}</span> })}
                                </button>
                            }
                        }).collect_view()}
                    </nav>
                }.into_any()
            })}
            {move || current.get().map(|f| {
                let t = wt.get();
                if f.messages.is_empty() {
                    return view! { <p class="empty">{t.empty_folder}</p> }.into_any();
                }
                view! {
                    <ul class="message-list" aria-label=t.message_list>
                        {f.messages.iter().rev().map(|m| message_row(&t, m, selected)).collect_view()}
                    </ul>
                }.into_any()
            })}
            {move || message.get().map(|m| {
                let t = wt.get();
                let key = m.key;
                let name = folder.get_untracked();
                let seen = m.has(&Flag::Seen);
                let flagged = m.has(&Flag::Flagged);
                let targets: Vec<(String, String)> = device.with_untracked(|d| d.as_ref().map(|d| d.folders.iter().filter(|(n, _)| **n != name).map(|(n, f)| (n.clone(), t.folder_label(n, f.special_use))).collect()).unwrap_or_default());
                let target = RwSignal::new(targets.first().map(|(n, _)| n.clone()).unwrap_or_default());
                let summary = m.summary();
                let raw = m.raw.clone();
                let reply_to = Summary::reply_address(&raw).unwrap_or_default();
                let (n1, n2, n3, n4) = (name.clone(), name.clone(), name.clone(), name.clone());
                view! {
                    <div class="message-pane">
                        <div class="message-actions" role="toolbar" aria-label=t.message_list>
                            <button type="button" class="reply" on:click=move |_| {
                                let subject = if summary.subject.to_ascii_lowercase().starts_with("re:") { summary.subject.clone() } else { format!("Re: {}", summary.subject) };
                                let draft = Draft { to: reply_to.clone(), subject, body: String::new(), in_reply_to: summary.message_id.clone() };
                                composing.set(Some((draft, Some((n1.clone(), key)))));
                            }>{t.reply}</button>
                            <button type="button" class="mark-read" on:click=move |_| act(Edit::SetFlag { folder: n2.clone(), key, flag: Flag::Seen, on: !seen })>
                                {if seen { t.mark_unread } else { t.mark_read }}
                            </button>
                            <button type="button" class="flag" on:click=move |_| act(Edit::SetFlag { folder: n3.clone(), key, flag: Flag::Flagged, on: !flagged })>
                                {if flagged { t.unflag } else { t.flag }}
                            </button>
                            <button type="button" class="delete" on:click=move |_| { selected.set(None); act(Edit::Delete { folder: n4.clone(), key }) }>{t.delete}</button>
                            <Show when={ let has = !targets.is_empty(); move || has }>
                                <label class="move">
                                    <span class="visually-hidden">{t.move_to}</span>
                                    <select class="move-target" prop:value=move || target.get() on:change=move |ev| target.set(event_target_value(&ev))>
                                        {targets.iter().map(|(n, label)| view! { <option value=n.clone()>{label.clone()}</option> }).collect_view()}
                                    </select>
                                </label>
                                <button type="button" class="move-button" on:click={ let name = name.clone(); move |_| {
                                    selected.set(None);
                                    act(Edit::Move { folder: name.clone(), key, to: target.get_untracked() });
                                }}>{t.move_to}</button>
                            </Show>
                        </div>
                        <MessageView raw=raw />
                    </div>
                }
            })}
        </article>
    }
}

fn message_row(t: &WorldTexts, m: &LocalMessage, selected: RwSignal<Option<Key>>) -> impl IntoView {
    let s = m.summary();
    let key = m.key;
    let unread = !m.has(&Flag::Seen);
    let flagged = m.has(&Flag::Flagged);
    let answered = m.has(&Flag::Answered);
    let subject = if s.subject.is_empty() {
        t.no_subject.to_owned()
    } else {
        s.subject
    };
    let mut state = Vec::new();
    if unread {
        state.push(t.unread);
    }
    if flagged {
        state.push(t.flagged);
    }
    if answered {
        state.push(t.answered);
    }
    let state = state.join(", ");
    view! {
        <li>
            <button type="button" class="message" class:unread=unread class:flagged=flagged
                aria-pressed=move || (selected.get() == Some(key)).to_string()
                on:click=move |_| selected.set(Some(key))>
                <span class="marks" aria-hidden="true">{if flagged { "⚑" } else { "" }}{if answered { "↩" } else { "" }}</span>
                <span class="who">{s.from}</span>
                <span class="what">{subject}</span>
                <span class="visually-hidden">{state}</span>
            </button>
        </li>
    }
}

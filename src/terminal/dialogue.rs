//! The dialogue: every line exchanged, in order, styled by who sent it and what it is.

use facteur_protocols::explain::terminal::event;
use facteur_protocols::note::Note;
use facteur_protocols::output::Role;
use leptos::ev::KeyboardEvent;
use leptos::html::Ol;
use leptos::prelude::*;

use crate::engine::{use_console, Entry, Hop, Side};
use crate::i18n::{use_lang, use_texts};

/// CSS classes for a line: sender, and for IMAP whether it is tagged, untagged or a
/// continuation request; message data is set apart from commands.
fn classes(e: &Entry) -> String {
    let mut c = vec!["line"];
    c.push(match e.side {
        Side::Client => "client",
        Side::Server => "server",
        Side::Event => "event",
    });
    if matches!(e.hop, Hop::Relay { .. }) {
        c.push("relay");
    }
    match e.role {
        Some(Role::Tagged) => c.push("tagged"),
        Some(Role::Untagged) => c.push("untagged"),
        Some(Role::Continuation) => c.push("continuation"),
        Some(Role::Reply | Role::Data) | None => {}
    }
    if e.role == Some(Role::Data) || e.notes.iter().any(Note::is_message_data) {
        c.push("data");
    }
    c.join(" ")
}

#[component]
pub fn Dialogue() -> impl IntoView {
    let (console, texts, lang) = (use_console(), use_texts(), use_lang());
    let list = NodeRef::<Ol>::new();
    // Selecting a line wakes only the row that was selected and the row that now is, not
    // every row of a long dialogue.
    let is_selected = Selector::new(move || console.selected.get());
    let shown = move || console.playback.with(|p| p.shown().to_vec());
    let is_empty = move || {
        console
            .playback
            .with(|p| p.shown().is_empty() && !p.has_pending())
    };

    // Keep the newest line in view as the dialogue plays.
    Effect::new(move |_| {
        console.playback.with(|p| p.shown().len());
        if let Some(el) = list.get() {
            el.set_scroll_top(el.scroll_height());
        }
    });

    let on_key = move |ev: KeyboardEvent, id: u64| match ev.key().as_str() {
        "Enter" | " " => {
            ev.prevent_default();
            console.selected.set(Some(id));
        }
        "ArrowDown" | "ArrowUp" => {
            ev.prevent_default();
            let Some(target) = ev.target() else { return };
            let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(target) else {
                return;
            };
            let next = if ev.key() == "ArrowDown" {
                el.next_element_sibling()
            } else {
                el.previous_element_sibling()
            };
            if let Some(next) =
                next.and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(n).ok())
            {
                let _ = next.focus();
            }
        }
        _ => {}
    };

    view! {
        <div class="dialogue-frame">
            <Show when=is_empty>
                <p class="dialogue-empty">{move || texts.get().dialogue_empty}</p>
            </Show>
            <ol class="dialogue" node_ref=list aria-label=move || texts.get().dialogue>
                <For each=shown key=|e| e.id let(entry)>
                    {
                        let id = entry.id;
                        let class = classes(&entry);
                        let side = match entry.side {
                            Side::Client => "C:",
                            Side::Server => "S:",
                            Side::Event => "•",
                        };
                        let who = entry.side;
                        let spoken = move || {
                            let t = texts.get();
                            match who {
                                Side::Client => format!("{}: ", t.speaker_client),
                                Side::Server => format!("{}: ", t.speaker_server),
                                Side::Event => String::new(),
                            }
                        };
                        let relay = matches!(entry.hop, Hop::Relay { .. });
                        let text = move || match &entry.event {
                            Some(e) => event(e, lang.get()),
                            None => entry.text.clone(),
                        };
                        view! {
                            <li
                                class=class
                                class:selected={
                                    let is = is_selected.clone();
                                    move || is.selected(&Some(id))
                                }
                                tabindex="0"
                                aria-selected={
                                    let is = is_selected.clone();
                                    move || is.selected(&Some(id)).to_string()
                                }
                                on:click=move |_| console.selected.set(Some(id))
                                on:keydown=move |ev| on_key(ev, id)
                            >
                                <span class="speaker" aria-hidden="true">{side}</span>
                                <span class="visually-hidden">{spoken}</span>
                                <Show when=move || relay>
                                    <span class="badge">{move || texts.get().relay}</span>
                                </Show>
                                <span class="text">{text}</span>
                            </li>
                        }
                    }
                </For>
            </ol>
        </div>
    }
}

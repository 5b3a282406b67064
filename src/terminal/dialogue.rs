//! The dialogue: every line exchanged, in order, styled by who sent it and what it is.

use facteur_protocols::output::Role;
use facteur_protocols::vocab::grouped;
use leptos::ev::KeyboardEvent;
use leptos::html::Ol;
use leptos::prelude::*;

use crate::i18n::{use_lang, use_texts, Lang, Texts};
use crate::state::{use_console, Console, Entry, Hop, Meaning, Side};

/// CSS classes for a line: sender, and for IMAP whether it is tagged, untagged or a
/// continuation request; message data is set apart from commands.
fn classes(e: &Entry) -> String {
    let mut c = vec!["line"];
    c.push(match e.side {
        Side::Client => "client",
        Side::Server => "server",
        Side::Event => "event",
        Side::Session => "session",
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
    if e.notes.iter().any(Meaning::is_forgiven) {
        c.push("forgiven");
    }
    if e.is_content() {
        c.push("data");
    }
    c.join(" ")
}

/// How many of the newest lines are drawn at first, and how many more each "show earlier
/// lines" adds. The page keeps up to 2,000 (`playback::KEPT`); drawing them all would make
/// the browser lay out and paint thousands of rows at every reply.
const DRAWN: usize = 300;

#[component]
pub fn Dialogue() -> impl IntoView {
    let (console, texts, lang) = (use_console(), use_texts(), use_lang());
    let list = NodeRef::<Ol>::new();
    // Selecting a line wakes only the row that was selected and the row that now is, not
    // every row of a long dialogue.
    let is_selected = Selector::new(move || console.selected());
    let drawn = RwSignal::new(DRAWN);
    let shown = move || {
        let drawn = drawn.get();
        console.with_playback(|p| {
            let all = p.shown();
            all[all.len().saturating_sub(drawn)..].to_vec()
        })
    };
    let undrawn = move || {
        let drawn = drawn.get();
        console.with_playback(|p| p.shown().len().saturating_sub(drawn))
    };
    let is_empty = move || console.with_playback(|p| p.shown().is_empty() && !p.has_pending());

    // Keep the newest line in view as the dialogue plays. An empty dialogue has nothing
    // to scroll: reading its height then would only force a layout while the page starts.
    Effect::new(move |_| {
        let lines = console.with_playback(|p| p.shown().len());
        if let (true, Some(el)) = (lines > 0, list.get()) {
            crate::browser::scroll_to_end(el.into());
        }
    });

    // One tab stop for the whole dialogue; the arrow keys, Home and End move the
    // selection from line to line (the WAI-ARIA listbox pattern).
    let on_key = move |ev: KeyboardEvent| {
        let ids: Vec<u64> = console.with_playback(|p| p.shown().iter().map(|e| e.id).collect());
        let (Some(&first), Some(&last)) = (ids.first(), ids.last()) else {
            return;
        };
        let at = console
            .selected_untracked()
            .and_then(|s| ids.iter().position(|&i| i == s));
        let target = match (ev.key().as_str(), at) {
            ("ArrowDown", Some(i)) => ids.get(i + 1).copied().unwrap_or(last),
            ("ArrowDown", None) => first,
            ("ArrowUp", Some(i)) => ids[i.saturating_sub(1)],
            ("ArrowUp", None) => last,
            ("Home", _) => first,
            ("End", _) => last,
            _ => return,
        };
        ev.prevent_default();
        // Moving onto a line not drawn yet draws the lines down to it.
        if let Some(i) = ids.iter().position(|&i| i == target) {
            let needed = ids.len() - i;
            if needed > drawn.get_untracked() {
                drawn.set(needed.next_multiple_of(DRAWN));
            }
        }
        console.select(Some(target));
        let line = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&format!("line-{target}")));
        if let Some(line) = line {
            line.scroll_into_view_with_bool(false);
        }
    };

    view! {
        <div class="dialogue-frame">
            <Show when=is_empty>
                <p class="dialogue-empty">{move || texts.get().dialogue_empty}</p>
            </Show>
            {move || {
                let dropped = console.with_playback(|p| p.dropped());
                (dropped > 0).then(|| view! {
                    <p class="dialogue-dropped" role="status">{move || texts.get().dropped_lines}" "{move || grouped(lang.get(), dropped)}</p>
                })
            }}
            {move || {
                let hidden = undrawn();
                (hidden > 0).then(|| view! {
                    <button type="button" class="dialogue-earlier" on:click=move |_| drawn.update(|d| *d += DRAWN)>
                        {move || texts.get().earlier_lines}" ("{hidden}")"
                    </button>
                })
            }}
            <ol
                class="dialogue"
                node_ref=list
                role="listbox"
                tabindex="0"
                aria-label=move || texts.get().dialogue
                aria-activedescendant=move || console.selected().map(|id| format!("line-{id}"))
                on:keydown=on_key
            >
                <For each=shown key=|e| e.id let(entry)>
                    {
                        let row = Row { console, texts, lang, is_selected: is_selected.clone() };
                        if entry.is_fold() {
                            row.fold(&entry).into_any()
                        } else {
                            row.line(&entry, "").into_any()
                        }
                    }
                </For>
            </ol>
        </div>
    }
}

/// What every row of the dialogue reads from: the console, the words, the selection.
#[derive(Clone)]
struct Row {
    console: Console,
    texts: Memo<Texts>,
    lang: RwSignal<Lang>,
    is_selected: Selector<Option<u64>>,
}

impl Row {
    /// One line of the dialogue; `extra` adds classes (`folded` for a line a fold holds).
    fn line(&self, entry: &Entry, extra: &'static str) -> impl IntoView {
        let (console, texts, lang) = (self.console, self.texts, self.lang);
        let id = entry.id;
        let class = format!("{} {extra}", classes(entry));
        let speaker = speaker(entry.side);
        let spoken = spoken(texts, entry.side);
        let relay = matches!(entry.hop, Hop::Relay { .. });
        // What a lenient server let pass is marked on the line itself.
        let forgiven = entry.notes.iter().any(Meaning::is_forgiven);
        let event = entry.event.clone();
        let plain = entry.text.clone();
        let text = move || match &event {
            Some(e) => e.text(lang.get()),
            None => plain.clone(),
        };
        let (is, is2) = (self.is_selected.clone(), self.is_selected.clone());
        view! {
            <li
                id=format!("line-{id}")
                role="option"
                class=class
                class:selected=move || is.selected(&Some(id))
                aria-selected=move || is2.selected(&Some(id)).to_string()
                on:click=move |_| console.select(Some(id))
            >
                <span class="speaker" aria-hidden="true">{speaker}</span>
                <span class="visually-hidden">{spoken}</span>
                <Show when=move || relay>
                    <span class="badge">{move || texts.get().relay}</span>
                </Show>
                <Show when=move || forgiven>
                    <span class="badge forgiven">{move || texts.get().forgiven}</span>
                </Show>
                <span class="text">{text}</span>
            </li>
        }
    }

    /// A folded line: how many lines it holds and a button that opens it; once open,
    /// its lines follow it, [`DRAWN`] at a time.
    fn fold(&self, entry: &Entry) -> impl IntoView {
        let (console, texts, lang) = (self.console, self.texts, self.lang);
        let id = entry.id;
        let count = entry.fold.len();
        let lines = std::sync::Arc::new(entry.fold.clone());
        let open = RwSignal::new(false);
        let drawn = RwSignal::new(DRAWN);
        let (is, is2) = (self.is_selected.clone(), self.is_selected.clone());
        let row = self.clone();
        let inner = move || {
            open.get().then(|| {
                let shown = drawn.get().min(count);
                let rows = lines[..shown]
                    .iter()
                    .map(|e| row.line(e, "folded"))
                    .collect_view();
                let more = (shown < count).then(|| {
                    view! {
                        <li class="fold-more" role="presentation">
                            <button type="button" on:click=move |_| drawn.update(|d| *d += DRAWN)>
                                {move || format!("{} ({})", texts.get().unfold_more, grouped(lang.get(), count - shown))}
                            </button>
                        </li>
                    }
                });
                (rows, more)
            })
        };
        view! {
            <li
                id=format!("line-{id}")
                role="option"
                class="line server fold"
                class:selected=move || is.selected(&Some(id))
                aria-selected=move || is2.selected(&Some(id)).to_string()
                aria-expanded=move || open.get().to_string()
                on:click=move |_| console.select(Some(id))
            >
                <span class="speaker" aria-hidden="true">"S:"</span>
                <span class="visually-hidden">{spoken(texts, Side::Server)}</span>
                <span class="text">{move || texts.get().folded(count)}</span>
                <button
                    type="button"
                    class="unfold"
                    on:click=move |ev| {
                        ev.stop_propagation();
                        open.update(|o| *o = !*o);
                    }
                >
                    {move || if open.get() { texts.get().refold } else { texts.get().unfold }}
                </button>
            </li>
            {inner}
        }
    }
}

/// The mark before a line: who sent it.
fn speaker(side: Side) -> &'static str {
    match side {
        Side::Client => "C:",
        Side::Server => "S:",
        Side::Event => "\u{2022}",
        Side::Session => "#",
    }
}

/// Who sent a line, as a screen reader says it.
fn spoken(texts: Memo<Texts>, side: Side) -> impl Fn() -> String + Send + Sync + 'static {
    move || {
        let t = texts.get();
        match side {
            Side::Client => format!("{}: ", t.speaker_client),
            Side::Server => format!("{}: ", t.speaker_server),
            Side::Event | Side::Session => String::new(),
        }
    }
}

//! The explanation of the selected line: its parts, what it means, and where the RFC says so.

use facteur_protocols::assist::anatomy;
use facteur_protocols::explain::terminal::{part_kind, reply_class};
use facteur_protocols::Service;
use leptos::prelude::*;

use crate::i18n::{use_lang, use_texts};
use crate::state::entry::find;
use crate::state::{use_console, Side};

#[component]
pub fn Explanation() -> impl IntoView {
    let (console, texts, lang) = (use_console(), use_texts(), use_lang());
    let selected = move || {
        let id = console.selected()?;
        console.with_playback(|p| find(p.shown(), id).cloned())
    };
    view! {
        // On a narrow screen the explanation opens as a sheet at the bottom of the screen,
        // over the dialogue the learner is looking at, instead of far below it.
        <section
            class="panel explanation"
            class:sheet=move || console.has_selection()
            aria-labelledby="explanation-title"
            aria-live="polite"
        >
            <div class="panel-head">
                <h3 id="explanation-title">{move || texts.get().explanation}</h3>
                <button type="button" class="sheet-close" on:click=move |_| console.select(None)>
                    {move || texts.get().close}
                </button>
            </div>
            {move || {
                let t = texts.get();
                let lang = lang.get();
                let Some(entry) = selected() else {
                    return view! { <p class="hint">{t.explanation_hint}</p> }.into_any();
                };
                if let Some(e) = &entry.event {
                    return view! { <p>{e.text(lang)}</p> }.into_any();
                }
                if entry.side == Side::Session {
                    return view! { <p>{entry.text.clone()}</p> }.into_any();
                }
                // A folded line is explained by the first line it holds.
                let folded = entry.is_fold().then(|| t.folded_explained(entry.fold.len()));
                let entry = match entry.fold.first() {
                    Some(first) => first.clone(),
                    None => entry,
                };
                let parts = anatomy(entry.service, entry.side == Side::Client, &entry.text);
                let class = (entry.side == Side::Server && entry.service == Service::Smtp)
                    .then(|| reply_class(&entry.text, lang))
                    .flatten();
                let notes = entry.notes.clone();
                view! {
                    {folded.map(|f| view! { <p class="folded-note">{f}</p> })}
                    <p class="explained-line"><code>{entry.text.clone()}</code></p>
                    <h4>{t.parts}</h4>
                    <dl class="parts">
                        {parts.into_iter().map(|(kind, text)| view! {
                            <dt>{part_kind(kind, lang)}</dt>
                            <dd><code>{text}</code></dd>
                        }).collect_view()}
                    </dl>
                    {class.map(|c| view! { <p class="reply-class">{c}</p> })}
                    {notes.into_iter().map(|note| {
                        let source = note.source();
                        view! {
                            <p class="meaning">{note.text(lang)}</p>
                            <p class="source">
                                {t.source}
                                <a href=source.url target="_blank" rel="noopener noreferrer">{source.label}</a>
                            </p>
                        }
                    }).collect_view()}
                }.into_any()
            }}
        </section>
    }
}

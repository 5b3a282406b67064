//! A message opened: its headers, its text, and on demand its raw source with the CR LF
//! line endings made visible. Everything is a text node: a subject such as
//! `<script>alert(1)</script>` shows as typed, and HTML parts show as source.

use facteur_protocols::store::Summary;
use leptos::prelude::*;

use crate::world_texts::use_world_texts;

/// The raw source with each CR and LF drawn as a visible sign before the line break.
pub fn visible_line_endings(raw: &[u8]) -> String {
    String::from_utf8_lossy(raw)
        .replace("\r\n", "␍␊\n")
        .replace('\r', "␍")
}

#[component]
pub fn MessageView(raw: Vec<u8>) -> impl IntoView {
    let texts = use_world_texts();
    let summary = Summary::of(&raw);
    let show_raw = RwSignal::new(false);
    let show_crlf = RwSignal::new(false);
    let has_html = summary.has_html;
    let raw_text = move || {
        if show_crlf.get() {
            visible_line_endings(&raw)
        } else {
            String::from_utf8_lossy(&raw).into_owned()
        }
    };
    view! {
        <div class="message-view">
            <dl class="message-head">
                <dt>{move || texts.get().from}</dt><dd>{summary.from.clone()}</dd>
                <dt>{move || texts.get().to}</dt><dd>{summary.to.clone()}</dd>
                <dt>{move || texts.get().subject}</dt><dd class="message-subject">{summary.subject.clone()}</dd>
                <dt>{move || texts.get().date}</dt><dd>{summary.date.clone()}</dd>
            </dl>
            <details class="message-headers">
                <summary>{move || texts.get().headers}</summary>
                <pre>{summary.headers.clone()}</pre>
            </details>
            <Show when=move || has_html>
                <p class="hint">{move || texts.get().html_source}</p>
            </Show>
            <pre class="message-body">{summary.text.clone()}</pre>
            <div class="message-raw-controls">
                <label>
                    <input type="checkbox" prop:checked=move || show_raw.get() on:change=move |ev| show_raw.set(event_target_checked(&ev)) />
                    {move || texts.get().raw}
                </label>
                <Show when=move || show_raw.get()>
                    <label>
                        <input type="checkbox" prop:checked=move || show_crlf.get() on:change=move |ev| show_crlf.set(event_target_checked(&ev)) />
                        {move || texts.get().show_crlf}
                    </label>
                </Show>
            </div>
            <Show when=move || show_raw.get()>
                <pre class="message-raw">{raw_text.clone()}</pre>
            </Show>
        </div>
    }
}

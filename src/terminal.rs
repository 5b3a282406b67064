//! A terminal-like prompt whose lines join the transcript one timed step at a time.

use gloo_timers::future::TimeoutFuture;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::Texts;
use crate::playback::Playback;

/// Time between two released steps, in milliseconds.
const STEP_MS: u32 = 220;

/// One line of the transcript. The id keeps `<For>` stable when equal lines repeat.
#[derive(Debug, Clone, PartialEq)]
struct Line {
    id: u64,
    text: String,
}

#[component]
pub fn Terminal(texts: Texts) -> impl IntoView {
    let playback = RwSignal::new(Playback::<Line>::default());
    let playing = RwSignal::new(false);
    let next_id = StoredValue::new(0_u64);
    let draft = RwSignal::new(String::new());

    // The timer loop belongs to this component: it stops as soon as the signals it
    // drives are disposed, so it never touches a component that is gone.
    let play = move || {
        if playing.get_untracked() {
            return;
        }
        playing.set(true);
        spawn_local(async move {
            loop {
                TimeoutFuture::new(STEP_MS).await;
                let more = playback.try_update(|p| {
                    p.step();
                    p.has_pending()
                });
                if more != Some(true) {
                    break;
                }
            }
            let _ = playing.try_set(false);
        });
    };

    let submit = move || {
        let text = draft.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        let id = next_id.get_value();
        next_id.set_value(id + 1);
        playback.update(|p| p.enqueue(Line { id, text }));
        draft.set(String::new());
        play();
    };

    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            submit();
        }
    };

    let show_all = move |_| playback.update(Playback::skip_to_end);
    let has_pending = move || playback.with(Playback::has_pending);

    let shown = move || playback.with(|p| p.shown().to_vec());
    let pending = move || playback.with(|p| p.pending().cloned().collect::<Vec<_>>());
    let is_empty = move || playback.with(|p| p.shown().is_empty() && !p.has_pending());

    view! {
        <section class="terminal" aria-labelledby="terminal-title">
            <h2 id="terminal-title">{texts.terminal_title}</h2>
            <p class="hint">{texts.terminal_intro}</p>
            <ol class="transcript" role="log" aria-live="polite" aria-relevant="additions">
                <Show when=is_empty>
                    <li class="transcript-empty">{texts.empty_transcript}</li>
                </Show>
                <For each=shown key=|line| line.id let(line)>
                    <li class="line client">
                        <span class="speaker" aria-hidden="true">"C:"</span>
                        <span class="text">{line.text}</span>
                    </li>
                </For>
                <For each=pending key=|line| line.id let(line)>
                    <li class="line client pending" aria-hidden="true" title=texts.pending>
                        <span class="speaker">"C:"</span>
                        <span class="text">{line.text}</span>
                    </li>
                </For>
            </ol>
            <div class="prompt">
                <label for="command-line" class="prompt-label">{texts.input_label}</label>
                <span class="prompt-sign" aria-hidden="true">">"</span>
                <input
                    id="command-line"
                    class="prompt-input"
                    type="text"
                    autocomplete="off"
                    autocapitalize="off"
                    spellcheck="false"
                    autofocus
                    placeholder=texts.input_placeholder
                    prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))
                    on:keydown=on_keydown
                />
                <Show when=has_pending>
                    <button type="button" class="show-all" on:click=show_all>
                        {texts.show_all}
                    </button>
                </Show>
            </div>
        </section>
    }
}

//! Playback controls (Step, Play/Pause, speed, Show all) and transcript export.

use leptos::prelude::*;

use crate::browser::{copy, download, select_for_copy};
use crate::i18n::use_texts;
use crate::state::use_console;
use crate::state::{use_scene, INSTANT};

/// The paces a learner can choose, the last one showing every reply whole at once.
const SPEEDS: [f64; 5] = [0.5, 1.0, 2.0, 4.0, INSTANT];
/// How long "Transcript copied" stays on screen.
const COPIED_MS: u32 = 2_500;

#[component]
pub fn Controls(playing: RwSignal<bool>) -> impl IntoView {
    let (console, texts, scene) = (use_console(), use_texts(), use_scene());
    let copied = RwSignal::new(false);
    // Where the page cannot copy by itself, the transcript in a box, selected.
    let by_keys = RwSignal::new(None::<String>);
    let copy_box = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |_| {
        if let Some(area) = copy_box.get() {
            select_for_copy(&area);
        }
    });
    let waiting = move || console.with_playback(|p| p.pending().count());
    let has_lines = move || console.with_playback(|p| !p.shown().is_empty() || p.has_pending());
    view! {
        <div class="controls" role="group" aria-label=move || texts.get().playback>
            // Taking a line back shows the world as it was before it, in every view.
            <button type="button" class="step-back" on:click=move |_| {
                console.select(None);
                console.step_back();
                playing.set(false);
            } prop:disabled=move || console.with_playback(|p| p.shown().is_empty())>
                {move || texts.get().step_back}
            </button>
            <button type="button" class="step" on:click=move |_| { console.step_forward(); }
                prop:disabled=move || waiting() == 0>
                {move || texts.get().step}
            </button>
            // The label says what the button does now; a toggle state on top of it would
            // read "Pause, pressed" while playing.
            <button type="button" on:click=move |_| playing.update(|p| *p = !*p)>
                {move || if playing.get() { texts.get().pause } else { texts.get().play }}
            </button>
            <label class="speed">
                <span>{move || texts.get().speed}</span>
                <select
                    prop:value=move || scene.speed().to_string()
                    on:change=move |ev| {
                        let chosen = event_target_value(&ev).parse().unwrap_or(1.0);
                        scene.set_speed(chosen);
                        // What was waiting comes at once too, in every terminal.
                        if chosen == INSTANT {
                            for console in scene.consoles() {
                                console.show_all();
                            }
                        }
                    }
                >
                    {SPEEDS.iter().map(|&s| view! {
                        <option value=s.to_string()>
                            {move || if s == INSTANT { texts.get().instant.to_owned() } else { format!("{s}×") }}
                        </option>
                    }).collect_view()}
                </select>
            </label>
            <button type="button" on:click=move |_| console.show_all() prop:disabled=move || waiting() == 0>
                {move || texts.get().show_all}
            </button>
            <span class="waiting" aria-live="off">
                {move || (waiting() > 0).then(|| format!("{} {}", waiting(), texts.get().waiting))}
            </span>
            <span class="spacer"></span>
            <button type="button" prop:disabled=move || !has_lines() on:click=move |_| scene.clear_console(console)>
                {move || texts.get().clear}
            </button>
            <button type="button" prop:disabled=move || !has_lines() on:click=move |_| {
                let transcript = console.transcript();
                leptos::task::spawn_local(async move {
                    if !copy(&transcript).await {
                        let _ = by_keys.try_set(Some(transcript));
                        return;
                    }
                    let _ = by_keys.try_set(None);
                    let _ = copied.try_set(true);
                    gloo_timers::future::TimeoutFuture::new(COPIED_MS).await;
                    let _ = copied.try_set(false);
                });
            }>
                {move || texts.get().copy}
            </button>
            <span class="copied" role="status">{move || copied.get().then(|| texts.get().copied)}</span>
            <button type="button" prop:disabled=move || !has_lines()
                on:click=move |_| { let _ = download("facteur-transcript.txt", "text/plain", &console.transcript()); }>
                {move || texts.get().download_txt}
            </button>
            <crate::classroom::share::ShareDialogue />
        </div>
        <Show when=move || by_keys.with(Option::is_some)>
            <div class="copy-box" role="region" aria-label=move || texts.get().copy>
                <textarea readonly rows="6" node_ref=copy_box aria-describedby="copy-box-said"
                    prop:value=move || by_keys.get().unwrap_or_default()></textarea>
                <p id="copy-box-said">{move || texts.get().copy_by_keys}</p>
                <button type="button" class="link" on:click=move |_| by_keys.set(None)>{move || texts.get().close}</button>
            </div>
        </Show>
    }
}

//! The terminal: connect to a server, type, watch the dialogue play, understand each line.

mod connect_bar;
mod controls;
mod diagram;
mod dialogue;
mod explain;
mod prompt;

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::console::Console;
use crate::i18n::{Lang, Texts};

/// Milliseconds between two released lines at 1×.
const STEP_MS: f64 = 320.0;

#[component]
pub fn Terminal(texts: Memo<Texts>, lang: RwSignal<Lang>) -> impl IntoView {
    let console = Console::new();
    let playing = RwSignal::new(true);
    let speed = RwSignal::new(1.0_f64);

    // The playback clock belongs to this component: when its signals are disposed the
    // loop sees `None` and ends, so it never touches a component that is gone.
    spawn_local(async move {
        while let Some(factor) = speed.try_get_untracked() {
            TimeoutFuture::new((STEP_MS / factor) as u32).await;
            let Some(play) = playing.try_get_untracked() else {
                break;
            };
            if play && console.playback.try_update(|p| p.step()).is_none() {
                break;
            }
        }
    });

    view! {
        <section class="terminal" aria-labelledby="terminal-title">
            <h2 id="terminal-title" class="visually-hidden">{move || texts.get().dialogue}</h2>
            <connect_bar::ConnectBar console=console texts=texts />
            <div class="workspace">
                <div class="conversation">
                    <dialogue::Dialogue console=console texts=texts lang=lang />
                    <prompt::Prompt console=console texts=texts lang=lang />
                    <controls::Controls console=console texts=texts playing=playing speed=speed />
                </div>
                <aside class="side">
                    <explain::Explanation console=console texts=texts lang=lang />
                    <diagram::Diagram console=console texts=texts />
                </aside>
            </div>
            <div class="visually-hidden" role="status" aria-live="polite">
                {move || console.announcement.get()}
            </div>
        </section>
    }
}

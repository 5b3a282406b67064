//! The terminal: connect to a server, type, watch the dialogue play, understand each line.

mod connect_bar;
mod controls;
mod diagram;
mod dialogue;
mod explain;
mod prompt;
mod sasl_helper;

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::engine::Console;
use crate::i18n::use_texts;

/// Milliseconds between two released lines at 1×.
const STEP_MS: f64 = 320.0;
/// How often the page asks the engine whether the open session has timed out.
const IDLE_CHECK_MS: u32 = 5_000;

#[component]
pub fn Terminal() -> impl IntoView {
    let texts = use_texts();
    let console = Console::new();
    provide_context(console);
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

    // The server's idle timer is the engine's; the page only looks at the clock now and
    // then, so a learner who walks away finds the goodbye the server sent.
    spawn_local(async move {
        loop {
            TimeoutFuture::new(IDLE_CHECK_MS).await;
            if console.check_idle().is_none() {
                break;
            }
        }
    });

    view! {
        <section class="terminal" aria-labelledby="terminal-title">
            <h2 id="terminal-title" class="visually-hidden">{move || texts.get().dialogue}</h2>
            <connect_bar::ConnectBar />
            <div class="workspace">
                <div class="conversation">
                    <dialogue::Dialogue />
                    <prompt::Prompt />
                    <controls::Controls playing=playing speed=speed />
                </div>
                <aside class="side">
                    <explain::Explanation />
                    <diagram::Diagram />
                </aside>
            </div>
            <div id="announcer" class="visually-hidden" role="status" aria-live="polite">
                {move || {
                    let (first, lines) = console.announcement.get();
                    if lines > 1 {
                        format!("{first} ({lines} {})", texts.get().lines_suffix)
                    } else {
                        first
                    }
                }}
            </div>
        </section>
    }
}

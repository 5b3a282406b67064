//! The terminal: connect to a server, type, watch the dialogue play, understand each line.

mod connect_bar;
mod controls;
mod diagram;
mod dialogue;
mod explain;
mod prompt;
mod sasl_helper;

use gloo_timers::future::TimeoutFuture;
use leptos::context::Provider;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::use_texts;
use crate::state::use_scene;

/// Milliseconds between two released lines at 1×.
const STEP_MS: f64 = 320.0;
/// How often the page asks the engine whether the open session has timed out.
const IDLE_CHECK_MS: u32 = 5_000;

#[component]
pub fn Terminal() -> impl IntoView {
    let (scene, texts) = (use_scene(), use_texts());
    let playing = RwSignal::new(true);

    // The playback clock belongs to this component: when its signals are disposed the
    // loop sees `None` and ends, so it never touches a component that is gone. Every
    // device's dialogue plays, on screen or not: a tablet in IDLE hears its push at once.
    spawn_local(async move {
        while let Some(factor) = scene.try_speed() {
            // At INSTANT the replies are shown as they come; the clock only idles.
            TimeoutFuture::new((STEP_MS / factor).max(STEP_MS / 4.0) as u32).await;
            let Some(play) = playing.try_get_untracked() else {
                break;
            };
            if !play {
                continue;
            }
            for console in scene.consoles() {
                if console.tick().is_none() {
                    return;
                }
            }
        }
    });

    // The server's idle timer is the engine's; the page only looks at the clock now and
    // then, so a learner who walks away finds the goodbye the server sent.
    spawn_local(async move {
        loop {
            TimeoutFuture::new(IDLE_CHECK_MS).await;
            for console in scene.consoles() {
                if scene.check_idle(console).is_none() {
                    return;
                }
            }
            scene.renew_idle();
        }
    });

    view! {
        <section class="terminal" aria-labelledby="terminal-title">
            <h2 id="terminal-title" class="visually-hidden">{move || texts.get().dialogue}</h2>
            // The terminal on screen is the active device's; its parts are drawn again
            // when another device is chosen, each reading its own console.
            {move || scene.active_console().map(|console| view! {
                <Provider value=console>
                    <connect_bar::ConnectBar />
                    <div class="workspace">
                        <div class="conversation">
                            <dialogue::Dialogue />
                            <prompt::Prompt />
                            <controls::Controls playing=playing />
                        </div>
                        <aside class="side">
                            <explain::Explanation />
                            <diagram::Diagram />
                        </aside>
                    </div>
                    <div id="announcer" class="visually-hidden" role="status" aria-live="polite">
                        {move || {
                            let (first, lines) = console.announcement();
                            if lines > 1 {
                                format!("{first} ({lines} {})", texts.get().lines_suffix)
                            } else {
                                first
                            }
                        }}
                    </div>
                </Provider>
            })}
        </section>
    }
}

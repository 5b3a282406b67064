//! Which world the page runs: the built-in presets, and Reset to start the chosen one again.

use facteur_protocols::store::Preset;
use leptos::prelude::*;

use crate::scene::use_scene;
use crate::world_texts::{use_world_texts, WorldTexts};

fn describe(t: &WorldTexts, preset: &str) -> &'static str {
    match preset {
        "demo" => t.world_demo,
        "empty" => t.world_empty,
        "busy-500" => t.world_busy_500,
        _ => t.world_busy_10000,
    }
}

#[component]
pub fn WorldBar() -> impl IntoView {
    let (scene, wt) = (use_scene(), use_world_texts());
    let load = move |name: String| {
        // The built-in presets are part of the crate and tested; a failure is a bug, and
        // the world stays as it was.
        let _ = scene.reset(&name);
    };
    view! {
        <div class="world-bar">
            <label>
                <span>{move || wt.get().world}</span>
                <select class="world-choice" prop:value=move || scene.preset.get()
                    on:change=move |ev| load(event_target_value(&ev))>
                    {Preset::BUILTIN.iter().map(|p| view! {
                        <option value=*p>{move || describe(&wt.get(), p)}</option>
                    }).collect_view()}
                </select>
            </label>
            <button type="button" class="reset-world" on:click=move |_| load(scene.preset.get_untracked())>
                {move || wt.get().reset_world}
            </button>
        </div>
    }
}

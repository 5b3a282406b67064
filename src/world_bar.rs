//! Which world the page runs: the built-in presets, and Reset to start the chosen one again.

use facteur_protocols::store::Preset;
use leptos::prelude::*;

use crate::i18n::use_lang;
use crate::sandbox_texts as st;
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
    let (scene, wt, lang) = (use_scene(), use_world_texts(), use_lang());
    let last = move || {
        scene
            .undo
            .with(|u| u.last().map(|c| (c.who.clone(), c.what)))
    };
    let undo = move |_| {
        if let Some((who, what)) = scene.undo_last() {
            if let Some(console) = scene.console(&scene.active.get_untracked()) {
                console.remark(st::undone(&who, what, lang.get_untracked()));
            }
        }
    };
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
            <button type="button" class="undo" on:click=undo disabled=move || last().is_none()
                title=move || match last() {
                    Some((who, what)) => format!("{} ({who}, {})", st::undo(lang.get()), st::undoable(what, lang.get())),
                    None => st::nothing_to_undo(lang.get()).to_owned(),
                }>
                "↶ "{move || st::undo(lang.get())}
            </button>
            <button type="button" class="reset-world" on:click=move |_| load(scene.preset.get_untracked())>
                {move || wt.get().reset_world}
            </button>
        </div>
        {move || scene.notice.get().map(|n| view! {
            <div class="sandbox-notice" role="status" data-notice=format!("{n:?}")>
                <p>{move || st::notice(n, lang.get())}</p>
                <button type="button" class="link dismiss" on:click=move |_| scene.notice.set(None)>{move || st::dismiss(lang.get())}</button>
            </div>
        })}
    }
}

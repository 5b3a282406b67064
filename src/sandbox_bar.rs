//! Which world the page runs: the built-in presets, and Reset to start the chosen one again.

use facteur_protocols::store::Preset;
use leptos::prelude::*;

use crate::i18n::use_lang;
use crate::sandbox_texts as st;
use crate::state::{use_scene, UPLOADED};
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
pub fn SandboxBar() -> impl IntoView {
    let (scene, wt, lang) = (use_scene(), use_world_texts(), use_lang());
    let last = move || scene.last_undoable();
    // The person whose devices are on screen gets the uploaded messages.
    let person = move || scene.active().split('-').next().unwrap_or("bob").to_owned();
    let upload_says = RwSignal::new(None::<(bool, String)>);
    let on_file = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let login = person();
        leptos::task::spawn_local(async move {
            let name = file.name();
            let lang = lang.get_untracked();
            let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                Err(_) => Vec::new(),
            };
            let said = match scene.import(&bytes, &login) {
                Ok(count) => (true, st::uploaded(count, &name, &login, lang)),
                Err(e) => (false, st::import_error(&e, &name, lang)),
            };
            upload_says.set(Some(said));
        });
    };
    let undo = move |_| {
        scene.undo_last(|who, what| st::undone(who, what, lang.get_untracked()));
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
                <select class="world-choice" prop:value=move || scene.preset()
                    on:change=move |ev| load(event_target_value(&ev))>
                    {Preset::BUILTIN.iter().map(|p| view! {
                        <option value=*p>{move || describe(&wt.get(), p)}</option>
                    }).collect_view()}
                    <Show when=move || scene.preset() == UPLOADED>
                        <option value=UPLOADED>{move || st::uploaded_world(lang.get())}</option>
                    </Show>
                </select>
            </label>
            <label class="upload" title=move || st::upload_hint(&person(), lang.get())>
                <span class="button-like">{move || st::upload(lang.get())}</span>
                <input type="file" class="upload-file visually-hidden" accept=".eml,.mbox,.mbx,.txt,message/rfc822,application/mbox" on:change=on_file />
            </label>
            <button type="button" class="undo" on:click=undo disabled=move || last().is_none()
                title=move || match last() {
                    Some((who, what)) => format!("{} ({who}, {})", st::undo(lang.get()), st::undoable(&what, lang.get())),
                    None => st::nothing_to_undo(lang.get()).to_owned(),
                }>
                "↶ "{move || st::undo(lang.get())}
            </button>
            <button type="button" class="reset-world" on:click=move |_| load(scene.preset_untracked())>
                {move || wt.get().reset_world}
            </button>
        </div>
        {move || upload_says.get().map(|(ok, text)| view! {
            <div class="sandbox-notice upload-result" class:error=!ok role=if ok { "status" } else { "alert" }>
                <p>{text}</p>
                <button type="button" class="link dismiss" on:click=move |_| upload_says.set(None)>{move || st::dismiss(lang.get())}</button>
            </div>
        })}
        {move || scene.notice().map(|n| view! {
            <div class="sandbox-notice" role="status" data-notice=format!("{n:?}")>
                <p>{move || st::notice(n, lang.get())}</p>
                <button type="button" class="link dismiss" on:click=move |_| scene.set_notice(None)>{move || st::dismiss(lang.get())}</button>
            </div>
        })}
    }
}

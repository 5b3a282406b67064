//! The learner's devices: each a small mail app over its own scripted client. The panel
//! shows one person's devices side by side, so one account on several devices is visible.

mod app;
mod compose;
mod problem;
mod setup;

use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::state::{device_id, use_scene};
use crate::world_texts::use_world_texts;

#[component]
pub fn Devices() -> impl IntoView {
    let (scene, texts, wt) = (use_scene(), use_texts(), use_world_texts());
    // The person is the active device's (the devices and the terminal show the same one),
    // unless a lesson step keeps a terminal on screen while the learner works elsewhere.
    let person = Memo::new(move |_| {
        let login = scene.person_on_screen();
        scene
            .people()
            .iter()
            .position(|(l, _)| *l == login)
            .unwrap_or(0)
    });
    view! {
        <section class="devices" aria-labelledby="devices-title">
            <div class="panel-title">
                <h2 id="devices-title">{move || wt.get().devices}</h2>
            </div>
            <p class="hint">{move || wt.get().devices_intro}</p>
            <div class="people" role="group" aria-label=move || wt.get().person>
                {move || scene.people().into_iter().enumerate().map(|(i, (login, _))| {
                    let shown = login.clone();
                    view! {
                        <button type="button" class="person" data-person=login.clone()
                            aria-pressed=move || (person.get() == i).to_string()
                            on:click=move |_| scene.show_person(&login)>
                            {shown}
                        </button>
                    }
                }).collect_view()}
            </div>
            {move || {
                let (login, kinds) = scene.people().into_iter().nth(person.get()).unwrap_or_default();
                kinds.iter().map(|k| view! { <app::DeviceApp id=device_id(&login, *k) /> }).collect_view()
            }}
            <div class="visually-hidden" role="status" aria-live="polite">
                {move || scene.news().map(|(id, count)| {
                    let who = scene.with_devices_untracked(|d| d.get(&id).map(|d| texts.get().device_label(&d.login, d.kind))).unwrap_or(id);
                    wt.get().news(&who, count)
                })}
            </div>
        </section>
    }
}

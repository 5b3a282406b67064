//! `#/class`: a student joins with their first name, then works on the class's world:
//! their phone and laptop, their terminal and their account on the server side, with a
//! directory of classmates to write to.

use facteur_protocols::class::wire::Hello;
use facteur_protocols::class::NAME_MAX;
use facteur_protocols::lesson::course::View;
use facteur_protocols::Port;
use leptos::prelude::*;

use super::link::Status;
use super::texts::use_class_texts;
use super::{use_class, Class};
use crate::app::WorldPanels;
use crate::i18n::use_texts;
use crate::state::Scene;

/// The command a teacher runs, as the README gives it.
pub const COMMAND: &str = "cargo run --release -p facteur-server -- --class --allow-remote";

#[component]
pub fn ClassPage() -> impl IntoView {
    let (class, t) = (use_class(), use_class_texts());
    class.start();
    view! {
        <section class="class-page">
            <h1>{move || t.get().title}</h1>
            {move || match class.hello.get() {
                None => view! { <p role="status">{move || t.get().looking}</p> }.into_any(),
                Some(None) => view! { <NotAClassServer /> }.into_any(),
                Some(Some(hello)) => view! { <InClass hello /> }.into_any(),
            }}
        </section>
        {move || class.scene.get().map(|scene| view! { <ClassWorld scene /> })}
    }
}

/// Why there is no class here, and what a teacher runs to have one.
#[component]
pub fn NotAClassServer() -> impl IntoView {
    let t = use_class_texts();
    view! {
        <p class="notice">{move || t.get().solo}</p>
        <p>{move || t.get().solo_how}</p>
        <pre class="command"><code>{COMMAND}</code></pre>
    }
}

#[component]
fn InClass(hello: Hello) -> impl IntoView {
    let (class, t, texts) = (use_class(), use_class_texts(), use_texts());
    let status = move || match class.status() {
        Some(Status::Open) => t.get().connected,
        Some(Status::Lost) => t.get().lost,
        _ => t.get().connecting,
    };
    let host = hello
        .address
        .trim_start_matches("http://")
        .trim_start_matches("https://")
        .split(':')
        .next()
        .unwrap_or_default()
        .to_owned();
    let ports = hello.ports.clone();
    view! {
        <p class="class-status" class:lost=move || class.status() == Some(Status::Lost) role="status">{status}</p>
        {move || class.was_reset.get().then(|| view! { <p class="notice" role="alert">{move || t.get().reset_by_teacher}</p> })}
        {move || class.refused.get().map(|r| view! { <p class="class-refused" role="alert">{move || t.get().refusal(&r)}</p> })}
        {move || match class.me.get() {
            None => view! { <JoinForm class /> }.into_any(),
            Some(me) => {
                let (host, ports) = (host.clone(), ports.clone());
                view! {
                    <dl class="class-me">
                        <dt>{move || t.get().you_are}</dt><dd class="class-name">{me.name.clone()}</dd>
                        <dt>{move || t.get().your_address}</dt><dd><code class="class-address">{me.address.clone()}</code></dd>
                        <dt>{move || t.get().your_password}</dt><dd><code class="class-password">{me.password.clone()}</code></dd>
                    </dl>
                    <p class="hint">{move || t.get().password_why}</p>
                    <details class="class-ports">
                        <summary>{move || t.get().mail_apps}</summary>
                        <ul>
                            {ports.into_iter().filter_map(|p| Some((p.port, Port::from_number(p.stands_for)?))).map(|(port, real)| view! {
                                <li>
                                    <code>{format!("{host}:{port}")}</code>" — "
                                    {move || texts.get().port_label(real)}
                                </li>
                            }).collect_view()}
                        </ul>
                    </details>
                    <Directory />
                }.into_any()
            }
        }}
    }
}

#[component]
fn JoinForm(class: Class) -> impl IntoView {
    let t = use_class_texts();
    let name = RwSignal::new(String::new());
    let join = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        class.join(&name.get_untracked());
    };
    view! {
        <form class="class-join" on:submit=join>
            <h2>{move || t.get().join_title}</h2>
            <p>{move || t.get().join_lead}</p>
            <label>
                <span>{move || t.get().first_name}</span>
                <input type="text" id="class-name" autocomplete="given-name" maxlength=(NAME_MAX * 2).to_string()
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
            </label>
            <button type="submit" class="primary" prop:disabled=move || class.status() != Some(Status::Open)>{move || t.get().join}</button>
        </form>
    }
}

/// Everyone else in the class, each with a button that starts a message to them.
#[component]
fn Directory() -> impl IntoView {
    let (class, t) = (use_class(), use_class_texts());
    let shown = use_context::<RwSignal<View>>();
    view! {
        <section class="class-directory" aria-labelledby="class-directory-title">
            <h2 id="class-directory-title">{move || t.get().classmates}</h2>
            {move || {
                let mates = class.classmates.get();
                if mates.is_empty() {
                    return view! { <p class="hint">{move || t.get().nobody_yet}</p> }.into_any();
                }
                view! {
                    <ul class="classmates">
                        {mates.into_iter().map(|m| {
                            let to = m.address.clone();
                            let write = move |_| {
                                if let (Some(scene), Some(me)) = (class.scene.get_untracked(), class.me.get_untracked()) {
                                    scene.write_to(&format!("{}-laptop", me.login), &to);
                                    if let Some(shown) = shown {
                                        shown.set(View::Devices);
                                    }
                                }
                            };
                            view! {
                                <li class="classmate">
                                    <span class="classmate-name">{m.name.clone()}</span>" "
                                    <code>{m.address.clone()}</code>" "
                                    <button type="button" class="write-to" on:click=write>{move || t.get().write}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// The student's devices, terminal and server side, over the class's table.
#[component]
fn ClassWorld(scene: Scene) -> impl IntoView {
    provide_context(scene);
    view! {
        <div class="course-workspace class-workspace">
            <WorldPanels />
        </div>
    }
}

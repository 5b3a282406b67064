//! A helper for AUTH PLAIN: builds the base64 of `\0user\0password` that a mail client
//! sends (RFC 4616), so a learner at a `334` prompt is not stuck doing base64 by hand.

use facteur_protocols::sasl::{encode, plain_response};
use facteur_protocols::vocab::Stage;
use leptos::prelude::*;

use crate::browser::focus_later;
use crate::i18n::use_texts;
use crate::state::use_console;

#[component]
pub fn SaslHelper(
    /// Where the built line goes: the command line's text.
    draft: RwSignal<String>,
) -> impl IntoView {
    let (console, texts) = (use_console(), use_texts());
    let stage = move || console.info().map(|i| i.stage);
    let shown = move || matches!(stage(), Some(Stage::SmtpAuth | Stage::Sasl));
    // Filled in from the chosen account, as a mail client would from its settings.
    let account = move || {
        let login = console.connection().map(|c| c.login).unwrap_or_default();
        let password = console.with_world(|w| {
            w.store
                .account(&login)
                .map(|a| a.password.clone())
                .unwrap_or_default()
        });
        (login, password)
    };
    let user = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    Effect::new(move |_| {
        if shown() {
            let (l, p) = account();
            user.set(l);
            password.set(p);
        }
    });
    let encoded = move || plain_response(&user.get(), &password.get());
    let insert = move |_| {
        // After a bare `AUTH PLAIN` the server waits (334) for the answer alone.
        let line = if stage() == Some(Stage::Sasl) {
            encoded()
        } else {
            format!("AUTH PLAIN {}", encoded())
        };
        draft.set(line);
        focus_later("command-line");
    };
    // AUTH LOGIN (non-standard but common) asks for each in turn, each in base64.
    let put = move |line: String| {
        draft.set(line);
        focus_later("command-line");
    };
    let login_user = move |_| put(encode(user.get_untracked().as_bytes()));
    let login_password = move |_| put(encode(password.get_untracked().as_bytes()));
    view! {
        <Show when=shown>
            <details class="sasl-helper">
                <summary>{move || texts.get().sasl_title}</summary>
                <p>{move || texts.get().sasl_explained}</p>
                <div class="sasl-fields">
                    <label>
                        <span>{move || texts.get().sasl_user}</span>
                        <input type="text" autocomplete="off" prop:value=move || user.get()
                            on:input=move |ev| user.set(event_target_value(&ev)) />
                    </label>
                    <label>
                        <span>{move || texts.get().password}</span>
                        <input type="text" autocomplete="off" prop:value=move || password.get()
                            on:input=move |ev| password.set(event_target_value(&ev)) />
                    </label>
                    <p class="sasl-result">
                        <code>{move || format!("\\0{}\\0{}", user.get(), password.get())}</code>
                        " → "
                        <code class="sasl-base64">{encoded}</code>
                    </p>
                    <button type="button" on:click=insert>{move || texts.get().sasl_insert}</button>
                    <p class="sasl-login">
                        {move || texts.get().sasl_login}
                        <button type="button" on:click=login_user>
                            <code>{move || encode(user.get().as_bytes())}</code>
                        </button>
                        <button type="button" on:click=login_password>
                            <code>{move || encode(password.get().as_bytes())}</code>
                        </button>
                    </p>
                </div>
            </details>
        </Show>
    }
}

//! A device's account setup, laid out as Thunderbird's manual setup: how it reads mail, the
//! incoming and outgoing servers with their ports, security and authentication, the user
//! name and password, and presets a teacher can name. Every change applies at once, so a
//! wrong setting fails on the next "Check mail" or "Send", with its diagnosis.

use facteur_protocols::client::fetch::Keep;
use facteur_protocols::client::settings::{
    AccountSettings, Authentication, ConnectionSecurity, ServerSettings, SettingsPreset,
};
use facteur_protocols::device::Receiving;
use facteur_protocols::table::SettingsChange;
use leptos::prelude::*;

use crate::i18n::use_lang;
use crate::lab_texts::{self, LabTexts};
use crate::world_texts::{use_world_texts, WorldTexts};

/// The four ways of reading mail the settings offer, by the value of their option.
const READING: [&str; 4] = ["imap", "pop3-delete", "pop3-leave", "pop3-days"];
/// "Remove after N days" in the settings.
const KEEP_DAYS: u32 = 7;

fn reading_value(r: Receiving) -> &'static str {
    match r {
        Receiving::Imap { .. } => READING[0],
        Receiving::Pop3 {
            keep: Keep::DeleteAfterDownload,
        } => READING[1],
        Receiving::Pop3 {
            keep: Keep::LeaveOnServer,
        } => READING[2],
        Receiving::Pop3 {
            keep: Keep::DeleteAfterDays(_),
        } => READING[3],
    }
}

fn reading_label(t: &WorldTexts, value: &str) -> &'static str {
    match value {
        "imap" => t.imap_choice,
        "pop3-delete" => t.pop3_delete,
        "pop3-leave" => t.pop3_leave,
        _ => t.pop3_days,
    }
}

fn receiving_of(value: &str, idle: bool) -> Receiving {
    match value {
        "pop3-delete" => Receiving::Pop3 {
            keep: Keep::DeleteAfterDownload,
        },
        "pop3-leave" => Receiving::Pop3 {
            keep: Keep::LeaveOnServer,
        },
        "pop3-days" => Receiving::Pop3 {
            keep: Keep::DeleteAfterDays(KEEP_DAYS),
        },
        _ => Receiving::Imap { idle },
    }
}

#[component]
pub fn Setup(
    receiving: Receiving,
    settings: AccountSettings,
    run: Callback<SettingsChange>,
) -> impl IntoView {
    let (wt, lang) = (use_world_texts(), use_lang());
    let lab = Memo::new(move |_| LabTexts::for_lang(lang.get()));
    let host = settings.incoming.host.clone();
    let idle = matches!(receiving, Receiving::Imap { idle: true });
    let apply = move |receiving: Receiving, settings: AccountSettings| {
        run.run(SettingsChange::to(receiving, &settings))
    };
    let with = {
        let settings = settings.clone();
        move |f: &dyn Fn(&mut AccountSettings)| {
            let mut s = settings.clone();
            f(&mut s);
            apply(receiving, s);
        }
    };
    let (w1, w2, w3, w4) = (with.clone(), with.clone(), with.clone(), with);
    let s_for_reading = settings.clone();
    let s_for_idle = settings.clone();
    let in_clear = settings.incoming.security == ConnectionSecurity::None
        || settings.outgoing.security == ConnectionSecurity::None;
    let (incoming, outgoing) = (settings.incoming.clone(), settings.outgoing.clone());
    let (user_name, password) = (settings.user_name.clone(), settings.password.clone());
    view! {
        <label>
            <span>{move || lab.get().preset}</span>
            <select class="preset" prop:value="" on:change=move |ev| {
                let Some(p) = SettingsPreset::from_slug(&event_target_value(&ev)) else { return };
                let s = p.settings(&host, &settings.user_name, &settings.password);
                apply(receiving.under(p), s);
            }>
                <option value="">{move || lab.get().choose_preset}</option>
                {SettingsPreset::ALL.iter().map(|p| view! {
                    <option value=p.slug()>{move || lab_texts::preset(*p, lang.get())}</option>
                }).collect_view()}
            </select>
        </label>
        <fieldset class="incoming">
            <legend>{move || lab.get().incoming}</legend>
            <label>
                <span>{move || wt.get().reads_with}</span>
                <select class="reading" prop:value=reading_value(receiving) on:change=move |ev| {
                    apply(receiving_of(&event_target_value(&ev), idle), s_for_reading.clone());
                }>
                    {READING.iter().map(|v| view! { <option value=*v>{move || reading_label(&wt.get(), v)}</option> }).collect_view()}
                </select>
            </label>
            <Show when=move || receiving.is_imap()>
                <label class="check">
                    <input type="checkbox" class="idle" prop:checked=idle on:change={
                        let s = s_for_idle.clone();
                        move |ev| apply(Receiving::Imap { idle: event_target_checked(&ev) }, s.clone())
                    } />
                    <span>{move || wt.get().idle}</span>
                </label>
            </Show>
            <ServerFields side="in" server=incoming with_auth=false
                on_change=Callback::new(move |s: ServerSettings| w1(&|a| a.incoming = s.clone())) />
        </fieldset>
        <fieldset class="outgoing">
            <legend>{move || lab.get().outgoing}</legend>
            <ServerFields side="out" server=outgoing with_auth=true
                on_change=Callback::new(move |s: ServerSettings| w2(&|a| a.outgoing = s.clone())) />
        </fieldset>
        <label>
            <span>{move || lab.get().user_name}</span>
            <input type="text" class="user-name" autocomplete="off" spellcheck="false"
                prop:value=user_name
                on:change=move |ev| { let v = event_target_value(&ev); w3(&|a| a.user_name = v.trim().to_owned()) } />
        </label>
        <label>
            <span>{move || lab.get().password}</span>
            <input type="text" class="password" autocomplete="off" spellcheck="false"
                prop:value=password
                on:change=move |ev| { let v = event_target_value(&ev); w4(&|a| a.password = v.clone()) } />
        </label>
        {in_clear.then(|| view! { <p class="in-clear">{move || lab.get().in_clear}</p> })}
    }
}

/// Server name, port, security and (outgoing) authentication of one side.
#[component]
fn ServerFields(
    side: &'static str,
    server: ServerSettings,
    with_auth: bool,
    on_change: Callback<ServerSettings>,
) -> impl IntoView {
    let lang = use_lang();
    let lab = Memo::new(move |_| LabTexts::for_lang(lang.get()));
    let server = StoredValue::new(server);
    let change = move |f: &dyn Fn(&mut ServerSettings)| {
        let mut s = server.get_value();
        f(&mut s);
        on_change.run(s);
    };
    view! {
        <label>
            <span>{move || lab.get().server}</span>
            <input type="text" class=format!("{side}-host") autocomplete="off" spellcheck="false"
                prop:value=server.get_value().host
                on:change=move |ev| { let v = event_target_value(&ev); change(&|s| s.host = v.trim().to_owned()) } />
        </label>
        <label>
            <span>{move || lab.get().port_number}</span>
            <input type="number" class=format!("{side}-port") min="1" max="65535" inputmode="numeric"
                prop:value=server.get_value().port.to_string()
                on:change=move |ev| {
                    if let Ok(n) = event_target_value(&ev).trim().parse::<u16>() {
                        change(&|s| s.port = n);
                    }
                } />
        </label>
        <label>
            <span>{move || lab.get().security}</span>
            <select class=format!("{side}-security") prop:value=server.get_value().security.slug()
                on:change=move |ev| {
                    if let Some(v) = ConnectionSecurity::from_slug(&event_target_value(&ev)) {
                        change(&|s| s.security = v);
                    }
                }>
                {ConnectionSecurity::ALL.iter().map(|c| view! {
                    <option value=c.slug()>{move || lab_texts::security(*c, lang.get())}</option>
                }).collect_view()}
            </select>
        </label>
        <label>
            <span>{move || lab.get().authentication}</span>
            <select class=format!("{side}-auth") prop:value=server.get_value().authentication.slug()
                disabled=!with_auth
                on:change=move |ev| {
                    if let Some(v) = Authentication::from_slug(&event_target_value(&ev)) {
                        change(&|s| s.authentication = v);
                    }
                }>
                {Authentication::ALL.iter().filter(|a| with_auth || **a == Authentication::NormalPassword).map(|a| view! {
                    <option value=a.slug()>{move || lab_texts::authentication(*a, lang.get())}</option>
                }).collect_view()}
            </select>
        </label>
    }
}

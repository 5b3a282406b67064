//! Choosing who connects, with which protocol, on which port.

use facteur_protocols::{Port, Service};
use leptos::prelude::*;

use crate::browser::focus_later;
use crate::i18n::use_texts;
use crate::state::device_id;
use crate::state::{use_console, use_scene};

/// The port a learner should meet first for each protocol: how a mail client connects.
fn first_port(service: Service) -> Port {
    match service {
        Service::Smtp => Port::SUBMISSION,
        Service::Pop3 => Port::POP3S,
        Service::Imap => Port::IMAPS,
    }
}

#[component]
pub fn ConnectBar() -> impl IntoView {
    let (console, texts) = (use_console(), use_texts());
    let scene = use_scene();
    // The account and device are the terminal's: choosing them brings that device's
    // terminal on screen.
    let place = move || {
        let active = scene.active();
        scene
            .people()
            .iter()
            .enumerate()
            .find_map(|(a, (login, kinds))| {
                kinds
                    .iter()
                    .position(|k| device_id(login, *k) == active)
                    .map(|d| (a, d))
            })
            .unwrap_or((0, 0))
    };
    let account = Signal::derive(move || place().0);
    let device = Signal::derive(move || place().1);
    let choose = move |a: usize, d: usize| {
        if let Some((login, kinds)) = scene.people_untracked().get(a) {
            let kind = kinds.get(d).or(kinds.first());
            if let Some(kind) = kind {
                scene.show_device(&device_id(login, *kind));
            }
        }
    };
    // A learner meets SMTP first as a mail client does: alice's laptop submitting on 587.
    let service = RwSignal::new(Service::Smtp);
    let port = RwSignal::new(Port::SUBMISSION);
    let lenient = RwSignal::new(true);
    // A lesson step names the port to try; the learner may still choose another.
    Effect::new(move |_| {
        if let Some(p) = scene.offer() {
            service.set(p.service);
            port.set(p);
        }
    });
    // While the terminal is connected, the bar shows the connection's protocol and port,
    // not a choice made for another device or offered before.
    Effect::new(move |_| {
        if let Some(c) = console.connection() {
            service.set(c.service);
            port.set(c.port);
        }
    });
    // Not connected, the bar names the protocol and port of the dialogue on screen (an
    // app's check on IMAP 993 offers IMAP 993): when a connection is shown, and on arrival
    // unless the step offers its own port.
    Effect::new(move |before: Option<Option<(Service, u16)>>| {
        let dialed = console.dialed();
        let arrived = before.is_none() && scene.offer().is_none();
        let new = before.is_some_and(|b| b != dialed);
        let shown = dialed.and_then(|(s, n)| Port::from_number(n).filter(|p| p.service == s));
        if let (Some(p), true, None) = (shown, arrived || new, console.connection_untracked()) {
            service.set(p.service);
            port.set(p);
        }
        dialed
    });
    let connected = move || console.connection().is_some();

    let connect = move |_| {
        let people = scene.people_untracked();
        let Some((login, kinds)) = people.get(account.get_untracked()) else {
            return;
        };
        let Some(kind) = kinds.get(device.get_untracked()).or(kinds.first()).copied() else {
            return;
        };
        let client = texts.get_untracked().device_label(login, kind);
        scene.connect(
            console,
            &client,
            port.get_untracked(),
            lenient.get_untracked(),
        );
        focus_later("command-line");
    };
    let disconnect = move |_| scene.disconnect(console);
    // The chosen account's address and password, read from the world the servers use.
    let credentials = move || {
        let login = scene.people().into_iter().nth(account.get())?.0;
        console.with_world(|w| {
            w.store
                .account(&login)
                .map(|a| (a.address.to_string(), a.password.clone()))
        })
    };
    let purpose = move || {
        let t = texts.get();
        match service.get() {
            Service::Smtp => t.purpose_smtp,
            Service::Pop3 => t.purpose_pop3,
            Service::Imap => t.purpose_imap,
        }
    };
    let status = move || {
        let t = texts.get();
        match console.info() {
            Some(info) => {
                let lock = if info.encrypted {
                    t.encrypted
                } else {
                    t.cleartext
                };
                let who = info.login.map(|l| format!(" · {l}")).unwrap_or_default();
                (
                    format!("{} {}{who}", Service::name(info.service), info.host),
                    lock,
                    info.encrypted,
                )
            }
            None => (t.not_connected.to_owned(), "", false),
        }
    };

    view! {
        <form class="connect-bar" on:submit=|ev| ev.prevent_default()>
            <label>
                <span>{move || texts.get().account}</span>
                <select
                    prop:value=move || account.get().to_string()
                    on:change=move |ev| choose(event_target_value(&ev).parse().unwrap_or(0), 0)
                >
                    {move || scene.people().into_iter().enumerate().map(|(i, (login, _))| view! { <option value=i.to_string()>{login}</option> }).collect_view()}
                </select>
            </label>
            <label>
                <span>{move || texts.get().device}</span>
                <select
                    prop:value=move || device.get().to_string()
                    on:change=move |ev| choose(account.get_untracked(), event_target_value(&ev).parse().unwrap_or(0))
                >
                    {move || {
                        let t = texts.get();
                        let kinds = scene.people().into_iter().nth(account.get()).map(|p| p.1).unwrap_or_default();
                        kinds.into_iter().enumerate()
                            .map(|(i, d)| view! { <option value=i.to_string()>{t.device_name(d)}</option> })
                            .collect_view()
                    }}
                </select>
            </label>
            <label>
                <span>{move || texts.get().protocol}</span>
                <select
                    prop:value=move || Service::name(service.get())
                    on:change=move |ev| {
                        let s = match event_target_value(&ev).as_str() {
                            "POP3" => Service::Pop3,
                            "IMAP" => Service::Imap,
                            _ => Service::Smtp,
                        };
                        service.set(s);
                        port.set(first_port(s));
                    }
                    prop:disabled=connected
                >
                    <option value="SMTP">"SMTP"</option>
                    <option value="POP3">"POP3"</option>
                    <option value="IMAP">"IMAP"</option>
                </select>
            </label>
            <label>
                <span>{move || texts.get().port}</span>
                <select
                    prop:value=move || port.get().number.to_string()
                    on:change=move |ev| {
                        let n: u16 = event_target_value(&ev).parse().unwrap_or(0);
                        if let Some(p) = Port::from_number(n) {
                            port.set(p);
                        }
                    }
                    prop:disabled=connected
                >
                    {move || {
                        let t = texts.get();
                        Port::of(service.get())
                            .map(|p| view! { <option value=p.number.to_string()>{t.port_label(p)}</option> })
                            .collect_view()
                    }}
                </select>
            </label>
            <label class="lenient">
                <input type="checkbox" aria-describedby="lenient-explained" prop:checked=move || lenient.get() on:change=move |ev| lenient.set(event_target_checked(&ev)) />
                <span>{move || texts.get().lenient}</span>
            </label>
            <Show
                when=connected
                fallback=move || view! { <button type="submit" id="connect-button" class="primary" on:click=connect>{move || texts.get().connect}</button> }
            >
                <button type="button" id="disconnect-button" on:click=disconnect>{move || texts.get().disconnect}</button>
            </Show>
            <p class="status" class:secure=move || status().2 class:connected=connected>
                <span class="status-where">{move || status().0}</span>
                <span class="status-lock">{move || status().1}</span>
            </p>
            <div class="connect-notes">
                <p class="credentials">
                    {move || credentials().map(|(address, password)| view! {
                        <span class="address">{address}</span>
                        " · "{move || texts.get().password}" "
                        <code class="password">{password}</code>
                    })}
                </p>
                <p class="purpose">{purpose}</p>
                <p id="lenient-explained" class="lenient-explained">{move || texts.get().lenient_explained}</p>
            </div>
        </form>
    }
}

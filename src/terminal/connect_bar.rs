//! Choosing who connects, with which protocol, on which port.

use facteur_protocols::{Port, Service};
use leptos::prelude::*;

use crate::engine::use_console;
use crate::i18n::{use_texts, Texts};

/// The demo world's people and their devices (curriculum: alice has a laptop; bob a phone,
/// a laptop and a tablet; carol a laptop).
const ACCOUNTS: [(&str, &[Device]); 3] = [
    ("alice", &[Device::Laptop]),
    ("bob", &[Device::Phone, Device::Laptop, Device::Tablet]),
    ("carol", &[Device::Laptop]),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Device {
    Laptop,
    Phone,
    Tablet,
}

impl Device {
    fn name(self, t: &Texts) -> &'static str {
        match self {
            Device::Laptop => t.laptop,
            Device::Phone => t.phone,
            Device::Tablet => t.tablet,
        }
    }
}

#[component]
pub fn ConnectBar() -> impl IntoView {
    let (console, texts) = (use_console(), use_texts());
    let account = RwSignal::new(0_usize);
    let device = RwSignal::new(0_usize);
    let service = RwSignal::new(Service::Smtp);
    let port = RwSignal::new(Port::SMTP);
    let lenient = RwSignal::new(true);
    let connected = move || console.connection.with(Option::is_some);

    let connect = move |_| {
        let (login, devices) = ACCOUNTS[account.get_untracked()];
        let device = devices
            .get(device.get_untracked())
            .copied()
            .unwrap_or(Device::Laptop);
        let client = format!("{login} · {}", device.name(&texts.get_untracked()));
        console.connect(login, client, port.get_untracked(), lenient.get_untracked());
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
                    on:change=move |ev| {
                        account.set(event_target_value(&ev).parse().unwrap_or(0));
                        device.set(0);
                    }
                    prop:disabled=connected
                >
                    {ACCOUNTS.iter().enumerate().map(|(i, (login, _))| view! { <option value=i.to_string()>{*login}</option> }).collect_view()}
                </select>
            </label>
            <label>
                <span>{move || texts.get().device}</span>
                <select
                    prop:value=move || device.get().to_string()
                    on:change=move |ev| device.set(event_target_value(&ev).parse().unwrap_or(0))
                    prop:disabled=connected
                >
                    {move || {
                        let t = texts.get();
                        ACCOUNTS[account.get()].1.iter().enumerate()
                            .map(|(i, d)| view! { <option value=i.to_string()>{d.name(&t)}</option> })
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
                        port.set(Port::of(s).next().unwrap_or(Port::SMTP));
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
            <label class="lenient" title=move || texts.get().lenient_hint>
                <input type="checkbox" prop:checked=move || lenient.get() on:change=move |ev| lenient.set(event_target_checked(&ev)) />
                <span>{move || texts.get().lenient}</span>
            </label>
            <Show
                when=connected
                fallback=move || view! { <button type="submit" class="primary" on:click=connect>{move || texts.get().connect}</button> }
            >
                <button type="button" on:click=move |_| console.disconnect()>{move || texts.get().disconnect}</button>
            </Show>
            <p class="status" class:secure=move || status().2 class:connected=connected>
                <span class="status-where">{move || status().0}</span>
                <span class="status-lock">{move || status().1}</span>
            </p>
        </form>
    }
}

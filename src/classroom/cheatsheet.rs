//! The cheat sheet (`#/cheatsheet`): ports, a mail app's settings, the demo accounts, every
//! command of the three protocols with an example, and the replies, on one page that prints
//! on paper (print CSS in static/style.css). The commands, ports and accounts come from the
//! engine, so the sheet says what the servers in the page do.

use facteur_protocols::explain::reference::{
    imap_example, imap_meaning, pop3_example, pop3_meaning, smtp_code, smtp_example, smtp_meaning,
    SMTP_CODES,
};
use facteur_protocols::explain::terminal::reply_class;
use facteur_protocols::imap::CommandName;
use facteur_protocols::{pop3, smtp, Port, Service, World};
use leptos::prelude::*;

use super::texts::use_classroom_texts;
use crate::i18n::{use_lang, use_texts, Lang};

/// One row of a command table: the example line and what it does.
fn command_rows(service: Service, lang: Lang) -> Vec<(&'static str, &'static str)> {
    match service {
        Service::Smtp => smtp::Verb::ALL
            .iter()
            .map(|&v| (smtp_example(v), smtp_meaning(v, lang)))
            .collect(),
        Service::Pop3 => pop3::Verb::ALL
            .iter()
            .map(|&v| (pop3_example(v), pop3_meaning(v, lang)))
            .collect(),
        Service::Imap => CommandName::ALL
            .iter()
            .map(|&c| (imap_example(c), imap_meaning(c, lang)))
            .collect(),
    }
}

#[component]
fn CommandTable(service: Service) -> impl IntoView {
    let (lang, t) = (use_lang(), use_classroom_texts());
    view! {
        <section class="sheet-block sheet-commands">
            <h2>{move || format!("{} — {}", service.name(), t.get().commands)}</h2>
            <table>
                <thead><tr><th scope="col">{move || t.get().example}</th><th scope="col">{move || t.get().meaning}</th></tr></thead>
                <tbody>
                    {move || command_rows(service, lang.get()).into_iter().map(|(example, meaning)| view! {
                        <tr><td><code>{example}</code></td><td>{meaning}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// One row of a mail app's settings: the side, then the port to choose with SSL/TLS and
/// the one with STARTTLS (STLS for POP3), as the app's menu names them.
fn settings_row(side: String, tls: Port, starttls: Port) -> impl IntoView {
    view! {
        <tr>
            <th scope="row">{side}</th>
            <td>"mail.example.test"</td>
            <td><strong>{tls.number}</strong></td>
            <td><strong>{starttls.number}</strong></td>
        </tr>
    }
}

#[component]
pub fn CheatSheet() -> impl IntoView {
    let (lang, t, texts) = (use_lang(), use_classroom_texts(), use_texts());
    // The demo world's accounts, as its servers know them.
    let accounts: Vec<(String, String, String)> = World::from_preset("demo")
        .map(|w| {
            w.store
                .accounts
                .values()
                .map(|a| (a.login.clone(), a.password.clone(), a.address.to_string()))
                .collect()
        })
        .unwrap_or_default();
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <section class="cheatsheet">
            <div class="sheet-head">
                <h1>{move || format!("Facteur — {}", t.get().sheet_title)}</h1>
                <button type="button" class="primary sheet-print" on:click=print>{move || t.get().print}</button>
            </div>
            <section class="sheet-block sheet-ports">
                <h2>{move || t.get().ports}</h2>
                <table>
                    <thead><tr>
                        <th scope="col">{move || t.get().port}</th>
                        <th scope="col">{move || t.get().protocol}</th>
                        <th scope="col">{move || t.get().role}</th>
                    </tr></thead>
                    <tbody>
                        {move || Port::ALL.iter().map(|&p| {
                            let role = texts.get().port_role(p);
                            view! { <tr><td><strong>{p.number}</strong></td><td>{p.service.name()}</td><td>{role}</td></tr> }
                        }).collect_view()}
                    </tbody>
                </table>
                <p class="sheet-warning">{move || t.get().wrong_row}</p>
            </section>
            <section class="sheet-block sheet-settings">
                <h2>{move || t.get().settings}</h2>
                <table>
                    <thead><tr>
                        <td></td>
                        <th scope="col">{move || t.get().server_name}</th>
                        <th scope="col">"SSL/TLS"</th>
                        <th scope="col">"STARTTLS"</th>
                    </tr></thead>
                    <tbody>
                        {move || {
                            let t = t.get();
                            view! {
                                {settings_row(format!("{} · IMAP", t.incoming), Port::IMAPS, Port::IMAP)}
                                {settings_row(format!("{} · POP3", t.incoming), Port::POP3S, Port::POP3)}
                                {settings_row(format!("{} · SMTP", t.outgoing), Port::SUBMISSIONS, Port::SUBMISSION)}
                            }
                        }}
                    </tbody>
                </table>
                <p>{move || t.get().settings_note}</p>
                <h2>{move || t.get().accounts}</h2>
                <table>
                    <thead><tr>
                        <th scope="col">{move || t.get().user_name}</th>
                        <th scope="col">{move || t.get().password}</th>
                        <th scope="col">{move || t.get().address}</th>
                    </tr></thead>
                    <tbody>
                        {accounts.into_iter().map(|(login, password, address)| view! {
                            <tr><td><code>{login}</code></td><td><code>{password}</code></td><td>{address}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
            <CommandTable service=Service::Smtp />
            <CommandTable service=Service::Pop3 />
            <CommandTable service=Service::Imap />
            <section class="sheet-block sheet-replies">
                <h2>{move || t.get().replies}</h2>
                <ul>
                    {move || ["2", "3", "4", "5"].into_iter().filter_map(|c| reply_class(c, lang.get())).map(|s| view! { <li>{s}</li> }).collect_view()}
                </ul>
                <table>
                    <caption>{move || t.get().smtp_codes}</caption>
                    <tbody>
                        {move || SMTP_CODES.iter().filter_map(|&c| smtp_code(c, lang.get()).map(|s| (c, s))).map(|(c, s)| view! {
                            <tr><td><code>{c}</code></td><td>{s}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <p>{move || t.get().pop3_replies}</p>
                <p>{move || t.get().imap_replies}</p>
            </section>
        </section>
    }
}

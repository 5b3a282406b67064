//! `#/class/teacher`: the class for its teacher, behind the password the class server
//! printed: who is connected, how much mail moves, each student's mailboxes as counts
//! (subjects only in a mailbox the teacher opens), starting the class again, and the
//! links and code for the room.

use facteur_protocols::class::{ClassReport, MailboxOpened};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;

use super::page::NotAClassServer;
use super::texts::use_class_texts;
use super::use_class;
use crate::browser::fetch_with;
use crate::classroom::address::link;
use crate::classroom::qr::QrCodeView;
use crate::course::use_course;
use crate::i18n::use_lang;
use crate::route::Route;

/// How often the report is asked again.
const EVERY_MS: u32 = 2_000;
/// Kept for the tab's life, so a reload does not ask again.
const KEY: &str = "facteur.class.teacher";

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// What the last ask for the report found.
#[derive(Debug, Clone, PartialEq)]
enum Seen {
    Nothing,
    Report(ClassReport),
    WrongPassword,
    Unreachable,
}

#[component]
pub fn ClassTeacherPage() -> impl IntoView {
    let (class, t) = (use_class(), use_class_texts());
    class.start();
    view! {
        <section class="class-teacher">
            <h1>{move || t.get().teacher_title}</h1>
            {move || match class.hello.get() {
                None => view! { <p role="status">{move || t.get().looking}</p> }.into_any(),
                Some(None) => view! { <NotAClassServer /> }.into_any(),
                Some(Some(hello)) => view! { <TeacherView address=hello.address /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn TeacherView(address: String) -> impl IntoView {
    let t = use_class_texts();
    let password = RwSignal::new(
        session()
            .and_then(|s| s.get_item(KEY).ok().flatten())
            .unwrap_or_default(),
    );
    let typed = RwSignal::new(String::new());
    let seen = RwSignal::new(Seen::Nothing);
    let opened = RwSignal::new(None::<MailboxOpened>);
    let confirming = RwSignal::new(false);
    let done = RwSignal::new(false);
    let ask = move || {
        leptos::task::spawn_local(async move {
            let Some(pw) = password.try_get_untracked().filter(|p| !p.is_empty()) else {
                return;
            };
            let found = match fetch_with("class/teacher/report", "GET", &pw).await {
                Some((200, text)) => {
                    serde_json::from_str(&text).map_or(Seen::Unreachable, Seen::Report)
                }
                Some((401, _)) => Seen::WrongPassword,
                _ => Seen::Unreachable,
            };
            if found == Seen::WrongPassword {
                password.set(String::new());
                if let Some(s) = session() {
                    let _ = s.remove_item(KEY);
                }
            } else if let Some(s) = session() {
                let _ = s.set_item(KEY, &pw);
            }
            seen.set(found);
        });
    };
    // Asked at once, then every two seconds while the page is open.
    ask();
    let alive = StoredValue::new(());
    leptos::task::spawn_local(async move {
        loop {
            TimeoutFuture::new(EVERY_MS).await;
            if alive.try_get_value().is_none() {
                return;
            }
            ask();
        }
    });
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        password.set(typed.get_untracked().trim().to_owned());
        ask();
    };
    let show_mailbox = move |login: String, mailbox: String| {
        leptos::task::spawn_local(async move {
            let pw = password.get_untracked();
            let address = format!("class/teacher/mailbox?login={login}&mailbox={mailbox}");
            if let Some((200, text)) = fetch_with(&address, "GET", &pw).await {
                opened.set(serde_json::from_str(&text).ok());
            }
        });
    };
    let reset = move |_| {
        confirming.set(false);
        leptos::task::spawn_local(async move {
            let pw = password.get_untracked();
            if let Some((204, _)) = fetch_with("class/teacher/reset", "POST", &pw).await {
                opened.set(None);
                done.set(true);
            }
            ask();
        });
    };
    let join = format!("{address}#/class");
    view! {
        <p class="home-lead">{move || t.get().teacher_lead}</p>
        {move || (password.get().is_empty() || seen.get() == Seen::WrongPassword).then(|| view! {
            <form class="class-join" on:submit=open>
                <label>
                    <span>{move || t.get().teacher_password}</span>
                    <input type="password" id="teacher-password" autocomplete="off"
                        prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev)) />
                </label>
                <button type="submit" class="primary">{move || t.get().teacher_open}</button>
                {move || (seen.get() == Seen::WrongPassword).then(|| view! { <p class="class-refused" role="alert">{move || t.get().teacher_wrong}</p> })}
            </form>
        })}
        {move || (seen.get() == Seen::Unreachable).then(|| view! { <p class="class-refused" role="alert">{move || t.get().teacher_unreachable}</p> })}
        {move || match seen.get() {
            Seen::Report(report) => Some(view! {
                <p class="class-counts" role="status">
                    {t.get().how_many(report.students.len(), report.max_students)}" · "
                    {t.get().per_minute}": "<strong class="per-minute">{report.delivered_last_minute}</strong>" · "
                    {t.get().delivered}": "<strong>{report.delivered}</strong>
                </p>
                <h2>{move || t.get().students}</h2>
                {if report.students.is_empty() {
                    view! { <p class="hint">{move || t.get().no_students}</p> }.into_any()
                } else {
                    view! {
                        <div class="class-table-box">
                        <table class="class-students">
                            <thead><tr>
                                <th scope="col">{move || t.get().student}</th>
                                <th scope="col">{move || t.get().address}</th>
                                <th scope="col">{move || t.get().pages_open}</th>
                                <th scope="col">{move || t.get().mailboxes}</th>
                            </tr></thead>
                            <tbody>
                                {report.students.into_iter().map(|s| {
                                    let login = s.login.clone();
                                    view! {
                                        <tr class="class-student">
                                            <th scope="row">{s.name.clone()}</th>
                                            <td><code>{s.address.clone()}</code></td>
                                            <td class="pages">{s.connections}</td>
                                            <td class="boxes">
                                                {s.mailboxes.into_iter().filter(|m| m.messages > 0 || m.name == "INBOX").map(|m| {
                                                    let (login, name) = (login.clone(), m.name.clone());
                                                    view! {
                                                        <span class="box">
                                                            {format!("{} {} ({})", m.name, m.messages, m.unseen)}" "
                                                            <button type="button" class="open-box"
                                                                on:click=move |_| show_mailbox(login.clone(), name.clone())>
                                                                {move || t.get().open_mailbox}
                                                            </button>
                                                        </span>
                                                    }
                                                }).collect_view()}
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                        </div>
                    }.into_any()
                }}
                {move || opened.get().map(|o| view! {
                    <section class="class-mailbox" aria-label=format!("{} · {}", o.login, o.mailbox)>
                        <h3>{format!("{}@class.test · {}", o.login, o.mailbox)}</h3>
                        {if o.messages.is_empty() {
                            view! { <p>{move || t.get().empty_mailbox}</p> }.into_any()
                        } else {
                            view! {
                                <table>
                                    <thead><tr><th scope="col">{move || t.get().from}</th><th scope="col">{move || t.get().subject}</th></tr></thead>
                                    <tbody>{o.messages.into_iter().map(|m| view! { <tr><td>{m.from}</td><td>{m.subject}</td></tr> }).collect_view()}</tbody>
                                </table>
                            }.into_any()
                        }}
                        <button type="button" on:click=move |_| opened.set(None)>{move || t.get().close_mailbox}</button>
                    </section>
                })}
                <div class="class-reset">
                    {move || if confirming.get() {
                        view! {
                            <p role="alert">{move || t.get().reset_sure}</p>
                            <button type="button" class="danger" id="reset-yes" on:click=reset>{move || t.get().reset_yes}</button>
                            " "
                            <button type="button" on:click=move |_| confirming.set(false)>{move || t.get().reset_no}</button>
                        }.into_any()
                    } else {
                        view! { <button type="button" id="reset-class" on:click=move |_| { done.set(false); confirming.set(true); }>{move || t.get().reset}</button> }.into_any()
                    }}
                    {move || done.get().then(|| view! { <p role="status">{move || t.get().reset_done}</p> })}
                </div>
            }),
            _ => None,
        }}
        <RoomLinks address join />
    }
}

/// The code students scan to join, and each lesson at the room's address.
#[component]
fn RoomLinks(address: String, join: String) -> impl IntoView {
    let (t, lang, course) = (use_class_texts(), use_lang(), use_course());
    let ct = crate::classroom::texts::use_classroom_texts();
    let lessons = move || {
        let lang = lang.get();
        course
            .lessons(lang)
            .into_iter()
            .map(|l| {
                let route = Route::Step {
                    lesson: l.number,
                    step: 1,
                };
                (l.title, link(&address, lang, route))
            })
            .collect::<Vec<_>>()
    };
    let label = Signal::derive(move || t.get().join_title.to_owned());
    view! {
        <h2>{move || t.get().join_title}</h2>
        <div class="class-join-code">
            <QrCodeView text=join.clone() label too_long=Signal::derive(move || ct.get().qr_too_long) />
            <p><code class="join-address">{join.clone()}</code></p>
        </div>
        <h2>{move || t.get().lesson_links}</h2>
        <ol class="class-lessons">
            {move || lessons().into_iter().map(|(title, href)| view! {
                <li><a href=href.clone()>{title}</a>" "<code>{href.clone()}</code></li>
            }).collect_view()}
        </ol>
    }
}

//! The teacher's page (`#/teacher`): every lesson with a link to copy and a QR code to put
//! on the board, how to share a dialogue with the class, what offline use needs, and the
//! cheat sheet to print.

use leptos::prelude::*;

use super::offline::Offline;
use super::qr::QrCodeView;
use super::share::page_address;
use super::texts::use_classroom_texts;
use crate::browser::copy;
use crate::course::use_course;
use crate::i18n::{use_lang, use_texts};
use crate::route::Route;

/// A lesson as the board shows it: its number, title and full link.
#[derive(Debug, Clone, PartialEq)]
struct BoardLesson {
    number: u32,
    title: String,
    link: String,
}

#[component]
pub fn TeacherPage(offline: Offline) -> impl IntoView {
    let (state, lang, t, texts) = (use_course(), use_lang(), use_classroom_texts(), use_texts());
    let lessons = Memo::new(move |_| {
        let address = page_address();
        state
            .lessons(lang.get())
            .into_iter()
            .map(|l| BoardLesson {
                number: l.number,
                link: format!(
                    "{address}{}",
                    Route::Step {
                        lesson: l.number,
                        step: 1
                    }
                    .fragment()
                ),
                title: l.title,
            })
            .collect::<Vec<_>>()
    });
    // The lesson shown large for the class, if any, and the button that showed it, which
    // gets the focus back when the board closes.
    let board = RwSignal::new(None::<u32>);
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let close_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = close_button.get() {
            let _ = button.focus();
        }
    });
    let close = move || {
        board.set(None);
        if let Some(button) = opener.get_value() {
            let _ = button.focus();
        }
    };
    let open_board = move |number: u32| {
        let focused = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
        opener.set_value(focused);
        board.set(Some(number));
    };
    let copied = RwSignal::new(None::<u32>);
    let on_board = move || {
        board
            .get()
            .and_then(|n| lessons.get().into_iter().find(|l| l.number == n))
    };
    view! {
        <section class="teacher">
            <h2>{move || t.get().teacher_title}</h2>
            <p class="home-lead">{move || t.get().teacher_lead}</p>
            <h3>{move || t.get().lessons_for_board}</h3>
            <ol class="board-lessons">
                <For each=move || lessons.get() key=|l| (l.number, l.title.clone()) let:lesson>
                    {
                        let number = lesson.number;
                        let link = StoredValue::new(lesson.link.clone());
                        let qr_label = move || format!("{} {number}", t.get().qr_of_lesson);
                        view! {
                            <li class="board-lesson">
                                <QrCodeView text=lesson.link.clone() label=Signal::derive(qr_label)
                                    too_long=Signal::derive(move || t.get().qr_too_long) />
                                <div class="board-lesson-text">
                                    <a class="board-title" href=Route::Step { lesson: number, step: 1 }.fragment()>
                                        {format!("{number}. {}", lesson.title)}
                                    </a>
                                    <input class="lesson-link" type="text" readonly prop:value=lesson.link.clone()
                                        aria-label=move || format!("{} {number}", t.get().link_of_lesson)
                                        on:focus=move |ev| crate::browser::select_all(&ev) />
                                    <div class="board-actions">
                                        <button type="button" on:click=move |_| { copy(&link.get_value()); copied.set(Some(number)); }>
                                            {move || t.get().copy_link}
                                        </button>
                                        <button type="button" on:click=move |_| open_board(number)>{move || t.get().show_on_board}</button>
                                        <span class="copied" role="status">{move || (copied.get() == Some(number)).then(|| t.get().copied)}</span>
                                    </div>
                                </div>
                            </li>
                        }
                    }
                </For>
            </ol>
            <h3>{move || t.get().share_title}</h3>
            <p>{move || t.get().share_how}</p>
            <p><a href=Route::Sandbox.fragment()>{move || t.get().open_sandbox}</a></p>
            <h3>{move || t.get().offline_title}</h3>
            <p>{move || t.get().offline_how}</p>
            <p class="offline-here" class:kept=move || offline.kept.get()>
                {move || if offline.kept.get() { t.get().offline_here_yes } else { t.get().offline_here_no }}
            </p>
            <h3>{move || t.get().sheet_title}</h3>
            <p>{move || t.get().sheet_how}</p>
            <p><a href=Route::CheatSheet.fragment()>{move || t.get().open_sheet}</a></p>
        </section>
        {move || on_board().map(|l| view! {
            <div class="board" role="dialog" aria-modal="true" aria-labelledby="board-title"
                on:keydown=move |ev| if ev.key() == "Escape" { close() }>
                <h2 id="board-title">{format!("{}. {}", l.number, l.title)}</h2>
                <QrCodeView text=l.link.clone() label=Signal::derive(move || format!("{} {}", t.get().qr_of_lesson, l.number))
                    too_long=Signal::derive(move || t.get().qr_too_long) />
                <p class="board-link">{l.link.clone()}</p>
                <button type="button" class="primary board-close" node_ref=close_button on:click=move |_| close()>{move || texts.get().close}</button>
            </div>
        })}
    }
}

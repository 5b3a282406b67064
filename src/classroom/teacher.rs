//! The teacher's page (`#/teacher`): every lesson with a link to copy and a QR code to put
//! on the board, how to share a dialogue with the class, what offline use needs, and the
//! cheat sheet to print.

use leptos::prelude::*;

use super::board::{Board, BoardView, Shown};
use super::offline::Offline;
use super::qr::QrCodeView;
use super::share::page_address;
use super::texts::use_classroom_texts;
use crate::browser::copy;
use crate::course::use_course;
use crate::i18n::use_lang;
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
    let (state, lang, t) = (use_course(), use_lang(), use_classroom_texts());
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
    let board = Board::new();
    let copied = RwSignal::new(None::<u32>);
    view! {
        <section class="teacher">
            <h1>{move || t.get().teacher_title}</h1>
            <p class="home-lead">{move || t.get().teacher_lead}</p>
            <h2>{move || t.get().lessons_for_board}</h2>
            <ol class="board-lessons">
                <For each=move || lessons.get() key=|l| (l.number, l.title.clone()) let:lesson>
                    {
                        let number = lesson.number;
                        let link = StoredValue::new(lesson.link.clone());
                        let title = StoredValue::new(lesson.title.clone());
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
                                        <button type="button" on:click=move |_| board.show(Shown {
                                            title: format!("{number}. {}", title.get_value()),
                                            link: link.get_value(),
                                            label: qr_label(),
                                        })>{move || t.get().show_on_board}</button>
                                        <span class="copied" role="status">{move || (copied.get() == Some(number)).then(|| t.get().copied)}</span>
                                    </div>
                                </div>
                            </li>
                        }
                    }
                </For>
            </ol>
            <h2>{move || t.get().share_title}</h2>
            <p>{move || t.get().share_how}</p>
            <p><a href=Route::Sandbox.fragment()>{move || t.get().open_sandbox}</a></p>
            <h2>{move || t.get().offline_title}</h2>
            <p>{move || t.get().offline_how}</p>
            <p class="offline-here" class:kept=move || offline.kept.get()>
                {move || if offline.kept.get() { t.get().offline_here_yes } else { t.get().offline_here_no }}
            </p>
            <h2>{move || t.get().sheet_title}</h2>
            <p>{move || t.get().sheet_how}</p>
            <p><a href=Route::CheatSheet.fragment()>{move || t.get().open_sheet}</a></p>
        </section>
        <BoardView board />
    }
}

//! The teacher's page (`#/teacher`): the address students use, every lesson with a link to
//! copy and a QR code to put on the board, how to share a dialogue with the class, what
//! offline use needs, and the cheat sheet to print.

use leptos::prelude::*;

use super::address::{is_local, link, normalise, page_address, save, saved};
use super::board::{Board, BoardView};
use super::class::ClassProgress;
use super::link_field::LinkField;
use super::offline::Offline;
use super::own_lesson::TryLesson;
use super::qr::QrCodeView;
use super::texts::use_classroom_texts;
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
    let here = StoredValue::new(page_address());
    let students = RwSignal::new(saved());
    let base = Memo::new(move |_| students.get().unwrap_or_else(|| here.get_value()));
    let lessons = Memo::new(move |_| {
        let (base, lang) = (base.get(), lang.get());
        state
            .lessons(lang)
            .into_iter()
            .map(|l| BoardLesson {
                number: l.number,
                link: link(
                    &base,
                    lang,
                    Route::Step {
                        lesson: l.number,
                        step: 1,
                    },
                ),
                title: l.title,
            })
            .collect::<Vec<_>>()
    });
    let board = Board::new();
    view! {
        <section class="teacher">
            <h1>{move || t.get().teacher_title}</h1>
            <p class="home-lead">{move || t.get().teacher_lead}</p>
            <StudentsAddress students here base />
            <h2>{move || t.get().lessons_for_board}</h2>
            <ol class="board-lessons">
                <For each=move || lessons.get() key=|l| (l.number, l.title.clone(), l.link.clone()) let:lesson>
                    {
                        let number = lesson.number;
                        let qr_label = move || format!("{} {number}", t.get().qr_of_lesson);
                        let title = format!("{number}. {}", lesson.title);
                        view! {
                            <li class="board-lesson">
                                <QrCodeView text=lesson.link.clone() label=Signal::derive(qr_label)
                                    too_long=Signal::derive(move || t.get().qr_too_long) />
                                <div class="board-lesson-text">
                                    <a class="board-title" href=Route::Step { lesson: number, step: 1 }.fragment()>
                                        {title.clone()}
                                    </a>
                                    <LinkField link=lesson.link.clone() board board_title=title
                                        label=Signal::derive(move || format!("{} {number}", t.get().link_of_lesson))
                                        qr_label=Signal::derive(qr_label) />
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
            <p class="offline-here" class:kept=move || offline.kept.get() class:unavailable=!offline.available>
                {move || match (offline.available, offline.kept.get()) {
                    (false, _) => t.get().offline_unavailable,
                    (true, true) => t.get().offline_here_yes,
                    (true, false) => t.get().offline_here_no,
                }}
            </p>
            <ClassProgress />
            <TryLesson />
            <h2>{move || t.get().sheet_title}</h2>
            <p>{move || t.get().sheet_how}</p>
            <p><a href=Route::CheatSheet.fragment()>{move || t.get().open_sheet}</a></p>
        </section>
        <BoardView board />
    }
}

/// "The address your students use": a warning when the page is open at an address only
/// this machine reaches, and the field where the teacher gives the one students use.
#[component]
fn StudentsAddress(
    students: RwSignal<Option<String>>,
    here: StoredValue<String>,
    base: Memo<String>,
) -> impl IntoView {
    let t = use_classroom_texts();
    let typed = RwSignal::new(base.get_untracked());
    let wrong = RwSignal::new(false);
    let choose = move |chosen: Option<String>| {
        let chosen = chosen.filter(|a| *a != here.get_value());
        save(chosen.as_deref());
        students.set(chosen);
        typed.set(base.get_untracked());
        wrong.set(false);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match normalise(&typed.get_untracked()) {
            Ok(address) => choose(Some(address)),
            Err(_) => wrong.set(true),
        }
    };
    view! {
        <h2 id="students-address-title">{move || t.get().students_title}</h2>
        <Show when=move || is_local(&base.get())>
            <p class="address-warning">{move || t.get().local_warning(&base.get())}</p>
        </Show>
        <form class="students-address" on:submit=submit aria-labelledby="students-address-title">
            <label for="students-address">{move || t.get().students_label}</label>
            <div class="address-row">
                <input id="students-address" type="text" inputmode="url" autocomplete="off" spellcheck="false"
                    prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))
                    aria-invalid=move || wrong.get().to_string() aria-describedby="students-address-said" />
                <button type="submit">{move || t.get().use_address}</button>
                <Show when=move || students.get().is_some()>
                    <button type="button" on:click=move |_| choose(None)>{move || t.get().page_address_again}</button>
                </Show>
            </div>
            <p id="students-address-said" role="status" class:problem=move || wrong.get()>
                {move || if wrong.get() { t.get().address_bad.to_owned() } else { t.get().address_in_use(&base.get()) }}
            </p>
        </form>
    }
}

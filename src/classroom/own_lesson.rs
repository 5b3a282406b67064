//! "Try a lesson file" on the teacher page: a lesson file written by a teacher, read in the
//! page as the build reads the course (same checks, same `file:line: reason`), then
//! playable like the built-in lessons for this visit. Below it, what came of the lessons
//! this site lists in `lessons/index.txt`.

use leptos::prelude::*;

use super::texts::use_classroom_texts;
use crate::course::own::{self, ReadError};
use crate::course::use_course;
use crate::i18n::use_lang;
use crate::route::Route;

/// What the last tried file gave.
#[derive(Debug, Clone, PartialEq)]
enum Tried {
    Nothing,
    Reading,
    Read { number: u32, title: String },
    Failed(ReadError),
}

#[component]
pub fn TryLesson() -> impl IntoView {
    let (state, lang, t) = (use_course(), use_lang(), use_classroom_texts());
    let tried = RwSignal::new(Tried::Nothing);
    let choose = move |ev: web_sys::Event| {
        let lang = lang.get_untracked();
        crate::browser::read_chosen_texts(&ev, move |mut files| {
            let Some((name, source)) = files.pop() else {
                return;
            };
            tried.set(Tried::Reading);
            leptos::task::spawn_local(async move {
                let outcome = match own::read(&name, &source, lang).await {
                    Ok(lesson) => {
                        let said = Tried::Read {
                            number: lesson.number,
                            title: lesson.title.clone(),
                        };
                        state.add_own(lang, lesson);
                        said
                    }
                    Err(e) => Tried::Failed(e),
                };
                let _ = tried.try_set(outcome);
            });
        });
    };
    view! {
        <section class="try-lesson" aria-labelledby="try-lesson-title">
            <h2 id="try-lesson-title">{move || t.get().try_title}</h2>
            <p>{move || t.get().try_how}</p>
            <label class="file-button">
                {move || t.get().try_open}
                <input type="file" accept=".toml,text/plain" class="visually-hidden" on:change=choose />
            </label>
            <div role="status" class="try-said">
                {move || match tried.get() {
                    Tried::Nothing => ().into_any(),
                    Tried::Reading => view! { <p>{move || t.get().try_reading}</p> }.into_any(),
                    Tried::Read { number, title } => view! {
                        <p class="try-read">
                            {move || t.get().try_read(number, &title)}" "
                            <a href=Route::Step { lesson: number, step: 1 }.fragment()>{move || t.get().try_open_it}</a>
                        </p>
                    }.into_any(),
                    Tried::Failed(e) => view! { <ReadErrorView e /> }.into_any(),
                }}
            </div>
            <HostedLessons />
        </section>
    }
}

/// A lesson file's problem: the build's own line, then what to do.
#[component]
fn ReadErrorView(e: ReadError) -> impl IntoView {
    let t = use_classroom_texts();
    match e {
        ReadError::Lesson(line) => view! {
            <pre class="lesson-error">{line}</pre>
            <p>{move || t.get().try_fix}</p>
        }
        .into_any(),
        other => {
            view! { <p class="lesson-error">{move || t.get().read_problem(&other)}</p> }.into_any()
        }
    }
}

/// The lessons of `lessons/index.txt`, each read or with its problem.
#[component]
fn HostedLessons() -> impl IntoView {
    let (state, t) = (use_course(), use_classroom_texts());
    view! {
        <Show when=move || state.hosted.with(|h| !h.is_empty())>
            <h3>{move || t.get().hosted_title}</h3>
            <ul class="hosted-lessons">
                {move || state.hosted.get().into_iter().map(|h| match h.read {
                    Ok((number, title)) => view! {
                        <li><code>{h.path}</code>" — "
                            <a href=Route::Step { lesson: number, step: 1 }.fragment()>{format!("{number}. {title}")}</a>
                        </li>
                    }.into_any(),
                    Err(e) => view! { <li><code>{h.path}</code><ReadErrorView e /></li> }.into_any(),
                }).collect_view()}
            </ul>
        </Show>
    }
}

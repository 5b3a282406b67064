//! The class's progress on the teacher page: the progress files students saved ("Save my
//! progress to a file"), opened together and shown as one table, student by lesson: steps
//! done and questions right the first time. Everything happens in the teacher's browser;
//! no file leaves it. Printed, the page is the table alone.

use leptos::prelude::*;

use facteur_protocols::lesson::course::Lesson;

use super::texts::use_classroom_texts;
use crate::course::progress::Progress;
use crate::course::use_course;
use crate::i18n::use_lang;

/// One lesson's figures for one student.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub done: usize,
    pub steps: usize,
    pub right: usize,
    pub questions: usize,
}

/// One student's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The name they gave, else their file's name.
    pub student: String,
    /// The day the file was saved, if it says.
    pub saved: String,
    pub cells: Vec<Cell>,
    pub total: Cell,
}

/// The table from the files read: the rows, by name, and the files that were not progress.
pub fn rows(files: &[(String, String)], lessons: &[Lesson]) -> (Vec<Row>, Vec<String>) {
    let mut rows = Vec::new();
    let mut unreadable = Vec::new();
    for (file, text) in files {
        let Ok(progress) = Progress::from_json(text) else {
            unreadable.push(file.clone());
            continue;
        };
        let cells: Vec<Cell> = lessons
            .iter()
            .map(|l| Cell {
                done: progress.count(&l.id).min(l.steps.len()),
                steps: l.steps.len(),
                right: progress.right_first_time(&l.id),
                questions: l.steps.iter().filter(|s| s.quiz.is_some()).count(),
            })
            .collect();
        let total = cells.iter().fold(
            Cell {
                done: 0,
                steps: 0,
                right: 0,
                questions: 0,
            },
            |t, c| Cell {
                done: t.done + c.done,
                steps: t.steps + c.steps,
                right: t.right + c.right,
                questions: t.questions + c.questions,
            },
        );
        let student = if progress.name.trim().is_empty() {
            file.trim_end_matches(".json").to_owned()
        } else {
            progress.name.trim().to_owned()
        };
        rows.push(Row {
            student,
            saved: progress.saved.clone(),
            cells,
            total,
        });
    }
    rows.sort_by_key(|r| r.student.to_lowercase());
    (rows, unreadable)
}

/// "The class's progress": open the files, see the table, print it.
#[component]
pub fn ClassProgress() -> impl IntoView {
    let (state, lang, t) = (use_course(), use_lang(), use_classroom_texts());
    let files = RwSignal::new(Vec::<(String, String)>::new());
    let table = Memo::new(move |_| files.with(|f| rows(f, &state.lessons(lang.get()))));
    let numbers = Memo::new(move |_| {
        state
            .lessons(lang.get())
            .iter()
            .map(|l| (l.number, l.title.clone()))
            .collect::<Vec<_>>()
    });
    let open = move |ev: web_sys::Event| {
        crate::browser::read_chosen_texts(&ev, move |read| files.set(read));
    };
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <section class="class-progress" aria-labelledby="class-progress-title">
            <h2 id="class-progress-title">{move || t.get().class_title}</h2>
            <p>{move || t.get().class_how}</p>
            <div class="board-actions">
                <label class="file-button">
                    {move || t.get().class_open}
                    <input type="file" multiple accept="application/json,.json" class="visually-hidden" on:change=open />
                </label>
                <Show when=move || table.with(|(rows, _)| !rows.is_empty())>
                    <button type="button" on:click=print>{move || t.get().class_print}</button>
                    <button type="button" on:click=move |_| files.set(Vec::new())>{move || t.get().class_close}</button>
                </Show>
            </div>
            {move || table.with(|(_, bad)| (!bad.is_empty()).then(|| {
                let said = t.get().class_unreadable(bad);
                view! { <p class="notice" role="status">{said}</p> }
            }))}
            <Show when=move || table.with(|(rows, _)| !rows.is_empty())>
                <div class="class-table-box">
                    <table class="class-table">
                        <caption>{move || t.get().class_caption(table.with(|(rows, _)| rows.len()))}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{move || t.get().class_student}</th>
                                {move || numbers.get().into_iter().map(|(n, title)| view! {
                                    <th scope="col"><abbr title=title>{n}</abbr></th>
                                }).collect_view()}
                                <th scope="col">{move || t.get().class_total}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || table.get().0.into_iter().map(|row| view! {
                                <tr>
                                    <th scope="row">
                                        {row.student}
                                        {(!row.saved.is_empty()).then(|| view! { <span class="saved-on">{row.saved}</span> })}
                                    </th>
                                    {row.cells.into_iter().map(|c| view! { <CellView c /> }).collect_view()}
                                    <CellView c=row.total />
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <p class="aside-note">{move || t.get().class_key}</p>
            </Show>
        </section>
    }
}

/// "5/6" steps, and "2/3" questions right first time under it when the lesson asks any.
#[component]
fn CellView(c: Cell) -> impl IntoView {
    let t = use_classroom_texts();
    let complete = c.steps > 0 && c.done == c.steps;
    view! {
        <td class:complete=complete class:untouched=c.done == 0
            aria-label=move || t.get().class_cell(c.done, c.steps, c.right, c.questions)>
            <span class="steps">{format!("{}/{}", c.done, c.steps)}</span>
            {(c.questions > 0).then(|| view! { <span class="questions">{format!("? {}/{}", c.right, c.questions)}</span> })}
        </td>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn course() -> Vec<Lesson> {
        crate::course::load::compiled().languages["en"].clone()
    }

    #[test]
    fn three_files_make_three_rows_by_name_and_a_foreign_file_is_named() {
        let lessons = course();
        let first = &lessons[0];
        let mut zoe = Progress::new();
        zoe.name = "Zoé".to_owned();
        for s in &first.steps {
            zoe.mark(&first.id, &s.id);
        }
        let quiz = first
            .steps
            .iter()
            .find(|s| s.quiz.is_some())
            .expect("lesson 1 asks");
        zoe.answer(&first.id, &quiz.id, true);
        let mut adam = Progress::new();
        adam.name = "adam".to_owned();
        adam.mark(&first.id, &first.steps[0].id);
        adam.answer(&first.id, &quiz.id, false);
        let unnamed = Progress::new();
        let files = vec![
            (
                "facteur-progress-zoé-2026-12-05.json".to_owned(),
                zoe.to_file("2026-12-05").1,
            ),
            ("b.json".to_owned(), adam.to_json()),
            (
                "facteur-progress-2026-12-04.json".to_owned(),
                unnamed.to_file("2026-12-04").1,
            ),
            ("notes.json".to_owned(), "{\"a\":1}".to_owned()),
        ];
        let (rows, bad) = rows(&files, &lessons);
        assert_eq!(bad, ["notes.json"]);
        let names: Vec<&str> = rows.iter().map(|r| r.student.as_str()).collect();
        assert_eq!(names, ["adam", "facteur-progress-2026-12-04", "Zoé"]);
        let steps = first.steps.len();
        let questions = first.steps.iter().filter(|s| s.quiz.is_some()).count();
        assert_eq!(
            rows[2].cells[0],
            Cell {
                done: steps,
                steps,
                right: 1,
                questions
            }
        );
        assert_eq!(rows[2].saved, "2026-12-05");
        assert_eq!(
            rows[0].cells[0],
            Cell {
                done: 1,
                steps,
                right: 0,
                questions
            }
        );
        assert_eq!(rows[0].saved, "");
        assert_eq!(rows[1].total.done, 0);
        assert_eq!(
            rows[1].total.steps,
            lessons.iter().map(|l| l.steps.len()).sum::<usize>()
        );
    }
}

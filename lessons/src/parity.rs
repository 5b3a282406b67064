//! Both languages teach the same course: the same lessons, steps, goals, quizzes and
//! solutions, only the words differ. A goal ticks for the same reason in English and in
//! French, and a quiz's right answers are the same choices.

use facteur_protocols::lesson::course::{Course, Lesson};

use crate::LessonError;

/// Every difference between English (the reference) and another language.
pub fn parity(course: &Course) -> Vec<LessonError> {
    let mut errors = Vec::new();
    let Some(en) = course.languages.get("en") else {
        return errors;
    };
    for (lang, lessons) in course.languages.iter().filter(|(l, _)| *l != "en") {
        for reference in en {
            let file = format!(
                "lessons/{lang}/{:02}-{}.toml",
                reference.number, reference.id
            );
            let mut fail = |reason: String| {
                errors.push(LessonError {
                    file: file.clone(),
                    line: 1,
                    reason,
                })
            };
            match lessons.iter().find(|l| l.id == reference.id) {
                None => fail(format!(
                    "missing: English has lesson {} `{}`",
                    reference.number, reference.id
                )),
                Some(other) => {
                    if let Err(reason) = same(reference, other) {
                        fail(reason);
                    }
                }
            }
        }
        for extra in lessons.iter().filter(|l| en.iter().all(|e| e.id != l.id)) {
            errors.push(LessonError {
                file: format!("lessons/{lang}/{:02}-{}.toml", extra.number, extra.id),
                line: 1,
                reason: "English has no lesson with this id".to_owned(),
            });
        }
    }
    errors
}

fn same(en: &Lesson, other: &Lesson) -> Result<(), String> {
    if en.number != other.number {
        return Err(format!(
            "numbered {} here but {} in English",
            other.number, en.number
        ));
    }
    let ids = |l: &Lesson| l.steps.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
    if ids(en) != ids(other) {
        return Err(format!(
            "steps {:?} differ from English {:?}",
            ids(other),
            ids(en)
        ));
    }
    for (a, b) in en.steps.iter().zip(&other.steps) {
        let checks = |s: &facteur_protocols::lesson::course::Step| {
            s.goals.iter().map(|g| g.check.clone()).collect::<Vec<_>>()
        };
        if checks(a) != checks(b) {
            return Err(format!(
                "step `{}`: its goals check other things than in English",
                a.id
            ));
        }
        if a.start != b.start || a.solution != b.solution {
            return Err(format!(
                "step `{}`: its start or solution differs from English",
                a.id
            ));
        }
        let answers = |s: &facteur_protocols::lesson::course::Step| {
            s.quiz.as_ref().map(|q| {
                (
                    q.kind,
                    q.choices.iter().map(|c| c.right).collect::<Vec<_>>(),
                )
            })
        };
        if answers(a) != answers(b) {
            return Err(format!(
                "step `{}`: its question's right answers differ from English",
                a.id
            ));
        }
        if a.hints.len() != b.hints.len() {
            return Err(format!(
                "step `{}`: {} hints here, {} in English",
                a.id,
                b.hints.len(),
                a.hints.len()
            ));
        }
    }
    Ok(())
}

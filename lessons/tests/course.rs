//! Every lesson, in every language, is playable: each step's reference solution, replayed
//! against the engine from the world the step starts in, meets every goal of the step, and
//! no goal was already met before it.

use std::path::Path;

use facteur_lessons::{load, LANGUAGES};
use facteur_protocols::lesson::replay::Bench;
use facteur_protocols::Timestamp;

/// 2026-12-01T09:00:00Z, so dates in replayed mail are plausible.
const NOW: Timestamp = Timestamp(1_796_115_600);

#[test]
fn every_reference_solution_meets_its_goals_and_none_was_met_before() {
    let course = load(Path::new(env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|errors| panic!("lessons do not load:\n{}", list(&errors)));
    let mut failures = Vec::new();
    for lang in LANGUAGES {
        let lessons = &course.languages[lang];
        assert!(!lessons.is_empty(), "no lessons in {lang}");
        for lesson in lessons {
            let mut bench: Option<Bench> = None;
            for (n, step) in lesson.steps.iter().enumerate() {
                let place = format!(
                    "{lang} lesson {} `{}` step {} `{}`",
                    lesson.number,
                    lesson.id,
                    n + 1,
                    step.id
                );
                let mut b = match Bench::begin(bench.take(), &step.start, NOW) {
                    Ok(b) => b,
                    Err(e) => {
                        failures.push(format!("{place}: cannot start: {e:?}"));
                        break;
                    }
                };
                for (goal, met) in step.goals.iter().zip(b.met(step)) {
                    if met {
                        failures.push(format!(
                            "{place}: already met before the solution: {}",
                            goal.says
                        ));
                    }
                }
                for action in &step.solution {
                    b.play(action);
                }
                for (goal, met) in step.goals.iter().zip(b.met(step)) {
                    if !met {
                        failures.push(format!("{place}: not met by the solution: {}", goal.says));
                    }
                }
                bench = Some(b);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_course_has_its_sixteen_lessons_in_both_languages() {
    let course = load(Path::new(env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|errors| panic!("lessons do not load:\n{}", list(&errors)));
    for lang in LANGUAGES {
        let numbers: Vec<u32> = course.languages[lang].iter().map(|l| l.number).collect();
        assert_eq!(numbers, (1..=16).collect::<Vec<_>>(), "{lang}");
    }
}

/// A fair question: at least three choices (a guess is not worth half the marks), each
/// explained, and exactly one right answer unless the question asks to tick every one.
#[test]
fn every_question_is_fair() {
    use facteur_protocols::lesson::course::QuizKind;
    let course = load(Path::new(env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|errors| panic!("lessons do not load:\n{}", list(&errors)));
    let mut questions = 0;
    for lang in LANGUAGES {
        for lesson in &course.languages[lang] {
            for step in &lesson.steps {
                let Some(quiz) = &step.quiz else { continue };
                let place = format!("{lang} {}:{}", lesson.number, step.id);
                assert!(
                    quiz.choices.len() >= 3,
                    "{place}: only {} choices",
                    quiz.choices.len()
                );
                assert!(
                    quiz.choices.iter().all(|c| !c.why.is_empty()),
                    "{place}: a choice without its why"
                );
                let right = quiz.choices.iter().filter(|c| c.right).count();
                match quiz.kind {
                    QuizKind::Multiple => assert!(right >= 1, "{place}"),
                    _ => assert_eq!(right, 1, "{place}: one right answer"),
                }
                questions += 1;
            }
        }
    }
    assert_eq!(questions, 30, "fifteen questions in each language");
}

fn list(errors: &[facteur_lessons::LessonError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

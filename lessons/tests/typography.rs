//! French typography dresses the words of a lesson, never its code: what a French student
//! copies from a code block or span is byte for byte what the lesson file says.

use std::path::Path;

use facteur_lessons::read;
use facteur_protocols::lesson::course::Lesson;
use facteur_protocols::lesson::text::{Block, Inline};

fn inline_code(inlines: &[Inline], out: &mut Vec<String>) {
    for i in inlines {
        match i {
            Inline::Code(c) => out.push(c.clone()),
            Inline::Emphasis(x) | Inline::Strong(x) | Inline::Link { text: x, .. } => {
                inline_code(x, out)
            }
            _ => {}
        }
    }
}

fn code(blocks: &[Block], out: &mut Vec<String>) {
    for b in blocks {
        match b {
            Block::Code(c) => out.push(c.clone()),
            Block::Paragraph(i) | Block::Heading(i) => inline_code(i, out),
            Block::List { items, .. } => items.iter().for_each(|item| code(item, out)),
            Block::Quote(inner) => code(inner, out),
        }
    }
}

/// Every piece of code a lesson shows, in order: its steps' texts, hints and questions, and
/// its recap.
fn all_code(lesson: &Lesson) -> Vec<String> {
    let mut out = Vec::new();
    for step in &lesson.steps {
        code(&step.text, &mut out);
        step.hints.iter().for_each(|h| code(h, &mut out));
        if let Some(quiz) = &step.quiz {
            code(&quiz.question, &mut out);
            for choice in &quiz.choices {
                code(&choice.text, &mut out);
                code(&choice.why, &mut out);
            }
        }
    }
    code(&lesson.recap, &mut out);
    out
}

#[test]
fn every_french_lesson_shows_its_code_as_written() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fr");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the French lessons")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 16);
    let mut blocks = 0;
    for path in files {
        let name = path.display().to_string();
        let source = std::fs::read_to_string(&path).expect("readable");
        let french = read(&name, &source, "fr").expect("reads");
        let untouched = read(&name, &source, "en").expect("reads");
        let (dressed, plain) = (all_code(&french), all_code(&untouched));
        assert_eq!(dressed, plain, "{name}: typography reached the code");
        for c in &dressed {
            assert!(!c.contains(['\u{a0}', '\u{202f}', '’']), "{name}: {c:?}");
        }
        blocks += dressed.len();
    }
    assert!(blocks > 100, "the French lessons hold code ({blocks})");
}

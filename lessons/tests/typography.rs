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

/// Every lesson file of a language, in order: its name and its text.
fn lesson_files(lang: &str) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(lang);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the lessons")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let source = std::fs::read_to_string(&path).expect("readable");
            (path.display().to_string(), source)
        })
        .collect()
}

#[test]
fn every_french_lesson_shows_its_code_as_written() {
    let files = lesson_files("fr");
    assert_eq!(files.len(), 16);
    let mut blocks = 0;
    for (name, source) in files {
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

/// The words of some blocks, paragraph by paragraph, with each piece of code replaced by
/// `⟨code⟩`: the rules below are about words, never about code.
fn words(blocks: &[Block], out: &mut Vec<String>) {
    fn inline(inlines: &[Inline], line: &mut String) {
        for i in inlines {
            match i {
                Inline::Text(t) => line.push_str(t),
                Inline::Code(_) => line.push_str("⟨code⟩"),
                Inline::Emphasis(x) | Inline::Strong(x) | Inline::Link { text: x, .. } => {
                    inline(x, line)
                }
                Inline::Break => line.push('\n'),
            }
        }
    }
    for b in blocks {
        match b {
            Block::Code(_) => {}
            Block::Paragraph(i) | Block::Heading(i) => {
                let mut line = String::new();
                inline(i, &mut line);
                out.push(line);
            }
            Block::List { items, .. } => items.iter().for_each(|item| words(item, out)),
            Block::Quote(inner) => words(inner, out),
        }
    }
}

/// Every sentence a lesson shows a learner, outside code: titles, summary, steps' texts,
/// goals, hints, questions, choices and their explanations, and the recap.
fn all_words(lesson: &Lesson) -> Vec<String> {
    let mut out = vec![lesson.title.clone(), lesson.summary.clone()];
    for step in &lesson.steps {
        out.push(step.title.clone());
        words(&step.text, &mut out);
        out.extend(step.goals.iter().map(|g| g.says.clone()));
        step.hints.iter().for_each(|h| words(h, &mut out));
        if let Some(quiz) = &step.quiz {
            words(&quiz.question, &mut out);
            for choice in &quiz.choices {
                words(&choice.text, &mut out);
                words(&choice.why, &mut out);
            }
        }
    }
    words(&lesson.recap, &mut out);
    out
}

fn lessons(lang: &str) -> Vec<(String, Lesson)> {
    lesson_files(lang)
        .into_iter()
        .map(|(name, source)| {
            let lesson = read(&name, &source, lang).expect("reads");
            (name, lesson)
        })
        .collect()
}

/// The acceptance rule for the course's words: French spacing everywhere outside code,
/// counts that agree with their nouns, and RFC citations that name a section the RFC has.
#[test]
fn every_lesson_reads_right_in_both_languages() {
    use facteur_protocols::proofread::{
        citations, french_spacing_mistake, plural_mistake, section_title,
    };
    use facteur_protocols::vocab::Lang;
    let mut cited = 0;
    for (lang, tag) in [(Lang::En, "en"), (Lang::Fr, "fr")] {
        for (name, lesson) in lessons(tag) {
            for text in all_words(&lesson) {
                if lang == Lang::Fr {
                    if let Some(why) = french_spacing_mistake(&text) {
                        panic!("{name}: {why}: {text}");
                    }
                    assert!(
                        !text.contains('\''),
                        "{name}: a straight apostrophe: {text}"
                    );
                }
                if let Some(why) = plural_mistake(&text, lang) {
                    panic!("{name}: {why}: {text}");
                }
                for c in citations(&text) {
                    assert!(
                        section_title(c.number, &c.section).is_some(),
                        "{name}: RFC {} §{} is not a section Facteur knows: {text}",
                        c.number,
                        c.section
                    );
                    cited += 1;
                }
            }
        }
    }
    assert!(
        cited > 0,
        "the lessons cite RFC sections, and each was checked"
    );
}

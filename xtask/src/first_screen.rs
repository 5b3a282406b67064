//! The first screen, as plain HTML written into index.html after each build: the site's
//! name, one sentence, every lesson as a link, and how far the simulator has loaded. A
//! learner on a slow school network reads it (and may pick a lesson) while the wasm is still
//! downloading; `static/boot.js` fills in the percentage and removes the screen once the
//! app has started. Both languages are written; `static/lang.js` shows the browser's.

use std::path::Path;

use anyhow::{anyhow, Result};
use facteur_lessons::Course;

/// Where the first screen stands in index.html; everything between is replaced, so writing
/// it again changes nothing.
pub const START: &str = "<!-- first-screen -->";
const END: &str = "<!-- /first-screen -->";

/// The words of the first screen in one language. The lessons' titles and summaries come
/// from the lesson files, read as the site's build reads them.
struct Words {
    lang: &'static str,
    lead: &'static str,
    loading: &'static str,
    lessons: &'static str,
}

const WORDS: [Words; 2] = [
    Words {
        lang: "en",
        lead: "See how email really moves: talk to SMTP, POP3 and IMAP servers right in your browser, in sixteen short lessons.",
        loading: "Loading the simulator…",
        lessons: "Lessons",
    },
    Words {
        lang: "fr",
        lead: "Voyez comment le courriel circule vraiment\u{a0}: parlez à des serveurs SMTP, POP3 et IMAP dans votre navigateur, en seize courtes leçons.",
        loading: "Chargement du simulateur…",
        lessons: "Leçons",
    },
];

/// Text as HTML: the lesson files may hold `<`, `&` or quotes in their words.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The course in every language, read from the lesson files as the site's build reads them.
pub fn course(lessons_dir: &Path) -> Result<Course> {
    facteur_lessons::load(lessons_dir).map_err(|errors| {
        let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
        anyhow!("the lessons do not read:\n{}", list.join("\n"))
    })
}

/// The first screen's markup for every language, for a wasm of `wasm_bytes` bytes.
pub fn markup(lessons_dir: &Path, wasm_bytes: u64) -> Result<String> {
    let course = course(lessons_dir)?;
    let mut html = String::new();
    for words in WORDS {
        let lessons = course
            .languages
            .get(words.lang)
            .ok_or_else(|| anyhow!("no lessons in {}", words.lang))?;
        let items: String = lessons
            .iter()
            .map(|l| {
                format!(
                    r##"<li><a href="#/lesson/{}/step/1">{}</a> <span>{}</span></li>"##,
                    l.number,
                    escape(&l.title),
                    escape(&l.summary)
                )
            })
            .collect();
        html.push_str(&format!(
            r#"<div class="first-screen" lang="{lang}"><p class="first-name"><span aria-hidden="true">@</span> Facteur</p><p class="first-lead">{lead}</p><p class="first-loading" role="status">{loading} <span class="first-percent"></span></p><progress class="first-progress" max="{wasm_bytes}"></progress><h2>{lessons_word}</h2><ol class="first-lessons">{items}</ol></div>"#,
            lang = words.lang,
            lead = escape(words.lead),
            loading = words.loading,
            lessons_word = words.lessons,
        ));
    }
    Ok(html)
}

/// index.html with `markup` between the first screen's markers.
pub fn place(index: &str, markup: &str) -> Result<String> {
    let start = index
        .find(START)
        .ok_or_else(|| anyhow!("index.html has no {START}"))?
        + START.len();
    let end = index[start..]
        .find(END)
        .ok_or_else(|| anyhow!("index.html has no {END}"))?
        + start;
    Ok(format!("{}{markup}{}", &index[..start], &index[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lessons() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../lessons")
    }

    #[test]
    fn every_lesson_is_a_link_in_both_languages() {
        let html = markup(&lessons(), 1234).expect("the lessons read");
        for n in 1..=16 {
            let link = format!(r##"href="#/lesson/{n}/step/1""##);
            assert_eq!(html.matches(&link).count(), 2, "lesson {n}");
        }
        assert!(html.contains(r#"lang="fr""#) && html.contains("Chargement du simulateur"));
        assert!(html.contains(r#"max="1234""#));
        assert!(!html.contains("<script"), "words, never code");
    }

    #[test]
    fn placing_it_twice_changes_nothing() {
        let index = format!("<body>{START}{END}<noscript>x</noscript></body>");
        let once = place(&index, "<p>a</p>").expect("markers");
        assert_eq!(place(&once, "<p>a</p>").expect("markers"), once);
        assert!(place("<body></body>", "x").is_err());
    }
}

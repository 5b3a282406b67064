//! Each language's course is a file of its own beside the page (`course-en.json`, written by
//! `cargo xtask seal-site` from the lesson files), fetched when the page first needs that
//! language: a learner downloads the lessons they read, not every language inside the wasm
//! (issue 28). `static/lang.js` starts the download as the page opens, beside the wasm's,
//! and the service worker keeps each file once fetched. The page's native tests have every
//! language compiled in by the build script instead.

use facteur_protocols::lesson::course::Lesson;

use crate::i18n::Lang;

/// Why a language's lessons are not here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unavailable(pub Lang);

/// The lessons of `lang`, from the site.
#[cfg(target_arch = "wasm32")]
pub async fn fetch(lang: Lang) -> Result<Vec<Lesson>, Unavailable> {
    let text = crate::browser::fetch_text(&format!("course-{}.json", lang.tag()))
        .await
        .ok_or(Unavailable(lang))?;
    serde_json::from_str(&text).map_err(|_| Unavailable(lang))
}

/// Every language's lessons, compiled in for the native tests.
#[cfg(not(target_arch = "wasm32"))]
pub fn compiled() -> facteur_protocols::lesson::course::Course {
    const COURSE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/course.json"));
    serde_json::from_str(COURSE_JSON).unwrap_or_default()
}

/// Only the native tests read the lessons synchronously.
#[cfg(not(target_arch = "wasm32"))]
pub async fn fetch(lang: Lang) -> Result<Vec<Lesson>, Unavailable> {
    compiled()
        .languages
        .remove(lang.tag())
        .ok_or(Unavailable(lang))
}

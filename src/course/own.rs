//! A teacher's own lessons, read in the page: a file tried on the teacher page ("Try a
//! lesson file"), and the files a hosted site lists in `lessons/index.txt`, read at start
//! (so a school adds lesson 17 by dropping its files beside the site). The reading is done
//! by the same code as the site's build, with the same `file:line: reason` errors, in a web
//! worker of its own (src/bin/lesson-reader.rs) that is fetched only when there is a file
//! to read.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use facteur_protocols::lesson::course::Lesson;
use serde::{Deserialize, Serialize};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::i18n::Lang;

/// Where a hosted site lists its own lessons, beside index.html.
pub const INDEX: &str = "lessons/index.txt";

/// Why a lesson file was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// What is wrong with the file, as the build says it: `file:line: reason`.
    Lesson(String),
    /// The file could not be fetched from the site.
    Missing(String),
    /// `lessons/index.txt` names a path that does not start with `en/` or `fr/`.
    NoLanguage(String),
    /// The reader did not start (an old browser, its file missing from the site).
    Reader,
}

/// One line of `lessons/index.txt` and what came of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Hosted {
    pub path: String,
    pub read: Result<(u32, String), ReadError>,
}

/// The lines of `lessons/index.txt` that name a file: not blank, not a `#` note.
pub fn listed(index: &str) -> Vec<String> {
    index
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// The language of a listed path, from its folder.
pub fn language_of(path: &str) -> Option<Lang> {
    match path.split('/').next() {
        Some("en") => Some(Lang::En),
        Some("fr") => Some(Lang::Fr),
        _ => None,
    }
}

/// `lessons` with `own` (of that language) in place: a lesson of the same number is
/// replaced (a teacher trying a new version of lesson 3), others are added in order.
pub fn merged(mut lessons: Vec<Lesson>, own: &[(Lang, Lesson)], lang: Lang) -> Vec<Lesson> {
    for (_, lesson) in own.iter().filter(|(l, _)| *l == lang) {
        lessons.retain(|l| l.number != lesson.number);
        lessons.push(lesson.clone());
    }
    lessons.sort_by_key(|l| l.number);
    lessons
}

/// One file for the reader to read.
#[derive(Serialize)]
struct Ask<'a> {
    id: u32,
    name: &'a str,
    source: &'a str,
    lang: &'static str,
}

/// Which ask an answer is for.
#[derive(Deserialize)]
struct AnswerTo {
    id: u32,
}

/// The reader's answer to one file.
#[derive(Deserialize)]
struct Answer {
    lesson: Option<Lesson>,
    error: Option<String>,
}

/// The worker, started at the first file, and the answers it owes.
struct Reader {
    worker: web_sys::Worker,
    /// Each asked file's resolve, by its number.
    waiting: HashMap<u32, js_sys::Function>,
    /// Asks written before the worker said it listens (until then they would be lost).
    queued: Option<Vec<String>>,
    next: u32,
}

/// What the worker says once it listens (src/bin/lesson-reader.rs).
const READY: &str = "ready";

thread_local! {
    static READER: Rc<RefCell<Option<Reader>>> = Rc::default();
}

fn start(cell: &Rc<RefCell<Option<Reader>>>) -> Option<Reader> {
    let worker = web_sys::Worker::new("lesson-reader_loader.js").ok()?;
    let heard = cell.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let text = e.data().as_string().unwrap_or_default();
            let mut reader = heard.borrow_mut();
            let Some(reader) = reader.as_mut() else {
                return;
            };
            if text == READY {
                for ask in reader.queued.take().unwrap_or_default() {
                    let _ = reader.worker.post_message(&JsValue::from_str(&ask));
                }
                return;
            }
            let Ok(AnswerTo { id }) = serde_json::from_str::<AnswerTo>(&text) else {
                return;
            };
            if let Some(resolve) = reader.waiting.remove(&id) {
                let _ = resolve.call1(&JsValue::NULL, &JsValue::from_str(&text));
            }
        });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // A reader that fails to start answers nothing: everyone waiting hears so.
    let failed = cell.clone();
    let on_error = Closure::<dyn Fn()>::new(move || {
        if let Some(reader) = failed.borrow_mut().as_mut() {
            for (_, resolve) in reader.waiting.drain() {
                let _ = resolve.call1(&JsValue::NULL, &JsValue::from_str(""));
            }
        }
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Some(Reader {
        worker,
        waiting: HashMap::new(),
        queued: Some(Vec::new()),
        next: 0,
    })
}

/// Reads one lesson file; `name` is how errors name it (`17-verify.toml`,
/// `lessons/en/17-verify.toml`), and the file name must match its number and id.
pub async fn read(name: &str, source: &str, lang: Lang) -> Result<Lesson, ReadError> {
    let promise = READER.with(|cell| {
        if cell.borrow().is_none() {
            let reader = start(cell)?;
            *cell.borrow_mut() = Some(reader);
        }
        let mut reader = cell.borrow_mut();
        let reader = reader.as_mut()?;
        reader.next += 1;
        let id = reader.next;
        let ask = serde_json::to_string(&Ask {
            id,
            name,
            source,
            lang: lang.tag(),
        })
        .ok()?;
        let mut resolver = None;
        let promise = js_sys::Promise::new(&mut |resolve, _| resolver = Some(resolve));
        reader.waiting.insert(id, resolver?);
        match reader.queued.as_mut() {
            Some(queue) => queue.push(ask),
            None => reader.worker.post_message(&JsValue::from_str(&ask)).ok()?,
        }
        Some(promise)
    });
    let text = JsFuture::from(promise.ok_or(ReadError::Reader)?)
        .await
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let answer: Answer = serde_json::from_str(&text).map_err(|_| ReadError::Reader)?;
    match (answer.lesson, answer.error) {
        (Some(lesson), _) => Ok(lesson),
        (None, Some(error)) => Err(ReadError::Lesson(error)),
        (None, None) => Err(ReadError::Reader),
    }
}

/// Reads every lesson `lessons/index.txt` lists, each handed to `add` once read; returns
/// what came of each line (nothing at all for a site that lists none).
pub async fn read_hosted(add: impl Fn(Lang, Lesson)) -> Vec<Hosted> {
    let Some(index) = crate::browser::fetch_text(INDEX).await else {
        return Vec::new();
    };
    let mut outcomes = Vec::new();
    for path in listed(&index) {
        let read = match language_of(&path) {
            None => Err(ReadError::NoLanguage(path.clone())),
            Some(lang) => {
                let address = format!("lessons/{path}");
                match crate::browser::fetch_text(&address).await {
                    None => Err(ReadError::Missing(address)),
                    Some(source) => read(&address, &source, lang).await.map(|lesson| {
                        let said = (lesson.number, lesson.title.clone());
                        add(lang, lesson);
                        said
                    }),
                }
            }
        };
        outcomes.push(Hosted { path, read });
    }
    outcomes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_lists_paths_and_notes_are_skipped() {
        let index = "# our lessons\n\nen/17-verify.toml\n  fr/17-verify.toml  \n# fr/18-x.toml\n";
        assert_eq!(listed(index), ["en/17-verify.toml", "fr/17-verify.toml"]);
        assert_eq!(language_of("fr/17-verify.toml"), Some(Lang::Fr));
        assert_eq!(language_of("17-verify.toml"), None);
    }

    #[test]
    fn an_own_lesson_is_added_in_order_or_replaces_its_number() {
        let course = crate::course::load::compiled().languages["en"].clone();
        let mut mine = course[2].clone();
        mine.title = "Our own lesson 3".to_owned();
        let mut extra = course[0].clone();
        extra.number = 17;
        let own = [
            (Lang::En, extra),
            (Lang::En, mine),
            (Lang::Fr, course[1].clone()),
        ];
        let merged = merged(course.clone(), &own, Lang::En);
        assert_eq!(merged.len(), 17);
        assert_eq!(merged[2].title, "Our own lesson 3");
        assert_eq!(merged[16].number, 17);
    }
}

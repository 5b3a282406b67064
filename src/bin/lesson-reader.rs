//! The lesson reader, run as a web worker: a teacher's lesson file (TOML with Markdown) read
//! in the page by the same code as the site's build (`facteur_lessons::read`), with the same
//! `file:line: reason` errors. It is its own small wasm, fetched only when a lesson file is
//! read (the teacher page's "Try a lesson file", a school's `lessons/index.txt`), so the
//! TOML and Markdown readers never weigh on a learner's first visit.
//!
//! Each message is `{ id, name, source, lang }`; each answer is `{ id, lesson }` with the
//! lesson as the course files hold it, or `{ id, error }`.

use serde::{Deserialize, Serialize};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// What the worker says once it listens.
const READY: &str = "ready";

#[derive(Deserialize)]
struct Ask {
    id: u32,
    name: String,
    source: String,
    lang: String,
}

#[derive(Serialize)]
struct Answer<'a> {
    id: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    lesson: Option<&'a facteur_protocols::lesson::course::Lesson>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

fn answer(text: &str) -> String {
    let Ok(ask) = serde_json::from_str::<Ask>(text) else {
        return String::new();
    };
    let read = facteur_lessons::read(&ask.name, &ask.source, &ask.lang);
    let (lesson, error) = match &read {
        Ok(lesson) => (Some(lesson), None),
        Err(e) => (None, Some(e.to_string())),
    };
    serde_json::to_string(&Answer {
        id: ask.id,
        lesson,
        error,
    })
    .unwrap_or_default()
}

fn main() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let text = event.data().as_string().unwrap_or_default();
        let _ = replies.post_message(&JsValue::from_str(&answer(&text)));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker answers for as long as it lives.
    on_message.forget();
    // A message that came while the wasm was starting had no listener and is gone: the
    // page sends nothing before it hears this.
    let _ = scope.post_message(&JsValue::from_str(READY));
}

//! Where the learner is, as the address's fragment says: the home page (`#/`), a lesson's
//! step (`#/lesson/<n>/step/<m>`, both from 1), the sandbox (`#/sandbox`), the teacher's
//! page (`#/teacher`), the cheat sheet (`#/cheatsheet`) or the glossary (`#/glossary`). Moving
//! somewhere writes a new fragment, so the browser's Back button returns.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Home,
    Step {
        lesson: u32,
        step: u32,
    },
    Sandbox,
    /// For teachers: links and QR codes for every lesson, sharing, hosting.
    Teacher,
    /// The printable cheat sheet.
    CheatSheet,
    /// Every word of jargon, explained.
    Glossary,
    /// Class mode: a student joins the class served by the teacher's class server.
    Class,
    /// Class mode, for the teacher.
    ClassTeacher,
}

impl Route {
    /// Reads a fragment (with or without its `#`). A shared scenario (`#scenario=…`)
    /// opens in the sandbox; an unknown fragment is the home page.
    pub fn parse(fragment: &str) -> Route {
        let f = fragment.trim_start_matches('#');
        if f.starts_with("scenario=") || f.starts_with("dialogue=") || f == "/sandbox" {
            return Route::Sandbox;
        }
        match f.trim_end_matches('/') {
            "/teacher" => return Route::Teacher,
            "/cheatsheet" => return Route::CheatSheet,
            "/glossary" => return Route::Glossary,
            "/class" => return Route::Class,
            "/class/teacher" => return Route::ClassTeacher,
            _ => {}
        }
        let parts: Vec<&str> = f.trim_matches('/').split('/').collect();
        match parts.as_slice() {
            ["lesson", n] => n
                .parse()
                .map_or(Route::Home, |lesson| Route::Step { lesson, step: 1 }),
            ["lesson", n, "step", m] => match (n.parse(), m.parse()) {
                (Ok(lesson), Ok(step)) if step >= 1 => Route::Step { lesson, step },
                _ => Route::Home,
            },
            _ => Route::Home,
        }
    }

    pub fn fragment(self) -> String {
        match self {
            Route::Home => "#/".to_owned(),
            Route::Step { lesson, step } => format!("#/lesson/{lesson}/step/{step}"),
            Route::Sandbox => "#/sandbox".to_owned(),
            Route::Teacher => "#/teacher".to_owned(),
            Route::CheatSheet => "#/cheatsheet".to_owned(),
            Route::Glossary => "#/glossary".to_owned(),
            Route::Class => "#/class".to_owned(),
            Route::ClassTeacher => "#/class/teacher".to_owned(),
        }
    }
}

fn current() -> Route {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    Route::parse(&hash)
}

/// The route, following the address (typed, Back, Forward, a link).
pub fn follow() -> RwSignal<Route> {
    let route = RwSignal::new(current());
    if let Some(window) = web_sys::window() {
        let changed = Closure::<dyn Fn()>::new(move || route.set(current()));
        let _ =
            window.add_event_listener_with_callback("hashchange", changed.as_ref().unchecked_ref());
        // The page lives as long as the tab: the listener is never removed.
        changed.forget();
    }
    route
}

/// Goes to `to` as a new entry in the browser's history.
pub fn go(to: Route) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(&to.fragment());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_name_places() {
        assert_eq!(
            Route::parse("#/lesson/2/step/3"),
            Route::Step { lesson: 2, step: 3 }
        );
        assert_eq!(
            Route::parse("#/lesson/4"),
            Route::Step { lesson: 4, step: 1 }
        );
        assert_eq!(Route::parse("#/sandbox"), Route::Sandbox);
        assert_eq!(Route::parse("#scenario=abc"), Route::Sandbox);
        assert_eq!(Route::parse("#dialogue=abc"), Route::Sandbox);
        assert_eq!(Route::parse("#/teacher"), Route::Teacher);
        assert_eq!(Route::parse("#/cheatsheet/"), Route::CheatSheet);
        assert_eq!(
            Route::parse(&Route::CheatSheet.fragment()),
            Route::CheatSheet
        );
        assert_eq!(Route::parse(&Route::Glossary.fragment()), Route::Glossary);
        assert_eq!(Route::parse("#/class"), Route::Class);
        assert_eq!(Route::parse("#/class/teacher/"), Route::ClassTeacher);
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#/lesson/x/step/0"), Route::Home);
        let r = Route::Step { lesson: 7, step: 2 };
        assert_eq!(Route::parse(&r.fragment()), r);
    }
}

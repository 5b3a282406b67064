//! The page shell: header with the language switch, the terminal, and the footer.

use facteur_protocols::lesson::course::View;
use leptos::prelude::*;

use crate::classroom::cheatsheet::CheatSheet;
use crate::classroom::offline::{build, Offline, UpdateNotice};
use crate::classroom::teacher::TeacherPage;
use crate::classroom::texts::use_classroom_texts;
use crate::course::{CourseState, Home, LessonPanel};
use crate::devices::Devices;
use crate::i18n::{initial_lang, remember_lang, Lang, Texts};
use crate::path::MessagePath;
use crate::route::Route;
use crate::sandbox_bar::SandboxBar;
use crate::scenario_view::ScenarioView;
use crate::server_view::ServerView;
use crate::state::Scene;
use crate::terminal::Terminal;
use crate::world_texts::use_world_texts;

#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(initial_lang());
    let texts = Memo::new(move |_| Texts::for_lang(lang.get()));
    // Every component reads the language and its texts from here, not from props.
    provide_context(lang);
    provide_context(texts);
    let scene = Scene::new();
    provide_context(scene);
    // Class mode's state, made here so its socket lives as long as the page.
    let class = crate::class::Class::new();
    provide_context(class);
    let class_texts = crate::class::texts::use_class_texts();
    let route = crate::route::follow();
    let course = CourseState::new();
    provide_context(course);
    // The lessons of the page's language, fetched the first time the page speaks it: the
    // first at once, before the page is drawn (lang.js has already begun downloading it).
    course.ensure(lang.get_untracked());
    Effect::new(move |_| course.ensure(lang.get()));
    // A school's own lessons, if the site lists any beside it.
    course.read_hosted();
    // Only its turning true redraws the page, not each language that arrives after.
    let settled = Memo::new(move |_| course.settled());
    let in_sandbox = Memo::new(move |_| route.get() == Route::Sandbox);
    crate::sandbox::start(scene, in_sandbox);
    // Leaving the sandbox keeps it; coming back puts it back.
    Effect::new(move |was: Option<bool>| {
        let now = in_sandbox.get();
        match (was, now) {
            (Some(false), true) => {
                // The sandbox's terminal follows the device used, whatever a lesson watched.
                scene.watch(None);
                crate::sandbox::enter(scene)
            }
            (Some(true), false) => crate::sandbox::save(scene),
            _ => {}
        }
        now
    });
    // Pages without the workspace: the home page, the teacher's page, the cheat sheet.
    let home = move || {
        matches!(
            route.get(),
            Route::Home
                | Route::Teacher
                | Route::CheatSheet
                | Route::Glossary
                | Route::Class
                | Route::ClassTeacher
        )
    };
    let offline = Offline::start();
    let classroom_texts = use_classroom_texts();
    let build = build();
    let course_texts = crate::course::use_course_texts();
    let lesson = move || matches!(route.get(), Route::Step { .. });
    // A newcomer starts where the typing is.
    let shown = RwSignal::new(View::Terminal);
    // A lesson step chooses the view it starts on.
    provide_context(shown);
    // The document's language, title and description follow the switch, for screen
    // readers, hyphenation and the tab's title; the choice is kept for the next visit.
    Effect::new(move |_| {
        let t = texts.get();
        remember_lang(lang.get());
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", t.html_lang);
        }
        // A lesson step names itself (see course::StepView).
        if !matches!(route.get(), Route::Step { .. }) {
            document.set_title(t.title);
        }
        if let Ok(Some(meta)) = document.query_selector("meta[name=description]") {
            let _ = meta.set_attribute("content", t.description);
        }
    });
    let switch = move |_| lang.update(|l| *l = if *l == Lang::En { Lang::Fr } else { Lang::En });
    view! {
        <header class="masthead">
            <div class="masthead-row">
                <p class="brand">
                    <a href="#/">
                        <span class="brand-mark" aria-hidden="true">"@"</span>
                        "Facteur"
                    </a>
                </p>
                <nav class="site-nav" aria-label=move || course_texts.get().site_nav>
                    <a href="#/" aria-current=move || (route.get() == Route::Home).then_some("page")>{move || course_texts.get().lessons}</a>
                    <a href="#/sandbox" aria-current=move || in_sandbox.get().then_some("page")>{move || course_texts.get().sandbox_title}</a>
                    <a href="#/glossary" aria-current=move || (route.get() == Route::Glossary).then_some("page")>{move || course_texts.get().glossary}</a>
                    <a href="#/teacher" aria-current=move || (route.get() == Route::Teacher).then_some("page")>{move || classroom_texts.get().teacher_link}</a>
                    // Where a class server serves the page, once a class page was opened.
                    {move || matches!(class.hello.get(), Some(Some(_))).then(|| view! {
                        <a href="#/class" aria-current=move || (route.get() == Route::Class).then_some("page")>{move || class_texts.get().title}</a>
                    })}
                </nav>
                <button type="button" class="lang-switch" on:click=switch>{move || texts.get().other_language}</button>
            </div>
            <p class="tagline">{move || texts.get().tagline}</p>
        </header>
        <main id="main" class:lesson-mode=lesson>
            {move || course.unavailable.get().map(|_| view! {
                <p class="notice course-unavailable" role="alert">{move || course_texts.get().lessons_unavailable}</p>
            })}
            {move || match route.get() {
                // The pages made of lessons wait for them (the first screen covers the wait).
                Route::Home | Route::Step { .. } | Route::Teacher if !settled.get() => {
                    view! { <p class="course-loading" role="status">{move || course_texts.get().lessons_loading}</p> }.into_any()
                }
                Route::Home => view! { <Home /> }.into_any(),
                Route::Step { lesson, step } => view! { <LessonPanel lesson step /> }.into_any(),
                Route::Teacher => view! { <TeacherPage offline /> }.into_any(),
                Route::CheatSheet => view! { <CheatSheet /> }.into_any(),
                Route::Glossary => view! { <crate::course::Glossary /> }.into_any(),
                Route::Class => view! { <crate::class::ClassPage /> }.into_any(),
                Route::ClassTeacher => view! { <crate::class::ClassTeacherPage /> }.into_any(),
                // The sandbox's heading is for screen readers: its bar says where the learner is.
                Route::Sandbox => view! { <h1 class="visually-hidden">{move || course_texts.get().sandbox_title}</h1> }.into_any(),
            }}
            <div class="course-workspace" class:off=home>
            <div class="top-bar">
                <MessagePath />
                {move || in_sandbox.get().then(|| view! { <SandboxBar /> })}
            </div>
            <WorldPanels />
            {move || in_sandbox.get().then(|| view! { <ScenarioView /> })}
            </div>
        </main>
        <footer class="footer">
            <p>{move || if matches!(route.get(), Route::Class | Route::ClassTeacher) && matches!(class.hello.get(), Some(Some(_))) {
                class_texts.get().footer
            } else {
                texts.get().footer
            }}</p>
            <p class="build">
                {build.map(|b| view! { <span>{move || classroom_texts.get().build}" "<code class="build-id">{b.clone()}</code></span> })}
                {move || offline.kept.get().then(|| view! { <span class="kept-offline">{move || classroom_texts.get().kept_offline}</span> })}
            </p>
        </footer>
        <UpdateNotice offline />
    }
}

/// The devices, the terminal and the server side: on a narrow screen one at a time, chosen
/// with tabs; on a wide one all three. They show the scene in context (a class page
/// provides its own).
#[component]
pub fn WorldPanels() -> impl IntoView {
    let shown: RwSignal<View> = expect_context();
    let world_texts = use_world_texts();
    view! {
        <div class="view-tabs" role="group" aria-label=move || world_texts.get().panels>
            {[(View::Devices, "devices"), (View::Terminal, "terminal"), (View::Server, "server")].into_iter().map(|(v, class)| view! {
                <button type="button" class=format!("view-tab {class}") aria-pressed=move || (shown.get() == v).to_string()
                    on:click=move |_| shown.set(v)>
                    {move || { let t = world_texts.get(); match v { View::Devices => t.devices, View::Terminal => t.terminal, View::Server => t.server_side } }}
                </button>
            }).collect_view()}
        </div>
        <div class="world">
            <div class="world-devices" class:off=move || shown.get() != View::Devices><Devices /></div>
            <div class="world-terminal" class:off=move || shown.get() != View::Terminal><Terminal /></div>
            <div class="world-server" class:off=move || shown.get() != View::Server><ServerView /></div>
        </div>
    }
}

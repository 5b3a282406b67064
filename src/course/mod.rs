//! The course: the home page, and the lesson panel beside the workspace. Lessons are
//! compiled in (see `build.rs`); their goals are checked live against the scene's world, its
//! devices and the trace the world keeps while a step is open.

mod glossary;
pub mod load;
mod markdown;
pub mod own;
mod player;
pub mod progress;
mod texts;

use facteur_protocols::lesson::course::{Course, Lesson, QuizKind, Step, View};
use facteur_protocols::lesson::goal::Facts;
use facteur_protocols::lesson::replay::Bench;
use facteur_protocols::Port;
use leptos::prelude::*;

use crate::browser::now;
use crate::i18n::{use_lang, use_texts, Lang};
use crate::route::{go, Route};
use crate::state::{use_scene, Scene};
pub use glossary::Glossary;
use progress::Progress;
pub use texts::CourseTexts;

/// The course as the page starts: every language compiled in for the native tests; in the
/// browser, none until `CourseState::ensure` has fetched one (see `load.rs`).
fn first_course() -> Course {
    #[cfg(not(target_arch = "wasm32"))]
    {
        load::compiled()
    }
    #[cfg(target_arch = "wasm32")]
    {
        Course::default()
    }
}

/// What the page tells about the learner's progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgressNotice {
    /// The saved progress could not be read and was reset.
    Reset,
    Imported,
    /// The chosen file was not a progress file.
    Unreadable,
}

impl ProgressNotice {
    fn text(self, t: &CourseTexts) -> &'static str {
        match self {
            ProgressNotice::Reset => t.progress_reset,
            ProgressNotice::Imported => t.progress_imported,
            ProgressNotice::Unreadable => t.progress_unreadable,
        }
    }
}

/// What the course components share.
#[derive(Clone, Copy)]
pub struct CourseState {
    /// The languages fetched so far (tracked: a view waiting for its lessons redraws).
    pub course: RwSignal<Course>,
    /// A language whose lessons could not be fetched, for the page to say so.
    pub unavailable: RwSignal<Option<load::Unavailable>>,
    /// Languages being fetched, so each is asked for once.
    fetching: StoredValue<Vec<Lang>>,
    pub progress: RwSignal<Progress>,
    /// Something to tell about progress (reset, loaded).
    pub notice: RwSignal<Option<ProgressNotice>>,
    /// The step whose world is on the scene, to go on from it.
    entered: StoredValue<Option<(u32, u32)>>,
    /// A teacher's own lessons read in this page, by language (see `own`).
    own: StoredValue<Vec<(Lang, Lesson)>>,
    /// What came of each lesson `lessons/index.txt` lists, for the teacher page.
    pub hosted: RwSignal<Vec<own::Hosted>>,
}

pub fn use_course() -> CourseState {
    expect_context()
}

pub fn use_course_texts() -> Memo<CourseTexts> {
    let lang = use_lang();
    Memo::new(move |_| CourseTexts::for_lang(lang.get()))
}

impl CourseState {
    pub fn new() -> CourseState {
        let (progress, reset) = progress::load();
        let notice = reset.map(|progress::WasReset| ProgressNotice::Reset);
        CourseState {
            course: RwSignal::new(first_course()),
            unavailable: RwSignal::new(None),
            fetching: StoredValue::new(Vec::new()),
            progress: RwSignal::new(progress),
            notice: RwSignal::new(notice),
            entered: StoredValue::new(None),
            own: StoredValue::new(Vec::new()),
            hosted: RwSignal::new(Vec::new()),
        }
    }

    pub fn lessons(&self, lang: Lang) -> Vec<Lesson> {
        self.course.with(|c| c.lessons(lang).to_vec())
    }

    /// Fetches the lessons of `lang` unless they are here or on their way. Until they come
    /// the page shows the language it has (tracked views redraw when they arrive).
    pub fn ensure(&self, lang: Lang) {
        let here = self.course.with_untracked(|c| c.has(lang));
        if here || self.fetching.with_value(|f| f.contains(&lang)) {
            return;
        }
        self.fetching.update_value(|f| f.push(lang));
        let state = *self;
        leptos::task::spawn_local(async move {
            match load::fetch(lang).await {
                Ok(lessons) => {
                    state.unavailable.set(None);
                    let lessons = state.own.with_value(|own| own::merged(lessons, own, lang));
                    state.course.update(|c| {
                        c.languages.insert(lang.tag().to_owned(), lessons);
                    });
                }
                Err(e) => state.unavailable.set(Some(e)),
            }
            state.fetching.update_value(|f| f.retain(|l| *l != lang));
        });
    }

    /// Adds a teacher's lesson to the course in `lang` (replacing one of the same number),
    /// for this visit.
    pub fn add_own(&self, lang: Lang, lesson: Lesson) {
        self.own.update_value(|own| {
            own.retain(|(l, o)| !(*l == lang && o.number == lesson.number));
            own.push((lang, lesson));
        });
        let here = self
            .course
            .with_untracked(|c| c.languages.contains_key(lang.tag()));
        if here {
            let own = self.own.get_value();
            self.course.update(|c| {
                if let Some(lessons) = c.languages.remove(lang.tag()) {
                    c.languages
                        .insert(lang.tag().to_owned(), own::merged(lessons, &own, lang));
                }
            });
        }
    }

    /// Reads the lessons a hosted site lists in `lessons/index.txt`, once, at start.
    pub fn read_hosted(&self) {
        let state = *self;
        leptos::task::spawn_local(async move {
            let outcomes = own::read_hosted(move |lang, lesson| state.add_own(lang, lesson)).await;
            state.hosted.set(outcomes);
        });
    }

    /// Whether the page has lessons to show, or knows it cannot get them (tracked).
    pub fn settled(&self) -> bool {
        self.course.with(|c| !c.languages.is_empty()) || self.unavailable.get().is_some()
    }

    /// The first step not done yet, for "Continue the course".
    fn next_undone(&self) -> Route {
        self.course.with_untracked(|c| {
            let p = self.progress.get_untracked();
            for l in c.lessons(Lang::En) {
                for (i, s) in l.steps.iter().enumerate() {
                    if !p.is_done(&l.id, &s.id) {
                        return Route::Step {
                            lesson: l.number,
                            step: i as u32 + 1,
                        };
                    }
                }
            }
            Route::Sandbox
        })
    }

    /// Puts the world of a step on the scene: the step before's world if the learner comes
    /// from it, else the lesson's steps before it replayed headless.
    pub fn enter(&self, scene: Scene, texts: crate::i18n::Texts, lesson: &Lesson, number: u32) {
        // The view the step chose, else the one the nearest step before it chose: a deep
        // link shows what the step's text talks about.
        let view = lesson.steps[..(number as usize).min(lesson.steps.len())]
            .iter()
            .rev()
            .find_map(|s| s.start.view);
        if let (Some(view), Some(shown)) = (view, use_context::<RwSignal<View>>()) {
            shown.set(view);
        }
        let Some(step) = lesson.steps.get(number as usize - 1) else {
            return;
        };
        let goes_on = step.start.world.is_none()
            && self.entered.get_value() == Some((lesson.number, number - 1));
        self.entered.set_value(Some((lesson.number, number)));
        let label = move |id: &str| {
            scene
                .with_devices_untracked(|d| d.get(id).map(|d| texts.device_label(&d.login, d.kind)))
                .unwrap_or_else(|| id.to_owned())
        };
        if goes_on {
            let hang_ups = scene.with_table_untracked(|t| step.start.hang_ups(t));
            scene.set_up(
                hang_ups.into_iter().chain(step.start.actions()).collect(),
                label,
            );
        } else {
            let mut bench = None;
            for before in &lesson.steps[..number as usize - 1] {
                let Ok(mut b) = Bench::begin(bench.take(), &before.start, now()) else {
                    return;
                };
                for action in &before.solution {
                    b.play(action);
                }
                bench = Some(b);
            }
            let Ok(bench) = Bench::begin(bench, &step.start, now()) else {
                return;
            };
            // The world the nearest step at or before this one started from.
            let preset = lesson.steps[..number as usize]
                .iter()
                .rev()
                .find_map(|s| s.start.world.clone())
                .unwrap_or_else(|| "demo".to_owned());
            scene.start_with(bench.into_table(), &preset);
            // A connection the steps before left open stays open in its terminal.
            scene.attach_open_terminals(label);
        }
        scene.restart_trace();
        if let Some(device) = step.device_on_screen() {
            scene.show_device(device);
        }
        scene.watch(step.start.watch.clone());
        if let Some(t) = &step.start.terminal {
            scene.offer_port(Port::from_number(t.port));
        }
    }
}

/// The home page: what the site is, the course, the sandbox.
#[component]
pub fn Home() -> impl IntoView {
    let (state, ct, lang) = (use_course(), use_course_texts(), use_lang());
    let started = move || {
        state
            .progress
            .with(|p| p.done.values().any(|s| !s.is_empty()))
    };
    let lessons = move || state.lessons(lang.get());
    view! {
        <section class="home">
            <h1>{move || ct.get().home_title}</h1>
            <p class="home-lead">{move || ct.get().home_lead}</p>
            <div class="home-actions">
                <button type="button" class="primary start-course" on:click=move |_| go(state.next_undone())>
                    {move || if started() { ct.get().continue_course } else { ct.get().start_course }}
                </button>
                <a class="sandbox-link" href="#/sandbox">{move || ct.get().open_sandbox}</a>
            </div>
            <CourseBar />
            <h2>{move || ct.get().lessons}</h2>
            <ol class="lesson-list">
                {move || lessons().into_iter().map(|l| {
                    let total = l.steps.len();
                    let id = StoredValue::new(l.id.clone());
                    let done = move || state.progress.with(|p| id.with_value(|id| p.count(id)));
                    let href = Route::Step { lesson: l.number, step: 1 }.fragment();
                    view! {
                        <li class="lesson-item" class:complete=move || done() == total>
                            <a href=href>
                                <span class="lesson-title">{l.title.clone()}</span>
                                <span class="lesson-summary">{l.summary.clone()}</span>
                            </a>
                            <progress max=total.to_string() value=move || done().to_string()
                                aria-label=move || format!("{} {}: {}/{}", ct.get().lesson_word, l.number, done(), total)></progress>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <div class="home-sandbox">
                <h2>{move || ct.get().sandbox_title}</h2>
                <p>{move || ct.get().sandbox_lead}</p>
            </div>
            <ProgressFile />
        </section>
    }
}

/// The course's progress bar: steps done of all steps.
#[component]
fn CourseBar() -> impl IntoView {
    let (state, ct) = (use_course(), use_course_texts());
    let counts = move || {
        state.course.with(|c| {
            let lessons = c.lessons(Lang::En);
            let total: usize = lessons.iter().map(|l| l.steps.len()).sum();
            let done: usize = state
                .progress
                .with(|p| lessons.iter().map(|l| p.count(&l.id)).sum());
            (done, total)
        })
    };
    view! {
        <div class="course-bar">
            <label>
                {move || ct.get().course_progress} " "
                <span class="course-count">{move || { let (d, t) = counts(); ct.get().steps_of(d, t) }}</span>
                <progress max=move || counts().1.to_string() value=move || counts().0.to_string()></progress>
            </label>
        </div>
    }
}

/// Saving progress to a file and loading it back.
#[component]
fn ProgressFile() -> impl IntoView {
    let (state, ct) = (use_course(), use_course_texts());
    let export = move |_| {
        let today = crate::state::clock::today();
        let (file, json) = state.progress.with_untracked(|p| p.to_file(&today));
        let _ = crate::browser::download(&file, "application/json", &json);
    };
    let name = move |ev: web_sys::Event| {
        let typed: String = event_target_value(&ev)
            .trim()
            .chars()
            .take(progress::NAME_MAX)
            .collect();
        state.progress.update(|p| p.name = typed);
        state.progress.with_untracked(progress::save);
    };
    let import = move |ev: web_sys::Event| {
        crate::browser::read_chosen_text(&ev, move |text| match Progress::from_json(&text) {
            Ok(p) => {
                progress::save(&p);
                state.progress.set(p);
                state.notice.set(Some(ProgressNotice::Imported));
            }
            Err(_) => state.notice.set(Some(ProgressNotice::Unreadable)),
        });
    };
    view! {
        <div class="progress-file">
            {move || state.notice.get().map(|n| view! { <p class="notice" role="status">{n.text(&ct.get())}</p> })}
            <label class="student-name">
                <span>{move || ct.get().your_name}</span>
                <input type="text" autocomplete="name" maxlength=progress::NAME_MAX.to_string()
                    aria-describedby="student-name-why"
                    prop:value=move || state.progress.with(|p| p.name.clone()) on:change=name />
            </label>
            <p id="student-name-why" class="aside-note">{move || ct.get().your_name_why}</p>
            <button type="button" on:click=export>{move || ct.get().export_progress}</button>
            <label class="file-button">
                {move || ct.get().import_progress}
                <input type="file" accept="application/json,.json" class="visually-hidden" on:change=import />
            </label>
        </div>
    }
}

/// The lesson panel: the step's text, its goals ticking live, hints, Show me, a question,
/// Next; the recap once the last step is done.
#[component]
pub fn LessonPanel(lesson: u32, step: u32) -> impl IntoView {
    let (state, ct, lang, scene, texts) = (
        use_course(),
        use_course_texts(),
        use_lang(),
        use_scene(),
        use_texts(),
    );
    let found = move || {
        let lang = lang.get();
        state.course.with(|c| {
            let lessons = c.lessons(lang);
            let l = lessons.iter().find(|l| l.number == lesson)?;
            let s = l.steps.get(step as usize - 1)?.clone();
            Some((l.clone(), s, lessons.len() as u32))
        })
    };
    // The world is set when the step is entered, not when the language changes; focus goes
    // to the step's title, so a keyboard or screen reader starts reading there.
    if let Some((l, _, _)) = found() {
        state.enter(scene, texts.get_untracked(), &l, step);
        crate::browser::focus_later("step-title");
    }
    move || match found() {
        None => view! {
            <section class="lesson-panel">
                <p>{move || ct.get().no_such_step}</p>
                <a href="#/">{move || ct.get().home}</a>
            </section>
        }
        .into_any(),
        Some((l, s, total)) => {
            view! { <StepView lesson=l step=s number=step lessons=total /> }.into_any()
        }
    }
}

#[component]
fn StepView(lesson: Lesson, step: Step, number: u32, lessons: u32) -> impl IntoView {
    let (state, ct, scene, texts) = (use_course(), use_course_texts(), use_scene(), use_texts());
    let steps = lesson.steps.len() as u32;
    let last = number == steps;
    let back_up = RwSignal::new(false);
    let answered_here = step.quiz.is_some();
    let hints_shown = RwSignal::new(0usize);
    let (chosen, set_chosen) = signal(Vec::<usize>::new());
    let picked = RwSignal::new(Vec::<usize>::new());
    let busy = RwSignal::new(false);
    let quiz = step.quiz.clone();
    let goals = step.goals.clone();
    let quiz_for_met = quiz.clone();
    let met = Memo::new(move |_| {
        let chosen = chosen.get();
        let quiz_right = quiz_for_met.as_ref().is_some_and(|q| q.is_right(&chosen));
        // The goals see the world as the learner does: while a dialogue plays, as of the
        // line it shows.
        let moment = scene.shown_moment();
        scene.with_table(|t| {
            let now = Facts::of(t.world(), t.devices(), quiz_right, t.sent());
            let facts = match &moment {
                Some(m) => now.as_of(&m.store, &m.devices, m.seen),
                None => now,
            };
            goals
                .iter()
                .map(|g| g.check.met(&facts))
                .collect::<Vec<bool>>()
        })
    });
    // A step done on an earlier visit shows its goals met, whatever the world is now.
    let done_before = state
        .progress
        .with_untracked(|p| p.is_done(&lesson.id, &step.id));
    let all_met = move || done_before || met.with(|m| m.iter().all(|x| *x));
    // Each goal is announced once, when it is met (not the whole list again).
    let just_met = RwSignal::new(String::new());
    let says: Vec<String> = step.goals.iter().map(|g| g.says.clone()).collect();
    Effect::new(move |before: Option<Vec<bool>>| {
        let now = met.get();
        if let Some(before) = before {
            let newly = now
                .iter()
                .zip(&before)
                .position(|(now, before)| *now && !*before);
            if let Some(i) = newly {
                just_met.set(format!("{} {}", ct.get_untracked().goal_just_met, says[i]));
            }
            // The step is done: what comes next (Next step, or the recap and Next lesson)
            // must not wait out of sight in the panel's own scroll.
            if now.iter().all(|x| *x) && !before.iter().all(|x| *x) {
                let next = if last {
                    ".lesson-panel .recap"
                } else {
                    ".lesson-panel .step-done"
                };
                crate::browser::reveal_within(".lesson-panel", next);
            }
        }
        now
    });
    let title = format!("{} · {} — Facteur", step.title, lesson.title);
    Effect::new(move |_| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&title);
        }
    });
    let (lesson_id, step_id) = (lesson.id.clone(), step.id.clone());
    Effect::new(move |_| {
        if met.with(|m| m.iter().all(|x| *x)) {
            let mut changed = false;
            state
                .progress
                .update(|p| changed = p.mark(&lesson_id, &step_id));
            if changed {
                state.progress.with_untracked(progress::save);
            }
        }
    });
    let go_step = move |m: u32| {
        go(Route::Step {
            lesson: lesson.number,
            step: m,
        })
    };
    let next_lesson = lesson.number + 1;
    let hints = step.hints.clone();
    let hint_count = hints.len();
    let no_more_hints = move || hints_shown.get() >= hint_count;
    let solution = step.solution.clone();
    let show_me = move |_| {
        player::show(
            scene,
            texts.get_untracked(),
            solution.clone(),
            set_chosen,
            busy,
        )
    };
    let recap = lesson.recap.clone();
    let quiz_ids = (lesson.id.clone(), step.id.clone());
    view! {
        <section class="lesson-panel" aria-labelledby="step-title">
            <nav class="lesson-nav">
                <a href="#/">{move || ct.get().home}</a>
                <span class="lesson-where">{move || format!("{} {} · {} {}/{}", ct.get().lesson_word, lesson.number, ct.get().step_word, number, steps)}</span>
            </nav>
            <progress class="lesson-progress" max=steps.to_string() value=move || state.progress.with(|p| p.count(&lesson.id)).to_string()></progress>
            <h1 class="lesson-heading">{lesson.title.clone()}</h1>
            <h2 id="step-title" tabindex="-1">{step.title.clone()}</h2>
            <div class="lesson-text">{markdown::blocks(&step.text)}</div>
            {quiz.map(|q| {
                let multiple = q.kind == QuizKind::Multiple;
                let predict = q.kind == QuizKind::Predict;
                let (q2, q3) = (q.clone(), q.clone());
                let (quiz_lesson, quiz_step) = (quiz_ids.0.clone(), quiz_ids.1.clone());
                view! {
                    <fieldset class="quiz">
                        <legend>{markdown::blocks(&q.question)}</legend>
                        {predict.then(|| view! { <p class="quiz-predict">{move || ct.get().predict_then_check}</p> })}
                        {q.choices.iter().enumerate().map(|(i, c)| {
                            let why = c.why.clone();
                            let right = c.right;
                            let answered = move || chosen.with(|ch| ch.contains(&i));
                            view! {
                                <div class="quiz-choice">
                                    <label>
                                        <input type=if multiple { "checkbox" } else { "radio" } name="quiz"
                                            prop:checked=move || picked.with(|p| p.contains(&i))
                                            on:change=move |_| picked.update(|p| {
                                                if multiple { if let Some(at) = p.iter().position(|x| *x == i) { p.remove(at); } else { p.push(i); } }
                                                else { *p = vec![i]; }
                                            }) />
                                        {markdown::blocks(&c.text)}
                                    </label>
                                    {move || answered().then(|| view! {
                                        <div class="quiz-why" class:right=right class:wrong=!right>
                                            <strong>{move || if right { ct.get().right } else { ct.get().wrong }}</strong>
                                            {markdown::blocks(&why)}
                                        </div>
                                    })}
                                </div>
                            }
                        }).collect_view()}
                        <button type="button" class="check-answer" on:click=move |_| {
                            let answer = picked.get_untracked();
                            let right = q3.is_right(&answer);
                            let mut kept = false;
                            state.progress.update(|p| kept = p.answer(&quiz_lesson, &quiz_step, right));
                            if kept {
                                state.progress.with_untracked(progress::save);
                            }
                            set_chosen.set(answer);
                        }>{move || ct.get().check_answer}</button>
                        {move || { let c = chosen.get(); (!c.is_empty()).then(|| {
                            let ok = q2.is_right(&c);
                            view! { <p class="quiz-verdict" role="status">{move || if ok { ct.get().answer_right } else { ct.get().answer_wrong }}</p> }
                        }) }}
                    </fieldset>
                }
            })}
            <h3 class="goals-title">{move || ct.get().goals}</h3>
            {done_before.then(|| view! { <p class="done-before">{move || ct.get().done_before}</p> })}
            <ul class="goals">
                {step.goals.iter().enumerate().map(|(i, g)| {
                    let done = move || done_before || met.with(|m| m.get(i).copied().unwrap_or(false));
                    view! {
                        <li class="goal" class:met=done data-met=move || done().to_string()>
                            <span class="goal-mark" aria-hidden="true">{move || if done() { "✓" } else { "○" }}</span>
                            <span class="visually-hidden">{move || if done() { ct.get().goal_met } else { ct.get().goal_open }}": "</span>
                            {g.says.clone()}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="visually-hidden" role="status" aria-live="polite">{move || just_met.get()}</p>
            <div class="hints">
                {move || hints.iter().take(hints_shown.get()).map(|h| view! { <div class="hint">{markdown::blocks(h)}</div> }).collect_view()}
                {move || (no_more_hints() && hint_count > 0).then(|| view! { <p class="hint-end">{move || ct.get().no_more_hints}</p> })}
            </div>
            <div class="lesson-actions">
                // Once every hint is shown the button goes: the note above says what is left.
                {move || (!no_more_hints()).then(|| view! {
                    <button type="button" class="hint-button" on:click=move |_| hints_shown.update(|n| *n += 1)>
                        {move || if hints_shown.get() == 0 { ct.get().hint } else { ct.get().another_hint }}
                    </button>
                })}
                <button type="button" class="show-me" disabled=move || busy.get() on:click=show_me>
                    {move || if busy.get() { ct.get().showing } else { ct.get().show_me }}
                </button>
                {(number > 1).then(|| view! {
                    <button type="button" class="previous-step" on:click=move |_| go_step(number - 1)>{move || ct.get().previous_step}</button>
                })}
                {(!last).then(|| view! {
                    <button type="button" class="next-step primary" class:ready=all_met on:click=move |_| go_step(number + 1)>{move || ct.get().next_step}</button>
                })}
            </div>
            {move || all_met().then(|| view! { <p class="step-done" role="status">{move || ct.get().step_done}</p> })}
            // On a phone the learner is down in the workspace when the step is done: a bar at
            // the bottom of the screen takes them back up to what comes next. A question is
            // answered in the lesson itself, where the learner already is.
            {move || (all_met() && !done_before && !answered_here && !back_up.get()).then(|| view! {
                <a class="done-bar" href="#step-title" on:click=move |ev| {
                    ev.prevent_default();
                    back_up.set(true);
                    let next = if last { ".lesson-panel .recap" } else { ".lesson-panel .next-step" };
                    crate::browser::bring_into_view(next.to_owned());
                }>
                    <span aria-hidden="true">"↑ "</span>
                    {move || if last { ct.get().done_go_recap } else { ct.get().done_go_next }}
                </a>
            })}
            {last.then(|| {
                let recap = recap.clone();
                view! {
                    <div class="recap" class:off=move || !all_met()>
                        <h3>{move || ct.get().recap}</h3>
                        {markdown::blocks(&recap)}
                        {if next_lesson <= lessons {
                            view! { <button type="button" class="next-lesson primary" on:click=move |_| go(Route::Step { lesson: next_lesson, step: 1 })>{move || ct.get().next_lesson}</button> }.into_any()
                        } else {
                            view! { <p>{move || ct.get().course_done}</p> }.into_any()
                        }}
                    </div>
                }
            })}
        </section>
    }
}

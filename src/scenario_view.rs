//! "Same scenario, other protocol": the steps recorded on the devices, replayed on fresh
//! copies of the world as recorded and under the other protocol, the two end states side
//! by side with their differences marked, and the sentence that says what they teach.
//! A scenario travels as a small JSON file or inside a link's fragment.

use std::collections::{BTreeMap, BTreeSet};

use facteur_protocols::records::scenario::{Difference, EndState, Lesson, Row, Scenario};
use facteur_protocols::table::{Action, Reading, Table};
use leptos::prelude::*;

use crate::browser::{copy, download, now};
use crate::i18n::{use_lang, use_texts};
use crate::scenario_texts::{self as tx, ScenarioTexts};
use crate::state::{use_scene, Scene};

/// The two end states: as recorded, and under the other protocol.
#[derive(Debug, Clone, PartialEq)]
struct Comparison {
    recorded: EndState,
    other: EndState,
    /// How the other side reads: IMAP, or the POP3 choice.
    recorded_reading: Reading,
    other_reading: Reading,
    lesson: Lesson,
}

/// The start of a link that carries a scenario.
const FRAGMENT: &str = "#scenario=";

/// Plays `scenario` on a fresh copy of its world; None if that world cannot be built.
fn end_state(scene: Scene, scenario: &Scenario) -> Option<EndState> {
    let mut table = Table::of_world(scene.fresh(&scenario.preset).ok()?);
    scenario.play(&mut table, now());
    let used: BTreeSet<String> = scenario
        .steps
        .iter()
        .filter_map(|s| s.device().map(str::to_owned))
        .collect();
    Some(EndState::of(table.world(), table.devices(), &used))
}

fn compare(scene: Scene, scenario: &Scenario, pop3: Reading) -> Option<Comparison> {
    let other = scenario.flipped(pop3);
    let (a, b) = (end_state(scene, scenario)?, end_state(scene, &other)?);
    let imap_first = scenario.mostly_imap();
    let lesson = if imap_first {
        Lesson::of(&a, &b)
    } else {
        Lesson::of(&b, &a)
    };
    Some(Comparison {
        recorded: a,
        other: b,
        recorded_reading: if imap_first { Reading::Imap } else { pop3 },
        other_reading: if imap_first { pop3 } else { Reading::Imap },
        lesson,
    })
}

/// Opens a scenario: its world starts afresh, and the panel shows its steps to play.
fn open(scene: Scene, scenario: Scenario, loaded: RwSignal<Option<Scenario>>) {
    if scene.reset(&scenario.preset).is_ok() {
        loaded.set(Some(scenario));
    }
}

/// A scenario in the page's address (a shared link) opens at once; the fragment is then
/// taken out of the address, so a reload keeps the sandbox instead of opening it again.
fn open_from_link(
    scene: Scene,
    loaded: RwSignal<Option<Scenario>>,
    said: RwSignal<Option<String>>,
) {
    let Some(fragment) = crate::browser::take_fragment(FRAGMENT) else {
        return;
    };
    match Scenario::from_fragment(&fragment) {
        Ok(s) => open(scene, s, loaded),
        Err(e) => said.set(Some(tx::scenario_error(&e, use_lang().get_untracked()))),
    }
}

/// Runs the scenario's steps on the page's devices, each with its dialogue; a device
/// that already reads mail as the scenario starts it is left as it is.
fn play_here(scene: Scene, scenario: &Scenario, label: impl Fn(&str) -> String) {
    for (id, reading) in &scenario.start {
        let differs = scene.with_devices_untracked(|d| {
            d.get(id)
                .is_some_and(|d| Reading::of(d.receiving) != *reading)
        });
        if differs {
            let action = Action::Reading {
                device: id.clone(),
                reading: *reading,
            };
            scene.play(action, &label(id));
        }
    }
    for action in &scenario.steps {
        let who = label(action.device().unwrap_or_default());
        scene.play(action.clone(), &who);
    }
}

#[component]
pub fn ScenarioView() -> impl IntoView {
    let (scene, lang, texts) = (use_scene(), use_lang(), use_texts());
    let t = Memo::new(move |_| ScenarioTexts::for_lang(lang.get()));
    let loaded = RwSignal::new(None::<Scenario>);
    let said = RwSignal::new(None::<String>);
    let link = RwSignal::new(None::<(String, Option<bool>)>);
    let pop3 = RwSignal::new(Reading::Pop3Delete);
    let comparison = RwSignal::new(None::<Comparison>);
    open_from_link(scene, loaded, said);
    crate::classroom::share::open_from_link(scene);
    // The scenario shown: one opened from a file or link, else the one being recorded.
    let shown = Memo::new(move |_| loaded.get().unwrap_or_else(|| scene.scenario()));
    // A new step or another scenario makes an old comparison stale.
    Effect::new(move |_| {
        shown.track();
        comparison.set(None);
        link.set(None);
    });
    let label = move |id: &str| {
        scene
            .with_devices_untracked(|d| {
                d.get(id)
                    .map(|d| texts.get_untracked().device_label(&d.login, d.kind))
            })
            .unwrap_or_else(|| id.to_owned())
    };
    // The results open where the learner can see them: the sentence that says what the
    // two end states teach takes the focus.
    let replay = move |_| {
        comparison.set(compare(scene, &shown.get_untracked(), pop3.get_untracked()));
        crate::browser::bring_into_view(".scenario .lesson".to_owned());
    };
    let export = move |_| {
        let _ = download(
            "facteur-scenario.json",
            "application/json",
            &shown.get_untracked().to_json(),
        );
    };
    // The link leads where students go (the teacher page's address), in the page's language.
    let share = move |_| {
        let url = format!(
            "{}?lang={}{FRAGMENT}{}",
            crate::classroom::address::students_address(),
            lang.get_untracked().tag(),
            shown.get_untracked().to_fragment()
        );
        link.set(Some((url.clone(), None)));
        leptos::task::spawn_local(async move {
            let copied = copy(&url).await;
            let _ = link.try_update(|l| {
                if let Some((_, said)) = l.as_mut() {
                    *said = Some(copied);
                }
            });
        });
    };
    // Where the page could not copy, the link is selected for the keyboard.
    let link_field = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        let by_keys = link.with(|l| matches!(l, Some((_, Some(false)))));
        if let (true, Some(field)) = (by_keys, link_field.get()) {
            crate::browser::select_for_copy(&field);
        }
    });
    let on_file = move |ev: leptos::ev::Event| {
        crate::browser::read_chosen_text(&ev, move |text| match Scenario::from_json(&text) {
            Ok(s) => {
                said.set(None);
                open(scene, s, loaded);
            }
            Err(e) => said.set(Some(tx::scenario_error(&e, lang.get_untracked()))),
        });
    };
    let play = move |_| {
        if let Some(s) = loaded.get_untracked() {
            loaded.set(None);
            play_here(scene, &s, label);
        }
    };
    let recorded_imap = move || shown.with(Scenario::mostly_imap);

    view! {
        <section class="scenario" aria-labelledby="scenario-title">
            <h2 id="scenario-title">{move || t.get().title}</h2>
            <p class="hint">{move || t.get().intro}</p>
            {move || said.get().map(|s| view! { <p class="scenario-error" role="alert">{s}</p> })}
            <Show when=move || loaded.with(Option::is_some)>
                <p class="scenario-opened" role="status">{move || t.get().opened}</p>
                <button type="button" class="play-here primary" on:click=play>{move || t.get().play_here}</button>
            </Show>
            <h3>{move || t.get().steps}</h3>
            {move || {
                let s = shown.get();
                if s.steps.is_empty() {
                    return view! { <p class="empty">{t.get().empty}</p> }.into_any();
                }
                view! {
                    <ol class="scenario-steps">
                        {s.steps.iter().map(|step| view! {
                            <li><strong>{label(step.device().unwrap_or_default())}</strong>" — "{tx::step(step, lang.get())}</li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            <div class="scenario-actions">
                <Show when=recorded_imap>
                    <label>
                        <span>{move || t.get().pop3_as}</span>
                        <select class="pop3-side" on:change=move |ev| {
                            pop3.set(if event_target_value(&ev) == "leave" { Reading::Pop3Leave } else { Reading::Pop3Delete });
                            comparison.set(None);
                        }>
                            <option value="delete">{move || tx::reading(Reading::Pop3Delete, lang.get())}</option>
                            <option value="leave">{move || tx::reading(Reading::Pop3Leave, lang.get())}</option>
                        </select>
                    </label>
                </Show>
                <button type="button" class="replay primary" disabled=move || shown.with(|s| s.steps.is_empty()) on:click=replay>
                    {move || t.get().replay}
                </button>
                <button type="button" class="export" disabled=move || shown.with(|s| s.steps.is_empty()) on:click=export>{move || t.get().export}</button>
                <button type="button" class="share" disabled=move || shown.with(|s| s.steps.is_empty()) on:click=share>{move || t.get().copy_link}</button>
                <label class="upload">
                    <span class="button-like">{move || t.get().import}</span>
                    <input type="file" class="scenario-file visually-hidden" accept=".json,application/json" on:change=on_file />
                </label>
            </div>
            <Show when=move || link.with(Option::is_some)>
                <p class="scenario-link" role="status">
                    {move || match link.with(|l| l.as_ref().and_then(|(_, copied)| *copied)) {
                        Some(true) => t.get().link_copied.to_owned(),
                        Some(false) => format!("{} {}", t.get().link_to_copy, texts.get().copy_by_keys),
                        None => t.get().link_to_copy.to_owned(),
                    }}" "
                    <input type="text" readonly class="link-text" node_ref=link_field aria-label=move || t.get().copy_link
                        prop:value=move || link.with(|l| l.as_ref().map(|(url, _)| url.clone()).unwrap_or_default()) />
                </p>
            </Show>
            {move || comparison.get().map(|c| view! { <ComparisonView c=c /> })}
        </section>
    }
}

#[component]
fn ComparisonView(c: Comparison) -> impl IntoView {
    let (lang, texts) = (use_lang(), use_texts());
    let t = Memo::new(move |_| ScenarioTexts::for_lang(lang.get()));
    let lesson = c.lesson;
    let sides = [
        (
            c.recorded_reading,
            true,
            c.recorded.clone(),
            c.other.clone(),
        ),
        (c.other_reading, false, c.other, c.recorded),
    ];
    view! {
        <p class="lesson" role="status" data-lesson=format!("{lesson:?}")>{move || tx::lesson(lesson, lang.get())}</p>
        <div class="comparison">
            {sides.into_iter().map(|(reading, recorded, mine, theirs)| {
                let title = move || if recorded {
                    format!("{} · {}", t.get().as_recorded, tx::reading(reading, lang.get()))
                } else {
                    tx::reading(reading, lang.get()).to_owned()
                };
                let device_blocks = mine.devices.iter().map(|(id, folders)| {
                    let (login, kind) = id.split_once('-').unwrap_or((id, ""));
                    let name = format!("{login} · {kind}");
                    let other = theirs.devices.get(id).cloned().unwrap_or_default();
                    let who = texts.get_untracked().device_label(login, device_kind(kind));
                    view! { <Place title=if kind.is_empty() { name } else { who } data=id.clone() mine=folders.clone() theirs=other /> }
                }).collect_view();
                let server_blocks = mine.server.iter().map(|(login, boxes)| {
                    let other = theirs.server.get(login).cloned().unwrap_or_default();
                    view! { <Place title=format!("{login} — {}", t.get_untracked().on_server) data=format!("server-{login}") mine=boxes.clone() theirs=other /> }
                }).collect_view();
                view! {
                    <div class="side" data-side=if recorded { "recorded" } else { "other" }>
                        <h3>{title}</h3>
                        {device_blocks}
                        {server_blocks}
                    </div>
                }
            }).collect_view()}
        </div>
    }
}

fn device_kind(slug: &str) -> facteur_protocols::device::DeviceKind {
    use facteur_protocols::device::DeviceKind;
    match slug {
        "phone" => DeviceKind::Phone,
        "tablet" => DeviceKind::Tablet,
        _ => DeviceKind::Laptop,
    }
}

/// A folder's name, its messages each with how the other side differs, and whether the
/// two sides count differently.
type MarkedFolder = (String, Vec<(Row, Option<Difference>)>, bool);

/// A device or a server account at the end: its non-empty folders (and INBOX), each
/// message marked when the other side does not have it so.
#[component]
fn Place(
    title: String,
    data: String,
    mine: BTreeMap<String, Vec<Row>>,
    theirs: BTreeMap<String, Vec<Row>>,
) -> impl IntoView {
    let lang = use_lang();
    let t = Memo::new(move |_| ScenarioTexts::for_lang(lang.get()));
    let folders: Vec<MarkedFolder> = mine
        .iter()
        .filter(|(name, rows)| name.as_str() == "INBOX" || !rows.is_empty())
        .map(|(name, rows)| {
            let other = theirs.get(name).cloned().unwrap_or_default();
            let marked = rows
                .iter()
                .cloned()
                .zip(Row::differences(rows, &other))
                .collect();
            let count_differs = other.len() != rows.len();
            (name.clone(), marked, count_differs)
        })
        .collect();
    view! {
        <div class="place" data-place=data>
            <h4>{title}</h4>
            {folders.into_iter().map(|(name, rows, count_differs)| view! {
                <div class="place-folder" data-folder=name.clone()>
                    <p class="folder-head" class:differs=count_differs>{name.clone()}" · "{rows.len()}</p>
                    {if rows.is_empty() {
                        view! { <p class="empty">{move || t.get().nothing}</p> }.into_any()
                    } else {
                        view! {
                            <ul>
                                {rows.into_iter().map(|(row, differs)| {
                                    let flagged = row.flagged;
                                    let mark = differs.map(|d| {
                                        let row = row.clone();
                                        view! { <span class="differs-mark">" ≠ "{move || t.get().difference(&row, d)}</span> }
                                    });
                                    view! {
                                        <li class:differs=differs.is_some()>
                                            <span class="what">{row.subject.clone()}</span>" "
                                            <span class="seen">{move || if row.seen { t.get().read } else { t.get().unread }}</span>
                                            {flagged.then(|| view! { " · "<span class="flagged">"⚑ "{move || t.get().flagged}</span> })}
                                            {mark}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </div>
            }).collect_view()}
        </div>
    }
}

//! "Show me": a step's reference solution played on the page, one action at a time, through
//! the same consoles and devices as the learner's own clicks, so the dialogue, the diagram
//! and the devices show it as they would show the learner's.

use facteur_protocols::table::Action;
use facteur_protocols::Port;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;

use crate::i18n::Texts;
use crate::state::Scene;

/// The pause between two actions, long enough to see each one land.
const BETWEEN_MS: u32 = 700;

/// Plays `actions`; `answer` receives a quiz's choices (from 0); `busy` is true meanwhile.
pub fn show(
    scene: Scene,
    texts: Texts,
    actions: Vec<Action>,
    answer: WriteSignal<Vec<usize>>,
    busy: RwSignal<bool>,
) {
    busy.set(true);
    wasm_bindgen_futures::spawn_local(async move {
        for action in actions {
            if busy.try_get_untracked() != Some(true) {
                return;
            }
            play(scene, texts, &action, answer);
            TimeoutFuture::new(BETWEEN_MS).await;
        }
        let _ = busy.try_set(false);
    });
}

fn label(scene: Scene, texts: Texts, id: &str) -> String {
    scene
        .with_devices_untracked(|d| d.get(id).map(|d| texts.device_label(&d.login, d.kind)))
        .unwrap_or_else(|| id.to_owned())
}

/// The terminal a typed line goes to: the one on screen if it is connected, else the one
/// connected last (a device's button may have put another device on screen meanwhile).
fn typing_console(scene: Scene) -> Option<(String, crate::state::Console)> {
    let connected = |c: &crate::state::Console| c.connection_untracked().map(|k| k.id);
    let active = scene.active_untracked();
    let consoles = scene.consoles_by_id();
    if let Some(on_screen) = consoles
        .iter()
        .find(|(id, c)| *id == active && connected(c).is_some())
    {
        return Some(on_screen.clone());
    }
    consoles
        .into_iter()
        .filter_map(|(id, c)| connected(&c).map(|session| (session, id, c)))
        .max_by_key(|(session, _, _)| *session)
        .map(|(_, id, c)| (id, c))
}

fn play(scene: Scene, texts: Texts, action: &Action, answer: WriteSignal<Vec<usize>>) {
    match action {
        Action::Connect { device, port, .. } => {
            let (Some(console), Some(port)) = (scene.console(device), Port::from_number(*port))
            else {
                return;
            };
            scene.show_device(&device.clone());
            scene.offer_port(Some(port));
            scene.connect(console, &label(scene, texts, device), port, true);
        }
        Action::Type { device, line } => {
            let console = match device {
                Some(id) => scene.console(id).map(|c| (id.clone(), c)),
                None => typing_console(scene),
            };
            if let Some((id, console)) = console {
                scene.show_device(&id);
                scene.send(console, line);
            }
        }
        Action::Answer { choices } => {
            answer.set(choices.iter().map(|c| c.saturating_sub(1)).collect())
        }
        on_a_device => {
            let id = on_a_device.device().unwrap_or_default().to_owned();
            scene.play(on_a_device.clone(), &label(scene, texts, &id));
        }
    }
}

//! "Share this dialogue": a terminal's typed lines as a link. Opened, the link starts the
//! same world afresh in the sandbox and types the same lines on the same ports; the replies
//! come from the engine again and play at the class's pace, so a teacher can put one
//! dialogue on every screen and step through it together.

use facteur_protocols::records::recording::{Recording, RecordingError};

use leptos::prelude::*;

use super::address::students_address;
use super::board::{Board, BoardView};
use super::link_field::LinkField;
use super::qr::QrCodeView;
use super::texts::use_classroom_texts;
use crate::i18n::{use_lang, use_texts};
use crate::state::use_console;
use crate::state::Notice;
use crate::state::Scene;

/// The start of a link's fragment that carries a dialogue.
pub const FRAGMENT: &str = "#dialogue=";

/// What went wrong with a shared dialogue, as the sandbox's notice says it.
fn notice_for(e: &RecordingError) -> Notice {
    match e {
        RecordingError::Unreadable(_) => Notice::DialogueUnreadable,
        RecordingError::Version(_) => Notice::DialogueOtherVersion,
        RecordingError::UnknownWorld(_) | RecordingError::UnknownPort(_) => Notice::DialogueUnknown,
        RecordingError::TooLong => Notice::DialogueTooLong,
    }
}

/// A dialogue in the page's address (a shared link) is replayed at once; the fragment is
/// then taken out of the address, so a reload keeps the sandbox instead of replaying.
pub fn open_from_link(scene: Scene) {
    let Some(fragment) = crate::browser::take_fragment(FRAGMENT) else {
        return;
    };
    match Recording::from_fragment(&fragment) {
        Ok(recording) => replay(scene, &recording),
        Err(e) => scene.set_notice(Some(notice_for(&e))),
    }
}

/// Types the recording's lines again on a fresh copy of its world, each connection in the
/// terminal of its account's first device.
fn replay(scene: Scene, recording: &Recording) {
    if scene.reset(&recording.preset).is_err() {
        scene.set_notice(Some(Notice::DialogueUnknown));
        return;
    }
    let texts = use_texts().get_untracked();
    let device_of = |login: &str| {
        scene.with_devices_untracked(|d| {
            d.iter()
                .find(|(_, d)| d.login == login)
                .map(|(id, d)| (id.clone(), texts.device_label(login, d.kind)))
        })
    };
    let Some((first, _)) = recording.sessions.first().and_then(|s| device_of(&s.login)) else {
        scene.set_notice(Some(Notice::DialogueUnknown));
        return;
    };
    scene.show_device(&first);
    for session in &recording.sessions {
        let Some((id, who)) = device_of(&session.login) else {
            continue;
        };
        for action in Recording::actions(session, &id) {
            scene.play(action, &who);
        }
    }
    scene.set_notice(Some(Notice::DialogueReplayed));
}

/// The terminal's "Share this dialogue": a link to copy and a QR code to show the class.
#[component]
pub fn ShareDialogue() -> impl IntoView {
    let (console, texts, t) = (use_console(), use_texts(), use_classroom_texts());
    let lang = use_lang();
    let open = RwSignal::new(false);
    let board = Board::new();
    // On the address students use (the teacher page's choice), in the page's language.
    let link = Memo::new(move |_| {
        let base = format!("{}?lang={}", students_address(), lang.get().tag());
        console.with_recording(|r| format!("{base}{FRAGMENT}{}", r.to_fragment()))
    });
    let shareable = move || console.with_recording(|r| !r.is_empty());
    let builtin = move || {
        console.with_recording(|r| facteur_protocols::store::Preset::builtin(&r.preset).is_ok())
    };
    view! {
        <button type="button" class="share-dialogue" prop:disabled=move || !shareable()
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)>
            {move || t.get().share_dialogue}
        </button>
        <Show when=move || open.get() && shareable()>
            <div class="share-panel" role="region" aria-label=move || t.get().share_dialogue>
                <Show when=builtin fallback=move || view! { <p>{move || t.get().share_uploaded}</p> }>
                    <p>{move || t.get().share_lead(console.with_recording(Recording::lines))}</p>
                    <LinkField link board copy_at_once=true
                        label=Signal::derive(move || t.get().share_link_label.to_owned())
                        board_title=Signal::derive(move || t.get().share_title.to_owned())
                        qr_label=Signal::derive(move || t.get().qr_of_dialogue.to_owned()) />
                    <QrCodeView text=link label=Signal::derive(move || t.get().qr_of_dialogue.to_owned())
                        too_long=Signal::derive(move || t.get().qr_too_long) />
                </Show>
                <button type="button" class="link" on:click=move |_| open.set(false)>{move || texts.get().close}</button>
            </div>
        </Show>
        <BoardView board />
    }
}

//! The path a message takes — device, submission server, relay, mailbox, devices that read
//! it — with the hop of the line the terminal shows lit, so a learner sees where in the
//! journey each command belongs.

use facteur_protocols::Service;
use leptos::prelude::*;

use crate::state::use_scene;
use crate::state::{Entry, EventKind, Hop, Side};
use crate::world_texts::{use_world_texts, WorldTexts};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    Device,
    Submission,
    Relay,
    Mailbox,
    Readers,
}

const STOPS: [Stop; 5] = [
    Stop::Device,
    Stop::Submission,
    Stop::Relay,
    Stop::Mailbox,
    Stop::Readers,
];

impl Stop {
    fn name(self, t: &WorldTexts) -> &'static str {
        match self {
            Stop::Device => t.hop_device,
            Stop::Submission => t.hop_submission,
            Stop::Relay => t.hop_relay,
            Stop::Mailbox => t.hop_mailbox,
            Stop::Readers => t.hop_readers,
        }
    }

    fn class(self) -> &'static str {
        match self {
            Stop::Device => "device",
            Stop::Submission => "submission",
            Stop::Relay => "relay",
            Stop::Mailbox => "mailbox",
            Stop::Readers => "readers",
        }
    }
}

/// Where a line of the dialogue happens on the path.
fn stop(e: &Entry) -> Stop {
    match (&e.hop, &e.event, e.service, e.side) {
        (Hop::Relay { .. }, ..) => Stop::Relay,
        (_, Some(h), ..) if h.kind() == EventKind::Relayed => Stop::Relay,
        (_, Some(h), ..) if h.kind() == EventKind::Delivered => Stop::Mailbox,
        (_, _, Service::Smtp, Side::Client | Side::Session) => Stop::Device,
        (_, _, Service::Smtp, _) => Stop::Submission,
        _ => Stop::Readers,
    }
}

#[component]
pub fn MessagePath() -> impl IntoView {
    let (scene, wt) = (use_scene(), use_world_texts());
    let lit = Memo::new(move |_| {
        let console = scene.active_console()?;
        let selected = console.selected();
        console.with_playback(|p| {
            let shown = p.shown();
            selected
                .and_then(|id| shown.iter().find(|e| e.id == id))
                .or(shown.last())
                .map(|e| stop(e))
        })
    });
    view! {
        <nav class="message-path" aria-label=move || wt.get().path>
            // On a narrow screen the stops scroll sideways: the list takes the focus, so a
            // keyboard can scroll it too.
            <ol tabindex="0">
                {STOPS.iter().map(|s| {
                    let s = *s;
                    view! {
                        <li class=s.class() class:lit=move || lit.get() == Some(s)
                            aria-current=move || (lit.get() == Some(s)).then_some("step")>
                            {move || s.name(&wt.get())}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </nav>
    }
}

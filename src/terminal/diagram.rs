//! A sequence diagram of the dialogue: one arrow per line between the client and the
//! server, and between the two servers when mail is relayed. It follows playback.

use leptos::prelude::*;

use crate::browser::download;
use crate::i18n::use_texts;
use crate::state::{use_console, Hop, Side};

const TOP: f64 = 56.0;
const ROW: f64 = 26.0;
/// Lifelines' x positions, and the picture's width, for two parties or three: two lanes fit
/// the side panel of a 1100 px window (about 370 px) without scrolling, so a server's name
/// is never cut.
const LANES: [f64; 3] = [62.0, 290.0, 518.0];
const MARGIN: f64 = 64.0;
/// About what fits between two lanes in 12 px monospace.
const LABEL_CHARS: usize = 30;
/// The height of one unfolded line under its arrow.
const LINE: f64 = 16.0;
/// The newest arrows drawn. Past a few hundred a sequence diagram is no longer read, only
/// scrolled, and every arrow is live SVG the page would lay out again at each reply.
pub const DRAWN: usize = 200;

/// One arrow: from lane, to lane, the line's text.
#[derive(Clone, PartialEq)]
struct Arrow {
    /// The first line's entry, selected when the arrow is clicked.
    id: u64,
    from: usize,
    to: usize,
    text: String,
    /// Every line of the message, for the tooltip.
    full: String,
    lines: usize,
    client: bool,
    /// Whether its first line is message content, which the next content lines join.
    content: bool,
    /// Every line's entry, so selecting any of them unfolds the arrow.
    ids: Vec<u64>,
    /// The lines after the first, shown under the arrow when it is unfolded.
    rest: Vec<String>,
    /// Where the arrow is drawn; rows below an unfolded arrow move down.
    y: f64,
}

fn short(text: &str) -> String {
    if text.chars().count() <= LABEL_CHARS {
        text.to_owned()
    } else {
        format!(
            "{}…",
            text.chars().take(LABEL_CHARS - 1).collect::<String>()
        )
    }
}

#[component]
pub fn Diagram() -> impl IntoView {
    let (console, texts) = (use_console(), use_texts());
    // The current connection only (its lifelines are the peers named above), one arrow
    // per message: a reply of several lines (EHLO's, RETR's, a FETCH with its literal), and
    // the content a client sends after DATA or APPEND, is one arrow, with its first line as
    // label and every line in its tooltip.
    let arrows = Memo::new(move |_| {
        console.with_playback(|p| {
            let shown = p.shown();
            let start = shown
                .iter()
                .rposition(|e| e.side == Side::Session)
                .map_or(0, |i| i + 1);
            let mut arrows: Vec<Arrow> = Vec::new();
            for e in shown[start..]
                .iter()
                .filter(|e| matches!(e.side, Side::Client | Side::Server))
            {
                let client = e.side == Side::Client;
                let (from, to) = match (&e.hop, client) {
                    (Hop::Direct, true) => (0, 1),
                    (Hop::Direct, false) => (1, 0),
                    (Hop::Relay { .. }, true) => (1, 2),
                    (Hop::Relay { .. }, false) => (2, 1),
                };
                // A message's content (DATA's lines, an APPEND literal) is one arrow too.
                let continues = |last: &Arrow| {
                    (last.from, last.to) == (from, to)
                        && last.client == client
                        && (!client || (e.is_content() && last.content))
                };
                match arrows.last_mut() {
                    Some(last) if continues(last) => {
                        last.lines += e.lines().len();
                        last.full.push('\n');
                        last.full.push_str(&e.text);
                        last.ids.push(e.id);
                        last.rest.push(e.text.clone());
                    }
                    _ => arrows.push(Arrow {
                        id: e.id,
                        from,
                        to,
                        text: e.text.clone(),
                        full: e.text.clone(),
                        lines: e.lines().len(),
                        ids: vec![e.id],
                        rest: Vec::new(),
                        y: 0.0,
                        client,
                        content: e.is_content(),
                    }),
                }
            }
            arrows
        })
    });
    // Selecting any line of a long message (here or in the dialogue) unfolds its arrow:
    // its other lines appear beneath it, and the arrows below make room.
    let laid_out = Memo::new(move |_| {
        let selected = console.selected();
        let mut y = TOP + ROW * 0.6;
        arrows.with(|all| {
            all[all.len().saturating_sub(DRAWN)..]
                .iter()
                .cloned()
                .map(|mut a| {
                    a.y = y;
                    let unfolded =
                        selected.is_some_and(|s| a.ids.contains(&s)) && !a.rest.is_empty();
                    if !unfolded {
                        a.rest.clear();
                    }
                    y += ROW + LINE * a.rest.len() as f64;
                    a
                })
                .collect::<Vec<_>>()
        })
    });
    let undrawn = move || arrows.with(|a| a.len().saturating_sub(DRAWN));
    let relay_host = move || {
        console.with_playback(|p| {
            let shown = p.shown();
            let start = shown
                .iter()
                .rposition(|e| e.side == Side::Session)
                .map_or(0, |i| i + 1);
            shown[start..].iter().find_map(|e| match &e.hop {
                Hop::Relay { to, .. } => Some(to.clone()),
                Hop::Direct => None,
            })
        })
    };
    let height =
        move || laid_out.with(|a| a.last().map_or(TOP, |l| l.y + LINE * l.rest.len() as f64)) + ROW;
    let width = move || {
        if relay_host().is_some() {
            LANES[2] + MARGIN
        } else {
            LANES[1] + MARGIN
        }
    };
    let peers = move || console.peers().unwrap_or_default();
    // The diagram scrolls in its own box, which follows the newest arrow.
    let scroll = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let count = arrows.with(Vec::len);
        if let (true, Some(el)) = (count > 0, scroll.get()) {
            crate::browser::scroll_to_end(el.into());
        }
    });

    let save = move |_| {
        let svg = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("sequence-diagram"))
            .map(|el| el.outer_html());
        if let Some(svg) = svg {
            let _ = download("facteur-sequence.svg", "image/svg+xml", &svg);
        }
    };

    view! {
        <section class="panel diagram" aria-labelledby="diagram-title">
            <div class="panel-head">
                <h3 id="diagram-title">{move || texts.get().diagram}</h3>
                <button type="button" on:click=save prop:disabled=move || arrows.with(Vec::is_empty)>
                    {move || texts.get().download_svg}
                </button>
            </div>
            <Show when=move || arrows.with(Vec::is_empty)>
                <p class="hint">{move || texts.get().diagram_empty}</p>
            </Show>
            <Show when=move || { undrawn() > 0 }>
                <p class="hint diagram-undrawn" role="status">
                    {move || texts.get().diagram_undrawn}" "{undrawn}
                </p>
            </Show>
            // Focusable so the keyboard can scroll a long diagram too.
            <div class="diagram-scroll" node_ref=scroll tabindex="0" role="group"
                aria-label=move || texts.get().diagram>
            <svg
                id="sequence-diagram"
                width=width
                height=height
                xmlns="http://www.w3.org/2000/svg"
                class="sequence"
                role="img"
                aria-label=move || texts.get().diagram
                viewBox=move || format!("0 0 {} {}", width(), height())
                data-arrows=move || arrows.with(Vec::len).to_string()
            >
                <defs>
                    <marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z" fill="currentColor"></path>
                    </marker>
                </defs>
                {move || {
                    let (client, server) = peers();
                    let mut names = vec![client, server];
                    if let Some(r) = relay_host() {
                        names.push(r);
                    }
                    let (h, w, last) = (height(), width(), names.len() - 1);
                    names.into_iter().enumerate().map(|(i, name)| {
                        let x = LANES[i];
                        // A long name ("alice · ordinateur portable") starts at the left edge
                        // for the first lane and ends at the right edge for the last, so the
                        // picture never cuts it.
                        let (anchor, at) = match i {
                            0 => ("start", 4.0),
                            i if i == last => ("end", w - 4.0),
                            _ => ("middle", x),
                        };
                        view! {
                            <text class="lane-name" x=at y="24" text-anchor=anchor>{name}</text>
                            <line class="lifeline" x1=x y1="34" x2=x y2=h></line>
                        }
                    }).collect_view()
                }}
                // Keyed by the arrow, not by where it stands: when older arrows leave the
                // top, the others move (one attribute each) instead of being drawn again.
                <For
                    each=move || laid_out.get()
                    key=|a| (a.id, a.lines, a.rest.len())
                    let(arrow)
                >
                    {
                        let (x1, x2) = (LANES[arrow.from], LANES[arrow.to]);
                        let class = if arrow.client { "arrow client" } else { "arrow server" };
                        let mid = (x1 + x2) / 2.0;
                        let label = if arrow.lines > 1 {
                            format!("{} (+{})", short(&arrow.text), arrow.lines - 1)
                        } else {
                            short(&arrow.text)
                        };
                        let id = arrow.id;
                        let ids = arrow.ids.clone();
                        let x = x1.min(x2) + 6.0;
                        let y = move || {
                            laid_out.with(|all| all.iter().find(|a| a.id == id).map_or(0.0, |a| a.y))
                        };
                        view! {
                            <g class=class
                                transform=move || format!("translate(0 {})", y())
                                class:selected=move || console.selected().is_some_and(|s| ids.contains(&s))
                                on:click=move |_| console.select(Some(id))>
                                <title>{arrow.full.clone()}</title>
                                <line x1=x1 y1="0" x2=x2 y2="0" marker-end="url(#arrowhead)"></line>
                                <text x=mid y="-5" text-anchor="middle">{label}</text>
                                {arrow.rest.iter().enumerate().map(|(k, line)| view! {
                                    <text class="unfolded" x=x y=LINE * (k as f64 + 1.0)>{short(line)}</text>
                                }).collect_view()}
                            </g>
                        }
                    }
                </For>
            </svg>
            </div>
        </section>
    }
}

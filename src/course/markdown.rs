//! Draws lesson text (already read from Markdown at build time) as elements and text nodes:
//! nothing in a lesson is ever inserted as HTML.

use facteur_protocols::lesson::course::View;
use facteur_protocols::lesson::place::Place;
use facteur_protocols::lesson::text::{safe_href, Block, Inline};
use leptos::prelude::*;

use crate::state::{use_scene, Scene};

pub fn blocks(blocks: &[Block]) -> AnyView {
    blocks.iter().map(block).collect_view().into_any()
}

fn block(b: &Block) -> AnyView {
    match b {
        Block::Paragraph(i) => view! { <p>{inlines(i)}</p> }.into_any(),
        Block::Heading(i) => view! { <h4>{inlines(i)}</h4> }.into_any(),
        Block::Code(code) => {
            view! { <pre class="lesson-code"><code>{code.trim_end().to_owned()}</code></pre> }
                .into_any()
        }
        Block::List {
            ordered: true,
            items,
        } => {
            view! { <ol>{items.iter().map(|i| view! { <li>{blocks(i)}</li> }).collect_view()}</ol> }
                .into_any()
        }
        Block::List {
            ordered: false,
            items,
        } => {
            view! { <ul>{items.iter().map(|i| view! { <li>{blocks(i)}</li> }).collect_view()}</ul> }
                .into_any()
        }
        Block::Quote(b) => view! { <blockquote>{blocks(b)}</blockquote> }.into_any(),
    }
}

pub fn inlines(inlines: &[Inline]) -> AnyView {
    inlines.iter().map(inline).collect_view().into_any()
}

fn inline(i: &Inline) -> AnyView {
    match i {
        Inline::Text(t) => t.clone().into_any(),
        Inline::Code(c) => view! { <code>{c.clone()}</code> }.into_any(),
        Inline::Emphasis(c) => view! { <em>{inlines(c)}</em> }.into_any(),
        Inline::Strong(c) => view! { <strong>{inlines(c)}</strong> }.into_any(),
        Inline::Link { href, text } if Place::of_href(href).is_some() => {
            let place = StoredValue::new(Place::of_href(href));
            // The page's state is read now: a click runs outside the component.
            let (scene, shown) = (use_scene(), use_context::<RwSignal<View>>());
            view! {
                <button type="button" class="place-link" on:click=move |_| place.with_value(|p| {
                    if let Some(p) = p {
                        go_to(p, scene, shown);
                    }
                })>{inlines(text)}</button>
            }
            .into_any()
        }
        Inline::Link { href, text } if safe_href(href) => {
            let external = href.starts_with("https://");
            view! {
                <a href=href.clone() target=external.then_some("_blank") rel=external.then_some("noopener")>{inlines(text)}</a>
            }
            .into_any()
        }
        Inline::Link { text, .. } => inlines(text),
        Inline::Break => view! { <br /> }.into_any(),
    }
}

/// Takes the learner to a place a lesson's words name: the view on a narrow screen, the
/// device on screen, and the part of the page scrolled to and focused.
fn go_to(place: &Place, scene: Scene, shown: Option<RwSignal<View>>) {
    let (view, selector) = match place {
        Place::View(view) => (*view, view_selector(*view).to_owned()),
        Place::Device { id, view } => {
            match view {
                View::Devices => scene.show_in_devices(id),
                _ => scene.show_device(id),
            }
            let selector = match view {
                View::Devices => format!(".devices .device[data-device=\"{id}\"]"),
                other => view_selector(*other).to_owned(),
            };
            (*view, selector)
        }
    };
    if let Some(shown) = shown {
        shown.set(view);
    }
    crate::browser::bring_into_view(selector);
}

/// The part of the page that holds a view.
fn view_selector(view: View) -> &'static str {
    match view {
        View::Terminal => ".world-terminal .terminal",
        View::Devices => ".world-devices .devices",
        View::Server => ".world-server .server-view",
    }
}

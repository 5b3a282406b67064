//! Draws lesson text (already read from Markdown at build time) as elements and text nodes:
//! nothing in a lesson is ever inserted as HTML.

use facteur_protocols::lesson::text::{safe_href, Block, Inline};
use leptos::prelude::*;

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

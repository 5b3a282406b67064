//! Lesson text after its Markdown was read: a small tree of blocks and inlines that a page
//! draws as elements and text nodes. Raw HTML never reaches it (the reader turns it into
//! text), and links are only to the web (`https:`) or to a place in the site (`#/…`).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Block {
    Paragraph(Vec<Inline>),
    Heading(Vec<Inline>),
    /// A code block, shown as it is written (a dialogue, a command).
    Code(String),
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    Quote(Vec<Block>),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Inline {
    Text(String),
    Code(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Link { href: String, text: Vec<Inline> },
    Break,
}

/// A link a lesson may hold: a web page over HTTPS, or a place in the site.
pub fn safe_href(href: &str) -> bool {
    href.starts_with("https://") || href.starts_with("#/")
}

/// The text of inlines without their markup, for a title or a screen reader's label.
pub fn plain(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for i in inlines {
        match i {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Emphasis(c) | Inline::Strong(c) | Inline::Link { text: c, .. } => {
                out.push_str(&plain(c))
            }
            Inline::Break => out.push(' '),
        }
    }
    out
}

//! Lesson text after its Markdown was read: a small tree of blocks and inlines that a page
//! draws as elements and text nodes. Raw HTML never reaches it (the reader turns it into
//! text), and links are only to the web (`https:`) or to a place in the site (`#/…`).

use serde::{Deserialize, Serialize};

use super::place::Place;

/// A block of a lesson's text, from its Markdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Block {
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A heading within the text.
    Heading(Vec<Inline>),
    /// A code block, shown as it is written (a dialogue, a command).
    Code(String),
    /// A list, numbered or not.
    List {
        /// Numbered (`1.`) rather than bulleted.
        ordered: bool,
        /// Its items, each a list of blocks.
        items: Vec<Vec<Block>>,
    },
    /// A quotation.
    Quote(Vec<Block>),
}

/// Text within a block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Code, shown as it is typed.
    Code(String),
    /// Emphasis (`*…*`).
    Emphasis(Vec<Inline>),
    /// Strong emphasis (`**…**`).
    Strong(Vec<Inline>),
    /// A link.
    Link {
        /// The address.
        href: String,
        /// The linked words.
        text: Vec<Inline>,
    },
    /// A line break.
    Break,
}

/// A link a lesson may hold: a web page over HTTPS, a place in the site, or a place on
/// the page (see [`Place`]).
pub fn safe_href(href: &str) -> bool {
    href.starts_with("https://") || href.starts_with("#/") || Place::of_href(href).is_some()
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

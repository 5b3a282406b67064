//! Markdown (CommonMark) to the lesson text tree. Raw HTML in a lesson becomes visible text,
//! never markup; images become their alt text; a link that is neither `https:` nor a place
//! in the site (`#/…`) is an error, so a teacher learns of it at build time.

use facteur_protocols::lesson::text::{safe_href, Block, Inline};
use pulldown_cmark::{Event, Parser, Tag};

/// Reads Markdown; `Err` names the first thing a lesson may not hold.
pub fn blocks(source: &str, french: bool) -> Result<Vec<Block>, String> {
    let mut reader = Reader {
        french,
        ..Reader::default()
    };
    for event in Parser::new(source) {
        reader.event(event)?;
    }
    reader.finish()
}

/// What is open while reading: nested blocks and inlines.
#[derive(Debug)]
enum Open {
    Paragraph,
    Heading,
    Code(String),
    List(bool, Vec<Vec<Block>>),
    Item,
    Quote,
    Emphasis,
    Strong,
    Link(String),
    Image,
}

#[derive(Default)]
struct Reader {
    french: bool,
    /// Each open thing, with the blocks and inlines gathered inside it.
    stack: Vec<(Open, Vec<Block>, Vec<Inline>)>,
    top: Vec<Block>,
}

impl Reader {
    fn inlines(&mut self) -> &mut Vec<Inline> {
        match self.stack.last_mut() {
            Some((_, _, inlines)) => inlines,
            // Text outside any block (tight list items end up in an Item): keep it.
            None => {
                self.top.push(Block::Paragraph(Vec::new()));
                match self.top.last_mut() {
                    Some(Block::Paragraph(i)) => i,
                    _ => unreachable!("just pushed a paragraph"),
                }
            }
        }
    }

    fn text(&mut self, text: &str) {
        // Code is shown, and copied, as it is written: a no-break space before a header's
        // colon would make `From : …` no header at all (RFC 5322 §2.2).
        if let Some((Open::Code(code), _, _)) = self.stack.last_mut() {
            code.push_str(text);
            return;
        }
        let text = if self.french {
            crate::typography::french(text)
        } else {
            text.to_owned()
        };
        match self.inlines().last_mut() {
            Some(Inline::Text(t)) => t.push_str(&text),
            _ => self.inlines().push(Inline::Text(text)),
        }
    }

    fn push_block(&mut self, block: Block) {
        match self.stack.last_mut() {
            Some((_, blocks, inlines)) => {
                // Loose text before a nested block (a tight list item) is a paragraph.
                if !inlines.is_empty() {
                    blocks.push(Block::Paragraph(std::mem::take(inlines)));
                }
                blocks.push(block);
            }
            None => self.top.push(block),
        }
    }

    fn event(&mut self, event: Event) -> Result<(), String> {
        match event {
            Event::Start(tag) => {
                let open = match tag {
                    Tag::Paragraph => Open::Paragraph,
                    Tag::Heading { .. } => Open::Heading,
                    Tag::CodeBlock(_) => Open::Code(String::new()),
                    Tag::List(first) => Open::List(first.is_some(), Vec::new()),
                    Tag::Item => Open::Item,
                    Tag::BlockQuote(_) => Open::Quote,
                    Tag::Emphasis => Open::Emphasis,
                    Tag::Strong => Open::Strong,
                    Tag::Link { dest_url, .. } => {
                        if !safe_href(&dest_url) {
                            return Err(format!(
                                "the link `{dest_url}` must start with https:// or #/, or show a place on the page (show:terminal, show:devices, show:server, show:bob-phone, show:bob-tablet/terminal)"
                            ));
                        }
                        Open::Link(dest_url.to_string())
                    }
                    Tag::Image { .. } => Open::Image,
                    Tag::HtmlBlock => Open::Paragraph,
                    other => return Err(format!("lessons cannot hold {other:?}")),
                };
                self.stack.push((open, Vec::new(), Vec::new()));
            }
            Event::End(end) => {
                let Some((open, blocks, inlines)) = self.stack.pop() else {
                    return Err(format!("unbalanced Markdown at {end:?}"));
                };
                match open {
                    Open::Paragraph => self.push_block(Block::Paragraph(inlines)),
                    Open::Heading => self.push_block(Block::Heading(inlines)),
                    Open::Code(code) => self.push_block(Block::Code(code)),
                    Open::List(ordered, items) => self.push_block(Block::List { ordered, items }),
                    Open::Item => {
                        let mut item = blocks;
                        if !inlines.is_empty() {
                            item.push(Block::Paragraph(inlines));
                        }
                        match self.stack.last_mut() {
                            Some((Open::List(_, items), _, _)) => items.push(item),
                            _ => return Err("a list item outside a list".to_owned()),
                        }
                    }
                    Open::Quote => self.push_block(Block::Quote(blocks)),
                    Open::Emphasis => self.inlines().push(Inline::Emphasis(inlines)),
                    Open::Strong => self.inlines().push(Inline::Strong(inlines)),
                    Open::Link(href) => self.inlines().push(Inline::Link {
                        href,
                        text: inlines,
                    }),
                    // An image's alt text stands in for it: lessons are words.
                    Open::Image => self.inlines().extend(inlines),
                }
            }
            Event::Text(t) => self.text(&t),
            Event::Code(c) => self.inlines().push(Inline::Code(c.to_string())),
            // Markup a teacher typed is shown as they typed it.
            Event::Html(h) | Event::InlineHtml(h) => self.text(&h),
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.inlines().push(Inline::Break),
            Event::Rule => {}
            other => return Err(format!("lessons cannot hold {other:?}")),
        }
        Ok(())
    }

    fn finish(self) -> Result<Vec<Block>, String> {
        if !self.stack.is_empty() {
            return Err("unbalanced Markdown at the end".to_owned());
        }
        Ok(self.top)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_becomes_a_tree_and_html_stays_text() {
        let b = blocks("Type **`EHLO`** then <b>read</b>.\n\n- one\n- two", false).unwrap();
        assert_eq!(
            b,
            vec![
                Block::Paragraph(vec![
                    Inline::Text("Type ".into()),
                    Inline::Strong(vec![Inline::Code("EHLO".into())]),
                    Inline::Text(" then <b>read</b>.".into()),
                ]),
                Block::List {
                    ordered: false,
                    items: vec![
                        vec![Block::Paragraph(vec![Inline::Text("one".into())])],
                        vec![Block::Paragraph(vec![Inline::Text("two".into())])],
                    ]
                }
            ]
        );
    }

    #[test]
    fn only_web_and_site_links_are_allowed() {
        assert!(blocks("[RFC](https://www.rfc-editor.org/rfc/rfc5321)", false).is_ok());
        assert!(blocks("[next](#/lesson/3/step/1)", false).is_ok());
        let err = blocks("[x](javascript:alert(1))", false).unwrap_err();
        assert!(err.contains("javascript:alert(1)"), "{err}");
    }
}

#[cfg(test)]
mod french_tests {
    use super::*;

    #[test]
    fn french_code_blocks_stay_as_written() {
        let source = "Tapez :\n\n```\nFrom: Alice <alice@example.test>\nSubject: Hello Bob\n\nAre you free ? l'heure\n```\n";
        let b = blocks(source, true).unwrap();
        assert_eq!(
            b[1],
            Block::Code(
                "From: Alice <alice@example.test>\nSubject: Hello Bob\n\nAre you free ? l'heure\n"
                    .into()
            )
        );
        assert_eq!(
            b[0],
            Block::Paragraph(vec![Inline::Text("Tapez\u{a0}:".into())])
        );
    }

    #[test]
    fn an_elision_before_emphasis_or_code_gets_its_apostrophe() {
        let b = blocks("l'*objet* et l'`EHLO`", true).unwrap();
        assert_eq!(
            b,
            vec![Block::Paragraph(vec![
                Inline::Text("l’".into()),
                Inline::Emphasis(vec![Inline::Text("objet".into())]),
                Inline::Text(" et l’".into()),
                Inline::Code("EHLO".into()),
            ])]
        );
    }

    #[test]
    fn french_text_gets_its_spacing_and_apostrophes_across_markup() {
        let b = blocks("Le serveur qu'attend Alice : `EHLO` ? **Oui** !", true).unwrap();
        assert_eq!(
            b,
            vec![Block::Paragraph(vec![
                Inline::Text("Le serveur qu’attend Alice\u{a0}: ".into()),
                Inline::Code("EHLO".into()),
                Inline::Text("\u{202f}? ".into()),
                Inline::Strong(vec![Inline::Text("Oui".into())]),
                Inline::Text("\u{202f}!".into()),
            ])]
        );
    }
}

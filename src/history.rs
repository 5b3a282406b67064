//! The prompt's history of sent lines, walked with Up and Down like a shell's.

#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    lines: Vec<String>,
    /// Where Up/Down stand: `lines.len()` is "the line being typed".
    cursor: usize,
    /// What was being typed before walking the history, restored at the bottom.
    draft: String,
}

impl History {
    /// Remembers a sent line (not twice in a row, not empty) and returns to the bottom.
    pub fn push(&mut self, line: &str) {
        if !line.trim().is_empty() && self.lines.last().map(String::as_str) != Some(line) {
            self.lines.push(line.to_owned());
        }
        self.cursor = self.lines.len();
        self.draft.clear();
    }

    /// The previous line, given what is typed now; None at the top.
    pub fn up(&mut self, typed: &str) -> Option<String> {
        if self.cursor == 0 {
            return None;
        }
        if self.cursor == self.lines.len() {
            self.draft = typed.to_owned();
        }
        self.cursor -= 1;
        self.lines.get(self.cursor).cloned()
    }

    /// The next line, or the draft once past the newest.
    pub fn down(&mut self) -> Option<String> {
        if self.cursor >= self.lines.len() {
            return None;
        }
        self.cursor += 1;
        Some(
            self.lines
                .get(self.cursor)
                .cloned()
                .unwrap_or_else(|| self.draft.clone()),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn up_walks_back_and_down_returns_to_the_draft() {
        let mut h = History::default();
        h.push("EHLO a");
        h.push("MAIL FROM:<a@b>");
        assert_eq!(h.up("RCPT"), Some("MAIL FROM:<a@b>".into()));
        assert_eq!(h.up(""), Some("EHLO a".into()));
        assert_eq!(h.up(""), None, "nothing older");
        assert_eq!(h.down(), Some("MAIL FROM:<a@b>".into()));
        assert_eq!(
            h.down(),
            Some("RCPT".into()),
            "back to what was being typed"
        );
        assert_eq!(h.down(), None);
    }

    #[test]
    fn repeats_and_blank_lines_are_not_stored() {
        let mut h = History::default();
        h.push("NOOP");
        h.push("NOOP");
        h.push("  ");
        assert_eq!(h.up(""), Some("NOOP".into()));
        assert_eq!(h.up(""), None);
    }
}

//! Explanations: what every line of a dialogue means, in English and French.
//!
//! A session attaches a [`Note`] to each line: a variant naming the situation, with its
//! arguments. The catalogues turn a note into words; because they match on every variant,
//! the compiler refuses a note that has no English or no French text. The catalogues
//! depend on the engine's vocabulary; nothing in the engine depends on them.

mod en;
pub(crate) mod en_grammar;
mod en_imap;
mod en_pop3;
mod fr;
pub(crate) mod fr_grammar;
mod fr_imap;
mod fr_pop3;

pub mod glossary;
pub mod reference;
pub mod terminal;

use crate::grammar::{Diagnostic, Expected, Hint};
use crate::note::Note;
use crate::vocab::Lang;

impl Note {
    /// The explanation in a language, as plain text.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::En => en::note(self),
            Lang::Fr => fr::note(self),
        }
    }
}

/// A parser's diagnostic as a sentence: what was expected, where, and the hint if any.
pub fn diagnostic(d: &Diagnostic, lang: Lang) -> String {
    match lang {
        Lang::En => en_grammar::diagnostic(d),
        Lang::Fr => fr_grammar::diagnostic(d),
    }
}

/// What an [`Expected`] is called, e.g. "an address in angle brackets".
pub fn expected(e: Expected, lang: Lang) -> &'static str {
    match lang {
        Lang::En => en_grammar::expected(e),
        Lang::Fr => fr_grammar::expected(e),
    }
}

/// The advice for a [`Hint`].
pub fn hint(h: Hint, lang: Lang) -> &'static str {
    match lang {
        Lang::En => en_grammar::hint(h),
        Lang::Fr => fr_grammar::hint(h),
    }
}

/// A number and its noun in English ("1 byte", "512 bytes").
fn en_count(n: impl TryInto<usize>, one: &str, many: &str) -> String {
    let n = n.try_into().unwrap_or(usize::MAX);
    crate::vocab::count(Lang::En, n, one, many)
}

/// A number and its noun in French ("1\u{a0}octet", "512\u{a0}octets").
fn fr_count(n: impl TryInto<usize>, one: &str, many: &str) -> String {
    let n = n.try_into().unwrap_or(usize::MAX);
    crate::vocab::count(Lang::Fr, n, one, many)
}

#[cfg(test)]
mod tests;

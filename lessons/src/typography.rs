//! French typography, applied to French lesson text so a teacher can type ordinary spaces:
//! a narrow no-break space before `;`, `!` and `?`, a no-break space before `:` and inside
//! « guillemets » (the Imprimerie nationale's rules, as French publishers apply them), and
//! the typographic apostrophe (l’ordinateur) in place of the typewriter one.

const NARROW: char = '\u{202F}';
const NBSP: char = '\u{A0}';

/// The text with French spacing around punctuation. Code spans never come here.
pub fn french(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let prev_out = out.chars().last();
        match c {
            ' ' if matches!(next, Some(';' | '!' | '?')) => out.push(NARROW),
            ' ' if next == Some(':') || next == Some('»') => out.push(NBSP),
            ' ' if prev_out == Some('«') => out.push(NBSP),
            ';' | '!' | '?' if is_word_end(prev_out) => {
                out.push(NARROW);
                out.push(c);
            }
            // A colon in a time (10:30), a URL or a command (MAIL FROM:<…>) is left alone.
            ':' if is_word_end(prev_out) && next.is_none_or(char::is_whitespace) => {
                out.push(NBSP);
                out.push(c);
            }
            '»' if is_word_end(prev_out) => {
                out.push(NBSP);
                out.push(c);
            }
            // An elision (l', qu'): before a letter, or at the end of a run of text where
            // emphasis or code follows (l'*objet*), when the word is one that elides.
            '\'' if prev_out.is_some_and(char::is_alphabetic)
                && (next.is_some_and(char::is_alphabetic) || next.is_none() && elides(&out)) =>
            {
                out.push('’')
            }
            '«' if next.is_some_and(|n| !n.is_whitespace()) => {
                out.push(c);
                out.push(NBSP);
            }
            _ => out.push(c),
        }
    }
    out
}

fn is_word_end(prev: Option<char>) -> bool {
    prev.is_some_and(|p| p.is_alphanumeric() || matches!(p, ')' | '.' | '»' | '\'' | '’' | '"'))
}

/// Whether the text ends with a word French elides before a vowel (l', d', qu', jusqu'…):
/// an apostrophe after it, where emphasis or code follows, is an elision, not a quote.
fn elides(text: &str) -> bool {
    let word = text
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    matches!(
        word.to_lowercase().as_str(),
        "l" | "d"
            | "j"
            | "m"
            | "n"
            | "s"
            | "t"
            | "c"
            | "qu"
            | "jusqu"
            | "lorsqu"
            | "puisqu"
            | "quoiqu"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_before_double_punctuation_do_not_break() {
        assert_eq!(french("Prêt ? Oui !"), "Prêt\u{202F}? Oui\u{202F}!");
        assert_eq!(french("Prêt? Oui!"), "Prêt\u{202F}? Oui\u{202F}!");
        assert_eq!(french("Le code : 250"), "Le code\u{A0}: 250");
        assert_eq!(french("« bonjour »"), "«\u{A0}bonjour\u{A0}»");
        assert_eq!(french("«bonjour»"), "«\u{A0}bonjour\u{A0}»");
    }

    #[test]
    fn apostrophes_are_typographic() {
        assert_eq!(french("l'ordinateur d'Alice"), "l’ordinateur d’Alice");
        assert_eq!(french("'quoted'"), "'quoted'");
        assert_eq!(french("voici l'"), "voici l’");
        assert_eq!(french("puisqu'"), "puisqu’");
        assert_eq!(french("'bonjour'"), "'bonjour'");
    }

    #[test]
    fn colons_inside_words_stay() {
        assert_eq!(french("à 10:30"), "à 10:30");
        assert_eq!(french("MAIL FROM:<a@b>"), "MAIL FROM:<a@b>");
    }
}

//! A student's first name, and the login it gives. The login is the local part of their
//! address (`zoe@class.test`), so it must be plain ASCII (RFC 5321 §4.1.2's `Dot-string`,
//! without SMTPUTF8): accents are folded, spaces become hyphens, and anything that is not
//! part of a name is refused with the character named.

use serde::{Deserialize, Serialize};

/// The longest name, in characters: a first name, perhaps with an initial.
pub const NAME_MAX: usize = 24;

/// Logins nobody may take: the addresses a mail system keeps for itself (RFC 2142 §3–5),
/// and the teacher's.
const RESERVED: [&str; 9] = [
    "postmaster",
    "abuse",
    "hostmaster",
    "webmaster",
    "mailer-daemon",
    "root",
    "admin",
    "noreply",
    "teacher",
];

/// A name a student typed, checked, with the login it gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudentName {
    /// As typed, spaces tidied (`Zoé Martin`): shown to classmates, used in `From:`.
    pub shown: String,
    /// `zoe-martin`: the login and the address's local part.
    pub login: String,
}

/// Why a name is refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "kebab-case")]
pub enum NameProblem {
    /// Nothing was typed.
    Empty,
    /// Longer than [`NAME_MAX`] characters.
    TooLong,
    /// A character that is not part of a name (`<`, `@`, a digit…).
    NotInAName {
        /// The character.
        character: char,
    },
    /// The name has no letter an address can carry (`Ωμέγα`).
    NoLatinLetter,
    /// The login is one a mail system keeps for itself (`postmaster`).
    Reserved {
        /// The login.
        login: String,
    },
}

impl StudentName {
    /// Checks a typed name.
    pub fn parse(typed: &str) -> Result<StudentName, NameProblem> {
        let shown = typed.split_whitespace().collect::<Vec<_>>().join(" ");
        if shown.is_empty() {
            return Err(NameProblem::Empty);
        }
        if shown.chars().count() > NAME_MAX {
            return Err(NameProblem::TooLong);
        }
        if let Some(character) = shown
            .chars()
            .find(|c| !(c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’')))
        {
            return Err(NameProblem::NotInAName { character });
        }
        let mut login = String::new();
        for c in shown.chars() {
            match c {
                ' ' | '-' if !login.is_empty() && !login.ends_with('-') => login.push('-'),
                ' ' | '-' | '\'' | '’' => {}
                c => match fold(c) {
                    Some(ascii) => login.push_str(ascii),
                    None if c.is_ascii_alphabetic() => login.push(c.to_ascii_lowercase()),
                    None => return Err(NameProblem::NoLatinLetter),
                },
            }
        }
        let login = login.trim_end_matches('-').to_owned();
        if login.is_empty() {
            return Err(NameProblem::NoLatinLetter);
        }
        if RESERVED.contains(&login.as_str()) {
            return Err(NameProblem::Reserved { login });
        }
        Ok(StudentName { shown, login })
    }
}

/// A Latin letter with a mark, as the plain letters an address can carry.
fn fold(c: char) -> Option<&'static str> {
    let lower = c.to_lowercase().next()?;
    Some(match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' | 'ľ' | 'ĺ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' | 'ŕ' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn login(typed: &str) -> String {
        StudentName::parse(typed)
            .map(|n| n.login)
            .unwrap_or_default()
    }

    #[test]
    fn names_give_plain_logins() {
        assert_eq!(login("Zoé"), "zoe");
        assert_eq!(login("  Jean-Luc  "), "jean-luc");
        assert_eq!(login("Zoé  Martin"), "zoe-martin");
        assert_eq!(login("Chloë O'Brien"), "chloe-obrien");
        assert_eq!(login("Łukasz"), "lukasz");
        assert_eq!(login("Œdipe"), "oedipe");
        assert_eq!(
            StudentName::parse("Zoé  Martin").map(|n| n.shown),
            Ok("Zoé Martin".to_owned())
        );
    }

    #[test]
    fn what_is_not_a_name_is_refused_and_named() {
        assert_eq!(StudentName::parse("   "), Err(NameProblem::Empty));
        assert_eq!(
            StudentName::parse("<b>zoe</b>"),
            Err(NameProblem::NotInAName { character: '<' })
        );
        assert_eq!(
            StudentName::parse("bob@example.test"),
            Err(NameProblem::NotInAName { character: '@' })
        );
        assert_eq!(
            StudentName::parse("zoe2"),
            Err(NameProblem::NotInAName { character: '2' })
        );
        assert_eq!(StudentName::parse("Ωμέγα"), Err(NameProblem::NoLatinLetter));
        assert_eq!(
            StudentName::parse(&"a".repeat(NAME_MAX + 1)),
            Err(NameProblem::TooLong)
        );
        assert_eq!(
            StudentName::parse("Postmaster"),
            Err(NameProblem::Reserved {
                login: "postmaster".into()
            })
        );
    }
}

//! The rules every learner-facing sentence keeps, whoever wrote it: French spacing before
//! `: ; ? !` and inside « », a count that agrees with its noun, and an RFC citation that
//! names a section the RFC has. The explanation catalogues, the page's catalogues and the
//! lesson files are all read through these checks by their tests, so one rule is written
//! once. The site itself never calls them.

use crate::vocab::{is_singular, Lang};

/// Where French typography wants a no-break space and a plain one was typed, if anywhere:
/// U+00A0 before `:` and inside « », U+202F before `; ? !`.
pub fn french_spacing_mistake(text: &str) -> Option<&'static str> {
    [
        (" :", "a plain space before ':' (U+00A0)"),
        (" ;", "a plain space before ';' (U+202F)"),
        (" ?", "a plain space before '?' (U+202F)"),
        (" !", "a plain space before '!' (U+202F)"),
        ("« ", "a plain space after '«' (U+00A0)"),
        (" »", "a plain space before '»' (U+00A0)"),
    ]
    .into_iter()
    .find(|(bad, _)| text.contains(bad))
    .map(|(_, why)| why)
}

/// Words that end in "s" without being plural nouns, so "1 is" or "0 sous" is no mistake.
const NOT_PLURALS: &[&str] = &[
    "is", "was", "has", "this", "its", "as", "us", "plus", "dans", "sous", "puis", "vers", "mais",
    "sans", "alors", "depuis", "fois", "pas", "ans", "bytes/s", "s",
];

/// A count that disagrees with its noun ("1 messages", "0 octets" in French, "1 UIDs"), or
/// a "(s)" left for the reader to choose, if any. Only the word right after the number is
/// read, so a noun in two words ("1 line endings") needs the catalogue's own test.
pub fn plural_mistake(text: &str, lang: Lang) -> Option<String> {
    if let Some(at) = text.find("(s)") {
        return Some(format!(
            "a \"(s)\" instead of a counted noun: …{}",
            around(text, at)
        ));
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .collect();
    words.windows(2).enumerate().find_map(|(i, pair)| {
        let n: usize = pair[0].parse().ok()?;
        // "10 000 messages": the last group of a large number is not a count of its own.
        let grouped = i > 0 && words[i - 1].chars().all(|c| c.is_ascii_digit());
        if grouped && !words[i - 1].is_empty() {
            return None;
        }
        let noun = pair[1].trim_end_matches(|c: char| !c.is_alphanumeric());
        let plural = (noun.ends_with('s') || noun.ends_with('x')) && noun.chars().count() > 2;
        let stays = NOT_PLURALS.contains(&noun.to_lowercase().as_str())
            || noun
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        (is_singular(lang, n) && plural && !stays).then(|| format!("\"{n} {noun}\""))
    })
}

fn around(text: &str, at: usize) -> &str {
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(30)
        .map_or(0, |(i, _)| i);
    let end = text[at..]
        .char_indices()
        .nth(10)
        .map_or(text.len(), |(i, _)| at + i);
    &text[start..end]
}

/// One RFC section named in a text: "RFC 5321 §3.3".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// The RFC's number.
    pub number: u16,
    /// The section, as "4.1.1.3".
    pub section: String,
}

/// Every "RFC n §x.y" a text names (with a plain or no-break space, and an optional comma
/// before the section). A bare "RFC n" names a document, not a section, and is left out.
pub fn citations(text: &str) -> Vec<Citation> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("RFC") {
        rest = &rest[at + 3..];
        let after = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
        let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
        let Ok(number) = digits.parse::<u16>() else {
            continue;
        };
        let tail = after[digits.len()..].trim_start_matches([',', ' ', '\u{a0}']);
        let Some(section) = tail.strip_prefix('§') else {
            continue;
        };
        let section: String = section
            .trim_start_matches([' ', '\u{a0}'])
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let section = section.trim_end_matches('.').to_owned();
        if !section.is_empty() {
            found.push(Citation { number, section });
        }
    }
    found
}

/// The title of a section of one of the RFCs Facteur cites, or `None` when Facteur knows no
/// such section: the table below was copied by hand from each RFC's table of contents.
pub fn section_title(number: u16, section: &str) -> Option<&'static str> {
    SECTIONS
        .iter()
        .find(|(n, s, _)| *n == number && *s == section)
        .map(|(_, _, title)| *title)
}

/// The sections Facteur's explanations, lessons and cheat sheet cite, with their titles.
const SECTIONS: &[(u16, &str, &str)] = &[
    (1870, "3", "Framework for the Size Extension"),
    (1870, "6", "The extended MAIL command"),
    (1939, "3", "Basic Operation"),
    (1939, "4", "The AUTHORIZATION State"),
    (1939, "5", "The TRANSACTION State"),
    (1939, "6", "The UPDATE State"),
    (1939, "7", "Optional POP3 Commands"),
    (
        2034,
        "3",
        "Framework for the Enhanced Error Codes Extension",
    ),
    (2034, "4", "The Enhanced-Status-Codes service extension"),
    (2449, "4", "Parameter and Response Lengths"),
    (2449, "5", "The CAPA Command"),
    (2449, "6", "Initial Set of Capabilities"),
    (2449, "8.1.2", "The IN-USE Response Code"),
    (2595, "4", "POP3 STARTTLS extension"),
    (2920, "3", "Framework for the Pipelining Extension"),
    (2971, "3.1", "ID Command"),
    (2971, "3.2", "ID Response"),
    (3206, "4", "The SYS Response Code"),
    (3206, "5", "The AUTH Response Code"),
    (3206, "6", "The AUTH-RESP-CODE Capability"),
    (3207, "3", "The STARTTLS Keyword"),
    (3207, "4", "The STARTTLS Command"),
    (3207, "4.2", "Result of the STARTTLS Command"),
    (3501, "5.1.3", "Mailbox International Naming Convention"),
    (3501, "6.3.9", "LSUB Command"),
    (3501, "6.4.1", "CHECK Command"),
    (3501, "7.1", "Server Responses - Status Responses"),
    (3501, "7.2.3", "LSUB Response"),
    (3501, "7.2.5", "SEARCH Response"),
    (3501, "7.3.2", "RECENT Response"),
    (3516, "4.3", "FETCH Response Extensions"),
    (4315, "3", "Additional Response Codes"),
    (4469, "4.2", "TOOBIG Response"),
    (4616, "2", "PLAIN SASL Mechanism"),
    (4954, "3", "The AUTH Service Extension"),
    (4954, "4", "The AUTH Command"),
    (4954, "6", "Status Codes"),
    (5321, "2.3.8", "Lines"),
    (
        5321,
        "2.4",
        "General Syntax Principles and Transaction Model",
    ),
    (5321, "3.1", "Session Initiation"),
    (5321, "3.3", "Mail Transactions"),
    (5321, "3.5.3", "Meaning of VRFY or EXPN Success Response"),
    (5321, "3.6", "Relaying and Mail Routing"),
    (5321, "3.6.2", "Mail eXchange Records and Relaying"),
    (5321, "3.8", "Terminating Sessions and Connections"),
    (5321, "4.1", "SMTP Commands"),
    (5321, "4.1.1", "Command Semantics and Syntax"),
    (5321, "4.1.1.1", "Extended HELLO (EHLO) or HELLO (HELO)"),
    (5321, "4.1.1.2", "MAIL (MAIL)"),
    (5321, "4.1.1.3", "RECIPIENT (RCPT)"),
    (5321, "4.1.1.4", "DATA (DATA)"),
    (5321, "4.1.1.5", "RESET (RSET)"),
    (5321, "4.1.1.7", "EXPAND (EXPN)"),
    (5321, "4.1.1.8", "HELP (HELP)"),
    (5321, "4.1.1.9", "NOOP (NOOP)"),
    (5321, "4.1.1.10", "QUIT (QUIT)"),
    (
        5321,
        "4.1.1.11",
        "Mail-Parameter and Rcpt-Parameter Error Responses",
    ),
    (5321, "4.1.2", "Command Argument Syntax"),
    (5321, "4.1.4", "Order of Commands"),
    (5321, "4.2", "SMTP Replies"),
    (5321, "4.2.1", "Reply Code Severities and Theory"),
    (5321, "4.2.2", "Reply Codes by Function Groups"),
    (5321, "4.2.3", "Reply Codes in Numeric Order"),
    (5321, "4.2.4", "Reply Code 502"),
    (5321, "4.4", "Trace Information"),
    (5321, "4.5.2", "Transparency"),
    (5321, "4.5.3.1.4", "Command Line"),
    (5321, "4.5.3.1.6", "Text Line"),
    (5321, "4.5.3.1.10", "Too Many Recipients Code"),
    (5321, "4.5.3.2.7", "Server Timeout: 5 Minutes"),
    (5321, "5.1", "Locating the Target Host"),
    (5321, "7.3", "VRFY, EXPN, and Security"),
    (5322, "2.2", "Header Fields"),
    (5322, "2.3", "Body"),
    (5322, "3.6", "Field Definitions"),
    (
        6152,
        "2",
        "Framework for the 8-bit MIME Transport Extension",
    ),
    (6409, "3.1", "Submission Identification"),
    (6409, "6.1", "Enforce Submission Rights"),
    (6851, "3.3", "Semantics of MOVE and UID MOVE"),
    (8314, "3", "Implicit TLS for POP/IMAP/SMTP Submission"),
    (9051, "2.2", "Commands and Responses"),
    (
        9051,
        "2.2.1",
        "Client Protocol Sender and Server Protocol Receiver",
    ),
    (9051, "2.3.1.1", "Unique Identifier (UID) Message Attribute"),
    (9051, "2.3.1.2", "Message Sequence Number Message Attribute"),
    (9051, "3", "State and Flow Diagram"),
    (9051, "4.3", "String"),
    (9051, "5.4", "Autologout Timer"),
    (9051, "6", "Client Commands"),
    (9051, "6.1.1", "CAPABILITY Command"),
    (9051, "6.1.2", "NOOP Command"),
    (9051, "6.1.3", "LOGOUT Command"),
    (9051, "6.2.1", "STARTTLS Command"),
    (9051, "6.2.2", "AUTHENTICATE Command"),
    (9051, "6.2.3", "LOGIN Command"),
    (9051, "6.3.1", "ENABLE Command"),
    (9051, "6.3.2", "SELECT Command"),
    (9051, "6.3.3", "EXAMINE Command"),
    (9051, "6.3.4", "CREATE Command"),
    (9051, "6.3.5", "DELETE Command"),
    (9051, "6.3.6", "RENAME Command"),
    (9051, "6.3.7", "SUBSCRIBE Command"),
    (9051, "6.3.8", "UNSUBSCRIBE Command"),
    (9051, "6.3.9", "LIST Command"),
    (9051, "6.3.10", "NAMESPACE Command"),
    (9051, "6.3.11", "STATUS Command"),
    (9051, "6.3.12", "APPEND Command"),
    (9051, "6.3.13", "IDLE Command"),
    (9051, "6.4.1", "CLOSE Command"),
    (9051, "6.4.2", "UNSELECT Command"),
    (9051, "6.4.3", "EXPUNGE Command"),
    (9051, "6.4.4", "SEARCH Command"),
    (9051, "6.4.5", "FETCH Command"),
    (9051, "6.4.6", "STORE Command"),
    (9051, "6.4.7", "COPY Command"),
    (9051, "6.4.8", "MOVE Command"),
    (9051, "6.4.9", "UID Command"),
    (9051, "7.1", "Server Responses - Generic Status Responses"),
    (9051, "7.1.1", "OK Response"),
    (9051, "7.1.3", "BAD Response"),
    (9051, "7.1.5", "BYE Response"),
    (9051, "7.2.1", "ENABLED Response"),
    (9051, "7.2.2", "CAPABILITY Response"),
    (9051, "7.3.1", "LIST Response"),
    (9051, "7.3.2", "NAMESPACE Response"),
    (9051, "7.3.3", "STATUS Response"),
    (9051, "7.3.4", "ESEARCH Response"),
    (9051, "7.3.5", "FLAGS Response"),
    (9051, "7.4.1", "EXISTS Response"),
    (9051, "7.5.1", "EXPUNGE Response"),
    (9051, "7.5.2", "FETCH Response"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_spacing_is_read_where_it_matters() {
        assert_eq!(french_spacing_mistake("Code 250\u{a0}: ok"), None);
        assert!(french_spacing_mistake("Code 250 : ok").is_some());
        assert!(french_spacing_mistake("« x»").is_some());
    }

    #[test]
    fn a_count_must_agree_with_its_noun() {
        assert!(plural_mistake("The 1 UIDs that match.", Lang::En).is_some());
        assert!(plural_mistake("It had 1 bytes.", Lang::En).is_some());
        assert!(plural_mistake("1 messages trouvés", Lang::Fr).is_some());
        assert!(plural_mistake("0\u{a0}messages", Lang::Fr).is_some());
        assert!(plural_mistake("0 messages", Lang::En).is_none());
        assert!(plural_mistake("Message 1 is marked; 2 UIDs.", Lang::En).is_none());
        assert!(plural_mistake("2 message(s) copied", Lang::En).is_some());
        assert!(plural_mistake("bob a 10\u{202f}000 messages", Lang::Fr).is_none());
    }

    #[test]
    fn citations_are_found_in_both_languages() {
        let text = "RFC 5321 §3.3 says so (la RFC\u{a0}9051, §6.3.5.). RFC 3501 alone.";
        assert_eq!(
            citations(text),
            [
                Citation {
                    number: 5321,
                    section: "3.3".into()
                },
                Citation {
                    number: 9051,
                    section: "6.3.5".into()
                }
            ]
        );
        assert_eq!(section_title(5321, "4.2.4"), Some("Reply Code 502"));
        assert_eq!(section_title(5321, "4.2.9"), None);
    }
}

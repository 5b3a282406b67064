//! The address students use to reach the site. A teacher often opens the teacher page on the
//! machine that serves it (`http://127.0.0.1:8080/`), an address no student's device can
//! reach: the page says so, and the teacher gives the address students use, kept in this
//! browser. Every lesson link and QR code is then built on it, and carries the page's
//! language, so a French class's codes open in French.

use crate::i18n::Lang;
use crate::route::Route;

/// Where the teacher's choice is kept between visits.
const KEY: &str = "facteur.students-address";

/// What is wrong with a typed address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadAddress {
    /// Not `http://` or `https://` followed by a host.
    NotWeb,
}

/// The address the page was loaded from, without its query or fragment.
pub fn page_address() -> String {
    web_sys::window()
        .map(|w| {
            let l = w.location();
            format!(
                "{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default()
}

/// Whether an address names this machine only (localhost, 127.0.0.1, ::1): a link to it
/// opens nothing on a student's device.
pub fn is_local(address: &str) -> bool {
    let host = host_of(address);
    host == "localhost"
        || host.ends_with(".localhost")
        || host.starts_with("127.")
        || host == "[::1]"
        || host == "0.0.0.0"
}

/// The host of an address, without its port.
fn host_of(address: &str) -> &str {
    let rest = address.split_once("://").map_or(address, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.starts_with('[') {
        return authority.split_inclusive(']').next().unwrap_or(authority);
    }
    authority.split(':').next().unwrap_or_default()
}

/// A typed address made whole, as links are built on it: `192.168.1.20:8080` becomes
/// `http://192.168.1.20:8080/`; a folder gets its final `/`; a query or fragment is dropped.
pub fn normalise(typed: &str) -> Result<String, BadAddress> {
    let typed = typed.trim();
    let (scheme, rest) = match typed.split_once("://") {
        Some((scheme, rest)) => (scheme.to_ascii_lowercase(), rest),
        None => ("http".to_owned(), typed),
    };
    if scheme != "http" && scheme != "https" {
        return Err(BadAddress::NotWeb);
    }
    let rest = rest.split(['?', '#']).next().unwrap_or_default();
    let (authority, path) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, "/"),
    };
    let bad = |c: char| c.is_whitespace() || matches!(c, '@' | '\\' | '<' | '>' | '"');
    if authority.is_empty() || authority.contains(bad) || path.contains(bad) {
        return Err(BadAddress::NotWeb);
    }
    let last = path.rsplit('/').next().unwrap_or_default();
    let slash = if path.ends_with('/') || last.contains('.') {
        ""
    } else {
        "/"
    };
    Ok(format!(
        "{scheme}://{}{path}{slash}",
        authority.to_ascii_lowercase()
    ))
}

/// The address links are built on: the teacher's choice, else the page's own.
pub fn students_address() -> String {
    saved().unwrap_or_else(page_address)
}

/// A link to a place in the site, on `base`, in `lang`.
pub fn link(base: &str, lang: Lang, route: Route) -> String {
    format!("{base}?lang={}{}", lang.tag(), route.fragment())
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The address the teacher gave, if any.
pub fn saved() -> Option<String> {
    storage()?
        .get_item(KEY)
        .ok()
        .flatten()
        .and_then(|a| normalise(&a).ok())
}

/// Keeps the teacher's address for the next visit (`None` forgets it). A browser that
/// refuses storage keeps it for this visit only, in the page.
pub fn save(address: Option<&str>) {
    if let Some(s) = storage() {
        let _ = match address {
            Some(a) => s.set_item(KEY, a),
            None => s.remove_item(KEY),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_addresses_are_made_whole() {
        for (typed, whole) in [
            ("192.168.1.20:8080", "http://192.168.1.20:8080/"),
            (
                " http://School.Example/facteur ",
                "http://school.example/facteur/",
            ),
            (
                "https://school.example/facteur/index.html#/teacher",
                "https://school.example/facteur/index.html",
            ),
            ("http://[fd00::2]:8080/?lang=fr", "http://[fd00::2]:8080/"),
        ] {
            assert_eq!(normalise(typed).as_deref(), Ok(whole), "{typed}");
        }
        for bad in [
            "",
            "ftp://school.example/",
            "http://",
            "my school",
            "http://a@b/",
            "http://x/<p>",
        ] {
            assert_eq!(normalise(bad), Err(BadAddress::NotWeb), "{bad}");
        }
    }

    #[test]
    fn this_machine_only_is_told_apart_from_the_network() {
        for local in [
            "http://127.0.0.1:8080/",
            "http://localhost/",
            "http://[::1]:8080/",
            "http://app.localhost/",
        ] {
            assert!(is_local(local), "{local}");
        }
        for reachable in [
            "http://192.168.1.20:8080/",
            "https://school.example/facteur/",
            "http://[fd00::2]/",
        ] {
            assert!(!is_local(reachable), "{reachable}");
        }
    }

    #[test]
    fn links_carry_the_language_and_the_place() {
        let to = Route::Step { lesson: 3, step: 1 };
        assert_eq!(
            link("http://192.168.1.20:8080/", Lang::Fr, to),
            "http://192.168.1.20:8080/?lang=fr#/lesson/3/step/1"
        );
    }
}

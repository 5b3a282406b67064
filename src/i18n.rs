//! The page's own words, in English and French. Explanations of protocol lines come from
//! the engine's catalogue (`facteur_protocols::explain`); lesson words from `lessons/`;
//! everything else the page says is in typed catalogues like this one.
//!
//! One rule for every catalogue, so that French can never silently fall back to English:
//! fixed words are fields of a `…Texts` struct with one constant per language (a missing
//! field does not compile), and words that depend on a value are a `match` naming each
//! language (`(variant, Lang::En)` and `(variant, Lang::Fr)`, never `_`, unless the words are
//! the same in both, like "STARTTLS"), so a missing translation does not compile either.
//! Counts go through `vocab::count` (French puts 0 in the singular); French text carries its
//! no-break spaces (U+00A0 before `:` and inside « », U+202F before `;` `!` `?`). Lesson files
//! get the same spacing from `facteur_lessons::typography` and the same parity from its
//! tests. leptos_i18n was measured against this (see issue 14's closing note) and not taken.

use facteur_protocols::device::DeviceKind;
use facteur_protocols::vocab::count;
use facteur_protocols::{Port, Security, Service};
use leptos::prelude::*;

pub use facteur_protocols::vocab::Lang;

/// The page's texts in the chosen language, as provided by the app.
pub fn use_texts() -> Memo<Texts> {
    expect_context()
}

/// The chosen language, as provided by the app.
pub fn use_lang() -> RwSignal<Lang> {
    expect_context()
}

/// Where the language choice is remembered between visits.
const LANG_KEY: &str = "facteur.lang";

/// The language a link asks for (`?lang=fr`, as the teacher page's links and codes carry),
/// else the one chosen on an earlier visit, else the browser's preferred one.
pub fn initial_lang() -> Lang {
    if let Some(linked) = linked_lang() {
        return linked;
    }
    let saved = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten());
    match saved.as_deref() {
        Some("fr") => Lang::Fr,
        Some("en") => Lang::En,
        _ => browser_lang(),
    }
}

/// The `lang` of the page's query, if it names a language the site speaks.
fn linked_lang() -> Option<Lang> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| match pair {
            "lang=fr" => Some(Lang::Fr),
            "lang=en" => Some(Lang::En),
            _ => None,
        })
}

/// Remembers the language for the next visit. A browser that refuses storage (private
/// mode, full quota) simply forgets it. A link's `?lang=` that says otherwise is taken out
/// of the address, so a reload keeps the learner's own choice.
pub fn remember_lang(lang: Lang) {
    if linked_lang().is_some_and(|linked| linked != lang) {
        if let Some(window) = web_sys::window() {
            let l = window.location();
            let address = format!(
                "{}{}",
                l.pathname().unwrap_or_default(),
                l.hash().unwrap_or_default()
            );
            if let Ok(history) = window.history() {
                let _ = history.replace_state_with_url(
                    &wasm_bindgen::JsValue::NULL,
                    "",
                    Some(&address),
                );
            }
        }
    }
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let code = if lang == Lang::Fr { "fr" } else { "en" };
        let _ = storage.set_item(LANG_KEY, code);
    }
}

/// The browser's preferred language, falling back to English.
pub fn browser_lang() -> Lang {
    let preferred = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    Lang::from_tag(&preferred)
}

/// The catalogue of the page's strings for one language.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Texts {
    pub html_lang: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    /// Before the demo account's address and password.
    pub password: &'static str,
    pub purpose_smtp: &'static str,
    pub purpose_pop3: &'static str,
    pub purpose_imap: &'static str,
    pub lenient_explained: &'static str,
    pub copied: &'static str,
    /// Where the page cannot copy by itself (no Clipboard API over plain http).
    pub copy_by_keys: &'static str,
    pub keys_help: &'static str,
    pub speaker_client: &'static str,
    pub speaker_server: &'static str,
    /// "(40 lines)" after a multi-line reply's first line, for screen readers.
    pub lines_suffix: &'static str,
    pub forgiven: &'static str,
    pub clear: &'static str,
    pub suggestions: &'static str,
    pub close: &'static str,
    pub sasl_title: &'static str,
    pub sasl_explained: &'static str,
    pub sasl_user: &'static str,
    pub sasl_insert: &'static str,
    pub sasl_login: &'static str,
    pub tagline: &'static str,
    pub other_language: &'static str,
    pub footer: &'static str,
    pub account: &'static str,
    pub device: &'static str,
    pub protocol: &'static str,
    pub port: &'static str,
    pub connect: &'static str,
    pub disconnect: &'static str,
    pub lenient: &'static str,
    pub encrypted: &'static str,
    pub cleartext: &'static str,
    pub laptop: &'static str,
    pub phone: &'static str,
    pub tablet: &'static str,
    pub dialogue: &'static str,
    pub dialogue_empty: &'static str,
    /// Before the number of the oldest lines a long dialogue no longer keeps.
    pub dropped_lines: &'static str,
    /// The button that draws older lines the dialogue keeps but has not drawn.
    pub earlier_lines: &'static str,
    /// The button that opens a folded run of a long reply's lines.
    pub unfold: &'static str,
    /// The button that folds them again.
    pub refold: &'static str,
    /// The button that draws more of an open fold's lines.
    pub unfold_more: &'static str,
    pub not_connected: &'static str,
    pub command_line: &'static str,
    pub placeholder: &'static str,
    pub placeholder_offline: &'static str,
    /// Shown when the command line is full (a paste was cut).
    pub prompt_limit: &'static str,
    pub sent_as: &'static str,
    pub completions: &'static str,
    pub step: &'static str,
    pub step_back: &'static str,
    pub play: &'static str,
    pub pause: &'static str,
    pub speed: &'static str,
    /// The speed that shows each reply whole at once.
    pub instant: &'static str,
    pub show_all: &'static str,
    pub waiting: &'static str,
    pub copy: &'static str,
    pub download_txt: &'static str,
    pub explanation: &'static str,
    pub explanation_hint: &'static str,
    pub parts: &'static str,
    pub source: &'static str,
    pub diagram: &'static str,
    pub diagram_empty: &'static str,
    /// Before the number of older arrows the diagram no longer draws.
    pub diagram_undrawn: &'static str,
    pub download_svg: &'static str,
    pub relay: &'static str,
    pub playback: &'static str,
}

const EN: Texts = Texts {
    html_lang: "en",
    title: "Facteur — see how email really moves",
    description: "Facteur teaches how email really moves: talk to simulated SMTP, POP3 and IMAP servers in your browser.",
    password: "password",
    purpose_smtp: "SMTP sends mail: your mail client hands a message to its server (port 587), and servers pass it on to each other (port 25).",
    purpose_pop3: "POP3 downloads mail from the server to one device, usually deleting it from the server.",
    purpose_imap: "IMAP reads mail where the server keeps it, so every device sees the same folders and flags.",
    lenient_explained: "A lenient server forgives common typing mistakes (a bare Enter, a missing colon) and marks the line; a strict one refuses them, as real servers do. The choice applies to the next connection.",
    copied: "Transcript copied",
    copy_by_keys: "Selected: press Ctrl+C (⌘C on a Mac) to copy.",
    keys_help: "Enter sends · ↑ ↓ recall earlier lines · Tab completes a word · Esc, then Tab, leaves the command line",
    speaker_client: "client",
    speaker_server: "server",
    lines_suffix: "lines",
    forgiven: "forgiven",
    clear: "Clear",
    suggestions: "Try next",
    close: "Close",
    sasl_title: "AUTH PLAIN helper: the base64 a mail client sends",
    sasl_explained: "PLAIN sends the user name and password joined by zero bytes (\\0), in base64 (RFC 4616). Base64 is only an encoding, not a secret: anyone who sees it can decode it, which is why submission encrypts with STARTTLS first.",
    sasl_user: "User name",
    sasl_insert: "Put it on the command line",
    sasl_login: "AUTH LOGIN, non-standard but common, asks for the user name, then the password, each in base64 (334 VXNlcm5hbWU6 is \"Username:\"): ",
    tagline: "See how email really moves: talk to SMTP, POP3 and IMAP servers right in your browser.",
    other_language: "Français",
    footer: "Facteur runs entirely in this page: the servers are simulated, and no mail leaves your computer.",
    account: "Account",
    device: "Device",
    protocol: "Protocol",
    port: "Port",
    connect: "Connect",
    disconnect: "Disconnect",
    lenient: "Lenient server",
    encrypted: "Encrypted (simulated TLS)",
    cleartext: "Not encrypted",
    laptop: "laptop",
    phone: "phone",
    tablet: "tablet",
    dialogue: "Dialogue",
    dialogue_empty: "Connect to a server: its greeting appears here, then every line you and it exchange.",
    earlier_lines: "Show earlier lines",
    unfold: "Show them",
    refold: "Hide them",
    unfold_more: "Show more",
    dropped_lines: "Older lines no longer kept in this page (Clear starts afresh; Download .txt saves what is kept):",
    not_connected: "Not connected",
    command_line: "Command line",
    placeholder: "Type a command and press Enter",
    placeholder_offline: "Connect first",
    prompt_limit: "The command line holds at most 10000 characters: what was pasted beyond them was left out.",
    sent_as: "Will be sent as: ",
    completions: "Tab completes: ",
    step: "Step",
    step_back: "Step back",
    play: "Play",
    pause: "Pause",
    speed: "Speed",
    instant: "Instant",
    show_all: "Show all",
    waiting: "lines waiting",
    copy: "Copy transcript",
    download_txt: "Download .txt",
    explanation: "Explanation",
    explanation_hint: "Select a line of the dialogue (click it, or use the arrow keys in the dialogue) to see what it means.",
    parts: "Parts of the line",
    source: "Source: ",
    diagram: "Sequence diagram",
    diagram_empty: "Arrows appear here as the dialogue plays.",
    diagram_undrawn: "Older arrows not drawn (only the newest 200 are):",
    download_svg: "Download SVG",
    relay: "relay",
    playback: "Playback",
};

const FR: Texts = Texts {
    html_lang: "fr",
    title: "Facteur — voyez comment le courriel circule vraiment",
    description: "Facteur montre comment le courriel circule vraiment\u{a0}: parlez à des serveurs SMTP, POP3 et IMAP simulés, dans votre navigateur.",
    password: "mot de passe",
    purpose_smtp: "SMTP envoie le courrier\u{a0}: votre logiciel de messagerie remet le message à son serveur (port 587), et les serveurs se le transmettent (port 25).",
    purpose_pop3: "POP3 télécharge le courrier du serveur vers un seul appareil, en l’effaçant en général du serveur.",
    purpose_imap: "IMAP lit le courrier là où le serveur le garde\u{a0}: chaque appareil voit les mêmes dossiers et les mêmes indicateurs.",
    lenient_explained: "Un serveur tolérant pardonne les erreurs de frappe courantes (Entrée seule, deux-points oubliés) et signale la ligne\u{202f}; un serveur strict les refuse, comme les vrais serveurs. Le choix vaut pour la prochaine connexion.",
    copied: "Transcription copiée",
    copy_by_keys: "Sélectionné\u{a0}: appuyez sur Ctrl+C (⌘C sur Mac) pour copier.",
    keys_help: "Entrée envoie · ↑ ↓ rappellent les lignes précédentes · Tab complète un mot · Échap puis Tab quitte la ligne de commande",
    speaker_client: "client",
    speaker_server: "serveur",
    lines_suffix: "lignes",
    forgiven: "toléré",
    clear: "Effacer",
    suggestions: "Essayez ensuite",
    close: "Fermer",
    sasl_title: "Aide AUTH PLAIN\u{a0}: le base64 qu’envoie un logiciel de messagerie",
    sasl_explained: "PLAIN envoie le nom d’utilisateur et le mot de passe séparés par des octets nuls (\\0), en base64 (RFC 4616). Le base64 n’est qu’un codage, pas un secret\u{a0}: qui le voit peut le décoder, c’est pourquoi la soumission chiffre d’abord avec STARTTLS.",
    sasl_user: "Nom d’utilisateur",
    sasl_insert: "Le mettre sur la ligne de commande",
    sasl_login: "AUTH LOGIN, hors norme mais courant, demande le nom d’utilisateur puis le mot de passe, chacun en base64 (334 VXNlcm5hbWU6 veut dire «\u{a0}Username:\u{a0}»)\u{a0}: ",
    tagline: "Voyez comment le courriel circule vraiment\u{a0}: parlez à des serveurs SMTP, POP3 et IMAP dans votre navigateur.",
    other_language: "English",
    footer: "Facteur fonctionne entièrement dans cette page\u{a0}: les serveurs sont simulés et aucun courriel ne quitte votre ordinateur.",
    account: "Compte",
    device: "Appareil",
    protocol: "Protocole",
    port: "Port",
    connect: "Se connecter",
    disconnect: "Se déconnecter",
    lenient: "Serveur tolérant",
    encrypted: "Chiffré (TLS simulé)",
    cleartext: "Non chiffré",
    laptop: "ordinateur portable",
    phone: "téléphone",
    tablet: "tablette",
    dialogue: "Dialogue",
    dialogue_empty: "Connectez-vous à un serveur\u{a0}: son message d’accueil apparaît ici, puis chaque ligne échangée.",
    earlier_lines: "Afficher les lignes précédentes",
    unfold: "Les afficher",
    refold: "Les masquer",
    unfold_more: "En afficher plus",
    dropped_lines: "Lignes anciennes que cette page ne garde plus (Effacer repart de zéro\u{202f}; Télécharger .txt enregistre ce qui est gardé)\u{a0}:",
    not_connected: "Non connecté",
    command_line: "Ligne de commande",
    placeholder: "Tapez une commande puis Entrée",
    placeholder_offline: "Connectez-vous d’abord",
    prompt_limit: "La ligne de commande tient au plus 10000 caractères : la suite de ce qui a été collé a été laissée de côté.",
    sent_as: "Sera envoyée ainsi\u{a0}: ",
    completions: "Tab complète\u{a0}: ",
    step: "Pas à pas",
    step_back: "Revenir d’un pas",
    play: "Lecture",
    pause: "Pause",
    speed: "Vitesse",
    instant: "Immédiate",
    show_all: "Tout afficher",
    waiting: "lignes en attente",
    copy: "Copier la transcription",
    download_txt: "Télécharger .txt",
    explanation: "Explication",
    explanation_hint: "Sélectionnez une ligne du dialogue (cliquez-la, ou utilisez les flèches dans le dialogue) pour voir ce qu’elle signifie.",
    parts: "Parties de la ligne",
    source: "Source\u{a0}: ",
    diagram: "Diagramme de séquence",
    diagram_empty: "Les flèches apparaissent ici au fil du dialogue.",
    diagram_undrawn: "Flèches plus anciennes non dessinées (seules les 200 dernières le sont) :",
    download_svg: "Télécharger le SVG",
    relay: "relais",
    playback: "Lecture du dialogue",
};

impl Texts {
    pub fn for_lang(lang: Lang) -> Texts {
        match lang {
            Lang::En => EN,
            Lang::Fr => FR,
        }
    }

    /// The folded line of a long reply: how many lines it holds.
    pub fn folded(&self, n: usize) -> String {
        match Lang::from_tag(self.html_lang) {
            Lang::En => format!(
                "\u{22ef} {} of this reply",
                count(Lang::En, n, "more line", "more lines")
            ),
            Lang::Fr => format!(
                "\u{22ef} {} dans cette réponse",
                count(Lang::Fr, n, "autre ligne", "autres lignes")
            ),
        }
    }

    /// What the explanation says of a folded line, before explaining the first it holds.
    pub fn folded_explained(&self, n: usize) -> String {
        match Lang::from_tag(self.html_lang) {
            Lang::En => format!(
                "{} of this reply are folded to keep the page quick; {} lists them. The first of them is explained below.",
                count(Lang::En, n, "line", "lines"),
                self.unfold
            ),
            Lang::Fr => format!(
                "{} de cette réponse sont repliées pour que la page reste rapide\u{a0}; «\u{a0}{}\u{a0}» les montre. La première est expliquée ci-dessous.",
                count(Lang::Fr, n, "ligne", "lignes"),
                self.unfold
            ),
        }
    }

    /// A port with what it is for, as the port menu shows it.
    /// `phone`, `laptop`, `tablet` in this language.
    pub fn device_name(&self, kind: DeviceKind) -> &'static str {
        match kind {
            DeviceKind::Phone => self.phone,
            DeviceKind::Laptop => self.laptop,
            DeviceKind::Tablet => self.tablet,
        }
    }

    /// `bob · phone`: who is connecting, as the dialogue and the diagram name it.
    pub fn device_label(&self, login: &str, kind: DeviceKind) -> String {
        format!("{login} · {}", self.device_name(kind))
    }

    pub fn port_label(&self, port: Port) -> String {
        format!("{} — {}", port.number, self.port_role(port))
    }

    /// What a port is for, as the connect bar and the cheat sheet say it.
    pub fn port_role(&self, port: Port) -> &'static str {
        let lang = Lang::from_tag(self.html_lang);
        match (port.service, port.submission, port.security, lang) {
            (Service::Smtp, false, _, Lang::En) => "relay between servers",
            (Service::Smtp, false, _, Lang::Fr) => "relais entre serveurs",
            (Service::Smtp, true, Security::StartTls, Lang::En) => "submission, STARTTLS",
            (Service::Smtp, true, Security::StartTls, Lang::Fr) => "soumission, STARTTLS",
            (Service::Smtp, true, Security::ImplicitTls, Lang::En) => {
                "submission, TLS from the start"
            }
            (Service::Smtp, true, Security::ImplicitTls, Lang::Fr) => "soumission, TLS d’emblée",
            (Service::Pop3, _, Security::StartTls, Lang::En) => "STLS available",
            (Service::Pop3, _, Security::StartTls, Lang::Fr) => "STLS possible",
            (_, _, Security::StartTls, Lang::En) => "STARTTLS available",
            (_, _, Security::StartTls, Lang::Fr) => "STARTTLS possible",
            (_, _, Security::ImplicitTls, Lang::En) => "TLS from the start",
            (_, _, Security::ImplicitTls, Lang::Fr) => "TLS d’emblée",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_catalogues_keep_their_no_break_spaces() {
        let catalogues = [
            format!("{:?}", Texts::for_lang(Lang::Fr)),
            Texts::for_lang(Lang::Fr).folded(10_005),
            Texts::for_lang(Lang::Fr).folded_explained(10_005),
            format!("{:?}", crate::world_texts::WorldTexts::for_lang(Lang::Fr)),
            format!("{:?}", crate::lab_texts::LabTexts::for_lang(Lang::Fr)),
            format!(
                "{:?}",
                crate::scenario_texts::ScenarioTexts::for_lang(Lang::Fr)
            ),
            format!("{:?}", crate::course::CourseTexts::for_lang(Lang::Fr)),
        ];
        for words in catalogues {
            assert_eq!(
                facteur_protocols::proofread::french_spacing_mistake(&words),
                None,
                "{words}"
            );
        }
    }

    /// Every catalogue of the page in one language, as its debug form lists its words.
    fn catalogues(lang: Lang) -> Vec<String> {
        let t = Texts::for_lang(lang);
        vec![
            format!("{t:?}"),
            t.folded(10_005),
            t.folded_explained(10_005),
            format!("{:?}", crate::world_texts::WorldTexts::for_lang(lang)),
            format!("{:?}", crate::lab_texts::LabTexts::for_lang(lang)),
            format!("{:?}", crate::scenario_texts::ScenarioTexts::for_lang(lang)),
            format!("{:?}", crate::course::CourseTexts::for_lang(lang)),
        ]
    }

    #[test]
    fn catalogues_count_and_cite_correctly() {
        use facteur_protocols::proofread::{citations, plural_mistake, section_title};
        for lang in [Lang::En, Lang::Fr] {
            for words in catalogues(lang) {
                assert_eq!(plural_mistake(&words, lang), None, "{words}");
                for c in citations(&words) {
                    assert!(
                        section_title(c.number, &c.section).is_some(),
                        "RFC {} §{} in {words}",
                        c.number,
                        c.section
                    );
                }
            }
        }
    }
}

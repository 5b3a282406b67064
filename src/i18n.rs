//! The page's own words, in English and French.
//!
//! Every string a learner reads on the page comes from here, so a translation is a table to
//! fill and never a hunt through components.

pub use facteur_protocols::explain::Lang;

/// The browser's preferred language, falling back to English.
pub fn browser_lang() -> Lang {
    let preferred = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    Lang::from_tag(&preferred)
}

/// The catalogue of the page's strings for one language.
#[derive(Debug, Clone, Copy)]
pub struct Texts {
    pub tagline: &'static str,
    pub terminal_title: &'static str,
    pub terminal_intro: &'static str,
    pub input_label: &'static str,
    pub input_placeholder: &'static str,
    pub empty_transcript: &'static str,
    pub pending: &'static str,
    pub show_all: &'static str,
    pub footer: &'static str,
}

const EN: Texts = Texts {
    tagline: "See how email really moves: talk to SMTP, POP3 and IMAP servers right in your browser.",
    terminal_title: "Terminal",
    terminal_intro: "Type a line and press Enter. Each line you send joins the transcript one step at a time, the way a server's replies will.",
    input_label: "Command line",
    input_placeholder: "EHLO laptop.example.test",
    empty_transcript: "Nothing sent yet.",
    pending: "waiting to be shown",
    show_all: "Show all",
    footer: "Facteur runs entirely in this page. No mail leaves your computer.",
};

const FR: Texts = Texts {
    tagline: "Voyez comment le courriel circule vraiment : parlez à des serveurs SMTP, POP3 et IMAP dans votre navigateur.",
    terminal_title: "Terminal",
    terminal_intro: "Tapez une ligne puis appuyez sur Entrée. Chaque ligne envoyée rejoint la transcription pas à pas, comme le feront les réponses d’un serveur.",
    input_label: "Ligne de commande",
    input_placeholder: "EHLO laptop.example.test",
    empty_transcript: "Rien n’a encore été envoyé.",
    pending: "en attente d’affichage",
    show_all: "Tout afficher",
    footer: "Facteur fonctionne entièrement dans cette page. Aucun courriel ne quitte votre ordinateur.",
};

impl Texts {
    pub fn for_lang(lang: Lang) -> Texts {
        match lang {
            Lang::En => EN,
            Lang::Fr => FR,
        }
    }
}

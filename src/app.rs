//! The page shell: header with the language switch, the terminal, and the footer.

use leptos::prelude::*;

use crate::i18n::{browser_lang, Lang, Texts};
use crate::terminal::Terminal;

#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(browser_lang());
    let texts = Memo::new(move |_| Texts::for_lang(lang.get()));
    // Every component reads the language and its texts from here, not from props.
    provide_context(lang);
    provide_context(texts);
    // The document's language follows the switch, for screen readers and hyphenation.
    Effect::new(move |_| {
        let code = texts.get().html_lang;
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", code);
        }
    });
    let switch = move |_| lang.update(|l| *l = if *l == Lang::En { Lang::Fr } else { Lang::En });
    view! {
        <header class="masthead">
            <div class="masthead-row">
                <h1 class="brand">
                    <span class="brand-mark" aria-hidden="true">"@"</span>
                    "Facteur"
                </h1>
                <button type="button" class="lang-switch" on:click=switch>{move || texts.get().other_language}</button>
            </div>
            <p class="tagline">{move || texts.get().tagline}</p>
        </header>
        <main id="main">
            <Terminal />
        </main>
        <footer class="footer">
            <p>{move || texts.get().footer}</p>
        </footer>
    }
}

//! The page shell: header, the terminal, and the footer.

use leptos::prelude::*;

use crate::i18n::{browser_lang, Texts};
use crate::terminal::Terminal;

#[component]
pub fn App() -> impl IntoView {
    let texts = Texts::for_lang(browser_lang());
    view! {
        <header class="masthead">
            <h1 class="brand">
                <span class="brand-mark" aria-hidden="true">"@"</span>
                "Facteur"
            </h1>
            <p class="tagline">{texts.tagline}</p>
        </header>
        <main id="main">
            <Terminal texts=texts />
        </main>
        <footer class="footer">
            <p>{texts.footer}</p>
        </footer>
    }
}

//! The glossary (`#/glossary`): every word of jargon the lessons use, in plain words, in
//! the course's order. The words come from the engine's catalogue
//! (`explain::glossary`); the masthead links here from every page, lessons included.

use facteur_protocols::explain::glossary::Term;
use leptos::prelude::*;

use super::use_course_texts;
use crate::i18n::use_lang;

#[component]
pub fn Glossary() -> impl IntoView {
    let (lang, ct) = (use_lang(), use_course_texts());
    view! {
        <section class="glossary-page">
            <h1>{move || ct.get().glossary}</h1>
            <p class="glossary-lead">{move || ct.get().glossary_lead}</p>
            <dl class="glossary">
                {move || Term::ALL.into_iter().map(|term| {
                    let lang = lang.get();
                    view! {
                        <div class="glossary-entry" id=term.id()>
                            <dt>{term.word(lang)}</dt>
                            <dd>{term.meaning(lang)}</dd>
                        </div>
                    }
                }).collect_view()}
            </dl>
        </section>
    }
}

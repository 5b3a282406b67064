//! Why a device's last action failed: what its client ran into, the diagnosis a teacher
//! would give, a hint to fix it, and a button that puts the right settings back.

use facteur_protocols::client::trouble::Trouble;
use leptos::prelude::*;

use crate::i18n::use_lang;
use crate::lab_texts::{self, LabTexts};
use facteur_protocols::device::problem::Problem;

#[component]
pub fn ProblemNote(problem: Problem, fix: Callback<()>) -> impl IntoView {
    let lang = use_lang();
    let lab = Memo::new(move |_| LabTexts::for_lang(lang.get()));
    let d = problem.diagnosis;
    let outgoing = problem.outgoing;
    let reply = match problem.trouble {
        Trouble::LoginRefused { reply } | Trouble::Refused { reply } => Some(reply),
        _ => None,
    };
    view! {
        <div class="problem" role="alert" data-diagnosis=format!("{d:?}")>
            <p class="problem-title">
                {move || if outgoing { lab.get().failed_sending } else { lab.get().failed_reading }}
            </p>
            {reply.map(|r| view! {
                <p class="server-said">{move || lab.get().server_said}" "<code>{r.clone()}</code></p>
            })}
            <p class="diagnosis">{move || lab_texts::diagnosis(d, lang.get())}</p>
            <p class="fix-hint"><strong>{move || lab.get().fix_it}</strong>" "{move || lab_texts::fix(d, lang.get())}</p>
            <button type="button" class="apply-fix" on:click=move |_| fix.run(())>{move || lab.get().apply_fix}</button>
        </div>
    }
}

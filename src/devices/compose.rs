//! The compose window: To, Subject, the text. A draft without a proper address is not sent;
//! the learner is told why, in place.

use facteur_protocols::device::compose::{Draft, DraftError};
use leptos::prelude::*;

use crate::world_texts::use_world_texts;

#[component]
pub fn Compose(
    draft: Draft,
    on_send: Callback<Draft>,
    on_save: Callback<Draft>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let wt = use_world_texts();
    let to = RwSignal::new(draft.to.clone());
    let subject = RwSignal::new(draft.subject.clone());
    let body = RwSignal::new(draft.body.clone());
    let error = RwSignal::new(None::<String>);
    let in_reply_to = StoredValue::new(draft.in_reply_to.clone());
    let typed = move || Draft {
        to: to.get_untracked(),
        subject: subject.get_untracked(),
        body: body.get_untracked(),
        in_reply_to: in_reply_to.get_value(),
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = typed();
        let t = wt.get_untracked();
        match draft.check() {
            Ok(()) => on_send.run(draft),
            Err(DraftError::NoRecipient) => error.set(Some(t.no_recipient.to_owned())),
            Err(DraftError::BadAddress(a)) => error.set(Some(format!("{} {a}", t.bad_address))),
        }
    };
    view! {
        <form class="compose" on:submit=submit>
            <label>
                <span>{move || wt.get().to}</span>
                <input type="text" class="compose-to" autocomplete="off" prop:value=move || to.get()
                    on:input=move |ev| to.set(event_target_value(&ev)) />
            </label>
            <label>
                <span>{move || wt.get().subject}</span>
                <input type="text" class="compose-subject" autocomplete="off" prop:value=move || subject.get()
                    on:input=move |ev| subject.set(event_target_value(&ev)) />
            </label>
            <label>
                <span>{move || wt.get().body}</span>
                <textarea class="compose-body" rows="4" prop:value=move || body.get()
                    on:input=move |ev| body.set(event_target_value(&ev))></textarea>
            </label>
            {move || error.get().map(|e| view! { <p class="problem" role="alert">{e}</p> })}
            <div class="compose-actions">
                <button type="submit" class="send primary">{move || wt.get().send}</button>
                <button type="button" class="save-draft" on:click=move |_| on_save.run(typed())>{move || wt.get().save_draft}</button>
                <button type="button" on:click=move |_| on_cancel.run(())>{move || wt.get().cancel}</button>
            </div>
        </form>
    }
}

//! A link handed to a class: the link in a field, "Copy link", "Show on the board", and what
//! copying did. Where the page cannot copy by itself (a school's plain-http server has no
//! Clipboard API) it selects the field and says which keys copy it: it never claims a copy
//! it did not make, and never fails with an error.

use leptos::prelude::*;

use super::board::{Board, Shown};
use super::texts::use_classroom_texts;
use crate::browser::select_for_copy;
use crate::i18n::use_texts;

/// What the last press of "Copy link" did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Copied {
    Not,
    Done,
    /// The field is selected for the learner to copy with the keyboard.
    ByKeys,
}

/// The link field with its buttons. `copy_at_once` copies as soon as the field is drawn
/// (the share panel copies when it opens).
#[component]
pub fn LinkField(
    #[prop(into)] link: Signal<String>,
    /// How screen readers name the field.
    #[prop(into)]
    label: Signal<String>,
    board: Board,
    /// The board's heading and how it names its code.
    #[prop(into)]
    board_title: Signal<String>,
    #[prop(into)] qr_label: Signal<String>,
    #[prop(optional)] copy_at_once: bool,
) -> impl IntoView {
    let (t, texts) = (use_classroom_texts(), use_texts());
    let field = NodeRef::<leptos::html::Input>::new();
    let copied = RwSignal::new(Copied::Not);
    let copy = move || {
        let text = link.get_untracked();
        leptos::task::spawn_local(async move {
            let done = crate::browser::copy(&text).await;
            if !done {
                if let Some(field) = field.get_untracked() {
                    select_for_copy(&field);
                }
            }
            let _ = copied.try_set(if done { Copied::Done } else { Copied::ByKeys });
        });
    };
    if copy_at_once {
        Effect::new(move |was_drawn: Option<bool>| {
            let drawn = field.get().is_some();
            if drawn && was_drawn != Some(true) {
                copy();
            }
            drawn
        });
    }
    // A new link has not been copied yet.
    Effect::watch(
        move || link.get(),
        move |_, _, _| copied.set(Copied::Not),
        false,
    );
    view! {
        <input class="lesson-link" type="text" readonly prop:value=move || link.get()
            aria-label=move || label.get() node_ref=field
            on:focus=move |ev| crate::browser::select_all(&ev) />
        <div class="board-actions">
            <button type="button" on:click=move |_| copy()>{move || t.get().copy_link}</button>
            <button type="button" on:click=move |_| board.show(Shown {
                title: board_title.get_untracked(),
                link: link.get_untracked(),
                label: qr_label.get_untracked(),
            })>{move || t.get().show_on_board}</button>
            <span class="copied" role="status">
                {move || match copied.get() {
                    Copied::Not => None,
                    Copied::Done => Some(t.get().copied),
                    Copied::ByKeys => Some(texts.get().copy_by_keys),
                }}
            </span>
        </div>
    }
}

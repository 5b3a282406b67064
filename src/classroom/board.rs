//! The board: a link's QR code full screen, with its title and the link in large type, for
//! a class to scan from a projector. It takes the focus while open; Esc or Close put it
//! away and give the focus back to the button that opened it.

use leptos::prelude::*;

use super::qr::QrCodeView;
use super::texts::use_classroom_texts;
use crate::i18n::use_texts;

/// What the board shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub title: String,
    pub link: String,
    /// How screen readers name the code.
    pub label: String,
}

/// Opens and closes the board, remembering which element had the focus.
#[derive(Clone, Copy)]
pub struct Board {
    shown: RwSignal<Option<Shown>>,
    opener: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
}

impl Board {
    pub fn new() -> Board {
        Board {
            shown: RwSignal::new(None),
            opener: StoredValue::new_local(None),
        }
    }

    pub fn show(self, shown: Shown) {
        let focused = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
        self.opener.set_value(focused);
        self.shown.set(Some(shown));
    }

    fn close(self) {
        self.shown.set(None);
        if let Some(button) = self.opener.get_value() {
            let _ = button.focus();
        }
    }
}

#[component]
pub fn BoardView(board: Board) -> impl IntoView {
    let (t, texts) = (use_classroom_texts(), use_texts());
    let close_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = close_button.get() {
            let _ = button.focus();
        }
    });
    move || {
        board.shown.get().map(|s| {
            let label = s.label.clone();
            view! {
                <div class="board" role="dialog" aria-modal="true" aria-labelledby="board-title"
                    on:keydown=move |ev| if ev.key() == "Escape" { board.close() }>
                    <h2 id="board-title">{s.title.clone()}</h2>
                    <QrCodeView text=s.link.clone() label=label
                        too_long=Signal::derive(move || t.get().qr_too_long) />
                    <p class="board-link">{s.link.clone()}</p>
                    <button type="button" class="primary board-close" node_ref=close_button on:click=move |_| board.close()>
                        {move || texts.get().close}
                    </button>
                </div>
            }
        })
    }
}

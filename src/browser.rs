//! The few browser services the page uses: the clock, the clipboard, and file downloads.

use facteur_protocols::Timestamp;
use wasm_bindgen::{JsCast, JsValue};

/// Now, for the engine, which never reads a clock itself.
pub fn now() -> Timestamp {
    Timestamp((js_sys::Date::now() / 1000.0) as i64)
}

/// Copies text to the clipboard and says whether it did. The Clipboard API exists only in a
/// secure context (https, or the page's own machine): on a school's plain-http server there
/// is none, and a browser may also refuse. Then nothing is claimed: the caller selects the
/// text and asks the learner to press Ctrl+C.
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    let has_clipboard = window.is_secure_context()
        && js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| c.is_object());
    if !has_clipboard {
        return false;
    }
    wasm_bindgen_futures::JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .is_ok()
}

/// Selects a field's whole text and gives it the focus, for the learner to copy with the
/// keyboard where the page cannot copy by itself.
pub fn select_for_copy(field: &web_sys::HtmlElement) {
    let _ = field.focus();
    if let Some(input) = field.dyn_ref::<web_sys::HtmlInputElement>() {
        input.select();
    } else if let Some(area) = field.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.select();
    }
}

/// Scrolls a box to its end at the next frame. Reading its height at once, right after
/// the page added lines to it, would force the browser to lay the page out an extra time,
/// which with a long dialogue costs more than everything else a reply does.
pub fn scroll_to_end(element: web_sys::Element) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let scroll = wasm_bindgen::closure::Closure::once_into_js(move || {
        element.set_scroll_top(element.scroll_height());
    });
    let _ = window.request_animation_frame(scroll.unchecked_ref());
}

/// Offers text as a file download, named `filename`.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let link: web_sys::HtmlAnchorElement =
        wasm_bindgen::JsCast::dyn_into(document.create_element("a")?)?;
    link.set_href(&url);
    link.set_download(filename);
    link.click();
    web_sys::Url::revoke_object_url(&url)
}

/// Moves focus to an element once the page has drawn it (a button that appears, a field
/// that is enabled by the change that asked for it). It looks again for a moment, since
/// the page draws asynchronously.
pub fn focus_later(id: &'static str) {
    leptos::task::spawn_local(async move {
        for _ in 0..FOCUS_TRIES {
            gloo_timers::future::TimeoutFuture::new(FOCUS_WAIT_MS).await;
            let element = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(id))
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
            if let Some(element) = element.filter(|e| !e.has_attribute("disabled")) {
                let _ = element.focus();
                return;
            }
        }
    });
}

/// Takes the learner to a part of the page once it is drawn: scrolls it into view and moves
/// focus to it (a region that takes no focus of its own is given one it can hold).
pub fn bring_into_view(selector: String) {
    leptos::task::spawn_local(async move {
        for _ in 0..FOCUS_TRIES {
            gloo_timers::future::TimeoutFuture::new(FOCUS_WAIT_MS).await;
            let element = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.query_selector(&selector).ok().flatten())
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
            if let Some(element) = element {
                if !element.has_attribute("tabindex") {
                    let _ = element.set_attribute("tabindex", "-1");
                }
                element.scroll_into_view();
                let _ = element.focus();
                return;
            }
        }
    });
}

/// Scrolls a box that scrolls on its own (the lesson panel beside the workspace) so that
/// `target`, inside it, is in sight: its end if it fits, else its start. That box moves,
/// so a learner watching a device is not pulled away; a box that does not
/// scroll (the panel above the workspace on a phone) is left alone, and the page itself
/// moves only as far as the target's end needs.
pub fn reveal_within(container: &'static str, target: &'static str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let reveal = wasm_bindgen::closure::Closure::once_into_js(move || {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let (Ok(Some(boxed)), Ok(Some(element))) = (
            document.query_selector(container),
            document.query_selector(target),
        ) else {
            return;
        };
        let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() else {
            return;
        };
        // The panel is positioned (sticky) when it scrolls on its own, so it is the
        // element's offset parent and offsets are measured inside its content.
        let scrolls = boxed.scroll_height() > boxed.client_height();
        if !scrolls || element.offset_parent().as_ref() != Some(&boxed) {
            return;
        }
        let (top, height) = (element.offset_top(), element.offset_height());
        let (seen, room) = (boxed.scroll_top(), boxed.client_height());
        if height > room {
            boxed.set_scroll_top(top);
        } else if top + height > seen + room {
            boxed.set_scroll_top(top + height - room);
        }
        // Before the page is scrolled the panel starts below the site's header and its
        // end is under the fold: the page then moves just enough to show the target.
        let Some(window) = web_sys::window() else {
            return;
        };
        let fold = window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        let seen = element.get_bounding_client_rect();
        let under = (seen.bottom() - fold).min(seen.top());
        if under > 0.0 {
            window.scroll_by_with_x_and_y(0.0, under.ceil());
        }
    });
    let _ = window.request_animation_frame(reveal.unchecked_ref());
}

/// `focus_later` looks for its element this many times, this many milliseconds apart.
const FOCUS_TRIES: u32 = 20;
const FOCUS_WAIT_MS: u32 = 15;

/// Reads the text of the file a file input just received, then empties the input (so the
/// same file can be chosen again) and hands the text to `then`. No file, no call.
pub fn read_chosen_text(ev: &web_sys::Event, then: impl FnOnce(String) + 'static) {
    read_chosen_texts(ev, move |mut files| {
        if !files.is_empty() {
            then(files.swap_remove(0).1);
        }
    });
}

/// Reads every file a file input just received (`multiple`), as (name, text) in the order
/// chosen, then empties the input and hands them to `then`. No file, no call.
pub fn read_chosen_texts(ev: &web_sys::Event, then: impl FnOnce(Vec<(String, String)>) + 'static) {
    let Some(input) = ev
        .target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
    else {
        return;
    };
    let Some(list) = input.files() else {
        return;
    };
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    if files.is_empty() {
        return;
    }
    input.set_value("");
    wasm_bindgen_futures::spawn_local(async move {
        let mut read = Vec::new();
        for file in files {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            read.push((file.name(), text));
        }
        then(read);
    });
}

/// The text at `address` (relative to the page's base, so a site hosted under a path finds
/// its files), if the server answers 200.
pub async fn fetch_text(address: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response: web_sys::Response =
        wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(address))
            .await
            .ok()?
            .dyn_into()
            .ok()?;
    if !response.ok() {
        return None;
    }
    wasm_bindgen_futures::JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// A request with a bearer token (the class teacher's password): the response's status
/// and text, or None when nothing answered.
pub async fn fetch_with(address: &str, method: &str, bearer: &str) -> Option<(u16, String)> {
    let window = web_sys::window()?;
    let headers = web_sys::Headers::new().ok()?;
    headers
        .set("Authorization", &format!("Bearer {bearer}"))
        .ok()?;
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    init.set_headers(&headers);
    let response: web_sys::Response =
        wasm_bindgen_futures::JsFuture::from(window.fetch_with_str_and_init(address, &init))
            .await
            .ok()?
            .dyn_into()
            .ok()?;
    let text = wasm_bindgen_futures::JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
        .unwrap_or_default();
    Some((response.status(), text))
}

/// Selects a read-only field's whole text when it gets the focus, so a link shown in one is
/// copied with one keystroke.
pub fn select_all(ev: &leptos::ev::FocusEvent) {
    use leptos::prelude::event_target;
    event_target::<web_sys::HtmlInputElement>(ev).select();
}

/// The value of a shared link's fragment (`#scenario=…`, `#dialogue=…`) if the address has
/// one with this `prefix`. The fragment is taken out of the address at once, so a reload
/// keeps what the page has become instead of opening the link again.
pub fn take_fragment(prefix: &str) -> Option<String> {
    let window = web_sys::window()?;
    let hash = window.location().hash().ok()?;
    let value = hash.strip_prefix(prefix)?.to_owned();
    if let Ok(history) = window.history() {
        let location = window.location();
        let address = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
    }
    Some(value)
}

//! QR codes drawn in the page as SVG, so a class can scan a lesson's link from the board.
//! The encoding is `qrcodegen`'s; this module only draws the modules as one SVG path.

use leptos::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc};

/// The light border a scanner needs around the code, in modules (ISO/IEC 18004 asks for 4).
const QUIET_ZONE: i32 = 4;

/// A code ready to draw: its width in modules, quiet zone included, and the path of its
/// dark modules, one `h1v1h-1z` square each, merged along rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drawn {
    pub width: i32,
    pub path: String,
}

/// Encodes `text` with medium error correction (a code on a projector survives a glare), or
/// `None` when it holds more than a QR code can (about 2,300 characters of a link).
pub fn draw(text: &str) -> Option<Drawn> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = code.size();
    let mut path = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if !code.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < size && code.get_module(x, y) {
                x += 1;
            }
            path.push_str(&format!(
                "M{} {}h{}v1h-{}z",
                start + QUIET_ZONE,
                y + QUIET_ZONE,
                x - start,
                x - start
            ));
        }
    }
    Some(Drawn {
        width: size + 2 * QUIET_ZONE,
        path,
    })
}

/// A QR code of `text`, named for screen readers by `label`; if the text is too long for a
/// code, `too_long` is shown instead.
#[component]
pub fn QrCodeView(
    #[prop(into)] text: Signal<String>,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] too_long: Signal<&'static str>,
) -> impl IntoView {
    let drawn = Memo::new(move |_| draw(&text.get()));
    move || match drawn.get() {
        Some(d) => {
            let view_box = format!("0 0 {0} {0}", d.width);
            view! {
                <svg class="qr" viewBox=view_box role="img" aria-label=move || label.get() shape-rendering="crispEdges">
                    <rect width="100%" height="100%" fill="#ffffff" />
                    <path d=d.path fill="#000000" />
                </svg>
            }
            .into_any()
        }
        None => view! { <p class="qr-too-long">{move || too_long.get()}</p> }.into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_becomes_a_code_with_its_quiet_zone() {
        let d = draw("http://127.0.0.1:8080/#/lesson/3/step/1").expect("fits");
        // Version 3 (29 modules) at medium correction holds this 39-character link.
        assert_eq!(d.width, 29 + 8);
        // The top-left finder pattern starts at the quiet zone's corner, 7 modules wide.
        assert!(d.path.starts_with("M4 4h7v1h-7z"));
    }

    #[test]
    fn a_text_too_long_for_any_code_is_refused() {
        assert!(draw(&"x".repeat(4000)).is_none());
    }
}

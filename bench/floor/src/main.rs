//! One component, one signal: the least a Leptos CSR page can be. `cargo xtask bench` builds
//! it with the site's profile and serves it the same way, and reads Facteur's start-up
//! against it.

use leptos::prelude::*;

#[component]
fn Floor() -> impl IntoView {
    let count = RwSignal::new(0);
    view! {
        <button type="button" id="floor" on:click=move |_| count.update(|n| *n += 1)>
            {move || format!("Clicked {} times", count.get())}
        </button>
    }
}

fn main() {
    leptos::mount::mount_to_body(Floor);
}

//! Facteur's web app: components only. Protocol behaviour lives in `facteur-protocols`.

mod app;
mod browser;
mod class;
mod classroom;
mod course;
mod devices;
mod history;
mod i18n;
mod lab_texts;
mod message_view;
mod path;
mod route;
mod sandbox;
mod sandbox_bar;
mod sandbox_texts;
mod scenario_texts;
mod scenario_view;
mod server_view;
mod state;
mod terminal;
mod world_texts;

fn main() {
    // A panic in the wasm prints its message and location in the console instead of
    // "unreachable executed", so a learner's bug report says something.
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}

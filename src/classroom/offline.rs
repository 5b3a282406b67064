//! Offline use and updates, through the service worker `cargo xtask` writes beside
//! index.html (static/sw.js). After one visit the site opens with the network off; when a
//! new build is deployed the browser fetches it in the background, and the page says a new
//! version is ready instead of swapping code under a learner's feet. The learner chooses
//! when to reload; only then does the new build take over.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

use super::texts::use_classroom_texts;

/// What the page knows of its service worker.
#[derive(Clone, Copy)]
pub struct Offline {
    /// The browser may keep the site at all: it has service workers and the page is a
    /// secure context (https, or localhost). Plain http from a school's server is not.
    pub available: bool,
    /// Every file of this build is kept by the browser: the site opens without a network.
    pub kept: RwSignal<bool>,
    /// A newer build is downloaded and waits for the learner to reload.
    pub waiting: RwSignal<bool>,
    /// The learner put the notice away for this visit.
    pub dismissed: RwSignal<bool>,
    registration: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
    reload_asked: StoredValue<Rc<Cell<bool>>, LocalStorage>,
}

/// The build's identity, as `cargo xtask seal-site` wrote it into index.html.
pub fn build() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let meta = document.query_selector("meta[name=facteur-build]").ok()??;
    meta.get_attribute("content").filter(|b| !b.is_empty())
}

impl Offline {
    /// Registers the worker once the page has loaded, so keeping the files for offline use
    /// never competes with the page's own start.
    pub fn start() -> Offline {
        let available = web_sys::window().is_some_and(|w| {
            w.is_secure_context()
                && js_sys::Reflect::has(&w.navigator(), &"serviceWorker".into()).unwrap_or(false)
        });
        let offline = Offline {
            available,
            kept: RwSignal::new(false),
            waiting: RwSignal::new(false),
            dismissed: RwSignal::new(false),
            registration: StoredValue::new_local(None),
            reload_asked: StoredValue::new_local(Rc::new(Cell::new(false))),
        };
        let Some(window) = web_sys::window() else {
            return offline;
        };
        // No worker where the browser has none or refuses one (a page opened from a file,
        // plain http on another machine than localhost).
        if !available {
            return offline;
        }
        let loaded = window
            .document()
            .is_some_and(|d| d.ready_state() == "complete");
        if loaded {
            wasm_bindgen_futures::spawn_local(offline.register());
        } else {
            let once = Closure::once_into_js(move || {
                wasm_bindgen_futures::spawn_local(offline.register());
            });
            let options = web_sys::AddEventListenerOptions::new();
            options.set_once(true);
            let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
                "load",
                once.unchecked_ref(),
                &options,
            );
        }
        offline
    }

    async fn register(self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let container = window.navigator().service_worker();
        // A page that was already run by a worker gets updates; a first visit only installs.
        let had_worker = container.controller().is_some();
        let Ok(registration) = JsFuture::from(container.register("sw.js")).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        self.registration.set_value(Some(registration.clone()));
        if had_worker && registration.waiting().is_some() {
            self.waiting.set(true);
        }
        self.watch_installs(&container, &registration);
        self.reload_when_replaced(&container);
        self.check_when_shown(&registration);
        if let Ok(ready) = container.ready() {
            if JsFuture::from(ready).await.is_ok() {
                self.kept.set(true);
            }
        }
    }

    /// A worker that finishes installing while another runs the page is a new build.
    fn watch_installs(
        self,
        container: &ServiceWorkerContainer,
        registration: &ServiceWorkerRegistration,
    ) {
        let (container, reg) = (container.clone(), registration.clone());
        let found = Closure::<dyn Fn()>::new(move || {
            let Some(installing) = reg.installing() else {
                return;
            };
            let (worker, container) = (installing.clone(), container.clone());
            let changed = Closure::<dyn Fn()>::new(move || {
                if worker.state() == ServiceWorkerState::Installed
                    && container.controller().is_some()
                {
                    self.waiting.set(true);
                    self.dismissed.set(false);
                }
            });
            installing.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
            changed.forget();
        });
        registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
        // The registration lives as long as the page.
        found.forget();
    }

    /// When the new build takes over because the learner asked, the page reloads into it.
    /// (On a first visit the worker also takes over, and nothing needs reloading.)
    fn reload_when_replaced(self, container: &ServiceWorkerContainer) {
        let asked = self.reload_asked.get_value();
        let replaced = Closure::<dyn Fn()>::new(move || {
            if asked.get() {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().reload();
                }
            }
        });
        container.set_oncontrollerchange(Some(replaced.as_ref().unchecked_ref()));
        replaced.forget();
    }

    /// A page left open all lesson long looks for a new build whenever it is shown again.
    fn check_when_shown(self, registration: &ServiceWorkerRegistration) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let (reg, doc) = (registration.clone(), document.clone());
        let shown = Closure::<dyn Fn()>::new(move || {
            if doc.visibility_state() == web_sys::VisibilityState::Visible {
                if let Ok(update) = reg.update() {
                    // Offline, the check fails; that is not worth a word.
                    wasm_bindgen_futures::spawn_local(async move {
                        let _ = JsFuture::from(update).await;
                    });
                }
            }
        });
        let _ = document
            .add_event_listener_with_callback("visibilitychange", shown.as_ref().unchecked_ref());
        shown.forget();
    }

    /// Lets the waiting build take over; the page reloads when it has.
    pub fn reload(self) {
        self.reload_asked.with_value(|asked| asked.set(true));
        let waiting = self
            .registration
            .with_value(|r| r.as_ref().and_then(ServiceWorkerRegistration::waiting));
        match waiting {
            Some(worker) => {
                let _ = worker.post_message(&JsValue::from_str("skip-waiting"));
            }
            None => {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().reload();
                }
            }
        }
    }
}

/// "A new version is ready", with a button to reload into it and one to carry on.
#[component]
pub fn UpdateNotice(offline: Offline) -> impl IntoView {
    let t = use_classroom_texts();
    let shown = move || offline.waiting.get() && !offline.dismissed.get();
    view! {
        <Show when=shown>
            <div class="update-notice" role="status">
                <p>{move || t.get().update_ready}</p>
                <button type="button" class="primary" on:click=move |_| offline.reload()>{move || t.get().update_reload}</button>
                <button type="button" on:click=move |_| offline.dismissed.set(true)>{move || t.get().update_later}</button>
            </div>
        </Show>
    }
}

//! The page's WebSocket to the class server (`class/socket`, beside the page). It says
//! whether it is connected; when the connection drops it tries again, a little later each
//! time, and rejoins as the student it was, so nothing typed is lost and the page catches
//! up with what happened meanwhile.

use std::rc::Rc;

use facteur_protocols::class::wire::{Ask, Tell};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, WebSocket};

/// Where the connection stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Connecting,
    Open,
    /// It dropped; another try is on its way.
    Lost,
}

/// Who hears what the server tells.
type Told = Rc<dyn Fn(Tell)>;

/// An open socket and the handlers it calls, kept together so they go together.
struct Socket {
    ws: WebSocket,
    _open: Closure<dyn FnMut(web_sys::Event)>,
    _message: Closure<dyn FnMut(MessageEvent)>,
    _close: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Socket {
    fn drop(&mut self) {
        self.ws.set_onopen(None);
        self.ws.set_onmessage(None);
        self.ws.set_onclose(None);
        let _ = self.ws.close();
    }
}

#[derive(Clone, Copy)]
pub struct Link {
    pub status: RwSignal<Status>,
    socket: StoredValue<Option<Socket>, LocalStorage>,
    told: StoredValue<Option<Told>, LocalStorage>,
    /// Said first on every (re)connection: the student's rejoin, once they joined.
    hello: StoredValue<Option<Ask>, LocalStorage>,
    /// Tries since the last success, for the wait before the next.
    tries: StoredValue<u32>,
}

/// `ws://host/…/class/socket` beside the page (`wss:` under https).
fn socket_address() -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    let url = web_sys::Url::new_with_base("class/socket", &href).ok()?;
    let secure = url.protocol() == "https:";
    url.set_protocol(if secure { "wss:" } else { "ws:" });
    url.set_hash("");
    url.set_search("");
    Some(url.href())
}

impl Link {
    /// Connects; what the server tells goes to `told`.
    pub fn start(told: impl Fn(Tell) + 'static) -> Link {
        let link = Link {
            status: RwSignal::new(Status::Connecting),
            socket: StoredValue::new_local(None),
            told: StoredValue::new_local(Some(Rc::new(told))),
            hello: StoredValue::new_local(None),
            tries: StoredValue::new(0),
        };
        link.open();
        link
    }

    /// What to say first on every connection from now on (the student's rejoin).
    pub fn say_first(&self, ask: Option<Ask>) {
        self.hello.set_value(ask);
    }

    /// Sends an ask; false while the connection is down.
    pub fn send(&self, ask: &Ask) -> bool {
        let Ok(text) = serde_json::to_string(ask) else {
            return false;
        };
        self.status.get_untracked() == Status::Open
            && self
                .socket
                .with_value(|s| s.as_ref().map(|s| s.ws.send_with_str(&text).is_ok()))
                .unwrap_or(false)
    }

    fn open(self) {
        let Some(address) = socket_address() else {
            self.status.set(Status::Lost);
            return;
        };
        let Ok(ws) = WebSocket::new(&address) else {
            self.status.set(Status::Lost);
            self.again();
            return;
        };
        let open = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            self.status.set(Status::Open);
            self.tries.set_value(0);
            if let Some(hello) = self.hello.get_value() {
                self.send(&hello);
            }
        });
        let message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            let Some(text) = ev.data().as_string() else {
                return;
            };
            if let Ok(tell) = serde_json::from_str::<Tell>(&text) {
                if let Some(told) = self.told.get_value() {
                    told(tell);
                }
            }
        });
        let close = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            self.status.set(Status::Lost);
            self.again();
        });
        ws.set_onopen(Some(open.as_ref().unchecked_ref()));
        ws.set_onmessage(Some(message.as_ref().unchecked_ref()));
        ws.set_onclose(Some(close.as_ref().unchecked_ref()));
        self.socket.set_value(Some(Socket {
            ws,
            _open: open,
            _message: message,
            _close: close,
        }));
    }

    /// Tries again after 1, 2, 4, then every 5 seconds.
    fn again(self) {
        let tries = self.tries.get_value();
        self.tries.set_value(tries + 1);
        let wait = match tries {
            0 => 1_000,
            1 => 2_000,
            2 => 4_000,
            _ => 5_000,
        };
        Timeout::new(wait, move || {
            if self.status.try_get_untracked() == Some(Status::Lost) {
                self.status.set(Status::Connecting);
                // The old socket's handlers are dropped with it, from outside its own
                // event: never while one of them runs.
                self.socket.set_value(None);
                self.open();
            }
        })
        .forget();
    }
}

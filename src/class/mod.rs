//! Class mode's pages, where the site is served by a class server (`facteur-server
//! --class`): `#/class`, where a student joins and works on the class's one mail world, and
//! `#/class/teacher`. Anywhere else these pages say what class mode needs; the rest of the
//! site never asks for the class server.

mod link;
mod page;
mod teacher;
pub mod texts;

use facteur_protocols::class::wire::{Ask, Classmate, Hello, Refusal, Tell};
use leptos::prelude::*;

pub use page::ClassPage;
pub use teacher::ClassTeacherPage;

use crate::state::Scene;
use link::{Link, Status};

/// The student this page joined as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Me {
    pub login: String,
    pub name: String,
    pub address: String,
    pub password: String,
}

/// Where the page stands with the class server; made once, when a class page is first
/// opened, and kept for the page's life (the socket outlives a visit to another page).
#[derive(Clone, Copy)]
pub struct Class {
    /// None while asking; Some(None) when the page is not served by a class server.
    pub hello: RwSignal<Option<Option<Hello>>>,
    pub me: RwSignal<Option<Me>>,
    pub classmates: RwSignal<Vec<Classmate>>,
    /// The server's latest no, until the next thing that works.
    pub refused: RwSignal<Option<Refusal>>,
    /// The teacher started the class again since this page joined.
    pub was_reset: RwSignal<bool>,
    /// The student's devices, terminal and server side, once joined.
    pub scene: RwSignal<Option<Scene>, LocalStorage>,
    link: StoredValue<Option<Link>, LocalStorage>,
    owner: StoredValue<Owner, LocalStorage>,
}

/// Where a student's login and password are kept, so a reload rejoins.
const KEY: &str = "facteur.class";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn kept() -> Option<Ask> {
    let text = storage()?.get_item(KEY).ok()??;
    let (login, password): (String, String) = serde_json::from_str(&text).ok()?;
    Some(Ask::Rejoin { login, password })
}

fn keep(me: Option<&Me>) {
    let Some(s) = storage() else {
        return;
    };
    match me.and_then(|m| serde_json::to_string(&(&m.login, &m.password)).ok()) {
        Some(text) => {
            let _ = s.set_item(KEY, &text);
        }
        None => {
            let _ = s.remove_item(KEY);
        }
    }
}

impl Class {
    /// Made in the app's shell, so it lives as long as the page.
    pub fn new() -> Class {
        Class {
            hello: RwSignal::new(None),
            me: RwSignal::new(None),
            classmates: RwSignal::new(Vec::new()),
            refused: RwSignal::new(None),
            was_reset: RwSignal::new(false),
            scene: RwSignal::new_local(None),
            link: StoredValue::new_local(None),
            owner: StoredValue::new_local(Owner::current().unwrap_or_default()),
        }
    }

    /// Asks whether the page is served by a class server, once; if it is, connects.
    pub fn start(self) {
        if self.hello.get_untracked().is_some() || self.link.with_value(Option::is_some) {
            return;
        }
        leptos::task::spawn_local(async move {
            let hello = crate::browser::fetch_text("class/hello")
                .await
                .and_then(|text| serde_json::from_str::<Hello>(&text).ok());
            let serves = hello.is_some();
            self.hello.set(Some(hello));
            if serves {
                let link = Link::start(move |tell| self.told(tell));
                link.say_first(kept());
                self.link.set_value(Some(link));
            }
        });
    }

    /// Where the connection stands (tracked); None before it is made.
    pub fn status(&self) -> Option<Status> {
        self.link.with_value(|l| l.map(|l| l.status.get()))
    }

    /// Asks to join as `name`.
    pub fn join(&self, name: &str) -> bool {
        self.refused.set(None);
        let ask = Ask::Join {
            name: name.to_owned(),
        };
        self.link
            .with_value(|l| l.map(|l| l.send(&ask)))
            .unwrap_or(false)
    }

    fn told(self, tell: Tell) {
        match tell {
            Tell::Welcome(welcome) => {
                let welcome = *welcome;
                let (table, classmates) = (welcome.table, welcome.classmates);
                let me = Me {
                    login: welcome.login.clone(),
                    name: welcome.name.clone(),
                    address: welcome.address.clone(),
                    password: welcome.password.clone(),
                };
                keep(Some(&me));
                self.say_first(Some(Ask::Rejoin {
                    login: me.login.clone(),
                    password: me.password.clone(),
                }));
                let same = self.me.get_untracked().is_some_and(|m| m.login == me.login);
                match self.scene.get_untracked() {
                    Some(scene) if same => scene.told_view(table),
                    _ => {
                        let link = self.link.get_value();
                        let login = me.login.clone();
                        let scene = self.owner.get_value().with(move || {
                            Scene::for_class(&login, table, move |action| {
                                link.is_some_and(|l| l.send(&Ask::Play { action }))
                            })
                        });
                        self.scene.set(Some(scene));
                    }
                }
                self.classmates.set(classmates);
                self.me.set(Some(me));
                self.refused.set(None);
                self.was_reset.set(false);
            }
            Tell::Refused { refusal } => {
                // Only a rejoin is refused so: the account the page held is gone (the class
                // server started again), so the page forgets it and asks to join afresh.
                if matches!(refusal, Refusal::NoSuchStudent | Refusal::WrongPassword) {
                    self.leave();
                }
                self.refused.set(Some(refusal));
            }
            Tell::Heard {
                device,
                said,
                table,
            } => {
                if let Some(scene) = self.scene.get_untracked() {
                    scene.told_heard(&device, said, table.map(|t| *t));
                }
            }
            Tell::Played { table, .. } => {
                if let Some(scene) = self.scene.get_untracked() {
                    scene.told_played(table.map(|t| *t));
                }
            }
            Tell::Classmates { classmates } => self.classmates.set(classmates),
            Tell::Reset => {
                self.leave();
                self.was_reset.set(true);
            }
        }
    }

    /// The page is no longer anyone's: the form to join shows again.
    fn leave(&self) {
        keep(None);
        self.say_first(None);
        self.scene.set(None);
        self.me.set(None);
        self.classmates.set(Vec::new());
    }

    fn say_first(&self, ask: Option<Ask>) {
        if let Some(link) = self.link.get_value() {
            link.say_first(ask);
        }
    }
}

impl Default for Class {
    fn default() -> Self {
        Class::new()
    }
}

pub fn use_class() -> Class {
    expect_context()
}

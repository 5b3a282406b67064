//! A class page's scene: the table is the class server's, and the page holds the
//! student's view of it (their account, devices and connections; see
//! `facteur_protocols::table::TableView`). Actions go to the server through [`Remote`];
//! what the student's devices hear comes back with the view right after, and goes to
//! the consoles exactly as a table of the page's own would tell it, so the dialogue, its
//! explanations, the diagram and playback work unchanged.

use facteur_protocols::class;
use facteur_protocols::device::people::device_id;
use facteur_protocols::device::DeviceKind;
use facteur_protocols::table::{Action, Said, Table, TableView};
use leptos::prelude::*;

use super::scene::{Remote, Scene};

impl Scene {
    /// A student's scene over the class server's view of their table, their laptop's
    /// terminal on screen; `send` carries actions to the server.
    pub fn for_class(
        login: &str,
        view: TableView,
        send: impl Fn(Action) -> bool + 'static,
    ) -> Scene {
        let people = vec![(login.to_owned(), class::DEVICES.to_vec())];
        let active = device_id(login, DeviceKind::Laptop);
        let scene = Scene::over(Table::from_view(view), people, active, "class");
        scene.remote.set_value(Some(Remote {
            send: std::rc::Rc::new(send),
            who: String::new(),
        }));
        scene
    }

    /// One of the student's devices heard something; `view` is the table right after, if
    /// it changed.
    pub fn told_heard(&self, device: &str, said: Said, view: Option<TableView>) {
        let changed = view.is_some();
        if let Some(view) = view {
            self.table.set(Table::from_view(view));
        }
        let who = self.remote_who();
        let (instant, mut news) = (self.is_instant(), None);
        self.table.with_untracked(|t| {
            self.heard(
                device,
                said,
                (t.world(), t.devices()),
                &who,
                instant,
                &mut news,
            );
        });
        if news.is_some() {
            self.news.set(news);
        }
        // A connection the server closed on its own (a terminal left silent) shows closed.
        if changed {
            self.follow_terminals(&who);
        }
    }

    /// The page's action was played to its end; `view` is the table then, if it changed.
    pub fn told_played(&self, view: Option<TableView>) {
        if let Some(view) = view {
            self.table.set(Table::from_view(view));
        }
        self.follow_terminals(&self.remote_who());
    }

    /// The student's view as the server sends it on a (re)join: the page catches up with
    /// whatever happened while it was away.
    pub fn told_view(&self, view: TableView) {
        self.table.set(Table::from_view(view));
        self.record();
        self.follow_terminals(&self.remote_who());
    }

    fn remote_who(&self) -> String {
        self.remote
            .with_value(|r| r.as_ref().map(|r| r.who.clone()))
            .unwrap_or_default()
    }
}

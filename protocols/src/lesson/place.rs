//! The places on the page a lesson can name: the three views, and a device in one of them.
//! A step starts on one view; a link in its text takes the learner to a place.

use serde::{Deserialize, Serialize};

use crate::device::people::{device_id, PEOPLE};

/// Which view a step puts first on a narrow screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum View {
    /// The terminal and its dialogue.
    Terminal,
    /// The devices' mail apps.
    Devices,
    /// The server side: mailboxes and the mail queue.
    Server,
}

/// A place on the page that words of a lesson take the learner to when followed: "the
/// server side" (`show:server`), "Bob's phone" (`show:bob-phone`, the device with its
/// person's devices), "the tablet's terminal" (`show:bob-tablet/terminal`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// One of the three views: terminal, devices, server side.
    View(View),
    /// A device, shown in the devices view or in the terminal view.
    Device {
        /// The device (`bob-tablet`).
        id: String,
        /// The view to show it in.
        view: View,
    },
}

impl Place {
    /// The place a `show:` link names, if it names one this world has.
    pub fn of_href(href: &str) -> Option<Place> {
        let place = href.strip_prefix("show:")?;
        let view = |name: &str| match name {
            "terminal" => Some(View::Terminal),
            "devices" => Some(View::Devices),
            "server" => Some(View::Server),
            _ => None,
        };
        if let Some(v) = view(place) {
            return Some(Place::View(v));
        }
        let (id, shown) = place.split_once('/').unwrap_or((place, "devices"));
        let known = PEOPLE
            .iter()
            .any(|(login, kinds)| kinds.iter().any(|k| device_id(login, *k) == id));
        let view = view(shown).filter(|v| *v != View::Server)?;
        known.then(|| Place::Device {
            id: id.to_owned(),
            view,
        })
    }
}

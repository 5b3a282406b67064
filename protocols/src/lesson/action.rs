//! What a learner does in a lesson, as a reference solution writes it: connect a terminal,
//! type a line, press a device's button, change settings, answer the question. The course
//! holds these; the bench plays them.

use serde::{Deserialize, Serialize};

use crate::client::device::{Device, Receiving};
use crate::client::scenario::{self, Reading};
use crate::client::settings::{
    AccountSettings, Authentication, ConnectionSecurity, ServerSettings, SettingsPreset,
};

/// One thing a learner does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// Opens a terminal on a device, connected to its account's server on a port.
    Connect { device: String, port: u16 },
    /// Types a line into the terminal opened last (with its IMAP tag, as a learner would
    /// type it; the page adds one when it is missing).
    Type(String),
    /// Presses a device's button: check mail, flag, delete, move, send…
    Device(scenario::Step),
    /// Changes a device's settings.
    Settings {
        device: String,
        #[serde(flatten)]
        change: SettingsChange,
    },
    /// Answers the step's question with these choices, numbered from 1 as they are shown.
    Answer(Vec<usize>),
}

/// Settings as a lesson changes them: a preset, a way of reading, and single fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingsChange {
    #[serde(default, with = "super::slugs::preset_opt")]
    pub preset: Option<SettingsPreset>,
    #[serde(default)]
    pub reading: Option<Reading>,
    #[serde(default)]
    pub incoming: Option<ServerChange>,
    #[serde(default)]
    pub outgoing: Option<ServerChange>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerChange {
    #[serde(default)]
    pub host: Option<String>,
    #[serde(default)]
    pub port: Option<u16>,
    #[serde(default, with = "super::slugs::security_opt")]
    pub security: Option<ConnectionSecurity>,
    #[serde(default, with = "super::slugs::authentication_opt")]
    pub authentication: Option<Authentication>,
}

impl ServerChange {
    fn apply(&self, server: &mut ServerSettings) {
        if let Some(host) = &self.host {
            server.host.clone_from(host);
        }
        if let Some(port) = self.port {
            server.port = port;
        }
        if let Some(security) = self.security {
            server.security = security;
        }
        if let Some(authentication) = self.authentication {
            server.authentication = authentication;
        }
    }
}

impl SettingsChange {
    /// The device's way of reading and its settings once changed, as the settings form
    /// hands them to the device: a preset first, then the fields named.
    pub fn apply(&self, device: &Device) -> (Receiving, AccountSettings) {
        let mut receiving = device.receiving;
        let mut settings = device.settings.clone();
        if let Some(preset) = self.preset {
            let s = &device.settings;
            settings = preset.settings(&s.incoming.host, &s.user_name, &s.password);
            receiving = receiving.under(preset);
        }
        if let Some(reading) = self.reading {
            receiving = reading.receiving();
        }
        if let Some(c) = &self.incoming {
            c.apply(&mut settings.incoming);
        }
        if let Some(c) = &self.outgoing {
            c.apply(&mut settings.outgoing);
        }
        (receiving, settings)
    }
}

/// Sets a device as the settings form does: the settings, then the way of reading (which
/// moves the usual port along when it switches protocol).
pub fn set_up(device: &mut Device, (receiving, settings): (Receiving, AccountSettings)) {
    device.settings = settings;
    device.set_receiving(receiving);
}

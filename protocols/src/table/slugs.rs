//! Lesson files and saved actions name settings as the settings form does (`ssl-tls`, `starttls`,
//! `no-authentication`, `smtp-25-ssl-tls`): the slugs of `client::settings`, read and
//! written here so the engine's own saved forms keep their names.

use serde::{de::Error, Deserialize, Deserializer, Serializer};

use crate::client::settings::{Authentication, ConnectionSecurity, SettingsPreset};

fn read<'de, D, T>(
    d: D,
    from_slug: fn(&str) -> Option<T>,
    what: &str,
    all: &[&str],
) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
{
    let Some(slug) = Option::<String>::deserialize(d)? else {
        return Ok(None);
    };
    from_slug(&slug).map(Some).ok_or_else(|| {
        D::Error::custom(format!(
            "unknown {what} `{slug}`, expected one of: {}",
            all.join(", ")
        ))
    })
}

fn write<S: Serializer>(slug: Option<&'static str>, s: S) -> Result<S::Ok, S::Error> {
    match slug {
        Some(slug) => s.serialize_some(slug),
        None => s.serialize_none(),
    }
}

pub mod security_opt {
    use super::*;

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<ConnectionSecurity>, D::Error> {
        let all = ConnectionSecurity::ALL.map(ConnectionSecurity::slug);
        read(
            d,
            ConnectionSecurity::from_slug,
            "connection security",
            &all,
        )
    }

    pub fn serialize<S: Serializer>(
        v: &Option<ConnectionSecurity>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        write(v.map(ConnectionSecurity::slug), s)
    }
}

pub mod authentication_opt {
    use super::*;

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Authentication>, D::Error> {
        let all = Authentication::ALL.map(Authentication::slug);
        read(d, Authentication::from_slug, "authentication", &all)
    }

    pub fn serialize<S: Serializer>(v: &Option<Authentication>, s: S) -> Result<S::Ok, S::Error> {
        write(v.map(Authentication::slug), s)
    }
}

pub mod preset_opt {
    use super::*;

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<SettingsPreset>, D::Error> {
        let all = SettingsPreset::ALL.map(SettingsPreset::slug);
        read(d, SettingsPreset::from_slug, "settings preset", &all)
    }

    pub fn serialize<S: Serializer>(v: &Option<SettingsPreset>, s: S) -> Result<S::Ok, S::Error> {
        write(v.map(SettingsPreset::slug), s)
    }
}

//! `cargo +nightly fuzz run smtp_session`: see ../README.md.
#![no_main]

#[path = "../../protocols/tests/drive/mod.rs"]
mod drive;

libfuzzer_sys::fuzz_target!(|data: &[u8]| drive::session(facteur_protocols::Service::Smtp, data));

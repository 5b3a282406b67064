//! `cargo +nightly fuzz run pop3_session`: see ../README.md.
#![no_main]

#[path = "../../protocols/tests/drive/mod.rs"]
mod drive;

libfuzzer_sys::fuzz_target!(|data: &[u8]| drive::session(facteur_protocols::Service::Pop3, data));

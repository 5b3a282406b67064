//! `cargo +nightly fuzz run files`: see ../README.md.
#![no_main]

#[path = "../../protocols/tests/drive/mod.rs"]
mod drive;

libfuzzer_sys::fuzz_target!(|data: &[u8]| drive::files(data));

//! Compiles the lessons into the site: every file under `lessons/` is read and checked
//! here, so a malformed lesson fails the build with its file, line and reason, and the
//! page never fetches a lesson at run time.

use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let lessons = root.join("lessons");
    for lang in facteur_lessons::LANGUAGES {
        println!("cargo:rerun-if-changed={}", lessons.join(lang).display());
    }
    let course = match facteur_lessons::load(&lessons) {
        Ok(course) => course,
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            panic!(
                "{} problem(s) in the lesson files (listed above)",
                errors.len()
            );
        }
    };
    let json = serde_json::to_string(&course).unwrap_or_default();
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("course.json");
    if let Err(e) = std::fs::write(&out, json) {
        panic!("cannot write {}: {e}", out.display());
    }
}

//! What Trunk's build lacks for hosting, added to the built site after each build (Trunk.toml
//! runs `cargo xtask seal-site` as its post-build hook): the service worker that keeps the
//! site for offline use, listing this build's files, and the build's identity in index.html.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use sha2::{Digest, Sha256};

/// The service worker's source; `__FACTEUR_SHELL__` stands where the build's list goes.
const WORKER: &str = include_str!("../../static/sw.js");
const SHELL: &str = "__FACTEUR_SHELL__";
/// The worker is written beside index.html; it is not in its own list (the browser fetches
/// it itself to see whether a new build is out).
const WORKER_FILE: &str = "sw.js";
/// Where index.html says which build it is (`<meta name="facteur-build" content="…">`).
const BUILD_META: &str = r#"<meta name="facteur-build" content=""#;

/// Seals the built site in `dir`: stamps index.html with the build's identity and writes the
/// service worker. Running it again on a sealed site changes nothing. Returns the identity.
pub fn seal(dir: &Path) -> Result<String> {
    let index_path = dir.join("index.html");
    let index = std::fs::read_to_string(&index_path)
        .with_context(|| format!("reading {}", index_path.display()))?;
    if index.contains(crate::first_screen::START) {
        write_courses(dir)?;
    }
    let files = files(dir)?;
    let index = with_first_screen(dir, &files, index)?;
    let mut hasher = Sha256::new();
    for name in &files {
        let bytes = if name == "index.html" {
            stamp(&index, "").into_bytes()
        } else {
            std::fs::read(dir.join(name)).with_context(|| format!("reading {name}"))?
        };
        hasher.update(name.as_bytes());
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(&bytes);
    }
    let build: String = hasher.finalize()[..6]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    std::fs::write(&index_path, stamp(&index, &build)).context("writing index.html")?;
    // Each language's course, and the lesson reader, are fetched when the page needs them,
    // not with the shell: a learner downloads one language and no reader. A school's own
    // lessons (lessons/) are asked of the server each time, so none is kept here.
    let (data, shell_files): (Vec<&String>, Vec<&String>) = files
        .iter()
        .filter(|f| !f.starts_with("lessons/"))
        .partition(|f| on_demand(f));
    let shell = serde_json::json!({ "build": build, "files": shell_files, "data": data });
    if !WORKER.contains(SHELL) {
        bail!("static/sw.js has no {SHELL} to fill in");
    }
    std::fs::write(
        dir.join(WORKER_FILE),
        WORKER.replace(SHELL, &shell.to_string()),
    )
    .context("writing sw.js")?;
    Ok(build)
}

/// index.html with its first screen written in (see `first_screen`), sized for this build's
/// wasm. A page without the first screen's place (the bench's floor page) is left alone.
fn with_first_screen(dir: &Path, files: &[String], index: String) -> Result<String> {
    if !index.contains("<!-- first-screen -->") {
        return Ok(index);
    }
    let wasm_bytes = match files.iter().find(|f| f.ends_with(".wasm") && !on_demand(f)) {
        Some(wasm) => std::fs::metadata(dir.join(wasm))
            .with_context(|| format!("reading {wasm}"))?
            .len(),
        None => 0,
    };
    let markup = crate::first_screen::markup(&lessons_dir(), wasm_bytes)?;
    crate::first_screen::place(&index, &markup)
}

/// Writes each language's course as `course-<lang>.json` beside index.html, read from the
/// lesson files as the site's own build reads them.
fn write_courses(dir: &Path) -> Result<()> {
    let course = crate::first_screen::course(&lessons_dir())?;
    for (lang, lessons) in &course.languages {
        let path = dir.join(format!("course-{lang}.json"));
        let json = serde_json::to_string(lessons).context("writing the course as JSON")?;
        std::fs::write(&path, json).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

/// The lesson files, beside xtask in the workspace.
fn lessons_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../lessons")
}

/// Whether a file of the site is fetched only when the page needs it: one language's
/// course, or the lesson reader (a web worker, src/bin/lesson-reader.rs).
pub fn on_demand(name: &str) -> bool {
    (name.starts_with("course-") && name.ends_with(".json")) || name.starts_with(READER)
}

/// The start of the lesson reader's file names (its script, loader and wasm).
const READER: &str = "lesson-reader";

/// Every file under `dir`, as paths relative to it with `/`, sorted, without the worker.
fn files(dir: &Path) -> Result<Vec<String>> {
    let found: Vec<String> = every_file(dir)?
        .into_iter()
        .filter(|name| name != WORKER_FILE)
        .collect();
    if !found.iter().any(|f| f == "index.html") {
        bail!("{} holds no index.html", dir.display());
    }
    Ok(found)
}

/// Every file under `dir`, as paths relative to it with `/`, sorted.
pub fn every_file(dir: &Path) -> Result<Vec<String>> {
    let mut found = Vec::new();
    let mut folders: Vec<PathBuf> = vec![dir.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in
            std::fs::read_dir(&folder).with_context(|| format!("reading {}", folder.display()))?
        {
            let path = entry?.path();
            if path.is_dir() {
                folders.push(path);
            } else if let Ok(relative) = path.strip_prefix(dir) {
                found.push(
                    relative
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy())
                        .collect::<Vec<_>>()
                        .join("/"),
                );
            }
        }
    }
    found.sort();
    Ok(found)
}

/// index.html with the build meta's content set to `build` (a page without the meta, such as
/// the bench's floor page, is left as it is).
fn stamp(index: &str, build: &str) -> String {
    let Some(start) = index.find(BUILD_META) else {
        return index.to_owned();
    };
    let value = start + BUILD_META.len();
    let end = index[value..].find('"').map_or(index.len(), |n| value + n);
    format!("{}{build}{}", &index[..value], &index[end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(index: &str, wasm: &[u8]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("index.html"), index).expect("index");
        std::fs::create_dir(dir.path().join("icons")).expect("icons");
        std::fs::write(dir.path().join("icons/icon.svg"), "<svg/>").expect("icon");
        std::fs::write(dir.path().join("app_bg.wasm"), wasm).expect("wasm");
        dir
    }

    const INDEX: &str = r#"<head><meta name="facteur-build" content="" /></head>"#;

    #[test]
    fn the_worker_lists_every_file_and_the_page_names_the_build() {
        let dir = site(INDEX, b"\0asm");
        let build = seal(dir.path()).expect("sealed");
        let worker = std::fs::read_to_string(dir.path().join("sw.js")).expect("worker");
        assert!(worker.contains(&format!(
            r#"{{"build":"{build}","data":[],"files":["app_bg.wasm","icons/icon.svg","index.html"]}}"#
        )));
        let index = std::fs::read_to_string(dir.path().join("index.html")).expect("index");
        assert!(index.contains(&format!(r#"content="{build}""#)));
        // Sealed again, nothing changes: the identity ignores its own stamp and the worker.
        assert_eq!(seal(dir.path()).expect("again"), build);
    }

    #[test]
    fn the_site_gets_each_language_s_course_which_the_worker_keeps_only_once_asked() {
        let index = format!(
            "{INDEX}<body><div id=\"first-screen\">{}{}</div></body>",
            crate::first_screen::START,
            "<!-- /first-screen -->"
        );
        let dir = site(&index, b"\0asm");
        let build = seal(dir.path()).expect("sealed");
        let worker = std::fs::read_to_string(dir.path().join("sw.js")).expect("worker");
        assert!(worker.contains(&format!(
            r#"{{"build":"{build}","data":["course-en.json","course-fr.json"],"files":["app_bg.wasm","icons/icon.svg","index.html"]}}"#
        )), "{worker}");
        for (lang, title) in [
            ("en", "The journey of an email"),
            ("fr", "Le voyage d’un courriel"),
        ] {
            let json = std::fs::read_to_string(dir.path().join(format!("course-{lang}.json")))
                .expect("a course file");
            let lessons: Vec<serde_json::Value> = serde_json::from_str(&json).expect("JSON");
            assert_eq!(lessons.len(), 16);
            assert_eq!(lessons[0]["title"], title);
        }
    }

    #[test]
    fn a_changed_file_is_a_new_build() {
        let one = seal(site(INDEX, b"\0asm one").path()).expect("one");
        let two = seal(site(INDEX, b"\0asm two").path()).expect("two");
        assert_ne!(one, two);
        assert_eq!(one.len(), 12);
    }

    /// The Pages workflow and the README build the site the same way.
    #[test]
    fn the_pages_workflow_builds_with_the_readme_command() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let workflow = std::fs::read_to_string(root.join(".github/workflows/pages.yml"))
            .expect("the Pages workflow");
        let readme = std::fs::read_to_string(root.join("README.md")).expect("README");
        assert!(workflow.contains("- run: cargo xtask build\n"));
        assert!(workflow.contains("path: dist\n"));
        assert!(readme.contains("```bash\ncargo xtask build\n```"));
    }

    #[test]
    fn a_folder_without_a_page_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(seal(dir.path()).is_err());
    }
}

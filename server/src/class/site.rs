//! The built site, as the class server serves it: a copy of `dist/` beside brotli and gzip
//! copies of every text file and the wasm (tower-http's `ServeDir` picks the one the
//! browser accepts), with the headers the README asks a host for.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use axum::extract::Request;
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, X_CONTENT_TYPE_OPTIONS};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;

/// The README's Content-Security-Policy. `connect-src 'self'` covers the page's own
/// WebSocket (CSP Level 3 §6.7.2.9 lets `'self'` match `ws:` on the same host and port).
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors 'none'";

/// The files worth compressing, by extension.
const COMPRESSED: [&str; 9] = [
    "html",
    "js",
    "css",
    "wasm",
    "svg",
    "json",
    "webmanifest",
    "txt",
    "toml",
];

/// This repository's `dist/`, where `cargo xtask build` puts the site.
fn repository_dist() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../dist")
}

/// The site to serve, ready: `dist` (or the repository's, built first if it is missing)
/// copied to `into` with its compressed copies. Returns `into`.
pub fn prepare(dist: Option<&Path>, into: &Path) -> Result<PathBuf, String> {
    let dist = match dist {
        Some(d) => d.to_path_buf(),
        None => {
            let d = repository_dist();
            if !d.join("index.html").is_file() {
                build(&d)?;
            }
            d
        }
    };
    if !dist.join("index.html").is_file() {
        return Err(format!(
            "{} holds no built site (no index.html); build it with `cargo xtask build`",
            dist.display()
        ));
    }
    if into.exists() {
        std::fs::remove_dir_all(into)
            .map_err(|e| format!("cannot empty {}: {e}", into.display()))?;
    }
    copy(&dist, into).map_err(|e| format!("cannot copy the site to {}: {e}", into.display()))?;
    Ok(into.to_path_buf())
}

/// Builds the site with the repository's own command, saying so: the first build installs
/// the tools and takes minutes.
fn build(dist: &Path) -> Result<(), String> {
    let root = dist.parent().unwrap_or(Path::new("."));
    println!(
        "no built site in {}: building it with `cargo xtask build` (the first time takes several minutes)",
        dist.display()
    );
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["xtask", "build"])
        .current_dir(root)
        .status()
        .map_err(|e| format!("cannot run `cargo xtask build`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err("`cargo xtask build` failed; its output above says why".into())
    }
}

/// Copies a folder, adding `.br` and `.gz` beside each file worth compressing.
fn copy(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        if entry.file_type()?.is_dir() {
            copy(&source, &target)?;
            continue;
        }
        let bytes = std::fs::read(&source)?;
        std::fs::write(&target, &bytes)?;
        let ext = source.extension().and_then(|e| e.to_str()).unwrap_or("");
        if COMPRESSED.contains(&ext) {
            std::fs::write(with_suffix(&target, "br"), brotli(&bytes)?)?;
            std::fs::write(with_suffix(&target, "gz"), gzip(&bytes)?)?;
        }
    }
    Ok(())
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

fn brotli(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        // Quality 9 is within a few per cent of 11 and many times faster at start-up.
        let mut w = brotli::CompressorWriter::new(&mut out, 64 * 1024, 9, 22);
        w.write_all(bytes)?;
    }
    Ok(out)
}

fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut w = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    w.write_all(bytes)?;
    w.finish()
}

/// Whether a file's name carries its content's hash (`facteur-25018ebc0bcc8508_bg.wasm`):
/// then it never changes and may be kept for a year.
fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.split('.').next().unwrap_or(name);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        (12..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

/// The README's headers: the policy everywhere; a year for hashed files, asking again for
/// the rest (the service worker makes that cheap); never guessing types.
pub async fn headers(request: Request, next: Next) -> Response {
    let hashed = is_hashed(request.uri().path());
    let api = request.uri().path().starts_with("/class/");
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    h.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    let cache = if api {
        "no-store"
    } else if hashed {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    h.insert(CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_told_apart() {
        assert!(is_hashed("/facteur-25018ebc0bcc8508_bg.wasm"));
        assert!(is_hashed("/style-5aa810f93322315f.css"));
        assert!(!is_hashed("/index.html"));
        assert!(!is_hashed("/lesson-reader_bg.wasm"));
        assert!(!is_hashed("/course-en.json"));
    }

    #[test]
    fn a_site_is_copied_with_compressed_copies() {
        let base = std::env::temp_dir().join(format!("facteur-site-test-{}", std::process::id()));
        let (dist, into) = (base.join("dist"), base.join("served"));
        std::fs::create_dir_all(dist.join("icons")).expect("dirs");
        let html = "<!doctype html><title>Facteur</title>".repeat(50);
        std::fs::write(dist.join("index.html"), &html).expect("html");
        std::fs::write(dist.join("icons/icon.png"), [0_u8; 16]).expect("png");
        prepare(Some(&dist), &into).expect("prepared");
        assert_eq!(
            std::fs::read_to_string(into.join("index.html")).ok(),
            Some(html.clone())
        );
        let br = std::fs::read(into.join("index.html.br")).expect("br");
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut br.as_slice(), &mut back).expect("brotli");
        assert_eq!(back, html.as_bytes());
        assert!(into.join("index.html.gz").is_file());
        assert!(into.join("icons/icon.png").is_file());
        assert!(
            !into.join("icons/icon.png.br").exists(),
            "images are not compressed"
        );
        assert!(prepare(Some(&base.join("nowhere")), &into).is_err());
        let _ = std::fs::remove_dir_all(base);
    }
}

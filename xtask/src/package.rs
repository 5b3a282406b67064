//! `cargo xtask package`: the built site as one zip a school hosts without Rust, Node or a
//! build: `facteur-site-<version>/` holding `site/` (the release build, relative
//! addresses), `HOSTING.txt` (what to do with it, in a few steps) and the README's nginx
//! and Apache lines as `nginx.conf` and `apache.conf`. The release workflow attaches it to
//! a tagged release.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// Where packages are written, under the workspace root.
pub const OUT: &str = "target/package";

/// The few steps a teacher follows, in the zip beside the site.
const HOSTING: &str = include_str!("HOSTING.txt");

/// Zips the site built in `dist` (under `root`); returns the zip's path.
pub fn package(root: &Path, dist: &Path) -> Result<PathBuf> {
    if !dist.join("index.html").is_file() {
        bail!("{} holds no built site (index.html)", dist.display());
    }
    let version = version(&std::fs::read_to_string(root.join("Cargo.toml"))?)?;
    let readme = std::fs::read_to_string(root.join("README.md")).context("reading README.md")?;
    let name = format!("facteur-site-{version}");
    let out = root.join(OUT);
    std::fs::create_dir_all(&out).with_context(|| format!("creating {}", out.display()))?;
    let path = out.join(format!("{name}.zip"));
    let file =
        std::fs::File::create(&path).with_context(|| format!("creating {}", path.display()))?;
    let mut zip = ZipWriter::new(file);
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .unix_permissions(0o644);
    let mut add = |inside: &str, bytes: &[u8]| -> Result<()> {
        zip.start_file(format!("{name}/{inside}"), options)?;
        zip.write_all(bytes)?;
        Ok(())
    };
    add("HOSTING.txt", HOSTING.as_bytes())?;
    add("nginx.conf", block(&readme, "nginx")?.as_bytes())?;
    add("apache.conf", block(&readme, "apache")?.as_bytes())?;
    for inside in crate::site::every_file(dist)? {
        let file = dist.join(&inside);
        let bytes = std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
        add(&format!("site/{inside}"), &bytes)?;
    }
    zip.finish()?;
    Ok(path)
}

/// The site's version: the `version` of the root crate's `[package]`.
fn version(manifest: &str) -> Result<String> {
    let package = manifest
        .split("\n[")
        .find(|section| section.trim_start_matches('[').starts_with("package]"))
        .context("Cargo.toml has no [package]")?;
    package
        .lines()
        .find_map(|l| l.trim().strip_prefix("version = \""))
        .and_then(|v| v.strip_suffix('"'))
        .map(str::to_owned)
        .context("Cargo.toml's [package] has no version")
}

/// The first fenced block of `lang` in the README: the hosting lines it documents (and the
/// hosting test checks), so the zip's copies never drift from them.
fn block(readme: &str, lang: &str) -> Result<String> {
    let fence = format!("```{lang}\n");
    let start = readme
        .find(&fence)
        .with_context(|| format!("the README has no ```{lang} block"))?
        + fence.len();
    let end = readme[start..]
        .find("```")
        .with_context(|| format!("the README's ```{lang} block does not end"))?;
    Ok(readme[start..start + end].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn the_version_is_the_root_packages() {
        let manifest = "[workspace]\nmembers = []\n\n[workspace.package]\nversion = \"9.9.9\"\n\n[package]\nname = \"facteur\"\nversion = \"0.3.1\"\n";
        assert_eq!(version(manifest).expect("found"), "0.3.1");
        assert!(version("[workspace]\n").is_err());
    }

    #[test]
    fn the_zip_holds_the_site_the_steps_and_the_readmes_server_lines() {
        let root = tempfile::tempdir().expect("temp");
        let dist = root.path().join("dist");
        std::fs::create_dir_all(dist.join("icons")).expect("dist");
        std::fs::write(dist.join("index.html"), "<!doctype html>").expect("index");
        std::fs::write(dist.join("icons/icon.svg"), "<svg/>").expect("icon");
        std::fs::write(
            root.path().join("Cargo.toml"),
            "[package]\nname = \"facteur\"\nversion = \"1.2.3\"\n",
        )
        .expect("manifest");
        std::fs::write(
            root.path().join("README.md"),
            "# x\n```nginx\nlocation / {}\n```\n```apache\nAddType application/wasm .wasm\n```\n",
        )
        .expect("readme");
        let path = package(root.path(), &dist).expect("packaged");
        assert!(path.ends_with("target/package/facteur-site-1.2.3.zip"));
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).expect("zip")).expect("read");
        let mut names: Vec<String> = zip.file_names().map(str::to_owned).collect();
        names.sort();
        assert_eq!(
            names,
            [
                "facteur-site-1.2.3/HOSTING.txt",
                "facteur-site-1.2.3/apache.conf",
                "facteur-site-1.2.3/nginx.conf",
                "facteur-site-1.2.3/site/icons/icon.svg",
                "facteur-site-1.2.3/site/index.html",
            ]
        );
        let mut nginx = String::new();
        zip.by_name("facteur-site-1.2.3/nginx.conf")
            .expect("nginx")
            .read_to_string(&mut nginx)
            .expect("text");
        assert_eq!(nginx, "location / {}\n");
        assert!(package(root.path(), &root.path().join("nowhere")).is_err());
    }
}

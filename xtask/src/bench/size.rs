//! What a learner downloads: every file of a built site, raw and as a server would send it
//! compressed, and what the wasm is made of.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::cmd::{cmd, output};

/// One file of a site and its sizes in bytes.
pub struct FileSize {
    pub name: String,
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

/// Every file under `dir` (sorted by name), then the total as a last row named `total`.
pub fn site(dir: &Path) -> Result<Vec<FileSize>> {
    let mut files = Vec::new();
    walk(dir, &mut files)?;
    files.sort();
    let mut rows = Vec::new();
    for path in files {
        let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        let name = path
            .strip_prefix(dir)
            .unwrap_or(&path)
            .to_string_lossy()
            .into_owned();
        rows.push(FileSize {
            name,
            raw: bytes.len(),
            gzip: gzip(&bytes)?,
            brotli: brotli(&bytes)?,
        });
    }
    let total = FileSize {
        name: "total".to_owned(),
        raw: rows.iter().map(|r| r.raw).sum(),
        gzip: rows.iter().map(|r| r.gzip).sum(),
        brotli: rows.iter().map(|r| r.brotli).sum(),
    };
    rows.push(total);
    Ok(rows)
}

fn walk(dir: &Path, into: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, into)?;
        } else {
            into.push(path);
        }
    }
    Ok(())
}

/// gzip at its best level, as a server set up to precompress would send it.
fn gzip(bytes: &[u8]) -> Result<usize> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len())
}

/// Brotli at quality 11 with a 4 MiB window, as static hosts precompress.
fn brotli(bytes: &[u8]) -> Result<usize> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 64 * 1024, 11, 22);
        writer.write_all(bytes)?;
    }
    Ok(out.len())
}

/// The twenty largest items of the wasm, by twiggy, from the build before wasm-bindgen and
/// wasm-opt (the shipped file has no names left to tell them apart). Sections that never
/// reach a learner (names, wasm-bindgen's own) are left out.
pub fn largest(wasm: &Path) -> Result<Vec<(usize, String)>> {
    let path = wasm.to_string_lossy().into_owned();
    let report = output(&mut cmd(
        "twiggy",
        ["top", "-n", "60", "--format", "csv", path.as_str()],
    ))
    .with_context(|| format!("twiggy could not read {path}"))?;
    let mut rows = Vec::new();
    for line in report.lines().skip(1) {
        // Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent: the name
        // may hold commas, the rest do not.
        let fields: Vec<&str> = line.rsplitn(5, ',').collect();
        let [_, _, _, size, name] = fields[..] else {
            continue;
        };
        let Ok(size) = size.parse() else {
            continue;
        };
        let name = name.trim_matches('"').replace("\"\"", "\"");
        // Symbol hashes say nothing to a reader.
        let name = match name.rsplit_once("::h") {
            Some((head, hash)) if hash.len() == 16 => head.to_owned(),
            _ => name,
        };
        let dropped = name.contains("\"function names\" subsection")
            || name.starts_with("custom section")
            || name.starts_with("... and ")
            || name.starts_with('Σ');
        if !dropped {
            rows.push((size, name));
        }
    }
    rows.truncate(20);
    Ok(rows)
}

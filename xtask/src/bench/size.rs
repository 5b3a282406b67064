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
    let mut rows: Vec<(usize, String)> = report.lines().skip(1).filter_map(row).collect();
    rows.truncate(20);
    Ok(rows)
}

/// One row of twiggy's CSV (`Name,ShallowSize,ShallowSizePercent,RetainedSize,
/// RetainedSizePercent`) as size and readable name; None for what is not shipped.
fn row(line: &str) -> Option<(usize, String)> {
    // The name may hold commas, the numbers do not.
    let fields: Vec<&str> = line.rsplitn(5, ',').collect();
    let [_, _, _, size, name] = fields[..] else {
        return None;
    };
    let size = size.parse().ok()?;
    // A quoted CSV field: one quote at each end, and doubled quotes inside.
    let name = match name.strip_prefix('"').and_then(|n| n.strip_suffix('"')) {
        Some(quoted) => quoted.replace("\"\"", "\""),
        None => name.to_owned(),
    };
    // Symbol hashes say nothing to a reader.
    let name = match name.rsplit_once("::h") {
        Some((head, hash)) if hash.len() == 16 => head.to_owned(),
        _ => name,
    };
    let shipped = !(name.contains("\"function names\" subsection")
        || name.starts_with("custom section")
        || name.starts_with("... and ")
        || name.starts_with('Σ'));
    shipped.then_some((size, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twiggy_rows_are_unquoted_and_what_is_not_shipped_is_left_out() {
        assert_eq!(
            row(r#""""function names"" subsection",2246352,35.6,,"#),
            None
        );
        assert_eq!(
            row(r#""data segment "".rodata""",430022,6.8,,"#),
            Some((430_022, "data segment \".rodata\"".to_owned()))
        );
        assert_eq!(
            row("facteur::app::App::h0123456789abcdef,14635,0.2,,"),
            Some((14_635, "facteur::app::App".to_owned()))
        );
        assert_eq!(
            row("custom section '__wasm_bindgen_unstable',650320,10.3,,"),
            None
        );
    }
}

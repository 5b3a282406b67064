//! Installing the pinned tools a build needs, only when they are missing.
//!
//! Only package registries are reachable from our machines, so every tool comes from one:
//! Trunk and wasm-bindgen-cli from crates.io, wasm-opt from npm (`binaryen`, which runs on
//! Node), Chromium from Debian. Trunk is told never to download anything (`offline = true`
//! in Trunk.toml) and finds each tool on PATH at exactly the version pinned there.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::cmd::{cmd, output, run};

/// The Trunk release we build with; 0.22 needs a newer rustc than ours.
const TRUNK_VERSION: &str = "0.21.14";
/// The wasm-opt release that Trunk.toml pins as `version_132`. Debian's wasm-opt 108 breaks
/// wasm-bindgen's externref table at start-up, so it must not be the one found first.
const WASM_OPT_VERSION: &str = "version 132";
/// The twiggy release the bench reads the wasm with.
const TWIGGY_VERSION: &str = "0.8.0";
/// The Debian-packaged browser the e2e tests drive.
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// A binary installed with `cargo install`.
struct CargoTool<'a> {
    krate: &'a str,
    bin: &'a str,
    /// The name the tool gives itself in `--version`.
    says: &'a str,
    version: &'a str,
    /// `--locked` uses the tool's own lockfile; wasm-bindgen-cli's wants a version the
    /// registry lacks, so it installs without it.
    locked: bool,
}

pub fn workspace_root() -> Result<PathBuf> {
    let xtask_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    xtask_dir
        .parent()
        .map(Path::to_path_buf)
        .context("xtask lives in a folder of the workspace")
}

/// Puts cargo's install folder and the npm-installed wasm-opt first on PATH, for this
/// process and every child it starts.
pub fn prepare_path() -> Result<()> {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .context("neither CARGO_HOME nor HOME is set")?;
    let wasm_opt_bin = workspace_root()?.join("xtask/node/node_modules/.bin");
    let old = std::env::var_os("PATH").unwrap_or_default();
    let dirs = [wasm_opt_bin, cargo_home.join("bin")]
        .into_iter()
        .chain(std::env::split_paths(&old));
    let path = std::env::join_paths(dirs).context("PATH holds an unusable folder")?;
    // Single-threaded at this point: nothing else reads the environment concurrently.
    std::env::set_var("PATH", path);
    Ok(())
}

pub fn ensure_wasm_target() -> Result<()> {
    let installed = output(&mut cmd("rustup", ["target", "list", "--installed"]));
    if installed.is_some_and(|list| list.lines().any(|l| l == "wasm32-unknown-unknown")) {
        return Ok(());
    }
    run(&mut cmd(
        "rustup",
        ["target", "add", "wasm32-unknown-unknown"],
    ))
}

pub fn ensure_trunk() -> Result<()> {
    ensure_cargo_tool(&CargoTool {
        krate: "trunk",
        bin: "trunk",
        says: "trunk",
        version: TRUNK_VERSION,
        locked: true,
    })
}

/// wasm-bindgen-cli must be exactly the wasm-bindgen in Cargo.lock, and Trunk.toml must pin
/// that same version, or Trunk would try to download its own.
pub fn ensure_wasm_bindgen() -> Result<()> {
    let root = workspace_root()?;
    let locked = locked_version(&root.join("Cargo.lock"), "wasm-bindgen")?;
    let trunk_toml =
        std::fs::read_to_string(root.join("Trunk.toml")).context("reading Trunk.toml")?;
    let pinned = format!("wasm_bindgen = \"{locked}\"");
    if !trunk_toml.lines().any(|l| l.trim() == pinned) {
        bail!("Trunk.toml must pin `{pinned}` to match Cargo.lock");
    }
    ensure_cargo_tool(&CargoTool {
        krate: "wasm-bindgen-cli",
        bin: "wasm-bindgen",
        says: "wasm-bindgen",
        version: &locked,
        locked: false,
    })
}

/// twiggy, which `cargo xtask bench` asks what the wasm is made of.
pub fn ensure_twiggy() -> Result<()> {
    ensure_cargo_tool(&CargoTool {
        krate: "twiggy",
        bin: "twiggy",
        says: "twiggy-opt",
        version: TWIGGY_VERSION,
        locked: true,
    })
}

/// wasm-opt from npm `binaryen`, locked by `xtask/node/package-lock.json`.
pub fn ensure_wasm_opt() -> Result<()> {
    ensure_npm_packages(&workspace_root()?.join("xtask/node"))?;
    let version = output(&mut cmd("wasm-opt", ["--version"])).unwrap_or_default();
    if !version.contains(WASM_OPT_VERSION) {
        bail!(
            "wasm-opt on PATH reports `{}`, expected {WASM_OPT_VERSION}",
            version.trim()
        );
    }
    Ok(())
}

/// Installs an npm folder's locked packages when they are absent or older than the lockfile.
pub fn ensure_npm_packages(dir: &Path) -> Result<()> {
    let lock = dir.join("package-lock.json");
    let installed = dir.join("node_modules/.package-lock.json");
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(&lock), modified(&installed)) {
        (None, _) => bail!("{} is missing", lock.display()),
        (Some(l), Some(i)) if i >= l => Ok(()),
        _ => run(cmd("npm", ["ci", "--no-audit", "--no-fund"]).current_dir(dir)),
    }
}

/// Debian's Chromium, which the browser tests drive.
pub fn ensure_chromium() -> Result<()> {
    ensure_debian_package(CHROMIUM, "chromium", "the browser tests")
}

/// curl, one of the real clients the native server is tested with.
pub fn ensure_curl() -> Result<()> {
    ensure_debian_package("/usr/bin/curl", "curl", "the server's real-client tests")
}

/// Dovecot, the peer of the IMAP conformance run, with the `vmail` user that owns its
/// mail (Dovecot refuses uid 0). Only root can install or run it; for anyone else the run
/// is skipped, and this says why.
pub fn ensure_dovecot() -> Result<(), String> {
    let uid = output(&mut cmd("id", ["-u"])).unwrap_or_default();
    if uid.trim() != "0" {
        return Err("Dovecot needs root to install and to run as its mail user".into());
    }
    ensure_debian_package(
        "/usr/sbin/dovecot",
        "dovecot-imapd",
        "the IMAP conformance run",
    )
    .map_err(|e| format!("{e:#}"))?;
    let has_vmail = cmd("id", ["vmail"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !has_vmail {
        run(&mut cmd(
            "useradd",
            ["--system", "--shell", "/usr/sbin/nologin", "vmail"],
        ))
        .map_err(|e| format!("{e:#}"))?;
    }
    Ok(())
}

/// The `openssl` command, which the TLS tests use as a client (`s_client`) and to make and
/// read certificates. Debian ships it with ca-certificates, but a minimal image may lack it.
pub fn ensure_openssl() -> Result<()> {
    ensure_debian_package("/usr/bin/openssl", "openssl", "the TLS tests")
}

/// Where the hosting test finds nginx, to serve the site with the README's lines.
pub const NGINX: &str = "/usr/sbin/nginx";

/// Debian's nginx, for the browser test that serves the site with the README's nginx lines
/// (sub-path, types, caching, Content-Security-Policy). Optional, like Dovecot: where it
/// cannot be installed the test serves the same policy from its own small server.
pub fn ensure_nginx() -> Result<(), String> {
    ensure_debian_package(NGINX, "nginx-light", "the hosting test").map_err(|e| format!("{e:#}"))
}

/// Installs a Debian package with apt when its program is missing and we are root;
/// otherwise says exactly what to install.
fn ensure_debian_package(program: &str, package: &str, needed_by: &str) -> Result<()> {
    if Path::new(program).exists() {
        return Ok(());
    }
    let uid = output(&mut cmd("id", ["-u"])).unwrap_or_default();
    if uid.trim() != "0" {
        bail!(
            "{needed_by} need Debian's {package} at {program}; install it with \
             `sudo apt-get install {package}` and run again"
        );
    }
    run(&mut cmd("apt-get", ["update"]))?;
    run(cmd(
        "apt-get",
        ["install", "-y", "--no-install-recommends", package],
    )
    .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// Trunk runs cargo with `--offline`, so every crate must already be downloaded.
pub fn fetch_crates() -> Result<()> {
    run(&mut cmd("cargo", ["fetch", "--quiet"]))
}

fn ensure_cargo_tool(tool: &CargoTool) -> Result<()> {
    let reported = output(&mut cmd(tool.bin, ["--version"])).unwrap_or_default();
    let wanted = format!("{} {}", tool.says, tool.version);
    if reported.lines().any(|l| l.trim() == wanted) {
        return Ok(());
    }
    println!(
        "installing {} {} (one time only; this can take a few minutes)",
        tool.krate, tool.version
    );
    let mut install = cmd("cargo", ["install", tool.krate, "--version", tool.version]);
    if tool.locked {
        install.arg("--locked");
    }
    run(&mut install)
}

/// The version of a package as recorded in Cargo.lock.
fn locked_version(lockfile: &Path, package: &str) -> Result<String> {
    let text = std::fs::read_to_string(lockfile).context("reading Cargo.lock")?;
    let name_line = format!("name = \"{package}\"");
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line == name_line {
            if let Some(version) = lines
                .next()
                .and_then(|l| l.strip_prefix("version = \""))
                .and_then(|l| l.strip_suffix('"'))
            {
                return Ok(version.to_owned());
            }
        }
    }
    bail!("Cargo.lock has no `{package}` package")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lockfile(text: &str) -> tempfile::TempPath {
        let mut f = tempfile::NamedTempFile::new().expect("temp file");
        std::io::Write::write_all(&mut f, text.as_bytes()).expect("write");
        f.into_temp_path()
    }

    #[test]
    fn the_locked_version_is_read_for_the_exact_package_name() {
        let lock = lockfile(
            "[[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"9.9.9\"\n\n\
             [[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n",
        );
        assert_eq!(
            locked_version(&lock, "wasm-bindgen").expect("found"),
            "0.2.130"
        );
    }

    #[test]
    fn a_missing_package_is_an_error_not_a_guess() {
        let lock = lockfile("[[package]]\nname = \"leptos\"\nversion = \"0.8.23\"\n");
        assert!(locked_version(&lock, "wasm-bindgen").is_err());
    }

    #[test]
    fn the_workspace_lock_and_trunk_toml_agree_on_wasm_bindgen() {
        let root = workspace_root().expect("root");
        let locked = locked_version(&root.join("Cargo.lock"), "wasm-bindgen").expect("locked");
        let trunk = std::fs::read_to_string(root.join("Trunk.toml")).expect("Trunk.toml");
        assert!(trunk.contains(&format!("wasm_bindgen = \"{locked}\"")));
    }
}

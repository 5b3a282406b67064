//! The README's commands as sequences of steps.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::cmd::{cmd, run};
use crate::tools;

/// Where `serve` builds, so that serving never rewrites the `dist/` a teacher hosts.
const SERVE_DIST: &str = "target/serve-dist";

/// Everything Trunk needs to build the site without downloading anything.
pub fn prepare_site_tools() -> Result<()> {
    tools::prepare_path()?;
    tools::ensure_wasm_target()?;
    tools::ensure_trunk()?;
    tools::ensure_wasm_bindgen()?;
    tools::ensure_wasm_opt()?;
    tools::fetch_crates()
}

/// The release site in `dist/`, for the root of a host or for `public_url` under it.
pub fn build(public_url: Option<&str>) -> Result<()> {
    build_into("dist", public_url)
}

/// The release site in `dist/`, zipped for hosting without a build (`crate::package`).
pub fn package() -> Result<()> {
    build(None)?;
    let root = tools::workspace_root()?;
    let zip = crate::package::package(&root, &root.join("dist"))?;
    println!("wrote {}", zip.display());
    Ok(())
}

/// Where the tests build the site with `--public-url /facteur/`, beside the default `dist/`.
const PREFIXED_DIST: &str = "target/site-facteur";

fn build_into(dist: &str, public_url: Option<&str>) -> Result<()> {
    prepare_site_tools()?;
    let mut trunk = cmd("trunk", ["build", "--release", "--dist", dist]);
    if let Some(url) = public_url {
        trunk.args(["--public-url", url]);
    }
    run(&mut trunk)
}

pub fn serve(port: u16) -> Result<()> {
    prepare_site_tools()?;
    let port = port.to_string();
    println!("Facteur will be served at http://127.0.0.1:{port}/ (Ctrl-C to stop)");
    run(&mut cmd(
        "trunk",
        // No autoreload: its inline script would be kept by the service worker and would
        // break the Content-Security-Policy a host may set.
        [
            "serve",
            "--release",
            "--no-autoreload",
            "--dist",
            SERVE_DIST,
            "--port",
            &port,
        ],
    ))
}

/// One named check of `cargo xtask test` and how it went.
struct Outcome {
    name: &'static str,
    result: Result<()>,
    took: Duration,
}

pub fn test() -> Result<()> {
    prepare_site_tools()?;
    tools::ensure_chromium()?;
    tools::ensure_curl()?;
    tools::ensure_openssl()?;
    let root = tools::workspace_root()?;
    tools::ensure_npm_packages(&root.join("e2e"))?;
    let nginx = tools::ensure_nginx();

    let mut outcomes = Vec::new();
    let mut check = |name, f: &dyn Fn() -> Result<()>| {
        println!("\n=== {name} ===");
        let start = Instant::now();
        let result = f();
        outcomes.push(Outcome {
            name,
            result,
            took: start.elapsed(),
        });
        outcomes.last().is_some_and(|o| o.result.is_ok())
    };

    check("format", &|| {
        run(&mut cmd("cargo", ["fmt", "--all", "--", "--check"]))
    });
    check("clippy", &|| {
        run(&mut cmd(
            "cargo",
            [
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        ))
    });
    check("native tests", &|| {
        run(&mut cmd("cargo", ["test", "--workspace"]))
    });
    check("protocols for wasm32", &|| {
        run(&mut cmd(
            "cargo",
            [
                "build",
                "-p",
                "facteur-protocols",
                "--target",
                "wasm32-unknown-unknown",
            ],
        ))
    });
    // The README's own `cargo xtask build`, hook and all, and its `--public-url` form.
    let site_built = check("release site", &|| {
        build(None)?;
        build_into(PREFIXED_DIST, Some("/facteur/"))
    });
    // The zip a school downloads, made from the site just built, then served unzipped by
    // the browser tests (hosting.test.mjs).
    if site_built {
        check("package", &|| {
            let zip = crate::package::package(&root, &root.join("dist"))?;
            println!("wrote {}", zip.display());
            Ok(())
        });
    }
    // Dovecot is a peer, not a dependency: where it cannot be had, say so and go on.
    let dovecot = tools::ensure_dovecot();
    if dovecot.is_ok() {
        check("IMAP vs Dovecot", &|| {
            run(cmd(
                "cargo",
                [
                    "test",
                    "-p",
                    "facteur-server",
                    "--test",
                    "dovecot",
                    "--",
                    "--nocapture",
                ],
            )
            .env("FACTEUR_DOVECOT", "1"))
        });
    }
    if site_built {
        check("browser tests", &|| browser_tests(&root, nginx.is_ok()));
    }

    println!("\n=== summary ===");
    for o in &outcomes {
        let verdict = if o.result.is_ok() { "ok  " } else { "FAIL" };
        println!("{verdict} {:<22} {:>6.1} s", o.name, o.took.as_secs_f64());
    }
    let failed: Vec<_> = outcomes.iter().filter(|o| o.result.is_err()).collect();
    if let Err(why) = &dovecot {
        println!("skip IMAP vs Dovecot ({why})");
    }
    if !site_built {
        println!("skip browser tests (the site did not build)");
    }
    if let Err(why) = &nginx {
        println!("note: the hosting test served its policy without nginx ({why})");
    }
    if failed.is_empty() && site_built {
        println!("all checks passed");
        return Ok(());
    }
    for o in &failed {
        if let Err(err) = &o.result {
            eprintln!("{}: {err:#}", o.name);
        }
    }
    bail!("{} check(s) failed", failed.len().max(1))
}

/// node's own test runner over `e2e/*.test.mjs`, against the release build in `dist/`.
fn browser_tests(root: &std::path::Path, nginx: bool) -> Result<()> {
    let e2e = root.join("e2e");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&e2e)
        .context("reading e2e/")?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("e2e/ holds no *.test.mjs file");
    }
    // The class tests start the class server the native tests built.
    run(&mut cmd("cargo", ["build", "-p", "facteur-server"]))?;
    let mut node = cmd("node", ["--test", "--test-concurrency=1"]);
    node.args(&files)
        .env("FACTEUR_SERVER", root.join("target/debug/facteur-server"))
        .env("FACTEUR_ROOT", root)
        .env("FACTEUR_DIST", root.join("dist"))
        .env("FACTEUR_DIST_FACTEUR", root.join(PREFIXED_DIST))
        .env("FACTEUR_PACKAGES", root.join(crate::package::OUT))
        .env("FACTEUR_CHROMIUM", tools::CHROMIUM);
    if nginx {
        node.env("FACTEUR_NGINX", tools::NGINX);
    }
    run(&mut node)
}

//! `cargo xtask bench`: size, start-up, latency, engine speed, a peer and memory, in one
//! table written to `bench/RESULTS.md`. It is a measurement, not a test: it fails only when
//! something cannot be measured, and says which budget is missed and by how much.
//!
//! Our machines are shared and noisy, so every timing stands beside a reference taken in
//! the same run (a bare Leptos page, a plain `write!` of the same octets, Dovecot), and the
//! budgets that can be ratios are.

mod report;
mod size;

use std::path::Path;

use anyhow::{bail, Context, Result};
use serde_json::Value;

use crate::cmd::{cmd, output, run};
use crate::tools;
use report::Report;

/// Where the bench builds, so it never rewrites the `dist/` a teacher hosts.
const SITE: &str = "target/bench/site";
const FLOOR: &str = "target/bench/floor";
/// The site's wasm before wasm-bindgen and wasm-opt, which still has its names.
const NAMED_WASM: &str = "target/wasm32-unknown-unknown/wasm-release/facteur.wasm";

pub fn bench() -> Result<()> {
    crate::steps::prepare_site_tools()?;
    tools::ensure_chromium()?;
    tools::ensure_twiggy()?;
    let root = tools::workspace_root()?;
    tools::ensure_npm_packages(&root.join("e2e"))?;
    let dovecot = tools::ensure_dovecot();

    run(&mut cmd("trunk", ["build", "--release", "--dist", SITE]))?;
    run(&mut cmd(
        "trunk",
        [
            "build",
            "--release",
            "--dist",
            FLOOR,
            "bench/floor/index.html",
        ],
    ))?;
    let mut report = Report::new(machine(&root));
    report.sizes(
        &size::site(&root.join(SITE))?,
        &size::site(&root.join(FLOOR))?,
    );
    report.largest(&size::largest(&root.join(NAMED_WASM))?);

    let browser = browser(&root)?;
    report.browser(&browser);
    report.engine(&engine(&root)?);
    let peer = peer(&root, dovecot.as_ref().err())?;
    report.peer(&peer, dovecot);
    report.class(&class(&root)?);

    let text = report.finish();
    println!("\n{text}");
    let path = root.join("bench/RESULTS.md");
    std::fs::write(&path, &text).with_context(|| format!("writing {}", path.display()))?;
    println!("written to {}", path.display());
    Ok(())
}

/// What ran the bench, for the top of the results.
fn machine(root: &Path) -> Vec<String> {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|l| l.trim_start_matches([' ', '\t', ':']).to_owned())
        .unwrap_or_else(|| "an unknown CPU".to_owned());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))
                .and_then(|kb| kb.trim().trim_end_matches(" kB").parse::<u64>().ok())
        })
        .map_or_else(String::new, |kb| {
            format!(", {:.0} GiB", kb as f64 / 1024.0 / 1024.0)
        });
    let quiet = |program: &str, args: &[&str]| {
        output(cmd(program, args).current_dir(root))
            .map(|s| s.trim().to_owned())
            .unwrap_or_default()
    };
    vec![
        format!("{cpu}, {cores} cores{memory}"),
        quiet("rustc", &["--version"]),
        format!(
            "commit {} on {}",
            quiet("git", &["rev-parse", "--short", "HEAD"]),
            quiet("date", &["-u", "+%Y-%m-%d %H:%M UTC"])
        ),
    ]
}

/// Start-up, forced layouts, latency and the wasm's memory, from `e2e/bench.mjs`.
fn browser(root: &Path) -> Result<Value> {
    let out = root.join("target/bench/browser.json");
    let _ = std::fs::remove_file(&out);
    let mut node = cmd("node", ["bench.mjs"]);
    node.arg(root.join(SITE))
        .arg(root.join(FLOOR))
        .arg(&out)
        .current_dir(root.join("e2e"))
        .env("FACTEUR_CHROMIUM", tools::CHROMIUM);
    run(&mut node)?;
    read_json(&out)
}

/// Criterion's medians for the engine bench, by `group/function`, in nanoseconds.
fn engine(root: &Path) -> Result<Vec<(String, f64)>> {
    let results = root.join("target/criterion");
    let _ = std::fs::remove_dir_all(&results);
    run(&mut cmd(
        "cargo",
        ["bench", "-p", "facteur-protocols", "--bench", "engine"],
    ))?;
    let mut found = Vec::new();
    collect_estimates(&results, &mut found)?;
    if found.is_empty() {
        bail!("Criterion wrote no estimates under {}", results.display());
    }
    Ok(found)
}

fn collect_estimates(dir: &Path, found: &mut Vec<(String, f64)>) -> Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if !path.is_dir() {
            continue;
        }
        let new = path.join("new");
        if new.join("benchmark.json").is_file() {
            let id = read_json(&new.join("benchmark.json"))?;
            let estimates = read_json(&new.join("estimates.json"))?;
            let name = id["full_id"].as_str().unwrap_or_default().to_owned();
            let median = estimates["median"]["point_estimate"]
                .as_f64()
                .context("an estimate without a median")?;
            found.push((name, median));
        } else if path.file_name().is_some_and(|n| n != "report") {
            collect_estimates(&path, found)?;
        }
    }
    Ok(())
}

/// The peer workload against facteur-server and, where it could be had, Dovecot.
fn peer(root: &Path, no_dovecot: Option<&String>) -> Result<Value> {
    let dovecot: &[(&str, &str)] = if no_dovecot.is_none() {
        &[("FACTEUR_DOVECOT", "1")]
    } else {
        &[]
    };
    server_bench(root, "peer", dovecot)
}

/// One of facteur-server's benches, its figures read from the JSON it writes.
fn server_bench(root: &Path, name: &str, env: &[(&str, &str)]) -> Result<Value> {
    let out = root.join(format!("target/bench/{name}.json"));
    let _ = std::fs::remove_file(&out);
    let mut bench = cmd("cargo", ["bench", "-p", "facteur-server", "--bench", name]);
    bench
        .env("FACTEUR_BENCH_OUT", &out)
        .envs(env.iter().copied());
    run(&mut bench)?;
    read_json(&out)
}

/// A class of 30 students over WebSocket against the class server.
fn class(root: &Path) -> Result<Value> {
    server_bench(root, "class", &[])
}

fn read_json(path: &Path) -> Result<Value> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("{} is not JSON", path.display()))
}

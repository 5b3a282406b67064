//! `cargo xtask serve | test | build | package | bench`: the two commands of the README, and their
//! parts.
//!
//! Each command first installs whatever this machine lacks, at pinned versions, so a fresh
//! clone needs nothing by hand. See `tools.rs` for what is installed and why.

mod bench;
mod cmd;
mod first_screen;
mod package;
mod site;
mod steps;
mod tools;

use anyhow::{bail, Context, Result};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve [--port N]   install what is missing, build, serve the site on http://127.0.0.1:8080
  test               install what is missing, run every check (fmt, clippy, tests, site, browser)
  build [--public-url /path/]
                     install what is missing, build the release site into dist/, to be
                     served at /path/ (default /)
  package            install what is missing, build the site and zip it with its hosting
                     steps as target/package/facteur-site-<version>.zip
  bench              install what is missing, measure size, start-up, latency, engine speed
                     and memory against their references; write bench/RESULTS.md
  seal-site [DIR]    (run by Trunk after each build) write the service worker and the
                     build's identity into DIR, by default Trunk's $TRUNK_STAGING_DIR";

fn main() {
    if let Err(err) = run() {
        eprintln!("xtask: {err:#}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let command = args.next().unwrap_or_default();
    let rest: Vec<String> = args.collect();
    let root = tools::workspace_root()?;
    let typed_in = std::env::current_dir().context("reading the current folder")?;
    std::env::set_current_dir(&root).context("entering the workspace root")?;
    match command.as_str() {
        "serve" => steps::serve(parse_port(&rest)?),
        "test" => no_options(&rest).and_then(|()| steps::test()),
        "build" => parse_public_url(&rest).and_then(|url| steps::build(url.as_deref())),
        "bench" => no_options(&rest).and_then(|()| bench::bench()),
        "package" => no_options(&rest).and_then(|()| steps::package()),
        "seal-site" => seal_site(&typed_in, &rest),
        "" | "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        other => bail!("unknown command `{other}`\n\n{USAGE}"),
    }
}

/// Seals a built site: DIR if given (relative to where the command was typed), else the
/// folder Trunk is building into.
fn seal_site(typed_in: &std::path::Path, rest: &[String]) -> Result<()> {
    let dir = match rest {
        [] => std::env::var_os("TRUNK_STAGING_DIR")
            .map(std::path::PathBuf::from)
            .context("seal-site wants a folder, or Trunk's $TRUNK_STAGING_DIR")?,
        [dir] => typed_in.join(dir),
        _ => bail!("seal-site takes one folder\n\n{USAGE}"),
    };
    let build = site::seal(&dir)?;
    println!("sealed {} as build {build}", dir.display());
    Ok(())
}

fn parse_port(rest: &[String]) -> Result<u16> {
    match rest {
        [] => Ok(8080),
        [flag, port] if flag == "--port" => port
            .parse()
            .with_context(|| format!("--port wants a number from 1 to 65535, not `{port}`")),
        _ => bail!("serve takes only --port N\n\n{USAGE}"),
    }
}

/// `--public-url /path/`: where the site will be served, for hosts that put it under a
/// sub-path. It must start and end with `/`, as Trunk writes it into every link.
fn parse_public_url(rest: &[String]) -> Result<Option<String>> {
    match rest {
        [] => Ok(None),
        [flag, url] if flag == "--public-url" => {
            if url.starts_with('/') && url.ends_with('/') {
                Ok(Some(url.clone()))
            } else {
                bail!("--public-url wants a path that starts and ends with /, such as /facteur/, not `{url}`")
            }
        }
        _ => bail!("build takes only --public-url /path/\n\n{USAGE}"),
    }
}

fn no_options(rest: &[String]) -> Result<()> {
    match rest {
        [] => Ok(()),
        _ => bail!("unexpected arguments {rest:?}\n\n{USAGE}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn serve_defaults_to_port_8080_and_takes_another() {
        assert_eq!(parse_port(&args(&[])).expect("default"), 8080);
        assert_eq!(parse_port(&args(&["--port", "9000"])).expect("given"), 9000);
    }

    #[test]
    fn build_takes_a_public_url_that_is_a_path() {
        assert_eq!(parse_public_url(&args(&[])).expect("none"), None);
        assert_eq!(
            parse_public_url(&args(&["--public-url", "/facteur/"])).expect("given"),
            Some("/facteur/".to_owned())
        );
        assert!(parse_public_url(&args(&["--public-url", "facteur"])).is_err());
        assert!(parse_public_url(&args(&["--release"])).is_err());
    }

    #[test]
    fn serve_rejects_what_it_does_not_understand() {
        assert!(parse_port(&args(&["--port", "http"])).is_err());
        assert!(parse_port(&args(&["--port", "70000"])).is_err());
        assert!(parse_port(&args(&["--open"])).is_err());
    }
}

//! `cargo xtask serve | test | build`: the two commands of the README, and their parts.
//!
//! Each command first installs whatever this machine lacks, at pinned versions, so a fresh
//! clone needs nothing by hand. See `tools.rs` for what is installed and why.

mod cmd;
mod steps;
mod tools;

use anyhow::{bail, Context, Result};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve [--port N]   install what is missing, build, serve the site on http://127.0.0.1:8080
  test               install what is missing, run every check (fmt, clippy, tests, site, browser)
  build              install what is missing, build the release site into dist/";

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
    std::env::set_current_dir(&root).context("entering the workspace root")?;
    match command.as_str() {
        "serve" => steps::serve(parse_port(&rest)?),
        "test" => no_options(&rest).and_then(|()| steps::test()),
        "build" => no_options(&rest).and_then(|()| steps::build()),
        "" | "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        other => bail!("unknown command `{other}`\n\n{USAGE}"),
    }
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
    fn serve_rejects_what_it_does_not_understand() {
        assert!(parse_port(&args(&["--port", "http"])).is_err());
        assert!(parse_port(&args(&["--port", "70000"])).is_err());
        assert!(parse_port(&args(&["--open"])).is_err());
    }
}

//! `cargo xtask <verb>`: the workspace's tools. Run `cargo xtask --help` for the list.

use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::{Parser, Subcommand};
use xtask::{catalog::Catalog, disk, readme, steps, workspace_root};

#[derive(Debug, Parser)]
#[command(
    name = "cargo xtask",
    about = "Tools for the Go → Rust concurrency workspace"
)]
struct Cli {
    #[command(subcommand)]
    verb: Verb,
}

#[derive(Debug, Subcommand)]
enum Verb {
    /// List the catalog: every pattern, its Go program and its Rust translations.
    List,
    /// Check the catalog against the files on disk and the step titles of every pair.
    Check,
    /// Regenerate the pattern table in README.md from catalog.toml.
    Readme {
        /// Fail instead of writing when the table is out of date.
        #[arg(long)]
        check: bool,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    let root = workspace_root();
    let catalog = Catalog::load(&root)?;
    match cli.verb {
        Verb::List => {
            for p in &catalog.patterns {
                println!("{:<14} {}  [{}]", p.slug, p.title, p.section);
                println!("{:<14} go run ./{}   (in go-reference/)", "", p.go);
                for r in &p.rust {
                    println!(
                        "{:<14} cargo run --example {}   ({})",
                        "", r.example, r.tier
                    );
                }
            }
            Ok(())
        }
        Verb::Check => {
            let mut problems = disk::problems(&catalog, &root)?;
            for p in &catalog.patterns {
                let go = steps::parse_file(&p.go_file(&root))?;
                for r in &p.rust {
                    if let Some(why) = steps::compare(&go, &steps::parse_file(&r.file(&root))?) {
                        problems.push(format!("{}: {why}", r.example));
                    }
                }
            }
            if problems.is_empty() {
                println!(
                    "catalog, files and steps agree ({} patterns)",
                    catalog.patterns.len()
                );
                Ok(())
            } else {
                bail!(
                    "{} problem(s):\n  {}",
                    problems.len(),
                    problems.join("\n  ")
                )
            }
        }
        Verb::Readme { check } => {
            let path = root.join("README.md");
            let old = std::fs::read_to_string(&path)?;
            let new = readme::update(&old, &catalog)?;
            if old == new {
                println!("README.md's pattern table is current");
            } else if check {
                bail!("README.md's pattern table is out of date: run `cargo xtask readme`");
            } else {
                std::fs::write(&path, new)?;
                println!("updated README.md's pattern table");
            }
            Ok(())
        }
    }
}

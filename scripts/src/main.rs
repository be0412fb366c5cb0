//! `cargo xtask <verb>`: the workspace's tools. Run `cargo xtask --help` for the list.

use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::{Parser, Subcommand};
use xtask::{catalog::Catalog, disk, readme, steps, workspace_root};

#[derive(Debug, Parser)]
#[command(
    name = "cargo xtask",
    bin_name = "cargo xtask",
    about = "Tools for the Go → Rust concurrency workspace"
)]
struct Cli {
    #[command(subcommand)]
    verb: Verb,
}

#[derive(Debug, Subcommand)]
enum Verb {
    /// Run a chapter's Go program and every Rust translation, and check each one's output.
    Run {
        /// The chapter's slug, e.g. `timeouts`.
        slug: String,
    },
    /// Show one museum case live: Go's report, then rustc's error.
    Museum {
        /// The case, e.g. `close-twice` (`cargo xtask list` names them).
        case: String,
    },
    /// List the chapters under their sections: each one's Go program and Rust translations.
    List,
    /// Check the catalog against the files on disk and the step titles of every pair.
    Check,
    /// Regenerate README.md's chapter, index and museum tables from catalog.toml and index.toml.
    Readme {
        /// Fail instead of writing when a table is out of date.
        #[arg(long)]
        check: bool,
    },
    /// Show a chapter's Go program and one Rust translation side by side, step by step.
    Show(xtask::show::ShowArgs),
    /// Build the static site (every chapter, Go beside Rust) into target/site/.
    Site(xtask::site::SiteArgs),
    /// Run the Go and Rust benchmarks side by side and write target/compare/report.md.
    Compare {
        /// The CI subset with short settings: under a minute of running on 2 cores.
        #[arg(long, conflicts_with = "report_only")]
        quick: bool,
        /// Run nothing: rebuild the report from the last run's results in target/compare/.
        #[arg(long)]
        report_only: bool,
    },
    /// Show what the atomics benchmarks compile to (x86-64, Go, AArch64 mappings).
    Asm,
    /// Check claims.toml (every claim's evidence exists) and regenerate CLAIMS.md from it.
    Claims {
        /// Fail instead of writing when CLAIMS.md is out of date.
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
    // Only the verbs that read the catalog load it: a broken catalog.toml does not stop the
    // benchmarks.
    let load = || Catalog::load(&root);
    match cli.verb {
        Verb::Run { slug } => xtask::run::chapter(&root, &load()?, &slug),
        Verb::Museum { case } => xtask::run::museum(&root, &load()?, &case),
        Verb::Claims { check } => claims(&root, &load()?, check),
        Verb::Show(args) => xtask::show::run(&root, &load()?, &args),
        Verb::Site(args) => xtask::site::run(&root, &load()?, &args),
        Verb::List => {
            print!("{}", xtask::show::list(&load()?));
            Ok(())
        }
        Verb::Check => {
            let catalog = load()?;
            let mut problems = disk::problems(&catalog, &root)?;
            for p in &catalog.chapters {
                problems.extend(steps::problems(p, &root)?);
            }
            if problems.is_empty() {
                println!("catalog, files and steps agree ({} chapters)", catalog.chapters.len());
                Ok(())
            } else {
                bail!("{} problem(s):\n  {}", problems.len(), problems.join("\n  "))
            }
        }
        Verb::Readme { check } => {
            let catalog = load()?;
            let path = root.join("README.md");
            let old = std::fs::read_to_string(&path)?;
            let index = xtask::index::Index::load(&root, &catalog)?;
            let new = readme::update(&old, &catalog, &index)?;
            let new = xtask::museum::update(&new, &catalog)?;
            if old == new {
                println!("README.md's chapter, index and museum tables are current");
            } else if check {
                bail!("README.md's generated tables are out of date: run `cargo xtask readme`");
            } else {
                std::fs::write(&path, new)?;
                println!("updated README.md's chapter, index and museum tables");
            }
            Ok(())
        }
        Verb::Compare { quick, report_only } => {
            let opts = compare::Options { quick, report_only };
            let report = compare::run(&root, opts)?;
            println!("{}", report.display());
            Ok(())
        }
        Verb::Asm => {
            let page = compare::asm::run(&root)?;
            eprintln!("wrote {}", page.display());
            Ok(())
        }
    }
}

fn claims(root: &std::path::Path, catalog: &Catalog, check: bool) -> Result<()> {
    use xtask::claims::{Claims, page};
    let claims = Claims::load(root)?;
    let problems = claims.problems(catalog, root)?;
    if !problems.is_empty() {
        bail!("claims.toml has {} problem(s):\n  {}", problems.len(), problems.join("\n  "));
    }
    let path = root.join("CLAIMS.md");
    let new = page(&claims, catalog);
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    if old == new {
        println!("CLAIMS.md is current ({} claims)", claims.claims.len());
    } else if check {
        bail!("CLAIMS.md is out of date: run `cargo xtask claims`");
    } else {
        std::fs::write(&path, new)?;
        println!("wrote CLAIMS.md ({} claims)", claims.claims.len());
    }
    Ok(())
}

//! `cargo xtask run <slug>`: a chapter's Go program and every translation, run one after the
//! other with their output checked; and `cargo xtask museum <case>`: one museum case live, Go's
//! report and then rustc's error.

use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};

use crate::catalog::Catalog;

/// Runs every program of a chapter and compares each output with `expected.txt`.
pub fn chapter(root: &Path, catalog: &Catalog, slug: &str) -> Result<()> {
    let Some(chapter) = catalog.chapter(slug) else {
        let names = catalog.chapters.iter().map(|c| c.slug.as_str());
        bail!("no chapter is called {slug:?}{}", suggest(slug, names));
    };
    let expected = std::fs::read_to_string(chapter.expected_file(root))
        .with_context(|| format!("reading go-reference/{slug}/expected.txt"))?;
    let mut runs: Vec<(String, Command)> = Vec::new();
    if let Some(go) = go(root, &chapter.go_command(), "the Go program") {
        runs.push((format!("cd go-reference && {}", chapter.go_command()), go));
    }
    for r in &chapter.rust {
        let mut cargo = cargo();
        cargo.args(["run", "--quiet", "--example", &r.example]).current_dir(root);
        runs.push((r.command(), cargo));
    }
    let mut differ = Vec::new();
    for (i, (label, mut cmd)) in runs.into_iter().enumerate() {
        println!("$ {label}");
        let out =
            cmd.stderr(Stdio::inherit()).output().with_context(|| format!("starting `{label}`"))?;
        let stdout = String::from_utf8_lossy(&out.stdout);
        if i == 0 || stdout != expected {
            print!("{stdout}");
        }
        if !out.status.success() {
            println!("✗ exited with {}", out.status);
            differ.push(label);
        } else if stdout == expected {
            println!("✓ printed go-reference/{slug}/expected.txt\n");
        } else {
            println!("✗ differs from go-reference/{slug}/expected.txt\n");
            differ.push(label);
        }
    }
    if differ.is_empty() {
        Ok(())
    } else {
        bail!("{} program(s) did not print expected.txt: {}", differ.len(), differ.join(", "))
    }
}

/// Shows one museum case: runs the Go program the way its report needs, then compiles the
/// Rust program in a scratch crate under `target/museum-live/` and shows what rustc says.
pub fn museum(root: &Path, catalog: &Catalog, case: &str) -> Result<()> {
    let Some(m) = catalog.mistake(case) else {
        let names = catalog.mistakes.iter().map(|m| m.case.as_str());
        bail!("no museum case is called {case:?}{}", suggest(case, names));
    };
    println!("# {}\n", m.title);
    if let Some(mut go) = go(root, &m.go_command(), "Go's side") {
        println!("$ cd go-reference && {}", m.go_command());
        go.status().context("starting go")?;
        match m.go_check.reporter() {
            Some(tool) => {
                println!("\nGo: reported by {tool}; the test requires {:?}\n", m.go_report)
            }
            None => println!("\nGo: no tool reports it; the program printed {:?}\n", m.go_report),
        }
    } else {
        eprintln!();
    }
    println!("$ cargo run  # scripts/museum/{case}.rs, in target/museum-live/{case}/");
    let status = museum_command(root, m)?.status().context("starting cargo")?;
    match (m.must_not_compile(), status.success()) {
        (true, false) => println!("\nRust: rustc rejects it ({}), as catalog.toml says", m.rustc),
        (false, true) => {
            println!("\nRust: it compiles and runs; Rust does not catch this one either")
        }
        (true, true) => bail!("catalog.toml says rustc rejects it ({}), but it built", m.rustc),
        (false, false) => bail!("catalog.toml says it compiles, but the build or run failed"),
    }
    Ok(())
}

/// `cargo run` of a museum case's Rust program in a scratch crate under
/// `target/museum-live/<case>/`, with tokio when the program uses it and the workspace's lock
/// file, so it builds with the same crates the museum test uses.
pub fn museum_command(root: &Path, m: &crate::catalog::Mistake) -> Result<Command> {
    let source = m.rust_file(root);
    let text = crate::read(&source)?;
    let dir = root.join("target/museum-live").join(&m.case);
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let tokio = if text.contains("tokio") {
        "tokio = { version = \"1\", features = [\"full\"] }\n"
    } else {
        ""
    };
    let manifest = format!(
        "[package]\nname = \"museum-{case}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [workspace]\n\n[dependencies]\n{tokio}\n[[bin]]\nname = \"{case}\"\npath = {path:?}\n",
        case = m.case,
        path = source.display().to_string()
    );
    std::fs::write(dir.join("Cargo.toml"), manifest)?;
    if !dir.join("Cargo.lock").exists() {
        std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock"))?;
    }
    let mut cmd = cargo();
    cmd.args(["run", "--quiet"])
        .current_dir(&dir)
        .env("CARGO_TARGET_DIR", root.join("target/museum-live/target"));
    Ok(cmd)
}

/// `command` (`go run ./x`), to run in `go-reference/`; None, with a note that `what` is
/// skipped, when Go is not installed.
fn go(root: &Path, command: &str, what: &str) -> Option<Command> {
    let mut version = Command::new("go");
    version.arg("version").stdout(Stdio::null()).stderr(Stdio::null());
    if !version.status().is_ok_and(|s| s.success()) {
        eprintln!("note: `go` is not on PATH, so {what} is skipped (https://go.dev/dl)");
        return None;
    }
    let mut args = command.split(' ');
    let mut go = Command::new(args.next()?);
    go.args(args).current_dir(root.join("go-reference"));
    Some(go)
}

/// The cargo that runs this tool.
fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

/// ": did you mean ...?" for the closest names (as `show` finds them), or the list of all.
pub fn suggest<'a>(wrong: &str, names: impl Iterator<Item = &'a str>) -> String {
    let names: Vec<&str> = names.collect();
    let close = crate::show::close_matches(wrong, names.iter().copied());
    if close.is_empty() {
        format!("; the names are: {}", names.join(", "))
    } else {
        format!("; did you mean {}?", close[..close.len().min(3)].join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_first() {
        let names = ["unbuffered-channels", "buffered-channels", "select"];
        assert!(
            suggest("bufered-channels", names.into_iter())
                .contains("did you mean buffered-channels")
        );
        assert!(suggest("zzz", names.into_iter()).contains("the names are"));
    }
}

//! The museum's Rust side: every `[[mistake]]` in catalog.toml has a Rust program in
//! `scripts/museum/` that makes the same mistake as its Go program. trybuild compiles each one:
//! a case rustc rejects must fail to compile with exactly the output recorded in
//! `<case>.stderr`; a case marked `rustc = "compiles"` must build and run to success (in the
//! scratch crate `cargo xtask museum <case>` uses).
//!
//! Run with `cargo test -p xtask --test museum`. When a new rustc changes the wording, review
//! the diff and record it with `TRYBUILD=overwrite cargo test -p xtask --test museum`.
//! The Go side (each case's report) is checked by `cargo test -p xtask --test patterns -- museum`.

use std::io::IsTerminal;
use std::process::Command;

use xtask::catalog::Catalog;
use xtask::workspace_root;

fn catalog() -> Catalog {
    Catalog::load(&workspace_root()).expect("catalog.toml loads")
}

/// rustc's own output for every case it must reject, compared with the recorded `.stderr`
/// files. trybuild colours its report whenever TERM is set, even into a file, so when stderr
/// is not a terminal the check runs in a child with NO_COLOR set and its report is printed
/// whole at the end, never spliced with libtest's own lines.
#[test]
fn rustc_rejects_each_mistake() {
    if std::env::var_os(CHILD).is_some() {
        let catalog = catalog();
        let cases = trybuild::TestCases::new();
        for m in catalog.mistakes.iter().filter(|m| m.must_not_compile()) {
            cases.compile_fail(m.rust_case());
        }
        return; // The cases are compiled and checked when `cases` is dropped.
    }
    let mut child = Command::new(std::env::current_exe().expect("the test knows its path"));
    child.args(["--exact", "rustc_rejects_each_mistake", "--nocapture", "--quiet"]).env(CHILD, "1");
    if !std::io::stderr().is_terminal() {
        child.env("NO_COLOR", "1");
    }
    let out = child.output().expect("the test binary runs itself");
    let report =
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "trybuild:\n{report}");
}

/// Set in the child that runs trybuild.
const CHILD: &str = "XTASK_MUSEUM_TRYBUILD_CHILD";

/// The cases Rust does not catch compile and run to success, like their Go twins (which the
/// pattern suite runs): built in the same scratch crate as `cargo xtask museum <case>`.
#[test]
fn the_cases_rust_does_not_catch_compile_and_run() {
    let root = workspace_root();
    let mut problems = Vec::new();
    for m in catalog().mistakes.iter().filter(|m| !m.must_not_compile()) {
        let out = xtask::run::museum_command(&root, m)
            .expect("the scratch crate is written")
            .output()
            .expect("cargo runs");
        if !out.status.success() {
            problems.push(format!(
                "{}: catalog.toml says it compiles, but `cargo run` failed:\n{}",
                m.rust_case(),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The error the catalog promises for each case is the one rustc gave: the recorded output
/// must contain `error[<code>]` (or, for an error rustc prints without a code, its line), so a
/// changed or vanished error cannot slip through a blind `TRYBUILD=overwrite`.
#[test]
fn recorded_errors_have_the_catalog_code() {
    let catalog = catalog();
    let root = workspace_root();
    let mut problems = Vec::new();
    for m in &catalog.mistakes {
        let Some(expected) = m.expected_error() else {
            continue;
        };
        let path = m.stderr_file(&root);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        if !text.lines().any(|l| l.starts_with(&expected)) {
            problems.push(format!(
                "{}: catalog.toml says rustc rejects it with {expected:?}, which its output lacks",
                path.display()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The museum keeps at least ten cases that rustc rejects with an error code.
#[test]
fn at_least_ten_cases_rustc_rejects() {
    let rejected = catalog().mistakes.iter().filter(|m| m.error_code().is_some()).count();
    assert!(rejected >= 10, "only {rejected} museum cases have a rustc error");
}

//! The museum's Rust side: every `[[mistake]]` in catalog.toml has a Rust program in
//! `scripts/museum/` that makes the same mistake as its Go program. trybuild compiles each one:
//! a case with an error code must fail to compile with exactly the output recorded in
//! `<case>.stderr`, and a case marked `rustc = "compiles"` must build and run to success.
//!
//! Run with `cargo test -p xtask --test museum`. When a new rustc changes the wording, review
//! the diff and record it with `TRYBUILD=overwrite cargo test -p xtask --test museum`.
//! The Go side (each case's report) is checked by `cargo test -p xtask --test patterns -- museum`.

use xtask::catalog::Catalog;
use xtask::workspace_root;

fn catalog() -> Catalog {
    Catalog::load(&workspace_root()).expect("catalog.toml loads")
}

/// rustc's own output for every case, compared with the recorded `.stderr` files.
#[test]
fn rustc_rejects_each_mistake() {
    let catalog = catalog();
    let cases = trybuild::TestCases::new();
    for m in &catalog.mistakes {
        if m.must_not_compile() {
            cases.compile_fail(m.rust_case());
        } else {
            cases.pass(m.rust_case());
        }
    }
    // The cases are compiled and checked when `cases` is dropped.
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
    let rejected = catalog()
        .mistakes
        .iter()
        .filter(|m| m.error_code().is_some())
        .count();
    assert!(
        rejected >= 10,
        "only {rejected} museum cases have a rustc error"
    );
}

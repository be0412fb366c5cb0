//! What is on disk, compared with what the catalog names.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::catalog::{Catalog, Tier};

/// Every `examples-*/examples/*.rs` file: its tier (from its crate) and its name.
pub fn rust_examples(root: &Path) -> Result<BTreeSet<(Tier, String)>> {
    let mut found = BTreeSet::new();
    for tier in Tier::ALL {
        for path in files_in(&root.join(tier.crate_dir()).join("examples"), "rs")? {
            found.insert((tier, stem(&path)));
        }
    }
    Ok(found)
}

/// Every folder under `go-reference/` (at any depth) that holds a `main.go`, relative to
/// `go-reference/`, with `/` separators, leaving out `bench/` (the benchmarks' Go side).
pub fn go_programs(root: &Path) -> Result<BTreeSet<String>> {
    let base = root.join("go-reference");
    let mut found = BTreeSet::new();
    let mut stack = vec![base.clone()];
    while let Some(dir) = stack.pop() {
        for path in crate::list(&dir)? {
            if path.is_dir() {
                // The benchmarks' Go twins and tools are not chapters.
                if path != base.join("bench") {
                    stack.push(path);
                }
            } else if path.file_name().is_some_and(|n| n == "main.go") {
                found.insert(crate::chapter::rel_path(&base, &dir));
            }
        }
    }
    Ok(found)
}

/// The files in `dir` (none if it does not exist) whose extension is `ext`.
fn files_in(dir: &Path, ext: &str) -> Result<Vec<PathBuf>> {
    let mut files = crate::list(dir)?;
    files.retain(|p| p.extension().is_some_and(|e| e == ext));
    Ok(files)
}

/// A file's name without its extension.
fn stem(path: &Path) -> String {
    path.file_stem().unwrap_or_default().to_string_lossy().into_owned()
}

/// Every mismatch between the catalog and the disk, as sentences; empty when they agree.
pub fn problems(catalog: &Catalog, root: &Path) -> Result<Vec<String>> {
    let mut problems = Vec::new();

    let on_disk = rust_examples(root)?;
    let named: BTreeSet<(Tier, String)> =
        catalog.examples().map(|(_, r)| (r.tier, r.example.clone())).collect();
    for (tier, name) in on_disk.difference(&named) {
        let dir = tier.crate_dir();
        let hint = match named.iter().find(|n| n.1 == *name) {
            Some((t, _)) => format!(" (the catalog puts it in tier {t}, its file is in {dir})"),
            None => String::new(),
        };
        problems.push(format!("{dir}/examples/{name}.rs is not named in catalog.toml{hint}"));
    }
    for (tier, name) in named.difference(&on_disk) {
        if !on_disk.iter().any(|f| f.1 == *name) {
            problems.push(format!(
                "catalog.toml names example {name:?} (tier {tier}), but {}/examples/{name}.rs does \
                 not exist",
                tier.crate_dir()
            ));
        }
    }

    let go_on_disk = go_programs(root)?;
    let go_named: BTreeSet<String> = catalog
        .chapters
        .iter()
        .map(|p| p.slug.clone())
        .chain(catalog.mistakes.iter().map(|m| m.go()))
        .collect();
    for dir in go_on_disk.difference(&go_named) {
        problems.push(format!("go-reference/{dir}/main.go is not named in catalog.toml"));
    }
    for p in &catalog.chapters {
        let slug = &p.slug;
        if !go_on_disk.contains(slug) {
            problems.push(format!(
                "catalog.toml names chapter {slug:?}, but go-reference/{slug}/main.go does not exist"
            ));
        }
        if !p.note_file(root).exists() {
            problems.push(format!(
                "chapter {slug:?} has no page note: go-reference/{slug}/README.md does not exist"
            ));
        }
        let expected = p.expected_file(root);
        if !expected.exists() {
            let expected = expected.display();
            problems.push(format!(
                "chapter {slug:?} has no expected output: {expected} does not exist"
            ));
        }
    }
    problems.extend(museum_problems(catalog, root, &go_on_disk)?);
    problems.extend(stale_references(root)?);
    Ok(problems)
}

/// Every `--example NAME` and `go run ./DIR` that a program, page note or README mentions
/// names something that exists: a renamed chapter leaves no stale pointer behind.
fn stale_references(root: &Path) -> Result<Vec<String>> {
    let mut examples: BTreeSet<String> = rust_examples(root)?.into_iter().map(|f| f.1).collect();
    // The benches crate's examples and binaries, which `--example` may name too.
    for dir in ["benches/examples", "benches/src/bin"] {
        examples.extend(files_in(&root.join(dir), "rs")?.iter().map(|p| stem(p)));
    }
    let go = go_programs(root)?;
    let mut files: Vec<_> =
        ["README.md", "CONTRIBUTING.md", "scripts/README.md", "benches/README.md"]
            .map(|f| root.join(f))
            .into();
    for dir in Tier::ALL.map(|t| root.join(t.crate_dir()).join("examples")) {
        files.extend(files_in(&dir, "rs")?);
    }
    files.extend(files_in(&root.join("scripts/museum"), "rs")?);
    for dir in go.iter().map(|d| root.join("go-reference").join(d)) {
        files.extend(files_in(&dir, "go")?);
        files.push(dir.join("README.md"));
    }
    let mut problems = Vec::new();
    for file in files.iter().filter(|f| f.exists()) {
        let text = crate::read(file)?;
        let rel = crate::chapter::rel_path(root, file);
        for name in mentions(&text, "--example ") {
            if !examples.contains(&name) && !name.starts_with('<') && name != "NAME" {
                problems.push(format!("{rel} mentions `--example {name}`, which does not exist"));
            }
        }
        for dir in mentions(&text, "go run ./") {
            if !go.contains(&dir)
                && !dir.starts_with('<')
                && !root.join("go-reference").join(&dir).is_dir()
            {
                problems.push(format!("{rel} mentions `go run ./{dir}`, which does not exist"));
            }
        }
    }
    Ok(problems)
}

/// The names that follow `prefix` in `text`: kebab-case words, slashes allowed.
fn mentions(text: &str, prefix: &str) -> Vec<String> {
    text.match_indices(prefix)
        .map(|(at, _)| {
            text[at + prefix.len()..]
                .chars()
                .take_while(|c| {
                    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/' | '<' | '>')
                })
                .collect::<String>()
                .trim_end_matches('/')
                .to_string()
        })
        .filter(|n| !n.is_empty())
        .collect()
}

/// The museum: each `[[mistake]]` has its Go program and its Rust program (with rustc's
/// recorded output when it must not compile), and nothing in `scripts/museum/` is unnamed.
fn museum_problems(
    catalog: &Catalog,
    root: &Path,
    go_on_disk: &BTreeSet<String>,
) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut named = BTreeSet::new();
    for m in &catalog.mistakes {
        let case = &m.case;
        if !go_on_disk.contains(&m.go()) {
            problems.push(format!(
                "catalog.toml names museum case {case:?}, but go-reference/{}/main.go does not \
                 exist",
                m.go()
            ));
        }
        if !m.rust_file(root).exists() {
            problems.push(format!(
                "catalog.toml names museum case {case:?}, but scripts/museum/{case}.rs does not \
                 exist"
            ));
        }
        match m.must_not_compile() {
            true if !m.stderr_file(root).exists() => problems.push(format!(
                "museum case {case:?} must not compile, but scripts/museum/{case}.stderr (rustc's \
                 output, written by `TRYBUILD=overwrite cargo test -p xtask --test museum`) does \
                 not exist"
            )),
            false if m.stderr_file(root).exists() => problems.push(format!(
                "museum case {case:?} compiles (rustc = \"compiles\"), so \
                 scripts/museum/{case}.stderr should not exist"
            )),
            _ => {}
        }
        named.extend([format!("{case}.rs"), format!("{case}.stderr")]);
    }
    for path in crate::list(&root.join("scripts").join("museum"))? {
        let file = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        if !named.contains(&file) {
            problems.push(format!(
                "scripts/museum/{file} is not named by a [[mistake]] in catalog.toml"
            ));
        }
    }
    Ok(problems)
}

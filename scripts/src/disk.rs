//! What is on disk, compared with what the catalog names.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{Context, Result};

use crate::catalog::{Catalog, Tier};

/// A Rust example found on disk: its tier (from its crate) and its name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FoundExample {
    pub tier: Tier,
    pub name: String,
}

/// Every `examples-*/examples/*.rs` file.
pub fn rust_examples(root: &Path) -> Result<BTreeSet<FoundExample>> {
    let mut found = BTreeSet::new();
    for tier in Tier::ALL {
        for path in crate::list(&root.join(tier.crate_dir()).join("examples"))? {
            if path.extension().is_some_and(|e| e == "rs") {
                let name = path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .context("example file name is not UTF-8")?
                    .to_string();
                found.insert(FoundExample { tier, name });
            }
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
        for entry in
            std::fs::read_dir(&dir).with_context(|| format!("listing {}", dir.display()))?
        {
            let path = entry?.path();
            if path.is_dir() {
                // The benchmarks' Go twins and tools are not chapters.
                if path != base.join("bench") {
                    stack.push(path);
                }
            } else if path.file_name().is_some_and(|n| n == "main.go") {
                let rel = dir.strip_prefix(&base).expect("walked from base");
                let rel: Vec<_> = rel.iter().map(|c| c.to_string_lossy()).collect();
                found.insert(rel.join("/"));
            }
        }
    }
    Ok(found)
}

/// Every file in `scripts/museum/` (the museum's Rust programs and their recorded rustc output),
/// by file name.
pub fn museum_rust_files(root: &Path) -> Result<BTreeSet<String>> {
    let mut found = BTreeSet::new();
    for path in crate::list(&root.join("scripts").join("museum"))? {
        let name = path.file_name().and_then(|n| n.to_str());
        found.insert(name.context("museum file name is not UTF-8")?.to_string());
    }
    Ok(found)
}

/// Every mismatch between the catalog and the disk, as sentences; empty when they agree.
pub fn problems(catalog: &Catalog, root: &Path) -> Result<Vec<String>> {
    let mut problems = Vec::new();

    let on_disk = rust_examples(root)?;
    let named: BTreeSet<FoundExample> = catalog
        .examples()
        .map(|(_, r)| FoundExample { tier: r.tier, name: r.example.clone() })
        .collect();
    for f in on_disk.difference(&named) {
        let hint = match named.iter().find(|n| n.name == f.name) {
            Some(n) => format!(
                " (the catalog puts it in tier {}, its file is in {})",
                n.tier,
                f.tier.crate_dir()
            ),
            None => String::new(),
        };
        problems.push(format!(
            "{}/examples/{}.rs is not named in catalog.toml{hint}",
            f.tier.crate_dir(),
            f.name
        ));
    }
    for n in named.difference(&on_disk) {
        if !on_disk.iter().any(|f| f.name == n.name) {
            problems.push(format!(
                "catalog.toml names example {:?} (tier {}), but {}/examples/{}.rs does not exist",
                n.name,
                n.tier,
                n.tier.crate_dir(),
                n.name
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
        if !go_on_disk.contains(&p.slug) {
            problems.push(format!(
                "catalog.toml names chapter {:?}, but go-reference/{}/main.go does not exist",
                p.slug, p.slug
            ));
        }
        if !p.note_file(root).exists() {
            problems.push(format!(
                "chapter {:?} has no page note: go-reference/{}/README.md does not exist",
                p.slug, p.slug
            ));
        }
        if !p.expected_file(root).exists() {
            problems.push(format!(
                "chapter {:?} has no expected output: {} does not exist",
                p.slug,
                p.expected_file(root).display()
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
    let examples: BTreeSet<String> =
        rust_examples(root)?.into_iter().map(|f| f.name).chain(bench_examples(root)).collect();
    let go = go_programs(root)?;
    let mut files: Vec<_> =
        ["README.md", "CONTRIBUTING.md", "scripts/README.md", "benches/README.md"]
            .map(|f| root.join(f))
            .into();
    for dir in Tier::ALL.map(|t| root.join(t.crate_dir()).join("examples")) {
        files.extend(files_in(&dir, "rs"));
    }
    files.extend(files_in(&root.join("scripts/museum"), "rs"));
    for dir in go.iter().map(|d| root.join("go-reference").join(d)) {
        files.extend(files_in(&dir, "go"));
        files.push(dir.join("README.md"));
    }
    let mut problems = Vec::new();
    for file in files.iter().filter(|f| f.exists()) {
        let text = crate::read(file)?;
        let rel = file.strip_prefix(root).unwrap_or(file).display().to_string();
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

/// The benches crate's examples and binaries, which `--example` may name too.
fn bench_examples(root: &Path) -> Vec<String> {
    ["examples", "src/bin"]
        .iter()
        .flat_map(|d| files_in(&root.join("benches").join(d), "rs"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect()
}

fn files_in(dir: &Path, ext: &str) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
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
        if !go_on_disk.contains(&m.go()) {
            problems.push(format!(
                "catalog.toml names museum case {:?}, but go-reference/{}/main.go does not exist",
                m.case,
                m.go()
            ));
        }
        let rs = format!("{}.rs", m.case);
        let stderr = format!("{}.stderr", m.case);
        if !m.rust_file(root).exists() {
            problems.push(format!(
                "catalog.toml names museum case {:?}, but scripts/museum/{rs} does not exist",
                m.case
            ));
        }
        match m.must_not_compile() {
            true if !m.stderr_file(root).exists() => problems.push(format!(
                "museum case {:?} must not compile, but scripts/museum/{stderr} (rustc's output, \
                 written by `TRYBUILD=overwrite cargo test -p xtask --test museum`) does not exist",
                m.case
            )),
            false if m.stderr_file(root).exists() => problems.push(format!(
                "museum case {:?} compiles (rustc = \"compiles\"), so scripts/museum/{stderr} \
                 should not exist",
                m.case
            )),
            _ => {}
        }
        named.insert(rs);
        named.insert(stderr);
    }
    for file in museum_rust_files(root)?.difference(&named) {
        problems
            .push(format!("scripts/museum/{file} is not named by a [[mistake]] in catalog.toml"));
    }
    Ok(problems)
}

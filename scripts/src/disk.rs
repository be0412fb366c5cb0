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
        let dir = root.join(tier.crate_dir()).join("examples");
        if !dir.exists() {
            continue;
        }
        for entry in
            std::fs::read_dir(&dir).with_context(|| format!("listing {}", dir.display()))?
        {
            let path = entry?.path();
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
/// `go-reference/`, with `/` separators. The benchmark module's folders hold no `main.go`.
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
                stack.push(path);
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
    let dir = root.join("scripts").join("museum");
    let mut found = BTreeSet::new();
    if !dir.exists() {
        return Ok(found);
    }
    for entry in std::fs::read_dir(&dir).with_context(|| format!("listing {}", dir.display()))? {
        let name = entry?.file_name();
        found.insert(
            name.to_str()
                .context("museum file name is not UTF-8")?
                .to_string(),
        );
    }
    Ok(found)
}

/// Every mismatch between the catalog and the disk, as sentences; empty when they agree.
pub fn problems(catalog: &Catalog, root: &Path) -> Result<Vec<String>> {
    let mut problems = Vec::new();

    let on_disk = rust_examples(root)?;
    let named: BTreeSet<FoundExample> = catalog
        .examples()
        .map(|(_, r)| FoundExample {
            tier: r.tier,
            name: r.example.clone(),
        })
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
        problems.push(format!(
            "go-reference/{dir}/main.go is not named in catalog.toml"
        ));
    }
    for p in &catalog.chapters {
        if !go_on_disk.contains(&p.slug) {
            problems.push(format!(
                "catalog.toml names Go folder {:?} for pattern {:?}, but go-reference/{}/main.go does not exist",
                p.slug, p.slug, p.slug
            ));
        }
        if !p.expected_file(root).exists() {
            problems.push(format!(
                "pattern {:?} has no expected output: {} does not exist",
                p.slug,
                p.expected_file(root).display()
            ));
        }
    }
    problems.extend(museum_problems(catalog, root, &go_on_disk)?);
    Ok(problems)
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
        problems.push(format!(
            "scripts/museum/{file} is not named by a [[mistake]] in catalog.toml"
        ));
    }
    Ok(problems)
}

//! The workspace's tools: the chapter catalog, the checks that tie it to the files on disk,
//! and the generators that read it. `cargo xtask --help` lists the verbs; the test suite
//! (`tests/patterns.rs`) uses the same modules.

pub mod catalog;
pub mod chapter;
pub mod claims;
pub mod disk;
pub mod highlight;
pub mod index;
pub mod museum;
pub mod readme;
pub mod run;
pub mod show;
pub mod site;
pub mod steps;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// The workspace root: the folder that holds `catalog.toml`.
pub fn workspace_root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().expect("scripts/ sits inside the workspace root").to_path_buf()
}

/// A file's text; the error names the file.
pub fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

/// A TOML file, parsed; the error names the file.
pub fn read_toml<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T> {
    toml::from_str(&read(path)?).with_context(|| format!("parsing {}", path.display()))
}

/// The paths in a folder, sorted; none when it does not exist.
pub fn list(dir: &Path) -> Result<Vec<PathBuf>> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let entries = std::fs::read_dir(dir).with_context(|| format!("listing {}", dir.display()))?;
    let mut paths = entries.map(|e| e.map(|e| e.path())).collect::<std::io::Result<Vec<_>>>()?;
    paths.sort();
    Ok(paths)
}

/// What the unit tests share: the catalog and the Go → Rust index of `tests/fixtures/`.
#[cfg(test)]
pub(crate) mod fixture {
    use crate::catalog::Catalog;
    use crate::index::Index;

    pub(crate) fn catalog() -> Catalog {
        let c: Catalog = toml::from_str(include_str!("../tests/fixtures/catalog.toml"))
            .expect("tests/fixtures/catalog.toml parses");
        c.validate().expect("tests/fixtures/catalog.toml is valid");
        c
    }

    pub(crate) fn index() -> Index {
        let i: Index = toml::from_str(include_str!("../tests/fixtures/index.toml"))
            .expect("tests/fixtures/index.toml parses");
        i.validate(&catalog()).expect("tests/fixtures/index.toml is valid");
        i
    }
}

//! The workspace's tools: the chapter catalog, the checks that tie it to the files on disk,
//! and the generators that read it. `cargo xtask --help` lists the verbs; the test suite
//! (`tests/patterns.rs`) uses the same modules.

pub mod asm;
pub mod catalog;
pub mod chapter;
pub mod claims;
pub mod compare;
pub mod disk;
pub mod highlight;
pub mod index;
pub mod museum;
pub mod readme;
pub mod run;
pub mod show;
pub mod site;
pub mod steps;

use std::path::PathBuf;

/// The workspace root: the folder that holds `catalog.toml`.
pub fn workspace_root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().expect("scripts/ sits inside the workspace root").to_path_buf()
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

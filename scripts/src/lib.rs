//! The workspace's tools: the pattern catalog, the checks that tie it to the files on disk,
//! and the generators that read it. `cargo xtask --help` lists the verbs; the test suite
//! (`tests/patterns.rs`) uses the same modules.

pub mod align;
pub mod asm;
pub mod catalog;
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
    manifest_dir
        .parent()
        .expect("scripts/ sits inside the workspace root")
        .to_path_buf()
}

//! Tier 1 of the Go → Rust concurrency translations: the standard library only.
//!
//! The code lives in `examples/`, one file per translation; run one with
//! `cargo run --example <name>` from the workspace root. `catalog.toml` lists them all,
//! next to the Go program each one translates.

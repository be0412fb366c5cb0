//! Tier 3 of the Go → Rust concurrency translations: async Rust with tokio, tokio-util and
//! reqwest.
//!
//! The code lives in `examples/`, one file per translation; run one with
//! `cargo run --example <name>` from the workspace root. `catalog.toml` lists them all,
//! next to the Go program each one translates.

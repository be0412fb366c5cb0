//! The criterion settings of `benches::criterion()`, in one place for the two crates that need
//! them: this crate runs with them, and `cargo xtask compare` (`benches/compare/src/lib.rs`) quotes
//! them in its report. The xtask crate does not depend on this one; it includes this file as a
//! module of its own (`#[path]`), so keep it to plain constants that need nothing but `std`.

use std::time::Duration;

/// How long criterion runs each benchmark before it starts measuring.
pub const WARM_UP_TIME: Duration = Duration::from_millis(500);

/// How long criterion measures each benchmark, over all its samples.
pub const MEASUREMENT_TIME: Duration = Duration::from_millis(1500);

/// How many samples criterion takes of each benchmark.
pub const SAMPLE_SIZE: usize = 40;

//! One small function per atomic operation and ordering that `benches/benches/atomics.rs`
//! measures, kept out of line so that `cargo xtask asm` can show the instructions each one
//! compiles to. The benchmarks inline the same calls into their loops; the instruction for the
//! operation itself is the same, only the call around it differs.
//!
//! This file uses nothing but `core`, so `cargo xtask asm` compiles it on its own with
//! `rustc -O --crate-type lib --emit asm` (no dependency, a second or two).

use core::sync::atomic::{AtomicU64, Ordering, fence};

macro_rules! probes {
    ($($name:ident: |$a:ident| $body:expr;)*) => {
        $(
            #[doc = concat!("`", stringify!($body), "`")]
            #[inline(never)]
            pub fn $name($a: &AtomicU64) -> u64 {
                $body
            }
        )*
        /// Every probe's name, in the order `cargo xtask asm` prints them.
        pub const NAMES: &[&str] = &[$(stringify!($name)),*];
    };
}

probes! {
    load_relaxed: |a| a.load(Ordering::Relaxed);
    load_acquire: |a| a.load(Ordering::Acquire);
    load_seqcst: |a| a.load(Ordering::SeqCst);
    store_relaxed: |a| { a.store(1, Ordering::Relaxed); 0 };
    store_release: |a| { a.store(1, Ordering::Release); 0 };
    store_seqcst: |a| { a.store(1, Ordering::SeqCst); 0 };
    fetch_add_relaxed: |a| a.fetch_add(1, Ordering::Relaxed);
    fetch_add_acquire: |a| a.fetch_add(1, Ordering::Acquire);
    fetch_add_release: |a| a.fetch_add(1, Ordering::Release);
    fetch_add_acqrel: |a| a.fetch_add(1, Ordering::AcqRel);
    fetch_add_seqcst: |a| a.fetch_add(1, Ordering::SeqCst);
    swap_relaxed: |a| a.swap(1, Ordering::Relaxed);
    swap_acqrel: |a| a.swap(1, Ordering::AcqRel);
    swap_seqcst: |a| a.swap(1, Ordering::SeqCst);
    compare_exchange_relaxed: |a| a.compare_exchange(0, 1, Ordering::Relaxed, Ordering::Relaxed).unwrap_or(0);
    compare_exchange_acqrel: |a| a.compare_exchange(0, 1, Ordering::AcqRel, Ordering::Acquire).unwrap_or(0);
    compare_exchange_seqcst: |a| a.compare_exchange(0, 1, Ordering::SeqCst, Ordering::SeqCst).unwrap_or(0);
    fence_seqcst: |a| { fence(Ordering::SeqCst); a.load(Ordering::Relaxed) };
}

/// The store-then-load (Dekker) pair under Release/Acquire: a store may pass the load.
#[inline(never)]
pub fn dekker_release_acquire(mine: &AtomicU64, theirs: &AtomicU64) -> u64 {
    mine.store(1, Ordering::Release);
    theirs.load(Ordering::Acquire)
}

/// The store-then-load (Dekker) pair under SeqCst: the one place x86 needs a fence.
#[inline(never)]
pub fn dekker_seqcst(mine: &AtomicU64, theirs: &AtomicU64) -> u64 {
    mine.store(1, Ordering::SeqCst);
    theirs.load(Ordering::SeqCst)
}

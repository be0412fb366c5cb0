//! Atomic counters: many threads add to one AtomicU64 without a lock, each operation naming
//! its memory ordering, and fetch_max keeps a maximum with no loop to write.
//!
//! Run it with `cargo run --example atomic-counters`. Its Go counterpart is
//! go-reference/atomic-counters/main.go (`go run ./atomic-counters` in go-reference/); both
//! print go-reference/atomic-counters/expected.txt.

use std::sync::atomic::AtomicU64;
use std::sync::atomic::Ordering::Relaxed;
use std::thread;

fn main() {
    // ## Count with atomic.Int64
    // Relaxed is enough: a read-modify-write always acts on the latest value, so no
    // increment is lost, and nothing else hangs on the count. The load after the scope sees
    // all 8000, because joining a thread orders everything it did before what follows.
    // Scoped threads borrow `ops`, so no Arc is needed.
    let ops = AtomicU64::new(0);
    thread::scope(|s| {
        for _ in 0..8 {
            s.spawn(|| {
                for _ in 0..1000 {
                    ops.fetch_add(1, Relaxed);
                }
            });
        }
    });
    println!("ops: {}", ops.load(Relaxed));

    // ## Count with the atomic functions
    // Rust has no atomic functions over plain integers: Go's int64 used atomically is an
    // AtomicU64 here too, so the type, not a convention, makes every access atomic. Its
    // alignment is part of the type on every platform, as with Go's atomic.Int64.
    let hits = AtomicU64::new(0);
    thread::scope(|s| {
        for _ in 0..8 {
            s.spawn(|| {
                for _ in 0..1000 {
                    hits.fetch_add(1, Relaxed);
                }
            });
        }
    });
    println!("hits: {}", hits.load(Relaxed));

    // ## Keep a maximum with compare-and-swap
    // Rust has the operation Go lacks: fetch_max. (Other updates are built as in Go, with
    // compare_exchange_weak in a loop, or fetch_update, which writes the loop for you.)
    // Relaxed again: only the value matters, and it is read after the join.
    let highest = AtomicU64::new(0);
    thread::scope(|s| {
        for v in [17, 4, 97, 42, 63] {
            let highest = &highest;
            s.spawn(move || highest.fetch_max(v, Relaxed));
        }
    });
    println!("max: {}", highest.load(Relaxed));
}

//! Swapping read-mostly configuration with std: readers clone an Arc out of a RwLock and keep
//! it, and a writer replaces the Arc whole; the lock is held only for the clone or the swap.
//!
//! Run it with `cargo run --example atomic-pointer`. Its Go counterpart is
//! go-reference/atomic-pointer/main.go (`go run ./atomic-pointer` in go-reference/); both
//! print go-reference/atomic-pointer/expected.txt.
//! See also `cargo run --example atomic-pointer-arcswap`.

use std::sync::{Arc, RwLock};
use std::thread;

/// Never changed once published: a new version is a new Config.
struct Config {
    version: u32,
    limit: u32,
}

fn main() {
    // ## Publish the first config
    // std has no atomic Arc: AtomicPtr would need unsafe code to keep the reference count
    // right. A RwLock around the Arc does it safely, at the cost of a short lock.
    let current = RwLock::new(Arc::new(Config {
        version: 1,
        limit: 10,
    }));
    let load = || Arc::clone(&current.read().expect("no writer panics"));

    // ## Read without a lock
    // A reader holds the read lock only while it clones the Arc, then keeps its snapshot
    // for the whole request with no lock held.
    let held: Vec<Arc<Config>> = thread::scope(|s| {
        let readers: Vec<_> = (0..3).map(|_| s.spawn(load)).collect();
        let joined = readers
            .into_iter()
            .map(|r| r.join().expect("no reader panics"));
        joined.collect()
    });

    // ## Swap in a new config
    // The writer replaces the Arc under the write lock. The old Config is freed when the
    // last snapshot of it is dropped: the Arc's count does what Go's garbage collector does.
    *current.write().expect("no writer panics") = Arc::new(Config {
        version: 2,
        limit: 20,
    });
    print!("readers still hold limit:");
    for cfg in &held {
        print!(" {}", cfg.limit);
    }
    println!();
    let Config { version, limit } = *load();
    println!("new readers see: version {version}, limit {limit}");

    // ## Update with compare-and-swap
    // Arc::ptr_eq compares pointers, as Go's CompareAndSwap does, not the configs' fields.
    let base = load();
    let next = Config {
        version: base.version + 1,
        limit: base.limit * 2,
    };
    if compare_and_swap(&current, &base, next) {
        println!("update from version 2: applied");
    }
    let stale = Config {
        version: base.version + 1,
        limit: base.limit + 1,
    };
    if !compare_and_swap(&current, &base, stale) {
        println!("second update from version 2: rejected, it must reload and retry");
    }
    let Config { version, limit } = *load();
    println!("current: version {version}, limit {limit}");
}

/// Stores `next` only if the cell still holds `base`; the write lock makes the check and
/// the store one step.
fn compare_and_swap(cell: &RwLock<Arc<Config>>, base: &Arc<Config>, next: Config) -> bool {
    let mut current = cell.write().expect("no writer panics");
    let unchanged = Arc::ptr_eq(&current, base);
    if unchanged {
        *current = Arc::new(next);
    }
    unchanged
}

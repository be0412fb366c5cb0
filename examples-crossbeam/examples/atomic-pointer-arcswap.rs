//! Swapping read-mostly configuration with arc-swap: ArcSwap is an atomic pointer to an Arc,
//! so readers load and writers store without a lock, as with Go's atomic.Pointer.
//!
//! Run it with `cargo run --example atomic-pointer-arcswap`. Its Go counterpart is
//! go-reference/atomic-pointer/main.go (`go run ./atomic-pointer` in go-reference/); both
//! print go-reference/atomic-pointer/expected.txt. Crates: arc-swap.
//! See also `cargo run --example atomic-pointer`.

use std::sync::Arc;
use std::thread;

use arc_swap::ArcSwap;

/// Never changed once published: a new version is a new Config.
struct Config {
    version: u32,
    limit: u32,
}

fn main() {
    // ## Publish the first config
    let current = ArcSwap::from_pointee(Config {
        version: 1,
        limit: 10,
    });

    // ## Read without a lock
    // load_full() hands back an Arc the reader keeps for its whole request. For a short
    // look, load() is cheaper still: a guard that usually skips the count's increment.
    let held: Vec<Arc<Config>> = thread::scope(|s| {
        let readers: Vec<_> = (0..3).map(|_| s.spawn(|| current.load_full())).collect();
        let joined = readers
            .into_iter()
            .map(|r| r.join().expect("no reader panics"));
        joined.collect()
    });

    // ## Swap in a new config
    // The old Config is freed when the last Arc of it is dropped, readers' snapshots
    // included: the count does what Go's garbage collector does.
    current.store(Arc::new(Config {
        version: 2,
        limit: 20,
    }));
    print!("readers still hold limit:");
    for cfg in &held {
        print!(" {}", cfg.limit);
    }
    println!();
    let Config { version, limit } = **current.load();
    println!("new readers see: version {version}, limit {limit}");

    // ## Update with compare-and-swap
    // compare_and_swap returns what the cell held before; the swap happened if that is the
    // very Arc we based our update on. rcu() wraps this load-derive-retry loop.
    let base = current.load_full();
    let next = Config {
        version: base.version + 1,
        limit: base.limit * 2,
    };
    let before = current.compare_and_swap(&base, Arc::new(next));
    if Arc::ptr_eq(&before, &base) {
        println!("update from version 2: applied");
    }
    let stale = Config {
        version: base.version + 1,
        limit: base.limit + 1,
    };
    let before = current.compare_and_swap(&base, Arc::new(stale));
    if !Arc::ptr_eq(&before, &base) {
        println!("second update from version 2: rejected, it must reload and retry");
    }
    let Config { version, limit } = **current.load();
    println!("current: version {version}, limit {limit}");
}

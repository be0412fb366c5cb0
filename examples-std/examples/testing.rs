//! Testing concurrent code: loom and Miri beside Go's `go test -race`, on a WaitGroup built by
//! hand from a Mutex and a Condvar.
//!
//! Run it with `cargo run --example testing`, its test with `cargo test -p examples-std
//! --example testing` (`cargo +nightly miri test ...` under Miri). With `--cfg loom` it runs on
//! loom's types: tests/loom.rs includes this file and model-checks `run_workers`. Its Go twin,
//! go-reference/testing/main.go (`go run ./testing`), prints the same testing/expected.txt.

#[cfg(loom)]
use loom::{sync::Arc, sync::Condvar, sync::Mutex, sync::atomic::AtomicUsize, thread};
#[cfg(not(loom))]
use std::{sync::Arc, sync::Condvar, sync::Mutex, sync::atomic::AtomicUsize, thread};

use std::sync::atomic::Ordering::Relaxed;

// ## A WaitGroup built by hand
// A count owned by a Mutex, and a Condvar to sleep on until it reaches zero. (std needs no
// WaitGroup: joining the handles is one. The point is a handoff whose tests we can discuss.)
struct WaitGroup {
    count: Mutex<usize>,
    zero: Condvar,
}

impl WaitGroup {
    fn done(&self) {
        let mut count = self.count.lock().expect("no thread panics holding it");
        *count -= 1;
        if *count == 0 {
            self.zero.notify_all();
        }
    }

    fn wait(&self) {
        let mut count = self.count.lock().expect("no thread panics holding it");
        while *count > 0 {
            // Unlocks while asleep and relocks before returning: nothing lands in between.
            count = self.zero.wait(count).expect("no thread panics holding it");
        }
    }
}

// ## Use it
// Each worker writes its own slot, then calls done(). Threads cannot share a plain Vec they
// write, so the slots are atomics; Relaxed is enough because the Mutex orders each store
// before wait() returns (what loom checks). The joins only keep threads from outliving us.
pub(crate) fn run_workers(n: usize) -> Vec<usize> {
    let (count, zero) = (Mutex::new(n), Condvar::new());
    let wg = Arc::new(WaitGroup { count, zero });
    let results: Arc<Vec<AtomicUsize>> = Arc::new((0..n).map(|_| AtomicUsize::new(0)).collect());
    let handles: Vec<_> = (0..n)
        .map(|i| {
            let (wg, results) = (Arc::clone(&wg), Arc::clone(&results));
            thread::spawn(move || {
                results[i].store(i * 10, Relaxed);
                wg.done();
            })
        })
        .collect();
    wg.wait();
    let seen = results.iter().map(|r| r.load(Relaxed)).collect();
    for h in handles {
        h.join().expect("a worker does not panic");
    }
    seen
}

// ## What each tool finds
// Safe Rust has no data race for a detector to find: rustc rejects them. What is left is the
// protocol (a lost wake-up, a lost decrement, a deadlock). `cargo test` runs the test below
// on the schedules the OS picks; loom runs run_workers under every interleaving up to a bound;
// Miri interprets this file and stops at undefined behaviour or a deadlock. See README.md.
fn main() {
    let results: Vec<String> = run_workers(3).iter().map(usize::to_string).collect();
    println!("3 workers done: {}", results.join(" "));
}

#[cfg(all(test, not(loom)))] // main_test.go's twin; Miri, an interpreter, does fewer runs
#[test]
fn group_waits_for_every_worker() {
    for run in 0..if cfg!(miri) { 3 } else { 200 } {
        for (i, got) in run_workers(4).into_iter().enumerate() {
            assert_eq!(got, i * 10, "run {run}: slot {i}");
        }
    }
}

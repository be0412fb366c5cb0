//! Testing concurrent code: loom and Miri beside Go's `go test -race`, on a WaitGroup built by
//! hand from a Mutex and a Condvar.
//!
//! Run it with `cargo run --example testing`, and its test with
//! `cargo test -p examples-std --example testing`. Its Go twin is go-reference/testing/main.go
//! (`go run ./testing` in go-reference/); both print go-reference/testing/expected.txt. The
//! loom model of this WaitGroup is `waitgroup_waits_for_every_worker` in
//! examples-std/tests/loom.rs; Miri runs this file itself.

use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;

// ## A WaitGroup built by hand
// A count owned by a Mutex, and a Condvar to sleep on until it reaches zero. (std has no
// WaitGroup because joining the handles is one; the point is a handoff whose tests we can
// discuss.)
#[derive(Debug)]
struct WaitGroup {
    count: Mutex<usize>,
    zero: Condvar,
}

impl WaitGroup {
    fn new(n: usize) -> WaitGroup {
        WaitGroup {
            count: Mutex::new(n),
            zero: Condvar::new(),
        }
    }

    fn done(&self) {
        let mut count = self
            .count
            .lock()
            .expect("no thread panics holding the lock");
        *count -= 1;
        if *count == 0 {
            self.zero.notify_all();
        }
    }

    fn wait(&self) {
        let count = self
            .count
            .lock()
            .expect("no thread panics holding the lock");
        // wait_while checks the count under the lock it sleeps with: no wake-up can be lost.
        let _zero = self
            .zero
            .wait_while(count, |count| *count > 0)
            .expect("no thread panics holding the lock");
    }
}

// ## Use it
// Each worker writes its own slot, then calls done(). Safe Rust cannot share a plain Vec that
// threads write, so the slots are atomics; Relaxed is enough because the Mutex orders every
// worker's store before wait() returns (this is what the loom model checks). The handles are
// joined at the end only so that no thread outlives the function: Miri reports one that does.
fn run_workers(n: usize) -> Vec<usize> {
    let wg = Arc::new(WaitGroup::new(n));
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
// Safe Rust leaves no data race to find: rustc rejects them (see the museum, scripts/museum/).
// What is left is the protocol: a lost wake-up, a wrong ordering, a deadlock. `cargo test`
// runs the test below on whatever schedules the OS picks, like `go test` without -race.
// loom runs a model of this WaitGroup (examples-std/tests/loom.rs) under every interleaving
// up to a bound on preemptions, with many of the values a weak memory model lets an atomic
// load return (not all: loom skips load buffering and treats SeqCst as AcqRel), and fails on
// a broken assertion or when every thread is blocked. It would find a lost wake-up that no run
// of ours happened to hit: tests/loom.rs shows one, `lost_wakeup_is_caught`, on the start gate
// of the cond example. Its limits: it checks a copy written with loom's types,
// not this file, and its search grows so fast that only small models fit.
// Miri (`cargo +nightly miri test --example testing`) interprets this very file and stops at
// undefined behaviour, a data race in unsafe code, a deadlock or a thread left running; it
// follows one (seeded, random) schedule per run, so like -race it says nothing about the
// schedules it did not take.
fn main() {
    let results = run_workers(3);
    println!("3 workers done: {}", go_slice(&results));
}

/// Formats like Go's fmt.Println of a slice: `[0 10 20]`.
fn go_slice(values: &[usize]) -> String {
    let items: Vec<String> = values.iter().map(usize::to_string).collect();
    format!("[{}]", items.join(" "))
}

#[cfg(test)]
mod tests {
    use super::run_workers;

    /// The twin of main_test.go's TestGroupWaitsForEveryWorker. Under Miri, which interprets
    /// every instruction, a few runs take as long as thousands natively.
    #[test]
    fn group_waits_for_every_worker() {
        let runs = if cfg!(miri) { 3 } else { 200 };
        for run in 0..runs {
            let results = run_workers(4);
            for (i, got) in results.iter().enumerate() {
                assert_eq!(*got, i * 10, "run {run}: slot {i}");
            }
        }
    }
}

//! Mutex: `std::sync::Mutex<T>` owns the data it guards, so the data cannot be reached without
//! the lock; guards release it when they go out of scope, and a panic poisons it.
//!
//! Run it with `cargo run --example mutex`. Its Go twin is go-reference/mutex/main.go
//! (`go run ./mutex` in go-reference/); both print go-reference/mutex/expected.txt.
//! See also `mutex-tokio` (a lock whose guard may be held across `.await`).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, TryLockError};
use std::thread;

/// The data, and nothing else: where Go's struct carries `mu` beside its fields, here the
/// Mutex wraps this whole struct. A BTreeMap keeps its keys sorted, as Go's fmt sorts a map's.
#[derive(Debug, Default)]
struct Counters {
    total: i64,
    hits: BTreeMap<&'static str, i64>,
}

fn main() {
    // ## Many writers, then wait
    // `lock()` returns a MutexGuard (inside a Result: Err means poisoned, see the last step),
    // the only way to the shared Counters: the guard derefs to them, and dropping it unlocks.
    // Arc gives each thread an owning handle to the one Mutex (a plain reference would not do:
    // a spawned thread may outlive main's stack frame). Joining every handle is the wait that
    // the guide's Go fragment leaves out.
    let counters = Arc::new(Mutex::new(Counters::default()));
    let words = ["apple", "banana", "cherry"];
    let handles: Vec<_> = (0..10)
        .map(|i| {
            let counters = Arc::clone(&counters); // a second handle, not a second Mutex
            thread::spawn(move || {
                for _ in 0..100 {
                    let mut c = counters.lock().expect("no thread panics holding it yet");
                    c.total += 1;
                    *c.hits.entry(words[i % 3]).or_default() += 1;
                } // `c` goes out of scope at the end of each iteration: unlocked 100 times
            })
        })
        .collect();
    for handle in handles {
        handle.join().expect("the workers do not panic");
    }
    // Every other Arc went away with its joined thread, so this is the last one: Arc::into_inner
    // hands back the Mutex itself, which the scoped threads below can simply borrow. (Owned
    // outright, a Mutex can even be read without locking, by get_mut or into_inner.)
    let counters = Arc::into_inner(counters).expect("every worker has been joined");
    println!("total: {}", counters.lock().expect("not poisoned").total);

    // ## Release the lock early
    // A guard unlocks when dropped: at the end of its block, or earlier with drop(guard).
    // Format under the lock, then drop the guard before the slow part, printing.
    let guard = counters.lock().expect("not poisoned");
    let pairs: Vec<String> = guard.hits.iter().map(|(k, v)| format!("{k}:{v}")).collect();
    drop(guard);
    // guard.total; // error[E0382]: borrow of moved value: `guard` (the lock is gone)
    println!("hits: map[{}]", pairs.join(" "));

    // ## A panic while holding the lock
    // Scoped threads may borrow `counters` (&Mutex, no Arc): thread::scope joins them before it
    // returns. This one does half of an update and panics. Unwinding drops the guard, which
    // unlocks the Mutex and, because the thread is panicking, marks it poisoned: std's answer
    // to "the data may be half updated". Go's Mutex has no such flag. (The default panic hook
    // prints the panic to stderr; only stdout is checked.)
    let outcome = thread::scope(|s| {
        s.spawn(|| {
            let mut c = counters.lock().expect("not poisoned yet");
            c.total += 1; // the first half of the update...
            panic!("disk full"); // ...and the second half, c.hits, never happens
        })
        .join()
    });
    let payload = outcome.expect_err("the worker panicked");
    let message = payload.downcast_ref::<&str>().copied().unwrap_or("?");
    println!("worker panicked while holding the lock: {message}");

    // try_lock tells "held by someone" (WouldBlock) from "free but poisoned" (Poisoned).
    // Every later lock() returns Err(PoisonError) too; into_inner() takes the guard out of the
    // error anyway, for code that can check or repair the data.
    let mut c = match counters.try_lock() {
        Err(TryLockError::Poisoned(poisoned)) => {
            println!("the lock was released during the panic: true");
            poisoned.into_inner()
        }
        Ok(_) => panic!("a panic while locked must poison the Mutex"),
        Err(TryLockError::WouldBlock) => panic!("the guard was dropped during unwinding"),
    };
    let sum: i64 = c.hits.values().sum();
    println!(
        "the next holder sees a half-done update: total={}, sum of hits={sum}",
        c.total
    );
    c.total = sum; // repair the invariant while we still hold the guard
    drop(c);
    // The flag stays until someone clears it (Mutex::clear_poison, Rust 1.77): do that only
    // after the data is consistent again.
    counters.clear_poison();

    let c = counters.lock().expect("clear_poison reset the flag");
    let sum: i64 = c.hits.values().sum();
    println!("after repair: total={}, sum of hits={sum}", c.total);
}

//! Mutex: the lock owns the data. `std::sync::Mutex<T>` wraps the value it guards, the guard
//! that `lock()` returns is the only way in, and dropping the guard is the unlock.
//!
//! Run it with `cargo run --example mutex`. Its Go twin is go-reference/mutex/main.go
//! (`go run ./mutex` in go-reference/); both print go-reference/mutex/expected.txt.
//! See also `mutex-poison` and `mutex-across-await`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::thread;

// ## Declare the guarded data
// The struct holds the data and no lock: the Mutex wraps all of it, so no field can be
// reached without locking. `counters.total` on the shared handle does not compile:
// error[E0609]: no field `total` on type `Arc<std::sync::Mutex<Counters>>`.
#[derive(Debug, Default)]
struct Counters {
    total: u32,
    hits: HashMap<&'static str, u32>,
}

// ## Lock, update, unlock
// lock() returns the guard inside a Result: Err means a holder panicked (see mutex-poison).
// The guard derefs to the Counters, and it unlocks when it drops at the end of the function,
// however the function ends. Nothing is written for the unlock, so nothing can be forgotten.
fn add(counters: &Mutex<Counters>, word: &'static str) {
    let mut c = counters.lock().expect("no writer panics");
    c.total += 1;
    *c.hits.entry(word).or_default() += 1;
}

fn main() {
    // ## Many writers, then wait
    // Arc gives each thread an owning handle to the one Mutex, since a spawned thread may
    // outlive main's stack frame. Joining every handle is the wait.
    let counters = Arc::new(Mutex::new(Counters::default()));
    let words = ["apple", "banana", "cherry"];
    let handles: Vec<_> = (0..10)
        .map(|i| {
            let counters = Arc::clone(&counters); // a second handle, not a second Mutex
            thread::spawn(move || {
                for _ in 0..100 {
                    add(&counters, words[i % 3]);
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().expect("the writers do not panic");
    }

    // ## Copy out under the lock, print after
    // The guard lives only inside this block: the values leave as copies, and the lock is
    // free again before the first println.
    let (total, hits) = {
        let c = counters.lock().expect("no writer panicked");
        (c.total, c.hits.clone())
    };
    println!("total: {total}");
    for word in words {
        println!("{word}={}", hits[word]);
    }
}

//! Mutex in async code: `tokio::sync::Mutex`, whose guard may be held across `.await`, and
//! when the plain `std::sync::Mutex` is still the better choice.
//!
//! Run it with `cargo run --example mutex-tokio`. Its Go twin is go-reference/mutex/main.go
//! (`go run ./mutex` in go-reference/); both print go-reference/mutex/expected.txt.
//! Crates: tokio (features "rt-multi-thread", "macros", "sync"). See also `mutex` (std).

use std::collections::BTreeMap;
use std::sync::Arc;
use tokio::sync::Mutex;

/// The data the Mutex owns; a BTreeMap keeps keys sorted, as Go's fmt sorts a map's.
#[derive(Debug, Default)]
struct Counters {
    total: i64,
    hits: BTreeMap<&'static str, i64>,
}

#[tokio::main]
async fn main() {
    // ## Many writers, then wait
    // `lock().await` parks the task, not its worker thread, until the lock is free; waiters
    // get it in the order they asked (tokio's Mutex is FIFO). The guard may be held across an
    // `.await`: while this task is suspended at yield_now, other tasks run, and any that calls
    // lock() queues behind it, so nobody sees total and hits out of step.
    let counters = Arc::new(Mutex::new(Counters::default()));
    let words = ["apple", "banana", "cherry"];
    let handles: Vec<_> = (0..10)
        .map(|i| {
            let counters = Arc::clone(&counters);
            tokio::spawn(async move {
                for _ in 0..100 {
                    let mut c = counters.lock().await;
                    c.total += 1;
                    tokio::task::yield_now().await; // suspended, still holding the lock
                    *c.hits.entry(words[i % 3]).or_default() += 1;
                }
            })
        })
        .collect();
    for handle in handles {
        handle.await.expect("the workers do not panic");
    }
    // No poisoning, so lock() returns the guard itself, not a Result.
    println!("total: {}", counters.lock().await.total);

    // ## Release the lock early
    // As with std, dropping the guard unlocks; after drop(guard) no queued task waits on us.
    let guard = counters.lock().await;
    let pairs: Vec<String> = guard.hits.iter().map(|(k, v)| format!("{k}:{v}")).collect();
    drop(guard);
    println!("hits: map[{}]", pairs.join(" "));

    // ## When std's Mutex is enough
    // tokio's own docs prefer std::sync::Mutex in async code whenever the guard never crosses
    // an `.await`: it is cheaper, and a critical section this short blocks a worker thread
    // only briefly, even when contended. Holding a std guard across `.await` is what goes
    // wrong: MutexGuard is not Send, so the future holding it is not Send either, and
    // tokio::spawn refuses it at compile time (rustc 1.95, tokio 1.54):
    //   error: future cannot be sent between threads safely
    //   note: future is not `Send` as this value is used across an await
    // The async Mutex earns its cost when the lock must stay held while waiting on IO.
    let hits = Arc::new(std::sync::Mutex::new(0_i64));
    let handles: Vec<_> = (0..10)
        .map(|_| {
            let hits = Arc::clone(&hits);
            tokio::spawn(async move {
                for _ in 0..100 {
                    *hits.lock().expect("no task panics holding it") += 1; // unlocked at `;`
                    tokio::task::yield_now().await; // no guard is alive here
                }
            })
        })
        .collect();
    for handle in handles {
        handle.await.expect("the counting tasks do not panic");
    }
    assert_eq!(*hits.lock().expect("not poisoned"), 1000);

    // ## A panic while holding the lock
    // tokio's Mutex does not poison (its docs say so): when a task panics holding the guard,
    // unwinding drops the guard and the lock is simply free again, as with Go's deferred
    // Unlock. The runtime catches the panic and hands it to whoever awaits the JoinHandle.
    let worker = tokio::spawn({
        let counters = Arc::clone(&counters);
        async move {
            let mut c = counters.lock().await;
            c.total += 1; // the first half of the update...
            panic!("disk full"); // ...and the second half, c.hits, never happens
        }
    });
    let err = worker.await.expect_err("the worker panicked");
    let payload = err.into_panic();
    let message = payload.downcast_ref::<&str>().copied().unwrap_or("?");
    println!("worker panicked while holding the lock: {message}");

    let mut c = counters.try_lock().expect("the panic dropped the guard");
    println!("the lock was released during the panic: true");
    // As in Go, nothing flags the half-done update: the next holder must check for itself.
    let sum: i64 = c.hits.values().sum();
    println!(
        "the next holder sees a half-done update: total={}, sum of hits={sum}",
        c.total
    );
    c.total = sum; // repair the invariant while we still hold the guard
    drop(c);

    let c = counters.lock().await;
    let sum: i64 = c.hits.values().sum();
    println!("after repair: total={}, sum of hits={sum}", c.total);
}

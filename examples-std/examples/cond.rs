//! Condition variables: threads sleep until a shared state they can see under a lock changes,
//! woken one at a time (`notify_one`) or all at once (`notify_all`).
//!
//! Run it with `cargo run --example cond`. Its Go twin is go-reference/cond/main.go
//! (`go run ./cond` in go-reference/); both print go-reference/cond/expected.txt.

use std::collections::VecDeque;
use std::sync::{Condvar, Mutex};
use std::thread;

/// The state the consumers wait on. The Mutex owns it, so it cannot be read or changed
/// without the lock that the Condvar is used with.
#[derive(Debug, Default)]
struct Queue {
    items: VecDeque<i32>,
    closed: bool,
}

fn main() {
    // ## A queue that consumers wait on
    // A Condvar is a separate value from the Mutex it is used with; the types do not tie one
    // to the other (std's docs warn that waiting with two different mutexes may panic). The
    // scope lets the threads borrow both; thread::spawn would need them in an Arc.
    let queue = Mutex::new(Queue::default());
    let non_empty = Condvar::new();
    let mut taken: Vec<i32> = thread::scope(|s| {
        let consumers: Vec<_> = (0..3)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let guard = queue.lock().expect("no thread panics holding the lock");
                        // wait_while unlocks, sleeps, relocks, and checks the predicate again
                        // before returning, looping as often as needed. It must: a Condvar
                        // may wake spuriously (the OS primitives under it allow that), and
                        // another consumer may have taken the item before we relocked.
                        let mut q = non_empty
                            .wait_while(guard, |q| q.items.is_empty() && !q.closed)
                            .expect("no thread panics holding the lock");
                        match q.items.pop_front() {
                            Some(item) => mine.push(item),
                            None => return mine, // Closed and drained.
                        }
                    } // The guard `q` is dropped here, at the end of each round: unlocked.
                })
            })
            .collect();

        for i in 1..=6 {
            // The guard is a temporary here: the lock is released at the end of the statement.
            queue.lock().expect("not poisoned").items.push_back(i);
            non_empty.notify_one(); // One item, one waiter woken (if any is waiting).
        }
        queue.lock().expect("not poisoned").closed = true;
        non_empty.notify_all(); // Every consumer must see `closed` to end.

        // The guide's Rust fragment never joins its thread: main may return, and end the
        // process, before "condition met" is ever printed. We join each consumer.
        let per_consumer = consumers
            .into_iter()
            .map(|h| h.join().expect("consumer panicked"));
        per_consumer.flatten().collect()
    });
    taken.sort_unstable(); // Who took what depends on scheduling; the sorted whole does not.
    println!("3 consumers took: {}", go_slice(&taken));

    // ## A start gate for many workers
    // notify_all is Broadcast. A notification with no waiter is lost, as in Go; a late worker
    // is saved by the state it checks under the lock before it waits.
    let started = Mutex::new(false);
    let gate = Condvar::new();
    let passed: Vec<bool> = thread::scope(|s| {
        let workers: Vec<_> = (0..4)
            .map(|_| {
                s.spawn(|| {
                    let open = started.lock().expect("not poisoned");
                    let open = gate.wait_while(open, |open| !*open).expect("not poisoned");
                    *open // Through the gate; the guard unlocks as it drops.
                })
            })
            .collect();
        *started.lock().expect("not poisoned") = true;
        gate.notify_all();
        workers
            .into_iter()
            .map(|h| h.join().expect("worker panicked"))
            .collect()
    });
    println!("workers through the gate: {}", go_slice(&passed));
}

/// Formats like Go's fmt.Println of a slice: `[1 2 3]`.
fn go_slice<T: ToString>(values: &[T]) -> String {
    let items: Vec<String> = values.iter().map(T::to_string).collect();
    format!("[{}]", items.join(" "))
}

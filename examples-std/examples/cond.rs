//! Condition variables: threads sleep until a shared state, which they check under a lock,
//! changes; `notify_one` wakes one of them, `notify_all` wakes them all.
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
    // ## Tie a Cond to the lock that guards the state
    // A Condvar is a value separate from its Mutex; each wait takes the Mutex's guard, and
    // std's docs warn that waiting with two different mutexes may panic.
    let queue = Mutex::new(Queue::default());
    let non_empty = Condvar::new();

    // ## Wait in a loop
    // wait_while unlocks, sleeps, relocks and tests the predicate again, looping until it
    // is false. It must: a Condvar may wake spuriously, and another consumer may have taken
    // the item before the relock. The scope lets the threads borrow queue and non_empty.
    let mut taken: Vec<i32> = thread::scope(|s| {
        let consumers: Vec<_> = (0..3)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let guard = queue.lock().expect("no thread panics holding the lock");
                        let mut q = non_empty
                            .wait_while(guard, |q| q.items.is_empty() && !q.closed)
                            .expect("no thread panics holding the lock");
                        match q.items.pop_front() {
                            Some(item) => mine.push(item),
                            None => return mine, // closed and drained
                        }
                    } // the guard `q` drops here, at the end of each round: unlocked
                })
            })
            .collect();

        // ## Signal one waiter per item
        // The guard is a temporary: the lock is released at the end of the statement, before
        // the notification. A notification with no waiter is lost, as in Go.
        for i in 1..=6 {
            queue.lock().expect("not poisoned").items.push_back(i);
            non_empty.notify_one();
        }

        // ## Broadcast to every waiter
        // Every consumer must see `closed` to end, so all of them are woken.
        queue.lock().expect("not poisoned").closed = true;
        non_empty.notify_all();
        let per_consumer = consumers.into_iter().map(|h| h.join().expect("no panic"));
        per_consumer.flatten().collect()
    });

    // Who took what depends on scheduling; all items together, sorted, do not.
    taken.sort_unstable();
    let items: Vec<String> = taken.iter().map(i32::to_string).collect();
    println!("3 consumers took: {}", items.join(" "));
}

//! Waiting for a group of threads with `std::thread::scope`: the scope's end is the Wait,
//! and nobody can forget it.
//!
//! Run it with `cargo run --example waitgroup-scoped`. Its Go twin is
//! go-reference/waitgroup/main.go (`go run ./waitgroup` in go-reference/); both print
//! go-reference/waitgroup/expected.txt. See also `waitgroup` (JoinHandles),
//! `waitgroup-crossbeam` and `waitgroup-tokio`.

use std::thread;
use std::time::Duration;

fn main() {
    let words = ["goroutine", "channel", "mutex", "waitgroup"];
    let mut lengths = [0usize; 4];

    // ## Start a group of workers
    // Like the Go version, each worker writes its own slot. Here the compiler checks it:
    // iter_mut() hands out one &mut per element, and each &mut moves into one thread, so no
    // two threads can reach the same slot. The threads may borrow `lengths` at all because
    // the scope cannot return before they end. We drop the ScopedJoinHandles on purpose.
    thread::scope(|s| {
        for (i, (slot, word)) in lengths.iter_mut().zip(words).enumerate() {
            s.spawn(move || {
                thread::sleep(Duration::from_millis(10 * (words.len() - i) as u64));
                *slot = word.len();
            });
        }
        println!("started {} workers", words.len());

        // ## Wait for every one of them
        // Nothing to call: thread::scope joins every thread spawned in it, joined by hand
        // or not, before it returns. If one of them panicked and was not joined by hand,
        // the scope panics here once all have ended, so a failure is never lost.
    });
    println!("all {} workers are done", words.len());

    // ## Read the results in order
    // The borrows ended with the scope, so main may read (and write) `lengths` again.
    let items: Vec<String> = lengths.iter().map(usize::to_string).collect();
    println!("lengths: [{}]", items.join(" "));
}

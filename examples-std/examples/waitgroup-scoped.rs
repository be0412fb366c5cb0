//! Waiting for a group of threads with `std::thread::scope`: the end of the scope is the
//! Wait, and nobody can forget it.
//!
//! Run it with `cargo run --example waitgroup-scoped`. Its Go counterpart is
//! go-reference/waitgroup/main.go (`go run ./waitgroup` in go-reference/); both print
//! go-reference/waitgroup/expected.txt. See also `waitgroup`, `waitgroup-crossbeam` and
//! `waitgroup-tokio`.

use std::thread;

fn main() {
    let words = ["goroutine", "channel", "mutex", "waitgroup"];
    let mut lengths = [0; 4];

    // ## Add to the counter
    // Nothing to do in Rust: the scope keeps track of every thread spawned on it.

    // ## Start the workers
    // As in Go, each worker writes its own slot; here the compiler checks it. iter_mut()
    // hands out one &mut per element and each moves into one thread, so no two threads can
    // reach the same slot. We drop the ScopedJoinHandles: the scope joins them anyway.
    thread::scope(|s| {
        for (slot, word) in lengths.iter_mut().zip(words) {
            s.spawn(move || *slot = word.len());
        }
        println!("started {} workers", words.len());

        // ## Wait for every one of them
        // Nothing to do in Rust: thread::scope joins every thread spawned on it before it returns.
    });
    // Had a thread panicked, the scope would have panicked here, once all had ended.
    println!("all {} workers are done", words.len());

    // ## Read the results in order
    // The borrows ended with the scope, so main may read `lengths` again.
    print!("lengths:");
    for n in lengths {
        print!(" {n}");
    }
    println!();
}

//! Borrowing the parent's data: threads started in `std::thread::scope` may borrow locals,
//! because the scope joins every one of them before it returns.
//!
//! Run it with `cargo run --example scoped-threads`. Its Go counterpart is
//! go-reference/scoped-threads/main.go (`go run ./scoped-threads` in go-reference/); both
//! print go-reference/scoped-threads/expected.txt.

use std::thread;

fn main() {
    let numbers: Vec<i32> = (1..=12).collect();
    let mut sums = [0; 3];

    // ## Start workers that borrow main's data
    // A thread from thread::spawn must own what it uses; one spawned on a scope may borrow,
    // since the scope outlives it. Every thread shares `numbers` (&), and each gets its own
    // chunk and its own &mut slot of `sums`: the compiler sees that no two threads can reach
    // the same slot. `move` moves those two references in, not the data.
    thread::scope(|s| {
        for (chunk, sum) in numbers.chunks(4).zip(sums.iter_mut()) {
            s.spawn(move || *sum = chunk.iter().sum());
        }
        // numbers.push(13); // error[E0502] (were it `mut`): the threads borrow `numbers`

        // ## Wait for all of them
        // Nothing to do in Rust: thread::scope joins every thread it started before it returns.
    });

    // ## Use the data again
    // The borrows ended with the scope, so main may read, or change, `sums` and `numbers`.
    print!("chunk sums:");
    for sum in sums {
        print!(" {sum}");
    }
    println!();
    println!("main still has its {} numbers", numbers.len());
}

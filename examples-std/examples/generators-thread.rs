//! Generators with a thread: Go's generator as it is, a thread that feeds a channel. Dropping
//! the Receiver stops it, and join() confirms it has ended.
//!
//! Run it with `cargo run --example generators-thread`. Its Go counterpart is
//! go-reference/generators/main.go (`go run ./generators` in go-reference/); both print
//! go-reference/generators/expected.txt. See also `generators` (an Iterator, no thread) and
//! `generators-tokio`.

use std::iter;
use std::sync::mpsc::{Receiver, sync_channel};
use std::thread::{self, JoinHandle};

/// Fibonacci numbers, up to the last that fits in a u64.
fn fibonacci() -> impl Iterator<Item = u64> {
    iter::successors(Some((0u64, 1u64)), |&(a, b)| Some((b, a.checked_add(b)?))).map(|(a, _)| a)
}

/// Starts a thread that sends Fibonacci numbers until its send fails, which happens once the
/// Receiver is dropped: the consumer's drop does the work of Go's done channel.
fn fib_channel() -> (Receiver<u64>, JoinHandle<()>) {
    let (tx, rx) = sync_channel(0);
    let generator = thread::spawn(move || {
        for n in fibonacci() {
            if tx.send(n).is_err() {
                break;
            }
        }
    });
    (rx, generator)
}

fn main() {
    // ## Feed a channel from a goroutine
    // Every value is handed from the generator thread to main through a rendezvous channel.
    let (fibs, generator) = fib_channel();
    print!("first 8:");
    for n in fibs.iter().take(8) {
        print!(" {n}");
    }
    println!();

    // ## Stop the goroutine
    // Dropping the Receiver wakes the thread from its send with an error, and it returns.
    // join() waits for that: a thread has a handle to wait on, where a goroutine has none.
    drop(fibs);
    generator.join().expect("the generator does not panic");
    println!("the generator has stopped");

    // ## Range over an iterator function
    // As with iter.Seq in Go, the same numbers need no thread: an Iterator, pulled by find().
    let first = fibonacci()
        .find(|&n| n > 100)
        .expect("the sequence passes 100");
    println!("first above 100: {first}");
}

//! Pipelines with crossbeam: its Receiver clones, so two workers share one input as goroutines
//! share a channel (fan-out); they send on clones of one Sender (fan-in), and dropping the
//! last Receiver stops every stage, which Go does by closing a done channel.
//!
//! Run it with `cargo run --example pipelines-crossbeam`. Its Go counterpart is
//! go-reference/pipelines/main.go (`go run ./pipelines` in go-reference/); both print
//! go-reference/pipelines/expected.txt. Crates: crossbeam. See also `pipelines` (std only)
//! and `pipelines-tokio`.

use std::thread::{self, Scope};

use crossbeam::channel::{Receiver, Sender, bounded};

/// Sends 1..=n. A send fails once every Receiver is gone, and the stage returns: a consumer
/// stops its producers by dropping its end, so no stage needs a done channel.
fn generate<'s>(s: &'s Scope<'s, '_>, n: u64) -> Receiver<u64> {
    let (tx, rx) = bounded(0);
    s.spawn(move || {
        for i in 1..=n {
            if tx.send(i).is_err() {
                break;
            }
        }
    });
    rx
}

/// Starts one worker that squares what it takes from `input` and sends it on `out`, until
/// the input is closed and empty or the consumer is gone.
fn square<'s>(s: &'s Scope<'s, '_>, input: Receiver<u64>, out: Sender<u64>) {
    s.spawn(move || {
        for n in input {
            if out.send(n * n).is_err() {
                break;
            }
        }
    });
}

fn main() {
    // ## Fan out to two workers, merge their outputs
    // Each worker gets a clone of the numbers' Receiver, and each value goes to one of them.
    // Both send on clones of one Sender, and the channel closes when the last clone is
    // dropped: there is nothing to merge. The scope returns once all its threads have ended.
    let sum: u64 = thread::scope(|s| {
        let nums = generate(s, 4);
        let (tx, squares) = bounded(0);
        square(s, nums.clone(), tx.clone());
        square(s, nums, tx);
        squares.iter().sum()
    });
    println!("sum of the squares of 1 to 4: {sum}");

    // ## Stop every stage early
    // Dropping the Receiver is Go's close(done): each worker's next send fails, it returns
    // and drops its clone of the numbers' Receiver, and then the generator's send fails too.
    thread::scope(|s| {
        let nums = generate(s, 1_000_000);
        let (tx, squares) = bounded(0);
        square(s, nums.clone(), tx.clone());
        square(s, nums, tx);
        squares.recv().expect("a worker sends a square");
        drop(squares);
        println!("took one square of a million, then stopped the pipeline");
    });
    println!("every worker has stopped");
}

//! Pipelines with std: threads joined by mpsc channels. The workers share one Receiver behind
//! a Mutex (fan-out) and send on clones of one Sender (fan-in), and dropping the Receiver
//! stops every stage, which Go does by closing a done channel.
//!
//! Run it with `cargo run --example pipelines`. Its Go counterpart is
//! go-reference/pipelines/main.go (`go run ./pipelines` in go-reference/); both print
//! go-reference/pipelines/expected.txt. See also `pipelines-crossbeam` and `pipelines-tokio`.

use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};
use std::thread::{self, Scope};

/// Sends 1..=n. A send fails once the Receiver is gone, and the stage returns: a consumer
/// stops its producers by dropping its end, so no stage needs a done channel.
fn generate<'s>(s: &'s Scope<'s, '_>, n: u64) -> Receiver<u64> {
    let (tx, rx) = sync_channel(0);
    s.spawn(move || {
        for i in 1..=n {
            if tx.send(i).is_err() {
                break;
            }
        }
    });
    rx
}

/// Starts one worker that squares what it takes from `input` and sends it on `out`. The lock
/// is held only for the recv: the guard is a temporary of the `let` statement.
fn square<'s>(s: &'s Scope<'s, '_>, input: Arc<Mutex<Receiver<u64>>>, out: SyncSender<u64>) {
    s.spawn(move || {
        loop {
            let Ok(n) = input.lock().expect("no worker panics").recv() else {
                break; // the input is closed and empty
            };
            if out.send(n * n).is_err() {
                break; // the consumer is gone
            }
        }
    });
}

fn main() {
    // ## Fan out to two workers, merge their outputs
    // std's Receiver has one consumer, so the workers share it behind a Mutex. Both send on
    // clones of one Sender, and the channel closes when the last clone is dropped: there is
    // nothing to merge. The scope returns once every thread it started has ended.
    let sum: u64 = thread::scope(|s| {
        let nums = Arc::new(Mutex::new(generate(s, 4)));
        let (tx, squares) = sync_channel(0);
        square(s, Arc::clone(&nums), tx.clone());
        square(s, nums, tx);
        squares.iter().sum()
    });
    println!("sum of the squares of 1 to 4: {sum}");

    // ## Stop every stage early
    // Dropping the Receiver is Go's close(done): each worker's next send fails, it returns
    // and drops its share of the numbers' Receiver, and then the generator's send fails too.
    thread::scope(|s| {
        let nums = Arc::new(Mutex::new(generate(s, 1_000_000)));
        let (tx, squares) = sync_channel(0);
        square(s, Arc::clone(&nums), tx.clone());
        square(s, nums, tx);
        squares.recv().expect("a worker sends a square");
        drop(squares);
        println!("took one square of a million, then stopped the pipeline");
    });
    println!("every worker has stopped");
}

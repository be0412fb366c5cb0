//! Several consumers with crossbeam: its Receiver clones, and the clones share one queue,
//! each value going to exactly one of them, as in Go.
//!
//! Run it with `cargo run --example several-consumers-crossbeam`. Its Go twin is
//! go-reference/several-consumers/main.go (`go run ./several-consumers` in go-reference/);
//! both print go-reference/several-consumers/expected.txt. Crates: crossbeam. See also
//! `several-consumers` (std) and `several-consumers-tokio`.

use std::thread;

use crossbeam::channel;

fn main() {
    // ## Start the consumers
    // crossbeam's channels are multi-producer, multi-consumer: each consumer owns a clone
    // of the Receiver, and needs no lock to share the queue. Iterating a clone ends when
    // the channel is disconnected and empty, as Go's range does.
    let (tx, rx) = channel::bounded(0);
    let mut all: Vec<i32> = thread::scope(|s| {
        let consumers: Vec<_> = (0..3)
            .map(|_| {
                let rx = rx.clone();
                s.spawn(move || rx.iter().collect::<Vec<i32>>())
            })
            .collect();

        // ## Send, then close
        // Dropping the only Sender disconnects the channel for every clone of the Receiver.
        for v in 1..=9 {
            tx.send(v).expect("the consumers are receiving");
        }
        drop(tx);

        // ## Gather what they received
        // Each consumer's list comes back through its join handle. How the values split
        // between them is up to the scheduler, so we merge the lists and sort them.
        consumers
            .into_iter()
            .flat_map(|c| c.join().expect("no consumer panics"))
            .collect()
    });
    all.sort_unstable();
    print!("3 consumers received between them:");
    for v in &all {
        print!(" {v}");
    }
    println!();
}

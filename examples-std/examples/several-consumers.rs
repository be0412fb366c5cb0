//! Several consumers with `std::sync::mpsc`: its Receiver is single-consumer, so threads take
//! turns at it through a Mutex, each value going to exactly one of them.
//!
//! Run it with `cargo run --example several-consumers`. Its Go twin is
//! go-reference/several-consumers/main.go (`go run ./several-consumers` in go-reference/);
//! both print go-reference/several-consumers/expected.txt. See also
//! `several-consumers-crossbeam` (Receivers that clone) and `several-consumers-tokio`.

use std::sync::{Mutex, mpsc};
use std::thread;

fn main() {
    // ## Start the consumers
    // mpsc is multi-producer, single-consumer: the Receiver is neither Clone nor Sync, so
    // two threads cannot both hold it. A Mutex makes them take turns; the scoped threads
    // borrow it. The guard is a temporary dropped at the end of its statement: a consumer
    // holds the lock while it waits in recv(), and the others wait for the lock.
    let (tx, rx) = mpsc::sync_channel(0);
    let rx = Mutex::new(rx);
    let mut all: Vec<i32> = thread::scope(|s| {
        let consumers: Vec<_> = (0..3)
            .map(|_| {
                s.spawn(|| {
                    let mut got = Vec::new();
                    loop {
                        let next = rx.lock().expect("no consumer panics").recv();
                        let Ok(v) = next else { break got };
                        got.push(v);
                    }
                })
            })
            .collect();

        // ## Send, then close
        // Dropping the only Sender closes the channel: every consumer's recv() returns Err.
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

//! Several consumers between tokio tasks: tokio's mpsc Receiver is single-consumer, so tasks
//! take turns at it through tokio's Mutex, each value going to exactly one of them.
//!
//! Run it with `cargo run --example several-consumers-tokio`. Its Go twin is
//! go-reference/several-consumers/main.go (`go run ./several-consumers` in go-reference/);
//! both print go-reference/several-consumers/expected.txt. Crates: tokio (features
//! "rt-multi-thread", "macros", "sync"). See also `several-consumers-crossbeam`.

use std::sync::Arc;

use tokio::sync::{Mutex, mpsc};

#[tokio::main]
async fn main() {
    // ## Start the consumers
    // The Receiver is not Clone, and recv() needs `&mut`: tasks share it through an Arc'd
    // tokio Mutex, whose guard may be held across the .await in recv(). The guard is a
    // temporary dropped at the end of its statement: held while waiting, not while working.
    let (tx, rx) = mpsc::channel(1);
    let rx = Arc::new(Mutex::new(rx));
    let consumers: Vec<_> = (0..3)
        .map(|_| {
            let rx = Arc::clone(&rx);
            tokio::spawn(async move {
                let mut got = Vec::new();
                loop {
                    let next = rx.lock().await.recv().await;
                    let Some(v) = next else { break got };
                    got.push(v);
                }
            })
        })
        .collect();

    // ## Send, then close
    // Dropping the only Sender closes the channel: every consumer's recv() returns None.
    for v in 1..=9 {
        tx.send(v).await.expect("the consumers are receiving");
    }
    drop(tx);

    // ## Gather what they received
    // Each consumer's list comes back when its JoinHandle is awaited. How the values split
    // between them is up to the scheduler, so we merge the lists and sort them.
    let mut all: Vec<i32> = Vec::new();
    for consumer in consumers {
        all.extend(consumer.await.expect("no consumer panics"));
    }
    all.sort_unstable();
    print!("3 consumers received between them:");
    for v in &all {
        print!(" {v}");
    }
    println!();
}

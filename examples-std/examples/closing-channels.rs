//! Closing channels: with `std::sync::mpsc`, dropping the last Sender tells the Receiver that no
//! more values are coming.
//!
//! Run it with `cargo run --example closing-channels`. Its Go twin is
//! go-reference/closing-channels/main.go (`go run ./closing-channels` in go-reference/);
//! both print go-reference/closing-channels/expected.txt. See also
//! `closing-channels-crossbeam` and `closing-channels-tokio`.

use std::sync::mpsc;
use std::thread;

fn main() {
    // ## Send, then close
    // Rust has no close(): a channel closes when its last Sender is dropped. The producer
    // owns the only Sender, so its drop is the close; nobody can close twice or send after
    // it. The explicit drop marks the spot: the closure's end would drop it anyway.
    let (tx, rx) = mpsc::sync_channel(0);
    let producer = thread::spawn(move || {
        for i in 1..=3 {
            tx.send(i).expect("main receives until the channel closes");
        }
        drop(tx);
    });

    // ## Range until closed
    // Iterating a Receiver is `for v := range ch`: recv() until every Sender is gone and
    // nothing is left. A Sender kept alive anywhere would make this loop wait forever.
    print!("received:");
    for v in &rx {
        print!(" {v}");
    }
    println!();
    producer.join().expect("the producer does not panic");

    // ## Receive after close
    // recv() on a closed, empty channel returns Err(RecvError) at once: there is no zero
    // value to hand out, so no second result is needed to tell the cases apart.
    if rx.recv().is_err() {
        println!("a receive after close returns at once: the channel is closed and empty");
    }

    // ## A send nobody can receive
    // Rust's closing goes the other way too: drop the Receiver, and send() neither panics
    // nor waits forever. It returns Err(SendError) holding the value it could not deliver.
    let (tx, rx) = mpsc::sync_channel(1);
    drop(rx);
    let refused = tx.send(4).expect_err("the Receiver is gone");
    assert_eq!(refused.0, 4);
    println!("a send nobody can receive: failed");
}

//! Closing channels with crossbeam: dropping the last Sender tells every Receiver that no more
//! values are coming.
//!
//! Run it with `cargo run --example closing-channels-crossbeam`. Its Go twin is
//! go-reference/closing-channels/main.go (`go run ./closing-channels` in go-reference/);
//! both print go-reference/closing-channels/expected.txt. Crates: crossbeam. See also
//! `closing-channels` (std) and `closing-channels-tokio`.

use std::thread;

use crossbeam::channel;

fn main() {
    // ## Send, then close
    // As with std, there is no close(): the channel is disconnected when its last Sender is
    // dropped. The producer's Sender is moved into its thread, so the scope's main thread
    // has none left, and the producer's drop is the close.
    let (tx, rx) = channel::bounded(0);
    thread::scope(|s| {
        s.spawn(move || {
            for i in 1..=3 {
                tx.send(i).expect("main receives until the channel closes");
            }
            drop(tx);
        });

        // ## Range until closed
        // Iterating a Receiver is `for v := range ch`: recv() until it is disconnected and
        // empty. A Sender kept alive anywhere would make this loop wait forever.
        print!("received:");
        for v in &rx {
            print!(" {v}");
        }
        println!();
    });

    // ## Receive after close
    // recv() on a disconnected, empty channel returns Err(RecvError) at once: there is no
    // zero value to hand out, so no second result is needed to tell the cases apart.
    if rx.recv().is_err() {
        println!("a receive after close returns at once: the channel is closed and empty");
    }

    // ## A send nobody can receive
    // Dropping every Receiver disconnects the channel from the other side, which Go cannot
    // do: send() then returns Err(SendError) with the value, instead of panicking or waiting.
    let (tx, rx) = channel::bounded(1);
    drop(rx);
    let refused = tx.send(4).expect_err("the Receiver is gone");
    assert_eq!(refused.into_inner(), 4);
    println!("a send nobody can receive: failed");
}

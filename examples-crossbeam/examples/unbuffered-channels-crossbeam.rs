//! Unbuffered channels with crossbeam: a send on `bounded(0)` returns only once a receiver has
//! the value.
//!
//! Run it with `cargo run --example unbuffered-channels-crossbeam`. Its Go twin is
//! go-reference/unbuffered-channels/main.go (`go run ./unbuffered-channels` in go-reference/);
//! both print go-reference/unbuffered-channels/expected.txt. Crates: crossbeam. See also
//! `unbuffered-channels` (std) and `unbuffered-channels-tokio`.

use std::thread;
use std::time::Duration;

use crossbeam::channel;

fn main() {
    // ## Send with nobody receiving
    // bounded(0) is a zero-capacity channel, Go's make(chan T): send() and recv() must meet.
    // The thread is scoped, so it may borrow the Sender; the scope joins it before returning.
    let (tx, rx) = channel::bounded(0);
    let msg = thread::scope(|s| {
        s.spawn(|| {
            tx.send(String::from("ping")).expect("main receives");
            println!("sender: the send returned");
        });
        thread::sleep(Duration::from_millis(20));
        println!("main: nothing received yet, the sender is waiting");

        // ## Receive, and the send completes
        // recv() takes the value from the blocked sender and wakes it. The scope joins the
        // sender before it returns, so the sender's line comes before ours.
        rx.recv().expect("the sender sends once")
    });
    println!("main: received {msg}");
}

//! Unbuffered channels: a send on `sync_channel(0)` returns only once a receiver has the value.
//!
//! Run it with `cargo run --example unbuffered-channels`. Its Go twin is
//! go-reference/unbuffered-channels/main.go (`go run ./unbuffered-channels` in go-reference/);
//! both print go-reference/unbuffered-channels/expected.txt. See also
//! `unbuffered-channels-crossbeam` and `unbuffered-channels-tokio`.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

fn main() {
    // ## Send with nobody receiving
    // sync_channel(0) has no room for a value: send() blocks until a recv() takes it, as a
    // send on Go's make(chan T) does. send() takes the String by move, so once it is sent
    // the sender has nothing left to change; the thread owns its Sender for the same reason.
    let (tx, rx) = mpsc::sync_channel(0);
    let sender = thread::spawn(move || {
        tx.send(String::from("ping")).expect("main receives");
        println!("sender: the send returned");
    });
    thread::sleep(Duration::from_millis(20));
    println!("main: nothing received yet, the sender is waiting");

    // ## Receive, and the send completes
    // recv() takes the value from the blocked sender and wakes it. Joining the thread
    // before printing keeps the three lines in one order.
    let msg = rx.recv().expect("the sender sends once");
    sender.join().expect("the sender does not panic");
    println!("main: received {msg}");
}

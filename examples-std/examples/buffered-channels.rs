//! Buffered channels: sends on `sync_channel(3)` return at once until the buffer is full.
//!
//! Run it with `cargo run --example buffered-channels`. Its Go twin is
//! go-reference/buffered-channels/main.go (`go run ./buffered-channels` in go-reference/);
//! both print go-reference/buffered-channels/expected.txt. See also
//! `buffered-channels-crossbeam` and `buffered-channels-tokio`.

use std::sync::mpsc::{self, TrySendError};
use std::thread;

fn main() {
    // ## Fill the buffer
    // sync_channel(3) is make(chan int, 3): send() returns at once while there is room.
    // (std's mpsc::channel() has no bound at all: its send() never waits. Go has no such
    // channel.)
    let (tx, rx) = mpsc::sync_channel(3);
    for i in 1..=3 {
        tx.send(i * 10).expect("the Receiver is alive");
    }
    println!("3 sends returned with nobody receiving");

    // ## A fourth send would wait
    // try_send is Go's select with a default case: instead of blocking it hands the value
    // back in TrySendError::Full.
    match tx.try_send(40) {
        Ok(()) => println!("the 4th send went in"),
        Err(TrySendError::Full(_)) => println!("the buffer is full: a 4th send would wait"),
        Err(TrySendError::Disconnected(_)) => unreachable!("the Receiver is alive"),
    }

    // ## A receive makes room
    // A thread makes the 4th send and blocks; the first recv() frees a slot and lets it in.
    // Values come out in the order they went in.
    let late = thread::spawn(move || tx.send(40).expect("main receives it"));
    print!("received:");
    for _ in 0..4 {
        print!(" {}", rx.recv().expect("four values are sent"));
    }
    println!();
    late.join().expect("the sending thread does not panic");
}

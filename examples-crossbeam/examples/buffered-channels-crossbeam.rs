//! Buffered channels with crossbeam: sends on `bounded(3)` return at once until the buffer is
//! full.
//!
//! Run it with `cargo run --example buffered-channels-crossbeam`. Its Go twin is
//! go-reference/buffered-channels/main.go (`go run ./buffered-channels` in go-reference/);
//! both print go-reference/buffered-channels/expected.txt. Crates: crossbeam. See also
//! `buffered-channels` (std) and `buffered-channels-tokio`.

use std::thread;

use crossbeam::channel::{self, TrySendError};

fn main() {
    // ## Fill the buffer
    // bounded(3) is make(chan int, 3). Unlike std's channels, crossbeam's report how many
    // values wait and how many fit: len() and capacity() are Go's len(ch) and cap(ch).
    let (tx, rx) = channel::bounded(3);
    for i in 1..=3 {
        tx.send(i * 10).expect("the Receiver is alive");
    }
    assert_eq!((tx.len(), tx.capacity()), (3, Some(3)));
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
    // A scoped thread makes the 4th send and blocks; the first recv() frees a slot and lets
    // it in. Values come out in the order they went in.
    thread::scope(|s| {
        s.spawn(|| tx.send(40).expect("main receives it"));
        print!("received:");
        for _ in 0..4 {
            print!(" {}", rx.recv().expect("four values are sent"));
        }
        println!();
    });
}

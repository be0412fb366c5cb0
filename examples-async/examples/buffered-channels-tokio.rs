//! Buffered channels between tokio tasks: `send().await` on `mpsc::channel(3)` completes at
//! once until the buffer is full.
//!
//! Run it with `cargo run --example buffered-channels-tokio`. Its Go twin is
//! go-reference/buffered-channels/main.go (`go run ./buffered-channels` in go-reference/);
//! both print go-reference/buffered-channels/expected.txt. Crates: tokio (features
//! "rt-multi-thread", "macros", "sync"). See also `buffered-channels` (std).

use tokio::sync::mpsc::{self, error::TrySendError};

#[tokio::main]
async fn main() {
    // ## Fill the buffer
    // mpsc::channel(3) is make(chan int, 3): while there is room, send().await completes
    // with nobody receiving. capacity() counts the free slots, max_capacity() the size.
    let (tx, mut rx) = mpsc::channel(3);
    for i in 1..=3 {
        tx.send(i * 10).await.expect("the Receiver is alive");
    }
    assert_eq!((tx.capacity(), tx.max_capacity()), (0, 3));
    println!("3 sends returned with nobody receiving");

    // ## A fourth send would wait
    // try_send is Go's select with a default case: instead of waiting it hands the value
    // back in TrySendError::Full.
    match tx.try_send(40) {
        Ok(()) => println!("the 4th send went in"),
        Err(TrySendError::Full(_)) => println!("the buffer is full: a 4th send would wait"),
        Err(TrySendError::Closed(_)) => unreachable!("the Receiver is alive"),
    }

    // ## A receive makes room
    // A task makes the 4th send and is suspended; the first recv() frees a slot and wakes
    // it. Values come out in the order they went in.
    let late = tokio::spawn(async move { tx.send(40).await.expect("main receives it") });
    print!("received:");
    for _ in 0..4 {
        print!(" {}", rx.recv().await.expect("four values are sent"));
    }
    println!();
    late.await.expect("the sending task does not panic");
}

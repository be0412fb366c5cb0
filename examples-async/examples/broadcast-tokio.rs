//! Broadcast with tokio: tokio::sync::broadcast gives every subscriber every value (and tells
//! a slow one how many it missed), and tokio::sync::watch keeps only the latest value.
//!
//! Run it with `cargo run --example broadcast-tokio`. Its Go counterpart is
//! go-reference/broadcast/main.go (`go run ./broadcast` in go-reference/); both print
//! go-reference/broadcast/expected.txt. Crates: tokio (features "macros", "rt-multi-thread",
//! "sync"). See also `cargo run --example broadcast`.

use tokio::sync::broadcast::{self, error::RecvError};
use tokio::sync::watch;
use tokio::task::JoinSet;

#[tokio::main]
async fn main() {
    // ## Wake every waiter at once
    // Dropping a broadcast Sender closes the channel: every Receiver's recv() returns
    // Err(Closed) once its queue is empty, which is Go's close(start).
    let (start_tx, _) = broadcast::channel::<()>(1);
    let mut waiters = JoinSet::new();
    for _ in 0..3 {
        let mut start = start_tx.subscribe();
        waiters.spawn(async move { start.recv().await.expect_err("nothing is ever sent") });
    }
    drop(start_tx);
    waiters.join_all().await;
    println!("one signal woke all 3 waiters");

    // ## Send each value to every subscriber
    // Rust has what Go lacks: one channel that hands every value to every subscriber. Each
    // value is cloned once per Receiver that reads it. (They read afterwards here.)
    let (tx, _) = broadcast::channel(3);
    let mut subs: Vec<_> = (0..3).map(|_| tx.subscribe()).collect();
    for v in 1..=3 {
        tx.send(v).expect("there are subscribers");
    }
    drop(tx);
    for (i, inbox) in subs.iter_mut().enumerate() {
        print!("subscriber {} got:", i + 1);
        while let Ok(v) = inbox.recv().await {
            print!(" {v}");
        }
        println!();
    }

    // ## Let a slow subscriber fall behind
    // send() never waits: when the buffer is full the oldest value is overwritten, and a
    // Receiver that had not read it gets Err(Lagged(n)) once, then the oldest value kept.
    let (tx, mut inbox) = broadcast::channel(2);
    for v in 1..=5 {
        tx.send(v).expect("there is a subscriber");
    }
    drop(tx);
    loop {
        match inbox.recv().await {
            Err(RecvError::Lagged(n)) => print!("slow subscriber missed {n}, then got:"),
            Ok(v) => print!(" {v}"),
            Err(RecvError::Closed) => break,
        }
    }
    println!();

    // ## Keep only the latest value
    // A watch channel is one slot with a version: send() replaces the value and wakes every
    // Receiver, and changed() returns once there is a version this Receiver has not seen.
    let (tx, mut watcher) = watch::channel("");
    for v in ["v1", "v2", "v3"] {
        tx.send(v).expect("the watcher is alive");
    }
    watcher.changed().await.expect("the Sender is alive");
    let seen = *watcher.borrow_and_update();
    println!("watcher after three updates saw: {seen}");
    tokio::spawn(async move { tx.send("v4").expect("the watcher is alive") });
    watcher.changed().await.expect("a new version was sent");
    let seen = *watcher.borrow_and_update();
    println!("watcher woke up to: {seen}");
}

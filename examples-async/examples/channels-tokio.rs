//! Channels between tokio tasks: `tokio::sync::mpsc` (bounded `channel(n)` and
//! `unbounded_channel`), `recv().await` returning None once every Sender is gone, and a
//! `oneshot` reply standing in for Go's unbuffered hand-off.
//!
//! Run it with `cargo run --example channels-tokio`. Its Go twin is
//! go-reference/channels/main.go (`go run ./channels` in go-reference/); both print
//! go-reference/channels/expected.txt. Crates: tokio (features "rt-multi-thread", "macros",
//! "sync", "time"). See also `channels` (std::sync::mpsc) and `channels-crossbeam`.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::sync::mpsc::error::{SendError, TrySendError};
use tokio::sync::{Mutex, mpsc, oneshot};

#[tokio::main]
async fn main() {
    // ## Unbuffered: the send waits for a receiver
    // tokio's mpsc has no rendezvous: channel(0) panics ("requires buffer > 0"). A sender that
    // must know its value was taken sends a oneshot Sender along with it and awaits the reply.
    // Awaiting parks the task, not the thread: the worker thread runs other tasks meanwhile.
    let (tx, mut rx) = mpsc::channel::<(&str, oneshot::Sender<()>)>(1);
    let delivered = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&delivered);
    let sender = tokio::spawn(async move {
        let (ack_tx, ack_rx) = oneshot::channel();
        tx.send(("ping", ack_tx)).await.expect("rx is alive");
        ack_rx.await.expect("main acknowledges the value");
        flag.store(true, Ordering::Relaxed); // Awaiting the JoinHandle orders it before main.
    });
    tokio::time::sleep(Duration::from_millis(20)).await;
    let early = delivered.load(Ordering::Relaxed);
    println!("unbuffered: send finished before anyone received? {early}");
    let (msg, ack) = rx.recv().await.expect("one value comes");
    ack.send(()).expect("the sender awaits the acknowledgement");
    println!("unbuffered: received {msg}");
    sender.await.expect("the sender does not panic");
    let late = delivered.load(Ordering::Relaxed);
    println!("unbuffered: send finished after the receive? {late}");

    // ## Buffered: sends return until the buffer is full
    // channel(3) is make(chan int, 3); send().await suspends the task while it is full.
    // capacity() counts the free slots; try_send is Go's select with a default case.
    let (tx, mut rx) = mpsc::channel::<i32>(3);
    for i in 1..=3 {
        tx.send(i * 10).await.expect("rx is alive");
    }
    assert_eq!((tx.capacity(), tx.max_capacity()), (0, 3));
    println!("buffered: 3 sends returned with nobody receiving");
    assert_eq!(tx.try_send(40), Err(TrySendError::Full(40)));
    println!("buffered: a 4th send would block, the buffer is full");
    // try_recv takes what is buffered without waiting, until it reports Empty.
    let got: Vec<i32> = std::iter::from_fn(|| rx.try_recv().ok()).collect();
    println!("buffered: received {}", go_slice(&got));

    // ## Several producers, then close and range
    // unbounded_channel's send() is a plain call: it never waits. Each task owns a clone of
    // the Sender; when the last one is dropped, recv() returns None, which ends the loop as
    // close(ch) ends Go's range. No one counts the producers, and nothing can close twice.
    let (tx, mut rx) = mpsc::unbounded_channel::<i32>();
    for p in 1..=3 {
        let tx = tx.clone();
        tokio::spawn(async move {
            tx.send(p * 10 + 1).expect("rx is alive");
            tx.send(p * 10 + 2).expect("rx is alive");
        });
    }
    drop(tx); // Main's own Sender would otherwise keep the loop below waiting forever.
    let mut got = Vec::new();
    while let Some(v) = rx.recv().await {
        got.push(v);
    }
    got.sort_unstable(); // Producers interleave in any order; sorting makes it printable.
    let got = go_slice(&got);
    println!("producers: received {got} until the channel closed");
    let ok = rx.recv().await.is_some();
    println!("producers: a receive after close reports ok = {ok}");

    // ## A send nobody can receive
    // Once the Receiver is dropped, send() returns Err(SendError(v)) with the value back:
    // no panic as in Go's send on a closed channel, no task blocked forever.
    let (tx, rx) = mpsc::unbounded_channel::<i32>();
    drop(rx);
    let late = tx.send(7);
    assert_eq!(late, Err(SendError(7)));
    println!("late send: failed = {}", late.is_err());

    // ## Several consumers
    // tokio's mpsc Receiver is single-consumer, like std's. Sharing it means an Arc around
    // tokio's own Mutex, whose guard may be held across the .await inside recv(); a
    // multi-consumer async channel needs another crate (async-channel, flume).
    let (tx, rx) = mpsc::unbounded_channel::<i32>();
    let rx = Arc::new(Mutex::new(rx));
    let consumers: Vec<_> = (0..2)
        .map(|_| {
            let rx = Arc::clone(&rx);
            tokio::spawn(async move {
                let (mut count, mut sum) = (0, 0);
                loop {
                    // The guard is dropped at the end of this statement, not held while we
                    // count; while one consumer waits in recv(), the other waits for the lock.
                    let next = rx.lock().await.recv().await;
                    let Some(v) = next else { break (count, sum) };
                    (count, sum) = (count + 1, sum + v);
                }
            })
        })
        .collect();
    for v in 1..=10 {
        tx.send(v).expect("the consumers are alive");
    }
    drop(tx); // Both consumers see None, as every Go receiver sees close().
    let (mut count, mut sum) = (0, 0);
    for consumer in consumers {
        let (c, v) = consumer.await.expect("consumers do not panic");
        (count, sum) = (count + c, sum + v);
    }
    println!("consumers: 2 consumers shared {count} values, sum {sum}");
}

/// Formats like Go's fmt.Println of a slice: `[10 20 30]`.
fn go_slice(values: &[i32]) -> String {
    let items: Vec<String> = values.iter().map(i32::to_string).collect();
    format!("[{}]", items.join(" "))
}

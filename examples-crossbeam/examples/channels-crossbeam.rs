//! Channels with crossbeam: `bounded(0)`, `bounded(n)` and `unbounded()`, whose Senders and
//! Receivers both clone, so many producers and many consumers share one channel as in Go.
//!
//! Run it with `cargo run --example channels-crossbeam`. Its Go twin is
//! go-reference/channels/main.go (`go run ./channels` in go-reference/); both print
//! go-reference/channels/expected.txt. Crates: crossbeam. See also `channels` (std::sync::mpsc)
//! and `channels-tokio` (tasks).

use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

use crossbeam::channel::{self, SendError, TrySendError};

fn main() {
    // ## Unbuffered: the send waits for a receiver
    // bounded(0) is a zero-capacity channel, Go's make(chan T): send() and recv() must meet.
    // The threads are scoped (std::thread::scope), so they borrow the flag instead of owning
    // an Arc of it, and the scope joins them before it returns.
    let (tx, rx) = channel::bounded::<&str>(0);
    let delivered = AtomicBool::new(false);
    thread::scope(|s| {
        s.spawn(|| {
            tx.send("ping").expect("rx is alive");
            delivered.store(true, Ordering::Relaxed);
        });
        thread::sleep(Duration::from_millis(20));
        let early = delivered.load(Ordering::Relaxed);
        println!("unbuffered: send finished before anyone received? {early}");
        let msg = rx.recv().expect("one value comes");
        println!("unbuffered: received {msg}");
    }); // The sender thread is joined here; its store happens before the load below.
    let late = delivered.load(Ordering::Relaxed);
    println!("unbuffered: send finished after the receive? {late}");

    // ## Buffered: sends return until the buffer is full
    // bounded(3) is make(chan int, 3). Unlike std's, crossbeam's channel can report its length
    // and capacity, Go's len(ch) and cap(ch); try_send is a select with a default case.
    let (tx, rx) = channel::bounded::<i32>(3);
    for i in 1..=3 {
        tx.send(i * 10).expect("rx is alive");
    }
    assert_eq!((tx.len(), tx.capacity()), (3, Some(3)));
    println!("buffered: 3 sends returned with nobody receiving");
    assert_eq!(tx.try_send(40), Err(TrySendError::Full(40)));
    println!("buffered: a 4th send would block, the buffer is full");
    let got: Vec<i32> = rx.try_iter().collect(); // Takes what is there, without blocking.
    println!("buffered: received {}", go_slice(&got));

    // ## Several producers, then close and range
    // unbounded() never blocks a sender. As in std, there is no close(): the channel is
    // disconnected when its last Sender is dropped, and iterating the Receiver ends there.
    let (tx, rx) = channel::unbounded::<i32>();
    let mut got: Vec<i32> = thread::scope(|s| {
        for p in 1..=3 {
            let tx = tx.clone(); // Each producer owns a Sender; dropping it is its close().
            s.spawn(move || {
                tx.send(p * 10 + 1).expect("rx is alive");
                tx.send(p * 10 + 2).expect("rx is alive");
            });
        }
        drop(tx); // Without this, main's own Sender would keep the range open forever.
        rx.iter().collect() // Go's `for v := range ch`, while the producers still run.
    });
    got.sort_unstable(); // Producers interleave in any order; sorting makes it printable.
    println!(
        "producers: received {} until the channel closed",
        go_slice(&got)
    );
    println!(
        "producers: a receive after close reports ok = {}",
        rx.recv().is_ok()
    );

    // ## A send nobody can receive
    // Once every Receiver is dropped, send() returns Err(SendError(v)) with the value; it
    // neither panics (Go's send on a closed channel) nor blocks forever (Go's abandoned one).
    let (tx, rx) = channel::unbounded::<i32>();
    drop(rx);
    let late = tx.send(7);
    assert_eq!(late, Err(SendError(7)));
    println!("late send: failed = {}", late.is_err());

    // ## Several consumers
    // A crossbeam Receiver is Clone: each clone receives from the same queue and every value
    // goes to exactly one of them. This is Go's fan-out, which std's mpsc cannot express.
    let (tx, rx) = channel::unbounded::<i32>();
    let (count, sum) = thread::scope(|s| {
        let consumers: Vec<_> = (0..2)
            .map(|_| {
                let rx = rx.clone();
                s.spawn(move || rx.iter().fold((0, 0), |(n, sum), v| (n + 1, sum + v)))
            })
            .collect();
        for v in 1..=10 {
            tx.send(v).expect("the consumers are alive");
        }
        drop(tx); // Every clone of the Receiver sees the disconnection, as with close().
        let tallies = consumers
            .into_iter()
            .map(|c| c.join().expect("consumers do not panic"));
        tallies.fold((0, 0), |(n, total), (c, v)| (n + c, total + v))
    });
    println!("consumers: 2 consumers shared {count} values, sum {sum}");
}

/// Formats like Go's fmt.Println of a slice: `[10 20 30]`.
fn go_slice(values: &[i32]) -> String {
    let items: Vec<String> = values.iter().map(i32::to_string).collect();
    format!("[{}]", items.join(" "))
}

//! Channels with `std::sync::mpsc`: rendezvous and bounded `sync_channel`, unbounded `channel`,
//! several producers, dropping every Sender as close, and iterating the Receiver as range.
//!
//! Run it with `cargo run --example channels`. Its Go twin is go-reference/channels/main.go
//! (`go run ./channels` in go-reference/); both print go-reference/channels/expected.txt.
//! See also `channels-crossbeam` (Receivers that clone) and `channels-tokio` (tasks).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, SendError, TrySendError};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

fn main() {
    // ## Unbuffered: the send waits for a receiver
    // sync_channel(0) holds no value: send() returns only once a recv() has taken it, as with
    // Go's make(chan T). send() takes its value by value, so a String or Vec sent is moved and
    // the sender cannot touch it again. The thread must own what it uses: the Sender moves in,
    // the flag is shared through an Arc. Relaxed is enough: the store follows a send() that
    // cannot return before our recv(), and join(), not the atomic, orders it before the last load.
    let (tx, rx) = mpsc::sync_channel::<&str>(0);
    let delivered = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&delivered);
    let sender = thread::spawn(move || {
        tx.send("ping").expect("rx is alive");
        flag.store(true, Ordering::Relaxed);
    });
    thread::sleep(Duration::from_millis(20));
    let early = delivered.load(Ordering::Relaxed);
    println!("unbuffered: send finished before anyone received? {early}");
    let msg = rx.recv().expect("the sender sends once");
    println!("unbuffered: received {msg}");
    sender.join().expect("the sender does not panic");
    let late = delivered.load(Ordering::Relaxed);
    println!("unbuffered: send finished after the receive? {late}");

    // ## Buffered: sends return until the buffer is full
    // sync_channel(3) is make(chan int, 3): send() blocks while 3 values wait. try_send is
    // Go's select with a default case: it reports Full instead of blocking.
    let (tx, rx) = mpsc::sync_channel::<i32>(3);
    for i in 1..=3 {
        tx.send(i * 10).expect("rx is alive");
    }
    println!("buffered: 3 sends returned with nobody receiving");
    assert_eq!(tx.try_send(40), Err(TrySendError::Full(40)));
    println!("buffered: a 4th send would block, the buffer is full");
    let got: Vec<i32> = rx.try_iter().collect(); // What is buffered, without blocking.
    println!("buffered: received {}", go_slice(&got));

    // ## Several producers, then close and range
    // mpsc::channel() is unbounded: send() never blocks (Go has no such channel; its twin here
    // is unbuffered). Each producer owns a clone of the Sender. There is no close(): the channel
    // closes when the last Sender is dropped, so nobody counts the producers and nothing can
    // close twice. The guide's fragment keeps its original `tx` alive; that is harmless for
    // one recv(), but a loop over the Receiver would then never end. Hence `drop(tx)`.
    let (tx, rx) = mpsc::channel::<i32>();
    for p in 1..=3 {
        let tx = tx.clone();
        // The JoinHandle is dropped (the thread detaches): the channel's closing is our signal.
        thread::spawn(move || {
            tx.send(p * 10 + 1).expect("rx is alive");
            tx.send(p * 10 + 2).expect("rx is alive");
        });
    }
    drop(tx);
    // Iterating the Receiver is `for v := range ch`: recv() until every Sender is gone.
    let mut got: Vec<i32> = rx.iter().collect();
    got.sort_unstable(); // Producers interleave in any order; sorting makes it printable.
    let got = go_slice(&got);
    println!("producers: received {got} until the channel closed");
    // After close, recv() returns Err(RecvError) at once: Go's zero value with ok == false.
    let ok = rx.recv().is_ok();
    println!("producers: a receive after close reports ok = {ok}");

    // ## A send nobody can receive
    // Here the receiving side goes away, which Go cannot express. send() neither panics (Go's
    // send on a closed channel) nor blocks forever (Go's send that nobody reads): it returns
    // Err(SendError(v)), handing the value back.
    let (tx, rx) = mpsc::channel::<i32>();
    drop(rx);
    let late = tx.send(7);
    assert_eq!(late, Err(SendError(7)));
    println!("late send: failed = {}", late.is_err());

    // ## Several consumers
    // mpsc's Receiver is single-consumer: it is not Clone, so two threads cannot both own one.
    // The guide says Go "lets you accidentally share a receiver"; but several goroutines
    // receiving from one channel is Go's normal, safe fan-out. Rust's usual answer is crossbeam
    // (see channels-crossbeam; std::sync::mpmc is still unstable). With std alone, a Mutex
    // makes the consumers take turns at the one Receiver.
    let (tx, rx) = mpsc::channel::<i32>();
    let rx = Arc::new(Mutex::new(rx));
    let consumers: Vec<thread::JoinHandle<(i32, i32)>> = (0..2)
        .map(|_| {
            let rx = Arc::clone(&rx);
            thread::spawn(move || {
                let (mut count, mut sum) = (0, 0);
                loop {
                    // The guard is a temporary dropped at the end of this statement: the lock
                    // is held while recv() waits (the other consumer queues on the Mutex).
                    let next = rx.lock().expect("no consumer panics").recv();
                    let Ok(v) = next else { break (count, sum) };
                    (count, sum) = (count + 1, sum + v);
                }
            })
        })
        .collect();
    for v in 1..=10 {
        tx.send(v).expect("the consumers are alive");
    }
    drop(tx); // Both consumers see the channel close, as every Go receiver sees close().
    let tallies = consumers
        .into_iter()
        .map(|c| c.join().expect("consumers do not panic"));
    let (count, sum) = tallies.fold((0, 0), |(n, s), (c, v)| (n + c, s + v));
    println!("consumers: 2 consumers shared {count} values, sum {sum}");
}

/// Formats like Go's fmt.Println of a slice: `[10 20 30]`.
fn go_slice(values: &[i32]) -> String {
    let items: Vec<String> = values.iter().map(i32::to_string).collect();
    format!("[{}]", items.join(" "))
}

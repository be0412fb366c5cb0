//! Broadcast with crossbeam: dropping the Sender wakes every cloned Receiver once, a channel
//! per subscriber carries a stream, and std's Condvar wakes the watchers of a latest value.
//!
//! Run it with `cargo run --example broadcast`. Its Go counterpart is
//! go-reference/broadcast/main.go (`go run ./broadcast` in go-reference/); both print
//! go-reference/broadcast/expected.txt. Crates: crossbeam.
//! See also `cargo run --example broadcast-tokio`.

use std::sync::{Condvar, Mutex};
use std::thread;

use crossbeam::channel::{TrySendError, bounded};

fn main() {
    // ## Wake every waiter at once
    // crossbeam's Receiver clones, and once the last Sender is dropped every recv() on every
    // clone returns Err at once: the drop is Go's close(start).
    let (start_tx, start) = bounded::<()>(0);
    thread::scope(|s| {
        for _ in 0..3 {
            let start = start.clone();
            s.spawn(move || start.recv().expect_err("nothing is ever sent"));
        }
        drop(start_tx);
    });
    println!("one signal woke all 3 waiters");

    // ## Send each value to every subscriber
    // A cloned Receiver shares one queue, each value going to one clone, so a stream for
    // every subscriber is still a channel per subscriber. (They read afterwards here.)
    let subs: Vec<_> = (0..3).map(|_| bounded::<i32>(3)).collect();
    for v in 1..=3 {
        for (sub, _) in &subs {
            sub.send(v).expect("the subscriber is alive");
        }
    }
    for (i, (_, inbox)) in subs.iter().enumerate() {
        print!("subscriber {} got:", i + 1);
        inbox.try_iter().for_each(|v| print!(" {v}"));
        println!();
    }

    // ## Let a slow subscriber fall behind
    // try_send hands a full channel's value back. crossbeam's Receivers clone, so the
    // publisher can hold one for the subscriber's channel and take out the oldest value.
    let (slow, inbox) = bounded(2);
    let mut missed = 0;
    for v in 1..=5 {
        if let Err(TrySendError::Full(v)) = slow.try_send(v) {
            inbox.try_recv().expect("a full channel is not empty");
            missed += 1;
            slow.send(v).expect("there is room now");
        }
    }
    print!("slow subscriber missed {missed}, then got:");
    inbox.try_iter().for_each(|v| print!(" {v}"));
    println!();

    // ## Keep only the latest value
    // crossbeam has no watch cell: std's Mutex owns (version, value), and notify_all is
    // Broadcast. Each watcher remembers the version it saw and waits for a newer one.
    let latest = Mutex::new((0, ""));
    let changed = Condvar::new();
    let publish = |v| {
        let mut guard = latest.lock().expect("no publisher panics");
        *guard = (guard.0 + 1, v);
        changed.notify_all();
    };
    let mut seen = 0;
    let mut next = || {
        let guard = latest.lock().expect("no publisher panics");
        let guard = changed.wait_while(guard, |(version, _)| *version == seen);
        let (version, value) = *guard.expect("no publisher panics");
        seen = version;
        value
    };
    publish("v1");
    publish("v2");
    publish("v3");
    println!("watcher after three updates saw: {}", next());
    thread::scope(|s| {
        s.spawn(|| publish("v4"));
        println!("watcher woke up to: {}", next());
    });
}

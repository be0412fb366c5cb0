//! Tickers with crossbeam: tick(d) is a channel that delivers an Instant every period.
//!
//! Run it with `cargo run --example tickers-crossbeam`. Its Go twin is
//! go-reference/tickers/main.go (`go run ./tickers` in go-reference/); both print
//! go-reference/tickers/expected.txt. Crates: crossbeam. See also `tickers-tokio`.

use std::thread;
use std::time::{Duration, Instant};

use crossbeam::channel::tick;

fn main() {
    // ## Receive a few ticks
    // Like after(), tick() has no thread behind it: each receive compares the clock with the
    // next delivery time, sleeps until then, and moves the delivery time one period on.
    let ticker = tick(Duration::from_millis(10));
    for i in 1..=3 {
        ticker.recv().expect("a tick channel never disconnects");
        println!("tick {i}");
    }

    // ## Fall behind
    thread::sleep(Duration::from_millis(100));
    let stall_end = Instant::now();

    // ## Receive after the stall
    // As in Go, one stale tick is waiting and the missed ones are gone. The next is due one
    // period after that receive, not on Go's original schedule: the phase shifts.
    let first = ticker.recv().expect("a tick channel never disconnects");
    println!("first tick after the stall: {}", age(first, stall_end));
    let second = ticker.recv().expect("a tick channel never disconnects");
    println!("second tick after the stall: {}", age(second, stall_end));

    // ## Stop it
    // There is no Stop, since nothing is scheduled: dropping the receiver is all it takes.
    drop(ticker);
}

fn age(tick: Instant, stall_end: Instant) -> &'static str {
    if tick < stall_end {
        "stale, due during the stall"
    } else {
        "fresh, due after the stall"
    }
}

//! Timers with crossbeam: after() and at() are channels that deliver one Instant at a deadline.
//!
//! Run it with `cargo run --example timers-crossbeam`. Its Go twin is
//! go-reference/timers/main.go (`go run ./timers` in go-reference/); both print
//! go-reference/timers/expected.txt. Crates: crossbeam. See also `timers` and `timers-tokio`.

use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crossbeam::channel::{Sender, after, at, bounded, select};

const TEN_MS: Duration = Duration::from_millis(10);
const HOUR: Duration = Duration::from_secs(3600);

/// crossbeam has no AfterFunc: a thread waits for whichever comes first, the timer or a
/// hang-up of the stop channel, and returns whether it ran `f`.
fn after_func(
    delay: Duration,
    f: impl FnOnce() + Send + 'static,
) -> (Sender<()>, JoinHandle<bool>) {
    let (stop, stopped) = bounded::<()>(0);
    let thread = thread::spawn(move || {
        select! {
            recv(after(delay)) -> _ => { f(); true }
            recv(stopped) -> _ => false,
        }
    });
    (stop, thread)
}

fn main() {
    // ## Wait for a timer
    // after(d) is NewTimer(d).C without the Timer. No thread or runtime stands behind it:
    // the channel compares the clock with its deadline whenever someone receives.
    let timer = after(TEN_MS);
    timer.recv().expect("a timer channel delivers once");
    println!("timer 1 fired");

    // ## Stop it before it fires
    // There is no Stop, since nothing was scheduled: drop the receiver. is_empty() says
    // whether the deadline is still ahead, which is what Go's Stop reports.
    let timer = after(HOUR);
    println!("timer 2 stopped before it fired: {}", timer.is_empty());
    drop(timer);

    // ## Move its deadline
    // Nor is there Reset: a timer channel's deadline is fixed, so make a new channel, with
    // at(instant) for a deadline or after(d) for a duration, and receive from that one.
    let timer = after(HOUR);
    println!("timer 3 reset while still pending: {}", timer.is_empty());
    let timer = at(Instant::now() + TEN_MS);
    timer.recv().expect("a timer channel delivers once");
    println!("timer 3 fired at its new deadline");

    // ## Run a function when it fires
    // Dropping the Sender is Stop; join waits for the thread to say whether `f` ran.
    let (done_tx, done) = bounded(1);
    let send = move || done_tx.send("ran its function").expect("main is waiting");
    let (_stop, _thread) = after_func(TEN_MS, send);
    println!("AfterFunc 1 {}", done.recv().expect("the function sends"));
    let (stop, thread) = after_func(HOUR, || println!("never printed"));
    drop(stop);
    let ran = thread.join().expect("the function does not panic");
    println!("AfterFunc 2 stopped before its function ran: {}", !ran);
}

//! Timers with std: a thread per timer, which waits on a control channel with a timeout.
//!
//! Run it with `cargo run --example timers`. Its Go twin is go-reference/timers/main.go
//! (`go run ./timers` in go-reference/); both print go-reference/timers/expected.txt.
//! See also `timers-crossbeam` (after and at) and `timers-tokio` (sleep, reset, abort).

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// std has no timers, so each one is a thread asleep in `recv_timeout` until its deadline. A
/// message moves the deadline (Reset); a hang-up, which dropping the Timer does, cancels it.
struct Timer {
    control: Sender<Duration>,
    thread: JoinHandle<bool>,
}

impl Timer {
    /// AfterFunc: run `f` on the timer's thread once `delay` has passed.
    fn after_func(delay: Duration, f: impl FnOnce() + Send + 'static) -> Timer {
        let (control, orders) = mpsc::channel();
        let thread = thread::spawn(move || {
            let mut deadline = Instant::now() + delay;
            loop {
                match orders.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                    Ok(delay) => deadline = Instant::now() + delay,
                    Err(RecvTimeoutError::Disconnected) => return false,
                    Err(RecvTimeoutError::Timeout) => break,
                }
            }
            f();
            true
        });
        Timer { control, thread }
    }

    /// NewTimer: the function sends the time on a channel, if its receiver is still there.
    fn new(delay: Duration) -> (Timer, Receiver<Instant>) {
        let (tx, fired) = mpsc::sync_channel(1);
        let send = move || tx.send(Instant::now()).unwrap_or_default();
        (Timer::after_func(delay, send), fired)
    }

    /// Reset: whether the timer was still pending.
    fn reset(&self, delay: Duration) -> bool {
        self.control.send(delay).is_ok()
    }

    /// Stop: whether the timer was stopped in time. Unlike Go's, it waits for a running `f`.
    fn stop(self) -> bool {
        drop(self.control);
        !self.thread.join().expect("the function does not panic")
    }
}

const TEN_MS: Duration = Duration::from_millis(10);
const HOUR: Duration = Duration::from_secs(3600);

fn main() {
    // ## Wait for a timer
    // Waiting at once is just thread::sleep; a channel lets the wait be one of several.
    let (_timer, fired) = Timer::new(TEN_MS);
    fired.recv().expect("the timer fires");
    println!("timer 1 fired");

    // ## Stop it before it fires
    let (timer, _fired) = Timer::new(HOUR);
    println!("timer 2 stopped before it fired: {}", timer.stop());

    // ## Move its deadline
    let (timer, fired) = Timer::new(HOUR);
    println!("timer 3 reset while still pending: {}", timer.reset(TEN_MS));
    fired.recv().expect("the timer fires at its new deadline");
    println!("timer 3 fired at its new deadline");

    // ## Run a function when it fires
    let (done_tx, done) = mpsc::channel();
    let send = move || done_tx.send("ran its function").expect("main is waiting");
    let _timer = Timer::after_func(TEN_MS, send);
    println!("AfterFunc 1 {}", done.recv().expect("the function sends"));
    let never = Timer::after_func(HOUR, || println!("never printed"));
    let stopped = never.stop();
    println!("AfterFunc 2 stopped before its function ran: {stopped}");
}

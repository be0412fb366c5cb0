//! Deadlines in std: an Instant handed down the call chain, and recv_timeout for the time left.
//!
//! Run it with `cargo run --example context-deadlines`. Its Go twin is
//! go-reference/context-deadlines/main.go (`go run ./context-deadlines` in go-reference/);
//! all print go-reference/context-deadlines/expected.txt. See also
//! `context-deadlines-crossbeam` (after and at) and `context-deadlines-tokio` (timeout).

use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// Waits for a reply until `deadline`. No timer runs: the deadline is a point on the
/// monotonic clock, turned into the time left just before the wait. (std's recv_deadline
/// would take the Instant itself, but it is not stable yet.)
fn fetch(reply: &Receiver<String>, deadline: Instant) -> Result<String, RecvTimeoutError> {
    reply.recv_timeout(deadline.saturating_duration_since(Instant::now()))
}

/// The error says why the wait ended, and a match must name every reason.
fn describe(err: RecvTimeoutError) -> &'static str {
    match err {
        RecvTimeoutError::Timeout => "deadline exceeded",
        RecvTimeoutError::Disconnected => "no sender left",
    }
}

fn main() {
    // ## Give a call a timeout
    // `_never` keeps the channel open without ever sending, so only the deadline ends the wait.
    let ms = Duration::from_millis;
    let (_never, no_reply) = mpsc::channel::<String>();
    let err = fetch(&no_reply, Instant::now() + ms(50)).expect_err("nobody replies");
    println!("no reply: {}", describe(err));

    // ## A reply that is ready wins
    let (tx, reply) = mpsc::channel();
    tx.send("42".to_string()).expect("the receiver is alive");
    if let Ok(got) = fetch(&reply, Instant::now() + Duration::from_secs(1)) {
        println!("ready reply: {got}");
    }

    // ## A child cannot outlive its parent's deadline
    // There is no tree to keep it for us: whoever derives a child deadline takes the sooner.
    let deadline = Instant::now() + ms(50);
    let child_deadline = deadline.min(Instant::now() + Duration::from_secs(3600));
    let same = child_deadline == deadline;
    println!("child's deadline is its parent's: {same}");
    let err = fetch(&no_reply, child_deadline).expect_err("nobody replies");
    println!("child: {}", describe(err));
}

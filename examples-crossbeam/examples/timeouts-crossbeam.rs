//! Timeouts with crossbeam: select! with after() is Go's select with time.After,
//! recv_timeout limits one receive, and recv_deadline lets a call honour a deadline.
//!
//! Run it with `cargo run --example timeouts-crossbeam`. Its Go counterpart is
//! go-reference/timeouts/main.go (`go run ./timeouts` in go-reference/); both print
//! go-reference/timeouts/expected.txt. Crates: crossbeam.
//! See also `cargo run --example timeouts` and `cargo run --example timeouts-tokio`.

use std::time::{Duration, Instant};

use crossbeam::channel::{Receiver, RecvTimeoutError, after, select, unbounded};

fn main() {
    // ## Give up on a receive
    // after(d) is time.After: a channel that delivers one Instant once `d` has passed, so a
    // timeout is one more case of the select, which blocks this thread until one is ready.
    // `_never_tx` keeps `never` connected: a disconnected receive would be ready at once.
    let (_never_tx, never) = unbounded::<String>();
    select! {
        recv(never) -> reply => println!("reply: {}", reply.expect("_never_tx is alive")),
        recv(after(Duration::from_millis(20))) -> _ => println!("no reply in time: gave up"),
    }

    // ## Receive in time
    // For a single channel, recv_timeout says the same without a select. The reply is
    // queued before the wait starts, so it returns at once.
    let (tx, replies) = unbounded();
    tx.send("pong".to_string()).expect("replies is alive");
    match replies.recv_timeout(Duration::from_secs(1)) {
        Ok(reply) => println!("reply: {reply}"),
        Err(RecvTimeoutError::Timeout) => println!("no reply in time: gave up"),
        Err(RecvTimeoutError::Disconnected) => println!("no sender is left"),
    }

    // ## Bound a call with a deadline
    // There is no context here either: the call takes an Instant, and recv_deadline waits
    // until then. A select! inside the call would use at(deadline), after()'s twin.
    let deadline = Instant::now() + Duration::from_millis(20);
    if let Err(RecvTimeoutError::Timeout) = lookup(&never, deadline) {
        println!("lookup: deadline exceeded");
    }
}

/// Waits for a reply until `deadline` at the latest.
fn lookup(replies: &Receiver<String>, deadline: Instant) -> Result<String, RecvTimeoutError> {
    replies.recv_deadline(deadline)
}

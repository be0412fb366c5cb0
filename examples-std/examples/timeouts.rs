//! Timeouts with std: recv_timeout gives up on one receive, and a deadline passed to a call
//! bounds every wait inside it, where Go uses time.After and context.WithTimeout.
//!
//! Run it with `cargo run --example timeouts`. Its Go counterpart is
//! go-reference/timeouts/main.go (`go run ./timeouts` in go-reference/); both print
//! go-reference/timeouts/expected.txt. See also `cargo run --example timeouts-crossbeam`
//! and `cargo run --example timeouts-tokio`.

use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

fn main() {
    // ## Give up on a receive
    // std has no timer channel and no select; the receive itself takes the limit. Nothing
    // sends on `never`, but `_never_tx` must live: with every Sender dropped, the wait
    // would end at once with Disconnected instead of timing out.
    let (_never_tx, never) = channel::<String>();
    match never.recv_timeout(Duration::from_millis(20)) {
        Ok(reply) => println!("reply: {reply}"),
        Err(RecvTimeoutError::Timeout) => println!("no reply in time: gave up"),
        Err(RecvTimeoutError::Disconnected) => println!("no sender is left"),
    }

    // ## Receive in time
    // The reply is queued before the wait starts, so recv_timeout returns it at once.
    let (tx, replies) = channel();
    tx.send("pong".to_string()).expect("replies is alive");
    match replies.recv_timeout(Duration::from_secs(1)) {
        Ok(reply) => println!("reply: {reply}"),
        Err(RecvTimeoutError::Timeout) => println!("no reply in time: gave up"),
        Err(RecvTimeoutError::Disconnected) => println!("no sender is left"),
    }

    // ## Bound a call with a deadline
    // std has no context. The plain counterpart is a deadline, an Instant, passed to the
    // call, which gives each of its waits whatever time is left.
    let deadline = Instant::now() + Duration::from_millis(20);
    if let Err(RecvTimeoutError::Timeout) = lookup(&never, deadline) {
        println!("lookup: deadline exceeded");
    }
}

/// Waits for a reply until `deadline` at the latest.
fn lookup(replies: &Receiver<String>, deadline: Instant) -> Result<String, RecvTimeoutError> {
    replies.recv_timeout(deadline.saturating_duration_since(Instant::now()))
}

//! Timeouts with tokio: select! with sleep() is Go's select with time.After, and
//! tokio::time::timeout bounds a whole call, as context.WithTimeout does.
//!
//! Run it with `cargo run --example timeouts-tokio`. Its Go counterpart is
//! go-reference/timeouts/main.go (`go run ./timeouts` in go-reference/); both print
//! go-reference/timeouts/expected.txt. Crates: tokio (features "macros", "rt-multi-thread",
//! "sync", "time"). See also `cargo run --example timeouts`.

use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::{sleep, timeout};

#[tokio::main]
async fn main() {
    // ## Give up on a receive
    // Any future can be a branch, so a timeout is a sleep. Only this task waits; its worker
    // thread runs other tasks meanwhile. `_never_tx` keeps `never` open: once every Sender
    // is dropped, recv() returns None at once.
    let (_never_tx, mut never) = mpsc::channel::<String>(1);
    tokio::select! {
        Some(reply) = never.recv() => println!("reply: {reply}"),
        () = sleep(Duration::from_millis(20)) => println!("no reply in time: gave up"),
    }

    // ## Receive in time
    // timeout(d, future) wraps one future: Ok with its output, or Err(Elapsed). The reply
    // is queued before the wait starts, so it comes back at once.
    let (tx, mut replies) = mpsc::channel(1);
    tx.send("pong".to_string()).await.expect("replies is open");
    match timeout(Duration::from_secs(1), replies.recv()).await {
        Ok(Some(reply)) => println!("reply: {reply}"),
        Ok(None) => println!("no sender is left"),
        Err(_elapsed) => println!("no reply in time: gave up"),
    }

    // ## Bound a call with a deadline
    // The call needs no context to watch: when time is up, timeout drops the call's future,
    // which stops at whatever .await it had reached. timeout_at takes an Instant instead,
    // for a deadline that several calls share.
    let limit = Duration::from_millis(20);
    if let Err(_elapsed) = timeout(limit, lookup(&mut never)).await {
        println!("lookup: deadline exceeded");
    }
}

/// Waits for a reply; the caller decides how long that may take.
async fn lookup(replies: &mut mpsc::Receiver<String>) -> Option<String> {
    replies.recv().await
}

//! Non-blocking channel operations in tokio: try_recv and try_send return at once, where Go
//! writes a select with a default case. tokio::select! has no default case.
//!
//! Run it with `cargo run --example non-blocking-operations-tokio`. Its Go counterpart is
//! go-reference/non-blocking-operations/main.go (`go run ./non-blocking-operations` in
//! go-reference/); both print go-reference/non-blocking-operations/expected.txt.
//! Crates: tokio (features "macros", "rt-multi-thread", "sync").
//! See also `cargo run --example non-blocking-operations`.

use tokio::sync::mpsc::{self, error::TryRecvError, error::TrySendError};

#[tokio::main]
async fn main() {
    // ## Try to receive
    // select!'s `else` is not Go's default: it runs only when every branch is disabled (its
    // pattern failed or its `if` was false), never because a branch is still pending. A
    // try is the channel's own try_recv, whose error tells empty from closed. It does not
    // await, so it works outside async code too.
    let (tx, mut messages) = mpsc::channel(1);
    let mut try_receive = || match messages.try_recv() {
        Ok(msg) => println!("received: {msg}"),
        Err(TryRecvError::Empty) => println!("no message waiting"),
        Err(TryRecvError::Disconnected) => println!("no sender is left"),
    };
    try_receive();
    tx.send("hi").await.expect("messages is alive");
    try_receive();

    // ## Try to send
    // try_send fails with Full instead of waiting for room, and hands the value back.
    let (buf, _buf_rx) = mpsc::channel(1);
    for i in 1..=2 {
        match buf.try_send(i) {
            Ok(()) => println!("sent {i}"),
            Err(TrySendError::Full(dropped)) => println!("buffer full, dropped {dropped}"),
            Err(TrySendError::Closed(_)) => println!("no receiver is left"),
        }
    }
}

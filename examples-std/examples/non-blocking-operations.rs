//! Non-blocking channel operations: try_recv and try_send return at once, with an error that
//! says why nothing happened, where Go writes a select with a default case.
//!
//! Run it with `cargo run --example non-blocking-operations`. Its Go counterpart is
//! go-reference/non-blocking-operations/main.go (`go run ./non-blocking-operations` in
//! go-reference/); both print go-reference/non-blocking-operations/expected.txt.
//! See also `cargo run --example non-blocking-operations-crossbeam` and
//! `cargo run --example non-blocking-operations-tokio`.

use std::sync::mpsc::{Receiver, TryRecvError, TrySendError, sync_channel};

fn main() {
    // ## Try to receive
    // std has no select, so no default case either: the channel itself offers a try.
    // Its error tells an empty channel from a disconnected one (every Sender dropped),
    // which Go's default cannot: there a closed channel is ready and its case runs.
    let (tx, messages) = sync_channel(1);
    let try_receive = |rx: &Receiver<&str>| match rx.try_recv() {
        Ok(msg) => println!("received: {msg}"),
        Err(TryRecvError::Empty) => println!("no message waiting"),
        Err(TryRecvError::Disconnected) => println!("no sender is left"),
    };
    try_receive(&messages);
    tx.send("hi").expect("messages is alive");
    try_receive(&messages);

    // ## Try to send
    // try_send on a full channel hands the value back inside TrySendError::Full, so the
    // caller decides whether dropping it is right; here it is dropped, as in Go.
    let (buf, _buf_rx) = sync_channel(1);
    for i in 1..=2 {
        match buf.try_send(i) {
            Ok(()) => println!("sent {i}"),
            Err(TrySendError::Full(dropped)) => println!("buffer full, dropped {dropped}"),
            Err(TrySendError::Disconnected(_)) => println!("no receiver is left"),
        }
    }
}

//! Non-blocking channel operations with crossbeam: try_recv and try_send for one channel,
//! and select! with a default case, which reads like Go's and spans several channels.
//!
//! Run it with `cargo run --example non-blocking-operations-crossbeam`. Its Go counterpart
//! is go-reference/non-blocking-operations/main.go (`go run ./non-blocking-operations` in
//! go-reference/); both print go-reference/non-blocking-operations/expected.txt.
//! Crates: crossbeam. See also `cargo run --example non-blocking-operations`.

use crossbeam::channel::{Receiver, TryRecvError, bounded, select};

fn main() {
    // ## Try to receive
    // For one channel, try_recv says it most directly. Its error tells an empty channel
    // from a disconnected one (every Sender dropped); in Go a closed channel is ready, so
    // the receive case runs rather than the default.
    let (tx, messages) = bounded(1);
    let try_receive = |rx: &Receiver<&str>| match rx.try_recv() {
        Ok(msg) => println!("received: {msg}"),
        Err(TryRecvError::Empty) => println!("no message waiting"),
        Err(TryRecvError::Disconnected) => println!("no sender is left"),
    };
    try_receive(&messages);
    tx.send("hi").expect("messages is alive");
    try_receive(&messages);

    // ## Try to send
    // select! takes a `default` arm, as Go's select does: it runs when no operation is
    // ready. Written here for one send, the same select! can hold several operations.
    // (buf.try_send(i) would do for one channel: its Full error hands the value back.)
    let (buf, _buf_rx) = bounded(1);
    for i in 1..=2 {
        select! {
            send(buf, i) -> res => {
                res.expect("_buf_rx keeps the channel connected");
                println!("sent {i}");
            }
            default => println!("buffer full, dropped {i}"),
        }
    }
}

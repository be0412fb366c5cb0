//! Unbuffered channels between tokio tasks: tokio has no zero-capacity channel, so a sender
//! that must know its value was taken awaits a oneshot acknowledgement.
//!
//! Run it with `cargo run --example unbuffered-channels-tokio`. Its Go twin is
//! go-reference/unbuffered-channels/main.go (`go run ./unbuffered-channels` in go-reference/);
//! both print go-reference/unbuffered-channels/expected.txt. Crates: tokio (features
//! "rt-multi-thread", "macros", "sync", "time"). See also `unbuffered-channels` (std).

use std::time::Duration;

use tokio::sync::{mpsc, oneshot};

#[tokio::main]
async fn main() {
    // ## Send with nobody receiving
    // tokio's mpsc::channel(0) panics, and with room for one value send().await returns at
    // once. To wait for the receiver as Go's send does, the sender sends a oneshot Sender
    // with the value and awaits the reply, which suspends the task, not its thread.
    let (tx, mut rx) = mpsc::channel::<(String, oneshot::Sender<()>)>(1);
    let sender = tokio::spawn(async move {
        let (ack_tx, ack_rx) = oneshot::channel();
        tx.send((String::from("ping"), ack_tx))
            .await
            .expect("main receives");
        ack_rx.await.expect("main acknowledges the value");
        println!("sender: the send returned");
    });
    tokio::time::sleep(Duration::from_millis(20)).await;
    println!("main: nothing received yet, the sender is waiting");

    // ## Receive, and the send completes
    // Receiving is not enough here: main must also answer, which is what wakes the sender.
    // Awaiting the sender's JoinHandle before printing keeps the three lines in one order.
    let (msg, ack) = rx.recv().await.expect("the sender sends once");
    ack.send(()).expect("the sender awaits the acknowledgement");
    sender.await.expect("the sender does not panic");
    println!("main: received {msg}");
}

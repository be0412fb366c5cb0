//! Closing channels between tokio tasks: dropping the last Sender makes `recv().await` return
//! None once the channel is empty.
//!
//! Run it with `cargo run --example closing-channels-tokio`. Its Go twin is
//! go-reference/closing-channels/main.go (`go run ./closing-channels` in go-reference/);
//! both print go-reference/closing-channels/expected.txt. Crates: tokio (features
//! "rt-multi-thread", "macros", "sync"). See also `closing-channels` (std).

use tokio::sync::mpsc;

#[tokio::main]
async fn main() {
    // ## Send, then close
    // No close() on the Sender: the channel closes when its last Sender is dropped. The
    // producer task owns the only one, so its drop is the close. (tokio's smallest buffer
    // holds one value; Go's channel here is unbuffered.)
    let (tx, mut rx) = mpsc::channel(1);
    let producer = tokio::spawn(async move {
        for i in 1..=3 {
            tx.send(i)
                .await
                .expect("main receives until the channel closes");
        }
        drop(tx);
    });

    // ## Range until closed
    // An async Receiver is not an Iterator: `while let Some(v)` over recv().await is the
    // range loop. A Sender kept alive anywhere would make this loop wait forever.
    print!("received:");
    while let Some(v) = rx.recv().await {
        print!(" {v}");
    }
    println!();
    producer.await.expect("the producer does not panic");

    // ## Receive after close
    // recv().await on a closed, empty channel returns None at once: there is no zero value
    // to hand out, so no second result is needed to tell the cases apart.
    if rx.recv().await.is_none() {
        println!("a receive after close returns at once: the channel is closed and empty");
    }

    // ## A send nobody can receive
    // Dropping the Receiver (or calling rx.close()) closes the channel from the other side,
    // which Go cannot do: send() then returns Err(SendError) with the value.
    let (tx, rx) = mpsc::channel(1);
    drop(rx);
    let refused = tx.send(4).await.expect_err("the Receiver is gone");
    assert_eq!(refused.0, 4);
    println!("a send nobody can receive: failed");
}

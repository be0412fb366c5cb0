//! Generators with tokio: a task that feeds a channel, as a goroutine does in Go, and an
//! async stream, which needs no task, as an iter.Seq needs no goroutine.
//!
//! Run it with `cargo run --example generators-tokio`. Its Go counterpart is
//! go-reference/generators/main.go (`go run ./generators` in go-reference/); both print
//! go-reference/generators/expected.txt. Crates: tokio (features "rt-multi-thread", "macros",
//! "sync"), futures. See also `generators` (an Iterator) and `generators-thread`.

use std::pin::pin;

use futures::stream::{self, Stream, StreamExt};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

/// Fibonacci numbers as a Stream, up to the last that fits in a u64. unfold keeps the state
/// between values; its future could await (a read, a timer) before yielding each one.
fn fib_stream() -> impl Stream<Item = u64> {
    stream::unfold((0u64, 1u64), |(a, b)| async move {
        Some((a, (b, a.checked_add(b)?)))
    })
}

/// Starts a task that sends Fibonacci numbers until its send fails, which happens once the
/// Receiver is dropped: the consumer's drop does the work of Go's done channel.
fn fib_channel() -> (mpsc::Receiver<u64>, JoinHandle<()>) {
    let (tx, rx) = mpsc::channel(1);
    let generator = tokio::spawn(async move {
        let mut fibs = pin!(fib_stream());
        while let Some(n) = fibs.next().await {
            if tx.send(n).await.is_err() {
                break;
            }
        }
    });
    (rx, generator)
}

#[tokio::main]
async fn main() {
    // ## Feed a channel from a goroutine
    // Every value is handed from the generator task to main through the channel.
    let (mut fibs, generator) = fib_channel();
    print!("first 8:");
    for _ in 0..8 {
        print!(
            " {}",
            fibs.recv()
                .await
                .expect("the generator runs until we drop fibs")
        );
    }
    println!();

    // ## Stop the goroutine
    // Dropping the Receiver wakes the task from its send with an error, and it returns.
    // Awaiting its JoinHandle confirms that; a goroutine gives Go no handle to wait on.
    drop(fibs);
    generator.await.expect("the generator does not panic");
    println!("the generator has stopped");

    // ## Range over an iterator function
    // The stream itself, with no task: it runs only when polled, here by next(), and is then
    // dropped. unfold's future is not Unpin, so the stream is pinned before next() polls it.
    let mut above_100 = pin!(fib_stream().filter(|&n| async move { n > 100 }));
    let first = above_100.next().await.expect("the sequence passes 100");
    println!("first above 100: {first}");
}

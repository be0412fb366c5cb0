//! Pipelines with tokio: tasks joined by mpsc channels. The workers share one Receiver behind
//! a tokio Mutex (fan-out) and send on clones of one Sender (fan-in), and dropping the
//! Receiver stops every stage, which Go does by closing a done channel.
//!
//! Run it with `cargo run --example pipelines-tokio`. Its Go counterpart is
//! go-reference/pipelines/main.go (`go run ./pipelines` in go-reference/); both print
//! go-reference/pipelines/expected.txt. Crates: tokio (features "rt-multi-thread", "macros",
//! "sync"). See also `pipelines` (threads) and `pipelines-crossbeam`.

use std::sync::Arc;

use tokio::sync::{Mutex, mpsc};
use tokio::task::JoinSet;

/// Sends 1..=n. A send fails once the Receiver is gone, and the stage returns: a consumer
/// stops its producers by dropping its end, so no stage needs a done channel.
fn generate(tasks: &mut JoinSet<()>, n: u64) -> mpsc::Receiver<u64> {
    let (tx, rx) = mpsc::channel(1);
    tasks.spawn(async move {
        for i in 1..=n {
            if tx.send(i).await.is_err() {
                break;
            }
        }
    });
    rx
}

/// Starts one worker that squares what it takes from `input` and sends it on `out`. The
/// guard lives to the end of the `let`, across recv().await: a tokio Mutex allows that.
fn square(tasks: &mut JoinSet<()>, input: Arc<Mutex<mpsc::Receiver<u64>>>, out: mpsc::Sender<u64>) {
    tasks.spawn(async move {
        loop {
            let Some(n) = input.lock().await.recv().await else {
                break; // the input is closed and empty
            };
            if out.send(n * n).await.is_err() {
                break; // the consumer is gone
            }
        }
    });
}

#[tokio::main]
async fn main() {
    // ## Fan out to two workers, merge their outputs
    // tokio's Receiver has one consumer, so the workers share it behind a Mutex. Both send
    // on clones of one Sender, and the channel closes when the last clone is dropped: there
    // is nothing to merge. A JoinSet keeps the tasks, so that main can wait for them.
    let mut tasks = JoinSet::new();
    let nums = Arc::new(Mutex::new(generate(&mut tasks, 4)));
    let (tx, mut squares) = mpsc::channel(1);
    square(&mut tasks, Arc::clone(&nums), tx.clone());
    square(&mut tasks, nums, tx);
    let mut sum = 0;
    while let Some(s) = squares.recv().await {
        sum += s;
    }
    println!("sum of the squares of 1 to 4: {sum}");

    // ## Stop every stage early
    // Dropping the Receiver is Go's close(done): each worker's next send fails, it returns
    // and drops its share of the numbers' Receiver, and then the generator's send fails too.
    let nums = Arc::new(Mutex::new(generate(&mut tasks, 1_000_000)));
    let (tx, mut squares) = mpsc::channel(1);
    square(&mut tasks, Arc::clone(&nums), tx.clone());
    square(&mut tasks, nums, tx);
    squares.recv().await.expect("a worker sends a square");
    drop(squares);
    println!("took one square of a million, then stopped the pipeline");
    tasks.join_all().await;
    println!("every worker has stopped");
}

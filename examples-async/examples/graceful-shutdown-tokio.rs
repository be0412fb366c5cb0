//! Graceful shutdown with tokio: main cancels a CancellationToken at SIGINT or SIGTERM,
//! workers start no new job after it, and a TaskTracker waits for the jobs in flight.
//!
//! Run it with `cargo run --example graceful-shutdown-tokio`; it sends itself SIGINT once
//! both workers are busy. Its Go counterpart is go-reference/graceful-shutdown/main.go
//! (`go run ./graceful-shutdown`); all print go-reference/graceful-shutdown/expected.txt.
//! Crates: tokio (feature "full"), tokio-util (feature "rt"), signal-hook (to raise SIGINT).

use std::time::Duration;

use signal_hook::{consts::SIGINT, low_level::raise};
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::mpsc;
use tokio::time::timeout;
use tokio_util::{sync::CancellationToken, task::TaskTracker};

#[tokio::main]
async fn main() {
    // ## Turn SIGINT and SIGTERM into a cancelled context
    // signal() installs its handler at once (ctrl_c() only when first polled, too late for a
    // signal raised before), and from then on the signal no longer ends the process. There is
    // no NotifyContext: main waits for either signal below and cancels the token itself.
    let token = CancellationToken::new();
    let mut interrupt = signal(SignalKind::interrupt()).expect("the SIGINT handler installs");
    let mut terminate = signal(SignalKind::terminate()).expect("the SIGTERM handler installs");

    // ## Start the workers
    // Each job waits for `finish`, standing in for work that takes a while. A second token
    // is the closest thing to Go's close(finish): cancel() wakes every waiter, once. The
    // tracker counts the tasks, as a WaitGroup does.
    let tracker = TaskTracker::new();
    let (started_tx, mut started) = mpsc::channel(2);
    let finish = CancellationToken::new();
    let workers: Vec<_> = (1..=2)
        .map(|w| {
            let (token, started, finish) = (token.clone(), started_tx.clone(), finish.clone());
            tracker.spawn(async move {
                let mut outcomes = Vec::new();
                for job in [w, w + 2] {
                    if token.is_cancelled() {
                        outcomes.push((job, "cancelled"));
                        continue;
                    }
                    started.send(job).await.expect("main waits for both jobs");
                    finish.cancelled().await;
                    outcomes.push((job, "finished"));
                }
                outcomes
            })
        })
        .collect();
    tracker.close(); // no more tasks: wait() may now return once they have all ended

    // ## Interrupt ourselves once both workers are busy
    for _ in 0..2 {
        started.recv().await.expect("the workers are alive");
    }
    println!("2 jobs in flight");
    raise(SIGINT).expect("SIGINT is a signal");
    tokio::select! {
        _ = interrupt.recv() => token.cancel(),
        _ = terminate.recv() => token.cancel(),
    }
    println!("signal received: no new job starts");

    // ## Drain the jobs in flight, up to a deadline
    finish.cancel();
    let drained = timeout(Duration::from_secs(1), tracker.wait()).await;
    if drained.is_err() {
        println!("deadline passed: exiting with jobs unfinished");
        return;
    }
    println!("drained before the deadline");

    // ## Report what was decided
    let mut outcomes = Vec::new();
    for worker in workers {
        outcomes.extend(worker.await.expect("no worker panics"));
    }
    outcomes.sort();
    for (job, outcome) in outcomes {
        println!("job {job}: {outcome}");
    }
}

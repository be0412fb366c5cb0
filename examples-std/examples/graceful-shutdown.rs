//! Graceful shutdown with std threads and signal-hook: main waits for SIGINT or SIGTERM and
//! sets a stop flag, workers start no new job after it, and the jobs in flight drain.
//!
//! Run it with `cargo run --example graceful-shutdown`; it sends itself SIGINT once both
//! workers are busy. Its Go counterpart is go-reference/graceful-shutdown/main.go
//! (`go run ./graceful-shutdown` in go-reference/); it and `graceful-shutdown-tokio` print
//! the same go-reference/graceful-shutdown/expected.txt. Crates: signal-hook.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, OnceLock};
use std::thread;
use std::time::Duration;

use signal_hook::consts::{SIGINT, SIGTERM};
use signal_hook::iterator::Signals;
use signal_hook::low_level::raise;

fn main() {
    // ## Turn SIGINT and SIGTERM into a cancelled context
    // From here on these signals no longer end the process: signal-hook's handler records
    // them for `signals` to hand over. std has no context; `stop` is the flag workers check.
    let mut signals = Signals::new([SIGINT, SIGTERM]).expect("the signal handlers register");
    let stop = Arc::new(AtomicBool::new(false));

    // ## Start the workers
    // Each job waits for `finish`, standing in for work that takes a while. OnceLock::wait
    // blocks until set() is called once, and set() wakes every waiter, like Go's close. Every
    // worker holds a clone of `alive`, so the channel disconnects when the last one returns.
    let (started_tx, started) = mpsc::channel();
    let (alive, all_returned) = mpsc::channel::<()>();
    let finish = Arc::new(OnceLock::new());
    let workers: Vec<_> = (1..=2)
        .map(|w| {
            let (stop, finish) = (Arc::clone(&stop), Arc::clone(&finish));
            let (started, alive) = (started_tx.clone(), alive.clone());
            thread::spawn(move || {
                let _alive = alive; // dropped when the thread returns
                let mut outcomes = Vec::new();
                for job in [w, w + 2] {
                    if stop.load(Ordering::Relaxed) {
                        outcomes.push((job, "cancelled"));
                        continue;
                    }
                    started.send(job).expect("main waits for both jobs");
                    finish.wait();
                    outcomes.push((job, "finished"));
                }
                outcomes
            })
        })
        .collect();
    drop(alive);

    // ## Interrupt ourselves once both workers are busy
    for _ in 0..2 {
        started.recv().expect("the workers are alive");
    }
    println!("2 jobs in flight");
    raise(SIGINT).expect("SIGINT is a signal");
    signals.forever().next().expect("the signal is delivered");
    stop.store(true, Ordering::Relaxed); // finish.set() orders it before the workers wake
    println!("signal received: no new job starts");

    // ## Drain the jobs in flight, up to a deadline
    finish.set(()).expect("only main sets finish");
    match all_returned.recv_timeout(Duration::from_secs(1)) {
        Err(RecvTimeoutError::Disconnected) => println!("drained before the deadline"),
        Ok(()) | Err(RecvTimeoutError::Timeout) => {
            println!("deadline passed: exiting with jobs unfinished");
            return;
        }
    }

    // ## Report what was decided
    let mut outcomes: Vec<_> = workers
        .into_iter()
        .flat_map(|w| w.join().expect("no worker panics"))
        .collect();
    outcomes.sort();
    for (job, outcome) in outcomes {
        println!("job {job}: {outcome}");
    }
}

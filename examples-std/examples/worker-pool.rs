//! Worker pools in std: a fixed number of threads share one Receiver behind Arc<Mutex<..>>.
//!
//! Run it with `cargo run --example worker-pool`. Its Go twin is
//! go-reference/worker-pool/main.go (`go run ./worker-pool` in go-reference/); both print
//! go-reference/worker-pool/expected.txt. See also `worker-pool-crossbeam`,
//! `worker-pool-threadpool`, `worker-pool-rayon` and `worker-pool-tokio`.

use std::sync::{Arc, Mutex, mpsc};
use std::thread;
use std::time::Duration;

const NUM_JOBS: u32 = 9;
const NUM_WORKERS: usize = 3;

/// Stands in for real work: it takes 10 ms and returns the job's square.
fn process(job: u32) -> u32 {
    thread::sleep(Duration::from_millis(10));
    job * job
}

fn main() {
    // ## Start a fixed number of workers
    // std's channel has a single consumer: its Receiver is Send but not Sync, so threads
    // cannot share one by reference. A Mutex makes it shareable (Mutex<T> is Sync when T is
    // Send) and the Arc gives each thread an owning handle to that one Mutex.
    let (jobs_tx, jobs_rx) = mpsc::sync_channel::<u32>(NUM_JOBS as usize);
    let jobs_rx = Arc::new(Mutex::new(jobs_rx));
    let (results_tx, results_rx) = mpsc::channel::<(u32, u32)>();
    let workers: Vec<thread::JoinHandle<()>> = (0..NUM_WORKERS)
        .map(|_| {
            let jobs_rx = Arc::clone(&jobs_rx);
            let results_tx = results_tx.clone();
            thread::spawn(move || {
                loop {
                    // The guard from lock() is a temporary of this `let` statement, so it is
                    // dropped at the semicolon: the lock is released before process() runs.
                    let job = jobs_rx.lock().expect("no worker panics holding it").recv();
                    // Err means every Sender is gone and the queue is empty: Go's range ends.
                    let Ok(job) = job else { break };
                    let result = (job, process(job));
                    results_tx
                        .send(result)
                        .expect("main holds the results Receiver");
                }
            })
        })
        .collect();
    // Main keeps no results Sender of its own, so the last worker to end closes the channel.
    drop(results_tx);
    // Even done right, this design has a cost Go's channel does not: the worker holding the
    // lock sleeps inside recv(), while the other idle workers sleep on the mutex, not on the
    // channel. Jobs are handed out one at a time through that one lock, which is fine while
    // a job takes far longer than a hand-off.
    //
    // The trap is `while let Ok(job) = jobs_rx.lock().unwrap().recv() { ... }`. Temporaries
    // of a `while let` or `match` scrutinee live until the end of the body, so the guard is
    // held while the job is processed and the pool runs one job at a time. Edition 2024 did
    // not change that: it only drops an `if let` scrutinee's temporaries before the `else`
    // branch, and an `if let` body still holds them (checked with rustc 1.95 by calling
    // try_lock() inside each body). Clippy's `significant_drop_in_scrutinee` (nursery) warns.

    // ## Send the jobs and close the queue
    // sync_channel(NUM_JOBS) is Go's make(chan int, numJobs): these sends never block.
    for job in 1..=NUM_JOBS {
        jobs_tx
            .send(job)
            .expect("the workers hold the jobs Receiver");
    }
    drop(jobs_tx); // close(jobs): the last (here the only) Sender is gone.

    // ## Wait for the workers, then close the results
    // Joining first cannot deadlock here, unlike Go with its unbuffered results: mpsc::channel
    // is unbounded, so no worker waits for main to receive. There is no close() to call
    // either: each worker's clone of results_tx is dropped when its thread ends, and the
    // channel closes with the last one. join() also hands back a worker's panic, if any.
    for worker in workers {
        worker.join().expect("a worker does not panic");
    }

    // ## Collect the results in job order
    // iter() ends when the channel is closed and drained. Tuples sort by their first field,
    // the job number.
    let mut collected: Vec<(u32, u32)> = results_rx.iter().collect();
    collected.sort_unstable();
    for (job, value) in &collected {
        println!("job {job} -> {value}");
    }
    let sum: u32 = collected.iter().map(|(_, value)| value).sum();
    let count = collected.len();
    println!("{count} jobs, {NUM_WORKERS} workers, sum of results = {sum}");
}

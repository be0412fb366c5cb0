//! Worker pools in std: a fixed number of threads share one Receiver behind Arc<Mutex<..>>.
//!
//! Run it with `cargo run --example worker-pools`. Its Go twin is
//! go-reference/worker-pools/main.go (`go run ./worker-pools` in go-reference/); both print
//! go-reference/worker-pools/expected.txt. See also `worker-pools-crossbeam`,
//! `worker-pools-threadpool`, `worker-pools-rayon` and `worker-pools-tokio`.

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
    // std's Receiver has a single consumer: it is Send but not Sync, so threads cannot share
    // one by reference. A Mutex makes it shareable and the Arc gives each thread an owning
    // handle to that one Mutex. Idle workers sleep on the Mutex, the one holding it in recv().
    let (jobs_tx, jobs_rx) = mpsc::sync_channel::<u32>(NUM_JOBS as usize);
    let jobs_rx = Arc::new(Mutex::new(jobs_rx));
    let (results_tx, results_rx) = mpsc::channel::<(u32, u32)>();
    let workers: Vec<thread::JoinHandle<()>> = (0..NUM_WORKERS)
        .map(|_| {
            let (jobs_rx, results_tx) = (Arc::clone(&jobs_rx), results_tx.clone());
            thread::spawn(move || {
                loop {
                    // The guard is a temporary of this `let`, dropped at its semicolon: the
                    // lock is free again before process() runs. (In a `while let` scrutinee it
                    // would live through the body, and the pool would run one job at a time.)
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
    // Main keeps no results Sender, so the channel closes when the last worker's clone goes.
    drop(results_tx);

    // ## Send the jobs and close the queue
    // sync_channel(NUM_JOBS) is Go's make(chan int, numJobs): these sends never block.
    for job in 1..=NUM_JOBS {
        jobs_tx
            .send(job)
            .expect("the workers hold the jobs Receiver");
    }
    drop(jobs_tx); // close(jobs): the last (here the only) Sender is gone.

    // ## Wait for the workers, then close the results
    // Joining before receiving cannot deadlock here, unlike Go with its unbuffered results:
    // mpsc::channel is unbounded, so no worker waits for main. Nor is there a close() to
    // call: the channel closes with the last worker's Sender. join() hands back a panic.
    for worker in workers {
        worker.join().expect("a worker does not panic");
    }

    // ## Collect the results in job order
    // iter() ends when the channel is closed and drained; tuples sort by the job number.
    let mut collected: Vec<(u32, u32)> = results_rx.iter().collect();
    collected.sort_unstable();
    for (job, value) in &collected {
        println!("job {job} -> {value}");
    }
    let sum: u32 = collected.iter().map(|(_, value)| value).sum();
    let count = collected.len();
    println!("{count} jobs, {NUM_WORKERS} workers, sum of results = {sum}");
}

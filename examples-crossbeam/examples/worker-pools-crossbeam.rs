//! Worker pools with crossbeam: every worker owns a clone of one multi-consumer Receiver,
//! exactly as every goroutine in Go's pool ranges over the same jobs channel.
//!
//! Run it with `cargo run --example worker-pools-crossbeam`. Its Go twin is
//! go-reference/worker-pools/main.go (`go run ./worker-pools` in go-reference/); both print
//! go-reference/worker-pools/expected.txt. Crates: crossbeam. See also `worker-pools` (std),
//! `worker-pools-threadpool`, `worker-pools-rayon` and `worker-pools-tokio`.

use std::thread;
use std::time::Duration;

use crossbeam::channel::bounded;

const NUM_JOBS: u32 = 9;
const NUM_WORKERS: usize = 3;

/// Stands in for real work: it takes 10 ms and returns the job's square.
fn process(job: u32) -> u32 {
    thread::sleep(Duration::from_millis(10));
    job * job
}

fn main() {
    // ## Start a fixed number of workers
    // A crossbeam Receiver is Clone and Sync: clones share one queue and each message goes
    // to exactly one of them, with no Mutex of ours around it (std's mpsc Receiver is
    // neither, which is what the std version works around). Iterating a Receiver is Go's
    // `for job := range jobs`: it ends once every Sender is gone and the queue is empty.
    let (jobs_tx, jobs_rx) = bounded::<u32>(NUM_JOBS as usize);
    let (results_tx, results_rx) = bounded::<(u32, u32)>(0); // Go's unbuffered results
    let workers: Vec<thread::JoinHandle<()>> = (0..NUM_WORKERS)
        .map(|_| {
            let (jobs_rx, results_tx) = (jobs_rx.clone(), results_tx.clone());
            thread::spawn(move || {
                for job in jobs_rx {
                    let result = (job, process(job));
                    results_tx
                        .send(result)
                        .expect("main holds the results Receiver");
                }
            })
        })
        .collect();

    // ## Send the jobs and close the queue
    // bounded(NUM_JOBS) is make(chan int, numJobs): the buffer holds every job.
    for job in 1..=NUM_JOBS {
        jobs_tx
            .send(job)
            .expect("the workers hold the jobs Receivers");
    }
    drop(jobs_tx); // close(jobs): the only Sender is gone.

    // ## Wait for the workers, then close the results
    // Go needs a WaitGroup and a goroutine to close results after the last send. Here the
    // channel closes itself when its last Sender is dropped: main drops its own now, and each
    // worker's clone goes when its thread returns. As in Go, results is unbuffered, so main
    // must receive before it joins: a worker blocked in send() would never return.
    drop(results_tx);

    // ## Collect the results in job order
    let mut collected: Vec<(u32, u32)> = results_rx.iter().collect();
    for worker in workers {
        // Each worker has dropped its Sender already, so these joins barely wait.
        worker.join().expect("a worker does not panic");
    }
    collected.sort_unstable(); // by job, the first field of each tuple
    for (job, value) in &collected {
        println!("job {job} -> {value}");
    }
    let sum: u32 = collected.iter().map(|(_, value)| value).sum();
    let count = collected.len();
    println!("{count} jobs, {NUM_WORKERS} workers, sum of results = {sum}");
}

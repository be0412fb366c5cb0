//! Worker pools with the threadpool crate: a fixed set of threads that run the closures you
//! hand to `execute()`, and `join()` to wait until the queue is empty.
//!
//! Run it with `cargo run --example worker-pools-threadpool`. Its Go twin is
//! go-reference/worker-pools/main.go (`go run ./worker-pools` in go-reference/); both print
//! go-reference/worker-pools/expected.txt. Crates: threadpool. See also `worker-pools` (std),
//! `worker-pools-crossbeam`, `worker-pools-rayon` and `worker-pools-tokio`.
//!
//! threadpool 1.8.1 (May 2020) is still its latest release: it works, but for new code prefer
//! rayon (`worker-pools-rayon`) or a pool on crossbeam-channel (`worker-pools-crossbeam`).

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use threadpool::ThreadPool;

const NUM_JOBS: u32 = 9;
const NUM_WORKERS: usize = 3;

/// Stands in for real work: it takes 10 ms and returns the job's square.
fn process(job: u32) -> u32 {
    thread::sleep(Duration::from_millis(10));
    job * job
}

fn main() {
    // ## Start a fixed number of workers
    // new() starts all three threads now. Inside, they share one mpsc Receiver behind
    // Arc<Mutex<..>>, the design of our std version, and they lock it only for the recv().
    let pool = ThreadPool::new(NUM_WORKERS);
    let (results_tx, results_rx) = mpsc::channel::<(u32, u32)>();

    // ## Send the jobs and close the queue
    // A job here is a closure, not a value on a channel: execute() boxes it and queues it,
    // so it must be Send + 'static, owning its job number and its clone of the Sender. The
    // queue is never closed: the threads wait for more until the pool is dropped, and even
    // then nobody joins them.
    for job in 1..=NUM_JOBS {
        let results_tx = results_tx.clone();
        pool.execute(move || {
            let result = (job, process(job));
            results_tx
                .send(result)
                .expect("main holds the results Receiver");
        });
    }

    // ## Wait for the workers, then close the results
    // join() returns once the queue is empty and no job is running: the WaitGroup's Wait,
    // though the threads stay alive for more work. A job that panics does not reach us here:
    // the pool counts it and starts a replacement thread, so we check the count ourselves.
    pool.join();
    assert_eq!(pool.panic_count(), 0, "no job panicked");
    drop(results_tx); // every job's clone is gone with its closure; this was the last Sender.

    // ## Collect the results in job order
    let mut collected: Vec<(u32, u32)> = results_rx.iter().collect();
    collected.sort_unstable(); // by job, the first field of each tuple
    for (job, value) in &collected {
        println!("job {job} -> {value}");
    }
    let sum: u32 = collected.iter().map(|(_, value)| value).sum();
    let count = collected.len();
    println!("{count} jobs, {NUM_WORKERS} workers, sum of results = {sum}");
}

//! Worker pools with tokio: one task per job, at most three in flight, bounded by a Semaphore.
//!
//! Run it with `cargo run --example worker-pools-tokio`. Its Go twin is
//! go-reference/worker-pools/main.go (`go run ./worker-pools` in go-reference/); both print
//! go-reference/worker-pools/expected.txt. Crates: tokio (features "rt-multi-thread", "macros",
//! "sync", "time"). See also `worker-pools` (std), `worker-pools-crossbeam`,
//! `worker-pools-threadpool` and `worker-pools-rayon`.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Semaphore;

const NUM_JOBS: u32 = 9;
const NUM_WORKERS: usize = 3;

/// Stands in for real work: it waits 10 ms without holding a thread, then squares the job.
async fn process(job: u32) -> u32 {
    tokio::time::sleep(Duration::from_millis(10)).await;
    job * job
}

#[tokio::main]
async fn main() {
    // ## Start a fixed number of workers
    // Tasks cost about as little as goroutines, so rather than three long-lived workers
    // pulling from a queue, each job gets a task of its own, and a Semaphore with three
    // permits bounds how many run at once. (In Go the same shape is a goroutine per job and a
    // buffered channel of size N used as the semaphore.)
    let permits = Arc::new(Semaphore::new(NUM_WORKERS));

    // ## Send the jobs and close the queue
    // Here the twins differ. Go's buffer holds every job, so its sends never wait, and its
    // three workers bound the concurrency. This loop takes a permit before each spawn, so it
    // is the sender that waits whenever three jobs are in flight. (Acquiring inside the task
    // would spawn all nine at once and bound only how many get past the acquire.)
    let mut handles = Vec::new();
    for job in 1..=NUM_JOBS {
        let permit = Arc::clone(&permits)
            .acquire_owned() // an owned permit can move into a 'static task
            .await
            .expect("the semaphore is never closed");
        handles.push(tokio::spawn(async move {
            let value = process(job).await;
            drop(permit); // the next job may start
            (job, value)
        }));
    }

    // ## Wait for the workers, then close the results
    // Each JoinHandle carries its task's result, so there is no results channel to close:
    // awaiting the handles in spawn order waits for every task and keeps the job order. A
    // JoinSet would hand results back as tasks finish instead, and then we would sort.
    let mut collected = Vec::new();
    for handle in handles {
        collected.push(handle.await.expect("a job does not panic"));
    }

    // ## Collect the results in job order
    for (job, value) in &collected {
        println!("job {job} -> {value}");
    }
    let sum: u32 = collected.iter().map(|(_, value)| value).sum();
    let count = collected.len();
    println!("{count} jobs, {NUM_WORKERS} workers, sum of results = {sum}");
}

//! Worker pools with rayon: no queue and no workers of our own, a parallel iterator over the
//! jobs, run in a pool of three threads.
//!
//! Run it with `cargo run --example worker-pools-rayon`. Its Go twin is
//! go-reference/worker-pools/main.go (`go run ./worker-pools` in go-reference/); both print
//! go-reference/worker-pools/expected.txt. Crates: rayon. See also `worker-pools` (std),
//! `worker-pools-crossbeam`, `worker-pools-threadpool` and `worker-pools-tokio`.

use std::thread;
use std::time::Duration;

use rayon::ThreadPoolBuilder;
use rayon::prelude::*;

const NUM_JOBS: u32 = 9;
const NUM_WORKERS: usize = 3;

/// Stands in for real work: it takes 10 ms and returns the job's square. rayon is built for
/// CPU-bound work; a job that blocks (a sleep, a read) holds one of the pool's few threads
/// for that long, so blocking IO belongs on a pool or runtime made for it.
fn process(job: u32) -> u32 {
    thread::sleep(Duration::from_millis(10));
    job * job
}

fn main() {
    // ## Start a fixed number of workers
    // Without this, rayon uses its global pool, started on first use with one thread per
    // core (or RAYON_NUM_THREADS). A pool of our own with num_threads() fixes the count, as
    // numWorkers does in Go.
    let pool = ThreadPoolBuilder::new()
        .num_threads(NUM_WORKERS)
        .build()
        .expect("the OS lets us start three threads");

    // ## Send the jobs and close the queue
    // There is no channel to fill and close: the range itself is the list of jobs. rayon
    // splits it into pieces and idle threads steal pieces from busy ones (work stealing),
    // instead of taking jobs one by one from a shared queue.
    let jobs = 1..=NUM_JOBS;

    // ## Wait for the workers, then close the results
    // install() runs the closure on the pool and returns its value; collect() returns only
    // once every job is done, so the waiting is built in. A job's panic is not lost either:
    // rayon re-raises it here, in the thread that called install().
    let values: Vec<u32> = pool.install(|| jobs.into_par_iter().map(process).collect());

    // ## Collect the results in job order
    // collect() into a Vec keeps the order of the input, whichever thread ran which job, so
    // there is nothing to sort.
    for (job, value) in (1..=NUM_JOBS).zip(&values) {
        println!("job {job} -> {value}");
    }
    let sum: u32 = values.iter().sum();
    let count = values.len();
    println!("{count} jobs, {NUM_WORKERS} workers, sum of results = {sum}");
}

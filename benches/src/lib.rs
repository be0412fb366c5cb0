//! Shared workloads for the criterion benchmarks in `benches/benches/`.
//!
//! Every benchmark in this crate counts one *op* the same way its Go twin in
//! `go-reference/bench/` does: one atomic operation, one message, one round trip, one task.
//! Criterion picks how many ops a sample runs (`iters`), Go picks `b.N`; both report the wall
//! time divided by that count, so `ns/iter` here and `ns/op` there are the same unit. When
//! several threads share the ops, `iters` is the total across all of them (as with Go's
//! `b.N`), split as evenly as possible by [`split`].
//!
//! What is timed: only the ops. Threads are spawned, channels created and runtimes built
//! before the clock starts; every worker waits on a barrier, the clock starts when the
//! barrier opens and stops at the moment the last worker finished its share (each worker
//! reads the clock itself, so joining and thread exit stay outside). Nothing is pinned to a
//! core, on either side: Go cannot pin a goroutine, so both sides leave placement to the OS
//! (run both under the same `taskset` to change that).
//!
//! The constants below are mirrored in `go-reference/bench/workload_test.go`; change both.

pub mod flavours;
pub mod probes;
pub mod settings;

use std::sync::Barrier;
use std::thread;
use std::time::{Duration, Instant};

use criterion::Criterion;

/// The capacity `N` of the "bounded(N)" channels: std's `sync_channel(N)`, crossbeam's
/// `bounded(N)`, tokio's `mpsc::channel(N)` and Go's `make(chan int64, N)`.
pub const CAPACITY: usize = 100;

/// How many tasks the `spawn-batch` benchmarks start before they wait for all of them.
pub const SPAWN_BATCH: u64 = 100;

/// How many tasks the `spawn-count` benchmarks start before they wait for all of them: how the
/// cost per task grows with the number in flight (Go: `spawnCounts`). Threads stop at 10,000
/// (see `benches/spawn.rs`).
pub const SPAWN_COUNTS: [u64; 7] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

/// How many keys the read-mostly map benchmarks (`locks/map-*`) hold; all are present before
/// the clock starts (Go: `mapKeys`).
pub const MAP_KEYS: u64 = 1024;

/// One op in this many is a write in the read-mostly map benchmarks; the rest are reads
/// (Go: `mapWriteEvery`).
pub const MAP_WRITE_EVERY: u64 = 16;

/// The key op `j` of worker `w` touches in the map benchmarks: spread over every key, with
/// each worker starting somewhere else (Go: `mapKey`).
pub fn map_key(w: u64, j: u64) -> u64 {
    (w * 257 + j * 31) % MAP_KEYS
}

/// How many elements one map-reduce job maps and sums (`mapreduce/*`; Go: `mapReduceJob`).
pub const MAP_REDUCE_JOB: u64 = 1 << 20;

/// The chunk a worker of Go's map-reduce pool takes from its channel at a time (Go:
/// `mapReduceChunk`); Rust's `scope-chunks` cuts the job in one chunk per thread and rayon
/// splits it as it likes.
pub const MAP_REDUCE_CHUNK: u64 = 1 << 14;

/// The map of the map-reduce benchmarks: splitmix64's finaliser, pure arithmetic (Go: `mix`).
pub fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The thread (or goroutine, or task) counts every multi-threaded benchmark runs with:
/// the powers of two below the machine's parallelism, the parallelism itself, and twice
/// it (oversubscribed). On 2 cores: 1, 2, 4; on 16: 1, 2, 4, 8, 16, 32.
pub fn thread_counts() -> Vec<usize> {
    thread_counts_for(parallelism())
}

/// [`thread_counts`] for a machine with `cores` cores.
pub fn thread_counts_for(cores: usize) -> Vec<usize> {
    let cores = cores.max(1);
    let mut counts: Vec<usize> = std::iter::successors(Some(1usize), |n| Some(n * 2))
        .take_while(|&n| n < cores)
        .collect();
    counts.push(cores);
    counts.push(cores * 2);
    counts
}

/// The counts of [`thread_counts`] from 2 up: a workload with one producer is `spsc`, and
/// sharing a cache line needs two threads.
pub fn thread_counts_from_two() -> Vec<usize> {
    thread_counts().into_iter().filter(|&t| t >= 2).collect()
}

/// The machine's available parallelism (what Go's `runtime.NumCPU` reports too).
pub fn parallelism() -> usize {
    thread::available_parallelism().map_or(1, |n| n.get())
}

/// The benchmark id suffix for a thread count: `t4`.
pub fn t(threads: usize) -> String {
    format!("t{threads}")
}

/// The benchmark id suffix for a number of tasks: `n1000` (Go: `n=1000`).
pub fn n(tasks: u64) -> String {
    format!("n{tasks}")
}

/// The benchmark id suffix for a message size in bytes: `b64` (Go: `b=64`).
pub fn bytes(size: usize) -> String {
    format!("b{size}")
}

/// The criterion settings every bench target starts from (the times and sample size are in
/// [`settings`], which `cargo xtask compare` quotes); command-line options
/// (`--warm-up-time`, `--measurement-time`, `--sample-size`, a filter) override them.
/// Sized so that the whole `cargo bench` stays under 15 minutes on 2 cores.
pub fn criterion() -> Criterion {
    Criterion::default()
        .warm_up_time(settings::WARM_UP_TIME)
        .measurement_time(settings::MEASUREMENT_TIME)
        .sample_size(settings::SAMPLE_SIZE)
        .nresamples(20_000)
        .configure_from_args()
}

/// Share `total` ops among `parts` workers: the first `total % parts` get one more.
pub fn split(total: u64, parts: usize) -> Vec<u64> {
    let parts = parts.max(1) as u64;
    (0..parts)
        .map(|i| total / parts + u64::from(i < total % parts))
        .collect()
}

/// A worker of a timed run: it runs its share and returns; the harness reads the clock.
pub type Worker<'a> = Box<dyn FnOnce() + Send + 'a>;

/// Run `workers` on their own threads and time them: every thread is spawned and waits on a
/// barrier before the clock starts. Each worker reads the clock itself as it leaves the
/// barrier and as it finishes; the time is from the earliest start to the latest finish, so
/// spawning, joining and thread exit are not in it, and the calling thread (which may not get
/// a core while the workers spin) has no part in the timing.
pub fn time_workers(workers: Vec<Worker<'_>>) -> Duration {
    let barrier = Barrier::new(workers.len());
    thread::scope(|s| {
        let handles: Vec<_> = workers
            .into_iter()
            .map(|work| {
                let barrier = &barrier;
                s.spawn(move || {
                    barrier.wait();
                    let start = Instant::now();
                    work();
                    (start, Instant::now())
                })
            })
            .collect();
        let spans: Vec<(Instant, Instant)> = handles
            .into_iter()
            .map(|h| h.join().expect("a benchmark worker panicked"))
            .collect();
        span(&spans)
    })
}

/// From the earliest start to the latest end of several workers' `(start, end)` clock reads.
pub fn span(spans: &[(Instant, Instant)]) -> Duration {
    match (
        spans.iter().map(|s| s.0).min(),
        spans.iter().map(|s| s.1).max(),
    ) {
        (Some(start), Some(end)) => end.saturating_duration_since(start),
        _ => Duration::ZERO,
    }
}

/// The tokio version of [`time_workers`]: every task waits on `barrier` (sized to the tasks
/// alone), reads the clock as it leaves it and as it finishes, and returns both; this awaits
/// them all and returns the span.
pub async fn time_tasks(tasks: Vec<tokio::task::JoinHandle<(Instant, Instant)>>) -> Duration {
    let mut spans = Vec::with_capacity(tasks.len());
    for task in tasks {
        spans.push(task.await.expect("a benchmark task panicked"));
    }
    span(&spans)
}

/// A multi-threaded tokio runtime with one worker per core, as the channel, spawn and select
/// benchmarks use.
pub fn tokio_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(parallelism())
        .enable_all()
        .build()
        .expect("building the tokio runtime")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thread_counts_run_from_one_to_twice_the_cores() {
        assert_eq!(thread_counts_for(1), [1, 2]);
        assert_eq!(thread_counts_for(2), [1, 2, 4]);
        assert_eq!(thread_counts_for(6), [1, 2, 4, 6, 12]);
        assert_eq!(thread_counts_for(16), [1, 2, 4, 8, 16, 32]);
    }

    #[test]
    fn split_shares_every_op() {
        assert_eq!(split(10, 3), [4, 3, 3]);
        assert_eq!(split(2, 4), [1, 1, 0, 0]);
        assert_eq!(split(7, 1), [7]);
        assert_eq!(split(1000, 7).iter().sum::<u64>(), 1000);
    }

    #[test]
    fn time_workers_runs_every_worker() {
        let done = std::sync::atomic::AtomicUsize::new(0);
        let workers: Vec<Worker<'_>> = (0..3)
            .map(|_| {
                Box::new(|| {
                    done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }) as Worker<'_>
            })
            .collect();
        let _ = time_workers(workers);
        assert_eq!(done.into_inner(), 3);
    }
}

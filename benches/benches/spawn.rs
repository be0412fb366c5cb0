//! What it costs to start a unit of concurrency and wait for it. One op is one task started
//! and finished.
//!
//! Ids: `spawn-one/<how>` (start one, wait for it, repeat: the round trip) and
//! `spawn-batch/<how>` (start `SPAWN_BATCH` = 100, then wait for all: the cost per task when
//! they overlap). `<how>`: `thread-spawn-join`, `thread-scope`, `rayon-scope`,
//! `threadpool` (pool of one thread per core, built outside the timing), `tokio-spawn`
//! (spawned from a task on a runtime with one worker per core, built outside the timing, each
//! `JoinHandle` awaited), `tokio-tracker` (the same tasks on a `tokio_util` `TaskTracker`,
//! waited for once, as a `WaitGroup` is), and, in `spawn-batch` only, `join-all` (no spawn:
//! the 100 futures joined inside one task with `futures::future::join_all`).
//! `spawn-count/<how>/n<N>`: how that cost grows with the number in flight, start N then
//! wait for all, for N in `SPAWN_COUNTS` (1 to 1,000,000), with `tokio-spawn` and, up to
//! 10,000, `thread-spawn-join`; there criterion's iteration is one whole batch of N, and the
//! time it is given back is divided by N.
//!
//! Go twin: go-reference/bench/spawn_test.go (`go f()` + `sync.WaitGroup`).
//! Run: `cargo bench -p benches --bench spawn`.

use std::hint::black_box;
use std::thread;
use std::time::{Duration, Instant};

use benches::{SPAWN_BATCH, SPAWN_COUNTS, n, parallelism, tokio_runtime};
use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};
use futures::future::join_all;
use threadpool::ThreadPool;
use tokio::runtime::Runtime;
use tokio_util::task::TaskTracker;

/// Threads stop at this many in `spawn-count`. Each thread takes an id from the pid space
/// (`kernel.pid_max` is 32,768 on the machine these numbers come from, shared by every process
/// of every user) and two memory mappings (`vm.max_map_count` is 65,530 per process), so a
/// million would fail part way, and a few tens of thousands at once would leave the other
/// users of the machine unable to start a process.
const THREAD_COUNT_MAX: u64 = 10_000;

/// From this many tasks up, `spawn-count` takes 10 samples (criterion's least) instead of 40:
/// every sample runs at least one batch, and a batch of 10,000 threads took about a second
/// here.
const FEW_SAMPLES_FROM: u64 = 1_000;

/// Start `k` threads, then join them all.
fn threads_then_join(k: u64) {
    let handles: Vec<_> = (0..k)
        .map(|i| thread::spawn(move || black_box(i)))
        .collect();
    for h in handles {
        h.join().expect("thread panicked");
    }
}

/// Start `k` tasks from the current task, then await them all.
async fn tasks_then_await(k: u64) {
    let handles: Vec<_> = (0..k)
        .map(|i| tokio::spawn(async move { black_box(i) }))
        .collect();
    for h in handles {
        h.await.expect("task panicked");
    }
}

/// Start `k` tasks on a `TaskTracker`, then wait for it: one count for the batch, as Go's
/// `WaitGroup` is, in place of a `JoinHandle` awaited per task.
async fn tasks_then_wait(k: u64) {
    let tracker = TaskTracker::new();
    for i in 0..k {
        tracker.spawn(async move {
            black_box(i);
        });
    }
    tracker.close();
    tracker.wait().await;
}

/// Run `k` futures concurrently in the current task, with no spawn.
async fn futures_joined(k: u64) {
    join_all((0..k).map(|i| async move { black_box(i) })).await;
}

/// On a driver task, run `batch(k)` over chunks of at most `per` tasks until `iters` tasks
/// ran; time it all. The async twin of [`chunks`].
fn chunks_on_driver<B: Future<Output = ()> + Send + 'static>(
    rt: &Runtime,
    iters: u64,
    per: u64,
    batch: fn(u64) -> B,
) -> Duration {
    on_driver_task(rt, async move {
        let start = Instant::now();
        let mut left = iters;
        while left > 0 {
            let k = left.min(per);
            batch(k).await;
            left -= k;
        }
        start.elapsed()
    })
}

/// Run `driver` as a task on `rt` and return what it returns. The driver is itself a task, as
/// Go's benchmark is a goroutine: spawns from a worker go to that worker's own queue.
fn on_driver_task(
    rt: &Runtime,
    driver: impl Future<Output = Duration> + Send + 'static,
) -> Duration {
    rt.block_on(async move { tokio::spawn(driver).await.expect("driver task") })
}

/// Run `batch(k)` over chunks of at most `per` tasks until `iters` tasks ran; time it all.
fn chunks(iters: u64, per: u64, mut batch: impl FnMut(u64)) -> Duration {
    let start = Instant::now();
    let mut left = iters;
    while left > 0 {
        let k = left.min(per);
        batch(k);
        left -= k;
    }
    start.elapsed()
}

fn spawn(c: &mut Criterion) {
    let pool = ThreadPool::new(parallelism());
    let rt = tokio_runtime();
    for (group, per) in [("spawn-one", 1), ("spawn-batch", SPAWN_BATCH)] {
        let mut g = c.benchmark_group(group);
        g.throughput(Throughput::Elements(1));
        g.bench_function("thread-spawn-join", |b| {
            b.iter_custom(|iters| chunks(iters, per, threads_then_join))
        });
        g.bench_function("thread-scope", |b| {
            b.iter_custom(|iters| {
                chunks(iters, per, |k| {
                    thread::scope(|s| {
                        for i in 0..k {
                            s.spawn(move || black_box(i));
                        }
                    });
                })
            })
        });
        g.bench_function("rayon-scope", |b| {
            b.iter_custom(|iters| {
                chunks(iters, per, |k| {
                    rayon::scope(|s| {
                        for i in 0..k {
                            s.spawn(move |_| {
                                black_box(i);
                            });
                        }
                    });
                })
            })
        });
        g.bench_function("threadpool", |b| {
            b.iter_custom(|iters| {
                chunks(iters, per, |k| {
                    for i in 0..k {
                        pool.execute(move || {
                            black_box(i);
                        });
                    }
                    pool.join();
                })
            })
        });
        g.bench_function("tokio-spawn", |b| {
            b.iter_custom(|iters| chunks_on_driver(&rt, iters, per, tasks_then_await))
        });
        if per > 1 {
            // No spawn at all: the batch's futures run concurrently inside the driver task,
            // on one worker. What a batch costs when its tasks need not run in parallel.
            g.bench_function("join-all", |b| {
                b.iter_custom(|iters| chunks_on_driver(&rt, iters, per, futures_joined))
            });
        }
        g.bench_function("tokio-tracker", |b| {
            b.iter_custom(|iters| chunks_on_driver(&rt, iters, per, tasks_then_wait))
        });
        g.finish();
    }
}

/// What criterion is given back for batches of `count` tasks that took `elapsed`: divided by
/// `count`, so that its time per iteration (one batch) is the time per task.
fn per_task(elapsed: Duration, count: u64) -> Duration {
    elapsed.div_f64(count as f64)
}

/// `spawn-count`: start `count` tasks, then wait for all of them, for each count of
/// `SPAWN_COUNTS`. Here criterion's iteration is one whole batch, so that `count` tasks are in
/// flight together however few iterations a sample has (a million is more than a sample
/// would ask for), and the time it is given back is divided by `count`: what it reports per
/// iteration is the time per task, one op as in `spawn-batch`. Go does the same with `b.N`
/// batches and `b.ReportMetric`.
fn spawn_count(c: &mut Criterion) {
    let rt = tokio_runtime();
    let mut g = c.benchmark_group("spawn-count");
    g.throughput(Throughput::Elements(1));
    // A batch of a thousand threads or a million tasks is a long iteration: flat sampling runs
    // as many in each sample, where linear sampling would run 820 of them at the least.
    g.sampling_mode(SamplingMode::Flat);
    // The counts rise, so once the sample size is cut it stays cut.
    for count in SPAWN_COUNTS {
        if count >= FEW_SAMPLES_FROM {
            g.sample_size(10);
        }
        g.bench_function(BenchmarkId::new("tokio-spawn", n(count)), |b| {
            b.iter_custom(|batches| {
                let elapsed = on_driver_task(&rt, async move {
                    let start = Instant::now();
                    for _ in 0..batches {
                        tasks_then_await(count).await;
                    }
                    start.elapsed()
                });
                per_task(elapsed, count)
            })
        });
        if count <= THREAD_COUNT_MAX {
            g.bench_function(BenchmarkId::new("thread-spawn-join", n(count)), |b| {
                b.iter_custom(|batches| {
                    let start = Instant::now();
                    for _ in 0..batches {
                        threads_then_join(count);
                    }
                    per_task(start.elapsed(), count)
                })
            });
        }
    }
    g.finish();
}

criterion::criterion_group! {
    name = spawns;
    config = benches::criterion();
    targets = spawn, spawn_count
}
criterion::criterion_main!(spawns);

//! What it costs to start a unit of concurrency and wait for it. One op is one task started
//! and finished.
//!
//! Ids: `spawn-one/<how>` (start one, wait for it, repeat: the round trip) and
//! `spawn-batch/<how>` (start `SPAWN_BATCH` = 100, then wait for all: the cost per task when
//! they overlap). `<how>`: `thread-spawn-join`, `thread-scope`, `rayon-scope`,
//! `threadpool` (pool of one thread per core, built outside the timing), `tokio-spawn`
//! (spawned from a task on a runtime with one worker per core, built outside the timing).
//!
//! Go twin: go-reference/bench/spawn_test.go (`go f()` + `sync.WaitGroup`).
//! Run: `cargo bench -p benches --bench spawn`.

use std::hint::black_box;
use std::thread;
use std::time::Instant;

use benches::{SPAWN_BATCH, parallelism, tokio_runtime};
use criterion::{Criterion, Throughput};
use threadpool::ThreadPool;

/// Run `batch(k)` over chunks of at most `per` tasks until `iters` tasks ran; time it all.
fn chunks(iters: u64, per: u64, mut batch: impl FnMut(u64)) -> std::time::Duration {
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
            b.iter_custom(|iters| {
                chunks(iters, per, |k| {
                    let handles: Vec<_> = (0..k)
                        .map(|i| thread::spawn(move || black_box(i)))
                        .collect();
                    for h in handles {
                        h.join().expect("thread panicked");
                    }
                })
            })
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
            b.iter_custom(|iters| {
                // The driver is itself a task, as Go's benchmark is a goroutine: spawns from
                // a worker go to that worker's own queue.
                rt.block_on(async move {
                    tokio::spawn(async move {
                        let start = Instant::now();
                        let mut left = iters;
                        while left > 0 {
                            let k = left.min(per);
                            let handles: Vec<_> = (0..k)
                                .map(|i| tokio::spawn(async move { black_box(i) }))
                                .collect();
                            for h in handles {
                                h.await.expect("task panicked");
                            }
                            left -= k;
                        }
                        start.elapsed()
                    })
                    .await
                    .expect("driver task")
                })
            })
        });
        g.finish();
    }
}

criterion::criterion_group! {
    name = spawns;
    config = benches::criterion();
    targets = spawn
}
criterion::criterion_main!(spawns);

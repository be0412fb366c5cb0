//! What waiting on two channels at once costs, next to a plain receive on one. One op is one
//! message received.
//!
//! Ids:
//! - `select-seq/<how>`: one thread (task) sends a message into one of two bounded(100)
//!   channels, in turn, and takes it out again: with `cb-select` / `tokio-select` through
//!   `select!` over both, with `cb-recv` / `tokio-recv` through `recv()` on a single channel
//!   (the baseline: the difference is what select adds).
//! - `select-2p/<how>`: two producers, each feeding its own channel, one consumer selecting
//!   over both (`cb-select`, `tokio-select`); the baseline `*-recv-shared` has both producers
//!   feed one channel and the consumer receive from it.
//!
//! Go twin: go-reference/bench/select_test.go. Run: `cargo bench -p benches --bench select`.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Instant;

use benches::{CAPACITY, Worker, split, time_tasks, time_workers, tokio_runtime};
use criterion::{Criterion, Throughput};
use crossbeam::channel::{Receiver, bounded, select};
use tokio::sync::{Barrier, mpsc};

fn cb_select_one(rx1: &Receiver<u64>, rx2: &Receiver<u64>) -> u64 {
    select! {
        recv(rx1) -> m => m.expect("sender alive"),
        recv(rx2) -> m => m.expect("sender alive"),
    }
}

fn seq(c: &mut Criterion) {
    let mut g = c.benchmark_group("select-seq");
    g.throughput(Throughput::Elements(1));
    g.bench_function("cb-select", |b| {
        b.iter_custom(|iters| {
            let (tx1, rx1) = bounded(CAPACITY);
            let (tx2, rx2) = bounded(CAPACITY);
            let start = Instant::now();
            for i in 0..iters {
                let tx = if i % 2 == 0 { &tx1 } else { &tx2 };
                tx.send(i).expect("receiver alive");
                black_box(cb_select_one(&rx1, &rx2));
            }
            start.elapsed()
        })
    });
    g.bench_function("cb-recv", |b| {
        b.iter_custom(|iters| {
            let (tx, rx) = bounded(CAPACITY);
            let start = Instant::now();
            for i in 0..iters {
                tx.send(i).expect("receiver alive");
                black_box(rx.recv().expect("sender alive"));
            }
            start.elapsed()
        })
    });
    let rt = tokio_runtime();
    g.bench_function("tokio-select", |b| {
        b.iter_custom(|iters| {
            rt.block_on(async move {
                tokio::spawn(async move {
                    let (tx1, mut rx1) = mpsc::channel(CAPACITY);
                    let (tx2, mut rx2) = mpsc::channel(CAPACITY);
                    let start = Instant::now();
                    for i in 0..iters {
                        let tx = if i % 2 == 0 { &tx1 } else { &tx2 };
                        tx.send(i).await.expect("receiver alive");
                        let v = tokio::select! {
                            m = rx1.recv() => m,
                            m = rx2.recv() => m,
                        };
                        black_box(v);
                    }
                    start.elapsed()
                })
                .await
                .expect("select task")
            })
        })
    });
    g.bench_function("tokio-recv", |b| {
        b.iter_custom(|iters| {
            rt.block_on(async move {
                tokio::spawn(async move {
                    let (tx, mut rx) = mpsc::channel(CAPACITY);
                    let start = Instant::now();
                    for i in 0..iters {
                        tx.send(i).await.expect("receiver alive");
                        black_box(rx.recv().await);
                    }
                    start.elapsed()
                })
                .await
                .expect("recv task")
            })
        })
    });
    g.finish();
}

fn two_producers(c: &mut Criterion) {
    let mut g = c.benchmark_group("select-2p");
    g.throughput(Throughput::Elements(1));
    g.bench_function("cb-select", |b| {
        b.iter_custom(|iters| {
            let (tx1, rx1) = bounded(CAPACITY);
            let (tx2, rx2) = bounded(CAPACITY);
            // Held until the consumer is done, so neither channel disconnects under select!.
            let _keep = (tx1.clone(), tx2.clone());
            let [s0, s1] = [split(iters, 2)[0], split(iters, 2)[1]];
            let workers: Vec<Worker<'_>> = vec![
                Box::new(move || (0..s0).for_each(|i| tx1.send(i).expect("alive"))),
                Box::new(move || (0..s1).for_each(|i| tx2.send(i).expect("alive"))),
                Box::new(move || {
                    for _ in 0..iters {
                        black_box(cb_select_one(&rx1, &rx2));
                    }
                }),
            ];
            time_workers(workers)
        })
    });
    g.bench_function("cb-recv-shared", |b| {
        b.iter_custom(|iters| {
            let (tx1, rx) = bounded(CAPACITY);
            let tx2 = tx1.clone();
            let [s0, s1] = [split(iters, 2)[0], split(iters, 2)[1]];
            let workers: Vec<Worker<'_>> = vec![
                Box::new(move || (0..s0).for_each(|i| tx1.send(i).expect("alive"))),
                Box::new(move || (0..s1).for_each(|i| tx2.send(i).expect("alive"))),
                Box::new(move || {
                    for _ in 0..iters {
                        black_box(rx.recv().expect("alive"));
                    }
                }),
            ];
            time_workers(workers)
        })
    });
    let rt = tokio_runtime();
    g.bench_function("tokio-select", |b| {
        b.iter_custom(|iters| {
            rt.block_on(async move {
                let (tx1, mut rx1) = mpsc::channel(CAPACITY);
                let (tx2, mut rx2) = mpsc::channel(CAPACITY);
                // Held until the consumer is done, so neither channel closes under select!.
                let _keep = (tx1.clone(), tx2.clone());
                let barrier = Arc::new(Barrier::new(3));
                let mut tasks = Vec::new();
                for (tx, n) in [tx1, tx2].into_iter().zip(split(iters, 2)) {
                    tasks.push(tokio::spawn(producer(tx, n, barrier.clone())));
                }
                tasks.push(tokio::spawn(async move {
                    barrier.wait().await;
                    let start = Instant::now();
                    for _ in 0..iters {
                        let v = tokio::select! {
                            Some(m) = rx1.recv() => m,
                            Some(m) = rx2.recv() => m,
                            else => unreachable!("both channels are held open"),
                        };
                        black_box(v);
                    }
                    (start, Instant::now())
                }));
                time_tasks(tasks).await
            })
        })
    });
    g.bench_function("tokio-recv-shared", |b| {
        b.iter_custom(|iters| {
            rt.block_on(async move {
                let (tx, mut rx) = mpsc::channel(CAPACITY);
                let barrier = Arc::new(Barrier::new(3));
                let mut tasks = Vec::new();
                for n in split(iters, 2) {
                    tasks.push(tokio::spawn(producer(tx.clone(), n, barrier.clone())));
                }
                drop(tx);
                tasks.push(tokio::spawn(async move {
                    barrier.wait().await;
                    let start = Instant::now();
                    for _ in 0..iters {
                        black_box(rx.recv().await);
                    }
                    (start, Instant::now())
                }));
                time_tasks(tasks).await
            })
        })
    });
    g.finish();
}

/// A tokio producer: waits on `barrier`, sends `n` messages, returns its clock reads.
async fn producer(tx: mpsc::Sender<u64>, n: u64, barrier: Arc<Barrier>) -> (Instant, Instant) {
    barrier.wait().await;
    let start = Instant::now();
    for i in 0..n {
        tx.send(i).await.expect("receiver alive");
    }
    (start, Instant::now())
}

criterion::criterion_group! {
    name = selects;
    config = benches::criterion();
    targets = seq, two_producers
}
criterion::criterion_main!(selects);

//! CPU-bound map-reduce: what a Go worker pool, rayon and `std::thread::scope` over chunks
//! gain over one thread on the same pure computation. One op is one job: map
//! `mix` (splitmix64's finaliser) over the indices `0..MAP_REDUCE_JOB` and sum the results
//! (wrapping). No memory is read; the work is arithmetic only, so the speed-up is bounded by
//! the cores the machine gives.
//!
//! Ids: `mapreduce/seq` (one thread, a plain loop: the reference for the speed-up),
//! `mapreduce/scope-chunks/t<N>` (N >= 2 threads
//! started with `thread::scope` for each job, one contiguous chunk each, their sums added),
//! `mapreduce/rayon/t<N>` (`into_par_iter().map().reduce()` on a rayon pool of N threads built
//! outside the timing).
//!
//! Go twin: go-reference/bench/mapreduce_test.go (`seq`, and a pool of N goroutines taking
//! chunks of `MAP_REDUCE_CHUNK` from a channel). Run: `cargo bench -p benches --bench mapreduce`.

use std::hint::black_box;
use std::thread;
use std::time::Instant;

use benches::{MAP_REDUCE_JOB, mix, split, t, thread_counts_from_two};
use criterion::{BenchmarkId, Criterion, Throughput};
use rayon::prelude::*;

/// The sum of `mix(i)` over `range`, one thread.
fn chunk_sum(range: std::ops::Range<u64>) -> u64 {
    range.fold(0u64, |acc, i| acc.wrapping_add(mix(i)))
}

fn mapreduce(c: &mut Criterion) {
    let mut g = c.benchmark_group("mapreduce");
    g.throughput(Throughput::Elements(1));
    g.bench_function("seq", |b| {
        b.iter_custom(|iters| {
            let start = Instant::now();
            for _ in 0..iters {
                black_box(chunk_sum(0..black_box(MAP_REDUCE_JOB)));
            }
            start.elapsed()
        })
    });
    for threads in thread_counts_from_two() {
        g.bench_function(BenchmarkId::new("scope-chunks", t(threads)), |b| {
            b.iter_custom(|iters| {
                let start = Instant::now();
                for _ in 0..iters {
                    let job = black_box(MAP_REDUCE_JOB);
                    let total = thread::scope(|s| {
                        let mut from = 0;
                        let handles: Vec<_> = split(job, threads)
                            .into_iter()
                            .map(|n| {
                                let range = from..from + n;
                                from += n;
                                s.spawn(move || chunk_sum(range))
                            })
                            .collect();
                        handles
                            .into_iter()
                            .map(|h| h.join().expect("a chunk panicked"))
                            .fold(0u64, u64::wrapping_add)
                    });
                    black_box(total);
                }
                start.elapsed()
            })
        });
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("building a rayon pool");
        g.bench_function(BenchmarkId::new("rayon", t(threads)), |b| {
            b.iter_custom(|iters| {
                pool.install(|| {
                    let start = Instant::now();
                    for _ in 0..iters {
                        let total = (0..black_box(MAP_REDUCE_JOB))
                            .into_par_iter()
                            .map(mix)
                            .reduce(|| 0, u64::wrapping_add);
                        black_box(total);
                    }
                    start.elapsed()
                })
            })
        });
    }
    g.finish();
}

criterion::criterion_group! {
    name = benches;
    config = benches::criterion();
    targets = mapreduce
}
criterion::criterion_main!(benches);

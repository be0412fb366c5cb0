//! What an atomic operation costs under each ordering, alone and shared, and what a lock
//! costs doing the same counting. One op is one atomic operation (or one lock, add, unlock).
//!
//! Groups (ids are `group/function/parameter`):
//! - `atomics-uncontended/<op>/<ordering>`: one thread, its own atomic.
//! - `atomics-contended/<op>-<ordering>/t<N>`: N threads, one shared atomic (one cache line).
//! - `atomics-padded/<op>-<ordering>/t<N>`: N threads, each its own `CachePadded` atomic.
//! - `atomics-false-shared/<op>-<ordering>/t<N>`: N threads, neighbouring words of one array.
//! - `atomics-dekker/<orderings>`: store one flag, then load the other.
//! - `locks/<lock>/t<N>`: `Mutex<i64>` and `RwLock<i64>` counting like the atomics, std's
//!   (`mutex`, `rwlock-write`, `rwlock-read`) and parking_lot's (`pl-mutex`, ...).
//! - `locks/map-<map>/t<N>`: a read-mostly map shared by N threads (one write in
//!   `MAP_WRITE_EVERY` ops): std `RwLock<HashMap>`, parking_lot `RwLock<HashMap>`, `DashMap`
//!   with std's SipHash and with foldhash (`map-dashmap-foldhash`).
//!
//! Go twin: go-reference/bench/atomics_test.go. Run: `cargo bench -p benches --bench atomics`.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::hint::black_box;
use std::sync::atomic::{AtomicU64, Ordering, fence};
use std::sync::{Mutex, RwLock};
use std::time::Instant;

use benches::{
    MAP_KEYS, MAP_WRITE_EVERY, Worker, map_key, split, t, thread_counts, thread_counts_from_two,
    time_workers,
};
use criterion::{BenchmarkGroup, BenchmarkId, Criterion, Throughput, measurement::WallTime};
use crossbeam::utils::CachePadded;
use dashmap::DashMap;

/// One uncontended benchmark: `$body` runs `iters` times on a fresh atomic `$a`, with the
/// ordering written literally so each one is compiled on its own.
macro_rules! alone {
    ($g:expr, $op:literal, $ord:literal, |$a:ident| $body:expr) => {
        $g.bench_function(BenchmarkId::new($op, $ord), |b| {
            b.iter_custom(|iters| {
                let cell = AtomicU64::new(0);
                let start = Instant::now();
                for _ in 0..iters {
                    let $a = black_box(&cell);
                    let _ = black_box($body);
                }
                start.elapsed()
            })
        });
    };
}

fn uncontended(c: &mut Criterion) {
    let mut g = c.benchmark_group("atomics-uncontended");
    g.throughput(Throughput::Elements(1));
    alone!(g, "load", "relaxed", |a| a.load(Ordering::Relaxed));
    alone!(g, "load", "acquire", |a| a.load(Ordering::Acquire));
    alone!(g, "load", "seqcst", |a| a.load(Ordering::SeqCst));
    alone!(g, "store", "relaxed", |a| a.store(1, Ordering::Relaxed));
    alone!(g, "store", "release", |a| a.store(1, Ordering::Release));
    alone!(g, "store", "seqcst", |a| a.store(1, Ordering::SeqCst));
    alone!(g, "fetch_add", "relaxed", |a| a
        .fetch_add(1, Ordering::Relaxed));
    alone!(g, "fetch_add", "acquire", |a| a
        .fetch_add(1, Ordering::Acquire));
    alone!(g, "fetch_add", "release", |a| a
        .fetch_add(1, Ordering::Release));
    alone!(g, "fetch_add", "acqrel", |a| a
        .fetch_add(1, Ordering::AcqRel));
    alone!(g, "fetch_add", "seqcst", |a| a
        .fetch_add(1, Ordering::SeqCst));
    alone!(g, "swap", "relaxed", |a| a.swap(1, Ordering::Relaxed));
    alone!(g, "swap", "acquire", |a| a.swap(1, Ordering::Acquire));
    alone!(g, "swap", "release", |a| a.swap(1, Ordering::Release));
    alone!(g, "swap", "acqrel", |a| a.swap(1, Ordering::AcqRel));
    alone!(g, "swap", "seqcst", |a| a.swap(1, Ordering::SeqCst));
    // A counting CAS that always succeeds (the value is known): success/failure orderings
    // are the strongest pair each success ordering allows.
    let cas = |a: &AtomicU64, ok: Ordering, fail: Ordering| {
        let cur = a.load(Ordering::Relaxed);
        a.compare_exchange(cur, cur + 1, ok, fail)
    };
    alone!(g, "compare_exchange", "relaxed", |a| cas(
        a,
        Ordering::Relaxed,
        Ordering::Relaxed
    ));
    alone!(g, "compare_exchange", "acquire", |a| cas(
        a,
        Ordering::Acquire,
        Ordering::Acquire
    ));
    alone!(g, "compare_exchange", "release", |a| cas(
        a,
        Ordering::Release,
        Ordering::Relaxed
    ));
    alone!(g, "compare_exchange", "acqrel", |a| cas(
        a,
        Ordering::AcqRel,
        Ordering::Acquire
    ));
    alone!(g, "compare_exchange", "seqcst", |a| cas(
        a,
        Ordering::SeqCst,
        Ordering::SeqCst
    ));
    g.finish();
}

/// Where each thread's counter lives.
#[derive(Clone, Copy)]
enum Layout {
    /// All threads on one atomic.
    Contended,
    /// Each thread its own atomic, alone on its cache line.
    Padded,
    /// Each thread its own atomic, next to the others' in one array.
    FalseShared,
}

/// `threads` threads share `iters` ops; thread `i` runs `op` on the counter `layout` gives it.
/// Generic over the op, so each op is inlined into its own loop (no call through a pointer).
fn shared_run<F>(layout: Layout, threads: usize, iters: u64, op: F) -> std::time::Duration
where
    F: Fn(&AtomicU64) + Copy + Send,
{
    let one = CachePadded::new(AtomicU64::new(0));
    let padded: Vec<CachePadded<AtomicU64>> = (0..threads)
        .map(|_| CachePadded::new(AtomicU64::new(0)))
        .collect();
    let words: Vec<AtomicU64> = (0..threads).map(|_| AtomicU64::new(0)).collect();
    let workers: Vec<Worker<'_>> = split(iters, threads)
        .into_iter()
        .enumerate()
        .map(|(i, n)| {
            let cell: &AtomicU64 = match layout {
                Layout::Contended => &one,
                Layout::Padded => &padded[i],
                Layout::FalseShared => &words[i],
            };
            Box::new(move || {
                for _ in 0..n {
                    op(black_box(cell));
                }
            }) as Worker<'_>
        })
        .collect();
    time_workers(workers)
}

/// One op under one layout at every thread count.
fn shared_op<F>(
    g: &mut BenchmarkGroup<'_, WallTime>,
    layout: Layout,
    counts: &[usize],
    name: &str,
    op: F,
) where
    F: Fn(&AtomicU64) + Copy + Send,
{
    for &threads in counts {
        g.bench_function(BenchmarkId::new(name, t(threads)), |b| {
            b.iter_custom(|iters| shared_run(layout, threads, iters, op))
        });
    }
}

/// A CAS loop: load, then compare_exchange_weak until it wins.
#[inline(always)]
fn cas_loop(a: &AtomicU64, ord: Ordering) {
    let mut cur = a.load(Ordering::Relaxed);
    while let Err(now) = a.compare_exchange_weak(cur, cur + 1, ord, Ordering::Relaxed) {
        cur = now;
    }
}

/// The counting ops the sharing layouts run: `fetch_add` under every ordering and a CAS loop
/// under the weakest and the strongest.
fn sharing(c: &mut Criterion) {
    let groups = [
        ("atomics-contended", Layout::Contended, thread_counts()),
        ("atomics-padded", Layout::Padded, thread_counts_from_two()),
        (
            "atomics-false-shared",
            Layout::FalseShared,
            thread_counts_from_two(),
        ),
    ];
    for (name, layout, counts) in groups {
        let mut g = c.benchmark_group(name);
        g.throughput(Throughput::Elements(1));
        let g = &mut g;
        shared_op(g, layout, &counts, "fetch_add-relaxed", |a| {
            a.fetch_add(1, Ordering::Relaxed);
        });
        shared_op(g, layout, &counts, "fetch_add-acquire", |a| {
            a.fetch_add(1, Ordering::Acquire);
        });
        shared_op(g, layout, &counts, "fetch_add-release", |a| {
            a.fetch_add(1, Ordering::Release);
        });
        shared_op(g, layout, &counts, "fetch_add-acqrel", |a| {
            a.fetch_add(1, Ordering::AcqRel);
        });
        shared_op(g, layout, &counts, "fetch_add-seqcst", |a| {
            a.fetch_add(1, Ordering::SeqCst);
        });
        shared_op(g, layout, &counts, "cas_loop-relaxed", |a| {
            cas_loop(a, Ordering::Relaxed)
        });
        shared_op(g, layout, &counts, "cas_loop-seqcst", |a| {
            cas_loop(a, Ordering::SeqCst)
        });
    }
}

/// One store-then-load pair, inlined into its loop.
fn dekker_pair<F>(g: &mut BenchmarkGroup<'_, WallTime>, name: &str, pair: F)
where
    F: Fn(&AtomicU64, &AtomicU64) -> u64,
{
    g.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let (mine, theirs) = (AtomicU64::new(0), AtomicU64::new(0));
            let start = Instant::now();
            for _ in 0..iters {
                black_box(pair(black_box(&mine), black_box(&theirs)));
            }
            start.elapsed()
        })
    });
}

fn dekker(c: &mut Criterion) {
    let mut g = c.benchmark_group("atomics-dekker");
    g.throughput(Throughput::Elements(1));
    dekker_pair(&mut g, "release-acquire", |mine, theirs| {
        mine.store(1, Ordering::Release);
        theirs.load(Ordering::Acquire)
    });
    dekker_pair(&mut g, "seqcst", |mine, theirs| {
        mine.store(1, Ordering::SeqCst);
        theirs.load(Ordering::SeqCst)
    });
    dekker_pair(&mut g, "relaxed-fence-seqcst", |mine, theirs| {
        mine.store(1, Ordering::Relaxed);
        fence(Ordering::SeqCst);
        theirs.load(Ordering::Relaxed)
    });
    g.finish();
}

/// `threads` threads share `iters` ops on one lock; each op is `op(lock)`.
fn lock_run<L, F>(lock: &L, threads: usize, iters: u64, op: F) -> std::time::Duration
where
    L: Sync,
    F: Fn(&L) + Copy + Send,
{
    let workers: Vec<Worker<'_>> = split(iters, threads)
        .into_iter()
        .map(|n| {
            Box::new(move || {
                for _ in 0..n {
                    op(lock);
                }
            }) as Worker<'_>
        })
        .collect();
    time_workers(workers)
}

/// The same counting as the atomics, behind a Mutex<i64> and an RwLock<i64>.
fn locks(c: &mut Criterion) {
    let mut g = c.benchmark_group("locks");
    g.throughput(Throughput::Elements(1));
    for threads in thread_counts() {
        g.bench_function(BenchmarkId::new("mutex", t(threads)), |b| {
            b.iter_custom(|iters| {
                lock_run(&Mutex::new(0i64), threads, iters, |m| {
                    *m.lock().expect("not poisoned") += 1;
                })
            })
        });
        g.bench_function(BenchmarkId::new("rwlock-write", t(threads)), |b| {
            b.iter_custom(|iters| {
                lock_run(&RwLock::new(0i64), threads, iters, |rw| {
                    *rw.write().expect("not poisoned") += 1;
                })
            })
        });
        g.bench_function(BenchmarkId::new("rwlock-read", t(threads)), |b| {
            b.iter_custom(|iters| {
                lock_run(&RwLock::new(0i64), threads, iters, |rw| {
                    black_box(*rw.read().expect("not poisoned"));
                })
            })
        });
        g.bench_function(BenchmarkId::new("pl-mutex", t(threads)), |b| {
            b.iter_custom(|iters| {
                lock_run(&parking_lot::Mutex::new(0i64), threads, iters, |m| {
                    *m.lock() += 1;
                })
            })
        });
        g.bench_function(BenchmarkId::new("pl-rwlock-write", t(threads)), |b| {
            b.iter_custom(|iters| {
                lock_run(&parking_lot::RwLock::new(0i64), threads, iters, |rw| {
                    *rw.write() += 1;
                })
            })
        });
        g.bench_function(BenchmarkId::new("pl-rwlock-read", t(threads)), |b| {
            b.iter_custom(|iters| {
                lock_run(&parking_lot::RwLock::new(0i64), threads, iters, |rw| {
                    black_box(*rw.read());
                })
            })
        });
    }
    for threads in thread_counts() {
        map_bench::<RwLock<HashMap<u64, u64>>>(&mut g, "map-rwlock", threads);
        map_bench::<parking_lot::RwLock<HashMap<u64, u64>>>(&mut g, "map-pl-rwlock", threads);
        map_bench::<DashMap<u64, u64>>(&mut g, "map-dashmap", threads);
        // The same map with a fast non-keyed hash in place of SipHash: how much of the gap to
        // Go's maps is the hasher.
        map_bench::<DashMap<u64, u64, FoldHash>>(&mut g, "map-dashmap-foldhash", threads);
    }
    g.finish();
}

/// A concurrent map of `u64` to `u64`, as a read-mostly cache uses it.
trait ReadMostly: Sync {
    /// The map with every key in `0..MAP_KEYS` present.
    fn filled() -> Self;
    fn get(&self, key: u64) -> Option<u64>;
    fn put(&self, key: u64, value: u64);
}

impl ReadMostly for RwLock<HashMap<u64, u64>> {
    fn filled() -> Self {
        RwLock::new((0..MAP_KEYS).map(|k| (k, k)).collect())
    }
    fn get(&self, key: u64) -> Option<u64> {
        self.read().expect("not poisoned").get(&key).copied()
    }
    fn put(&self, key: u64, value: u64) {
        self.write().expect("not poisoned").insert(key, value);
    }
}

impl ReadMostly for parking_lot::RwLock<HashMap<u64, u64>> {
    fn filled() -> Self {
        parking_lot::RwLock::new((0..MAP_KEYS).map(|k| (k, k)).collect())
    }
    fn get(&self, key: u64) -> Option<u64> {
        self.read().get(&key).copied()
    }
    fn put(&self, key: u64, value: u64) {
        self.write().insert(key, value);
    }
}

/// foldhash's fast hasher (what hashbrown uses by default), seeded once per map.
type FoldHash = foldhash::fast::RandomState;

impl<S: BuildHasher + Clone + Default + Send + Sync> ReadMostly for DashMap<u64, u64, S> {
    fn filled() -> Self {
        (0..MAP_KEYS).map(|k| (k, k)).collect()
    }
    fn get(&self, key: u64) -> Option<u64> {
        DashMap::get(self, &key).map(|v| *v)
    }
    fn put(&self, key: u64, value: u64) {
        self.insert(key, value);
    }
}

/// `threads` threads share `iters` ops on one filled map: op `j` of worker `w` writes key
/// `map_key(w, j)` when `j % MAP_WRITE_EVERY == 0` and reads it otherwise (Go:
/// `BenchmarkLocks/{map_rwmutex,sync_map}`).
fn map_bench<M: ReadMostly>(g: &mut BenchmarkGroup<'_, WallTime>, name: &str, threads: usize) {
    g.bench_function(BenchmarkId::new(name, t(threads)), |b| {
        b.iter_custom(|iters| {
            let map = M::filled();
            let map = &map;
            let workers: Vec<Worker<'_>> = split(iters, threads)
                .into_iter()
                .enumerate()
                .map(|(w, n)| {
                    Box::new(move || {
                        let mut seen = 0u64;
                        for j in 0..n {
                            let key = map_key(w as u64, j);
                            if j % MAP_WRITE_EVERY == 0 {
                                map.put(key, j);
                            } else {
                                seen = seen.wrapping_add(map.get(key).unwrap_or(0));
                            }
                        }
                        black_box(seen);
                    }) as Worker<'_>
                })
                .collect();
            time_workers(workers)
        })
    });
}

criterion::criterion_group! {
    name = atomics;
    config = benches::criterion();
    targets = uncontended, sharing, dekker, locks
}
criterion::criterion_main!(atomics);

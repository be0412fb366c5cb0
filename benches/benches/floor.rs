//! The floor: the least time two threads need to hand something back and forth on this
//! machine. Two threads spin on atomics and pass a token; one op is one round trip (the cache
//! line moves to the other core and back). No channel, lock or wake-up can beat it, so the
//! channel `pingpong` latencies are read against it.
//!
//! Ids: `floor-pingpong/same-line` (one atomic both threads write),
//! `floor-pingpong/same-line-no-pause` (the same without `spin_loop()`, as Go's twin must
//! spin) and `floor-pingpong/two-lines` (a ping and a pong atomic, each on its own line).
//! Both threads spin (yielding only after thousands of checks), so this needs two free cores;
//! on a busy machine the number includes the time the OS gave to others.
//!
//! Go twin: go-reference/bench/floor_test.go. Run: `cargo bench -p benches --bench floor`.

use std::hint::spin_loop;
use std::sync::atomic::{AtomicU64, Ordering};

use benches::{Worker, time_workers};
use criterion::{Criterion, Throughput};
use crossbeam::utils::CachePadded;

/// How many times a waiter checks before it yields its core: far more than a handoff takes
/// when both threads have a core, so on a quiet machine it never yields; on a busy one, where
/// the OS put both threads on one core, it turns a lost time slice (milliseconds) into a
/// context switch. `floorSpins` in go-reference/bench/floor_test.go is the same.
const SPINS: u32 = 1 << 10;

/// Spin until `cell` holds `want`, yielding the core every [`SPINS`] checks.
#[inline(always)]
fn wait_for<const PAUSE: bool>(cell: &AtomicU64, want: u64) {
    let mut spins = 0u32;
    while cell.load(Ordering::Acquire) != want {
        spins += 1;
        if spins == SPINS {
            spins = 0;
            std::thread::yield_now();
        } else if PAUSE {
            spin_loop();
        }
    }
}

/// Round trips through one word: the pinger writes odd numbers, the echo even ones. `pause`
/// puts `spin_loop()` (x86 `pause`) in the wait loops; Go has no such hint for user code, so
/// its twin spins without it, like `same_line::<false>`.
fn same_line<const PAUSE: bool>(iters: u64) -> std::time::Duration {
    let turn = CachePadded::new(AtomicU64::new(0));
    let turn = &turn;
    let pinger: Worker<'_> = Box::new(move || {
        for i in 0..iters {
            turn.store(2 * i + 1, Ordering::Release);
            wait_for::<PAUSE>(turn, 2 * i + 2);
        }
    });
    let echo: Worker<'_> = Box::new(move || {
        for i in 0..iters {
            wait_for::<PAUSE>(turn, 2 * i + 1);
            turn.store(2 * i + 2, Ordering::Release);
        }
    });
    time_workers(vec![pinger, echo])
}

/// Round trips through two words on separate lines: each thread writes only its own.
fn two_lines(iters: u64) -> std::time::Duration {
    let ping = CachePadded::new(AtomicU64::new(0));
    let pong = CachePadded::new(AtomicU64::new(0));
    let (ping, pong) = (&ping, &pong);
    let pinger: Worker<'_> = Box::new(move || {
        for i in 1..=iters {
            ping.store(i, Ordering::Release);
            wait_for::<true>(pong, i);
        }
    });
    let echo: Worker<'_> = Box::new(move || {
        for i in 1..=iters {
            wait_for::<true>(ping, i);
            pong.store(i, Ordering::Release);
        }
    });
    time_workers(vec![pinger, echo])
}

fn floor(c: &mut Criterion) {
    let mut g = c.benchmark_group("floor-pingpong");
    g.throughput(Throughput::Elements(1));
    g.bench_function("same-line", |b| b.iter_custom(same_line::<true>));
    g.bench_function("same-line-no-pause", |b| b.iter_custom(same_line::<false>));
    g.bench_function("two-lines", |b| b.iter_custom(two_lines));
    g.finish();
}

criterion::criterion_group! {
    name = floors;
    config = benches::criterion();
    targets = floor
}
criterion::criterion_main!(floors);

//! The `pipelines` chapter's pipeline as a benchmark: generate numbers, square them, add the
//! squares up, each stage on its own thread (or task), joined by two channels of capacity
//! `CAPACITY` = 100. One op is one item through all three stages, so the time per op is the
//! pipeline's throughput: two handoffs per item, with three threads sharing the cores.
//!
//! Ids: `pipeline/<flavour>`: `std-sync-100` (`sync_channel(100)`), `cb-bounded-100`
//! (crossbeam), `flume-bounded-100` (flume, from threads), `tokio-bounded-100`
//! (`mpsc::channel(100)`, three tasks on a runtime with one worker per core). The stages are
//! started before the clock and wait on a barrier, as every workload here does; each run checks
//! that the sum is right.
//!
//! Go twin: go-reference/bench/pipeline_test.go (three goroutines, `make(chan uint64, 100)`).
//! Run: `cargo bench -p benches --bench pipeline`.

use benches::flavours::tokio_flavours::{self as tf, AsyncFlavour, TokioBounded};
use benches::flavours::{CbBounded, Flavour, FlumeBounded, StdSync, pipeline};
use benches::{CAPACITY, tokio_runtime};
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput};
use tokio::runtime::Runtime;

const N: usize = CAPACITY;

/// The pipeline on threads joined by flavour `F`.
fn on_threads<F: Flavour>(g: &mut BenchmarkGroup<'_, WallTime>) {
    g.bench_function(F::name(), |b| b.iter_custom(pipeline::<F>));
}

/// The pipeline on tasks of `rt` joined by flavour `F`.
fn on_tasks<F: AsyncFlavour>(g: &mut BenchmarkGroup<'_, WallTime>, rt: &Runtime) {
    g.bench_function(F::name(), |b| b.iter_custom(|i| tf::pipeline::<F>(rt, i)));
}

fn pipelines(c: &mut Criterion) {
    let rt = tokio_runtime();
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Elements(1));
    on_threads::<StdSync<N>>(&mut g);
    on_threads::<CbBounded<N>>(&mut g);
    on_threads::<FlumeBounded<N>>(&mut g);
    on_tasks::<TokioBounded<N>>(&mut g, &rt);
    g.finish();
}

criterion::criterion_group! {
    name = benches;
    config = benches::criterion();
    targets = pipelines
}
criterion::criterion_main!(benches);

//! What a message costs through each channel flavour. One op is one message (for
//! `pingpong`, one round trip: two messages, one each way).
//!
//! Ids: `channels-<workload>/<flavour>` and, for the many-thread workloads,
//! `channels-<workload>/<flavour>/t<N>` with N producers (and, for `mpmc`, N consumers).
//! Workloads: `seq` (one thread sends then receives; buffered flavours only), `spsc`, `mpsc`,
//! `mpmc` (flavours whose receiver can be shared), `pingpong` (latency).
//! Flavours: std `channel` / `sync_channel(0|1|100)`, the guide's `Arc<Mutex<Receiver>>`,
//! crossbeam `unbounded` / `bounded(0|1|100)`, tokio `mpsc` bounded(100) / unbounded; flume and
//! kanal `bounded(0|100)` from threads (the rendezvous in `spsc`, `pingpong`, `mpmc` only) and
//! `bounded(100)` from tasks (kanal also `bounded_async(0)`, in `spsc` and `pingpong`);
//! async-channel `bounded(100)` from threads (`send_blocking`) and from tasks.
//! `channels-bridge/<flavour>`: a std thread sends to a tokio task (capacity 100).
//! `channels-size/<flavour>/b<B>`: the message-size sweep, `spsc` carrying `[u8; B]` for B = 8,
//! 64, 256 and 1024 bytes, through std `sync_channel(100)`, crossbeam, flume and tokio
//! `bounded(100)`.
//!
//! Go twin: go-reference/bench/channels_test.go. Run: `cargo bench -p benches --bench channels`.

use benches::flavours::bridge::{
    AcBridge, Bridge, FlumeBridge, KanalBridge, TokioBridge, thread_to_task,
};
use benches::flavours::tokio_flavours::{
    self as tf, AsyncChannel, AsyncFlavour, FlumeAsync, KanalAsync, TokioBounded, TokioUnbounded,
};
use benches::flavours::{
    AcBlocking, CbBounded, CbUnbounded, Flavour, FlumeBounded, KanalBounded, StdSharedRx, StdSync,
    StdUnbounded, mpmc, mpsc, pingpong, seq, spsc_sized,
};
use benches::{CAPACITY, bytes, t, thread_counts_from_two, tokio_runtime};
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, BenchmarkId, Criterion, Throughput};
use tokio::runtime::Runtime;

const N: usize = CAPACITY;

/// Every blocking workload one flavour supports but `mpmc`.
fn blocking<F: Flavour>(c: &mut Criterion) {
    let name = F::name();
    if F::buffered() {
        group(c, "channels-seq").bench_function(&name, |b| b.iter_custom(seq::<F>));
    }
    group(c, "channels-spsc").bench_function(&name, |b| b.iter_custom(|i| mpsc::<F>(1, i)));
    let mut g = group(c, "channels-mpsc");
    for threads in thread_counts_from_two() {
        g.bench_function(BenchmarkId::new(&name, t(threads)), |b| {
            b.iter_custom(|i| mpsc::<F>(threads, i))
        });
    }
    g.finish();
    group(c, "channels-pingpong").bench_function(&name, |b| b.iter_custom(pingpong::<F>));
}

/// `mpmc` for a flavour whose receiver can be shared.
fn shared<F: Flavour>(c: &mut Criterion)
where
    F::Rx: Clone,
{
    let mut g = group(c, "channels-mpmc");
    for threads in thread_counts_from_two() {
        g.bench_function(BenchmarkId::new(F::name(), t(threads)), |b| {
            b.iter_custom(|i| mpmc::<F>(threads, i))
        });
    }
    g.finish();
}

/// tokio's flavours: the same workloads as tasks on a runtime with one worker per core
/// (built once, outside the timing). tokio's `mpsc` has one receiver, so no `mpmc`.
fn tokio<F: AsyncFlavour>(c: &mut Criterion) {
    let rt = tokio_runtime();
    let name = F::name();
    group(c, "channels-seq").bench_function(&name, |b| b.iter_custom(|i| tf::seq::<F>(&rt, i)));
    group(c, "channels-spsc")
        .bench_function(&name, |b| b.iter_custom(|i| tf::mpsc::<F>(&rt, 1, i)));
    let mut g = group(c, "channels-mpsc");
    for threads in thread_counts_from_two() {
        g.bench_function(BenchmarkId::new(&name, t(threads)), |b| {
            b.iter_custom(|i| tf::mpsc::<F>(&rt, threads, i))
        });
    }
    g.finish();
    group(c, "channels-pingpong")
        .bench_function(&name, |b| b.iter_custom(|i| tf::pingpong::<F>(&rt, i)));
}

/// `mpmc` for an async flavour whose receiver clones, on the same runtime.
fn tokio_shared<F: AsyncFlavour>(c: &mut Criterion)
where
    F::Rx: Clone,
{
    let rt = tokio_runtime();
    let mut g = group(c, "channels-mpmc");
    for threads in thread_counts_from_two() {
        g.bench_function(BenchmarkId::new(F::name(), t(threads)), |b| {
            b.iter_custom(|i| tf::mpmc::<F>(&rt, threads, i))
        });
    }
    g.finish();
}

/// The bridge: a std thread sends, a task on the runtime receives.
fn thread_to_task_bridge<B: Bridge>(c: &mut Criterion) {
    let rt = tokio_runtime();
    group(c, "channels-bridge").bench_function(B::name(), |b| {
        b.iter_custom(|i| thread_to_task::<B>(&rt, i))
    });
}

fn group<'c>(c: &'c mut Criterion, name: &str) -> BenchmarkGroup<'c, WallTime> {
    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Elements(1));
    g
}

fn std_flavours(c: &mut Criterion) {
    blocking::<StdUnbounded>(c);
    blocking::<StdSync<0>>(c);
    blocking::<StdSync<1>>(c);
    blocking::<StdSync<N>>(c);
    blocking::<StdSharedRx>(c);
    shared::<StdSharedRx>(c);
}

fn crossbeam_flavours(c: &mut Criterion) {
    blocking::<CbUnbounded>(c);
    blocking::<CbBounded<0>>(c);
    blocking::<CbBounded<1>>(c);
    blocking::<CbBounded<N>>(c);
    shared::<CbUnbounded>(c);
    shared::<CbBounded<0>>(c);
    shared::<CbBounded<1>>(c);
    shared::<CbBounded<N>>(c);
}

fn tokio_flavours(c: &mut Criterion) {
    tokio::<TokioBounded<N>>(c);
    tokio::<TokioUnbounded>(c);
}

/// A rendezvous flavour in the workloads a Go developer uses an unbuffered channel for: a
/// handoff (`spsc`), a round trip (`pingpong`) and a pool of workers (`mpmc`).
fn rendezvous<F: Flavour>(c: &mut Criterion)
where
    F::Rx: Clone,
{
    let name = F::name();
    group(c, "channels-spsc").bench_function(&name, |b| b.iter_custom(|i| mpsc::<F>(1, i)));
    group(c, "channels-pingpong").bench_function(&name, |b| b.iter_custom(pingpong::<F>));
    shared::<F>(c);
}

/// An async rendezvous in the handoff and the round trip: tasks, whose partner the runtime
/// wakes in user space, as Go's scheduler wakes a goroutine, where a thread's partner is woken
/// through the kernel. The row that says what closes the unbuffered gap of the thread channels.
fn async_rendezvous<F: AsyncFlavour>(c: &mut Criterion) {
    let rt = tokio_runtime();
    let name = F::name();
    group(c, "channels-spsc")
        .bench_function(&name, |b| b.iter_custom(|i| tf::mpsc::<F>(&rt, 1, i)));
    group(c, "channels-pingpong")
        .bench_function(&name, |b| b.iter_custom(|i| tf::pingpong::<F>(&rt, i)));
}

/// flume, kanal and async-channel at the rendezvous (but async-channel, which has none) and
/// at capacity 100: the Go developer's unbuffered and buffered channel. Their unbounded
/// channels are left out: Go has none to set them against, and the full run has to stay under
/// 15 minutes on 2 cores.
fn flume_kanal_async_channel(c: &mut Criterion) {
    rendezvous::<FlumeBounded<0>>(c);
    blocking::<FlumeBounded<N>>(c);
    shared::<FlumeBounded<N>>(c);
    rendezvous::<KanalBounded<0>>(c);
    blocking::<KanalBounded<N>>(c);
    shared::<KanalBounded<N>>(c);
    blocking::<AcBlocking<N>>(c);
    shared::<AcBlocking<N>>(c);
    tokio::<FlumeAsync<N>>(c);
    async_rendezvous::<KanalAsync<0>>(c);
    tokio::<KanalAsync<N>>(c);
    tokio::<AsyncChannel<N>>(c);
    tokio_shared::<FlumeAsync<N>>(c);
    tokio_shared::<KanalAsync<N>>(c);
    tokio_shared::<AsyncChannel<N>>(c);
}

fn bridges(c: &mut Criterion) {
    thread_to_task_bridge::<TokioBridge<N>>(c);
    thread_to_task_bridge::<FlumeBridge<N>>(c);
    thread_to_task_bridge::<KanalBridge<N>>(c);
    thread_to_task_bridge::<AcBridge<N>>(c);
}

/// `spsc` with `[u8; B]` messages through one blocking flavour.
fn sized<F: Flavour<[u8; B]>, const B: usize>(g: &mut BenchmarkGroup<'_, WallTime>) {
    g.bench_function(BenchmarkId::new(F::name(), bytes(B)), |b| {
        b.iter_custom(spsc_sized::<F, B>)
    });
}

/// `spsc` with `[u8; B]` messages between two tasks on `rt`.
fn sized_async<F: AsyncFlavour<[u8; B]>, const B: usize>(
    g: &mut BenchmarkGroup<'_, WallTime>,
    rt: &Runtime,
) {
    g.bench_function(BenchmarkId::new(F::name(), bytes(B)), |b| {
        b.iter_custom(|i| tf::spsc_sized::<F, B>(rt, i))
    });
}

/// The message-size sweep at `B` bytes, through the bounded(100) channels the other rows set
/// against Go's: std, crossbeam and flume from threads, tokio from tasks.
fn sizes_of<const B: usize>(c: &mut Criterion, rt: &Runtime) {
    let mut g = group(c, "channels-size");
    sized::<StdSync<N>, B>(&mut g);
    sized::<CbBounded<N>, B>(&mut g);
    sized::<FlumeBounded<N>, B>(&mut g);
    sized_async::<TokioBounded<N>, B>(&mut g, rt);
    g.finish();
}

/// What a message costs as it grows from one word to a kilobyte (Go: `Channels/size/b=B`,
/// `[B]byte` over `make(chan [B]byte, 100)`).
fn message_sizes(c: &mut Criterion) {
    let rt = tokio_runtime();
    sizes_of::<8>(c, &rt);
    sizes_of::<64>(c, &rt);
    sizes_of::<256>(c, &rt);
    sizes_of::<1024>(c, &rt);
}

criterion::criterion_group! {
    name = channels;
    config = benches::criterion();
    targets = std_flavours, crossbeam_flavours, tokio_flavours, flume_kanal_async_channel, bridges,
        message_sizes
}
criterion::criterion_main!(channels);

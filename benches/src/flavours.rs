//! The channel flavours under test and the workloads they run: `seq`, `spsc`/`mpsc`, `mpmc`
//! and the ping-pong round trip, plus the `bridge` from a thread to a task ([`bridge`]). A
//! flavour is a zero-sized type, so the workloads are monomorphised per flavour and no dispatch
//! sits between the benchmark and the channel.
//!
//! The crates: std, crossbeam and tokio, and the three a Go developer is most often pointed to
//! when asking "which channel?": flume and kanal (a blocking and an async side on one channel)
//! and async-channel (async first, with `send_blocking`/`recv_blocking` for threads).
//!
//! Messages are `u64`, as Go's twins send `int64`.

use std::hint::black_box;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crossbeam::channel;

use crate::{Worker, split, time_workers};

/// A blocking channel flavour.
pub trait Flavour: 'static {
    /// The sending half; cloned once per producer.
    type Tx: Clone + Send + 'static;
    /// The receiving half.
    type Rx: Send + 'static;
    /// The benchmark id of the flavour: `std-sync-100`.
    fn name() -> String;
    /// Whether one thread can send and then receive without a partner (capacity > 0).
    fn buffered() -> bool;
    /// A fresh channel.
    fn pair() -> (Self::Tx, Self::Rx);
    /// Send `v`, blocking while the channel is full.
    fn send(tx: &Self::Tx, v: u64);
    /// Receive the next message, or `None` once every sender is gone and the channel is empty.
    fn recv(rx: &Self::Rx) -> Option<u64>;
}

/// std's `mpsc::channel()`: unbounded.
#[derive(Debug)]
pub struct StdUnbounded;
/// std's `mpsc::sync_channel(CAP)`: bounded; `CAP = 0` is a rendezvous.
#[derive(Debug)]
pub struct StdSync<const CAP: usize>;
/// The guide's worker-pool receiver: std's unbounded channel with its `Receiver` behind
/// `Arc<Mutex<_>>`, so several consumers can share it (each holds the lock while it waits).
#[derive(Debug)]
pub struct StdSharedRx;
/// crossbeam's `unbounded()`.
#[derive(Debug)]
pub struct CbUnbounded;
/// crossbeam's `bounded(CAP)`; `CAP = 0` is a rendezvous.
#[derive(Debug)]
pub struct CbBounded<const CAP: usize>;

impl Flavour for StdUnbounded {
    type Tx = mpsc::Sender<u64>;
    type Rx = mpsc::Receiver<u64>;
    fn name() -> String {
        "std-unbounded".into()
    }
    fn buffered() -> bool {
        true
    }
    fn pair() -> (Self::Tx, Self::Rx) {
        mpsc::channel()
    }
    fn send(tx: &Self::Tx, v: u64) {
        tx.send(v).expect("receiver alive");
    }
    fn recv(rx: &Self::Rx) -> Option<u64> {
        rx.recv().ok()
    }
}

impl<const CAP: usize> Flavour for StdSync<CAP> {
    type Tx = mpsc::SyncSender<u64>;
    type Rx = mpsc::Receiver<u64>;
    fn name() -> String {
        format!("std-sync-{CAP}")
    }
    fn buffered() -> bool {
        CAP > 0
    }
    fn pair() -> (Self::Tx, Self::Rx) {
        mpsc::sync_channel(CAP)
    }
    fn send(tx: &Self::Tx, v: u64) {
        tx.send(v).expect("receiver alive");
    }
    fn recv(rx: &Self::Rx) -> Option<u64> {
        rx.recv().ok()
    }
}

impl Flavour for StdSharedRx {
    type Tx = mpsc::Sender<u64>;
    type Rx = Arc<Mutex<mpsc::Receiver<u64>>>;
    fn name() -> String {
        "std-arc-mutex-rx".into()
    }
    fn buffered() -> bool {
        true
    }
    fn pair() -> (Self::Tx, Self::Rx) {
        let (tx, rx) = mpsc::channel();
        (tx, Arc::new(Mutex::new(rx)))
    }
    fn send(tx: &Self::Tx, v: u64) {
        tx.send(v).expect("receiver alive");
    }
    fn recv(rx: &Self::Rx) -> Option<u64> {
        rx.lock().expect("receiver lock poisoned").recv().ok()
    }
}

impl Flavour for CbUnbounded {
    type Tx = channel::Sender<u64>;
    type Rx = channel::Receiver<u64>;
    fn name() -> String {
        "cb-unbounded".into()
    }
    fn buffered() -> bool {
        true
    }
    fn pair() -> (Self::Tx, Self::Rx) {
        channel::unbounded()
    }
    fn send(tx: &Self::Tx, v: u64) {
        tx.send(v).expect("receiver alive");
    }
    fn recv(rx: &Self::Rx) -> Option<u64> {
        rx.recv().ok()
    }
}

impl<const CAP: usize> Flavour for CbBounded<CAP> {
    type Tx = channel::Sender<u64>;
    type Rx = channel::Receiver<u64>;
    fn name() -> String {
        format!("cb-bounded-{CAP}")
    }
    fn buffered() -> bool {
        CAP > 0
    }
    fn pair() -> (Self::Tx, Self::Rx) {
        channel::bounded(CAP)
    }
    fn send(tx: &Self::Tx, v: u64) {
        tx.send(v).expect("receiver alive");
    }
    fn recv(rx: &Self::Rx) -> Option<u64> {
        rx.recv().ok()
    }
}

/// flume's `bounded(CAP)`; `CAP = 0` is a rendezvous. Sender and receiver both clone (MPMC).
#[derive(Debug)]
pub struct FlumeBounded<const CAP: usize>;
/// kanal's `bounded(CAP)`; `CAP = 0` is a rendezvous. MPMC.
#[derive(Debug)]
pub struct KanalBounded<const CAP: usize>;
/// async-channel's `bounded(CAP)` used from threads, through `send_blocking`/`recv_blocking`
/// (`CAP` must be at least 1: async-channel has no rendezvous). MPMC.
#[derive(Debug)]
pub struct AcBlocking<const CAP: usize>;

impl<const CAP: usize> Flavour for FlumeBounded<CAP> {
    type Tx = flume::Sender<u64>;
    type Rx = flume::Receiver<u64>;
    fn name() -> String {
        format!("flume-bounded-{CAP}")
    }
    fn buffered() -> bool {
        CAP > 0
    }
    fn pair() -> (Self::Tx, Self::Rx) {
        flume::bounded(CAP)
    }
    fn send(tx: &Self::Tx, v: u64) {
        tx.send(v).expect("receiver alive");
    }
    fn recv(rx: &Self::Rx) -> Option<u64> {
        rx.recv().ok()
    }
}

impl<const CAP: usize> Flavour for KanalBounded<CAP> {
    type Tx = kanal::Sender<u64>;
    type Rx = kanal::Receiver<u64>;
    fn name() -> String {
        format!("kanal-bounded-{CAP}")
    }
    fn buffered() -> bool {
        CAP > 0
    }
    fn pair() -> (Self::Tx, Self::Rx) {
        kanal::bounded(CAP)
    }
    fn send(tx: &Self::Tx, v: u64) {
        tx.send(v).expect("receiver alive");
    }
    fn recv(rx: &Self::Rx) -> Option<u64> {
        rx.recv().ok()
    }
}

impl<const CAP: usize> Flavour for AcBlocking<CAP> {
    type Tx = async_channel::Sender<u64>;
    type Rx = async_channel::Receiver<u64>;
    fn name() -> String {
        format!("async-channel-blocking-{CAP}")
    }
    fn buffered() -> bool {
        true
    }
    fn pair() -> (Self::Tx, Self::Rx) {
        async_channel::bounded(CAP)
    }
    fn send(tx: &Self::Tx, v: u64) {
        tx.send_blocking(v).expect("receiver alive");
    }
    fn recv(rx: &Self::Rx) -> Option<u64> {
        rx.recv_blocking().ok()
    }
}

/// `seq`: one thread sends a message and receives it back, `iters` times: the cost of the
/// channel's bookkeeping with no other thread involved.
pub fn seq<F: Flavour>(iters: u64) -> Duration {
    let (tx, rx) = F::pair();
    let start = Instant::now();
    for i in 0..iters {
        F::send(&tx, i);
        black_box(F::recv(&rx));
    }
    start.elapsed()
}

/// `mpsc` (`spsc` with one producer): `producers` threads share `iters` messages, one consumer
/// receives them all until the channel closes.
pub fn mpsc<F: Flavour>(producers: usize, iters: u64) -> Duration {
    let (tx, rx) = F::pair();
    let mut workers: Vec<Worker<'_>> = split(iters, producers)
        .into_iter()
        .map(|n| producer::<F>(tx.clone(), n))
        .collect();
    drop(tx);
    workers.push(consumer::<F>(rx));
    time_workers(workers)
}

/// `mpmc`: `threads` producers share `iters` messages and `threads` consumers share the
/// receiving end; only flavours whose receiver can be cloned run it.
pub fn mpmc<F: Flavour>(threads: usize, iters: u64) -> Duration
where
    F::Rx: Clone,
{
    let (tx, rx) = F::pair();
    let mut workers: Vec<Worker<'_>> = split(iters, threads)
        .into_iter()
        .map(|n| producer::<F>(tx.clone(), n))
        .collect();
    drop(tx);
    workers.extend((0..threads).map(|_| consumer::<F>(rx.clone())));
    drop(rx);
    time_workers(workers)
}

/// `pingpong`: one thread sends a message, a second sends it back on another channel; one op
/// is one round trip, the latency of two handoffs.
pub fn pingpong<F: Flavour>(iters: u64) -> Duration {
    let (ping_tx, ping_rx) = F::pair();
    let (pong_tx, pong_rx) = F::pair();
    let pinger: Worker<'_> = Box::new(move || {
        for i in 0..iters {
            F::send(&ping_tx, i);
            black_box(F::recv(&pong_rx));
        }
    });
    let echo: Worker<'_> = Box::new(move || {
        while let Some(v) = F::recv(&ping_rx) {
            F::send(&pong_tx, v);
        }
    });
    time_workers(vec![pinger, echo])
}

fn producer<F: Flavour>(tx: F::Tx, n: u64) -> Worker<'static> {
    Box::new(move || {
        for i in 0..n {
            F::send(&tx, i);
        }
    })
}

fn consumer<F: Flavour>(rx: F::Rx) -> Worker<'static> {
    Box::new(move || {
        while let Some(v) = F::recv(&rx) {
            black_box(v);
        }
    })
}

/// tokio's `mpsc` flavours, run as tasks on a multi-threaded runtime.
pub mod tokio_flavours {
    use std::hint::black_box;
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    use tokio::runtime::Runtime;
    use tokio::sync::{Barrier, mpsc};

    use crate::{split, time_tasks};

    /// A tokio channel flavour; the halves are used from tasks.
    pub trait AsyncFlavour: 'static {
        /// The sending half.
        type Tx: Clone + Send + Sync + 'static;
        /// The receiving half.
        type Rx: Send + 'static;
        /// The benchmark id of the flavour: `tokio-bounded-100`.
        fn name() -> String;
        /// A fresh channel.
        fn pair() -> (Self::Tx, Self::Rx);
        /// Send `v`, waiting while the channel is full.
        fn send(tx: &Self::Tx, v: u64) -> impl Future<Output = ()> + Send;
        /// The next message, or `None` once every sender is gone.
        fn recv(rx: &mut Self::Rx) -> impl Future<Output = Option<u64>> + Send;
    }

    /// tokio's `mpsc::channel(CAP)`.
    #[derive(Debug)]
    pub struct TokioBounded<const CAP: usize>;
    /// tokio's `mpsc::unbounded_channel()`.
    #[derive(Debug)]
    pub struct TokioUnbounded;

    impl<const CAP: usize> AsyncFlavour for TokioBounded<CAP> {
        type Tx = mpsc::Sender<u64>;
        type Rx = mpsc::Receiver<u64>;
        fn name() -> String {
            format!("tokio-bounded-{CAP}")
        }
        fn pair() -> (Self::Tx, Self::Rx) {
            mpsc::channel(CAP)
        }
        async fn send(tx: &Self::Tx, v: u64) {
            tx.send(v).await.expect("receiver alive");
        }
        async fn recv(rx: &mut Self::Rx) -> Option<u64> {
            rx.recv().await
        }
    }

    impl AsyncFlavour for TokioUnbounded {
        type Tx = mpsc::UnboundedSender<u64>;
        type Rx = mpsc::UnboundedReceiver<u64>;
        fn name() -> String {
            "tokio-unbounded".into()
        }
        fn pair() -> (Self::Tx, Self::Rx) {
            mpsc::unbounded_channel()
        }
        async fn send(tx: &Self::Tx, v: u64) {
            tx.send(v).expect("receiver alive");
        }
        async fn recv(rx: &mut Self::Rx) -> Option<u64> {
            rx.recv().await
        }
    }

    /// flume's `bounded(CAP)` used from tasks: `send_async`, `recv_async`.
    #[derive(Debug)]
    pub struct FlumeAsync<const CAP: usize>;
    /// kanal's `bounded_async(CAP)`.
    #[derive(Debug)]
    pub struct KanalAsync<const CAP: usize>;
    /// async-channel's `bounded(CAP)`.
    #[derive(Debug)]
    pub struct AsyncChannel<const CAP: usize>;

    impl<const CAP: usize> AsyncFlavour for FlumeAsync<CAP> {
        type Tx = flume::Sender<u64>;
        type Rx = flume::Receiver<u64>;
        fn name() -> String {
            format!("flume-async-{CAP}")
        }
        fn pair() -> (Self::Tx, Self::Rx) {
            flume::bounded(CAP)
        }
        async fn send(tx: &Self::Tx, v: u64) {
            tx.send_async(v).await.expect("receiver alive");
        }
        async fn recv(rx: &mut Self::Rx) -> Option<u64> {
            rx.recv_async().await.ok()
        }
    }

    impl<const CAP: usize> AsyncFlavour for KanalAsync<CAP> {
        type Tx = kanal::AsyncSender<u64>;
        type Rx = kanal::AsyncReceiver<u64>;
        fn name() -> String {
            format!("kanal-async-{CAP}")
        }
        fn pair() -> (Self::Tx, Self::Rx) {
            kanal::bounded_async(CAP)
        }
        async fn send(tx: &Self::Tx, v: u64) {
            tx.send(v).await.expect("receiver alive");
        }
        async fn recv(rx: &mut Self::Rx) -> Option<u64> {
            rx.recv().await.ok()
        }
    }

    impl<const CAP: usize> AsyncFlavour for AsyncChannel<CAP> {
        type Tx = async_channel::Sender<u64>;
        type Rx = async_channel::Receiver<u64>;
        fn name() -> String {
            format!("async-channel-{CAP}")
        }
        fn pair() -> (Self::Tx, Self::Rx) {
            async_channel::bounded(CAP)
        }
        async fn send(tx: &Self::Tx, v: u64) {
            tx.send(v).await.expect("receiver alive");
        }
        async fn recv(rx: &mut Self::Rx) -> Option<u64> {
            rx.recv().await.ok()
        }
    }

    /// `seq` on one task (on a worker thread of `rt`).
    pub fn seq<F: AsyncFlavour>(rt: &Runtime, iters: u64) -> Duration {
        rt.block_on(async move {
            let task = tokio::spawn(async move {
                let (tx, mut rx) = F::pair();
                let start = Instant::now();
                for i in 0..iters {
                    F::send(&tx, i).await;
                    black_box(F::recv(&mut rx).await);
                }
                start.elapsed()
            });
            task.await.expect("seq task")
        })
    }

    /// `mpsc`: `producers` tasks share `iters` messages, one consumer task receives them.
    /// Every task waits on a barrier and reads the clock itself (see `time_tasks`).
    pub fn mpsc<F: AsyncFlavour>(rt: &Runtime, producers: usize, iters: u64) -> Duration {
        rt.block_on(async move {
            let (tx, mut rx) = F::pair();
            let barrier = Arc::new(Barrier::new(producers + 1));
            let mut tasks = Vec::new();
            for n in split(iters, producers) {
                let (tx, barrier) = (tx.clone(), barrier.clone());
                tasks.push(tokio::spawn(async move {
                    barrier.wait().await;
                    let start = Instant::now();
                    for i in 0..n {
                        F::send(&tx, i).await;
                    }
                    (start, Instant::now())
                }));
            }
            drop(tx);
            tasks.push(tokio::spawn(async move {
                barrier.wait().await;
                let start = Instant::now();
                while let Some(v) = F::recv(&mut rx).await {
                    black_box(v);
                }
                (start, Instant::now())
            }));
            time_tasks(tasks).await
        })
    }

    /// `mpmc`: `threads` producer tasks share `iters` messages and `threads` consumer tasks
    /// share the receiving end (flavours whose receiver clones: not tokio's `mpsc`).
    pub fn mpmc<F: AsyncFlavour>(rt: &Runtime, threads: usize, iters: u64) -> Duration
    where
        F::Rx: Clone,
    {
        rt.block_on(async move {
            let (tx, rx) = F::pair();
            let barrier = Arc::new(Barrier::new(2 * threads));
            let mut tasks = Vec::new();
            for n in split(iters, threads) {
                let (tx, barrier) = (tx.clone(), barrier.clone());
                tasks.push(tokio::spawn(async move {
                    barrier.wait().await;
                    let start = Instant::now();
                    for i in 0..n {
                        F::send(&tx, i).await;
                    }
                    (start, Instant::now())
                }));
            }
            drop(tx);
            for _ in 0..threads {
                let (mut rx, barrier) = (rx.clone(), barrier.clone());
                tasks.push(tokio::spawn(async move {
                    barrier.wait().await;
                    let start = Instant::now();
                    while let Some(v) = F::recv(&mut rx).await {
                        black_box(v);
                    }
                    (start, Instant::now())
                }));
            }
            drop(rx);
            time_tasks(tasks).await
        })
    }

    /// `pingpong` between two tasks.
    pub fn pingpong<F: AsyncFlavour>(rt: &Runtime, iters: u64) -> Duration {
        rt.block_on(async move {
            let (ping_tx, mut ping_rx) = F::pair();
            let (pong_tx, mut pong_rx) = F::pair();
            let barrier = Arc::new(Barrier::new(2));
            let echo = {
                let barrier = barrier.clone();
                tokio::spawn(async move {
                    barrier.wait().await;
                    while let Some(v) = F::recv(&mut ping_rx).await {
                        F::send(&pong_tx, v).await;
                    }
                })
            };
            let pinger = tokio::spawn(async move {
                barrier.wait().await;
                let start = Instant::now();
                for i in 0..iters {
                    F::send(&ping_tx, i).await;
                    black_box(F::recv(&mut pong_rx).await);
                }
                start.elapsed()
            });
            let elapsed = pinger.await.expect("pinger task");
            echo.await.expect("echo task");
            elapsed
        })
    }
}

/// The bridge between the two worlds: a plain OS thread (which cannot `.await`) sends into a
/// channel, a tokio task receives. This is what a program that mixes blocking code and async
/// code does at every seam; Go has one kind of goroutine, so its twin is an ordinary channel
/// between two goroutines (`BenchmarkChannels/bridge/chan100`, the same work as
/// `spsc/chan100`).
pub mod bridge {
    use std::hint::black_box;
    use std::time::{Duration, Instant};

    use tokio::runtime::Runtime;

    /// A channel with a blocking sending side and an async receiving side.
    pub trait Bridge: 'static {
        /// The sending half, used from a thread outside the runtime.
        type Tx: Send + 'static;
        /// The receiving half, used from a task.
        type Rx: Send + 'static;
        /// The benchmark id of the flavour: `tokio-blocking-send-100`.
        fn name() -> String;
        /// A fresh channel.
        fn pair() -> (Self::Tx, Self::Rx);
        /// Send `v` from a thread, blocking while the channel is full.
        fn send_blocking(tx: &Self::Tx, v: u64);
        /// The next message, or `None` once the sender is gone.
        fn recv(rx: &mut Self::Rx) -> impl Future<Output = Option<u64>> + Send;
    }

    /// tokio's `mpsc::channel(CAP)`: `blocking_send` on the thread, `recv().await` in the task.
    #[derive(Debug)]
    pub struct TokioBridge<const CAP: usize>;
    /// flume's `bounded(CAP)`: `send` on the thread, `recv_async().await` in the task.
    #[derive(Debug)]
    pub struct FlumeBridge<const CAP: usize>;
    /// kanal's `bounded(CAP)`: `send` on the thread, the receiver made async with `to_async`.
    #[derive(Debug)]
    pub struct KanalBridge<const CAP: usize>;
    /// async-channel's `bounded(CAP)`: `send_blocking` on the thread, `recv().await` in the task.
    #[derive(Debug)]
    pub struct AcBridge<const CAP: usize>;

    impl<const CAP: usize> Bridge for TokioBridge<CAP> {
        type Tx = tokio::sync::mpsc::Sender<u64>;
        type Rx = tokio::sync::mpsc::Receiver<u64>;
        fn name() -> String {
            format!("tokio-blocking-send-{CAP}")
        }
        fn pair() -> (Self::Tx, Self::Rx) {
            tokio::sync::mpsc::channel(CAP)
        }
        fn send_blocking(tx: &Self::Tx, v: u64) {
            tx.blocking_send(v).expect("receiver alive");
        }
        async fn recv(rx: &mut Self::Rx) -> Option<u64> {
            rx.recv().await
        }
    }

    impl<const CAP: usize> Bridge for FlumeBridge<CAP> {
        type Tx = flume::Sender<u64>;
        type Rx = flume::Receiver<u64>;
        fn name() -> String {
            format!("flume-{CAP}")
        }
        fn pair() -> (Self::Tx, Self::Rx) {
            flume::bounded(CAP)
        }
        fn send_blocking(tx: &Self::Tx, v: u64) {
            tx.send(v).expect("receiver alive");
        }
        async fn recv(rx: &mut Self::Rx) -> Option<u64> {
            rx.recv_async().await.ok()
        }
    }

    impl<const CAP: usize> Bridge for KanalBridge<CAP> {
        type Tx = kanal::Sender<u64>;
        type Rx = kanal::AsyncReceiver<u64>;
        fn name() -> String {
            format!("kanal-{CAP}")
        }
        fn pair() -> (Self::Tx, Self::Rx) {
            let (tx, rx) = kanal::bounded(CAP);
            (tx, rx.to_async())
        }
        fn send_blocking(tx: &Self::Tx, v: u64) {
            tx.send(v).expect("receiver alive");
        }
        async fn recv(rx: &mut Self::Rx) -> Option<u64> {
            rx.recv().await.ok()
        }
    }

    impl<const CAP: usize> Bridge for AcBridge<CAP> {
        type Tx = async_channel::Sender<u64>;
        type Rx = async_channel::Receiver<u64>;
        fn name() -> String {
            format!("async-channel-{CAP}")
        }
        fn pair() -> (Self::Tx, Self::Rx) {
            async_channel::bounded(CAP)
        }
        fn send_blocking(tx: &Self::Tx, v: u64) {
            tx.send_blocking(v).expect("receiver alive");
        }
        async fn recv(rx: &mut Self::Rx) -> Option<u64> {
            rx.recv().await.ok()
        }
    }

    /// One std thread sends `iters` messages to one task on `rt`. The task is spawned first
    /// and tells the thread it is running; the clock starts when the thread has that word and
    /// stops when the task has received the last message. Spawning the thread and the task
    /// is outside the timing.
    pub fn thread_to_task<B: Bridge>(rt: &Runtime, iters: u64) -> Duration {
        let (tx, mut rx) = B::pair();
        let (ready_tx, ready_rx) = std::sync::mpsc::sync_channel::<()>(1);
        let consumer = rt.spawn(async move {
            ready_tx
                .send(())
                .expect("the producer thread waits for this");
            while let Some(v) = B::recv(&mut rx).await {
                black_box(v);
            }
            Instant::now()
        });
        let producer = std::thread::spawn(move || {
            ready_rx.recv().expect("the consumer task started");
            let start = Instant::now();
            for i in 0..iters {
                B::send_blocking(&tx, i);
            }
            start
        });
        let start = producer.join().expect("the producer thread panicked");
        let end = rt.block_on(consumer).expect("the consumer task panicked");
        end.saturating_duration_since(start)
    }
}

#[cfg(test)]
mod tests {
    use super::tokio_flavours::{self as tf, TokioBounded, TokioUnbounded};
    use super::*;

    fn every_workload<F: Flavour>() {
        if F::buffered() {
            let _ = seq::<F>(100);
        }
        let _ = mpsc::<F>(1, 100);
        let _ = mpsc::<F>(3, 100);
        let _ = pingpong::<F>(100);
    }

    #[test]
    fn blocking_flavours_finish_every_workload() {
        every_workload::<StdUnbounded>();
        every_workload::<StdSync<0>>();
        every_workload::<StdSync<1>>();
        every_workload::<StdSharedRx>();
        every_workload::<CbUnbounded>();
        every_workload::<CbBounded<0>>();
        every_workload::<CbBounded<100>>();
        let _ = mpmc::<CbBounded<0>>(2, 100);
        let _ = mpmc::<StdSharedRx>(3, 100);
    }

    #[test]
    fn flume_kanal_and_async_channel_finish_every_workload() {
        every_workload::<FlumeBounded<0>>();
        every_workload::<FlumeBounded<100>>();
        every_workload::<KanalBounded<0>>();
        every_workload::<KanalBounded<100>>();
        every_workload::<AcBlocking<1>>();
        let _ = mpmc::<FlumeBounded<0>>(2, 100);
        let _ = mpmc::<KanalBounded<0>>(3, 100);
        let _ = mpmc::<AcBlocking<1>>(3, 100);
    }

    fn every_async_workload<F: tf::AsyncFlavour>(rt: &tokio::runtime::Runtime)
    where
        F::Rx: Clone,
    {
        let _ = tf::seq::<F>(rt, 100);
        let _ = tf::mpsc::<F>(rt, 3, 100);
        let _ = tf::mpmc::<F>(rt, 3, 100);
        let _ = tf::pingpong::<F>(rt, 100);
    }

    #[test]
    fn async_flavours_and_bridges_finish_every_workload() {
        use super::bridge::{AcBridge, FlumeBridge, KanalBridge, TokioBridge, thread_to_task};
        let rt = crate::tokio_runtime();
        every_async_workload::<tf::FlumeAsync<1>>(&rt);
        every_async_workload::<tf::KanalAsync<1>>(&rt);
        every_async_workload::<tf::AsyncChannel<1>>(&rt);
        let _ = thread_to_task::<TokioBridge<1>>(&rt, 100);
        let _ = thread_to_task::<FlumeBridge<1>>(&rt, 100);
        let _ = thread_to_task::<KanalBridge<1>>(&rt, 100);
        let _ = thread_to_task::<AcBridge<1>>(&rt, 100);
    }

    #[test]
    fn tokio_flavours_finish_every_workload() {
        let rt = crate::tokio_runtime();
        let _ = tf::seq::<TokioBounded<1>>(&rt, 100);
        let _ = tf::mpsc::<TokioBounded<1>>(&rt, 3, 100);
        let _ = tf::mpsc::<TokioUnbounded>(&rt, 1, 100);
        let _ = tf::pingpong::<TokioUnbounded>(&rt, 100);
    }
}

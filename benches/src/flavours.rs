//! The channel flavours under test and the workloads they run: `seq`, `spsc`/`mpsc`, `mpmc`,
//! the ping-pong round trip, the message-size sweep ([`spsc_sized`]) and the three-stage
//! [`pipeline`], plus the `bridge` from a thread to a task ([`bridge`]). A flavour is a
//! zero-sized type, so the workloads are monomorphised per flavour and no dispatch sits between
//! the benchmark and the channel.
//!
//! The crates: std, crossbeam and tokio, and the three a Go developer is most often pointed to
//! when asking "which channel?": flume and kanal (a blocking and an async side on one channel)
//! and async-channel (async first, with `send_blocking`/`recv_blocking` for threads).
//!
//! Messages are `u64`, as Go's twins send `int64` (and the pipeline `uint64`), but in the size
//! sweep: there they are `[u8; B]`, as Go's are `[B]byte`.

use std::hint::black_box;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crossbeam::channel;

use crate::{Worker, split, time_workers};

/// A blocking channel flavour carrying messages of type `M`: `u64` unless a workload says
/// otherwise.
pub trait Flavour<M: Send + 'static = u64>: 'static {
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
    fn send(tx: &Self::Tx, v: M);
    /// Receive the next message, or `None` once every sender is gone and the channel is empty.
    fn recv(rx: &Self::Rx) -> Option<M>;
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

impl<M: Send + 'static> Flavour<M> for StdUnbounded {
    type Tx = mpsc::Sender<M>;
    type Rx = mpsc::Receiver<M>;
    fn name() -> String {
        "std-unbounded".into()
    }
    fn buffered() -> bool {
        true
    }
    fn pair() -> (Self::Tx, Self::Rx) {
        mpsc::channel()
    }
    fn send(tx: &Self::Tx, v: M) {
        tx.send(v).expect("receiver alive");
    }
    fn recv(rx: &Self::Rx) -> Option<M> {
        rx.recv().ok()
    }
}

impl<M: Send + 'static, const CAP: usize> Flavour<M> for StdSync<CAP> {
    type Tx = mpsc::SyncSender<M>;
    type Rx = mpsc::Receiver<M>;
    fn name() -> String {
        format!("std-sync-{CAP}")
    }
    fn buffered() -> bool {
        CAP > 0
    }
    fn pair() -> (Self::Tx, Self::Rx) {
        mpsc::sync_channel(CAP)
    }
    fn send(tx: &Self::Tx, v: M) {
        tx.send(v).expect("receiver alive");
    }
    fn recv(rx: &Self::Rx) -> Option<M> {
        rx.recv().ok()
    }
}

impl<M: Send + 'static> Flavour<M> for StdSharedRx {
    type Tx = mpsc::Sender<M>;
    type Rx = Arc<Mutex<mpsc::Receiver<M>>>;
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
    fn send(tx: &Self::Tx, v: M) {
        tx.send(v).expect("receiver alive");
    }
    fn recv(rx: &Self::Rx) -> Option<M> {
        rx.lock().expect("receiver lock poisoned").recv().ok()
    }
}

impl<M: Send + 'static> Flavour<M> for CbUnbounded {
    type Tx = channel::Sender<M>;
    type Rx = channel::Receiver<M>;
    fn name() -> String {
        "cb-unbounded".into()
    }
    fn buffered() -> bool {
        true
    }
    fn pair() -> (Self::Tx, Self::Rx) {
        channel::unbounded()
    }
    fn send(tx: &Self::Tx, v: M) {
        tx.send(v).expect("receiver alive");
    }
    fn recv(rx: &Self::Rx) -> Option<M> {
        rx.recv().ok()
    }
}

impl<M: Send + 'static, const CAP: usize> Flavour<M> for CbBounded<CAP> {
    type Tx = channel::Sender<M>;
    type Rx = channel::Receiver<M>;
    fn name() -> String {
        format!("cb-bounded-{CAP}")
    }
    fn buffered() -> bool {
        CAP > 0
    }
    fn pair() -> (Self::Tx, Self::Rx) {
        channel::bounded(CAP)
    }
    fn send(tx: &Self::Tx, v: M) {
        tx.send(v).expect("receiver alive");
    }
    fn recv(rx: &Self::Rx) -> Option<M> {
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

impl<M: Send + 'static, const CAP: usize> Flavour<M> for FlumeBounded<CAP> {
    type Tx = flume::Sender<M>;
    type Rx = flume::Receiver<M>;
    fn name() -> String {
        format!("flume-bounded-{CAP}")
    }
    fn buffered() -> bool {
        CAP > 0
    }
    fn pair() -> (Self::Tx, Self::Rx) {
        flume::bounded(CAP)
    }
    fn send(tx: &Self::Tx, v: M) {
        tx.send(v).expect("receiver alive");
    }
    fn recv(rx: &Self::Rx) -> Option<M> {
        rx.recv().ok()
    }
}

impl<M: Send + 'static, const CAP: usize> Flavour<M> for KanalBounded<CAP> {
    type Tx = kanal::Sender<M>;
    type Rx = kanal::Receiver<M>;
    fn name() -> String {
        format!("kanal-bounded-{CAP}")
    }
    fn buffered() -> bool {
        CAP > 0
    }
    fn pair() -> (Self::Tx, Self::Rx) {
        kanal::bounded(CAP)
    }
    fn send(tx: &Self::Tx, v: M) {
        tx.send(v).expect("receiver alive");
    }
    fn recv(rx: &Self::Rx) -> Option<M> {
        rx.recv().ok()
    }
}

impl<M: Send + 'static, const CAP: usize> Flavour<M> for AcBlocking<CAP> {
    type Tx = async_channel::Sender<M>;
    type Rx = async_channel::Receiver<M>;
    fn name() -> String {
        format!("async-channel-blocking-{CAP}")
    }
    fn buffered() -> bool {
        true
    }
    fn pair() -> (Self::Tx, Self::Rx) {
        async_channel::bounded(CAP)
    }
    fn send(tx: &Self::Tx, v: M) {
        tx.send_blocking(v).expect("receiver alive");
    }
    fn recv(rx: &Self::Rx) -> Option<M> {
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

/// The next message of the size sweep: `m`, `B` bytes, its first byte stamped with the op's
/// index (so that no two messages in a row are the same constant), the rest zero, copied out.
/// As in Go's twin, one array is stamped and sent each time and the receiver reads the stamp
/// only, so what grows with `B` is the copy into the channel and out of it, not building a
/// fresh message or reading it all.
fn stamped<const B: usize>(m: &mut [u8; B], i: u64) -> [u8; B] {
    const { assert!(B > 0, "a sized message has at least one byte") };
    m[0] = i as u8;
    *m
}

/// `spsc` with `[u8; B]` messages: one thread sends `iters` of them, one receives them all. The
/// whole array goes into the channel and out of it, as Go's `[B]byte` does; what grows with `B`
/// is that copy.
pub fn spsc_sized<F: Flavour<[u8; B]>, const B: usize>(iters: u64) -> Duration {
    let (tx, rx) = F::pair();
    let producer: Worker<'_> = Box::new(move || {
        let mut m = [0u8; B];
        for i in 0..iters {
            F::send(&tx, stamped(&mut m, i));
        }
    });
    let consumer: Worker<'_> = Box::new(move || {
        let mut seen = 0u64;
        while let Some(m) = F::recv(&rx) {
            seen = seen.wrapping_add(u64::from(m[0]));
        }
        black_box(seen);
    });
    time_workers(vec![producer, consumer])
}

/// What the pipeline's last stage adds up for `items` items: the sum of `i * i` over
/// `0..items`, both wrapping at 2^64 (Go's `uint64` does the same).
pub fn sum_of_squares(items: u64) -> u64 {
    (0..items).fold(0, |sum, i| sum.wrapping_add(i.wrapping_mul(i)))
}

/// The `pipelines` chapter's three stages, each on its own thread: one generates `0..iters`,
/// one squares what it receives, one adds the squares up; two channels of `F` join them. One op
/// is one item through all three. Every stage ends when its input closes, as in the chapter.
/// Panics if the sum is not [`sum_of_squares`]: an item was lost or doubled.
pub fn pipeline<F: Flavour>(iters: u64) -> Duration {
    let (numbers_tx, numbers_rx) = F::pair();
    let (squares_tx, squares_rx) = F::pair();
    let mut sum = 0u64;
    let total = &mut sum;
    let generate: Worker<'_> = Box::new(move || {
        for i in 0..iters {
            F::send(&numbers_tx, i);
        }
    });
    let square: Worker<'_> = Box::new(move || {
        while let Some(n) = F::recv(&numbers_rx) {
            F::send(&squares_tx, n.wrapping_mul(n));
        }
    });
    let add: Worker<'_> = Box::new(move || {
        while let Some(s) = F::recv(&squares_rx) {
            *total = total.wrapping_add(s);
        }
    });
    let elapsed = time_workers(vec![generate, square, add]);
    assert_eq!(
        sum,
        sum_of_squares(iters),
        "the pipeline lost or doubled an item"
    );
    elapsed
}

/// tokio's `mpsc` flavours, run as tasks on a multi-threaded runtime.
pub mod tokio_flavours {
    use std::hint::black_box;
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    use tokio::runtime::Runtime;
    use tokio::sync::{Barrier, mpsc};

    use crate::{span, split, time_tasks};

    /// A channel flavour used from tasks, carrying messages of type `M` (`u64` unless a
    /// workload says otherwise).
    pub trait AsyncFlavour<M: Send + 'static = u64>: 'static {
        /// The sending half.
        type Tx: Clone + Send + Sync + 'static;
        /// The receiving half.
        type Rx: Send + 'static;
        /// The benchmark id of the flavour: `tokio-bounded-100`.
        fn name() -> String;
        /// A fresh channel.
        fn pair() -> (Self::Tx, Self::Rx);
        /// Send `v`, waiting while the channel is full.
        fn send(tx: &Self::Tx, v: M) -> impl Future<Output = ()> + Send;
        /// The next message, or `None` once every sender is gone.
        fn recv(rx: &mut Self::Rx) -> impl Future<Output = Option<M>> + Send;
    }

    /// tokio's `mpsc::channel(CAP)`.
    #[derive(Debug)]
    pub struct TokioBounded<const CAP: usize>;
    /// tokio's `mpsc::unbounded_channel()`.
    #[derive(Debug)]
    pub struct TokioUnbounded;

    impl<M: Send + 'static, const CAP: usize> AsyncFlavour<M> for TokioBounded<CAP> {
        type Tx = mpsc::Sender<M>;
        type Rx = mpsc::Receiver<M>;
        fn name() -> String {
            format!("tokio-bounded-{CAP}")
        }
        fn pair() -> (Self::Tx, Self::Rx) {
            mpsc::channel(CAP)
        }
        async fn send(tx: &Self::Tx, v: M) {
            tx.send(v).await.expect("receiver alive");
        }
        async fn recv(rx: &mut Self::Rx) -> Option<M> {
            rx.recv().await
        }
    }

    impl<M: Send + 'static> AsyncFlavour<M> for TokioUnbounded {
        type Tx = mpsc::UnboundedSender<M>;
        type Rx = mpsc::UnboundedReceiver<M>;
        fn name() -> String {
            "tokio-unbounded".into()
        }
        fn pair() -> (Self::Tx, Self::Rx) {
            mpsc::unbounded_channel()
        }
        async fn send(tx: &Self::Tx, v: M) {
            tx.send(v).expect("receiver alive");
        }
        async fn recv(rx: &mut Self::Rx) -> Option<M> {
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

    impl<M: Send + 'static, const CAP: usize> AsyncFlavour<M> for FlumeAsync<CAP> {
        type Tx = flume::Sender<M>;
        type Rx = flume::Receiver<M>;
        fn name() -> String {
            format!("flume-async-{CAP}")
        }
        fn pair() -> (Self::Tx, Self::Rx) {
            flume::bounded(CAP)
        }
        async fn send(tx: &Self::Tx, v: M) {
            tx.send_async(v).await.expect("receiver alive");
        }
        async fn recv(rx: &mut Self::Rx) -> Option<M> {
            rx.recv_async().await.ok()
        }
    }

    impl<M: Send + 'static, const CAP: usize> AsyncFlavour<M> for KanalAsync<CAP> {
        type Tx = kanal::AsyncSender<M>;
        type Rx = kanal::AsyncReceiver<M>;
        fn name() -> String {
            format!("kanal-async-{CAP}")
        }
        fn pair() -> (Self::Tx, Self::Rx) {
            kanal::bounded_async(CAP)
        }
        async fn send(tx: &Self::Tx, v: M) {
            tx.send(v).await.expect("receiver alive");
        }
        async fn recv(rx: &mut Self::Rx) -> Option<M> {
            rx.recv().await.ok()
        }
    }

    impl<M: Send + 'static, const CAP: usize> AsyncFlavour<M> for AsyncChannel<CAP> {
        type Tx = async_channel::Sender<M>;
        type Rx = async_channel::Receiver<M>;
        fn name() -> String {
            format!("async-channel-{CAP}")
        }
        fn pair() -> (Self::Tx, Self::Rx) {
            async_channel::bounded(CAP)
        }
        async fn send(tx: &Self::Tx, v: M) {
            tx.send(v).await.expect("receiver alive");
        }
        async fn recv(rx: &mut Self::Rx) -> Option<M> {
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

    /// [`super::spsc_sized`] between two tasks: `[u8; B]` messages, one sender, one receiver.
    pub fn spsc_sized<F: AsyncFlavour<[u8; B]>, const B: usize>(
        rt: &Runtime,
        iters: u64,
    ) -> Duration {
        rt.block_on(async move {
            let (tx, mut rx) = F::pair();
            let barrier = Arc::new(Barrier::new(2));
            let producer = {
                let barrier = barrier.clone();
                tokio::spawn(async move {
                    barrier.wait().await;
                    let start = Instant::now();
                    let mut m = [0u8; B];
                    for i in 0..iters {
                        F::send(&tx, super::stamped(&mut m, i)).await;
                    }
                    (start, Instant::now())
                })
            };
            let consumer = tokio::spawn(async move {
                barrier.wait().await;
                let start = Instant::now();
                let mut seen = 0u64;
                while let Some(m) = F::recv(&mut rx).await {
                    seen = seen.wrapping_add(u64::from(m[0]));
                }
                black_box(seen);
                (start, Instant::now())
            });
            time_tasks(vec![producer, consumer]).await
        })
    }

    /// [`super::pipeline`] as three tasks on `rt`.
    pub fn pipeline<F: AsyncFlavour>(rt: &Runtime, iters: u64) -> Duration {
        rt.block_on(async move {
            let (numbers_tx, mut numbers_rx) = F::pair();
            let (squares_tx, mut squares_rx) = F::pair();
            let barrier = Arc::new(Barrier::new(3));
            let generate = {
                let barrier = barrier.clone();
                tokio::spawn(async move {
                    barrier.wait().await;
                    let start = Instant::now();
                    for i in 0..iters {
                        F::send(&numbers_tx, i).await;
                    }
                    (start, Instant::now())
                })
            };
            let square = {
                let barrier = barrier.clone();
                tokio::spawn(async move {
                    barrier.wait().await;
                    let start = Instant::now();
                    while let Some(n) = F::recv(&mut numbers_rx).await {
                        F::send(&squares_tx, n.wrapping_mul(n)).await;
                    }
                    (start, Instant::now())
                })
            };
            let add = tokio::spawn(async move {
                barrier.wait().await;
                let start = Instant::now();
                let mut sum = 0u64;
                while let Some(s) = F::recv(&mut squares_rx).await {
                    sum = sum.wrapping_add(s);
                }
                (start, Instant::now(), sum)
            });
            let (add_start, add_end, sum) = add.await.expect("the adding task panicked");
            assert_eq!(
                sum,
                super::sum_of_squares(iters),
                "the pipeline lost or doubled an item"
            );
            let mut spans = vec![(add_start, add_end)];
            for stage in [generate, square] {
                spans.push(stage.await.expect("a pipeline task panicked"));
            }
            span(&spans)
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
    fn pipelines_add_up_every_square() {
        assert_eq!(sum_of_squares(0), 0);
        assert_eq!(sum_of_squares(4), 14);
        // 0..2^22: the sum passes 2^64 and wraps; the closed form, taken modulo 2^64, agrees.
        let n = 1u128 << 22;
        assert_eq!(
            sum_of_squares(1 << 22),
            ((n - 1) * n * (2 * n - 1) / 6) as u64
        );
        // Each run panics if the sum is wrong.
        let _ = pipeline::<StdSync<1>>(1000);
        let _ = pipeline::<CbBounded<0>>(1000);
        let _ = pipeline::<FlumeBounded<100>>(1000);
        let _ = tf::pipeline::<TokioBounded<1>>(&crate::tokio_runtime(), 1000);
    }

    #[test]
    fn sized_messages_go_through_every_sweep_flavour() {
        let mut m = [9u8; 8];
        assert_eq!(stamped(&mut m, 258), [2, 9, 9, 9, 9, 9, 9, 9]);
        let _ = spsc_sized::<StdSync<100>, 8>(100);
        let _ = spsc_sized::<CbBounded<100>, 1024>(100);
        let _ = spsc_sized::<FlumeBounded<100>, 64>(100);
        let _ = tf::spsc_sized::<TokioBounded<100>, 256>(&crate::tokio_runtime(), 100);
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

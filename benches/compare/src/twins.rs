//! The one table that pairs each Go benchmark with its Rust twins.
//!
//! A row of the report is one Rust benchmark next to the Go benchmark that does the same work.
//! A twin may sweep one parameter, named by a placeholder in its ids (see [`Axis`]): `{t}` a
//! thread count (Rust `t4`, Go `t=4`), `{n}` a number of tasks (`n1000`, `n=1000`), `{b}` a
//! message size in bytes (`b64`, `b=64`); the report makes one row per value that either side
//! ran. Go names leave out the `Benchmark` prefix and the `-GOMAXPROCS` suffix. A twin without a Go name (Rust's unbounded channels: Go has none)
//! still gets its Rust rows, with no Go number.

/// A family: one bench target on the Rust side, a few `Benchmark*` functions on the Go side.
/// Reports name it by its bench target, which is the variant's name in lowercase.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    Floor,
    Atomics,
    Channels,
    Spawn,
    Select,
    Pipeline,
    MapReduce,
}

impl Family {
    /// Every family, in the order `compare` runs them (the floor first, as the reference).
    pub const ALL: [Family; 7] = [Floor, Atomics, Channels, Spawn, Select, Pipeline, MapReduce];

    /// The heading of the benches/README.md section that explains this family's numbers.
    pub fn readme_section(self) -> &'static str {
        match self {
            Family::Floor => "Reading the numbers",
            Family::Atomics => "What the atomics compile to",
            Family::Channels => {
                "Blocking is what costs, and why std's `sync_channel` is slower than crossbeam's `bounded`"
            }
            Family::Spawn | Family::Select => "The families",
            Family::Pipeline => "A three-stage pipeline",
            Family::MapReduce => "CPU-bound map-reduce",
        }
    }

    /// That section's anchor, as GitHub and most Markdown viewers make it.
    pub fn readme_anchor(self) -> String {
        let text = self.readme_section().to_lowercase();
        let kept = text.chars().filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'));
        kept.map(|c| if c == ' ' { '-' } else { c }).collect()
    }

    /// The criterion bench target (`cargo bench --bench NAME`).
    pub fn bench_target(self) -> &'static str {
        match self {
            Family::Floor => "floor",
            Family::Atomics => "atomics",
            Family::Channels => "channels",
            Family::Spawn => "spawn",
            Family::Select => "select",
            Family::Pipeline => "pipeline",
            Family::MapReduce => "mapreduce",
        }
    }

    /// The `-test.bench` regular expression that selects the family's Go benchmarks.
    pub fn go_bench_regex(self) -> &'static str {
        match self {
            Family::Floor => "^BenchmarkFloor$",
            Family::Atomics => "^Benchmark(Atomics|Locks)",
            Family::Channels => "^BenchmarkChannels$",
            Family::Spawn => "^BenchmarkSpawn$",
            Family::Select => "^BenchmarkSelect$",
            Family::Pipeline => "^BenchmarkPipeline$",
            Family::MapReduce => "^BenchmarkMapReduce$",
        }
    }
}

/// One Rust flavour of a twin: how the report names it, its criterion id, and whether
/// `--quick` runs it.
#[derive(Debug, Clone, Copy)]
pub struct Flavour {
    pub label: &'static str,
    pub id: &'static str,
    pub quick: bool,
}

/// One Go benchmark and the Rust benchmarks that do the same work.
#[derive(Debug, Clone, Copy)]
pub struct Twin {
    /// Stable id of the pairing, used in the JSON report: `channels.spsc.chan100`.
    pub key: &'static str,
    pub family: Family,
    /// What the row measures, in words.
    pub workload: &'static str,
    /// The Go benchmark (no `Benchmark` prefix, no `-N` suffix), if Go has one.
    pub go: Option<&'static str>,
    pub rust: &'static [Flavour],
}

const fn f(label: &'static str, id: &'static str, quick: bool) -> Flavour {
    Flavour { label, id, quick }
}

use Family::*;

/// Every pairing the report knows. Kept one line per twin, as a table.
#[rustfmt::skip]
pub const TWINS: &[Twin] = &[
    // The floor: a cache line handed back and forth by two spinning threads.
    Twin { key: "floor.same-line", family: Floor, workload: "floor: atomic ping-pong round trip, one line", go: Some("Floor/same_line"),
        rust: &[f("AtomicU64 spin, pause hint", "floor-pingpong/same-line", true), f("AtomicU64 spin, no hint (as Go)", "floor-pingpong/same-line-no-pause", true)] },
    Twin { key: "floor.two-lines", family: Floor, workload: "floor: atomic ping-pong round trip, two lines", go: Some("Floor/two_lines"),
        rust: &[f("2x CachePadded<AtomicU64> spin", "floor-pingpong/two-lines", false)] },
    // Atomics, one thread.
    Twin { key: "atomics.uncontended.load", family: Atomics, workload: "atomic load, 1 thread", go: Some("AtomicsUncontended/load"),
        rust: &[f("load Relaxed", "atomics-uncontended/load/relaxed", true), f("load Acquire", "atomics-uncontended/load/acquire", false), f("load SeqCst", "atomics-uncontended/load/seqcst", true)] },
    Twin { key: "atomics.uncontended.store", family: Atomics, workload: "atomic store, 1 thread", go: Some("AtomicsUncontended/store"),
        rust: &[f("store Relaxed", "atomics-uncontended/store/relaxed", true), f("store Release", "atomics-uncontended/store/release", false), f("store SeqCst", "atomics-uncontended/store/seqcst", true)] },
    Twin { key: "atomics.uncontended.add", family: Atomics, workload: "atomic add, 1 thread", go: Some("AtomicsUncontended/add"),
        rust: &[f("fetch_add Relaxed", "atomics-uncontended/fetch_add/relaxed", true), f("fetch_add Acquire", "atomics-uncontended/fetch_add/acquire", false), f("fetch_add Release", "atomics-uncontended/fetch_add/release", false), f("fetch_add AcqRel", "atomics-uncontended/fetch_add/acqrel", false), f("fetch_add SeqCst", "atomics-uncontended/fetch_add/seqcst", true)] },
    Twin { key: "atomics.uncontended.swap", family: Atomics, workload: "atomic swap, 1 thread", go: Some("AtomicsUncontended/swap"),
        rust: &[f("swap Relaxed", "atomics-uncontended/swap/relaxed", false), f("swap Acquire", "atomics-uncontended/swap/acquire", false), f("swap Release", "atomics-uncontended/swap/release", false), f("swap AcqRel", "atomics-uncontended/swap/acqrel", false), f("swap SeqCst", "atomics-uncontended/swap/seqcst", true)] },
    Twin { key: "atomics.uncontended.cas", family: Atomics, workload: "load + compare_exchange, 1 thread", go: Some("AtomicsUncontended/cas"),
        rust: &[f("CAS Relaxed", "atomics-uncontended/compare_exchange/relaxed", false), f("CAS Acquire", "atomics-uncontended/compare_exchange/acquire", false), f("CAS Release", "atomics-uncontended/compare_exchange/release", false), f("CAS AcqRel", "atomics-uncontended/compare_exchange/acqrel", false), f("CAS SeqCst", "atomics-uncontended/compare_exchange/seqcst", true)] },
    // Atomics, shared.
    Twin { key: "atomics.contended.add", family: Atomics, workload: "fetch_add, all threads on one line", go: Some("AtomicsContended/add/t={t}"),
        rust: &[f("fetch_add Relaxed", "atomics-contended/fetch_add-relaxed/t{t}", true), f("fetch_add Acquire", "atomics-contended/fetch_add-acquire/t{t}", false), f("fetch_add Release", "atomics-contended/fetch_add-release/t{t}", false), f("fetch_add AcqRel", "atomics-contended/fetch_add-acqrel/t{t}", false), f("fetch_add SeqCst", "atomics-contended/fetch_add-seqcst/t{t}", true)] },
    Twin { key: "atomics.contended.cas-loop", family: Atomics, workload: "CAS loop, all threads on one line", go: Some("AtomicsContended/cas_loop/t={t}"),
        rust: &[f("CAS loop Relaxed", "atomics-contended/cas_loop-relaxed/t{t}", false), f("CAS loop SeqCst", "atomics-contended/cas_loop-seqcst/t{t}", false)] },
    Twin { key: "atomics.padded.add", family: Atomics, workload: "fetch_add, each thread its own padded line", go: Some("AtomicsPadded/add/t={t}"),
        rust: &[f("fetch_add Relaxed", "atomics-padded/fetch_add-relaxed/t{t}", true), f("fetch_add Acquire", "atomics-padded/fetch_add-acquire/t{t}", false), f("fetch_add Release", "atomics-padded/fetch_add-release/t{t}", false), f("fetch_add AcqRel", "atomics-padded/fetch_add-acqrel/t{t}", false), f("fetch_add SeqCst", "atomics-padded/fetch_add-seqcst/t{t}", false)] },
    Twin { key: "atomics.padded.cas-loop", family: Atomics, workload: "CAS loop, each thread its own padded line", go: Some("AtomicsPadded/cas_loop/t={t}"),
        rust: &[f("CAS loop Relaxed", "atomics-padded/cas_loop-relaxed/t{t}", false), f("CAS loop SeqCst", "atomics-padded/cas_loop-seqcst/t{t}", false)] },
    Twin { key: "atomics.false-shared.add", family: Atomics, workload: "fetch_add, neighbouring words (false sharing)", go: Some("AtomicsFalseShared/add/t={t}"),
        rust: &[f("fetch_add Relaxed", "atomics-false-shared/fetch_add-relaxed/t{t}", true), f("fetch_add Acquire", "atomics-false-shared/fetch_add-acquire/t{t}", false), f("fetch_add Release", "atomics-false-shared/fetch_add-release/t{t}", false), f("fetch_add AcqRel", "atomics-false-shared/fetch_add-acqrel/t{t}", false), f("fetch_add SeqCst", "atomics-false-shared/fetch_add-seqcst/t{t}", false)] },
    Twin { key: "atomics.false-shared.cas-loop", family: Atomics, workload: "CAS loop, neighbouring words (false sharing)", go: Some("AtomicsFalseShared/cas_loop/t={t}"),
        rust: &[f("CAS loop Relaxed", "atomics-false-shared/cas_loop-relaxed/t{t}", false), f("CAS loop SeqCst", "atomics-false-shared/cas_loop-seqcst/t{t}", false)] },
    Twin { key: "atomics.dekker", family: Atomics, workload: "store flag, then load the other (Dekker)", go: Some("AtomicsDekker/store_load"),
        rust: &[f("Release store + Acquire load", "atomics-dekker/release-acquire", true), f("SeqCst store + SeqCst load", "atomics-dekker/seqcst", true), f("Relaxed + fence(SeqCst) + Relaxed", "atomics-dekker/relaxed-fence-seqcst", false)] },
    // Locks doing the same counting.
    Twin { key: "locks.mutex", family: Atomics, workload: "lock, add 1, unlock", go: Some("Locks/mutex/t={t}"),
        rust: &[f("Mutex<i64>", "locks/mutex/t{t}", true), f("parking_lot::Mutex<i64>", "locks/pl-mutex/t{t}", true)] },
    Twin { key: "locks.rwlock-write", family: Atomics, workload: "write-lock, add 1, unlock", go: Some("Locks/rwmutex_write/t={t}"),
        rust: &[f("RwLock<i64>::write", "locks/rwlock-write/t{t}", true), f("parking_lot::RwLock<i64>::write", "locks/pl-rwlock-write/t{t}", false)] },
    Twin { key: "locks.rwlock-read", family: Atomics, workload: "read-lock, read, unlock", go: Some("Locks/rwmutex_read/t={t}"),
        rust: &[f("RwLock<i64>::read", "locks/rwlock-read/t{t}", false), f("parking_lot::RwLock<i64>::read", "locks/pl-rwlock-read/t{t}", false)] },
    // A read-mostly map (1,024 keys, one insert in 16 ops): RWMutex + map, and sync.Map.
    Twin { key: "locks.map.rwmutex", family: Atomics, workload: "read-mostly map, RWMutex + map", go: Some("Locks/map_rwmutex/t={t}"),
        rust: &[f("RwLock<HashMap>", "locks/map-rwlock/t{t}", false), f("parking_lot::RwLock<HashMap>", "locks/map-pl-rwlock/t{t}", false)] },
    Twin { key: "locks.map.sync-map", family: Atomics, workload: "read-mostly map, sync.Map", go: Some("Locks/sync_map/t={t}"),
        rust: &[f("DashMap", "locks/map-dashmap/t{t}", false), f("DashMap, foldhash", "locks/map-dashmap-foldhash/t{t}", false)] },
    // Channels: seq (one thread sends, then receives).
    Twin { key: "channels.seq.chan1", family: Channels, workload: "seq: send then recv, 1 thread, capacity 1", go: Some("Channels/seq/chan1"),
        rust: &[f("std sync_channel(1)", "channels-seq/std-sync-1", false), f("crossbeam bounded(1)", "channels-seq/cb-bounded-1", false)] },
    Twin { key: "channels.seq.chan100", family: Channels, workload: "seq: send then recv, 1 thread, capacity 100", go: Some("Channels/seq/chan100"),
        rust: &[f("std sync_channel(100)", "channels-seq/std-sync-100", true), f("crossbeam bounded(100)", "channels-seq/cb-bounded-100", true), f("tokio mpsc::channel(100)", "channels-seq/tokio-bounded-100", false), f("flume bounded(100)", "channels-seq/flume-bounded-100", false), f("kanal bounded(100)", "channels-seq/kanal-bounded-100", false), f("async-channel bounded(100), blocking", "channels-seq/async-channel-blocking-100", false), f("flume bounded(100), async", "channels-seq/flume-async-100", false), f("kanal bounded_async(100)", "channels-seq/kanal-async-100", false), f("async-channel bounded(100), async", "channels-seq/async-channel-100", false)] },
    Twin { key: "channels.seq.unbounded", family: Channels, workload: "seq: send then recv, 1 thread, unbounded", go: None,
        rust: &[f("std channel()", "channels-seq/std-unbounded", false), f("guide's Arc<Mutex<Receiver>>", "channels-seq/std-arc-mutex-rx", false), f("crossbeam unbounded()", "channels-seq/cb-unbounded", false), f("tokio unbounded_channel()", "channels-seq/tokio-unbounded", false)] },
    // spsc.
    Twin { key: "channels.spsc.chan0", family: Channels, workload: "spsc, unbuffered (rendezvous)", go: Some("Channels/spsc/chan0"),
        rust: &[f("std sync_channel(0)", "channels-spsc/std-sync-0", true), f("crossbeam bounded(0)", "channels-spsc/cb-bounded-0", true), f("flume bounded(0)", "channels-spsc/flume-bounded-0", false), f("kanal bounded(0)", "channels-spsc/kanal-bounded-0", false), f("kanal bounded_async(0), tasks", "channels-spsc/kanal-async-0", false)] },
    Twin { key: "channels.spsc.chan1", family: Channels, workload: "spsc, capacity 1", go: Some("Channels/spsc/chan1"),
        rust: &[f("std sync_channel(1)", "channels-spsc/std-sync-1", false), f("crossbeam bounded(1)", "channels-spsc/cb-bounded-1", false)] },
    Twin { key: "channels.spsc.chan100", family: Channels, workload: "spsc, capacity 100", go: Some("Channels/spsc/chan100"),
        rust: &[f("std sync_channel(100)", "channels-spsc/std-sync-100", true), f("crossbeam bounded(100)", "channels-spsc/cb-bounded-100", true), f("tokio mpsc::channel(100)", "channels-spsc/tokio-bounded-100", true), f("flume bounded(100)", "channels-spsc/flume-bounded-100", true), f("kanal bounded(100)", "channels-spsc/kanal-bounded-100", true), f("async-channel bounded(100), blocking", "channels-spsc/async-channel-blocking-100", false), f("flume bounded(100), async", "channels-spsc/flume-async-100", false), f("kanal bounded_async(100)", "channels-spsc/kanal-async-100", false), f("async-channel bounded(100), async", "channels-spsc/async-channel-100", false)] },
    Twin { key: "channels.spsc.unbounded", family: Channels, workload: "spsc, unbounded", go: None,
        rust: &[f("std channel()", "channels-spsc/std-unbounded", false), f("guide's Arc<Mutex<Receiver>>", "channels-spsc/std-arc-mutex-rx", false), f("crossbeam unbounded()", "channels-spsc/cb-unbounded", false), f("tokio unbounded_channel()", "channels-spsc/tokio-unbounded", false)] },
    // mpsc: {t} producers, one consumer.
    Twin { key: "channels.mpsc.chan0", family: Channels, workload: "mpsc, unbuffered", go: Some("Channels/mpsc/chan0/t={t}"),
        rust: &[f("std sync_channel(0)", "channels-mpsc/std-sync-0/t{t}", false), f("crossbeam bounded(0)", "channels-mpsc/cb-bounded-0/t{t}", false)] },
    Twin { key: "channels.mpsc.chan1", family: Channels, workload: "mpsc, capacity 1", go: Some("Channels/mpsc/chan1/t={t}"),
        rust: &[f("std sync_channel(1)", "channels-mpsc/std-sync-1/t{t}", false), f("crossbeam bounded(1)", "channels-mpsc/cb-bounded-1/t{t}", false)] },
    Twin { key: "channels.mpsc.chan100", family: Channels, workload: "mpsc, capacity 100", go: Some("Channels/mpsc/chan100/t={t}"),
        rust: &[f("std sync_channel(100)", "channels-mpsc/std-sync-100/t{t}", false), f("crossbeam bounded(100)", "channels-mpsc/cb-bounded-100/t{t}", true), f("tokio mpsc::channel(100)", "channels-mpsc/tokio-bounded-100/t{t}", false), f("flume bounded(100)", "channels-mpsc/flume-bounded-100/t{t}", false), f("kanal bounded(100)", "channels-mpsc/kanal-bounded-100/t{t}", false), f("async-channel bounded(100), blocking", "channels-mpsc/async-channel-blocking-100/t{t}", false), f("flume bounded(100), async", "channels-mpsc/flume-async-100/t{t}", false), f("kanal bounded_async(100)", "channels-mpsc/kanal-async-100/t{t}", false), f("async-channel bounded(100), async", "channels-mpsc/async-channel-100/t{t}", false)] },
    Twin { key: "channels.mpsc.unbounded", family: Channels, workload: "mpsc, unbounded", go: None,
        rust: &[f("std channel()", "channels-mpsc/std-unbounded/t{t}", false), f("guide's Arc<Mutex<Receiver>>", "channels-mpsc/std-arc-mutex-rx/t{t}", false), f("crossbeam unbounded()", "channels-mpsc/cb-unbounded/t{t}", false), f("tokio unbounded_channel()", "channels-mpsc/tokio-unbounded/t{t}", false)] },
    // mpmc: {t} producers, {t} consumers sharing the receiving end.
    Twin { key: "channels.mpmc.chan0", family: Channels, workload: "mpmc, unbuffered", go: Some("Channels/mpmc/chan0/t={t}"),
        rust: &[f("crossbeam bounded(0)", "channels-mpmc/cb-bounded-0/t{t}", false), f("flume bounded(0)", "channels-mpmc/flume-bounded-0/t{t}", false), f("kanal bounded(0)", "channels-mpmc/kanal-bounded-0/t{t}", false)] },
    Twin { key: "channels.mpmc.chan1", family: Channels, workload: "mpmc, capacity 1", go: Some("Channels/mpmc/chan1/t={t}"),
        rust: &[f("crossbeam bounded(1)", "channels-mpmc/cb-bounded-1/t{t}", false)] },
    Twin { key: "channels.mpmc.chan100", family: Channels, workload: "mpmc, capacity 100", go: Some("Channels/mpmc/chan100/t={t}"),
        rust: &[f("crossbeam bounded(100)", "channels-mpmc/cb-bounded-100/t{t}", true), f("flume bounded(100)", "channels-mpmc/flume-bounded-100/t{t}", false), f("kanal bounded(100)", "channels-mpmc/kanal-bounded-100/t{t}", false), f("async-channel bounded(100), blocking", "channels-mpmc/async-channel-blocking-100/t{t}", false), f("flume bounded(100), async", "channels-mpmc/flume-async-100/t{t}", false), f("kanal bounded_async(100)", "channels-mpmc/kanal-async-100/t{t}", false), f("async-channel bounded(100), async", "channels-mpmc/async-channel-100/t{t}", false)] },
    Twin { key: "channels.mpmc.unbounded", family: Channels, workload: "mpmc, unbounded", go: None,
        rust: &[f("guide's Arc<Mutex<Receiver>>", "channels-mpmc/std-arc-mutex-rx/t{t}", false), f("crossbeam unbounded()", "channels-mpmc/cb-unbounded/t{t}", false)] },
    // pingpong: one round trip.
    Twin { key: "channels.pingpong.chan0", family: Channels, workload: "ping-pong round trip, unbuffered", go: Some("Channels/pingpong/chan0"),
        rust: &[f("std sync_channel(0)", "channels-pingpong/std-sync-0", true), f("crossbeam bounded(0)", "channels-pingpong/cb-bounded-0", true), f("flume bounded(0)", "channels-pingpong/flume-bounded-0", false), f("kanal bounded(0)", "channels-pingpong/kanal-bounded-0", false), f("kanal bounded_async(0), tasks", "channels-pingpong/kanal-async-0", false)] },
    Twin { key: "channels.pingpong.chan1", family: Channels, workload: "ping-pong round trip, capacity 1", go: Some("Channels/pingpong/chan1"),
        rust: &[f("std sync_channel(1)", "channels-pingpong/std-sync-1", false), f("crossbeam bounded(1)", "channels-pingpong/cb-bounded-1", false)] },
    Twin { key: "channels.pingpong.chan100", family: Channels, workload: "ping-pong round trip, capacity 100", go: Some("Channels/pingpong/chan100"),
        rust: &[f("std sync_channel(100)", "channels-pingpong/std-sync-100", false), f("crossbeam bounded(100)", "channels-pingpong/cb-bounded-100", false), f("tokio mpsc::channel(100)", "channels-pingpong/tokio-bounded-100", true), f("flume bounded(100)", "channels-pingpong/flume-bounded-100", false), f("kanal bounded(100)", "channels-pingpong/kanal-bounded-100", false), f("async-channel bounded(100), blocking", "channels-pingpong/async-channel-blocking-100", false), f("flume bounded(100), async", "channels-pingpong/flume-async-100", false), f("kanal bounded_async(100)", "channels-pingpong/kanal-async-100", false), f("async-channel bounded(100), async", "channels-pingpong/async-channel-100", false)] },
    Twin { key: "channels.pingpong.unbounded", family: Channels, workload: "ping-pong round trip, unbounded", go: None,
        rust: &[f("std channel()", "channels-pingpong/std-unbounded", false), f("guide's Arc<Mutex<Receiver>>", "channels-pingpong/std-arc-mutex-rx", false), f("crossbeam unbounded()", "channels-pingpong/cb-unbounded", false), f("tokio unbounded_channel()", "channels-pingpong/tokio-unbounded", false)] },
    // bridge: a std thread sends to a tokio task. Go has one kind of goroutine, so its twin is a plain channel between two.
    Twin { key: "channels.bridge.chan100", family: Channels, workload: "bridge: a thread sends to a task, capacity 100 (Go: goroutine to goroutine)", go: Some("Channels/bridge/chan100"),
        rust: &[f("tokio mpsc blocking_send", "channels-bridge/tokio-blocking-send-100", true), f("flume send / recv_async", "channels-bridge/flume-100", true), f("kanal send / to_async recv", "channels-bridge/kanal-100", false), f("async-channel send_blocking / recv", "channels-bridge/async-channel-100", false)] },
    // The message-size sweep: spsc, capacity 100, each message B bytes (Rust [u8; B], Go [B]byte).
    Twin { key: "channels.size.spsc", family: Channels, workload: "spsc of byte arrays, capacity 100", go: Some("Channels/size/b={b}"),
        rust: &[f("std sync_channel(100)", "channels-size/std-sync-100/b{b}", false), f("crossbeam bounded(100)", "channels-size/cb-bounded-100/b{b}", true), f("flume bounded(100)", "channels-size/flume-bounded-100/b{b}", false), f("tokio mpsc::channel(100)", "channels-size/tokio-bounded-100/b{b}", false)] },
    // Spawning.
    Twin { key: "spawn.one", family: Spawn, workload: "start one task, wait for it", go: Some("Spawn/one"),
        rust: &[f("thread::spawn + join", "spawn-one/thread-spawn-join", true), f("thread::scope", "spawn-one/thread-scope", false), f("rayon::scope", "spawn-one/rayon-scope", true), f("threadpool execute + join", "spawn-one/threadpool", false), f("tokio::spawn + await", "spawn-one/tokio-spawn", true), f("tokio::spawn on a TaskTracker", "spawn-one/tokio-tracker", false)] },
    Twin { key: "spawn.batch", family: Spawn, workload: "start 100 tasks, wait for all (per task)", go: Some("Spawn/batch"),
        rust: &[f("thread::spawn + join", "spawn-batch/thread-spawn-join", true), f("thread::scope", "spawn-batch/thread-scope", false), f("rayon::scope", "spawn-batch/rayon-scope", false), f("threadpool execute + join", "spawn-batch/threadpool", false), f("tokio::spawn + await", "spawn-batch/tokio-spawn", true), f("tokio::spawn on a TaskTracker", "spawn-batch/tokio-tracker", false), f("futures join_all, no spawn", "spawn-batch/join-all", false)] },
    // How the cost per task grows with the number in flight, 1 to 1,000,000 (threads stop at 10,000).
    Twin { key: "spawn.count", family: Spawn, workload: "start n tasks, wait for all (per task)", go: Some("Spawn/count/n={n}"),
        rust: &[f("tokio::spawn + await", "spawn-count/tokio-spawn/n{n}", true), f("thread::spawn + join", "spawn-count/thread-spawn-join/n{n}", false)] },
    // Select.
    Twin { key: "select.seq.select", family: Select, workload: "select over 2 channels, 1 thread", go: Some("Select/seq/select"),
        rust: &[f("crossbeam select!", "select-seq/cb-select", true), f("tokio::select!", "select-seq/tokio-select", true)] },
    Twin { key: "select.seq.recv", family: Select, workload: "baseline: recv on 1 channel, 1 thread", go: Some("Select/seq/recv"),
        rust: &[f("crossbeam recv", "select-seq/cb-recv", true), f("tokio recv", "select-seq/tokio-recv", false)] },
    Twin { key: "select.2p.select", family: Select, workload: "select over 2 channels, 2 producers", go: Some("Select/2p/select"),
        rust: &[f("crossbeam select!", "select-2p/cb-select", true), f("tokio::select!", "select-2p/tokio-select", false)] },
    Twin { key: "select.2p.recv", family: Select, workload: "baseline: recv on 1 channel, 2 producers", go: Some("Select/2p/recv_shared"),
        rust: &[f("crossbeam recv", "select-2p/cb-recv-shared", false), f("tokio recv", "select-2p/tokio-recv-shared", false)] },
    // The pipelines chapter: generate, square, add, each stage its own thread or task; one op is one item.
    Twin { key: "pipeline.three-stages", family: Pipeline, workload: "three-stage pipeline, capacity 100 (per item)", go: Some("Pipeline/chan100"),
        rust: &[f("std sync_channel(100), threads", "pipeline/std-sync-100", false), f("crossbeam bounded(100), threads", "pipeline/cb-bounded-100", true), f("flume bounded(100), threads", "pipeline/flume-bounded-100", false), f("tokio mpsc::channel(100), tasks", "pipeline/tokio-bounded-100", true)] },
    // CPU-bound map-reduce: one job of 2^20 elements; the speed-up over one thread.
    Twin { key: "mapreduce.seq", family: MapReduce, workload: "map-reduce job, one thread", go: Some("MapReduce/seq"),
        rust: &[f("plain loop", "mapreduce/seq", true)] },
    Twin { key: "mapreduce.parallel", family: MapReduce, workload: "map-reduce job (Go: worker pool)", go: Some("MapReduce/pool/t={t}"),
        rust: &[f("thread::scope, one chunk per thread", "mapreduce/scope-chunks/t{t}", false), f("rayon par_iter on a pool", "mapreduce/rayon/t{t}", true)] },
];

/// What a twin's ids may sweep, each named by its placeholder: the ids hold one at most.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Axis {
    /// `{t}`: threads (or goroutines, or tasks running at once).
    Threads,
    /// `{n}`: how many tasks one op starts.
    Tasks,
    /// `{b}`: the size of one message in bytes.
    Bytes,
}

impl Axis {
    pub const ALL: [Axis; 3] = [Axis::Threads, Axis::Tasks, Axis::Bytes];

    /// The letter of the placeholder, which is also the one before the value in a row's key
    /// (`locks.mutex.t4`) and in the ids themselves (Rust `t4`, Go `t=4`).
    pub fn letter(self) -> char {
        match self {
            Axis::Threads => 't',
            Axis::Tasks => 'n',
            Axis::Bytes => 'b',
        }
    }

    fn placeholder(self) -> String {
        format!("{{{}}}", self.letter())
    }

    /// The axis whose placeholder `template` holds, if any.
    pub fn of(template: &str) -> Option<Axis> {
        Axis::ALL.into_iter().find(|a| template.contains(&a.placeholder()))
    }

    /// The value `--quick` runs a sweep at: the machine's parallelism for threads; a thousand
    /// tasks and 64-byte messages (one cache line), values every sweep of theirs includes.
    pub fn quick_value(self, cores: usize) -> usize {
        match self {
            Axis::Threads => cores,
            Axis::Tasks => 1_000,
            Axis::Bytes => 64,
        }
    }

    /// What the sweep varies, as an axis of a chart says it.
    pub fn name(self) -> &'static str {
        match self {
            Axis::Threads => "threads",
            Axis::Tasks => "tasks",
            Axis::Bytes => "message size in bytes",
        }
    }

    /// A value as a row's workload ends: `4 threads`, `1,000 tasks`, `64 B messages`.
    pub fn describe(self, value: usize) -> String {
        let s = if value == 1 { "" } else { "s" };
        match self {
            Axis::Threads => format!("{value} thread{s}"),
            Axis::Tasks => format!("{} task{s}", grouped(value)),
            Axis::Bytes => format!("{} B message{s}", grouped(value)),
        }
    }
}

/// `1234567` as `1,234,567`.
pub(crate) fn grouped(value: usize) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// One value of a twin's sweep: the `param` of a row in `report.json`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Param {
    pub axis: Axis,
    pub value: usize,
}

impl Twin {
    /// The parameter this twin sweeps, if its ids hold a placeholder.
    pub fn axis(&self) -> Option<Axis> {
        self.rust.first().and_then(|f| Axis::of(f.id))
    }
}

/// The parameter if `id` is `template` with a number in place of its placeholder; for a
/// template without one, `Some(None)` when they are equal.
pub fn match_template(template: &str, id: &str) -> Option<Option<Param>> {
    let Some(axis) = Axis::of(template) else {
        return (template == id).then_some(None);
    };
    let (prefix, suffix) = template.split_once(&axis.placeholder())?;
    let middle = id.strip_prefix(prefix)?.strip_suffix(suffix)?;
    let digits_only = !middle.is_empty() && middle.bytes().all(|b| b.is_ascii_digit());
    let value = digits_only.then(|| middle.parse().ok()).flatten()?;
    Some(Some(Param { axis, value }))
}

/// `template` with its placeholder replaced by the value of `param` (when it has one).
pub fn expand(template: &str, param: Option<Param>) -> String {
    match param {
        Some(p) => template.replace(&p.axis.placeholder(), &p.value.to_string()),
        None => template.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_family_points_to_a_section_of_the_benches_readme() {
        let readme = std::fs::read_to_string(crate::workspace_root().join("benches/README.md"))
            .expect("benches/README.md");
        for f in Family::ALL {
            assert_eq!(
                serde_json::to_value(f).unwrap(),
                f.bench_target(),
                "reports name families so"
            );
            let heading =
                readme.lines().any(|l| l.trim_start_matches('#').trim() == f.readme_section());
            assert!(heading, "benches/README.md has no heading {:?}", f.readme_section());
        }
        assert_eq!(
            Family::Channels.readme_anchor(),
            "blocking-is-what-costs-and-why-stds-sync_channel-is-slower-than-crossbeams-bounded"
        );
    }

    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn templates_match_ids_with_a_thread_count_a_task_count_or_a_message_size() {
        use Axis::{Bytes, Tasks};
        let p = |axis, value| Some(Some(Param { axis, value }));
        assert_eq!(match_template("locks/mutex/t{t}", "locks/mutex/t16"), p(Axis::Threads, 16));
        assert_eq!(match_template("Locks/mutex/t={t}", "Locks/mutex/t=2"), p(Axis::Threads, 2));
        assert_eq!(match_template("spawn-count/x/n{n}", "spawn-count/x/n100000"), p(Tasks, 100000));
        assert_eq!(match_template("Spawn/count/n={n}", "Spawn/count/n=1"), p(Tasks, 1));
        assert_eq!(match_template("size-spsc/x/b{b}", "size-spsc/x/b64"), p(Bytes, 64));
        assert_eq!(match_template("Size/b={b}/chan100", "Size/b=8/chan100"), p(Bytes, 8));
        assert_eq!(match_template("locks/mutex/t{t}", "locks/mutex/t"), None);
        assert_eq!(match_template("locks/mutex/t{t}", "locks/mutex/tx"), None);
        assert_eq!(match_template("locks/mutex/t{t}", "locks/mutex/t-1"), None);
        assert_eq!(match_template("a/n{n}", "a/t4"), None, "another axis's id");
        assert_eq!(match_template("spawn-one/x", "spawn-one/x"), Some(None));
        assert_eq!(match_template("spawn-one/x", "spawn-one/y"), None);
        let param = |axis, value| Some(Param { axis, value });
        assert_eq!(expand("a/t{t}", param(Axis::Threads, 4)), "a/t4");
        assert_eq!(expand("A/n={n}", param(Axis::Tasks, 1000)), "A/n=1000");
        assert_eq!(expand("a/b{b}", param(Axis::Bytes, 1024)), "a/b1024");
        assert_eq!(expand("a/b", None), "a/b");
    }

    #[test]
    fn a_value_reads_as_the_end_of_a_workload() {
        assert_eq!(Axis::Threads.describe(1), "1 thread");
        assert_eq!(Axis::Threads.describe(4), "4 threads");
        assert_eq!(Axis::Tasks.describe(1_000_000), "1,000,000 tasks");
        assert_eq!(Axis::Tasks.describe(100), "100 tasks");
        assert_eq!(Axis::Bytes.describe(1024), "1,024 B messages");
        assert_eq!(Axis::Bytes.describe(64), "64 B messages");
        let json = serde_json::to_value(Param { axis: Axis::Tasks, value: 10 }).unwrap();
        assert_eq!(json, serde_json::json!({ "axis": "tasks", "value": 10 }));
    }

    #[test]
    fn keys_and_rust_ids_are_unique_and_every_twin_has_a_quick_or_full_row() {
        let keys: BTreeSet<_> = TWINS.iter().map(|t| t.key).collect();
        assert_eq!(keys.len(), TWINS.len(), "duplicate twin key");
        let ids: Vec<_> = TWINS.iter().flat_map(|t| t.rust.iter().map(|f| f.id)).collect();
        let unique: BTreeSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "a Rust id is in two twins");
        for twin in TWINS {
            assert!(!twin.rust.is_empty(), "{} has no Rust flavour", twin.key);
            for id in twin.go.iter().chain(twin.rust.iter().map(|f| &f.id)) {
                let placeholders = Axis::ALL.map(|a| id.matches(&a.placeholder()).count());
                assert!(placeholders.iter().sum::<usize>() <= 1, "{id}: more than one placeholder");
                assert_eq!(Axis::of(id), twin.axis(), "{}: {id} sweeps another axis", twin.key);
            }
        }
    }

    #[test]
    fn every_family_has_a_quick_row_with_a_go_twin() {
        for family in Family::ALL {
            assert!(
                TWINS.iter().any(|t| t.family == family
                    && t.go.is_some()
                    && t.rust.iter().any(|f| f.quick)),
                "{family:?} has no quick row"
            );
        }
    }
}

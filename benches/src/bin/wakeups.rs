//! Why one channel is slower than another: for an SPSC run of a fixed number of messages,
//! how often each thread blocked (voluntary context switches: a park on a futex), how often it
//! was preempted, and how much CPU both threads burned (user and system time), per message.
//! Criterion reports time only; this is the evidence behind the `sync_channel` vs crossbeam
//! write-up in benches/README.md.
//!
//! Linux only (it reads `/proc/thread-self/status` and `/proc/thread-self/stat`).
//! Run: `cargo run --release -p benches --bin wakeups [MESSAGES]` (default 1,000,000).

use std::sync::Barrier;
use std::thread;
use std::time::{Duration, Instant};

use benches::CAPACITY;
use benches::flavours::{CbBounded, CbUnbounded, Flavour, StdSync, StdUnbounded};

/// What one thread did, read from /proc before and after its share.
#[derive(Debug, Default, Clone, Copy)]
struct Usage {
    voluntary: u64,
    preempted: u64,
    user_ticks: u64,
    system_ticks: u64,
}

impl Usage {
    fn now() -> Usage {
        let status = std::fs::read_to_string("/proc/thread-self/status").unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0)
        };
        // Fields 14 and 15 of stat (after the command name in parentheses): utime, stime.
        let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
        let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
        let fields: Vec<u64> = after_name
            .split_whitespace()
            .map(|f| f.parse().unwrap_or(0))
            .collect();
        Usage {
            voluntary: field("voluntary_ctxt_switches:"),
            preempted: field("nonvoluntary_ctxt_switches:"),
            user_ticks: fields.get(11).copied().unwrap_or(0),
            system_ticks: fields.get(12).copied().unwrap_or(0),
        }
    }

    fn since(self, before: Usage) -> Usage {
        Usage {
            voluntary: self.voluntary - before.voluntary,
            preempted: self.preempted - before.preempted,
            user_ticks: self.user_ticks - before.user_ticks,
            system_ticks: self.system_ticks - before.system_ticks,
        }
    }

    fn add(self, other: Usage) -> Usage {
        Usage {
            voluntary: self.voluntary + other.voluntary,
            preempted: self.preempted + other.preempted,
            user_ticks: self.user_ticks + other.user_ticks,
            system_ticks: self.system_ticks + other.system_ticks,
        }
    }
}

/// One producer, one consumer, `messages` messages; the wall time and both threads' usage.
fn spsc<F: Flavour>(messages: u64) -> (Duration, Usage) {
    let (tx, rx) = F::pair();
    let barrier = Barrier::new(2);
    let barrier = &barrier;
    thread::scope(|s| {
        let producer = s.spawn(move || {
            barrier.wait();
            let (start, before) = (Instant::now(), Usage::now());
            for i in 0..messages {
                F::send(&tx, i);
            }
            (start, Instant::now(), Usage::now().since(before))
        });
        let consumer = s.spawn(move || {
            barrier.wait();
            let (start, before) = (Instant::now(), Usage::now());
            while let Some(v) = F::recv(&rx) {
                std::hint::black_box(v);
            }
            (start, Instant::now(), Usage::now().since(before))
        });
        let (p_start, p_end, p) = producer.join().expect("producer");
        let (c_start, c_end, c) = consumer.join().expect("consumer");
        (
            p_end.max(c_end).duration_since(p_start.min(c_start)),
            p.add(c),
        )
    })
}

fn row<F: Flavour>(messages: u64) {
    let (wall, u) = spsc::<F>(messages);
    let per_k = |n: u64| 1000.0 * n as f64 / messages as f64;
    // USER_HZ is 100 on Linux: one tick is 10 ms.
    let cpu_ns = |ticks: u64| ticks as f64 * 1e7 / messages as f64;
    println!(
        "| {} | {} | {:.0} | {:.0} | {:.0} | {:.0} | {:.0} |",
        F::name(),
        messages,
        wall.as_nanos() as f64 / messages as f64,
        per_k(u.voluntary),
        per_k(u.preempted),
        cpu_ns(u.user_ticks),
        cpu_ns(u.system_ticks),
    );
}

fn main() {
    let messages: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    println!(
        "SPSC, {messages} messages per run (rendezvous runs a tenth of that), {} cores\n",
        benches::parallelism()
    );
    println!(
        "| flavour | messages | wall ns/msg | blocks (voluntary switches) per 1000 msgs | preemptions per 1000 msgs | user CPU ns/msg | system CPU ns/msg |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    const N: usize = CAPACITY;
    row::<StdSync<N>>(messages);
    row::<CbBounded<N>>(messages);
    row::<StdUnbounded>(messages);
    row::<CbUnbounded>(messages);
    row::<StdSync<0>>(messages / 10);
    row::<CbBounded<0>>(messages / 10);
}

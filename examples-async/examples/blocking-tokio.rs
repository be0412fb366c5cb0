//! Blocking calls in tokio: a task must not block its worker thread, so a blocking call goes
//! to spawn_blocking's threads, and long computing to a thread whose result a oneshot brings
//! back. What happens otherwise is shown last.
//!
//! Run it with `cargo run --example blocking-tokio`. Its Go counterpart is
//! go-reference/blocking/main.go (`go run ./blocking` in go-reference/); both print
//! go-reference/blocking/expected.txt. Crates: tokio (features "macros", "rt", "sync").

use std::io::{Read, Write};
use std::thread;
use std::time::Duration;

use tokio::sync::oneshot;
use tokio::task;

// One worker thread, like Go with GOMAXPROCS=1, and nothing else runs tasks.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ## Block in a system call
    // tokio cannot see a blocking call, so it has to be told: spawn_blocking runs the closure
    // on a pool of threads kept for blocking work, and returns a JoinHandle to await. (On a
    // multi-thread runtime, block_in_place instead hands this worker's other tasks away.)
    let (mut reader, mut writer) = std::io::pipe().expect("the OS gives us a pipe");
    let read = task::spawn_blocking(move || {
        let mut buf = [0; 16];
        let n = reader.read(&mut buf).expect("the pipe is readable");
        String::from_utf8_lossy(&buf[..n]).into_owned()
    });

    // ## Keep the other work going
    // The worker is free, so these tasks run. Nothing is written until they are done.
    let others: Vec<_> = (1..=3)
        .map(|i| tokio::spawn(async move { i * i }))
        .collect();
    print!("other work done before the read returned:");
    for other in others {
        print!(" {}", other.await.expect("no task panics"));
    }
    println!();

    // ## Unblock the call
    // Five bytes into an empty pipe return at once; a write that could fill it would
    // belong in spawn_blocking too.
    writer.write_all(b"hello").expect("the read end is open");
    let got = read.await.expect("the read does not panic");
    println!("the read returned: {got}");

    // ## Compute for a long time
    // tokio never preempts a task: one that computes without an .await keeps its worker
    // until it is done. Give the work a thread of its own (rayon::spawn, for a pool) and
    // await the result on a oneshot channel.
    let (tx, rx) = oneshot::channel();
    thread::spawn(move || tx.send(primes_below(100_000)));
    let count = rx.await.expect("the thread sends its count");
    println!("primes below 100000: {count}");

    // ## What a blocking call does to a runtime worker
    // main's task is on the only worker. While it blocks the thread (thread::sleep, a std
    // Mutex, a file read), no other task runs, however long it blocks.
    let other = tokio::spawn(async {});
    thread::sleep(Duration::from_millis(20));
    assert!(!other.is_finished(), "no task ran while it blocked");
    other.await.expect("it runs once main's task awaits");
}

/// Counts the primes below `n` by trial division: slow on purpose.
fn primes_below(n: u32) -> usize {
    let is_prime = |i: u32| {
        (2..)
            .take_while(|d| d * d <= i)
            .all(|d| !i.is_multiple_of(d))
    };
    (2..n).filter(|&i| is_prime(i)).count()
}

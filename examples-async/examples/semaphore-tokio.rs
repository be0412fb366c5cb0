//! Semaphores with tokio: `tokio::sync::Semaphore` hands out permits, one or many at a
//! time, and a permit gives its units back when it is dropped.
//!
//! Run it with `cargo run --example semaphore-tokio`. Its Go counterpart is
//! go-reference/semaphore/main.go (`go run ./semaphore` in go-reference/); both print
//! go-reference/semaphore/expected.txt. Crates: tokio (features "rt-multi-thread", "macros",
//! "sync", "time"). See also `cargo run --example semaphore`.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Semaphore;
use tokio::time::timeout;

#[tokio::main]
async fn main() {
    // ## A buffered channel as a semaphore
    // A permit from acquire_owned() holds the Semaphore's Arc, so it can move into a task,
    // and its drop, when the task ends, frees the slot: nothing to forget.
    let slots = Arc::new(Semaphore::new(2));
    let words = ["goroutine", "channel", "mutex", "select", "semaphore"];
    let tasks = words.map(|word| {
        let slots = Arc::clone(&slots);
        tokio::spawn(async move {
            let _slot = slots.acquire_owned().await.expect("never closed");
            word.len()
        })
    });
    print!("lengths, two at a time:");
    for task in tasks {
        print!(" {}", task.await.expect("no task panics"));
    }
    println!();

    // ## Acquire a weight
    // acquire_many borrows the Semaphore; its permit stands for all three units.
    let sem = Arc::new(Semaphore::new(4));
    let three = sem.acquire_many(3).await.expect("never closed");
    println!("acquired 3 of 4");

    // ## Try without waiting
    // try_acquire_many returns Err(NoPermits) instead of waiting; the Ok permit is kept.
    let verdict = |granted| if granted { "granted" } else { "refused" };
    println!("try 2 more: {}", verdict(sem.try_acquire_many(2).is_ok()));
    let one = sem.try_acquire_many(1);
    println!("try 1 more: {}", verdict(one.is_ok()));

    // ## Give up at a deadline
    // timeout() drops the waiting acquire when time is up, which takes it out of the queue.
    if timeout(Duration::from_millis(20), sem.acquire())
        .await
        .is_err()
    {
        println!("wait for 1 more: gave up at the deadline");
    }

    // ## Release to a waiter
    // There is no Release to call: dropping the permits gives their units back, and the
    // waiter, first in the queue, takes all four.
    let waiter = tokio::spawn(Arc::clone(&sem).acquire_many_owned(4));
    drop((three, one));
    if waiter.await.expect("the waiter does not panic").is_ok() {
        println!("released 4: a waiter took all 4");
    }
}

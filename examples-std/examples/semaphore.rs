//! A counting semaphore with std: a count of free units in a Mutex, and a Condvar to wait
//! on until enough are free. std has no semaphore type, and its channels cannot stand in.
//!
//! Run it with `cargo run --example semaphore`. Its Go counterpart is
//! go-reference/semaphore/main.go (`go run ./semaphore` in go-reference/); both print
//! go-reference/semaphore/expected.txt. See also `cargo run --example semaphore-tokio`.

use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::Duration;

const FOREVER: Duration = Duration::MAX; // Too far ahead for a deadline: no limit at all.

/// The number of free units, and a Condvar that release() notifies.
struct Semaphore(Mutex<usize>, Condvar);

impl Semaphore {
    /// Takes `n` units once they are free, waiting at most `limit`; false if time ran out.
    fn acquire(&self, n: usize, limit: Duration) -> bool {
        let free = self.0.lock().expect("no holder panics");
        let wait = self.1.wait_timeout_while(free, limit, |free| *free < n);
        let (mut free, waited) = wait.expect("no holder panics");
        let granted = !waited.timed_out();
        if granted {
            *free -= n;
        }
        granted
    }

    fn release(&self, n: usize) {
        *self.0.lock().expect("no holder panics") += n;
        self.1.notify_all();
    }
}

fn main() {
    // ## A buffered channel as a semaphore
    // A std Receiver has one owner, so the workers could not each take a slot back out of
    // a sync_channel: the Mutex-and-Condvar semaphore serves, taken one unit at a time.
    let slots = &Semaphore(Mutex::new(2), Condvar::new());
    let words = ["goroutine", "channel", "mutex", "select", "semaphore"];
    let lengths = thread::scope(|s| {
        let handles = words.map(|word| {
            s.spawn(move || {
                slots.acquire(1, FOREVER);
                let length = word.len();
                slots.release(1);
                length
            })
        });
        handles.map(|h| h.join().expect("no worker panics"))
    });
    print!("lengths, two at a time:");
    for n in lengths {
        print!(" {n}");
    }
    println!();

    // ## Acquire a weight
    let sem = Semaphore(Mutex::new(4), Condvar::new());
    sem.acquire(3, FOREVER);
    println!("acquired 3 of 4");

    // ## Try without waiting
    // A try is an acquire with no time to wait.
    let verdict = |granted| if granted { "granted" } else { "refused" };
    println!("try 2 more: {}", verdict(sem.acquire(2, Duration::ZERO)));
    println!("try 1 more: {}", verdict(sem.acquire(1, Duration::ZERO)));

    // ## Give up at a deadline
    // The wait takes the limit itself: no context can end it from outside.
    if !sem.acquire(1, Duration::from_millis(20)) {
        println!("wait for 1 more: gave up at the deadline");
    }

    // ## Release to a waiter
    // release() is unchecked, as in Go: nothing ties it to an earlier acquire.
    thread::scope(|s| {
        let waiter = s.spawn(|| sem.acquire(4, FOREVER));
        sem.release(4);
        waiter.join().expect("the waiter does not panic");
        println!("released 4: a waiter took all 4");
    });
    sem.release(4);
}

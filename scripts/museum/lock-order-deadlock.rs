//! Museum: a deadlock from lock order. This one compiles: Rust does not catch it.
//! Two threads take the same two Mutexes in opposite orders. rustc accepts it, and std
//! neither detects nor reports the deadlock; the threads just hang. A watchdog below only
//! lets this test end. Rust programs avoid it as Go programs do: one lock order everywhere,
//! or one Mutex that owns both values, so there is only one lock to take.
//! Go's version is go-reference/museum/lock-order-deadlock/main.go.

use std::sync::{Barrier, Mutex};
use std::thread;
use std::time::Duration;

static FROM: Mutex<i64> = Mutex::new(100);
static TO: Mutex<i64> = Mutex::new(0);
// Both threads hold their first lock before either reaches for its second.
static HOLDING: Barrier = Barrier::new(2);

fn transfer(first: &'static Mutex<i64>, second: &'static Mutex<i64>) {
    let mut a = first.lock().unwrap();
    HOLDING.wait();
    let mut b = second.lock().unwrap();
    *a -= 1;
    *b += 1;
}

fn main() {
    let one = thread::spawn(|| transfer(&FROM, &TO));
    let two = thread::spawn(|| transfer(&TO, &FROM));

    thread::sleep(Duration::from_millis(300));
    assert!(
        !one.is_finished() && !two.is_finished(),
        "both threads are stuck"
    );
    println!("deadlocked: each thread holds the lock the other one needs");
}

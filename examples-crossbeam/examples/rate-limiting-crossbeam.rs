//! Rate limiting with crossbeam: a tick() channel gates requests, and a bounded channel of
//! tokens, refilled by a thread, allows a burst.
//!
//! Run it with `cargo run --example rate-limiting-crossbeam`. Its Go twin is
//! go-reference/rate-limiting/main.go (`go run ./rate-limiting` in go-reference/); both print
//! go-reference/rate-limiting/expected.txt. Crates: crossbeam. See also `rate-limiting-tokio`.

use std::thread;
use std::time::{Duration, Instant};

use crossbeam::channel::{TrySendError, bounded, tick};

const PERIOD: Duration = Duration::from_millis(10);

fn main() {
    // ## Admit one request per tick
    // tick() is time.Tick. No thread stands behind it: each receive sleeps until the next
    // delivery time, then moves that time one period on.
    let start = Instant::now();
    let limiter = tick(PERIOD);
    for req in 1..=3 {
        limiter.recv().expect("a tick channel never disconnects");
        println!("request {req} admitted by a tick");
    }
    let slow_enough = start.elapsed() >= 3 * PERIOD;
    println!("no faster than one per period: {slow_enough}");

    // ## Fill a bucket for a burst
    let (bucket_tx, bucket) = bounded(3);
    for _ in 0..3 {
        bucket_tx
            .send("the burst allowance")
            .expect("there is room for three");
    }

    // ## Refill it every tick
    // Go needs a done channel to end this goroutine; here the thread ends on its own at the
    // first tick after the bucket's receiver is dropped, when try_send reports Disconnected.
    let refill = thread::spawn(move || {
        for _ in tick(PERIOD) {
            match bucket_tx.try_send("a tick") {
                Ok(()) | Err(TrySendError::Full(_)) => {} // A full bucket drops the token.
                Err(TrySendError::Disconnected(_)) => return,
            }
        }
    });

    // ## Admit requests from the bucket
    for req in 1..=5 {
        let token = bucket.recv().expect("the refill thread is running");
        println!("request {req} admitted by {token}");
    }

    // ## Stop the refill
    drop(bucket);
    refill.join().expect("the refill thread does not panic");
}

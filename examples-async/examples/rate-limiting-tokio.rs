//! Rate limiting with tokio: an interval gates requests, and a Semaphore refilled by a task is a
//! token bucket that allows a burst.
//!
//! Run it with `cargo run --example rate-limiting-tokio`. Its Go twin is
//! go-reference/rate-limiting/main.go (`go run ./rate-limiting` in go-reference/); both print
//! go-reference/rate-limiting/expected.txt. Crates: tokio (features "rt-multi-thread", "macros",
//! "time", "sync"). See also `rate-limiting-crossbeam`.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Semaphore;
use tokio::time::{Instant, MissedTickBehavior, interval_at};

const PERIOD: Duration = Duration::from_millis(10);
const BURST: usize = 3;

#[tokio::main]
async fn main() {
    // ## Admit one request per tick
    // interval_at starts one period ahead, like time.Tick; interval(PERIOD) would let the
    // first request through at once.
    let start = Instant::now();
    let mut limiter = interval_at(start + PERIOD, PERIOD);
    for req in 1..=3 {
        limiter.tick().await;
        println!("request {req} admitted by a tick");
    }
    let slow_enough = start.elapsed() >= 3 * PERIOD;
    println!("no faster than one per period: {slow_enough}");

    // ## Fill a bucket for a burst
    // The bucket's tokens are a Semaphore's permits: it starts with three.
    let bucket = Arc::new(Semaphore::new(BURST));

    // ## Refill it every tick
    // A full bucket takes no more permits, and Skip drops missed ticks as Go's ticker does.
    // Dropping a JoinHandle does not stop a tokio task: the last step aborts it.
    let refill = tokio::spawn({
        let bucket = Arc::clone(&bucket);
        async move {
            let mut ticks = interval_at(Instant::now() + PERIOD, PERIOD);
            ticks.set_missed_tick_behavior(MissedTickBehavior::Skip);
            loop {
                ticks.tick().await;
                if bucket.available_permits() < BURST {
                    bucket.add_permits(1);
                }
            }
        }
    });

    // ## Admit requests from the bucket
    // A permit carries no label, so count: the first three spend the starting allowance, and
    // every later one exists only because a tick added it. forget() keeps the permit spent.
    for req in 1..=5 {
        let permit = bucket.acquire().await.expect("the bucket is never closed");
        permit.forget();
        let source = if req <= BURST {
            "the burst allowance"
        } else {
            "a tick"
        };
        println!("request {req} admitted by {source}");
    }

    // ## Stop the refill
    refill.abort();
}

//! Tickers with tokio: interval, whose MissedTickBehavior says what happens to missed ticks.
//!
//! Run it with `cargo run --example tickers-tokio`. Its Go twin is go-reference/tickers/main.go
//! (`go run ./tickers` in go-reference/); both print go-reference/tickers/expected.txt.
//! Crates: tokio (features "rt-multi-thread", "macros", "time"). See also `tickers-crossbeam`.

use std::time::Duration;

use tokio::time::{Instant, MissedTickBehavior, interval_at, sleep};

const PERIOD: Duration = Duration::from_millis(10);

#[tokio::main]
async fn main() {
    // ## Receive a few ticks
    // interval(period) ticks at once, then every period; interval_at with a start one period
    // ahead matches NewTicker. Skip is the behaviour closest to Go's: see the last step.
    let mut ticker = interval_at(Instant::now() + PERIOD, PERIOD);
    ticker.set_missed_tick_behavior(MissedTickBehavior::Skip);
    for i in 1..=3 {
        ticker.tick().await;
        println!("tick {i}");
    }

    // ## Fall behind
    // An Interval is no channel and nothing fills it: it is a deadline, looked at when polled.
    sleep(Duration::from_millis(100)).await;
    let stall_end = Instant::now();

    // ## Receive after the stall
    // tick() returns when the tick was due. Skip hands over the one overdue tick, then waits
    // for the next multiple of the period from the start, as Go's ticker does.
    let first = ticker.tick().await;
    println!("first tick after the stall: {}", age(first, stall_end));
    let second = ticker.tick().await;
    println!("second tick after the stall: {}", age(second, stall_end));

    // ## Stop it
    // Dropping the Interval cancels its timer.
    drop(ticker);

    // ## Catch up in a burst, tokio's default
    // Go has no such mode, so this step asserts instead of printing. Burst hands over every
    // missed tick at once, each one stale, until it is back on schedule; Delay, the third
    // mode, restarts the period from the late tick.
    let mut burst = interval_at(Instant::now() + PERIOD, PERIOD);
    sleep(Duration::from_millis(100)).await;
    let stall_end = Instant::now();
    for _ in 0..5 {
        let tick = burst.tick().await;
        assert!(tick < stall_end, "Burst hands over the missed ticks");
    }
}

fn age(tick: Instant, stall_end: Instant) -> &'static str {
    if tick < stall_end {
        "stale, due during the stall"
    } else {
        "fresh, due after the stall"
    }
}

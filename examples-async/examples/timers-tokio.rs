//! Timers with tokio: sleep is a future that completes at a deadline, and a task can be aborted.
//!
//! Run it with `cargo run --example timers-tokio`. Its Go twin is go-reference/timers/main.go
//! (`go run ./timers` in go-reference/); both print go-reference/timers/expected.txt.
//! Crates: tokio (features "rt-multi-thread", "macros", "time", "sync"). See also `timers` and
//! `timers-crossbeam`.

use std::pin::pin;
use std::time::Duration;

use tokio::sync::oneshot;
use tokio::time::{Instant, sleep, sleep_until};

const TEN_MS: Duration = Duration::from_millis(10);
const HOUR: Duration = Duration::from_secs(3600);

#[tokio::main]
async fn main() {
    // ## Wait for a timer
    // sleep(d) registers nothing until it is first polled; then tokio's timer wheel, driven
    // by the runtime, wakes the task when the deadline passes.
    sleep(TEN_MS).await;
    println!("timer 1 fired");

    // ## Stop it before it fires
    // A Sleep that is dropped never fires: dropping is Stop. is_elapsed() gives Stop's answer.
    let timer = sleep(HOUR);
    println!("timer 2 stopped before it fired: {}", !timer.is_elapsed());
    drop(timer);

    // ## Move its deadline
    // Sleep::reset takes a new Instant, like sleep_until. It needs the Sleep pinned, because a
    // registered timer entry must not move in memory.
    let mut timer = pin!(sleep(HOUR));
    println!("timer 3 reset while still pending: {}", !timer.is_elapsed());
    timer.as_mut().reset(Instant::now() + TEN_MS);
    timer.await;
    println!("timer 3 fired at its new deadline");

    // ## Run a function when it fires
    // AfterFunc is a spawned task that sleeps first. Its JoinHandle's abort() is Stop, and
    // awaiting the handle tells a cancelled task from one that finished.
    let (done_tx, done) = oneshot::channel();
    let deadline = Instant::now() + TEN_MS;
    tokio::spawn(async move {
        sleep_until(deadline).await;
        done_tx.send("ran its function").expect("main is waiting");
    });
    println!("AfterFunc 1 {}", done.await.expect("the task sends"));
    let never = tokio::spawn(async {
        sleep(HOUR).await;
        println!("never printed");
    });
    never.abort();
    let stopped = never.await.is_err_and(|e| e.is_cancelled());
    println!("AfterFunc 2 stopped before its function ran: {stopped}");
}

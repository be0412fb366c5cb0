//! Deadlines with tokio: timeout(d, future) and timeout_at(instant, future) bound any wait.
//!
//! Run it with `cargo run --example context-deadlines-tokio`. Its Go twin is
//! go-reference/context-deadlines/main.go (`go run ./context-deadlines` in go-reference/);
//! all print go-reference/context-deadlines/expected.txt. Crates: tokio (features
//! "rt-multi-thread", "macros", "sync", "time"). See also `context-deadlines` (std only) and
//! `context-deadlines-crossbeam`.

use std::time::Duration;

use tokio::sync::oneshot;
use tokio::time::error::Elapsed;
use tokio::time::{Instant, timeout, timeout_at};

/// Err(Elapsed) is Go's DeadlineExceeded: the time ran out and the wrapped future was dropped
/// where it waited, which is how async Rust cancels. Ok holds the future's own output, here
/// the channel's Result, so a match names every way the wait can end.
fn describe<T, E>(result: &Result<Result<T, E>, Elapsed>) -> &'static str {
    match result {
        Err(_elapsed) => "deadline exceeded",
        Ok(Err(_closed)) => "no sender left",
        Ok(Ok(_reply)) => "replied",
    }
}

#[tokio::main]
async fn main() {
    // ## Give a call a timeout
    // timeout() wraps one future rather than a context that is passed down: whatever the
    // future awaits inside is dropped with it. `_never` keeps the channel open, never sending.
    let ms = Duration::from_millis;
    let (_never, no_reply) = oneshot::channel::<String>();
    println!("no reply: {}", describe(&timeout(ms(50), no_reply).await));

    // ## A reply that is ready wins
    // timeout() polls the future before it looks at the clock, so a ready reply always wins.
    let (tx, reply) = oneshot::channel();
    tx.send("42".to_string()).expect("the receiver is alive");
    if let Ok(Ok(got)) = timeout(Duration::from_secs(1), reply).await {
        println!("ready reply: {got}");
    }

    // ## A child cannot outlive its parent's deadline
    // Nothing carries a deadline down to children: whoever derives one takes the sooner.
    // (A CancellationToken cancelled by a timer task would reach child tokens, without a reason.)
    let deadline = Instant::now() + ms(50);
    let child_deadline = deadline.min(Instant::now() + Duration::from_secs(3600));
    let same = child_deadline == deadline;
    println!("child's deadline is its parent's: {same}");
    let (_never, no_reply) = oneshot::channel::<String>();
    println!(
        "child: {}",
        describe(&timeout_at(child_deadline, no_reply).await)
    );
}

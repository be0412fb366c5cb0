//! Fake time with tokio: a runtime whose clock is paused runs code that waits for hours in
//! no time. Rust has what Go lacks: the paused clock works in main, not only in a test.
//!
//! Run it with `cargo run --example fake-time-tokio`. Its Go counterpart is
//! go-reference/fake-time/main.go (`go run ./fake-time` in go-reference/, and the test that
//! fakes time, `go test ./fake-time`); both print go-reference/fake-time/expected.txt.
//! Crates: tokio (features "macros", "rt", "time", "test-util").

use std::time::Duration;

use tokio::time::{Instant, advance, sleep};

// ## Back off between attempts
/// Calls `op` up to `attempts` times, sleeping `base` after the first failure and twice as
/// long after each one after that, and says what it decided.
async fn retry<E>(
    mut op: impl FnMut() -> Result<(), E>,
    attempts: u32,
    base: Duration,
) -> Result<(), E> {
    let (mut attempt, mut units) = (1, 1);
    loop {
        match op() {
            Ok(()) => {
                println!("attempt {attempt} succeeded");
                return Ok(());
            }
            Err(err) if attempt == attempts => return Err(err),
            Err(_) => println!("attempt {attempt} failed, backing off {units} x base"),
        }
        sleep(base * units).await;
        (attempt, units) = (attempt + 1, units * 2);
    }
}

// ## Choose a clock
// start_paused stops the runtime's clock: when every task waits on a timer, it jumps to the
// next one at once. Tests get the same with #[tokio::test(start_paused = true)], any
// current_thread runtime with tokio::time::pause(). It needs tokio's "test-util" feature.
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let base = Duration::from_secs(60 * 60);
    let start = Instant::now();

    // ## Retry a flaky call
    let mut calls = 0;
    let flaky = || {
        calls += 1;
        if calls <= 3 {
            Err("unavailable")
        } else {
            Ok(())
        }
    };
    if let Err(err) = retry(flaky, 5, base).await {
        println!("gave up: {err}");
    }
    // The clock moved by exactly 1 + 2 + 4 hours, however long the run really took.
    assert_eq!(start.elapsed(), 7 * base);

    // ## Step the clock by hand
    // advance() moves the paused clock by exactly the time given, then lets woken tasks
    // run: what time.Sleep and synctest.Wait do together in the Go test.
    let due = tokio::spawn(sleep(base));
    advance(base / 2).await;
    assert!(
        !due.is_finished(),
        "half an hour in, an hour's sleep is still pending"
    );
    advance(base / 2).await;
    due.await.expect("the sleep ends on time");
    assert_eq!(start.elapsed(), 8 * base);
}

//! Context with tokio: tokio-util's CancellationToken for cancellation and its child tokens
//! for the tree, tokio::time::timeout for deadlines.
//!
//! Run it with `cargo run --example context-tokio`. Its Go twin is go-reference/context/main.go
//! (`go run ./context` in go-reference/); both print go-reference/context/expected.txt.
//! Crates: tokio (features "rt-multi-thread", "macros", "time"), tokio-util. See also
//! `context` (std only) and `context-crossbeam` (channels).

use std::time::Duration;

use tokio::task::JoinHandle;
use tokio::time::{sleep, timeout};
use tokio_util::sync::CancellationToken;

/// One unit of a worker's job; a job of n steps takes n * STEP unless it is stopped.
const STEP: Duration = Duration::from_millis(10);

#[derive(Debug, Clone, Copy)]
enum CtxError {
    Canceled,
    DeadlineExceeded,
}

/// Does `steps` units of work. `token.cancelled()` is a future that completes once the token
/// (or any ancestor) is cancelled: the `<-ctx.Done()` of tokio::select!, which polls both
/// branches and drops the one that loses.
async fn work(token: CancellationToken, steps: u32) -> Result<(), CtxError> {
    for _ in 0..steps {
        tokio::select! {
            _ = token.cancelled() => return Err(CtxError::Canceled),
            _ = sleep(STEP) => {} // stands in for one unit of real work
        }
    }
    Ok(())
}

/// timeout() is WithTimeout for one future: when the time is up it returns Err(Elapsed), our
/// DeadlineExceeded, and drops `work` where it is suspended. Nothing in `work` runs to notice:
/// in async Rust, dropping a future is how it is cancelled. Unlike a Go deadline, this one
/// lives outside the token, so child tokens do not inherit it.
fn start(
    token: CancellationToken,
    limit: Duration,
    steps: u32,
) -> JoinHandle<Result<(), CtxError>> {
    tokio::spawn(async move {
        match timeout(limit, work(token, steps)).await {
            Ok(result) => result,
            Err(_elapsed) => Err(CtxError::DeadlineExceeded),
        }
    })
}

fn describe(result: Result<(), CtxError>) -> &'static str {
    match result {
        Ok(()) => "finished",
        Err(CtxError::DeadlineExceeded) => "deadline exceeded",
        Err(CtxError::Canceled) => "canceled",
    }
}

#[tokio::main]
async fn main() {
    // ## Give each worker a deadline
    let ms = Duration::from_millis;
    let fast = start(CancellationToken::new(), ms(500), 1); // 10 ms of work
    let slow = start(CancellationToken::new(), ms(50), 200); // 2 s of work

    // ## Cancelling a child leaves its parent running
    // child_token() links the new token under its parent. Cancelling the child touches
    // nothing above it. Dropping a token cancels nothing either; Go's `defer cancel()`, the
    // call go vet insists on, is `let _guard = token.clone().drop_guard();`.
    let parent = CancellationToken::new();
    let sibling = parent.child_token();
    sibling.cancel();
    let sibling_state = if sibling.is_cancelled() {
        "canceled"
    } else {
        "running"
    };
    let parent_ok = !parent.is_cancelled();
    println!("sibling: {sibling_state}; parent still running: {parent_ok}");

    // ## Cancelling a parent cancels its children
    // parent.cancel() cancels every token derived from it, at any depth, and wakes every
    // task waiting in cancelled(), before the 1 s timeout around the child's work is up.
    let in_tree = start(parent.child_token(), Duration::from_secs(1), 200); // 2 s of work
    sleep(ms(20)).await;
    parent.cancel();

    // ## Collect the results in a fixed order
    // Awaiting a JoinHandle waits for its task. Dropping the handle would not stop the task
    // (it runs on, detached, as a goroutine would); handle.abort() does, where it next yields.
    for (name, worker) in [("fast", fast), ("slow", slow), ("child", in_tree)] {
        let result = worker.await.expect("a worker does not panic");
        println!("worker {name}: {}", describe(result));
    }
}

//! Cancellation with tokio: tokio-util's CancellationToken is ctx.Done(), and child tokens
//! make the tree.
//!
//! Run it with `cargo run --example context-cancellation-tokio`. Its Go twin is
//! go-reference/context-cancellation/main.go (`go run ./context-cancellation` in
//! go-reference/); all print go-reference/context-cancellation/expected.txt. Crates: tokio
//! (features "rt-multi-thread", "macros", "sync"), tokio-util. See also `context-cancellation`
//! (std only) and `context-cancellation-crossbeam`.

use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

/// A token knows only whether it is cancelled, not why: is_cancelled() is a bool, where Go's
/// ctx.Err() is an error.
fn state(token: &CancellationToken) -> &'static str {
    if token.is_cancelled() {
        "canceled"
    } else {
        "running"
    }
}

/// `token.cancelled()` is a future that completes once the token or any ancestor is
/// cancelled: `<-ctx.Done()` for tokio::select!, which drops the branch that loses.
async fn worker(token: CancellationToken, mut jobs: mpsc::Receiver<u32>) -> &'static str {
    loop {
        tokio::select! {
            () = token.cancelled() => return state(&token),
            _job = jobs.recv() => {}
        }
    }
}

#[tokio::main]
async fn main() {
    // ## Derive a tree of contexts
    // child_token() links the new token under its parent. Dropping a token cancels nothing,
    // so there is no CancelFunc to defer; `token.drop_guard()` makes one that does.
    let parent = CancellationToken::new();
    let left = parent.child_token();
    let right = parent.child_token();

    // ## Start a worker under one child
    let (_jobs, jobs_rx) = mpsc::channel::<u32>(1); // nobody sends
    let stopped = tokio::spawn(worker(right.clone(), jobs_rx));

    // ## Cancelling a child leaves its parent and siblings running
    left.cancel();
    println!("left: {}", state(&left));
    println!("parent: {}", state(&parent));
    println!("right: {}", state(&right));

    // ## Cancelling the parent cancels every child
    // cancel() marks every token derived from the parent, at any depth, before it returns,
    // and wakes every task waiting in cancelled().
    parent.cancel();
    println!("right: {}", state(&right));
    let why = stopped.await.expect("the worker does not panic");
    println!("worker under right stopped: {why}");
}

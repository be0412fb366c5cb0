//! Cancellation with crossbeam: dropping a Sender is Go's close of ctx.Done(), waited on in
//! `select!` beside the work.
//!
//! Run it with `cargo run --example context-cancellation-crossbeam`. Its Go twin is
//! go-reference/context-cancellation/main.go (`go run ./context-cancellation` in
//! go-reference/); all print go-reference/context-cancellation/expected.txt. Crates:
//! crossbeam. See also `context-cancellation` (std only) and `context-cancellation-tokio`.

use std::thread;

use crossbeam::channel::{Receiver, Sender, TryRecvError, bounded, never, select};

/// A context as two receivers nobody sends on: its own Done() and its parent's. Dropping the
/// one Sender disconnects `done` for every clone of it at once, as a close wakes every
/// goroutine. `never()` is Background().Done(): a channel that is never ready.
#[derive(Clone)]
struct Ctx {
    done: Receiver<()>,
    parent_done: Receiver<()>,
}

/// Go's WithCancel: the Sender is the CancelFunc, and dropping it cancels. A child listens to
/// its parent's `done` itself, which covers one level; a deeper tree would wait on every
/// ancestor (crossbeam's `Select` takes a list) or forward the cancel with a thread.
fn with_cancel(parent: &Ctx) -> (Ctx, Sender<()>) {
    let (cancel, done) = bounded(0);
    let parent_done = parent.done.clone();
    (Ctx { done, parent_done }, cancel)
}

fn state(ctx: &Ctx) -> &'static str {
    let gone = |rx: &Receiver<()>| rx.try_recv() == Err(TryRecvError::Disconnected);
    if gone(&ctx.done) || gone(&ctx.parent_done) {
        "canceled"
    } else {
        "running"
    }
}

/// A disconnected channel is always ready, so select! returns at once after a cancel.
fn worker(ctx: &Ctx, jobs: &Receiver<u32>) -> &'static str {
    loop {
        select! {
            recv(ctx.done) -> _ => return state(ctx),
            recv(ctx.parent_done) -> _ => return state(ctx),
            recv(jobs) -> _job => {}
        }
    }
}

fn main() {
    // ## Derive a tree of contexts
    // A Sender bound to a name lives to the end of main, like Go's `defer cancel()`;
    // `let (ctx, _) = ...` would drop it at once and cancel the context.
    let background = Ctx {
        done: never(),
        parent_done: never(),
    };
    let (parent, cancel_parent) = with_cancel(&background);
    let (left, cancel_left) = with_cancel(&parent);
    let (right, _cancel_right) = with_cancel(&parent);

    // ## Start a worker under one child
    let (_jobs, jobs_rx) = bounded::<u32>(0); // nobody sends
    let ctx = right.clone();
    let stopped = thread::spawn(move || worker(&ctx, &jobs_rx));

    // ## Cancelling a child leaves its parent and siblings running
    drop(cancel_left);
    println!("left: {}", state(&left));
    println!("parent: {}", state(&parent));
    println!("right: {}", state(&right));

    // ## Cancelling the parent cancels every child
    drop(cancel_parent);
    println!("right: {}", state(&right));
    let why = stopped.join().expect("the worker does not panic");
    println!("worker under right stopped: {why}");
}

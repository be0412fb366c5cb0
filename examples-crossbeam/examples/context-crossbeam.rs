//! Context with crossbeam channels: dropping a Sender is Go's close of ctx.Done(), and
//! `after(d)` is the deadline, both waited on in `select!`.
//!
//! Run it with `cargo run --example context-crossbeam`. Its Go twin is
//! go-reference/context/main.go (`go run ./context` in go-reference/); both print
//! go-reference/context/expected.txt. Crates: crossbeam. See also `context` (std only) and
//! `context-tokio` (CancellationToken).

use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crossbeam::channel::{Receiver, Sender, TryRecvError, after, bounded, never, select};

/// One unit of a worker's job; a job of n steps takes n * STEP unless it is stopped.
const STEP: Duration = Duration::from_millis(10);

#[derive(Debug, Clone, Copy)]
enum CtxError {
    Canceled,
    DeadlineExceeded,
}

/// A context as three receivers. Nothing is ever sent on `done`: the context is cancelled
/// when the one Sender is dropped, which disconnects the channel for every clone of the
/// Receiver at once, as closing Done() wakes every goroutine waiting on it. `never()` is what
/// Background().Done() returns in Go, a channel (nil there) that is never ready.
#[derive(Debug, Clone)]
struct Ctx {
    done: Receiver<()>,
    parent_done: Receiver<()>,
    deadline: Receiver<Instant>,
}

fn background() -> Ctx {
    Ctx {
        done: never(),
        parent_done: never(),
        deadline: never(),
    }
}

/// Go's WithCancel/WithTimeout: the returned Sender is the CancelFunc; drop it to cancel.
/// A child listens to its parent's `done` itself. That covers one level; a deeper tree would
/// wait on every ancestor (crossbeam's `Select` takes a list) or forward with a thread.
fn with_cancel(parent: &Ctx, deadline: Receiver<Instant>) -> (Ctx, Sender<()>) {
    let (cancel, done) = bounded(0);
    let parent_done = parent.done.clone();
    (
        Ctx {
            done,
            parent_done,
            deadline,
        },
        cancel,
    )
}

impl Ctx {
    /// Go's ctx.Err() for cancellation only: a try_recv() on `deadline` would take after()'s
    /// one message away from the worker.
    fn err(&self) -> Result<(), CtxError> {
        let gone = |rx: &Receiver<()>| rx.try_recv() == Err(TryRecvError::Disconnected);
        if gone(&self.done) || gone(&self.parent_done) {
            return Err(CtxError::Canceled);
        }
        Ok(())
    }
}

/// Does `steps` units of work; like Go's select, crossbeam's picks at random among the
/// operations that are ready, and a disconnected channel is always ready.
fn work(ctx: &Ctx, steps: u32) -> Result<(), CtxError> {
    for _ in 0..steps {
        select! {
            recv(ctx.done) -> _ => return Err(CtxError::Canceled),
            recv(ctx.parent_done) -> _ => return Err(CtxError::Canceled),
            recv(ctx.deadline) -> _ => return Err(CtxError::DeadlineExceeded),
            recv(after(STEP)) -> _ => {} // stands in for one unit of real work
        }
    }
    Ok(())
}

fn start(ctx: Ctx, steps: u32) -> JoinHandle<Result<(), CtxError>> {
    thread::spawn(move || work(&ctx, steps))
}

fn describe(result: Result<(), CtxError>) -> &'static str {
    match result {
        Ok(()) => "finished",
        Err(CtxError::DeadlineExceeded) => "deadline exceeded",
        Err(CtxError::Canceled) => "canceled",
    }
}

fn main() {
    // ## Give each worker a deadline
    // after(d) delivers exactly one message, to whichever clone of its Receiver takes it
    // first: unlike a close, it is no broadcast, so each worker gets its own. The Senders must
    // live until main ends: `let (ctx, _) = ...` would drop one at once and cancel its context,
    // while a named `_cancel_fast` lives to the end of the scope, like Go's `defer cancel()`.
    let ms = Duration::from_millis;
    let (fast_ctx, _cancel_fast) = with_cancel(&background(), after(ms(500)));
    let (slow_ctx, _cancel_slow) = with_cancel(&background(), after(ms(50)));
    let fast = start(fast_ctx, 1); // 10 ms of work
    let slow = start(slow_ctx, 200); // 2 s of work

    // ## Cancelling a child leaves its parent running
    // Dropping the sibling's Sender disconnects the sibling's channel and no other.
    let (parent, cancel_parent) = with_cancel(&background(), never());
    let (sibling, cancel_sibling) = with_cancel(&parent, never());
    drop(cancel_sibling);
    let (sibling_err, parent_ok) = (describe(sibling.err()), parent.err().is_ok());
    println!("sibling: {sibling_err}; parent still running: {parent_ok}");

    // ## Cancelling a parent cancels its children
    let (child, _cancel_child) = with_cancel(&parent, after(Duration::from_secs(1)));
    let in_tree = start(child, 200); // 2 s of work
    thread::sleep(ms(20));
    drop(cancel_parent);

    // ## Collect the results in a fixed order
    for (name, worker) in [("fast", fast), ("slow", slow), ("child", in_tree)] {
        let result = worker.join().expect("a worker does not panic");
        println!("worker {name}: {}", describe(result));
    }
}

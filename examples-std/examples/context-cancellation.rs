//! Cancellation in std: a stop flag per context, and a check that walks up to the root.
//!
//! Run it with `cargo run --example context-cancellation`. Its Go twin is
//! go-reference/context-cancellation/main.go (`go run ./context-cancellation` in
//! go-reference/); all print go-reference/context-cancellation/expected.txt. See also
//! `context-cancellation-crossbeam` (closed channels) and `context-cancellation-tokio`.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::Duration;

/// One node of a context tree, which std leaves us to build. Go's parent holds its children
/// and pushes a cancel down; here a child points up, cancel() is one store, a check walks up.
struct Ctx {
    cancelled: AtomicBool,
    parent: Option<Arc<Ctx>>,
}

impl Ctx {
    fn new(parent: Option<Arc<Ctx>>) -> Arc<Ctx> {
        let cancelled = AtomicBool::new(false);
        Arc::new(Ctx { cancelled, parent })
    }

    /// Release pairs with the Acquire below: a thread that sees the flag also sees what the
    /// canceller wrote before it. A flag that publishes nothing else could be Relaxed.
    fn cancel(&self) {
        self.cancelled.store(true, Ordering::Release);
    }

    fn is_cancelled(&self) -> bool {
        let up = || self.parent.as_ref().is_some_and(|p| p.is_cancelled());
        self.cancelled.load(Ordering::Acquire) || up()
    }
}

fn state(ctx: &Ctx) -> &'static str {
    if ctx.is_cancelled() {
        "canceled"
    } else {
        "running"
    }
}

/// A thread blocked in recv() cannot see a flag, so the worker wakes every 5 ms to look and
/// notices a cancel up to 5 ms late. Nobody sends a job, so only a cancel can end it.
fn worker(ctx: &Ctx, jobs: &Receiver<u32>) -> &'static str {
    while !ctx.is_cancelled() {
        let _job = jobs.recv_timeout(Duration::from_millis(5)); // Err: 5 ms without a job
    }
    state(ctx)
}

fn main() {
    // ## Derive a tree of contexts
    // No `defer cancel()` is needed: no timer or registration is left to release.
    let parent = Ctx::new(None);
    let left = Ctx::new(Some(Arc::clone(&parent)));
    let right = Ctx::new(Some(Arc::clone(&parent)));

    // ## Start a worker under one child
    // The thread owns a clone of the Arc; `_jobs` keeps the channel open, though never used.
    let (_jobs, jobs_rx) = mpsc::channel::<u32>();
    let ctx = Arc::clone(&right);
    let stopped = thread::spawn(move || worker(&ctx, &jobs_rx));

    // ## Cancelling a child leaves its parent and siblings running
    left.cancel();
    println!("left: {}", state(&left));
    println!("parent: {}", state(&parent));
    println!("right: {}", state(&right));

    // ## Cancelling the parent cancels every child
    parent.cancel();
    println!("right: {}", state(&right));
    let why = stopped.join().expect("the worker does not panic");
    println!("worker under right stopped: {why}");
}

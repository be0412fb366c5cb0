//! Context in std: a stop flag per context, checked with its ancestors', and Instant deadlines.
//!
//! Run it with `cargo run --example context`. Its Go twin is go-reference/context/main.go
//! (`go run ./context` in go-reference/); both print go-reference/context/expected.txt.
//! See also `context-crossbeam` (a dropped Sender as Done()) and `context-tokio`
//! (CancellationToken).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// One unit of a worker's job; a job of n steps takes n * STEP unless it is stopped.
const STEP: Duration = Duration::from_millis(10);

/// Go's two sentinel errors, as an enum the compiler makes us match exhaustively.
#[derive(Debug, Clone, Copy)]
enum CtxError {
    Canceled,
    DeadlineExceeded,
}

/// One node of a context tree, which std leaves us to build. Go links a parent to its children
/// and pushes cancellation down; here a child points to its parent and every check walks up,
/// so cancel() is one store and a check costs one load per ancestor.
#[derive(Debug)]
struct Ctx {
    stopped: AtomicBool,
    deadline: Option<Instant>,
    parent: Option<Arc<Ctx>>,
}

impl Ctx {
    fn new(parent: Option<&Arc<Ctx>>, timeout: Option<Duration>) -> Arc<Ctx> {
        Arc::new(Ctx {
            stopped: AtomicBool::new(false),
            deadline: timeout.map(|t| Instant::now() + t),
            parent: parent.cloned(),
        })
    }

    /// Release pairs with the Acquire load in err(): a worker that reads `true` also sees
    /// every write the canceller made before this store. That matters only if the canceller
    /// publishes something besides the flag, say a reason or a partial result (Go's
    /// WithCancelCause records one). For a bare flag Relaxed would do: no ordering makes the
    /// store visible any sooner, they only order other memory around it. The guide stores
    /// with SeqCst and loads with Relaxed; a SeqCst store paired with a Relaxed load orders
    /// nothing for the reader, and the single total order SeqCst adds is not needed by one flag.
    fn cancel(&self) {
        self.stopped.store(true, Ordering::Release);
    }

    /// Go's ctx.Err(), shaped as a Result so that workers can write `ctx.err()?`. No timer
    /// cancels us at the deadline: it is a value compared with the clock on each check. Unlike
    /// Go, which records the first reason, a check made after both a cancel and the deadline
    /// reports whichever it looks at first.
    fn err(&self) -> Result<(), CtxError> {
        if self.stopped.load(Ordering::Acquire) {
            return Err(CtxError::Canceled);
        }
        if self.deadline.is_some_and(|d| Instant::now() >= d) {
            return Err(CtxError::DeadlineExceeded);
        }
        self.parent.as_ref().map_or(Ok(()), |p| p.err())
    }
}

/// Does `steps` units of work, checking the context before each. A sleeping (or otherwise
/// blocked) thread cannot see the flag, so it notices a cancel up to one STEP late; short
/// steps, or recv_timeout(STEP) on a channel, are the interruptible wait std offers.
fn work(ctx: &Ctx, steps: u32) -> Result<(), CtxError> {
    for _ in 0..steps {
        ctx.err()?;
        thread::sleep(STEP); // stands in for one unit of real work
    }
    Ok(())
}

/// The thread owns its Arc<Ctx> (moved in); main keeps its own clone to cancel through.
fn start(ctx: Arc<Ctx>, steps: u32) -> JoinHandle<Result<(), CtxError>> {
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
    let ms = Duration::from_millis;
    let background = Ctx::new(None, None);
    let fast = start(Ctx::new(Some(&background), Some(ms(500))), 1); // 10 ms of work
    let slow = start(Ctx::new(Some(&background), Some(ms(50))), 200); // 2 s of work

    // ## Cancelling a child leaves its parent running
    // The sibling's flag is its own; nothing in err() ever looks down the tree.
    let parent = Ctx::new(Some(&background), None);
    let sibling = Ctx::new(Some(&parent), None);
    sibling.cancel();
    let (sibling_err, parent_ok) = (describe(sibling.err()), parent.err().is_ok());
    println!("sibling: {sibling_err}; parent still running: {parent_ok}");

    // ## Cancelling a parent cancels its children
    // The child's own deadline (1 s) is far off, so its first failing check finds the
    // parent's flag and reports Canceled, as Go's child inherits its parent's reason.
    let child = Ctx::new(Some(&parent), Some(Duration::from_secs(1)));
    let in_tree = start(child, 200); // 2 s of work
    thread::sleep(ms(20));
    parent.cancel();

    // ## Collect the results in a fixed order
    // join() waits for each thread: every worker has exited before its line is printed.
    for (name, worker) in [("fast", fast), ("slow", slow), ("child", in_tree)] {
        let result = worker.join().expect("a worker does not panic");
        println!("worker {name}: {}", describe(result));
    }
}

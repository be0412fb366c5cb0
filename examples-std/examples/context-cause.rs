//! Cancel causes in std: a OnceLock beside a channel keeps the first reason, and a thread that
//! waits for the channel to disconnect is Go's AfterFunc.
//!
//! Run it with `cargo run --example context-cause`. Its Go twin is
//! go-reference/context-cause/main.go (`go run ./context-cause` in go-reference/); all print
//! go-reference/context-cause/expected.txt. See also `context-cause-tokio`.

use std::fmt;
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, OnceLock};
use std::thread;

/// The reasons, as a type of their own: Go's sentinel errors, but matched exhaustively.
#[derive(Debug, Clone, Copy)]
enum Cause {
    Shutdown,
    ClientGone,
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Cause::Shutdown => "server shutting down",
            Cause::ClientGone => "client went away",
        })
    }
}

/// Go's CancelCauseFunc: the cause to set, and the Sender whose drop disconnects `done`.
struct CancelCause {
    cause: Arc<OnceLock<Cause>>,
    done: Option<Sender<()>>,
}

impl CancelCause {
    /// The cause is set before the Sender is dropped, so a thread woken by the disconnect
    /// finds it. OnceLock::set refuses a second value: the first cause wins.
    fn cancel(&mut self, cause: Cause) {
        let _ = self.cause.set(cause); // Err(cause) when one is set already
        self.done = None;
    }
}

fn main() {
    // ## Derive a context that records a cause
    // Nothing is ever sent on `done`: it is a Receiver that reports when the Sender is gone.
    let cause = Arc::new(OnceLock::new());
    let (tx, done) = mpsc::channel::<()>();
    let mut cancel = CancelCause {
        cause: Arc::clone(&cause),
        done: Some(tx),
    };

    // ## Run a function once the context is done
    // recv() returns Err once the Sender is dropped; then the thread runs the cleanup.
    let seen = Arc::clone(&cause);
    let cleanup = thread::spawn(move || {
        let _disconnected = done.recv();
        let why = seen.get().expect("the cause is set before the cancel");
        format!("cleanup saw: {why}")
    });

    // ## Cancel with a cause
    cancel.cancel(Cause::Shutdown);
    println!("{}", cleanup.join().expect("the cleanup does not panic"));
    println!("canceled: {}", cause.get().is_some());
    let why = cause.get().expect("cancelled with a cause");
    println!("cause: {why}");

    // ## The first cause wins
    cancel.cancel(Cause::ClientGone);
    let why = cause.get().expect("cancelled with a cause");
    println!("cause after a second cancel: {why}");
}

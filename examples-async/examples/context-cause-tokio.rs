//! Cancel causes with tokio: CancellationToken has none, so a OnceLock rides beside it, and a
//! task that awaits `cancelled()` is Go's AfterFunc.
//!
//! Run it with `cargo run --example context-cause-tokio`. Its Go twin is
//! go-reference/context-cause/main.go (`go run ./context-cause` in go-reference/); all print
//! go-reference/context-cause/expected.txt. Crates: tokio (features "rt-multi-thread",
//! "macros"), tokio-util. See also `context-cause` (std only).

use std::fmt;
use std::sync::{Arc, OnceLock};

use tokio_util::sync::CancellationToken;

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

/// A token and its cause, cloned together. Child tokens would not see the cause: a tree of
/// them needs the OnceLock passed down too.
#[derive(Clone, Default)]
struct CauseToken {
    token: CancellationToken,
    cause: Arc<OnceLock<Cause>>,
}

impl CauseToken {
    /// The cause is set before the token is cancelled, so a task woken by cancel() finds it.
    /// OnceLock::set refuses a second value: the first cause wins.
    fn cancel(&self, cause: Cause) {
        let _ = self.cause.set(cause); // Err(cause) when one is set already
        self.token.cancel();
    }

    fn cause(&self) -> Cause {
        *self
            .cause
            .get()
            .expect("the cause is set before the cancel")
    }
}

#[tokio::main]
async fn main() {
    // ## Derive a context that records a cause
    let ctx = CauseToken::default();

    // ## Run a function once the context is done
    // A spawned task that waits in cancelled() runs its body once the token is cancelled;
    // aborting its JoinHandle before then is Go's stop().
    let waiting = ctx.clone();
    let cleanup = tokio::spawn(async move {
        waiting.token.cancelled().await;
        format!("cleanup saw: {}", waiting.cause())
    });

    // ## Cancel with a cause
    ctx.cancel(Cause::Shutdown);
    println!("{}", cleanup.await.expect("the cleanup does not panic"));
    println!("canceled: {}", ctx.token.is_cancelled());
    println!("cause: {}", ctx.cause());

    // ## The first cause wins
    ctx.cancel(Cause::ClientGone);
    println!("cause after a second cancel: {}", ctx.cause());
}

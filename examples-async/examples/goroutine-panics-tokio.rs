//! Task panics: tokio catches a task's panic, and awaiting the task's JoinHandle returns it
//! as a JoinError for which is_panic() is true.
//!
//! Run it with `cargo run --example goroutine-panics-tokio`. Its Go counterpart is
//! go-reference/goroutine-panics/main.go (`go run ./goroutine-panics` in go-reference/); both
//! print go-reference/goroutine-panics/expected.txt. Crates: tokio (features
//! "rt-multi-thread", "macros"). See also `goroutine-panics` (threads).

use std::any::Any;
use std::panic;

#[tokio::main]
async fn main() {
    // ## Say that the panic is expected
    // The panic below is deliberate. The panic hook still runs for a task's panic, on the
    // worker thread, before tokio catches it; ours prints one line instead of the default
    // message and location.
    panic::set_hook(Box::new(|info| {
        let message = panic_message(info.payload());
        eprintln!("expected panic, reported through the JoinHandle: {message}");
    }));

    // ## Recover inside the goroutine
    // Nothing to do in Rust: the runtime catches a task's panic for its JoinHandle.

    // ## Start a worker that panics
    // The worker thread that ran the task carries on with other tasks.
    let worker = tokio::spawn(async { panic!("the worker gave up") });

    // ## Learn how it ended
    // A JoinError is either a panic or a cancellation (abort()); is_panic() tells which, and
    // into_panic() gives back the payload.
    match worker.await {
        Ok(()) => println!("the worker finished"),
        Err(err) if err.is_panic() => {
            let payload = err.into_panic();
            println!("the worker panicked: {}", panic_message(&*payload));
        }
        Err(err) => println!("the worker was cancelled: {err}"),
    }
    println!("main is still running");
}

/// A panic's message: its payload is a &str for a literal message, a String for a formatted
/// one.
fn panic_message(payload: &(dyn Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(not a string)")
}

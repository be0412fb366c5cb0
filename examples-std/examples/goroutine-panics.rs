//! Thread panics: a panic unwinds only the thread it happens in, and join() hands it to
//! whoever joins that thread, as an Err.
//!
//! Run it with `cargo run --example goroutine-panics`. Its Go counterpart is
//! go-reference/goroutine-panics/main.go (`go run ./goroutine-panics` in go-reference/); both
//! print go-reference/goroutine-panics/expected.txt. See also `goroutine-panics-tokio`.

use std::any::Any;
use std::panic;
use std::thread;

fn main() {
    // ## Say that the panic is expected
    // The panic below is deliberate. The panic hook runs before the unwinding, in the
    // panicking thread; the default one prints the message and where it happened to stderr.
    // Ours prints one line that says this panic is meant to happen.
    panic::set_hook(Box::new(|info| {
        let message = panic_message(info.payload());
        eprintln!("expected panic, reported through join(): {message}");
    }));

    // ## Recover inside the goroutine
    // Nothing to do in Rust: a panic unwinds only its own thread, and join() returns it.

    // ## Start a worker that panics
    // The panic can come back to main because panics unwind, Cargo's default. With
    // `panic = "abort"` in the profile, a panic in any thread ends the process at once, as
    // an unrecovered one does in Go.
    let worker = thread::spawn(|| panic!("the worker gave up"));

    // ## Learn how it ended
    // The Err holds the panic's payload, a Box<dyn Any + Send>. Whoever holds the handle
    // decides what the panic means; nothing else in the program stopped.
    match worker.join() {
        Ok(()) => println!("the worker finished"),
        Err(payload) => println!("the worker panicked: {}", panic_message(&*payload)),
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

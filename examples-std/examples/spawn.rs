//! Spawning: start an OS thread with `std::thread::spawn`, and get its result back.
//!
//! Run it with `cargo run --example spawn`. Its Go twin is go-reference/spawn/main.go
//! (`go run ./spawn` in go-reference/); both print go-reference/spawn/expected.txt.
//! See also `spawn-scoped` (borrowing instead of moving) and `spawn-tokio` (tasks).

use std::thread;

fn main() {
    // ## Start one and wait for it
    // `thread::spawn` starts one OS thread (1:1, no scheduler of Rust's own in between) and
    // returns a JoinHandle<T>, where T is whatever the closure returns. The handle is the link
    // Go makes you build from a channel: `join()` waits for the thread and hands back its
    // result. Dropping the handle instead detaches the thread; it is not cancelled.
    let worker = thread::spawn(|| (1..=10).sum::<i32>());
    let total = worker.join().expect("the summing thread does not panic");
    println!("the worker returned {total}");

    // ## Give the worker its data
    // A spawned thread may outlive the function that started it, so the compiler insists
    // (F: 'static) that its closure owns everything it uses. `move` moves `names` into the
    // closure; after this line main can no longer touch it, which is exactly the sharing Go
    // allows and its race detector has to catch at run time. Returning the Vec through
    // `join()` gives ownership back once the thread is done.
    let names = vec!["ada", "grace", "barbara"];
    let worker = thread::spawn(move || {
        let joined = names.join(", ");
        (joined, names)
    });
    // println!("{names:?}"); // error[E0382]: borrow of moved value: `names`
    let (joined, _names) = worker.join().expect("the joining thread does not panic");
    println!("the worker read: {joined}");

    // ## A panic in a worker
    // A panic unwinds only the thread it happens in. `join()` reports it as Err(payload), and
    // main decides what to do; nothing else stops. (The default panic hook still prints
    // "thread '<unnamed>' panicked at ..." on stderr; the checked output is stdout.)
    let worker = thread::spawn(|| -> () { panic!("boom") });
    match worker.join() {
        Ok(()) => println!("the worker finished"),
        Err(payload) => {
            // The payload is a Box<dyn Any>: a &str for `panic!("literal")`, a String when
            // the message was formatted.
            let message = payload
                .downcast_ref::<&str>()
                .copied()
                .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
                .unwrap_or("(not a string)");
            println!("the worker panicked: {message}");
        }
    }
    println!("main is still running");

    // ## Start several and collect in order
    // Joining the handles in the order they were spawned gives the results in that order,
    // however the threads were scheduled. `i` is Copy, so `move` copies it into each closure.
    let handles: Vec<thread::JoinHandle<i32>> =
        (0..4).map(|i| thread::spawn(move || i * i)).collect();
    let squares: Vec<i32> = handles
        .into_iter()
        .map(|h| h.join().expect("squaring does not panic"))
        .collect();
    println!("squares: {}", go_slice(&squares));
}

/// Formats like Go's fmt.Println of a slice: `[0 1 4 9]`.
fn go_slice(values: &[i32]) -> String {
    let items: Vec<String> = values.iter().map(i32::to_string).collect();
    format!("[{}]", items.join(" "))
}

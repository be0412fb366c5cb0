//! errgroup with std: `thread::scope` runs the group and each thread returns a Result; the
//! first error, kept behind a Mutex, is also what cancels the threads still waiting.
//!
//! Run it with `cargo run --example errgroup`. Its Go counterpart is
//! go-reference/errgroup/main.go (`go run ./errgroup` in go-reference/); both print
//! go-reference/errgroup/expected.txt. See also `cargo run --example errgroup-tokio`.

use std::sync::{Condvar, Mutex};
use std::thread;

/// The group's first error, and a Condvar that wakes the tasks waiting for one. std has no
/// context: this pair is the cancellation signal.
type FirstError = (Mutex<Option<String>>, Condvar);

enum FetchError {
    NotFound(String),
    Cancelled,
}

/// "users" fails at once; the others wait until some task has failed (the Condvar is their
/// `<-ctx.Done()`), so "users" is certain to be first.
fn fetch((first, failed): &FirstError, name: &str) -> Result<(), FetchError> {
    if name == "users" {
        return Err(FetchError::NotFound(format!("{name}: not found")));
    }
    let first = first.lock().expect("no task panics");
    let _first = failed
        .wait_while(first, |e| e.is_none())
        .expect("no task panics");
    Err(FetchError::Cancelled)
}

fn main() {
    // ## Start a group with a context
    // Nothing cancels by itself here: a failing task will record its error and notify.
    let group: &FirstError = &Default::default();

    // ## Run the tasks
    // A task that fails records its error at once, which wakes the others, as errgroup
    // cancels its context without waiting for Wait. Each outcome comes back through join().
    let names = ["orders", "users", "stock"];
    let outcomes = thread::scope(|s| {
        let handles = names.map(|name| {
            s.spawn(move || match fetch(group, name) {
                Ok(()) => "done",
                Err(FetchError::Cancelled) => "stopped early",
                Err(FetchError::NotFound(e)) => {
                    group.0.lock().expect("no task panics").get_or_insert(e);
                    group.1.notify_all();
                    "failed"
                }
            })
        });
        // ## Wait for all of them
        // The scope joins every thread; joining the handles ourselves hands back the outcomes.
        handles.map(|h| h.join().expect("no task panics"))
    });
    let first = group.0.lock().expect("no task panicked").take();
    println!("first error: {}", first.as_deref().unwrap_or("none"));
    for (name, outcome) in names.iter().zip(outcomes) {
        println!("{name}: {outcome}");
    }

    // ## Bound how many run at once
    // std has no limit to set: start just two threads, and give each half of the slots.
    let mut squares = [0; 6];
    thread::scope(|s| {
        for (half, slots) in squares.chunks_mut(3).enumerate() {
            s.spawn(move || {
                for (slot, n) in slots.iter_mut().zip(half * 3 + 1..) {
                    *slot = n * n;
                }
            });
        }
    });
    print!("squares, two at a time:");
    for n in squares {
        print!(" {n}");
    }
    println!();
}

//! Spawning with `std::thread::scope`: threads that may borrow the caller's locals.
//!
//! Run it with `cargo run --example spawn-scoped`. Its Go twin is go-reference/spawn/main.go
//! (`go run ./spawn` in go-reference/); both print go-reference/spawn/expected.txt.
//! See also `spawn` (owned data, JoinHandle) and `spawn-tokio` (tasks).

use std::thread;

fn main() {
    // ## Start one and wait for it
    // `thread::scope` runs a closure that may spawn threads, and does not return until every
    // one of them has ended. That guarantee is what lets the threads borrow from the stack.
    let total = thread::scope(|s| {
        let worker = s.spawn(|| (1..=10).sum::<i32>());
        worker.join().expect("the summing thread does not panic")
    });
    println!("the worker returned {total}");

    // ## Give the worker its data
    // No `move`, no clone: the thread borrows `names`, because the scope proves the thread
    // ends before `names` is dropped. The borrow checker still stops main from mutating
    // `names` while the thread reads it (a shared borrow is live until the scope ends).
    let names = ["ada", "grace", "barbara"];
    let joined = thread::scope(|s| {
        let worker = s.spawn(|| names.join(", "));
        // With `let mut names`, this line would fail to compile:
        // names[0] = "linus"; // error[E0506]: cannot assign to `names[_]` because it is borrowed
        worker.join().expect("the joining thread does not panic")
    });
    println!("the worker read: {joined}");
    // The thread is gone and so is its borrow: main may use `names` again.
    assert_eq!(names.len(), 3);

    // ## A panic in a worker
    // A scoped thread's panic also comes back from its join(). (Had we not joined it, the
    // scope itself would panic when it ends, with "a scoped thread panicked": a failure is
    // never silently lost, though the original payload is.)
    let outcome = thread::scope(|s| s.spawn(|| -> () { panic!("boom") }).join());
    if let Err(payload) = outcome {
        let message = payload
            .downcast_ref::<&str>()
            .copied()
            .unwrap_or("(not a &str)");
        println!("the worker panicked: {message}");
    }
    println!("main is still running");

    // ## Start several and collect in order
    // Each thread gets exclusive (&mut) access to its own element: iter_mut hands out disjoint
    // &mut borrows, so the compiler knows no two threads touch the same slot.
    let mut squares = [0i32; 4];
    thread::scope(|s| {
        for (i, slot) in squares.iter_mut().enumerate() {
            s.spawn(move || *slot = (i * i) as i32);
        }
    }); // every thread has ended here; the borrows are over.
    let items: Vec<String> = squares.iter().map(i32::to_string).collect();
    println!("squares: [{}]", items.join(" "));
}

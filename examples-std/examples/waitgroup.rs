//! Waiting for a group of threads with their JoinHandles: std has no WaitGroup, because
//! joining every handle already waits for the whole group.
//!
//! Run it with `cargo run --example waitgroup`. Its Go counterpart is
//! go-reference/waitgroup/main.go (`go run ./waitgroup` in go-reference/); both print
//! go-reference/waitgroup/expected.txt. See also `waitgroup-scoped`, `waitgroup-crossbeam`
//! and `waitgroup-tokio`.

use std::thread;

fn main() {
    let words = ["goroutine", "channel", "mutex", "waitgroup"];

    // ## Add to the counter
    // Nothing to do in Rust: there is no counter; the Vec of JoinHandles is the group.

    // ## Start the workers
    // Each closure owns its word (a &'static str, copied in by `move`) and returns its
    // result, so no worker writes to memory that another can see. Nothing forces us to keep
    // the handles: `thread::spawn(..);` compiles without a warning and detaches the thread.
    let handles: Vec<thread::JoinHandle<usize>> = words
        .into_iter()
        .map(|word| thread::spawn(move || word.len()))
        .collect();
    println!("started {} workers", handles.len());

    // ## Wait for every one of them
    // Joining each handle in turn waits for all of them; one that finished early is joined
    // at once. Nothing can be left unbalanced, but joining a thread that never ends blocks
    // for ever here too. Each join() returns Err if that thread panicked.
    let lengths: Vec<usize> = handles
        .into_iter()
        .map(|handle| handle.join().expect("a worker does not panic"))
        .collect();
    println!("all {} workers are done", lengths.len());

    // ## Read the results in order
    // The results came back through join(), in spawn order: no shared slice, no lock.
    print!("lengths:");
    for n in lengths {
        print!(" {n}");
    }
    println!();
}

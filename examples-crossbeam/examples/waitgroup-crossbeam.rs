//! Go's WaitGroup as a value: `crossbeam::sync::WaitGroup`, where each clone counts one
//! worker and dropping it is Done.
//!
//! Run it with `cargo run --example waitgroup-crossbeam`. Its Go counterpart is
//! go-reference/waitgroup/main.go (`go run ./waitgroup` in go-reference/); both print
//! go-reference/waitgroup/expected.txt. Crates: crossbeam. See also `waitgroup`,
//! `waitgroup-scoped` and `waitgroup-tokio`.

use std::sync::{Arc, Mutex};
use std::thread;

use crossbeam::sync::WaitGroup;

fn main() {
    let words = ["goroutine", "channel", "mutex", "waitgroup"];
    let lengths = Arc::new(Mutex::new(vec![0; words.len()]));

    // ## Add to the counter
    // The count is the number of clones alive. Each clone is made before its thread starts
    // and moves into it, so the Add can never come after the Wait, as it can in Go.
    let wg = WaitGroup::new();

    // ## Start the workers
    // Dropping the clone is Done, and a drop cannot be forgotten: it runs when the closure
    // returns, or while a panic unwinds, like a `defer wg.Done()`. The threads are never
    // joined, so the results go into a Vec behind an Arc<Mutex>.
    for (i, word) in words.into_iter().enumerate() {
        let wg = wg.clone();
        let lengths = Arc::clone(&lengths);
        thread::spawn(move || {
            lengths.lock().expect("no worker panics holding the lock")[i] = word.len();
            drop(wg); // Done. The end of the closure would drop it anyway.
        });
    }
    println!("started {} workers", words.len());

    // ## Wait for every one of them
    // wait() consumes main's own clone and blocks until every other clone is dropped. A
    // clone that is leaked, or held by a thread that never ends, blocks it for ever.
    wg.wait();
    println!("all {} workers are done", words.len());

    // ## Read the results in order
    // Each drop happens before wait() returns, and every write was made under the Mutex.
    let lengths = lengths.lock().expect("no worker panicked holding the lock");
    print!("lengths:");
    for n in lengths.iter() {
        print!(" {n}");
    }
    println!();
}

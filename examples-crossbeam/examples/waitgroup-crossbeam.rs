//! Go's WaitGroup as a value: `crossbeam::sync::WaitGroup`, where cloning is Add and
//! dropping a clone is Done.
//!
//! Run it with `cargo run --example waitgroup-crossbeam`. Its Go twin is
//! go-reference/waitgroup/main.go (`go run ./waitgroup` in go-reference/); both print
//! go-reference/waitgroup/expected.txt. Crates: crossbeam. See also `waitgroup`,
//! `waitgroup-scoped` and `waitgroup-tokio`.

use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use crossbeam::sync::WaitGroup;

fn main() {
    let words = ["goroutine", "channel", "mutex", "waitgroup"];

    // ## Start a group of workers
    // wg.clone() is Add(1), and it happens before the spawn by construction: the clone is
    // what moves into the thread. Dropping the clone is Done, and a drop cannot be forgotten:
    // it runs when the closure returns, or while a panic unwinds, like a `defer wg.Done()`.
    // The threads are detached, so the results go into a shared Vec behind an Arc<Mutex>.
    let wg = WaitGroup::new();
    let lengths = Arc::new(Mutex::new(vec![0usize; words.len()]));
    for (i, word) in words.into_iter().enumerate() {
        let wg = wg.clone();
        let lengths = Arc::clone(&lengths);
        thread::spawn(move || {
            thread::sleep(Duration::from_millis(10 * (words.len() - i) as u64));
            lengths.lock().expect("no worker panics holding the lock")[i] = word.len();
            drop(wg); // Done. Written out here; the end of the closure would do it anyway.
        });
    }
    println!("started {} workers", words.len());

    // ## Wait for every one of them
    // wait() takes main's own WaitGroup by value (main's count goes too) and blocks until
    // every clone is dropped; any clone may wait(), so it doubles as a one-use barrier. Go's
    // forgotten Done has an equivalent: a clone stored somewhere, leaked with mem::forget or
    // held by a thread that never ends blocks wait() forever. Its return means every worker
    // has dropped its clone, not that its thread has exited: the threads are never joined.
    wg.wait();
    println!("all {} workers are done", words.len());

    // ## Read the results in order
    // Each drop happens before wait() returns, and every write was made under the Mutex.
    let lengths = lengths.lock().expect("no worker panicked holding the lock");
    let items: Vec<String> = lengths.iter().map(usize::to_string).collect();
    println!("lengths: [{}]", items.join(" "));
}

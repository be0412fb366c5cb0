//! Goroutines and threads: `std::thread::spawn` starts an OS thread and hands back a
//! JoinHandle, the link Go makes you build from a channel.
//!
//! Run it with `cargo run --example goroutines`. Its Go counterpart is
//! go-reference/goroutines/main.go (`go run ./goroutines` in go-reference/); both print
//! go-reference/goroutines/expected.txt. See also `goroutines-tokio` (tasks).

use std::thread;

fn main() {
    // ## Start a worker
    // `thread::spawn` starts one OS thread and returns a JoinHandle<T>, where T is whatever
    // the closure returns. Dropping the handle detaches the thread: it runs on, and nobody
    // can wait for it any more. It is not cancelled.
    let worker = thread::spawn(|| (1..=10).sum::<i32>());

    // ## Wait for its result
    // join() takes the handle by value, so exactly one owner of it joins, exactly once. It
    // waits for the thread to end and gives back the closure's result.
    let total = worker.join().expect("the summing thread does not panic");
    println!("the worker returned {total}");

    // ## Give the worker its data
    // A spawned thread may outlive the function that started it, so its closure must own
    // everything it uses (F: 'static). `move` moves `names` into it: main cannot touch the
    // Vec until the thread hands it back through join(): never both at the same time.
    let names = vec!["ada", "grace", "barbara"];
    let worker = thread::spawn(move || {
        let joined = names.join(", ");
        (joined, names)
    });
    // println!("{names:?}"); // error[E0382]: borrow of moved value: `names`
    let (joined, names) = worker.join().expect("the joining thread does not panic");
    println!("the worker read: {joined}");
    println!("main still has {} names", names.len());
}

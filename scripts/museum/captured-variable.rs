//! Museum: a thread capturing a variable the parent keeps writing.
//! rustc rejects it (E0373): a spawned thread may outlive main's frame, so its closure may
//! not borrow `status`; `move` would give it a copy of its own instead.
//! Go's version is go-reference/museum/captured-variable/main.go; the fix is `--example goroutines`.

use std::thread;

fn main() {
    let mut status = "starting";
    let reporter = thread::spawn(|| {
        println!("the reporter saw: {status}");
    });
    status = "running";
    reporter.join().unwrap();
    println!("main ends with: {status}");
}

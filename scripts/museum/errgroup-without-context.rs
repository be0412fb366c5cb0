//! Museum: a group of threads that keeps working after the first error. This one compiles:
//! Rust does not catch it. `thread::scope` collects each thread's Result, and the first
//! Err decides the outcome, but nothing tells the other threads: they run every step, and
//! the scope waits for them. rustc accepts it and nothing reports it. Rust programs avoid it
//! by giving the tasks a signal to watch, set by the first error (`--example errgroup`, or a
//! CancellationToken in `--example errgroup-tokio`).
//! Go's version is go-reference/museum/errgroup-without-context/main.go.

use std::sync::atomic::{AtomicU32, Ordering::Relaxed};
use std::sync::{Condvar, Mutex};
use std::thread;

fn main() {
    let wasted = AtomicU32::new(0);
    // Only there to make "after the first error" certain: the others start once it is set.
    let failed = (Mutex::new(false), Condvar::new());

    let results: Vec<Result<(), String>> = thread::scope(|s| {
        let mut handles = vec![s.spawn(|| {
            *failed.0.lock().expect("no thread panics") = true;
            failed.1.notify_all();
            Err("users: not found".to_string())
        })];
        for _ in 0..2 {
            handles.push(s.spawn(|| {
                let started = failed.0.lock().expect("no thread panics");
                drop(failed.1.wait_while(started, |f| !*f).expect("no thread panics"));
                // The mistake: nothing here asks whether the group has already failed.
                for _ in 0..5 {
                    wasted.fetch_add(1, Relaxed);
                }
                Ok(())
            }));
        }
        handles.into_iter().map(|h| h.join().expect("no thread panics")).collect()
    });

    let first = results.into_iter().find_map(Result::err);
    println!("first error: {}", first.as_deref().unwrap_or("none"));
    println!("steps done after the first error: {}", wasted.load(Relaxed));
}

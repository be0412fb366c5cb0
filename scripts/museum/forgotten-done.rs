//! Museum: a forgotten "done" signal. This one compiles: Rust does not catch it.
//! Completion here is "every Sender dropped", and main forgets to drop its own, so the
//! receiving loop never ends. rustc accepts it and nothing reports it at run time (Go's
//! runtime at least reports "all goroutines are asleep" when nothing else runs). A watchdog
//! below only lets this test end; the fix is to join the handles or use thread::scope
//! (`--example waitgroup`, `--example waitgroup-scoped`), where there is nothing to forget.
//! Go's version is go-reference/museum/forgotten-done/main.go.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

fn main() {
    let (done, finished) = mpsc::channel();
    for job in ["a", "", "c"] {
        let done = done.clone();
        thread::spawn(move || {
            if !job.is_empty() {
                done.send(job).unwrap();
            }
        });
    }
    // The mistake: `done` itself is still alive here, so `finished` never closes.
    let waiter = thread::spawn(move || finished.iter().count());

    thread::sleep(Duration::from_millis(300));
    assert!(
        !waiter.is_finished(),
        "the waiter cannot finish while main holds a Sender"
    );
    println!("still waiting: main never dropped its Sender");
}

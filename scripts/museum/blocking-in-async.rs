//! Museum: a blocking call inside an async task. This one compiles: Rust does not catch it.
//! std::thread::sleep blocks the worker thread under the task, and no other task on that
//! worker runs until it returns; a std Mutex, a file read or a long loop without .await does
//! the same. rustc accepts it, clippy has no default lint for it, and tokio reports nothing.
//! tokio-console (with console-subscriber and --cfg tokio_unstable) shows such a task as
//! busy for a long time without yielding. Rust programs avoid it with tokio::time::sleep, or
//! spawn_blocking and a thread of its own for blocking work (`--example blocking-tokio`).
//! Go's version is go-reference/museum/blocking-in-async/main.go.

use std::thread;
use std::time::Duration;

// One worker thread, as Go's program runs with GOMAXPROCS(1).
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let other = tokio::spawn(async {});

    // The mistake: a blocking sleep where `tokio::time::sleep(..).await` was meant. main's
    // task keeps the only worker, so the other task cannot run, however long this takes.
    thread::sleep(Duration::from_millis(100));
    if other.is_finished() {
        println!("the other task ran while main's task slept");
    } else {
        println!("the other task was stalled while main's task slept");
    }
    other.await.expect("it runs once main's task awaits");
}

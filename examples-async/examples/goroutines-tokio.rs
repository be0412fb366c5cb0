//! Goroutines and tasks: `tokio::spawn` starts a task on tokio's runtime, which schedules
//! many tasks on a few threads as Go does goroutines, and hands back a JoinHandle.
//!
//! Run it with `cargo run --example goroutines-tokio`. Its Go counterpart is
//! go-reference/goroutines/main.go (`go run ./goroutines` in go-reference/); both print
//! go-reference/goroutines/expected.txt. Crates: tokio (features "rt-multi-thread",
//! "macros"). See also `goroutines` (OS threads).

#[tokio::main]
async fn main() {
    // ## Start a worker
    // `#[tokio::main]` starts the runtime: a pool of worker threads, one per core by default.
    // `tokio::spawn` queues the task on it and returns a JoinHandle at once. Unlike a
    // goroutine, a task is only switched out at an `.await`.
    let worker = tokio::spawn(async { (1..=10).sum::<i32>() });

    // ## Wait for its result
    // Awaiting the handle waits for the task and gives back its result. Dropping the handle
    // instead detaches the task; abort() is how one cancels it.
    let total = worker.await.expect("the summing task does not panic");
    println!("the worker returned {total}");

    // ## Give the worker its data
    // A task may run on any worker thread and outlive this function, so its future must be
    // `Send + 'static`: `async move` moves `names` in, and the task hands it back.
    let names = vec!["ada", "grace", "barbara"];
    let worker = tokio::spawn(async move {
        let joined = names.join(", ");
        (joined, names)
    });
    let (joined, names) = worker.await.expect("the joining task does not panic");
    println!("the worker read: {joined}");
    println!("main still has {} names", names.len());
}

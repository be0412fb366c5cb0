//! Spawning tokio tasks: the closest thing Rust has to goroutines.
//!
//! Run it with `cargo run --example spawn-tokio`. Its Go twin is go-reference/spawn/main.go
//! (`go run ./spawn` in go-reference/); both print go-reference/spawn/expected.txt.
//! Crates: tokio (features "rt-multi-thread", "macros"). See also `spawn` and `spawn-scoped`.

#[tokio::main]
async fn main() {
    // ## Start one and wait for it
    // `#[tokio::main]` starts a runtime: a pool of worker threads (one per core by default,
    // like GOMAXPROCS) that runs many tasks each: M:N scheduling, as Go does. Unlike Go's, it
    // is a library you chose, and tasks yield only at `.await` points: a task that computes
    // for a long time without awaiting holds its worker thread. `tokio::spawn` returns a
    // JoinHandle; awaiting it waits for the task and gives back its result.
    let worker = tokio::spawn(async { (1..=10).sum::<i32>() });
    let total = worker.await.expect("the summing task does not panic");
    println!("the worker returned {total}");

    // ## Give the worker its data
    // A task may run on any worker thread and outlive this function, so its future must be
    // `Send + 'static`: `async move` moves `names` in, as `move` does for a thread.
    let names = ["ada", "grace", "barbara"];
    let worker = tokio::spawn(async move { names.join(", ") });
    let joined = worker.await.expect("the joining task does not panic");
    println!("the worker read: {joined}");

    // ## A panic in a worker
    // The runtime catches a task's panic; awaiting the handle gives Err(JoinError), and
    // `is_panic()` tells a panic from a cancellation (`abort()`). The runtime and every other
    // task carry on.
    let worker = tokio::spawn(async { panic!("boom") });
    match worker.await {
        Ok(()) => println!("the worker finished"),
        Err(err) if err.is_panic() => {
            let payload = err.into_panic();
            let message = payload
                .downcast_ref::<&str>()
                .copied()
                .unwrap_or("(not a &str)");
            println!("the worker panicked: {message}");
        }
        Err(err) => println!("the worker was cancelled: {err}"),
    }
    println!("main is still running");

    // ## Start several and collect in order
    // Spawning a task costs an allocation and a queue push, not an OS thread, so thousands are
    // cheap. Awaiting the handles in spawn order gives the results in that order.
    let handles: Vec<_> = (0..4).map(|i| tokio::spawn(async move { i * i })).collect();
    let mut squares = Vec::new();
    for handle in handles {
        squares.push(handle.await.expect("squaring does not panic").to_string());
    }
    println!("squares: [{}]", squares.join(" "));
}

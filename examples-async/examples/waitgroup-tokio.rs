//! Waiting for a group of tokio tasks with `tokio::task::JoinSet`.
//!
//! Run it with `cargo run --example waitgroup-tokio`. Its Go twin is
//! go-reference/waitgroup/main.go (`go run ./waitgroup` in go-reference/); both print
//! go-reference/waitgroup/expected.txt. Crates: tokio (features "rt-multi-thread", "macros",
//! "time"). See also `waitgroup`, `waitgroup-scoped` and `waitgroup-crossbeam`.

use std::time::Duration;

use tokio::task::JoinSet;

#[tokio::main]
async fn main() {
    let words = ["goroutine", "channel", "mutex", "waitgroup"];

    // ## Start a group of workers
    // A JoinSet owns the tasks spawned into it and counts them: spawn is Add and go in one.
    // Each task returns its index with its result, because the set hands results back in
    // the order the tasks finish, not the order they were spawned. Dropping the set aborts
    // every task still in it, where abandoning a Go WaitGroup leaves the goroutines running.
    // (tokio_util's TaskTracker is the closer copy of a WaitGroup, with no results; call
    // close() before wait(), or wait() never returns.)
    let mut set = JoinSet::new();
    for (i, word) in words.into_iter().enumerate() {
        set.spawn(async move {
            tokio::time::sleep(Duration::from_millis(10 * (words.len() - i) as u64)).await;
            (i, word.len())
        });
    }
    println!("started {} workers", set.len());

    // ## Wait for every one of them
    // join_next() yields the next task to finish, and None once the set is empty: the loop
    // is Wait. A task that never finishes keeps it waiting forever, as a missing Done does.
    // A panic in a task comes back as Err(JoinError) rather than ending the program.
    let mut lengths = vec![0usize; words.len()];
    while let Some(joined) = set.join_next().await {
        let (i, length) = joined.expect("a worker does not panic");
        lengths[i] = length; // The index puts completion order back into spawn order.
    }
    println!("all {} workers are done", words.len());

    // ## Read the results in order
    let items: Vec<String> = lengths.iter().map(usize::to_string).collect();
    println!("lengths: [{}]", items.join(" "));
}

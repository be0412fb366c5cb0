//! Waiting for a group of tokio tasks with `tokio::task::JoinSet`, which counts the tasks
//! it spawns and hands back their results.
//!
//! Run it with `cargo run --example waitgroup-tokio`. Its Go counterpart is
//! go-reference/waitgroup/main.go (`go run ./waitgroup` in go-reference/); both print
//! go-reference/waitgroup/expected.txt. Crates: tokio (features "rt-multi-thread",
//! "macros"). See also `waitgroup`, `waitgroup-scoped` and `waitgroup-crossbeam`.

use tokio::task::JoinSet;

#[tokio::main]
async fn main() {
    let words = ["goroutine", "channel", "mutex", "waitgroup"];

    // ## Add to the counter
    // Nothing to do in Rust: JoinSet::spawn counts each task as it starts it.

    // ## Start the workers
    // The set owns its tasks. Each one returns its index with its result, because the set
    // hands results back in the order the tasks finish. Dropping the set aborts the tasks
    // still in it, where a forgotten Go WaitGroup leaves its goroutines running.
    let mut set = JoinSet::new();
    for (i, word) in words.into_iter().enumerate() {
        set.spawn(async move { (i, word.len()) });
    }
    println!("started {} workers", set.len());

    // ## Wait for every one of them
    // join_next() yields the next task to finish, and None once the set is empty: the loop
    // is the Wait. A task's panic comes back as an Err(JoinError) here.
    let mut lengths = vec![0; words.len()];
    while let Some(joined) = set.join_next().await {
        let (i, length) = joined.expect("a worker does not panic");
        lengths[i] = length;
    }
    println!("all {} workers are done", words.len());

    // ## Read the results in order
    // The index put completion order back into word order.
    print!("lengths:");
    for n in lengths {
        print!(" {n}");
    }
    println!();
}

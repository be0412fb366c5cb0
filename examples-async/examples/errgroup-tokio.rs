//! errgroup with tokio: a JoinSet runs the tasks and hands back their Results, and a
//! CancellationToken, cancelled at the first error, is the context the others watch.
//!
//! Run it with `cargo run --example errgroup-tokio`. Its Go counterpart is
//! go-reference/errgroup/main.go (`go run ./errgroup` in go-reference/); both print
//! go-reference/errgroup/expected.txt. Crates: tokio (features "rt-multi-thread", "macros",
//! "sync"), tokio-util. See also `cargo run --example errgroup`.

use std::sync::Arc;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

enum FetchError {
    NotFound(String),
    Cancelled,
}

/// "users" fails at once; the others return only when cancelled, so it is certain to be first.
async fn fetch(token: CancellationToken, name: &str) -> Result<(), FetchError> {
    if name == "users" {
        return Err(FetchError::NotFound(format!("{name}: not found")));
    }
    token.cancelled().await;
    Err(FetchError::Cancelled)
}

#[tokio::main]
async fn main() {
    // ## Start a group with a context
    // The token is the context; nothing cancels it by itself, the loop below does.
    let token = CancellationToken::new();

    // ## Run the tasks
    // Each task gets a clone of the token. set.abort_all() would also stop them, at their
    // next .await and without their help; the token lets them end on their own terms.
    let names = ["orders", "users", "stock"];
    let mut set = JoinSet::new();
    for (i, name) in names.into_iter().enumerate() {
        let token = token.clone();
        set.spawn(async move { (i, fetch(token, name).await) });
    }

    // ## Wait for all of them
    // join_next() yields tasks as they finish. The group is this loop: it keeps the first
    // error and cancels the token, which is what errgroup does inside g.Go.
    let mut first = None;
    let mut outcomes = [""; 3];
    while let Some(joined) = set.join_next().await {
        let (i, result) = joined.expect("no task panics");
        outcomes[i] = match result {
            Ok(()) => "done",
            Err(FetchError::Cancelled) => "stopped early",
            Err(FetchError::NotFound(e)) => {
                first.get_or_insert(e);
                token.cancel();
                "failed"
            }
        };
    }
    println!("first error: {}", first.as_deref().unwrap_or("none"));
    for (name, outcome) in names.iter().zip(outcomes) {
        println!("{name}: {outcome}");
    }

    // ## Bound how many run at once
    // tokio has no limit to set: a Semaphore of two permits is one. Waiting for a permit
    // blocks this loop as g.Go does; the task owns its permit, and frees it as it ends.
    let slots = Arc::new(Semaphore::new(2));
    let mut squares = Vec::new();
    for n in 1..=6 {
        let permit = Arc::clone(&slots).acquire_owned().await;
        let permit = permit.expect("the semaphore is never closed");
        squares.push(tokio::spawn(async move {
            let _permit = permit;
            n * n
        }));
    }
    print!("squares, two at a time:");
    for square in squares {
        print!(" {}", square.await.expect("no task panics"));
    }
    println!();
}

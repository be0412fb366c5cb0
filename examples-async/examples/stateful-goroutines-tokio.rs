//! An actor: a tokio task owns the state, and other tasks send it requests over an mpsc
//! channel, each carrying a oneshot channel for the reply.
//!
//! Run it with `cargo run --example stateful-goroutines-tokio`. Its Go twin is
//! go-reference/stateful-goroutines/main.go (`go run ./stateful-goroutines` in go-reference/);
//! both print go-reference/stateful-goroutines/expected.txt. Crates: tokio (features
//! "rt-multi-thread", "macros", "sync"). See also `stateful-goroutines`.

use std::collections::HashMap;

use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinSet;

/// Where Go needs a channel per kind of request, an enum puts every kind on one channel.
enum Request {
    /// Add to a key's total; the reply is the new total.
    Add(&'static str, u32, Reply),
    /// The reply is a key's total.
    Read(&'static str, Reply),
}

type Reply = oneshot::Sender<u32>;

/// One round trip to the actor: send a request made around a fresh oneshot, and await it.
async fn ask(actor: &mpsc::Sender<Request>, request: impl FnOnce(Reply) -> Request) -> u32 {
    let (reply, answer) = oneshot::channel();
    actor.send(request(reply)).await.expect("the actor runs");
    answer.await.expect("the actor replies")
}

#[tokio::main]
async fn main() {
    // ## Start the owner
    // tokio has no unbuffered channel; a bounded mailbox still gives back-pressure, as a
    // sender awaits while 32 requests are queued. The task owns the map, so no lock.
    let (requests, mut inbox) = mpsc::channel(32);
    let owner = tokio::spawn(async move {
        let mut totals = HashMap::new();
        while let Some(request) = inbox.recv().await {
            let (total, reply) = match request {
                Request::Add(key, delta, reply) => {
                    let total = totals.entry(key).or_insert(0);
                    *total += delta;
                    (*total, reply)
                }
                Request::Read(key, reply) => (totals.get(key).copied().unwrap_or(0), reply),
            };
            let _ = reply.send(total); // An error means the asker gave up waiting.
        }
    });

    // ## Send requests from several goroutines
    // Each task owns a clone of the Sender; the mailbox closes when the last one is dropped.
    let mut workers = JoinSet::new();
    for _ in 0..3 {
        let requests = requests.clone();
        workers.spawn(async move {
            let mut told = Vec::new();
            for _ in 0..10 {
                let add = |reply| Request::Add("hits", 1, reply);
                told.push(ask(&requests, add).await);
            }
            told
        });
    }
    let mut all: Vec<u32> = workers.join_all().await.concat();
    // The adds were served one at a time, so no two of them were told the same total.
    all.sort_unstable();
    all.dedup();
    println!("30 adds, each told a different total: {}", all.len() == 30);

    // ## Read through the owner
    let hits = ask(&requests, |reply| Request::Read("hits", reply)).await;
    println!("hits: {hits}");

    // ## Stop the owner
    drop(requests);
    owner.await.expect("the actor does not panic");
}

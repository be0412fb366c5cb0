//! A thread that owns its state: other threads send it requests over one mpsc channel, each
//! carrying a channel for the reply.
//!
//! Run it with `cargo run --example stateful-goroutines`. Its Go twin is
//! go-reference/stateful-goroutines/main.go (`go run ./stateful-goroutines` in go-reference/);
//! both print go-reference/stateful-goroutines/expected.txt. See also `stateful-goroutines-tokio`.

use std::collections::HashMap;
use std::sync::mpsc::{self, Sender};
use std::thread;

/// Where Go needs a channel per kind of request, an enum puts every kind on one channel.
enum Request {
    /// Add to a key's total; the reply is the new total.
    Add(&'static str, u32, Reply),
    /// The reply is a key's total.
    Read(&'static str, Reply),
}

type Reply = Sender<u32>;

/// One round trip to the owner: send a request made around a fresh reply channel, and wait.
fn ask(owner: &Sender<Request>, request: impl FnOnce(Reply) -> Request) -> u32 {
    let (reply, answer) = mpsc::channel();
    owner.send(request(reply)).expect("the owner is running");
    answer.recv().expect("the owner replies")
}

fn main() {
    // ## Start the owner
    // The map moves into the thread: no other thread can reach it, so there is nothing to
    // lock. The loop ends when every Sender is gone.
    let (requests, inbox) = mpsc::channel();
    let owner = thread::spawn(move || {
        let mut totals = HashMap::new();
        for request in inbox {
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
    // Scoped threads borrow the Sender (it is Sync) and return the totals they were told.
    let add_one = |reply| Request::Add("hits", 1, reply);
    let mut all = Vec::new();
    thread::scope(|s| {
        let worker = || (0..10).map(|_| ask(&requests, add_one)).collect::<Vec<_>>();
        let workers: Vec<_> = (0..3).map(|_| s.spawn(worker)).collect();
        for w in workers {
            all.extend(w.join().expect("a worker does not panic"));
        }
    });
    // The adds were served one at a time, so no two of them were told the same total.
    all.sort_unstable();
    all.dedup();
    println!("30 adds, each told a different total: {}", all.len() == 30);

    // ## Read through the owner
    let hits = ask(&requests, |reply| Request::Read("hits", reply));
    println!("hits: {hits}");

    // ## Stop the owner
    drop(requests);
    owner.join().expect("the owner does not panic");
}

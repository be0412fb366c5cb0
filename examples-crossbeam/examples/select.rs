//! crossbeam's select! waits on several channel operations and runs exactly one of them: the
//! one that can proceed, or a random one when several can. std's mpsc has no select.
//!
//! Run it with `cargo run --example select`. Its Go counterpart is go-reference/select/main.go
//! (`go run ./select` in go-reference/); both print go-reference/select/expected.txt.
//! Crates: crossbeam. See also `cargo run --example select-tokio`, the same over futures.

use std::thread;

use crossbeam::channel::{bounded, select};

fn main() {
    // ## Wait until one case is ready
    // select! blocks this thread until one operation can complete, then completes that one
    // alone, as Go's select does. `_a_tx` must stay alive: once every Sender is dropped, a
    // receive is always ready (with an Err), just as a closed Go channel is.
    let (_a_tx, a) = bounded::<String>(0);
    let (b_tx, b) = bounded::<String>(0);
    let sender = thread::spawn(move || b_tx.send("hello".into()).expect("main is receiving"));
    select! {
        recv(a) -> msg => println!("a: {}", msg.expect("_a_tx keeps a connected")),
        recv(b) -> msg => println!("b: {}", msg.expect("the sender sends before it hangs up")),
    }
    sender.join().expect("the sending thread does not panic");

    // ## Choose at random among ready cases
    // Like Go's runtime, select! shuffles its operations before trying them, so each ready
    // one is equally likely to run. Where Go needs a nested select to give one case
    // priority, crossbeam has select_biased!, which tries the operations in written order.
    let (left_tx, left) = bounded(1000);
    let (right_tx, right) = bounded(1000);
    for i in 0..1000 {
        left_tx.send(i).expect("left has room");
        right_tx.send(i).expect("right has room");
    }
    let (mut left_wins, mut right_wins) = (0, 0);
    for _ in 0..1000 {
        select! {
            recv(left) -> _ => left_wins += 1,
            recv(right) -> _ => right_wins += 1,
        }
    }
    // Only what is certain is printed: neither case starved.
    let both = left_wins > 0 && right_wins > 0;
    println!("both ready cases won at least once in 1000 tries: {both}");
}

//! tokio::select! waits on several futures and runs the branch of exactly one: the first to
//! complete, or, when several are ready, the first found from a random starting branch.
//!
//! Run it with `cargo run --example select-tokio`. Its Go counterpart is
//! go-reference/select/main.go (`go run ./select` in go-reference/); both print
//! go-reference/select/expected.txt. Crates: tokio (features "macros", "rt-multi-thread",
//! "sync"). See also `cargo run --example select`, crossbeam's select! over channels.

use tokio::sync::mpsc;

#[tokio::main]
async fn main() {
    // ## Wait until one case is ready
    // select! polls every branch's future on this task and runs the branch of the first to
    // complete; the others are dropped, which loses nothing for a cancel-safe future such as
    // recv(). `_a_tx` keeps `a` open: a closed channel's recv() is ready at once with None.
    let (_a_tx, mut a) = mpsc::channel::<String>(1);
    let (b_tx, mut b) = mpsc::channel::<String>(1);
    let sender = tokio::spawn(async move { b_tx.send("hello".into()).await });
    tokio::select! {
        Some(msg) = a.recv() => println!("a: {msg}"),
        Some(msg) = b.recv() => println!("b: {msg}"),
    }
    let sent = sender.await.expect("the sending task does not panic");
    sent.expect("main was receiving");

    // ## Choose at random among ready cases
    // Not uniform, as Go is: select! starts polling at a random branch and goes round in
    // written order. Of branches A, B, C with only A and B ready, A wins when the start is A
    // or C, two times in three; tokio promises only "some fairness". With two branches, as
    // here, each wins about half the time. `biased;` polls in written order instead.
    let (left_tx, mut left) = mpsc::channel(1000);
    let (right_tx, mut right) = mpsc::channel(1000);
    for i in 0..1000 {
        left_tx.send(i).await.expect("left has room");
        right_tx.send(i).await.expect("right has room");
    }
    let (mut left_wins, mut right_wins) = (0, 0);
    for _ in 0..1000 {
        tokio::select! {
            _ = left.recv() => left_wins += 1,
            _ = right.recv() => right_wins += 1,
        }
    }
    // Only what is certain is printed: neither branch starved.
    let both = left_wins > 0 && right_wins > 0;
    println!("both ready cases won at least once in 1000 tries: {both}");
}

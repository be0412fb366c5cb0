//! Select with tokio: wait on several futures at once, with a timeout, fairness, priority
//! (`biased;`), `else`, and what happens to the branches that lose.
//!
//! Run it with `cargo run --example select-tokio`. Its Go twin is go-reference/select/main.go
//! (`go run ./select` in go-reference/); both print go-reference/select/expected.txt.
//! Crates: tokio (features "rt-multi-thread", "macros", "sync", "time"). See also `select`.

use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::sleep;

#[tokio::main]
async fn main() {
    // ## One case ready
    // `tokio::select!` polls several futures on the current task and runs the branch of the
    // first to complete; the others are dropped (see the last step). A branch's pattern, here
    // `Some(msg)`, must match, or the branch is disabled for this select. tokio's mpsc has no
    // unbuffered channel (capacity 1 is the smallest), and `_a_tx` keeps `a` open.
    let (_a_tx, mut a) = mpsc::channel::<String>(1);
    let (b_tx, mut b) = mpsc::channel::<String>(1);
    let sender = tokio::spawn(async move { b_tx.send("hello".into()).await });
    tokio::select! {
        Some(msg) = a.recv() => println!("a: {msg}"),
        Some(msg) = b.recv() => println!("b: {msg}"),
    }
    let sent = sender.await.expect("the sending task does not panic");
    sent.expect("main was receiving");

    // ## Time out
    // Any future can be a branch, so a timeout is a `sleep`. Only this task waits: the worker
    // thread runs other tasks meanwhile. (tokio::time::timeout wraps a single future.)
    tokio::select! {
        Some(msg) = a.recv() => println!("a: {msg}"),
        () = sleep(Duration::from_millis(20)) => println!("timeout: nothing on a after 20ms"),
    }

    // ## Try without blocking
    // select! has no `default`. Its `else` branch is something else: it runs when every
    // branch is disabled (see the next step). A non-blocking try is `try_recv` / `try_send`.
    match a.try_recv() {
        Ok(msg) => println!("a: {msg}"),
        Err(_) => println!("a is empty: default ran"),
    }
    let (buf_tx, _buf_rx) = mpsc::channel(1);
    for i in 1..=2 {
        match buf_tx.try_send(i) {
            Ok(()) => println!("sent {i}"),
            Err(_) => println!("buffer full, dropped {i}"),
        }
    }

    // ## Receive until both channels are closed
    // Once a channel is closed and drained, `recv()` returns None at once, so `Some(n)` fails
    // and that branch sits out the round, as a nil channel sits out Go's select. When both are
    // closed, every branch is disabled and `else` ends the loop. Dropping the last Sender
    // closes a channel.
    let (odd_tx, mut odds) = mpsc::channel(1);
    let (even_tx, mut evens) = mpsc::channel(1);
    let produce = |tx: mpsc::Sender<i32>, values: &'static [i32]| {
        tokio::spawn(async move {
            for &n in values {
                tx.send(n).await.expect("main receives");
            }
        })
    };
    let producers = [produce(odd_tx, &[1, 3, 5]), produce(even_tx, &[2, 4])];
    let (mut got_odds, mut got_evens) = (Vec::new(), Vec::new());
    loop {
        tokio::select! {
            Some(n) = odds.recv() => got_odds.push(n),
            Some(n) = evens.recv() => got_evens.push(n),
            else => break,
        }
    }
    for p in producers {
        p.await.expect("a producer does not panic");
    }
    println!(
        "odds: {} evens: {}",
        go_slice(&got_odds),
        go_slice(&got_evens)
    );

    // ## Fairness among ready cases
    // By default select! starts polling at a randomly chosen branch, so among ready branches
    // each wins about equally often, as in Go.
    let (left_tx, mut left) = mpsc::channel(1000);
    let (right_tx, mut right) = mpsc::channel(1000);
    for i in 0..1000 {
        left_tx.send(i).await.expect("left has room");
        right_tx.send(i).await.expect("right has room");
    }
    let mut counts = [0; 2];
    for _ in 0..1000 {
        tokio::select! {
            _ = left.recv() => counts[0] += 1,
            _ = right.recv() => counts[1] += 1,
        }
    }
    let both = counts[0] >= 100 && counts[1] >= 100;
    println!("1000 selects, both cases chosen at least 100 times: {both}");

    // ## Give one case priority
    // `biased;` polls the branches in the order written: the first ready one wins.
    let (urgent_tx, mut urgent) = mpsc::channel(1);
    let (normal_tx, mut normal) = mpsc::channel(2);
    normal_tx.send("tick1").await.expect("room for two");
    normal_tx.send("tick2").await.expect("room for two");
    urgent_tx.send("alarm").await.expect("room for one");
    let mut order = Vec::new();
    for _ in 0..3 {
        tokio::select! {
            biased;
            Some(m) = urgent.recv() => order.push(m),
            Some(m) = normal.recv() => order.push(m),
        }
    }
    println!("priority order: [{}]", order.join(" "));

    // ## What a losing branch loses
    // The losing futures are dropped mid-flight. That is harmless for a future that is
    // "cancel safe" (tokio's select! docs list them: mpsc::Receiver::recv is one, which is why
    // the loops above lose nothing). A future that has done part of its work loses that part:
    // this one takes a header, then waits for a body that comes too late.
    let (tx, mut rx) = mpsc::channel::<&str>(2);
    tx.send("header").await.expect("room for two");
    let read_message = async {
        let header = rx.recv().await;
        let body = rx.recv().await;
        (header, body)
    };
    tokio::select! {
        _ = read_message => unreachable!("the body is never sent in time"),
        () = sleep(Duration::from_millis(20)) => {}
    }
    tx.send("body").await.expect("room for two");
    // The header was taken out of the channel by a future that no longer exists: it is gone.
    assert_eq!(rx.recv().await, Some("body"));
}

/// Formats like Go's fmt.Println of a slice: `[1 3 5]`.
fn go_slice(values: &[i32]) -> String {
    let items: Vec<String> = values.iter().map(i32::to_string).collect();
    format!("[{}]", items.join(" "))
}

//! Select with crossbeam: wait on several channels at once, with a timeout, a non-blocking
//! try, a run-time set of channels and fairness.
//!
//! Run it with `cargo run --example select`. Its Go twin is go-reference/select/main.go
//! (`go run ./select` in go-reference/); both print go-reference/select/expected.txt.
//! Crates: crossbeam. See also `select-tokio` (the same over futures, inside tokio).

use std::thread;
use std::time::Duration;

use crossbeam::channel::{Select, Sender, after, bounded, select, select_biased};

fn main() {
    // ## One case ready
    // std's mpsc has no select; crossbeam's `select!` is a macro over a run-time algorithm much
    // like Go's selectgo: it registers the operations, picks a ready one at random, and
    // otherwise parks the thread on all of them. `_a_tx` must stay alive: dropping the last
    // Sender disconnects `a`, and a disconnected receiver is always ready (with an Err), just
    // as a closed Go channel is.
    let (_a_tx, a) = bounded::<String>(0);
    let (b_tx, b) = bounded::<String>(0);
    let sender = thread::spawn(move || b_tx.send("hello".into()).expect("main is receiving"));
    select! {
        recv(a) -> msg => println!("a: {}", msg.expect("a stays connected")),
        recv(b) -> msg => println!("b: {}", msg.expect("the sender sends before it hangs up")),
    }
    sender.join().expect("the sending thread does not panic");

    // ## Time out
    // `after(d)` is time.After: a channel that delivers one Instant once `d` has passed. The
    // select blocks this OS thread (there is no runtime to hand it to) until a case is ready.
    select! {
        recv(a) -> msg => println!("a: {msg:?}"),
        recv(after(Duration::from_millis(20))) -> _ => println!("timeout: nothing on a after 20ms"),
    }

    // ## Try without blocking
    // `default` runs when no operation is ready, as in Go. For one channel, `try_recv` and
    // `try_send` say the same thing more directly. A select may also hold `send` operations.
    select! {
        recv(a) -> msg => println!("a: {msg:?}"),
        default => println!("a is empty: default ran"),
    }
    let (buf_tx, _buf_rx) = bounded(1);
    for i in 1..=2 {
        select! {
            send(buf_tx, i) -> res => {
                res.expect("_buf_rx is still alive");
                println!("sent {i}");
            }
            default => println!("buffer full, dropped {i}"),
        }
    }

    // ## Receive until both channels are closed
    // `select!` needs its cases written out. The `Select` type takes a set of operations
    // built at run time (here a Vec of receivers) and says which one is ready by index.
    // Go disables a closed channel's case by setting it to nil; here we `remove` the closed
    // receiver's operation. (In a `select!`, replacing a receiver with `never()`, a channel
    // that is never ready, plays the role of nil.) Each producer thread owns its Sender and
    // drops it when it returns: that is Go's close().
    let (odd_tx, odds) = bounded(0);
    let (even_tx, evens) = bounded(0);
    let produce = |tx: Sender<i32>, values: &'static [i32]| {
        thread::spawn(move || {
            values
                .iter()
                .for_each(|&n| tx.send(n).expect("main receives"))
        })
    };
    let producers = [produce(odd_tx, &[1, 3, 5]), produce(even_tx, &[2, 4])];
    let receivers = vec![odds, evens];
    let mut got: Vec<Vec<i32>> = vec![Vec::new(); receivers.len()];
    let mut sel = Select::new();
    for rx in &receivers {
        sel.recv(rx); // Returns the operation's index: 0, 1, ... in the order added.
    }
    let mut open = receivers.len();
    while open > 0 {
        let oper = sel.select();
        let i = oper.index();
        // The chosen operation must be completed with the same receiver it was built from.
        match oper.recv(&receivers[i]) {
            Ok(n) => got[i].push(n),
            Err(_) => {
                sel.remove(i);
                open -= 1;
            }
        }
    }
    for p in producers {
        p.join().expect("a producer does not panic");
    }
    println!("odds: {} evens: {}", go_slice(&got[0]), go_slice(&got[1]));

    // ## Fairness among ready cases
    // Like Go, crossbeam shuffles the operations before polling them, so among ready cases
    // each is chosen at random; neither channel can starve the other.
    let (left_tx, left) = bounded(1000);
    let (right_tx, right) = bounded(1000);
    for i in 0..1000 {
        left_tx.send(i).expect("left has room");
        right_tx.send(i).expect("right has room");
    }
    let mut counts = [0; 2];
    for _ in 0..1000 {
        select! {
            recv(left) -> _ => counts[0] += 1,
            recv(right) -> _ => counts[1] += 1,
        }
    }
    let both = counts[0] >= 100 && counts[1] >= 100;
    println!("1000 selects, both cases chosen at least 100 times: {both}");

    // ## Give one case priority
    // Go needs a nested select for this; crossbeam has `select_biased!` (and
    // `Select::new_biased`), which tries the operations in the order written.
    let (urgent_tx, urgent) = bounded(1);
    let (normal_tx, normal) = bounded(2);
    normal_tx.send("tick1").expect("room for two");
    normal_tx.send("tick2").expect("room for two");
    urgent_tx.send("alarm").expect("room for one");
    let mut order = Vec::new();
    for _ in 0..3 {
        select_biased! {
            recv(urgent) -> m => order.push(m.expect("urgent_tx is alive")),
            recv(normal) -> m => order.push(m.expect("normal_tx is alive")),
        }
    }
    println!("priority order: [{}]", order.join(" "));
}

/// Formats like Go's fmt.Println of a slice: `[1 3 5]`.
fn go_slice(values: &[i32]) -> String {
    let items: Vec<String> = values.iter().map(i32::to_string).collect();
    format!("[{}]", items.join(" "))
}

//! Museum: a leaked thread. This one compiles: Rust does not catch it.
//! The slower replica sends on a channel whose Receiver is still alive but never read again,
//! and a rendezvous channel (`sync_channel(0)`) blocks that send forever. rustc accepts it and
//! nothing reports it; the thread ends only when the process does. Rust programs avoid it with
//! thread::scope, which joins every thread it started (`--example scoped-threads`), or by
//! dropping the Receiver, which makes the blocked send return Err.
//! Go's version is go-reference/museum/leaked-goroutine/main.go.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

fn main() {
    let (replies, inbox) = mpsc::sync_channel(0);
    let replica = |name: &'static str, delay: u64| {
        let replies = replies.clone();
        thread::spawn(move || {
            thread::sleep(Duration::from_millis(delay));
            let _ = replies.send(name);
        })
    };
    let fast = replica("fast", 0);
    let slow = replica("slow", 10);
    let first = inbox.recv().expect("a replica replies");
    println!("first reply: {first}");

    // The winner's thread ends once its reply is taken; the loser's blocks on its send for as
    // long as `inbox` lives, which is until the process exits.
    let (winner, loser) = if first == "fast" {
        (fast, slow)
    } else {
        (slow, fast)
    };
    winner.join().expect("the winner does not panic");
    thread::sleep(Duration::from_millis(100));
    assert!(
        !loser.is_finished(),
        "the other replica is blocked on its send"
    );
    println!("threads still running: 1");
}

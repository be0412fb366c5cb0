//! Channel directions: a channel's two ends are two types, so a function's signature says
//! which end it takes, and it takes that end by value.
//!
//! Run it with `cargo run --example channel-directions`. Its Go twin is
//! go-reference/channel-directions/main.go (`go run ./channel-directions` in go-reference/);
//! both print go-reference/channel-directions/expected.txt. See also
//! `channel-directions-crossbeam` and `channel-directions-tokio`.

use std::sync::mpsc::{self, Receiver, SyncSender};
use std::thread;

// ## A send-only parameter
// A SyncSender (the sending end of a sync_channel; mpsc::channel's is a Sender) has no
// recv(). produce owns it, so when produce returns the Sender is dropped, and that closes
// the channel: there is no close() to forget or to call twice.
fn produce(out: SyncSender<i32>) {
    for i in 1..=4 {
        out.send(i).expect("square receives until we are done");
    }
}

// ## A receive-only parameter
// A Receiver has no send(). When the input is closed and drained, square returns and
// drops `out`: that is Go's close(out) at the end of the stage.
fn square(input: Receiver<i32>, out: SyncSender<i32>) {
    for v in input {
        out.send(v * v).expect("main receives until we are done");
    }
}

// ## Connect the stages
// sync_channel returns the two ends separately; there is no value that can do both. Each
// end is moved into its thread, so main cannot touch nums at all, and keeps only the
// Receiver of squares.
fn main() {
    let (nums_tx, nums_rx) = mpsc::sync_channel(0);
    let (squares_tx, squares_rx) = mpsc::sync_channel(0);
    thread::spawn(move || produce(nums_tx));
    thread::spawn(move || square(nums_rx, squares_tx));
    print!("squares:");
    for v in squares_rx {
        print!(" {v}");
    }
    println!();
}

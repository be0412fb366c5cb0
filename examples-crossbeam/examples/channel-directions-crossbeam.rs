//! Channel directions with crossbeam: a channel's two ends are two types, so a function's
//! signature says which end it takes.
//!
//! Run it with `cargo run --example channel-directions-crossbeam`. Its Go twin is
//! go-reference/channel-directions/main.go (`go run ./channel-directions` in go-reference/);
//! both print go-reference/channel-directions/expected.txt. Crates: crossbeam. See also
//! `channel-directions` (std) and `channel-directions-tokio`.

use std::thread;

use crossbeam::channel::{self, Receiver, Sender};

// ## A send-only parameter
// A Sender has no recv(). produce owns it, so when produce returns the Sender is dropped,
// and being the last one, that closes the channel.
fn produce(out: Sender<i32>) {
    for i in 1..=4 {
        out.send(i).expect("square receives until we are done");
    }
}

// ## A receive-only parameter
// A Receiver has no send(). When the input is closed and drained, square returns and
// drops `out`: that is Go's close(out) at the end of the stage.
fn square(input: Receiver<i32>, out: Sender<i32>) {
    for v in input {
        out.send(v * v).expect("main receives until we are done");
    }
}

// ## Connect the stages
// bounded(0) returns the two ends separately. Each end is moved into its scoped thread,
// so main keeps only the Receiver of squares; the scope joins both stages.
fn main() {
    let (nums_tx, nums_rx) = channel::bounded(0);
    let (squares_tx, squares_rx) = channel::bounded(0);
    thread::scope(|s| {
        s.spawn(move || produce(nums_tx));
        s.spawn(move || square(nums_rx, squares_tx));
        print!("squares:");
        for v in squares_rx {
            print!(" {v}");
        }
        println!();
    });
}

//! Channel directions between tokio tasks: a channel's two ends are two types, so an async
//! function's signature says which end it takes.
//!
//! Run it with `cargo run --example channel-directions-tokio`. Its Go twin is
//! go-reference/channel-directions/main.go (`go run ./channel-directions` in go-reference/);
//! both print go-reference/channel-directions/expected.txt. Crates: tokio (features
//! "rt-multi-thread", "macros", "sync"). See also `channel-directions` (std).

use tokio::sync::mpsc::{self, Receiver, Sender};

// ## A send-only parameter
// A Sender has no recv(). produce owns it, so when its future completes the Sender is
// dropped, and being the last one, that closes the channel.
async fn produce(out: Sender<i32>) {
    for i in 1..=4 {
        out.send(i)
            .await
            .expect("square receives until we are done");
    }
}

// ## A receive-only parameter
// A Receiver has no send(), and recv() needs `&mut`, so the stage binds it `mut`. When
// the input is closed and drained, square returns and drops `out`: Go's close(out).
async fn square(mut input: Receiver<i32>, out: Sender<i32>) {
    while let Some(v) = input.recv().await {
        out.send(v * v)
            .await
            .expect("main receives until we are done");
    }
}

// ## Connect the stages
// mpsc::channel returns the two ends separately (its smallest buffer holds one value).
// Each end is moved into its task's future, so main keeps only the Receiver of squares.
#[tokio::main]
async fn main() {
    let (nums_tx, nums_rx) = mpsc::channel(1);
    let (squares_tx, mut squares_rx) = mpsc::channel(1);
    tokio::spawn(produce(nums_tx));
    tokio::spawn(square(nums_rx, squares_tx));
    print!("squares:");
    while let Some(v) = squares_rx.recv().await {
        print!(" {v}");
    }
    println!();
}

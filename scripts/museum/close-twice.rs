//! Museum: closing a channel that is already closed.
//! rustc rejects it (E0382): closing is dropping the Sender, which `produce` already did;
//! the caller has no Sender left to drop.
//! Go's version is go-reference/museum/close-twice/main.go; the fix is `--example closing-channels`.

use std::sync::mpsc::{self, Sender};

fn produce(out: Sender<i32>) {
    for i in 0..3 {
        out.send(i).unwrap();
    }
    drop(out);
}

fn main() {
    let (out, results) = mpsc::channel();
    produce(out);
    for v in results.iter() {
        println!("got {v}");
    }
    drop(out);
}

//! Museum: sending on a channel that another thread has closed.
//! rustc rejects it (E0382): the worker owns its Sender, so main cannot drop (close) it.
//! The channel closes when the last Sender is dropped, and a send whose Receiver is gone
//! returns Err instead of panicking.
//! Go's version is go-reference/museum/send-on-closed/main.go; the fix is `--example closing-channels`.

use std::sync::mpsc;
use std::thread;

fn main() {
    let (results, inbox) = mpsc::channel();
    let worker = thread::spawn(move || results.send(42));
    drop(results);
    worker.join().unwrap().unwrap();
    println!("got {}", inbox.recv().unwrap());
}

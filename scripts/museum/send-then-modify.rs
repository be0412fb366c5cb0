//! Museum: a value changed by the sender after it was sent.
//! rustc rejects it (E0382): send() takes the Vec by value, so it has moved to the receiver.
//! Go's version is go-reference/museum/send-then-modify/main.go; the fix is `--example unbuffered-channels`.

use std::sync::mpsc;
use std::thread;

fn main() {
    let (batches, inbox) = mpsc::channel::<Vec<i32>>();
    let receiver = thread::spawn(move || {
        let batch = inbox.recv().unwrap();
        println!("receiver's sum: {}", batch.iter().sum::<i32>());
    });
    let mut batch = vec![1, 2, 3];
    batches.send(batch).unwrap();
    batch[0] = 99;
    receiver.join().unwrap();
}

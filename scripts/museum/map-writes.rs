//! Museum: a map written by two threads.
//! rustc rejects it (E0596): an Arc hands out shared references only, and insert needs `&mut`.
//! Go's version is go-reference/museum/map-writes/main.go; the fix is `--example mutex`.

use std::collections::HashMap;
use std::sync::Arc;
use std::thread;

fn main() {
    let owner = Arc::new(HashMap::new());
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let owner = Arc::clone(&owner);
            thread::spawn(move || {
                for i in 0..1024 {
                    owner.insert(i, w);
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().unwrap();
    }
}

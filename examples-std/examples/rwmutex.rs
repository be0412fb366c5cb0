//! RwLock: `std::sync::RwLock<T>` owns its data like Mutex<T>; read() guards can coexist,
//! a write() guard is exclusive.
//!
//! Run it with `cargo run --example rwmutex`. Its Go twin is go-reference/rwmutex/main.go
//! (`go run ./rwmutex` in go-reference/); both print go-reference/rwmutex/expected.txt.

use std::collections::HashMap;
use std::sync::{Barrier, RwLock};
use std::thread;
use std::time::Duration;

fn main() {
    let keys = ["lang", "mascot", "year"];

    // ## Fill the map under the write lock
    // write() returns a guard that derefs to &mut HashMap; the statement's end drops it.
    // Scoped threads below borrow `store` directly, so it needs no Arc.
    let store = RwLock::new(HashMap::new());
    store.write().expect("no writer has panicked").extend([
        ("lang", "go"),
        ("mascot", "gopher"),
        ("year", "2009"),
    ]);

    // ## Readers share the lock
    // A read guard derefs to &HashMap only: no mutation through it. Each reader holds one
    // and waits at a Barrier, which opens only when all of them have arrived, so only while
    // all of them hold the read lock at once.
    let barrier = Barrier::new(keys.len());
    let lines: Vec<String> = thread::scope(|s| {
        let readers: Vec<_> = keys
            .iter()
            .map(|&key| {
                let (store, barrier) = (&store, &barrier);
                s.spawn(move || {
                    let m = store.read().expect("no writer has panicked");
                    barrier.wait();
                    format!("{key}={}", m[key])
                }) // `m` drops as the closure returns: read lock released
            })
            .collect();
        let joined = readers
            .into_iter()
            .map(|h| h.join().expect("readers do not panic"));
        joined.collect()
    });
    println!("readers holding the read lock at once: {}", keys.len());
    for (i, line) in lines.iter().enumerate() {
        println!("reader {i}: {line}");
    }

    // ## One writer at a time
    // write() blocks while any read guard is alive, so main, still reading, sees the old
    // value. The sleep only gives the writer time to reach write(). A poisoned RwLock means a
    // writer panicked; a panicking reader cannot have left the data half written.
    let lang = thread::scope(|s| {
        let reading = store.read().expect("no writer has panicked");
        s.spawn(|| {
            let mut m = store.write().expect("no writer has panicked");
            m.extend([("lang", "rust"), ("mascot", "ferris"), ("year", "2015")]);
        });
        thread::sleep(Duration::from_millis(20));
        reading["lang"] // a &'static str, copied out; the guard drops, the scope joins
    });
    println!("while a reader holds the lock, the writer waits: lang={lang}");

    // ## Read after the write
    let pairs: Vec<String> = {
        let m = store.read().expect("no writer has panicked");
        keys.iter().map(|k| format!("{k}={}", m[k])).collect()
    };
    println!("after the write: {}", pairs.join(" "));
}

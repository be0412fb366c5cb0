//! RwLock: `std::sync::RwLock<T>` owns its data like Mutex<T>; read() guards can coexist,
//! a write() guard is exclusive.
//!
//! Run it with `cargo run --example rwmutex`. Its Go twin is go-reference/rwmutex/main.go
//! (`go run ./rwmutex` in go-reference/); both print go-reference/rwmutex/expected.txt.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};
use std::sync::{Barrier, RwLock};
use std::thread;
use std::time::Duration;

fn main() {
    // ## Fill the map under the write lock
    // write() returns a guard that derefs to &mut HashMap; the block's end drops it.
    // Scoped threads below borrow `store` directly, so it needs no Arc.
    let store = RwLock::new(HashMap::new());
    {
        let mut m = store.write().expect("no writer has panicked");
        for (k, v) in [("lang", "go"), ("mascot", "gopher"), ("year", "2009")] {
            m.insert(k.to_string(), v.to_string());
        }
    }

    // ## Readers share the lock
    // Each reader holds a read guard (derefs to &HashMap only: no mutation through it),
    // counts itself in, and waits at a Barrier until all three have arrived, which can only
    // happen while all three hold the read lock at once. Relaxed suffices for `inside`: each
    // fetch_add returns the latest count, and the Barrier orders every increment before
    // every decrement, so the last reader in always sees 3.
    let keys = ["lang", "mascot", "year"];
    let (barrier, inside) = (Barrier::new(keys.len()), AtomicUsize::new(0));
    let results: Vec<(usize, String)> = thread::scope(|s| {
        let handles: Vec<_> = keys
            .iter()
            .map(|&key| {
                let (store, barrier, inside) = (&store, &barrier, &inside);
                s.spawn(move || {
                    let m = store.read().expect("no writer has panicked");
                    let peak = inside.fetch_add(1, Relaxed) + 1; // this reader included
                    barrier.wait();
                    let line = format!("{key}={}", m[key]);
                    inside.fetch_sub(1, Relaxed);
                    (peak, line)
                }) // `m` is dropped as the closure returns: read lock released
            })
            .collect();
        let joined = handles
            .into_iter()
            .map(|h| h.join().expect("readers do not panic"));
        joined.collect()
    });
    let most = results.iter().map(|(peak, _)| *peak).max().unwrap_or(0);
    println!("readers holding the read lock at once: {most}");
    for (i, (_, line)) in results.iter().enumerate() {
        println!("reader {i}: {line}");
    }

    // ## One writer at a time
    // write() blocks while any read guard is alive, so `wrote` is still false when main looks
    // (Relaxed is enough: the writer's store comes after it acquires the lock, and that comes
    // after main's load and drop). Whether a waiting writer also holds back *new* readers is
    // up to the platform, the std docs say. On Linux, std's futex RwLock does hold them back,
    // as Go does, so a second read() on a thread that already holds one can deadlock here too
    // (the docs also allow read() to panic in that case). A poisoned RwLock means a *writer*
    // panicked; a panicking reader cannot have left the data half written.
    let wrote = AtomicBool::new(false);
    thread::scope(|s| {
        let reading = store.read().expect("no writer has panicked");
        s.spawn(|| {
            let mut m = store.write().expect("no writer has panicked");
            for (k, v) in [("lang", "rust"), ("mascot", "ferris"), ("year", "2015")] {
                m.insert(k.to_string(), v.to_string());
            }
            wrote.store(true, Relaxed);
        });
        thread::sleep(Duration::from_millis(20));
        println!("the writer waited for the reader: {}", !wrote.load(Relaxed));
        drop(reading); // let the writer in; the scope then joins it
    });

    // ## Read the map in sorted order
    // HashMap iterates in an order that depends on its random seed (each map's RandomState
    // differs), so sort
    // the keys (or keep a BTreeMap, which is always sorted). The guard lives for this block.
    let line = {
        let m = store.read().expect("no writer has panicked");
        let mut names: Vec<&String> = m.keys().collect();
        names.sort();
        let pairs: Vec<String> = names.iter().map(|k| format!("{k}={}", m[*k])).collect();
        pairs.join(" ")
    };
    println!("after the write: {line}");
}

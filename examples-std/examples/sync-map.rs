//! A map shared between threads with std: a HashMap inside an RwLock, where readers share
//! the lock and a writer takes it alone. std has no concurrent map type.
//!
//! Run it with `cargo run --example sync-map`. Its Go counterpart is
//! go-reference/sync-map/main.go (`go run ./sync-map` in go-reference/); both print
//! go-reference/sync-map/expected.txt. See also `cargo run --example sync-map-dashmap`.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::sync::RwLock;
use std::thread;

fn main() {
    // ## Store from several goroutines
    // The map's types are part of its type: every value is a usize, checked at compile
    // time. Each insert takes the write lock, so the writers go one at a time.
    let lengths: RwLock<HashMap<&str, usize>> = RwLock::default();
    let words = ["goroutine", "channel", "mutex", "select"];
    thread::scope(|s| {
        for word in words {
            let lengths = &lengths;
            s.spawn(move || {
                lengths
                    .write()
                    .expect("no writer panics")
                    .insert(word, word.len())
            });
        }
    });

    // ## Load a key
    // get() returns Option<&usize>, borrowed from the map through the read guard.
    let map = lengths.read().expect("no writer panicked");
    if let Some(n) = map.get("mutex") {
        println!("mutex: {n}");
    }
    if !map.contains_key("atomic") {
        println!("atomic: absent");
    }
    drop(map); // A writer below would wait for ever for this read guard.

    // ## Load or store, from racing goroutines
    // entry() under the write lock is LoadOrStore: exactly one thread finds the slot
    // vacant and fills it. Each thread returns whether it loaded, and join() collects it.
    let loaded = thread::scope(|s| {
        let handles = [(); 4].map(|()| {
            s.spawn(
                || match lengths.write().expect("no writer panics").entry("atomic") {
                    Entry::Occupied(_) => true,
                    Entry::Vacant(slot) => {
                        slot.insert("atomic".len());
                        false
                    }
                },
            )
        });
        handles.map(|h| h.join().expect("no thread panics"))
    });
    let loaded_by = loaded.iter().filter(|&&loaded| loaded).count();
    println!("atomic: stored by {}, loaded by {loaded_by}", 4 - loaded_by);

    // ## Range over the entries
    // A HashMap iterates in no fixed order either; sorting the pairs sorts by key.
    let map = lengths.read().expect("no writer panicked");
    let mut entries: Vec<_> = map.iter().collect();
    entries.sort();
    print!("entries:");
    for (key, value) in entries {
        print!(" {key}={value}");
    }
    println!();
}

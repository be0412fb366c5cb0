//! A concurrent map with dashmap: `DashMap` splits its entries into shards, each behind an
//! RwLock of its own, so threads that touch different keys rarely wait for each other.
//!
//! Run it with `cargo run --example sync-map-dashmap`. Its Go counterpart is
//! go-reference/sync-map/main.go (`go run ./sync-map` in go-reference/); both print
//! go-reference/sync-map/expected.txt. Crates: dashmap. See also `cargo run --example sync-map`.

use std::thread;

use dashmap::DashMap;
use dashmap::mapref::entry::Entry;

fn main() {
    // ## Store from several goroutines
    // Like sync.Map, a DashMap takes &self to insert, so threads share it with no lock of
    // their own; unlike it, its keys and values have types.
    let lengths: DashMap<&str, usize> = DashMap::new();
    let words = ["goroutine", "channel", "mutex", "select"];
    thread::scope(|s| {
        for word in words {
            let lengths = &lengths;
            s.spawn(move || lengths.insert(word, word.len()));
        }
    });

    // ## Load a key
    // get() returns a guard that holds its shard's read lock: keep it short, since an
    // insert into the same shard from this thread, while it lives, would deadlock.
    if let Some(n) = lengths.get("mutex") {
        println!("mutex: {}", *n);
    }
    if !lengths.contains_key("atomic") {
        println!("atomic: absent");
    }

    // ## Load or store, from racing goroutines
    // entry() write-locks the key's shard: exactly one thread finds the slot vacant.
    let loaded = thread::scope(|s| {
        let handles = [(); 4].map(|()| {
            s.spawn(|| match lengths.entry("atomic") {
                Entry::Occupied(_) => true,
                Entry::Vacant(slot) => {
                    slot.insert("atomic".len());
                    false
                }
            })
        });
        handles.map(|h| h.join().expect("no thread panics"))
    });
    let loaded_by = loaded.iter().filter(|&&loaded| loaded).count();
    println!("atomic: stored by {}, loaded by {loaded_by}", 4 - loaded_by);

    // ## Range over the entries
    // iter() locks one shard at a time, as it reaches it; as with Range, entries written
    // meanwhile may or may not be seen. The order is no more fixed than Go's.
    let mut entries: Vec<(&str, usize)> = lengths.iter().map(|e| (*e.key(), *e.value())).collect();
    entries.sort();
    print!("entries:");
    for (key, value) in entries {
        print!(" {key}={value}");
    }
    println!();
}

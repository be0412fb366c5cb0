//! singleflight with std, which has no such group: a map from key to the call in flight, a
//! `OnceLock` that one caller fills while the others block on it, and the key then forgotten.
//!
//! Run it with `cargo run --example singleflight`. Its Go counterpart is
//! go-reference/singleflight/main.go (`go run ./singleflight` in go-reference/); both print
//! go-reference/singleflight/expected.txt. See also `cargo run --example singleflight-tokio`.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::{Arc, Barrier, Mutex, OnceLock};
use std::thread;

/// A call's result, once made: the value, and whether more than one caller shared it.
type Call = Arc<OnceLock<(String, bool)>>;

/// The calls in flight, each with the number of callers that joined it.
#[derive(Default)]
struct Group(Mutex<HashMap<&'static str, (Call, usize)>>);

impl Group {
    /// Joins the call in flight for `key`, or starts one: DoChan's part before it returns.
    fn join(&self, key: &'static str) -> Call {
        let mut calls = self.0.lock().expect("no caller panics");
        let (call, callers) = calls.entry(key).or_default();
        *callers += 1;
        Arc::clone(call)
    }

    /// Waits for the call's result. The first caller to get here runs `load` while the
    /// others block in get_or_init; then it forgets the key, which freezes the count.
    fn wait(&self, key: &str, call: &Call, load: impl FnOnce() -> String) -> (String, bool) {
        let result = call.get_or_init(|| {
            let value = load();
            let joined = self.0.lock().expect("no caller panics").remove(key);
            (value, joined.expect("only this call forgets its key").1 > 1)
        });
        result.clone()
    }

    /// Go's Do: join, then wait.
    fn work(&self, key: &'static str, load: impl FnOnce() -> String) -> (String, bool) {
        self.wait(key, &self.join(key), load)
    }
}

fn main() {
    let group = Group::default();
    let loads = AtomicUsize::new(0);
    let load = || format!("config v{}", loads.fetch_add(1, Relaxed) + 1);

    // ## Ask for one key from three callers at once
    // Each caller joins the call, then waits at the Barrier until all three have: none
    // can start the load before every one of them is counted in.
    let arrived = Barrier::new(3);
    let results = thread::scope(|s| {
        let handles = [(); 3].map(|()| {
            s.spawn(|| {
                let call = group.join("config");
                arrived.wait();
                group.wait("config", &call, load)
            })
        });
        handles.map(|h| h.join().expect("no caller panics"))
    });

    // ## Read the shared result
    for (i, (value, shared)) in results.iter().enumerate() {
        println!("caller {}: {value} (shared: {shared})", i + 1);
    }
    println!("loads: {}", loads.load(Relaxed));

    // ## Call again once it has finished
    let (value, shared) = group.work("config", load);
    println!("later caller: {value} (shared: {shared})");
    println!("loads: {}", loads.load(Relaxed));
}

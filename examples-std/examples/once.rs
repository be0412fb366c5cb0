//! Once: run an initialiser exactly once, however many threads ask at the same time, with
//! std's `Once` for a side effect and `OnceLock` for a value.
//!
//! Run it with `cargo run --example once`. Its Go twin is go-reference/once/main.go
//! (`go run ./once` in go-reference/); both print go-reference/once/expected.txt.
//! See also `once-tokio` (an async initialiser) and `once-value` (LazyLock).

use std::panic;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::{Once, OnceLock};
use std::thread;
use std::time::Duration;

#[derive(Debug)]
struct Service {
    name: &'static str,
}

// The value lives inside the OnceLock: nothing reaches it but through the cell, and
// get_or_init hands out a shared &'static reference once the value is there.
static INSTANCE: OnceLock<Service> = OnceLock::new();
static INSTANCE_RUNS: AtomicUsize = AtomicUsize::new(0);

fn get_instance() -> &'static Service {
    INSTANCE.get_or_init(|| {
        INSTANCE_RUNS.fetch_add(1, Relaxed);
        thread::sleep(Duration::from_millis(10)); // slow, so that the other callers pile up
        Service { name: "db" }
    })
}

/// Runs `get` on ten threads at once and returns what each one got, in spawn order.
fn call_ten<T: Send>(get: impl Fn() -> T + Sync) -> Vec<T> {
    thread::scope(|s| {
        let handles: Vec<_> = (0..10).map(|_| s.spawn(&get)).collect();
        let joined = handles
            .into_iter()
            .map(|h| h.join().expect("callers do not panic"));
        joined.collect()
    })
}

fn main() {
    // ## Run a side effect once
    // call_once is Do: the first caller runs the closure, the others block until it has
    // returned. Relaxed is enough for the counters: they are read after the scope has joined
    // every thread, and a join orders everything the thread did before it.
    let setup = Once::new();
    let setup_runs = AtomicUsize::new(0);
    call_ten(|| {
        setup.call_once(|| {
            setup_runs.fetch_add(1, Relaxed);
        })
    });
    let runs = setup_runs.load(Relaxed);
    println!("side effect: initialiser ran {runs} time(s) for 10 callers");

    // ## Initialise a value once
    // Ten threads race into get_instance: one runs the closure, the others block until it
    // has returned, and all of them get a reference to the one value inside the cell.
    let got = call_ten(get_instance);
    let same = got.iter().all(|s| std::ptr::eq(*s, got[0]));
    let runs = INSTANCE_RUNS.load(Relaxed);
    assert_eq!(got[0].name, "db");
    println!("instance: initialiser ran {runs} time(s); all 10 callers saw the same one: {same}");

    // ## When the initialiser panics
    // If get_or_init's closure panics, the cell stays empty and the next call runs its own
    // initialiser: a failed start can be retried, where Go's Do never runs again. (A panic
    // poisons std's Once instead: later call_once calls panic too.)
    let fragile: OnceLock<&str> = OnceLock::new();
    panic::set_hook(Box::new(|_| eprintln!("expected panic, on purpose")));
    let first = panic::catch_unwind(|| *fragile.get_or_init(|| panic!("boom")));
    if let Err(payload) = first {
        let cause = payload.downcast_ref::<&str>().copied().unwrap_or("?");
        println!("first call panicked: {cause}");
    }
    assert_eq!(
        *fragile.get_or_init(|| "ready"),
        "ready",
        "the cell retries"
    );
}

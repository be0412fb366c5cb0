//! Once: run an initialiser exactly once, however many threads ask at the same time, with
//! std's `Once`, `OnceLock` and `LazyLock`.
//!
//! Run it with `cargo run --example once`. Its Go twin is go-reference/once/main.go
//! (`go run ./once` in go-reference/); both print go-reference/once/expected.txt.
//! See also `once-tokio` (an async initialiser with tokio::sync::OnceCell).

use std::panic;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, Once, OnceLock};
use std::thread;
use std::time::Duration;

#[derive(Debug)]
struct Service {
    name: &'static str,
}

// The value lives inside the OnceLock: there is no way to reach it but through the cell,
// and `get_or_init` hands out a shared &'static reference once the value is there.
static INSTANCE: OnceLock<Service> = OnceLock::new();
static INSTANCE_RUNS: AtomicUsize = AtomicUsize::new(0);

fn get_instance() -> &'static Service {
    INSTANCE.get_or_init(|| {
        INSTANCE_RUNS.fetch_add(1, Ordering::Relaxed);
        thread::sleep(Duration::from_millis(10)); // Slow, so that the other callers pile up.
        Service { name: "db" }
    })
}

// LazyLock (stable since Rust 1.80) fixes its initialiser when it is declared, as Go's
// sync.OnceValue does; the first dereference runs it.
static PORT_RUNS: AtomicUsize = AtomicUsize::new(0);
static PORT: LazyLock<u16> = LazyLock::new(|| {
    PORT_RUNS.fetch_add(1, Ordering::Relaxed);
    5432
});

/// Runs `get` on ten threads at once and returns what each one got, in spawn order.
fn call_ten<T: Send>(get: impl Fn() -> T + Sync) -> Vec<T> {
    thread::scope(|s| {
        let handles: Vec<_> = (0..10).map(|_| s.spawn(&get)).collect();
        let joined = handles
            .into_iter()
            .map(|h| h.join().expect("a caller panicked"));
        joined.collect()
    })
}

fn main() {
    // ## Run a side effect once
    // `Once::call_once` is sync.Once's Do: the first caller runs the closure, the others block
    // until it has returned. Relaxed is enough for the counter: we read it after the scope
    // has joined every thread, and a join orders everything the thread did before it.
    let setup = Once::new();
    let setup_runs = AtomicUsize::new(0);
    call_ten(|| {
        setup.call_once(|| {
            setup_runs.fetch_add(1, Ordering::Relaxed);
        })
    });
    let runs = setup_runs.load(Ordering::Relaxed);
    println!("side effect: initialiser ran {runs} time(s) for 10 callers");

    // ## Initialise a value once
    // Ten threads race into get_instance: one runs the closure, the others block until it
    // has returned, and all of them get a reference to the one value inside the cell.
    let got = call_ten(get_instance);
    let same = got.iter().all(|s| std::ptr::eq(*s, got[0]));
    let runs = INSTANCE_RUNS.load(Ordering::Relaxed);
    assert_eq!(got[0].name, "db");
    println!("instance: initialiser ran {runs} time(s); all 10 callers saw the same one: {same}");

    // ## A lazy value with its initialiser built in
    // Each thread dereferences PORT; the first one runs the initialiser, the rest wait.
    let ports = call_ten(|| *PORT);
    let all = ports.iter().all(|&p| p == 5432);
    let runs = PORT_RUNS.load(Ordering::Relaxed);
    println!("lazy value: initialiser ran {runs} time(s); all 10 callers got 5432: {all}");

    // ## When the initialiser panics
    // Here Rust and Go differ. If the closure given to `get_or_init` panics, the cell stays
    // empty and the next call runs its own initialiser: a failed start can be retried.
    // (Go's Once.Do counts the panic as done and never runs f again. std's `Once` is
    // different again: a panic poisons it, and later `call_once`s panic too, unless you use
    // `call_once_force`.) The panic hook still prints the panic on stderr.
    let fragile: OnceLock<&str> = OnceLock::new();
    let first = panic::catch_unwind(|| *fragile.get_or_init(|| panic!("boom")));
    if let Err(payload) = first {
        let message = payload.downcast_ref::<&str>().copied().unwrap_or("?");
        println!("first call panicked: {message}");
    }
    assert_eq!(
        *fragile.get_or_init(|| "ready"),
        "ready",
        "the cell retries"
    );
}

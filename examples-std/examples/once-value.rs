//! LazyLock: a lazy value with its initialiser built in, as with Go's sync.OnceValue. The
//! first dereference runs the initialiser; every other one waits for it, then reads the value.
//!
//! Run it with `cargo run --example once-value`. Its Go twin is go-reference/once-value/main.go
//! (`go run ./once-value` in go-reference/); both print go-reference/once-value/expected.txt.
//! See also `once` (OnceLock, for an initialiser chosen at the call).

use std::sync::LazyLock;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::thread;

static PORT_RUNS: AtomicUsize = AtomicUsize::new(0);

// Where Go's port is a function, PORT is a value: `*PORT` reads it, initialising on first use.
static PORT: LazyLock<u16> = LazyLock::new(|| {
    PORT_RUNS.fetch_add(1, Relaxed);
    5432
});

#[derive(Debug)]
struct Config {
    port: u16,
}

static LOAD_RUNS: AtomicUsize = AtomicUsize::new(0);

// OnceValues' (value, error) pair is a Result here: the LazyLock keeps whichever it got.
static CONFIG: LazyLock<Result<Config, String>> = LazyLock::new(|| {
    LOAD_RUNS.fetch_add(1, Relaxed);
    let raw = "54x2"; // stands for a value read from a file
    let port = raw
        .parse()
        .map_err(|_| format!("port {raw} is not a number"))?;
    Ok(Config { port })
});

fn main() {
    // ## A value computed on first use
    // Ten threads dereference PORT at once: one runs the initialiser, the rest wait for it.
    // Relaxed is enough for the counters: they are read after the threads are joined.
    let ports: Vec<u16> = thread::scope(|s| {
        let handles: Vec<_> = (0..10).map(|_| s.spawn(|| *PORT)).collect();
        let joined = handles
            .into_iter()
            .map(|h| h.join().expect("callers do not panic"));
        joined.collect()
    });
    let all = ports.iter().all(|&p| p == 5432);
    let runs = PORT_RUNS.load(Relaxed);
    println!("port: initialiser ran {runs} time(s); all 10 callers got 5432: {all}");

    // ## A value that may fail
    // A failed initialisation is not retried: each caller gets the error the first run made.
    for _ in 0..3 {
        match &*CONFIG {
            Err(err) => println!("config: {err}"),
            Ok(c) => println!("config: port {}", c.port),
        }
    }
    let runs = LOAD_RUNS.load(Relaxed);
    println!("config: initialiser ran {runs} time(s) for 3 callers");
}

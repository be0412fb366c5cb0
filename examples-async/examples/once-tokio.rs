//! Once with tokio: an async initialiser (a "connect" that awaits) runs exactly once for many
//! tasks, with `tokio::sync::OnceCell`.
//!
//! Run it with `cargo run --example once-tokio`. Its Go twin is go-reference/once/main.go
//! (`go run ./once` in go-reference/); both print go-reference/once/expected.txt.
//! Crates: tokio (features "rt-multi-thread", "macros", "sync", "time"). See also `once`.

use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Duration;

use tokio::sync::OnceCell;

#[derive(Debug)]
struct Connection {
    name: &'static str,
}

// Spawned tasks must be 'static, so the cells they share are statics (an Arc would do too).
static CONNECTION: OnceCell<Connection> = OnceCell::const_new();
static CONNECT_RUNS: AtomicUsize = AtomicUsize::new(0);

/// get_or_init takes a closure that returns a future. Callers that arrive while it runs
/// wait asynchronously, leaving their threads to other tasks; std's OnceLock would block them.
async fn get_connection() -> &'static Connection {
    let connect = || async {
        CONNECT_RUNS.fetch_add(1, Relaxed);
        tokio::time::sleep(Duration::from_millis(10)).await; // pretend to dial a server
        Connection { name: "db" }
    };
    CONNECTION.get_or_init(connect).await
}

/// Spawns ten tasks that call `get` at once, and returns what each got, in spawn order.
async fn call_ten<T: Send + 'static, F: Future<Output = T> + Send + 'static>(
    get: impl Fn() -> F,
) -> Vec<T> {
    let handles: Vec<_> = (0..10).map(|_| tokio::spawn(get())).collect();
    let mut got = Vec::new();
    for handle in handles {
        got.push(handle.await.expect("callers do not panic"));
    }
    got
}

#[tokio::main]
async fn main() {
    // ## Run a side effect once
    // tokio has no async Once; a OnceCell<()> is one. Relaxed suffices for the counters: they
    // are read after awaiting every task's JoinHandle, which orders the tasks' work first.
    static SETUP: OnceCell<()> = OnceCell::const_new();
    static SETUP_RUNS: AtomicUsize = AtomicUsize::new(0);
    let setup = || async {
        SETUP_RUNS.fetch_add(1, Relaxed);
    };
    call_ten(|| async move { *SETUP.get_or_init(setup).await }).await;
    let runs = SETUP_RUNS.load(Relaxed);
    println!("side effect: initialiser ran {runs} time(s) for 10 callers");

    // ## Initialise a value once
    // Ten tasks race into get_connection while its "connect" sleeps; they all get the one
    // Connection that the first one stored.
    let got = call_ten(get_connection).await;
    let same = got.iter().all(|c| std::ptr::eq(*c, got[0]));
    let runs = CONNECT_RUNS.load(Relaxed);
    assert_eq!(got[0].name, "db");
    println!("instance: initialiser ran {runs} time(s); all 10 callers saw the same one: {same}");

    // ## When the initialiser panics
    // As with std's OnceLock, and unlike Go's Do, a panic (or a cancelled initialiser future)
    // leaves the cell empty, and the next caller runs its own initialiser. The task is what
    // catches the panic: its JoinHandle gives back Err(JoinError).
    static FRAGILE: OnceCell<&str> = OnceCell::const_new();
    std::panic::set_hook(Box::new(|_| eprintln!("expected panic, on purpose")));
    let first = tokio::spawn(async { *FRAGILE.get_or_init(|| async { panic!("boom") }).await });
    if let Err(err) = first.await {
        let payload = err.into_panic();
        let cause = payload.downcast_ref::<&str>().copied().unwrap_or("?");
        println!("first call panicked: {cause}");
    }
    let retried = FRAGILE.get_or_init(|| async { "ready" }).await;
    assert_eq!(*retried, "ready", "the cell retries");
}

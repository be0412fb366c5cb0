//! Request values with tokio: task_local! gives code deep in a task a value its signature
//! does not mention, scoped to one future.
//!
//! Run it with `cargo run --example context-values-tokio`. Its Go twin is
//! go-reference/context-values/main.go (`go run ./context-values` in go-reference/); all print
//! go-reference/context-values/expected.txt. Crates: tokio (features "rt-multi-thread",
//! "macros", "rt"), tokio-util. See also `context-values` (a struct passed along).
//!
//! Rust has no untyped bag of values that every call inherits; an argument says what a
//! function needs. task_local! is for code whose signatures you cannot change.

use tokio_util::sync::CancellationToken;

tokio::task_local! {
    /// Typed, unlike Go's `any`: no assertion when it is read.
    static REQUEST_ID: String;
}

/// try_with fails outside any scope of REQUEST_ID, as Go's comma-ok fails on a missing key.
fn log_line(msg: &str) {
    match REQUEST_ID.try_with(|id| id.clone()) {
        Ok(id) => println!("{id}: {msg}"),
        Err(_not_set) => println!("(no request): {msg}"),
    }
}

async fn handle() {
    log_line("handling");
    query().await;
}

async fn query() {
    log_line("querying the store");
}

async fn audit(token: CancellationToken) {
    println!("detached still running: {}", !token.is_cancelled());
    log_line("audit after the request");
}

#[tokio::main]
async fn main() {
    // ## Attach a value to the context
    // scope() sets the value for one future and everything it awaits, and nothing else.
    let id = "req-7".to_string();
    let request = REQUEST_ID.scope(id.clone(), handle());

    // ## Read it deep in the call chain
    request.await;

    // ## A context without the value
    log_line("background job");

    // ## WithoutCancel keeps the values and drops the cancel
    // A fresh token rather than a child_token() is Go's WithoutCancel. A spawned task does
    // not inherit task-locals, so the audit gets the request's ID in a scope of its own.
    let token = CancellationToken::new();
    let detached = CancellationToken::new();
    token.cancel();
    println!("request canceled: {}", token.is_cancelled());
    let task = REQUEST_ID.scope(id, audit(detached));
    tokio::spawn(task).await.expect("the audit does not panic");
}

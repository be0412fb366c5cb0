//! Request values in std: a struct passed as an argument, where Go hides them in ctx.
//!
//! Run it with `cargo run --example context-values`. Its Go twin is
//! go-reference/context-values/main.go (`go run ./context-values` in go-reference/); all print
//! go-reference/context-values/expected.txt. See also `context-values-tokio` (task_local!).
//!
//! Rust has no untyped bag of values that every call inherits. That is fine: a function that
//! needs the request says so in its signature, and the compiler checks every caller.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// The request's values, typed and named, with the flag that cancels it.
#[derive(Clone)]
struct Request {
    id: String,
    cancelled: Arc<AtomicBool>,
}

/// Only here, where a request may be absent, does the signature say Option.
fn log_line(req: Option<&Request>, msg: &str) {
    match req {
        Some(req) => println!("{}: {msg}", req.id),
        None => println!("(no request): {msg}"),
    }
}

fn handle(req: &Request) {
    log_line(Some(req), "handling");
    query(req);
}

fn query(req: &Request) {
    log_line(Some(req), "querying the store");
}

fn audit(req: &Request) {
    let running = !req.cancelled.load(Ordering::Relaxed);
    println!("detached still running: {running}");
    log_line(Some(req), "audit after the request");
}

fn main() {
    // ## Attach a value to the context
    let req = Request {
        id: "req-7".to_string(),
        cancelled: Arc::default(),
    };

    // ## Read it deep in the call chain
    handle(&req);

    // ## A context without the value
    log_line(None, "background job");

    // ## WithoutCancel keeps the values and drops the cancel
    // A copy of the values with a flag of its own: cancelling the request does not reach it.
    // Relaxed suffices, as one thread sets and reads the flags and they publish nothing else.
    let detached = Request {
        cancelled: Arc::default(),
        ..req.clone()
    };
    req.cancelled.store(true, Ordering::Relaxed);
    let canceled = req.cancelled.load(Ordering::Relaxed);
    println!("request canceled: {canceled}");
    audit(&detached);
}

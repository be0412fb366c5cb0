//! Async IO: many HTTP requests in flight at once, on a few threads, with `async`/`.await`.
//!
//! Run it with `cargo run --example async-io` (it serves itself on 127.0.0.1). Its Go twin is
//! go-reference/async-io/main.go (`go run ./async-io` in go-reference/); both print
//! go-reference/async-io/expected.txt. Crates: tokio ("full"), reqwest (rustls), axum ("http1",
//! "tokio"). A client's flags and errors are the next chapter, `http-client`.

use std::{sync::Arc, sync::atomic::AtomicUsize, sync::atomic::Ordering::Relaxed, time::Duration};

use axum::{extract::Path, extract::State, http::StatusCode};
use reqwest::Client;
use tokio::{net::TcpListener, sync::watch};

const REQUESTS: usize = 5;

struct Gate {
    in_flight: AtomicUsize,
    all_in: watch::Sender<bool>, // Go's close(allIn) is send_replace(true): it stays true
}

#[tokio::main]
async fn main() {
    // ## Start a local server
    // `#[tokio::main]` started worker threads and a reactor on epoll (kqueue on macOS): Go's
    // netpoller, but a library we chose. axum runs each connection as a task of its own; the
    // handler, `item` below, holds each request at the same gate as the Go server's.
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("loopback");
    let addr = listener.local_addr().expect("bound");
    let (in_flight, all_in) = (AtomicUsize::new(0), watch::Sender::new(false));
    let app = axum::Router::new()
        .route("/item/{id}", axum::routing::get(item))
        .with_state(Arc::new(Gate { in_flight, all_in }));
    tokio::spawn(async move { axum::serve(listener, app).await.expect("serving loopback") });

    // ## Send every request at once
    // send() returns a Future, which does nothing until polled: a bare `client.get(u).send();`
    // sends nothing (rustc warns "futures do nothing unless you `.await` or poll them"), and
    // `.await` here would send one at a time (five 503s). tokio::spawn hands each future to the
    // scheduler, which starts polling it at once.
    let client = Client::builder().no_proxy().build(); // HTTP_PROXY must not reroute loopback
    let client = client.expect("a rustls client with no proxy builds");
    let handles: Vec<_> = (1..=REQUESTS)
        .map(|id| {
            let (client, url) = (client.clone(), format!("http://{addr}/item/{id}"));
            tokio::spawn(async move { get(&client, &url).await })
        })
        .collect();

    // ## Print the answers in request order
    // Awaiting the handles in spawn order gives request order, though they arrived in reverse.
    for (id, handle) in (1..).zip(handles) {
        let answer = handle.await.expect("a request task does not panic");
        let answer = answer.unwrap_or_else(|err| format!("error: {err}"));
        println!("GET /item/{id} -> {answer}");
    }

    // ## Stop the server
    // Nothing to do in Rust: returning from main shuts the runtime down, dropping every task.
}

/// The handler. At each `.await` its task may be parked; a blocking call would hold a thread.
async fn item(State(gate): State<Arc<Gate>>, Path(id): Path<usize>) -> (StatusCode, String) {
    if !(1..=REQUESTS).contains(&id) {
        return (StatusCode::NOT_FOUND, "no such item".into());
    }
    if gate.in_flight.fetch_add(1, Relaxed) + 1 == REQUESTS {
        gate.all_in.send_replace(true);
    }
    let mut all_in = gate.all_in.subscribe();
    let wait = tokio::time::timeout(Duration::from_secs(1), all_in.wait_for(|open| *open));
    if wait.await.is_err() {
        gate.in_flight.fetch_sub(1, Relaxed);
        return (StatusCode::SERVICE_UNAVAILABLE, "gave up waiting".into());
    }
    tokio::time::sleep(Duration::from_millis(10 + 5 * (REQUESTS - id) as u64)).await;
    (StatusCode::OK, format!("item {id}"))
}

/// One GET, described as the Go twin does. As in Go, a 404 or a 503 is a response, not an Err.
async fn get(client: &Client, url: &str) -> Result<String, reqwest::Error> {
    let resp = client.get(url).send().await?;
    let status = resp.status(); // Display gives "200 OK", like Go's resp.Status
    Ok(format!("{status}: {}", resp.text().await?))
}

//! Async IO: many HTTP requests in flight at once, on a few threads, with `async`/`.await`.
//!
//! Run it with `cargo run --example async-io`. Its Go twin is go-reference/async-io/main.go
//! (`go run ./async-io` in go-reference/); both print go-reference/async-io/expected.txt.
//! It starts its own axum server on 127.0.0.1 (an ephemeral port), so it needs no network.
//! `cargo run --example async-io -- --url http://127.0.0.1:8080/` GETs a real address once.
//! Crates: tokio ("full"), reqwest (rustls), axum ("http1", "tokio"), clap ("derive").

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Duration;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use clap::Parser;
use reqwest::{Client, Url};
use tokio::net::TcpListener;
use tokio::sync::Barrier;

const REQUESTS: usize = 5;

/// GETs /item/1../item/5 concurrently from a server it starts on 127.0.0.1 and prints the
/// answers in request order.
#[derive(Debug, Parser)]
#[command(name = "async-io")]
struct Args {
    /// Instead, GET this http(s) URL once and print the response status (any status, 404
    /// included, exits 0; failing to get a response exits 1).
    #[arg(long, value_parser = http_url)]
    url: Option<Url>,
}

/// clap's value parser for --url: a malformed or non-HTTP URL is rejected before any IO.
fn http_url(arg: &str) -> Result<Url, String> {
    let url = Url::parse(arg).map_err(|e| e.to_string())?;
    match url.scheme() {
        "http" | "https" => Ok(url),
        other => Err(format!("the scheme must be http or https, not {other}")),
    }
}

#[derive(Debug)]
struct Counters {
    in_flight: AtomicUsize,
    peak: AtomicUsize,
    all_in: Barrier,
}

#[tokio::main]
async fn main() -> ExitCode {
    // ## Read the command line
    // clap rejects a bad --url, or an unknown flag, with its own message and exit status 2.
    // no_proxy() keeps HTTP_PROXY from rerouting loopback; the timeouts bound every request.
    let args = Args::parse();
    let client = Client::builder()
        .no_proxy()
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(10))
        .build()
        .expect("a client with rustls and no proxy can always be built");
    if let Some(url) = args.url {
        match client.get(url.clone()).send().await {
            Ok(resp) => println!("GET {url} -> {}", resp.status()),
            Err(err) => {
                eprintln!("error: could not reach {url}: {}", root_cause(&err));
                return ExitCode::FAILURE;
            }
        }
        return ExitCode::SUCCESS;
    }

    // ## Start a local server
    // `#[tokio::main]` built the runtime: worker threads plus a reactor that waits on epoll
    // (kqueue on macOS), tokio's counterpart of Go's netpoller, but a library we chose. axum
    // runs each connection as a task of its own; the handler (`item`, below) holds every
    // request at a barrier until all five have arrived, as the Go server does.
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("loopback");
    let addr = listener.local_addr().expect("bound, so it has one");
    let counters = Arc::new(Counters {
        in_flight: AtomicUsize::new(0),
        peak: AtomicUsize::new(0),
        all_in: Barrier::new(REQUESTS),
    });
    let app = axum::Router::new()
        .route("/item/{id}", axum::routing::get(item))
        .with_state(Arc::clone(&counters));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        let signal = async { stopped.await.unwrap_or_default() };
        axum::serve(listener, app)
            .with_graceful_shutdown(signal)
            .await
    });

    // ## Send every request at once
    // `client.get(..).send()` returns a Future, and a Future does nothing until polled. Writing
    // `send().await` in this loop would run the requests one after another (the barrier would
    // time out and the peak would be 1). tokio::spawn hands each future to the scheduler, whose
    // workers start polling it at once; we await nothing until all five are spawned. At each
    // `.await` that cannot finish yet, the future returns Pending, its task yields, the worker
    // thread runs other tasks, and the reactor wakes the task when its socket is ready: what Go
    // does inside every "blocking" call. (tokio::join! would also overlap the five, inside one
    // task: concurrent, though never in parallel.) A bare `client.get(url).send();` would send
    // nothing at all; rustc warns "unused implementer of `Future` that must be used ...
    // futures do nothing unless you `.await` or poll them". Forgetting `go` in Go is the
    // opposite mistake: the call still runs, only synchronously.
    let handles: Vec<_> = (1..=REQUESTS)
        .map(|id| {
            let (client, url) = (client.clone(), format!("http://{addr}/item/{id}"));
            tokio::spawn(async move { get(&client, &url).await })
        })
        .collect();

    // ## Print the answers in request order
    // Awaiting the handles in spawn order gives the answers in request order, though they
    // arrived in reverse.
    for (id, handle) in (1..).zip(handles) {
        let answer = handle.await.expect("a request task does not panic");
        println!("GET /item/{id} -> {answer}");
    }

    // ## Stop the server and read its peak
    // Graceful shutdown closes idle connections and lets running handlers finish; the server
    // task ends only after every connection task has, and awaiting it makes their counter
    // updates happen-before this load, so Relaxed is enough.
    stop.send(()).expect("the server awaits this signal");
    let served = server.await.expect("the server task does not panic");
    served.expect("serving loopback does not fail");
    println!("max requests in flight: {}", counters.peak.load(Relaxed));
    ExitCode::SUCCESS
}

/// The handler. Each `.await` is a point where this task may be parked. A blocking call here
/// (std::thread::sleep, std::sync::Barrier, blocking file IO) would hold its worker thread;
/// with fewer workers than requests (tokio starts one per core) a std Barrier would deadlock.
/// Blocking work belongs in tokio::task::spawn_blocking, which runs it on a separate pool.
async fn item(State(c): State<Arc<Counters>>, Path(id): Path<usize>) -> Result<String, StatusCode> {
    if !(1..=REQUESTS).contains(&id) {
        return Err(StatusCode::NOT_FOUND);
    }
    let n = c.in_flight.fetch_add(1, Relaxed) + 1;
    c.peak.fetch_max(n, Relaxed);
    // A timeout, so that a serial client gets a smaller peak rather than a hang.
    let _ = tokio::time::timeout(Duration::from_secs(1), c.all_in.wait()).await;
    tokio::time::sleep(Duration::from_millis(10 + 5 * (REQUESTS - id) as u64)).await;
    c.in_flight.fetch_sub(1, Relaxed);
    Ok(format!("item {id}"))
}

/// One GET, described as the Go twin does. As in Go, a 404 is a response, not an Err.
async fn get(client: &Client, url: &str) -> String {
    let resp = match client.get(url).send().await {
        Ok(resp) => resp,
        Err(err) => return format!("error: {}", root_cause(&err)),
    };
    let status = resp.status(); // Display gives "200 OK", like Go's resp.Status.
    match resp.text().await {
        Ok(body) => format!("{status}: {body}"),
        Err(err) => format!("error reading body: {}", root_cause(&err)),
    }
}

/// The innermost cause of an error chain. An OS error is named by its portable kind
/// ("connection refused"), not its message ("Connection refused (os error 111)").
fn root_cause(err: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = err;
    while let Some(next) = cause.source() {
        cause = next;
    }
    match cause.downcast_ref::<std::io::Error>() {
        Some(io) if io.raw_os_error().is_some() => io.kind().to_string(),
        _ => cause.to_string(),
    }
}

//! HTTP fan-out: `N` GET requests to a server in the same process, at most `K` in flight, and
//! what that gives in requests per second and per-request latency (p50, p99). The server is
//! axum, the client reqwest, both on the benchmarks' tokio runtime (multi-thread, one worker
//! per core). Its Go twin, with the same flags and output, is
//! `go-reference/bench/http/main.go` (net/http on both ends; `go run ./bench/http` in
//! go-reference/). `cargo xtask compare` runs both, alternating, and reports the medians.
//!
//! The same work on both sides:
//! - the server answers `GET /item/{i}` (`i` parsed as an unsigned integer, 400 otherwise)
//!   with the same 64-byte `text/plain` body, [`BODY`]; TCP_NODELAY is set on every
//!   connection, as Go's net package does by default;
//! - the client is one connection pool per configuration (a fresh `reqwest::Client`, a fresh
//!   `http.Transport` in Go) keeping up to `K` idle connections to the server
//!   (`pool_max_idle_per_host(K)`, Go's `MaxIdleConnsPerHost: K`), with no limit on open
//!   ones, no proxy, no compression, HTTP/1.1 and a 10 s timeout per request. The warm-up
//!   round opens the connections; the timed round reuses them;
//! - `K` workers (tokio tasks, goroutines) take the next request number from one atomic
//!   counter until `N` have been sent, so at most `K` are in flight. A `buffer_unordered(K)`
//!   stream would poll all `K` requests from one task, on one core at a time, where Go's
//!   workers spread over every core; spawned tasks give both sides the same shape;
//! - each request is timed from before `send` until its whole body has been read and
//!   checked (status 200 and the exact body); the round is timed from starting the workers
//!   to joining the last, and requests per second are `N` over that;
//! - p50 and p99 are nearest-rank percentiles of the `N` latencies.
//!
//! Run: `cargo run --release -p benches --bin http -- [--requests N] [--in-flight K,K2,...]
//! [--warmup W]`. It prints one JSON line per `K`:
//! `{"impl":"rust","requests":N,"in_flight":K,"seconds":S,"rps":R,"p50_us":X,"p99_us":Y}`.
//! A bad argument is a message and exit code 2; a failed request, exit code 1.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::Path;
use axum::routing::get;
use axum::serve::ListenerExt;
use reqwest::{Client, StatusCode};
use tokio::net::TcpListener;

/// The body of every answer: 64 bytes (Go: `body`).
const BODY: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

/// How long one request may take before it counts as failed: a server that stops answering
/// ends the run with an error instead of a hang.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// The most requests in flight a configuration may ask for: each is a connection, and so two
/// file descriptors in this one process.
const MAX_IN_FLIGHT: usize = 1024;

const USAGE: &str = "\
usage: http [--requests N] [--in-flight K[,K2...]] [--warmup W]

  --requests N        timed requests per configuration (default 20000)
  --in-flight K,...   the configurations: at most K requests in flight (default 1,16,64)
  --warmup W          untimed requests before each timed round (default 2000)
";

/// What to run, from the command line.
#[derive(Debug, PartialEq)]
struct Args {
    requests: u64,
    in_flight: Vec<usize>,
    warmup: u64,
}

/// The command line (without the program name); `Ok(None)` for `--help`. Flags take their
/// value as the next argument or after `=`.
fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Option<Args>, String> {
    let mut parsed = Args {
        requests: 20_000,
        in_flight: vec![1, 16, 64],
        warmup: 2_000,
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--help" || arg == "-h" {
            return Ok(None);
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) => (flag.to_string(), Some(value.to_string())),
            None => (arg, None),
        };
        if !matches!(flag.as_str(), "--requests" | "--in-flight" | "--warmup") {
            return Err(format!("unknown argument '{flag}'"));
        }
        let value = inline
            .or_else(|| args.next())
            .ok_or_else(|| format!("{flag} needs a value"))?;
        let number = |v: &str| {
            v.trim()
                .parse::<u64>()
                .map_err(|_| format!("{flag} takes whole numbers, not '{v}'"))
        };
        match flag.as_str() {
            "--requests" => parsed.requests = number(&value)?,
            "--warmup" => parsed.warmup = number(&value)?,
            _ => {
                parsed.in_flight = value
                    .split(',')
                    .map(|k| number(k).map(|k| usize::try_from(k).unwrap_or(usize::MAX)))
                    .collect::<Result<_, _>>()?;
            }
        }
    }
    if parsed.requests == 0 {
        return Err("--requests must be at least 1".into());
    }
    if let Some(k) = parsed
        .in_flight
        .iter()
        .find(|&&k| k == 0 || k > MAX_IN_FLIGHT)
    {
        return Err(format!(
            "--in-flight values must be 1 to {MAX_IN_FLIGHT}, not {k}"
        ));
    }
    Ok(Some(parsed))
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("http: {msg}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match benches::tokio_runtime().block_on(run(&args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("http: {msg}");
            ExitCode::FAILURE
        }
    }
}

/// Start the server, then run every configuration and print its line.
async fn run(args: &Args) -> Result<(), String> {
    let addr = serve().await?;
    let base = format!("http://{addr}/item/");
    for &k in &args.in_flight {
        // A fresh pool per configuration: its warm-up opens the connections it will reuse.
        let client = Client::builder()
            .no_proxy()
            .pool_max_idle_per_host(k)
            .timeout(REQUEST_TIMEOUT)
            .build()
            .map_err(|e| format!("building the reqwest client: {e}"))?;
        if args.warmup > 0 {
            round(&client, &base, args.warmup, k).await?;
        }
        let (elapsed, mut latencies) = round(&client, &base, args.requests, k).await?;
        latencies.sort_unstable();
        let seconds = elapsed.as_secs_f64();
        let us = |p| percentile(&latencies, p).as_nanos() as f64 / 1e3;
        println!(
            r#"{{"impl":"rust","requests":{},"in_flight":{k},"seconds":{seconds},"rps":{},"p50_us":{},"p99_us":{}}}"#,
            args.requests,
            args.requests as f64 / seconds,
            us(50),
            us(99),
        );
    }
    Ok(())
}

/// The server, on a port of 127.0.0.1 the OS picks, as a task of this runtime.
async fn serve() -> Result<SocketAddr, String> {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|e| format!("the server could not listen on 127.0.0.1: {e}"))?;
    let addr = listener
        .local_addr()
        .map_err(|e| format!("the server's address: {e}"))?;
    // hyper leaves Nagle's algorithm on; Go's net package turns it off for every connection.
    let listener = listener.tap_io(|tcp| {
        if let Err(e) = tcp.set_nodelay(true) {
            eprintln!("http: setting TCP_NODELAY on a server connection: {e}");
        }
    });
    let app = Router::new().route("/item/{i}", get(item));
    tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, app).await {
            eprintln!("http: the server stopped: {e}");
        }
    });
    Ok(addr)
}

/// `GET /item/{i}`: the number is parsed (axum answers 400 when it is not one), the body is
/// always [`BODY`].
async fn item(Path(_item): Path<u64>) -> &'static str {
    BODY
}

/// `requests` requests by `in_flight` workers; the round's wall time and every latency.
async fn round(
    client: &Client,
    base: &str,
    requests: u64,
    in_flight: usize,
) -> Result<(Duration, Vec<Duration>), String> {
    let next = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let workers: Vec<_> = (0..in_flight)
        .map(|_| {
            let (client, base, next) = (client.clone(), base.to_string(), next.clone());
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= requests {
                        return Ok(latencies);
                    }
                    let sent = Instant::now();
                    fetch(&client, &format!("{base}{i}")).await?;
                    latencies.push(sent.elapsed());
                }
            })
        })
        .collect();
    let mut latencies = Vec::with_capacity(requests as usize);
    let mut first_error = None;
    for worker in workers {
        match worker.await {
            Ok(Ok(mine)) => latencies.extend(mine),
            Ok(Err(e)) => first_error = first_error.or(Some(e)),
            Err(e) => first_error = first_error.or(Some(format!("a client task failed: {e}"))),
        }
    }
    let elapsed = start.elapsed();
    match first_error {
        Some(e) => Err(e),
        None => Ok((elapsed, latencies)),
    }
}

/// One GET, its body read to the end and checked.
async fn fetch(client: &Client, url: &str) -> Result<(), String> {
    let failed = |e: reqwest::Error| format!("GET {url}: {}", causes(&e.without_url()));
    let response = client.get(url).send().await.map_err(failed)?;
    let status = response.status();
    let body = response.bytes().await.map_err(failed)?;
    if status != StatusCode::OK {
        return Err(format!("GET {url}: status {status}"));
    }
    if body != BODY.as_bytes() {
        return Err(format!(
            "GET {url}: a {}-byte body, not the {}-byte one the server sends",
            body.len(),
            BODY.len()
        ));
    }
    Ok(())
}

/// An error and its sources, outermost first: reqwest's own message says little alone.
fn causes(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// The nearest-rank percentile `p` (1 to 100) of `sorted`, which is not empty: the smallest
/// value with at least `p`% of the values at or below it (Go: `percentile`).
fn percentile(sorted: &[Duration], p: usize) -> Duration {
    let rank = (p * sorted.len()).div_ceil(100).max(1);
    sorted[rank - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Option<Args>, String> {
        parse_args(args.iter().map(|a| a.to_string()))
    }

    #[test]
    fn the_body_is_64_bytes() {
        assert_eq!(BODY.len(), 64);
    }

    #[test]
    fn flags_take_their_value_after_a_space_or_an_equals_sign() {
        let args = parse(&["--requests", "500", "--in-flight=1,8", "--warmup", "0"]);
        let expected = Args {
            requests: 500,
            in_flight: vec![1, 8],
            warmup: 0,
        };
        assert_eq!(args, Ok(Some(expected)));
        let defaults = parse(&[]).unwrap().unwrap();
        assert_eq!(
            (defaults.requests, defaults.in_flight, defaults.warmup),
            (20_000, vec![1, 16, 64], 2_000)
        );
        assert_eq!(parse(&["--help"]), Ok(None));
    }

    #[test]
    fn bad_arguments_say_what_is_wrong() {
        let err = |args: &[&str]| parse(args).unwrap_err();
        assert_eq!(err(&["--requests"]), "--requests needs a value");
        assert_eq!(
            err(&["--requests", "ten"]),
            "--requests takes whole numbers, not 'ten'"
        );
        assert_eq!(err(&["--requests", "0"]), "--requests must be at least 1");
        assert_eq!(
            err(&["--in-flight", "1,,2"]),
            "--in-flight takes whole numbers, not ''"
        );
        assert_eq!(
            err(&["--in-flight", "0"]),
            "--in-flight values must be 1 to 1024, not 0"
        );
        assert_eq!(
            err(&["--in-flight", "5000"]),
            "--in-flight values must be 1 to 1024, not 5000"
        );
        assert_eq!(err(&["-n", "3"]), "unknown argument '-n'");
    }

    #[test]
    fn percentiles_are_nearest_rank() {
        let us = |v: &[u64]| {
            v.iter()
                .map(|&u| Duration::from_micros(u))
                .collect::<Vec<_>>()
        };
        let hundred = us(&(1..=100).collect::<Vec<_>>());
        assert_eq!(percentile(&hundred, 50), Duration::from_micros(50));
        assert_eq!(percentile(&hundred, 99), Duration::from_micros(99));
        let three = us(&[10, 20, 30]);
        assert_eq!(percentile(&three, 50), Duration::from_micros(20));
        assert_eq!(percentile(&three, 99), Duration::from_micros(30));
        assert_eq!(percentile(&us(&[7]), 1), Duration::from_micros(7));
    }
}

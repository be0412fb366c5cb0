//! An HTTP client's outcomes: a 404 is an answer, a refused connection an error, each with its
//! exit code. Run it with `cargo run --example http-client` (it serves itself on 127.0.0.1), or
//! add `-- --url http://127.0.0.1:8080/` to GET one address. Its Go twin, with the same flags
//! and exit codes, is go-reference/http-client/main.go (`go run ./http-client` in go-reference/).
//! Both print go-reference/http-client/expected.txt.
//! Crates: tokio ("full"), reqwest (rustls), axum ("http1", "tokio"), clap ("derive").

use std::error::Error;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use reqwest::{Client, Url};
use tokio::net::TcpListener;

/// Without --url, GETs a local server's /hello and /missing, and a closed port.
#[derive(Debug, Parser)]
struct Args {
    /// GET this URL once and print the response status
    #[arg(long)]
    url: Option<Url>, // parsed by Url's FromStr: a malformed URL is a usage error
}

#[tokio::main]
async fn main() -> ExitCode {
    // ## Read the command line
    // clap prints a usage error as one line and exits 2, and --help exits 0. no_proxy() keeps
    // HTTP_PROXY from rerouting loopback; the timeout bounds every request.
    let args = Args::parse();
    let client = Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("a rustls client with no proxy builds");

    // ## GET one address
    // Any answer, a 404 or a 500 included, is an Ok here: Err reports only a failure to get
    // one (refused, reset, timed out). That failure is one line on stderr and exit 1.
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

    // ## Without --url, show each outcome
    // Port 1 of the loopback address has no listener, so that connection is refused at once.
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("loopback");
    let addr = listener.local_addr().expect("bound");
    let app = axum::Router::new().route("/hello", axum::routing::get(|| async {}));
    tokio::spawn(async move { axum::serve(listener, app).await.expect("serving loopback") });
    let targets = [
        ("/hello", format!("http://{addr}/hello")),
        ("/missing", format!("http://{addr}/missing")),
        ("port 1", "http://127.0.0.1:1/".to_owned()),
    ];
    for (name, url) in targets {
        match client.get(url).send().await {
            Ok(resp) => println!("GET {name} -> {}", resp.status()),
            Err(err) => println!("GET {name} -> error: {}", root_cause(&err)),
        }
    }
    ExitCode::SUCCESS
}

/// The innermost error of a chain; an OS error by its kind ("connection refused", as in Go).
fn root_cause(err: &(dyn Error + 'static)) -> String {
    let mut cause = err;
    while let Some(next) = cause.source() {
        cause = next;
    }
    match cause.downcast_ref::<std::io::Error>() {
        Some(io) if io.raw_os_error().is_some() => io.kind().to_string(),
        _ => cause.to_string(),
    }
}

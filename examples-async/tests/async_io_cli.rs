//! The command line of the async-io section's `http-client` chapter, on both sides: the Rust
//! example and its Go twin take the same flags, and bad input gives each a one-line error and
//! the same exit status, quickly, never a panic or a hang. (Their runs without arguments are
//! checked by the pattern suite against go-reference/http-client/expected.txt.)
//!
//! The Go program is built with `go build` into this test's temporary folder. Without `go` on
//! PATH its half of each test is skipped with a note; with REQUIRE_GO=1 that is a failure.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

use snapbox::cmd::OutputAssert;

/// Longer than the programs' own bound (10 s per request), so a hang shows up as a timeout
/// failure here rather than blocking the test run.
const LIMIT: Duration = Duration::from_secs(30);

/// `target/<profile>/examples/http-client`: this test binary lives in `target/<profile>/deps/`.
/// `cargo test` builds a package's examples before its tests, but not when told to build only
/// this test (`--test async_io_cli`), so build it once here (a no-op when it is fresh).
fn rust_program() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let exe = std::env::current_exe().expect("the test binary knows its path");
        let profile = exe
            .parent()
            .and_then(Path::parent)
            .expect("test binaries live in target/<profile>/deps");
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let mut build = Command::new(cargo);
        build.args([
            "build",
            "--quiet",
            "-p",
            "examples-async",
            "--example",
            "http-client",
        ]);
        if profile.file_name().is_some_and(|n| n == "release") {
            build.arg("--release");
        }
        let status = build.status().expect("cargo runs");
        assert!(status.success(), "cargo build --example http-client failed");
        profile
            .join("examples")
            .join(format!("http-client{}", std::env::consts::EXE_SUFFIX))
    })
}

/// The Go twin, built once into CARGO_TARGET_TMPDIR; None (with a note) when `go` is missing,
/// unless REQUIRE_GO=1.
fn go_program() -> Option<&'static Path> {
    static BIN: OnceLock<Option<PathBuf>> = OnceLock::new();
    BIN.get_or_init(|| {
        let required = std::env::var("REQUIRE_GO").is_ok_and(|v| v == "1");
        let found = Command::new("go")
            .arg("version")
            .output()
            .is_ok_and(|o| o.status.success());
        if !found {
            assert!(!required, "REQUIRE_GO=1, but `go` is not on PATH");
            // Straight to stderr, past the test harness's capture of eprintln!, so it shows.
            let note = "note: `go` is not on PATH: the Go half of these tests is skipped\n";
            let _ = std::io::stderr().write_all(note.as_bytes());
            return None;
        }
        let bin = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("http-client-go{}", std::env::consts::EXE_SUFFIX));
        let go_root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../go-reference");
        let output = Command::new("go")
            .arg("build")
            .arg("-o")
            .arg(&bin)
            .arg("./http-client")
            .current_dir(go_root)
            .output()
            .expect("go runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success(),
            "go build ./http-client failed:\n{stderr}"
        );
        Some(bin)
    })
    .as_deref()
}

/// Runs `bin` with `args` and checks its exit code and its stderr (snapbox wildcards allowed),
/// and that it did not panic.
fn run(bin: &Path, args: &[&str], code: i32, stderr: &str) -> OutputAssert {
    let assert = snapbox::cmd::Command::new(bin)
        .args(args)
        .timeout(LIMIT)
        .assert()
        .code(code)
        .stderr_eq(stderr.to_owned());
    let text = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(
        !text.contains("panic"),
        "{} panicked:\n{text}",
        bin.display()
    );
    assert
}

/// A usage error: nothing on stdout, exit 2, and each side's one-line message.
fn usage_error(args: &[&str], rust_stderr: &str, go_stderr: &str) {
    run(rust_program(), args, 2, rust_stderr).stdout_eq("");
    if let Some(go) = go_program() {
        run(go, args, 2, go_stderr).stdout_eq("");
    }
}

const HINT: &str = "\nFor more information, try '--help'.\n";
/// The usage line clap adds to an unexpected argument's error.
const USAGE: &str = "\nUsage: http-client[EXE] [OPTIONS]\n";

#[test]
fn unreachable_url_is_a_one_line_error_and_exit_1() {
    // Nothing listens on port 1 of the loopback address: the connection is refused at once.
    let args = ["--url", "http://127.0.0.1:1/"];
    let stderr = "error: could not reach http://127.0.0.1:1/: connection refused\n";
    run(rust_program(), &args, 1, stderr).stdout_eq("");
    if let Some(go) = go_program() {
        run(go, &args, 1, stderr).stdout_eq("");
    }
}

#[test]
fn a_404_is_an_answer_and_exits_0() {
    // A one-shot server that answers 404 to each of the two programs.
    let listener = TcpListener::bind("127.0.0.1:0").expect("loopback");
    let url = format!("http://{}/missing", listener.local_addr().expect("bound"));
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let mut stream = stream.expect("a connection");
            let mut request = [0; 4096];
            let _ = stream.read(&mut request).expect("the request");
            let answer = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            stream.write_all(answer.as_bytes()).expect("the answer");
        }
    });
    let stdout = format!("GET {url} -> 404 Not Found\n");
    run(rust_program(), &["--url", &url], 0, "").stdout_eq(stdout.clone());
    if let Some(go) = go_program() {
        run(go, &["--url", &url], 0, "").stdout_eq(stdout);
    }
}

#[test]
fn help_goes_to_stdout_and_exits_0() {
    run(rust_program(), &["--help"], 0, "").stdout_eq(
        "Without --url, GETs a local server's /hello and /missing, and a closed port\n\
         \n\
         Usage: http-client[EXE] [OPTIONS]\n\
         \n\
         Options:\n      \
         --url <URL>  GET this URL once and print the response status\n  \
         -h, --help       Print help\n",
    );
    if let Some(go) = go_program() {
        run(go, &["--help"], 0, "").stdout_eq(
            "Usage: http-client [--url URL]\n  \
             -url URL\n    \
             \tGET this URL once and print the response status\n",
        );
    }
}

#[test]
fn malformed_url_is_a_usage_error() {
    usage_error(
        &["--url", "not-a-url"],
        &format!(
            "error: invalid value 'not-a-url' for '--url <URL>': \
             relative URL without a base\n{HINT}"
        ),
        &format!(
            "error: invalid value \"not-a-url\" for flag -url: \
             parse \"not-a-url\": invalid URI for request\n{HINT}"
        ),
    );
}

#[test]
fn non_http_url_is_an_error_and_exit_1() {
    // A well-formed URL of another scheme passes the flag parser; the client then refuses it.
    let args = ["--url", "ftp://127.0.0.1/"];
    let rust = "error: could not reach ftp://127.0.0.1/: URL scheme is not allowed\n";
    run(rust_program(), &args, 1, rust).stdout_eq("");
    if let Some(go) = go_program() {
        let go_stderr =
            "error: could not reach ftp://127.0.0.1/: unsupported protocol scheme \"ftp\"\n";
        run(go, &args, 1, go_stderr).stdout_eq("");
    }
}

#[test]
fn unknown_flag_is_a_usage_error() {
    // clap also shows the usage line; Go's flag package names the flag with one dash.
    usage_error(
        &["--workers", "4"],
        &format!("error: unexpected argument '--workers' found\n{USAGE}{HINT}"),
        &format!("error: flag provided but not defined: -workers\n{HINT}"),
    );
}

#[test]
fn stray_argument_is_a_usage_error() {
    usage_error(
        &["extra"],
        &format!("error: unexpected argument 'extra' found\n{USAGE}{HINT}"),
        &format!("error: unexpected argument 'extra' found\n{HINT}"),
    );
}

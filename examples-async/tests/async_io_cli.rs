//! The `async-io` example's command line: bad input gives a one-line error and a failing exit
//! status, quickly, never a panic or a hang. (Its run without arguments is checked by the
//! pattern suite against go-reference/async-io/expected.txt.)

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

use snapbox::cmd::OutputAssert;

/// Longer than the example's own bounds (5 s to connect, 10 s in all), so a hang shows up as a
/// timeout failure here rather than blocking the test run.
const LIMIT: Duration = Duration::from_secs(30);

/// `target/<profile>/examples/async-io`: this test binary lives in `target/<profile>/deps/`.
/// `cargo test` builds a package's examples before its tests, but not when told to build only
/// this test (`--test async_io_cli`), so build it once here (a no-op when it is fresh).
fn example() -> &'static Path {
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
            "async-io",
        ]);
        if profile.file_name().is_some_and(|n| n == "release") {
            build.arg("--release");
        }
        let status = build.status().expect("cargo runs");
        assert!(status.success(), "cargo build --example async-io failed");
        profile
            .join("examples")
            .join(format!("async-io{}", std::env::consts::EXE_SUFFIX))
    })
}

/// Runs the example with `args` and checks that it fails with exactly `stderr` (snapbox
/// wildcards allowed), prints nothing on stdout, and did not panic.
fn fails_with(args: &[&str], stderr: &str) -> OutputAssert {
    let assert = snapbox::cmd::Command::new(example())
        .args(args)
        .timeout(LIMIT)
        .assert()
        .failure()
        .stdout_eq("")
        .stderr_eq(stderr.to_owned());
    let text = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(!text.contains("panicked"), "the example panicked:\n{text}");
    assert
}

#[test]
fn unreachable_url_is_a_one_line_error() {
    // Nothing listens on port 1 of the loopback address: the connection is refused at once.
    fails_with(
        &["--url", "http://127.0.0.1:1/"],
        "error: could not reach http://127.0.0.1:1/: connection refused\n",
    )
    .code(1);
}

#[test]
fn malformed_url_is_rejected_by_clap() {
    fails_with(
        &["--url", "not-a-url"],
        "error: invalid value 'not-a-url' for '--url <URL>': relative URL without a base\n\
         \n\
         For more information, try '--help'.\n",
    )
    .code(2);
}

#[test]
fn non_http_url_is_rejected_by_clap() {
    fails_with(
        &["--url", "ftp://127.0.0.1/"],
        "error: invalid value 'ftp://127.0.0.1/' for '--url <URL>': [..]\n\
         \n\
         For more information, try '--help'.\n",
    )
    .code(2);
}

#[test]
fn unknown_flag_is_rejected_by_clap() {
    // The example takes no --workers; clap names the flag and shows the usage line.
    fails_with(
        &["--workers", "4"],
        "error: unexpected argument '--workers' found\n\
         \n\
         Usage: async-io[EXE] [OPTIONS]\n\
         \n\
         For more information, try '--help'.\n",
    )
    .code(2);
}

//! The pattern suite: every Go program and every Rust translation in `catalog.toml` is built,
//! run with a timeout, and its stdout checked against the pattern's one expected file
//! (`go-reference/<slug>/expected.txt`) with snapbox. The catalog is checked against the disk,
//! the step titles of each pair against each other, and the Go module with `go vet` and gofmt.
//!
//! Filter as with any test binary: `cargo test -p xtask --test patterns -- channels`.
//!
//! Without `go` on PATH the Go checks are reported as ignored, with a note saying so;
//! with `REQUIRE_GO=1` they fail instead.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use libtest_mimic::{Arguments, Failed, Trial};
use snapbox::cmd::OutputAssert;
use xtask::catalog::{Catalog, GoCheck, Mistake};
use xtask::{disk, readme, steps, workspace_root};

/// How long one program may run before it counts as hung. Each should end in well under two
/// seconds; the margin is for a loaded two-core machine building and running tests at once.
const RUN_TIMEOUT: Duration = Duration::from_secs(30);

/// How long a build, `go vet` or `go test` may take: long enough for a cold build on two cores.
const TOOL_TIMEOUT: Duration = Duration::from_secs(600);

fn main() {
    let args = Arguments::from_args();
    let root = workspace_root();
    let catalog = match Catalog::load(&root) {
        Ok(c) => Arc::new(c),
        Err(err) => {
            let msg = format!("{err:#}");
            let trial = Trial::test("catalog::loads", move || Err(msg.into()));
            libtest_mimic::run(&args, vec![trial]).exit();
        }
    };

    let mut trials = catalog_trials(&catalog, &root);
    trials.extend(rust_trials(&catalog, &root));
    let toolchain = go_toolchain();
    let mut go = go_trials(&catalog, &root, &toolchain);
    go.extend(museum_go_trials(&catalog, &root, &toolchain));
    trials.extend(unless_go_is_missing(go, &toolchain));
    libtest_mimic::run(&args, trials).exit();
}

// ----------------------------------------------------------------------------------------------
// The catalog, the files on disk, the step titles and the README.

fn catalog_trials(catalog: &Arc<Catalog>, root: &Path) -> Vec<Trial> {
    let mut trials = Vec::new();

    let (c, r) = (catalog.clone(), root.to_path_buf());
    trials.push(Trial::test("catalog::matches_files_on_disk", move || {
        let problems = disk::problems(&c, &r)?;
        if problems.is_empty() { Ok(()) } else { Err(problems.join("\n").into()) }
    }));

    for p in &catalog.chapters {
        let (c, r, slug) = (catalog.clone(), root.to_path_buf(), p.slug.clone());
        trials.push(Trial::test(format!("steps::{slug}"), move || {
            let p = c.chapter(&slug).expect("slug from the catalog");
            let problems = steps::problems(p, &r)?;
            if problems.is_empty() { Ok(()) } else { Err(problems.join("\n").into()) }
        }));
    }

    let (c, r) = (catalog.clone(), root.to_path_buf());
    trials.push(Trial::test("readme::chapter_and_index_tables_are_current", move || {
        let text = read(&r.join("README.md"))?;
        let index = xtask::index::Index::load(&r, &c)?;
        if readme::update(&text, &c, &index)? == text {
            Ok(())
        } else {
            Err(
                "README.md's chapter or index table differs from catalog.toml or index.toml: run `cargo xtask readme`"
                    .into(),
            )
        }
    }));

    let (c, r) = (catalog.clone(), root.to_path_buf());
    trials.push(Trial::test("index::covers_every_go_name", move || {
        let index = xtask::index::Index::load(&r, &c)?;
        let problems = xtask::index::missing(&r, &c, &index)?;
        if problems.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "{}\n(add the names to index.toml, as CONTRIBUTING.md shows)",
                problems.join("\n")
            )
            .into())
        }
    }));

    let (c, r) = (catalog.clone(), root.to_path_buf());
    trials.push(Trial::test("readme::museum_table_is_current", move || {
        let text = read(&r.join("README.md"))?;
        if xtask::museum::update(&text, &c)? == text {
            Ok(())
        } else {
            Err("README.md's museum table differs from catalog.toml: run `cargo xtask readme`"
                .into())
        }
    }));
    trials
}

fn read(path: &Path) -> Result<String, Failed> {
    std::fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()).into())
}

// ----------------------------------------------------------------------------------------------
// Rust: build every example once, then run each one.

/// `target/<profile>/`: this test binary lives in its `deps/` folder, the examples in `examples/`.
fn profile_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary knows its path");
    exe.parent()
        .and_then(Path::parent)
        .expect("test binaries live in target/<profile>/deps")
        .to_path_buf()
}

/// Builds one example (`cargo build --example NAME` finds it in whichever member holds it)
/// and returns the path cargo reports for its executable. Under `cargo test --workspace` it is
/// already built and this only checks that it is fresh. Building each on its own keeps one
/// broken example from failing every other trial.
fn build_rust_example(root: &Path, name: &str) -> Result<PathBuf, Failed> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.args(["build", "--quiet", "--locked", "--message-format=json", "--example", name])
        .current_dir(root);
    if profile_dir().file_name().is_some_and(|n| n == "release") {
        cmd.arg("--release");
    }
    let stdout = check_command(cmd, &format!("cargo build --example {name}"))?;
    example_executable(&stdout, name)
        .ok_or_else(|| format!("cargo built no executable for example {name:?}").into())
}

/// The executable of example `name` in cargo's `--message-format=json` output.
fn example_executable(messages: &str, name: &str) -> Option<PathBuf> {
    messages
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|m| m["reason"] == "compiler-artifact" && m["target"]["name"] == name)
        .filter(|m| {
            m["target"]["kind"].as_array().is_some_and(|k| k.iter().any(|k| k == "example"))
        })
        .find_map(|m| m["executable"].as_str().map(PathBuf::from))
}

fn rust_trials(catalog: &Arc<Catalog>, root: &Path) -> Vec<Trial> {
    catalog
        .examples()
        .map(|(p, r)| {
            let expected = p.expected_file(root);
            let name = r.example.clone();
            let root = root.to_path_buf();
            Trial::test(format!("rust::{name}"), move || {
                let bin = build_rust_example(&root, &name)?;
                run_and_compare(&bin, &root, &expected)
            })
        })
        .collect()
}

/// Runs `bin` with no arguments and an empty stdin, and checks that it exits with success
/// within the timeout and prints what `expected` holds (snapbox: `...` on a line of its own
/// matches any lines, `[..]` inside a line any text).
fn run_and_compare(bin: &Path, dir: &Path, expected: &Path) -> Result<(), Failed> {
    let output = snapbox::cmd::Command::new(bin)
        .current_dir(dir)
        // A Go binary built with -race sleeps a second at exit by default, waiting for late
        // reports; ours have joined everything by then. (Other programs ignore the variable.)
        .env("GORACE", "atexit_sleep_ms=0")
        .timeout(RUN_TIMEOUT)
        .output()
        .map_err(|e| format!("running {}: {e} (limit {RUN_TIMEOUT:?})", bin.display()))?;
    OutputAssert::new(output).success().stdout_eq(snapbox::Data::read_from(expected, None));
    Ok(())
}

// ----------------------------------------------------------------------------------------------
// Go: find the toolchain, build each program (with the race detector when cgo allows it), run
// it against the same expected file, and vet and gofmt the module.

#[derive(Debug, Clone)]
enum GoToolchain {
    Found { race: bool, required: bool },
    Missing { required: bool },
}

fn go_toolchain() -> GoToolchain {
    let required = std::env::var("REQUIRE_GO").is_ok_and(|v| v == "1");
    let found = Command::new("go").arg("version").output().is_ok_and(|o| o.status.success());
    if !found {
        return GoToolchain::Missing { required };
    }
    // The race detector needs cgo (and so a C compiler); without it the programs still run.
    let race = Command::new("go")
        .args(["env", "CGO_ENABLED"])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "1");
    GoToolchain::Found { race, required }
}

/// Whether to build with -race, or why this Go trial cannot run: `go` is missing, or
/// REQUIRE_GO=1 asks for the full checks and the race detector is unavailable.
fn usable_go(toolchain: &GoToolchain) -> Result<bool, Failed> {
    match *toolchain {
        GoToolchain::Found { race: false, required: true } => Err(
            "REQUIRE_GO=1, but the race detector is unavailable (it needs CGO_ENABLED=1 and a C \
             compiler): the race-clean check cannot run"
                .into(),
        ),
        GoToolchain::Found { race, .. } => Ok(race),
        GoToolchain::Missing { .. } => {
            Err("`go` is not on PATH and REQUIRE_GO=1: install Go 1.22 or newer".into())
        }
    }
}

fn go_trials(catalog: &Arc<Catalog>, root: &Path, toolchain: &GoToolchain) -> Vec<Trial> {
    let go_root = root.join("go-reference");
    let bin_dir = profile_dir().join("go-reference");
    let mut trials = Vec::new();

    for p in &catalog.chapters {
        let (go_root, bin_dir, expected) =
            (go_root.clone(), bin_dir.clone(), p.expected_file(root));
        let (dir, toolchain) = (p.slug.clone(), toolchain.clone());
        trials.push(Trial::test(format!("go::{}", p.slug), move || {
            let race = usable_go(&toolchain)?;
            let bin =
                bin_dir.join(format!("{}{}", dir.replace('/', "-"), std::env::consts::EXE_SUFFIX));
            let mut build = Command::new("go");
            build.arg("build");
            if race {
                build.arg("-race");
            }
            build.arg("-o").arg(&bin).arg(format!("./{dir}")).current_dir(&go_root);
            check_command(build, "go build")?;
            run_and_compare(&bin, &go_root, &expected)
        }));
    }

    let (r, t) = (go_root.clone(), toolchain.clone());
    // Every package but the museum cases that exist to fail vet (their own trials check that
    // they do).
    let vet_failures: Vec<String> = catalog
        .mistakes
        .iter()
        .filter(|m| m.go_check == GoCheck::Vet)
        .map(|m| format!("/{}", m.go()))
        .collect();
    trials.push(Trial::test("go::vet", move || {
        usable_go(&t)?;
        let listed = Command::new("go")
            .args(["list", "./..."])
            .current_dir(&r)
            .output()
            .map_err(|e| format!("could not run go list: {e}"))?;
        if !listed.status.success() {
            return Err(format!(
                "go list ./... failed:\n{}",
                String::from_utf8_lossy(&listed.stderr)
            )
            .into());
        }
        let packages: Vec<String> = String::from_utf8_lossy(&listed.stdout)
            .lines()
            .filter(|pkg| !vet_failures.iter().any(|case| pkg.ends_with(case.as_str())))
            .map(str::to_string)
            .collect();
        let mut vet = Command::new("go");
        vet.arg("vet").args(&packages).current_dir(&r);
        check_command(vet, "go vet ./... (less the museum's vet cases, checked under museum::go::)")
            .map(drop)
    }));

    // The Go tests beside a pattern's program, with the race detector (the `testing` pattern's
    // main_test.go).
    for p in &catalog.chapters {
        let dir = p.go_dir(root);
        let has_tests = std::fs::read_dir(&dir).is_ok_and(|entries| {
            entries
                .flatten()
                .any(|e| e.file_name().to_str().is_some_and(|n| n.ends_with("_test.go")))
        });
        if !has_tests {
            continue;
        }
        let (r, t, pkg) = (go_root.clone(), toolchain.clone(), format!("./{}", p.slug));
        trials.push(Trial::test(format!("go::test::{}", p.slug), move || {
            let race = usable_go(&t)?;
            let mut test = Command::new("go");
            test.arg("test");
            if race {
                test.arg("-race");
            }
            test.args(["-count=1", &pkg]).current_dir(&r);
            let race_flag = if race { " -race" } else { "" };
            check_command(test, &format!("go test{race_flag} {pkg}")).map(drop)
        }));
    }

    let (r, t) = (go_root, toolchain.clone());
    trials.push(Trial::test("go::gofmt", move || {
        usable_go(&t)?;
        let out = Command::new("gofmt")
            .args(["-l", "."])
            .current_dir(&r)
            .output()
            .map_err(|e| format!("could not run gofmt: {e}"))?;
        let listed = String::from_utf8_lossy(&out.stdout);
        if out.status.success() && listed.trim().is_empty() {
            Ok(())
        } else {
            Err(format!("gofmt -l lists files to format (run `gofmt -w go-reference`):\n{listed}")
                .into())
        }
    }));

    trials
}

/// Without `go` on PATH, the Go trials are shown as ignored, with a note saying why; with
/// REQUIRE_GO=1 they stay and each one fails.
fn unless_go_is_missing(trials: Vec<Trial>, toolchain: &GoToolchain) -> Vec<Trial> {
    match toolchain {
        GoToolchain::Found { .. } => trials,
        GoToolchain::Missing { required: true } => {
            eprintln!("error: REQUIRE_GO=1 but `go` is not on PATH: every Go check will fail");
            trials
        }
        GoToolchain::Missing { required: false } => {
            eprintln!(
                "note: `go` is not on PATH, so the {} Go checks are skipped (shown as ignored). \
                 Install Go 1.22 or newer to run them, or set REQUIRE_GO=1 to make this an error.",
                trials.len()
            );
            trials.into_iter().map(|t| t.with_ignored_flag(true)).collect()
        }
    }
}

// ----------------------------------------------------------------------------------------------
// The museum's Go side: each case is built and shown the way its report needs (built with
// -race and run, run as is, or `go vet` on its package), and the report must contain the line
// the catalog gives. These programs are the only Go programs allowed to race; every pattern's
// program above is built with -race, and a race makes it exit 66 and fail its trial.

fn museum_go_trials(catalog: &Arc<Catalog>, root: &Path, toolchain: &GoToolchain) -> Vec<Trial> {
    let go_root = root.join("go-reference");
    let bin_dir = profile_dir().join("go-reference");
    let mut trials = Vec::new();
    for m in &catalog.mistakes {
        let (c, case, go_root, bin_dir, t) =
            (catalog.clone(), m.case.clone(), go_root.clone(), bin_dir.clone(), toolchain.clone());
        let root = root.to_path_buf();
        trials.push(Trial::test(format!("museum::go::{case}"), move || {
            let race = usable_go(&t)?;
            let m = c.mistake(&case).expect("case from the catalog");
            museum_header(m, &root)?;
            let report = museum_go_report(m, &go_root, &bin_dir, race)?;
            if report.contains(&m.go_report) {
                Ok(())
            } else {
                Err(format!(
                    "`{}` did not report {:?}; it printed:\n{report}",
                    m.go_command(),
                    m.go_report
                )
                .into())
            }
        }));
    }
    trials
}

/// The Go program's header says that it shows a bug on purpose and gives the command that
/// shows Go's report.
fn museum_header(m: &Mistake, root: &Path) -> Result<(), Failed> {
    let file = m.go_file(root);
    let text = read(&file)?;
    let header = steps::header(&text).join("\n");
    let cmd = m.go_command();
    if !header.contains("has the bug on purpose") || !steps::header_gives(&text, &cmd) {
        return Err(format!(
            "{}: its header must say that it has the bug on purpose and give `{cmd}`",
            file.display()
        )
        .into());
    }
    Ok(())
}

/// Builds and shows one museum case, and returns what Go printed (stdout and stderr).
fn museum_go_report(
    m: &Mistake,
    go_root: &Path,
    bin_dir: &Path,
    race: bool,
) -> Result<String, Failed> {
    let pkg = format!("./{}", m.go());
    if m.go_check == GoCheck::Vet {
        // The program must compile (vet type-checks it too) and vet must fail on it.
        let mut build = Command::new("go");
        build
            .args(["build", "-o"])
            .arg(bin_dir.join(format!("museum-{}{}", m.case, std::env::consts::EXE_SUFFIX)))
            .arg(&pkg)
            .current_dir(go_root);
        check_command(build, &format!("go build {pkg}"))?;
        let out = Command::new("go")
            .args(["vet", &pkg])
            .current_dir(go_root)
            .output()
            .map_err(|e| format!("could not run go vet: {e}"))?;
        if out.status.success() {
            return Err(format!("`go vet {pkg}` passed, but this case exists to fail it").into());
        }
        return Ok(combined(&out.stdout, &out.stderr));
    }
    if m.go_check == GoCheck::Race && !race {
        return Err(
            "this case needs the race detector, which needs cgo (CGO_ENABLED=1 and a C compiler)"
                .into(),
        );
    }
    let bin = bin_dir.join(format!("museum-{}{}", m.case, std::env::consts::EXE_SUFFIX));
    let mut build = Command::new("go");
    build.arg("build");
    if m.go_check == GoCheck::Race {
        build.arg("-race");
    }
    build.arg("-o").arg(&bin).arg(&pkg).current_dir(go_root);
    check_command(build, &format!("go build {pkg}"))?;
    let out = snapbox::cmd::Command::new(&bin)
        .current_dir(go_root)
        .timeout(RUN_TIMEOUT)
        .output()
        .map_err(|e| format!("running {}: {e} (limit {RUN_TIMEOUT:?})", bin.display()))?;
    let report = combined(&out.stdout, &out.stderr);
    // The race detector exits 66 when it reported a race; the runtime's fatal errors and
    // panics exit 2.
    let expected_status = match m.go_check {
        GoCheck::Race => Some(66),
        _ if m.go_report.starts_with("fatal error:") || m.go_report.starts_with("panic:") => {
            Some(2)
        }
        _ => None,
    };
    if let Some(code) = expected_status
        && out.status.code() != Some(code)
    {
        return Err(
            format!("{pkg} should exit with status {code}, got {}:\n{report}", out.status).into()
        );
    }
    Ok(report)
}

fn combined(stdout: &[u8], stderr: &[u8]) -> String {
    format!("{}{}", String::from_utf8_lossy(stdout), String::from_utf8_lossy(stderr))
}

/// Runs a tool (a build, `go vet`, `go test`) with a generous timeout, so that a stuck tool
/// fails its trial instead of hanging the suite, and returns its stdout.
fn check_command(cmd: Command, what: &str) -> Result<String, Failed> {
    let out = snapbox::cmd::Command::from_std(cmd)
        .timeout(TOOL_TIMEOUT)
        .output()
        .map_err(|e| format!("{what} did not finish within {TOOL_TIMEOUT:?}: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(format!(
            "{what} failed ({}):\n{}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
        .into())
    }
}

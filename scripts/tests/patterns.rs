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
use xtask::catalog::Catalog;
use xtask::{disk, readme, steps, workspace_root};

/// How long one program may run before it counts as hung. Each should end in well under two
/// seconds; the margin is for a loaded two-core machine building and running tests at once.
const RUN_TIMEOUT: Duration = Duration::from_secs(30);

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
    trials.extend(go_trials(&catalog, &root));
    libtest_mimic::run(&args, trials).exit();
}

// ----------------------------------------------------------------------------------------------
// The catalog, the files on disk, the step titles and the README.

fn catalog_trials(catalog: &Arc<Catalog>, root: &Path) -> Vec<Trial> {
    let mut trials = Vec::new();

    let (c, r) = (catalog.clone(), root.to_path_buf());
    trials.push(Trial::test("catalog::matches_files_on_disk", move || {
        let problems = disk::problems(&c, &r)?;
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("\n").into())
        }
    }));

    for p in &catalog.patterns {
        let (c, r, slug) = (catalog.clone(), root.to_path_buf(), p.slug.clone());
        trials.push(Trial::test(format!("steps::{slug}"), move || {
            let p = c.pattern(&slug).expect("slug from the catalog");
            let go_file = p.go_file(&r);
            let go_text = read(&go_file)?;
            let go_steps = steps::parse(&go_text);
            let mut problems = Vec::new();
            if go_steps.is_empty() {
                problems.push(format!(
                    "{} has no `// ## <title>` steps",
                    go_file.display()
                ));
            }
            let go_cmd = format!("go run ./{}", p.go);
            if !steps::header(&go_text).iter().any(|l| l.contains(&go_cmd)) {
                problems.push(format!(
                    "{}: its header does not give `{go_cmd}`",
                    go_file.display()
                ));
            }
            for ex in &p.rust {
                let file = ex.file(&r);
                let text = read(&file)?;
                if let Some(why) = steps::compare(&go_steps, &steps::parse(&text)) {
                    problems.push(format!("{}: {why}", file.display()));
                }
                let cmd = format!("cargo run --example {}", ex.example);
                if !steps::header(&text).iter().any(|l| l.contains(&cmd)) {
                    problems.push(format!(
                        "{}: its header does not give `{cmd}`",
                        file.display()
                    ));
                }
            }
            if problems.is_empty() {
                Ok(())
            } else {
                Err(problems.join("\n").into())
            }
        }));
    }

    let (c, r) = (catalog.clone(), root.to_path_buf());
    trials.push(Trial::test("readme::pattern_table_is_current", move || {
        let text = read(&r.join("README.md"))?;
        if readme::update(&text, &c)? == text {
            Ok(())
        } else {
            Err(
                "README.md's pattern table differs from catalog.toml: run `cargo xtask readme`"
                    .into(),
            )
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

/// Builds one example (`cargo build --example NAME` finds it in whichever member holds it).
/// Under `cargo test --workspace` it is already built and this only checks that it is fresh.
/// Building each on its own keeps one broken example from failing every other trial.
fn build_rust_example(root: &Path, name: &str) -> Result<PathBuf, Failed> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.args(["build", "--quiet", "--example", name])
        .current_dir(root);
    if profile_dir().file_name().is_some_and(|n| n == "release") {
        cmd.arg("--release");
    }
    check_command(cmd, &format!("cargo build --example {name}"))?;
    Ok(profile_dir()
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX)))
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
    OutputAssert::new(output)
        .success()
        .stdout_eq(snapbox::Data::read_from(expected, None));
    Ok(())
}

// ----------------------------------------------------------------------------------------------
// Go: find the toolchain, build each program (with the race detector when cgo allows it), run
// it against the same expected file, and vet and gofmt the module.

#[derive(Debug, Clone)]
enum GoToolchain {
    Found { race: bool },
    Missing { required: bool },
}

fn go_toolchain() -> GoToolchain {
    let found = Command::new("go")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        let required = std::env::var("REQUIRE_GO").is_ok_and(|v| v == "1");
        return GoToolchain::Missing { required };
    }
    // The race detector needs cgo (and so a C compiler); without it the programs still run.
    let race = Command::new("go")
        .args(["env", "CGO_ENABLED"])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "1");
    GoToolchain::Found { race }
}

fn go_trials(catalog: &Arc<Catalog>, root: &Path) -> Vec<Trial> {
    let toolchain = go_toolchain();
    let go_root = root.join("go-reference");
    let bin_dir = profile_dir().join("go-reference");
    let mut trials = Vec::new();

    for p in &catalog.patterns {
        let (go_root, bin_dir, expected) =
            (go_root.clone(), bin_dir.clone(), p.expected_file(root));
        let (dir, toolchain) = (p.go.clone(), toolchain.clone());
        trials.push(Trial::test(format!("go::{}", p.slug), move || {
            let GoToolchain::Found { race } = toolchain else {
                return go_missing();
            };
            let bin = bin_dir.join(format!(
                "{}{}",
                dir.replace('/', "-"),
                std::env::consts::EXE_SUFFIX
            ));
            let mut build = Command::new("go");
            build.arg("build");
            if race {
                build.arg("-race");
            }
            build
                .arg("-o")
                .arg(&bin)
                .arg(format!("./{dir}"))
                .current_dir(&go_root);
            check_command(build, "go build")?;
            run_and_compare(&bin, &go_root, &expected)
        }));
    }

    let (r, t) = (go_root.clone(), toolchain.clone());
    trials.push(Trial::test("go::vet", move || {
        if let GoToolchain::Missing { .. } = t {
            return go_missing();
        }
        let mut vet = Command::new("go");
        vet.args(["vet", "./..."]).current_dir(&r);
        check_command(vet, "go vet ./...")
    }));

    let (r, t) = (go_root, toolchain.clone());
    trials.push(Trial::test("go::gofmt", move || {
        if let GoToolchain::Missing { .. } = t {
            return go_missing();
        }
        let out = Command::new("gofmt")
            .args(["-l", "."])
            .current_dir(&r)
            .output()
            .map_err(|e| format!("could not run gofmt: {e}"))?;
        let listed = String::from_utf8_lossy(&out.stdout);
        if out.status.success() && listed.trim().is_empty() {
            Ok(())
        } else {
            Err(
                format!("gofmt -l lists files to format (run `gofmt -w go-reference`):\n{listed}")
                    .into(),
            )
        }
    }));

    if let GoToolchain::Missing { required } = toolchain {
        if required {
            eprintln!("error: REQUIRE_GO=1 but `go` is not on PATH: every Go check will fail");
        } else {
            eprintln!(
                "note: `go` is not on PATH, so the {} Go checks are skipped (shown as ignored). \
                 Install Go 1.22 or newer to run them, or set REQUIRE_GO=1 to make this an error.",
                trials.len()
            );
            trials = trials
                .into_iter()
                .map(|t| t.with_ignored_flag(true))
                .collect();
        }
    }
    trials
}

fn go_missing() -> Result<(), Failed> {
    Err("`go` is not on PATH and REQUIRE_GO=1: install Go 1.22 or newer".into())
}

fn check_command(mut cmd: Command, what: &str) -> Result<(), Failed> {
    let out = cmd
        .output()
        .map_err(|e| format!("could not run {what}: {e}"))?;
    if out.status.success() {
        Ok(())
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

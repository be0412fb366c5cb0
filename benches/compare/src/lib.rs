//! The benchmark tooling behind `cargo xtask compare [--quick]` and `cargo xtask asm`. It lives
//! beside the benchmarks it runs; the xtask crate calls it, and the site reads its report types.
//!
//! `cargo xtask compare`: build the Rust and Go benchmarks, run them on this
//! machine family by family (Rust, then its Go twins, then the next family), then the
//! [`workloads`] (whole programs on both sides, alternating), and write one
//! report under `target/compare/`: `report.md` (the table), `report.json` (the same rows with
//! raw numbers), `chart.svg`, a `growth-<twin>.svg` for each twin that sweeps a parameter, and
//! the raw output of both harnesses.
//!
//! A run writes into `target/compare.new/` and puts it in the place of `target/compare/` only
//! once it has finished: a failed or interrupted run leaves the last complete one where it was,
//! for `--report-only` and the site, and its own partial output in `compare.new/` to look at.
//!
//! Which Go benchmark is the twin of which Rust benchmark is decided in one place,
//! [`twins::TWINS`].

pub mod asm;
pub mod chart;
pub mod growth;
pub mod machine;
pub mod parse;
pub mod report;
pub mod twins;
pub mod workloads;

/// The criterion settings of `benches::criterion()`, which the full mode runs with and the
/// report quotes. This crate does not depend on `benches` (criterion, tokio and the channel
/// crates would be built for every `cargo xtask`), so it includes the one file that defines them.
#[path = "../../src/settings.rs"]
#[allow(unreachable_pub, reason = "public in `benches`, private to this module here")]
mod bench_settings;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use self::report::Header;
use self::twins::{Family, Param, TWINS, expand};

/// The workspace root: two folders above this crate (`benches/compare/`).
pub fn workspace_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.ancestors().nth(2).expect("benches/compare/ sits in the workspace").into()
}

/// The folders in `dir`, sorted; none when it does not exist.
fn subdirs(dir: &Path) -> Result<Vec<PathBuf>> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let entries = std::fs::read_dir(dir).with_context(|| format!("listing {}", dir.display()))?;
    let mut paths = entries.map(|e| e.map(|e| e.path())).collect::<std::io::Result<Vec<_>>>()?;
    paths.retain(|p| p.is_dir());
    paths.sort();
    Ok(paths)
}

/// The report, asm table and chart templates: HTML escaping for the SVG, none for Markdown.
fn environment() -> Result<minijinja::Environment<'static>> {
    use minijinja::{AutoEscape, Environment};
    let mut env = Environment::new();
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".svg") { AutoEscape::Html } else { AutoEscape::None }
    });
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.add_template("report.md", include_str!("../templates/report.md"))?;
    env.add_template("asm.md", include_str!("../templates/asm.md"))?;
    env.add_template("chart.svg", include_str!("../templates/chart.svg"))?;
    env.add_template("workloads.md", include_str!("../templates/workloads.md"))?;
    env.add_template("growth.svg", include_str!("../templates/growth.svg"))?;
    Ok(env)
}

/// A Markdown template rendered: the tools' own data always renders, so a failure is a bug.
fn render_md(template: &str, ctx: minijinja::Value) -> String {
    environment()
        .and_then(|env| Ok(env.get_template(template)?.render(ctx)?))
        .unwrap_or_else(|e| panic!("the {template} template renders: {e:?}"))
}

/// How much to measure.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// The CI subset: the rows marked quick, at one value of each sweep (see
    /// [`twins::Axis::quick_value`]), with short criterion and Go settings; under a minute of
    /// running on 2 cores once built.
    pub quick: bool,
    /// Run nothing: rebuild the report from the results the last run left in
    /// `target/compare/` (after a change to the report's format).
    pub report_only: bool,
}

/// The criterion settings a mode runs with.
#[derive(Debug, Clone, Copy)]
struct CriterionSettings {
    warm_up: Duration,
    measurement: Duration,
    samples: usize,
}

/// The full mode: `benches::criterion()`'s own settings, so it passes none.
const FULL: CriterionSettings = CriterionSettings {
    warm_up: bench_settings::WARM_UP_TIME,
    measurement: bench_settings::MEASUREMENT_TIME,
    samples: bench_settings::SAMPLE_SIZE,
};

/// `--quick`: passed on the command line, where they override `benches::criterion()`'s.
const QUICK: CriterionSettings = CriterionSettings {
    warm_up: Duration::from_millis(200),
    measurement: Duration::from_millis(300),
    samples: 10,
};

/// Seconds as criterion's options take them and the report quotes them: `0.2`, `1.5`.
fn seconds(d: Duration) -> String {
    d.as_secs_f64().to_string()
}

impl Options {
    fn mode(self) -> &'static str {
        if self.quick { "quick" } else { "full" }
    }

    fn criterion_settings(self) -> CriterionSettings {
        if self.quick { QUICK } else { FULL }
    }

    /// The criterion options for this mode (the full mode keeps `benches::criterion()`'s).
    fn criterion_args(self) -> Vec<String> {
        if !self.quick {
            return Vec::new();
        }
        let s = self.criterion_settings();
        vec![
            "--warm-up-time".into(),
            seconds(s.warm_up),
            "--measurement-time".into(),
            seconds(s.measurement),
            "--sample-size".into(),
            s.samples.to_string(),
        ]
    }

    /// The criterion settings as the report's header quotes them.
    fn rust_settings(self) -> String {
        let s = self.criterion_settings();
        format!(
            "warm-up {} s, measurement {} s, {} samples, {}",
            seconds(s.warm_up),
            seconds(s.measurement),
            s.samples,
            if self.quick { "quick rows only, one value of each sweep" } else { "every benchmark" }
        )
    }

    /// `-test.benchtime` and `-test.count`.
    fn go_benchtime_count(self) -> (&'static str, usize) {
        if self.quick { ("20ms", 3) } else { ("200ms", 5) }
    }
}

/// Where a run leaves its report, relative to the workspace root.
const OUT: &str = "target/compare";

/// `dir` with `.suffix` added to its name: `target/compare.new`.
fn sibling(dir: &Path, suffix: &str) -> PathBuf {
    let mut name = dir.file_name().unwrap_or_default().to_os_string();
    name.push(".");
    name.push(suffix);
    dir.with_file_name(name)
}

/// Run the comparison; returns the path of the Markdown report.
pub fn run(root: &Path, opts: Options) -> Result<PathBuf> {
    if opts.report_only {
        return report_only(root);
    }
    let start = Instant::now();
    let go_version = go_version()?;
    let final_out = root.join(OUT);
    // Everything is written here, and moved to `final_out` once the run has succeeded.
    let out = sibling(&final_out, "new");
    // One line per step on stderr.
    let (mut step, total) = (0, 4 + 2 * Family::ALL.len());
    let mut progress = |what: &str| {
        step += 1;
        eprintln!("[{step}/{total}] {what} ({:.0} s)", start.elapsed().as_secs_f64());
    };
    eprintln!(
        "compare: {} mode, {go_version}, results in {} (in {} until the run has finished)",
        opts.mode(),
        final_out.display(),
        out.display()
    );

    progress("building the Rust benchmarks (cargo bench --locked --no-run)");
    let messages = build_rust(root)?;
    let executables = bench_executables(&messages);
    let rust_http = workloads::bin_executable(&messages, "http")
        .context("cargo bench --no-run built no `http` bin (benches/src/bin/http.rs)")?;
    if out.exists() {
        std::fs::remove_dir_all(&out)
            .with_context(|| format!("clearing {} (left by an earlier run)", out.display()))?;
    }
    std::fs::create_dir_all(&out).with_context(|| format!("creating {}", out.display()))?;
    progress("building the Go benchmarks (go test -c; go build ./bench/http)");
    let go_bin = out.join("go-bench.test");
    build_go(root, &go_bin)?;
    let go_http = out.join("http-go");
    workloads::build_go_http(root, &go_http)?;

    let load_before = machine::load_average();
    let run_start = Instant::now();
    let criterion_home = out.join("criterion");
    for family in Family::ALL {
        let target = family.bench_target();
        progress(&format!("Rust {target}"));
        let exe = executables
            .get(target)
            .with_context(|| format!("cargo built no bench executable named {target}"))?;
        run_rust(exe, &criterion_home, &out.join(format!("rust-{target}.log")), opts, family)?;
        progress(&format!("Go {target}"));
        let text = run_go(&go_bin, opts, family)?;
        std::fs::write(out.join(format!("go-{target}.txt")), &text)?;
    }
    progress("workloads: HTTP fan-out, Rust and Go alternating");
    let http = if opts.quick { workloads::HTTP_QUICK } else { workloads::HTTP_FULL };
    workloads::run_http(&rust_http, &go_http, http, &out.join(workloads::HTTP_RAW))?;
    let run_seconds = run_start.elapsed().as_secs_f64();

    progress("writing the report");
    let (benchtime, count) = opts.go_benchtime_count();
    let header = Header {
        machine: machine::Machine::detect(),
        // Filled in by `write_report`, from the Go results.
        gomaxprocs: None,
        mode: opts.mode().to_string(),
        rust_settings: opts.rust_settings(),
        go_settings: format!("-benchtime {benchtime} -count {count}"),
        load_before,
        load_after: machine::load_average(),
        seconds: run_seconds,
    };
    let written = write_report(&out, header)?;
    replace_dir(&out, &final_out)?;
    written.print(&final_out);
    eprintln!(
        "compare: benchmarks ran {run_seconds:.0} s, {:.0} s in all",
        start.elapsed().as_secs_f64()
    );
    Ok(final_out.join("report.md"))
}

/// Put the finished run in `new` in the place of the last one, `out`. The last one is moved
/// aside first (to `out.old`) and deleted once the new one is in place; if the move fails,
/// it is put back.
fn replace_dir(new: &Path, out: &Path) -> Result<()> {
    let old = sibling(out, "old");
    if old.exists() {
        std::fs::remove_dir_all(&old).with_context(|| format!("clearing {}", old.display()))?;
    }
    if out.exists() {
        std::fs::rename(out, &old)
            .with_context(|| format!("moving {} to {}", out.display(), old.display()))?;
    }
    if let Err(err) = std::fs::rename(new, out) {
        if old.exists() {
            // Best effort: the error that matters is the one returned below.
            let _ = std::fs::rename(&old, out);
        }
        return Err(err).with_context(|| format!("moving {} to {}", new.display(), out.display()));
    }
    if old.exists() {
        std::fs::remove_dir_all(&old).with_context(|| format!("deleting {}", old.display()))?;
    }
    Ok(())
}

/// What [`write_report`] wrote: how many rows, and how many of them with a Go number.
#[derive(Debug, Clone, Copy)]
pub struct Written {
    pub rows: usize,
    pub with_go: usize,
}

impl Written {
    fn print(self, out: &Path) {
        eprintln!(
            "compare: {} rows ({} with a Go twin) in {}",
            self.rows,
            self.with_go,
            out.join("report.md").display()
        );
        eprintln!("compare: `cargo xtask site --local-bench` shows this run on the site");
    }
}

/// Read what the harnesses left in `out` and write `run.json` (the header, with the GOMAXPROCS
/// the Go benchmarks ran at), `report.md`, `report.json`, `chart.svg` and the `growth-*.svg`
/// there. Every family's
/// `go-<family>.txt` must be there: a missing one is an error that names it. The workloads'
/// output ([`workloads::HTTP_RAW`]) adds a section when it is there.
pub fn write_report(out: &Path, mut header: Header) -> Result<Written> {
    let rust = parse::criterion_results(&out.join("criterion"))?;
    let mut go_text = String::new();
    for family in Family::ALL {
        let path = out.join(format!("go-{}.txt", family.bench_target()));
        let text = std::fs::read_to_string(&path).with_context(|| {
            format!(
                "reading {}, the output of the {} family's Go benchmarks",
                path.display(),
                family.bench_target()
            )
        })?;
        go_text.push_str(&text);
    }
    let go = parse::go_stats(&parse::parse_go_output(&go_text))?;
    if go.gomaxprocs.is_some() {
        header.gomaxprocs = go.gomaxprocs;
    }
    std::fs::write(out.join("run.json"), serde_json::to_string_pretty(&header)?)?;
    let rows = report::build_rows(&rust, &go.stats);
    if rows.is_empty() {
        bail!("no results to compare: see the logs in {}", out.display());
    }
    let workload_rows = workloads::read_rows(out)?;
    let md = report::markdown(&header, &rows);
    let md = match workloads::markdown(&workload_rows) {
        section if section.is_empty() => md,
        section => format!("{}\n\n{section}", md.trim_end()),
    };
    std::fs::write(out.join("report.md"), &md)?;
    std::fs::write(out.join("report.json"), report::json(&header, &rows, &workload_rows)?)?;
    chart::draw(
        &out.join("chart.svg"),
        &format!(
            "ns per op, Rust (orange) and Go (blue): {}, {} cores",
            header.machine.cpu, header.machine.cores
        ),
        &rows,
    )?;
    growth::draw(out, &rows)?;
    Ok(Written { rows: rows.len(), with_go: rows.iter().filter(|r| r.go.is_some()).count() })
}

/// `--report-only`: the report again from the last run's results and its `run.json`.
pub fn report_only(root: &Path) -> Result<PathBuf> {
    let out = root.join(OUT);
    let meta = std::fs::read_to_string(out.join("run.json")).with_context(|| {
        format!("no finished run in {}: run `cargo xtask compare` first", out.display())
    })?;
    write_report(&out, serde_json::from_str(&meta).context("reading run.json")?)?.print(&out);
    Ok(out.join("report.md"))
}

/// `go version`, or a clear error when Go is not installed.
fn go_version() -> Result<String> {
    machine::output("go", &["version"]).map_err(|err| {
        if machine::is_not_found(&err) {
            anyhow::anyhow!(
                "`go` is not on PATH: compare runs the Go twins next to the Rust benchmarks, so \
                 it needs Go 1.22 or newer (https://go.dev/dl). The Rust side alone runs with \
                 `cargo bench -p benches`."
            )
        } else {
            err
        }
    })
}

/// `cargo bench --locked -p benches --no-run`, and cargo's JSON messages, which name the
/// executable of each bench target ([`bench_executables`]) and of each bin target, which cargo
/// builds for the benches too ([`workloads::bin_executable`]).
fn build_rust(root: &Path) -> Result<String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(root)
        .args(["bench", "--locked", "-p", "benches", "--no-run"])
        .arg("--message-format=json-render-diagnostics")
        .stderr(Stdio::inherit())
        .output()
        .context("running cargo bench --no-run")?;
    if !output.status.success() {
        bail!("building the Rust benchmarks failed");
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The bench executables in cargo's `--message-format=json` output, by target name.
pub fn bench_executables(messages: &str) -> BTreeMap<String, PathBuf> {
    artifacts(messages, "bench")
        .filter_map(|m| {
            let name = m["target"]["name"].as_str()?.to_string();
            let exe = m["executable"].as_str()?;
            Some((name, PathBuf::from(exe)))
        })
        .collect()
}

/// The `compiler-artifact` messages of targets of `kind` (`bench`, `bin`) in cargo's
/// `--message-format=json` output.
fn artifacts<'a>(messages: &'a str, kind: &'a str) -> impl Iterator<Item = serde_json::Value> + 'a {
    messages
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|m| m["reason"] == "compiler-artifact")
        .filter(move |m| {
            m["target"]["kind"].as_array().is_some_and(|k| k.iter().any(|k| k == kind))
        })
}

/// `go test -c ./bench`: the Go benchmarks (and the atomics probes `cargo xtask asm` reads)
/// as one binary at `bin`.
pub fn build_go(root: &Path, bin: &Path) -> Result<()> {
    go_build(root, &["test", "-c"], "./bench", bin)
}

/// `go <verb...> -o bin package` in go-reference/; the error names the command.
fn go_build(root: &Path, verb: &[&str], package: &str, bin: &Path) -> Result<()> {
    let command = format!("go {} {package}", verb.join(" "));
    let status = Command::new("go")
        .current_dir(root.join("go-reference"))
        .args(verb)
        .arg("-o")
        .arg(bin)
        .arg(package)
        .status()
        .with_context(|| format!("running {command}"))?;
    if !status.success() {
        bail!("{command} in go-reference/ failed");
    }
    Ok(())
}

/// The criterion filter for a quick run of `family`: its quick rows, each sweep at its quick
/// value (the machine's parallelism for a thread count).
pub fn quick_filter(family: Family, cores: usize) -> String {
    let ids: Vec<String> = TWINS
        .iter()
        .filter(|t| t.family == family)
        .flat_map(|t| {
            let param = t.axis().map(|axis| Param { axis, value: axis.quick_value(cores) });
            t.rust.iter().filter(|f| f.quick).map(move |f| expand(f.id, param))
        })
        .collect();
    format!("^({})$", ids.join("|"))
}

fn run_rust(exe: &Path, home: &Path, log: &Path, opts: Options, family: Family) -> Result<()> {
    let mut cmd = Command::new(exe);
    cmd.arg("--bench").args(opts.criterion_args()).env("CRITERION_HOME", home);
    if opts.quick {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        cmd.arg(quick_filter(family, cores));
    }
    let file = std::fs::File::create(log)?;
    let status = cmd
        .stdout(file.try_clone()?)
        .stderr(file)
        .status()
        .with_context(|| format!("running {}", exe.display()))?;
    if !status.success() {
        bail!("{} failed: see {}", exe.display(), log.display());
    }
    Ok(())
}

fn run_go(bin: &Path, opts: Options, family: Family) -> Result<String> {
    let (benchtime, count) = opts.go_benchtime_count();
    let output = Command::new(bin)
        .args(["-test.run", "^$", "-test.bench", family.go_bench_regex()])
        .args(["-test.benchtime", benchtime, "-test.count", &count.to_string()])
        // `-short` is how the Go twins leave out what `--quick` leaves out on the Rust side:
        // the task-count sweep above 10,000 (go-reference/bench/spawn_test.go).
        .args(opts.quick.then_some("-test.short"))
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("running {}", bin.display()))?;
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    if !output.status.success() {
        bail!("the Go benchmarks failed:\n{text}");
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bench_executables_come_from_cargo_messages() {
        let messages = r#"{"reason":"compiler-artifact","target":{"kind":["lib"],"name":"benches"},"executable":null}
{"reason":"compiler-artifact","target":{"kind":["bench"],"name":"atomics"},"executable":"/t/release/deps/atomics-1234"}
{"reason":"build-finished","success":true}
not json"#;
        let found = bench_executables(messages);
        assert_eq!(found.len(), 1);
        assert_eq!(found["atomics"], PathBuf::from("/t/release/deps/atomics-1234"));
    }

    #[test]
    fn the_settings_are_quoted_as_they_are_passed() {
        let quick = Options { quick: true, report_only: false };
        let full = Options { quick: false, report_only: false };
        assert_eq!(
            quick.criterion_args(),
            ["--warm-up-time", "0.2", "--measurement-time", "0.3", "--sample-size", "10"]
        );
        assert_eq!(
            quick.rust_settings(),
            "warm-up 0.2 s, measurement 0.3 s, 10 samples, quick rows only, one value of each sweep"
        );
        assert!(full.criterion_args().is_empty());
        assert_eq!(
            full.rust_settings(),
            "warm-up 0.5 s, measurement 1.5 s, 40 samples, every benchmark"
        );
    }

    #[test]
    fn a_missing_go_output_is_an_error_that_names_it() {
        let out = tempfile::tempdir().unwrap();
        for family in Family::ALL {
            if family != Family::Spawn {
                let name = format!("go-{}.txt", family.bench_target());
                std::fs::write(out.path().join(name), "PASS\n").unwrap();
            }
        }
        let err = write_report(out.path(), Header::sample()).unwrap_err();
        assert!(format!("{err:#}").contains("go-spawn.txt"), "{err:#}");
    }

    #[test]
    fn the_report_takes_gomaxprocs_from_the_go_results() {
        let out = tempfile::tempdir().unwrap();
        parse::write_criterion_result(&out.path().join("criterion"), "locks/mutex/t2", 20.0, 1.0);
        for family in Family::ALL {
            let name = format!("go-{}.txt", family.bench_target());
            let text = if family == Family::Atomics {
                "BenchmarkLocks/mutex/t=2-2 \t 100 \t 10.0 ns/op\nPASS\n"
            } else {
                "PASS\n"
            };
            std::fs::write(out.path().join(name), text).unwrap();
        }
        let written = write_report(out.path(), Header::sample()).unwrap();
        assert_eq!((written.rows, written.with_go), (1, 1));
        let run: Header =
            serde_json::from_str(&std::fs::read_to_string(out.path().join("run.json")).unwrap())
                .unwrap();
        assert_eq!(run.gomaxprocs, Some(2));
        let md = std::fs::read_to_string(out.path().join("report.md")).unwrap();
        assert!(md.contains("GOMAXPROCS=2"), "{md}");
    }

    #[test]
    fn a_finished_run_replaces_the_last_one() {
        let target = tempfile::tempdir().unwrap();
        let out = target.path().join("compare");
        let new = sibling(&out, "new");
        assert_eq!(new, target.path().join("compare.new"));
        // The first run: nothing to replace.
        std::fs::create_dir_all(&new).unwrap();
        std::fs::write(new.join("report.md"), "first").unwrap();
        replace_dir(&new, &out).unwrap();
        assert_eq!(std::fs::read_to_string(out.join("report.md")).unwrap(), "first");
        // The next one replaces it, and nothing is left beside it.
        std::fs::create_dir_all(&new).unwrap();
        std::fs::write(new.join("report.md"), "second").unwrap();
        replace_dir(&new, &out).unwrap();
        assert_eq!(std::fs::read_to_string(out.join("report.md")).unwrap(), "second");
        let mut left: Vec<String> = std::fs::read_dir(target.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["compare"]);
        // A run that has nothing to move in leaves the last one where it was.
        assert!(replace_dir(&new, &out).is_err());
        assert_eq!(std::fs::read_to_string(out.join("report.md")).unwrap(), "second");
    }

    #[test]
    fn the_quick_filter_names_exact_ids_at_one_thread_count() {
        let filter = quick_filter(Family::Atomics, 2);
        assert!(filter.starts_with("^(") && filter.ends_with(")$"));
        assert!(filter.contains("|locks/mutex/t2|"));
        assert!(filter.contains("atomics-uncontended/fetch_add/relaxed"));
        assert!(!filter.contains('{'), "every placeholder is replaced: {filter}");
        assert!(!filter.contains("fetch_add/acquire"));
    }
}

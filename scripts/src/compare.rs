//! `cargo xtask compare [--quick]`: build the Rust and Go benchmarks, run them on this
//! machine family by family (Rust, then its Go twins, then the next family), and write one
//! report under `target/compare/`: `report.md` (the table), `report.json` (the same rows with
//! raw numbers), `chart.svg`, and the raw output of both harnesses.
//!
//! Which Go benchmark is the twin of which Rust benchmark is decided in one place,
//! [`twins::TWINS`].

pub mod chart;
pub mod machine;
pub mod parse;
pub mod report;
pub mod twins;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context, Result, bail};

use self::parse::Stat;
use self::report::Header;
use self::twins::{Family, TWINS, expand};

/// How much to measure.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// The CI subset: the rows marked quick, at one thread count, with short criterion and Go
    /// settings; under a minute of running on 2 cores once built.
    pub quick: bool,
    /// Run nothing: rebuild the report from the results the last run left in
    /// `target/compare/` (after a change to the report's format).
    pub report_only: bool,
}

impl Options {
    /// The criterion options for this mode (the full mode keeps `benches::criterion()`'s).
    fn criterion_args(self) -> &'static [&'static str] {
        if self.quick {
            &[
                "--warm-up-time",
                "0.2",
                "--measurement-time",
                "0.3",
                "--sample-size",
                "10",
            ]
        } else {
            &[]
        }
    }

    fn rust_settings(self) -> &'static str {
        if self.quick {
            "warm-up 0.2 s, measurement 0.3 s, 10 samples, quick rows only, one thread count"
        } else {
            "warm-up 0.5 s, measurement 1.5 s, 40 samples, every benchmark"
        }
    }

    /// `-test.benchtime` and `-test.count`.
    fn go_benchtime_count(self) -> (&'static str, usize) {
        if self.quick {
            ("20ms", 3)
        } else {
            ("200ms", 5)
        }
    }
}

/// One line per step on stderr.
struct Progress {
    step: usize,
    total: usize,
    start: Instant,
}

impl Progress {
    fn next(&mut self, what: &str) {
        self.step += 1;
        eprintln!(
            "[{}/{}] {what} ({:.0} s)",
            self.step,
            self.total,
            self.start.elapsed().as_secs_f64()
        );
    }
}

/// Run the comparison; returns the path of the Markdown report.
pub fn run(root: &Path, opts: Options) -> Result<PathBuf> {
    if opts.report_only {
        return report_only(root);
    }
    let start = Instant::now();
    let go_version = go_version()?;
    let out = root.join("target").join("compare");
    if out.exists() {
        std::fs::remove_dir_all(&out).with_context(|| format!("clearing {}", out.display()))?;
    }
    std::fs::create_dir_all(&out)?;
    let mut progress = Progress {
        step: 0,
        total: 3 + 2 * Family::ALL.len(),
        start,
    };
    eprintln!(
        "compare: {} mode, {go_version}, results in {}",
        if opts.quick { "quick" } else { "full" },
        out.display()
    );

    progress.next("building the Rust benchmarks (cargo bench --no-run)");
    let executables = build_rust(root)?;
    progress.next("building the Go benchmarks (go test -c)");
    let go_bin = out.join("go-bench.test");
    build_go(root, &go_bin)?;

    let load_before = machine::load_average();
    let run_start = Instant::now();
    let criterion_home = out.join("criterion");
    for family in Family::ALL {
        let target = family.bench_target();
        progress.next(&format!("Rust {target}"));
        let exe = executables
            .get(target)
            .with_context(|| format!("cargo built no bench executable named {target}"))?;
        run_rust(
            exe,
            &criterion_home,
            &out.join(format!("rust-{target}.log")),
            opts,
            family,
        )?;
        progress.next(&format!("Go {target}"));
        let text = run_go(&go_bin, opts, family)?;
        std::fs::write(out.join(format!("go-{target}.txt")), &text)?;
    }
    let run_seconds = run_start.elapsed().as_secs_f64();

    progress.next("writing the report");
    let (benchtime, count) = opts.go_benchtime_count();
    let header = Header {
        machine: machine::Machine::detect(),
        gomaxprocs: None,
        mode: if opts.quick { "quick" } else { "full" }.to_string(),
        rust_settings: opts.rust_settings().to_string(),
        go_settings: format!("-benchtime {benchtime} -count {count}"),
        load_before,
        load_after: machine::load_average(),
        seconds: run_seconds,
    };
    std::fs::write(out.join("run.json"), serde_json::to_string_pretty(&header)?)?;
    let report = write_report(&out, header)?;
    eprintln!(
        "compare: benchmarks ran {run_seconds:.0} s, {:.0} s in all",
        start.elapsed().as_secs_f64()
    );
    Ok(report)
}

/// Read what the harnesses left in `out` and write `report.md`, `report.json` and
/// `chart.svg` there; returns the path of `report.md`.
pub fn write_report(out: &Path, mut header: Header) -> Result<PathBuf> {
    let rust = parse::criterion_results(&out.join("criterion"))?;
    let mut go_text = String::new();
    for family in Family::ALL {
        let path = out.join(format!("go-{}.txt", family.bench_target()));
        if let Ok(text) = std::fs::read_to_string(&path) {
            go_text.push_str(&text);
        }
    }
    let go_lines = parse::parse_go_output(&go_text);
    header.gomaxprocs = go_lines.first().map(|l| l.procs);
    let go: BTreeMap<String, Stat> = parse::go_stats(&go_lines)
        .into_iter()
        .map(|(k, (s, _))| (k, s))
        .collect();
    let rows = report::build_rows(&rust, &go);
    if rows.is_empty() {
        bail!("no results to compare: see the logs in {}", out.display());
    }
    let md = report::markdown(&header, &rows);
    std::fs::write(out.join("report.md"), &md)?;
    std::fs::write(out.join("report.json"), report::json(&header, &rows)?)?;
    chart::draw(
        &out.join("chart.svg"),
        &format!(
            "ns per op, Rust (orange) and Go (blue): {}, {} cores",
            header.machine.cpu, header.machine.cores
        ),
        &rows,
    )?;
    let with_go = rows.iter().filter(|r| r.go.is_some()).count();
    eprintln!(
        "compare: {} rows ({with_go} with a Go twin) in {}",
        rows.len(),
        out.join("report.md").display()
    );
    Ok(out.join("report.md"))
}

/// `--report-only`: the report again from the last run's results and its `run.json`.
pub fn report_only(root: &Path) -> Result<PathBuf> {
    let out = root.join("target").join("compare");
    let meta = std::fs::read_to_string(out.join("run.json")).with_context(|| {
        format!(
            "no finished run in {}: run `cargo xtask compare` first",
            out.display()
        )
    })?;
    write_report(
        &out,
        serde_json::from_str(&meta).context("reading run.json")?,
    )
}

/// `go version`, or a clear error when Go is not installed.
fn go_version() -> Result<String> {
    match Command::new("go").arg("version").output() {
        Ok(o) if o.status.success() => Ok(String::from_utf8_lossy(&o.stdout).trim().to_string()),
        Ok(o) => bail!(
            "`go version` failed: {}",
            String::from_utf8_lossy(&o.stderr).trim()
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => bail!(
            "`go` is not on PATH: compare runs the Go twins next to the Rust benchmarks, so it \
             needs Go 1.22 or newer (https://go.dev/dl). The Rust side alone runs with \
             `cargo bench -p benches`."
        ),
        Err(e) => Err(e).context("running `go version`"),
    }
}

/// `cargo bench -p benches --no-run`, and the executable of each bench target.
fn build_rust(root: &Path) -> Result<BTreeMap<String, PathBuf>> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(root)
        .args([
            "bench",
            "-p",
            "benches",
            "--no-run",
            "--message-format=json-render-diagnostics",
        ])
        .stderr(Stdio::inherit())
        .output()
        .context("running cargo bench --no-run")?;
    if !output.status.success() {
        bail!("building the Rust benchmarks failed");
    }
    Ok(bench_executables(&String::from_utf8_lossy(&output.stdout)))
}

/// The bench executables in cargo's `--message-format=json` output, by target name.
pub fn bench_executables(messages: &str) -> BTreeMap<String, PathBuf> {
    messages
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|m| m["reason"] == "compiler-artifact")
        .filter(|m| {
            m["target"]["kind"]
                .as_array()
                .is_some_and(|k| k.iter().any(|k| k == "bench"))
        })
        .filter_map(|m| {
            let name = m["target"]["name"].as_str()?.to_string();
            let exe = m["executable"].as_str()?;
            Some((name, PathBuf::from(exe)))
        })
        .collect()
}

/// `go test -c`: the Go benchmarks as one binary, built once before anything runs.
fn build_go(root: &Path, bin: &Path) -> Result<()> {
    let status = Command::new("go")
        .current_dir(root.join("go-reference"))
        .args(["test", "-c", "-o"])
        .arg(bin)
        .arg("./bench")
        .status()
        .context("running go test -c")?;
    if !status.success() {
        bail!("building the Go benchmarks failed");
    }
    Ok(())
}

/// The criterion filter for a quick run of `family`: its quick rows, at the machine's
/// parallelism for rows with a thread count.
pub fn quick_filter(family: Family, cores: usize) -> String {
    let ids: Vec<String> = TWINS
        .iter()
        .filter(|t| t.family == family)
        .flat_map(|t| t.rust.iter().filter(|f| f.quick))
        .map(|f| expand(f.id, Some(cores)))
        .collect();
    format!("^({})$", ids.join("|"))
}

fn run_rust(exe: &Path, home: &Path, log: &Path, opts: Options, family: Family) -> Result<()> {
    let mut cmd = Command::new(exe);
    cmd.arg("--bench")
        .args(opts.criterion_args())
        .env("CRITERION_HOME", home);
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
        .args([
            "-test.benchtime",
            benchtime,
            "-test.count",
            &count.to_string(),
            "-test.benchmem",
        ])
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
        assert_eq!(
            found["atomics"],
            PathBuf::from("/t/release/deps/atomics-1234")
        );
    }

    #[test]
    fn the_quick_filter_names_exact_ids_at_one_thread_count() {
        let filter = quick_filter(Family::Atomics, 2);
        assert!(filter.starts_with("^(") && filter.ends_with(")$"));
        assert!(filter.contains("|locks/mutex/t2|"));
        assert!(filter.contains("atomics-uncontended/fetch_add/relaxed"));
        assert!(!filter.contains("{t}"));
        assert!(!filter.contains("fetch_add/acquire"));
    }
}

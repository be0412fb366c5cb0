//! Workloads: whole programs that do the same work in Rust and in Go, run and timed by
//! themselves, where the families are criterion benchmarks of one op. One so far, HTTP
//! fan-out: `benches/src/bin/http.rs` (reqwest and axum on tokio) and
//! `go-reference/bench/http` (net/http), each sending N GET requests to a server in its own
//! process with at most K in flight, and printing one JSON line per K (a [`Sample`]).
//!
//! `cargo xtask compare` runs both sides several times, alternating, keeps every line they
//! printed in [`HTTP_RAW`], and reports the median of each side's runs per K
//! ([`WorkloadRow`]): requests per second, and the p50 and p99 latency each run measured.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

use crate::parse::{median, stat_of_runs};
use crate::report::{fmt_ns, fmt_ratio};
use crate::twins::grouped;

/// The file of a run's output folder that keeps every line the fan-out programs printed, so
/// that `--report-only` can compute the rows again.
pub const HTTP_RAW: &str = "workload-http.jsonl";

/// The workload's name in the report and its rows.
const HTTP_WORKLOAD: &str = "HTTP fan-out";

/// How much HTTP fan-out a mode runs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HttpSettings {
    /// Timed requests per configuration.
    pub requests: u64,
    /// Untimed requests before each timed round, on the same connections.
    pub warmup: u64,
    /// The configurations: at most K requests in flight.
    pub in_flight: &'static [usize],
    /// How many times each side runs every configuration.
    pub runs: usize,
}

/// The full mode: 5 runs of each side, each 3 × 5,500 requests. On the 2-core machine this was
/// sized on, a run of twice this size took 1.1 s (Rust) and 1.9 s (Go) at a load average of 3,
/// and one of four times this size 11 to 19 s at a load average of 9: about 10 s in all when
/// quiet, under a minute when busy.
pub const HTTP_FULL: HttpSettings =
    HttpSettings { requests: 5_000, warmup: 500, in_flight: &[1, 16, 64], runs: 5 };

/// `--quick`: one run of each side, a fifth of the requests, a few seconds in all.
pub const HTTP_QUICK: HttpSettings =
    HttpSettings { requests: 1_000, warmup: 100, in_flight: &[1, 16, 64], runs: 1 };

impl HttpSettings {
    /// The command line both programs take.
    fn args(self) -> Vec<String> {
        let ks: Vec<String> = self.in_flight.iter().map(ToString::to_string).collect();
        vec![
            "--requests".into(),
            self.requests.to_string(),
            "--in-flight".into(),
            ks.join(","),
            "--warmup".into(),
            self.warmup.to_string(),
        ]
    }
}

/// The executable of the bin target `name` in cargo's `--message-format=json` output: the
/// program itself, not the test harness `cargo bench` also builds from it.
pub fn bin_executable(messages: &str, name: &str) -> Option<PathBuf> {
    crate::artifacts(messages, "bin")
        .filter(|m| m["target"]["name"] == name && m["profile"]["test"] == false)
        .find_map(|m| m["executable"].as_str().map(PathBuf::from))
}

/// `go build ./bench/http`: the Go side, as the executable `bin`.
pub fn build_go_http(root: &Path, bin: &Path) -> Result<()> {
    crate::go_build(root, &["build"], "./bench/http", bin)
}

/// Which program printed a line: the `impl` of a [`Sample`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Rust,
    Go,
}

impl Side {
    fn name(self) -> &'static str {
        match self {
            Side::Rust => "rust",
            Side::Go => "go",
        }
    }
}

/// Run the Rust (`rust`) and the Go (`go`) fan-out programs `settings.runs` times each,
/// alternating and swapping which goes first every run, so that both see the same spells of
/// load; every line they print goes to `raw`. A program that fails, or prints something other
/// than one line per configuration, is an error that names it and shows its stderr.
pub fn run_http(rust: &Path, go: &Path, settings: HttpSettings, raw: &Path) -> Result<()> {
    let mut text = String::new();
    for run in 0..settings.runs {
        let order = if run % 2 == 0 { [Side::Rust, Side::Go] } else { [Side::Go, Side::Rust] };
        for side in order {
            let exe = if side == Side::Rust { rust } else { go };
            text.push_str(&run_side(side, exe, settings)?);
        }
    }
    std::fs::write(raw, text).with_context(|| format!("writing {}", raw.display()))
}

/// One run of one side: its output, checked.
fn run_side(side: Side, exe: &Path, settings: HttpSettings) -> Result<String> {
    let what = format!("the {} HTTP fan-out ({})", side.name(), exe.display());
    let output = Command::new(exe)
        .args(settings.args())
        .output()
        .with_context(|| format!("starting {what}"))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        bail!("{what} failed ({}):\n{}", output.status, stderr.trim_end());
    }
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let samples = parse_samples(&text).with_context(|| format!("reading what {what} printed"))?;
    let printed: Vec<(String, u64, usize)> =
        samples.iter().map(|s| (s.implementation.clone(), s.requests, s.in_flight)).collect();
    let expected: Vec<(String, u64, usize)> = settings
        .in_flight
        .iter()
        .map(|&k| (side.name().to_string(), settings.requests, k))
        .collect();
    if printed != expected {
        bail!(
            "{what} printed results for (impl, requests, in flight) {printed:?}, not \
             {expected:?}:\n{text}"
        );
    }
    Ok(text)
}

/// One line a fan-out program prints: one configuration of one run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sample {
    /// `rust` or `go`.
    #[serde(rename = "impl")]
    pub implementation: String,
    pub requests: u64,
    pub in_flight: usize,
    pub seconds: f64,
    pub rps: f64,
    pub p50_us: f64,
    pub p99_us: f64,
}

/// Every line of `text` as a [`Sample`] (blank lines skipped); a line that is not one is an
/// error that quotes it with its number.
pub fn parse_samples(text: &str) -> Result<Vec<Sample>> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            serde_json::from_str(line)
                .with_context(|| format!("line {} is not a fan-out result: {line}", i + 1))
        })
        .collect()
}

/// One side's runs of one configuration, as the report gives them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Medians {
    /// The median over the runs of each run's requests per second.
    pub rps: f64,
    /// The median absolute deviation of the runs' requests per second (scaled by 1.4826) as a
    /// percentage of the median, as the benchmark rows' spread.
    pub rps_spread_pct: f64,
    /// The median over the runs of each run's p50 latency, in microseconds.
    pub p50_us: f64,
    /// The median over the runs of each run's p99 latency, in microseconds.
    pub p99_us: f64,
    /// How many runs.
    pub runs: usize,
}

impl Medians {
    fn of(samples: &[&Sample]) -> Option<Medians> {
        let rps: Vec<f64> = samples.iter().map(|s| s.rps).collect();
        let stat = stat_of_runs(&rps)?;
        let of = |f: fn(&Sample) -> f64| median(&samples.iter().map(|s| f(s)).collect::<Vec<_>>());
        Some(Medians {
            rps: stat.median_ns,
            rps_spread_pct: stat.spread_pct,
            p50_us: of(|s| s.p50_us),
            p99_us: of(|s| s.p99_us),
            runs: samples.len(),
        })
    }
}

/// One line of the workloads table: one configuration, both sides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkloadRow {
    pub workload: String,
    /// Timed requests per run.
    pub requests: u64,
    /// K: the most requests in flight.
    pub in_flight: usize,
    pub rust: Option<Medians>,
    pub go: Option<Medians>,
}

impl WorkloadRow {
    /// Rust's requests per second over Go's: above 1, Rust served more. (The benchmark rows'
    /// ratio is of times, so there below 1 is Rust's advantage.)
    pub fn ratio(&self) -> Option<f64> {
        match (self.rust, self.go) {
            (Some(r), Some(g)) if g.rps > 0.0 => Some(r.rps / g.rps),
            _ => None,
        }
    }
}

/// The rows of the HTTP fan-out's samples: one per (requests, K), in that order, with the
/// medians of each side's runs.
pub fn http_rows(samples: &[Sample]) -> Vec<WorkloadRow> {
    let mut configs: BTreeMap<(u64, usize), Vec<&Sample>> = BTreeMap::new();
    for s in samples {
        configs.entry((s.requests, s.in_flight)).or_default().push(s);
    }
    configs
        .into_iter()
        .map(|((requests, in_flight), runs)| {
            let side = |side: Side| {
                let mine: Vec<&Sample> =
                    runs.iter().copied().filter(|s| s.implementation == side.name()).collect();
                Medians::of(&mine)
            };
            WorkloadRow {
                workload: HTTP_WORKLOAD.to_string(),
                requests,
                in_flight,
                rust: side(Side::Rust),
                go: side(Side::Go),
            }
        })
        .collect()
}

/// The workload rows of the run in `out`: none when it has no [`HTTP_RAW`] (a run from before
/// the workloads were added).
pub fn read_rows(out: &Path) -> Result<Vec<WorkloadRow>> {
    let path = out.join(HTTP_RAW);
    if !path.exists() {
        return Ok(Vec::new());
    }
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let samples = parse_samples(&text).with_context(|| format!("reading {}", path.display()))?;
    Ok(http_rows(&samples))
}

/// Requests per second as the table prints them: a whole number with thousands separated,
/// `12,345`.
pub fn fmt_rps(rps: f64) -> String {
    grouped(rps.max(0.0).round() as usize)
}

/// The workloads section of report.md; empty without rows.
pub fn markdown(rows: &[WorkloadRow]) -> String {
    if rows.is_empty() {
        return String::new();
    }
    let dash = || "–".to_string();
    let latency = |m: Option<Medians>| {
        m.map_or_else(dash, |m| format!("{} / {}", fmt_ns(m.p50_us * 1e3), fmt_ns(m.p99_us * 1e3)))
    };
    let spread = |m: Option<Medians>| match m {
        Some(m) if m.runs > 1 => format!("±{:.0}%", m.rps_spread_pct),
        _ => dash(),
    };
    let table: Vec<[String; 8]> = rows
        .iter()
        .map(|r| {
            [
                r.workload.clone(),
                r.in_flight.to_string(),
                r.rust.map_or_else(dash, |m| fmt_rps(m.rps)),
                r.go.map_or_else(dash, |m| fmt_rps(m.rps)),
                r.ratio().map_or_else(dash, fmt_ratio),
                latency(r.rust),
                latency(r.go),
                format!("{} / {}", spread(r.rust), spread(r.go)),
            ]
        })
        .collect();
    let runs = |side: fn(&WorkloadRow) -> Option<Medians>| {
        rows.iter().filter_map(|r| side(r).map(|m| m.runs)).max().unwrap_or(0)
    };
    let mut requests: Vec<u64> = rows.iter().map(|r| r.requests).collect();
    requests.dedup();
    let requests: Vec<String> = requests.iter().map(|&n| fmt_rps(n as f64)).collect();
    let ctx = minijinja::context! {
        rows => table, requests => requests.join(", "),
        rust_runs => runs(|r| r.rust), go_runs => runs(|r| r.go),
    };
    crate::render_md("workloads.md", ctx) + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(side: &str, k: usize, rps: f64, p50: f64, p99: f64) -> Sample {
        Sample {
            implementation: side.into(),
            requests: 1000,
            in_flight: k,
            seconds: 1000.0 / rps,
            rps,
            p50_us: p50,
            p99_us: p99,
        }
    }

    #[test]
    fn the_programs_lines_parse_and_a_bad_one_is_named() {
        let text = "{\"impl\":\"go\",\"requests\":1000,\"in_flight\":16,\"seconds\":0.1,\
                    \"rps\":10000.0,\"p50_us\":41.3,\"p99_us\":238.7}\n\n\
                    {\"impl\":\"rust\",\"requests\":1000,\"in_flight\":1,\"seconds\":0.2,\
                    \"rps\":5000,\"p50_us\":24,\"p99_us\":300.5}\n";
        let samples = parse_samples(text).unwrap();
        assert_eq!(samples.len(), 2);
        assert_eq!(samples[0].implementation, "go");
        assert_eq!((samples[0].in_flight, samples[0].p99_us), (16, 238.7));
        assert_eq!(samples[1].rps, 5000.0);
        let err = parse_samples("{\"impl\":\"go\"}\n").unwrap_err();
        assert!(format!("{err:#}").contains("line 1 is not a fan-out result"), "{err:#}");
        let err = parse_samples("\nhttp: panicked\n").unwrap_err();
        assert!(format!("{err:#}").contains("line 2 is not a fan-out result: http: panicked"));
    }

    #[test]
    fn rows_take_the_median_of_each_sides_runs_per_k() {
        let samples = [
            sample("rust", 16, 9000.0, 100.0, 900.0),
            sample("go", 16, 8000.0, 120.0, 1500.0),
            sample("rust", 1, 3000.0, 30.0, 90.0),
            sample("rust", 16, 11000.0, 80.0, 700.0),
            sample("go", 16, 6000.0, 150.0, 2000.0),
            sample("rust", 16, 10000.0, 90.0, 1000.0),
            sample("go", 16, 7000.0, 130.0, 1000.0),
        ];
        let rows = http_rows(&samples);
        assert_eq!(rows.iter().map(|r| r.in_flight).collect::<Vec<_>>(), [1, 16]);
        assert_eq!(rows[0].go, None, "Go did not run K = 1");
        assert_eq!(rows[0].ratio(), None);
        let rust = rows[1].rust.unwrap();
        assert_eq!((rust.rps, rust.p50_us, rust.p99_us, rust.runs), (10000.0, 90.0, 900.0, 3));
        assert!((rust.rps_spread_pct - 14.826).abs() < 1e-9, "{}", rust.rps_spread_pct);
        let go = rows[1].go.unwrap();
        assert_eq!((go.rps, go.p50_us, go.p99_us), (7000.0, 130.0, 1500.0));
        assert_eq!(rows[1].ratio(), Some(10000.0 / 7000.0));
        assert_eq!(rows[1].workload, "HTTP fan-out");
    }

    #[test]
    fn the_section_has_a_row_per_k_and_says_what_the_numbers_are() {
        let samples =
            [sample("rust", 16, 12345.4, 100.0, 2500.0), sample("go", 16, 10000.0, 120.0, 1500.0)];
        let md = markdown(&http_rows(&samples));
        assert!(md.starts_with("## Workloads: HTTP fan-out"), "{md}");
        assert!(md.contains("1,000 GET requests"), "{md}");
        assert!(md.contains("Each side ran 1 time, alternating"), "{md}");
        assert!(
            md.contains(
                "| HTTP fan-out | 16 | 12,345 | 10,000 | 1.2× | 100 µs / 2.50 ms | 120 µs / 1.50 ms | – / – |"
            ),
            "{md}"
        );
        assert_eq!(markdown(&[]), "", "no workloads, no section");
    }

    #[test]
    fn rps_print_whole_with_thousands_separated() {
        assert_eq!(fmt_rps(0.4), "0");
        assert_eq!(fmt_rps(999.6), "1,000");
        assert_eq!(fmt_rps(12_345.0), "12,345");
        assert_eq!(fmt_rps(1_234_567.0), "1,234,567");
    }

    #[test]
    fn both_programs_get_the_same_command_line() {
        assert_eq!(
            HTTP_QUICK.args(),
            ["--requests", "1000", "--in-flight", "1,16,64", "--warmup", "100"]
        );
        assert_eq!(HTTP_FULL.in_flight, HTTP_QUICK.in_flight);
    }

    #[test]
    fn the_bin_executable_comes_from_cargo_messages() {
        let messages = r#"{"reason":"compiler-artifact","target":{"kind":["lib"],"name":"http"},"profile":{"test":false},"executable":null}
{"reason":"compiler-artifact","target":{"kind":["bin"],"name":"memory"},"profile":{"test":false},"executable":"/t/release/memory"}
{"reason":"compiler-artifact","target":{"kind":["bin"],"name":"http"},"profile":{"test":true},"executable":"/t/release/deps/http-1234"}
{"reason":"compiler-artifact","target":{"kind":["bin"],"name":"http"},"profile":{"test":false},"executable":"/t/release/http"}
{"reason":"build-finished","success":true}"#;
        assert_eq!(bin_executable(messages, "http"), Some(PathBuf::from("/t/release/http")));
        assert_eq!(bin_executable(messages, "wakeups"), None);
    }

    #[test]
    fn the_json_report_carries_the_workloads_and_older_reports_read_without_them() {
        use crate::report::{Header, SavedReport, json};
        let rows = http_rows(&[sample("rust", 1, 5000.0, 30.0, 90.0)]);
        let text = json(&Header::sample(), &[], &rows).unwrap();
        let back: SavedReport = serde_json::from_str(&text).unwrap();
        assert_eq!(back.workloads, rows);
        let mut old: serde_json::Value = serde_json::from_str(&text).unwrap();
        old.as_object_mut().unwrap().remove("workloads");
        let back: SavedReport = serde_json::from_value(old).unwrap();
        assert!(back.workloads.is_empty());
    }

    #[test]
    fn a_program_that_fails_or_is_missing_is_named() {
        let err = run_side(Side::Go, Path::new("false"), HTTP_QUICK).unwrap_err();
        assert!(format!("{err:#}").starts_with("the go HTTP fan-out (false) failed"), "{err:#}");
        let missing = Path::new("/nonexistent/http");
        let err = run_side(Side::Rust, missing, HTTP_QUICK).unwrap_err();
        assert!(
            format!("{err:#}").starts_with("starting the rust HTTP fan-out (/nonexistent/http)"),
            "{err:#}"
        );
    }

    #[test]
    fn a_run_without_workloads_has_no_rows() {
        let out = tempfile::tempdir().unwrap();
        assert!(read_rows(out.path()).unwrap().is_empty());
        std::fs::write(out.path().join(HTTP_RAW), "not json\n").unwrap();
        let err = read_rows(out.path()).unwrap_err();
        assert!(format!("{err:#}").contains(HTTP_RAW), "{err:#}");
    }
}

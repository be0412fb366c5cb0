//! Reading what the two harnesses leave behind: `go test -bench` output and criterion's
//! `estimates.json` / `benchmark.json`, and the statistics the report quotes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use anyhow::{Context, Result, bail};
use serde::Deserialize;

/// One result line of `go test -bench`.
#[derive(Debug, Clone, PartialEq)]
pub struct GoLine {
    /// The name without `Benchmark` and without the `-GOMAXPROCS` suffix.
    pub name: String,
    /// The GOMAXPROCS it ran with (the suffix; Go leaves it out when it is 1).
    pub procs: usize,
    pub ns_per_op: f64,
}

/// Every result line of a `go test -bench` run (with `-count N` a name comes N times).
pub fn parse_go_output(text: &str) -> Vec<GoLine> {
    text.lines().filter_map(parse_go_line).collect()
}

fn parse_go_line(line: &str) -> Option<GoLine> {
    let mut fields = line.split_whitespace();
    let full = fields.next()?.strip_prefix("Benchmark")?;
    // The iteration count (b.N): not reported, but a result line has one.
    fields.next()?.parse::<u64>().ok()?;
    let rest: Vec<&str> = fields.collect();
    let ns_per_op =
        rest.windows(2).find(|w| w[1] == "ns/op").and_then(|w| w[0].parse::<f64>().ok())?;
    let (name, procs) = match full.rsplit_once('-') {
        Some((name, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            (name, n.parse().ok()?)
        }
        _ => (full, 1),
    };
    Some(GoLine { name: name.to_string(), procs, ns_per_op })
}

/// A measured number as the report quotes it.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Stat {
    /// The median, in nanoseconds per op.
    pub median_ns: f64,
    /// The median absolute deviation (scaled by 1.4826, as criterion does), as a percentage
    /// of the median.
    pub spread_pct: f64,
    /// How many values the median is of: criterion's samples, or Go's `-count` runs.
    pub n: usize,
}

/// The median of `values` (not empty).
pub fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    if v.len() % 2 == 1 { v[mid] } else { (v[mid - 1] + v[mid]) / 2.0 }
}

/// The median and spread of several runs of one Go benchmark.
pub fn stat_of_runs(values: &[f64]) -> Option<Stat> {
    if values.is_empty() {
        return None;
    }
    let m = median(values);
    let deviations: Vec<f64> = values.iter().map(|v| (v - m).abs()).collect();
    let mad = 1.4826 * median(&deviations);
    Some(Stat {
        median_ns: m,
        spread_pct: if m > 0.0 { 100.0 * mad / m } else { 0.0 },
        n: values.len(),
    })
}

/// What the Go side measured.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GoResults {
    /// Each benchmark's median and spread over its `-count` runs, by name.
    pub stats: BTreeMap<String, Stat>,
    /// The GOMAXPROCS every benchmark ran with (`None` when there are no results).
    pub gomaxprocs: Option<usize>,
}

/// Reduce the result lines to one [`Stat`] per benchmark, and the GOMAXPROCS they ran with.
/// Results at different GOMAXPROCS (`-test.cpu` with several values) are an error: the names
/// leave it out, so their runs would be mixed into one median.
pub fn go_stats(lines: &[GoLine]) -> Result<GoResults> {
    let mut procs: BTreeSet<usize> = lines.iter().map(|l| l.procs).collect();
    if procs.len() > 1 {
        bail!("the Go benchmarks ran at several GOMAXPROCS ({procs:?}); compare expects one");
    }
    let mut runs: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for l in lines {
        runs.entry(&l.name).or_default().push(l.ns_per_op);
    }
    Ok(GoResults {
        stats: runs
            .into_iter()
            .filter_map(|(name, values)| stat_of_runs(&values).map(|s| (name.to_string(), s)))
            .collect(),
        gomaxprocs: procs.pop_first(),
    })
}

#[derive(Deserialize)]
struct Estimate {
    point_estimate: f64,
}

#[derive(Deserialize)]
struct Estimates {
    median: Estimate,
    median_abs_dev: Estimate,
}

/// Criterion's median and its median absolute deviation from an `estimates.json`, in ns.
pub fn parse_estimates(json: &str) -> Result<(f64, f64)> {
    let e: Estimates = serde_json::from_str(json).context("reading criterion's estimates.json")?;
    Ok((e.median.point_estimate, e.median_abs_dev.point_estimate))
}

#[derive(Deserialize)]
struct BenchmarkJson {
    full_id: String,
}

#[derive(Deserialize)]
struct SampleJson {
    iters: Vec<f64>,
}

/// Every benchmark criterion measured under `home` (its `CRITERION_HOME`), by full id.
/// Criterion keeps each one in `<group>/<function>/<parameter>/new/`, with its id in
/// `benchmark.json`, its statistics in `estimates.json` and its samples in `sample.json`.
pub fn criterion_results(home: &Path) -> Result<BTreeMap<String, Stat>> {
    let mut found = BTreeMap::new();
    let mut stack = vec![home.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for path in crate::subdirs(&dir)? {
            if path.file_name().is_some_and(|n| n == "new") {
                let read = |f: &str| std::fs::read_to_string(path.join(f));
                let (Ok(bench), Ok(est)) = (read("benchmark.json"), read("estimates.json")) else {
                    continue;
                };
                let id = serde_json::from_str::<BenchmarkJson>(&bench)
                    .with_context(|| format!("reading {}", path.display()))?
                    .full_id;
                let (median_ns, mad) =
                    parse_estimates(&est).with_context(|| format!("in {}", path.display()))?;
                let n = read("sample.json")
                    .ok()
                    .and_then(|s| serde_json::from_str::<SampleJson>(&s).ok())
                    .map_or(0, |s| s.iters.len());
                let spread_pct = if median_ns > 0.0 { 100.0 * mad / median_ns } else { 0.0 };
                found.insert(id, Stat { median_ns, spread_pct, n });
            } else if path.file_name().is_some_and(|n| n != "report") {
                stack.push(path);
            }
        }
    }
    Ok(found)
}

/// Writes what criterion leaves for benchmark `id` under `home` (its `new/` folder with
/// `benchmark.json` and `estimates.json`), and returns that folder.
#[cfg(test)]
pub(crate) fn write_criterion_result(
    home: &Path,
    id: &str,
    median_ns: f64,
    mad_ns: f64,
) -> std::path::PathBuf {
    let dir = home.join(id).join("new");
    std::fs::create_dir_all(&dir).expect("create the result folder");
    std::fs::write(dir.join("benchmark.json"), format!(r#"{{"full_id":"{id}"}}"#))
        .expect("write benchmark.json");
    let estimates = format!(
        r#"{{"median":{{"point_estimate":{median_ns:?}}},"median_abs_dev":{{"point_estimate":{mad_ns:?}}}}}"#
    );
    std::fs::write(dir.join("estimates.json"), estimates).expect("write estimates.json");
    dir
}

#[cfg(test)]
mod tests {
    use super::*;

    const GO: &str = "goos: linux
goarch: amd64
pkg: github.com/go-rust-concurrency/go-reference/bench
cpu: AMD EPYC
BenchmarkAtomicsUncontended/load-2         \t73855698\t         0.3793 ns/op\t       0 B/op\t       0 allocs/op
BenchmarkChannels/mpsc/chan100/t=4-2       \t  735181\t        33.25 ns/op\t       0 B/op\t       0 allocs/op
BenchmarkChannels/mpsc/chan100/t=4-2       \t  735181\t        35.25 ns/op\t       0 B/op\t       0 allocs/op
BenchmarkChannels/mpsc/chan100/t=4-2       \t  735181\t        31.25 ns/op\t       0 B/op\t       0 allocs/op
BenchmarkSpawn/one                         \t   84224\t       318.4 ns/op\t      24 B/op\t       1 allocs/op
PASS
ok  \tgithub.com/go-rust-concurrency/go-reference/bench\t3.1s
";

    #[test]
    fn go_lines_lose_prefix_and_gomaxprocs_suffix() {
        let lines = parse_go_output(GO);
        assert_eq!(lines.len(), 5);
        assert_eq!(lines[0].name, "AtomicsUncontended/load");
        assert_eq!(lines[0].procs, 2);
        assert_eq!(lines[0].ns_per_op, 0.3793);
        assert_eq!(lines[1].name, "Channels/mpsc/chan100/t=4");
        assert_eq!(lines[4].name, "Spawn/one");
        assert_eq!(lines[4].procs, 1);
        assert_eq!(lines[4].ns_per_op, 318.4);
        // Without -benchmem too.
        assert_eq!(
            parse_go_output("BenchmarkFloor/same_line-2 \t 1000 \t 74.4 ns/op\n"),
            [GoLine { name: "Floor/same_line".into(), procs: 2, ns_per_op: 74.4 }]
        );
    }

    #[test]
    fn go_runs_reduce_to_median_and_spread() {
        // The GO sample mixes GOMAXPROCS 2 and 1 (Spawn/one has no suffix).
        let err = go_stats(&parse_go_output(GO)).unwrap_err();
        assert!(err.to_string().contains("{1, 2}"), "{err}");
        let two = parse_go_output(GO.replace("Spawn/one ", "Spawn/one-2").as_str());
        let go = go_stats(&two).unwrap();
        assert_eq!(go.gomaxprocs, Some(2));
        assert_eq!(go.stats.len(), 3);
        let s = go.stats["Channels/mpsc/chan100/t=4"];
        assert_eq!(s.n, 3);
        assert_eq!(s.median_ns, 33.25);
        // Deviations 0, 2, 2: MAD 2, scaled 2.9652, as a share of 33.25.
        assert!((s.spread_pct - 100.0 * 2.9652 / 33.25).abs() < 1e-9);
        assert_eq!(go_stats(&[]).unwrap(), GoResults::default());
    }

    #[test]
    fn medians_of_odd_and_even_counts() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
        assert_eq!(stat_of_runs(&[]), None);
    }

    #[test]
    fn estimates_give_median_and_mad() {
        let json = r#"{"mean":{"confidence_interval":{"confidence_level":0.95,"lower_bound":1.0,"upper_bound":2.0},"point_estimate":1.5,"standard_error":0.1},
            "median":{"confidence_interval":{"confidence_level":0.95,"lower_bound":1.0,"upper_bound":2.0},"point_estimate":42.5,"standard_error":0.1},
            "median_abs_dev":{"confidence_interval":{"confidence_level":0.95,"lower_bound":0.1,"upper_bound":0.2},"point_estimate":0.85,"standard_error":0.01},
            "slope":null,"std_dev":{"confidence_interval":{"confidence_level":0.95,"lower_bound":0.1,"upper_bound":0.2},"point_estimate":0.9,"standard_error":0.01}}"#;
        assert_eq!(parse_estimates(json).unwrap(), (42.5, 0.85));
        assert!(parse_estimates("{}").is_err());
    }

    #[test]
    fn criterion_results_are_found_by_full_id() {
        let home = tempfile::tempdir().unwrap();
        let dir = write_criterion_result(home.path(), "locks/mutex/t2", 20.0, 1.0);
        std::fs::write(dir.join("sample.json"), r#"{"iters":[1,2,3],"times":[1,2,3]}"#).unwrap();
        let found = criterion_results(home.path()).unwrap();
        assert_eq!(found["locks/mutex/t2"], Stat { median_ns: 20.0, spread_pct: 5.0, n: 3 });
    }
}

//! The benchmark page: a report written by `cargo xtask compare` (the full run committed under
//! `benches/results/`, or with `--local-bench` this checkout's last run) as charts and tables,
//! one section per family, saying which run it shows. The report is read into compare's own
//! types ([`SavedReport`]), so a report of another shape is an error, not a page that guesses.

use std::path::Path;

use anyhow::{Context, Result};
use serde::Serialize;

use compare::chart::{self, format_number};
use compare::growth;
use compare::report::{Header, Row, SavedReport};
use compare::workloads::WorkloadRow;

/// The benchmarks page.
#[derive(Debug, Serialize)]
pub struct BenchPage {
    /// Which run this is, in one sentence: committed or local, full or quick, and its file.
    pub run: String,
    /// Whether it is the run committed with the repository.
    pub committed: bool,
    /// The report's path from the repository root, for the browser test to read it too.
    pub report: String,
    /// The run's facts: (name, value).
    pub facts: Vec<(String, String)>,
    /// The results, one group per benchmark family, in the report's order.
    pub groups: Vec<Group>,
    /// One line for the index.
    pub summary: String,
    /// The workloads' table (whole programs on both sides, [`compare::workloads`]); `None`
    /// when the report has none.
    pub workloads: Option<Workloads>,
}

/// The workloads' table: HTTP fan-out, one row per K.
#[derive(Debug, Serialize)]
pub struct Workloads {
    /// Column headings, and which hold numbers (right-aligned).
    pub columns: Vec<(String, bool)>,
    /// Each row's cells, as text, one per column.
    pub rows: Vec<Vec<String>>,
}

/// The workloads table's columns: (heading, numeric).
const WORKLOAD_COLUMNS: [(&str, bool); 9] = [
    ("Workload", false),
    ("In flight (K)", true),
    ("Rust req/s", true),
    ("Go req/s", true),
    ("Rust / Go (req/s)", true),
    ("Rust p50 µs", true),
    ("Rust p99 µs", true),
    ("Go p50 µs", true),
    ("Go p99 µs", true),
];

/// A family of results: a chart, how cost grows for each of its sweeps, and a table.
#[derive(Debug, Serialize)]
pub struct Group {
    /// The family's name: its criterion bench target.
    pub name: String,
    pub id: String,
    /// The benches/README.md section that explains the family's numbers.
    pub explained: String,
    /// Column headings, and which hold numbers (right-aligned).
    pub columns: Vec<(String, bool)>,
    /// Each row's cells, as text, one per column.
    pub rows: Vec<Vec<String>>,
    /// The chart, SVG drawn by the `chart.svg` template.
    pub chart: Option<String>,
    /// A line chart per twin that sweeps a parameter, SVG drawn by the `growth.svg` template.
    pub growth: Vec<String>,
}

/// The table's columns: (heading, numeric).
const COLUMNS: [(&str, bool); 7] = [
    ("Workload", false),
    ("Flavour", false),
    ("Rust ns/op", true),
    ("Rust spread %", true),
    ("Go ns/op", true),
    ("Go spread %", true),
    ("Rust / Go", true),
];

/// Reads the report at `path`: it must exist and be one `cargo xtask compare` wrote.
pub fn load(root: &Path, path: &Path) -> Result<BenchPage> {
    let text = crate::read(path)?;
    let report: SavedReport = serde_json::from_str(&text)
        .with_context(|| format!("parsing {} as a `cargo xtask compare` report", path.display()))?;
    let rel = crate::chapter::rel_path(root, path);
    let committed = rel.starts_with(crate::claims::BENCH_RESULTS);
    let mut page = page(&report);
    page.run = format!(
        "{} {} run, {rel}{}",
        if committed { "The committed" } else { "A local" },
        report.header.mode,
        if committed { "" } else { " (not the run committed with the repository)" }
    );
    page.committed = committed;
    page.report = rel;
    Ok(page)
}

/// Builds the page from a report.
pub fn page(report: &SavedReport) -> BenchPage {
    let mut families = Vec::new();
    for row in &report.rows {
        if !families.contains(&row.family) {
            families.push(row.family);
        }
    }
    let groups = families
        .into_iter()
        .map(|family| {
            let rows: Vec<&Row> = report.rows.iter().filter(|r| r.family == family).collect();
            let mut g = group(family.bench_target(), &rows);
            g.explained = family.readme_section().to_string();
            g
        })
        .collect();
    BenchPage {
        run: String::new(),
        committed: false,
        report: String::new(),
        facts: facts(&report.header),
        summary: format!("{} measurements on {}", report.rows.len(), report.header.machine.cpu),
        groups,
        workloads: workloads(&report.workloads),
    }
}

/// A table cell: three significant digits, or a dash for a number the run lacks.
fn number(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_string(), format_number)
}

/// The workloads' rows as the page's table; `None` without any.
fn workloads(rows: &[WorkloadRow]) -> Option<Workloads> {
    if rows.is_empty() {
        return None;
    }
    let table = rows
        .iter()
        .map(|r| {
            vec![
                r.workload.clone(),
                r.in_flight.to_string(),
                number(r.rust.map(|m| m.rps)),
                number(r.go.map(|m| m.rps)),
                number(r.ratio()),
                number(r.rust.map(|m| m.p50_us)),
                number(r.rust.map(|m| m.p99_us)),
                number(r.go.map(|m| m.p50_us)),
                number(r.go.map(|m| m.p99_us)),
            ]
        })
        .collect();
    Some(Workloads {
        columns: WORKLOAD_COLUMNS.iter().map(|(c, n)| (c.to_string(), *n)).collect(),
        rows: table,
    })
}

/// The header as the page lists it.
fn facts(h: &Header) -> Vec<(String, String)> {
    let m = &h.machine;
    let or_unknown = |v: Option<String>| v.unwrap_or_else(|| "—".into());
    [
        ("CPU", m.cpu.clone()),
        ("Cores", m.cores.to_string()),
        ("OS", m.os.clone()),
        ("Rust", m.rustc.clone()),
        ("Go", m.go.clone()),
        ("GOMAXPROCS", or_unknown(h.gomaxprocs.map(|g| g.to_string()))),
        ("Mode", h.mode.clone()),
        ("Rust settings (criterion)", h.rust_settings.clone()),
        ("Go settings (go test)", h.go_settings.clone()),
        ("Load average before", or_unknown(h.load_before.clone())),
        ("Load average after", or_unknown(h.load_after.clone())),
        ("Run time", format!("{} s", format_number(h.seconds))),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

fn group(name: &str, rows: &[&Row]) -> Group {
    let table = rows
        .iter()
        .map(|r| {
            vec![
                r.workload.clone(),
                r.flavour.clone(),
                number(r.rust.map(|s| s.median_ns)),
                number(r.rust.map(|s| s.spread_pct)),
                number(r.go.map(|s| s.median_ns)),
                number(r.go.map(|s| s.spread_pct)),
                number(r.ratio()),
            ]
        })
        .collect();
    let id = format!("bench-{}", crate::chapter::anchor(name));
    let has_go = rows.iter().any(|r| r.go.is_some());
    let title =
        format!("Time per operation, Rust{} (log scale)", if has_go { " and Go" } else { "" });
    Group {
        chart: chart::layout(&id, &title, rows, false).and_then(|c| chart::svg(&c).ok()),
        growth: growth::charts(rows, false).iter().filter_map(|c| growth::svg(c).ok()).collect(),
        name: name.to_string(),
        explained: String::new(),
        id,
        columns: COLUMNS.iter().map(|(c, n)| (c.to_string(), *n)).collect(),
        rows: table,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A report in the shape `cargo xtask compare` writes (each row's `ratio` included).
    fn report() -> SavedReport {
        serde_json::from_value(serde_json::json!({
            "header": {
                "machine": { "cpu": "Test CPU", "cores": 2, "os": "Linux 6", "rustc": "rustc 1",
                             "go": "go 1" },
                "gomaxprocs": 2, "mode": "quick", "rust_settings": "r", "go_settings": "g",
                "load_before": null, "load_after": "1 2 3", "seconds": 449.6
            },
            "rows": [
                { "key": "a.1", "family": "atomics", "workload": "load", "flavour": "Relaxed",
                  "rust_id": "x", "go_id": "y",
                  "rust": { "median_ns": 0.5, "spread_pct": 1.0, "n": 10 },
                  "go": { "median_ns": 0.6, "spread_pct": 2.0, "n": 3 }, "ratio": 0.83 },
                { "key": "locks.mutex.t1", "family": "atomics", "workload": "lock, 1 thread",
                  "flavour": "Mutex", "rust_id": "m1", "go_id": "g1",
                  "rust": { "median_ns": 20.0, "spread_pct": 1.0, "n": 10 }, "go": null },
                { "key": "locks.mutex.t2", "family": "atomics", "workload": "lock, 2 threads",
                  "flavour": "Mutex", "rust_id": "m2", "go_id": "g2",
                  "rust": { "median_ns": 45.0, "spread_pct": 1.0, "n": 10 }, "go": null,
                  "param": { "axis": "threads", "value": 2 } },
                { "key": "c.1", "family": "channels", "workload": "spsc", "flavour": "crossbeam",
                  "rust_id": "z", "go_id": null,
                  "rust": { "median_ns": 40.26, "spread_pct": 3.0, "n": 10 },
                  "go": null, "ratio": null }
            ]
        }))
        .expect("a compare report")
    }

    #[test]
    fn a_compare_report_gives_facts_families_tables_and_charts() {
        let p = page(&report());
        assert_eq!(p.facts[0], ("CPU".to_string(), "Test CPU".to_string()));
        let fact = |k: &str| p.facts.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
        assert_eq!(fact("GOMAXPROCS"), Some("2"));
        assert_eq!(fact("Load average before"), Some("—"));
        assert_eq!(fact("Run time"), Some("450 s"));
        let names: Vec<_> = p.groups.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(names, ["atomics", "channels"]);
        let g = &p.groups[0];
        assert_eq!(g.id, "bench-atomics");
        assert_eq!((g.columns[0].0.as_str(), g.columns[0].1), ("Workload", false));
        assert_eq!((g.columns[6].0.as_str(), g.columns[6].1), ("Rust / Go", true));
        assert_eq!(g.rows[0], ["load", "Relaxed", "0.5", "1", "0.6", "2", "0.833"]);
        assert_eq!(p.groups[1].rows[0][2], "40.3");
        assert_eq!(p.groups[1].rows[0][4], "—", "a missing Go twin shows as a dash");
        let chart = g.chart.as_deref().expect("rust and go times make a chart");
        assert!(chart.contains("class=\"bar-rust\"") && chart.contains("class=\"bar-go\""));
        assert!(chart.contains("load · Relaxed"));
        assert!(chart.contains("Rust and Go (log scale)"));
        let rust_only = p.groups[1].chart.as_deref().expect("rust times make a chart");
        assert!(!rust_only.contains("bar-go"), "no Go series without Go times");
        assert_eq!(p.summary, "4 measurements on Test CPU");
        // A sweep over two thread counts (the first row's from its key, as old reports have
        // it) gives its family a growth chart; a family without a sweep gets none.
        assert_eq!(g.growth.len(), 1);
        assert!(
            g.growth[0].contains("data-twin=\"locks.mutex\"") && g.growth[0].contains("<polyline")
        );
        assert!(p.groups[1].growth.is_empty());
    }

    #[test]
    fn workloads_show_as_their_own_table_only_when_the_report_has_them() {
        assert!(page(&report()).workloads.is_none(), "a report without workloads");
        let mut with = report();
        with.workloads = serde_json::from_value(serde_json::json!([{
            "workload": "HTTP fan-out", "requests": 1000, "in_flight": 16,
            "rust": { "rps": 12345.6, "rps_spread_pct": 2.0, "p50_us": 100.0, "p99_us": 2500.0,
                      "runs": 5 },
            "go": { "rps": 10000.0, "rps_spread_pct": 3.0, "p50_us": 120.0, "p99_us": 1500.0,
                    "runs": 5 }
        }]))
        .expect("workload rows");
        let table = page(&with).workloads.expect("a workloads table");
        assert_eq!(table.columns.len(), table.rows[0].len());
        assert_eq!(
            table.rows[0],
            ["HTTP fan-out", "16", "12346", "10000", "1.23", "100", "2500", "120", "1500"]
        );
    }

    #[test]
    fn numbers_keep_three_significant_digits() {
        assert_eq!(format_number(1234.6), "1235");
        assert_eq!(format_number(40.5), "40.5");
        assert_eq!(format_number(0.012345), "0.0123");
        assert_eq!(format_number(100.0), "100");
    }

    #[test]
    fn a_missing_or_foreign_report_is_an_error_naming_it() {
        let err = load(Path::new("/"), Path::new("/nonexistent/report.json")).unwrap_err();
        assert!(format!("{err:#}").contains("/nonexistent/report.json"), "{err:#}");
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("report.json");
        std::fs::write(&path, r#"[{ "name": "x", "value": "y" }]"#).expect("write");
        let err = load(dir.path(), &path).unwrap_err();
        assert!(format!("{err:#}").contains("as a `cargo xtask compare` report"), "{err:#}");
    }
}

//! The benchmark page: a report written by `cargo xtask compare` (`target/compare/report.json`,
//! or the run committed under `benches/results/`) as charts and tables, one section per
//! benchmark family. The report is read into compare's own types ([`SavedReport`]), so a report
//! of another shape is an error, not a page that guesses.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result};
use serde::Serialize;

use crate::compare::chart::x_range;
use crate::compare::parse::Stat;
use crate::compare::report::{Header, Row, SavedReport};

use super::html::escape;

/// The benchmarks page.
#[derive(Debug, Serialize)]
pub struct BenchPage {
    /// The run's facts: (name, value).
    pub facts: Vec<(String, String)>,
    /// The results, one group per benchmark family, in the report's order.
    pub groups: Vec<Group>,
    /// One line for the index.
    pub summary: String,
}

/// A family of results: a chart and a table.
#[derive(Debug, Serialize)]
pub struct Group {
    /// The family's name: its criterion bench target.
    pub name: String,
    pub id: String,
    /// Column headings.
    pub columns: Vec<String>,
    /// Which columns hold numbers (right-aligned).
    pub numeric: Vec<bool>,
    /// Each row's cells, as text, one per column.
    pub rows: Vec<Vec<String>>,
    /// An inline SVG chart, when the rows have times.
    pub chart: Option<String>,
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
pub fn load(path: &Path) -> Result<BenchPage> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let report: SavedReport = serde_json::from_str(&text).with_context(|| {
        format!(
            "parsing {} as a `cargo xtask compare` report",
            path.display()
        )
    })?;
    Ok(page(&report))
}

/// Builds the page from a report.
pub fn page(report: &SavedReport) -> BenchPage {
    let mut families = Vec::new();
    for row in &report.rows {
        if !families.contains(&row.family) {
            families.push(row.family);
        }
    }
    let groups: Vec<Group> = families
        .into_iter()
        .map(|family| {
            let rows: Vec<&Row> = report.rows.iter().filter(|r| r.family == family).collect();
            group(family.bench_target(), &rows)
        })
        .collect();
    BenchPage {
        facts: facts(&report.header),
        summary: format!(
            "{} measurements on {}",
            report.rows.len(),
            report.header.machine.cpu
        ),
        groups,
    }
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
        (
            "GOMAXPROCS",
            or_unknown(h.gomaxprocs.map(|g| g.to_string())),
        ),
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
    let number = |v: Option<f64>| v.map_or_else(|| "—".to_string(), format_number);
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
    let id = format!("bench-{}", crate::align::anchor(name));
    Group {
        chart: chart(&id, rows),
        name: name.to_string(),
        id,
        columns: COLUMNS.iter().map(|(c, _)| c.to_string()).collect(),
        numeric: COLUMNS.iter().map(|(_, n)| *n).collect(),
        rows: table,
    }
}

/// Three significant digits, without trailing zeros: 1234.6 → "1235", 0.01234 → "0.0123".
pub fn format_number(f: f64) -> String {
    if f == 0.0 || !f.is_finite() {
        return format!("{f}");
    }
    let digits = (2 - f.abs().log10().floor() as i32).max(0) as usize;
    let s = format!("{f:.digits$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// A horizontal bar chart of Rust and Go times per row, on a log scale (the times span
/// nanoseconds to milliseconds), over the same decades as compare's chart
/// ([`x_range`]).
///
/// Not compare's chart itself (`compare::chart::draw`): that one is a standalone plotters SVG
/// file for report.md, with every family in one 1200 px picture, fixed colours on a white
/// background and labels cut to fit a 520 px axis. The page needs a chart inline per family,
/// coloured by CSS classes so it follows dark mode, with a `<title>` for screen readers, the
/// value printed by each bar and on hover, and labels on a line of their own at full length.
fn chart(id: &str, rows: &[&Row]) -> Option<String> {
    // (CSS class, legend, whether it is Go's time).
    let has_go = rows.iter().any(|r| r.go.is_some());
    let series: Vec<(&str, &str, bool)> = std::iter::once(("rust", "Rust ns/op", false))
        .chain(has_go.then_some(("go", "Go ns/op", true)))
        .collect();
    let value = |r: &Row, go: bool| {
        let stat: Option<Stat> = if go { r.go } else { r.rust };
        stat.map(|s| s.median_ns).filter(|v| *v > 0.0)
    };
    if !rows
        .iter()
        .any(|r| series.iter().any(|(_, _, go)| value(r, *go).is_some()))
    {
        return None;
    }
    let owned: Vec<Row> = rows.iter().map(|r| (*r).clone()).collect();
    // Decades, as exponents: x_range gives powers of ten.
    let (lo, hi) = x_range(&owned);
    let (lo, hi) = (lo.log10().round(), hi.log10().round());
    // Each row is its label on a line of its own (labels are long), then one bar per series.
    let (left, plot_w, label_h, bar_h, gap) = (8.0, 800.0, 14.0, 9.0, 9.0);
    let row_h = label_h + bar_h * series.len() as f64 + gap;
    let top = 30.0;
    let height = top + row_h * rows.len() as f64 + 24.0;
    let width = left + plot_w + 60.0;
    let x = |v: f64| left + (v.log10() - lo) / (hi - lo) * plot_w;

    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-title\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"{id}-title\">Time per operation, Rust{} (log scale)</title>",
        if has_go { " and Go" } else { "" }
    );
    // Legend and decade grid.
    let mut lx = left;
    for (class, heading, _) in &series {
        let _ = write!(
            svg,
            "<rect class=\"bar-{class}\" x=\"{lx}\" y=\"6\" width=\"12\" height=\"10\"/>\
             <text x=\"{}\" y=\"15\">{}</text>",
            lx + 16.0,
            escape(heading)
        );
        lx += 160.0;
    }
    let mut d = lo;
    while d <= hi {
        let gx = x(10f64.powf(d));
        let _ = write!(
            svg,
            "<line class=\"grid\" x1=\"{gx:.1}\" y1=\"{top}\" x2=\"{gx:.1}\" y2=\"{:.1}\"/>\
             <text class=\"tick\" x=\"{gx:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            height - 20.0,
            height - 6.0,
            format_number(10f64.powf(d))
        );
        d += 1.0;
    }
    for (r, row) in rows.iter().enumerate() {
        let y0 = top + r as f64 * row_h;
        let _ = write!(
            svg,
            "<text class=\"label\" x=\"{left}\" y=\"{:.1}\">{}</text>",
            y0 + label_h - 3.0,
            escape(&format!("{} · {}", row.workload, row.flavour))
        );
        for (k, (class, heading, go)) in series.iter().enumerate() {
            if let Some(v) = value(row, *go) {
                let y = y0 + label_h + k as f64 * bar_h;
                let w = (x(v) - left).max(1.0);
                let _ = write!(
                    svg,
                    "<rect class=\"bar-{class}\" x=\"{left}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{:.1}\"><title>{}: {}</title></rect>\
                     <text class=\"value\" x=\"{:.1}\" y=\"{:.1}\">{}</text>",
                    bar_h - 1.0,
                    escape(heading),
                    format_number(v),
                    left + w + 4.0,
                    y + bar_h - 1.5,
                    format_number(v)
                );
            }
        }
    }
    svg.push_str("</svg>");
    Some(svg)
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
        let fact = |k: &str| {
            p.facts
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(fact("GOMAXPROCS"), Some("2"));
        assert_eq!(fact("Load average before"), Some("—"));
        assert_eq!(fact("Run time"), Some("450 s"));
        let names: Vec<_> = p.groups.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(names, ["atomics", "channels"]);
        let g = &p.groups[0];
        assert_eq!(g.id, "bench-atomics");
        assert_eq!(
            g.columns,
            [
                "Workload",
                "Flavour",
                "Rust ns/op",
                "Rust spread %",
                "Go ns/op",
                "Go spread %",
                "Rust / Go"
            ]
        );
        assert_eq!(g.numeric, [false, false, true, true, true, true, true]);
        assert_eq!(
            g.rows[0],
            ["load", "Relaxed", "0.5", "1", "0.6", "2", "0.833"]
        );
        assert_eq!(p.groups[1].rows[0][2], "40.3");
        assert_eq!(
            p.groups[1].rows[0][4], "—",
            "a missing Go twin shows as a dash"
        );
        let chart = g.chart.as_deref().expect("rust and go times make a chart");
        assert!(chart.contains("class=\"bar-rust\"") && chart.contains("class=\"bar-go\""));
        assert!(chart.contains("load · Relaxed"));
        assert!(chart.contains("Rust and Go (log scale)"));
        let rust_only = p.groups[1]
            .chart
            .as_deref()
            .expect("rust times make a chart");
        assert!(
            !rust_only.contains("bar-go"),
            "no Go series without Go times"
        );
        assert_eq!(p.summary, "2 measurements on Test CPU");
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
        let err = load(Path::new("/nonexistent/report.json")).unwrap_err();
        assert!(
            format!("{err:#}").contains("/nonexistent/report.json"),
            "{err:#}"
        );
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("report.json");
        std::fs::write(&path, r#"[{ "name": "x", "value": "y" }]"#).expect("write");
        let err = load(&path).unwrap_err();
        assert!(
            format!("{err:#}").contains("as a `cargo xtask compare` report"),
            "{err:#}"
        );
    }
}

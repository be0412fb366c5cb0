//! The benchmark page: `target/compare/report.json` (written by `cargo xtask compare`) as
//! charts and tables. The report is read loosely, so the page follows the report's shape
//! rather than breaking with it: its scalars outside the rows are the run's facts (machine,
//! versions, settings); its first array of objects is the table, nested objects flattened
//! (`rust.median_ns`), one section per `family` when rows name one; and the numeric columns
//! whose names say Rust and Go (`rust.median_ns`, `go_ns`, ...) are the chart's two series.
//! No report, no page.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result};
use serde::Serialize;
use serde_json::{Map, Value};

use super::html::escape;

/// The benchmarks page.
#[derive(Debug, Serialize)]
pub struct BenchPage {
    /// The run's facts: (name, value).
    pub facts: Vec<(String, String)>,
    /// The results, one group per benchmark family when the rows name one.
    pub groups: Vec<Group>,
    /// One line for the index.
    pub summary: String,
}

/// A family of results: a chart and a table.
#[derive(Debug, Serialize)]
pub struct Group {
    /// The family's name, or None when the report does not group its rows.
    pub name: Option<String>,
    pub id: String,
    /// Column headings.
    pub columns: Vec<String>,
    /// Which columns hold numbers (right-aligned).
    pub numeric: Vec<bool>,
    /// Each row's cells, as text, one per column.
    pub rows: Vec<Vec<String>>,
    /// An inline SVG chart, when the rows have Rust (and Go) times.
    pub chart: Option<String>,
}

/// Reads the report at `path`; Ok(None) when there is none.
pub fn load(path: &Path) -> Result<Option<BenchPage>> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
    };
    let value: Value =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
    Ok(Some(page(&value)))
}

/// A row with nested objects flattened: `{"rust": {"median_ns": 1}}` gives `rust.median_ns`.
type Flat = Vec<(String, Value)>;

fn flatten(map: &Map<String, Value>, prefix: &str, out: &mut Flat) {
    for (k, v) in map {
        let name = format!("{prefix}{k}");
        match v {
            Value::Object(inner) => flatten(inner, &format!("{name}."), out),
            // A null stands for a missing object as often as a missing number (`"go": null`
            // where Go has no twin): leave it out, and its cells show a dash.
            Value::Array(_) | Value::Null => {}
            other => out.push((name, other.clone())),
        }
    }
}

fn get<'a>(row: &'a Flat, column: &str) -> Option<&'a Value> {
    row.iter().find(|(k, _)| k == column).map(|(_, v)| v)
}

/// Columns that identify a row to programs rather than to readers.
fn hidden(column: &str) -> bool {
    column == "key" || column.ends_with("_id") || column.ends_with(".n")
}

/// A heading for a column: the usual names of `cargo xtask compare` read as words, any other
/// name as it is.
fn heading(column: &str) -> String {
    match column {
        "rust.median_ns" => "Rust ns/op".into(),
        "go.median_ns" => "Go ns/op".into(),
        "rust.spread_pct" => "Rust spread %".into(),
        "go.spread_pct" => "Go spread %".into(),
        "ratio" => "Rust / Go".into(),
        "workload" => "Workload".into(),
        "flavour" => "Flavour".into(),
        other => other.to_string(),
    }
}

/// Builds the page from a report of any reasonable shape.
pub fn page(report: &Value) -> BenchPage {
    let mut facts = Vec::new();
    let empty = Vec::new();
    let rows: &Vec<Value> = match report {
        Value::Array(rows) => rows,
        Value::Object(map) => {
            let without_rows: Map<String, Value> = map
                .iter()
                .filter(|(_, v)| !v.is_array())
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            collect_facts(&without_rows, "", &mut facts);
            find_rows(map).unwrap_or(&empty)
        }
        _ => &empty,
    };
    let flat: Vec<Flat> = rows
        .iter()
        .filter_map(Value::as_object)
        .map(|o| {
            let mut f = Vec::new();
            flatten(o, "", &mut f);
            f
        })
        .collect();
    let mut columns: Vec<String> = Vec::new();
    for row in &flat {
        for (k, _) in row {
            if !columns.contains(k) {
                columns.push(k.clone());
            }
        }
    }
    // Rows that name their family are shown family by family.
    let group_by = ["family", "group", "suite"]
        .into_iter()
        .find(|g| flat.iter().all(|r| get(r, g).is_some_and(Value::is_string)));
    let shown: Vec<String> = columns
        .iter()
        .filter(|c| !hidden(c) && Some(c.as_str()) != group_by)
        .cloned()
        .collect();
    let mut names: Vec<Option<String>> = Vec::new();
    for row in &flat {
        let name = group_by
            .and_then(|g| get(row, g))
            .and_then(Value::as_str)
            .map(String::from);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let groups = names
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            let members: Vec<&Flat> = flat
                .iter()
                .filter(|r| {
                    group_by.and_then(|g| get(r, g)).and_then(Value::as_str) == name.as_deref()
                })
                .collect();
            group(i, name, &members, &shown)
        })
        .collect::<Vec<_>>();
    let count: usize = groups.iter().map(|g| g.rows.len()).sum();
    let summary = format!(
        "{count} measurements{}",
        facts
            .iter()
            .find(|(k, _)| k.to_ascii_lowercase().ends_with("cpu"))
            .map(|(_, v)| format!(" on {v}"))
            .unwrap_or_default()
    );
    BenchPage {
        facts,
        groups,
        summary,
    }
}

fn group(i: usize, name: Option<String>, rows: &[&Flat], columns: &[String]) -> Group {
    let numeric: Vec<bool> = columns
        .iter()
        .map(|c| {
            rows.iter()
                .filter_map(|r| get(r, c))
                .all(|v| v.is_number() || v.is_null())
        })
        .collect();
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            columns
                .iter()
                .map(|c| get(r, c).map(cell_text).unwrap_or_else(|| "—".into()))
                .collect()
        })
        .collect();
    let id = match &name {
        Some(n) => format!("bench-{}", crate::align::anchor(n)),
        None => format!("bench-{i}"),
    };
    Group {
        chart: chart(&id, rows, columns, &numeric),
        name,
        id,
        columns: columns.iter().map(|c| heading(c)).collect(),
        numeric,
        rows: table,
    }
}

/// Top-level scalars (and those of nested objects, as `machine.cpu`) are facts about the run.
fn collect_facts(map: &Map<String, Value>, prefix: &str, facts: &mut Vec<(String, String)>) {
    for (k, v) in map {
        let name = format!("{prefix}{k}");
        match v {
            // A report's own header needs no prefix: `machine.cpu`, not `header.machine.cpu`.
            Value::Object(inner) if prefix.is_empty() && (k == "header" || k == "meta") => {
                collect_facts(inner, "", facts)
            }
            Value::Object(inner) => collect_facts(inner, &format!("{name}."), facts),
            Value::Array(_) => {}
            other => facts.push((name, cell_text(other))),
        }
    }
}

/// The first array of objects, preferring the usual names; searched one level down too.
fn find_rows(map: &Map<String, Value>) -> Option<&Vec<Value>> {
    let is_rows = |v: &Value| {
        v.as_array()
            .is_some_and(|a| !a.is_empty() && a.iter().all(Value::is_object))
    };
    for key in ["rows", "results", "benchmarks", "entries", "measurements"] {
        if let Some(v) = map.get(key).filter(|v| is_rows(v)) {
            return v.as_array();
        }
    }
    if let Some(v) = map.values().find(|v| is_rows(v)) {
        return v.as_array();
    }
    map.values()
        .filter_map(Value::as_object)
        .find_map(find_rows)
}

fn cell_text(v: &Value) -> String {
    match v {
        Value::Null => "—".into(),
        Value::String(s) => s.clone(),
        Value::Number(n) => match n.as_f64() {
            Some(f) if n.is_f64() => format_number(f),
            _ => n.to_string(),
        },
        other => other.to_string(),
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

/// The column of a series: numeric, named after the language, and a time if one is named so.
fn series_column(columns: &[String], numeric: &[bool], lang: &str) -> Option<usize> {
    let named = |c: &str| {
        let c = c.to_ascii_lowercase();
        c.split(|ch: char| !ch.is_ascii_alphanumeric())
            .any(|w| w == lang)
    };
    let timeish = |c: &str| {
        let c = c.to_ascii_lowercase();
        ["ns", "time", "median", "mean", "op"]
            .iter()
            .any(|w| c.contains(w))
    };
    let candidates: Vec<usize> = (0..columns.len())
        .filter(|&i| numeric[i] && named(&columns[i]))
        .collect();
    candidates
        .iter()
        .copied()
        .find(|&i| timeish(&columns[i]))
        .or_else(|| candidates.first().copied())
}

/// A horizontal bar chart of Rust and Go times per row, on a log scale (the times span
/// nanoseconds to milliseconds). Colours come from CSS classes, so it follows dark mode.
fn chart(id: &str, rows: &[&Flat], columns: &[String], numeric: &[bool]) -> Option<String> {
    let rust = series_column(columns, numeric, "rust")?;
    let go = series_column(columns, numeric, "go");
    // Label each row with its workload and flavour, else its first two text columns.
    let label_columns: Vec<&String> = if columns.iter().any(|c| c == "workload") {
        columns
            .iter()
            .filter(|c| *c == "workload" || *c == "flavour")
            .collect()
    } else {
        columns
            .iter()
            .zip(numeric)
            .filter(|(_, n)| !**n)
            .map(|(c, _)| c)
            .take(2)
            .collect()
    };
    let labels: Vec<String> = rows
        .iter()
        .map(|r| {
            let parts: Vec<&str> = label_columns
                .iter()
                .filter_map(|c| get(r, c).and_then(Value::as_str))
                .collect();
            parts.join(" · ")
        })
        .collect();
    let value = |r: &Flat, i: usize| {
        get(r, &columns[i])
            .and_then(Value::as_f64)
            .filter(|v| *v > 0.0)
    };
    let series: Vec<(usize, &str)> = std::iter::once((rust, "rust"))
        .chain(go.map(|g| (g, "go")))
        .collect();
    let all: Vec<f64> = rows
        .iter()
        .flat_map(|r| series.iter().filter_map(|(i, _)| value(r, *i)))
        .collect();
    if all.is_empty() {
        return None;
    }
    let lo = all
        .iter()
        .copied()
        .fold(f64::INFINITY, f64::min)
        .log10()
        .floor();
    let hi = all
        .iter()
        .copied()
        .fold(0.0, f64::max)
        .log10()
        .ceil()
        .max(lo + 1.0);
    // Each row is its label on a line of its own (labels are long), then one bar per series.
    let (left, plot_w, label_h, bar_h, gap) = (8.0, 800.0, 14.0, 9.0, 9.0);
    let row_h = label_h + bar_h * series.len() as f64 + gap;
    let top = 30.0;
    let height = top + row_h * rows.len() as f64 + 24.0;
    let width = left + plot_w + 60.0;
    let label_w = left;
    let x = |v: f64| label_w + (v.log10() - lo) / (hi - lo) * plot_w;

    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-title\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"{id}-title\">Time per operation, Rust{} (log scale)</title>",
        if go.is_some() { " and Go" } else { "" }
    );
    // Legend and decade grid.
    let mut lx = left;
    for (i, name) in &series {
        let _ = write!(
            svg,
            "<rect class=\"bar-{name}\" x=\"{lx}\" y=\"6\" width=\"12\" height=\"10\"/>\
             <text x=\"{}\" y=\"15\">{}</text>",
            lx + 16.0,
            escape(&heading(&columns[*i]))
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
            escape(&labels[r])
        );
        for (k, (i, name)) in series.iter().enumerate() {
            if let Some(v) = value(row, *i) {
                let y = y0 + label_h + k as f64 * bar_h;
                let w = (x(v) - label_w).max(1.0);
                let _ = write!(
                    svg,
                    "<rect class=\"bar-{name}\" x=\"{label_w}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{:.1}\"><title>{}: {}</title></rect>\
                     <text class=\"value\" x=\"{:.1}\" y=\"{:.1}\">{}</text>",
                    bar_h - 1.0,
                    escape(&heading(&columns[*i])),
                    format_number(v),
                    label_w + w + 4.0,
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

    #[test]
    fn reads_facts_groups_and_series_from_a_compare_report() {
        // The shape `cargo xtask compare` writes.
        let report = serde_json::json!({
            "header": { "machine": { "cpu": "Test CPU", "cores": 2 }, "mode": "quick" },
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
        });
        let p = page(&report);
        assert_eq!(
            p.facts,
            [
                ("machine.cpu".to_string(), "Test CPU".to_string()),
                ("machine.cores".into(), "2".into()),
                ("mode".into(), "quick".into())
            ]
        );
        let names: Vec<_> = p.groups.iter().map(|g| g.name.as_deref()).collect();
        assert_eq!(names, [Some("atomics"), Some("channels")]);
        let g = &p.groups[0];
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
            ["load", "Relaxed", "0.5", "1", "0.6", "2", "0.83"]
        );
        assert_eq!(p.groups[1].rows[0][2], "40.3");
        assert_eq!(
            p.groups[1].rows[0][4], "—",
            "a missing Go twin shows as a dash"
        );
        let chart = g
            .chart
            .as_deref()
            .expect("rust and go columns make a chart");
        assert!(chart.contains("class=\"bar-rust\"") && chart.contains("class=\"bar-go\""));
        assert!(chart.contains("load · Relaxed"));
        assert_eq!(p.summary, "2 measurements on Test CPU");
    }

    #[test]
    fn odd_reports_give_a_page_without_a_chart() {
        let p = page(&serde_json::json!([{ "name": "x", "value": "y" }]));
        assert_eq!(p.groups.len(), 1);
        assert_eq!(p.groups[0].rows, [["x", "y"]]);
        assert!(p.groups[0].chart.is_none());
        let p = page(&serde_json::json!({ "nothing": 1 }));
        assert!(p.groups.is_empty());
    }

    #[test]
    fn numbers_keep_three_significant_digits() {
        assert_eq!(format_number(1234.6), "1235");
        assert_eq!(format_number(40.5), "40.5");
        assert_eq!(format_number(0.012345), "0.0123");
        assert_eq!(format_number(100.0), "100");
    }

    #[test]
    fn a_missing_report_is_not_an_error() {
        assert!(
            load(Path::new("/nonexistent/report.json"))
                .unwrap()
                .is_none()
        );
    }
}

//! The benchmark chart, the one implementation behind `cargo xtask compare`'s `chart.svg` and
//! the site's charts (one per family, inline): a bar per side (Rust, Go) per row, median ns/op
//! on a log scale, each row's label on lines of its own above its bars. Laid out here, drawn by
//! the `chart.svg` template. The drawing is 400 units wide, so a chart scaled down to a phone's
//! width keeps its text about 10 px high.

use std::path::Path;

use anyhow::{Context, Result};
use serde::Serialize;

use super::report::Row;

/// A chart, as the template draws it.
#[derive(Debug, Serialize)]
pub struct Chart {
    pub id: String,
    pub title: String,
    /// Written as a file of its own: it brings its own colours and background.
    pub standalone: bool,
    pub height: f64,
    pub legend: Vec<Mark>,
    /// The decade grid lines (x) and their labels.
    pub ticks: Vec<Mark>,
    pub rows: Vec<ChartRow>,
}

/// A positioned piece of text: a legend entry, a tick, a bar's value.
#[derive(Debug, Serialize)]
pub struct Mark {
    /// `rust` or `go` for a legend entry or a bar.
    pub class: &'static str,
    pub x: f64,
    pub y: f64,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct ChartRow {
    /// The label's lines and their baselines.
    pub label: Vec<Mark>,
    /// Each bar: its top `y`, its width `x`, its value as `text`.
    pub bars: Vec<Mark>,
}

pub const WIDTH: f64 = 400.0;
const LEFT: f64 = 4.0;
const PLOT: f64 = 330.0;
const TOP: f64 = 28.0;
const LINE: f64 = 13.0;
pub const BAR: f64 = 10.0;
const GAP: f64 = 8.0;
/// Characters of label per line at 11 px in 400 units.
const LABEL_CHARS: usize = 62;

/// The x range: a power of ten below the smallest number, one above the largest.
pub fn x_range(rows: &[&Row]) -> (f64, f64) {
    let values = rows.iter().flat_map(|r| [r.rust, r.go]).flatten().map(|s| s.median_ns);
    let (lo, hi) = values
        .filter(|v| *v > 0.0)
        .fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if lo > hi {
        return (0.1, 10.0);
    }
    let (lo, hi) = (lo.log10().floor(), hi.log10().ceil());
    (10f64.powf(lo), 10f64.powf(hi.max(lo + 1.0)))
}

/// `v` to a tenth of a unit, which is all a drawing 400 units wide needs.
pub(crate) fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Lays out `rows`; None when no row has a time.
pub fn layout(id: &str, title: &str, rows: &[&Row], standalone: bool) -> Option<Chart> {
    let has_go = rows.iter().any(|r| r.go.is_some());
    type Median = fn(&Row) -> Option<f64>;
    let series: Vec<(&'static str, &str, Median)> = [
        ("rust", "Rust ns/op", (|r: &Row| r.rust.map(|s| s.median_ns)) as Median),
        ("go", "Go ns/op", |r: &Row| r.go.map(|s| s.median_ns)),
    ]
    .into_iter()
    .filter(|(class, _, _)| *class == "rust" || has_go)
    .collect();
    if !rows.iter().any(|r| series.iter().any(|(_, _, v)| v(r).is_some_and(|v| v > 0.0))) {
        return None;
    }
    let (lo, hi) = x_range(rows);
    let (lo, hi) = (lo.log10(), hi.log10());
    let x = |v: f64| round((v.log10() - lo) / (hi - lo) * PLOT);
    let mark = |class, x, y, text| Mark { class, x, y, text };
    let mut y = TOP;
    let mut out_rows = Vec::new();
    for row in rows {
        let text = format!("{} · {}", row.workload, row.flavour);
        let opts = textwrap::Options::new(LABEL_CHARS);
        let mut label = Vec::new();
        for l in textwrap::wrap(&text, opts) {
            y += LINE;
            label.push(mark("", LEFT, round(y - 3.0), l.into_owned()));
        }
        let mut bars = Vec::new();
        for (class, _, value) in &series {
            if let Some(v) = value(row).filter(|v| *v > 0.0) {
                bars.push(mark(class, x(v).max(1.0), round(y), format_number(v)));
            }
            y += BAR;
        }
        y += GAP;
        out_rows.push(ChartRow { label, bars });
    }
    let height = y + 22.0;
    let ticks = (lo.round() as i32..=hi.round() as i32)
        .map(|d| mark("", LEFT + x(10f64.powi(d)), height - 6.0, format_number(10f64.powi(d))))
        .collect();
    let legend = series
        .iter()
        .enumerate()
        .map(|(i, (class, name, _))| mark(class, LEFT + 120.0 * i as f64, 6.0, name.to_string()))
        .collect();
    Some(Chart {
        id: id.to_string(),
        title: title.to_string(),
        standalone,
        height: round(height),
        legend,
        ticks,
        rows: out_rows,
    })
}

/// The chart as SVG markup.
pub fn svg(chart: &Chart) -> Result<String> {
    let env = crate::environment()?;
    let ctx = minijinja::context! { c => minijinja::value::Value::from(minijinja::value::Serde(chart)), width => WIDTH, left => LEFT, bar => BAR, top => TOP };
    Ok(env.get_template("chart.svg")?.render(ctx)?)
}

/// Draws every row into one standalone SVG file at `path` (compare's `chart.svg`).
pub fn draw(path: &Path, title: &str, rows: &[Row]) -> Result<()> {
    let rows: Vec<&Row> = rows.iter().collect();
    let text = match layout("chart", title, &rows, true) {
        Some(chart) => svg(&chart)?,
        None => String::new(),
    };
    std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))
}

/// Three significant digits, without trailing zeros: 1234.6 → "1235", 0.01234 → "0.0123".
pub fn format_number(f: f64) -> String {
    if f == 0.0 || !f.is_finite() {
        return format!("{f}");
    }
    let digits = (2 - f.abs().log10().floor() as i32).max(0) as usize;
    let s = format!("{f:.digits$}");
    if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::Stat;
    use crate::twins::Family;

    fn row(rust: f64, go: Option<f64>) -> Row {
        let stat = |ns| Stat { median_ns: ns, spread_pct: 1.0, n: 3 };
        Row {
            key: "k".into(),
            family: Family::Channels,
            workload: "spsc, capacity 100".into(),
            flavour:
                "crossbeam bounded(100) <with> & a flavour name long enough to need a second line"
                    .into(),
            rust_id: "r".into(),
            go_id: None,
            rust: Some(stat(rust)),
            go: go.map(stat),
            param: None,
        }
    }

    #[test]
    fn the_range_covers_every_number_in_powers_of_ten() {
        let (a, b) = (row(0.24, Some(5.0)), row(43_000.0, None));
        assert_eq!(x_range(&[&a, &b]), (0.1, 100_000.0));
        assert_eq!(x_range(&[]), (0.1, 10.0));
        assert_eq!(x_range(&[&row(10.0, None)]), (10.0, 100.0));
    }

    #[test]
    fn the_chart_is_an_svg_with_every_label_escaped_and_wrapped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chart.svg");
        draw(&path, "t", &[row(50.0, Some(30.0)), row(400.0, None)]).unwrap();
        let svg = std::fs::read_to_string(&path).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("<style>"), "{svg}");
        assert!(
            svg.contains("spsc, capacity 100 · crossbeam bounded(100) &lt;with&gt; &amp; a"),
            "{svg}"
        );
        assert!(svg.contains(">name long enough to need a second line<"), "{svg}");
        assert!(svg.contains("class=\"bar-rust\"") && svg.contains("class=\"bar-go\""));
        assert!(svg.contains(">Go ns&#x2f;op<") && svg.contains(">Rust ns&#x2f;op<"));
        let a = row(50.0, None);
        let inline = svg_of(&layout("x", "t", &[&a], false).unwrap());
        assert!(!inline.contains("bar-go") && !inline.contains("<style>"));
    }

    fn svg_of(c: &Chart) -> String {
        svg(c).unwrap()
    }
}

//! How cost grows with the work: a line chart per twin that sweeps a parameter (threads, tasks,
//! message size), written by `cargo xtask compare` as `growth-<twin>.svg` and shown by the
//! site's benchmark page under its family. The parameter runs along x and the median time per
//! op up y, both on log scales, so that doubling the work moves a point by the same step
//! wherever it starts; one line per Rust flavour (a colour and a marker each) and a dashed one
//! for Go. Laid out here, drawn by the `growth.svg` template, 400 units wide like
//! [`chart`](super::chart).

use std::path::Path;

use anyhow::{Context, Result};
use serde::Serialize;

use super::chart::{Mark, WIDTH, format_number, round};
use super::report::{Row, fmt_ns, in_unit};

/// A growth chart, as the template draws it.
#[derive(Debug, Serialize)]
pub struct Growth {
    /// The key of the twin it shows: `locks.mutex`.
    pub twin: String,
    pub id: String,
    /// What the twin measures, for the chart's `<title>`.
    pub title: String,
    /// Written as a file of its own: it brings its own colours and background.
    pub standalone: bool,
    pub height: f64,
    /// The workload's lines, above the plot.
    pub heading: Vec<Mark>,
    /// The plot's top and bottom edges.
    pub top: f64,
    pub bottom: f64,
    pub x_label: Mark,
    pub y_label: Mark,
    /// One per value of the parameter: its grid line (x) and label.
    pub x_ticks: Vec<Mark>,
    /// Powers of ten (and their doubles and halves on a short range): grid line (y), label.
    pub y_ticks: Vec<Mark>,
    pub series: Vec<Series>,
}

/// One line: a Rust flavour or Go.
#[derive(Debug, Serialize)]
pub struct Series {
    /// `go`, or `s0` to `s6`: the colour of a Rust flavour.
    pub class: String,
    /// The marker: `square` for Go; `circle`, `triangle` or `diamond` for Rust.
    pub shape: &'static str,
    /// Each point, with what it is as its hover text.
    pub points: Vec<Mark>,
    /// The legend entry's text and baseline (its line and marker sit to the left).
    pub legend: Mark,
}

/// The plot's left edge (room for the y labels, `100 µs`) and right edge.
pub const LEFT: f64 = 48.0;
pub const RIGHT: f64 = 390.0;
/// How far the first and last values stay inside the plot's edges.
const INSET: f64 = 12.0;
const PLOT_HEIGHT: f64 = 160.0;
const LINE: f64 = 14.0;
/// Characters of heading per line at 11 px in 400 units.
const HEADING_CHARS: usize = 60;
/// The colours of the Rust flavours (`s0`… in the stylesheets) and their markers: both change
/// from one flavour to the next, so every pair is distinct for 21 flavours.
const COLOURS: usize = 7;
const SHAPES: [&str; 3] = ["circle", "triangle", "diamond"];

/// One chart per twin among `rows` that swept its parameter over two values or more, in the
/// order the rows come.
pub fn charts(rows: &[&Row], standalone: bool) -> Vec<Growth> {
    let swept: Vec<&Row> = rows.iter().copied().filter(|r| r.param.is_some()).collect();
    first_seen(swept.iter().map(|r| r.twin_key()))
        .into_iter()
        .filter_map(|twin| {
            let of: Vec<&Row> = swept.iter().copied().filter(|r| r.twin_key() == twin).collect();
            layout(&of, standalone)
        })
        .collect()
}

/// Each distinct item, in the order they first come.
fn first_seen<'a>(items: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen = Vec::new();
    for item in items {
        if !seen.contains(&item) {
            seen.push(item);
        }
    }
    seen
}

/// Lays out the rows of one twin; None unless they hold two values of its parameter.
pub fn layout(rows: &[&Row], standalone: bool) -> Option<Growth> {
    let first = rows.first()?;
    let axis = first.param?.axis;
    let mut values: Vec<usize> =
        rows.iter().filter_map(|r| r.param).map(|p| p.value).filter(|v| *v > 0).collect();
    values.sort_unstable();
    values.dedup();
    let (&min, &max) = (values.first()?, values.last()?);
    if min == max {
        return None;
    }
    let times = rows.iter().flat_map(|r| [r.rust, r.go]).flatten().map(|s| s.median_ns);
    let (fastest, slowest) =
        times.filter(|t| *t > 0.0).fold((f64::MAX, 0.0_f64), |(lo, hi), t| (lo.min(t), hi.max(t)));
    if fastest > slowest {
        return None;
    }
    let steps = y_steps(fastest, slowest);
    let (log_lo, log_hi) = (steps[0].log10(), steps[steps.len() - 1].log10());
    let mark = |x, y, text| Mark { class: "", x, y, text };

    let workload = first.workload.rsplit_once(", ").map_or(first.workload.as_str(), |(w, _)| w);
    let mut y = 0.0;
    let mut heading = Vec::new();
    for line in textwrap::wrap(workload, HEADING_CHARS) {
        y += LINE;
        heading.push(mark(4.0, y, line.into_owned()));
    }
    y += LINE + 2.0;
    let y_label = mark(4.0, y, "median ns per op (log scale)".into());
    let top = y + 10.0;
    let bottom = top + PLOT_HEIGHT;

    let span = (max as f64).ln() - (min as f64).ln();
    let x = |v: usize| {
        round(
            LEFT + INSET
                + ((v as f64).ln() - (min as f64).ln()) / span * (RIGHT - LEFT - 2.0 * INSET),
        )
    };
    let y_of = |ns: f64| round(bottom - (ns.log10() - log_lo) / (log_hi - log_lo) * PLOT_HEIGHT);
    let x_ticks = values.iter().map(|&v| mark(x(v), bottom + 13.0, short(v))).collect();
    let y_ticks = steps.into_iter().map(|ns| mark(LEFT, y_of(ns), tick_label(ns))).collect();
    let x_label =
        mark(round((LEFT + RIGHT) / 2.0), bottom + 28.0, format!("{} (log scale)", axis.name()));

    // A line per Rust flavour (by its name), in the order the rows name them, then Go (None).
    let flavours = first_seen(rows.iter().filter(|r| r.rust.is_some()).map(|r| r.flavour.as_str()));
    let mut lines: Vec<(String, &'static str, Option<&str>)> = flavours
        .into_iter()
        .enumerate()
        .map(|(i, f)| (format!("s{}", i % COLOURS), SHAPES[i % SHAPES.len()], Some(f)))
        .collect();
    let has_go = rows.iter().any(|r| r.go.is_some());
    if has_go {
        lines.push(("go".into(), "square", None));
    }
    let median = |r: &Row, flavour: Option<&str>| {
        match flavour {
            Some(f) => r.rust.filter(|_| r.flavour == f),
            None => r.go,
        }
        .map(|s| s.median_ns)
    };
    let mut legend_y = bottom + 30.0;
    let series = lines
        .into_iter()
        .map(|(class, shape, flavour)| {
            let points = values
                .iter()
                .filter_map(|&v| {
                    let ns = rows
                        .iter()
                        .filter(|r| r.param.is_some_and(|p| p.value == v))
                        .find_map(|r| median(r, flavour))?;
                    let text = format!("{}, {}", axis.describe(v), fmt_ns(ns));
                    Some(mark(x(v), y_of(ns), text))
                })
                .collect();
            legend_y += LINE + 1.0;
            let label = flavour.unwrap_or("Go").to_string();
            Series { class, shape, points, legend: mark(34.0, legend_y, label) }
        })
        .collect();
    Some(Growth {
        twin: first.twin_key().to_string(),
        id: format!("growth-{}", first.twin_key().replace('.', "-")),
        title: format!(
            "{workload}: median ns per op by {}, Rust{}",
            axis.name(),
            if has_go { " and Go" } else { "" }
        ),
        standalone,
        height: legend_y + 8.0,
        heading,
        top,
        bottom,
        x_label,
        y_label,
        x_ticks,
        y_ticks,
        series,
    })
}

/// The y grid: from the last line at or below `fastest` to the first at or above `slowest`, a
/// line at each power of ten, and at 2 and 5 times each when the times span two decades or
/// less, so that a short range still has lines to read.
fn y_steps(fastest: f64, slowest: f64) -> Vec<f64> {
    let lo = fastest.log10().floor() as i32;
    let hi = (slowest.log10().ceil() as i32).max(lo + 1);
    let steps: &[f64] = if hi - lo <= 2 { &[1.0, 2.0, 5.0] } else { &[1.0] };
    let all: Vec<f64> = (lo..hi)
        .flat_map(|d| steps.iter().map(move |s| s * 10f64.powi(d)))
        .chain([10f64.powi(hi)])
        .collect();
    let first = all.iter().rposition(|s| *s <= fastest).unwrap_or(0);
    let last = all.iter().position(|s| *s >= slowest).unwrap_or(all.len() - 1).max(first + 1);
    all[first..=last].to_vec()
}

/// A y label: `500 ns`, `2 µs`.
fn tick_label(ns: f64) -> String {
    let (value, unit) = in_unit(ns);
    format!("{} {unit}", format_number(value))
}

/// An x label, short: `1`, `64`, `1024`, `10k`, `1M`.
fn short(v: usize) -> String {
    match v {
        v if v >= 1_000_000 && v.is_multiple_of(1_000_000) => format!("{}M", v / 1_000_000),
        v if v >= 1_000 && v.is_multiple_of(1_000) => format!("{}k", v / 1_000),
        v => v.to_string(),
    }
}

/// The chart as SVG markup.
pub fn svg(chart: &Growth) -> Result<String> {
    let env = crate::environment()?;
    let c = minijinja::Value::from(minijinja::value::Serde(chart));
    let ctx = minijinja::context! { c, width => WIDTH, left => LEFT, right => RIGHT };
    Ok(env.get_template("growth.svg")?.render(ctx)?)
}

/// Writes each chart of `rows` into `out` as a standalone `growth-<twin>.svg`, in the place of
/// those a report written there before left (`--report-only` writes over the last run).
pub fn draw(out: &Path, rows: &[Row]) -> Result<()> {
    for old in std::fs::read_dir(out).with_context(|| format!("listing {}", out.display()))? {
        let path = old?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if name.starts_with("growth-") && name.ends_with(".svg") {
            std::fs::remove_file(&path).with_context(|| format!("deleting {}", path.display()))?;
        }
    }
    let rows: Vec<&Row> = rows.iter().collect();
    for chart in charts(&rows, true) {
        let path = out.join(format!("growth-{}.svg", chart.twin));
        std::fs::write(&path, svg(&chart)?)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::Stat;
    use crate::twins::{Axis, Family, Param};

    fn row(twin: &str, flavour: &str, param: Option<Param>, rust: f64, go: Option<f64>) -> Row {
        let stat = |ns| Stat { median_ns: ns, spread_pct: 1.0, n: 3 };
        let suffix = param.map_or_else(String::new, |p| format!(".{}{}", p.axis.letter(), p.value));
        let workload = param
            .map_or_else(|| "one".into(), |p| format!("spawn <all>, {}", p.axis.describe(p.value)));
        Row {
            key: format!("{twin}{suffix}"),
            family: Family::Spawn,
            workload,
            flavour: flavour.into(),
            rust_id: "r".into(),
            go_id: None,
            rust: Some(stat(rust)),
            go: go.map(stat),
            param,
        }
    }

    fn tasks(n: usize) -> Option<Param> {
        Some(Param { axis: Axis::Tasks, value: n })
    }

    #[test]
    fn a_sweep_gives_a_line_per_flavour_and_one_for_go_on_log_scales() {
        let rows = [
            row("spawn.one", "thread", None, 40_000.0, Some(300.0)),
            row("spawn.count", "thread", tasks(1), 40_000.0, Some(300.0)),
            row("spawn.count", "tokio", tasks(1), 3_000.0, Some(300.0)),
            row("spawn.count", "thread", tasks(100), 30_000.0, Some(250.0)),
            row("spawn.count", "tokio", tasks(100), 400.0, Some(250.0)),
            row("spawn.count", "thread", tasks(10_000), 25_000.0, Some(280.0)),
            row("spawn.count", "tokio", tasks(10_000), 300.0, Some(280.0)),
            row("spawn.quick", "tokio", tasks(1_000), 300.0, None),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let charts = charts(&refs, false);
        assert_eq!(charts.len(), 1, "no chart without a sweep or with one value");
        let c = &charts[0];
        assert_eq!((c.twin.as_str(), c.id.as_str()), ("spawn.count", "growth-spawn-count"));
        assert_eq!(c.heading[0].text, "spawn <all>");
        assert_eq!(c.x_label.text, "tasks (log scale)");
        let labels: Vec<_> = c.x_ticks.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(labels, ["1", "100", "10k"]);
        // Log scale: 100 sits halfway between 1 and 10k, and the ends keep off the edges.
        let xs: Vec<f64> = c.x_ticks.iter().map(|t| t.x).collect();
        assert_eq!(xs, [LEFT + INSET, round((LEFT + RIGHT) / 2.0), RIGHT - INSET]);
        let names: Vec<_> =
            c.series.iter().map(|s| (s.class.as_str(), s.shape, s.legend.text.as_str())).collect();
        assert_eq!(
            names,
            [("s0", "circle", "thread"), ("s1", "triangle", "tokio"), ("go", "square", "Go")]
        );
        // Times from 250 ns to 40 µs: the range 100 ns to 100 µs, a grid line per decade.
        let ticks: Vec<_> = c.y_ticks.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(ticks, ["100 ns", "1 µs", "10 µs", "100 µs"]);
        assert!(c.y_ticks.windows(2).all(|t| t[0].y > t[1].y), "slower is higher");
        let y_of = |text: &str| c.y_ticks.iter().find(|t| t.text == text).unwrap().y;
        assert_eq!((y_of("100 µs"), y_of("100 ns")), (c.top, c.bottom));
        let tokio = &c.series[1].points;
        assert_eq!(tokio.len(), 3);
        assert!(tokio[0].y < tokio[1].y && tokio[1].y < tokio[2].y, "tokio gets cheaper per task");
        assert_eq!(tokio[1].text, "100 tasks, 400 ns");
        assert!(c.series.iter().all(|s| s.legend.y > c.bottom && s.legend.y < c.height));
    }

    #[test]
    fn the_y_grid_fits_the_times_with_halves_and_doubles_on_a_short_range() {
        assert_eq!(y_steps(1.0, 100.0), [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0]);
        assert_eq!(y_steps(4.5, 52.0), [2.0, 5.0, 10.0, 20.0, 50.0, 100.0]);
        assert_eq!(y_steps(21.0, 22.0), [20.0, 50.0]);
        assert_eq!(y_steps(20.0, 20.0), [20.0, 50.0], "one time still gets a range");
        assert_eq!(y_steps(0.3, 900.0), [0.1, 1.0, 10.0, 100.0, 1000.0]);
        assert_eq!(short(1_000_000), "1M");
        assert_eq!(short(1024), "1024");
        assert_eq!(short(100_000), "100k");
        assert_eq!(tick_label(2_000.0), "2 µs");
        assert_eq!(tick_label(0.5), "0.5 ns");
    }

    #[test]
    fn the_svg_draws_every_series_escaped_with_its_markers() {
        let rows = [
            row(
                "locks.mutex",
                "Mutex<i64>",
                Some(Param { axis: Axis::Threads, value: 1 }),
                20.0,
                Some(15.0),
            ),
            row(
                "locks.mutex",
                "Mutex<i64>",
                Some(Param { axis: Axis::Threads, value: 4 }),
                60.0,
                None,
            ),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let inline = svg(&layout(&refs, false).unwrap()).unwrap();
        assert!(
            inline.starts_with("<svg class=\"chart growth\"") && !inline.contains("<style>"),
            "{inline}"
        );
        assert!(inline.contains("data-twin=\"locks.mutex\""), "{inline}");
        assert!(inline.contains(">spawn &lt;all&gt;<"), "{inline}");
        assert!(inline.contains(">Mutex&lt;i64&gt;<") && inline.contains(">Go<"), "{inline}");
        assert_eq!(inline.matches("<polyline").count(), 2, "{inline}");
        assert!(inline.contains("<title>Mutex&lt;i64&gt;: 4 threads, 60.0 ns</title>"), "{inline}");
        assert!(inline.contains("<circle") && inline.contains("class=\"series go\""), "{inline}");
        assert!(
            inline.contains(">threads (log scale)<")
                && inline.contains(">1<")
                && inline.contains(">4<")
        );

        let dir = tempfile::tempdir().unwrap();
        draw(dir.path(), &rows).unwrap();
        let file = std::fs::read_to_string(dir.path().join("growth-locks.mutex.svg")).unwrap();
        assert!(file.contains("<style>") && file.contains("prefers-color-scheme:dark"), "{file}");
    }
}

//! The SVG chart: one pair of bars per row (Rust above, Go below), on a log scale of ns/op.

use std::path::Path;

use anyhow::{Result, anyhow};
use plotters::coord::ranged1d::SegmentValue;
use plotters::prelude::*;

use super::report::Row;

const RUST: RGBColor = RGBColor(222, 110, 50);
const GO: RGBColor = RGBColor(0, 125, 156);

/// The label of a row on the chart's axis, cut to fit.
pub fn label(row: &Row) -> String {
    let full = format!("{} · {}", row.workload, row.flavour);
    if full.chars().count() > 78 {
        let cut: String = full.chars().take(77).collect();
        format!("{cut}…")
    } else {
        full
    }
}

/// The x range of the chart: a power of ten below the smallest number, one above the largest.
pub fn x_range(rows: &[Row]) -> (f64, f64) {
    let values = rows
        .iter()
        .flat_map(|r| [r.rust, r.go])
        .flatten()
        .map(|s| s.median_ns)
        .filter(|v| *v > 0.0);
    let (lo, hi) = values.fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if lo > hi {
        return (0.1, 10.0);
    }
    (
        10f64.powf(lo.log10().floor()),
        10f64.powf(hi.log10().ceil().max(lo.log10().floor() + 1.0)),
    )
}

/// Draw `rows` into an SVG file at `path`.
pub fn draw(path: &Path, title: &str, rows: &[Row]) -> Result<()> {
    let n = rows.len().max(1);
    let height = 120 + 22 * n as u32;
    let root = SVGBackend::new(path, (1200, height)).into_drawing_area();
    root.fill(&WHITE).map_err(|e| anyhow!("{e}"))?;
    let (lo, hi) = x_range(rows);
    let labels: Vec<String> = rows.iter().map(label).collect();
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 18))
        .margin(12)
        .margin_right(48)
        .x_label_area_size(40)
        .y_label_area_size(520)
        .build_cartesian_2d((lo..hi).log_scale(), (0..n as i32).into_segmented())
        .map_err(|e| anyhow!("{e}"))?;
    chart
        .configure_mesh()
        .y_labels(n)
        .y_label_formatter(&|v| match v {
            // Segment 0 is at the bottom: the first row goes to the top.
            SegmentValue::CenterOf(j) => n
                .checked_sub(1 + *j as usize)
                .and_then(|i| labels.get(i).cloned())
                .unwrap_or_default(),
            _ => String::new(),
        })
        .y_label_style(("sans-serif", 11))
        .x_desc("ns per op (median, log scale)")
        .disable_y_mesh()
        .draw()
        .map_err(|e| anyhow!("{e}"))?;
    // Row i sits in segment n-1-i; Rust in its upper half, Go in its lower half.
    let bar = |i: usize, value: f64, upper: bool, color: RGBColor| {
        let j = (n - 1 - i) as i32;
        let (a, b) = if upper {
            (SegmentValue::CenterOf(j), SegmentValue::Exact(j + 1))
        } else {
            (SegmentValue::Exact(j), SegmentValue::CenterOf(j))
        };
        let mut r = Rectangle::new([(lo, a), (value, b)], color.filled());
        r.set_margin(if upper { 2 } else { 0 }, if upper { 0 } else { 2 }, 0, 0);
        r
    };
    chart
        .draw_series(
            rows.iter()
                .enumerate()
                .filter_map(|(i, r)| Some(bar(i, r.rust?.median_ns, true, RUST))),
        )
        .map_err(|e| anyhow!("{e}"))?
        .label("Rust")
        .legend(|(x, y)| Rectangle::new([(x, y - 5), (x + 12, y + 5)], RUST.filled()));
    chart
        .draw_series(
            rows.iter()
                .enumerate()
                .filter_map(|(i, r)| Some(bar(i, r.go?.median_ns, false, GO))),
        )
        .map_err(|e| anyhow!("{e}"))?
        .label("Go")
        .legend(|(x, y)| Rectangle::new([(x, y - 5), (x + 12, y + 5)], GO.filled()));
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::LowerRight)
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK)
        .draw()
        .map_err(|e| anyhow!("{e}"))?;
    root.present().map_err(|e| anyhow!("{e}"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::parse::Stat;
    use crate::compare::twins::Family;

    fn row(rust: f64, go: Option<f64>) -> Row {
        let stat = |ns| Stat {
            median_ns: ns,
            spread_pct: 1.0,
            n: 3,
        };
        Row {
            key: "k".into(),
            family: Family::Channels,
            workload: "spsc, capacity 100".into(),
            flavour: "crossbeam bounded(100)".into(),
            rust_id: "r".into(),
            go_id: None,
            rust: Some(stat(rust)),
            go: go.map(stat),
        }
    }

    #[test]
    fn the_range_covers_every_number_in_powers_of_ten() {
        assert_eq!(
            x_range(&[row(0.24, Some(5.0)), row(43_000.0, None)]),
            (0.1, 100_000.0)
        );
        assert_eq!(x_range(&[]), (0.1, 10.0));
        assert_eq!(x_range(&[row(10.0, None)]), (10.0, 100.0));
    }

    #[test]
    fn the_chart_is_an_svg_with_every_label() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chart.svg");
        draw(&path, "test", &[row(50.0, Some(30.0)), row(400.0, None)]).unwrap();
        let svg = std::fs::read_to_string(&path).unwrap();
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("spsc, capacity 100 · crossbeam bounded(100)"));
        assert!(svg.contains("Go") && svg.contains("Rust"), "{svg}");
    }
}

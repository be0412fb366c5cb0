//! The report: rows that pair Rust and Go numbers, and the Markdown and JSON written from them.

use std::collections::BTreeMap;

use serde::Serialize;

use super::machine::Machine;
use super::parse::Stat;
use super::twins::{Family, Param, TWINS, Twin, expand, match_template};
use super::workloads::WorkloadRow;

/// A cache-line round trip between two cores takes well under a microsecond on any machine
/// this suite targets; a floor above this means the two spinning threads shared a core.
pub const FLOOR_SANE_NS: f64 = 1_000.0;

/// One line of the table: one Rust benchmark next to its Go twin.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct Row {
    /// The twin's key, with the value of its sweep if it has one: `.t4` for 4 threads, `.n1000`
    /// for 1,000 tasks, `.b64` for 64-byte messages.
    pub key: String,
    pub family: Family,
    pub workload: String,
    pub flavour: String,
    pub rust_id: String,
    pub go_id: Option<String>,
    #[serde(default)]
    pub rust: Option<Stat>,
    #[serde(default)]
    pub go: Option<Stat>,
    /// The value of the twin's sweep this row measured; reports written before rows carried it
    /// get it from the key as they are read ([`SavedReport`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param: Option<Param>,
}

impl Row {
    /// Rust's median over Go's: below 1, Rust took less time per op.
    pub fn ratio(&self) -> Option<f64> {
        match (self.rust, self.go) {
            (Some(r), Some(g)) if g.median_ns > 0.0 => Some(r.median_ns / g.median_ns),
            _ => None,
        }
    }

    /// The key of the twin this row belongs to: `locks.mutex` for `locks.mutex.t4`.
    pub fn twin_key(&self) -> &str {
        match self.param {
            Some(_) => self.key.rsplit_once('.').map_or(&self.key, |(twin, _)| twin),
            None => &self.key,
        }
    }
}

/// The parameter a row's key names (`locks.mutex.t4`: 4 threads), for a twin that sweeps one.
fn param_from_key(key: &str) -> Option<Param> {
    let (twin, value) = key.rsplit_once('.')?;
    let axis = TWINS.iter().find(|t| t.key == twin)?.axis()?;
    let value = value.strip_prefix(axis.letter())?.parse().ok()?;
    Some(Param { axis, value })
}

/// The values of a twin's sweep that either side ran, in order; `[None]` for a twin without one.
fn params(
    twin: &Twin,
    rust: &BTreeMap<String, Stat>,
    go: &BTreeMap<String, Stat>,
) -> Vec<Option<Param>> {
    if twin.axis().is_none() {
        return vec![None];
    }
    let mut params: Vec<Param> = twin
        .rust
        .iter()
        .flat_map(|f| rust.keys().filter_map(|id| match_template(f.id, id).flatten()))
        .chain(
            twin.go
                .into_iter()
                .flat_map(|g| go.keys().filter_map(move |id| match_template(g, id).flatten())),
        )
        .collect();
    params.sort_unstable();
    params.dedup();
    params.into_iter().map(Some).collect()
}

/// Pair every Rust result with its Go twin, in the order of [`TWINS`]; rows that neither side
/// measured are left out.
pub fn build_rows(rust: &BTreeMap<String, Stat>, go: &BTreeMap<String, Stat>) -> Vec<Row> {
    let mut rows = Vec::new();
    for twin in TWINS {
        for param in params(twin, rust, go) {
            let go_id = twin.go.map(|g| expand(g, param));
            let go_stat = go_id.as_ref().and_then(|g| go.get(g).copied());
            let (key, workload) = match param {
                Some(p) => (
                    format!("{}.{}{}", twin.key, p.axis.letter(), p.value),
                    format!("{}, {}", twin.workload, p.axis.describe(p.value)),
                ),
                None => (twin.key.to_string(), twin.workload.to_string()),
            };
            for flavour in twin.rust {
                let rust_id = expand(flavour.id, param);
                let Some(rust_stat) = rust.get(&rust_id).copied() else { continue };
                rows.push(Row {
                    key: key.clone(),
                    family: twin.family,
                    workload: workload.clone(),
                    flavour: flavour.label.to_string(),
                    rust_id,
                    go_id: go_id.clone(),
                    rust: Some(rust_stat),
                    go: go_stat,
                    param,
                });
            }
        }
    }
    rows
}

/// A duration in ns as the table prints it: three significant digits, in ns, µs or ms.
pub fn fmt_ns(ns: f64) -> String {
    let (value, unit) = in_unit(ns);
    let digits = if value >= 100.0 {
        0
    } else if value >= 10.0 {
        1
    } else {
        2
    };
    format!("{value:.digits$} {unit}")
}

/// A duration in ns as a number of the unit that reads best: ns, µs or ms.
pub fn in_unit(ns: f64) -> (f64, &'static str) {
    if ns >= 1e6 {
        (ns / 1e6, "ms")
    } else if ns >= 1e3 {
        (ns / 1e3, "µs")
    } else {
        (ns, "ns")
    }
}

/// A ratio as the table prints it: `0.52×`.
pub fn fmt_ratio(r: f64) -> String {
    if r >= 10.0 {
        format!("{r:.0}×")
    } else if r >= 1.0 {
        format!("{r:.1}×")
    } else {
        format!("{r:.2}×")
    }
}

fn fmt_stat(s: Option<Stat>) -> String {
    s.map_or_else(|| "–".to_string(), |s| fmt_ns(s.median_ns))
}

fn fmt_spread(row: &Row) -> String {
    let one =
        |s: Option<Stat>| s.map_or_else(|| "–".to_string(), |s| format!("±{:.0}%", s.spread_pct));
    format!("{} / {}", one(row.rust), one(row.go))
}

/// Everything the header of the report says.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct Header {
    pub machine: Machine,
    pub gomaxprocs: Option<usize>,
    pub mode: String,
    pub rust_settings: String,
    pub go_settings: String,
    pub load_before: Option<String>,
    pub load_after: Option<String>,
    pub seconds: f64,
}

/// The Markdown report: header, the table, and the channel latencies against the floor.
pub fn markdown(header: &Header, rows: &[Row]) -> String {
    let families: Vec<_> = super::twins::Family::ALL
        .into_iter()
        .filter(|f| rows.iter().any(|r| r.family == *f))
        .map(|f| (f.bench_target(), f.readme_section(), f.readme_anchor()))
        .collect();
    let ratio = |r: &Row| r.ratio().map_or_else(|| "–".to_string(), fmt_ratio);
    let table: Vec<[String; 6]> = rows
        .iter()
        .map(|r| {
            let (w, f) = (r.workload.clone(), r.flavour.clone());
            [w, f, fmt_stat(r.rust), fmt_stat(r.go), ratio(r), fmt_spread(r)]
        })
        .collect();
    let floor = rows.iter().find(|r| r.key == "floor.same-line");
    let (floor_rust, floor_go) = (floor.and_then(|r| r.rust), floor.and_then(|r| r.go));
    let times = |s: Option<Stat>, floor: Option<Stat>| match (s, floor) {
        (Some(s), Some(f)) if f.median_ns > 0.0 => fmt_ratio(s.median_ns / f.median_ns),
        _ => "–".to_string(),
    };
    let pingpongs: Vec<[String; 6]> = rows
        .iter()
        .filter(|r| r.key.starts_with("channels.pingpong"))
        .map(|r| {
            let (w, f) = (r.workload.clone(), r.flavour.clone());
            let (rust, go) = (times(r.rust, floor_rust), times(r.go, floor_go));
            [w, f, fmt_stat(r.rust), rust, fmt_stat(r.go), go]
        })
        .collect();
    let busy = [floor_rust, floor_go].into_iter().flatten().any(|f| f.median_ns > FLOOR_SANE_NS);
    let ctx = minijinja::context! {
        h => minijinja::Value::from(minijinja::value::Serde(header)),
        seconds => format!("{:.0}", header.seconds), families, rows => table, pingpongs, busy,
        floor => [fmt_stat(floor_rust), fmt_stat(floor_go)], sane => fmt_ns(FLOOR_SANE_NS),
    };
    crate::render_md("report.md", ctx)
}

/// A JSON report read back, as the site's benchmarks page reads it (each row's `ratio` is
/// left out: [`Row::ratio`] gives it again).
#[derive(Debug, Clone, serde::Deserialize)]
pub struct SavedReport {
    pub header: Header,
    #[serde(deserialize_with = "rows_with_params")]
    pub rows: Vec<Row>,
    /// The workloads' rows ([`crate::workloads`]); none in reports from before them.
    #[serde(default)]
    pub workloads: Vec<WorkloadRow>,
}

/// The rows of a saved report, each with its parameter: the committed reports were written
/// before rows carried one, so a row without it gets it from its key.
fn rows_with_params<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Row>, D::Error> {
    let mut rows: Vec<Row> = serde::Deserialize::deserialize(d)?;
    for row in rows.iter_mut().filter(|r| r.param.is_none()) {
        row.param = param_from_key(&row.key);
    }
    Ok(rows)
}

/// The JSON report: the header, every row with the raw numbers, and the workloads' rows.
pub fn json(
    header: &Header,
    rows: &[Row],
    workloads: &[WorkloadRow],
) -> serde_json::Result<String> {
    #[derive(Serialize)]
    struct Report<'a> {
        header: &'a Header,
        rows: Vec<JsonRow<'a>>,
        workloads: &'a [WorkloadRow],
    }
    #[derive(Serialize)]
    struct JsonRow<'a> {
        #[serde(flatten)]
        row: &'a Row,
        ratio: Option<f64>,
    }
    serde_json::to_string_pretty(&Report {
        header,
        rows: rows.iter().map(|row| JsonRow { row, ratio: row.ratio() }).collect(),
        workloads,
    })
}

#[cfg(test)]
impl Header {
    /// A header for tests: a made-up machine, a quick run of one second.
    pub(crate) fn sample() -> Header {
        Header {
            machine: Machine {
                cpu: "CPU".into(),
                cores: 2,
                os: "Linux".into(),
                rustc: "rustc 1".into(),
                go: "go 1".into(),
            },
            gomaxprocs: None,
            mode: "quick".into(),
            rust_settings: "s".into(),
            go_settings: "g".into(),
            load_before: None,
            load_after: None,
            seconds: 1.0,
        }
    }
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::twins::Axis;

    fn stat(ns: f64) -> Stat {
        Stat { median_ns: ns, spread_pct: 1.0, n: 10 }
    }

    #[test]
    fn rows_pair_rust_with_go_per_thread_count() {
        let rust: BTreeMap<String, Stat> = [
            ("locks/mutex/t2", 20.0),
            ("locks/mutex/t4", 40.0),
            ("channels-spsc/std-unbounded", 30.0),
            ("atomics-uncontended/load/relaxed", 0.25),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), stat(v)))
        .collect();
        let go: BTreeMap<String, Stat> =
            [("Locks/mutex/t=2", 10.0), ("AtomicsUncontended/load", 0.5)]
                .into_iter()
                .map(|(k, v)| (k.to_string(), stat(v)))
                .collect();
        let rows = build_rows(&rust, &go);
        let keys: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "atomics.uncontended.load",
                "locks.mutex.t2",
                "locks.mutex.t4",
                "channels.spsc.unbounded"
            ]
        );
        assert_eq!(rows[0].ratio(), Some(0.5));
        assert_eq!(rows[1].ratio(), Some(2.0));
        assert_eq!(rows[1].workload, "lock, add 1, unlock, 2 threads");
        assert_eq!(rows[1].param, Some(Param { axis: Axis::Threads, value: 2 }));
        assert_eq!(
            (rows[1].twin_key(), rows[0].twin_key()),
            ("locks.mutex", "atomics.uncontended.load")
        );
        assert_eq!(rows[0].param, None);
        assert_eq!(rows[2].go, None);
        assert_eq!(rows[3].go_id, None);
        let md = markdown(&Header { gomaxprocs: Some(2), ..Header::sample() }, &rows);
        assert!(md.contains("| lock, add 1, unlock, 2 threads | Mutex<i64> | 20.0 ns | 10.0 ns | 2.0× | ±1% / ±1% |"), "{md}");
        assert!(
            md.contains("| spsc, unbounded | std channel() | 30.0 ns | – | – | ±1% / – |"),
            "{md}"
        );
    }

    #[test]
    fn the_json_report_reads_back_into_the_same_rows() {
        let rust: BTreeMap<String, Stat> =
            [("locks/mutex/t2", 20.0), ("channels-spsc/std-unbounded", 30.0)]
                .into_iter()
                .map(|(k, v)| (k.to_string(), stat(v)))
                .collect();
        let go: BTreeMap<String, Stat> = [("Locks/mutex/t=2", 10.0)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), stat(v)))
            .collect();
        let rows = build_rows(&rust, &go);
        let header = Header { load_after: Some("1 2 3".into()), seconds: 1.5, ..Header::sample() };
        let text = json(&header, &rows, &[]).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["rows"][0]["param"], serde_json::json!({ "axis": "threads", "value": 2 }));
        assert!(value["rows"][1].get("param").is_none(), "a row without a sweep has no param");
        let back: SavedReport = serde_json::from_str(&text).expect("reads back");
        assert_eq!(back.header.machine.cpu, "CPU");
        assert_eq!(back.header.load_after.as_deref(), Some("1 2 3"));
        assert_eq!(back.rows.len(), rows.len());
        for (a, b) in back.rows.iter().zip(&rows) {
            assert_eq!(
                (&a.key, a.family, &a.workload, &a.flavour, &a.rust_id, &a.go_id),
                (&b.key, b.family, &b.workload, &b.flavour, &b.rust_id, &b.go_id)
            );
            assert_eq!((a.rust, a.go, a.param), (b.rust, b.go, b.param));
        }
        // A report from before rows carried their parameter gets it from the key.
        let mut old = value.clone();
        old["rows"][0].as_object_mut().unwrap().remove("param");
        let back: SavedReport = serde_json::from_value(old).expect("an old report reads back");
        assert_eq!(back.rows[0].param, rows[0].param);
        assert_eq!(back.rows[1].param, None);
        let unknown = r#"{"header": null, "rows": [{"key": "k", "family": "nope"}]}"#;
        assert!(serde_json::from_str::<SavedReport>(unknown).is_err());
    }

    #[test]
    fn a_key_names_a_parameter_only_for_a_twin_that_sweeps_it() {
        assert_eq!(
            param_from_key("locks.mutex.t16"),
            Some(Param { axis: Axis::Threads, value: 16 })
        );
        assert_eq!(param_from_key("locks.mutex.n16"), None, "locks.mutex sweeps threads");
        assert_eq!(param_from_key("locks.mutex.t"), None);
        assert_eq!(param_from_key("channels.spsc.chan100"), None);
        assert_eq!(param_from_key("spawn.one"), None);
    }

    #[test]
    fn numbers_print_with_three_digits_and_a_unit() {
        assert_eq!(fmt_ns(0.2434), "0.24 ns");
        assert_eq!(fmt_ns(42.94), "42.9 ns");
        assert_eq!(fmt_ns(431.3), "431 ns");
        assert_eq!(fmt_ns(42_935.0), "42.9 µs");
        assert_eq!(fmt_ns(2_500_000.0), "2.50 ms");
        assert_eq!(fmt_ratio(0.514), "0.51×");
        assert_eq!(fmt_ratio(1.26), "1.3×");
        assert_eq!(fmt_ratio(171.6), "172×");
    }
}

//! Memory per unit of concurrency: the peak resident memory of a process that holds N units
//! at once, each waiting on a timer, for N = 1k, 10k, 100k and 1M; the method of Piotr
//! Kołaczkowski's "How Much Memory Do You Need to Run 1 Million Concurrent Tasks?" (2023) and
//! its 2024 rerun. The units:
//!
//! - `goroutines`: `go f()` with `time.Sleep` (go-reference/bench/memory, built here with
//!   `go build`; skipped with a note when `go` is not on PATH);
//! - `tokio-spawn`: `tokio::spawn` of a `tokio::time::sleep`, every `JoinHandle` awaited;
//! - `join-all`: the same futures joined without spawning (`futures::future::join_all`);
//! - `thread-default`: `std::thread::spawn` with `thread::sleep` (Rust's default stack for
//!   spawned threads, 2 MiB of address space; only the pages touched are resident);
//! - `thread-64k`: the same with `thread::Builder::stack_size(64 KiB)`.
//!
//! Each (unit, N) runs in a fresh child process (this binary, `--child`), so its peak
//! (`VmHWM` in `/proc/self/status`, Linux only) is its own. Bytes per unit are the peak at N
//! minus the peak of the same program at N = 0 (runtime started, nothing spawned), divided by
//! N. Every unit waits long enough for all N to be alive at once; the child counts the units
//! that had already finished when the last one was started and the table says if any had.
//!
//! Safety limits, because the machine is shared: threads stop at `--max-threads` (default
//! 10,000, lowered to a third of `/proc/sys/kernel/threads-max`, of the process limit
//! `ulimit -u`, of `kernel/pid_max` and of half `vm/max_map_count`, when one of those is
//! lower) and never run 1M; a run whose predicted peak (from the
//! bytes per unit at the previous N) is over `--max-mib` (default 4096) or half of
//! `MemAvailable` is skipped with the reason; a spawn that fails stops that unit's series
//! with the error.
//!
//! Run: `cargo run --release -p benches --bin memory [-- --out DIR] [--max-mib M]
//! [--max-threads T] [--ns 0,1000,...]`. It prints a Markdown table and writes
//! `memory.md` and `memory.json` to DIR (default `target/memory`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// The counts the sweep runs (0 is the baseline).
const NS: [u64; 5] = [0, 1_000, 10_000, 100_000, 1_000_000];

/// The units, in the order of the table.
const UNITS: [&str; 5] = [
    "goroutines",
    "tokio-spawn",
    "join-all",
    "thread-default",
    "thread-64k",
];

/// How long each unit waits: long enough that the last one is started before the first one
/// ends, even on a loaded machine (the child checks).
fn wait_for(n: u64) -> Duration {
    if n >= 1_000_000 {
        Duration::from_secs(10)
    } else {
        Duration::from_secs(2)
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        child(&args[1..]);
        return;
    }
    if let Err(err) = sweep(&args) {
        eprintln!("memory: {err}");
        std::process::exit(1);
    }
}

// ---------------------------------------------------------------------------------------------
// The child: hold N units of one kind, then print the peak.

fn child(args: &[String]) {
    let (Some(kind), Some(n), Some(wait_ms)) = (
        args.first(),
        args.get(1).and_then(|n| n.parse::<u64>().ok()),
        args.get(2).and_then(|w| w.parse::<u64>().ok()),
    ) else {
        eprintln!("usage: memory --child KIND N WAIT_MS");
        std::process::exit(2);
    };
    let wait = Duration::from_millis(wait_ms);
    let finished = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    // How many units had finished when the last one was started (`None`: not measurable).
    let early = match kind.as_str() {
        "tokio-spawn" => tokio_spawn(n, wait, &finished),
        "join-all" => join_all(n, wait),
        "thread-default" => threads(n, wait, None, &finished),
        "thread-64k" => threads(n, wait, Some(64 * 1024), &finished),
        other => {
            eprintln!("unknown unit {other}");
            std::process::exit(2);
        }
    };
    let peak = vm_hwm_kib().unwrap_or_else(|| {
        eprintln!("no VmHWM in /proc/self/status: this tool needs Linux");
        std::process::exit(2);
    });
    println!(
        "peak_kib={peak} early={} seconds={:.2}",
        early.map_or("-".to_string(), |e| e.to_string()),
        start.elapsed().as_secs_f64()
    );
}

/// The multi-thread runtime the benchmarks use (one worker per core).
fn runtime() -> tokio::runtime::Runtime {
    benches::tokio_runtime()
}

fn tokio_spawn(n: u64, wait: Duration, finished: &Arc<AtomicU64>) -> Option<u64> {
    runtime().block_on(async {
        let mut handles = Vec::with_capacity(n as usize);
        for _ in 0..n {
            let finished = finished.clone();
            handles.push(tokio::spawn(async move {
                tokio::time::sleep(wait).await;
                finished.fetch_add(1, Ordering::Relaxed);
            }));
        }
        let early = finished.load(Ordering::Relaxed);
        for h in handles {
            h.await.expect("a sleeping task panicked");
        }
        Some(early)
    })
}

fn join_all(n: u64, wait: Duration) -> Option<u64> {
    // The futures are created first and all held by `join_all` until the last is done, so
    // they coexist by construction: nothing to check.
    runtime().block_on(async {
        let futures = (0..n).map(|_| tokio::time::sleep(wait));
        futures::future::join_all(futures).await;
    });
    None
}

fn threads(n: u64, wait: Duration, stack: Option<usize>, finished: &Arc<AtomicU64>) -> Option<u64> {
    let mut handles = Vec::with_capacity(n as usize);
    for i in 0..n {
        let mut builder = std::thread::Builder::new();
        if let Some(bytes) = stack {
            builder = builder.stack_size(bytes);
        }
        let finished = finished.clone();
        match builder.spawn(move || {
            std::thread::sleep(wait);
            finished.fetch_add(1, Ordering::Relaxed);
        }) {
            Ok(h) => handles.push(h),
            Err(err) => {
                // The threads already started end by themselves; exiting now ends them too.
                println!("error=spawn failed after {i} threads: {err}");
                std::process::exit(3);
            }
        }
    }
    let early = finished.load(Ordering::Relaxed);
    for h in handles {
        h.join().expect("a sleeping thread panicked");
    }
    Some(early)
}

/// `VmHWM` (peak resident set) of this process, in KiB.
fn vm_hwm_kib() -> Option<u64> {
    status_field("/proc/self/status", "VmHWM:")
}

/// A `Name:   1234 kB` field of a /proc status-like file, as a number.
fn status_field(path: &str, name: &str) -> Option<u64> {
    std::fs::read_to_string(path)
        .ok()?
        .lines()
        .find_map(|l| l.strip_prefix(name))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

// ---------------------------------------------------------------------------------------------
// The sweep: every unit at every N, each in its own child.

/// What one child reported.
#[derive(Debug, Clone)]
enum Outcome {
    /// Peak KiB, units finished before the last started (if measured), wall seconds.
    Ran {
        peak_kib: u64,
        early: Option<u64>,
        seconds: f64,
    },
    /// Not run, and why.
    Skipped(String),
    /// Run, and failed (a spawn error, a crash).
    Failed(String),
}

#[derive(Debug)]
struct Limits {
    max_mib: u64,
    max_threads: u64,
    why_threads: String,
}

fn sweep(args: &[String]) -> Result<(), String> {
    let mut out = PathBuf::from("target/memory");
    let mut max_mib = 4096;
    let mut max_threads = 10_000;
    let mut ns: Vec<u64> = NS.to_vec();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || it.next().cloned().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--out" => out = PathBuf::from(value()?),
            "--max-mib" => max_mib = value()?.parse().map_err(|e| format!("--max-mib: {e}"))?,
            "--max-threads" => {
                max_threads = value()?
                    .parse()
                    .map_err(|e| format!("--max-threads: {e}"))?
            }
            "--ns" => {
                ns = value()?
                    .split(',')
                    .map(|n| n.trim().parse().map_err(|e| format!("--ns: {e}")))
                    .collect::<Result<_, _>>()?;
                if !ns.contains(&0) {
                    ns.insert(0, 0);
                }
            }
            "-h" | "--help" => {
                println!(
                    "cargo run --release -p benches --bin memory [-- --out DIR] [--max-mib M] \
                     [--max-threads T] [--ns 0,1000,10000]"
                );
                return Ok(());
            }
            other => return Err(format!("unknown argument {other} (see --help)")),
        }
    }
    let limits = limits(max_mib, max_threads);
    let exe = std::env::current_exe().map_err(|e| format!("finding this executable: {e}"))?;
    let go = build_go(&out);
    eprintln!(
        "memory: N = {ns:?}; threads capped at {} ({}); a run predicted over {} MiB or half of \
         MemAvailable is skipped",
        limits.max_threads, limits.why_threads, limits.max_mib
    );
    let load_before = load_average();
    let mut results: Vec<(&str, Vec<(u64, Outcome)>)> = Vec::new();
    for unit in UNITS {
        let mut series: Vec<(u64, Outcome)> = Vec::new();
        let mut stop: Option<String> = None;
        for &n in &ns {
            let outcome = if let Some(why) = &stop {
                Outcome::Skipped(why.clone())
            } else if let Some(why) = skip_reason(unit, n, &series, &limits) {
                Outcome::Skipped(why)
            } else {
                eprintln!("memory: {unit} N={n}");
                let cmd = match (unit, &go) {
                    ("goroutines", Ok(bin)) => {
                        let mut c = Command::new(bin);
                        c.args(["-n", &n.to_string()])
                            .args(["-wait", &format!("{}ms", wait_for(n).as_millis())]);
                        Some(c)
                    }
                    ("goroutines", Err(why)) => {
                        stop = Some(why.clone());
                        None
                    }
                    _ => {
                        let mut c = Command::new(&exe);
                        c.args(["--child", unit, &n.to_string()])
                            .arg(wait_for(n).as_millis().to_string());
                        Some(c)
                    }
                };
                match cmd {
                    None => Outcome::Skipped(stop.clone().unwrap_or_default()),
                    Some(cmd) => run_child(cmd),
                }
            };
            if let Outcome::Failed(why) = &outcome {
                stop = Some(format!("not run: N={n} failed ({why})"));
            }
            series.push((n, outcome));
        }
        results.push((unit, series));
    }
    let load_after = load_average();
    let header = format!(
        "Machine: {}, {} cores, {} MiB RAM; {}; {}. Load average before / after: {load_before} / \
         {load_after}. Threads capped at {} ({}); runs predicted over {} MiB skipped.",
        cpu_model(),
        benches::parallelism(),
        status_field("/proc/meminfo", "MemTotal:").unwrap_or(0) / 1024,
        command_line("rustc", &["-V"]),
        command_line("go", &["version"]),
        limits.max_threads,
        limits.why_threads,
        limits.max_mib,
    );
    let md = markdown(&header, &ns, &results);
    println!("{md}");
    std::fs::create_dir_all(&out).map_err(|e| format!("creating {}: {e}", out.display()))?;
    std::fs::write(out.join("memory.md"), &md).map_err(|e| e.to_string())?;
    std::fs::write(out.join("memory.json"), json(&header, &results)).map_err(|e| e.to_string())?;
    eprintln!(
        "memory: wrote {0}/memory.md and {0}/memory.json",
        out.display()
    );
    Ok(())
}

fn limits(max_mib: u64, max_threads: u64) -> Limits {
    let threads_max = std::fs::read_to_string("/proc/sys/kernel/threads-max")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok());
    // "Max processes  <soft> <hard> processes" in /proc/self/limits: `ulimit -u`.
    let nproc = std::fs::read_to_string("/proc/self/limits")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Max processes"))?
                .split_whitespace()
                .nth(2)?
                .parse::<u64>()
                .ok()
        });
    let read = |path: &str| {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|s| s.trim().parse::<u64>().ok())
    };
    // Every thread takes an id from the pid space and two memory mappings (its stack and the
    // guard page), counted against these system-wide limits.
    let pid_max = read("/proc/sys/kernel/pid_max");
    let map_count = read("/proc/sys/vm/max_map_count");
    let limits = [
        ("threads-max", threads_max),
        ("ulimit -u", nproc),
        ("pid_max", pid_max),
        ("max_map_count / 2", map_count.map(|m| m / 2)),
    ];
    let mut cap = max_threads;
    let mut why = format!("--max-threads {max_threads}");
    for (name, limit) in limits {
        if let Some(limit) = limit
            && limit / 3 < cap
        {
            cap = limit / 3;
            why = format!("a third of {name} = {limit}");
        }
    }
    let shown = |v: Option<u64>| v.map_or("?".to_string(), |v| v.to_string());
    let _ = write!(
        why,
        "; threads-max {}, ulimit -u {}, pid_max {}, max_map_count {}",
        shown(threads_max),
        nproc.map_or("unlimited".into(), |v| v.to_string()),
        shown(pid_max),
        shown(map_count),
    );
    Limits {
        max_mib,
        max_threads: cap,
        why_threads: why,
    }
}

/// Why `unit` at `n` is not run, if it is not.
fn skip_reason(unit: &str, n: u64, series: &[(u64, Outcome)], limits: &Limits) -> Option<String> {
    if unit.starts_with("thread") {
        if n >= 1_000_000 {
            return Some("not run: 1M OS threads would endanger a shared machine".into());
        }
        if n > limits.max_threads {
            return Some(format!(
                "not run: over the thread cap of {}",
                limits.max_threads
            ));
        }
    }
    // Predict from the largest N that ran: baseline + n x bytes per unit, with 25% to spare.
    let baseline = peak_at(series, 0)?;
    let (last_n, last_peak) = series
        .iter()
        .filter_map(|(m, o)| match o {
            Outcome::Ran { peak_kib, .. } if *m > 0 => Some((*m, *peak_kib)),
            _ => None,
        })
        .next_back()?;
    let per_unit_kib = last_peak.saturating_sub(baseline) as f64 / last_n as f64;
    let predicted_mib = (baseline as f64 + 1.25 * per_unit_kib * n as f64) / 1024.0;
    let available_mib = status_field("/proc/meminfo", "MemAvailable:").unwrap_or(0) / 1024;
    let cap = limits.max_mib.min(available_mib / 2);
    (predicted_mib > cap as f64).then(|| {
        format!(
            "not run: predicted {predicted_mib:.0} MiB, over the cap of {cap} MiB \
             (--max-mib {}, MemAvailable {available_mib} MiB)",
            limits.max_mib
        )
    })
}

fn peak_at(series: &[(u64, Outcome)], n: u64) -> Option<u64> {
    series.iter().find_map(|(m, o)| match o {
        Outcome::Ran { peak_kib, .. } if *m == n => Some(*peak_kib),
        _ => None,
    })
}

fn run_child(mut cmd: Command) -> Outcome {
    let output = match cmd.output() {
        Ok(o) => o,
        Err(e) => return Outcome::Failed(format!("could not start: {e}")),
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    let field = |name: &str| {
        stdout
            .split_whitespace()
            .find_map(|w| w.strip_prefix(name))
            .map(str::to_string)
    };
    if let Some(line) = stdout.lines().find_map(|l| l.strip_prefix("error=")) {
        return Outcome::Failed(line.to_string());
    }
    match (field("peak_kib="), output.status.success()) {
        (Some(peak), true) => Outcome::Ran {
            peak_kib: peak.parse().unwrap_or(0),
            early: field("early=").and_then(|e| e.parse().ok()),
            seconds: field("seconds=")
                .and_then(|s| s.parse().ok())
                .unwrap_or(0.0),
        },
        _ => Outcome::Failed(format!(
            "{}; stderr: {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        )),
    }
}

/// `go build` the Go side into `out`, or why not.
fn build_go(out: &Path) -> Result<PathBuf, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let bin = std::path::absolute(out.join("memory-go")).map_err(|e| format!("not run: {e}"))?;
    let status = Command::new("go")
        .current_dir(root.join("go-reference"))
        .args(["build", "-o"])
        .arg(&bin)
        .arg("./bench/memory")
        .status();
    match status {
        Ok(s) if s.success() => Ok(bin),
        Ok(s) => Err(format!("not run: go build ./bench/memory failed ({s})")),
        Err(e) => Err(format!("not run: no `go` on PATH ({e})")),
    }
}

// ---------------------------------------------------------------------------------------------
// The report.

fn bytes_per_unit(series: &[(u64, Outcome)], n: u64) -> Option<f64> {
    let base = peak_at(series, 0)?;
    let peak = peak_at(series, n)?;
    (n > 0).then(|| (peak.saturating_sub(base) * 1024) as f64 / n as f64)
}

fn human_bytes(b: f64) -> String {
    if b >= 1024.0 * 1024.0 {
        format!("{:.1} MiB", b / 1024.0 / 1024.0)
    } else if b >= 1024.0 {
        format!("{:.2} KiB", b / 1024.0)
    } else {
        format!("{b:.0} B")
    }
}

fn markdown(header: &str, ns: &[u64], results: &[(&str, Vec<(u64, Outcome)>)]) -> String {
    let counted: Vec<u64> = ns.iter().copied().filter(|&n| n > 0).collect();
    let mut md = String::new();
    let _ = writeln!(md, "{header}\n");
    let _ = writeln!(
        md,
        "Bytes per unit: (peak RSS at N - peak RSS at N = 0) / N; in brackets the peak RSS of \
         the whole process.\n"
    );
    let _ = write!(md, "| unit | baseline (N = 0) |");
    for n in &counted {
        let _ = write!(md, " N = {} |", thousands(*n));
    }
    let _ = write!(md, "\n|---|---:|");
    for _ in &counted {
        let _ = write!(md, "---:|");
    }
    md.push('\n');
    let mut notes = Vec::new();
    for (unit, series) in results {
        let base = match series.iter().find(|(n, _)| *n == 0) {
            Some((_, Outcome::Ran { peak_kib, .. })) => human_bytes(*peak_kib as f64 * 1024.0),
            Some((_, Outcome::Skipped(why) | Outcome::Failed(why))) => {
                notes.push(format!("`{unit}`: {why}"));
                "–".into()
            }
            None => "–".into(),
        };
        let _ = write!(md, "| `{unit}` | {base} |");
        for &n in &counted {
            let cell = match series.iter().find(|(m, _)| *m == n) {
                Some((
                    _,
                    Outcome::Ran {
                        peak_kib, early, ..
                    },
                )) => {
                    if let Some(e) = early.filter(|&e| e > 0) {
                        notes.push(format!(
                            "`{unit}` N = {}: {e} units had finished before the last one \
                             started; the figure is low",
                            thousands(n)
                        ));
                    }
                    format!(
                        "{} ({})",
                        bytes_per_unit(series, n).map_or("–".into(), human_bytes),
                        human_bytes(*peak_kib as f64 * 1024.0)
                    )
                }
                Some((_, Outcome::Skipped(why) | Outcome::Failed(why))) => {
                    notes.push(format!("`{unit}` N = {}: {why}", thousands(n)));
                    "–".into()
                }
                None => "–".into(),
            };
            let _ = write!(md, " {cell} |");
        }
        md.push('\n');
    }
    if !notes.is_empty() {
        md.push('\n');
        for note in notes {
            let _ = writeln!(md, "- {note}");
        }
    }
    md
}

fn json(header: &str, results: &[(&str, Vec<(u64, Outcome)>)]) -> String {
    let mut units = Vec::new();
    for (unit, series) in results {
        let mut rows = Vec::new();
        for (n, outcome) in series {
            let row = match outcome {
                Outcome::Ran {
                    peak_kib,
                    early,
                    seconds,
                } => format!(
                    "{{\"n\": {n}, \"peak_kib\": {peak_kib}, \"bytes_per_unit\": {}, \
                     \"finished_before_last_started\": {}, \"seconds\": {seconds:.2}}}",
                    bytes_per_unit(series, *n).map_or("null".into(), |b| format!("{b:.0}")),
                    early.map_or("null".into(), |e| e.to_string())
                ),
                Outcome::Skipped(why) => {
                    format!("{{\"n\": {n}, \"skipped\": {}}}", json_string(why))
                }
                Outcome::Failed(why) => format!("{{\"n\": {n}, \"failed\": {}}}", json_string(why)),
            };
            rows.push(format!("      {row}"));
        }
        units.push(format!(
            "    {{\"unit\": \"{unit}\", \"runs\": [\n{}\n    ]}}",
            rows.join(",\n")
        ));
    }
    format!(
        "{{\n  \"header\": {},\n  \"units\": [\n{}\n  ]\n}}\n",
        json_string(header),
        units.join(",\n")
    )
}

fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn thousands(n: u64) -> String {
    match n {
        n if n >= 1_000_000 && n % 1_000_000 == 0 => format!("{}M", n / 1_000_000),
        n if n >= 1_000 && n % 1_000 == 0 => format!("{}k", n / 1_000),
        n => n.to_string(),
    }
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|v| v.trim_start_matches([' ', '\t', ':']).trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}

fn command_line(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| format!("no {program}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_per_unit_subtract_the_baseline() {
        let ran = |peak_kib| Outcome::Ran {
            peak_kib,
            early: Some(0),
            seconds: 0.0,
        };
        let series = vec![(0, ran(1000)), (1000, ran(3000))];
        assert_eq!(bytes_per_unit(&series, 1000), Some(2048.0));
        assert_eq!(bytes_per_unit(&series, 0), None);
        assert_eq!(thousands(1_000_000), "1M");
        assert_eq!(thousands(10_000), "10k");
        assert_eq!(json_string("a\"b"), "\"a\\\"b\"");
    }

    #[test]
    fn threads_never_run_a_million() {
        let limits = Limits {
            max_mib: 4096,
            max_threads: 10_000,
            why_threads: String::new(),
        };
        assert!(skip_reason("thread-64k", 1_000_000, &[], &limits).is_some());
        assert!(skip_reason("thread-64k", 100_000, &[], &limits).is_some());
        assert!(skip_reason("thread-64k", 10_000, &[], &limits).is_none());
    }

    #[test]
    fn a_child_holds_its_units_and_reports_a_peak() {
        assert!(tokio_spawn(10, Duration::from_millis(10), &Arc::default()).is_some());
        assert!(join_all(10, Duration::from_millis(10)).is_none());
        assert!(
            threads(
                3,
                Duration::from_millis(10),
                Some(64 * 1024),
                &Arc::default()
            )
            .is_some()
        );
        assert!(vm_hwm_kib().is_some_and(|k| k > 0));
    }
}

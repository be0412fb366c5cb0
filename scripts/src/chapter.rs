//! The one model of a chapter that `show` (terminal) and `site` (HTML) both render: each
//! program split into its parts, and the Go program lined up with a Rust translation, step by
//! step, skipped steps included.
//!
//! A file is read as its header (the leading comment block: what it shows, how to run it), the
//! setup (code before the first `// ## <title>` step), its steps, and the rest (what follows the
//! last step once the code drops below that step's indentation: closing braces, helpers). A
//! step is its prose (the comment block right after the marker, markers stripped) and its code
//! (the rest, up to the next marker); a step whose next line is `// Nothing to do in Rust:
//! <reason>` is skipped and has only its reason.

use std::ops::Range;
use std::path::Path;

use crate::catalog::RustExample;
use crate::highlight::{self, Highlighter, Lang, Line};
use crate::steps;

/// Tabs are shown four columns wide, as gofmt'd code usually is on the web.
pub const TAB: usize = 4;

/// One `// ## <title>` step of a program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub title: String,
    /// The comment block right after the marker, without comment markers; "" between paragraphs.
    pub prose: Vec<String>,
    /// Its code: 0-based lines, without blank lines at either end.
    pub code: Range<usize>,
    /// Why Rust needs no code here, for a skipped step.
    pub skip: Option<String>,
}

/// A whole source file, split for side-by-side reading.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Split {
    /// The leading comment block, comment markers stripped; "" between paragraphs.
    pub header: Vec<String>,
    pub setup: Range<usize>,
    pub steps: Vec<Part>,
    pub rest: Range<usize>,
}

/// Lines `start..end` of `all`, without blank lines at either end.
fn trimmed(all: &[&str], mut start: usize, end: usize) -> Range<usize> {
    let mut end = end.max(start);
    while start < end && all[start].trim().is_empty() {
        start += 1;
    }
    while end > start && all[end - 1].trim().is_empty() {
        end -= 1;
    }
    start..end
}

/// The width of a line's leading whitespace, a tab counted as [`TAB`] columns.
fn indent_width(line: &str) -> usize {
    let lead = &line[..line.len() - line.trim_start().len()];
    lead.chars().map(|c| if c == '\t' { TAB } else { 1 }).sum()
}

/// The text of a plain `//` comment (not `///` or `//!`, which document what follows), without
/// the marker and one space.
pub fn plain_comment(line: &str) -> Option<&str> {
    let body = line.trim_start().strip_prefix("//")?;
    if body.starts_with(['/', '!']) {
        return None;
    }
    Some(body.strip_prefix(' ').unwrap_or(body).trim_end())
}

/// A Go label (`loop:`), which gofmt writes one level left of the code around it.
fn is_go_label(line: &str) -> bool {
    line.trim().strip_suffix(':').is_some_and(|name| {
        !name.is_empty()
            && name.chars().all(|c| c.is_alphanumeric() || c == '_')
            && !name.starts_with(|c: char| c.is_ascii_digit())
            && name != "default"
    })
}

/// Splits a source file (Go or Rust) into header, setup, steps and rest.
pub fn split(source: &str) -> Split {
    let all: Vec<&str> = source.lines().collect();
    let markers = steps::parse(source);
    let first_marker = markers.first().map_or(usize::MAX, |m| m.line - 1);
    let header_end =
        all.iter().take(first_marker).take_while(|l| steps::blank_or_comment(l)).count();
    let mut header: Vec<String> = all[..header_end]
        .iter()
        .map(|l| {
            let t = l.trim_start();
            let text = t.strip_prefix("//!").or_else(|| t.strip_prefix("//")).unwrap_or(t);
            text.strip_prefix(' ').unwrap_or(text).trim_end().to_string()
        })
        .collect();
    tidy(&mut header);
    let mut split = Split { header, ..Split::default() };
    let Some(first) = markers.first() else {
        split.setup = trimmed(&all, header_end, all.len());
        return split;
    };
    split.setup = trimmed(&all, header_end, first.line - 1);
    for (k, marker) in markers.iter().enumerate() {
        let at = marker.line - 1;
        // A skipped step's reason is its own line, not prose.
        let mut i = at + 1 + usize::from(marker.skip.is_some());
        let mut prose = Vec::new();
        while let Some(text) = all.get(i).and_then(|l| plain_comment(l)) {
            if markers.iter().any(|m| m.line == i + 1) {
                break;
            }
            prose.push(text.to_string());
            i += 1;
        }
        tidy(&mut prose);
        let end = match markers.get(k + 1) {
            Some(next) => next.line - 1,
            None => {
                // The last step runs until the code drops below its marker's indentation.
                let level = indent_width(all[at]);
                let end = (i..all.len())
                    .find(|&j| {
                        let l = all[j];
                        !l.trim().is_empty() && indent_width(l) < level && !is_go_label(l)
                    })
                    .unwrap_or(all.len());
                split.rest = trimmed(&all, end, all.len());
                end
            }
        };
        split.steps.push(Part {
            title: marker.title.clone(),
            prose,
            code: trimmed(&all, i, end),
            skip: marker.skip.clone(),
        });
    }
    split
}

/// Drops blank lines at both ends and runs of them between paragraphs.
fn tidy(lines: &mut Vec<String>) {
    lines.dedup_by(|a, b| a.is_empty() && b.is_empty());
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    if lines.first().is_some_and(String::is_empty) {
        lines.remove(0);
    }
}

/// Lines the steps of two programs up on their titles, in order (a longest common
/// subsequence): steps found on both sides share a row, a step only one side has gets a row of
/// its own where it stands in its file.
pub fn align<'a>(go: &'a [Part], rust: &'a [Part]) -> Vec<(Option<&'a Part>, Option<&'a Part>)> {
    let (n, m) = (go.len(), rust.len());
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if go[i].title == rust[j].title {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut rows = Vec::new();
    while i < n || j < m {
        if i < n && j < m && go[i].title == rust[j].title {
            rows.push((Some(&go[i]), Some(&rust[j])));
            (i, j) = (i + 1, j + 1);
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            // The translation's own step first: it usually sits before the shared one.
            rows.push((None, Some(&rust[j])));
            j += 1;
        } else {
            rows.push((Some(&go[i]), None));
            i += 1;
        }
    }
    rows
}

/// A URL fragment for a title: lowercase ASCII words joined by `-`.
pub fn anchor(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    if words.is_empty() { "step".into() } else { words.join("-") }
}

/// `path` relative to `root`, with `/` separators.
pub fn rel_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<_> = rel.iter().map(|c| c.to_string_lossy()).collect();
    parts.join("/")
}

/// One source file, read, split and highlighted.
#[derive(Debug, Clone)]
pub struct Program {
    /// Relative to the workspace root, with `/` separators.
    pub path: String,
    /// The text, or None when the catalog names a file that is not written yet.
    pub text: Option<String>,
    pub split: Split,
    /// Every line, highlighted (plain without a highlighter), tabs expanded.
    pub lines: Vec<Line>,
}

impl Program {
    /// Reads `file`, under `root`; a missing file gives a program without text.
    pub fn load(root: &Path, file: &Path, lang: Lang, h: Option<&Highlighter>) -> Program {
        Program::new(&rel_path(root, file), lang, std::fs::read_to_string(file).ok(), h)
    }

    pub fn new(path: &str, lang: Lang, text: Option<String>, h: Option<&Highlighter>) -> Program {
        let t = text.as_deref().unwrap_or_default();
        let expanded = highlight::expand_tabs(t, TAB);
        Program {
            path: path.to_string(),
            split: split(t),
            lines: match h {
                Some(h) => h.highlight(lang, &expanded),
                None => highlight::plain_lines(&expanded),
            },
            text,
        }
    }

    /// Some lines of this file, highlighted and dedented.
    pub fn code(&self, lines: Range<usize>) -> Vec<Line> {
        let lines = lines.start..lines.end.min(self.lines.len());
        highlight::dedent(self.lines.get(lines).unwrap_or_default().to_vec())
    }
}

/// One side of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// The file is not written yet.
    Missing,
    /// This side has no such step: a step only the other language needs.
    Absent,
    /// A step Rust's idiom makes unnecessary, with the one-line reason.
    Skipped(String),
    /// Prose (comment markers stripped, "" between paragraphs) and code (dedented).
    Written { prose: Vec<String>, code: Vec<Line> },
}

/// A row of the side-by-side reading.
#[derive(Debug, Clone)]
pub struct Row {
    /// `about` (the header comments: what each program shows, how to run it), `setup` (code
    /// before the first step: imports, types, `func main() {`), `step`, or `rest` (code after
    /// the last step: closing braces, helper functions).
    pub kind: &'static str,
    /// "About", "Setup", "1. Start one", "Rest of the file".
    pub heading: String,
    /// Its URL fragment: a step's title as an [`anchor`], else its kind.
    pub anchor: String,
    pub go: Cell,
    pub rust: Cell,
}

impl Row {
    /// "Rust only" or "Go only" for a step one side lacks.
    pub fn only(&self) -> Option<&'static str> {
        match (&self.go, &self.rust) {
            (Cell::Absent, Cell::Written { .. }) => Some("Rust only"),
            (Cell::Written { .. }, Cell::Absent) => Some("Go only"),
            _ => None,
        }
    }
}

/// Lines up a Go program with a Rust translation: about, setup, the steps matched on their
/// titles, the rest. Setup and rest rows appear only when a side has such code.
pub fn rows(go: &Program, rust: &Program) -> Vec<Row> {
    let cell = |p: &Program, prose: &[String], code: &Range<usize>| match &p.text {
        None => Cell::Missing,
        Some(_) => Cell::Written { prose: prose.to_vec(), code: p.code(code.clone()) },
    };
    let row = |kind: &'static str, heading: &str, go, rust| Row {
        kind,
        heading: heading.into(),
        anchor: kind.into(),
        go,
        rust,
    };
    let (g, r) = (&go.split, &rust.split);
    let (ga, ra) = (cell(go, &g.header, &(0..0)), cell(rust, &r.header, &(0..0)));
    let mut rows = vec![row("about", "About", ga, ra)];
    if !g.setup.is_empty() || !r.setup.is_empty() {
        rows.push(row("setup", "Setup", cell(go, &[], &g.setup), cell(rust, &[], &r.setup)));
    }
    let step = |p: &Program, part: Option<&Part>| match part {
        _ if p.text.is_none() => Cell::Missing,
        None => Cell::Absent,
        Some(Part { skip: Some(why), .. }) => Cell::Skipped(why.clone()),
        Some(part) => cell(p, &part.prose, &part.code),
    };
    for (i, (gp, rp)) in align(&g.steps, &r.steps).into_iter().enumerate() {
        let title = gp.or(rp).map_or("", |p| p.title.as_str());
        let heading = format!("{}. {title}", i + 1);
        rows.push(Row {
            anchor: anchor(title),
            ..row("step", &heading, step(go, gp), step(rust, rp))
        });
    }
    if !g.rest.is_empty() || !r.rest.is_empty() {
        let (gc, rc) = (cell(go, &[], &g.rest), cell(rust, &[], &r.rest));
        rows.push(row("rest", "Rest of the file", gc, rc));
    }
    rows
}

/// The one way every view names a translation's tier: the tier (std | crossbeam | async), then
/// the crates the example shows: `std`, `crossbeam: rayon`, `async: tokio`; `crossbeam` alone
/// where the crate is the tier's own.
pub fn tier_label(r: &RustExample) -> String {
    if r.crates.is_empty() || r.crates == [r.tier.to_string()] {
        r.tier.to_string()
    } else {
        format!("{}: {}", r.tier, r.crates.join(", "))
    }
}

/// Crates the Rust Playground offers (it builds the most downloaded crates of crates.io): a
/// translation that uses only these runs there as it is. Kept short on purpose: a crate left
/// out only costs a link.
pub const PLAYGROUND_CRATES: [&str; 8] = [
    "crossbeam",
    "crossbeam-channel",
    "crossbeam-utils",
    "futures",
    "parking_lot",
    "rayon",
    "tokio",
    "once_cell",
];

/// Whether the Playground can run this translation.
pub fn on_playground(r: &RustExample) -> bool {
    r.crates.iter().all(|c| PLAYGROUND_CRATES.contains(&c.as_str()))
}

/// A Rust Playground link that opens `source`, carried in the URL.
pub fn playground_url(source: &str) -> String {
    const KEEP: &percent_encoding::AsciiSet =
        &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');
    format!(
        "https://play.rust-lang.org/?version=stable&mode=debug&edition=2024&code={}",
        percent_encoding::utf8_percent_encode(source, KEEP)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const GO: &str = "\
// Spawning: a header.
//
// Run it with `go run ./spawn`.
package main

import \"fmt\"

func main() {
\t// ## Start one
\t// Prose about starting,
\t// on two lines.
\tsum := make(chan int)
\tgo func() { sum <- 1 }()

\tfmt.Println(<-sum)

\t// ## Close it
\tclose(sum)

\t// ## Loop with a label
\t// A label sits one level left.
outer:
\tfor {
\t\tbreak outer
\t}
}

func helper() {}
";

    const RUST: &str = "\
//! Spawning in Rust.
//!
//! Run it with `cargo run --example spawn`.

use std::thread;

fn main() {
    // ## Start one
    // Rust's prose.
    let h = thread::spawn(|| 1);
    // A comment inside the code stays code.
    h.join().unwrap();

    // ## Rust only
    let x = 1;

    // ## Close it
    // Nothing to do in Rust: the channel closes when its Sender is dropped.

    // ## Loop with a label
    'outer: loop {
        break 'outer;
    }
}

/// Documented helper.
fn helper() {}
";

    fn text(p: &Program, c: Range<usize>) -> Vec<String> {
        p.code(c).iter().map(|l| highlight::line_text(l)).collect()
    }

    #[test]
    fn splits_header_setup_steps_and_rest() {
        let go = Program::new("main.go", Lang::Go, Some(GO.into()), None);
        let s = &go.split;
        assert_eq!(s.header, ["Spawning: a header.", "", "Run it with `go run ./spawn`."]);
        assert_eq!(
            text(&go, s.setup.clone()),
            ["package main", "", "import \"fmt\"", "", "func main() {"]
        );
        let titles: Vec<_> = s.steps.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(titles, ["Start one", "Close it", "Loop with a label"]);
        assert_eq!(s.steps[0].prose, ["Prose about starting,", "on two lines."]);
        assert_eq!(
            text(&go, s.steps[0].code.clone()),
            ["sum := make(chan int)", "go func() { sum <- 1 }()", "", "fmt.Println(<-sum)"]
        );
        // The label does not end the last step; the closing brace of main does.
        let last = text(&go, s.steps[2].code.clone());
        assert_eq!((last[0].as_str(), last.last().unwrap().as_str()), ("outer:", "    }"));
        assert_eq!(text(&go, s.rest.clone()), ["}", "", "func helper() {}"]);
    }

    #[test]
    fn rust_headers_skipped_steps_and_inline_comments() {
        let rust = Program::new("x.rs", Lang::Rust, Some(RUST.into()), None);
        let s = &rust.split;
        assert_eq!(s.header[0], "Spawning in Rust.");
        assert_eq!(s.steps[0].prose, ["Rust's prose."]);
        assert!(text(&rust, s.steps[0].code.clone()).iter().any(|l| l.contains("stays code")));
        let skipped = &s.steps[2];
        assert_eq!(skipped.skip.as_deref(), Some("the channel closes when its Sender is dropped."));
        assert!(skipped.prose.is_empty());
        assert_eq!(
            text(&rust, s.rest.clone()),
            ["}", "", "/// Documented helper.", "fn helper() {}"]
        );
        assert_eq!(split(""), Split::default());
        let flat = split("// head\npackage main\n\nfunc main() {}\n");
        assert_eq!((flat.header.len(), flat.setup.len(), flat.steps.len()), (1, 3, 0));
    }

    #[test]
    fn rows_pair_steps_and_show_skipped_and_one_sided_ones() {
        let go = Program::new("main.go", Lang::Go, Some(GO.into()), None);
        let rust = Program::new("x.rs", Lang::Rust, Some(RUST.into()), None);
        let rows = rows(&go, &rust);
        let kinds: Vec<&str> = rows.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, ["about", "setup", "step", "step", "step", "step", "rest"]);
        assert_eq!(rows[3].heading, "2. Rust only");
        assert_eq!((rows[3].go.clone(), rows[3].only()), (Cell::Absent, Some("Rust only")));
        assert_eq!(
            rows[4].rust,
            Cell::Skipped("the channel closes when its Sender is dropped.".into())
        );
        assert!(matches!(&rows[4].go, Cell::Written { code, .. } if !code.is_empty()));
        assert_eq!(
            (rows[5].anchor.as_str(), rows[6].anchor.as_str()),
            ("loop-with-a-label", "rest")
        );
        let missing = Program::new("y.rs", Lang::Rust, None, None);
        let rows = super::rows(&go, &missing);
        assert!(rows.iter().all(|r| r.rust == Cell::Missing));
    }

    #[test]
    fn aligns_files_that_disagree_without_losing_a_step() {
        let go = split("// ## A\n// ## B\n// ## C\n").steps;
        let rust = split("// ## C\n// ## A\n// ## X\n").steps;
        let rows = align(&go, &rust);
        let go_titles: Vec<_> = rows.iter().filter_map(|r| r.0).map(|p| p.title.as_str()).collect();
        let rust_titles: Vec<_> =
            rows.iter().filter_map(|r| r.1).map(|p| p.title.as_str()).collect();
        assert_eq!(go_titles, ["A", "B", "C"]);
        assert_eq!(rust_titles, ["C", "A", "X"]);
    }

    #[test]
    fn anchors_labels_and_tiers() {
        assert_eq!(anchor("Unbuffered: the send waits"), "unbuffered-the-send-waits");
        assert_eq!(anchor("!!"), "step");
        assert!(is_go_label("outer:") && !is_go_label("default:") && !is_go_label("x := y"));
        let c = crate::fixture::catalog();
        let labels: Vec<String> = c.examples().map(|(_, r)| tier_label(r)).collect();
        assert_eq!(labels[..3], ["std", "std", "async: tokio"]);
        assert!(labels.contains(&"crossbeam: rayon".to_string()));
        let playable: Vec<&str> = c
            .examples()
            .filter(|(_, r)| on_playground(r))
            .map(|(_, r)| r.example.as_str())
            .collect();
        assert!(playable.contains(&"spawn-tokio") && playable.contains(&"channels-rayon"));
        assert!(!playable.contains(&"semaphore-tokio"), "tokio-util is not offered");
    }

    #[test]
    fn the_playground_link_carries_the_program_exactly() {
        let source =
            "//! A 100% test: `a & b`?\nfn main() {\n\tprintln!(\"{}\", \"é→ #x=1+2\");\n}\n";
        let url = playground_url(source);
        let (base, code) = url.split_once("&code=").expect("a code parameter");
        assert_eq!(base, "https://play.rust-lang.org/?version=stable&mode=debug&edition=2024");
        assert!(code.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.~%".contains(&b)), "{code}");
        let back = percent_encoding::percent_decode_str(code).decode_utf8().expect("UTF-8");
        assert_eq!(back, source);
    }
}

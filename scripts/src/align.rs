//! Splitting a program into the parts a reader sees side by side, and lining Go up with Rust.
//!
//! A file is read as: its header (the leading comment block, which says what it shows and how to
//! run it), the setup (the code before the first `// ## <title>` step: package, imports,
//! helper types, `func main() {`), its steps, and the rest of the file (what follows the last
//! step once the code drops below that step's indentation: closing braces, helper functions).
//! Each step is its prose (the comment block right after the marker, comment markers stripped)
//! and its code (everything else up to the next marker). Nothing is dropped: concatenating the
//! parts gives back every line of the file except blank lines at the edges of a part.
//!
//! Everything here is pure: text in, structures out, so the `show` and `site` verbs render the
//! same split and the unit tests below pin it down.

use crate::steps;

/// A run of source lines, as they are in the file (indentation kept).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chunk {
    /// The 1-based line number of `lines[0]` in the file (0 when the chunk is empty).
    pub first_line: usize,
    pub lines: Vec<String>,
}

/// One `// ## <title>` step of a program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub title: String,
    /// The 1-based line of the marker.
    pub marker_line: usize,
    /// The comment block right after the marker, without comment markers; an empty string is
    /// a paragraph break.
    pub prose: Vec<String>,
    /// The rest of the step.
    pub code: Chunk,
}

/// A whole source file, split for side-by-side reading.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Split {
    /// The leading comment block, comment markers stripped; empty strings separate paragraphs.
    pub header: Vec<String>,
    /// Code between the header and the first step.
    pub setup: Chunk,
    pub steps: Vec<Part>,
    /// Code after the last step's body.
    pub rest: Chunk,
}

/// One row of a side-by-side reading: a step of the Go program, of the Rust translation, or
/// (usually) both, matched on their titles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair<'a> {
    pub go: Option<&'a Part>,
    pub rust: Option<&'a Part>,
}

impl Pair<'_> {
    /// The row's title: both sides share it when both are present.
    pub fn title(&self) -> &str {
        self.go
            .or(self.rust)
            .map(|p| p.title.as_str())
            .expect("a pair has at least one side")
    }
}

impl Chunk {
    /// `lines` of `all` (0-based, half-open), with blank lines at both ends dropped.
    fn from_range(all: &[&str], start: usize, end: usize) -> Chunk {
        let mut start = start;
        let mut end = end.max(start);
        while start < end && all[start].trim().is_empty() {
            start += 1;
        }
        while end > start && all[end - 1].trim().is_empty() {
            end -= 1;
        }
        if start == end {
            return Chunk::default();
        }
        Chunk {
            first_line: start + 1,
            lines: all[start..end].iter().map(|l| l.to_string()).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The lines with tabs expanded to `tab` columns and their common indentation removed:
    /// how a step reads on its own.
    pub fn dedented(&self, tab: usize) -> Vec<String> {
        dedent(&self.lines, tab)
    }
}

/// Expands tabs to the next multiple of `tab` columns.
pub fn expand_tabs(line: &str, tab: usize) -> String {
    let mut out = String::with_capacity(line.len());
    let mut col = 0;
    for c in line.chars() {
        if c == '\t' {
            let n = tab - col % tab;
            out.extend(std::iter::repeat_n(' ', n));
            col += n;
        } else {
            out.push(c);
            col += 1;
        }
    }
    out
}

/// Expands tabs and removes the indentation that every non-blank line shares.
pub fn dedent<S: AsRef<str>>(lines: &[S], tab: usize) -> Vec<String> {
    let expanded: Vec<String> = lines.iter().map(|l| expand_tabs(l.as_ref(), tab)).collect();
    let common = expanded
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    expanded
        .into_iter()
        .map(|l| {
            if l.trim().is_empty() {
                String::new()
            } else {
                l[common..].trim_end().to_string()
            }
        })
        .collect()
}

/// The width of a line's leading whitespace, tabs counted as `tab` columns.
fn indent_width(line: &str, tab: usize) -> usize {
    let lead = &line[..line.len() - line.trim_start().len()];
    expand_tabs(lead, tab).len()
}

/// The text of a plain `//` comment line (not `///` or `//!`, which document the code after
/// them), without the marker and one following space.
fn plain_comment(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let body = t.strip_prefix("//")?;
    if body.starts_with('/') || body.starts_with('!') {
        return None;
    }
    Some(body.strip_prefix(' ').unwrap_or(body).trim_end())
}

/// The text of a header comment line (`//`, `//!`), without the marker and one space.
fn header_comment(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let body = t.strip_prefix("//!").or_else(|| t.strip_prefix("//"))?;
    Some(body.strip_prefix(' ').unwrap_or(body).trim_end())
}

/// A Go label (`loop:`), which gofmt writes one level left of the code around it.
fn is_go_label(line: &str) -> bool {
    let t = line.trim();
    t.strip_suffix(':').is_some_and(|name| {
        !name.is_empty()
            && name.chars().all(|c| c.is_alphanumeric() || c == '_')
            && !name.starts_with(|c: char| c.is_ascii_digit())
            && name != "default"
    })
}

/// Splits a source file (Go or Rust) into header, setup, steps and rest.
pub fn split(source: &str) -> Split {
    const TAB: usize = 4;
    let all: Vec<&str> = source.lines().collect();
    let markers = steps::parse(source);

    // The header: the leading comment block, up to the first line of code or step marker.
    let mut header_end = 0;
    let mut header = Vec::new();
    for (i, line) in all.iter().enumerate() {
        if markers.first().is_some_and(|m| m.line == i + 1) {
            break;
        }
        if line.trim().is_empty() {
            header.push(String::new());
        } else if let Some(text) = header_comment(line) {
            header.push(text.to_string());
        } else {
            break;
        }
        header_end = i + 1;
    }
    while header.last().is_some_and(|l| l.is_empty()) {
        header.pop();
    }
    while header.first().is_some_and(|l| l.is_empty()) {
        header.remove(0);
    }
    collapse_blank_runs(&mut header);

    let Some(first) = markers.first() else {
        return Split {
            header,
            setup: Chunk::from_range(&all, header_end, all.len()),
            steps: Vec::new(),
            rest: Chunk::default(),
        };
    };
    let setup = Chunk::from_range(&all, header_end, first.line - 1);

    let mut parts = Vec::with_capacity(markers.len());
    let mut rest = Chunk::default();
    for (k, marker) in markers.iter().enumerate() {
        let marker_idx = marker.line - 1;
        let level = indent_width(all[marker_idx], TAB);
        let mut i = marker_idx + 1;
        let mut prose = Vec::new();
        while i < all.len() && !markers.iter().any(|m| m.line == i + 1) {
            match plain_comment(all[i]) {
                Some(text) => prose.push(text.to_string()),
                None => break,
            }
            i += 1;
        }
        collapse_blank_runs(&mut prose);
        let end = match markers.get(k + 1) {
            Some(next) => next.line - 1,
            None => {
                // The last step runs until the code drops below its marker's indentation
                // (the closing brace of main); what follows is the rest of the file.
                let mut end = i;
                while end < all.len() {
                    let line = all[end];
                    let below = !line.trim().is_empty()
                        && indent_width(line, TAB) < level
                        && !is_go_label(line);
                    if below {
                        break;
                    }
                    end += 1;
                }
                rest = Chunk::from_range(&all, end, all.len());
                end
            }
        };
        parts.push(Part {
            title: marker.title.clone(),
            marker_line: marker.line,
            prose,
            code: Chunk::from_range(&all, i, end),
        });
    }
    Split {
        header,
        setup,
        steps: parts,
        rest,
    }
}

/// Leaves at most one empty string between paragraphs.
fn collapse_blank_runs(lines: &mut Vec<String>) {
    lines.dedup_by(|a, b| a.is_empty() && b.is_empty());
}

/// Lines the steps of two programs up on their titles, in order. Steps found on both sides
/// share a row; a step only one side has (a translation may add steps) gets a row of its own,
/// where it stands in its file. This is a longest-common-subsequence match, so it also copes
/// with files whose steps disagree (`cargo xtask check` reports those).
pub fn align<'a>(go: &'a [Part], rust: &'a [Part]) -> Vec<Pair<'a>> {
    let (n, m) = (go.len(), rust.len());
    // lcs[i][j]: the length of the longest common title sequence of go[i..] and rust[j..].
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
    let mut rows = Vec::with_capacity(n.max(m));
    while i < n || j < m {
        if i < n && j < m && go[i].title == rust[j].title {
            rows.push(Pair {
                go: Some(&go[i]),
                rust: Some(&rust[j]),
            });
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            // Prefer the translation's own step first: it usually sits before the shared
            // step that follows it.
            rows.push(Pair {
                go: None,
                rust: Some(&rust[j]),
            });
            j += 1;
        } else {
            rows.push(Pair {
                go: Some(&go[i]),
                rust: None,
            });
            i += 1;
        }
    }
    rows
}

/// A URL fragment for a step title: lowercase ASCII words joined by `-`.
pub fn anchor(title: &str) -> String {
    let mut out = String::new();
    for word in title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    if out.is_empty() {
        out.push_str("step");
    }
    out
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

    // ## Loop with a label
    'outer: loop {
        break 'outer;
    }
}

/// Documented helper.
fn helper() {}
";

    #[test]
    fn splits_header_setup_steps_and_rest() {
        let s = split(GO);
        assert_eq!(
            s.header,
            ["Spawning: a header.", "", "Run it with `go run ./spawn`."]
        );
        assert_eq!(s.setup.first_line, 4);
        assert_eq!(
            s.setup.lines,
            ["package main", "", "import \"fmt\"", "", "func main() {"]
        );
        let titles: Vec<_> = s.steps.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(titles, ["Start one", "Loop with a label"]);
        assert_eq!(s.steps[0].prose, ["Prose about starting,", "on two lines."]);
        assert_eq!(s.steps[0].code.first_line, 12);
        assert_eq!(
            s.steps[0].code.lines,
            [
                "\tsum := make(chan int)",
                "\tgo func() { sum <- 1 }()",
                "",
                "\tfmt.Println(<-sum)"
            ]
        );
        // The label does not end the last step; the closing brace of main does.
        assert_eq!(s.steps[1].code.lines[0], "outer:");
        assert_eq!(s.steps[1].code.lines.last().unwrap(), "\t}");
        assert_eq!(s.rest.lines, ["}", "", "func helper() {}"]);
    }

    #[test]
    fn every_line_of_the_file_is_somewhere() {
        for source in [GO, RUST] {
            let s = split(source);
            let mut seen: Vec<usize> = Vec::new();
            for chunk in std::iter::once(&s.setup)
                .chain(s.steps.iter().map(|p| &p.code))
                .chain(std::iter::once(&s.rest))
            {
                seen.extend(chunk.first_line..chunk.first_line + chunk.lines.len());
            }
            for (i, line) in source.lines().enumerate() {
                let n = i + 1;
                let is_marker_or_prose = s.steps.iter().any(|p| {
                    n >= p.marker_line
                        && n <= p.marker_line + p.prose.len()
                        && n < p.code.first_line
                });
                let in_header = n <= s.header.len() + 1 && line.trim_start().starts_with("//");
                assert!(
                    seen.contains(&n) || line.trim().is_empty() || is_marker_or_prose || in_header,
                    "line {n} ({line:?}) is in no part"
                );
            }
        }
    }

    #[test]
    fn rust_header_doc_comments_and_inline_comments() {
        let s = split(RUST);
        assert_eq!(
            s.header,
            [
                "Spawning in Rust.",
                "",
                "Run it with `cargo run --example spawn`."
            ]
        );
        assert_eq!(s.setup.lines, ["use std::thread;", "", "fn main() {"]);
        assert_eq!(s.steps[0].prose, ["Rust's prose."]);
        assert!(
            s.steps[0]
                .code
                .lines
                .iter()
                .any(|l| l.contains("A comment inside the code stays code"))
        );
        assert_eq!(s.steps[1].prose, Vec::<String>::new());
        assert_eq!(
            s.rest.lines,
            ["}", "", "/// Documented helper.", "fn helper() {}"]
        );
    }

    #[test]
    fn a_file_without_steps_is_all_setup() {
        let s = split("// head\npackage main\n\nfunc main() {}\n");
        assert_eq!(s.header, ["head"]);
        assert!(s.steps.is_empty());
        assert_eq!(s.setup.lines, ["package main", "", "func main() {}"]);
        assert!(s.rest.is_empty());
        assert_eq!(split(""), Split::default());
    }

    #[test]
    fn aligns_on_titles_with_steps_only_one_side_has() {
        let go = split(GO);
        let rust = split(RUST);
        let rows = align(&go.steps, &rust.steps);
        let shape: Vec<(bool, bool, &str)> = rows
            .iter()
            .map(|r| (r.go.is_some(), r.rust.is_some(), r.title()))
            .collect();
        assert_eq!(
            shape,
            [
                (true, true, "Start one"),
                (false, true, "Rust only"),
                (true, true, "Loop with a label"),
            ]
        );
    }

    #[test]
    fn aligns_files_that_disagree_without_losing_a_step() {
        let go = split("// ## A\n// ## B\n// ## C\n").steps;
        let rust = split("// ## C\n// ## A\n// ## X\n").steps;
        let rows = align(&go, &rust);
        let go_titles: Vec<_> = rows.iter().filter_map(|r| r.go).map(|p| &p.title).collect();
        let rust_titles: Vec<_> = rows
            .iter()
            .filter_map(|r| r.rust)
            .map(|p| &p.title)
            .collect();
        assert_eq!(go_titles, ["A", "B", "C"]);
        assert_eq!(rust_titles, ["C", "A", "X"]);
        assert!(rows.iter().any(|r| r.go.is_some() && r.rust.is_some()));
    }

    #[test]
    fn dedent_expands_tabs_and_keeps_relative_indentation() {
        let lines = ["\tif x {", "", "\t\ty()", "\t}"];
        assert_eq!(dedent(&lines, 4), ["if x {", "", "    y()", "}"]);
        assert_eq!(expand_tabs("a\tb", 4), "a   b");
        assert_eq!(expand_tabs("abcd\tb", 4), "abcd    b");
    }

    #[test]
    fn anchors_are_url_safe() {
        assert_eq!(
            anchor("Start one and wait for it"),
            "start-one-and-wait-for-it"
        );
        assert_eq!(
            anchor("Unbuffered: the send waits"),
            "unbuffered-the-send-waits"
        );
        assert_eq!(anchor("!!"), "step");
    }

    #[test]
    fn go_labels_are_recognised() {
        assert!(is_go_label("outer:"));
        assert!(is_go_label("loop:   "));
        assert!(!is_go_label("default:"));
        assert!(!is_go_label("}"));
        assert!(!is_go_label("x := y"));
    }
}

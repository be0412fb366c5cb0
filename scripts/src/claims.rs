//! `claims.toml`: every factual claim of the guide we translate, with a verdict and the evidence
//! that settles it, and the readable page generated from it (`CLAIMS.md`, `cargo xtask claims`).

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{Context, Result};
use serde::Deserialize;

use crate::catalog::Catalog;
use compare::report::fmt_ns;

/// The whole list, in the guide's order.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claims {
    #[serde(rename = "claim")]
    pub claims: Vec<Claim>,
    /// `[[note]]`: the project's own notes on the guide (its code fragments, what it leaves
    /// unsaid). Checked like claims, listed apart and left out of the counts.
    #[serde(default, rename = "note")]
    pub notes: Vec<Claim>,
}

/// One claim of the guide, paraphrased, with what we found.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// Kebab-case, unique; the page's anchor.
    pub id: String,
    /// The guide's section, by catalog key ("spawn", "channels"), or [`INTRODUCTION`].
    pub section: String,
    /// What the guide says, in our words.
    pub claim: String,
    pub verdict: Verdict,
    /// Required for every verdict but `holds`: what is true instead, in one paragraph.
    #[serde(default)]
    pub correction: String,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Holds,
    Caveat,
    OutOfDate,
    Wrong,
}

impl Verdict {
    /// In the order the pages count them.
    pub const ALL: [Verdict; 4] =
        [Verdict::Holds, Verdict::Caveat, Verdict::OutOfDate, Verdict::Wrong];

    /// Its CSS key, also in class names (`v-out-of-date`).
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Holds => "holds",
            Verdict::Caveat => "caveat",
            Verdict::OutOfDate => "out-of-date",
            Verdict::Wrong => "wrong",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Verdict::Holds => "holds",
            Verdict::Caveat => "holds, with a caveat",
            Verdict::OutOfDate => "out of date",
            Verdict::Wrong => "wrong",
        }
    }
}

/// What settles a claim. Every kind but `docs` points at something in this repository, and the
/// check fails when it does not exist.
#[derive(Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase", deny_unknown_fields)]
pub enum Evidence {
    /// A pattern's example (Rust) or Go program, by catalog name: `atomics`, `go:atomics`.
    Example { name: String, note: String },
    /// A museum case of the catalog.
    Mistake { case: String, note: String },
    /// A benchmark id with its measured figure, found in a committed results file; an id
    /// `memory/<unit>/<n>` names a row of a memory report (bytes per unit at N units).
    Bench { id: String, figure: String, note: String },
    /// A line of the committed disassembly (`cargo xtask asm`).
    Asm { symbol: String, note: String },
    /// Documentation, named by title and version, with its address.
    Docs { title: String, version: String, url: String, note: String },
}

/// Files in the repository that bench and asm evidence is checked against.
pub const BENCH_RESULTS: &str = "benches/results";

impl Claims {
    pub fn load(root: &Path) -> Result<Claims> {
        crate::read_toml(&root.join("claims.toml"))
    }

    /// The claims, then the notes: everything the page lists.
    pub fn all(&self) -> impl Iterator<Item = &Claim> {
        self.claims.iter().chain(&self.notes)
    }

    /// How many claims got each verdict, in [`Verdict::ALL`]'s order.
    pub fn counts(&self) -> [usize; 4] {
        Verdict::ALL.map(|v| self.claims.iter().filter(|c| c.verdict == v).count())
    }

    /// Every problem with the list: unknown sections, missing corrections, evidence that points
    /// at nothing, benchmark figures (Rust, Go and ratios) the committed report does not give,
    /// quotations that are not word for word in a pinned excerpt. Empty when all is well.
    pub fn problems(&self, catalog: &Catalog, root: &Path) -> Result<Vec<String>> {
        let results = Results::read(&root.join(BENCH_RESULTS))?;
        let (excerpts, mut problems) = Excerpt::read_all(&root.join(EXCERPTS))?;
        let ids: BTreeSet<&str> = self.all().map(|c| c.id.as_str()).collect();
        let mut seen = BTreeSet::new();
        for c in self.all() {
            let mut say = |what: String| problems.push(format!("claim {:?}: {what}", c.id));
            if !seen.insert(c.id.as_str()) {
                say("the id appears twice".into());
            }
            if c.section != INTRODUCTION && !catalog.sections.iter().any(|s| s.key == c.section) {
                say(format!(
                    "section {:?} is neither {INTRODUCTION:?} nor a section key of catalog.toml",
                    c.section
                ));
            }
            if c.verdict != Verdict::Holds && c.correction.trim().len() < 40 {
                say(format!("verdict {:?} needs a correction paragraph", c.verdict.label()));
            }
            if c.evidence.is_empty() {
                say("has no evidence".into());
            }
            for target in anchors(&c.correction) {
                if !ids.contains(target) {
                    say(format!("the correction links to #{target}, which is no claim's id"));
                }
            }
            let mut figures = String::new();
            for e in &c.evidence {
                match e {
                    Evidence::Example { name, .. } | Evidence::Mistake { case: name, .. } => {
                        let what = match e {
                            Evidence::Example { .. } => "example",
                            _ => "museum case",
                        };
                        match linked_file(e, catalog) {
                            None => say(format!("{what} {name:?} is not in the catalog")),
                            Some(file) if !root.join(&file).is_file() => {
                                say(format!("{what} {name:?}: {file} does not exist"))
                            }
                            Some(_) => {}
                        }
                    }
                    Evidence::Bench { id, figure, .. } => {
                        figures.push_str(figure);
                        figures.push('\n');
                        results.check_figure(id, figure).into_iter().for_each(&mut say);
                    }
                    Evidence::Asm { symbol, .. } => {
                        if !results.asm.contains(&format!("| `{symbol}` |")) {
                            say(format!(
                                "disassembly of {symbol:?} is not in a table under {BENCH_RESULTS}/"
                            ));
                        }
                    }
                    Evidence::Docs { title, version, url, note } => {
                        if title.is_empty() || version.is_empty() || !url.starts_with("https://") {
                            say("documentation evidence needs a title, a version and an https address".into());
                        }
                        check_quotes(&excerpts, title, version, url, note)
                            .into_iter()
                            .for_each(&mut say);
                    }
                }
            }
            backed_by_figures(&c.correction, &figures).into_iter().for_each(&mut say);
        }
        Ok(problems)
    }
}

/// The committed benchmark results: the reports of `cargo xtask compare` (`*.json`) and the
/// tables of `cargo xtask asm` (`asm-*.md`).
#[derive(Debug, Default)]
struct Results {
    rows: Vec<Measured>,
    asm: String,
}

/// One row of a report: a benchmark's Rust median and its Go twin's, if any (ns); or, for a
/// memory report (`cargo run -p benches --bin memory`), the bytes per unit at N units.
#[derive(Debug)]
struct Measured {
    /// The report's file name: figures are checked against one report at a time.
    report: String,
    /// The Rust id, or `memory/<unit>/<n>`.
    id: String,
    /// The row's own value first (the Rust median, the bytes per unit), then the Go median.
    values: Vec<f64>,
}

/// The prefix of the benchmark ids that name a memory report's row: `memory/<unit>/<n>`.
const MEMORY: &str = "memory/";

impl Results {
    fn read(dir: &Path) -> Result<Results> {
        let mut results = Results::default();
        for path in crate::list(dir)? {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            if name.starts_with("asm-") && name.ends_with(".md") {
                results.asm.push_str(&crate::read(&path)?);
            }
            if !name.ends_with(".json") {
                continue;
            }
            let report: serde_json::Value = serde_json::from_str(&crate::read(&path)?)
                .with_context(|| format!("parsing {}", path.display()))?;
            let mut push = |id: String, values: Vec<f64>| {
                results.rows.push(Measured { report: name.to_string(), id, values });
            };
            for row in report["rows"].as_array().into_iter().flatten() {
                if let (Some(id), Some(ns)) =
                    (row["rust_id"].as_str(), row["rust"]["median_ns"].as_f64())
                {
                    push(
                        id.to_string(),
                        std::iter::once(ns).chain(row["go"]["median_ns"].as_f64()).collect(),
                    );
                }
            }
            for unit in report["units"].as_array().into_iter().flatten() {
                // Bytes per unit: (peak resident memory at N - peak at N = 0) / N, as the report
                // computes it.
                let runs = unit["runs"].as_array().map_or(&[][..], Vec::as_slice);
                let peak = |run: &serde_json::Value| run["peak_kib"].as_f64();
                let Some(base) = runs.iter().find(|r| r["n"] == 0).and_then(peak) else {
                    continue;
                };
                for run in runs {
                    if let (Some(n), Some(kib)) = (run["n"].as_u64().filter(|&n| n > 0), peak(run))
                    {
                        let id = format!("{MEMORY}{}/{n}", unit["unit"].as_str().unwrap_or("?"));
                        push(id, vec![(kib - base).max(0.0) * 1024.0 / n as f64]);
                    }
                }
            }
        }
        Ok(results)
    }

    /// What is wrong with a benchmark figure: it must quote the measured value of its id (the
    /// Rust median, or a memory row's bytes per unit), every duration or size it quotes must be
    /// one measured for a row it names (its id, or another in backticks), and every ratio
    /// (`131×`) one of two quantities it quotes; all from one report. With several reports
    /// that measured `id`, one that agrees is enough; if none does, the problems are those
    /// found in the first, by file name.
    fn check_figure(&self, id: &str, figure: &str) -> Vec<String> {
        let mut reports: Vec<&str> =
            self.rows.iter().filter(|m| m.id == id).map(|m| m.report.as_str()).collect();
        reports.dedup();
        let Some(first) = reports.first() else {
            return vec![format!(
                "benchmark id {id:?} is not in the results under {BENCH_RESULTS}/"
            )];
        };
        let found: Vec<Vec<String>> =
            reports.iter().map(|report| self.check_figure_in(report, id, figure)).collect();
        if found.iter().any(Vec::is_empty) {
            return Vec::new();
        }
        let agree = if reports.len() > 1 {
            format!(" (in {first}, and no other report agrees)")
        } else {
            String::new()
        };
        found[0].iter().map(|p| format!("{p}{agree}")).collect()
    }

    /// [`Results::check_figure`] against one report, which has a row for `id`.
    fn check_figure_in(&self, report: &str, id: &str, figure: &str) -> Vec<String> {
        let memory = id.starts_with(MEMORY);
        let (units, fmt, what, of): (_, fn(f64) -> String, _, _) = if memory {
            (&SIZES, fmt_bytes, "bytes per unit", "not the bytes per unit of a row it names")
        } else {
            (&DURATIONS, fmt_ns, "median", "no Rust or Go median of the rows it names")
        };
        let measured = |row: &str| {
            self.rows.iter().find(|m| m.report == report && m.id == row).map(|m| &m.values)
        };
        let own = measured(id).expect("check_figure picks a report that measured `id`");
        let mut problems = Vec::new();
        if !figure.contains(&fmt(own[0])) {
            problems.push(format!(
                "benchmark {id:?}: the figure {figure:?} does not quote its measured {what}, {}",
                fmt(own[0])
            ));
        }
        let mut rows = vec![(id, own)];
        let names =
            |s: &&str| s.contains('/') && !s.contains(' ') && s.starts_with(MEMORY) == memory;
        for named in code_spans(figure).filter(names) {
            match measured(named) {
                Some(m) => rows.push((named, m)),
                None => problems.push(format!(
                    "benchmark {id:?}: the figure names `{named}`, which is not in {report}"
                )),
            }
        }
        let values: Vec<f64> = rows.iter().flat_map(|(_, m)| m.iter().copied()).collect();
        let mut quoted = Vec::new();
        for (q, shown) in quantities(figure, units) {
            match values.iter().find(|&&v| fmt(v) == q) {
                Some(&v) => quoted.push((v, shown)),
                None => problems.push(format!(
                    "benchmark {id:?}: the figure quotes {q}, which is {of} ({}); they measured {}",
                    rows.iter().map(|(n, _)| format!("`{n}`")).collect::<Vec<_>>().join(", "),
                    values.iter().map(|&v| fmt(v)).collect::<Vec<_>>().join(", ")
                )),
            }
        }
        problems.extend(ratio_problems(id, figure, &quoted));
        problems
    }
}

/// The section key of claims about the guide's opening paragraph, which no chapter covers.
pub const INTRODUCTION: &str = "introduction";

/// The heading CLAIMS.md lists the notes under, after the claims.
pub const NOTES_HEADING: &str =
    "Notes on the guide's code and omissions (the project's findings, not claims; not counted)";

/// The pinned excerpts of the sources that claims.toml quotes, one file each: a header of
/// `key: value` lines (`title`; `origin`, the address of the exact text copied; `version`; one
/// or more `url`, the documentation addresses that `docs` evidence cites for it; `copied`, how),
/// a line `---`, then the text as it stands in the source. An excerpt whose file name ends in
/// `.html` is read without its tags.
pub const EXCERPTS: &str = "claims/excerpts";

/// The heading of a section on the page: "1. Goroutines and threads", "Introduction".
pub fn section_heading(catalog: &Catalog, section: &str) -> String {
    match catalog.sections.iter().find(|s| s.key == section) {
        Some(s) => s.guide.map_or_else(|| s.title.clone(), |n| format!("{n}. {}", s.title)),
        None if section == INTRODUCTION => "Introduction".to_string(),
        None => section.to_string(),
    }
}

/// A pinned excerpt of a quoted source (see [`EXCERPTS`]).
#[derive(Debug, Default)]
pub struct Excerpt {
    /// Its file name under [`EXCERPTS`].
    pub file: String,
    pub title: String,
    pub origin: String,
    pub version: String,
    pub urls: Vec<String>,
    /// The text's words, in order ([`words`]).
    words: Vec<String>,
}

impl Excerpt {
    pub fn parse(file: &str, text: &str) -> std::result::Result<Excerpt, String> {
        let (head, body) = text
            .split_once("\n---\n")
            .ok_or("has no line `---` between its header and its text")?;
        let mut e = Excerpt { file: file.to_string(), ..Excerpt::default() };
        for line in head.lines().filter(|l| !l.trim().is_empty()) {
            let (key, value) = line
                .split_once(':')
                .ok_or_else(|| format!("header line {line:?} is not `key: value`"))?;
            let value = value.trim().to_string();
            match key.trim() {
                "title" => e.title = value,
                "origin" => e.origin = value,
                "version" => e.version = value,
                "url" => e.urls.push(value),
                "copied" => {}
                other => return Err(format!("unknown header key {other:?}")),
            }
        }
        if e.title.is_empty()
            || e.version.is_empty()
            || !e.origin.starts_with("https://")
            || e.urls.is_empty()
            || e.urls.iter().any(|u| !u.starts_with("https://"))
        {
            return Err("needs a title, an https origin, a version and https urls".into());
        }
        e.words = if file.ends_with(".html") { words(&strip_html(body)) } else { words(body) };
        if e.words.is_empty() {
            return Err("has no text".into());
        }
        Ok(e)
    }

    /// Every excerpt under `dir` (none if it does not exist), and the problems of those that
    /// do not parse.
    pub fn read_all(dir: &Path) -> Result<(Vec<Excerpt>, Vec<String>)> {
        let (mut excerpts, mut problems) = (Vec::new(), Vec::new());
        for path in crate::list(dir)?.iter().filter(|p| p.is_file()) {
            let file = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            if file == "README.md" {
                continue;
            }
            match Excerpt::parse(file, &crate::read(path)?) {
                Ok(e) => excerpts.push(e),
                Err(why) => problems.push(format!("excerpt {EXCERPTS}/{file}: {why}")),
            }
        }
        Ok((excerpts, problems))
    }

    /// Whether this is a copy of the page `url` (its fragment aside) at `version`.
    pub fn pins(&self, url: &str, version: &str) -> bool {
        let page = |u: &str| u.split('#').next().unwrap_or(u).trim_end_matches('/').to_string();
        self.version == version && self.urls.iter().any(|u| page(u) == page(url))
    }

    /// Whether `quote` is in the text word for word ("..." or "…" marks an omission). Only
    /// the first word of each run may differ in case: a quotation may start mid-sentence.
    pub fn contains(&self, quote: &str) -> bool {
        let mut from = 0;
        for part in quote.split("...").flat_map(|p| p.split('…')) {
            let want = words(part);
            if want.is_empty() {
                continue;
            }
            let same = |(k, (s, w)): (usize, (&String, &String))| {
                if k == 0 { s.to_lowercase() == w.to_lowercase() } else { s == w }
            };
            let rest = self.words.get(from..).unwrap_or_default();
            match rest.windows(want.len()).position(|s| s.iter().zip(&want).enumerate().all(same)) {
                Some(i) => from += i + want.len(),
                None => return false,
            }
        }
        true
    }
}

/// The words of a text, in order: runs of letters, digits and `_`. Punctuation, Markdown
/// decoration and the targets of Markdown links (`[text](target)`) are not words.
fn words(text: &str) -> Vec<String> {
    let mut plain = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("](") {
        plain.push_str(&rest[..at]);
        rest = &rest[at + 2..];
        rest = rest.find(')').map_or("", |end| &rest[end + 1..]);
        plain.push(' ');
    }
    plain.push_str(rest);
    plain
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// HTML as text: tags dropped, entities (`&amp;`, `&#39;`) read as spaces (they are
/// punctuation or spaces); an `&` that opens no entity stays.
fn strip_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(['<', '&']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let skip = match rest.strip_prefix('&') {
            // An entity: `&`, letters, digits or `#`, then `;`.
            Some(after) => {
                let tail =
                    after.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '#');
                tail.starts_with(';').then(|| rest.len() - tail.len() + 1)
            }
            None => Some(rest.find('>').map_or(rest.len(), |end| end + 1)),
        };
        match skip {
            Some(n) => {
                out.push(' ');
                rest = &rest[n..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The quotations in a text: what stands between straight double quotes, or between “ and ”.
/// An unclosed quotation is returned as `Err` with what follows its opening mark.
fn quotations(text: &str) -> Vec<std::result::Result<&str, &str>> {
    let mut found = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '"') => open = Some((i + 1, '"')),
            (None, '“') => open = Some((i + c.len_utf8(), '”')),
            (Some((start, close)), c) if c == close => {
                found.push(Ok(&text[start..i]));
                open = None;
            }
            _ => {}
        }
    }
    if let Some((start, _)) = open {
        found.push(Err(&text[start..]));
    }
    found
}

/// What is wrong with the quotations of a `docs` evidence's note: each must be word for word
/// in an excerpt that pins the cited page at the cited version.
fn check_quotes(
    excerpts: &[Excerpt],
    title: &str,
    version: &str,
    url: &str,
    note: &str,
) -> Vec<String> {
    let quotes = quotations(note);
    if quotes.is_empty() {
        return Vec::new();
    }
    let pinned: Vec<&Excerpt> = excerpts.iter().filter(|e| e.pins(url, version)).collect();
    if pinned.is_empty() {
        return vec![format!(
            "{title:?} ({version}) is quoted, but no excerpt under {EXCERPTS}/ pins {url} at {version:?}"
        )];
    }
    let files =
        pinned.iter().map(|e| format!("{EXCERPTS}/{}", e.file)).collect::<Vec<_>>().join(", ");
    quotes
        .into_iter()
        .filter_map(|q| match q {
            Err(rest) => Some(format!("the note's quotation {rest:?} is not closed")),
            Ok(q) if !pinned.iter().any(|e| e.contains(q)) => {
                Some(format!("the quotation \"{q}\" of {title:?} is not word for word in {files}"))
            }
            Ok(_) => None,
        })
        .collect()
}

/// The file in this repository that a piece of evidence links to; None when the catalog lacks
/// what it names (and for evidence that is not an example or a museum case).
pub fn linked_file(e: &Evidence, catalog: &Catalog) -> Option<String> {
    match e {
        Evidence::Example { name, .. } => match name.strip_prefix("go:") {
            Some(slug) => catalog.chapter(slug).map(|c| format!("go-reference/{}/main.go", c.slug)),
            None => catalog
                .examples()
                .find(|(_, r)| r.example == *name)
                .map(|(_, r)| format!("{}/examples/{}.rs", r.tier.crate_dir(), r.example)),
        },
        Evidence::Mistake { case, .. } => {
            catalog.mistake(case).map(|m| format!("go-reference/museum/{}/main.go", m.case))
        }
        _ => None,
    }
}

/// The ids a text links to within the page: `[text](#id)`.
fn anchors(text: &str) -> Vec<&str> {
    text.match_indices("](#")
        .filter_map(|(at, m)| {
            let rest = &text[at + m.len()..];
            rest.find(')').map(|end| &rest[..end])
        })
        .collect()
}

/// What stands between backticks.
fn code_spans(text: &str) -> impl Iterator<Item = &str> {
    text.split('`').skip(1).step_by(2)
}

/// The numbers of a text, as written, with what follows each: "39.2" and " µs per thread".
fn numbers(text: &str) -> Vec<(&str, &str)> {
    let b = text.as_bytes();
    let starts = |i: usize| i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.');
    let goes_on = |i: usize| {
        b[i].is_ascii_digit() || (b[i] == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit))
    };
    (0..b.len())
        .filter(|&i| b[i].is_ascii_digit() && starts(i))
        .map(|i| {
            let end = (i..b.len()).find(|&j| !goes_on(j)).unwrap_or(b.len());
            (&text[i..end], &text[end..])
        })
        .collect()
}

/// The units a figure quotes durations in, each with its size in ns.
const DURATIONS: [(&str, f64); 3] = [("ns", 1.0), ("µs", 1e3), ("ms", 1e6)];
/// The units a figure quotes sizes in, each with its size in bytes.
const SIZES: [(&str, f64); 3] = [("B", 1.0), ("KiB", 1024.0), ("MiB", 1024.0 * 1024.0)];

/// The quantities a text quotes in one of `units` (a number, a space, the unit): each as
/// written ("39.2 µs") and in the base unit.
fn quantities(text: &str, units: &[(&str, f64)]) -> Vec<(String, f64)> {
    numbers(text)
        .into_iter()
        .filter_map(|(n, after)| {
            units.iter().find_map(|&(unit, scale)| {
                let rest = after.strip_prefix(' ')?.strip_prefix(unit)?;
                let ends = rest.chars().next().is_none_or(|c| !c.is_alphanumeric());
                let value = n.parse().map_or(f64::NAN, |v: f64| v * scale);
                ends.then(|| (format!("{n} {unit}"), value))
            })
        })
        .collect()
}

/// The ratios a text quotes, as written: "131" for "131×" or "131 times".
fn ratios(text: &str) -> Vec<&str> {
    numbers(text)
        .into_iter()
        .filter(|(_, after)| after.starts_with('×') || after.starts_with(" times"))
        .map(|(n, _)| n)
        .collect()
}

/// What is wrong with the numbers of a correction: every duration and ratio it quotes must
/// be quoted by one of the claim's benchmark figures, which are checked against the report.
fn backed_by_figures(correction: &str, figures: &str) -> Vec<String> {
    let durations_shown: Vec<_> =
        quantities(figures, &DURATIONS).into_iter().map(|q| q.0).collect();
    let ratios_shown = ratios(figures);
    let durations = quantities(correction, &DURATIONS).into_iter().map(|q| q.0);
    let mut problems: Vec<String> = durations
        .filter(|d| !durations_shown.contains(d))
        .map(|d| format!("the correction quotes {d}, which none of its benchmark figures does"))
        .collect();
    problems.extend(ratios(correction).into_iter().filter(|r| !ratios_shown.contains(r)).map(
        |r| {
            format!("the correction gives the ratio {r}×, which none of its benchmark figures does")
        },
    ));
    problems
}

/// What is wrong with the ratios a figure gives (`131×`): each must be the ratio of two of the
/// quantities it quotes, `quoted` as (measured, as written), to the decimals written.
fn ratio_problems(id: &str, figure: &str, quoted: &[(f64, f64)]) -> Vec<String> {
    ratios(figure)
        .into_iter()
        .filter(|r| {
            let decimals = r.split_once('.').map_or(0, |(_, d)| d.len());
            let matches = |a: f64, b: f64| format!("{:.decimals$}", a / b) == *r;
            !quoted.iter().any(|&(a, shown_a)| {
                quoted.iter().any(|&(b, shown_b)| matches(a, b) || matches(shown_a, shown_b))
            })
        })
        .map(|r| {
            format!(
                "benchmark {id:?}: the figure gives the ratio {r}×, which no two of the \
                 quantities it quotes make"
            )
        })
        .collect()
}

/// Bytes as the memory report writes them: "455 B", "2.70 KiB", "437.4 MiB".
fn fmt_bytes(b: f64) -> String {
    if b >= 1024.0 * 1024.0 {
        format!("{:.1} MiB", b / 1024.0 / 1024.0)
    } else if b >= 1024.0 {
        format!("{:.2} KiB", b / 1024.0)
    } else {
        format!("{b:.0} B")
    }
}

/// The readable page: the claims grouped by section, each verdict with its correction and
/// evidence, links relative to the repository root. Drawn by the `claims.md` template.
pub fn page(claims: &Claims, catalog: &Catalog) -> String {
    // The notes follow the claims under a heading of their own, outside the counts.
    let list: Vec<_> = claims
        .claims
        .iter()
        .map(|c| (section_heading(catalog, &c.section), c))
        .chain(claims.notes.iter().map(|c| (NOTES_HEADING.to_string(), c)))
        .map(|(section, c)| {
            let evidence: Vec<String> =
                c.evidence.iter().map(|e| evidence_line(e, catalog)).collect();
            minijinja::context! {
                section, claim => &c.claim, id => &c.id, verdict => c.verdict.label(),
                correction => c.correction.trim(), evidence,
            }
        })
        .collect();
    let ctx = minijinja::context! { total => claims.claims.len(), counts => claims.counts(), claims => list };
    crate::site::render_md("claims.md", ctx)
}

fn evidence_line(e: &Evidence, catalog: &Catalog) -> String {
    let file = linked_file(e, catalog).unwrap_or_default();
    match e {
        Evidence::Example { name, note } => match name.strip_prefix("go:") {
            Some(slug) => format!("Go program [`go run ./{slug}`]({file}): {note}"),
            None => format!("example [`cargo run --example {name}`]({file}): {note}"),
        },
        Evidence::Mistake { case, note } => {
            let title = catalog.mistake(case).map_or(case.as_str(), |m| m.title.as_str());
            format!("museum case [{title}]({file}): {note}")
        }
        Evidence::Bench { id, figure, note } => {
            format!("benchmark `{id}` ([results](benches/README.md)): {figure}. {note}")
        }
        Evidence::Asm { symbol, note } => {
            format!("disassembly of `{symbol}` ([asm](benches/README.md)): {note}")
        }
        Evidence::Docs { title, version, url, note } => {
            format!("[{title}]({url}) ({version}): {note}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A repository root holding `files` (path, text).
    fn root_with(files: &[(&str, &str)]) -> tempfile::TempDir {
        let root = tempfile::tempdir().expect("a temporary folder");
        for (path, text) in files {
            let path = root.path().join(path);
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("create folder");
            std::fs::write(path, text).expect("write file");
        }
        root
    }

    const PROGRAMS: [(&str, &str); 3] = [
        ("examples-std/examples/mutex.rs", "fn main() {}"),
        ("go-reference/mutex/main.go", "package main"),
        ("go-reference/museum/counter-race/main.go", "package main"),
    ];

    fn check(claims: &str, root: &Path) -> Vec<String> {
        let catalog = crate::fixture::catalog();
        let claims: Claims = toml::from_str(claims).expect("claims");
        claims.problems(&catalog, root).expect("the files can be read")
    }

    fn problems(claims: &str) -> Vec<String> {
        check(claims, root_with(&PROGRAMS).path())
    }

    #[test]
    fn accepts_existing_evidence() {
        let ok = r#"
            [[claim]]
            id = "a"
            section = "mutex"
            claim = "c"
            verdict = "holds"
            evidence = [{ kind = "example", name = "mutex", note = "n" },
                        { kind = "example", name = "go:mutex", note = "n" },
                        { kind = "mistake", case = "counter-race", note = "n" }]

            [[note]]
            id = "b"
            section = "introduction"
            claim = "c"
            verdict = "wrong"
            correction = "A correction long enough to count as one, linking to [a](#a)."
            evidence = [{ kind = "example", name = "mutex", note = "n" }]
        "#;
        assert_eq!(problems(ok), Vec::<String>::new());
    }

    #[test]
    fn reports_missing_evidence_sections_and_corrections() {
        let bad = r#"
            [[claim]]
            id = "a"
            section = "4. Mutexes"
            claim = "c"
            verdict = "wrong"
            correction = "Long enough to be a correction, but it links to [b](#nowhere)."
            evidence = [{ kind = "example", name = "mutex-nope", note = "n" },
                        { kind = "example", name = "mutex-parking", note = "n" },
                        { kind = "example", name = "go:channels", note = "n" },
                        { kind = "example", name = "go:gone", note = "n" },
                        { kind = "mistake", case = "nope", note = "n" },
                        { kind = "mistake", case = "forgot-unlock", note = "n" },
                        { kind = "bench", id = "x/y", figure = "1 ns", note = "n" }]

            [[note]]
            id = "a"
            section = "mutex"
            claim = "c"
            verdict = "caveat"
            evidence = []
        "#;
        let found = problems(bad).join("\n");
        for expected in [
            "section \"4. Mutexes\"",
            "correction paragraph",
            "#nowhere",
            "\"mutex-nope\" is not in the catalog",
            "examples-crossbeam/examples/mutex-parking.rs does not exist",
            "go-reference/channels/main.go does not exist",
            "\"go:gone\" is not in the catalog",
            "\"nope\" is not in the catalog",
            "go-reference/museum/forgot-unlock/main.go does not exist",
            "x/y",
            "appears twice",
            "no evidence",
        ] {
            assert!(found.contains(expected), "{expected:?} not reported in:\n{found}");
        }
    }

    #[test]
    fn bench_figures_quote_the_committed_medians_and_ratios_and_asm_names_a_row() {
        let report = r#"{"rows": [
            {"rust_id": "spawn-one/x", "rust": {"median_ns": 39198.3}, "go": {"median_ns": 298.1}},
            {"rust_id": "spawn-one/y", "rust": {"median_ns": 356.68}, "go": {"median_ns": 298.1}},
            {"rust_id": "rust-only", "rust": {"median_ns": 18.5}, "go": null}]}"#;
        let root = root_with(&[
            ("benches/results/m.json", report),
            ("benches/results/asm-x86_64.md", "| `fetch_add_relaxed` | `lock xadd` |\n"),
        ]);
        let claims = |figure: &str, symbol: &str, correction: &str| {
            format!(
                r#"
                [[claim]]
                id = "a"
                section = "mutex"
                claim = "c"
                verdict = "caveat"
                correction = "{correction}"
                evidence = [{{ kind = "bench", id = "spawn-one/x", figure = "{figure}", note = "n" }},
                            {{ kind = "asm", symbol = "{symbol}", note = "n" }}]
                "#
            )
        };
        let good = "39.2 µs per thread against 298 ns per goroutine (131×); a task 357 ns \
                    (`spawn-one/y`, 1.2×)";
        let fine = "A thread costs 39.2 µs, 131 times a goroutine; a task 1.2 times.";
        assert_eq!(
            check(&claims(good, "fetch_add_relaxed", fine), root.path()),
            Vec::<String>::new()
        );
        let wrong = check(
            &claims(
                "40 µs per thread against 300 ns per goroutine (100×); 18.5 ns (`spawn-one/z`)",
                "fetch_add",
                "A thread costs 45 ns, 7 times a goroutine, which is long enough to say.",
            ),
            root.path(),
        )
        .join("\n");
        for expected in [
            "does not quote its measured median, 39.2 µs",
            "quotes 40 µs",
            "quotes 300 ns",
            "quotes 18.5 ns",
            "`spawn-one/z`, which is not in m.json",
            "the ratio 100×",
            "correction quotes 45 ns",
            "correction gives the ratio 7×",
            "\"fetch_add\"",
        ] {
            assert!(wrong.contains(expected), "{expected:?} not in:\n{wrong}");
        }

        // A second report measured the same rows again: a figure may quote either, not a mix.
        let again = r#"{"rows": [
            {"rust_id": "spawn-one/x", "rust": {"median_ns": 41000.0}, "go": {"median_ns": 310.0}},
            {"rust_id": "spawn-one/y", "rust": {"median_ns": 360.0}, "go": {"median_ns": 310.0}}]}"#;
        std::fs::write(root.path().join("benches/results/n.json"), again).expect("write");
        let ok = |figure: &str| {
            check(
                &claims(
                    figure,
                    "fetch_add_relaxed",
                    "Long enough to count as a correction, and it quotes no figure.",
                ),
                root.path(),
            )
        };
        assert_eq!(ok(good), Vec::<String>::new());
        assert_eq!(ok("41.0 µs against 310 ns (132×)"), Vec::<String>::new());
        let mixed = ok("41.0 µs against 298 ns").join("\n");
        assert!(mixed.contains("(in m.json, and no other report agrees)"), "{mixed}");
    }

    #[test]
    fn memory_figures_quote_the_bytes_per_unit_of_a_memory_report() {
        let report = r#"{"header": "h", "units": [
            {"unit": "goroutines", "runs": [{"n": 0, "peak_kib": 2656},
                {"n": 1000000, "peak_kib": 2705772, "bytes_per_unit": 2768}]},
            {"unit": "tokio-spawn", "runs": [{"n": 0, "peak_kib": 3140},
                {"n": 1000000, "peak_kib": 447880, "bytes_per_unit": 455},
                {"n": 10000000, "skipped": "not run"}]}]}"#;
        let root = root_with(&[("benches/results/memory.json", report)]);
        let claims = |figure: &str| {
            format!(
                r#"
                [[claim]]
                id = "a"
                section = "spawn"
                claim = "c"
                verdict = "holds"
                evidence = [{{ kind = "bench", id = "memory/goroutines/1000000", figure = "{figure}", note = "n" }}]
                "#
            )
        };
        let good =
            "2.70 KiB per goroutine against 455 B per task (`memory/tokio-spawn/1000000`, 6.1×)";
        assert_eq!(check(&claims(good), root.path()), Vec::<String>::new());
        let wrong = check(
            &claims("2 KiB per goroutine against 400 B (`memory/tokio-spawn/10000000`, 5×)"),
            root.path(),
        )
        .join("\n");
        for expected in [
            "does not quote its measured bytes per unit, 2.70 KiB",
            "quotes 2 KiB",
            "quotes 400 B",
            "`memory/tokio-spawn/10000000`, which is not in memory.json",
            "the ratio 5×",
        ] {
            assert!(wrong.contains(expected), "{expected:?} not in:\n{wrong}");
        }
    }

    #[test]
    fn quotations_must_be_word_for_word_in_an_excerpt_of_the_cited_page_and_version() {
        let once = "title: sync/once.go\norigin: https://go.dev/src/sync/once.go\n\
                    version: Go 1.26\nurl: https://pkg.go.dev/sync\ncopied: by hand\n---\n\
                    // If f panics, Do considers it to have returned; future calls of Do\n\
                    // return without calling f.\n\tdone atomic.Bool\n";
        let spec = "title: spec\norigin: https://go.dev/ref/spec\nversion: Go 1.26\n\
                    url: https://go.dev/ref/spec\n---\n<p>a single one that can proceed is \
                    <a href=\"#x\">chosen</a> via a uniform\npseudo-random selection; the \
                    element type&#39;s value</p>\n";
        let root = root_with(
            &[
                PROGRAMS.as_slice(),
                &[
                    ("claims/excerpts/go-sync-once.go.txt", once),
                    ("claims/excerpts/go-spec.html", spec),
                    ("claims/excerpts/broken.txt", "title: t\n"),
                ],
            ]
            .concat(),
        );
        let claims = |url: &str, version: &str, note: &str| {
            format!(
                r#"
                [[claim]]
                id = "a"
                section = "mutex"
                claim = "c"
                verdict = "holds"
                evidence = [{{ kind = "docs", title = "t", version = "{version}", url = "{url}", note = '''{note}''' }}]
                "#
            )
        };
        let fine = [
            (
                "https://pkg.go.dev/sync#Once.Do",
                "\"If f panics, Do considers it to have returned; future calls of Do return\" and \"done atomic.Bool\"",
            ),
            ("https://pkg.go.dev/sync#Once", "“if f panics, Do ... return without calling f”"),
            (
                "https://go.dev/ref/spec#Select_statements",
                "\"a single one that can proceed is chosen via a uniform pseudo-random selection\"",
            ),
            ("https://go.dev/ref/spec", "\"the element type's value\", no markup"),
            ("https://go.dev/ref/spec", "no quotation at all"),
        ];
        for (url, note) in fine {
            let found = check(&claims(url, "Go 1.26", note), root.path());
            assert_eq!(
                found,
                [
                    "excerpt claims/excerpts/broken.txt: has no line `---` between its header and its text"
                ],
                "{note}"
            );
        }
        let bad = [
            (
                "https://go.dev/ref/spec",
                "Go 1.26",
                "\"a single one is chosen via a uniform pseudo-random selection\"",
                "is not word for word in claims/excerpts/go-spec.html",
            ),
            ("https://pkg.go.dev/sync", "Go 1.26", "\"done uint32\"", "\"done uint32\""),
            (
                "https://pkg.go.dev/sync",
                "Go 1.25",
                "\"done atomic.Bool\"",
                "no excerpt under claims/excerpts/ pins https://pkg.go.dev/sync at \"Go 1.25\"",
            ),
            ("https://pkg.go.dev/net", "Go 1.26", "\"done atomic.Bool\"", "no excerpt"),
            ("https://pkg.go.dev/sync", "Go 1.26", "\"done atomic.Bool", "is not closed"),
        ];
        for (url, version, note, expected) in bad {
            let found = check(&claims(url, version, note), root.path()).join("\n");
            assert!(found.contains(expected), "{expected:?} not in:\n{found}");
        }
    }

    #[test]
    fn the_page_lists_notes_apart_and_counts_only_claims() {
        let claims: Claims = toml::from_str(
            r#"
            [[claim]]
            id = "a"
            section = "mutex"
            claim = "A claim."
            verdict = "holds"
            evidence = [{ kind = "example", name = "mutex", note = "n" }]

            [[note]]
            id = "b"
            section = "mutex"
            claim = "A note on a fragment."
            verdict = "wrong"
            correction = "c"
            evidence = [{ kind = "example", name = "mutex", note = "n" }]
            "#,
        )
        .expect("claims");
        let page = page(&claims, &crate::fixture::catalog());
        let heading = page.find("## 4. Mutexes").expect("the section by number and title");
        let notes = page.find(&format!("## {NOTES_HEADING}")).expect("the notes' heading");
        let note = page.find("A note on a fragment.").expect("the note");
        assert!(heading < page.find("A claim.").expect("the claim"));
        assert!(page.find("A claim.") < Some(notes) && notes < note, "{page}");
        assert!(page.contains("1 claims") && !page.contains("2 claims"), "{page}");
        assert!(page.contains("1 hold") && page.contains("0 are wrong"), "{page}");
    }
}

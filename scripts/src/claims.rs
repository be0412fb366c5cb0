//! `claims.toml`: every factual claim of the guide we translate, with a verdict and the evidence
//! that settles it, and the readable page generated from it (`CLAIMS.md`, `cargo xtask claims`).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result};
use serde::Deserialize;

use crate::catalog::Catalog;
use crate::compare::report::fmt_ns;

/// The whole list, in the guide's order.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claims {
    #[serde(rename = "claim")]
    pub claims: Vec<Claim>,
}

/// One claim of the guide, paraphrased, with what we found.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// Kebab-case, unique; the page's anchor.
    pub id: String,
    /// The guide's section: "Introduction" or a catalog pattern's `section`.
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
    /// A benchmark id with its measured figure, found in a committed results file.
    Bench {
        id: String,
        figure: String,
        note: String,
    },
    /// A line of the committed disassembly (`cargo xtask asm`).
    Asm { symbol: String, note: String },
    /// Documentation, named by title and version, with its address.
    Docs {
        title: String,
        version: String,
        url: String,
        note: String,
    },
}

/// Files in the repository that bench and asm evidence is checked against.
pub const BENCH_RESULTS: &str = "benches/results";

impl Claims {
    pub fn load(root: &Path) -> Result<Claims> {
        let path = root.join("claims.toml");
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        toml::from_str(&text).with_context(|| format!("parsing {}", path.display()))
    }

    /// Every problem with the list: unknown sections, missing corrections, evidence that points
    /// at nothing. Empty when all is well.
    pub fn problems(&self, catalog: &Catalog, root: &Path) -> Result<Vec<String>> {
        let sections: BTreeSet<&str> = std::iter::once("Introduction")
            .chain(catalog.chapters.iter().map(|p| p.section.as_str()))
            .collect();
        let examples: BTreeSet<&str> = catalog
            .examples()
            .map(|(_, r)| r.example.as_str())
            .collect();
        let results = Results::read(&root.join(BENCH_RESULTS))?;
        let mut ids = BTreeSet::new();
        let mut problems = Vec::new();
        for c in &self.claims {
            let mut say = |what: String| problems.push(format!("claim {:?}: {what}", c.id));
            if !ids.insert(c.id.as_str()) {
                say("the id appears twice".into());
            }
            if !sections.contains(c.section.as_str()) {
                say(format!(
                    "section {:?} is neither Introduction nor a catalog section",
                    c.section
                ));
            }
            if c.verdict != Verdict::Holds && c.correction.trim().len() < 40 {
                say(format!(
                    "verdict {:?} needs a correction paragraph",
                    c.verdict.label()
                ));
            }
            if c.evidence.is_empty() {
                say("has no evidence".into());
            }
            for e in &c.evidence {
                match e {
                    Evidence::Example { name, .. } => {
                        let known = match name.strip_prefix("go:") {
                            Some(slug) => catalog.chapter(slug).is_some(),
                            None => examples.contains(name.as_str()),
                        };
                        if !known {
                            say(format!("example {name:?} is not in the catalog"));
                        }
                    }
                    Evidence::Mistake { case, .. } => {
                        if catalog.mistake(case).is_none() {
                            say(format!("museum case {case:?} is not in the catalog"));
                        }
                    }
                    Evidence::Bench { id, figure, .. } => match results.median(id) {
                        None => say(format!(
                            "benchmark id {id:?} is not in the results under {BENCH_RESULTS}/"
                        )),
                        Some(ns) if !figure.contains(&fmt_ns(ns)) => say(format!(
                            "benchmark {id:?}: the figure {figure:?} does not quote its measured \
                             median, {}",
                            fmt_ns(ns)
                        )),
                        Some(_) => {}
                    },
                    Evidence::Asm { symbol, .. } => {
                        if !results.disassembled(symbol) {
                            say(format!(
                                "disassembly of {symbol:?} is not in a table under {BENCH_RESULTS}/"
                            ));
                        }
                    }
                    Evidence::Docs {
                        title,
                        version,
                        url,
                        ..
                    } => {
                        if title.is_empty() || version.is_empty() || !url.starts_with("https://") {
                            say("documentation evidence needs a title, a version and an https address".into());
                        }
                    }
                }
            }
        }
        Ok(problems)
    }
}

/// The committed benchmark results: the reports of `cargo xtask compare` (`*.json`) and the
/// tables of `cargo xtask asm` (`asm-*.md`).
#[derive(Debug, Default)]
struct Results {
    /// Rust benchmark id and its median in ns, from every report.
    medians: Vec<(String, f64)>,
    asm: String,
}

impl Results {
    fn read(dir: &Path) -> Result<Results> {
        let mut results = Results::default();
        if !dir.exists() {
            return Ok(results);
        }
        for entry in std::fs::read_dir(dir).with_context(|| format!("listing {}", dir.display()))? {
            let path = entry?.path();
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            let read = || {
                std::fs::read_to_string(&path)
                    .with_context(|| format!("reading {}", path.display()))
            };
            if name.ends_with(".json") {
                let report: serde_json::Value = serde_json::from_str(&read()?)
                    .with_context(|| format!("parsing {}", path.display()))?;
                for row in report["rows"].as_array().into_iter().flatten() {
                    if let (Some(id), Some(ns)) =
                        (row["rust_id"].as_str(), row["rust"]["median_ns"].as_f64())
                    {
                        results.medians.push((id.to_string(), ns));
                    }
                }
            } else if name.starts_with("asm-") && name.ends_with(".md") {
                results.asm.push_str(&read()?);
            }
        }
        Ok(results)
    }

    fn median(&self, id: &str) -> Option<f64> {
        self.medians
            .iter()
            .find(|(i, _)| i == id)
            .map(|&(_, ns)| ns)
    }

    /// Whether a disassembly table has a row for `symbol`.
    fn disassembled(&self, symbol: &str) -> bool {
        self.asm.contains(&format!("| `{symbol}` |"))
    }
}

/// The readable page: the claims grouped by section, each verdict with its correction and
/// evidence, links relative to the repository root.
pub fn page(claims: &Claims, catalog: &Catalog) -> String {
    let mut out = String::from(
        "# The guide's claims, checked\n\n\
         <!-- generated by `cargo xtask claims` from claims.toml; edit that file instead -->\n\n\
         The guide this project started from (\"Go vs Rust Concurrency Primitives\") makes many \
         factual claims about Go, Rust and performance. Each is listed here in our words, with a \
         verdict and the evidence that settles it: a runnable example, a museum case (a bug that \
         Go reports at run time and rustc rejects at compile time), a benchmark measured on a \
         named machine, a disassembly, or the documentation it rests on. `cargo test` checks \
         that every piece of evidence exists.\n\n",
    );
    let count = |v| claims.claims.iter().filter(|c| c.verdict == v).count();
    writeln!(
        out,
        "**{} claims:** {} hold, {} hold with a caveat, {} are out of date, {} are wrong.\n",
        claims.claims.len(),
        count(Verdict::Holds),
        count(Verdict::Caveat),
        count(Verdict::OutOfDate),
        count(Verdict::Wrong)
    )
    .expect("writing to a String cannot fail");

    let mut section = "";
    for c in &claims.claims {
        if c.section != section {
            section = &c.section;
            writeln!(out, "## {section}\n").expect("infallible");
        }
        writeln!(out, "### {}\n", c.claim).expect("infallible");
        writeln!(
            out,
            "<a id=\"{}\"></a>**Verdict: {}.**",
            c.id,
            c.verdict.label()
        )
        .expect("infallible");
        if !c.correction.trim().is_empty() {
            writeln!(out, "{}", c.correction.trim()).expect("infallible");
        }
        out.push_str("\nEvidence:\n");
        for e in &c.evidence {
            writeln!(out, "- {}", evidence_line(e, catalog)).expect("infallible");
        }
        out.push('\n');
    }
    out
}

fn evidence_line(e: &Evidence, catalog: &Catalog) -> String {
    match e {
        Evidence::Example { name, note } => match name.strip_prefix("go:") {
            Some(slug) => {
                format!("Go program [`go run ./{slug}`](go-reference/{slug}/main.go): {note}")
            }
            None => {
                let file = catalog
                    .examples()
                    .find(|(_, r)| r.example == *name)
                    .map(|(_, r)| format!("{}/examples/{}.rs", r.tier.crate_dir(), r.example))
                    .unwrap_or_default();
                format!("example [`cargo run --example {name}`]({file}): {note}")
            }
        },
        Evidence::Mistake { case, note } => {
            let title = catalog
                .mistake(case)
                .map(|m| m.title.as_str())
                .unwrap_or(case);
            format!("museum case [{title}](go-reference/museum/{case}/main.go): {note}")
        }
        Evidence::Bench { id, figure, note } => {
            format!("benchmark `{id}` ([results](benches/README.md)): {figure}. {note}")
        }
        Evidence::Asm { symbol, note } => {
            format!("disassembly of `{symbol}` ([asm](benches/README.md)): {note}")
        }
        Evidence::Docs {
            title,
            version,
            url,
            note,
        } => {
            format!("[{title}]({url}) ({version}): {note}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::catalog::tests::MUTEX_CATALOG as CATALOG;

    fn problems(claims: &str) -> Vec<String> {
        let catalog: Catalog = toml::from_str(CATALOG).expect("catalog");
        let claims: Claims = toml::from_str(claims).expect("claims");
        let nowhere = Path::new("/nonexistent-root");
        claims.problems(&catalog, nowhere).expect("no files needed")
    }

    #[test]
    fn accepts_existing_evidence() {
        let ok = r#"
            [[claim]]
            id = "a"
            section = "4. Mutexes"
            claim = "c"
            verdict = "holds"
            evidence = [{ kind = "example", name = "mutex", note = "n" },
                        { kind = "example", name = "go:mutex", note = "n" }]
        "#;
        assert_eq!(problems(ok), Vec::<String>::new());
    }

    #[test]
    fn reports_missing_evidence_sections_and_corrections() {
        let bad = r#"
            [[claim]]
            id = "a"
            section = "99. Nowhere"
            claim = "c"
            verdict = "wrong"
            evidence = [{ kind = "example", name = "mutex-nope", note = "n" },
                        { kind = "mistake", case = "nope", note = "n" },
                        { kind = "bench", id = "x/y", figure = "1 ns", note = "n" }]
        "#;
        let found = problems(bad).join("\n");
        for expected in ["section", "correction", "mutex-nope", "nope", "x/y"] {
            assert!(
                found.contains(expected),
                "{expected:?} not reported in:\n{found}"
            );
        }
    }

    #[test]
    fn bench_figures_quote_the_committed_median_and_asm_names_a_row() {
        let root = tempfile::tempdir().expect("a temporary folder");
        let results = root.path().join(BENCH_RESULTS);
        std::fs::create_dir_all(&results).expect("create results");
        let report = r#"{"rows": [{"rust_id": "spawn-one/x", "rust": {"median_ns": 39198.3}}]}"#;
        std::fs::write(results.join("m.json"), report).expect("write report");
        std::fs::write(
            results.join("asm-x86_64.md"),
            "| `fetch_add_relaxed` | `lock xadd` |\n",
        )
        .expect("write asm");
        let claims = |figure: &str, symbol: &str| {
            format!(
                r#"
                [[claim]]
                id = "a"
                section = "4. Mutexes"
                claim = "c"
                verdict = "holds"
                evidence = [{{ kind = "bench", id = "spawn-one/x", figure = "{figure}", note = "n" }},
                            {{ kind = "asm", symbol = "{symbol}", note = "n" }}]
                "#
            )
        };
        let catalog: Catalog = toml::from_str(CATALOG).expect("catalog");
        let check = |text: String| {
            let claims: Claims = toml::from_str(&text).expect("claims");
            claims
                .problems(&catalog, root.path())
                .expect("results read")
        };
        assert_eq!(
            check(claims("39.2 µs per thread", "fetch_add_relaxed")),
            Vec::<String>::new()
        );
        let wrong = check(claims("40 µs per thread", "fetch_add")).join("\n");
        assert!(wrong.contains("39.2 µs"), "{wrong}");
        assert!(wrong.contains("\"fetch_add\""), "{wrong}");
    }
}

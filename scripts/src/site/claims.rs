//! The claims page: `claims.toml` (the guide's claims, each with a verdict and its evidence) as
//! `claims.html`, grouped by the guide's sections. Evidence links inside the site wherever the
//! site has a page for it: a Rust example to its tab on the pattern page, a Go program to its
//! pattern page, a museum case to its museum page, a benchmark or a disassembly to the
//! benchmarks page; documentation links to its address. No `claims.toml`, no page.

use minijinja::{Value, context};
use serde::Serialize;

use crate::catalog::Catalog;
use crate::claims::{Claim, Claims, Evidence, Verdict};

use super::html::{inline, markdown};
use super::{Link, link};

/// The page's file, relative to the site's root.
pub const FILE: &str = "claims.html";

/// Which optional pages the site has, so evidence links only to pages that exist.
#[derive(Debug, Clone, Copy, Default)]
pub struct Targets {
    /// Every museum case of the catalog has a page under `museum/`.
    pub museum: bool,
    /// `benchmarks.html` exists.
    pub benchmarks: bool,
}

/// The claims page. The template reads each claim as `id`, `verdict` (its CSS key),
/// `verdict_label` (empty for a note, which carries no verdict badge), `claim_html` and
/// `correction_html` (Markdown as HTML), and `evidence`: each piece's `kind` and `kind_label`,
/// `href` (a page of the site, or an https address when `external`; none when the site has no
/// page for it), `title_html`, `detail` (a version, a figure, an example's crates) and
/// `note_html`.
#[derive(Debug, Serialize)]
pub struct ClaimsPage {
    pub total: usize,
    /// Each verdict's `verdict` (CSS key), `label` and `count`, in [`Verdict::ALL`]'s order.
    pub counts: Vec<Value>,
    /// One line: "57 claims: 20 hold, ...".
    pub summary: String,
    /// In the order each section first appears in `claims.toml`.
    pub sections: Vec<Section>,
    /// The project's own notes on the guide's fragments: not claims, not counted.
    pub notes: Vec<Value>,
}

/// The claims about one section of the guide.
#[derive(Debug, Serialize)]
pub struct Section {
    pub name: String,
    /// The section's anchor on the page: `section-<name as an anchor>`.
    pub id: String,
    /// The catalog's patterns for this section.
    pub patterns: Vec<Link>,
    pub claims: Vec<Value>,
}

/// The anchor of a section on the claims page.
pub fn section_id(name: &str) -> String {
    format!("section-{}", crate::chapter::anchor(name))
}

/// The catalog section a claim's `section` names, if it names one (not [`INTRODUCTION`]).
///
/// [`INTRODUCTION`]: crate::claims::INTRODUCTION
pub fn section_key<'a>(catalog: &'a Catalog, name: &str) -> Option<&'a str> {
    catalog.sections.iter().map(|s| s.key.as_str()).find(|key| *key == name)
}

/// Builds the page's context from the claims and the catalog; `targets` says which optional
/// pages exist.
pub fn page(claims: &Claims, catalog: &Catalog, targets: Targets) -> ClaimsPage {
    let counts = claims.counts();
    let total = claims.claims.len();
    // "1 holds", "2 hold"; "1 is wrong", "2 are wrong".
    let n = |i: usize, one: &str, many: &str| {
        format!("{} {}", counts[i], if counts[i] == 1 { one } else { many })
    };
    let summary = format!(
        "{total} claim{}: {}, {}, {}, {}",
        if total == 1 { "" } else { "s" },
        n(0, "holds", "hold"),
        n(1, "holds with a caveat", "hold with a caveat"),
        n(2, "is out of date", "are out of date"),
        n(3, "is wrong", "are wrong"),
    );
    let counts = Verdict::ALL
        .iter()
        .zip(counts)
        .map(|(v, count)| context! { verdict => v.key(), label => v.label(), count })
        .collect();
    let view = |c: &Claim, verdict_label| {
        let evidence: Vec<Value> =
            c.evidence.iter().map(|e| evidence(e, catalog, targets)).collect();
        context! {
            id => c.id.clone(), verdict => c.verdict.key(), verdict_label,
            claim_html => inline(c.claim.trim()),
            correction_html => match c.correction.trim() { "" => String::new(), text => markdown(text) },
            evidence,
        }
    };
    let mut sections: Vec<Section> = Vec::new();
    for c in &claims.claims {
        let id = section_id(&c.section);
        match sections.iter_mut().find(|s| s.id == id) {
            Some(s) => s.claims.push(view(c, c.verdict.label())),
            None => sections.push(Section {
                id,
                name: crate::claims::section_heading(catalog, &c.section),
                patterns: catalog
                    .chapters
                    .iter()
                    .filter(|p| p.section == c.section)
                    .map(|p| link(format!("{}.html", p.slug), &p.title, &p.takeaway))
                    .collect(),
                claims: vec![view(c, c.verdict.label())],
            }),
        }
    }
    // A note is not a claim: it carries no verdict badge.
    let notes = claims.notes.iter().map(|c| view(c, "")).collect();
    ClaimsPage { total, counts, summary, sections, notes }
}

fn evidence(e: &Evidence, catalog: &Catalog, targets: Targets) -> Value {
    // Text as inline code, HTML.
    let code = |text: &str| inline(&format!("`` {text} ``"));
    let benchmarks = || targets.benchmarks.then(|| "benchmarks.html".to_string());
    let (kind, kind_label, href, title_html, detail, note) = match e {
        Evidence::Example { name, note } => match name.strip_prefix("go:") {
            Some(slug) => {
                let href = catalog.chapter(slug).map(|p| format!("{}.html", p.slug));
                ("go", "Go program", href, code(&format!("go-reference/{slug}")), None, note)
            }
            None => {
                let found = catalog.examples().find(|(_, r)| r.example == *name);
                // The pattern page opens the tab whose panel has this id.
                let href = found.map(|(p, r)| format!("{}.html#{}", p.slug, r.example));
                let tier = found.map(|(_, r)| crate::chapter::tier_label(r));
                ("example", "Rust example", href, code(name), tier, note)
            }
        },
        Evidence::Mistake { case, note } => {
            let found = catalog.mistake(case);
            let href = found.filter(|_| targets.museum).map(|m| format!("museum/{}.html", m.case));
            let title = found.map_or_else(|| code(case), |m| inline(&m.title));
            ("mistake", "Museum case", href, title, None, note)
        }
        Evidence::Bench { id, figure, note } => {
            let figure = Some(figure.trim().to_string()).filter(|f| !f.is_empty());
            ("bench", "Benchmark", benchmarks(), code(id), figure, note)
        }
        Evidence::Asm { symbol, note } => {
            ("asm", "Disassembly", benchmarks(), code(symbol), None, note)
        }
        Evidence::Docs { title, version, url, note } => {
            let version = Some(version.clone()).filter(|v| !v.is_empty());
            ("docs", "Documentation", Some(url.clone()), inline(title), version, note)
        }
    };
    let external = matches!(e, Evidence::Docs { .. });
    let note_html = inline(note.trim());
    context! { kind, kind_label, href, external, title_html, detail, note_html }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLAIMS: &str = r#"
        [[claim]]
        id = "a"
        section = "mutex"
        claim = "A `Mutex<T>` owns its data."
        verdict = "holds"
        evidence = [{ kind = "example", name = "mutex-parking", note = "uses `lock()`" },
                    { kind = "example", name = "go:mutex", note = "n" }]

        [[claim]]
        id = "b"
        section = "introduction"
        claim = "c"
        verdict = "wrong"
        correction = "What is true instead, with <T> shown as text."
        evidence = [{ kind = "mistake", case = "forgot-unlock", note = "n" },
                    { kind = "bench", id = "mutex/uncontended", figure = "18 ns", note = "n" },
                    { kind = "asm", symbol = "probes::load", note = "n" },
                    { kind = "docs", title = "std::sync::Mutex", version = "Rust 1.88",
                      url = "https://doc.rust-lang.org/std/sync/struct.Mutex.html", note = "n" }]

        [[claim]]
        id = "c"
        section = "mutex"
        claim = "c"
        verdict = "caveat"
        correction = "A caveat, long enough."
        evidence = [{ kind = "example", name = "mutex", note = "n" }]
    "#;

    fn build(targets: Targets) -> ClaimsPage {
        let catalog = crate::fixture::catalog();
        let claims: Claims = toml::from_str(CLAIMS).expect("claims");
        page(&claims, &catalog, targets)
    }

    /// A field of a view, by its path (`evidence.0.kind`), as text; `None` when it is none.
    fn get(v: &Value, path: &str) -> String {
        let step = |v: Value, key: &str| match key.parse() {
            Ok(i) => v.get_item_by_index(i),
            Err(_) => v.get_attr(key),
        };
        path.split('.').try_fold(v.clone(), step).expect("the field exists").to_string()
    }

    /// One field of each piece of a claim's evidence.
    fn each(c: &Value, field: &str) -> Vec<String> {
        let evidence = c.get_attr("evidence").expect("evidence");
        evidence.try_iter().expect("a list").map(|e| get(&e, field)).collect()
    }

    #[test]
    fn groups_by_section_in_first_appearance_order_and_counts_verdicts() {
        let p = build(Targets::default());
        let names: Vec<&str> = p.sections.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["4. Mutexes", "Introduction"]);
        assert_eq!(p.sections[0].id, "section-mutex");
        let ids: Vec<String> = p.sections[0].claims.iter().map(|c| get(c, "id")).collect();
        assert_eq!(ids, ["a", "c"], "a section's claims stay together");
        assert_eq!(p.sections[0].patterns[0].href, "mutex.html");
        assert_eq!(section_key(&crate::fixture::catalog(), "mutex"), Some("mutex"));
        assert_eq!(section_key(&crate::fixture::catalog(), "introduction"), None);
        assert!(p.sections[1].patterns.is_empty());

        let counts: Vec<String> =
            p.counts.iter().map(|c| format!("{} {}", get(c, "verdict"), get(c, "count"))).collect();
        assert_eq!(counts, ["holds 1", "caveat 1", "out-of-date 0", "wrong 1"]);
        assert_eq!(p.total, 3);
        assert_eq!(
            p.summary,
            "3 claims: 1 holds, 1 holds with a caveat, 0 are out of date, 1 is wrong"
        );
    }

    #[test]
    fn renders_markdown_and_shows_raw_html_as_text() {
        let p = build(Targets::default());
        let a = &p.sections[0].claims[0];
        assert_eq!(get(a, "claim_html"), "A <code>Mutex&lt;T&gt;</code> owns its data.");
        assert_eq!(get(a, "verdict"), "holds");
        assert_eq!(get(a, "correction_html"), "");
        assert_eq!(get(a, "evidence.0.note_html"), "uses <code>lock()</code>");
        let b = &p.sections[1].claims[0];
        assert_eq!(get(b, "verdict_label"), "wrong");
        assert_eq!(
            get(b, "correction_html"),
            "<p>What is true instead, with &lt;T&gt; shown as text.</p>\n"
        );
        assert_eq!(get(b, "evidence.0.title_html"), "Forgetting <code>Unlock</code>");
    }

    #[test]
    fn evidence_links_inside_the_site_when_it_has_a_page() {
        let p = build(Targets::default());
        let a = &p.sections[0].claims[0];
        // A Rust example opens its tab; a Go program its pattern's page.
        assert_eq!(each(a, "href"), ["mutex.html#mutex-parking", "mutex.html"]);
        assert_eq!(get(a, "evidence.0.detail"), "crossbeam: parking_lot");
        assert_eq!(get(a, "evidence.1.kind"), "go");
        assert_eq!(get(a, "evidence.1.title_html"), "<code>go-reference/mutex</code>");

        // Without a museum or a benchmarks page, only the documentation links.
        let b = &p.sections[1].claims[0];
        assert_eq!(each(b, "kind"), ["mistake", "bench", "asm", "docs"]);
        assert_eq!(
            each(b, "href"),
            ["None", "None", "None", "https://doc.rust-lang.org/std/sync/struct.Mutex.html"]
        );
        assert_eq!(each(b, "external"), ["False", "False", "False", "True"]);
        assert_eq!(get(b, "evidence.1.detail"), "18 ns");
        assert_eq!(get(b, "evidence.3.detail"), "Rust 1.88");

        let p = build(Targets { museum: true, benchmarks: true });
        let b = &p.sections[1].claims[0];
        assert_eq!(
            each(b, "href")[..3],
            ["museum/forgot-unlock.html", "benchmarks.html", "benchmarks.html"]
        );
    }

    #[test]
    fn evidence_the_catalog_lacks_is_shown_without_a_link() {
        let catalog = crate::fixture::catalog();
        let claims: Claims = toml::from_str(
            r#"
            [[claim]]
            id = "x"
            section = "mutex"
            claim = "c"
            verdict = "holds"
            evidence = [{ kind = "example", name = "nope", note = "n" },
                        { kind = "example", name = "go:nope", note = "n" },
                        { kind = "mistake", case = "nope", note = "n" }]

            [[note]]
            id = "y"
            section = "mutex"
            claim = "c"
            verdict = "wrong"
            evidence = []
            "#,
        )
        .expect("claims");
        let p = page(&claims, &catalog, Targets { museum: true, benchmarks: true });
        let x = &p.sections[0].claims[0];
        assert_eq!(each(x, "href"), ["None", "None", "None"]);
        assert_eq!(get(x, "evidence.2.title_html"), "<code>nope</code>");
        // A note carries no verdict badge.
        assert_eq!(get(&p.notes[0], "verdict_label"), "");
    }
}

//! The claims page: `claims.toml` (the guide's claims, each with a verdict and its evidence) as
//! `claims.html`, grouped by the guide's sections. Evidence links inside the site wherever the
//! site has a page for it: a Rust example to its tab on the pattern page, a Go program to its
//! pattern page, a museum case to its museum page, a benchmark or a disassembly to the
//! benchmarks page; documentation links to its address. No `claims.toml`, no page.

use serde::Serialize;

use crate::catalog::Catalog;
use crate::claims::{Claims, Evidence, Verdict};

use super::html::{inline, prose};
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

/// The claims page.
#[derive(Debug, Serialize)]
pub struct ClaimsPage {
    pub total: usize,
    /// One per verdict, in the order holds, caveat, out of date, wrong (zeros included).
    pub counts: Vec<Count>,
    /// One line: "57 claims: 20 hold, ...".
    pub summary: String,
    /// In the order each section first appears in `claims.toml`.
    pub sections: Vec<Section>,
    /// The project's own notes on the guide's fragments: not claims, not counted.
    pub notes: Vec<ClaimView>,
}

/// How many claims got one verdict.
#[derive(Debug, Serialize)]
pub struct Count {
    /// The verdict's CSS key: `holds`, `caveat`, `out-of-date`, `wrong`.
    pub verdict: &'static str,
    pub label: &'static str,
    pub count: usize,
}

/// The claims about one section of the guide.
#[derive(Debug, Serialize)]
pub struct Section {
    pub name: String,
    /// The catalog section these claims are about, when there is one ([`section_key`]).
    pub key: Option<String>,
    /// The section's anchor on the page: `section-<name as an anchor>`.
    pub id: String,
    /// The catalog's patterns for this section.
    pub patterns: Vec<Link>,
    pub claims: Vec<ClaimView>,
}

/// One claim as the page shows it.
#[derive(Debug, Serialize)]
pub struct ClaimView {
    /// The claim's id: its anchor.
    pub id: String,
    /// The verdict's CSS key.
    pub verdict: &'static str,
    pub verdict_label: &'static str,
    /// The claim, inline HTML.
    pub claim_html: String,
    /// The correction as HTML paragraphs; empty when there is none.
    pub correction_html: String,
    pub evidence: Vec<EvidenceView>,
}

/// One piece of evidence.
#[derive(Debug, Serialize)]
pub struct EvidenceView {
    /// `example`, `go`, `mistake`, `bench`, `asm` or `docs`.
    pub kind: &'static str,
    /// What it is, in words: "Rust example", "Go program", ...
    pub kind_label: &'static str,
    /// Where it links: a page of the site (relative to its root) or, for documentation, an
    /// https address. None when the site has no page for it.
    pub href: Option<String>,
    /// True when `href` leaves the site.
    pub external: bool,
    /// Its name, inline HTML.
    pub title_html: String,
    /// A version, a measured figure or the crates an example uses.
    pub detail: Option<String>,
    /// Why it settles the claim, inline HTML.
    pub note_html: String,
}

/// The CSS key of a verdict, also used in class names (`v-holds`).
pub fn verdict_key(v: Verdict) -> &'static str {
    match v {
        Verdict::Holds => "holds",
        Verdict::Caveat => "caveat",
        Verdict::OutOfDate => "out-of-date",
        Verdict::Wrong => "wrong",
    }
}

/// The anchor of a section on the claims page.
pub fn section_id(name: &str) -> String {
    format!("section-{}", crate::chapter::anchor(name))
}

/// The catalog section a claim's `section` names: by key, by title, or by the guide's number
/// that opens it ("4. Mutexes" is the section with `guide = 4`).
pub fn section_key<'a>(catalog: &'a Catalog, name: &str) -> Option<&'a str> {
    let number: Option<u32> = name.split_once(". ").and_then(|(n, _)| n.parse().ok());
    let s = catalog
        .sections
        .iter()
        .find(|s| s.key == name || s.title == name || (number.is_some() && s.guide == number))?;
    Some(s.key.as_str())
}

/// Builds the page's context from the claims and the catalog; `targets` says which optional
/// pages exist.
pub fn page(claims: &Claims, catalog: &Catalog, targets: Targets) -> ClaimsPage {
    let counts: Vec<Count> = [Verdict::Holds, Verdict::Caveat, Verdict::OutOfDate, Verdict::Wrong]
        .into_iter()
        .map(|v| Count {
            verdict: verdict_key(v),
            label: v.label(),
            count: claims.claims.iter().filter(|c| c.verdict == v).count(),
        })
        .collect();
    let total = claims.claims.len();
    // "1 holds", "2 hold"; "1 is wrong", "2 are wrong".
    let n = |i: usize, one: &str, many: &str| {
        let k = counts[i].count;
        format!("{k} {}", if k == 1 { one } else { many })
    };
    let summary = format!(
        "{total} claim{}: {}, {}, {}, {}",
        if total == 1 { "" } else { "s" },
        n(0, "holds", "hold"),
        n(1, "holds with a caveat", "hold with a caveat"),
        n(2, "is out of date", "are out of date"),
        n(3, "is wrong", "are wrong"),
    );

    let view = |c: &crate::claims::Claim| ClaimView {
        id: c.id.clone(),
        verdict: verdict_key(c.verdict),
        verdict_label: c.verdict.label(),
        claim_html: inline(c.claim.trim()),
        correction_html: if c.correction.trim().is_empty() {
            String::new()
        } else {
            prose(&[c.correction.trim().to_string()])
        },
        evidence: c.evidence.iter().map(|e| evidence(e, catalog, targets)).collect(),
    };
    let mut sections: Vec<Section> = Vec::new();
    for c in &claims.claims {
        let id = section_id(&c.section);
        let key = section_key(catalog, &c.section);
        match sections.iter_mut().find(|s| s.id == id) {
            Some(s) => s.claims.push(view(c)),
            None => sections.push(Section {
                id,
                name: crate::claims::section_heading(catalog, &c.section),
                key: key.map(String::from),
                patterns: catalog
                    .chapters
                    .iter()
                    .filter(|p| Some(p.section.as_str()) == key)
                    .map(|p| link(format!("{}.html", p.slug), &p.title, &p.takeaway))
                    .collect(),
                claims: vec![view(c)],
            }),
        }
    }
    // A note is not a claim: it carries no verdict badge.
    let notes = claims.notes.iter().map(|c| ClaimView { verdict_label: "", ..view(c) }).collect();
    ClaimsPage { total, counts, summary, sections, notes }
}

/// Text as inline code, HTML.
fn code(text: &str) -> String {
    inline(&format!("`` {text} ``"))
}

fn evidence(e: &Evidence, catalog: &Catalog, targets: Targets) -> EvidenceView {
    let local =
        |kind, kind_label, href: Option<String>, title_html, detail, note: &str| EvidenceView {
            kind,
            kind_label,
            href,
            external: false,
            title_html,
            detail,
            note_html: inline(note.trim()),
        };
    match e {
        Evidence::Example { name, note } => match name.strip_prefix("go:") {
            Some(slug) => {
                let pattern = catalog.chapter(slug);
                let dir = pattern.map_or(slug, |p| p.slug.as_str());
                local(
                    "go",
                    "Go program",
                    pattern.map(|p| format!("{}.html", p.slug)),
                    code(&format!("go-reference/{dir}")),
                    None,
                    note,
                )
            }
            None => {
                let found = catalog.examples().find(|(_, r)| r.example == *name);
                local(
                    "example",
                    "Rust example",
                    // The pattern page opens the tab whose panel has this id.
                    found.map(|(p, r)| format!("{}.html#{}", p.slug, r.example)),
                    code(name),
                    found.map(|(_, r)| crate::chapter::tier_label(r)),
                    note,
                )
            }
        },
        Evidence::Mistake { case, note } => {
            let found = catalog.mistake(case);
            local(
                "mistake",
                "Museum case",
                found.filter(|_| targets.museum).map(|m| format!("museum/{}.html", m.case)),
                found.map_or_else(|| code(case), |m| inline(&m.title)),
                None,
                note,
            )
        }
        Evidence::Bench { id, figure, note } => local(
            "bench",
            "Benchmark",
            targets.benchmarks.then(|| "benchmarks.html".to_string()),
            code(id),
            Some(figure.trim().to_string()).filter(|f| !f.is_empty()),
            note,
        ),
        Evidence::Asm { symbol, note } => local(
            "asm",
            "Disassembly",
            targets.benchmarks.then(|| "benchmarks.html".to_string()),
            code(symbol),
            None,
            note,
        ),
        Evidence::Docs { title, version, url, note } => EvidenceView {
            external: true,
            ..local(
                "docs",
                "Documentation",
                Some(url.clone()),
                inline(title),
                Some(version.clone()).filter(|v| !v.is_empty()),
                note,
            )
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLAIMS: &str = r#"
        [[claim]]
        id = "a"
        section = "4. Mutexes"
        claim = "A `Mutex<T>` owns its data."
        verdict = "holds"
        evidence = [{ kind = "example", name = "mutex-parking", note = "uses `lock()`" },
                    { kind = "example", name = "go:mutex", note = "n" }]

        [[claim]]
        id = "b"
        section = "Introduction"
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
        section = "4. Mutexes"
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

    fn hrefs(c: &ClaimView) -> Vec<Option<&str>> {
        c.evidence.iter().map(|e| e.href.as_deref()).collect()
    }

    #[test]
    fn groups_by_section_in_first_appearance_order_and_counts_verdicts() {
        let p = build(Targets::default());
        let names: Vec<&str> = p.sections.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["4. Mutexes", "Introduction"]);
        assert_eq!(p.sections[0].id, "section-4-mutexes");
        let ids: Vec<&str> = p.sections[0].claims.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"], "a section's claims stay together");
        assert_eq!(p.sections[0].patterns[0].href, "mutex.html");
        assert_eq!(p.sections[0].key.as_deref(), Some("mutex"));
        assert_eq!(section_key(&crate::fixture::catalog(), "Channels"), Some("channels"));
        assert!(p.sections[1].patterns.is_empty());

        let counts: Vec<(&str, usize)> = p.counts.iter().map(|c| (c.verdict, c.count)).collect();
        assert_eq!(counts, [("holds", 1), ("caveat", 1), ("out-of-date", 0), ("wrong", 1)]);
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
        assert_eq!(a.claim_html, "A <code>Mutex&lt;T&gt;</code> owns its data.");
        assert_eq!(a.verdict, "holds");
        assert_eq!(a.correction_html, "");
        assert_eq!(a.evidence[0].note_html, "uses <code>lock()</code>");
        let b = &p.sections[1].claims[0];
        assert_eq!(b.verdict_label, "wrong");
        assert_eq!(
            b.correction_html,
            "<p>What is true instead, with &lt;T&gt; shown as text.</p>\n"
        );
        assert_eq!(b.evidence[0].title_html, "Forgetting <code>Unlock</code>");
    }

    #[test]
    fn evidence_links_inside_the_site_when_it_has_a_page() {
        let p = build(Targets::default());
        let a = &p.sections[0].claims[0];
        // A Rust example opens its tab; a Go program its pattern's page.
        assert_eq!(hrefs(a), [Some("mutex.html#mutex-parking"), Some("mutex.html")]);
        assert_eq!(a.evidence[0].detail.as_deref(), Some("crossbeam: parking_lot"));
        assert_eq!(a.evidence[1].kind, "go");
        assert_eq!(a.evidence[1].title_html, "<code>go-reference/mutex</code>");

        // Without a museum or a benchmarks page, only the documentation links.
        let b = &p.sections[1].claims[0];
        let kinds: Vec<&str> = b.evidence.iter().map(|e| e.kind).collect();
        assert_eq!(kinds, ["mistake", "bench", "asm", "docs"]);
        assert_eq!(
            hrefs(b),
            [None, None, None, Some("https://doc.rust-lang.org/std/sync/struct.Mutex.html")]
        );
        let external: Vec<bool> = b.evidence.iter().map(|e| e.external).collect();
        assert_eq!(external, [false, false, false, true]);
        assert_eq!(b.evidence[1].detail.as_deref(), Some("18 ns"));
        assert_eq!(b.evidence[3].detail.as_deref(), Some("Rust 1.88"));

        let p = build(Targets { museum: true, benchmarks: true });
        let b = &p.sections[1].claims[0];
        assert_eq!(
            hrefs(b)[..3],
            [Some("museum/forgot-unlock.html"), Some("benchmarks.html"), Some("benchmarks.html")]
        );
    }

    #[test]
    fn evidence_the_catalog_lacks_is_shown_without_a_link() {
        let catalog = crate::fixture::catalog();
        let claims: Claims = toml::from_str(
            r#"
            [[claim]]
            id = "x"
            section = "4. Mutexes"
            claim = "c"
            verdict = "holds"
            evidence = [{ kind = "example", name = "nope", note = "n" },
                        { kind = "example", name = "go:nope", note = "n" },
                        { kind = "mistake", case = "nope", note = "n" }]
            "#,
        )
        .expect("claims");
        let p = page(&claims, &catalog, Targets { museum: true, benchmarks: true });
        let x = &p.sections[0].claims[0];
        assert_eq!(hrefs(x), [None, None, None]);
        assert_eq!(x.evidence[2].title_html, "<code>nope</code>");
    }
}

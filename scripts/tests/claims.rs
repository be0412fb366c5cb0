//! claims.toml: every claim points to evidence that exists (chapters, examples and museum cases
//! in catalog.toml and on disk), benchmark figures (Rust, Go, ratios) agree with the committed
//! report, quotations are word for word in a pinned excerpt (claims/excerpts/), every verdict
//! but "holds" carries a correction, and CLAIMS.md is the page generated from it.

use xtask::catalog::Catalog;
use xtask::claims::{Claims, EXCERPTS, Excerpt, INTRODUCTION, NOTES_HEADING, Verdict, page};
use xtask::workspace_root;

fn load() -> (Claims, Catalog) {
    let root = workspace_root();
    let catalog = Catalog::load(&root).expect("catalog.toml loads");
    let claims = Claims::load(&root).expect("claims.toml loads");
    (claims, catalog)
}

#[test]
fn every_claim_has_existing_evidence_and_needed_corrections() {
    let (claims, catalog) = load();
    let problems = claims.problems(&catalog, &workspace_root()).expect("the evidence can be read");
    assert!(problems.is_empty(), "claims.toml:\n{}", problems.join("\n"));
}

#[test]
fn the_guide_is_covered() {
    // The guide has twelve numbered sections; each gets claims, and there are well over a
    // dozen. The section beyond the guide (no number) needs none.
    let (claims, catalog) = load();
    assert!(claims.claims.len() > 30, "only {} claims", claims.claims.len());
    let guide_sections: Vec<&str> =
        catalog.sections.iter().filter(|s| s.guide.is_some()).map(|s| s.key.as_str()).collect();
    assert_eq!(guide_sections.len(), 12, "the guide has twelve sections");
    for section in guide_sections {
        assert!(
            claims.claims.iter().any(|c| c.section == section),
            "no claim for the guide's section {section:?}"
        );
    }
    assert!(
        claims.claims.iter().any(|c| c.section == INTRODUCTION),
        "no claim for the guide's opening"
    );
    assert!(claims.claims.iter().any(|c| c.verdict == Verdict::Wrong));
}

#[test]
fn notes_are_listed_apart_from_the_claims() {
    // The project's findings about the guide's fragments are not claims the guide makes: the
    // page lists them last, under their own heading, and the counts leave them out.
    let (claims, catalog) = load();
    assert!(!claims.notes.is_empty(), "claims.toml has no [[note]]");
    let text = page(&claims, &catalog);
    let heading =
        text.find(&format!("## {NOTES_HEADING}")).expect("CLAIMS.md has the notes' heading");
    for c in &claims.claims {
        let at = text.find(&format!("<a id=\"{}\">", c.id)).expect("every claim's anchor");
        assert!(at < heading, "claim {:?} is listed among the notes", c.id);
    }
    for n in &claims.notes {
        let at = text.find(&format!("<a id=\"{}\">", n.id)).expect("every note's anchor");
        assert!(at > heading, "note {:?} is listed among the claims", n.id);
    }
    assert!(
        text.contains(&format!("{} claims", claims.claims.len())),
        "the count is of the claims alone"
    );
}

#[test]
fn every_pinned_excerpt_is_quoted() {
    // An excerpt no quotation needs is a copy nobody checks against: keep the folder to what
    // claims.toml quotes.
    let (claims, _) = load();
    let (excerpts, problems) =
        Excerpt::read_all(&workspace_root().join(EXCERPTS)).expect("the excerpts can be read");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let cited: Vec<(&str, &str)> = claims
        .all()
        .flat_map(|c| &c.evidence)
        .filter_map(|e| match e {
            xtask::claims::Evidence::Docs { url, version, note, .. } if note.contains('"') => {
                Some((url.as_str(), version.as_str()))
            }
            _ => None,
        })
        .collect();
    for e in &excerpts {
        assert!(
            cited.iter().any(|(url, version)| e.pins(url, version)),
            "{EXCERPTS}/{} pins a page that no quotation in claims.toml cites",
            e.file
        );
    }
}

#[test]
fn claims_page_is_current() {
    let (claims, catalog) = load();
    let on_disk = std::fs::read_to_string(workspace_root().join("CLAIMS.md")).unwrap_or_default();
    assert!(
        on_disk == page(&claims, &catalog),
        "CLAIMS.md differs from claims.toml: run `cargo xtask claims`"
    );
}

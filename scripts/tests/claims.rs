//! claims.toml: every claim points to evidence that exists, every verdict but "holds" carries a
//! correction, and CLAIMS.md is the page generated from it.

use xtask::catalog::Catalog;
use xtask::claims::{Claims, Verdict, page};
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
    let problems = claims
        .problems(&catalog, &workspace_root())
        .expect("the evidence can be read");
    assert!(problems.is_empty(), "claims.toml:\n{}", problems.join("\n"));
}

#[test]
fn the_guide_is_covered() {
    // The guide has twelve numbered sections; each gets claims, and there are well over a
    // dozen. Patterns beyond the guide (their section is not numbered) need none.
    let (claims, catalog) = load();
    assert!(
        claims.claims.len() > 30,
        "only {} claims",
        claims.claims.len()
    );
    let guide_sections: Vec<&str> = catalog
        .chapters
        .iter()
        .map(|p| p.section.as_str())
        .filter(|s| s.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    assert_eq!(guide_sections.len(), 12, "the guide has twelve sections");
    for section in guide_sections {
        assert!(
            claims.claims.iter().any(|c| c.section == section),
            "no claim for the guide's section {section:?}"
        );
    }
    assert!(claims.claims.iter().any(|c| c.verdict == Verdict::Wrong));
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

//! The site generator on the real catalog, without a browser: `cargo xtask site` builds into a
//! temporary folder, every chapter (and museum case, and the claims of claims.toml) gets a page
//! that the index links to, a chapter page shows its skipped steps, its Go file and its index
//! entries, and no page refers to anything outside the site but in a plain link to an https
//! address (documentation, the Rust Playground). The browser test
//! (scripts/browser-test/) checks the same pages in Chromium; this one runs wherever
//! `cargo test` does. Every build here shows the committed benchmark report
//! (`site::BENCH_REFERENCE`), never what a local `cargo xtask compare` left in target/.

use std::collections::BTreeSet;
use std::path::Path;

use xtask::catalog::Catalog;
use xtask::claims::Claims;
use xtask::{site, workspace_root};

/// A `href="..."` or `src="..."` value of a page.
struct Reference {
    /// The value, with the entities minijinja writes in attributes decoded.
    target: String,
    /// True when it is the `href` of an `<a>`: a link to follow, not a file the page loads.
    link: bool,
}

fn references(html: &str) -> Vec<Reference> {
    let mut out = Vec::new();
    for attr in [" href=\"", " src=\""] {
        let mut from = 0;
        while let Some(found) = html[from..].find(attr) {
            let at = from + found;
            let start = at + attr.len();
            let end = start + html[start..].find('"').expect("a closed attribute");
            let tag = &html[html[..at].rfind('<').expect("an attribute is in a tag")..at];
            out.push(Reference {
                target: html[start..end]
                    .replace("&#x2f;", "/")
                    .replace("&#x27;", "'")
                    .replace("&quot;", "\"")
                    .replace("&amp;", "&"),
                link: attr == " href=\"" && (tag == "<a" || tag.starts_with("<a ")),
            });
            from = end;
        }
    }
    out
}

/// The targets of a page's `<a href>` links.
fn links(html: &str) -> BTreeSet<String> {
    references(html).into_iter().filter(|r| r.link).map(|r| r.target).collect()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// Builds the site of the real catalog into `out`, with the committed benchmark report.
fn build(root: &Path, catalog: &Catalog, out: &Path) -> anyhow::Result<site::Built> {
    let reference = root.join(site::BENCH_REFERENCE);
    site::build(root, catalog, out, Some(&reference))
}

#[test]
fn every_pattern_gets_a_page_linked_from_the_index() {
    let root = workspace_root();
    let catalog = Catalog::load(&root).expect("catalog.toml loads");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("site");
    let built = build(&root, &catalog, &out).expect("the site builds");

    let index = read(&out.join("index.html"));
    let links = links(&index);
    for p in &catalog.chapters {
        let file = format!("{}.html", p.slug);
        assert!(built.pages.contains(&file), "no page for pattern {}", p.slug);
        assert!(links.contains(&file), "the index does not link to {file}");
        let page = read(&out.join(&file));
        assert!(
            page.contains(&format!("<h1>{}</h1>", html_escape(&p.title))),
            "{file} lacks its title"
        );
        for r in &p.rust {
            assert!(
                page.contains(&format!("id=\"tab-{}\"", r.example)),
                "{file} has no tab for {}",
                r.example
            );
        }
        // Every pattern has its checked output (tests/patterns.rs requires the file).
        let expected = read(&p.expected_file(&root));
        let first = expected
            .lines()
            .next()
            .unwrap_or_else(|| panic!("{} is empty", p.expected_file(&root).display()));
        assert!(page.contains(&html_escape(first)), "{file} does not show the checked output");
    }
    for m in &catalog.mistakes {
        let file = format!("museum/{}.html", m.case);
        assert!(built.pages.contains(&file), "no page for museum case {}", m.case);
        assert!(links.contains(&file), "the index does not link to {file}");
    }

    // Every page exists, and refers only to files inside the site; a page may link (never load
    // from) an https address.
    for page in &built.pages {
        let path = out.join(page);
        let html = read(&path);
        let dir = path.parent().expect("a page is in a folder");
        for Reference { target: r, link } in references(&html) {
            if link && r.starts_with("https://") {
                continue;
            }
            assert!(
                !r.contains("://") && !r.starts_with("//"),
                "{page} refers to {r}, outside the site"
            );
            let (file, anchor) = r.split_once('#').unwrap_or((&r, ""));
            if !file.is_empty() {
                assert!(dir.join(file).exists(), "{page} links to {r}, which is missing");
            }
            // An anchor on a page of the site names an element there.
            if !anchor.is_empty() {
                let target = if file.is_empty() { html.clone() } else { read(&dir.join(file)) };
                assert!(
                    target.contains(&format!("id=\"{anchor}\"")),
                    "{page} links to {r}, which has no element with that id"
                );
            }
        }
    }
    for asset in ["assets/style.css", "assets/highlight.css", "assets/site.js"] {
        assert!(out.join(asset).exists(), "{asset} was not written");
    }
}

#[test]
fn the_claims_page_has_every_claim_and_is_linked_from_the_index() {
    let root = workspace_root();
    assert!(root.join("claims.toml").exists(), "this repository has a claims.toml");
    let catalog = Catalog::load(&root).expect("catalog.toml loads");
    let claims = Claims::load(&root).expect("claims.toml loads");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("site");
    let built = build(&root, &catalog, &out).expect("the site builds");

    assert!(built.pages.contains(&"claims.html".to_string()));
    let page = read(&out.join("claims.html"));
    assert!(
        links(&read(&out.join("index.html"))).contains("claims.html"),
        "the index does not link to claims.html"
    );
    // Every page's top bar links to it.
    for p in &built.pages {
        let base = if p.starts_with("museum/") { "../" } else { "" };
        assert!(
            links(&read(&out.join(p))).contains(&format!("{base}claims.html")),
            "{p} has no link to the claims page in its top bar"
        );
    }
    let ids: Vec<&str> = claims.claims.iter().map(|c| c.id.as_str()).collect();
    for id in &ids {
        assert_eq!(
            page.matches(&format!("id=\"{id}\"")).count(),
            1,
            "claims.html needs exactly one element with id {id:?}"
        );
    }
    // Each section of the guide that has claims has an anchor, and the index points to it.
    let index_links = links(&read(&out.join("index.html")));
    for c in &claims.claims {
        let section = site::claims::section_id(&c.section);
        assert!(
            page.contains(&format!("id=\"{section}\"")),
            "claims.html has no anchor for section {:?}",
            c.section
        );
        if let Some(key) = site::claims::section_key(&catalog, &c.section)
            && catalog.chapters.iter().any(|p| p.section == key)
        {
            let href = format!("claims.html#{section}");
            assert!(index_links.contains(&href), "the index does not link to {href}");
        }
    }
    // Every claim shows its own verdict as a badge.
    for c in &claims.claims {
        let label = c.verdict.label();
        let at = page.find(&format!("id=\"{}\"", c.id)).expect("checked above");
        let end = at + page[at..].find("</article>").expect("a claim ends");
        assert!(
            page[at..end].contains(&format!("\">{label}</span>")),
            "claim {:?} shows no {label:?} badge",
            c.id
        );
    }
    // A claim's Rust example links to its tab on the pattern page.
    for (p, r) in catalog.examples() {
        let used = claims.claims.iter().any(|c| {
            c.evidence.iter().any(|e| {
                matches!(e, xtask::claims::Evidence::Example { name, .. } if *name == r.example)
            })
        });
        if used {
            let href = format!("{}.html#{}", p.slug, r.example);
            assert!(links(&page).contains(&href), "claims.html does not link to {href}");
        }
    }
}

#[test]
fn without_claims_toml_the_site_has_no_claims_page() {
    let root = workspace_root();
    let catalog = Catalog::load(&root).expect("catalog.toml loads");
    // A root with the catalog's programs missing and no claims.toml: the site still builds.
    let empty = tempfile::tempdir().expect("a temporary folder");
    let out = empty.path().join("site");
    let built = site::build(empty.path(), &catalog, &out, None).expect("the site builds");
    assert!(!built.pages.iter().any(|p| p == "claims.html"));
    assert!(!out.join("claims.html").exists());
    assert!(built.notes.iter().any(|n| n.contains("no claims.toml")), "{:?}", built.notes);
    for p in &built.pages {
        assert!(
            !read(&out.join(p)).contains("claims.html"),
            "{p} links to a claims page that does not exist"
        );
    }
}

#[test]
fn a_rebuild_replaces_the_site_but_never_empties_a_foreign_folder() {
    let root = workspace_root();
    let catalog = Catalog::load(&root).expect("catalog.toml loads");
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("precious.txt"), "keep me").expect("write");
    let err = build(&root, &catalog, dir.path()).expect_err("a foreign folder");
    assert!(err.to_string().contains("was not built by `cargo xtask site`"), "{err}");
    assert!(dir.path().join("precious.txt").exists());

    let out = dir.path().join("site");
    build(&root, &catalog, &out).expect("first build");
    std::fs::write(out.join("stale.html"), "old").expect("write");
    build(&root, &catalog, &out).expect("second build");
    assert!(!out.join("stale.html").exists(), "a rebuild leaves no stale pages");
}

#[test]
fn the_benchmarks_page_shows_the_report_it_is_given() {
    let root = workspace_root();
    let catalog = Catalog::load(&root).expect("catalog.toml loads");
    let reference = root.join(site::BENCH_REFERENCE);
    let report: compare::report::SavedReport =
        serde_json::from_str(&read(&reference)).expect("the committed report parses");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("site");
    let built = build(&root, &catalog, &out).expect("the site builds");
    assert!(built.pages.contains(&"benchmarks.html".to_string()));
    let page = read(&out.join("benchmarks.html"));
    assert!(
        page.contains(&html_escape(&report.header.machine.cpu)),
        "benchmarks.html does not name the reference run's CPU"
    );
    for row in &report.rows {
        assert!(
            page.contains(&html_escape(&row.flavour)),
            "benchmarks.html lacks the row {}",
            row.key
        );
    }
    assert!(
        links(&read(&out.join("index.html"))).contains("benchmarks.html"),
        "the index does not link to benchmarks.html"
    );

    // A report that is not one `cargo xtask compare` wrote fails the build, naming the file,
    // and leaves the site built before it alone.
    let bad = dir.path().join("report.json");
    std::fs::write(&bad, "{\"rows\": [").expect("write");
    let err = site::build(&root, &catalog, &out, Some(&bad)).expect_err("a half-written report");
    assert!(format!("{err:#}").contains("report.json"), "{err:#}");
    assert!(out.join("benchmarks.html").exists(), "a failed build emptied the site");

    // No report, no page, and a note saying so.
    let out = dir.path().join("site2");
    let built = site::build(&root, &catalog, &out, None).expect("the site builds");
    assert!(!out.join("benchmarks.html").exists());
    assert!(built.notes.iter().any(|n| n.contains("no benchmark report")), "{:?}", built.notes);
}

/// Text as minijinja's HTML auto-escaping writes it.
fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
        .replace('/', "&#x2f;")
}

#[test]
fn chapter_pages_show_skipped_steps_the_index_their_apis_and_their_go_file() {
    let root = workspace_root();
    let catalog = Catalog::load(&root).expect("catalog.toml loads");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("site");
    let built = build(&root, &catalog, &out).expect("the site builds");
    assert!(built.pages.contains(&"go-to-rust.html".to_string()));
    assert!(links(&read(&out.join("index.html"))).contains("go-to-rust.html"));
    let index = xtask::index::Index::load(&root, &catalog).ok();
    for c in &catalog.chapters {
        let Ok(go) = std::fs::read_to_string(c.go_file(&root)) else { continue };
        let page = read(&out.join(format!("{}.html", c.slug)));
        let go_file = format!("src/go-reference/{}/main.go", c.slug);
        assert!(links(&page).contains(&go_file), "{} does not link {go_file}", c.slug);
        assert_eq!(read(&out.join(&go_file)), go, "the site's copy of {go_file}");
        for r in &c.rust {
            let Ok(text) = std::fs::read_to_string(r.file(&root)) else { continue };
            for step in xtask::steps::parse(&text).into_iter().filter(|s| s.skip.is_some()) {
                let why = html_escape(step.skip.as_deref().unwrap_or_default());
                assert!(
                    page.contains(&why),
                    "{}: the skipped step {:?} is not shown",
                    r.example,
                    step.title
                );
            }
        }
        for e in index.iter().flat_map(|i| i.for_chapter(&c.slug)) {
            assert!(
                page.contains(&format!("href=\"{}\"", html_escape(&e.go_doc()))),
                "{}: no link for {}",
                c.slug,
                e.name
            );
        }
    }
}

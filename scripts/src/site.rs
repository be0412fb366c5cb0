//! `cargo xtask site`: a static site in `target/site/`, generated from the runnable sources.
//!
//! An index of every pattern, grouped by the guide's sections; one page per pattern with a row
//! per step (prose | Go | Rust), a tab per Rust translation and the checked output; the
//! museum of mistakes, the benchmark report (the one `build` is given) and the guide's claims
//! checked (`claims.toml`) when they exist. Everything a page needs is in
//! the folder: no CDN, web font or script from elsewhere, so it can be opened from disk,
//! served from localhost, or published as it is with GitHub Pages.
//!
//! Templates (minijinja) and assets live in `scripts/site/`; they are compiled in, so the
//! binary alone can build the site.

pub mod bench;
pub mod claims;
pub mod html;
pub mod museum;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use minijinja::value::Serde;
use minijinja::{Environment, Value};
use serde::Serialize;

use crate::catalog::{Catalog, Chapter};
use crate::highlight::Highlighter;
use crate::show::{self, Cell, Program, RowKind};

use self::html::Palette;

/// The file that marks a folder as built by this module, so a rebuild may empty it.
const MARKER: &str = ".xtask-site";

/// Where the site goes by default, relative to the workspace root.
pub const DEFAULT_OUT: &str = "target/site";
/// Where `cargo xtask compare` leaves its report, relative to the workspace root:
/// `cargo xtask site` shows it when it exists.
pub const BENCH_REPORT: &str = "target/compare/report.json";
/// The full run committed with the benchmarks (benches/README.md quotes it), which
/// `cargo xtask site` shows when this checkout has not run `cargo xtask compare` itself, and
/// the tests always build with.
pub const BENCH_REFERENCE: &str = "benches/results/amd-epyc-2core.json";

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../site/templates/base.html")),
    ("macros.html", include_str!("../site/templates/macros.html")),
    ("index.html", include_str!("../site/templates/index.html")),
    (
        "pattern.html",
        include_str!("../site/templates/pattern.html"),
    ),
    (
        "mistake.html",
        include_str!("../site/templates/mistake.html"),
    ),
    ("bench.html", include_str!("../site/templates/bench.html")),
    ("claims.html", include_str!("../site/templates/claims.html")),
];

const ASSETS: &[(&str, &str)] = &[
    ("assets/style.css", include_str!("../site/assets/style.css")),
    ("assets/site.js", include_str!("../site/assets/site.js")),
    (
        "assets/favicon.svg",
        include_str!("../site/assets/favicon.svg"),
    ),
];

/// What a build wrote.
#[derive(Debug, Default)]
pub struct Built {
    /// Every HTML page, relative to the output folder, index first.
    pub pages: Vec<String>,
    /// Things a reader of the build log should know: files the catalog names that do not
    /// exist yet, optional inputs that were absent.
    pub notes: Vec<String>,
}

/// Builds the site for `catalog` (read from `root`) into `out`, with a benchmarks page from the
/// `cargo xtask compare` report at `bench_report` (which must exist and parse), or none.
pub fn build(
    root: &Path,
    catalog: &Catalog,
    out: &Path,
    bench_report: Option<&Path>,
) -> Result<Built> {
    // The report first: a bad one fails the build before the old site is emptied.
    let bench = bench_report.map(bench::load).transpose()?;
    prepare_out(out)?;
    let highlighter = Highlighter::new()?;
    let env = environment()?;
    let mut palette = Palette::default();
    let mut built = Built::default();

    let mistakes = museum::load(root, catalog, &highlighter, &mut palette);
    if bench.is_none() {
        built.notes.push(
            "no benchmark report: the site has no benchmarks page (run `cargo xtask compare` first)"
                .to_string(),
        );
    }
    let claims_page = if root.join("claims.toml").exists() {
        let list = crate::claims::Claims::load(root)?;
        let targets = claims::Targets {
            museum: !mistakes.is_empty(),
            benchmarks: bench.is_some(),
        };
        Some(claims::page(&list, catalog, targets))
    } else {
        built
            .notes
            .push("no claims.toml: the site has no claims page".to_string());
        None
    };
    let nav = Nav {
        museum: !mistakes.is_empty(),
        benchmarks: bench.is_some(),
        claims: claims_page.is_some(),
    };

    // One page per pattern.
    let mut index_sections: Vec<IndexSection> = Vec::new();
    for (i, p) in catalog.chapters.iter().enumerate() {
        let page = pattern_page(root, catalog, i, &highlighter, &mut palette, &mistakes);
        for t in &page.translations {
            if t.file.missing {
                built
                    .notes
                    .push(format!("{}: {} does not exist yet", p.slug, t.file.path));
            }
        }
        if page.go.missing {
            built
                .notes
                .push(format!("{}: {} does not exist yet", p.slug, page.go.path));
        }
        let entry = IndexEntry {
            slug: p.slug.clone(),
            href: format!("{}.html", p.slug),
            title: p.title.clone(),
            takeaway: p.takeaway.clone(),
            translations: page
                .translations
                .iter()
                .map(|t| format!("{} ({})", t.id, t.crates))
                .collect(),
        };
        match index_sections.iter_mut().find(|s| s.name == p.section) {
            Some(s) => s.patterns.push(entry),
            None => index_sections.push(IndexSection {
                name: p.section.clone(),
                patterns: vec![entry],
                claims: claims_page.as_ref().and_then(|c| {
                    let s = c.sections.iter().find(|s| s.name == p.section)?;
                    let n = s.claims.len();
                    Some(Link {
                        href: format!("{}#{}", claims::FILE, s.id),
                        title: format!("The guide's claims about this section, checked ({n})"),
                        note: String::new(),
                    })
                }),
            }),
        }
        let file = format!("{}.html", p.slug);
        render_to(
            &env,
            "pattern.html",
            out,
            &file,
            Ctx {
                base: "",
                nav,
                page: &page,
            },
        )?;
        built.pages.push(file);
    }

    // The museum.
    for m in &mistakes {
        let file = format!("museum/{}.html", m.case);
        render_to(
            &env,
            "mistake.html",
            out,
            &file,
            Ctx {
                base: "../",
                nav,
                page: m,
            },
        )?;
        built.pages.push(file);
    }

    // The benchmarks.
    if let Some(report) = &bench {
        let file = "benchmarks.html".to_string();
        render_to(
            &env,
            "bench.html",
            out,
            &file,
            Ctx {
                base: "",
                nav,
                page: report,
            },
        )?;
        built.pages.push(file);
    }

    // The guide's claims.
    if let Some(page) = &claims_page {
        let file = claims::FILE.to_string();
        render_to(
            &env,
            "claims.html",
            out,
            &file,
            Ctx {
                base: "",
                nav,
                page,
            },
        )?;
        built.pages.push(file);
    }

    // The index, which links to everything above.
    let index = IndexPage {
        sections: index_sections,
        mistakes: mistakes
            .iter()
            .map(|m| Link {
                href: format!("museum/{}.html", m.case),
                title: m.title.clone(),
                note: m.verdict.clone(),
            })
            .collect(),
        benchmarks: bench.as_ref().map(|b| b.summary.clone()),
        claims: claims_page.as_ref().map(|c| c.summary.clone()),
    };
    render_to(
        &env,
        "index.html",
        out,
        "index.html",
        Ctx {
            base: "",
            nav,
            page: &index,
        },
    )?;
    built.pages.insert(0, "index.html".to_string());

    for (path, text) in ASSETS {
        write(out, path, text)?;
    }
    write(out, "assets/highlight.css", &palette.css())?;
    // GitHub Pages serves the folder as it is, without Jekyll.
    write(out, ".nojekyll", "")?;
    Ok(built)
}

/// Makes `out` an empty folder for the site, refusing to empty a folder it did not build.
fn prepare_out(out: &Path) -> Result<()> {
    if out.exists() {
        let ours = out.join(MARKER).exists();
        let empty = std::fs::read_dir(out)
            .with_context(|| format!("reading {}", out.display()))?
            .next()
            .is_none();
        if !ours && !empty {
            bail!(
                "{} exists and was not built by `cargo xtask site`; choose an empty or new folder",
                out.display()
            );
        }
        std::fs::remove_dir_all(out).with_context(|| format!("emptying {}", out.display()))?;
    }
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    write(
        out,
        MARKER,
        "Built by `cargo xtask site`; the next build empties this folder.\n",
    )
}

fn write(out: &Path, rel: &str, text: &str) -> Result<()> {
    let path = out.join(rel);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))
}

fn environment() -> Result<Environment<'static>> {
    let mut env = Environment::new();
    for (name, source) in TEMPLATES {
        env.add_template(name, source)
            .with_context(|| format!("template {name}"))?;
    }
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    Ok(env)
}

fn render_to<T: Serialize>(
    env: &Environment<'_>,
    template: &str,
    out: &Path,
    file: &str,
    ctx: Ctx<'_, T>,
) -> Result<()> {
    let html = env
        .get_template(template)?
        .render(Value::from(Serde(&ctx)))
        .with_context(|| format!("rendering {file} from {template}"))?;
    write(out, file, &html)
}

/// What every template gets: the path back to the site's root, what the top bar links to,
/// and the page's own data.
#[derive(Serialize)]
struct Ctx<'a, T> {
    base: &'a str,
    nav: Nav,
    page: &'a T,
}

#[derive(Debug, Clone, Copy, Serialize)]
struct Nav {
    museum: bool,
    benchmarks: bool,
    claims: bool,
}

#[derive(Debug, Serialize)]
struct IndexPage {
    sections: Vec<IndexSection>,
    mistakes: Vec<Link>,
    benchmarks: Option<String>,
    /// The claims page's one-line summary, when there is one.
    claims: Option<String>,
}

#[derive(Debug, Serialize)]
struct IndexSection {
    name: String,
    patterns: Vec<IndexEntry>,
    /// The claims page's part about this section, when it has one.
    claims: Option<Link>,
}

#[derive(Debug, Serialize)]
struct IndexEntry {
    slug: String,
    href: String,
    title: String,
    takeaway: String,
    translations: Vec<String>,
}

/// A link with a line of text.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub href: String,
    pub title: String,
    pub note: String,
}

/// A source file as a page shows it.
#[derive(Debug, Serialize)]
pub struct FileView {
    pub path: String,
    /// The command that runs it, from the workspace root.
    pub command: String,
    /// True when the catalog names the file but it is not written yet.
    pub missing: bool,
    /// The whole file, highlighted.
    pub html: String,
    pub lines: usize,
}

impl FileView {
    pub fn new(prog: &Program, command: String, palette: &mut Palette) -> FileView {
        FileView {
            path: prog.path.clone(),
            command,
            missing: prog.text.is_none(),
            html: html::code(&prog.lines, palette),
            lines: prog.lines.len(),
        }
    }
}

#[derive(Debug, Serialize)]
struct PatternPage {
    slug: String,
    number: usize,
    title: String,
    section: String,
    takeaway: String,
    prev: Option<Link>,
    next: Option<Link>,
    go: FileView,
    expected_path: String,
    expected: Option<String>,
    translations: Vec<Translation>,
    /// Museum cases that this pattern's examples fix.
    mistakes: Vec<Link>,
}

#[derive(Debug, Serialize)]
struct Translation {
    /// The example's name, also the tab's id.
    id: String,
    crates: String,
    tier: String,
    file: FileView,
    rows: Vec<RowView>,
}

#[derive(Debug, Serialize)]
struct RowView {
    id: String,
    kind: &'static str,
    heading: String,
    /// "Rust only" or "Go only" for a step one side lacks.
    only: Option<&'static str>,
    /// One line saying what a setup or rest row is.
    blurb: Option<&'static str>,
    go: CellView,
    rust: CellView,
}

#[derive(Debug, Serialize)]
struct CellView {
    present: bool,
    prose: String,
    code: String,
}

fn cell_view(cell: &Cell, palette: &mut Palette) -> CellView {
    CellView {
        present: cell.present,
        prose: if cell.prose.is_empty() {
            String::new()
        } else {
            html::prose(&cell.prose)
        },
        code: html::code(&cell.code, palette),
    }
}

fn link_to(p: &Chapter) -> Link {
    Link {
        href: format!("{}.html", p.slug),
        title: p.title.clone(),
        note: p.section.clone(),
    }
}

fn pattern_page(
    root: &Path,
    catalog: &Catalog,
    i: usize,
    highlighter: &Highlighter,
    palette: &mut Palette,
    mistakes: &[museum::MistakePage],
) -> PatternPage {
    let p = &catalog.chapters[i];
    let go = Program::go(root, p, Some(highlighter));
    let expected = std::fs::read_to_string(p.expected_file(root)).ok();
    let mut translations = Vec::new();
    // The primary translation first: it is the tab a reader lands on.
    let mut order: Vec<_> = p.rust.iter().collect();
    order.sort_by_key(|r| r.example != p.primary().example);
    for r in order {
        let rust = Program::rust(root, r, Some(highlighter));
        let rows = show::rows(&go, &rust)
            .into_iter()
            .map(|row| {
                let (kind, blurb) = match row.kind {
                    RowKind::Header => ("about", None),
                    RowKind::Setup => (
                        "setup",
                        Some("The code before the first step: package or crate imports, types, and the start of main."),
                    ),
                    RowKind::Step(_) => ("step", None),
                    RowKind::Rest => (
                        "rest",
                        Some("The code after the last step: closing braces and helper functions."),
                    ),
                };
                let only = match (row.kind, row.go.present, row.rust.present) {
                    (RowKind::Step(_), false, true) => Some("Rust only"),
                    (RowKind::Step(_), true, false) => Some("Go only"),
                    _ => None,
                };
                RowView {
                    id: format!("{}--{}", r.example, row.anchor()),
                    kind,
                    heading: row.heading(),
                    only,
                    blurb,
                    go: cell_view(&row.go, palette),
                    rust: cell_view(&row.rust, palette),
                }
            })
            .collect();
        translations.push(Translation {
            id: r.example.clone(),
            crates: show::crates_label(r),
            tier: r.tier.to_string(),
            file: FileView::new(&rust, format!("cargo run --example {}", r.example), palette),
            rows,
        });
    }
    let examples: Vec<&str> = p.rust.iter().map(|r| r.example.as_str()).collect();
    PatternPage {
        slug: p.slug.clone(),
        number: i + 1,
        title: p.title.clone(),
        section: p.section.clone(),
        takeaway: p.takeaway.clone(),
        prev: i.checked_sub(1).map(|j| link_to(&catalog.chapters[j])),
        next: catalog.chapters.get(i + 1).map(link_to),
        go: FileView::new(
            &go,
            format!("cd go-reference && go run ./{}", p.slug),
            palette,
        ),
        expected_path: show::rel_path(root, &p.expected_file(root)),
        expected,
        translations,
        mistakes: mistakes
            .iter()
            .filter(|m| {
                m.fixed_by
                    .iter()
                    .any(|f| examples.contains(&f.title.as_str()))
            })
            .map(|m| Link {
                href: format!("museum/{}.html", m.case),
                title: m.title.clone(),
                note: m.verdict.clone(),
            })
            .collect(),
    }
}

/// The output folder for `--out`, defaulting to `target/site` under the workspace root.
pub fn out_dir(root: &Path, out: Option<PathBuf>) -> PathBuf {
    out.unwrap_or_else(|| root.join(DEFAULT_OUT))
}

/// Counts pages per kind, for the one-line summary the verb prints.
pub fn summary(built: &Built) -> String {
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for p in &built.pages {
        let kind = if p == "index.html" {
            "index"
        } else if p.starts_with("museum/") {
            "museum"
        } else if p == "benchmarks.html" {
            "benchmarks"
        } else if p == claims::FILE {
            "claims"
        } else {
            "patterns"
        };
        *kinds.entry(kind).or_default() += 1;
    }
    let parts: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
    format!("{} pages ({})", built.pages.len(), parts.join(", "))
}

/// `cargo xtask site`'s arguments.
#[derive(Debug, clap::Args)]
pub struct SiteArgs {
    /// The folder to write; it is emptied first when an earlier build made it.
    /// Default: target/site in the workspace.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// The `cargo xtask compare` report (report.json) the benchmarks page shows.
    /// Default: target/compare/report.json when it exists, else the committed
    /// benches/results/amd-epyc-2core.json.
    #[arg(long, value_name = "PATH")]
    pub bench_report: Option<PathBuf>,
}

/// The report `--bench-report` defaults to: this checkout's last `cargo xtask compare` when
/// there is one, else the committed reference run, else none.
pub fn default_bench_report(root: &Path) -> Option<PathBuf> {
    [BENCH_REPORT, BENCH_REFERENCE]
        .into_iter()
        .map(|rel| root.join(rel))
        .find(|path| path.exists())
}

/// Runs `cargo xtask site`: builds the site and says what it wrote.
pub fn run(root: &Path, catalog: &Catalog, args: &SiteArgs) -> Result<()> {
    let out = out_dir(root, args.out.clone());
    let started = std::time::Instant::now();
    let bench_report = args
        .bench_report
        .clone()
        .or_else(|| default_bench_report(root));
    match &bench_report {
        Some(path) => println!("benchmark report: {}", path.display()),
        None => println!("benchmark report: none (neither {BENCH_REPORT} nor {BENCH_REFERENCE})"),
    }
    let built = build(root, catalog, &out, bench_report.as_deref())?;
    for note in &built.notes {
        eprintln!("note: {note}");
    }
    println!(
        "wrote {} to {} in {:.1?}; open {}",
        summary(&built),
        out.display(),
        started.elapsed(),
        out.join("index.html").display()
    );
    Ok(())
}

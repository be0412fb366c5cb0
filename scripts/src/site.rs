//! `cargo xtask site`: a static site in `target/site/`, the HTML view of the chapter model
//! ([`crate::chapter`]). An index of the chapters under their sections; a page per chapter
//! (each step's prose above its Go and Rust code, a tab per translation, skipped steps as
//! "nothing to do in Rust", the checked output, the page note, the Go → Rust APIs it uses,
//! previous and next); `go-to-rust.html` (index.toml); the museum, the benchmarks and the
//! guide's claims when they exist; a search box over chapter titles and Go names. Nothing is
//! fetched from elsewhere: the folder works from disk, from localhost or on GitHub Pages.
//!
//! Every page is a minijinja template (`scripts/site/templates/`, compiled in) with HTML
//! auto-escaping; Rust code builds only data.

pub mod bench;
pub mod claims;
pub mod html;
pub mod museum;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment, Value};
use serde::Serialize;

use crate::catalog::{Catalog, Chapter};
use crate::chapter::{self, Cell, Program, rel_path, tier_label};
use crate::highlight::Highlighter;
use crate::index::{Counterpart, Entry, Index};

use self::html::{CodeLine, Palette};

/// The file that marks a folder as built by this module, so a rebuild may empty it.
const MARKER: &str = ".xtask-site";
/// Where the site goes by default, relative to the workspace root.
pub const DEFAULT_OUT: &str = "target/site";
/// Where `cargo xtask compare` leaves its report: the site shows it with `--local-bench`.
pub const BENCH_REPORT: &str = "target/compare/report.json";
/// The full run committed with the benchmarks (benches/README.md quotes it): what the site
/// shows unless told otherwise.
pub const BENCH_REFERENCE: &str = "benches/results/xeon-2core-full.json";

macro_rules! files {
    ($dir:literal: $($name:literal),*) => {
        &[$(($name, include_str!(concat!("../site/", $dir, "/", $name)))),*]
    };
}
const TEMPLATES: &[(&str, &str)] = files!("templates": "base.html", "macros.html", "index.html",
    "chapter.html", "go-to-rust.html", "mistake.html", "bench.html", "claims.html",
    "claims.md");
const ASSETS: &[(&str, &str)] = files!("assets": "style.css", "site.js", "favicon.svg");

/// The templates, with HTML escaping for `.html` and none for Markdown.
pub fn environment() -> Result<Environment<'static>> {
    let mut env = Environment::new();
    // Before the templates are added: each one's escaping is fixed when it is compiled.
    env.set_auto_escape_callback(|name| match name.rsplit('.').next() {
        Some("html") => AutoEscape::Html,
        _ => AutoEscape::None,
    });
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    for (name, source) in TEMPLATES {
        env.add_template(name, source).with_context(|| format!("template {name}"))?;
    }
    Ok(env)
}

/// A Markdown template rendered: the tools' own data always renders, so a failure is a bug.
pub fn render_md(template: &str, ctx: Value) -> String {
    environment()
        .and_then(|env| Ok(env.get_template(template)?.render(ctx)?))
        .unwrap_or_else(|e| panic!("the {template} template renders: {e:?}"))
}

/// What a build wrote.
#[derive(Debug, Default)]
pub struct Built {
    /// Every HTML page, relative to the output folder, index first.
    pub pages: Vec<String>,
    /// What a reader of the build log should know: files not written yet, inputs absent.
    pub notes: Vec<String>,
}

/// A link with a line of text.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub href: String,
    pub title: String,
    pub note: String,
}

fn link(href: String, title: &str, note: &str) -> Link {
    Link { href, title: title.into(), note: note.into() }
}

/// What every page's frame shows: the top bar's links, the chapters by section, and the
/// index's search entries.
#[derive(Debug, Serialize)]
struct Nav {
    museum: bool,
    benchmarks: bool,
    claims: bool,
    sections: Vec<NavSection>,
}

#[derive(Debug, Serialize)]
struct NavSection {
    id: String,
    title: String,
    chapters: Vec<Link>,
    /// The claims page's part about this section.
    claims: Option<Link>,
}

/// What every template gets.
#[derive(Serialize)]
struct Ctx<'a, T> {
    /// The path back to the site's root.
    base: &'a str,
    nav: &'a Nav,
    page: &'a T,
}

/// A source file as a page shows it.
#[derive(Debug, Serialize)]
pub struct FileView {
    pub path: String,
    /// The command that runs it, from the workspace root.
    pub command: String,
    /// True when the catalog names the file but it is not written yet.
    pub missing: bool,
    pub code: Vec<CodeLine>,
}

impl FileView {
    pub fn new(prog: &Program, command: String, palette: &mut Palette) -> FileView {
        FileView {
            path: prog.path.clone(),
            command,
            missing: prog.text.is_none(),
            code: html::code(&prog.lines, palette),
        }
    }
}

#[derive(Debug, Serialize)]
struct ChapterPage {
    slug: String,
    title: String,
    section: Link,
    takeaway: String,
    /// The takeaway as inline HTML (it may hold `code`).
    takeaway_html: String,
    prev: Option<Link>,
    next: Option<Link>,
    go: FileView,
    expected_path: String,
    expected: Option<String>,
    /// The page note (go-reference/<slug>/README.md) as HTML.
    note: Option<String>,
    apis: Vec<EntryView>,
    translations: Vec<Translation>,
    /// Museum cases this chapter's translations rule out.
    mistakes: Vec<Link>,
}

#[derive(Debug, Serialize)]
struct Translation {
    /// The example's name, also the tab's id.
    id: String,
    tier: String,
    file: FileView,
    /// A Rust Playground link carrying the program, when the Playground has its crates.
    playground: Option<String>,
    rows: Vec<RowView>,
}

#[derive(Debug, Serialize)]
struct RowView {
    id: String,
    kind: &'static str,
    heading: String,
    only: Option<&'static str>,
    go: CellView,
    rust: CellView,
}

#[derive(Debug, Serialize)]
struct CellView {
    /// `missing`, `absent`, `skipped` or `written`.
    state: &'static str,
    /// The reason of a skipped step.
    reason: String,
    /// Prose as HTML.
    prose: String,
    code: Vec<CodeLine>,
}

fn cell_view(cell: &Cell, palette: &mut Palette) -> CellView {
    let view = |state, reason: &str| CellView {
        state,
        reason: reason.into(),
        prose: String::new(),
        code: Vec::new(),
    };
    match cell {
        Cell::Missing => view("missing", ""),
        Cell::Absent => view("absent", ""),
        Cell::Skipped(why) => view("skipped", why),
        Cell::Written { prose, code } => CellView {
            prose: if prose.is_empty() { String::new() } else { html::prose(prose) },
            code: html::code(code, palette),
            ..view("written", "")
        },
    }
}

/// An index entry as the pages show it.
#[derive(Debug, Serialize)]
struct EntryView {
    id: String,
    name: String,
    go_doc: String,
    /// (tier, its APIs linked to their documentation, or why it has none).
    tiers: Vec<(&'static str, Vec<Link>, Option<String>)>,
    chapters: Vec<Link>,
}

fn entry_views<'a>(entries: impl Iterator<Item = &'a Entry>, catalog: &Catalog) -> Vec<EntryView> {
    let mut ids: Vec<String> = Vec::new();
    entries
        .map(|e| {
            let mut id = format!("go-{}", chapter::anchor(&e.name));
            while ids.contains(&id) {
                id.push('-');
            }
            ids.push(id.clone());
            let tiers = e
                .tiers()
                .into_iter()
                .map(|(tier, c)| {
                    let none = match c {
                        Counterpart::None { none } => Some(none.clone()),
                        _ => None,
                    };
                    (tier, c.apis().iter().map(|a| link(a.doc.clone(), &a.api, "")).collect(), none)
                })
                .collect();
            let chapters = e
                .chapters
                .iter()
                .filter_map(|s| catalog.chapter(s))
                .map(|c| link(format!("{}.html", c.slug), &c.title, ""))
                .collect();
            EntryView { id, name: e.name.clone(), go_doc: e.go_doc(), tiers, chapters }
        })
        .collect()
}

#[derive(Debug, Serialize)]
struct IndexPage {
    mistakes: Vec<Link>,
    benchmarks: Option<String>,
    claims: Option<String>,
    go_names: usize,
}

/// One entry of the search box: what matches, what the result says, where it goes.
#[derive(Debug, Serialize)]
struct SearchItem {
    title: String,
    note: String,
    href: String,
    /// More words that find it: a Go name's Rust counterparts.
    terms: String,
}

/// Builds the site into `out`, with a benchmarks page from the `cargo xtask compare` report at
/// `bench_report` (which must exist and parse), or none.
pub fn build(
    root: &Path,
    catalog: &Catalog,
    out: &Path,
    bench_report: Option<&Path>,
) -> Result<Built> {
    // The report first: a bad one fails the build before the old site is emptied.
    let bench = bench_report.map(|p| bench::load(root, p)).transpose()?;
    prepare_out(out)?;
    let highlighter = Highlighter::new()?;
    let env = environment()?;
    let mut palette = Palette::default();
    let (mut pages, mut notes) = (Vec::new(), Vec::new());
    let mut note = |n: String| notes.push(n);
    let index = match Index::load(root, catalog) {
        Ok(index) => index,
        Err(e) => {
            note(format!("no Go → Rust index: {e:#}"));
            Index { entries: Vec::new() }
        }
    };
    let mistakes = museum::load(root, catalog, &highlighter, &mut palette);
    if bench.is_none() {
        note("no benchmark report: the site has no benchmarks page".into());
    }
    let claims_page = if root.join("claims.toml").exists() {
        let list = crate::claims::Claims::load(root)?;
        let targets = claims::Targets { museum: !mistakes.is_empty(), benchmarks: bench.is_some() };
        Some(claims::page(&list, catalog, targets))
    } else {
        note("no claims.toml: the site has no claims page".into());
        None
    };
    let nav = Nav {
        museum: !mistakes.is_empty(),
        benchmarks: bench.is_some(),
        claims: claims_page.is_some(),
        sections: catalog
            .grouped()
            .into_iter()
            .map(|(s, chapters)| NavSection {
                id: format!("section-{}", s.key),
                title: s.title.clone(),
                chapters: chapters
                    .iter()
                    .map(|c| link(format!("{}.html", c.slug), &c.title, &html::inline(&c.takeaway)))
                    .collect(),
                claims: claims_page.as_ref().and_then(|p| {
                    let cs = p.sections.iter().find(|cs| cs.key.as_deref() == Some(&s.key))?;
                    let title = format!(
                        "The guide's claims about {}, checked ({})",
                        s.title,
                        cs.claims.len()
                    );
                    Some(link(format!("{}#{}", claims::FILE, cs.id), &title, ""))
                }),
            })
            .collect(),
    };
    let mut render = |template: &str, file: &str, ctx: Value| -> Result<()> {
        let html = env
            .get_template(template)?
            .render(ctx)
            .with_context(|| format!("rendering {file} from {template}"))?;
        write(out, file, &html)?;
        pages.push(file.to_string());
        Ok(())
    };

    let index_page = IndexPage {
        mistakes: mistakes
            .iter()
            .map(|m| link(format!("museum/{}.html", m.case), &m.title, &m.verdict))
            .collect(),
        benchmarks: bench.as_ref().map(|b| b.summary.clone()),
        claims: claims_page.as_ref().map(|c| c.summary.clone()),
        go_names: index.entries.len(),
    };
    render("index.html", "index.html", ctx("", &nav, &index_page))?;
    let mut search = Vec::new();
    for (i, c) in catalog.chapters.iter().enumerate() {
        let page = chapter_page(root, catalog, &index, i, &highlighter, &mut palette, &mistakes);
        for f in std::iter::once(&page.go).chain(page.translations.iter().map(|t| &t.file)) {
            if f.missing {
                notes.push(format!("{}: {} does not exist yet", c.slug, f.path));
            } else {
                copy_source(root, out, &f.path)?;
            }
        }
        if page.expected.is_some() {
            copy_source(root, out, &page.expected_path)?;
        }
        search.push(SearchItem {
            title: c.title.clone(),
            note: page.section.title.clone(),
            href: format!("{}.html", c.slug),
            terms: c.slug.clone(),
        });
        render("chapter.html", &format!("{}.html", c.slug), ctx("", &nav, &page))?;
    }
    let entries = entry_views(index.entries.iter(), catalog);
    for e in &entries {
        let apis = e.tiers.iter().flat_map(|(_, apis, _)| apis.iter().map(|a| a.title.as_str()));
        let terms = apis.collect::<Vec<_>>().join(" ");
        for c in &e.chapters {
            search.push(SearchItem {
                title: e.name.clone(),
                note: c.title.clone(),
                href: c.href.clone(),
                terms: terms.clone(),
            });
        }
    }
    render("go-to-rust.html", "go-to-rust.html", ctx("", &nav, &entries))?;
    for m in &mistakes {
        render("mistake.html", &format!("museum/{}.html", m.case), ctx("../", &nav, m))?;
    }
    if let Some(report) = &bench {
        render("bench.html", "benchmarks.html", ctx("", &nav, report))?;
        if root.join("benches/README.md").exists() {
            copy_source(root, out, "benches/README.md")?;
        }
    }
    if let Some(page) = &claims_page {
        render("claims.html", claims::FILE, ctx("", &nav, page))?;
    }
    for (name, text) in ASSETS {
        write(out, &format!("assets/{name}"), text)?;
    }
    let search = serde_json::to_string(&search)?;
    write(out, "assets/search-index.js", &format!("window.SEARCH_INDEX = {search};\n"))?;
    write(out, "assets/highlight.css", &palette.css())?;
    // GitHub Pages serves the folder as it is, without Jekyll.
    write(out, ".nojekyll", "")?;
    Ok(Built { pages, notes })
}

/// A page and its frame as a template's context.
fn ctx<T: Serialize>(base: &str, nav: &Nav, page: &T) -> Value {
    Value::from(Serde(&Ctx { base, nav, page }))
}

/// Copies a source file into the site under `src/`, where its page links to it.
fn copy_source(root: &Path, out: &Path, rel: &str) -> Result<()> {
    let text = std::fs::read_to_string(root.join(rel)).with_context(|| format!("reading {rel}"))?;
    write(out, &format!("src/{rel}"), &text)
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
    write(out, MARKER, "Built by `cargo xtask site`; the next build empties this folder.\n")
}

fn write(out: &Path, rel: &str, text: &str) -> Result<()> {
    let path = out.join(rel);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))
}

fn chapter_link(c: &Chapter, catalog: &Catalog) -> Link {
    link(format!("{}.html", c.slug), &c.title, &catalog.section_of(c).title)
}

fn chapter_page(
    root: &Path,
    catalog: &Catalog,
    index: &Index,
    i: usize,
    highlighter: &Highlighter,
    palette: &mut Palette,
    mistakes: &[museum::MistakePage],
) -> ChapterPage {
    let c = &catalog.chapters[i];
    let go = Program::go(root, c, Some(highlighter));
    // The primary translation first: it is the tab a reader lands on.
    let mut order: Vec<_> = c.rust.iter().collect();
    order.sort_by_key(|r| r.example != c.primary().example);
    let translations = order
        .into_iter()
        .map(|r| {
            let rust = Program::rust(root, r, Some(highlighter));
            let rows = chapter::rows(&go, &rust)
                .into_iter()
                .map(|row| RowView {
                    id: format!("{}--{}", r.example, row.anchor()),
                    kind: row.kind.key(),
                    heading: row.heading(),
                    only: row.only(),
                    go: cell_view(&row.go, palette),
                    rust: cell_view(&row.rust, palette),
                })
                .collect();
            Translation {
                id: r.example.clone(),
                tier: tier_label(r),
                playground: rust
                    .text
                    .as_deref()
                    .filter(|_| chapter::on_playground(r))
                    .map(chapter::playground_url),
                file: FileView::new(&rust, format!("cargo run --example {}", r.example), palette),
                rows,
            }
        })
        .collect();
    let examples: Vec<&str> = c.rust.iter().map(|r| r.example.as_str()).collect();
    let section = catalog.section_of(c);
    let note = std::fs::read_to_string(c.note_file(root)).ok();
    ChapterPage {
        slug: c.slug.clone(),
        title: c.title.clone(),
        section: link(format!("index.html#section-{}", section.key), &section.title, ""),
        takeaway: c.takeaway.clone(),
        takeaway_html: html::inline(&c.takeaway),
        prev: i.checked_sub(1).map(|j| chapter_link(&catalog.chapters[j], catalog)),
        next: catalog.chapters.get(i + 1).map(|n| chapter_link(n, catalog)),
        go: FileView::new(&go, format!("cd go-reference && go run ./{}", c.slug), palette),
        expected_path: rel_path(root, &c.expected_file(root)),
        expected: std::fs::read_to_string(c.expected_file(root)).ok(),
        note: note.map(|n| html::prose(&n.lines().map(String::from).collect::<Vec<_>>())),
        apis: entry_views(
            index.used_by(&c.slug, go.text.as_deref().unwrap_or("")).into_iter(),
            catalog,
        ),
        translations,
        mistakes: mistakes
            .iter()
            .filter(|m| m.fixed_by.iter().any(|f| examples.contains(&f.title.as_str())))
            .map(|m| link(format!("museum/{}.html", m.case), &m.title, &m.verdict))
            .collect(),
    }
}

/// `cargo xtask site`'s arguments.
#[derive(Debug, clap::Args)]
pub struct SiteArgs {
    /// The folder to write; it is emptied first when an earlier build made it.
    /// Default: target/site in the workspace.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// The `cargo xtask compare` report (report.json) the benchmarks page shows.
    /// Default: the committed full run, benches/results/xeon-2core-full.json.
    #[arg(long, value_name = "PATH", conflicts_with = "local_bench")]
    pub bench_report: Option<PathBuf>,
    /// Show this checkout's last `cargo xtask compare` run (target/compare/report.json)
    /// instead of the committed one.
    #[arg(long)]
    pub local_bench: bool,
}

/// Runs `cargo xtask site`: builds the site and says what it wrote.
pub fn run(root: &Path, catalog: &Catalog, args: &SiteArgs) -> Result<()> {
    let out = args.out.clone().unwrap_or_else(|| root.join(DEFAULT_OUT));
    let started = std::time::Instant::now();
    let report = match (&args.bench_report, args.local_bench) {
        (Some(path), _) => Some(path.clone()),
        (None, true) if !root.join(BENCH_REPORT).exists() => {
            bail!("--local-bench: no {BENCH_REPORT}; run `cargo xtask compare` first")
        }
        (None, true) => Some(root.join(BENCH_REPORT)),
        (None, false) => Some(root.join(BENCH_REFERENCE)).filter(|p| p.exists()),
    };
    match &report {
        Some(path) => println!("benchmark report: {}", path.display()),
        None => println!("benchmark report: none ({BENCH_REFERENCE} is missing)"),
    }
    let built = build(root, catalog, &out, report.as_deref())?;
    for note in &built.notes {
        eprintln!("note: {note}");
    }
    println!(
        "wrote {} pages to {} in {:.1?}; open {}",
        built.pages.len(),
        out.display(),
        started.elapsed(),
        out.join("index.html").display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_go_to_rust_page_links_every_name_and_api_or_says_why_not() {
        let catalog = crate::fixture::catalog();
        let index = crate::fixture::index();
        let views = entry_views(index.entries.iter(), &catalog);
        let nav = Nav { museum: false, benchmarks: false, claims: false, sections: Vec::new() };
        let html = environment()
            .unwrap()
            .get_template("go-to-rust.html")
            .unwrap()
            .render(Value::from(Serde(&Ctx { base: "", nav: &nav, page: &views })))
            .unwrap();
        assert!(
            html.contains(
                "<a class=\"go-name\" href=\"https:&#x2f;&#x2f;pkg.go.dev&#x2f;sync#Mutex\""
            ),
            "{html}"
        );
        assert!(html.contains("<code>close(ch)</code>") && html.contains("id=\"go-close-ch\""));
        assert!(
            html.contains(
                "<span class=\"none\">dropping the last Sender closes the channel</span>"
            )
        );
        assert!(html.contains("<code>tokio::sync::mpsc::Receiver::close</code>"));
        assert!(html.contains(
            "<a href=\"channels.html\">Channels</a>, <a href=\"spawn.html\">Spawning</a>"
        ));
        let mutex: Vec<&str> = index.for_chapter("mutex").map(|e| e.name.as_str()).collect();
        assert_eq!(mutex, ["sync.Mutex"]);
    }
}

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
use minijinja::{AutoEscape, Environment, Value, context};
use serde::Serialize;

use crate::catalog::{Catalog, Chapter, Mistake, RustExample};
use crate::chapter::{self, Cell, Program, rel_path, tier_label};
use crate::highlight::{Highlighter, Lang};
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
pub const BENCH_REFERENCE: &str = "benches/results/epyc-zen4-2core-full.json";

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

/// One side of a row as the template reads it: its `state` (`missing`, `absent`, `skipped`
/// or `written`), a skipped step's `reason`, a written one's `prose` (HTML) and `code`.
fn cell_view(cell: &Cell, palette: &mut Palette) -> Value {
    match cell {
        Cell::Missing => context! { state => "missing" },
        Cell::Absent => context! { state => "absent" },
        Cell::Skipped(reason) => context! { state => "skipped", reason },
        Cell::Written { prose, code } => context! {
            state => "written",
            prose => if prose.is_empty() { String::new() } else { html::markdown(&prose.join("\n")) },
            code => Serde(html::code(code, palette)),
        },
    }
}

/// Index entries as the pages show them: each one's `id` (its anchor), `name`, `go_doc`, its
/// `tiers` as (tier, its APIs linked to their documentation, or why it has none), and the
/// `chapters` that teach it.
fn entry_views<'a>(entries: impl Iterator<Item = &'a Entry>, catalog: &Catalog) -> Vec<Value> {
    let mut ids: Vec<String> = Vec::new();
    entries
        .map(|e| {
            let mut id = format!("go-{}", chapter::anchor(&e.name));
            while ids.contains(&id) {
                id.push('-');
            }
            ids.push(id.clone());
            let tiers = e.tiers().map(|(tier, c)| {
                let apis: Vec<Link> =
                    c.apis().iter().map(|a| link(a.doc.clone(), &a.api, "")).collect();
                let none =
                    if let Counterpart::None { none } = c { Some(none.clone()) } else { None };
                (tier, apis, none)
            });
            let chapters: Vec<Link> = e
                .chapters
                .iter()
                .filter_map(|s| catalog.chapter(s))
                .map(|c| link(page_of(c), &c.title, ""))
                .collect();
            context! {
                id, name => e.name.as_str(), go_doc => e.go_doc(), tiers => Serde(tiers),
                chapters => Serde(chapters),
            }
        })
        .collect()
}

/// A chapter's page, relative to the site's root.
fn page_of(c: &Chapter) -> String {
    format!("{}.html", c.slug)
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
    let index = Index::load(root, catalog).unwrap_or_else(|e| {
        notes.push(format!("no Go → Rust index: {e:#}"));
        Index { entries: Vec::new() }
    });
    let museum: Vec<Value> = catalog
        .mistakes
        .iter()
        .map(|m| museum::page(root, catalog, m, &highlighter, &mut palette))
        .collect();
    if bench.is_none() {
        notes.push("no benchmark report: the site has no benchmarks page".into());
    }
    let claims_page = if root.join("claims.toml").exists() {
        let list = crate::claims::Claims::load(root)?;
        let targets = claims::Targets { museum: !museum.is_empty(), benchmarks: bench.is_some() };
        Some(claims::page(&list, catalog, targets))
    } else {
        notes.push("no claims.toml: the site has no claims page".into());
        None
    };
    let section_claims = |key: &str, title: &str| {
        let cs =
            claims_page.as_ref()?.sections.iter().find(|cs| cs.id == claims::section_id(key))?;
        let title = format!("The guide's claims about {title}, checked ({})", cs.claims.len());
        Some(link(format!("{}#{}", claims::FILE, cs.id), &title, ""))
    };
    let sections: Vec<Value> = catalog
        .grouped()
        .into_iter()
        .map(|(s, chapters)| {
            let chapters: Vec<Link> = chapters
                .iter()
                .map(|c| link(page_of(c), &c.title, &html::inline(&c.takeaway)))
                .collect();
            context! {
                id => format!("section-{}", s.key), title => s.title.as_str(),
                chapters => Serde(chapters), claims => Serde(section_claims(&s.key, &s.title)),
            }
        })
        .collect();
    // What every page's frame shows: the top bar's links, the chapters by section.
    let nav = context! {
        museum => !museum.is_empty(), benchmarks => bench.is_some(),
        claims => claims_page.is_some(), sections,
    };
    let mut render = |template: &str, file: &str, base: &str, page: Value| -> Result<()> {
        let html = env
            .get_template(template)?
            .render(context! { base, nav => nav.clone(), page })
            .with_context(|| format!("rendering {file} from {template}"))?;
        write(out, file, &html)?;
        pages.push(file.to_string());
        Ok(())
    };

    let museum_links: Vec<Link> = catalog.mistakes.iter().map(museum::link_to).collect();
    let index_page = context! {
        mistakes => Serde(&museum_links),
        benchmarks => bench.as_ref().map(|b| b.summary.clone()),
        claims => claims_page.as_ref().map(|c| c.summary.clone()),
        go_names => index.entries.len(),
    };
    render("index.html", "index.html", "", index_page)?;
    let mut search = Vec::new();
    for (i, c) in catalog.chapters.iter().enumerate() {
        let load = |file: &Path, lang| Program::load(root, file, lang, Some(&highlighter));
        let go = load(&c.go_file(root), Lang::Go);
        let mut rust: Vec<_> =
            c.rust.iter().map(|r| (r, load(&r.file(root), Lang::Rust))).collect();
        // The primary translation first: it is the tab a reader lands on.
        rust.sort_by_key(|(r, _)| r.example != c.primary().example);
        for p in std::iter::once(&go).chain(rust.iter().map(|(_, p)| p)) {
            if p.text.is_none() {
                notes.push(format!("{}: {} does not exist yet", c.slug, p.path));
            } else {
                copy_source(root, out, &p.path)?;
            }
        }
        if c.expected_file(root).exists() {
            copy_source(root, out, &rel_path(root, &c.expected_file(root)))?;
        }
        search.push(search_item(&c.title, &catalog.section_of(c).title, &page_of(c), &c.slug));
        let page = chapter_page(root, catalog, &index, i, (&go, &rust), &mut palette);
        render("chapter.html", &page_of(c), "", page)?;
    }
    for e in &index.entries {
        let terms = e.apis().map(|(_, a)| a.api.as_str()).collect::<Vec<_>>().join(" ");
        for c in e.chapters.iter().filter_map(|s| catalog.chapter(s)) {
            search.push(search_item(&e.name, &c.title, &page_of(c), &terms));
        }
    }
    let entries = entry_views(index.entries.iter(), catalog);
    render("go-to-rust.html", "go-to-rust.html", "", Serde(&entries).into())?;
    for (m, page) in catalog.mistakes.iter().zip(museum) {
        render("mistake.html", &format!("museum/{}.html", m.case), "../", page)?;
    }
    if let Some(report) = &bench {
        render("bench.html", "benchmarks.html", "", Serde(report).into())?;
        if root.join("benches/README.md").exists() {
            copy_source(root, out, "benches/README.md")?;
        }
    }
    if let Some(page) = &claims_page {
        render("claims.html", claims::FILE, "", Serde(page).into())?;
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

/// One entry of the search box: what matches, what the result says, where it goes, and more
/// words that find it (a Go name's Rust counterparts).
fn search_item(title: &str, note: &str, href: &str, terms: &str) -> serde_json::Value {
    serde_json::json!({ "title": title, "note": note, "href": href, "terms": terms })
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

/// A chapter's page: the chapter's `slug`, `title`, `section`, `takeaway` (and
/// `takeaway_html`), `prev` and `next`; the Go program (`go`), and each translation, primary
/// first, as a tab: its `id` (the example's name), `tier`, `file`, `playground` (a Rust Playground
/// link carrying the program, when the Playground has its crates) and `rows` (of
/// [`chapter::rows`], each side a [`cell_view`]); the checked output (`expected`, at
/// `expected_path`), the page `note` as HTML, the index entries it uses (`apis`), and the museum
/// cases its translations rule out (`mistakes`).
fn chapter_page(
    root: &Path,
    catalog: &Catalog,
    index: &Index,
    i: usize,
    (go, rust): (&Program, &[(&RustExample, Program)]),
    palette: &mut Palette,
) -> Value {
    let c = &catalog.chapters[i];
    let translations: Vec<Value> = rust
        .iter()
        .map(|(r, p)| {
            let rows: Vec<Value> = chapter::rows(go, p)
                .into_iter()
                .map(|row| {
                    context! {
                        id => format!("{}--{}", r.example, row.anchor),
                        kind => row.kind,
                        only => row.only(),
                        heading => row.heading,
                        go => cell_view(&row.go, palette),
                        rust => cell_view(&row.rust, palette),
                    }
                })
                .collect();
            let playground = p
                .text
                .as_deref()
                .filter(|_| chapter::on_playground(r))
                .map(chapter::playground_url);
            let file = Serde(FileView::new(p, r.command(), palette));
            context! { id => r.example.as_str(), tier => tier_label(r), rows, playground, file }
        })
        .collect();
    let section = catalog.section_of(c);
    let section = link(format!("index.html#section-{}", section.key), &section.title, "");
    let chapter_link = |c: &Chapter| link(page_of(c), &c.title, &catalog.section_of(c).title);
    let prev = i.checked_sub(1).map(|j| chapter_link(&catalog.chapters[j]));
    let next = catalog.chapters.get(i + 1).map(chapter_link);
    let go_view = FileView::new(go, format!("cd go-reference && {}", c.go_command()), palette);
    let apis =
        entry_views(index.used_by(&c.slug, go.text.as_deref().unwrap_or("")).into_iter(), catalog);
    let fixes = |m: &&Mistake| m.fixed_by.iter().any(|f| c.rust.iter().any(|r| r.example == *f));
    let mistakes: Vec<Link> = catalog.mistakes.iter().filter(fixes).map(museum::link_to).collect();
    context! {
        slug => c.slug.as_str(), title => c.title.as_str(), section => Serde(section),
        takeaway => c.takeaway.as_str(), takeaway_html => html::inline(&c.takeaway),
        prev => Serde(prev), next => Serde(next), go => Serde(go_view),
        expected_path => rel_path(root, &c.expected_file(root)),
        expected => std::fs::read_to_string(c.expected_file(root)).ok(),
        note => std::fs::read_to_string(c.note_file(root)).ok().map(|n| html::markdown(&n)),
        apis, translations, mistakes => Serde(mistakes),
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
    /// Default: the committed full run, benches/results/epyc-zen4-2core-full.json.
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
        let sections: Vec<Value> = Vec::new();
        let nav = context! { museum => false, benchmarks => false, claims => false, sections };
        let html = environment()
            .unwrap()
            .get_template("go-to-rust.html")
            .unwrap()
            .render(context! { base => "", nav, page => views })
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

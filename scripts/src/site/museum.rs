//! The museum of mistakes on the site: for each `[[mistake]]` in the catalog, the Go program
//! and the report Go's tools give at run time, beside the Rust program and rustc's error.
//! With no `[[mistake]]` entries the site simply has no museum.

use std::path::Path;

use minijinja::context;
use minijinja::value::{Serde, Value};

use crate::catalog::{Catalog, GoCheck, Mistake};
use crate::chapter::{Program, rel_path};
use crate::highlight::{Highlighter, Lang};

use super::html::{Palette, markdown};
use super::{FileView, Link, link};

/// When Go reports it: "before it runs" for go vet, else "at run time".
fn go_when(m: &Mistake) -> &'static str {
    if m.go_check == GoCheck::Vet { "before it runs" } else { "at run time" }
}

/// One line: who catches the mistake, and when. It comes from the same field the museum
/// test checks (`rustc`): an error with or without a code is a rejection; only "compiles" is
/// not.
pub fn verdict(m: &Mistake) -> String {
    let go = match m.go_check.reporter() {
        Some(tool) => format!("Go: {tool}, {}.", go_when(m)),
        None => "Go: no tool reports it; only the program's own output shows it.".into(),
    };
    if m.must_not_compile() {
        format!("{go} Rust: rustc rejects it ({}), at compile time.", m.rustc)
    } else {
        format!("{go} Rust: compiles too; see how Rust programs avoid it.")
    }
}

/// A link to a case's page, from the site's root, with its [`verdict`].
pub fn link_to(m: &Mistake) -> Link {
    link(format!("museum/{}.html", m.case), &m.title, &verdict(m))
}

/// A museum case's page: its `title`, `lesson` (and `lesson_html`) and [`verdict`]; the
/// programs (`go`, `rust`); what reports the bug in Go (`go_tool`: "the race detector", "the Go
/// runtime", "go vet"; none when no tool does and `go_report` is the program's own output),
/// `go_when`, and `go_report`, the line of Go's report that the test suite checks for (the page
/// says it is a line, not the whole report); `rustc_error`, what rustc rejects the program
/// with (its error code, or the first line of an error that has none; none when it compiles),
/// and trybuild's record of it (`rustc_stderr`, at `rustc_stderr_path`); `fixed_by`, the
/// chapter examples that do it right.
pub fn page(
    root: &Path,
    catalog: &Catalog,
    m: &Mistake,
    highlighter: &Highlighter,
    palette: &mut Palette,
) -> Value {
    let program = |file: &Path, lang| Program::load(root, file, lang, Some(highlighter));
    let go_command = format!("cd go-reference && {}", m.go_command());
    let go = FileView::new(&program(&m.go_file(root), Lang::Go), go_command, palette);
    let rust_command = format!("cargo xtask museum {}", m.case);
    let rust = FileView::new(&program(&m.rust_file(root), Lang::Rust), rust_command, palette);
    let fixed_by: Vec<_> = m
        .fixed_by
        .iter()
        .map(|ex| {
            let slug = catalog.chapter_of_example(ex).map_or("", |c| c.slug.as_str());
            link(format!("../{slug}.html#{ex}"), ex, &format!("cargo run --example {ex}"))
        })
        .collect();
    let stderr_file = m.stderr_file(root);
    context! {
        title => m.title.as_str(), lesson => m.lesson.as_str(), lesson_html => markdown(&m.lesson),
        verdict => verdict(m), go => Serde(go), go_tool => m.go_check.reporter(),
        go_when => go_when(m), go_report => m.go_report.as_str(), rust => Serde(rust),
        rustc_error => m.must_not_compile().then(|| m.rustc.clone()),
        rustc_stderr => std::fs::read_to_string(&stderr_file).ok(),
        rustc_stderr_path => rel_path(root, &stderr_file), fixed_by => Serde(fixed_by),
    }
}

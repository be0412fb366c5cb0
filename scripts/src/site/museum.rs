//! The museum of mistakes on the site: for each `[[mistake]]` in the catalog, the Go program
//! and the report Go's tools give at run time, beside the Rust program and rustc's error.
//! With no `[[mistake]]` entries the site simply has no museum.

use std::path::Path;

use serde::Serialize;

use crate::catalog::{Catalog, GoCheck};
use crate::chapter::{Program, rel_path};
use crate::highlight::{Highlighter, Lang};

use super::html::Palette;
use super::{FileView, Link, link};

/// One museum page.
#[derive(Debug, Serialize)]
pub struct MistakePage {
    pub case: String,
    pub title: String,
    pub lesson: String,
    /// The lesson as HTML (it may hold `code`).
    pub lesson_html: String,
    /// One line: who catches the mistake, and when.
    pub verdict: String,
    pub go: FileView,
    /// What reports it: "the race detector", "the runtime", "go vet"; None when no tool does
    /// and the line is the program's own output.
    pub go_tool: Option<&'static str>,
    /// "before it runs" for go vet, else "at run time".
    pub go_when: &'static str,
    /// The line of Go's report that the catalog gives (`go_report`) and the test suite checks
    /// the report for; the page says it is a line, not the whole report.
    pub go_report: String,
    pub rust: FileView,
    /// What rustc rejects the program with: its error code, or the first line of an error that
    /// has none. None when the program compiles.
    pub rustc_error: Option<String>,
    /// rustc's error as trybuild records it, when the `.stderr` file exists.
    pub rustc_stderr: Option<String>,
    pub rustc_stderr_path: String,
    /// The pattern examples that do it right; `title` is the example's name.
    pub fixed_by: Vec<Link>,
}

/// Every museum case in the catalog, in catalog order.
pub fn load(
    root: &Path,
    catalog: &Catalog,
    highlighter: &Highlighter,
    palette: &mut Palette,
) -> Vec<MistakePage> {
    catalog
        .mistakes
        .iter()
        .map(|m| {
            let load = |file: std::path::PathBuf, lang| {
                Program::load(root, &rel_path(root, &file), lang, Some(highlighter))
            };
            let (go, rust) = (load(m.go_file(root), Lang::Go), load(m.rust_file(root), Lang::Rust));
            let when = match m.go_check {
                GoCheck::Vet => "before it runs",
                _ => "at run time",
            };
            // The verdict comes from the same field the museum test checks (`rustc`): an error
            // with or without a code is a rejection; only "compiles" is not.
            let go_side = match m.go_check.reporter() {
                Some(tool) => format!("Go: {tool}, {when}."),
                None => "Go: no tool reports it; only the program's own output shows it.".into(),
            };
            let rustc_error = m.must_not_compile().then(|| m.rustc.clone());
            let verdict = match &rustc_error {
                Some(error) => {
                    format!("{go_side} Rust: rustc rejects it ({error}), at compile time.")
                }
                None => format!("{go_side} Rust: compiles too; see how Rust programs avoid it."),
            };
            let fixed_by = m
                .fixed_by
                .iter()
                .map(|ex| {
                    let slug = catalog.chapter_of_example(ex).map_or("", |c| c.slug.as_str());
                    link(format!("../{slug}.html#{ex}"), ex, &format!("cargo run --example {ex}"))
                })
                .collect();
            let stderr_file = m.stderr_file(root);
            MistakePage {
                case: m.case.clone(),
                title: m.title.clone(),
                lesson: m.lesson.clone(),
                lesson_html: super::html::prose(std::slice::from_ref(&m.lesson)),
                verdict,
                go: FileView::new(&go, format!("cd go-reference && {}", m.go_command()), palette),
                go_tool: m.go_check.reporter(),
                go_when: when,
                go_report: m.go_report.clone(),
                rust: FileView::new(&rust, format!("cargo xtask museum {}", m.case), palette),
                rustc_error,
                rustc_stderr: std::fs::read_to_string(&stderr_file).ok(),
                rustc_stderr_path: rel_path(root, &stderr_file),
                fixed_by,
            }
        })
        .collect()
}

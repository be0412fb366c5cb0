//! `cargo xtask show <slug> [--rust <example>]`: a Go program and one Rust translation in two
//! columns, lined up on their `// ## <title>` steps, with the pattern's checked output below.
//!
//! The rows (what goes beside what) are built here once and rendered twice: by [`render`] for
//! the terminal and by the `site` module as HTML.

use std::fmt::Write as _;
use std::path::Path;

use anstyle::{Effects, RgbColor, Style};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::align::{self, Split};
use crate::catalog::{Catalog, Chapter, RustExample};
use crate::highlight::{self, Highlighter, Lang, Line, Token, Tone};

/// Tabs are shown four columns wide, as gofmt'd code usually is on the web.
pub const TAB: usize = 4;

/// One source file, read, split into steps and highlighted.
#[derive(Debug, Clone)]
pub struct Program {
    /// The path relative to the workspace root, with `/` separators.
    pub path: String,
    pub lang: Lang,
    /// The file's text, or None when the catalog names a file that is not written yet.
    pub text: Option<String>,
    pub split: Split,
    /// Every line of the file, highlighted, tabs expanded.
    pub lines: Vec<Line>,
}

impl Program {
    /// Reads `rel` under `root`. A missing file gives a program with no text, so a pattern
    /// whose translations are still being written can be shown with what exists.
    pub fn load(root: &Path, rel: &str, lang: Lang, highlighter: Option<&Highlighter>) -> Program {
        let text = std::fs::read_to_string(root.join(rel)).ok();
        let (split, lines) = match &text {
            Some(t) => (
                align::split(t),
                match highlighter {
                    Some(h) => h.highlight(lang, t, TAB),
                    None => highlight::plain_lines(t, TAB),
                },
            ),
            None => (Split::default(), Vec::new()),
        };
        Program {
            path: rel.to_string(),
            lang,
            text,
            split,
            lines,
        }
    }

    /// The Go program of a pattern.
    pub fn go(root: &Path, p: &Chapter, h: Option<&Highlighter>) -> Program {
        Program::load(root, &rel_path(root, &p.go_file(root)), Lang::Go, h)
    }

    /// One Rust translation.
    pub fn rust(root: &Path, r: &RustExample, h: Option<&Highlighter>) -> Program {
        Program::load(root, &rel_path(root, &r.file(root)), Lang::Rust, h)
    }

    /// The lines of a chunk of this file, dedented.
    fn code(&self, chunk: &align::Chunk) -> Vec<Line> {
        highlight::dedent(highlight::lines_of(&self.lines, chunk))
    }
}

/// `path` relative to `root`, with `/` separators.
pub fn rel_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<_> = rel.iter().map(|c| c.to_string_lossy()).collect();
    parts.join("/")
}

/// What a row holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// The files' header comments: what each program shows and how to run it.
    Header,
    /// Code before the first step: package, imports, types, `func main() {`.
    Setup,
    /// A `// ## <title>` step, numbered from 1.
    Step(usize),
    /// Code after the last step: closing braces, helper functions.
    Rest,
}

/// One side of a row.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    /// False when this side has no such step (a step only the other language needs).
    pub present: bool,
    /// Prose, comment markers stripped; "" separates paragraphs.
    pub prose: Vec<String>,
    /// Code, dedented and highlighted.
    pub code: Vec<Line>,
}

/// A row of the side-by-side reading.
#[derive(Debug, Clone)]
pub struct Row {
    pub kind: RowKind,
    pub title: String,
    pub go: Cell,
    pub rust: Cell,
}

impl Row {
    /// The row's heading: "1. Start one", "Setup", ...
    pub fn heading(&self) -> String {
        match self.kind {
            RowKind::Step(n) => format!("{n}. {}", self.title),
            _ => self.title.clone(),
        }
    }

    /// A URL fragment for the row.
    pub fn anchor(&self) -> String {
        match self.kind {
            RowKind::Header => "about".into(),
            RowKind::Setup => "setup".into(),
            RowKind::Step(_) => align::anchor(&self.title),
            RowKind::Rest => "rest".into(),
        }
    }
}

/// Lines up a Go program with a Rust translation: header, setup, the steps matched on their
/// titles, the rest. Rows with nothing on either side are left out.
pub fn rows(go: &Program, rust: &Program) -> Vec<Row> {
    let mut rows = vec![Row {
        kind: RowKind::Header,
        title: "About".into(),
        go: Cell {
            present: go.text.is_some(),
            prose: go.split.header.clone(),
            code: Vec::new(),
        },
        rust: Cell {
            present: rust.text.is_some(),
            prose: rust.split.header.clone(),
            code: Vec::new(),
        },
    }];
    let code_row = |kind, title: &str, go_chunk, rust_chunk| Row {
        kind,
        title: title.into(),
        go: Cell {
            present: go.text.is_some(),
            prose: Vec::new(),
            code: go.code(go_chunk),
        },
        rust: Cell {
            present: rust.text.is_some(),
            prose: Vec::new(),
            code: rust.code(rust_chunk),
        },
    };
    if !go.split.setup.is_empty() || !rust.split.setup.is_empty() {
        rows.push(code_row(
            RowKind::Setup,
            "Setup",
            &go.split.setup,
            &rust.split.setup,
        ));
    }
    for (i, pair) in align::align(&go.split.steps, &rust.split.steps)
        .into_iter()
        .enumerate()
    {
        let cell = |prog: &Program, part: Option<&align::Part>| match part {
            Some(p) => Cell {
                present: true,
                prose: p.prose.clone(),
                code: prog.code(&p.code),
            },
            None => Cell::default(),
        };
        rows.push(Row {
            kind: RowKind::Step(i + 1),
            title: pair.title().to_string(),
            go: cell(go, pair.go),
            rust: cell(rust, pair.rust),
        });
    }
    if !go.split.rest.is_empty() || !rust.split.rest.is_empty() {
        rows.push(code_row(
            RowKind::Rest,
            "Rest of the file",
            &go.split.rest,
            &rust.split.rest,
        ));
    }
    rows
}

// ----------------------------------------------------------------------------------------------
// Finding what to show.

/// The names in `candidates` that look like `name`: the ones that contain it or that it
/// contains, and the ones within a small edit distance; the most similar first.
pub fn close_matches<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Vec<&'a str> {
    let name = name.to_ascii_lowercase();
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .filter_map(|c| {
            let lc = c.to_ascii_lowercase();
            let contains = !name.is_empty() && (lc.contains(&name) || name.contains(&lc));
            let score = strsim::jaro_winkler(&name, &lc);
            let distance = strsim::damerau_levenshtein(&name, &lc);
            let close = contains || score >= 0.8 || distance <= (name.len() / 3).max(1);
            close.then_some((score, c))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    let mut out: Vec<&str> = scored.into_iter().map(|(_, c)| c).collect();
    out.dedup();
    out.truncate(5);
    out
}

/// Picks the pattern and the translation to show. `slug` may also be a translation's name
/// (`spawn-tokio`), which picks its pattern. The error is one message, with close matches.
pub fn resolve<'a>(
    catalog: &'a Catalog,
    slug: &str,
    rust: Option<&str>,
) -> Result<(&'a Chapter, &'a RustExample), String> {
    let pattern = match catalog.chapter(slug) {
        Some(p) => p,
        None => match catalog.examples().find(|(_, r)| r.example == slug) {
            Some((p, r)) if rust.is_none() => return Ok((p, r)),
            Some((p, _)) => p,
            None => {
                let slugs = catalog.chapters.iter().map(|p| p.slug.as_str());
                let names = slugs
                    .clone()
                    .chain(catalog.examples().map(|(_, r)| r.example.as_str()));
                let close = close_matches(slug, names);
                let mut msg = format!("no pattern is called {slug:?}");
                if close.is_empty() {
                    let all: Vec<&str> = slugs.collect();
                    let _ = write!(msg, "; the patterns are: {}", all.join(", "));
                } else {
                    let _ = write!(msg, "; did you mean {}?", or_list(&close));
                }
                msg.push_str(" (`cargo xtask list` shows them all)");
                return Err(msg);
            }
        },
    };
    let Some(name) = rust else {
        return Ok((pattern, pattern.primary()));
    };
    if let Some(r) = pattern.rust.iter().find(|r| r.example == name) {
        return Ok((pattern, r));
    }
    // `--rust tokio` is short for `--rust spawn-tokio`.
    let long = format!("{}-{name}", pattern.slug);
    if let Some(r) = pattern.rust.iter().find(|r| r.example == long) {
        return Ok((pattern, r));
    }
    let names: Vec<&str> = pattern.rust.iter().map(|r| r.example.as_str()).collect();
    // Compare with the full names and with the part after the slug (`tokyo` ~ `tokio`).
    let prefix = format!("{}-", pattern.slug);
    let short: Vec<&str> = names
        .iter()
        .filter_map(|n| n.strip_prefix(prefix.as_str()))
        .collect();
    let mut close = close_matches(name, names.iter().copied());
    for s in close_matches(name, short) {
        let full = names
            .iter()
            .copied()
            .find(|n| n.strip_prefix(prefix.as_str()) == Some(s))
            .expect("a short name comes from a full one");
        if !close.contains(&full) {
            close.push(full);
        }
    }
    let mut msg = format!(
        "pattern {:?} has no Rust translation {name:?}",
        pattern.slug
    );
    if let Some((other, _)) = catalog.examples().find(|(_, r)| r.example == name) {
        let _ = write!(msg, " ({name:?} belongs to pattern {:?})", other.slug);
    }
    if close.is_empty() {
        let _ = write!(msg, "; its translations are: {}", names.join(", "));
    } else {
        let _ = write!(msg, "; did you mean {}?", or_list(&close));
    }
    Err(msg)
}

fn or_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// The crates a translation shows, for labels: "tokio", "crossbeam", or "std".
pub fn crates_label(r: &RustExample) -> String {
    if r.crates.is_empty() {
        "std".into()
    } else {
        r.crates.join(", ")
    }
}

// ----------------------------------------------------------------------------------------------
// The verb.

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// When stdout is a terminal and NO_COLOR is not set.
    Auto,
    Always,
    Never,
}

/// `cargo xtask show`'s arguments.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The pattern's slug (`cargo xtask list` shows them), or the name of one of its Rust
    /// translations.
    pub slug: String,
    /// The Rust translation to show: its example name (`spawn-tokio`) or the part after the
    /// slug (`tokio`). Default: the pattern's primary translation.
    #[arg(long, value_name = "EXAMPLE")]
    pub rust: Option<String>,
    /// The width to fit, in columns. Default: the terminal's, else $COLUMNS, else 120.
    /// Below 100 the two programs are stacked.
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<usize>,
    /// Colour the code: auto (only on a terminal, honouring NO_COLOR), always or never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

/// Runs `cargo xtask show`: resolves the names, reads the files, writes the reading to stdout.
pub fn run(root: &Path, catalog: &Catalog, args: &ShowArgs) -> anyhow::Result<()> {
    use std::io::{IsTerminal, Write};

    let (pattern, example) =
        resolve(catalog, &args.slug, args.rust.as_deref()).map_err(anyhow::Error::msg)?;
    let stdout = std::io::stdout();
    let env_set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            env_set("CLICOLOR_FORCE")
                || (stdout.is_terminal()
                    && !env_set("NO_COLOR")
                    && std::env::var("TERM").map_or(true, |t| t != "dumb"))
        }
    };
    let width = args
        .width
        .or_else(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)))
        .or_else(|| std::env::var("COLUMNS").ok()?.trim().parse().ok())
        .unwrap_or(120);
    let highlighter = if color {
        Some(Highlighter::new()?)
    } else {
        None
    };
    let go = Program::go(root, pattern, highlighter.as_ref());
    let rust = Program::rust(root, example, highlighter.as_ref());
    if go.text.is_none() && rust.text.is_none() {
        anyhow::bail!(
            "pattern {:?} has neither {} nor {} yet",
            pattern.slug,
            go.path,
            rust.path
        );
    }
    let expected = std::fs::read_to_string(pattern.expected_file(root)).ok();
    let text = render(
        &Reading {
            pattern,
            example,
            go: &go,
            rust: &rust,
            expected: expected.as_deref(),
        },
        Options {
            width,
            color,
            light: light_background(std::env::var("COLORFGBG").ok().as_deref()),
        },
    );
    let mut out = stdout.lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        // `cargo xtask show spawn | head` closes the pipe early: not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

// ----------------------------------------------------------------------------------------------
// The terminal.

/// How to lay the reading out.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// The terminal's width in columns.
    pub width: usize,
    /// Whether to write colours (only when stdout is a terminal, unless forced).
    pub color: bool,
    /// Whether the terminal has a light background: code takes the light theme's colours.
    pub light: bool,
}

/// Whether `COLORFGBG` (set by rxvt, Konsole, iTerm2 and others as "fg;bg") says the
/// background is light: ANSI colours 7 and 9 to 15 are light.
pub fn light_background(colorfgbg: Option<&str>) -> bool {
    colorfgbg
        .and_then(|v| v.rsplit(';').next())
        .and_then(|bg| bg.trim().parse::<u8>().ok())
        .is_some_and(|bg| bg == 7 || (9..=15).contains(&bg))
}

/// Below this width the two programs are stacked instead of put side by side.
pub const MIN_SIDE_BY_SIDE: usize = 100;
const GUTTER: &str = " │ ";

/// The whole reading as text: a title block, the rows, and the checked output.
pub struct Reading<'a> {
    pub pattern: &'a Chapter,
    pub example: &'a RustExample,
    pub go: &'a Program,
    pub rust: &'a Program,
    /// The pattern's expected output, when it exists.
    pub expected: Option<&'a str>,
}

impl std::fmt::Debug for Reading<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reading")
            .field("pattern", &self.pattern.slug)
            .field("example", &self.example.example)
            .finish_non_exhaustive()
    }
}

/// A run of text with an optional style: what the terminal renderer works on.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Seg {
    text: String,
    style: Style,
}

type Styled = Vec<Seg>;

fn seg(text: impl Into<String>, style: Style) -> Seg {
    Seg {
        text: text.into(),
        style,
    }
}

fn tone_style(t: Tone) -> Style {
    let mut s = Style::new();
    if let Some((r, g, b)) = t.rgb {
        s = s.fg_color(Some(RgbColor(r, g, b).into()));
    }
    if t.bold {
        s = s.effects(Effects::BOLD);
    }
    s
}

const PROSE: Style = Style::new()
    .fg_color(Some(anstyle::Color::Rgb(RgbColor(0x8f, 0xa1, 0xb3))))
    .effects(Effects::ITALIC);
const DIM: Style = Style::new().effects(Effects::DIMMED);
const BOLD: Style = Style::new().effects(Effects::BOLD);

fn token_segs(line: &[Token], light: bool) -> Styled {
    line.iter()
        .map(|t| {
            seg(
                t.text.clone(),
                tone_style(if light { t.light } else { t.dark }),
            )
        })
        .collect()
}

fn width_of(segs: &[Seg]) -> usize {
    segs.iter().map(|s| s.text.width()).sum()
}

/// Where to cut a line of text into rows of at most `width` columns (the first row) and
/// `width - 2` (the rest, after the `↪ ` marker): char indices where each new row starts.
/// A row ends after a space when one falls in its second half, else mid-word.
fn break_points(text: &str, width: usize) -> Vec<usize> {
    let chars: Vec<(char, usize)> = text.chars().map(|c| (c, c.width().unwrap_or(0))).collect();
    let mut breaks = Vec::new();
    let mut start = 0;
    let mut limit = width;
    loop {
        let mut used = 0;
        let mut end = start;
        while end < chars.len() && used + chars[end].1 <= limit {
            used += chars[end].1;
            end += 1;
        }
        if end >= chars.len() {
            return breaks;
        }
        let half = start + (end - start) / 2;
        let cut = (half..end)
            .rev()
            .find(|&i| chars[i].0 == ' ')
            .map(|i| i + 1)
            .filter(|&c| c > start)
            .unwrap_or(end.max(start + 1));
        breaks.push(cut);
        start = cut;
        limit = width.saturating_sub(2).max(2);
    }
}

/// Cuts a styled line into rows of at most `width` columns. Continuation rows start with a
/// dimmed `↪ ` so a reader sees the line was wrapped, not broken in the source.
fn wrap_segs(line: Styled, width: usize) -> Vec<Styled> {
    let width = width.max(4);
    let text: String = line.iter().map(|s| s.text.as_str()).collect();
    let breaks = break_points(&text, width);
    if breaks.is_empty() {
        return vec![line];
    }
    let mut rows: Vec<Styled> = vec![Vec::new()];
    let mut at = 0; // char index in the line
    let mut next = breaks.iter().copied().peekable();
    for s in line {
        let mut buf = String::new();
        for c in s.text.chars() {
            if next.peek() == Some(&at) {
                next.next();
                if !buf.is_empty() {
                    rows.last_mut()
                        .expect("a row")
                        .push(seg(std::mem::take(&mut buf), s.style));
                }
                rows.push(vec![seg("↪ ", DIM)]);
            }
            buf.push(c);
            at += 1;
        }
        if !buf.is_empty() {
            rows.last_mut().expect("a row").push(seg(buf, s.style));
        }
    }
    for row in &mut rows {
        // A row that ends at a space need not show it.
        if let Some(last) = row.last_mut() {
            let trimmed = last.text.trim_end_matches(' ').len();
            last.text.truncate(trimmed);
        }
    }
    rows
}

/// Re-wraps prose to `width` columns: paragraphs are joined and re-filled, list items
/// (`- ...`) keep their indentation.
pub fn reflow(prose: &[String], width: usize) -> Vec<String> {
    let width = width.max(8);
    let mut out = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut indent = String::new();
    let flush = |para: &mut Vec<&str>, indent: &str, out: &mut Vec<String>| {
        if para.is_empty() {
            return;
        }
        let text = para.join(" ");
        let first = indent.to_string();
        let rest = if text.starts_with("- ") {
            format!("{indent}  ")
        } else {
            indent.to_string()
        };
        let opts = textwrap::Options::new(width)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .initial_indent(&first)
            .subsequent_indent(&rest);
        out.extend(
            textwrap::wrap(&text, opts)
                .into_iter()
                .map(|c| c.into_owned()),
        );
        para.clear();
    };
    for line in prose {
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            flush(&mut para, &indent, &mut out);
            out.push(String::new());
            continue;
        }
        if trimmed.starts_with("- ") {
            flush(&mut para, &indent, &mut out);
            indent = line[..line.len() - trimmed.len()].to_string();
        } else if para.is_empty() {
            indent = String::new();
        }
        para.push(if para.is_empty() {
            trimmed
        } else {
            line.trim()
        });
    }
    flush(&mut para, &indent, &mut out);
    out
}

/// A cell's content as styled rows of at most `width` columns.
fn cell_rows(cell: &Cell, width: usize, missing: Option<&str>, light: bool) -> Vec<Styled> {
    let mut out = Vec::new();
    if !cell.present {
        let note = match missing {
            Some(path) => format!("({path} is not written yet)"),
            None => "(no such step on this side)".to_string(),
        };
        for l in textwrap::wrap(&note, width.max(8)) {
            out.push(vec![seg(l.into_owned(), DIM)]);
        }
        return out;
    }
    for l in reflow(&cell.prose, width.saturating_sub(3)) {
        let text = if l.is_empty() {
            "//".to_string()
        } else {
            format!("// {l}")
        };
        out.push(vec![seg(text, PROSE)]);
    }
    for line in &cell.code {
        out.extend(wrap_segs(token_segs(line, light), width));
    }
    out
}

fn paint(out: &mut String, segs: &[Seg], color: bool) {
    for s in segs {
        if color && s.style != Style::new() {
            let _ = write!(
                out,
                "{}{}{}",
                s.style.render(),
                s.text,
                s.style.render_reset()
            );
        } else {
            out.push_str(&s.text);
        }
    }
}

fn rule(out: &mut String, title: &str, width: usize, color: bool) {
    let head = format!("── {title} ");
    let fill = width.saturating_sub(head.width());
    paint(out, &[seg(head, BOLD), seg("─".repeat(fill), DIM)], color);
    out.push('\n');
}

/// Writes wrapped plain text with a style.
fn para(out: &mut String, text: &str, width: usize, style: Style, color: bool) {
    let opts =
        textwrap::Options::new(width.max(8)).word_splitter(textwrap::WordSplitter::NoHyphenation);
    for l in textwrap::wrap(text, opts) {
        paint(out, &[seg(l.into_owned(), style)], color);
        out.push('\n');
    }
}

/// Renders a reading for the terminal.
pub fn render(reading: &Reading<'_>, opts: Options) -> String {
    let Reading {
        pattern,
        example,
        go,
        rust,
        expected,
    } = reading;
    let width = opts.width.max(40);
    let color = opts.color;
    let mut out = String::new();

    para(&mut out, &pattern.title, width, BOLD, color);
    para(
        &mut out,
        &format!("{} · {}", pattern.section, pattern.takeaway),
        width,
        Style::new(),
        color,
    );
    out.push('\n');
    let go_cmd = format!("cd go-reference && go run ./{}", pattern.go());
    let rust_cmd = format!("cargo run --example {}", example.example);
    let label_w = go.path.width().max(rust.path.width());
    for (label, path, cmd) in [("Go  ", &go.path, &go_cmd), ("Rust", &rust.path, &rust_cmd)] {
        let pad = " ".repeat(label_w - path.width());
        let head = format!("  {label}  {path}{pad}  ");
        let lines = if head.width() + cmd.width() <= width {
            vec![vec![
                seg(format!("  {label}  "), BOLD),
                seg(format!("{path}{pad}  "), Style::new()),
                seg(cmd.to_string(), DIM),
            ]]
        } else {
            // Too narrow for one line: the command goes under the path.
            vec![
                vec![
                    seg(format!("  {label}  "), BOLD),
                    seg(path.to_string(), Style::new()),
                ],
                vec![seg(format!("        {cmd}"), DIM)],
            ]
        };
        for line in lines {
            for r in wrap_segs(line, width) {
                paint(&mut out, &r, color);
                out.push('\n');
            }
        }
    }
    let others: Vec<String> = pattern
        .rust
        .iter()
        .filter(|r| r.example != example.example)
        .map(|r| format!("{} ({})", r.example, crates_label(r)))
        .collect();
    if !others.is_empty() {
        let text = format!(
            "  Also  {}: cargo xtask show {} --rust <name>",
            others.join(", "),
            pattern.slug
        );
        para(&mut out, &text, width, DIM, color);
    }
    out.push('\n');

    let side_by_side = width >= MIN_SIDE_BY_SIDE;
    let col = (width - GUTTER.width()) / 2;
    let go_missing = go.text.is_none().then_some(go.path.as_str());
    let rust_missing = rust.text.is_none().then_some(rust.path.as_str());
    if side_by_side {
        let heads = [
            format!("Go · {}", go.path),
            format!("Rust · {} ({})", rust.path, crates_label(example)),
        ];
        let left = wrap_segs(vec![seg(heads[0].clone(), BOLD)], col);
        let right = wrap_segs(vec![seg(heads[1].clone(), BOLD)], col);
        two_columns(&mut out, &left, &right, col, color);
    }
    for row in rows(go, rust) {
        let heading = row.heading();
        let heading = match (row.kind, row.go.present, row.rust.present) {
            (RowKind::Step(_), false, true) => format!("{heading} (Rust only)"),
            (RowKind::Step(_), true, false) => format!("{heading} (Go only)"),
            _ => heading,
        };
        rule(&mut out, &heading, width, color);
        let step_missing = |m| match row.kind {
            RowKind::Step(_) => None,
            _ => m,
        };
        if side_by_side {
            let left = cell_rows(&row.go, col, step_missing(go_missing), opts.light);
            let right = cell_rows(&row.rust, col, step_missing(rust_missing), opts.light);
            two_columns(&mut out, &left, &right, col, color);
        } else {
            for (label, cell, missing) in [
                ("Go", &row.go, step_missing(go_missing)),
                ("Rust", &row.rust, step_missing(rust_missing)),
            ] {
                if !cell.present && matches!(row.kind, RowKind::Step(_)) {
                    continue;
                }
                let body = cell_rows(cell, width.saturating_sub(2), missing, opts.light);
                if body.is_empty() {
                    continue;
                }
                paint(&mut out, &[seg(label, BOLD)], color);
                out.push('\n');
                for r in body {
                    out.push_str("  ");
                    paint(&mut out, &r, color);
                    out.push('\n');
                }
            }
        }
    }
    let pattern_expected = format!("go-reference/{}/expected.txt", pattern.go());
    rule(
        &mut out,
        &format!("Output: {pattern_expected}"),
        width,
        color,
    );
    match expected {
        Some(text) => {
            para(
                &mut out,
                "Go and every Rust translation print exactly this; `cargo test` checks it.",
                width,
                DIM,
                color,
            );
            for line in text.lines() {
                for r in wrap_segs(vec![seg(line, Style::new())], width) {
                    paint(&mut out, &r, color);
                    out.push('\n');
                }
            }
        }
        None => para(
            &mut out,
            &format!("({pattern_expected} is not written yet)"),
            width,
            DIM,
            color,
        ),
    }
    out
}

fn two_columns(out: &mut String, left: &[Styled], right: &[Styled], col: usize, color: bool) {
    let n = left.len().max(right.len());
    for i in 0..n {
        let l = left.get(i).map(Vec::as_slice).unwrap_or(&[]);
        let r = right.get(i).map(Vec::as_slice).unwrap_or(&[]);
        paint(out, l, color);
        out.push_str(&" ".repeat(col.saturating_sub(width_of(l))));
        paint(out, &[seg(GUTTER, DIM)], color);
        paint(out, r, color);
        // No trailing spaces: right-hand rows end where their text ends.
        while out.ends_with(' ') {
            out.pop();
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CATALOG: &str = r#"
        [[pattern]]
        slug = "spawn"
        title = "Spawning"
        section = "1. Spawning"
        go = "spawn"
        takeaway = "Join it."
        rust = [{ example = "spawn", tier = "std" },
                { example = "spawn-scoped", tier = "std" },
                { example = "spawn-tokio", tier = "async", crates = ["tokio"] }]

        [[pattern]]
        slug = "channels"
        title = "Channels"
        section = "2. Channels"
        go = "channels"
        takeaway = "Drop the sender."
        rust = [{ example = "channels", tier = "std" }]
    "#;

    fn catalog() -> Catalog {
        let c: Catalog = toml::from_str(CATALOG).expect("test catalog");
        c.validate().expect("valid");
        c
    }

    #[test]
    fn resolves_slugs_examples_and_short_names() {
        let c = catalog();
        let (p, r) = resolve(&c, "spawn", None).unwrap();
        assert_eq!((p.slug.as_str(), r.example.as_str()), ("spawn", "spawn"));
        let (p, r) = resolve(&c, "spawn", Some("tokio")).unwrap();
        assert_eq!(
            (p.slug.as_str(), r.example.as_str()),
            ("spawn", "spawn-tokio")
        );
        let (p, r) = resolve(&c, "spawn-scoped", None).unwrap();
        assert_eq!(
            (p.slug.as_str(), r.example.as_str()),
            ("spawn", "spawn-scoped")
        );
    }

    #[test]
    fn unknown_names_get_close_matches() {
        let c = catalog();
        let err = resolve(&c, "spwan", None).unwrap_err();
        assert!(err.contains("no pattern is called \"spwan\""), "{err}");
        assert!(err.contains("`spawn`"), "{err}");
        let err = resolve(&c, "zzzzzz", None).unwrap_err();
        assert!(err.contains("the patterns are: spawn, channels"), "{err}");
        let err = resolve(&c, "spawn", Some("spawn-tokyo")).unwrap_err();
        assert!(err.contains("did you mean `spawn-tokio`"), "{err}");
        let err = resolve(&c, "spawn", Some("tokyo")).unwrap_err();
        assert!(err.contains("did you mean `spawn-tokio`"), "{err}");
        let err = resolve(&c, "spawn", Some("channels")).unwrap_err();
        assert!(err.contains("belongs to pattern \"channels\""), "{err}");
    }

    #[test]
    fn close_matches_prefers_containment() {
        let names = ["channels", "channels-tokio", "mutex", "cond"];
        assert_eq!(close_matches("chanels", names)[0], "channels");
        assert_eq!(close_matches("tokio", names), ["channels-tokio"]);
        assert!(close_matches("qqqq", names).is_empty());
    }

    fn program(text: &str, lang: Lang, path: &str) -> Program {
        Program {
            path: path.into(),
            lang,
            text: Some(text.into()),
            split: align::split(text),
            lines: highlight::plain_lines(text, TAB),
        }
    }

    const GO: &str =
        "// Go header.\npackage main\n\nfunc main() {\n\t// ## One\n\t// Go prose.\n\tx := 1\n}\n";
    const RUST: &str = "//! Rust header.\n\nfn main() {\n    // ## One\n    // Rust prose.\n    let x = 1;\n    // ## Extra\n    let y = 2;\n}\n";

    #[test]
    fn rows_cover_header_setup_steps_and_rest() {
        let go = program(GO, Lang::Go, "go-reference/x/main.go");
        let rust = program(RUST, Lang::Rust, "examples-std/examples/x.rs");
        let rows = rows(&go, &rust);
        let kinds: Vec<RowKind> = rows.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            [
                RowKind::Header,
                RowKind::Setup,
                RowKind::Step(1),
                RowKind::Step(2),
                RowKind::Rest
            ]
        );
        assert_eq!(rows[2].go.prose, ["Go prose."]);
        assert_eq!(highlight::line_text(&rows[2].go.code[0]), "x := 1");
        assert!(!rows[3].go.present && rows[3].rust.present);
        assert_eq!(rows[3].anchor(), "extra");
    }

    fn reading_text(width: usize) -> String {
        let c = catalog();
        let p = c.chapter("spawn").unwrap();
        let go = program(GO, Lang::Go, "go-reference/spawn/main.go");
        let rust = program(RUST, Lang::Rust, "examples-std/examples/spawn.rs");
        render(
            &Reading {
                pattern: p,
                example: p.primary(),
                go: &go,
                rust: &rust,
                expected: Some("one\ntwo\n"),
            },
            Options {
                width,
                color: false,
                light: false,
            },
        )
    }

    #[test]
    fn side_by_side_fits_the_width_and_lines_up_steps() {
        let text = reading_text(120);
        for line in text.lines() {
            assert!(line.width() <= 120, "too wide: {line:?}");
        }
        let one = text
            .lines()
            .find(|l| l.contains("// Go prose."))
            .expect("the step's prose");
        assert!(one.contains(" │ // Rust prose."), "{one:?}");
        assert!(text.contains("── 2. Extra (Rust only) "));
        assert!(text.contains("(no such step on this side)"));
        assert!(text.contains("Also  spawn-scoped (std), spawn-tokio (tokio)"));
        assert!(text.ends_with("one\ntwo\n"));
        assert!(!text.contains('\x1b'), "no colour when asked for none");
    }

    #[test]
    fn a_translation_not_written_yet_is_named_not_fatal() {
        let c = catalog();
        let p = c.chapter("spawn").unwrap();
        let go = program(GO, Lang::Go, "go-reference/spawn/main.go");
        let rust = Program {
            path: "examples-std/examples/spawn.rs".into(),
            lang: Lang::Rust,
            text: None,
            split: Split::default(),
            lines: Vec::new(),
        };
        let text = render(
            &Reading {
                pattern: p,
                example: p.primary(),
                go: &go,
                rust: &rust,
                expected: None,
            },
            Options {
                width: 120,
                color: false,
                light: false,
            },
        );
        assert!(text.contains("(examples-std/examples/spawn.rs is not written yet)"));
        assert!(text.contains("// Go prose."), "the Go side is still shown");
        assert!(text.contains("(go-reference/spawn/expected.txt is not written yet)"));
    }

    #[test]
    fn narrow_terminals_get_stacked_columns() {
        let text = reading_text(60);
        assert!(!text.contains(" │ "));
        for line in text.lines() {
            assert!(line.width() <= 60, "too wide: {line:?}");
        }
        let go_at = text.find("// Go prose.").unwrap();
        let rust_at = text.find("// Rust prose.").unwrap();
        assert!(go_at < rust_at);
    }

    #[test]
    fn colorfgbg_tells_light_from_dark() {
        assert!(light_background(Some("0;15")));
        assert!(light_background(Some("0;default;7")));
        assert!(!light_background(Some("15;0")));
        assert!(!light_background(Some("garbage")));
        assert!(!light_background(None));
    }

    #[test]
    fn long_lines_wrap_with_a_marker() {
        let texts = |line: Styled, width| -> Vec<String> {
            wrap_segs(line, width)
                .iter()
                .map(|r| r.iter().map(|s| s.text.as_str()).collect())
                .collect()
        };
        assert_eq!(
            texts(vec![seg("abcdefghij", Style::new())], 6),
            ["abcdef", "↪ ghij"]
        );
        // At a space in the row's second half, across styled segments.
        let line = vec![seg("let x = ", Style::new()), seg("call(arg);", BOLD)];
        assert_eq!(texts(line, 12), ["let x =", "↪ call(arg);"]);
        assert_eq!(texts(vec![seg("short", Style::new())], 12), ["short"]);
    }

    #[test]
    fn reflow_refills_paragraphs_and_keeps_list_items() {
        let prose: Vec<String> = [
            "Run it with this",
            "command.",
            "",
            "  - first item that is long",
            "  - second",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            reflow(&prose, 20),
            [
                "Run it with this",
                "command.",
                "",
                "  - first item that",
                "    is long",
                "  - second"
            ]
        );
    }
}

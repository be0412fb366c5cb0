//! `cargo xtask show <slug> [--rust <example>]` and `cargo xtask list`: the terminal's view of
//! the chapter model ([`crate::chapter`]): a Go program and one Rust translation in two columns
//! (stacked below 100 columns), lined up on their steps, with the checked output below.

use std::fmt::Write as _;
use std::path::Path;

use anstyle::{Effects, RgbColor, Style};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::catalog::{Catalog, Chapter, RustExample};
pub use crate::chapter::rel_path;
use crate::chapter::{Cell, Program, RowKind, plain_comment, rows, tier_label};
use crate::highlight::{Highlighter, Line, Tone};

/// The names in `candidates` that look like `name` (containment or a small edit distance), the
/// most similar first.
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
            let close = contains
                || score >= 0.8
                || strsim::damerau_levenshtein(&name, &lc) <= (name.len() / 3).max(1);
            close.then_some((score, c))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    let mut out: Vec<&str> = scored.into_iter().map(|(_, c)| c).collect();
    out.dedup();
    out
}

/// Chapters that look like `name` (the chapters of a section it names first), then
/// translations that do: at most six names.
fn suggestions<'a>(catalog: &'a Catalog, name: &str) -> Vec<&'a str> {
    let sections = close_matches(name, catalog.sections.iter().map(|s| s.key.as_str()));
    let in_sections = catalog.chapters.iter().filter(|c| sections.contains(&c.section.as_str()));
    let mut out: Vec<&str> = in_sections.map(|c| c.slug.as_str()).collect();
    let slugs = close_matches(name, catalog.chapters.iter().map(|c| c.slug.as_str()));
    let examples = close_matches(name, catalog.examples().map(|(_, r)| r.example.as_str()));
    for n in slugs.into_iter().chain(examples) {
        if !out.contains(&n) {
            out.push(n);
        }
    }
    out.truncate(6);
    out
}

/// The chapters under their sections, one line per section: for messages.
fn grouped_slugs(catalog: &Catalog) -> String {
    let groups: Vec<String> = catalog
        .grouped()
        .iter()
        .map(|(s, cs)| {
            let slugs: Vec<&str> = cs.iter().map(|c| c.slug.as_str()).collect();
            format!("  {}: {}", s.title, slugs.join(", "))
        })
        .collect();
    groups.join("\n")
}

/// Picks the chapter and the translation to show. `slug` may also name a translation
/// (`spawn-tokio`); `rust` may be a full example name or the part after the slug (`tokio`).
pub fn resolve<'a>(
    catalog: &'a Catalog,
    slug: &str,
    rust: Option<&str>,
) -> Result<(&'a Chapter, &'a RustExample), String> {
    let chapter = match (catalog.chapter(slug), catalog.examples().find(|(_, r)| r.example == slug))
    {
        (Some(c), _) => c,
        (None, Some((c, r))) if rust.is_none() => return Ok((c, r)),
        (None, Some((c, _))) => c,
        (None, None) => {
            let close = suggestions(catalog, slug);
            return Err(if close.is_empty() {
                format!(
                    "no chapter is called {slug:?}; the chapters are:\n{}",
                    grouped_slugs(catalog)
                )
            } else {
                format!(
                    "no chapter is called {slug:?}; did you mean {}? (`cargo xtask list` shows them all)",
                    or_list(&close)
                )
            });
        }
    };
    let Some(name) = rust else {
        return Ok((chapter, chapter.primary()));
    };
    let long = format!("{}-{name}", chapter.slug);
    if let Some(r) = chapter.rust.iter().find(|r| r.example == name || r.example == long) {
        return Ok((chapter, r));
    }
    let names: Vec<&str> = chapter.rust.iter().map(|r| r.example.as_str()).collect();
    let mut close = close_matches(name, names.iter().copied());
    let prefix = format!("{}-", chapter.slug);
    let short = names.iter().filter_map(|n| n.strip_prefix(prefix.as_str()));
    for s in close_matches(name, short) {
        let full = names.iter().copied().find(|n| n.strip_prefix(prefix.as_str()) == Some(s));
        if let Some(full) = full.filter(|f| !close.contains(f)) {
            close.push(full);
        }
    }
    let mut msg = format!("chapter {:?} has no Rust translation {name:?}", chapter.slug);
    if let Some(other) = catalog.chapter_of_example(name) {
        let _ = write!(msg, " ({name:?} belongs to chapter {:?})", other.slug);
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
        [init @ .., last] if !init.is_empty() => format!("{} or {last}", init.join(", ")),
        _ => quoted.concat(),
    }
}

/// `cargo xtask list`: the chapters under their sections, each with its commands and tiers.
pub fn list(catalog: &Catalog) -> String {
    let mut out = String::new();
    for (section, chapters) in catalog.grouped() {
        let _ = writeln!(out, "{}", section.title);
        for c in chapters {
            let _ = writeln!(out, "  {:<22} {}", c.slug, c.title);
            let _ = writeln!(out, "  {:<22} cd go-reference && go run ./{}", "", c.slug);
            for r in &c.rust {
                let cmd = format!("cargo run --example {}", r.example);
                let _ = writeln!(out, "  {:<22} {cmd:<44} {}", "", tier_label(r));
            }
        }
        out.push('\n');
    }
    if !catalog.mistakes.is_empty() {
        let cases: Vec<&str> = catalog.mistakes.iter().map(|m| m.case.as_str()).collect();
        let _ = writeln!(out, "Museum (cargo xtask museum <case>): {}", cases.join(", "));
    }
    out
}

/// `cargo xtask show`'s arguments.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The chapter's slug (`cargo xtask list` shows them), or one of its translations' names.
    pub slug: String,
    /// The Rust translation to show: its example name (`spawn-tokio`) or the part after the
    /// slug (`tokio`). Default: the chapter's primary translation.
    #[arg(long, value_name = "EXAMPLE")]
    pub rust: Option<String>,
    /// The width to fit, in columns. Default: the terminal's, else $COLUMNS, else 120.
    /// Below 100 the two programs are stacked.
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<usize>,
    /// Colour the code: auto (only on a terminal, honouring NO_COLOR), always or never.
    #[arg(long, value_enum, default_value_t = clap::ColorChoice::Auto, value_name = "WHEN")]
    pub color: clap::ColorChoice,
}

/// Runs `cargo xtask show`: resolves the names, reads the files, writes the reading to stdout.
pub fn run(root: &Path, catalog: &Catalog, args: &ShowArgs) -> anyhow::Result<()> {
    use std::io::{IsTerminal, Write};
    let (chapter, example) =
        resolve(catalog, &args.slug, args.rust.as_deref()).map_err(anyhow::Error::msg)?;
    let env_set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
    let color = match args.color {
        clap::ColorChoice::Always => true,
        clap::ColorChoice::Never => false,
        clap::ColorChoice::Auto => {
            env_set("CLICOLOR_FORCE")
                || (std::io::stdout().is_terminal()
                    && !env_set("NO_COLOR")
                    && std::env::var("TERM").map_or(true, |t| t != "dumb"))
        }
    };
    let width = args
        .width
        .or_else(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)))
        .or_else(|| std::env::var("COLUMNS").ok()?.trim().parse().ok())
        .unwrap_or(120);
    let highlighter = if color { Some(Highlighter::new()?) } else { None };
    let go = Program::go(root, chapter, highlighter.as_ref());
    let rust = Program::rust(root, example, highlighter.as_ref());
    if go.text.is_none() && rust.text.is_none() {
        anyhow::bail!("chapter {:?} has neither {} nor {} yet", chapter.slug, go.path, rust.path);
    }
    let expected = std::fs::read_to_string(chapter.expected_file(root)).ok();
    let reading =
        Reading { catalog, chapter, example, go: &go, rust: &rust, expected: expected.as_deref() };
    let light = light_background(std::env::var("COLORFGBG").ok().as_deref());
    let text = render(&reading, Options { width, color, light });
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        // `cargo xtask show spawn | head` closes the pipe early: not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// How to lay the reading out.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub width: usize,
    /// Whether to write colours.
    pub color: bool,
    /// Whether the terminal has a light background: code takes the light theme's colours.
    pub light: bool,
}

/// Whether `COLORFGBG` ("fg;bg", set by rxvt, Konsole, iTerm2) says the background is light.
pub fn light_background(colorfgbg: Option<&str>) -> bool {
    colorfgbg
        .and_then(|v| v.rsplit(';').next())
        .and_then(|bg| bg.trim().parse::<u8>().ok())
        .is_some_and(|bg| bg == 7 || (9..=15).contains(&bg))
}

/// Below this width the two programs are stacked instead of put side by side.
pub const MIN_SIDE_BY_SIDE: usize = 100;
const GUTTER: &str = " │ ";

/// What `show` renders: a chapter, one translation, both programs and the expected output.
#[derive(Debug)]
pub struct Reading<'a> {
    pub catalog: &'a Catalog,
    pub chapter: &'a Chapter,
    pub example: &'a RustExample,
    pub go: &'a Program,
    pub rust: &'a Program,
    pub expected: Option<&'a str>,
}

/// A run of text with a style: what the terminal renderer works on.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Seg {
    text: String,
    style: Style,
}

type Styled = Vec<Seg>;

fn seg(text: impl Into<String>, style: Style) -> Seg {
    Seg { text: text.into(), style }
}

const PROSE: Style = Style::new()
    .fg_color(Some(anstyle::Color::Rgb(RgbColor(0x8f, 0xa1, 0xb3))))
    .effects(Effects::ITALIC);
const DIM: Style = Style::new().effects(Effects::DIMMED);
const BOLD: Style = Style::new().effects(Effects::BOLD);

fn token_segs(line: &Line, light: bool) -> Styled {
    let style = |t: Tone| {
        let s = Style::new().fg_color(t.rgb.map(|(r, g, b)| RgbColor(r, g, b).into()));
        if t.bold { s.effects(Effects::BOLD) } else { s }
    };
    let tone = |t: &crate::highlight::Token| if light { t.light } else { t.dark };
    line.iter().map(|t| seg(t.text.clone(), style(tone(t)))).collect()
}

fn width_of(segs: &[Seg]) -> usize {
    segs.iter().map(|s| s.text.width()).sum()
}

/// Where to cut a line into rows: char indices where each continuation row starts. The first
/// row holds `width` columns, the others `width - lead` (they start with the line's indentation
/// and a `↪ ` marker). A row ends at the last space that fits, outside a string literal if one
/// fits; only a word longer than a whole row is cut inside.
fn break_points(chars: &[(char, usize)], width: usize, lead: usize) -> Vec<usize> {
    let mut quoted = false;
    let in_string: Vec<bool> = (0..chars.len())
        .map(|i| {
            quoted ^= chars[i].0 == '"' && (i == 0 || chars[i - 1].0 != '\\');
            quoted
        })
        .collect();
    let mut breaks = Vec::new();
    let (mut start, mut limit) = (0, width);
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
        let space = |&i: &usize| chars[i - 1].0 == ' ' && chars[i].0 != ' ';
        let mut spaces = (start + 1..=end).rev().filter(space);
        let outside = spaces.clone().find(|&i| !in_string[i - 1]);
        let cut = outside.or_else(|| spaces.next()).unwrap_or(end.max(start + 1));
        breaks.push(cut);
        start = cut;
        limit = width.saturating_sub(lead).max(8);
    }
}

/// Cuts a styled line into rows of at most `width` columns. Continuation rows repeat the line's
/// indentation and start with a dimmed `↪ `, so a wrapped line never reads as two.
fn wrap_segs(line: Styled, width: usize) -> Vec<Styled> {
    let width = width.max(10);
    let text: String = line.iter().map(|s| s.text.as_str()).collect();
    let chars: Vec<(char, usize)> = text.chars().map(|c| (c, c.width().unwrap_or(0))).collect();
    let indent = chars.iter().take_while(|c| c.0 == ' ').count().min(width / 2);
    let lead = format!("{}↪ ", " ".repeat(indent));
    let breaks = break_points(&chars, width, lead.width());
    if breaks.is_empty() {
        return vec![line];
    }
    let mut rows: Vec<Styled> = vec![Vec::new()];
    let (mut at, mut next) = (0, breaks.iter().copied().peekable());
    for s in line {
        let mut buf = String::new();
        for c in s.text.chars() {
            if next.peek() == Some(&at) {
                next.next();
                let row = rows.last_mut().expect("a row");
                row.push(seg(std::mem::take(&mut buf), s.style));
                rows.push(vec![seg(lead.clone(), DIM)]);
            }
            buf.push(c);
            at += 1;
        }
        rows.last_mut().expect("a row").push(seg(buf, s.style));
    }
    for row in &mut rows {
        row.retain(|s| !s.text.is_empty());
        if let Some(last) = row.last_mut() {
            last.text.truncate(last.text.trim_end().len());
        }
    }
    rows
}

/// Re-wraps prose to `width` columns: paragraphs are refilled, list items (`- ...`) keep their
/// indentation and hang.
pub fn reflow(prose: &[String], width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut indent = "";
    let flush = |para: &mut Vec<&str>, indent: &str, out: &mut Vec<String>| {
        if para.is_empty() {
            return;
        }
        let text = para.join(" ");
        let hang = format!("{indent}{}", if text.starts_with("- ") { "  " } else { "" });
        let opts = textwrap::Options::new(width.max(8))
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .initial_indent(indent)
            .subsequent_indent(&hang);
        out.extend(textwrap::wrap(&text, opts).into_iter().map(|c| c.into_owned()));
        para.clear();
    };
    for line in prose {
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            flush(&mut para, indent, &mut out);
            out.push(String::new());
        } else {
            if trimmed.starts_with("- ") {
                flush(&mut para, indent, &mut out);
                indent = &line[..line.len() - trimmed.len()];
            } else if para.is_empty() {
                indent = "";
            }
            para.push(trimmed.trim_end());
        }
    }
    flush(&mut para, indent, &mut out);
    out
}

/// Prose as `// ` comment rows refilled to `width`, with `indent` before each.
fn comment_rows(prose: &[String], indent: &str, width: usize, style: Style) -> Vec<Styled> {
    reflow(prose, width.saturating_sub(indent.width() + 3))
        .into_iter()
        .map(|l| vec![seg(format!("{indent}//{}{l}", if l.is_empty() { "" } else { " " }), style)])
        .collect()
}

/// Code as rows: every block of whole-line `//` comments refilled like prose, other lines
/// wrapped at spaces.
fn code_rows(code: &[Line], width: usize, light: bool) -> Vec<Styled> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < code.len() {
        let text = crate::highlight::line_text(&code[i]);
        let indent = &text[..text.len() - text.trim_start().len()];
        let comment = |t: &str| t.starts_with(indent) && plain_comment(t).is_some();
        if comment(&text) {
            let block: Vec<String> = code[i..]
                .iter()
                .map(|l| crate::highlight::line_text(l))
                .take_while(|t| comment(t) && t[indent.len()..].trim_start() == t.trim_start())
                .collect();
            let prose: Vec<String> =
                block.iter().filter_map(|t| plain_comment(t)).map(String::from).collect();
            let first = token_segs(&code[i], light).into_iter().find(|s| !s.text.trim().is_empty());
            let style = first.map_or(PROSE, |s| s.style);
            out.extend(comment_rows(&prose, indent, width, style));
            i += block.len();
        } else {
            out.extend(wrap_segs(token_segs(&code[i], light), width));
            i += 1;
        }
    }
    out
}

/// A cell as styled rows of at most `width` columns.
fn cell_rows(cell: &Cell, path: &str, width: usize, light: bool) -> Vec<Styled> {
    let note = |text: String, style| {
        let opts = textwrap::Options::new(width.max(8));
        textwrap::wrap(&text, opts).into_iter().map(|l| vec![seg(l.into_owned(), style)]).collect()
    };
    match cell {
        Cell::Missing => note(format!("({path} is not written yet)"), DIM),
        Cell::Absent => note("(no such step on this side)".into(), DIM),
        Cell::Skipped(why) => note(format!("Nothing to do in Rust: {why}"), PROSE),
        Cell::Written { prose, code } => {
            let mut rows = comment_rows(prose, "", width, PROSE);
            rows.extend(code_rows(code, width, light));
            rows
        }
    }
}

fn paint(out: &mut String, segs: &[Seg], color: bool) {
    for s in segs {
        if color && s.style != Style::new() {
            let _ = write!(out, "{}{}{}", s.style.render(), s.text, s.style.render_reset());
        } else {
            out.push_str(&s.text);
        }
    }
}

fn line(out: &mut String, segs: &[Seg], color: bool) {
    paint(out, segs, color);
    out.push('\n');
}

fn rule(out: &mut String, title: &str, width: usize, color: bool) {
    let head = format!("── {title} ");
    let fill = width.saturating_sub(head.width());
    line(out, &[seg(head, BOLD), seg("─".repeat(fill), DIM)], color);
}

/// Wrapped plain text with a style.
fn para(out: &mut String, text: &str, width: usize, style: Style, color: bool) {
    let opts =
        textwrap::Options::new(width.max(8)).word_splitter(textwrap::WordSplitter::NoHyphenation);
    for l in textwrap::wrap(text, opts) {
        line(out, &[seg(l.into_owned(), style)], color);
    }
}

/// Renders a reading for the terminal.
pub fn render(reading: &Reading<'_>, opts: Options) -> String {
    let Reading { catalog, chapter, example, go, rust, expected } = reading;
    let (width, color) = (opts.width.max(40), opts.color);
    let mut out = String::new();
    para(&mut out, &chapter.title, width, BOLD, color);
    let section = &catalog.section_of(chapter).title;
    para(&mut out, &format!("{section} · {}", chapter.takeaway), width, Style::new(), color);
    out.push('\n');
    let commands = [
        ("Go  ", &go.path, format!("cd go-reference && go run ./{}", chapter.slug)),
        ("Rust", &rust.path, format!("cargo run --example {}", example.example)),
    ];
    for (label, path, cmd) in commands {
        let head = vec![seg(format!("  {label}  "), BOLD), seg(path.clone(), Style::new())];
        if width_of(&head) + 2 + cmd.width() <= width {
            line(&mut out, &[head, vec![seg(format!("  {cmd}"), DIM)]].concat(), color);
        } else {
            // Too narrow for one line: the command goes under the path.
            line(&mut out, &head, color);
            para(&mut out, &format!("        {cmd}"), width, DIM, color);
        }
    }
    let others: Vec<String> = chapter
        .rust
        .iter()
        .filter(|r| r.example != example.example)
        .map(|r| format!("{} ({})", r.example, tier_label(r)))
        .collect();
    if !others.is_empty() {
        let text = format!(
            "  Also  {}: cargo xtask show {} --rust <name>",
            others.join(", "),
            chapter.slug
        );
        para(&mut out, &text, width, DIM, color);
    }
    out.push('\n');
    let side_by_side = width >= MIN_SIDE_BY_SIDE;
    let col = (width - GUTTER.width()) / 2;
    if side_by_side {
        let heads = [
            format!("Go · {}", go.path),
            format!("Rust · {} ({})", rust.path, tier_label(example)),
        ];
        let wrap = |h: String| {
            textwrap::wrap(&h, col).iter().map(|l| vec![seg(l.as_ref(), BOLD)]).collect::<Vec<_>>()
        };
        let [l, r] = heads.map(wrap);
        two_columns(&mut out, &l, &r, col, color);
    }
    for row in rows(go, rust) {
        let heading = match row.only() {
            Some(only) => format!("{} ({only})", row.heading()),
            None => row.heading(),
        };
        rule(&mut out, &heading, width, color);
        let not_a_step = !matches!(row.kind, RowKind::Step(_));
        if side_by_side {
            let l = cell_rows(&row.go, &go.path, col, opts.light);
            let r = cell_rows(&row.rust, &rust.path, col, opts.light);
            two_columns(&mut out, &l, &r, col, color);
            continue;
        }
        for (label, cell, path) in [("Go", &row.go, &go.path), ("Rust", &row.rust, &rust.path)] {
            let empty = matches!(cell, Cell::Written { prose, code } if prose.is_empty() && code.is_empty());
            if empty || (*cell == Cell::Absent) || (not_a_step && *cell == Cell::Missing) {
                continue;
            }
            line(&mut out, &[seg(label, BOLD)], color);
            for r in cell_rows(cell, path, width - 2, opts.light) {
                out.push_str("  ");
                line(&mut out, &r, color);
            }
        }
    }
    let expected_path = format!("go-reference/{}/expected.txt", chapter.slug);
    rule(&mut out, &format!("Output: {expected_path}"), width, color);
    match expected {
        Some(text) => {
            let note = "Go and every Rust translation print exactly this; `cargo test` checks it.";
            para(&mut out, note, width, DIM, color);
            for l in text.lines() {
                for r in wrap_segs(vec![seg(l, Style::new())], width) {
                    line(&mut out, &r, color);
                }
            }
        }
        None => para(&mut out, &format!("({expected_path} is not written yet)"), width, DIM, color),
    }
    out
}

fn two_columns(out: &mut String, left: &[Styled], right: &[Styled], col: usize, color: bool) {
    for i in 0..left.len().max(right.len()) {
        let l = left.get(i).map_or(&[][..], Vec::as_slice);
        paint(out, l, color);
        out.push_str(&" ".repeat(col.saturating_sub(width_of(l))));
        paint(out, &[seg(GUTTER, DIM)], color);
        paint(out, right.get(i).map_or(&[][..], Vec::as_slice), color);
        // No trailing spaces: a row ends where its text ends.
        out.truncate(out.trim_end_matches(' ').len());
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::highlight::Lang;

    fn texts(rows: Vec<Styled>) -> Vec<String> {
        rows.iter().map(|r| r.iter().map(|s| s.text.as_str()).collect()).collect()
    }

    #[test]
    fn resolves_slugs_examples_and_short_names() {
        let c = crate::fixture::catalog();
        let pick =
            |slug, rust| resolve(&c, slug, rust).map(|(p, r)| (p.slug.clone(), r.example.clone()));
        assert_eq!(pick("spawn", None), Ok(("spawn".into(), "spawn".into())));
        assert_eq!(pick("spawn", Some("tokio")), Ok(("spawn".into(), "spawn-tokio".into())));
        assert_eq!(pick("spawn-scoped", None), Ok(("spawn".into(), "spawn-scoped".into())));
    }

    #[test]
    fn unknown_names_suggest_chapters_first_then_translations() {
        let c = crate::fixture::catalog();
        let err = resolve(&c, "chanels", None).unwrap_err();
        assert!(err.contains("did you mean `channels` or `channels-rayon`?"), "{err}");
        let err = resolve(&c, "mutexes", None).unwrap_err();
        assert!(err.contains("did you mean `mutex`"), "{err}");
        let err = resolve(&c, "zzzzzz", None).unwrap_err();
        assert!(err.contains("  Goroutines and threads: spawn\n  Channels: channels\n"), "{err}");
        let err = resolve(&c, "spawn", Some("tokyo")).unwrap_err();
        assert!(err.contains("did you mean `spawn-tokio`"), "{err}");
        let err = resolve(&c, "spawn", Some("channels")).unwrap_err();
        assert!(err.contains("belongs to chapter \"channels\""), "{err}");
    }

    #[test]
    fn the_list_groups_chapters_under_sections_with_one_tier_vocabulary() {
        let text = list(&crate::fixture::catalog());
        let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s:?} not in\n{text}"));
        assert!(
            at("Goroutines and threads\n") < at("  spawn ") && at("  spawn ") < at("Channels\n")
        );
        assert!(at("Beyond the guide\n") < at("  semaphore "));
        assert!(
            text.contains("cargo run --example spawn-tokio") && text.contains(" async: tokio\n")
        );
        assert!(
            text.contains(" crossbeam: rayon\n")
                && text.contains("Museum (cargo xtask museum <case>): counter-race")
        );
    }

    const GO: &str = "// Go header.\npackage main\n\nfunc main() {\n\t// ## One\n\t// Go prose.\n\tx := 1\n\t// ## Close\n\tclose(ch)\n}\n";
    const RUST: &str = "//! Rust header.\n\nfn main() {\n    // ## One\n    // Rust prose.\n    let x = 1;\n    // A first line of a comment block inside the code, long enough that it has to be\n    // refilled.\n    let y = x.checked_add(1).map(|v| v * 2).unwrap_or_default_value_of_some_kind(\"?\");\n    // ## Extra\n    let z = 2;\n    // ## Close\n    // Nothing to do in Rust: the channel closes when its Sender is dropped.\n}\n";

    fn reading_text(width: usize, rust_text: Option<&str>) -> String {
        let c = crate::fixture::catalog();
        let ch = c.chapter("spawn").unwrap();
        let go = Program::new("go-reference/spawn/main.go", Lang::Go, Some(GO.into()), None);
        let rust = Program::new(
            "examples-std/examples/spawn.rs",
            Lang::Rust,
            rust_text.map(String::from),
            None,
        );
        let reading = Reading {
            catalog: &c,
            chapter: ch,
            example: ch.primary(),
            go: &go,
            rust: &rust,
            expected: rust_text.map(|_| "one\ntwo\n"),
        };
        render(&reading, Options { width, color: false, light: false })
    }

    #[test]
    fn side_by_side_fits_the_width_and_lines_up_steps() {
        let text = reading_text(120, Some(RUST));
        for line in text.lines() {
            assert!(line.width() <= 120, "too wide: {line:?}");
        }
        let one = text.lines().find(|l| l.contains("// Go prose.")).expect("the step's prose");
        assert!(one.contains(" │ // Rust prose."), "{one:?}");
        assert!(text.contains("── 2. Extra (Rust only) "));
        assert!(text.contains("(no such step on this side)"));
        assert!(text.contains("Goroutines and threads · Join it."));
        assert!(text.contains("Also  spawn-scoped (std), spawn-tokio (async: tokio)"));
        let close = text
            .lines()
            .find(|l| l.contains("close(ch)"))
            .expect("the Go side of the skipped step");
        assert!(close.contains("│ Nothing to do in Rust: the channel closes"), "{close:?}");
        assert!(text.ends_with("one\ntwo\n") && !text.contains('\x1b'));
    }

    #[test]
    fn narrow_terminals_stack_and_never_cut_a_word() {
        let text = reading_text(60, Some(RUST));
        assert!(!text.contains(" │ "));
        for line in text.lines() {
            assert!(line.width() <= 60, "too wide: {line:?}");
        }
        assert!(text.find("// Go prose.").unwrap() < text.find("// Rust prose.").unwrap());
        // Every comment block is refilled, not only the step's first.
        assert!(text.contains("  // A first line of a comment block inside the code, long\n  // enough that it has to be refilled.\n"), "{text}");
        // Code wraps at a space, the continuation marked and indented.
        assert!(text.contains("  let y = x.checked_add(1).map(|v| v *\n  ↪ 2).unwrap_or_default_value_of_some_kind(\"?\");"), "{text}");
        assert!(
            text.contains(
                "  Go    go-reference/spawn/main.go\n        cd go-reference && go run ./spawn\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn a_translation_not_written_yet_is_named_not_fatal() {
        let text = reading_text(120, None);
        assert!(text.contains("(examples-std/examples/spawn.rs is not written yet)"));
        assert!(text.contains("// Go prose."), "the Go side is still shown");
        assert!(text.contains("(go-reference/spawn/expected.txt is not written yet)"));
    }

    #[test]
    fn long_words_are_cut_only_when_nothing_else_fits() {
        let row = |s: &str, w| texts(wrap_segs(vec![seg(s, Style::new())], w));
        assert_eq!(row("abcdefghijklmnop", 10), ["abcdefghij", "↪ klmnop"]);
        assert_eq!(
            row("    let x = call(argument);", 21),
            ["    let x =", "    ↪ call(argument);"]
        );
        assert_eq!(row("short", 12), ["short"]);
        let call = row("let w = spawn(|| panic!(\"the worker gave up\"));", 40);
        assert_eq!(call, ["let w = spawn(||", "↪ panic!(\"the worker gave up\"));"]);
    }

    #[test]
    fn reflow_refills_paragraphs_and_keeps_list_items() {
        let prose =
            ["Run it with this", "command.", "", "  - first item that is long", "  - second"]
                .map(String::from);
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

    #[test]
    fn colorfgbg_tells_light_from_dark() {
        assert!(light_background(Some("0;15")) && light_background(Some("0;default;7")));
        assert!(!light_background(Some("15;0")) && !light_background(None));
    }
}

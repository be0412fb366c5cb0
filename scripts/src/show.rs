//! `cargo xtask show <slug> [--rust <example>]` and `cargo xtask list`: the terminal's view of
//! the chapter model ([`crate::chapter`]): a Go program and one Rust translation in two columns
//! (stacked below 100 columns), lined up on their steps, with the checked output below.

use std::fmt::Write as _;
use std::path::Path;

use anstyle::{Effects, RgbColor, Style};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::catalog::{Catalog, Chapter, RustExample};
use crate::chapter::{Cell, Program, plain_comment, rows, tier_label};
use crate::highlight::{Highlighter, Lang, Line, Tone};

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
    scored.dedup_by_key(|s| s.1);
    scored.into_iter().map(|(_, c)| c).collect()
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
        (None, None) => return Err(no_chapter(catalog, slug)),
    };
    let Some(name) = rust else {
        return Ok((chapter, chapter.primary()));
    };
    let prefix = format!("{}-", chapter.slug);
    let short = |r: &'a RustExample| r.example.strip_prefix(prefix.as_str());
    if let Some(r) = chapter.rust.iter().find(|r| r.example == name || short(r) == Some(name)) {
        return Ok((chapter, r));
    }
    // Close to a full name, then close to the part after the slug.
    let mut close = close_matches(name, chapter.rust.iter().map(|r| r.example.as_str()));
    for s in close_matches(name, chapter.rust.iter().filter_map(short)) {
        let full = chapter.rust.iter().find(|r| short(r) == Some(s)).map(|r| r.example.as_str());
        if let Some(full) = full.filter(|f| !close.contains(f)) {
            close.push(full);
        }
    }
    let mut msg = format!("chapter {:?} has no Rust translation {name:?}", chapter.slug);
    if let Some(other) = catalog.chapter_of_example(name) {
        let _ = write!(msg, " ({name:?} belongs to chapter {:?})", other.slug);
    }
    if close.is_empty() {
        let names: Vec<&str> = chapter.rust.iter().map(|r| r.example.as_str()).collect();
        let _ = write!(msg, "; its translations are: {}", names.join(", "));
    } else {
        let _ = write!(msg, "; did you mean {}?", or_list(&close));
    }
    Err(msg)
}

/// Why `slug` names no chapter: the chapters that look like it (those of a section it names
/// first), then translations that do, at most six; or all the chapters under their sections.
fn no_chapter(catalog: &Catalog, slug: &str) -> String {
    let sections = close_matches(slug, catalog.sections.iter().map(|s| s.key.as_str()));
    let in_sections = catalog.chapters.iter().filter(|c| sections.contains(&c.section.as_str()));
    let mut close: Vec<&str> = in_sections.map(|c| c.slug.as_str()).collect();
    let slugs = close_matches(slug, catalog.chapters.iter().map(|c| c.slug.as_str()));
    let examples = close_matches(slug, catalog.examples().map(|(_, r)| r.example.as_str()));
    for n in slugs.into_iter().chain(examples) {
        if !close.contains(&n) {
            close.push(n);
        }
    }
    close.truncate(6);
    if !close.is_empty() {
        let close = or_list(&close);
        return format!(
            "no chapter is called {slug:?}; did you mean {close}? (`cargo xtask list` shows them all)"
        );
    }
    let mut msg = format!("no chapter is called {slug:?}; the chapters are:");
    for (s, chapters) in catalog.grouped() {
        let slugs: Vec<&str> = chapters.iter().map(|c| c.slug.as_str()).collect();
        let _ = write!(msg, "\n  {}: {}", s.title, slugs.join(", "));
    }
    msg
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
            let _ = writeln!(out, "  {:<22} cd go-reference && {}", "", c.go_command());
            for r in &c.rust {
                let _ = writeln!(out, "  {:<22} {:<44} {}", "", r.command(), tier_label(r));
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
    let highlighter = color.then(Highlighter::new).transpose()?;
    let go = Program::load(root, &chapter.go_file(root), Lang::Go, highlighter.as_ref());
    let rust = Program::load(root, &example.file(root), Lang::Rust, highlighter.as_ref());
    if go.text.is_none() && rust.text.is_none() {
        anyhow::bail!("chapter {:?} has neither {} nor {} yet", chapter.slug, go.path, rust.path);
    }
    let expected = std::fs::read_to_string(chapter.expected_file(root)).ok();
    let light = light_background(std::env::var("COLORFGBG").ok().as_deref());
    let (go, rust, expected) = (&go, &rust, expected.as_deref());
    let text =
        render(&Reading { catalog, chapter, example, go, rust, expected, width, color, light });
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        // `cargo xtask show spawn | head` closes the pipe early: not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
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

/// What `show` renders: a chapter, one translation, both programs and the expected output;
/// and how: the width to fit, whether to write colours, whether the terminal has a light
/// background (code then takes the light theme's colours).
#[derive(Debug)]
pub struct Reading<'a> {
    pub catalog: &'a Catalog,
    pub chapter: &'a Chapter,
    pub example: &'a RustExample,
    pub go: &'a Program,
    pub rust: &'a Program,
    pub expected: Option<&'a str>,
    pub width: usize,
    pub color: bool,
    pub light: bool,
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
    line.iter().map(|t| seg(t.text.clone(), style(if light { t.light } else { t.dark }))).collect()
}

fn width_of(segs: &[Seg]) -> usize {
    segs.iter().map(|s| s.text.width()).sum()
}

/// Text wrapped to `width` columns (at least 8), the first line after `indent` and the others
/// after `hang`; a word is never split at its hyphens.
fn wrap(text: &str, width: usize, indent: &str, hang: &str) -> Vec<String> {
    let opts = textwrap::Options::new(width.max(8))
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .initial_indent(indent)
        .subsequent_indent(hang);
    textwrap::wrap(text, opts).into_iter().map(|l| l.into_owned()).collect()
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
    // Each paragraph with its indentation (a list item's own); None for a blank line.
    let mut paras: Vec<Option<(&str, String)>> = Vec::new();
    for line in prose {
        let text = line.trim();
        let item = text.starts_with("- ");
        match paras.last_mut() {
            _ if text.is_empty() => paras.push(None),
            Some(Some((_, para))) if !item => {
                para.push(' ');
                para.push_str(text);
            }
            _ => {
                let indent = if item { &line[..line.len() - line.trim_start().len()] } else { "" };
                paras.push(Some((indent, text.to_string())));
            }
        }
    }
    let mut out = Vec::new();
    for para in paras {
        match para {
            None => out.push(String::new()),
            Some((indent, text)) => {
                let hang = format!("{indent}{}", if text.starts_with("- ") { "  " } else { "" });
                out.extend(wrap(&text, width, indent, &hang));
            }
        }
    }
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
            out.extend(comment_rows(&prose, indent, width, first.map_or(PROSE, |s| s.style)));
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
        wrap(&text, width, "", "").into_iter().map(|l| vec![seg(l, style)]).collect()
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

/// The text of the reading, with colours when `color` is set.
#[derive(Debug)]
struct Out {
    text: String,
    color: bool,
}

impl Out {
    fn paint(&mut self, segs: &[Seg]) {
        for s in segs {
            if self.color && s.style != Style::new() {
                let _ =
                    write!(self.text, "{}{}{}", s.style.render(), s.text, s.style.render_reset());
            } else {
                self.text.push_str(&s.text);
            }
        }
    }

    fn line(&mut self, segs: &[Seg]) {
        self.paint(segs);
        self.text.push('\n');
    }

    fn rule(&mut self, title: &str, width: usize) {
        let head = format!("── {title} ");
        let fill = width.saturating_sub(head.width());
        self.line(&[seg(head, BOLD), seg("─".repeat(fill), DIM)]);
    }

    /// Wrapped plain text with a style.
    fn para(&mut self, text: &str, width: usize, style: Style) {
        for l in wrap(text, width, "", "") {
            self.line(&[seg(l, style)]);
        }
    }

    fn two_columns(&mut self, left: &[Styled], right: &[Styled], col: usize) {
        for i in 0..left.len().max(right.len()) {
            let l = left.get(i).map_or(&[][..], Vec::as_slice);
            self.paint(l);
            self.text.push_str(&" ".repeat(col.saturating_sub(width_of(l))));
            self.paint(&[seg(GUTTER, DIM)]);
            self.paint(right.get(i).map_or(&[][..], Vec::as_slice));
            // No trailing spaces: a row ends where its text ends.
            self.text.truncate(self.text.trim_end_matches(' ').len());
            self.text.push('\n');
        }
    }
}

/// Renders a reading for the terminal.
pub fn render(reading: &Reading<'_>) -> String {
    let Reading { catalog, chapter, example, go, rust, expected, light, .. } = *reading;
    let width = reading.width.max(40);
    let mut out = Out { text: String::new(), color: reading.color };
    out.para(&chapter.title, width, BOLD);
    let section = &catalog.section_of(chapter).title;
    out.para(&format!("{section} · {}", chapter.takeaway), width, Style::new());
    out.text.push('\n');
    let commands = [
        ("Go  ", &go.path, format!("cd go-reference && {}", chapter.go_command())),
        ("Rust", &rust.path, example.command()),
    ];
    for (label, path, cmd) in commands {
        let head = vec![seg(format!("  {label}  "), BOLD), seg(path.clone(), Style::new())];
        if width_of(&head) + 2 + cmd.width() <= width {
            out.line(&[head, vec![seg(format!("  {cmd}"), DIM)]].concat());
        } else {
            // Too narrow for one line: the command goes under the path.
            out.line(&head);
            out.para(&format!("        {cmd}"), width, DIM);
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
        out.para(&text, width, DIM);
    }
    out.text.push('\n');
    let side_by_side = width >= MIN_SIDE_BY_SIDE;
    let col = (width - GUTTER.width()) / 2;
    if side_by_side {
        let heads = [
            format!("Go · {}", go.path),
            format!("Rust · {} ({})", rust.path, tier_label(example)),
        ];
        let [l, r] = heads.map(|h| {
            wrap(&h, col, "", "").into_iter().map(|l| vec![seg(l, BOLD)]).collect::<Vec<_>>()
        });
        out.two_columns(&l, &r, col);
    }
    for row in rows(go, rust) {
        let heading = match row.only() {
            Some(only) => format!("{} ({only})", row.heading),
            None => row.heading.clone(),
        };
        out.rule(&heading, width);
        if side_by_side {
            let l = cell_rows(&row.go, &go.path, col, light);
            let r = cell_rows(&row.rust, &rust.path, col, light);
            out.two_columns(&l, &r, col);
            continue;
        }
        let not_a_step = row.kind != "step";
        for (label, cell, path) in [("Go", &row.go, &go.path), ("Rust", &row.rust, &rust.path)] {
            let empty = matches!(cell, Cell::Written { prose, code } if prose.is_empty() && code.is_empty());
            if empty || *cell == Cell::Absent || (not_a_step && *cell == Cell::Missing) {
                continue;
            }
            out.line(&[seg(label, BOLD)]);
            for r in cell_rows(cell, path, width - 2, light) {
                out.text.push_str("  ");
                out.line(&r);
            }
        }
    }
    let expected_path = format!("go-reference/{}/expected.txt", chapter.slug);
    out.rule(&format!("Output: {expected_path}"), width);
    match expected {
        Some(text) => {
            let note = "Go and every Rust translation print exactly this; `cargo test` checks it.";
            out.para(note, width, DIM);
            for l in text.lines() {
                for r in wrap_segs(vec![seg(l, Style::new())], width) {
                    out.line(&r);
                }
            }
        }
        None => out.para(&format!("({expected_path} is not written yet)"), width, DIM),
    }
    out.text
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
            width,
            color: false,
            light: false,
        };
        render(&reading)
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

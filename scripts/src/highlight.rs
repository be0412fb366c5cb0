//! Syntax highlighting for Go and Rust, shared by `show` (terminal colours) and `site` (CSS).
//!
//! syntect parses each file once, with its bundled Sublime Text grammars, and every token gets
//! two resolved styles: one from a light theme and one from a dark theme. The terminal uses the
//! dark one; the site turns each distinct (light, dark) pair into a CSS class, so the page
//! follows the system's colour scheme without highlighting twice. Tokens are plain data, so a
//! step can be cut out of a highlighted file and dedented without re-parsing it (`chapter`).

use std::collections::HashMap;

use anyhow::{Context, Result};
use syntect::easy::ScopeRegionIterator;
use syntect::highlighting::{FontStyle, Highlighter as ThemeHighlighter, Style, Theme, ThemeSet};
use syntect::parsing::{ParseState, Scope, ScopeStack, SyntaxSet};

/// The theme for light pages.
pub const LIGHT_THEME: &str = "InspiredGitHub";
/// The theme for dark pages and for the terminal.
pub const DARK_THEME: &str = "base16-ocean.dark";

/// The languages we show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Go,
    Rust,
}

/// How a token looks in one theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Tone {
    /// The foreground colour, or None for the surrounding text colour.
    pub rgb: Option<(u8, u8, u8)>,
    pub bold: bool,
    pub italic: bool,
}

/// A run of text with one look per theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub text: String,
    pub light: Tone,
    pub dark: Tone,
}

/// A highlighted line: its tokens, without the newline.
pub type Line = Vec<Token>;

impl Token {
    /// Text with no highlighting.
    pub fn plain(text: impl Into<String>) -> Token {
        Token { text: text.into(), light: Tone::default(), dark: Tone::default() }
    }
}

/// The grammars and the two themes, loaded once.
#[derive(Debug)]
pub struct Highlighter {
    syntaxes: SyntaxSet,
    light: Theme,
    dark: Theme,
}

impl Highlighter {
    pub fn new() -> Result<Highlighter> {
        let mut themes = ThemeSet::load_defaults().themes;
        let mut theme =
            |name| themes.remove(name).with_context(|| format!("syntect has no theme {name:?}"));
        let (light, dark) = (theme(LIGHT_THEME)?, theme(DARK_THEME)?);
        Ok(Highlighter { syntaxes: SyntaxSet::load_defaults_newlines(), light, dark })
    }

    /// Highlights a whole file, one entry per line of `source`. A grammar that fails on some
    /// line leaves the rest of the file plain rather than failing.
    pub fn highlight(&self, lang: Lang, source: &str) -> Vec<Line> {
        let extension = match lang {
            Lang::Go => "go",
            Lang::Rust => "rs",
        };
        let Some(syntax) = self.syntaxes.find_syntax_by_extension(extension) else {
            return plain_lines(source);
        };
        let light = ThemeHighlighter::new(&self.light);
        let dark = ThemeHighlighter::new(&self.dark);
        let mut cache: HashMap<Vec<Scope>, (Tone, Tone)> = HashMap::new();
        let mut state = ParseState::new(syntax);
        let mut stack = ScopeStack::new();
        let mut failed = false;
        let mut out = Vec::new();
        for line in source.lines() {
            let with_newline = format!("{line}\n");
            let ops =
                if failed { None } else { state.parse_line(&with_newline, &self.syntaxes).ok() };
            let Some(ops) = ops else {
                failed = true;
                out.push(vec![Token::plain(line)]);
                continue;
            };
            let mut tokens: Line = Vec::new();
            // Each region of the line comes after the operation that opens its scope.
            for (text, op) in ScopeRegionIterator::new(&ops, &with_newline) {
                failed |= stack.apply(op).is_err();
                let text = text.trim_end_matches('\n');
                if text.is_empty() {
                    continue;
                }
                let scopes = stack.as_slice();
                let (l, d) = *cache.entry(scopes.to_vec()).or_insert_with(|| {
                    let style = |h: &ThemeHighlighter<'_>, t| tone(t, h.style_for_stack(scopes));
                    (style(&light, &self.light), style(&dark, &self.dark))
                });
                match tokens.last_mut() {
                    Some(last) if last.light == l && last.dark == d => last.text.push_str(text),
                    _ => tokens.push(Token { text: text.to_string(), light: l, dark: d }),
                }
            }
            out.push(tokens);
        }
        out
    }
}

/// A style as a tone. The theme's own text colour becomes None, so plain code takes the colour
/// of its surroundings (the terminal's text colour, the page's code colour).
fn tone(theme: &Theme, style: Style) -> Tone {
    let c = style.foreground;
    let plain = theme.settings.foreground == Some(c);
    Tone {
        rgb: (!plain).then_some((c.r, c.g, c.b)),
        bold: style.font_style.contains(FontStyle::BOLD),
        italic: style.font_style.contains(FontStyle::ITALIC),
    }
}

/// Every line as one plain token.
pub fn plain_lines(source: &str) -> Vec<Line> {
    source.lines().map(|l| vec![Token::plain(l)]).collect()
}

/// The text of a line.
pub fn line_text(line: &[Token]) -> String {
    line.iter().map(|t| t.text.as_str()).collect()
}

/// `text` with each tab expanded to the next multiple of `tab` columns, counting from the
/// start of its line.
pub fn expand_tabs(text: &str, tab: usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut col = 0;
    for c in text.chars() {
        match c {
            '\t' => {
                let n = tab - col % tab;
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            c => {
                out.push(c);
                col = if c == '\n' { 0 } else { col + 1 };
            }
        }
    }
    out
}

/// Removes the indentation that every non-blank line shares (tabs already expanded), and
/// trailing whitespace.
pub fn dedent(lines: Vec<Line>) -> Vec<Line> {
    let lead = |l: &Line| {
        let text = line_text(l);
        (!text.trim().is_empty()).then(|| text.len() - text.trim_start_matches(' ').len())
    };
    let common = lines.iter().filter_map(lead).min().unwrap_or(0);
    lines
        .into_iter()
        .map(|line| {
            let mut skip = common;
            let mut out: Line = Vec::new();
            for mut t in line {
                let cut = skip.min(t.text.len() - t.text.trim_start_matches(' ').len());
                t.text.drain(..cut);
                if t.text.is_empty() {
                    skip -= cut;
                } else {
                    skip = 0;
                    out.push(t);
                }
            }
            // Trailing whitespace carries no colour worth keeping.
            while out.last().is_some_and(|t| t.text.trim_end().is_empty()) {
                out.pop();
            }
            if let Some(last) = out.last_mut() {
                last.text.truncate(last.text.trim_end().len());
            }
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| line_text(l)).collect()
    }

    #[test]
    fn highlights_every_line_and_keeps_the_text() {
        let h = Highlighter::new().expect("bundled themes");
        let go = "package main\n\nfunc main() {\n\tx := \"s\" // c\n}\n";
        let lines = h.highlight(Lang::Go, &expand_tabs(go, 4));
        assert_eq!(
            texts(&lines),
            ["package main", "", "func main() {", "    x := \"s\" // c", "}"]
        );
        // The comment and the string are coloured differently.
        let line = &lines[3];
        let comment = line.iter().find(|t| t.text.contains("// c")).expect("comment");
        let string = line.iter().find(|t| t.text == "s").expect("the string's text");
        assert_ne!(comment.light, string.light);
        assert_ne!(comment.dark, string.dark);
        let rust = h.highlight(Lang::Rust, "fn main() {\n    let x = 1;\n}\n");
        assert!(rust[1].len() > 1, "a Rust line is split into tokens");
    }

    #[test]
    fn dedent_cuts_across_tokens() {
        let line = |parts: &[&str]| -> Line { parts.iter().map(|p| Token::plain(*p)).collect() };
        let lines = vec![line(&["  ", "  if", " x {"]), vec![], line(&["      y  "])];
        assert_eq!(texts(&dedent(lines)), ["if x {", "", "  y"]);
    }

    #[test]
    fn tabs_expand_by_column() {
        assert_eq!(expand_tabs("ab\tc\n\td", 4), "ab  c\n    d");
    }
}

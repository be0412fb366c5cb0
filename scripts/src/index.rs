//! `index.toml`: the Go → Rust index. Each entry is a Go identifier or channel operation, its
//! Rust counterpart in each tier, and the chapters that show it. The README's table and the
//! site's `go-to-rust.html` render it; [`missing`] is the coverage check the test suite runs.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{Result, bail};
use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;

/// The whole index, in file order.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Index {
    #[serde(rename = "go", default)]
    pub entries: Vec<Entry>,
}

/// One Go name and its counterparts.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// `sync.WaitGroup.Add`, `time.After`, `close(ch)`, `select`.
    pub name: String,
    /// The Go documentation, for names that are not package members (the spec's sections).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc: Option<String>,
    pub chapters: Vec<String>,
    pub std: Counterpart,
    pub crossbeam: Counterpart,
    pub tokio: Counterpart,
}

/// What a tier offers for a Go name.
#[derive(Debug, Deserialize, Serialize)]
#[serde(untagged, deny_unknown_fields)]
pub enum Counterpart {
    One(Api),
    Several(Vec<Api>),
    None { none: String },
}

/// A Rust API and its documentation.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Api {
    pub api: String,
    pub doc: String,
}

/// Go packages whose package-qualified identifiers the index must cover, by the name a
/// program refers to them with. `time` counts only for its concurrency names ([`TIME_NAMES`]).
pub const COVERED_PACKAGES: [&str; 10] = [
    "sync",
    "atomic",
    "context",
    "time",
    "signal",
    "errgroup",
    "semaphore",
    "singleflight",
    "synctest",
    "iter",
];

/// The `time` names that are about concurrency.
pub const TIME_NAMES: [&str; 9] =
    ["After", "AfterFunc", "NewTimer", "NewTicker", "Tick", "Timer", "Ticker", "Sleep", "Until"];

/// The channel operations and statements the index must cover when a program uses them: the
/// index name, and a test on one line of Go code (comments removed).
pub const OPERATIONS: [(&str, LineTest); 9] = [
    ("go f()", |l| starts_statement(l, "go ")),
    ("make(chan T)", |l| make_chans(l).any(|buffered| !buffered)),
    ("make(chan T, n)", |l| make_chans(l).any(|buffered| buffered)),
    ("close(ch)", |l| starts_statement(l, "close(")),
    ("select", |l| starts_statement(l, "select {")),
    ("v, ok := <-ch", |l| l.contains(", ok := <-") || l.contains(", ok = <-")),
    ("for v := range ch", |l| {
        starts_statement(l, "for ") && l.contains(":= range") && l.contains("chan")
    }),
    ("chan<- T", |l| l.contains("chan<- ")),
    ("<-chan T", |l| l.contains("<-chan ")),
];

/// For each `make(chan ...)` on the line, whether it gives a capacity: a comma inside its own
/// parentheses, not one between two calls (`a, b := make(chan int), make(chan bool)`).
fn make_chans(line: &str) -> impl Iterator<Item = bool> + '_ {
    line.match_indices("make(chan ").map(move |(at, m)| {
        let mut depth = 1;
        for c in line[at + m.len()..].chars() {
            match c {
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => {
                    depth -= 1;
                    if depth == 0 {
                        return false;
                    }
                }
                ',' if depth == 1 => return true,
                _ => {}
            }
        }
        false
    })
}

/// Whether a line of Go code (comments removed) uses an operation.
pub type LineTest = fn(&str) -> bool;

fn starts_statement(line: &str, keyword: &str) -> bool {
    line.trim_start().starts_with(keyword)
}

impl Index {
    /// Reads and validates `index.toml` under `root` against the catalog.
    pub fn load(root: &Path, catalog: &Catalog) -> Result<Index> {
        let index: Index = crate::read_toml(&root.join("index.toml"))?;
        index.validate(catalog)?;
        Ok(index)
    }

    /// Names are unique, chapters exist, documentation links are https addresses.
    pub fn validate(&self, catalog: &Catalog) -> Result<()> {
        let mut names = BTreeSet::new();
        for e in &self.entries {
            let name = &e.name;
            if !names.insert(name) {
                bail!("index.toml: {name:?} appears twice");
            }
            if e.chapters.is_empty() {
                bail!("index.toml: {name:?} names no chapter");
            }
            if let Some(slug) = e.chapters.iter().find(|s| catalog.chapter(s).is_none()) {
                bail!("index.toml: {name:?} names chapter {slug:?}, which catalog.toml lacks");
            }
            for link in e.doc.iter().chain(e.apis().map(|(_, a)| &a.doc)) {
                if !link.starts_with("https://") || link.contains(char::is_whitespace) {
                    bail!("index.toml: {name:?} links to {link:?}, not an https address");
                }
            }
            if e.doc.is_none() && !name.contains('.') {
                bail!("index.toml: {name:?} is no package member, so it needs a `doc` link");
            }
            for (tier, c) in e.tiers() {
                if matches!(c, Counterpart::None { none } if none.trim().is_empty()) {
                    bail!("index.toml: {name:?} has no {tier} counterpart and gives no reason");
                }
            }
        }
        Ok(())
    }

    /// The entries a chapter shows, in index order.
    pub fn for_chapter<'a>(&'a self, slug: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        self.entries.iter().filter(move |e| e.chapters.iter().any(|c| c == slug))
    }

    /// The entries a Go program uses, found as [`missing`] finds them, plus those whose
    /// `chapters` name `slug`; in index order.
    pub fn used_by<'a>(&'a self, slug: &str, go_source: &str) -> Vec<&'a Entry> {
        let used = names_used(go_source);
        self.entries
            .iter()
            .filter(|e| used.contains(&e.name) || e.chapters.iter().any(|c| c == slug))
            .collect()
    }
}

impl Entry {
    /// The Go documentation: `doc`, or pkg.go.dev derived from the name (`sync.WaitGroup.Add`
    /// is https://pkg.go.dev/sync#WaitGroup.Add).
    pub fn go_doc(&self) -> String {
        if let Some(doc) = &self.doc {
            return doc.clone();
        }
        let (pkg, member) = self.name.split_once('.').unwrap_or((&self.name, ""));
        let path = match pkg {
            "atomic" => "sync/atomic",
            "signal" => "os/signal",
            "errgroup" => "golang.org/x/sync/errgroup",
            "semaphore" => "golang.org/x/sync/semaphore",
            "singleflight" => "golang.org/x/sync/singleflight",
            "synctest" => "testing/synctest",
            "http" => "net/http",
            "httptest" => "net/http/httptest",
            other => other,
        };
        format!("https://pkg.go.dev/{path}#{member}")
    }

    /// The three tiers' counterparts, named as the index's columns name them.
    pub fn tiers(&self) -> [(&'static str, &Counterpart); 3] {
        [("std", &self.std), ("crossbeam", &self.crossbeam), ("tokio", &self.tokio)]
    }

    /// Every Rust API the entry links, with its tier.
    pub fn apis(&self) -> impl Iterator<Item = (&'static str, &Api)> {
        self.tiers().into_iter().flat_map(|(tier, c)| c.apis().iter().map(move |a| (tier, a)))
    }
}

impl Counterpart {
    /// The Rust APIs it links: none for [`Counterpart::None`].
    pub fn apis(&self) -> &[Api] {
        match self {
            Counterpart::One(a) => std::slice::from_ref(a),
            Counterpart::Several(v) => v,
            Counterpart::None { .. } => &[],
        }
    }
}

/// The names a Go program uses that the index must cover: package-qualified identifiers of
/// [`COVERED_PACKAGES`] (methods are not found: they need types), and [`OPERATIONS`].
pub fn names_used(go_source: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for line in go_source.lines() {
        let code = strip_comment_and_strings(line);
        for (name, test) in OPERATIONS {
            if test(&code) {
                names.insert(name.to_string());
            }
        }
        for pkg in COVERED_PACKAGES {
            let needle = format!("{pkg}.");
            for (at, _) in code.match_indices(&needle) {
                let before = code[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                    continue; // `ctx.` inside `myctx.`, or a method chain.
                }
                let ident: String = code[at + needle.len()..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                let exported = ident.starts_with(|c: char| c.is_ascii_uppercase());
                if exported && (pkg != "time" || TIME_NAMES.contains(&ident.as_str())) {
                    names.insert(format!("{pkg}.{ident}"));
                }
            }
        }
    }
    names
}

/// The line without its `//` comment and with string literals emptied.
fn strip_comment_and_strings(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut quote = None;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match quote {
            Some('"') if c == '\\' => {
                chars.next();
            }
            Some(q) if c != q => {}
            Some(_) => {
                quote = None;
                out.push(c);
            }
            None if c == '/' && chars.peek() == Some(&'/') => break,
            None => {
                if matches!(c, '"' | '`' | '\'') {
                    quote = Some(c);
                }
                out.push(c);
            }
        }
    }
    out
}

/// For each chapter, the names its Go program uses that the index lacks. An entry's
/// `chapters` are the chapters that teach it; a chapter may use a name it does not teach
/// (most use `go f()`), and its page links every entry it uses ([`Index::used_by`]).
pub fn missing(root: &Path, catalog: &Catalog, index: &Index) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    for chapter in &catalog.chapters {
        let file = chapter.go_file(root);
        let source = crate::read(&file)?;
        for name in names_used(&source) {
            if !index.entries.iter().any(|e| e.name == name) {
                problems.push(format!(
                    "{} uses {name}, which index.toml lacks",
                    crate::chapter::rel_path(root, &file)
                ));
            }
        }
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_package_names_and_channel_operations() {
        let go = r#"
            var wg sync.WaitGroup // sync.Mutex in a comment does not count
            ch := make(chan int, 3)
            done, quit := make(chan struct{}), make(chan func(int, int))
            go func() { defer wg.Done() }()
            fmt.Println("close(ch) in a string does not count", time.Now())
            select {
            case <-time.After(time.Second):
            }
            v, ok := <-ch
            close(done)
            func f(out chan<- int, in <-chan int) {}
            n := atomic.Int64{}
        "#;
        let names: Vec<String> = names_used(go).into_iter().collect();
        assert_eq!(
            names,
            [
                "<-chan T",
                "atomic.Int64",
                "chan<- T",
                "close(ch)",
                "go f()",
                "make(chan T)",
                "make(chan T, n)",
                "select",
                "sync.WaitGroup",
                "time.After",
                "v, ok := <-ch",
            ]
        );
    }

    #[test]
    fn derives_go_documentation_links() {
        let entry = |name: &str| Entry {
            name: name.into(),
            doc: None,
            chapters: vec![],
            std: Counterpart::None { none: "x".into() },
            crossbeam: Counterpart::None { none: "x".into() },
            tokio: Counterpart::None { none: "x".into() },
        };
        assert_eq!(entry("sync.WaitGroup.Add").go_doc(), "https://pkg.go.dev/sync#WaitGroup.Add");
        assert_eq!(entry("atomic.Int64").go_doc(), "https://pkg.go.dev/sync/atomic#Int64");
        assert_eq!(
            entry("errgroup.WithContext").go_doc(),
            "https://pkg.go.dev/golang.org/x/sync/errgroup#WithContext"
        );
    }

    #[test]
    fn parses_each_form_of_counterpart() {
        let text = r#"
            [[go]]
            name = "time.After"
            chapters = ["timeouts"]
            std = { none = "no timer channel" }
            crossbeam = { api = "crossbeam::channel::after", doc = "https://docs.rs/crossbeam/latest/crossbeam/channel/fn.after.html" }
            tokio = [{ api = "tokio::time::sleep", doc = "https://docs.rs/tokio/latest/tokio/time/fn.sleep.html" },
                     { api = "tokio::time::timeout", doc = "https://docs.rs/tokio/latest/tokio/time/fn.timeout.html" }]
        "#;
        let index: Index = toml::from_str(text).expect("valid");
        let e = &index.entries[0];
        assert!(matches!(e.std, Counterpart::None { .. }));
        assert_eq!(e.apis().count(), 3);
    }
}

//! `catalog.toml`: the single ordered list of patterns, and its invariants.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::Deserialize;

/// The whole catalog, in the order the guide teaches.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    #[serde(rename = "pattern")]
    pub patterns: Vec<Pattern>,
}

/// One Go primitive: a Go program and its Rust translations, which all print one expected output.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pattern {
    /// Kebab-case name, the same on both sides: `go-reference/<slug>/` and `--example <slug>`.
    pub slug: String,
    pub title: String,
    /// The guide's section this pattern answers, e.g. "2. Channels".
    pub section: String,
    /// The Go folder, relative to `go-reference/`.
    pub go: String,
    /// One line a Go developer should remember.
    pub takeaway: String,
    pub rust: Vec<RustExample>,
}

/// One Rust translation of a pattern.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RustExample {
    /// The example's name: `<slug>` or `<slug>-<variant>`.
    pub example: String,
    pub tier: Tier,
    /// The crates the example shows, beyond std.
    #[serde(default)]
    pub crates: Vec<String>,
}

/// The three tiers of translation, each a crate of the workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    Std,
    Crossbeam,
    Async,
}

impl Tier {
    pub const ALL: [Tier; 3] = [Tier::Std, Tier::Crossbeam, Tier::Async];

    /// The workspace crate whose `examples/` folder holds this tier's translations.
    pub fn crate_dir(self) -> &'static str {
        match self {
            Tier::Std => "examples-std",
            Tier::Crossbeam => "examples-crossbeam",
            Tier::Async => "examples-async",
        }
    }
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Tier::Std => "std",
            Tier::Crossbeam => "crossbeam",
            Tier::Async => "async",
        })
    }
}

impl Catalog {
    /// Reads and validates `catalog.toml` under `root`.
    pub fn load(root: &Path) -> Result<Catalog> {
        let path = root.join("catalog.toml");
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        let catalog: Catalog =
            toml::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
        catalog.validate()?;
        Ok(catalog)
    }

    /// The rules that need no file system: names are well formed and unique.
    pub fn validate(&self) -> Result<()> {
        let mut slugs = BTreeSet::new();
        let mut examples = BTreeSet::new();
        for p in &self.patterns {
            if !is_kebab(&p.slug) {
                bail!("slug {:?} is not kebab-case", p.slug);
            }
            if !slugs.insert(p.slug.as_str()) {
                bail!("slug {:?} appears twice", p.slug);
            }
            if p.rust.is_empty() {
                bail!("pattern {:?} has no Rust translation", p.slug);
            }
            for r in &p.rust {
                let named_after_slug = r.example == p.slug
                    || r.example
                        .strip_prefix(p.slug.as_str())
                        .is_some_and(|rest| rest.starts_with('-'));
                if !is_kebab(&r.example) || !named_after_slug {
                    bail!(
                        "example {:?} of pattern {:?} must be `{1}` or `{1}-<variant>`",
                        r.example,
                        p.slug
                    );
                }
                if !examples.insert(r.example.as_str()) {
                    bail!("example {:?} appears twice", r.example);
                }
            }
        }
        Ok(())
    }

    pub fn pattern(&self, slug: &str) -> Option<&Pattern> {
        self.patterns.iter().find(|p| p.slug == slug)
    }

    /// Every Rust translation with its pattern, in catalog order.
    pub fn examples(&self) -> impl Iterator<Item = (&Pattern, &RustExample)> {
        self.patterns
            .iter()
            .flat_map(|p| p.rust.iter().map(move |r| (p, r)))
    }
}

impl Pattern {
    /// The Go program's folder.
    pub fn go_dir(&self, root: &Path) -> PathBuf {
        root.join("go-reference").join(&self.go)
    }

    /// The Go program's source file.
    pub fn go_file(&self, root: &Path) -> PathBuf {
        self.go_dir(root).join("main.go")
    }

    /// The output every program of this pattern must print, shared by Go and Rust.
    pub fn expected_file(&self, root: &Path) -> PathBuf {
        self.go_dir(root).join("expected.txt")
    }

    /// The primary Rust translation: the one named exactly like the pattern, else the first.
    pub fn primary(&self) -> &RustExample {
        self.rust
            .iter()
            .find(|r| r.example == self.slug)
            .unwrap_or(&self.rust[0])
    }
}

impl RustExample {
    pub fn file(&self, root: &Path) -> PathBuf {
        root.join(self.tier.crate_dir())
            .join("examples")
            .join(format!("{}.rs", self.example))
    }
}

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Catalog> {
        let c: Catalog = toml::from_str(text)?;
        c.validate()?;
        Ok(c)
    }

    const ONE: &str = r#"
        [[pattern]]
        slug = "channels"
        title = "t"
        section = "2. Channels"
        go = "channels"
        takeaway = "x"
        rust = [{ example = "channels", tier = "std" },
                { example = "channels-tokio", tier = "async", crates = ["tokio"] }]
    "#;

    #[test]
    fn accepts_a_well_formed_pattern() {
        let c = parse(ONE).expect("valid");
        assert_eq!(c.patterns[0].primary().example, "channels");
        assert_eq!(c.examples().count(), 2);
    }

    #[test]
    fn rejects_an_example_not_named_after_its_slug() {
        let text = ONE.replace("channels-tokio", "chan-tokio");
        assert!(parse(&text).is_err());
        let text = ONE.replace("channels-tokio", "channelstokio");
        assert!(parse(&text).is_err());
    }

    #[test]
    fn rejects_duplicates_and_bad_case() {
        let text = ONE.replace("channels-tokio", "channels");
        assert!(parse(&text).unwrap_err().to_string().contains("twice"));
        let text = ONE.replace("\"channels\"", "\"Channels\"");
        assert!(parse(&text).is_err());
    }

    #[test]
    fn rejects_unknown_tiers_and_fields() {
        assert!(parse(&ONE.replace("\"async\"", "\"green\"")).is_err());
        assert!(parse(&ONE.replace("takeaway", "takeway")).is_err());
    }
}

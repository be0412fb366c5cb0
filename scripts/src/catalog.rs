//! `catalog.toml`: the single ordered list of chapters, grouped in sections, and its invariants.

use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use serde::Deserialize;

/// The whole catalog, in the order the guide teaches.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// The guide's sections, in its order, then "beyond".
    #[serde(rename = "section")]
    pub sections: Vec<Section>,
    #[serde(rename = "chapter")]
    pub chapters: Vec<Chapter>,
    /// The museum: mistakes that Go reports at run time (or `go vet` does) and rustc rejects.
    #[serde(rename = "mistake", default)]
    pub mistakes: Vec<Mistake>,
}

/// A group of chapters: one of the guide's twelve sections, or "beyond".
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// What a chapter's `section` names: "channels", "beyond".
    pub key: String,
    pub title: String,
    /// The guide's section number; None for "beyond".
    pub guide: Option<u32>,
}

/// One idea: a Go program and its Rust translations, which all print one expected output.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chapter {
    /// Kebab-case name, the same on both sides: `go-reference/<slug>/` and `--example <slug>`.
    pub slug: String,
    pub title: String,
    /// The key of the section this chapter belongs to.
    pub section: String,
    /// One line a Go developer should remember.
    pub takeaway: String,
    pub rust: Vec<RustExample>,
}

/// One Rust translation of a chapter.
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

/// A tier is named after its crate: `examples-<tier>`.
impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.crate_dir()["examples-".len()..])
    }
}

/// One museum case: a Go program with a concurrency bug, the report Go's tools give for it, and
/// a Rust program that makes the same mistake, with the error rustc gives it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mistake {
    /// Kebab-case name: `go-reference/museum/<case>/main.go` and `scripts/museum/<case>.rs`.
    pub case: String,
    pub title: String,
    /// How Go reports the bug.
    pub go_check: GoCheck,
    /// A line that Go's report must contain, e.g. "WARNING: DATA RACE".
    pub go_report: String,
    /// What rustc says about the Rust program: its error code (`E0499`); the whole first line
    /// of the error for the few that rustc prints without a code (`error: future cannot be sent
    /// between threads safely`); or `compiles` where Rust does not catch the mistake either.
    pub rustc: String,
    /// How Rust programs avoid the mistake, in one or two sentences.
    pub lesson: String,
    /// Chapter examples that do it right.
    #[serde(default)]
    pub fixed_by: Vec<String>,
}

/// The Go tool that reports a museum case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GoCheck {
    /// Built with `-race` and run: the race detector prints "WARNING: DATA RACE".
    Race,
    /// Built and run as is: the runtime's own fatal error or panic.
    Run,
    /// `go vet` on the case's package (copylocks, lostcancel, ...).
    Vet,
    /// Built and run as is, and no Go tool reports the bug: the line is the program's own
    /// output (a leaked goroutine shows only in `runtime.NumGoroutine()`).
    Program,
}

impl GoCheck {
    /// Who reports the bug, for a sentence: "Reported by the Go runtime".
    pub fn reporter(self) -> Option<&'static str> {
        match self {
            GoCheck::Race => Some("the race detector (go run -race)"),
            GoCheck::Run => Some("the Go runtime"),
            GoCheck::Vet => Some("go vet"),
            GoCheck::Program => None,
        }
    }
}

/// What `rustc` is for a case whose Rust program compiles.
pub const COMPILES: &str = "compiles";

impl Catalog {
    /// Reads and validates `catalog.toml` under `root`.
    pub fn load(root: &Path) -> Result<Catalog> {
        let catalog: Catalog = crate::read_toml(&root.join("catalog.toml"))?;
        catalog.validate()?;
        Ok(catalog)
    }

    /// The rules that need no file system: names are well formed and unique.
    pub fn validate(&self) -> Result<()> {
        // Each kind of name is kebab-case and unique among its kind.
        fn unique_kebab<'a>(what: &str, seen: &mut Vec<&'a str>, name: &'a str) -> Result<()> {
            if !is_kebab(name) {
                bail!("{what} {name:?} is not kebab-case");
            }
            if seen.contains(&name) {
                bail!("{what} {name:?} appears twice");
            }
            seen.push(name);
            Ok(())
        }
        let (mut keys, mut slugs, mut examples, mut cases) = (vec![], vec![], vec![], vec![]);
        for s in &self.sections {
            unique_kebab("section key", &mut keys, &s.key)?;
        }
        let mut last_section = 0;
        for p in &self.chapters {
            let Some(at) = keys.iter().position(|k| *k == p.section) else {
                bail!(
                    "chapter {:?} names section {:?}, which catalog.toml lacks",
                    p.slug,
                    p.section
                );
            };
            if at < last_section {
                bail!(
                    "chapter {:?} (section {:?}) comes after a chapter of section {:?}: keep each \
                     section's chapters together, in the sections' order",
                    p.slug,
                    p.section,
                    keys[last_section]
                );
            }
            last_section = at;
            unique_kebab("slug", &mut slugs, &p.slug)?;
            if p.rust.is_empty() {
                bail!("chapter {:?} has no Rust translation", p.slug);
            }
            for r in &p.rust {
                let variant = r.example.strip_prefix(p.slug.as_str());
                if !variant.is_some_and(|rest| rest.is_empty() || rest.starts_with('-')) {
                    bail!(
                        "example {:?} of chapter {:?} must be `{1}` or `{1}-<variant>`",
                        r.example,
                        p.slug
                    );
                }
                unique_kebab("example", &mut examples, &r.example)?;
            }
        }
        for m in &self.mistakes {
            unique_kebab("museum case", &mut cases, &m.case)?;
            if m.go_report.trim().is_empty() {
                bail!("museum case {:?} has an empty go_report", m.case);
            }
            if !is_error_code(&m.rustc) && m.rustc != COMPILES && !m.rustc.starts_with("error: ") {
                bail!(
                    "museum case {:?}: rustc = {:?} is none of an error code like \"E0499\", \
                     an error line \"error: ...\" or {COMPILES:?}",
                    m.case,
                    m.rustc
                );
            }
            if let Some(fix) = m.fixed_by.iter().find(|f| !examples.contains(&f.as_str())) {
                bail!("museum case {:?} is fixed_by {fix:?}, which no chapter names", m.case);
            }
        }
        Ok(())
    }

    pub fn mistake(&self, case: &str) -> Option<&Mistake> {
        self.mistakes.iter().find(|m| m.case == case)
    }

    pub fn chapter(&self, slug: &str) -> Option<&Chapter> {
        self.chapters.iter().find(|p| p.slug == slug)
    }

    /// Each section with its chapters, in catalog order; sections without chapters are left out.
    pub fn grouped(&self) -> Vec<(&Section, Vec<&Chapter>)> {
        self.sections
            .iter()
            .map(|s| (s, self.chapters.iter().filter(|c| c.section == s.key).collect()))
            .filter(|(_, chapters): &(_, Vec<_>)| !chapters.is_empty())
            .collect()
    }

    /// The section a chapter belongs to.
    pub fn section_of(&self, chapter: &Chapter) -> &Section {
        self.sections
            .iter()
            .find(|s| s.key == chapter.section)
            .expect("validate() checked every chapter's section")
    }

    /// The chapter that holds a Rust example.
    pub fn chapter_of_example(&self, example: &str) -> Option<&Chapter> {
        self.examples().find(|(_, r)| r.example == example).map(|(c, _)| c)
    }

    /// Every Rust translation with its chapter, in catalog order.
    pub fn examples(&self) -> impl Iterator<Item = (&Chapter, &RustExample)> {
        self.chapters.iter().flat_map(|p| p.rust.iter().map(move |r| (p, r)))
    }
}

impl Chapter {
    /// The Go program's folder.
    pub fn go_dir(&self, root: &Path) -> PathBuf {
        root.join("go-reference").join(&self.slug)
    }

    /// The chapter's page note, Markdown.
    pub fn note_file(&self, root: &Path) -> PathBuf {
        self.go_dir(root).join("README.md")
    }

    /// The Go program's source file.
    pub fn go_file(&self, root: &Path) -> PathBuf {
        self.go_dir(root).join("main.go")
    }

    /// The output every program of this chapter must print, shared by Go and Rust.
    pub fn expected_file(&self, root: &Path) -> PathBuf {
        self.go_dir(root).join("expected.txt")
    }

    /// The command, run in `go-reference/`, that runs the Go program.
    pub fn go_command(&self) -> String {
        format!("go run ./{}", self.slug)
    }

    /// The primary Rust translation: the one named exactly like the chapter, else the first.
    pub fn primary(&self) -> &RustExample {
        self.rust.iter().find(|r| r.example == self.slug).unwrap_or(&self.rust[0])
    }
}

impl Mistake {
    /// The Go program's folder, relative to `go-reference/`: `museum/<case>`.
    pub fn go(&self) -> String {
        format!("museum/{}", self.case)
    }

    /// The Go program's source file.
    pub fn go_file(&self, root: &Path) -> PathBuf {
        root.join("go-reference").join("museum").join(&self.case).join("main.go")
    }

    /// The command, run in `go-reference/`, that shows Go's report.
    pub fn go_command(&self) -> String {
        let how = match self.go_check {
            GoCheck::Race => "run -race",
            GoCheck::Vet => "vet",
            GoCheck::Run | GoCheck::Program => "run",
        };
        format!("go {how} ./{}", self.go())
    }

    /// The error code rustc must report, if its error has one.
    pub fn error_code(&self) -> Option<&str> {
        is_error_code(&self.rustc).then_some(self.rustc.as_str())
    }

    /// Whether rustc must reject the Rust program.
    pub fn must_not_compile(&self) -> bool {
        self.rustc != COMPILES
    }

    /// The text rustc's recorded output must contain: `error[E0499]`, or the codeless error's
    /// line. None when the program compiles.
    pub fn expected_error(&self) -> Option<String> {
        match self.error_code() {
            Some(code) => Some(format!("error[{code}]")),
            None => self.must_not_compile().then(|| self.rustc.clone()),
        }
    }

    /// The Rust program, relative to `scripts/` (where trybuild runs it).
    pub fn rust_case(&self) -> String {
        format!("museum/{}.rs", self.case)
    }

    /// The Rust program that makes the same mistake.
    pub fn rust_file(&self, root: &Path) -> PathBuf {
        root.join("scripts").join(self.rust_case())
    }

    /// rustc's output for it, as trybuild records and compares it.
    pub fn stderr_file(&self, root: &Path) -> PathBuf {
        self.rust_file(root).with_extension("stderr")
    }
}

impl RustExample {
    /// The command, run in the workspace root, that runs it.
    pub fn command(&self) -> String {
        format!("cargo run --example {}", self.example)
    }

    pub fn file(&self, root: &Path) -> PathBuf {
        root.join(self.tier.crate_dir()).join("examples").join(format!("{}.rs", self.example))
    }
}

/// `E` and four digits, as rustc prints its error codes.
fn is_error_code(s: &str) -> bool {
    s.len() == 5 && s.starts_with('E') && s[1..].chars().all(|c| c.is_ascii_digit())
}

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A catalog of one chapter and two museum cases, for the tests of the modules that read
    /// a catalog.
    pub(crate) const MUTEX_CATALOG: &str = r#"
        [[section]]
        key = "mutex"
        title = "Mutexes"
        guide = 4

        [[chapter]]
        slug = "mutex"
        title = "t"
        section = "mutex"
        takeaway = "x"
        rust = [{ example = "mutex", tier = "std" }]

        [[mistake]]
        case = "counter-race"
        title = "A counter"
        go_check = "race"
        go_report = "WARNING: DATA RACE"
        rustc = "E0499"
        lesson = "Lock it."
        fixed_by = ["mutex"]

        [[mistake]]
        case = "lock-order-deadlock"
        title = "Lock order"
        go_check = "run"
        go_report = "fatal error: all goroutines are asleep - deadlock!"
        rustc = "compiles"
        lesson = "One order."
    "#;

    fn parse(text: &str) -> Result<Catalog> {
        let c: Catalog = toml::from_str(text)?;
        c.validate()?;
        Ok(c)
    }

    const ONE: &str = r#"
        [[section]]
        key = "channels"
        title = "Channels"
        guide = 2

        [[chapter]]
        slug = "channels"
        title = "t"
        section = "channels"
        takeaway = "x"
        rust = [{ example = "channels", tier = "std" },
                { example = "channels-tokio", tier = "async", crates = ["tokio"] }]
    "#;

    #[test]
    fn accepts_a_well_formed_chapter() {
        let c = parse(ONE).expect("valid");
        assert_eq!(c.chapters[0].primary().example, "channels");
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

    const MISTAKE: &str = r#"
        [[mistake]]
        case = "counter-race"
        title = "t"
        go_check = "race"
        go_report = "WARNING: DATA RACE"
        rustc = "E0499"
        lesson = "l"
        fixed_by = ["channels"]
    "#;

    #[test]
    fn accepts_a_museum_case_and_derives_its_paths() {
        let c = parse(&format!("{ONE}{MISTAKE}")).expect("valid");
        let m = c.mistake("counter-race").expect("named");
        assert_eq!(m.go_command(), "go run -race ./museum/counter-race");
        assert_eq!(m.error_code(), Some("E0499"));
        assert_eq!(m.expected_error().as_deref(), Some("error[E0499]"));
        assert_eq!(m.rust_case(), "museum/counter-race.rs");
        let compiles = MISTAKE.replace("\"E0499\"", "\"compiles\"");
        let c = parse(&format!("{ONE}{compiles}")).expect("valid");
        assert_eq!(c.mistakes[0].error_code(), None);
        assert!(!c.mistakes[0].must_not_compile());
        let codeless = MISTAKE.replace("\"E0499\"", "\"error: future cannot be sent\"");
        let c = parse(&format!("{ONE}{codeless}")).expect("valid");
        assert_eq!(c.mistakes[0].error_code(), None);
        assert_eq!(c.mistakes[0].expected_error().as_deref(), Some("error: future cannot be sent"));
    }

    #[test]
    fn rejects_bad_museum_cases() {
        for bad in ["E499", "e0499", "future cannot be sent"] {
            let bad_code = MISTAKE.replace("E0499", bad);
            assert!(parse(&format!("{ONE}{bad_code}")).is_err(), "{bad}");
        }
        let unknown_fix = MISTAKE.replace("[\"channels\"]", "[\"mutex\"]");
        assert!(parse(&format!("{ONE}{unknown_fix}")).is_err());
        let twice = format!("{ONE}{MISTAKE}{MISTAKE}");
        assert!(parse(&twice).unwrap_err().to_string().contains("twice"));
        let bad_check = MISTAKE.replace("\"race\"", "\"lint\"");
        assert!(parse(&format!("{ONE}{bad_check}")).is_err());
    }

    #[test]
    fn rejects_unknown_tiers_and_fields() {
        assert!(parse(&ONE.replace("\"async\"", "\"green\"")).is_err());
        assert!(parse(&ONE.replace("takeaway", "takeway")).is_err());
    }
}

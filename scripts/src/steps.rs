//! The `// ## <title>` step markers that line a Go program up with its Rust translations.

use std::path::Path;

use anyhow::Result;

use crate::catalog::Chapter;

/// One step of a program: its title and the 1-based line of its marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub title: String,
    pub line: usize,
    /// For a step the translation leaves out, why: the text after `// Nothing to do in Rust:`
    /// on the line below the marker.
    pub skip: Option<String>,
}

/// What opens the one line under a skipped step's marker.
pub const SKIP_PREFIX: &str = "// Nothing to do in Rust:";

/// The step markers of a source file, in order. A marker is a line whose trimmed text starts
/// with `// ## `; the rest of the line is the title. A marker whose next line starts with
/// [`SKIP_PREFIX`] is a skipped step.
pub fn parse(source: &str) -> Vec<Step> {
    let lines: Vec<&str> = source.lines().collect();
    lines
        .iter()
        .enumerate()
        .filter_map(|(i, line)| {
            let title = line.trim().strip_prefix("// ## ")?.trim();
            let skip = lines
                .get(i + 1)
                .and_then(|next| next.trim().strip_prefix(SKIP_PREFIX))
                .map(|why| why.trim().to_string());
            Some(Step { title: title.to_string(), line: i + 1, skip })
        })
        .collect()
}

/// Skipped steps that are not what they say: a reason left empty, or code under the marker
/// before the next step (or the end of the block).
fn skip_problems(source: &str, steps: &[Step]) -> Vec<String> {
    let lines: Vec<&str> = source.lines().collect();
    let mut problems = Vec::new();
    for step in steps.iter().filter(|s| s.skip.is_some()) {
        if step.skip.as_deref() == Some("") {
            problems.push(format!("the skipped step {:?} gives no reason", step.title));
        }
        let body = lines[step.line + 1..].iter().take_while(|l| !l.trim().starts_with("// ## "));
        for l in body {
            let t = l.trim();
            if t.starts_with('}') || t == ")" {
                break; // The end of the block the step was in.
            }
            if !t.is_empty() && !t.starts_with("//") {
                problems.push(format!(
                    "the step {:?} says there is nothing to do in Rust, but code follows it: {t:?}",
                    step.title
                ));
                break;
            }
        }
    }
    problems
}

/// Checks that `translation` has every step of `go`, with the same titles in the same order,
/// each either written out or skipped with a reason. A translation may add steps of its own
/// between them. Returns what is wrong, if anything.
pub fn compare(go: &[Step], translation: &[Step]) -> Option<String> {
    let mut rest = translation.iter();
    for step in go {
        if !rest.any(|s| s.title == step.title) {
            let titles: Vec<_> = translation.iter().map(|s| s.title.as_str()).collect();
            return Some(format!(
                "the Go step {:?} (line {}) is missing or out of order; the translation's steps are {:?}",
                step.title, step.line, titles
            ));
        }
    }
    None
}

/// Whether a line is blank or a comment: what a file's header is made of.
pub fn blank_or_comment(line: &str) -> bool {
    let t = line.trim_start();
    t.is_empty() || t.starts_with("//")
}

/// The file's header: the comment lines before its first line of code. Both sides open
/// with one that says what the program shows, the command that runs it and its counterparts.
pub fn header(source: &str) -> Vec<&str> {
    source.lines().take_while(|l| blank_or_comment(l)).filter(|l| !l.trim().is_empty()).collect()
}

/// Whether the file's header gives `command` exactly: `cargo run --example spawn` is not given
/// by a header that only mentions `cargo run --example spawn-scoped`.
pub fn header_gives(source: &str, command: &str) -> bool {
    header(source).iter().any(|line| {
        line.match_indices(command).any(|(at, _)| {
            !line[at + command.len()..]
                .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
    })
}

/// The most lines a program may have, header included: "at most about 80".
pub const MAX_LINES: usize = 85;
/// The most comment lines in a row inside a body (step markers not counted).
pub const MAX_COMMENT_BLOCK: usize = 5;

/// Whether a program is short enough to read as one idea: its length, and its longest run
/// of comment lines after the header.
pub fn size_problems(source: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let lines = source.lines().count();
    if lines > MAX_LINES {
        problems
            .push(format!("{lines} lines, more than {MAX_LINES}: one idea per chapter, split it"));
    }
    let comments: Vec<bool> = source
        .lines()
        .skip_while(|l| blank_or_comment(l))
        .map(|l| l.trim().starts_with("//") && !l.trim().starts_with("// ## "))
        .collect();
    let longest = comments.split(|comment| !comment).map(<[bool]>::len).max().unwrap_or(0);
    if source.to_lowercase().contains("the guide") {
        problems.push(
            "mentions \"the guide\": programs speak of Go and Rust; claims.toml judges the guide"
                .to_string(),
        );
    }
    if longest > MAX_COMMENT_BLOCK {
        problems.push(format!(
            "a comment block of {longest} lines, more than {MAX_COMMENT_BLOCK}: move the detail to the page note"
        ));
    }
    problems
}

/// Everything wrong with a chapter's files as a pair: the Go program has steps, every header
/// gives its own run command, and every translation has the Go program's steps in order.
pub fn problems(p: &Chapter, root: &Path) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut found = |file: &Path, whys: Vec<String>| {
        problems.extend(whys.into_iter().map(|why| format!("{}: {why}", file.display())));
    };
    let header_lacks = |text: &str, cmd: String| {
        (!header_gives(text, &cmd)).then(|| format!("its header does not give `{cmd}`"))
    };
    let go_file = p.go_file(root);
    let go_text = crate::read(&go_file)?;
    let go_steps = parse(&go_text);
    let skipped = go_steps.iter().find(|s| s.skip.is_some());
    let mut whys: Vec<String> = skipped
        .map(|s| format!("the Go program skips step {:?}; only a translation may", s.title))
        .into_iter()
        .chain(size_problems(&go_text))
        .collect();
    if go_steps.is_empty() {
        whys.push("it has no `// ## <title>` steps".into());
    }
    whys.extend(header_lacks(&go_text, p.go_command()));
    found(&go_file, whys);
    for ex in &p.rust {
        let file = ex.file(root);
        let text = crate::read(&file)?;
        let steps = parse(&text);
        let mut whys: Vec<String> = compare(&go_steps, &steps).into_iter().collect();
        whys.extend(size_problems(&text).into_iter().chain(skip_problems(&text, &steps)));
        whys.extend(header_lacks(&text, ex.command()));
        found(&file, whys);
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GO: &str = "// header\npackage main\n// ## Start\nx\n    // ## Wait for it\n";

    #[test]
    fn finds_markers_in_order_with_lines() {
        let steps = parse(GO);
        let titles: Vec<_> = steps.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["Start", "Wait for it"]);
        assert_eq!(steps[1].line, 5);
    }

    #[test]
    fn a_translation_may_add_steps_but_not_reorder() {
        let go = parse(GO);
        let extra = parse("// ## Start\n// ## Rust only\n// ## Wait for it\n");
        assert_eq!(compare(&go, &extra), None);
        let swapped = parse("// ## Wait for it\n// ## Start\n");
        assert!(compare(&go, &swapped).is_some());
        let missing = parse("// ## Start\n");
        assert!(compare(&go, &missing).unwrap().contains("Wait for it"));
    }

    #[test]
    fn a_translation_may_skip_a_step_with_a_reason_and_no_code() {
        let go = parse(GO);
        let rust = "fn main() {\n    // ## Start\n    x();\n    // ## Wait for it\n    // Nothing to do in Rust: join does it.\n}\n";
        let steps = parse(rust);
        assert_eq!(steps[1].skip.as_deref(), Some("join does it."));
        assert_eq!(compare(&go, &steps), None);
        assert!(skip_problems(rust, &steps).is_empty());
        let with_code = rust.replace("join does it.\n", "join does it.\n    y();\n");
        let steps = parse(&with_code);
        assert!(skip_problems(&with_code, &steps)[0].contains("code follows"));
        let no_reason = rust.replace(" join does it.", "");
        assert!(skip_problems(&no_reason, &parse(&no_reason))[0].contains("no reason"));
    }

    #[test]
    fn a_header_gives_a_command_only_when_it_ends_there() {
        let src = "//! Run `cargo run --example spawn-scoped`, then\n//! cargo run --example spawn.\nfn main() {}";
        assert!(header_gives(src, "cargo run --example spawn"));
        assert!(header_gives(src, "cargo run --example spawn-scoped"));
        let only_sibling = "//! cargo run --example spawn-scoped\nfn main() {}";
        assert!(!header_gives(only_sibling, "cargo run --example spawn"));
    }

    #[test]
    fn long_programs_and_long_comment_blocks_are_problems() {
        let short = "//! header\n//! more\nfn main() {\n    // one\n    // two\n    x();\n}\n";
        assert!(size_problems(short).is_empty());
        let chatty = short.replace("// two", "// two\n// 3\n// 4\n// 5\n// 6");
        assert!(size_problems(&chatty)[0].contains("comment block of 6"));
        let long = format!("fn main() {{\n{}}}\n", "    x();\n".repeat(MAX_LINES));
        assert!(size_problems(&long)[0].contains("lines, more than"));
    }

    #[test]
    fn header_is_the_leading_comment_block() {
        assert_eq!(header("//! a\n//! b\n\nuse x;\n//! c"), ["//! a", "//! b"]);
        assert!(header("package main\n// x").is_empty());
    }
}

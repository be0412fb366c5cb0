//! `cargo xtask asm`: the instructions behind each atomic operation and ordering that the
//! atomics benchmarks measure. It compiles `benches/src/probes.rs` (one out-of-line function
//! per operation and ordering, `core` only) with `rustc -O --emit asm` for x86-64, and Go's
//! twins (`go-reference/bench/probes_test.go`) with `go test -c` + `go tool objdump`; the
//! AArch64 column is not compiled here but taken from the published mappings of the C/C++11
//! (and so Rust) orderings to ARMv8, and says so. Writes `target/asm/atomics.md` and prints it.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::{build_go, machine};

/// The target the Rust probes are compiled for, whatever the host: the x86-64 column.
const TARGET: &str = "x86_64-unknown-linux-gnu";

/// A probe of `benches/src/probes.rs`, what AArch64 makes of it (ARMv8.0 load/store-exclusive
/// loops; ARMv8.1 LSE single instructions), and the Go probe that does the same.
#[derive(Debug, Clone, Copy)]
pub struct Probe {
    pub name: &'static str,
    pub aarch64_v80: &'static str,
    pub aarch64_lse: &'static str,
    pub go: Option<&'static str>,
}

const fn p(
    name: &'static str,
    aarch64_v80: &'static str,
    aarch64_lse: &'static str,
    go: Option<&'static str>,
) -> Probe {
    Probe { name, aarch64_v80, aarch64_lse, go }
}

/// Every probe, in the order of `benches/src/probes.rs`. The AArch64 columns follow the
/// published C/C++11-to-ARMv8 mappings (https://www.cl.cam.ac.uk/~pes20/cpp/cpp0xmappings.html
/// and the Arm ARM); they are not compiled here.
#[rustfmt::skip]
pub const PROBES: &[Probe] = &[
    p("load_relaxed", "LDR", "LDR", Some("probeLoad")),
    p("load_acquire", "LDAR", "LDAR (LDAPR with v8.3 RCpc)", Some("probeLoad")),
    p("load_seqcst", "LDAR", "LDAR", Some("probeLoad")),
    p("store_relaxed", "STR", "STR", Some("probeStore")),
    p("store_release", "STLR", "STLR", Some("probeStore")),
    p("store_seqcst", "STLR", "STLR", Some("probeStore")),
    p("fetch_add_relaxed", "LDXR; ADD; STXR; CBNZ (loop)", "LDADD", Some("probeAdd")),
    p("fetch_add_acquire", "LDAXR; ADD; STXR; CBNZ (loop)", "LDADDA", Some("probeAdd")),
    p("fetch_add_release", "LDXR; ADD; STLXR; CBNZ (loop)", "LDADDL", Some("probeAdd")),
    p("fetch_add_acqrel", "LDAXR; ADD; STLXR; CBNZ (loop)", "LDADDAL", Some("probeAdd")),
    p("fetch_add_seqcst", "LDAXR; ADD; STLXR; CBNZ (loop)", "LDADDAL", Some("probeAdd")),
    p("swap_relaxed", "LDXR; STXR; CBNZ (loop)", "SWP", Some("probeSwap")),
    p("swap_acqrel", "LDAXR; STLXR; CBNZ (loop)", "SWPAL", Some("probeSwap")),
    p("swap_seqcst", "LDAXR; STLXR; CBNZ (loop)", "SWPAL", Some("probeSwap")),
    p("compare_exchange_relaxed", "LDXR; CMP; B.NE; STXR; CBNZ (loop)", "CAS", Some("probeCAS")),
    p("compare_exchange_acqrel", "LDAXR; CMP; B.NE; STLXR; CBNZ (loop)", "CASAL", Some("probeCAS")),
    p("compare_exchange_seqcst", "LDAXR; CMP; B.NE; STLXR; CBNZ (loop)", "CASAL", Some("probeCAS")),
    p("fence_seqcst", "DMB ISH", "DMB ISH", None),
    p("dekker_release_acquire", "STLR; LDAR", "STLR; LDAR (STLR; LDAPR with v8.3 RCpc: the load may pass the store)", None),
    p("dekker_seqcst", "STLR; LDAR", "STLR; LDAR", Some("probeStoreLoad")),
];

/// The instructions of each function in a `--emit asm` file, by demangled-enough name: the
/// legacy-mangled `_ZN6probes12load_relaxed17h…E` becomes `load_relaxed`. Directives, labels
/// and `ret` are left out.
pub fn parse_rust_asm(asm: &str) -> Vec<(String, Vec<String>)> {
    let mut functions = Vec::new();
    let mut current: Option<(String, Vec<String>)> = None;
    for line in asm.lines() {
        if let Some(label) = line.strip_suffix(':').filter(|l| l.starts_with("_ZN")) {
            functions.extend(current.take());
            current = Some((demangle_probe(label), Vec::new()));
        } else if let Some((_, body)) = current.as_mut() {
            if line.starts_with(".Lfunc_end") {
                functions.extend(current.take());
                continue;
            }
            let ins = line.trim();
            if ins.is_empty() || ins.starts_with('.') || ins.starts_with('#') || ins.ends_with(':')
            {
                continue;
            }
            let ins = ins.split_whitespace().collect::<Vec<_>>().join(" ");
            if ins != "ret" {
                body.push(ins);
            }
        }
    }
    functions.extend(current);
    functions
}

/// `_ZN6probes12load_relaxed17h0123E` → `load_relaxed`: the last path segment before the hash.
fn demangle_probe(symbol: &str) -> String {
    let mut rest = symbol.trim_start_matches("_ZN");
    let mut segments = Vec::new();
    while let Some(len_end) = rest.find(|c: char| !c.is_ascii_digit()) {
        let Ok(len) = rest[..len_end].parse::<usize>() else {
            break;
        };
        let Some(seg) = rest.get(len_end..len_end + len) else {
            break;
        };
        segments.push(seg);
        rest = &rest[len_end + len..];
    }
    segments
        .iter()
        .rev()
        .find(|s| !s.starts_with('h') || s.len() != 17)
        .map_or_else(|| symbol.to_string(), |s| (*s).to_string())
}

/// The instructions of each `bench.probe*` function in `go tool objdump` output, by Go name,
/// without `RET`.
pub fn parse_go_objdump(text: &str) -> Vec<(String, Vec<String>)> {
    let mut functions: Vec<(String, Vec<String>)> = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("TEXT ") {
            let symbol = rest.split_whitespace().next().unwrap_or(rest);
            let name =
                symbol.rsplit('.').next().unwrap_or(symbol).trim_end_matches("(SB)").to_string();
            functions.push((name, Vec::new()));
        } else if let Some((_, body)) = functions.last_mut() {
            // `  file.go:12\t0x531d60\t\t488b00\t\t\tMOVQ 0(AX), AX\t\t`
            let fields: Vec<&str> =
                line.split('\t').map(str::trim).filter(|f| !f.is_empty()).collect();
            if let Some(ins) = fields.get(3) {
                let ins = ins.split_whitespace().collect::<Vec<_>>().join(" ");
                if ins != "RET" {
                    body.push(ins);
                }
            }
        }
    }
    functions
}

fn lookup<'a>(functions: &'a [(String, Vec<String>)], name: &str) -> Option<&'a [String]> {
    functions.iter().find(|(n, _)| n == name).map(|(_, b)| b.as_slice())
}

/// The Markdown page: one row per probe, drawn by the `asm.md` template.
pub fn markdown(
    rust: &[(String, Vec<String>)],
    go: &[(String, Vec<String>)],
    rustc: &str,
    go_version: &str,
) -> String {
    let cell = |ins: Option<&[String]>| match ins {
        Some(ins) if !ins.is_empty() => format!("`{}`", ins.join("; ")),
        Some(_) => "(nothing)".to_string(),
        None => "–".to_string(),
    };
    let rows: Vec<[String; 5]> = PROBES
        .iter()
        .map(|p| {
            let go_cell = p.go.map_or("–".into(), |n| format!("{n}: {}", cell(lookup(go, n))));
            let (v80, lse) = (p.aarch64_v80.to_string(), p.aarch64_lse.to_string());
            [p.name.to_string(), cell(lookup(rust, p.name)), go_cell, v80, lse]
        })
        .collect();
    let ctx = minijinja::context! { rustc, go => go_version, rows };
    crate::render_md("asm.md", ctx)
}

/// Whether `libdir` (what `rustc --print target-libdir` names) holds a standard library: its
/// `libcore-*.rlib`.
fn has_std(libdir: &Path) -> bool {
    std::fs::read_dir(libdir).is_ok_and(|entries| {
        entries.flatten().any(|e| {
            e.file_name()
                .to_str()
                .is_some_and(|n| n.starts_with("libcore-") && n.ends_with(".rlib"))
        })
    })
}

/// Fail with the fix when rustc has no standard library for [`TARGET`] (any host but x86-64
/// Linux, unless the target was added): rustc's own error would be a bare "can't find crate".
fn require_target_std() -> Result<()> {
    let libdir = machine::output("rustc", &["--print", "target-libdir", "--target", TARGET])?;
    if !has_std(Path::new(&libdir)) {
        bail!(
            "rustc has no standard library for {TARGET} (nothing in {libdir}): `cargo xtask asm` \
             compiles the probes for x86-64 whatever the host. Run `rustup target add {TARGET}`."
        );
    }
    Ok(())
}

/// Compile both sides' probes and write `target/asm/atomics.md`; returns its path.
pub fn run(root: &Path) -> Result<PathBuf> {
    let out = root.join("target").join("asm");
    std::fs::create_dir_all(&out)?;
    let asm_file = out.join("probes-x86_64.s");
    eprintln!("[1/3] rustc -O --emit asm benches/src/probes.rs");
    require_target_std()?;
    let status = Command::new("rustc")
        .args(["-O", "--edition", "2024", "--crate-type", "lib", "--crate-name", "probes"])
        .args(["--emit", "asm", "-C", "codegen-units=1", "-C", "debuginfo=0"])
        .args(["-C", "llvm-args=-x86-asm-syntax=intel", "--target", TARGET, "-o"])
        .arg(&asm_file)
        .arg(root.join("benches/src/probes.rs"))
        .status()
        .context("running rustc")?;
    if !status.success() {
        bail!("rustc could not compile benches/src/probes.rs for {TARGET} (its errors are above)");
    }
    let rust = parse_rust_asm(&std::fs::read_to_string(&asm_file)?);

    eprintln!("[2/3] go test -c ./bench && go tool objdump -s 'bench\\.probe'");
    let go_version = match machine::output("go", &["version"]) {
        Ok(version) => Some(version),
        Err(err) if machine::is_not_found(&err) => None,
        Err(err) => return Err(err),
    };
    let go = if go_version.is_some() {
        let go_bin = out.join("go-bench.test");
        build_go(root, &go_bin)?;
        let dump = Command::new("go")
            .args(["tool", "objdump", "-s", r"bench\.probe"])
            .arg(&go_bin)
            .output()
            .context("running go tool objdump")?;
        if !dump.status.success() {
            bail!(
                "`go tool objdump` failed ({}): {}",
                dump.status,
                String::from_utf8_lossy(&dump.stderr).trim()
            );
        }
        parse_go_objdump(&String::from_utf8_lossy(&dump.stdout))
    } else {
        eprintln!("      `go` is not on PATH: the Go column stays empty");
        Vec::new()
    };

    eprintln!("[3/3] writing target/asm/atomics.md");
    let rustc = machine::output("rustc", &["-V"])?;
    let md = markdown(&rust, &go, &rustc, go_version.as_deref().unwrap_or("go: not found"));
    let path = out.join("atomics.md");
    std::fs::write(&path, &md)?;
    print!("{md}");
    Ok(path)
}

#[cfg(test)]
mod tests {

    use super::*;

    const ASM: &str = "\t.section\t.text._ZN6probes17fetch_add_relaxed17h5e546a64e9f64940E,\"ax\",@progbits
\t.globl\t_ZN6probes17fetch_add_relaxed17h5e546a64e9f64940E
_ZN6probes17fetch_add_relaxed17h5e546a64e9f64940E:
\t.cfi_startproc
\tmov\teax, 1
\tlock\t\txadd\tqword ptr [rdi], rax
\tret
.Lfunc_end14:
\t.size\t_ZN6probes17fetch_add_relaxed17h5e546a64e9f64940E, .Lfunc_end14-_ZN6probes17fetch_add_relaxed17h5e546a64e9f64940E
_ZN6probes13dekker_seqcst17h90be7d812f38637bE:
\t.cfi_startproc
\tmov\teax, 1
\txchg\tqword ptr [rdi], rax
\tmov\trax, qword ptr [rsi]
\tret
.Lfunc_end8:
";

    #[test]
    fn rust_asm_gives_each_probe_its_instructions() {
        let f = parse_rust_asm(ASM);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].0, "fetch_add_relaxed");
        assert_eq!(f[0].1, ["mov eax, 1", "lock xadd qword ptr [rdi], rax"]);
        assert_eq!(f[1].0, "dekker_seqcst");
        assert_eq!(f[1].1, ["mov eax, 1", "xchg qword ptr [rdi], rax", "mov rax, qword ptr [rsi]"]);
    }

    #[test]
    fn go_objdump_gives_each_probe_its_instructions() {
        let dump = "TEXT github.com/x/go-reference/bench.probeAdd(SB) /w/probes_test.go
  probes_test.go:18\t0x531da0\t\tb901000000\t\tMOVL $0x1, CX\t\t
  probes_test.go:18\t0x531da5\t\tf0480fc108\t\tLOCK XADDQ CX, 0(AX)\t
  probes_test.go:18\t0x531dae\t\tc3\t\t\tRET\t\t\t

TEXT github.com/x/go-reference/bench.probeLoad(SB) /w/probes_test.go
  probes_test.go:12\t0x531d60\t\t488b00\t\t\tMOVQ 0(AX), AX\t\t
";
        let f = parse_go_objdump(dump);
        assert_eq!(f[0].0, "probeAdd");
        assert_eq!(f[0].1, ["MOVL $0x1, CX", "LOCK XADDQ CX, 0(AX)"]);
        assert_eq!(f[1].1, ["MOVQ 0(AX), AX"]);
        let md = markdown(&parse_rust_asm(ASM), &f, "rustc 1", "go 1");
        assert!(md.contains("| `fetch_add_relaxed` | `mov eax, 1; lock xadd qword ptr [rdi], rax` | probeAdd: `MOVL $0x1, CX; LOCK XADDQ CX, 0(AX)` | LDXR; ADD; STXR; CBNZ (loop) | LDADD |"), "{md}");
    }

    #[test]
    fn a_standard_library_is_a_libcore_rlib() {
        let libdir = tempfile::tempdir().unwrap();
        assert!(!has_std(libdir.path()));
        assert!(!has_std(&libdir.path().join("missing")));
        std::fs::write(libdir.path().join("libcore-0123abcd.rlib"), "").unwrap();
        assert!(has_std(libdir.path()));
    }

    #[test]
    fn every_probe_in_probes_rs_has_a_row() {
        let source = include_str!("../../src/probes.rs");
        for probe in PROBES {
            assert!(source.contains(probe.name), "{} is not in probes.rs", probe.name);
        }
        assert_eq!(demangle_probe("_ZN6probes12load_relaxed17h0123456789abcdefE"), "load_relaxed");
    }
}

//! The machine and toolchains a report was measured with.

use std::process::Command;

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

/// What the report's header says about where it ran.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Machine {
    pub cpu: String,
    pub cores: usize,
    pub os: String,
    pub rustc: String,
    pub go: String,
}

impl Machine {
    /// Look at this machine: the CPU model from `/proc/cpuinfo` (or `sysctl` on macOS), the
    /// cores Rust can use, the kernel, and `rustc -V` / `go version`.
    pub fn detect() -> Machine {
        let cpu = std::fs::read_to_string("/proc/cpuinfo")
            .ok()
            .and_then(|text| cpu_model(&text))
            .or_else(|| output("sysctl", &["-n", "machdep.cpu.brand_string"]).ok())
            .unwrap_or_else(|| "unknown CPU".to_string());
        let os = std::fs::read_to_string("/proc/sys/kernel/osrelease")
            .map(|r| format!("Linux {}", r.trim()))
            .ok()
            .or_else(|| output("uname", &["-sr"]).ok())
            .unwrap_or_else(|| std::env::consts::OS.to_string());
        Machine {
            cpu,
            cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
            os,
            rustc: output("rustc", &["-V"]).unwrap_or_else(|_| "rustc: not found".into()),
            go: output("go", &["version"]).unwrap_or_else(|_| "go: not found".into()),
        }
    }
}

/// The CPU model in `/proc/cpuinfo` text: `model name` on x86, with the family when the name
/// alone says little (virtual machines often report just "AMD EPYC").
pub fn cpu_model(cpuinfo: &str) -> Option<String> {
    let field = |key: &str| {
        cpuinfo.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            (k.trim() == key).then(|| v.trim().to_string())
        })
    };
    let name = field("model name").or_else(|| field("Model")).or_else(|| field("CPU part"))?;
    Some(match (field("cpu family"), field("model")) {
        (Some(family), Some(model)) => format!("{name} (family {family}, model {model})"),
        _ => name,
    })
}

/// The load average now, from `/proc/loadavg` (1, 5 and 15 minutes), if the OS has one.
pub fn load_average() -> Option<String> {
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    Some(text.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
}

/// What `program args` prints, trimmed: `rustc -V`, `go version`, `uname -sr`. An error when
/// it cannot be started ([`is_not_found`] tells a missing program apart), when it fails (with
/// its stderr), or when it prints nothing.
pub fn output(program: &str, args: &[&str]) -> Result<String> {
    let shown = std::iter::once(program).chain(args.iter().copied()).collect::<Vec<_>>().join(" ");
    let out =
        Command::new(program).args(args).output().with_context(|| format!("running `{shown}`"))?;
    if !out.status.success() {
        bail!("`{shown}` failed ({}): {}", out.status, String::from_utf8_lossy(&out.stderr).trim());
    }
    let text = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if text.is_empty() {
        bail!("`{shown}` printed nothing");
    }
    Ok(text)
}

/// Whether an error of [`output`] (or of anything that starts a program) means the program is
/// not installed.
pub fn is_not_found(err: &anyhow::Error) -> bool {
    err.root_cause()
        .downcast_ref::<std::io::Error>()
        .is_some_and(|e| e.kind() == std::io::ErrorKind::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_model_names_the_family_when_it_is_known() {
        let x86 = "processor\t: 0\nvendor_id\t: AuthenticAMD\ncpu family\t: 26\nmodel\t\t: 2\nmodel name\t: AMD EPYC\n";
        assert_eq!(cpu_model(x86).as_deref(), Some("AMD EPYC (family 26, model 2)"));
        let arm = "processor\t: 0\nBogoMIPS\t: 50.00\nCPU part\t: 0xd0c\n";
        assert_eq!(cpu_model(arm).as_deref(), Some("0xd0c"));
        assert_eq!(cpu_model("nothing here"), None);
    }

    #[test]
    fn output_tells_a_missing_program_from_a_failing_one() {
        let missing = output("xtask-no-such-program", &["-V"]).unwrap_err();
        assert!(is_not_found(&missing), "{missing:#}");
        let failing = output("rustc", &["--no-such-flag"]).unwrap_err();
        assert!(!is_not_found(&failing));
        assert!(failing.to_string().contains("`rustc --no-such-flag` failed"), "{failing:#}");
        assert!(output("rustc", &["-V"]).unwrap().starts_with("rustc "));
    }
}

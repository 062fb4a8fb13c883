//! Running commands, and installing missing tools with a clear message for each.

use std::{
    ffi::OsStr,
    path::Path,
    process::{Command, Stdio},
};

use crate::{root, step};

/// Runs a command in `dir` with extra environment, failing on a non-zero exit.
pub fn run_in(
    program: impl AsRef<OsStr>,
    args: &[&str],
    dir: &Path,
    envs: &[(&str, String)],
) -> Result<(), String> {
    let program = program.as_ref();
    let status = Command::new(program)
        .args(args)
        .current_dir(dir)
        .envs(envs.iter().map(|(k, v)| (*k, v.as_str())))
        .status()
        .map_err(|e| format!("cannot run {}: {e}", program.to_string_lossy()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "`{} {}` failed ({status})",
            program.to_string_lossy(),
            args.join(" ")
        ))
    }
}

/// Runs cargo in the workspace root.
pub fn cargo(args: &[&str]) -> Result<(), String> {
    run_in(cargo_bin(), args, &root(), &[])
}

/// Runs cargo and returns its standard output.
pub fn cargo_output(args: &[&str]) -> Result<String, String> {
    output(&cargo_bin(), args)
}

fn cargo_bin() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

/// Runs a program and returns its standard output, failing on a non-zero exit.
pub fn output(program: &str, args: &[&str]) -> Result<String, String> {
    let out = Command::new(program)
        .args(args)
        .current_dir(root())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "`{program} {}` failed ({})",
            args.join(" "),
            out.status
        ));
    }
    String::from_utf8(out.stdout).map_err(|e| e.to_string())
}

/// A program's standard output, or `None` when it is missing or fails.
pub fn output_quiet(program: &str, args: &[&str]) -> Option<String> {
    found(program, args)
}

fn found(program: &str, args: &[&str]) -> Option<String> {
    Command::new(program)
        .args(args)
        .stderr(Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
}

/// The version of a package as locked in Cargo.lock.
pub fn locked_version(package: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let start = lock
        .find(&needle)
        .ok_or_else(|| format!("{package} is not in Cargo.lock"))?
        + needle.len();
    let end = lock[start..].find('"').ok_or("Cargo.lock is malformed")?;
    Ok(lock[start..start + end].to_owned())
}

/// The wasm-bindgen CLI: cargo's install folder first, so a fresh install is found even when that
/// folder is not on `PATH`.
pub fn wasm_bindgen() -> String {
    let home = std::env::var("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|_| std::env::var("HOME").map(|h| std::path::PathBuf::from(h).join(".cargo")));
    match home.map(|h| h.join("bin/wasm-bindgen")) {
        Ok(p) if p.exists() => p.to_string_lossy().into_owned(),
        _ => "wasm-bindgen".into(),
    }
}

/// The wasm32 target and wasm-bindgen-cli at the version in Cargo.lock.
pub fn ensure_wasm_toolchain() -> Result<(), String> {
    let targets = found("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        step("Installing the Rust target wasm32-unknown-unknown (rustup target add)");
        run_in(
            "rustup",
            &["target", "add", "wasm32-unknown-unknown"],
            &root(),
            &[],
        )?;
    }
    let wanted = locked_version("wasm-bindgen")?;
    let have = found(&wasm_bindgen(), &["--version"]).unwrap_or_default();
    if have.split_whitespace().nth(1) != Some(wanted.as_str()) {
        step(&format!(
            "Installing wasm-bindgen-cli {wanted} to match Cargo.lock (cargo install, about 2 minutes)"
        ));
        // Not --locked: its lock file names a webpki-roots release the registry does not serve.
        run_in(
            cargo_bin(),
            &["install", "wasm-bindgen-cli", "--version", &wanted],
            &root(),
            &[],
        )?;
    }
    Ok(())
}

/// Chromium from Debian's packages and the browser-test npm packages.
pub fn ensure_browser() -> Result<(), String> {
    if !Path::new("/usr/bin/chromium").exists() {
        step("Installing Chromium from Debian's packages (apt-get install chromium)");
        let sudo = if found("id", &["-u"])
            .map(|s| s.trim() == "0")
            .unwrap_or(false)
        {
            None
        } else {
            Some("sudo")
        };
        let apt = |args: &[&str]| match sudo {
            None => run_in(
                "apt-get",
                args,
                &root(),
                &[("DEBIAN_FRONTEND", "noninteractive".into())],
            ),
            Some(s) => {
                let mut all = vec!["apt-get"];
                all.extend_from_slice(args);
                run_in(
                    s,
                    &all,
                    &root(),
                    &[("DEBIAN_FRONTEND", "noninteractive".into())],
                )
            }
        };
        apt(&["update"])?;
        apt(&["install", "-y", "chromium"])?;
    }
    let browser_dir = root().join("e2e/browser");
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let installed = modified(&browser_dir.join("node_modules/.package-lock.json"));
    if installed.is_none() || installed < modified(&browser_dir.join("package-lock.json")) {
        step("Installing the browser-test packages (npm ci in e2e/browser)");
        run_in("npm", &["ci", "--no-fund", "--no-audit"], &browser_dir, &[])?;
    }
    Ok(())
}

/// The openapi-python-client version that generates the outsider's client from the document.
pub const OPENAPI_PYTHON_CLIENT_VERSION: &str = "0.29.1";

/// openapi-python-client from PyPI in its own virtual environment `.venv-openapi-client` (its
/// dependencies stay apart from schemathesis's), with `python-dateutil`, which the generated client
/// needs; returns the generator's path (the script runs with the `python` beside it).
pub fn ensure_openapi_python_client() -> Result<String, String> {
    let venv = root().join(".venv-openapi-client");
    let bin = venv.join("bin/openapi-python-client");
    let have = found(&bin.to_string_lossy(), &["--version"]).unwrap_or_default();
    if !have.contains(OPENAPI_PYTHON_CLIENT_VERSION) {
        step(&format!(
            "Installing openapi-python-client {OPENAPI_PYTHON_CLIENT_VERSION} from PyPI into .venv-openapi-client"
        ));
        if !venv.join("bin/pip").exists() {
            run_in(
                "python3",
                &["-m", "venv", &venv.to_string_lossy()],
                &root(),
                &[],
            )?;
        }
        run_in(
            venv.join("bin/pip"),
            &[
                "install",
                "--quiet",
                &format!("openapi-python-client=={OPENAPI_PYTHON_CLIENT_VERSION}"),
                "python-dateutil==4.0.0",
            ],
            &root(),
            &[],
        )?;
    }
    Ok(bin.to_string_lossy().into_owned())
}

/// The schemathesis version the hostile-input tests run.
pub const SCHEMATHESIS_VERSION: &str = "4.32.5";

/// schemathesis from PyPI in `.venv`; returns its path.
pub fn ensure_schemathesis() -> Result<String, String> {
    let venv = root().join(".venv");
    let bin = venv.join("bin/schemathesis");
    let have = found(&bin.to_string_lossy(), &["--version"]).unwrap_or_default();
    if !have.contains(SCHEMATHESIS_VERSION) {
        step(&format!(
            "Installing schemathesis {SCHEMATHESIS_VERSION} from PyPI into .venv"
        ));
        if !venv.join("bin/pip").exists() {
            run_in(
                "python3",
                &["-m", "venv", &venv.to_string_lossy()],
                &root(),
                &[],
            )?;
        }
        let pip = venv.join("bin/pip");
        run_in(
            &pip,
            &[
                "install",
                "--quiet",
                &format!("schemathesis=={SCHEMATHESIS_VERSION}"),
            ],
            &root(),
            &[],
        )?;
    }
    Ok(bin.to_string_lossy().into_owned())
}

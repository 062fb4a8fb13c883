//! Hostile input: schemathesis (from PyPI) generates requests for every operation in the served
//! OpenAPI document — anonymous, as a patron and as staff — and fails on any 5xx or any answer that
//! contradicts the document. New operations are covered as soon as they are in the document.
//!
//! `ETAKIRJASTO_SCHEMATHESIS` names the schemathesis binary (`cargo xtask test` installs it into
//! `.venv`); `ETAKIRJASTO_FUZZ_EXAMPLES` sets examples per operation (25 here, more in `cargo xtask fuzz`).

use etakirjasto_e2e::{TestApp, demo, on_both_databases, root};

on_both_databases! {
    schemathesis_finds_nothing_anonymously => anonymous;
    schemathesis_finds_nothing_as_a_patron => as_patron;
    schemathesis_finds_nothing_as_staff => as_staff;
}

fn schemathesis() -> std::path::PathBuf {
    let bin = std::env::var("ETAKIRJASTO_SCHEMATHESIS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| root().join(".venv/bin/schemathesis"));
    assert!(
        bin.exists(),
        "{} is missing: run the tests with `cargo xtask test`, which installs it",
        bin.display()
    );
    bin
}

fn run(app: &TestApp, token: Option<&str>) {
    let examples = std::env::var("ETAKIRJASTO_FUZZ_EXAMPLES").unwrap_or_else(|_| "25".into());
    let spec = app.url("/api/openapi.json");
    let mut args = vec![
        "run".to_owned(),
        spec,
        "--url".into(),
        app.base.clone(),
        "--checks".into(),
        "all".into(),
        // Registration and sign-in have rules across fields (email or phone with a password, or a card
        // with a PIN) that JSON Schema cannot state, so schema-valid bodies may rightly be refused.
        "--exclude-checks".into(),
        "positive_data_acceptance".into(),
        "--max-examples".into(),
        examples,
        "--seed".into(),
        "20261129".into(),
        "--no-color".into(),
    ];
    if let Some(t) = token {
        args.push("-H".into());
        args.push(format!("Authorization: Bearer {t}"));
    }
    let out = std::process::Command::new(schemathesis())
        .args(&args)
        .current_dir(app.dir.path())
        .output()
        .expect("run schemathesis");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.status.success(),
        "schemathesis found problems:\n{report}\nserver log:\n{}",
        app.log()
    );
    assert!(
        report.contains("passed"),
        "schemathesis ran no test:\n{report}"
    );
}

async fn anonymous(app: TestApp) {
    tokio::task::block_in_place(|| run(&app, None));
}

async fn as_patron(app: TestApp) {
    let token = app.token_for(demo::PATRON.0, demo::PATRON.1).await;
    tokio::task::block_in_place(|| run(&app, Some(&token)));
}

async fn as_staff(app: TestApp) {
    let token = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    tokio::task::block_in_place(|| run(&app, Some(&token)));
}

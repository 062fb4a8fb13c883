//! An outsider's proof: a client generated from the committed `openapi/openapi.json` by an
//! independent generator (`openapi-python-client` from PyPI) lists events, registers a patron and
//! books a session on the running server, as a partner system would, from the document alone
//! (`e2e/generated_client/partner.py`).
//!
//! `ETAKIRJASTO_OPENAPI_PYTHON_CLIENT` names the generator (`cargo xtask test` installs it into
//! `.venv`, whose Python runs the script).

use etakirjasto_e2e::{TestApp, demo, on_both_databases, query_strings, root};
use serde_json::{Value, json};

on_both_databases! {
    a_client_generated_from_the_document_lists_registers_and_books => generated;
}

fn generator() -> std::path::PathBuf {
    let bin = std::env::var("ETAKIRJASTO_OPENAPI_PYTHON_CLIENT")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| root().join(".venv/bin/openapi-python-client"));
    assert!(
        bin.exists(),
        "{} is missing: run the tests with `cargo xtask test`, which installs it",
        bin.display()
    );
    bin
}

async fn generated(app: TestApp) {
    let bin = generator();
    let python = bin.with_file_name("python");
    let out_dir = tempfile::tempdir().unwrap();
    let package = out_dir.path().join("etakirjasto_client");
    let made = std::process::Command::new(&bin)
        .args(["generate", "--meta", "none", "--path"])
        .arg(root().join("openapi/openapi.json"))
        .arg("--output-path")
        .arg(&package)
        .output()
        .unwrap();
    assert!(
        made.status.success() && package.join("api/events/list_events.py").exists(),
        "generation failed: {}{}",
        String::from_utf8_lossy(&made.stdout),
        String::from_utf8_lossy(&made.stderr)
    );

    let admin = app.token_for(demo::ADMIN.0, demo::ADMIN.1).await;
    let (status, client) = app
        .send(
            "POST",
            "/api/v1/api-clients",
            Some(&admin),
            Some(json!({"library": "kalajoki", "name": "Generoitu kumppani", "scopes": ["events:read", "registrations:write", "slots:read", "bookings:write"], "rate_limit_per_minute": 600})),
        )
        .await;
    assert_eq!(status, 201, "{client}");
    let ran = std::process::Command::new(&python)
        .arg(root().join("e2e/generated_client/partner.py"))
        .env("PYTHONPATH", out_dir.path())
        .env("BASE", &app.base)
        .env("CLIENT_ID", client["client"]["client_id"].as_str().unwrap())
        .env("CLIENT_SECRET", client["client_secret"].as_str().unwrap())
        .output()
        .unwrap();
    assert!(
        ran.status.success(),
        "the generated client failed: {}{}",
        String::from_utf8_lossy(&ran.stdout),
        String::from_utf8_lossy(&ran.stderr)
    );
    let made: Value = serde_json::from_slice(&ran.stdout).unwrap();

    // What it made is really stored, for the patron it named.
    let registration = query_strings(
        &app.database_url,
        &format!(
            "SELECT guest_name AS value FROM event_registrations WHERE id = '{}' AND event_id = '{}'",
            made["registration_id"].as_str().unwrap(),
            made["event_id"].as_str().unwrap()
        ),
    );
    assert_eq!(registration, ["Generoitu Asiakas"], "{made}");
    let booking = query_strings(
        &app.database_url,
        &format!(
            "SELECT guest_name AS value FROM bookings WHERE id = '{}' AND status = 'confirmed'",
            made["booking_id"].as_str().unwrap()
        ),
    );
    assert_eq!(booking, ["Generoitu Asiakas"], "{made}");
    // And every call went through the partner's gate, logged with its client.
    let calls = query_strings(
        &app.database_url,
        "SELECT CAST(COUNT(*) AS TEXT) AS value FROM api_client_calls WHERE status < 300",
    );
    assert_eq!(
        calls,
        ["6"],
        "events, registration, services, service, slots, booking"
    );
}

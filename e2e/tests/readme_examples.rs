//! The integration guide's examples are true: every `sh` block of `openapi/README.md` runs, in
//! order and in one shell, against the real server with the demo data, with `curl` made to fail on
//! any error answer. The test gives the variables a partner's own system would have.

use etakirjasto_e2e::{TestApp, demo, on_both_databases, root};
use serde_json::json;

on_both_databases! {
    every_curl_example_of_the_integration_guide_runs => examples;
}

/// The `sh` blocks of the guide, in order.
fn blocks() -> Vec<String> {
    let text = std::fs::read_to_string(root().join("openapi/README.md")).unwrap();
    let mut blocks = Vec::new();
    let mut current: Option<Vec<&str>> = None;
    for line in text.lines() {
        match (&mut current, line.trim_end()) {
            (None, "```sh") => current = Some(Vec::new()),
            (Some(lines), "```") => {
                blocks.push(lines.join("\n"));
                current = None;
            }
            (Some(lines), l) => lines.push(l),
            (None, _) => {}
        }
    }
    blocks
}

async fn examples(app: TestApp) {
    let blocks = blocks();
    assert!(blocks.len() >= 6, "the guide's examples: {}", blocks.len());
    let admin = app.token_for(demo::ADMIN.0, demo::ADMIN.1).await;
    let (status, client) = app
        .send(
            "POST",
            "/api/v1/api-clients",
            Some(&admin),
            Some(json!({"library": "kalajoki", "name": "Oppaan esimerkit", "scopes": ["events:read", "registrations:write", "webhooks:manage"], "rate_limit_per_minute": 600})),
        )
        .await;
    assert_eq!(status, 201, "{client}");
    let (_, events) = app
        .get("/api/v1/events?library=kalajoki&mode=online", None)
        .await;
    let (_, guides) = app.get("/api/v1/guides?library=kalajoki", None).await;
    let (_, surveys) = app
        .get("/api/v1/surveys?library=kalajoki&state=open", None)
        .await;
    let survey = surveys["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["questions"].to_string().contains("\"age\""))
        .expect("the demo's open survey asks the age");
    let script = format!(
        "set -euo pipefail\ncurl() {{ command curl --fail-with-body --show-error \"$@\"; }}\n{}\n",
        blocks.join("\necho\n")
    );
    let ran = std::process::Command::new("bash")
        .arg("-c")
        .arg(&script)
        .env("BASE", &app.base)
        .env("ADMIN_TOKEN", &admin)
        .env("CLIENT_ID", client["client"]["client_id"].as_str().unwrap())
        .env("CLIENT_SECRET", client["client_secret"].as_str().unwrap())
        .env("EVENT", events["items"][0]["id"].as_str().unwrap())
        .env("GUIDE", guides["items"][0]["id"].as_str().unwrap())
        .env("SURVEY", survey["id"].as_str().unwrap())
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&ran.stdout);
    assert!(
        ran.status.success(),
        "an example failed:\n{out}\n{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    // What the examples made is in their output: a client with its secret, a registration, a
    // webhook with its secret, a model as Markdown.
    for made in [
        "\"client_secret\":\"eks_",
        "\"manage_token\"",
        "\"secret\":\"whsec_",
        "---",
    ] {
        assert!(out.contains(made), "{made} is not in the output:\n{out}");
    }
}

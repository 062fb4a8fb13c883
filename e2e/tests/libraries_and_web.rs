//! Libraries, health, the API documents and the web app's hosting.

use etakirjasto_e2e::{
    Backend, TestApp, binary, demo, free_port, fresh_database, on_both_databases,
};
use serde_json::{Value, json};

on_both_databases! {
    libraries_list_pages_and_details => libraries;
    health_and_readiness_answer => health;
    the_api_document_and_its_browsable_docs_are_served => docs;
    library_add_and_user_add_work_from_the_command_line => cli_admin;
    an_admin_switches_the_scenario_and_partners_see_it => scenario;
}

async fn scenario(app: TestApp) {
    let (_, lib) = app.get("/api/v1/libraries/kalajoki", None).await;
    assert_eq!(
        lib["scenario"],
        json!({"scenario": "normal"}),
        "normal times by default"
    );
    let admin = app.token_for(demo::ADMIN.0, demo::ADMIN.1).await;
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let path = "/api/v1/libraries/kalajoki/scenario";
    let closed = json!({"scenario": "library_closed", "notice": {
        "fi": "  Kirjasto on suljettu 14.12. asti. Etäpalvelut toimivat.  ",
        "sv": "Biblioteket är stängt till 14.12. Distanstjänsterna fungerar."
    }});

    // Only the library's admins; nothing changes for the others.
    let (status, _) = app.send("PUT", path, None, Some(closed.clone())).await;
    assert_eq!(status, 401);
    let (status, body) = app
        .send("PUT", path, Some(&staff), Some(closed.clone()))
        .await;
    assert_eq!(status, 403, "{body}");
    // Outside normal times the Finnish notice is required, and each text is checked.
    let (status, body) = app
        .send(
            "PUT",
            path,
            Some(&admin),
            Some(json!({"scenario": "staff_remote", "notice": {"fi": " ", "en": "x".repeat(501)}})),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["notice.en", "notice.fi"], "{body}");
    let (_, lib) = app.get("/api/v1/libraries/kalajoki", None).await;
    assert_eq!(lib["scenario"]["scenario"], "normal");

    let (status, set) = app.send("PUT", path, Some(&admin), Some(closed)).await;
    assert_eq!(status, 200, "{set}");
    assert_eq!(set["scenario"], "library_closed");
    let (_, lib) = app.get("/api/v1/libraries/kalajoki", None).await;
    assert_eq!(lib["scenario"]["scenario"], "library_closed");
    assert_eq!(
        lib["scenario"]["notice"]["fi"],
        "Kirjasto on suljettu 14.12. asti. Etäpalvelut toimivat."
    );
    assert_eq!(lib["scenario"]["notice"]["en"], "");
    let since = lib["scenario"]["since"].as_str().unwrap();
    assert!(
        since.ends_with("+02:00") || since.ends_with("+03:00"),
        "in Helsinki time: {since}"
    );

    // Back to normal: the notice goes.
    let (status, _) = app
        .send(
            "PUT",
            path,
            Some(&admin),
            Some(json!({"scenario": "normal", "notice": {"fi": "Kaikki toimii taas."}})),
        )
        .await;
    assert_eq!(status, 200);
    let (_, lib) = app.get("/api/v1/libraries/kalajoki", None).await;
    assert_eq!(lib["scenario"]["scenario"], "normal");
    assert!(lib["scenario"].get("notice").is_none(), "{lib}");
}

async fn libraries(app: TestApp) {
    let (status, page) = app.get("/api/v1/libraries", None).await;
    assert_eq!(status, 200);
    assert_eq!(page["items"][0]["slug"], "kalajoki");
    assert_eq!(page["items"][0]["time_zone"], "Europe/Helsinki");
    let (status, lib) = app.get("/api/v1/libraries/kalajoki", None).await;
    assert_eq!(status, 200);
    assert_eq!(lib["name"], "Kalajoen kaupunginkirjasto");
    let branches = lib["branches"].as_array().unwrap();
    assert_eq!(branches.len(), 2);
    assert_eq!(branches[0]["is_main"], true, "main library first");
    assert_eq!(branches[0]["opening_hours"][0]["weekday"], 1);
    assert!(branches[0]["street_address"].as_str().unwrap().len() > 3);
    let (status, problem) = app.get("/api/v1/libraries/atlantis", None).await;
    assert_eq!((status, problem["code"].as_str()), (404, Some("not_found")));

    // Paging: add two libraries, walk pages of one.
    for slug in ["oulu", "raahe"] {
        let out = app.cli(
            &[
                "library",
                "add",
                "--slug",
                slug,
                "--name",
                &format!("{slug} library"),
            ],
            &[],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/libraries?limit=1&cursor={c}"),
            None => "/api/v1/libraries?limit=1".into(),
        };
        let (status, page) = app.get(&path, None).await;
        assert_eq!(status, 200);
        seen.extend(
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l["slug"].as_str().unwrap().to_owned()),
        );
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    assert_eq!(seen, ["kalajoki", "oulu", "raahe"]);
}

async fn health(app: TestApp) {
    assert_eq!(app.get("/healthz", None).await.1["status"], "ok");
    assert_eq!(app.get("/readyz", None).await.1["status"], "ok");
}

async fn docs(app: TestApp) {
    let (status, spec) = app.get("/api/openapi.json", None).await;
    assert_eq!(status, 200);
    assert!(spec["openapi"].as_str().unwrap().starts_with("3.1"));
    assert!(spec["paths"]["/api/v1/auth/login"]["post"]["operationId"] == "login");
    let r = app.client.get(app.url("/api/docs/")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("swagger"), "Swagger UI page");
    assert!(
        !html.contains("https://"),
        "no script or style from another host"
    );
}

async fn cli_admin(app: TestApp) {
    let out = app.cli(
        &[
            "user",
            "add",
            "--library",
            "kalajoki",
            "--role",
            "staff",
            "--email",
            "uusi@kalajoki.example",
            "--name",
            "Uusi Työntekijä",
        ],
        &[("ETAKIRJASTO_PASSWORD", "uusi salasana 2026")],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let token = app
        .token_for("uusi@kalajoki.example", "uusi salasana 2026")
        .await;
    let (_, me) = app.get("/api/v1/me", Some(&token)).await;
    assert_eq!(me["memberships"][0]["role"], "staff");
    let out = app.cli(
        &[
            "user",
            "add",
            "--library",
            "atlantis",
            "--role",
            "staff",
            "--email",
            "x@example.fi",
        ],
        &[("ETAKIRJASTO_PASSWORD", "uusi salasana 2026")],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("atlantis"));
    let out = app.cli(
        &["library", "add", "--slug", "kalajoki", "--name", "Twice"],
        &[],
    );
    assert!(!out.status.success(), "duplicate slug refused");
}

#[test]
fn a_bad_setting_stops_start_up_naming_the_variable() {
    let (url, _dir) = fresh_database(Backend::Sqlite);
    for (var, value) in [
        ("BIND", "nonsense"),
        ("DATABASE_URL", "mysql://x"),
        ("JWT_SECRET", "short"),
    ] {
        let out = std::process::Command::new(binary())
            .arg("serve")
            .env("DATABASE_URL", &url)
            .env("BIND", format!("127.0.0.1:{}", free_port()))
            .env(var, value)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{var}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.lines()
                .any(|l| l.starts_with("etakirjasto: ") && l.contains(var)),
            "{var}: {err}"
        );
    }
}

#[tokio::test]
async fn the_web_app_is_served_with_deep_links_and_cache_headers() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        "<!doctype html><title>Etäkirjasto</title>",
    )
    .unwrap();
    std::fs::write(dist.path().join("web-0123456789abcdef_bg.wasm"), b"\0asm").unwrap();
    let app = TestApp::spawn_with(
        Backend::Sqlite,
        &[("WEB_DIST", dist.path().to_str().unwrap())],
    )
    .await;
    let r = app
        .client
        .get(app.url("/me/deep/link"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["cache-control"], "no-cache");
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert_eq!(r.headers()["x-content-type-options"], "nosniff");
    assert_eq!(r.headers()["x-frame-options"], "DENY");
    assert!(r.text().await.unwrap().contains("Etäkirjasto"));
    let r = app
        .client
        .get(app.url("/web-0123456789abcdef_bg.wasm"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["content-type"], "application/wasm");
    assert_eq!(
        r.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    let r = app
        .client
        .get(app.url("/api/v1/nothing-here"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    assert_eq!(r.headers()["content-type"], "application/problem+json");
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["code"], "not_found");
}

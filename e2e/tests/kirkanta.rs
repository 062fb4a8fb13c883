//! Importing branches and opening hours from the Finnish library directory (Kirkanta API v4 JSON)
//! with `etakirjasto library import-kirkanta`, on both databases: from the fixture file and from a
//! URL; an import again changes nothing more; a bad file changes nothing and says why. The library's
//! admins import through the API too, with a preview that saves nothing.

use etakirjasto_e2e::{TestApp, demo, on_both_databases, root};
use serde_json::{Value, json};

on_both_databases! {
    branches_and_staffed_hours_come_from_the_directory_file_or_url => import;
    the_library_admins_import_through_the_api_with_a_preview_first => via_api;
}

fn fixture() -> std::path::PathBuf {
    root().join("e2e/fixtures/kirkanta-kalajoki.json")
}

fn branch<'a>(library: &'a Value, name: &str) -> &'a Value {
    library["branches"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["name"] == name)
        .unwrap_or_else(|| panic!("no branch {name}: {library}"))
}

fn run(app: &TestApp, source: &[&str]) -> (bool, String, String) {
    let mut args = vec!["library", "import-kirkanta", "--slug", "kalajoki"];
    args.extend_from_slice(source);
    let out = app.cli(&args, &[]);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Serves `body` once over HTTP on loopback; returns its URL.
async fn serve_once(body: String) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!(
        "http://{}/v4/library?city.name=Kalajoki&with=schedules",
        listener.local_addr().unwrap()
    );
    tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut request = vec![0u8; 4096];
        let _ = socket.read(&mut request).await;
        let answer = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        socket.write_all(answer.as_bytes()).await.unwrap();
    });
    url
}

async fn import(app: TestApp) {
    let path = fixture();
    let path = path.to_str().unwrap();
    let (ok, out, err) = run(&app, &["--file", path]);
    assert!(ok, "{err}");
    assert_eq!(
        out.trim(),
        "2 branch(es) imported into kalajoki: 1 new, 1 updated"
    );
    let (_, library) = app.get("/api/v1/libraries/kalajoki", None).await;
    // The main library is new (the demo calls its main branch otherwise), and now the main one.
    let main = branch(&library, "Kalajoen pääkirjasto");
    assert_eq!(
        (
            &main["is_main"],
            &main["street_address"],
            &main["postal_code"],
            &main["phone"]
        ),
        (
            &json!(true),
            &json!("Pohjankyläntie 1"),
            &json!("85100"),
            &json!("+358444691234")
        )
    );
    assert_eq!(branch(&library, "Pääkirjasto")["is_main"], false);
    assert_eq!(
        main["opening_hours"][0],
        json!({"weekday": 1, "opens": "11:00", "closes": "19:00"}),
        "staffed hours, not the self-service ones before them"
    );
    // Himanka existed: its hours are the directory's now (Friday from the file's ordinary Friday, not
    // its shortened one); Saturday's self-service and the closed Sunday give none.
    let himanka = branch(&library, "Himangan kirjasto");
    let hours: Vec<(u64, &str, &str)> = himanka["opening_hours"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["weekday"].as_u64().unwrap(),
                h["opens"].as_str().unwrap(),
                h["closes"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        hours,
        vec![
            (1, "12:00", "19:00"),
            (2, "12:00", "17:00"),
            (3, "12:00", "19:00"),
            (4, "12:00", "17:00"),
            (5, "12:00", "17:00"),
        ]
    );
    // The file has no email for Himanka: the one stored stays.
    assert_eq!(himanka["email"], "himangan.kirjasto@kalajoki.example");
    let count = library["branches"].as_array().unwrap().len();

    // From a URL, again: nothing new, the same branches.
    let url = serve_once(std::fs::read_to_string(fixture()).unwrap()).await;
    let (ok, out, err) = tokio::task::spawn_blocking({
        let app_url = url.clone();
        let database = app.database_url.clone();
        move || {
            let out = std::process::Command::new(etakirjasto_e2e::binary())
                .args([
                    "library",
                    "import-kirkanta",
                    "--slug",
                    "kalajoki",
                    "--url",
                    &app_url,
                ])
                .env("DATABASE_URL", database)
                .env("RUST_LOG", "warn")
                .output()
                .unwrap();
            (
                out.status.success(),
                String::from_utf8_lossy(&out.stdout).into_owned(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            )
        }
    })
    .await
    .unwrap();
    assert!(ok, "{err}");
    assert_eq!(
        out.trim(),
        "2 branch(es) imported into kalajoki: 0 new, 2 updated"
    );
    let (_, again) = app.get("/api/v1/libraries/kalajoki", None).await;
    assert_eq!(again["branches"].as_array().unwrap().len(), count);
    assert_eq!(again["branches"], library["branches"]);

    // A file without schedules or contact details changes only what it says.
    let dir = tempfile::tempdir().unwrap();
    let thin = dir.path().join("thin.json");
    std::fs::write(
        &thin,
        r#"[{"name": "Himangan kirjasto", "address": {"street": "Kauppatie 22", "zipcode": "85200", "city": "Kalajoki"}}]"#,
    )
    .unwrap();
    let (ok, out, err) = run(&app, &["--file", thin.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert_eq!(
        out.trim(),
        "1 branch(es) imported into kalajoki: 0 new, 1 updated"
    );
    let (_, thinned) = app.get("/api/v1/libraries/kalajoki", None).await;
    let before = branch(&library, "Himangan kirjasto");
    let after = branch(&thinned, "Himangan kirjasto");
    assert_eq!(after["street_address"], "Kauppatie 22");
    assert_eq!(
        (
            &after["opening_hours"],
            &after["phone"],
            &after["email"],
            &after["is_main"]
        ),
        (
            &before["opening_hours"],
            &before["phone"],
            &before["email"],
            &before["is_main"]
        )
    );
    let (ok, _, _) = run(&app, &["--file", path]);
    assert!(ok);

    // A bad file: a clear message, exit code 2, nothing changed.
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{"items": [{"name": "Uusi", "schedules": [{"date": "2025-03-10", "times": [{"from": "12:00", "to": "10:00", "status": 1}]}]}]}"#,
    )
    .unwrap();
    let out = app.cli(
        &[
            "library",
            "import-kirkanta",
            "--slug",
            "kalajoki",
            "--file",
            bad.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("library 1 (Uusi): a time on 2025-03-10 ends before it starts"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (_, after) = app.get("/api/v1/libraries/kalajoki", None).await;
    assert_eq!(after["branches"], library["branches"]);
    let (ok, _, err) = run(&app, &["--file", path, "--url", &url]);
    assert!(!ok && err.contains("either --file or --url"), "{err}");
    let (ok, _, err) = run(&app, &[]);
    assert!(!ok && err.contains("either --file or --url"), "{err}");
}

async fn via_api(app: TestApp) {
    let document: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture()).unwrap()).unwrap();
    let path = "/api/v1/libraries/kalajoki/branches/import";
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let (status, _) = app
        .send("POST", path, Some(&staff), Some(document.clone()))
        .await;
    assert_eq!(status, 403, "staff who are not admins cannot import");
    let admin = app.token_for(demo::ADMIN.0, demo::ADMIN.1).await;
    let (_, before) = app.get("/api/v1/libraries/kalajoki", None).await;

    // The preview tells what would change and saves nothing.
    let (status, preview) = app
        .send(
            "POST",
            &format!("{path}?dry_run=true"),
            Some(&admin),
            Some(document.clone()),
        )
        .await;
    assert_eq!(status, 200, "{preview}");
    assert_eq!(
        (&preview["dry_run"], &preview["added"], &preview["updated"]),
        (&json!(true), &json!(1), &json!(1))
    );
    let main = preview["branches"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["name"] == "Kalajoen pääkirjasto")
        .unwrap();
    assert_eq!(main["action"], "added");
    assert_eq!(main["hours"][0], "1 11:00–19:00");
    let (_, unchanged) = app.get("/api/v1/libraries/kalajoki", None).await;
    assert_eq!(unchanged["branches"], before["branches"]);

    // The import itself, and again: nothing new the second time.
    let (status, done) = app
        .send("POST", path, Some(&admin), Some(document.clone()))
        .await;
    assert_eq!(status, 200, "{done}");
    assert_eq!((&done["added"], &done["updated"]), (&json!(1), &json!(1)));
    let (_, library) = app.get("/api/v1/libraries/kalajoki", None).await;
    assert_eq!(branch(&library, "Kalajoen pääkirjasto")["is_main"], true);
    let (_, again) = app.send("POST", path, Some(&admin), Some(document)).await;
    assert_eq!((&again["added"], &again["updated"]), (&json!(0), &json!(2)));

    // Not the directory's JSON: refused naming the document, nothing saved.
    let (status, refused) = app
        .send(
            "POST",
            path,
            Some(&admin),
            Some(json!({"items": [{"name": ""}]})),
        )
        .await;
    assert_eq!(status, 422, "{refused}");
    assert_eq!(refused["errors"][0]["field"], "document");
    assert!(refused["detail"].is_string(), "{refused}");
}

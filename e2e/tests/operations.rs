//! Running for real: several processes behind one address behave as one, and logs hold no secrets.

use etakirjasto_e2e::{Backend, TEST_JWT_SECRET, TestApp, binary, demo, free_port, status_json};
use serde_json::json;

/// The one address both processes stand behind; it names the issuer of their tokens.
const PUBLIC_URL: &str = "https://kirjasto.example";

/// Starts a second process on the same database as `app`, sharing nothing else.
fn second_process(app: &TestApp) -> (std::process::Child, String) {
    let port = free_port();
    let child = std::process::Command::new(binary())
        .arg("serve")
        .env("DATABASE_URL", &app.database_url)
        .env("BIND", format!("127.0.0.1:{port}"))
        .env("WEB_DIST", app.dir.path().join("no-web-app"))
        .env("PUBLIC_URL", PUBLIC_URL)
        .env("MESSAGE_LOG", app.dir.path().join("messages-second.log"))
        .env("RUST_LOG", "warn")
        .env("PUBLIC_WRITE_LIMIT", "1000000")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    (child, format!("http://127.0.0.1:{port}"))
}

async fn wait_up(client: &reqwest::Client, base: &str) {
    for _ in 0..600 {
        if client
            .get(format!("{base}/healthz"))
            .send()
            .await
            .is_ok_and(|r| r.status() == 200)
        {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("second process did not start");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_processes_on_one_postgres_share_keys_sessions_and_throttling() {
    // The first process is given no JWT secret either, so both read the key kept in the database.
    let app = TestApp::spawn_with(
        Backend::Postgres,
        &[("JWT_SECRET", ""), ("PUBLIC_URL", PUBLIC_URL)],
    )
    .await;
    let (mut child, other) = second_process(&app);
    wait_up(&app.client, &other).await;
    let login = json!({"email": demo::PATRON.0, "password": demo::PATRON.1});

    // A token from one process is accepted by the other: the signing key is shared.
    let (status, tokens) = app.post("/api/v1/auth/login", &login).await;
    assert_eq!(status, 200, "{tokens}");
    let r = app
        .client
        .get(format!("{other}/api/v1/me"))
        .bearer_auth(tokens["access_token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.status(),
        200,
        "access token from process A works on process B"
    );

    // Refresh-token families are shared: rotate on B, replay the old one on A, and the family dies on both.
    let first = tokens["refresh_token"].clone();
    let r = app
        .client
        .post(format!("{other}/api/v1/auth/refresh"))
        .json(&json!({"refresh_token": first}))
        .send()
        .await
        .unwrap();
    let (status, rotated) = status_json(r).await;
    assert_eq!(status, 200);
    let (status, _) = app
        .post("/api/v1/auth/refresh", &json!({"refresh_token": first}))
        .await;
    assert_eq!(status, 401, "replay on A is caught");
    let r = app
        .client
        .post(format!("{other}/api/v1/auth/refresh"))
        .json(&json!({"refresh_token": rotated["refresh_token"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401, "and B has revoked the family too");

    // Throttling counts failures from both processes together.
    for i in 0..5 {
        let wrong = json!({"email": demo::STAFF.0, "password": "wrong password"});
        let r = if i % 2 == 0 {
            app.client
                .post(app.url("/api/v1/auth/login"))
                .json(&wrong)
                .send()
                .await
                .unwrap()
        } else {
            app.client
                .post(format!("{other}/api/v1/auth/login"))
                .json(&wrong)
                .send()
                .await
                .unwrap()
        };
        assert_eq!(r.status(), 401, "failure {i}");
    }
    let (status, body) = app.login(demo::STAFF.0, demo::STAFF.1).await;
    assert_eq!(
        status, 429,
        "five failures across two processes throttle the account: {body}"
    );
    let _ = child.kill();
    let _ = child.wait();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn logs_hold_no_passwords_tokens_or_personal_data() {
    // Arrange: canary values that must never reach a log line, at the most talkative level.
    let app = TestApp::spawn_with(Backend::Sqlite, &[("RUST_LOG", "trace")]).await;
    let password = "canary-password-93847";
    let email = "canary.person.58211@example.fi";
    let phone = "+358 40 555 8211";
    let card = "7700558211";
    let pin = "8211";
    let reg = app.register("Kanarialintu Koe", email, password).await;
    let (status, _) = app
        .post("/api/v1/auth/register", &json!({"name": "Toinen Kanaria", "phone": phone, "password": password, "card_number": card, "pin": pin}))
        .await;
    assert_eq!(status, 201);
    let (_, login) = app.login(email, password).await;
    let (status, _) = app.login(email, "wrong-canary-password-1").await;
    assert_eq!(status, 401);
    let refresh = login["refresh_token"].as_str().unwrap().to_owned();
    let access = login["access_token"].as_str().unwrap().to_owned();
    app.get("/api/v1/me", Some(&access)).await;
    app.post("/api/v1/auth/refresh", &json!({"refresh_token": refresh}))
        .await;
    app.post("/api/v1/auth/refresh", &json!({"refresh_token": refresh}))
        .await; // a replay is logged
    // A staff search of messages carries the address in its query string; a guest's booking sends
    // a confirmation through the outbox (to the message log file, not the server log).
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let (status, _) = app
        .get(
            &format!("/api/v1/messages?library=kalajoki&recipient={email}"),
            Some(&staff),
        )
        .await;
    assert_eq!(status, 200);
    let (_, services) = app.get("/api/v1/services?library=kalajoki", None).await;
    let practice = services["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"]["en"] == "Practice call")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, slots) = app
        .get(&format!("/api/v1/services/{practice}/slots"), None)
        .await;
    let (status, _) = app
        .post(
            "/api/v1/bookings",
            &json!({"service_id": practice, "start": slots["slots"][0]["start"], "mode": "video",
                    "name": "Kanarialintu Vieras", "email": email}),
        )
        .await;
    assert_eq!(status, 201);
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let log = app.log();
    assert!(
        log.len() > 1000,
        "the trace log was captured ({} bytes)",
        log.len()
    );
    for (what, canary) in [
        ("password", password),
        ("email", email),
        ("phone", "555 8211"),
        ("phone (E.164)", "+358405558211"),
        ("card number", card),
        ("access token", access.as_str()),
        ("refresh token", refresh.as_str()),
        ("registration token", reg["refresh_token"].as_str().unwrap()),
        ("name", "Kanarialintu"),
        ("signing key", TEST_JWT_SECRET),
    ] {
        assert!(!log.contains(canary), "the log contains the {what}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_booking_race_split_over_two_processes_books_each_staff_member_once() {
    let app = TestApp::spawn_with(
        Backend::Postgres,
        &[("JWT_SECRET", ""), ("PUBLIC_URL", PUBLIC_URL)],
    )
    .await;
    let (mut child, other) = second_process(&app);
    wait_up(&app.client, &other).await;
    let (_, services) = app.get("/api/v1/services?library=kalajoki", None).await;
    let sid = services["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"]["en"] == "Practice call")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, slots) = app
        .get(&format!("/api/v1/services/{sid}/slots"), None)
        .await;
    let slot = slots["slots"][0].clone();
    assert_eq!(slot["staff_available"], 3);
    let listing = |base: String| {
        let client = app.client.clone();
        let url = format!("{base}/api/v1/services/{sid}/slots");
        async move {
            let r = client.get(url).send().await.unwrap();
            status_json(r).await.1
        }
    };
    assert_eq!(
        listing(other.clone()).await["slots"][0],
        slot,
        "the second process lists (and caches) the same times"
    );

    // Forty guests at once for one time, every other one through the second process.
    let attempts = (0..40).map(|i| {
        let base = if i % 2 == 0 { app.base.clone() } else { other.clone() };
        let body = json!({"service_id": sid, "start": slot["start"], "mode": "video", "name": format!("Kilpailija {i}"), "email": format!("k{i}@example.fi")});
        let client = app.client.clone();
        async move {
            let r = client
                .post(format!("{base}/api/v1/bookings"))
                .json(&body)
                .send()
                .await
                .unwrap();
            status_json(r).await
        }
    });
    let results = futures_util::future::join_all(attempts).await;
    let booked = results.iter().filter(|(s, _)| *s == 201).count();
    let taken = results
        .iter()
        .filter(|(s, b)| *s == 409 && b["code"] == "slot_taken")
        .count();
    assert_eq!((booked, taken), (3, 37), "{results:?}");
    let staff = etakirjasto_e2e::query_strings(
        &app.database_url,
        &format!(
            "SELECT DISTINCT staff_id AS value FROM bookings WHERE service_id = '{sid}' AND status = 'confirmed'"
        ),
    );
    assert_eq!(staff.len(), 3, "three different staff members: {staff:?}");
    // Both processes had the listing cached; neither lists the full time any more.
    for base in [app.base.clone(), other.clone()] {
        let after = listing(base.clone()).await;
        assert!(
            after["slots"]
                .as_array()
                .unwrap()
                .iter()
                .all(|s| s["start"] != slot["start"]),
            "{base} no longer lists the booked time"
        );
    }
    let _ = child.kill();
    let _ = child.wait();
}

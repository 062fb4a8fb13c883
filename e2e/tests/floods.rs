//! Floods of anonymous writes are held back per address, on both databases and across processes:
//! of many home-service applications sent at once from one address only the budget's worth is
//! stored, the rest are 429 with `Retry-After` and store nothing; guest registrations have a budget
//! of their own, and a signed-in patron's bookings are not counted. Two server processes on one
//! PostgreSQL share the count.

use etakirjasto_e2e::{Backend, TestApp, demo, fresh_database, query_strings};
use serde_json::{Value, json};

const LIMIT: &str = "3";

fn application(n: usize) -> Value {
    json!({
        "library": "kalajoki", "relation": "themselves",
        "name": format!("Hakija {n}"), "street_address": "Rantatie 5", "postal_code": "85100",
        "city": "Kalajoki", "phone": "0407654321", "reasons": ["age"], "formats": ["large_print"],
        "frequency": "monthly", "language": "fi", "consent": true
    })
}

fn applications_stored(app: &TestApp) -> usize {
    query_strings(
        &app.database_url,
        "SELECT id AS value FROM home_service_applications WHERE name LIKE 'Hakija %'",
    )
    .len()
}

/// Sends `n` applications at once, spread over `apps`; returns the statuses and the
/// `Retry-After` headers of the refused ones.
async fn flood(apps: &[&TestApp], n: usize) -> (Vec<u16>, Vec<String>) {
    let sends = (0..n).map(|i| {
        let app = apps[i % apps.len()];
        async move {
            let r = app
                .browser_client()
                .post(app.url("/api/v1/home-service/applications"))
                .json(&application(i))
                .send()
                .await
                .unwrap();
            let status = r.status().as_u16();
            let retry = r
                .headers()
                .get("retry-after")
                .map(|v| v.to_str().unwrap().to_owned());
            let kind = r
                .headers()
                .get("content-type")
                .map(|v| v.to_str().unwrap().to_owned());
            let body: Value = r.json().await.unwrap_or(Value::Null);
            if status == 429 {
                assert_eq!(kind.as_deref(), Some("application/problem+json"));
                assert_eq!(body["code"], "too_many_requests", "{body}");
            }
            (status, retry)
        }
    });
    let results = futures_util::future::join_all(sends).await;
    let statuses = results.iter().map(|(s, _)| *s).collect();
    let retries = results.into_iter().filter_map(|(_, r)| r).collect();
    (statuses, retries)
}

async fn held_back(backend: Backend) {
    let app = TestApp::spawn_with(backend, &[("PUBLIC_WRITE_LIMIT", LIMIT)]).await;
    // Mistakes do not use the budget: two refused applications leave all three.
    for n in 0..2 {
        let mut bad = application(100 + n);
        bad["consent"] = json!(false);
        let (status, body) = app.post("/api/v1/home-service/applications", &bad).await;
        assert_eq!(status, 422, "{body}");
    }
    let (statuses, retries) = flood(&[&app], 10).await;
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        3,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 429).count(),
        7,
        "{statuses:?}"
    );
    assert_eq!(retries.len(), 7);
    for r in &retries {
        let seconds: u64 = r.parse().unwrap();
        assert!((1..=600).contains(&seconds), "Retry-After {seconds}");
    }
    assert_eq!(
        applications_stored(&app),
        3,
        "the refused ones store nothing"
    );

    // Registrations have a budget of their own: the applications did not spend it.
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let start = chrono::Utc::now() + chrono::Duration::days(5);
    let (status, event) = app
        .send(
            "POST",
            "/api/v1/events",
            Some(&staff),
            Some(json!({
                "library": "kalajoki",
                "title": {"fi": "Lukupiiri", "sv": "Läscirkel", "en": "Reading circle"},
                "description": {"fi": "Kuvaus."},
                "category": "reading_circle", "audience": "adults", "mode": "online",
                "start": start.to_rfc3339(), "end": (start + chrono::Duration::minutes(90)).to_rfc3339(),
                "join_url": "https://meet.jit.si/etakirjasto-tulva", "online_capacity": 50
            })),
        )
        .await;
    assert_eq!(status, 201, "{event}");
    let path = format!(
        "/api/v1/events/{}/registrations",
        event["id"].as_str().unwrap()
    );
    let mut codes = Vec::new();
    for i in 0..4 {
        let (status, body) = app
            .post(
                &path,
                &json!({"name": format!("Vieras {i}"), "email": format!("vieras{i}@example.fi"),
                        "seat_type": "online", "seats": 1}),
            )
            .await;
        codes.push((status, body["code"].clone()));
    }
    assert_eq!(codes[3].0, 429, "{codes:?}");
    assert!(codes[..3].iter().all(|(s, _)| *s != 429), "{codes:?}");

    // A signed-in patron is not a flood of strangers: their writes are not counted.
    let patron = app.token_for(demo::PATRON.0, demo::PATRON.1).await;
    for _ in 0..2 {
        let (status, body) = app
            .send(
                "POST",
                &path,
                Some(&patron),
                Some(json!({"seat_type": "online", "seats": 1})),
            )
            .await;
        assert_ne!(status, 429, "{body}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sqlite_a_flood_of_anonymous_writes_from_one_address_is_held_back() {
    held_back(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn postgres_a_flood_of_anonymous_writes_from_one_address_is_held_back() {
    held_back(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_processes_on_one_postgres_share_the_budget() {
    let envs = [("PUBLIC_WRITE_LIMIT", LIMIT)];
    let a = TestApp::spawn_with(Backend::Postgres, &envs).await;
    let (_, dir) = fresh_database(Backend::Sqlite);
    let b = TestApp::spawn_on(Backend::Postgres, a.database_url.clone(), dir, &envs).await;
    let (statuses, _) = flood(&[&a, &b], 12).await;
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        3,
        "{statuses:?}"
    );
    assert_eq!(applications_stored(&a), 3);
}

/// Behind a trusted proxy the address is the entry the proxy added (the last); the entries before
/// it are the caller's own words and change nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_forged_forwarded_for_does_not_buy_a_new_budget() {
    let app = TestApp::spawn_with(
        Backend::Sqlite,
        &[
            ("PUBLIC_WRITE_LIMIT", LIMIT),
            ("TRUST_FORWARDED_FOR", "true"),
        ],
    )
    .await;
    let mut statuses = Vec::new();
    for n in 0..5 {
        let r = app
            .browser_client()
            .post(app.url("/api/v1/home-service/applications"))
            .header("X-Forwarded-For", format!("192.0.2.{n}, 198.51.100.7"))
            .json(&application(n))
            .send()
            .await
            .unwrap();
        statuses.push(r.status().as_u16());
    }
    assert_eq!(statuses, [201, 201, 201, 429, 429]);
    // Another address behind the proxy has its own budget.
    let r = app
        .browser_client()
        .post(app.url("/api/v1/home-service/applications"))
        .header("X-Forwarded-For", "198.51.100.8")
        .json(&application(9))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 201);
}

//! Webhooks against the real server on both databases: a partner subscribes with its token
//! (`webhooks:manage`), each committed change of its library's events and bookings is posted to a
//! real HTTP receiver signed as Standard Webhooks describes (checked here with an HMAC of our own),
//! a partner that answers 500 is tried again with the same id until it answers 2xx, a change that
//! is refused tells nothing, payloads carry no personal details, and a revoked client is told
//! nothing more.

use std::sync::{
    Arc, Mutex,
    atomic::{AtomicUsize, Ordering},
};

use base64::{Engine as _, engine::general_purpose::STANDARD};
use chrono::{Duration, Utc};
use etakirjasto_e2e::{Backend, TestApp, demo, query_strings};
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sqlite_changes_are_posted_signed_and_retried() {
    posted(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn postgres_changes_are_posted_signed_and_retried() {
    posted(Backend::Postgres).await;
}

/// One post received: its headers (lowercase names) and body.
type Post = (Vec<(String, String)>, String);

/// A real HTTP server on loopback that keeps what it is posted and answers 500 to the first
/// `fail_first` posts, 204 after.
struct Receiver {
    url: String,
    posts: Arc<Mutex<Vec<Post>>>,
}

async fn receiver(fail_first: usize) -> Receiver {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hooks", listener.local_addr().unwrap());
    let posts: Arc<Mutex<Vec<Post>>> = Arc::default();
    let seen = Arc::new(AtomicUsize::new(0));
    let kept = posts.clone();
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            let (kept, seen) = (kept.clone(), seen.clone());
            tokio::spawn(async move {
                let mut raw = Vec::new();
                let mut buf = [0u8; 4096];
                let (head, mut body) = loop {
                    let n = socket.read(&mut buf).await.unwrap_or(0);
                    if n == 0 {
                        return;
                    }
                    raw.extend_from_slice(&buf[..n]);
                    if let Some(at) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
                        break (
                            String::from_utf8_lossy(&raw[..at]).to_string(),
                            raw[at + 4..].to_vec(),
                        );
                    }
                };
                let headers: Vec<(String, String)> = head
                    .lines()
                    .skip(1)
                    .filter_map(|l| l.split_once(':'))
                    .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
                    .collect();
                let length: usize = headers
                    .iter()
                    .find(|(k, _)| k == "content-length")
                    .and_then(|(_, v)| v.parse().ok())
                    .unwrap_or(0);
                while body.len() < length {
                    let n = socket.read(&mut buf).await.unwrap_or(0);
                    if n == 0 {
                        break;
                    }
                    body.extend_from_slice(&buf[..n]);
                }
                let status = if seen.fetch_add(1, Ordering::SeqCst) < fail_first {
                    "500 Internal Server Error"
                } else {
                    "204 No Content"
                };
                kept.lock()
                    .unwrap()
                    .push((headers, String::from_utf8_lossy(&body).to_string()));
                let _ = socket
                    .write_all(
                        format!(
                            "HTTP/1.1 {status}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
                        )
                        .as_bytes(),
                    )
                    .await;
            });
        }
    });
    Receiver { url, posts }
}

fn header<'a>(post: &'a Post, name: &str) -> &'a str {
    post.0
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_default()
}

/// Waits until `count` posts arrived (at most 30 s).
async fn wait_for(rx: &Receiver, count: usize) -> Vec<Post> {
    for _ in 0..300 {
        let posts = rx.posts.lock().unwrap().clone();
        if posts.len() >= count {
            return posts;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("{count} posts expected, got {:?}", rx.posts.lock().unwrap());
}

/// Checks a post's signature with the subscription's secret, as a partner would.
fn verify(secret: &str, post: &Post) {
    let key = STANDARD
        .decode(secret.strip_prefix("whsec_").unwrap())
        .unwrap();
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(&key).unwrap();
    let signed = format!(
        "{}.{}.{}",
        header(post, "webhook-id"),
        header(post, "webhook-timestamp"),
        post.1
    );
    mac.update(signed.as_bytes());
    let expected = format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes()));
    assert_eq!(header(post, "webhook-signature"), expected, "{post:?}");
    let at: i64 = header(post, "webhook-timestamp").parse().unwrap();
    assert!(
        (Utc::now().timestamp() - at).abs() < 120,
        "a fresh timestamp"
    );
}

async fn posted(backend: Backend) {
    let app = TestApp::spawn_with(
        backend,
        &[("WEBHOOK_ALLOW_HTTP", "1"), ("WEBHOOK_RETRY_SECONDS", "1")],
    )
    .await;
    // The partner's receiver fails twice before it answers.
    let rx = receiver(2).await;
    let admin = app.token_for(demo::ADMIN.0, demo::ADMIN.1).await;
    let (status, made) = app
        .send(
            "POST",
            "/api/v1/api-clients",
            Some(&admin),
            Some(json!({"library": "kalajoki", "name": "Tapahtumakalenteri", "scopes": ["events:read", "bookings:write", "webhooks:manage"], "rate_limit_per_minute": 1000})),
        )
        .await;
    assert_eq!(status, 201, "{made}");
    let (id, secret) = (
        made["client"]["client_id"].as_str().unwrap(),
        made["client_secret"].as_str().unwrap(),
    );
    let (status, token) = app
        .post(
            "/api/v1/oauth/token",
            &json!({"grant_type": "client_credentials", "client_id": id, "client_secret": secret}),
        )
        .await;
    assert_eq!(status, 200, "{token}");
    let partner = token["access_token"].as_str().unwrap().to_owned();

    // Only a partner's token with the scope subscribes, and only to a URL that may be posted to.
    let (status, _) = app.get("/api/v1/webhooks", Some(&admin)).await;
    assert_eq!(status, 401);
    for (body, field) in [
        (
            json!({"url": "ftp://example.fi/x", "kinds": ["event.created"]}),
            "url",
        ),
        (json!({"url": rx.url, "kinds": []}), "kinds"),
    ] {
        let (status, refused) = app
            .send("POST", "/api/v1/webhooks", Some(&partner), Some(body))
            .await;
        assert_eq!(status, 422, "{refused}");
        assert_eq!(refused["errors"][0]["field"], field);
    }
    // Told only of what the client may read: bookings need `bookings:write`.
    let (status, made2) = app
        .send(
            "POST",
            "/api/v1/api-clients",
            Some(&admin),
            Some(json!({"library": "kalajoki", "name": "Vain tapahtumat", "scopes": ["events:read", "webhooks:manage"], "rate_limit_per_minute": 100})),
        )
        .await;
    assert_eq!(status, 201, "{made2}");
    let (_, narrow) = app
        .post(
            "/api/v1/oauth/token",
            &json!({"grant_type": "client_credentials", "client_id": made2["client"]["client_id"], "client_secret": made2["client_secret"]}),
        )
        .await;
    let (status, refused) = app
        .send(
            "POST",
            "/api/v1/webhooks",
            narrow["access_token"].as_str(),
            Some(json!({"url": rx.url, "kinds": ["booking.created"]})),
        )
        .await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (403, Some("insufficient_scope")),
        "{refused}"
    );
    let (status, hook) = app
        .send(
            "POST",
            "/api/v1/webhooks",
            Some(&partner),
            Some(json!({"url": rx.url, "kinds": ["event.created", "event.cancelled", "booking.created"]})),
        )
        .await;
    assert_eq!(status, 201, "{hook}");
    let hook_secret = hook["secret"].as_str().unwrap().to_owned();
    assert!(hook_secret.starts_with("whsec_"));
    let hook_id = hook["webhook"]["id"].as_str().unwrap().to_owned();

    // An event published: posted three times (500, 500, then 204) with the same id, each signed.
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let start = Utc::now() + Duration::days(10);
    let (status, event) = app
        .send(
            "POST",
            "/api/v1/events",
            Some(&staff),
            Some(json!({
                "library": "kalajoki",
                "title": {"fi": "Verkkolukupiiri"},
                "description": {"fi": "Kuvaus."},
                "category": "reading_circle", "audience": "adults", "mode": "online",
                "start": start.to_rfc3339(), "end": (start + Duration::minutes(90)).to_rfc3339(),
                "join_url": "https://meet.jit.si/etakirjasto-testi", "online_capacity": 10,
                "max_seats_per_registration": 1
            })),
        )
        .await;
    assert_eq!(status, 201, "{event}");
    let event_id = event["id"].as_str().unwrap().to_owned();
    let posts = wait_for(&rx, 3).await;
    let ids: Vec<&str> = posts.iter().map(|p| header(p, "webhook-id")).collect();
    assert!(ids.iter().all(|i| *i == ids[0] && !i.is_empty()), "{ids:?}");
    for post in &posts {
        verify(&hook_secret, post);
    }
    let body: Value = serde_json::from_str(&posts[2].1).unwrap();
    assert_eq!(body["type"], "event.created");
    assert_eq!(body["library"], "kalajoki");
    assert_eq!(body["id"], ids[0]);
    assert_eq!(body["data"]["event_id"], event_id.as_str());
    assert_eq!(body["data"]["url"], format!("/api/v1/events/{event_id}"));
    // A signature made with another secret would not pass.
    let mut forged = posts[2].clone();
    forged.1.push(' ');
    assert!(std::panic::catch_unwind(|| verify(&hook_secret, &forged)).is_err());

    // A booking by the partner is told without the person's details; a second booking of the same
    // time is refused and tells nothing.
    let (_, services) = app.get("/api/v1/services?library=kalajoki", None).await;
    let service = services["items"][0]["id"].as_str().unwrap().to_owned();
    let (from, to) = (
        Utc::now() + Duration::days(7),
        Utc::now() + Duration::days(14),
    );
    let (_, slots) = app
        .get(
            &format!(
                "/api/v1/services/{service}/slots?from={}&to={}",
                from.format("%Y-%m-%dT%H:%M:%SZ"),
                to.format("%Y-%m-%dT%H:%M:%SZ")
            ),
            None,
        )
        .await;
    let slot = slots["slots"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["staff_available"] == 1)
        .cloned()
        .unwrap_or_else(|| slots["slots"][0].clone());
    let (_, service_body) = app.get(&format!("/api/v1/services/{service}"), None).await;
    let booking = json!({"service_id": service, "start": slot["start"], "mode": service_body["modes"][0], "name": "Salainen Asiakas", "email": "salainen@example.fi", "accept_ground_rules": true});
    let (status, booked) = app
        .send(
            "POST",
            "/api/v1/bookings",
            Some(&partner),
            Some(booking.clone()),
        )
        .await;
    assert_eq!(status, 201, "{booked}");
    let free = slot["staff_available"].as_u64().unwrap_or(1);
    for _ in 1..free {
        let (status, _) = app
            .send(
                "POST",
                "/api/v1/bookings",
                Some(&partner),
                Some(booking.clone()),
            )
            .await;
        assert!(status == 201 || status == 409);
    }
    let taken = app
        .send(
            "POST",
            "/api/v1/bookings",
            Some(&partner),
            Some(booking.clone()),
        )
        .await;
    assert_eq!(taken.0, 409, "{}", taken.1);
    let posts = wait_for(&rx, 3 + free as usize).await;
    let told: Vec<Value> = posts[3..]
        .iter()
        .map(|p| serde_json::from_str(&p.1).unwrap())
        .collect();
    assert!(
        told.iter().all(|b| b["type"] == "booking.created"),
        "{told:?}"
    );
    assert!(told.iter().any(|b| b["data"]["booking_id"] == booked["id"]));
    for post in &posts[3..] {
        assert!(
            !post.1.contains("Salainen") && !post.1.contains("salainen@"),
            "{}",
            post.1
        );
        verify(&hook_secret, post);
    }
    let stored = query_strings(
        &app.database_url,
        "SELECT CAST(COUNT(*) AS TEXT) AS value FROM webhook_deliveries WHERE kind = 'booking.created'",
    );
    assert_eq!(
        stored,
        [free.to_string()],
        "one per booking made, none for the refused one"
    );

    // A kind not subscribed to is not told; a cancellation is.
    let (status, _) = app
        .send(
            "POST",
            &format!("/api/v1/events/{event_id}/cancel"),
            Some(&staff),
            None,
        )
        .await;
    assert_eq!(status, 200);
    let posts = wait_for(&rx, 4 + free as usize).await;
    let last: Value = serde_json::from_str(&posts.last().unwrap().1).unwrap();
    assert_eq!(last["type"], "event.cancelled");

    // The partner sees its subscription's deliveries, all delivered.
    let (status, deliveries) = app
        .get(
            &format!("/api/v1/webhooks/{hook_id}/deliveries"),
            Some(&partner),
        )
        .await;
    assert_eq!(status, 200, "{deliveries}");
    let list = deliveries.as_array().unwrap();
    assert_eq!(list.len(), 2 + free as usize);
    assert!(
        list.iter().all(|d| d["status"] == "delivered"),
        "{deliveries}"
    );
    let first = list.iter().find(|d| d["kind"] == "event.created").unwrap();
    assert_eq!(first["attempts"], 3);
    assert_eq!(first["last_status"], 204);
    let (_, hooks) = app.get("/api/v1/webhooks", Some(&partner)).await;
    assert_eq!(hooks[0]["pending"], 0);
    assert_eq!(hooks[0]["failed"], 0);

    // Revoked, the client is told nothing more.
    let (status, _) = app
        .send(
            "POST",
            &format!("/api/v1/api-clients/{id}/revoke"),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(status, 200);
    let (status, _) = app
        .send(
            "POST",
            "/api/v1/events",
            Some(&staff),
            Some(json!({
                "library": "kalajoki",
                "title": {"fi": "Toinen piiri"},
                "description": {"fi": "Kuvaus."},
                "category": "reading_circle", "audience": "adults", "mode": "online",
                "start": start.to_rfc3339(), "end": (start + Duration::minutes(90)).to_rfc3339(),
                "join_url": "https://meet.jit.si/etakirjasto-testi", "online_capacity": 10,
                "max_seats_per_registration": 1
            })),
        )
        .await;
    assert_eq!(status, 201);
    let count = query_strings(
        &app.database_url,
        "SELECT CAST(COUNT(*) AS TEXT) AS value FROM webhook_deliveries",
    );
    assert_eq!(count, [(2 + free).to_string()]);
}

//! `cargo xtask bench`'s load generator: measures a running server over loopback and prints one line
//! of JSON per measurement. Figures are reported as ratios to `/healthz` measured in the same run,
//! because this machine is shared and absolute numbers drift.
//!
//! Usage: `bench <base-url> <seconds> <concurrency> <database-url>`. The server must hold the demo
//! data, and the staff accounts `bench1@kalajoki.example` … `bench8@kalajoki.example` (password
//! [`BENCH_PASSWORD`]) must exist (`cargo xtask bench` adds them with `etakirjasto user add`): seven
//! join reading guidance, so that it has ten staff, and the eighth alone gives a contention service.

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use chrono::Utc;
use etakirjasto_shared::totp;
use serde_json::{Value, json};

/// The bench staff's password.
const BENCH_PASSWORD: &str = "bench staff password 2026";
/// The demo admin and its authenticator secret (api/src/demo.rs).
const ADMIN: (&str, &str) = ("admin@kalajoki.example", "demo-admin-2026");
const DEMO_SECRET: &str = "ETAKIRJASTODEMOSTAFFKOODIAAAAAAA";

/// Latencies of one measurement.
struct Measured {
    rps: f64,
    p50: f64,
    p99: f64,
    errors: usize,
}

fn percentiles(mut all: Vec<f64>, secs: f64, errors: usize) -> Measured {
    all.sort_by(|a, b| a.total_cmp(b));
    let pct = |p: f64| {
        all.get(((all.len() as f64 * p) as usize).min(all.len().saturating_sub(1)))
            .copied()
            .unwrap_or(f64::NAN)
    };
    Measured {
        rps: all.len() as f64 / secs,
        p50: pct(0.50),
        p99: pct(0.99),
        errors,
    }
}

/// Closed loop: `concurrency` workers send `GET url` back to back for `secs`; the throughput ceiling.
async fn measure(client: &reqwest::Client, url: &str, secs: u64, concurrency: usize) -> Measured {
    measure_urls(client, &[url.to_owned()], secs, concurrency).await
}

/// Like [`measure`], going round `urls` (one after another across all workers).
async fn measure_urls(
    client: &reqwest::Client,
    urls: &[String],
    secs: u64,
    concurrency: usize,
) -> Measured {
    let deadline = Instant::now() + Duration::from_secs(secs);
    let urls = std::sync::Arc::new(urls.to_vec());
    let next = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut workers = Vec::new();
    for _ in 0..concurrency {
        let (client, urls, next) = (client.clone(), urls.clone(), next.clone());
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut errors = 0usize;
            while Instant::now() < deadline {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let t = Instant::now();
                match client.get(&urls[i % urls.len()]).send().await {
                    Ok(r) if r.status().is_success() => {
                        let _ = r.bytes().await;
                        latencies.push(t.elapsed().as_secs_f64() * 1000.0);
                    }
                    _ => errors += 1,
                }
            }
            (latencies, errors)
        }));
    }
    let mut all = Vec::new();
    let mut errors = 0;
    for w in workers {
        let (l, e) = w.await.expect("worker");
        all.extend(l);
        errors += e;
    }
    percentiles(all, secs as f64, errors)
}

/// Open loop: one `GET` every 1/`rate` s for `secs`, going round `urls`, whether or not earlier ones
/// have answered. Latency counts from when the request was due, so a stalled server cannot hide its
/// queue.
async fn measure_at_rate(
    client: &reqwest::Client,
    urls: &[String],
    secs: u64,
    rate: u64,
) -> Measured {
    let total = secs * rate;
    let period = Duration::from_secs_f64(1.0 / rate as f64);
    let start = tokio::time::Instant::now();
    let mut tasks = Vec::with_capacity(total as usize);
    for i in 0..total {
        let due = start + period * i as u32;
        tokio::time::sleep_until(due).await;
        let (client, url) = (client.clone(), urls[i as usize % urls.len()].clone());
        tasks.push(tokio::spawn(async move {
            match client.get(&url).send().await {
                Ok(r) if r.status().is_success() => {
                    let _ = r.bytes().await;
                    Some(due.elapsed().as_secs_f64() * 1000.0)
                }
                _ => None,
            }
        }));
    }
    let mut all = Vec::new();
    let mut errors = 0;
    for t in tasks {
        match t.await.expect("request task") {
            Some(ms) => all.push(ms),
            None => errors += 1,
        }
    }
    let elapsed = start.elapsed().as_secs_f64();
    percentiles(all, elapsed, errors)
}

async fn send(
    client: &reqwest::Client,
    method: reqwest::Method,
    url: String,
    token: Option<&str>,
    body: Option<Value>,
) -> (u16, Value) {
    let mut req = client.request(method, url);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    if let Some(b) = body {
        req = req.json(&b);
    }
    let r = req.send().await.expect("request");
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

/// The demo admin's access token (password and the demo key's current code).
async fn admin_token(client: &reqwest::Client, base: &str) -> String {
    let code = totp::code_at(
        &totp::decode_secret(DEMO_SECRET).unwrap(),
        totp::step_of(Utc::now().timestamp()),
    );
    let (status, body) = send(
        client,
        reqwest::Method::POST,
        format!("{base}/api/v1/auth/login"),
        None,
        Some(json!({"email": ADMIN.0, "password": ADMIN.1, "one_time_code": code})),
    )
    .await;
    assert_eq!(status, 200, "admin sign-in: {body}");
    body["access_token"].as_str().unwrap().to_owned()
}

/// The account id of a bench staff member (their own sign-in answers with it).
async fn staff_id(client: &reqwest::Client, base: &str, n: u32) -> String {
    let (status, body) = send(
        client,
        reqwest::Method::POST,
        format!("{base}/api/v1/auth/login"),
        None,
        Some(json!({"email": format!("bench{n}@kalajoki.example"), "password": BENCH_PASSWORD})),
    )
    .await;
    assert_eq!(status, 200, "bench{n} sign-in: {body}");
    body["user"]["id"].as_str().unwrap().to_owned()
}

async fn set_availability(
    client: &reqwest::Client,
    base: &str,
    admin: &str,
    id: &str,
    weekly: Value,
) {
    let (status, body) = send(
        client,
        reqwest::Method::PUT,
        format!("{base}/api/v1/staff/{id}/availability"),
        Some(admin),
        Some(json!({"library": "kalajoki", "weekly": weekly, "exceptions": []})),
    )
    .await;
    assert_eq!(status, 200, "availability: {body}");
}

fn weekdays(intervals: &[(&str, &str)], days: std::ops::RangeInclusive<u8>) -> Value {
    let mut out = Vec::new();
    for d in days {
        for (s, e) in intervals {
            out.push(json!({"weekday": d, "start": s, "end": e}));
        }
    }
    Value::Array(out)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let base = args
        .get(1)
        .expect("base url")
        .trim_end_matches('/')
        .to_owned();
    let secs: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(5);
    let concurrency: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(16);
    let database_url = args.get(4).expect("database url").to_owned();
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(concurrency)
        .build()
        .expect("client");

    // Setup: reading guidance gets seven more staff (ten in all), with weekday hours.
    let admin = admin_token(&client, &base).await;
    let (_, services) = send(
        &client,
        reqwest::Method::GET,
        format!("{base}/api/v1/services?library=kalajoki"),
        None,
        None,
    )
    .await;
    let reading = services["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"]["en"] == "Reading guidance")
        .unwrap()
        .clone();
    let sid = reading["id"].as_str().unwrap().to_owned();
    let (_, current) = send(
        &client,
        reqwest::Method::GET,
        format!("{base}/api/v1/services/{sid}/staff"),
        Some(&admin),
        None,
    )
    .await;
    let mut staff_ids: Vec<String> = current["staff_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    let hours = weekdays(&[("09:00", "12:00"), ("13:00", "15:00")], 1..=5);
    for n in 1..=7 {
        let id = staff_id(&client, &base, n).await;
        set_availability(&client, &base, &admin, &id, hours.clone()).await;
        // Reading guidance requires training: the bench staff are signed off as the demo's staff
        // are, so all ten are offered (the sign-off flow itself is tested in tests/training.rs).
        let signed = etakirjasto_e2e::query_strings(
            &database_url,
            &format!(
                "INSERT INTO competences (service_id, user_id, signed_off_by, signed_off_at) \
                 VALUES ('{sid}', '{id}', 'bench', CURRENT_TIMESTAMP) RETURNING user_id AS value"
            ),
        );
        assert_eq!(signed, vec![id.clone()]);
        staff_ids.push(id);
    }
    let (status, body) = send(
        &client,
        reqwest::Method::PUT,
        format!("{base}/api/v1/services/{sid}/staff"),
        Some(&admin),
        Some(json!({ "staff_ids": staff_ids })),
    )
    .await;
    assert_eq!(status, 200, "service staff: {body}");
    let staff_count = staff_ids.len();

    let from = Utc::now() + chrono::Duration::days(2);
    let to = from + chrono::Duration::days(28);
    let slots_url = format!(
        "{base}/api/v1/services/{sid}/slots?from={}&to={}",
        from.format("%Y-%m-%dT%H:%M:%SZ"),
        to.format("%Y-%m-%dT%H:%M:%SZ")
    );

    let h = measure(&client, &format!("{base}/healthz"), secs, concurrency).await;
    println!(
        "{}",
        json!({"measure": "healthz", "rps": h.rps, "p50_ms": h.p50, "p99_ms": h.p99, "errors": h.errors})
    );
    let s = measure(&client, &slots_url, secs, concurrency).await;
    println!(
        "{}",
        json!({"measure": "slots_4_weeks", "staff": staff_count, "rps": s.rps, "p50_ms": s.p50, "p99_ms": s.p99, "errors": s.errors, "rps_ratio_to_healthz": s.rps / h.rps, "p99_ratio_to_healthz": s.p99 / h.p99})
    );
    // Open loop keeps up to a few hundred requests in flight; keep their connections for reuse so the
    // figure is the server's and not the cost of opening connections.
    let paced = reqwest::Client::builder()
        .pool_max_idle_per_host(512)
        .build()
        .expect("client");
    let one = [slots_url.clone()];
    let _ = measure_at_rate(&paced, &one, 1, 1000).await;
    let r = measure_at_rate(&paced, &one, secs, 1000).await;
    println!(
        "{}",
        json!({"measure": "slots_4_weeks_at_1000_rps", "staff": staff_count, "achieved_rps": r.rps, "p50_ms": r.p50, "p99_ms": r.p99, "errors": r.errors, "budget_p99_ms": 50, "within_budget": r.p99 < 50.0 && r.errors == 0})
    );
    // The same listing computed afresh every time: each URL ends a second later than the one before,
    // so no two requests share a cache entry. This is the cost of a listing nobody asked for lately.
    let fresh: Vec<String> = (0..100_000)
        .map(|i| {
            format!(
                "{base}/api/v1/services/{sid}/slots?from={}&to={}",
                from.format("%Y-%m-%dT%H:%M:%SZ"),
                (to + chrono::Duration::seconds(i)).format("%Y-%m-%dT%H:%M:%SZ")
            )
        })
        .collect();
    let u = measure_urls(&client, &fresh, secs, concurrency).await;
    println!(
        "{}",
        json!({"measure": "slots_4_weeks_uncached", "staff": staff_count, "rps": u.rps, "p50_ms": u.p50, "p99_ms": u.p99, "errors": u.errors, "rps_ratio_to_healthz": u.rps / h.rps, "p99_ratio_to_healthz": u.p99 / h.p99})
    );
    let fresh_paced = measure_at_rate(&paced, &fresh[50_000..], secs, 1000).await;
    println!(
        "{}",
        json!({"measure": "slots_4_weeks_uncached_at_1000_rps", "staff": staff_count, "achieved_rps": fresh_paced.rps, "p50_ms": fresh_paced.p50, "p99_ms": fresh_paced.p99, "errors": fresh_paced.errors})
    );
    let e = measure(
        &client,
        &format!("{base}/api/v1/services?library=kalajoki"),
        secs,
        concurrency,
    )
    .await;
    println!(
        "{}",
        json!({"measure": "list_services", "rps": e.rps, "p99_ms": e.p99, "errors": e.errors, "rps_ratio_to_healthz": e.rps / h.rps})
    );

    let ev = measure(
        &client,
        &format!("{base}/api/v1/events?library=kalajoki"),
        secs,
        concurrency,
    )
    .await;
    println!(
        "{}",
        json!({"measure": "list_events", "rps": ev.rps, "p99_ms": ev.p99, "errors": ev.errors, "rps_ratio_to_healthz": ev.rps / h.rps})
    );

    contention(&client, &base, &admin, &database_url).await;
    event_contention(&base, &admin, &database_url).await;
}

/// 1,000 simultaneous guest registrations for a 30-seat event: exactly 30 confirmed and a waiting
/// list numbered 1…970 without gaps or repeats, none 5xx; then SQL checks the table itself.
async fn event_contention(base: &str, admin: &str, database_url: &str) {
    let client = reqwest::Client::new();
    let start = Utc::now() + chrono::Duration::days(5);
    let (status, event) = send(
        &client,
        reqwest::Method::POST,
        format!("{base}/api/v1/events"),
        Some(admin),
        Some(json!({
            "library": "kalajoki",
            "title": {"fi": "Kuormitustesti", "sv": "Belastningstest", "en": "Contention test"},
            "description": {"fi": "Vain mittaukseen."},
            "category": "other", "audience": "everyone", "mode": "online",
            "start": start.to_rfc3339(), "end": (start + chrono::Duration::hours(1)).to_rfc3339(),
            "join_url": "https://meet.jit.si/etakirjasto-bench", "online_capacity": 30
        })),
    )
    .await;
    assert_eq!(status, 201, "bench event: {event}");
    let id = event["id"].as_str().unwrap().to_owned();
    let n = 1000;
    let gate = Arc::new(tokio::sync::Barrier::new(n + 1));
    let racer = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .timeout(Duration::from_secs(300))
        .build()
        .unwrap();
    let mut attempts = Vec::new();
    for i in 0..n {
        let (client, url, gate) = (
            racer.clone(),
            format!("{base}/api/v1/events/{id}/registrations"),
            gate.clone(),
        );
        let body = json!({"seat_type": "online", "name": format!("Kuorma {i}"), "email": format!("e{i}@example.fi")});
        attempts.push(tokio::spawn(async move {
            gate.wait().await;
            match client.post(url).json(&body).send().await {
                Ok(r) => {
                    let status = r.status().as_u16();
                    (status, r.json::<Value>().await.unwrap_or(Value::Null))
                }
                Err(_) => (0, Value::Null),
            }
        }));
    }
    let started = Instant::now();
    gate.wait().await;
    let mut by_status = std::collections::BTreeMap::new();
    let mut confirmed = 0;
    let mut positions = Vec::new();
    for a in attempts {
        let (status, body) = a.await.unwrap();
        *by_status.entry(status).or_insert(0u32) += 1;
        match body["status"].as_str() {
            Some("confirmed") => confirmed += 1,
            Some("waitlisted") => positions.push(body["waitlist_position"].as_u64().unwrap_or(0)),
            _ => {}
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    positions.sort_unstable();
    let gapless = positions == (1..=(n as u64 - 30)).collect::<Vec<_>>();
    let sql = etakirjasto_e2e::query_strings(
        database_url,
        &format!(
            "SELECT status || ':' || CAST(COUNT(*) AS TEXT) AS value FROM event_registrations WHERE event_id = '{id}' GROUP BY status ORDER BY status"
        ),
    );
    let sql_distinct_seq = etakirjasto_e2e::query_strings(
        database_url,
        &format!(
            "SELECT CAST(COUNT(DISTINCT waitlist_seq) AS TEXT) AS value FROM event_registrations WHERE event_id = '{id}' AND status = 'waitlisted'"
        ),
    );
    let server_errors: u32 = by_status
        .iter()
        .filter(|(s, _)| **s >= 500 || **s == 0)
        .map(|(_, n)| n)
        .sum();
    println!(
        "{}",
        json!({"measure": "event_registration_contention", "attempts": n, "capacity": 30, "by_status": by_status, "confirmed": confirmed, "waitlist_gapless_1_to_970": gapless, "server_errors_or_failed_connections": server_errors, "seconds": seconds, "sql_by_status": sql, "sql_distinct_waitlist_numbers": sql_distinct_seq, "exactly_30_confirmed": confirmed == 30 && sql == ["confirmed:30", "waitlisted:970"]})
    );
}

/// 10,000 simultaneous guest bookings over 100 one-person slots: exactly 100 may succeed, the rest
/// get 409 `slot_taken`, none 5xx; then SQL checks the bookings table itself.
async fn contention(client: &reqwest::Client, base: &str, admin: &str, database_url: &str) {
    let (status, service) = send(
        client,
        reqwest::Method::POST,
        format!("{base}/api/v1/services"),
        Some(admin),
        Some(json!({
            "library": "kalajoki",
            "name": {"fi": "Kuormitustesti", "sv": "Belastningstest", "en": "Contention test"},
            "description": {"fi": "Vain mittaukseen.", "sv": "Endast för mätning.", "en": "For measuring only."},
            "duration_minutes": 10, "modes": ["video"], "booking_window_days": 60
        })),
    )
    .await;
    assert_eq!(status, 201, "contention service: {service}");
    let cid = service["id"].as_str().unwrap().to_owned();
    let solo = staff_id(client, base, 8).await;
    set_availability(
        client,
        base,
        admin,
        &solo,
        weekdays(&[("08:00", "20:00")], 1..=7),
    )
    .await;
    let (status, body) = send(
        client,
        reqwest::Method::PUT,
        format!("{base}/api/v1/services/{cid}/staff"),
        Some(admin),
        Some(json!({"staff_ids": [solo]})),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let from = Utc::now() + chrono::Duration::days(1);
    let to = from + chrono::Duration::days(7);
    let (_, list) = send(
        client,
        reqwest::Method::GET,
        format!(
            "{base}/api/v1/services/{cid}/slots?from={}&to={}",
            from.format("%Y-%m-%dT%H:%M:%SZ"),
            to.format("%Y-%m-%dT%H:%M:%SZ")
        ),
        None,
        None,
    )
    .await;
    let starts: Vec<Value> = list["slots"]
        .as_array()
        .unwrap()
        .iter()
        .take(100)
        .map(|s| s["start"].clone())
        .collect();
    assert_eq!(starts.len(), 100, "100 slots to fight over");
    let per_slot = 100;
    // Every request is sent at once: the connections open together, so all 10,000 are in flight.
    let gate = Arc::new(tokio::sync::Barrier::new(starts.len() * per_slot + 1));
    let racer = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .timeout(Duration::from_secs(300))
        .build()
        .unwrap();
    let mut attempts = Vec::new();
    for (i, start) in starts.iter().enumerate() {
        for j in 0..per_slot {
            let (client, url, gate) = (
                racer.clone(),
                format!("{base}/api/v1/bookings"),
                gate.clone(),
            );
            let body = json!({"service_id": cid, "start": start, "mode": "video", "name": format!("Kuorma {i}-{j}"), "email": format!("c{i}x{j}@example.fi")});
            attempts.push(tokio::spawn(async move {
                gate.wait().await;
                client
                    .post(url)
                    .json(&body)
                    .send()
                    .await
                    .map(|r| r.status().as_u16())
                    .unwrap_or(0)
            }));
        }
    }
    let started = Instant::now();
    gate.wait().await;
    let mut by_status = std::collections::BTreeMap::new();
    for a in attempts {
        *by_status.entry(a.await.unwrap()).or_insert(0u32) += 1;
    }
    let seconds = started.elapsed().as_secs_f64();
    let confirmed = etakirjasto_e2e::query_strings(
        database_url,
        &format!(
            "SELECT CAST(COUNT(*) AS TEXT) AS value FROM bookings WHERE service_id = '{cid}' AND status = 'confirmed'"
        ),
    );
    let distinct_times = etakirjasto_e2e::query_strings(
        database_url,
        &format!(
            "SELECT CAST(COUNT(DISTINCT starts_at) AS TEXT) AS value FROM bookings WHERE service_id = '{cid}' AND status = 'confirmed'"
        ),
    );
    let overlaps = etakirjasto_e2e::query_strings(
        database_url,
        "SELECT CAST(COUNT(*) AS TEXT) AS value FROM bookings a JOIN bookings b ON a.staff_id = b.staff_id \
         AND a.id < b.id AND a.status <> 'cancelled' AND b.status <> 'cancelled' \
         AND a.blocked_from < b.blocked_until AND b.blocked_from < a.blocked_until",
    );
    let server_errors: u32 = by_status
        .iter()
        .filter(|(s, _)| **s >= 500 || **s == 0)
        .map(|(_, n)| n)
        .sum();
    let ok = by_status.get(&201).copied() == Some(100)
        && by_status.get(&409).copied() == Some(9_900)
        && confirmed == ["100"]
        && distinct_times == ["100"]
        && overlaps == ["0"];
    println!(
        "{}",
        json!({"measure": "booking_contention", "attempts": starts.len() * per_slot, "slots": starts.len(), "by_status": by_status, "server_errors_or_failed_connections": server_errors, "seconds": seconds, "sql_confirmed": confirmed, "sql_distinct_times": distinct_times, "sql_overlapping_pairs": overlaps, "exactly_one_per_slot": ok})
    );
}

//! `cargo xtask bench`'s load generator: measures a running server over loopback and prints one line
//! of JSON per measurement. Figures are reported as ratios to `/healthz` measured in the same run,
//! because this machine is shared and absolute numbers drift.
//!
//! Usage: `bench <base-url> <seconds> <concurrency>`; the server must hold the demo data.

use std::time::{Duration, Instant};

use chrono::{Datelike, Utc};
use serde_json::{Value, json};

/// Requests per second and latency percentiles of `GET url` with `concurrency` workers for `secs`.
async fn measure(
    client: &reqwest::Client,
    url: &str,
    secs: u64,
    concurrency: usize,
) -> (f64, f64, f64, usize) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    let mut workers = Vec::new();
    for _ in 0..concurrency {
        let (client, url) = (client.clone(), url.to_owned());
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut errors = 0usize;
            while Instant::now() < deadline {
                let t = Instant::now();
                match client.get(&url).send().await {
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
    all.sort_by(|a, b| a.total_cmp(b));
    let pct = |p: f64| {
        all.get(((all.len() as f64 * p) as usize).min(all.len().saturating_sub(1)))
            .copied()
            .unwrap_or(f64::NAN)
    };
    (all.len() as f64 / secs as f64, pct(0.50), pct(0.99), errors)
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
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(concurrency)
        .build()
        .expect("client");

    let services: Value = client
        .get(format!("{base}/api/v1/services?library=kalajoki"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let reading = services["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"]["en"] == "Reading guidance")
        .unwrap()
        .clone();
    let sid = reading["id"].as_str().unwrap().to_owned();
    let from = Utc::now() + chrono::Duration::days(2);
    let to = from + chrono::Duration::days(28);
    let slots_url = format!(
        "{base}/api/v1/services/{sid}/slots?from={}&to={}",
        from.format("%Y-%m-%dT%H:%M:%SZ"),
        to.format("%Y-%m-%dT%H:%M:%SZ")
    );

    let (h_rps, h_p50, h_p99, h_err) =
        measure(&client, &format!("{base}/healthz"), secs, concurrency).await;
    println!(
        "{}",
        json!({"measure": "healthz", "rps": h_rps, "p50_ms": h_p50, "p99_ms": h_p99, "errors": h_err})
    );
    let (s_rps, s_p50, s_p99, s_err) = measure(&client, &slots_url, secs, concurrency).await;
    println!(
        "{}",
        json!({"measure": "slots_4_weeks", "rps": s_rps, "p50_ms": s_p50, "p99_ms": s_p99, "errors": s_err, "rps_ratio_to_healthz": s_rps / h_rps, "p99_ratio_to_healthz": s_p99 / h_p99})
    );
    let (e_rps, _, e_p99, e_err) = measure(
        &client,
        &format!("{base}/api/v1/services?library=kalajoki"),
        secs,
        concurrency,
    )
    .await;
    println!(
        "{}",
        json!({"measure": "list_services", "rps": e_rps, "p99_ms": e_p99, "errors": e_err, "rps_ratio_to_healthz": e_rps / h_rps})
    );

    // Contention: 20 guests at once for each of the next 10 practice-call times (3 staff each).
    let practice = services["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"]["en"] == "Practice call")
        .unwrap()
        .clone();
    let pid = practice["id"].as_str().unwrap().to_owned();
    let mut day = Utc::now().date_naive() + chrono::Duration::days(3);
    while day.weekday().number_from_monday() > 5 {
        day += chrono::Duration::days(1);
    }
    let list: Value = client
        .get(format!(
            "{base}/api/v1/services/{pid}/slots?from={day}T00:00:00Z&to={day}T23:59:00Z"
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let starts: Vec<Value> = list["slots"]
        .as_array()
        .unwrap()
        .iter()
        .take(10)
        .map(|s| s["start"].clone())
        .collect();
    let started = Instant::now();
    let mut attempts = Vec::new();
    for (i, start) in starts.iter().enumerate() {
        for j in 0..20 {
            let (client, url) = (client.clone(), format!("{base}/api/v1/bookings"));
            let body = json!({"service_id": pid, "start": start, "mode": "video", "name": format!("Bench {i}-{j}"), "email": format!("b{i}x{j}@example.fi")});
            attempts.push(tokio::spawn(async move {
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
    let mut codes = std::collections::BTreeMap::new();
    for a in attempts {
        *codes.entry(a.await.unwrap()).or_insert(0u32) += 1;
    }
    println!(
        "{}",
        json!({"measure": "booking_race", "times": starts.len(), "attempts": starts.len() * 20, "by_status": codes, "seconds": started.elapsed().as_secs_f64(), "expected_201": starts.len() * 3})
    );
}

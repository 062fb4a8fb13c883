//! Faults: the server killed with SIGKILL in the middle of a write load loses nothing it confirmed
//! and leaves nothing half-written; PostgreSQL going away under load gives 503s, not 500s, and the
//! API recovers by itself when it is back.

use std::sync::{
    Arc,
    atomic::{AtomicBool, Ordering},
};

use etakirjasto_e2e::{TestApp, on_both_databases};
use serde_json::json;

on_both_databases! {
    a_kill_during_registrations_keeps_every_confirmed_account_whole => killed_under_write_load;
}

async fn killed_under_write_load(mut app: TestApp) {
    // Arrange: eight writers registering accounts as fast as they can.
    let stop = Arc::new(AtomicBool::new(false));
    let mut writers = Vec::new();
    for w in 0..8 {
        let (client, url, stop) = (
            app.client.clone(),
            app.url("/api/v1/auth/register"),
            stop.clone(),
        );
        writers.push(tokio::spawn(async move {
            let (mut confirmed, mut attempted) = (Vec::new(), Vec::new());
            for i in 0.. {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let email = format!("kirjoittaja{w}.{i}@example.fi");
                attempted.push(email.clone());
                let body = json!({"name": format!("Kirjoittaja {w} {i}"), "email": email, "password": "kirjoittajan salasana"});
                match client.post(&url).json(&body).send().await {
                    Ok(r) if r.status() == 201 => confirmed.push(email),
                    Ok(r) => assert!(r.status().as_u16() < 500, "{email}: {}", r.status()),
                    Err(_) => break, // the server is gone
                }
            }
            (confirmed, attempted)
        }));
    }
    // Act: let the load run, then kill the process without warning and start it again.
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    app.kill_and_restart().await;
    stop.store(true, Ordering::Relaxed);
    let mut confirmed = Vec::new();
    let mut attempted = Vec::new();
    for w in writers {
        let (c, a) = w.await.unwrap();
        confirmed.extend(c);
        attempted.extend(a);
    }
    assert!(
        confirmed.len() >= 5,
        "the load confirmed only {} registrations",
        confirmed.len()
    );

    // Assert: every confirmed account signs in with its membership; any other attempted account
    // either does not exist or exists whole.
    for email in &attempted {
        let (status, body) = app.login(email, "kirjoittajan salasana").await;
        if confirmed.contains(email) {
            assert_eq!(status, 200, "confirmed {email} is lost: {body}");
        }
        if status == 200 {
            assert_eq!(
                body["user"]["memberships"].as_array().map(Vec::len),
                Some(1),
                "{email} is half-written: {body}"
            );
        } else {
            assert_eq!(status, 401, "{email}: {body}");
        }
    }
}

/// PostgreSQL goes away under a read and write load (every connection to it dropped and new ones
/// refused, as when it stops) and comes back: meanwhile the API answers 503 `database_unavailable`
/// with `Retry-After`, never another 5xx, and it recovers by itself.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn postgres_stopping_under_load_gives_503_and_the_api_recovers_by_itself() {
    use etakirjasto_e2e::{Backend, TcpCut, fresh_database};
    // Arrange: the server reaches PostgreSQL through a relay the test can cut.
    let (url, dir) = fresh_database(Backend::Postgres);
    let (prefix, rest) = url.split_once('@').expect("user@host in the URL");
    let (host_port, db) = rest.split_once('/').expect("a database in the URL");
    let relay = TcpCut::start(host_port.to_owned()).await;
    let relayed = format!("{prefix}@127.0.0.1:{}/{db}", relay.port);
    let app = TestApp::spawn_on(Backend::Postgres, relayed, dir, &[]).await;
    let stop = Arc::new(AtomicBool::new(false));
    let mut workers = Vec::new();
    for w in 0..4 {
        let (client, base, stop) = (app.client.clone(), app.base.clone(), stop.clone());
        workers.push(tokio::spawn(async move {
            let mut seen = Vec::new();
            for i in 0.. {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let r = if i % 2 == 0 {
                    client
                        .get(format!("{base}/api/v1/services?library=kalajoki"))
                        .send()
                        .await
                } else {
                    let body = json!({"name": "Kuormittaja", "email": format!("k{w}.{i}@example.fi"), "password": "kuormittajan salasana"});
                    client
                        .post(format!("{base}/api/v1/auth/register"))
                        .json(&body)
                        .send()
                        .await
                };
                let r = r.expect("the server itself stays up");
                let status = r.status().as_u16();
                let retry = r.headers().contains_key("retry-after");
                let problem: serde_json::Value = r.json().await.unwrap_or_default();
                seen.push((status, problem["code"].as_str().unwrap_or("").to_owned(), retry));
            }
            seen
        }));
    }

    // Act: a second of normal load, eight seconds without the database, then the database back.
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    relay.cut();
    tokio::time::sleep(std::time::Duration::from_secs(8)).await;
    relay.restore();
    let back = std::time::Instant::now();
    let mut recovered = None;
    while back.elapsed() < std::time::Duration::from_secs(30) {
        let (status, _) = app.get("/api/v1/services?library=kalajoki", None).await;
        if status == 200 {
            recovered = Some(back.elapsed());
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    stop.store(true, Ordering::Relaxed);
    let mut seen = Vec::new();
    for w in workers {
        seen.extend(w.await.unwrap());
    }

    // Assert: only successes, client errors and 503 database_unavailable with Retry-After.
    let unavailable = seen.iter().filter(|(s, _, _)| *s == 503).count();
    assert!(unavailable > 0, "the outage was noticed: {seen:?}");
    for (status, code, retry) in &seen {
        assert!(
            *status < 500 || *status == 503,
            "{status} {code}; server log:\n{}",
            app.log()
        );
        if *status == 503 {
            assert_eq!(code, "database_unavailable");
            assert!(retry, "503 without Retry-After");
        }
    }
    let recovered =
        recovered.expect("the API did not recover within 30 s of the database's return");
    eprintln!(
        "recovered {recovered:?} after the database came back; {unavailable} answers were 503"
    );
    // And it stays recovered: everything works, writes included.
    for i in 0..10 {
        let (status, body) = app.get("/api/v1/services?library=kalajoki", None).await;
        assert_eq!(status, 200, "{body}");
        let (status, body) = app
            .post(
                "/api/v1/auth/register",
                &json!({"name": "Palannut", "email": format!("palannut{i}@example.fi"), "password": "palanneen salasana"}),
            )
            .await;
        assert_eq!(status, 201, "{body}");
    }
}

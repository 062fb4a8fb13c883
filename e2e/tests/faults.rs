//! Faults: the server killed with SIGKILL in the middle of a write load loses nothing it confirmed
//! and leaves nothing half-written.

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

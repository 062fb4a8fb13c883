//! A person downloads everything held on them and deletes their account.

use etakirjasto_e2e::{TestApp, demo, on_both_databases, query_strings};
use serde_json::{Value, json};

on_both_databases! {
    a_patron_downloads_their_data_and_the_download_is_audited => export;
    a_patron_deletes_their_account_after_confirming_the_password => delete;
    a_card_patron_confirms_deletion_with_the_pin_and_staff_cannot_delete_themselves => delete_card_and_staff;
}

async fn export(app: TestApp) {
    let reg = app
        .register("Vienti Henkilö", "vienti@example.fi", "vientisalasana 1")
        .await;
    let token = reg["access_token"].as_str().unwrap();
    app.login("vienti@example.fi", "väärä salasana").await;
    let r = app
        .client
        .get(app.url("/api/v1/me/export"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    let data: Value = r.json().await.unwrap();
    assert_eq!(data["account"]["email"], "vienti@example.fi");
    assert_eq!(data["account"]["memberships"][0]["role"], "patron");
    assert_eq!(data["sessions"].as_array().unwrap().len(), 1);
    assert_eq!(data["sign_in_attempts"][0]["succeeded"], false);
    let id = reg["user"]["id"].as_str().unwrap();
    let actions = query_strings(
        &app.database_url,
        &format!(
            "SELECT action AS value FROM audit_log WHERE subject_user_id = '{id}' ORDER BY at"
        ),
    );
    assert_eq!(actions, ["account.exported"]);
}

async fn delete(app: TestApp) {
    let reg = app
        .register("Poisto Henkilö", "poisto@example.fi", "poistosalasana 1")
        .await;
    let token = reg["access_token"].as_str().unwrap().to_owned();
    let id = reg["user"]["id"].as_str().unwrap().to_owned();
    let del = |body: Value| {
        let (client, url, token) = (
            app.client.clone(),
            app.url("/api/v1/me/delete"),
            token.clone(),
        );
        async move {
            let r = client
                .post(url)
                .bearer_auth(token)
                .json(&body)
                .send()
                .await
                .unwrap();
            (
                r.status().as_u16(),
                r.json::<Value>().await.unwrap_or(Value::Null),
            )
        }
    };
    let (status, problem) = del(json!({"password": "wrong password"})).await;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["field"], "password");
    assert_eq!(problem["errors"][0]["code"], "incorrect");
    let (status, problem) = del(json!({})).await;
    assert_eq!(
        (status, problem["errors"][0]["code"].as_str()),
        (422, Some("required"))
    );

    // A booking with answers and a phone number, to see what deletion leaves of it.
    let (_, services) = app.get("/api/v1/services?library=kalajoki", None).await;
    let sid = services["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"]["en"] == "Reading guidance")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, slots) = app
        .get(&format!("/api/v1/services/{sid}/slots"), None)
        .await;
    let r = app
        .client
        .post(app.url("/api/v1/bookings"))
        .bearer_auth(&token)
        .json(&json!({"service_id": sid, "start": slots["slots"][0]["start"], "mode": "phone", "phone": "040 765 4321", "answers": ["Salainen vastaus"], "accept_ground_rules": true}))
        .send()
        .await
        .unwrap();
    let (status, booking) = etakirjasto_e2e::status_json(r).await;
    assert_eq!(status, 201, "{booking}");
    // And an event registration with needs, which are personal too.
    let (_, events) = app
        .get("/api/v1/events?library=kalajoki&mode=online", None)
        .await;
    let event_id = events["items"][0]["id"].as_str().unwrap().to_owned();
    let r = app
        .client
        .post(app.url(&format!("/api/v1/events/{event_id}/registrations")))
        .bearer_auth(&token)
        .json(&json!({"seat_type": "online", "needs": "Tarvitsen tekstityksen"}))
        .send()
        .await
        .unwrap();
    let (status, registration) = etakirjasto_e2e::status_json(r).await;
    assert_eq!(status, 201, "{registration}");
    let r = app
        .client
        .get(app.url("/api/v1/me/export"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    let data: Value = r.json().await.unwrap();
    assert_eq!(
        data["bookings"][0]["id"], booking["id"],
        "the export holds the booking"
    );
    assert_eq!(data["bookings"][0]["contact_phone"], "+358407654321");
    let exported = &data["event_registrations"][0];
    assert_eq!(
        (&exported["registration"]["id"], &exported["event"]["id"]),
        (&registration["id"], &json!(event_id)),
        "the export holds the registration with its event"
    );
    assert_eq!(exported["registration"]["needs"], "Tarvitsen tekstityksen");

    let (status, _) = del(json!({"password": "poistosalasana 1"})).await;
    assert_eq!(status, 204);
    // The booking still counts, but nothing in it points to the person any more.
    let bid = booking["id"].as_str().unwrap();
    let left = query_strings(
        &app.database_url,
        &format!(
            "SELECT status || '|' || COALESCE(patron_id, '-') || '|' || COALESCE(guest_phone, '-') || '|' || answers \
             || '|' || COALESCE(meeting_room, '-') AS value FROM bookings WHERE id = '{bid}'"
        ),
    );
    assert_eq!(left, ["confirmed|-|-|[]|-"]);
    let rid = registration["id"].as_str().unwrap();
    let left = query_strings(
        &app.database_url,
        &format!(
            "SELECT status || '|' || COALESCE(patron_id, '-') || '|' || COALESCE(needs, '-') AS value \
             FROM event_registrations WHERE id = '{rid}'"
        ),
    );
    assert_eq!(
        left,
        ["confirmed|-|-"],
        "the registration still counts, anonymised"
    );
    // The account is gone: no sign-in, no token, and the email is free again.
    assert_eq!(
        app.login("poisto@example.fi", "poistosalasana 1").await.0,
        401
    );
    assert_eq!(app.get("/api/v1/me", Some(&token)).await.0, 401);
    let left = query_strings(
        &app.database_url,
        &format!("SELECT id AS value FROM users WHERE id = '{id}'"),
    );
    assert!(left.is_empty());
    let sessions = query_strings(
        &app.database_url,
        &format!("SELECT id AS value FROM sessions WHERE user_id = '{id}'"),
    );
    assert!(sessions.is_empty(), "sessions deleted");
    let actions = query_strings(
        &app.database_url,
        &format!(
            "SELECT action AS value FROM audit_log WHERE subject_user_id = '{id}' ORDER BY at"
        ),
    );
    assert_eq!(actions, ["account.exported", "account.deleted"]);
    app.register("Uusi Poisto", "poisto@example.fi", "poistosalasana 2")
        .await;
}

async fn delete_card_and_staff(app: TestApp) {
    let (status, reg) = app
        .post(
            "/api/v1/auth/register",
            &json!({"name": "Kortti Poisto", "card_number": "5550001111", "pin": "2468"}),
        )
        .await;
    assert_eq!(status, 201);
    let token = reg["access_token"].as_str().unwrap();
    let r = app
        .client
        .post(app.url("/api/v1/me/delete"))
        .bearer_auth(token)
        .json(&json!({"pin": "2468"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    assert_eq!(
        app.post(
            "/api/v1/auth/login",
            &json!({"card_number": "5550001111", "pin": "2468"})
        )
        .await
        .0,
        401
    );

    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let r = app
        .client
        .post(app.url("/api/v1/me/delete"))
        .bearer_auth(&staff)
        .json(&json!({"password": demo::STAFF.1}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 409);
    assert_eq!(
        app.get("/api/v1/me", Some(&staff)).await.0,
        200,
        "the staff account is untouched"
    );
}

//! Booking one-to-one sessions over HTTP on both databases: patrons, guests, races and refusals.

use chrono::{Datelike, Duration, Utc};
use etakirjasto_e2e::{TestApp, demo, on_both_databases, query_strings};
use serde_json::{Value, json};

on_both_databases! {
    a_patron_books_a_video_session_and_sees_it_in_their_list => patron_books;
    a_guest_books_and_manages_the_booking_with_the_secret_token => guest_books;
    simultaneous_requests_for_one_time_book_exactly_as_many_as_there_are_free_staff => race;
    times_not_offered_and_other_peoples_bookings_are_refused => refusals;
    a_booking_moves_to_a_free_time_gets_an_outcome_and_a_calendar_file => reschedule_outcome_calendar;
    staff_book_on_behalf_of_a_patron_who_phoned_with_consent_noted => on_behalf;
    moves_and_new_bookings_into_one_time_at_once_all_answer_and_overbook_nobody => move_race;
}

async fn on_behalf(app: TestApp) {
    let service = demo_service(&app, "Reading guidance").await;
    let sid = service["id"].as_str().unwrap();
    let slot = first_slot(&app, sid).await;
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let mut body = json!({"service_id": sid, "start": slot["start"], "mode": "phone", "name": "Soittava Asiakas", "phone": "040 111 2222"});
    let (status, problem) = post(&app, "/api/v1/bookings", Some(&staff), &body).await;
    assert_eq!(
        (status, problem["errors"][0]["field"].as_str()),
        (422, Some("patron_consent"))
    );
    body["patron_consent"] = json!(true);
    let (status, booking) = post(&app, "/api/v1/bookings", Some(&staff), &body).await;
    assert_eq!(status, 201, "{booking}");
    assert_eq!(booking["booked_by_staff"], true);
    assert_eq!(booking["contact_name"], "Soittava Asiakas");
    assert_eq!(booking["contact_phone"], "+358401112222");
    assert!(
        booking["manage_token"].is_string(),
        "the patron can manage it later"
    );
    // It is not the staff member's own booking.
    let (_, mine) = app.get("/api/v1/bookings?mine=true", Some(&staff)).await;
    assert_eq!(mine["items"], json!([]));
}

async fn reschedule_outcome_calendar(app: TestApp) {
    let service = demo_service(&app, "Practice call").await;
    let sid = service["id"].as_str().unwrap();
    let slot = first_slot(&app, sid).await;
    let patron = app.token_for(demo::PATRON.0, demo::PATRON.1).await;
    let (status, booking) = post(
        &app,
        "/api/v1/bookings",
        Some(&patron),
        &json!({"service_id": sid, "start": slot["start"], "mode": "video"}),
    )
    .await;
    assert_eq!(status, 201);
    let path = format!("/api/v1/bookings/{}", booking["id"].as_str().unwrap());

    // Move it one slot later (15 minutes: 10 min + 5 min buffer rounded up to a quarter).
    let start = chrono::DateTime::parse_from_rfc3339(slot["start"].as_str().unwrap()).unwrap();
    let later = (start + Duration::minutes(15)).to_rfc3339();
    let (status, moved) = post(
        &app,
        &format!("{path}/reschedule"),
        Some(&patron),
        &json!({"start": later}),
    )
    .await;
    assert_eq!(status, 200, "{moved}");
    assert_eq!(moved["start"], json!(later));
    assert_eq!(
        moved["meeting_url"], booking["meeting_url"],
        "the room stays"
    );
    assert_eq!(
        first_slot(&app, sid).await["staff_available"],
        3,
        "the old time is free again"
    );
    // A time that is not offered is refused and nothing changes.
    let night = slot["start"].as_str().unwrap().replace("T09:", "T03:");
    let (status, _) = post(
        &app,
        &format!("{path}/reschedule"),
        Some(&patron),
        &json!({"start": night}),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(app.get(&path, Some(&patron)).await.1["start"], json!(later));

    // Staff record the outcome; the note is for staff only.
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let (status, _) = post(
        &app,
        &format!("{path}/outcome"),
        Some(&patron),
        &json!({"status": "held"}),
    )
    .await;
    assert_eq!(status, 403, "a patron cannot");
    let (status, done) = post(
        &app,
        &format!("{path}/outcome"),
        Some(&staff),
        &json!({"status": "held", "internal_note": "Kamera toimi."}),
    )
    .await;
    assert_eq!(
        (
            status,
            done["status"].as_str(),
            done["internal_note"].as_str()
        ),
        (200, Some("held"), Some("Kamera toimi."))
    );
    let (_, seen) = app.get(&path, Some(&patron)).await;
    assert_eq!(seen["status"], "held");
    assert!(
        seen.get("internal_note").is_none(),
        "patrons never see the note"
    );
    let (status, _) = post(
        &app,
        &format!("{path}/outcome"),
        Some(&staff),
        &json!({"status": "cancelled"}),
    )
    .await;
    assert_eq!(status, 422);

    // The calendar file.
    let r = app
        .client
        .get(app.url(&format!("{path}/calendar.ics")))
        .bearer_auth(&patron)
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let ics = r.text().await.unwrap();
    let local = chrono::DateTime::parse_from_rfc3339(&later)
        .unwrap()
        .format("%Y%m%dT%H%M%S")
        .to_string();
    assert!(
        ics.contains(&format!("DTSTART;TZID=Europe/Helsinki:{local}\r\n")),
        "{ics}"
    );
    assert!(ics.contains("SUMMARY:Practice call"), "{ics}");
    assert!(ics.contains("BEGIN:VTIMEZONE"));
}

/// The demo service with this English name.
async fn demo_service(app: &TestApp, en: &str) -> Value {
    let (_, services) = app.get("/api/v1/services?library=kalajoki", None).await;
    services["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"]["en"] == en)
        .unwrap()
        .clone()
}

/// The first bookable slot of the service on a weekday at least a week ahead.
async fn first_slot(app: &TestApp, service_id: &str) -> Value {
    let mut d = Utc::now().date_naive() + Duration::days(7);
    while d.weekday().number_from_monday() > 5 {
        d += Duration::days(1);
    }
    let (status, list) = app
        .get(
            &format!("/api/v1/services/{service_id}/slots?from={d}T00:00:00Z&to={d}T23:59:00Z"),
            None,
        )
        .await;
    assert_eq!(status, 200);
    list["slots"][0].clone()
}

async fn post(app: &TestApp, path: &str, token: Option<&str>, body: &Value) -> (u16, Value) {
    let mut req = app.client.post(app.url(path)).json(body);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    etakirjasto_e2e::status_json(req.send().await.unwrap()).await
}

async fn patron_books(app: TestApp) {
    let service = demo_service(&app, "Reading guidance").await;
    let sid = service["id"].as_str().unwrap();
    let slot = first_slot(&app, sid).await;
    assert_eq!(slot["staff_available"], 3);
    let token = app.token_for(demo::PATRON.0, demo::PATRON.1).await;
    let body = json!({"service_id": sid, "start": slot["start"], "mode": "video", "answers": ["Dekkarit."]});
    let (status, booking) = post(&app, "/api/v1/bookings", Some(&token), &body).await;
    assert_eq!(status, 201, "{booking}");
    assert_eq!(booking["status"], "confirmed");
    assert_eq!(booking["start"], slot["start"]);
    assert_eq!(booking["contact_name"], "Maija Meikäläinen");
    assert_eq!(booking["answers"][0]["answer"], "Dekkarit.");
    assert_eq!(
        booking["answers"][0]["question"]["en"],
        "What have you enjoyed reading?"
    );
    let url = booking["meeting_url"].as_str().unwrap();
    assert!(
        url.starts_with("https://meet.jit.si/etakirjasto-") && url.len() > 50,
        "{url}"
    );
    assert!(
        booking.get("manage_token").is_none(),
        "no token for account holders"
    );
    // One staff member fewer for that time.
    assert_eq!(first_slot(&app, sid).await["staff_available"], 2);
    let (status, mine) = app.get("/api/v1/bookings?mine=true", Some(&token)).await;
    assert_eq!(status, 200);
    assert_eq!(mine["items"].as_array().unwrap().len(), 1);
    assert_eq!(mine["items"][0]["id"], booking["id"]);
    // Staff see it in their library's list, with the video room.
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let (status, list) = app
        .get("/api/v1/bookings?library=kalajoki", Some(&staff))
        .await;
    assert_eq!(status, 200);
    assert_eq!(list["items"][0]["meeting_url"], booking["meeting_url"]);
    assert_eq!(list["items"][0]["staff_id"], booking["staff_id"]);
    // The staff member's look at the patron's details is in the audit log, naming the booking;
    // the patron's looks at their own booking are not.
    let id = booking["id"].as_str().unwrap();
    let logged = query_strings(
        &app.database_url,
        &format!(
            "SELECT a.action || ' ' || u.email AS value FROM audit_log a JOIN users u ON u.id = a.actor_user_id \
             WHERE a.record_id = '{id}' ORDER BY a.at"
        ),
    );
    assert_eq!(logged, vec![format!("booking.viewed {}", demo::STAFF.0)]);
}

async fn guest_books(app: TestApp) {
    let service = demo_service(&app, "Help with e-services").await;
    let sid = service["id"].as_str().unwrap();
    let slot = first_slot(&app, sid).await;
    let mut body = json!({"service_id": sid, "start": slot["start"], "mode": "phone", "name": "Vieras Henkilö", "phone": "040 765 4321"});
    let (status, problem) = post(&app, "/api/v1/bookings", None, &body).await;
    assert_eq!(
        (status, problem["errors"][0]["field"].as_str()),
        (422, Some("accept_ground_rules")),
        "{problem}"
    );
    body["accept_ground_rules"] = json!(true);
    let (status, booking) = post(&app, "/api/v1/bookings", None, &body).await;
    assert_eq!(status, 201, "{booking}");
    assert_eq!(booking["contact_phone"], "+358407654321");
    assert!(
        booking["meeting_url"].is_null(),
        "a phone session has no room"
    );
    let token = booking["manage_token"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/bookings/{}", booking["id"].as_str().unwrap());

    let with_token = |t: &str| {
        app.client
            .get(app.url(&path))
            .header("X-Manage-Token", t.to_owned())
    };
    assert_eq!(with_token(&token).send().await.unwrap().status(), 200);
    assert_eq!(
        with_token("wrong-token").send().await.unwrap().status(),
        404
    );
    assert_eq!(
        app.client
            .get(app.url(&path))
            .send()
            .await
            .unwrap()
            .status(),
        401
    );
    let r = app
        .client
        .post(app.url(&format!("{path}/cancel")))
        .header("X-Manage-Token", token.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["status"], "cancelled");
    let r = app
        .client
        .post(app.url(&format!("{path}/cancel")))
        .header("X-Manage-Token", token.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 409, "cancelling twice");
    // The time is free again for all three staff members.
    assert_eq!(first_slot(&app, sid).await["staff_available"], 3);
}

async fn race(app: TestApp) {
    let service = demo_service(&app, "Practice call").await;
    let sid = service["id"].as_str().unwrap().to_owned();
    let slot = first_slot(&app, &sid).await;
    let attempts = (0..20).map(|i| {
        let body = json!({"service_id": sid, "start": slot["start"], "mode": "video", "name": format!("Kilpailija {i}"), "email": format!("k{i}@example.fi")});
        let app = &app;
        async move { post(app, "/api/v1/bookings", None, &body).await }
    });
    let results = futures_util::future::join_all(attempts).await;
    let booked: Vec<&Value> = results
        .iter()
        .filter(|(s, _)| *s == 201)
        .map(|(_, b)| b)
        .collect();
    let taken = results
        .iter()
        .filter(|(s, b)| *s == 409 && b["code"] == "slot_taken")
        .count();
    assert_eq!(
        booked.len(),
        3,
        "three staff members, three bookings: {results:?}"
    );
    assert_eq!(taken, 17, "{results:?}");
    // In the database: three live bookings for that time, each with a different staff member.
    let service_id = &sid;
    let staff = query_strings(
        &app.database_url,
        &format!(
            "SELECT staff_id AS value FROM bookings WHERE service_id = '{service_id}' AND status = 'confirmed'"
        ),
    );
    let mut distinct = staff.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!((staff.len(), distinct.len()), (3, 3));
    assert_ne!(
        first_slot(&app, &sid).await["start"],
        slot["start"],
        "the full time is no longer offered"
    );
}

/// Moves and new bookings try the staff members in different orders (a move prefers its own staff
/// member). Three bookings move into a time while six guests book it, all at once: every request
/// gets a clear answer (no deadlock turned into a 500), and the time holds at most one booking per
/// staff member.
async fn move_race(app: TestApp) {
    let service = demo_service(&app, "Practice call").await;
    let sid = service["id"].as_str().unwrap().to_owned();
    let slot = first_slot(&app, &sid).await;
    let start = chrono::DateTime::parse_from_rfc3339(slot["start"].as_str().unwrap()).unwrap();
    let later = (start + Duration::minutes(15)).to_rfc3339();
    let mut moves = Vec::new();
    for i in 0..3 {
        let body = json!({"service_id": sid, "start": slot["start"], "mode": "video", "name": format!("Siirtäjä {i}"), "email": format!("s{i}@example.fi")});
        let (status, b) = post(&app, "/api/v1/bookings", None, &body).await;
        assert_eq!(status, 201, "{b}");
        moves.push((
            b["id"].as_str().unwrap().to_owned(),
            b["manage_token"].as_str().unwrap().to_owned(),
        ));
    }
    let app = &app;
    let movers = moves.iter().map(|(id, token)| {
        let later = later.clone();
        async move {
            let r = app
                .client
                .post(app.url(&format!("/api/v1/bookings/{id}/reschedule")))
                .header("X-Manage-Token", token)
                .json(&json!({"start": later}))
                .send()
                .await
                .unwrap();
            etakirjasto_e2e::status_json(r).await
        }
    });
    let bookers = (0..6).map(|i| {
        let body = json!({"service_id": sid, "start": later, "mode": "video", "name": format!("Uusi {i}"), "email": format!("u{i}@example.fi")});
        async move { post(app, "/api/v1/bookings", None, &body).await }
    });
    let (moved, booked) = futures_util::future::join(
        futures_util::future::join_all(movers),
        futures_util::future::join_all(bookers),
    )
    .await;
    for (status, body) in moved.iter().chain(booked.iter()) {
        assert!(
            matches!(status, 200 | 201) || (*status == 409 && body["code"] == "slot_taken"),
            "every request answers with success or slot_taken: {status} {body}"
        );
    }
    let winners = moved.iter().filter(|(s, _)| *s == 200).count()
        + booked.iter().filter(|(s, _)| *s == 201).count();
    assert_eq!(
        winners, 3,
        "three staff members, three sessions at the later time: {moved:?} {booked:?}"
    );
    let at_later = query_strings(
        &app.database_url,
        &format!(
            "SELECT staff_id AS value FROM bookings WHERE service_id = '{sid}' AND status = 'confirmed' AND starts_at = '{}'",
            start.naive_utc() + Duration::minutes(15)
        ),
    );
    let mut distinct = at_later.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!((at_later.len(), distinct.len()), (3, 3), "{at_later:?}");
}

async fn refusals(app: TestApp) {
    let service = demo_service(&app, "Reading guidance").await;
    let sid = service["id"].as_str().unwrap();
    let slot = first_slot(&app, sid).await;
    let patron = app.token_for(demo::PATRON.0, demo::PATRON.1).await;
    // 08:00 local is outside every staff member's hours.
    let early = slot["start"].as_str().unwrap().replace("T09:00", "T08:00");
    let (status, problem) = post(
        &app,
        "/api/v1/bookings",
        Some(&patron),
        &json!({"service_id": sid, "start": early, "mode": "video"}),
    )
    .await;
    assert_eq!(
        (status, problem["errors"][0]["field"].as_str()),
        (422, Some("start")),
        "{problem}"
    );
    let (status, problem) = post(
        &app,
        "/api/v1/bookings",
        Some(&patron),
        &json!({"service_id": sid, "start": slot["start"], "mode": "carrier_pigeon"}),
    )
    .await;
    assert_eq!(
        (status, problem["code"].as_str()),
        (400, Some("malformed_request"))
    );
    let (status, problem) = post(
        &app,
        "/api/v1/bookings",
        Some(&patron),
        &json!({"service_id": "nope", "start": slot["start"], "mode": "video"}),
    )
    .await;
    assert_eq!(
        (status, problem["errors"][0]["field"].as_str()),
        (422, Some("service_id"))
    );
    let (status, problem) = post(
        &app,
        "/api/v1/bookings",
        Some("not-a-token"),
        &json!({"service_id": sid, "start": slot["start"], "mode": "video"}),
    )
    .await;
    assert_eq!(
        (status, problem["code"].as_str()),
        (401, Some("unauthorized")),
        "a bad token is not a guest"
    );

    let (status, booking) = post(
        &app,
        "/api/v1/bookings",
        Some(&patron),
        &json!({"service_id": sid, "start": slot["start"], "mode": "video"}),
    )
    .await;
    assert_eq!(status, 201);
    let path = format!("/api/v1/bookings/{}", booking["id"].as_str().unwrap());
    // Another patron and another library's staff cannot see it or cancel it; the library's staff can.
    app.register("Toinen", "toinen@example.fi", "toinen salasana")
        .await;
    let other = app.token_for("toinen@example.fi", "toinen salasana").await;
    assert_eq!(app.get(&path, Some(&other)).await.0, 404);
    assert_eq!(
        post(&app, &format!("{path}/cancel"), Some(&other), &json!({}))
            .await
            .0,
        404
    );
    let (_, others) = app.get("/api/v1/bookings?mine=true", Some(&other)).await;
    assert_eq!(others["items"], json!([]));
    assert_eq!(
        app.get("/api/v1/bookings?library=kalajoki", Some(&other))
            .await
            .0,
        403
    );
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let (status, seen) = app.get(&path, Some(&staff)).await;
    assert_eq!(
        (status, &seen["contact_email"]),
        (200, &json!(demo::PATRON.0))
    );
    let (status, cancelled) = post(&app, &format!("{path}/cancel"), Some(&staff), &json!({})).await;
    assert_eq!(
        (status, cancelled["status"].as_str()),
        (200, Some("cancelled"))
    );
}

//! Events over HTTP on both databases: seats and the waiting list (also under simultaneous
//! registrations), promotion when seats free up, join links only for participants, closed
//! registration, permissions of guests and staff.

use chrono::{Datelike, Duration, NaiveDate, Utc};
use etakirjasto_e2e::{TestApp, demo, on_both_databases, query_strings, status_json};
use serde_json::{Value, json};

on_both_databases! {
    seats_fill_then_the_waiting_list_and_a_freed_seat_promotes_the_first_who_fits => waiting_list;
    simultaneous_registrations_never_exceed_capacity_and_the_queue_has_no_gaps => race;
    join_links_are_shown_only_to_confirmed_participants_and_staff => join_links;
    closed_or_cancelled_events_take_no_registrations_and_bad_input_is_named => refusals;
    a_series_keeps_its_wall_clock_time_across_the_clock_change_and_occurrences_change_alone => series;
    staff_move_seats_export_the_list_and_mark_attendance => staff_tools;
}

async fn send(
    app: &TestApp,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> (u16, Value) {
    app.send(method, path, token, body).await
}

/// Creates an online event as demo staff; returns its id.
async fn online_event(app: &TestApp, staff: &str, capacity: u32, starts_in: Duration) -> String {
    let start = Utc::now() + starts_in;
    let body = json!({
        "library": "kalajoki",
        "title": {"fi": "Testilukupiiri", "sv": "Testcirkel", "en": "Test circle"},
        "description": {"fi": "Kuvaus."},
        "category": "reading_circle", "audience": "adults", "mode": "online",
        "start": start.to_rfc3339(), "end": (start + Duration::minutes(90)).to_rfc3339(),
        "join_url": "https://meet.jit.si/etakirjasto-testi", "online_capacity": capacity,
        "max_seats_per_registration": 3
    });
    let (status, event) = send(app, "POST", "/api/v1/events", Some(staff), Some(body)).await;
    assert_eq!(status, 201, "{event}");
    event["id"].as_str().unwrap().to_owned()
}

fn guest(i: usize, seats: u32) -> Value {
    json!({"seat_type": "online", "seats": seats, "name": format!("Vieras {i}"), "email": format!("vieras{i}@example.fi")})
}

async fn waiting_list(app: TestApp) {
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let id = online_event(&app, &staff, 3, Duration::days(3)).await;
    let path = format!("/api/v1/events/{id}/registrations");
    let patron = app.token_for(demo::PATRON.0, demo::PATRON.1).await;
    let (status, mine) = send(
        &app,
        "POST",
        &path,
        Some(&patron),
        Some(json!({"seat_type": "online", "needs": "Tekstitys"})),
    )
    .await;
    assert_eq!(
        (status, mine["status"].as_str()),
        (201, Some("confirmed")),
        "{mine}"
    );
    assert_eq!(mine["contact_name"], "Maija Meikäläinen");
    let (status, my) = app.get("/api/v1/me/registrations", Some(&patron)).await;
    assert_eq!(status, 200, "{my}");
    let listed = my
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["registration"]["id"] == mine["id"])
        .expect("the patron sees their registration");
    assert_eq!(listed["event"]["id"].as_str(), Some(id.as_str()));
    assert!(
        listed["event"].get("join_url").is_none(),
        "no link days before the start"
    );
    assert_eq!(app.get("/api/v1/me/registrations", None).await.0, 401);
    let (status, again) = send(
        &app,
        "POST",
        &path,
        Some(&patron),
        Some(json!({"seat_type": "online"})),
    )
    .await;
    assert_eq!(
        (status, again["code"].as_str()),
        (409, Some("conflict")),
        "once per account"
    );
    let (_, two) = send(&app, "POST", &path, None, Some(guest(1, 2))).await;
    assert_eq!(two["status"], "confirmed", "{two}");
    // Full: the next ones wait, in order.
    let (_, a) = send(&app, "POST", &path, None, Some(guest(2, 2))).await;
    let (_, b) = send(&app, "POST", &path, None, Some(guest(3, 1))).await;
    let (_, c) = send(&app, "POST", &path, None, Some(guest(4, 1))).await;
    assert_eq!(
        [&a, &b, &c].map(|r| (
            r["status"].as_str().unwrap().to_owned(),
            r["waitlist_position"].as_u64()
        )),
        [
            ("waitlisted".into(), Some(1)),
            ("waitlisted".into(), Some(2)),
            ("waitlisted".into(), Some(3))
        ]
    );
    let (_, listed) = app
        .get(
            "/api/v1/events?library=kalajoki&category=reading_circle",
            None,
        )
        .await;
    let ours = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id.as_str())
        .unwrap()
        .clone();
    assert_eq!(
        ours["online"],
        json!({"capacity": 3, "taken": 3, "waiting": 3})
    );
    assert!(ours.get("join_url").is_none(), "never in the listing");

    // The patron's one seat frees: the first waiting party needs two and does not fit; the next
    // (one seat) is promoted; the guest with two keeps first place.
    let (status, cancelled) = send(
        &app,
        "POST",
        &format!("{path}/{}/cancel", mine["id"].as_str().unwrap()),
        Some(&patron),
        None,
    )
    .await;
    assert_eq!(
        (status, cancelled["status"].as_str()),
        (200, Some("cancelled"))
    );
    let read = |r: &Value| {
        let (id, token) = (
            r["id"].as_str().unwrap().to_owned(),
            r["manage_token"].as_str().unwrap().to_owned(),
        );
        let (client, url) = (app.client.clone(), app.url(&format!("{path}/{id}")));
        async move {
            status_json(
                client
                    .get(url)
                    .header("X-Manage-Token", token)
                    .send()
                    .await
                    .unwrap(),
            )
            .await
            .1
        }
    };
    assert_eq!(read(&b).await["status"], "confirmed");
    let a_now = read(&a).await;
    assert_eq!(
        (
            a_now["status"].as_str(),
            a_now["waitlist_position"].as_u64()
        ),
        (Some("waitlisted"), Some(1))
    );
    assert_eq!(read(&c).await["waitlist_position"], 2);
    // Cancelling a place on the waiting list promotes nobody; the queue closes up.
    let r = app
        .client
        .post(app.url(&format!("{path}/{}/cancel", a["id"].as_str().unwrap())))
        .header("X-Manage-Token", a["manage_token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let c_now = read(&c).await;
    assert_eq!(
        (
            c_now["status"].as_str(),
            c_now["waitlist_position"].as_u64()
        ),
        (Some("waitlisted"), Some(1))
    );

    // Raising the capacity promotes at once.
    let (_, event) = app.get(&format!("/api/v1/events/{id}"), Some(&staff)).await;
    let mut input = json!({
        "library": "kalajoki", "title": event["title"], "description": event["description"],
        "category": "reading_circle", "audience": "adults", "mode": "online",
        "start": event["start"], "end": event["end"], "join_url": event["join_url"],
        "online_capacity": 4, "max_seats_per_registration": 3
    });
    let (status, changed) = send(
        &app,
        "PUT",
        &format!("/api/v1/events/{id}"),
        Some(&staff),
        Some(input.clone()),
    )
    .await;
    assert_eq!(status, 200, "{changed}");
    assert_eq!(read(&c).await["status"], "confirmed");
    assert_eq!(changed["online"]["taken"], 4);

    // Staff see every participant with needs; the look is audited.
    let (status, list) = app.get(&path, Some(&staff)).await;
    assert_eq!(status, 200);
    assert_eq!(list.as_array().unwrap().len(), 5);
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .any(|r| r["needs"] == "Tekstitys")
    );
    let audited = query_strings(
        &app.database_url,
        &format!("SELECT action AS value FROM audit_log WHERE record_id = '{id}'"),
    );
    assert_eq!(audited, ["event.participants_viewed"]);
    // A patron is refused the list; the library cannot change.
    assert_eq!(app.get(&path, Some(&patron)).await.0, 403);
    input["library"] = json!("oulu");
    assert_eq!(
        send(
            &app,
            "PUT",
            &format!("/api/v1/events/{id}"),
            Some(&staff),
            Some(input)
        )
        .await
        .0,
        422
    );
}

async fn race(app: TestApp) {
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let id = online_event(&app, &staff, 5, Duration::days(3)).await;
    let path = format!("/api/v1/events/{id}/registrations");
    let attempts = (0..40).map(|i| {
        let (client, url) = (app.client.clone(), app.url(&path));
        async move { status_json(client.post(url).json(&guest(i, 1)).send().await.unwrap()).await }
    });
    let results = futures_util::future::join_all(attempts).await;
    assert!(results.iter().all(|(s, _)| *s == 201), "{results:?}");
    let confirmed = results
        .iter()
        .filter(|(_, r)| r["status"] == "confirmed")
        .count();
    let mut positions: Vec<u64> = results
        .iter()
        .filter_map(|(_, r)| r["waitlist_position"].as_u64())
        .collect();
    positions.sort_unstable();
    assert_eq!(confirmed, 5);
    assert_eq!(
        positions,
        (1..=35).collect::<Vec<u64>>(),
        "a gapless queue 1…35"
    );
    let seats = query_strings(
        &app.database_url,
        &format!(
            "SELECT CAST(SUM(seats) AS TEXT) AS value FROM event_registrations WHERE event_id = '{id}' AND status = 'confirmed'"
        ),
    );
    assert_eq!(seats, ["5"]);
    // Ten cancellations of confirmed seats at once: each freed seat promotes exactly once.
    let confirmed_ones: Vec<Value> = results
        .iter()
        .filter(|(_, r)| r["status"] == "confirmed")
        .map(|(_, r)| r.clone())
        .collect();
    let cancels = confirmed_ones.iter().map(|r| {
        let (client, url, token) = (
            app.client.clone(),
            app.url(&format!("{path}/{}/cancel", r["id"].as_str().unwrap())),
            r["manage_token"].as_str().unwrap().to_owned(),
        );
        async move {
            client
                .post(url)
                .header("X-Manage-Token", token)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    });
    assert!(
        futures_util::future::join_all(cancels)
            .await
            .iter()
            .all(|s| *s == 200)
    );
    let counts = query_strings(
        &app.database_url,
        &format!(
            "SELECT status || ':' || CAST(COUNT(*) AS TEXT) AS value FROM event_registrations WHERE event_id = '{id}' GROUP BY status ORDER BY status"
        ),
    );
    assert_eq!(counts, ["cancelled:5", "confirmed:5", "waitlisted:30"]);
}

async fn join_links(app: TestApp) {
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    // Starts in ten minutes: inside the 30-minute window.
    let id = online_event(&app, &staff, 1, Duration::minutes(10)).await;
    let path = format!("/api/v1/events/{id}/registrations");
    let patron = app.token_for(demo::PATRON.0, demo::PATRON.1).await;
    let (_, mine) = send(
        &app,
        "POST",
        &path,
        Some(&patron),
        Some(json!({"seat_type": "online"})),
    )
    .await;
    assert_eq!(mine["status"], "confirmed");
    assert_eq!(mine["join_url"], "https://meet.jit.si/etakirjasto-testi");
    let (_, waiting) = send(&app, "POST", &path, None, Some(guest(1, 1))).await;
    assert_eq!(waiting["status"], "waitlisted");
    assert!(
        waiting.get("join_url").is_none(),
        "not for the waiting list"
    );
    assert_eq!(
        app.get(&format!("/api/v1/events/{id}"), Some(&patron))
            .await
            .1["join_url"],
        "https://meet.jit.si/etakirjasto-testi"
    );
    assert!(
        app.get(&format!("/api/v1/events/{id}"), None)
            .await
            .1
            .get("join_url")
            .is_none()
    );
    let other = app
        .register("Toinen", "toinen@example.fi", "toinen salasana 1")
        .await;
    let other = other["access_token"].as_str().unwrap();
    assert!(
        app.get(&format!("/api/v1/events/{id}"), Some(other))
            .await
            .1
            .get("join_url")
            .is_none()
    );
    assert!(
        app.get(&format!("/api/v1/events/{id}"), Some(&staff))
            .await
            .1["join_url"]
            .is_string()
    );
    // Someone else's registration is not even there.
    assert_eq!(
        app.get(
            &format!("{path}/{}", mine["id"].as_str().unwrap()),
            Some(other)
        )
        .await
        .0,
        404
    );
    // Calendar files are public and never carry the link.
    for path in [
        format!("/api/v1/events/{id}/calendar.ics"),
        "/api/v1/events.ics?library=kalajoki".to_owned(),
    ] {
        let r = app
            .client
            .get(app.url(&path))
            .header("Accept-Language", "en")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{path}");
        assert!(
            r.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/calendar")
        );
        let ics = r.text().await.unwrap();
        assert!(ics.contains("SUMMARY:Test circle\r\n"), "{ics}");
        assert!(ics.contains("DTSTART;TZID=Europe/Helsinki:"), "{ics}");
        assert!(!ics.contains("meet.jit.si"), "no join link in {path}");
    }
    let feed_all = app
        .client
        .get(app.url("/api/v1/events.ics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        feed_all.matches("BEGIN:VEVENT").count() >= 4,
        "the demo events and this one: {feed_all}"
    );
    // An event days away keeps the link hidden from participants until the window opens.
    let later = online_event(&app, &staff, 5, Duration::days(2)).await;
    let (_, early) = send(
        &app,
        "POST",
        &format!("/api/v1/events/{later}/registrations"),
        Some(&patron),
        Some(json!({"seat_type": "online"})),
    )
    .await;
    assert_eq!(early["status"], "confirmed");
    assert!(early.get("join_url").is_none());
}

async fn refusals(app: TestApp) {
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let id = online_event(&app, &staff, 5, Duration::days(3)).await;
    let path = format!("/api/v1/events/{id}/registrations");
    let (status, problem) = send(
        &app,
        "POST",
        &path,
        None,
        Some(json!({"seat_type": "on_site", "seats": 9})),
    )
    .await;
    assert_eq!(status, 422);
    let mut fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    fields.sort_unstable();
    assert_eq!(fields, ["email", "name", "seat_type", "seats"]);
    // Staff registering someone who phoned must note their consent.
    let (status, problem) = send(&app, "POST", &path, Some(&staff), Some(guest(1, 1))).await;
    assert_eq!(
        (status, problem["errors"][0]["field"].as_str()),
        (422, Some("patron_consent"))
    );
    let mut on_behalf = guest(1, 1);
    on_behalf["patron_consent"] = json!(true);
    let (status, r) = send(&app, "POST", &path, Some(&staff), Some(on_behalf)).await;
    assert_eq!(
        (status, r["booked_by_staff"].as_bool()),
        (201, Some(true)),
        "{r}"
    );
    // A cancelled event takes no registrations.
    let (status, event) = send(
        &app,
        "POST",
        &format!("/api/v1/events/{id}/cancel"),
        Some(&staff),
        None,
    )
    .await;
    assert_eq!(
        (
            status,
            event["status"].as_str(),
            event["registration_open"].as_bool()
        ),
        (200, Some("cancelled"), Some(false))
    );
    let (status, problem) = send(&app, "POST", &path, None, Some(guest(2, 1))).await;
    assert_eq!(
        (status, problem["code"].as_str()),
        (409, Some("registration_closed"))
    );
    // Bad events are named field by field.
    let start = Utc::now() + Duration::days(1);
    let (status, problem) = send(
        &app,
        "POST",
        "/api/v1/events",
        Some(&staff),
        Some(json!({
            "library": "kalajoki", "title": {"fi": ""}, "description": {"fi": "x"},
            "category": "class", "audience": "elderly", "mode": "on_site",
            "start": start.to_rfc3339(), "end": start.to_rfc3339(), "online_capacity": 5,
            "join_url": "http://not-secure.example"
        })),
    )
    .await;
    assert_eq!(status, 422);
    let mut fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    fields.sort_unstable();
    assert_eq!(fields, ["end", "join_url", "online_capacity", "title.fi"]);
    // Patrons cannot create events.
    let patron = app.token_for(demo::PATRON.0, demo::PATRON.1).await;
    let good = json!({
        "library": "kalajoki", "title": {"fi": "T"}, "description": {"fi": "x"},
        "category": "class", "audience": "elderly", "mode": "on_site",
        "start": start.to_rfc3339(), "end": (start + Duration::hours(1)).to_rfc3339(), "on_site_capacity": 5
    });
    assert_eq!(
        send(&app, "POST", "/api/v1/events", Some(&patron), Some(good))
            .await
            .0,
        403
    );
}

/// A Wednesday in the middle of the next March, as `YYYY-MM-DD`: four weekly occurrences from it
/// straddle the last Sunday of March, when Finland moves to summer time.
fn mid_march_wednesday() -> NaiveDate {
    let today = Utc::now().date_naive();
    let year = if today.month() >= 3 {
        today.year() + 1
    } else {
        today.year()
    };
    let mut d = NaiveDate::from_ymd_opt(year, 3, 15).unwrap();
    while d.weekday() != chrono::Weekday::Wed {
        d = d.succ_opt().unwrap();
    }
    d
}

async fn series(app: TestApp) {
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let first = mid_march_wednesday();
    let body = |repeat: Value| {
        json!({
            "library": "kalajoki",
            "title": {"fi": "Viikkopiiri", "sv": "Veckocirkel", "en": "Weekly circle"},
            "description": {"fi": "Kuvaus."},
            "category": "reading_circle", "audience": "adults", "mode": "online",
            "start": format!("{first}T18:00:00+02:00"), "end": format!("{first}T19:30:00+02:00"),
            "join_url": "https://meet.jit.si/etakirjasto-viikko", "online_capacity": 2,
            "max_seats_per_registration": 2,
            "repeat": repeat
        })
    };
    // A rule with neither an end date nor a count is named, and makes nothing.
    let (status, problem) = send(
        &app,
        "POST",
        "/api/v1/events",
        Some(&staff),
        Some(body(json!({"frequency": "weekly"}))),
    )
    .await;
    assert_eq!(
        (status, problem["errors"][0]["field"].as_str()),
        (422, Some("repeat.until")),
        "{problem}"
    );
    let (status, created) = send(
        &app,
        "POST",
        "/api/v1/events",
        Some(&staff),
        Some(body(json!({"frequency": "weekly", "count": 4}))),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let series_id = created["series"]
        .as_str()
        .expect("names its series")
        .to_owned();
    let path = format!("/api/v1/event-series/{series_id}");
    let (status, series) = app.get(&path, None).await;
    assert_eq!(status, 200, "anyone may read a series: {series}");
    assert!(
        !series.to_string().contains("meet.jit.si"),
        "no join link in a series"
    );
    let occurrences = series["occurrences"].as_array().unwrap().clone();
    assert_eq!(occurrences.len(), 4);
    let starts: Vec<&str> = occurrences
        .iter()
        .map(|o| o["start"].as_str().unwrap())
        .collect();
    assert!(
        starts.iter().all(|s| s.contains("T18:00:00")),
        "18:00 every week: {starts:?}"
    );
    assert!(
        starts[0].ends_with("+02:00") && starts[3].ends_with("+03:00"),
        "{starts:?}"
    );
    assert_eq!(occurrences[0]["event_id"], created["id"]);
    let ids: Vec<String> = occurrences
        .iter()
        .map(|o| o["event_id"].as_str().unwrap().to_owned())
        .collect();

    // The second occurrence moves an hour later and the third is cancelled; the rest stay.
    let (_, second) = app.get(&format!("/api/v1/events/{}", ids[1]), None).await;
    let mut moved = body(Value::Null);
    moved.as_object_mut().unwrap().remove("repeat");
    let day = &second["start"].as_str().unwrap()[..10];
    let offset = &second["start"].as_str().unwrap()[19..];
    moved["start"] = json!(format!("{day}T19:00:00{offset}"));
    moved["end"] = json!(format!("{day}T20:30:00{offset}"));
    let (status, changed) = send(
        &app,
        "PUT",
        &format!("/api/v1/events/{}", ids[1]),
        Some(&staff),
        Some(moved.clone()),
    )
    .await;
    assert_eq!(status, 200, "{changed}");
    assert_eq!(
        changed["series"].as_str(),
        Some(series_id.as_str()),
        "still in the series"
    );
    moved["repeat"] = json!({"frequency": "weekly", "count": 2});
    let (status, problem) = send(
        &app,
        "PUT",
        &format!("/api/v1/events/{}", ids[1]),
        Some(&staff),
        Some(moved),
    )
    .await;
    assert_eq!(
        (status, problem["errors"][0]["field"].as_str()),
        (422, Some("repeat"))
    );
    let (status, _) = send(
        &app,
        "POST",
        &format!("/api/v1/events/{}/cancel", ids[2]),
        Some(&staff),
        None,
    )
    .await;
    assert_eq!(status, 200);
    let (_, series) = app.get(&path, None).await;
    let after = series["occurrences"].as_array().unwrap();
    assert!(
        after[1]["start"].as_str().unwrap().contains("T19:00:00"),
        "moved"
    );
    assert_eq!(after[0]["start"], occurrences[0]["start"], "untouched");
    assert_eq!(after[3]["start"], occurrences[3]["start"], "untouched");
    let statuses: Vec<&str> = after
        .iter()
        .map(|o| o["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        ["scheduled", "scheduled", "cancelled", "scheduled"]
    );

    // The patron registers for the whole series: three occurrences, the cancelled one left out.
    let patron = app.token_for(demo::PATRON.0, demo::PATRON.1).await;
    let register = format!("{path}/registrations");
    let (status, made) = send(
        &app,
        "POST",
        &register,
        Some(&patron),
        Some(json!({"seat_type": "online"})),
    )
    .await;
    assert_eq!(status, 201, "{made}");
    let registered: Vec<&str> = made["registrations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["event_id"].as_str().unwrap())
        .collect();
    assert_eq!(registered, [&ids[0], &ids[1], &ids[3]]);
    assert!(
        made["registrations"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["status"] == "confirmed")
    );
    assert_eq!(
        made["skipped"],
        json!([{"event_id": ids[2], "code": "registration_closed"}])
    );
    let (status, again) = send(
        &app,
        "POST",
        &register,
        Some(&patron),
        Some(json!({"seat_type": "online"})),
    )
    .await;
    assert_eq!(
        (status, again["code"].as_str()),
        (409, Some("conflict")),
        "{again}"
    );

    // One occurrence now has a single seat: a guest party of two is refused whole, nothing written.
    let (_, fourth) = app.get(&format!("/api/v1/events/{}", ids[3]), None).await;
    let mut smaller = body(Value::Null);
    smaller.as_object_mut().unwrap().remove("repeat");
    smaller["start"] = fourth["start"].clone();
    smaller["end"] = fourth["end"].clone();
    smaller["online_capacity"] = json!(1);
    let (status, _) = send(
        &app,
        "PUT",
        &format!("/api/v1/events/{}", ids[3]),
        Some(&staff),
        Some(smaller),
    )
    .await;
    assert_eq!(status, 200);
    let count = || {
        query_strings(
            &app.database_url,
            &format!(
                "SELECT CAST(COUNT(*) AS TEXT) AS value FROM event_registrations r JOIN events e ON e.id = r.event_id WHERE e.series_id = '{series_id}'"
            ),
        )
    };
    let before = count();
    let (status, problem) = send(&app, "POST", &register, None, Some(guest(1, 2))).await;
    assert_eq!(
        (status, problem["errors"][0]["field"].as_str()),
        (422, Some("seats")),
        "{problem}"
    );
    assert_eq!(count(), before, "nothing written");
    // A guest of one: the fourth occurrence is full (the patron holds its one seat), so it waits.
    let (status, made) = send(&app, "POST", &register, None, Some(guest(2, 1))).await;
    assert_eq!(status, 201, "{made}");
    let regs = made["registrations"].as_array().unwrap();
    assert_eq!(regs.len(), 3);
    assert!(
        regs.iter()
            .all(|r| r["manage_token"].as_str().is_some_and(|t| t.len() > 20))
    );
    assert_eq!(regs[2]["status"], "waitlisted");
    assert_eq!(regs[2]["waitlist_position"], 1);

    // Cancelling the rest: staff only; every occurrence not yet held is cancelled.
    let (status, _) = send(&app, "POST", &format!("{path}/cancel"), Some(&patron), None).await;
    assert_eq!(status, 403);
    let (status, series) = send(&app, "POST", &format!("{path}/cancel"), Some(&staff), None).await;
    assert_eq!(status, 200, "{series}");
    assert!(
        series["occurrences"]
            .as_array()
            .unwrap()
            .iter()
            .all(|o| o["status"] == "cancelled")
    );
    let (status, closed) = send(&app, "POST", &register, None, Some(guest(3, 1))).await;
    assert_eq!(
        (status, closed["code"].as_str()),
        (409, Some("registration_closed"))
    );
    let (status, _) = app
        .get(
            "/api/v1/event-series/00000000-0000-0000-0000-000000000000",
            None,
        )
        .await;
    assert_eq!(status, 404);
}

async fn staff_tools(app: TestApp) {
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let (_, library) = app.get("/api/v1/libraries/kalajoki", None).await;
    let branch = library["branches"][0]["id"].clone();
    let start = Utc::now() + Duration::days(2);
    let mut event = json!({
        "library": "kalajoki",
        "title": {"fi": "Hybridi", "sv": "Hybrid", "en": "Hybrid"},
        "description": {"fi": "Kuvaus."},
        "category": "author_visit", "audience": "everyone", "mode": "hybrid",
        "start": start.to_rfc3339(), "end": (start + Duration::hours(1)).to_rfc3339(),
        "branch": branch, "room": "Sali",
        "join_url": "https://meet.jit.si/etakirjasto-hybridi",
        "on_site_capacity": 1, "online_capacity": 2
    });
    let (status, created) = send(
        &app,
        "POST",
        "/api/v1/events",
        Some(&staff),
        Some(event.clone()),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/events/{id}/registrations");
    let patron = app.token_for(demo::PATRON.0, demo::PATRON.1).await;
    let register = |token: Option<String>, body: Value| {
        let path = path.clone();
        let app = &app;
        async move { send(app, "POST", &path, token.as_deref(), Some(body)).await }
    };
    let (_, mine) = register(
        Some(patron.clone()),
        json!({"seat_type": "online", "needs": "Tekstitys"}),
    )
    .await;
    let on_site = |i: usize| json!({"seat_type": "on_site", "name": format!("Vieras {i}"), "email": format!("v{i}@example.fi")});
    let (_, a) = register(None, on_site(1)).await;
    let (_, b) = register(None, on_site(2)).await;
    assert_eq!(
        (
            mine["status"].as_str(),
            a["status"].as_str(),
            b["status"].as_str()
        ),
        (Some("confirmed"), Some("confirmed"), Some("waitlisted"))
    );
    let change = |rid: &Value, seat: &str| {
        let url = format!("{path}/{}/seat-type", rid.as_str().unwrap());
        let body = json!({ "seat_type": seat });
        let (app, staff) = (&app, staff.clone());
        async move { send(app, "PUT", &url, Some(&staff), Some(body)).await }
    };
    // The room is full and someone waits for it: the patron cannot be moved in.
    let (status, problem) = change(&mine["id"], "on_site").await;
    assert_eq!(
        (status, problem["code"].as_str()),
        (409, Some("conflict")),
        "{problem}"
    );
    // Guest 1 moves online; the room seat goes to guest 2, who waited for it.
    let (status, moved) = change(&a["id"], "online").await;
    assert_eq!(
        (
            status,
            moved["seat_type"].as_str(),
            moved["status"].as_str()
        ),
        (200, Some("online"), Some("confirmed")),
        "{moved}"
    );
    let (_, promoted) = app
        .get(
            &format!("{path}/{}", b["id"].as_str().unwrap()),
            Some(&staff),
        )
        .await;
    assert_eq!(promoted["status"], "confirmed", "{promoted}");
    // Online is now full too: a third guest waits there, and moving them joins the room's queue.
    let mut c_body = on_site(3);
    c_body["seat_type"] = json!("online");
    let (_, c) = register(None, c_body).await;
    assert_eq!(c["status"], "waitlisted");
    let (status, c_moved) = change(&c["id"], "on_site").await;
    assert_eq!(status, 200);
    assert_eq!(
        (
            c_moved["seat_type"].as_str(),
            c_moved["status"].as_str(),
            c_moved["waitlist_position"].as_u64()
        ),
        (Some("on_site"), Some("waitlisted"), Some(1))
    );
    let (status, _) = send(
        &app,
        "PUT",
        &format!("{path}/{}/seat-type", c["id"].as_str().unwrap()),
        Some(&patron),
        Some(json!({"seat_type": "online"})),
    )
    .await;
    assert_eq!(status, 403, "patrons do not move seats");

    // The list as CSV, in Swedish; patrons cannot download it.
    let csv_url = app.url(&format!("/api/v1/events/{id}/registrations.csv"));
    let r = app
        .client
        .get(&csv_url)
        .bearer_auth(&staff)
        .header("Accept-Language", "sv")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let text = r.text().await.unwrap();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(
        lines[0].starts_with("\u{feff}Namn;E-post;Telefon;Plats"),
        "{text}"
    );
    assert_eq!(lines.len(), 5, "a header and four registrations: {text}");
    assert!(
        lines[1].starts_with("Maija Meikäläinen;maija@example.fi")
            && lines[1].contains("Tekstitys"),
        "{text}"
    );
    assert!(
        lines[4].contains("i kö;1"),
        "guest 3 waits first for the room: {text}"
    );
    let r = app
        .client
        .get(&csv_url)
        .bearer_auth(&patron)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);

    // Attendance: not before the start; once it has begun (here: moved an hour into the past), yes.
    let attend = |rid: &Value, attended: bool| {
        let url = format!("{path}/{}/attendance", rid.as_str().unwrap());
        let (app, staff) = (&app, staff.clone());
        async move {
            send(
                app,
                "PUT",
                &url,
                Some(&staff),
                Some(json!({ "attended": attended })),
            )
            .await
        }
    };
    let (status, _) = attend(&mine["id"], true).await;
    assert_eq!(status, 409, "not started yet");
    let began = Utc::now() - Duration::hours(1);
    event["start"] = json!(began.to_rfc3339());
    event["end"] = json!((began + Duration::hours(2)).to_rfc3339());
    let (status, _) = send(
        &app,
        "PUT",
        &format!("/api/v1/events/{id}"),
        Some(&staff),
        Some(event),
    )
    .await;
    assert_eq!(status, 200);
    let (status, marked) = attend(&mine["id"], true).await;
    assert_eq!(
        (status, marked["attended"].as_bool()),
        (200, Some(true)),
        "{marked}"
    );
    let (status, _) = attend(&c["id"], true).await;
    assert_eq!(status, 409, "only confirmed participants are marked");
    let r = app
        .client
        .get(&csv_url)
        .bearer_auth(&staff)
        .header("Accept-Language", "en")
        .send()
        .await
        .unwrap();
    let text = r.text().await.unwrap();
    assert!(
        text.lines().nth(1).unwrap().trim_end().ends_with(",yes"),
        "{text}"
    );
}

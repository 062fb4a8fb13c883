//! Session types, their staff and availability, and bookable times, over HTTP on both databases.

use chrono::{Datelike, Duration, Utc};
use etakirjasto_e2e::{TestApp, demo, on_both_databases};
use serde_json::{Value, json};

on_both_databases! {
    staff_create_a_session_type_and_its_times_follow_availability => create_and_list_slots;
    only_the_right_people_change_services_and_availability => permissions;
    bad_session_types_and_ranges_are_refused_with_the_field => validation;
    the_demo_library_offers_three_session_types_with_times => demo_services;
    a_closing_day_removes_every_time_of_that_day => closures;
}

async fn closures(app: TestApp) {
    let (_, services) = app.get("/api/v1/services?library=kalajoki", None).await;
    let sid = services["items"][0]["id"].as_str().unwrap().to_owned();
    let monday = next_monday();
    let range =
        format!("/api/v1/services/{sid}/slots?from={monday}T00:00:00Z&to={monday}T23:00:00Z");
    assert!(
        !app.get(&range, None).await.1["slots"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let admin = app.token_for(demo::ADMIN.0, demo::ADMIN.1).await;
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let closure = json!({"date": monday, "reason": "Inventaario"});
    assert_eq!(
        send(
            &app,
            "POST",
            "/api/v1/libraries/kalajoki/closures",
            &staff,
            &closure
        )
        .await
        .0,
        403,
        "staff are not admins"
    );
    let (status, saved) = send(
        &app,
        "POST",
        "/api/v1/libraries/kalajoki/closures",
        &admin,
        &closure,
    )
    .await;
    assert_eq!((status, &saved), (200, &closure));
    assert_eq!(
        app.get(&range, None).await.1["slots"],
        json!([]),
        "closed: no times"
    );
    let (_, listed) = app.get("/api/v1/libraries/kalajoki/closures", None).await;
    assert!(listed.as_array().unwrap().contains(&closure));
    let (status, problem) = send(
        &app,
        "POST",
        "/api/v1/libraries/kalajoki/closures",
        &admin,
        &json!({"date": "2026-02-30", "reason": "x"}),
    )
    .await;
    assert_eq!(
        (status, problem["errors"][0]["field"].as_str()),
        (422, Some("date"))
    );
    let r = app
        .client
        .delete(app.url(&format!("/api/v1/libraries/kalajoki/closures/{monday}")))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    assert!(
        !app.get(&range, None).await.1["slots"]
            .as_array()
            .unwrap()
            .is_empty(),
        "open again"
    );
}

fn service_body(duration: u32) -> Value {
    json!({
        "library": "kalajoki",
        "name": {"fi": "Testineuvonta", "sv": "Testråd", "en": "Test guidance"},
        "description": {"fi": "Kokeilu."},
        "duration_minutes": duration,
        "modes": ["phone", "video"],
        "buffer_after_minutes": 0,
        "min_notice_minutes": 0,
        "booking_window_days": 60,
    })
}

/// A Monday at least a week ahead, as `YYYY-MM-DD`.
fn next_monday() -> String {
    let mut d = Utc::now().date_naive() + Duration::days(7);
    while d.weekday().number_from_monday() != 1 {
        d += Duration::days(1);
    }
    d.format("%Y-%m-%d").to_string()
}

async fn send(app: &TestApp, method: &str, path: &str, token: &str, body: &Value) -> (u16, Value) {
    let r = app
        .client
        .request(method.parse().unwrap(), app.url(path))
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .unwrap();
    etakirjasto_e2e::status_json(r).await
}

async fn create_and_list_slots(app: TestApp) {
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let (_, me) = app.get("/api/v1/me", Some(&staff)).await;
    let me_id = me["id"].as_str().unwrap();
    let (status, service) = send(&app, "POST", "/api/v1/services", &staff, &service_body(60)).await;
    assert_eq!(status, 201, "{service}");
    assert_eq!(service["modes"], json!(["video", "phone"]), "modes sorted");
    assert_eq!(service["name"]["sv"], "Testråd");
    let id = service["id"].as_str().unwrap();

    // No staff yet: no times.
    let monday = next_monday();
    let range = format!(
        "/api/v1/services/{id}/slots?from={monday}T00:00:00%2B02:00&to={monday}T23:59:00%2B02:00"
    );
    let (status, list) = app.get(&range, None).await;
    assert_eq!(status, 200);
    assert_eq!(list["slots"], json!([]));

    // Liisa delivers it, on Mondays 10–12 and on the chosen Monday also 14–15.
    let (status, _) = send(
        &app,
        "PUT",
        &format!("/api/v1/services/{id}/staff"),
        &staff,
        &json!({"staff_ids": [me_id]}),
    )
    .await;
    assert_eq!(status, 200);
    let availability = json!({
        "library": "kalajoki",
        "weekly": [{"weekday": 1, "start": "10:00", "end": "12:00"}],
        "exceptions": [{"date": monday, "kind": "available", "start": "14:00", "end": "15:00"}],
    });
    let (status, saved) = send(
        &app,
        "PUT",
        &format!("/api/v1/staff/{me_id}/availability"),
        &staff,
        &availability,
    )
    .await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved, availability);
    let (status, list) = app.get(&range, None).await;
    assert_eq!(status, 200);
    assert_eq!(list["time_zone"], "Europe/Helsinki");
    let starts: Vec<String> = list["slots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["start"].as_str().unwrap()[10..19].to_owned())
        .collect();
    assert_eq!(starts, ["T10:00:00", "T11:00:00", "T14:00:00"]);
    assert_eq!(list["slots"][0]["staff_available"], 1);
    let offset = &list["slots"][0]["start"].as_str().unwrap()[19..];
    assert!(offset == "+02:00" || offset == "+03:00", "offset {offset}");

    // A day off removes the times; the pattern comes back when the exception is gone.
    let off = json!({"library": "kalajoki", "weekly": [{"weekday": 1, "start": "10:00", "end": "12:00"}], "exceptions": [{"date": monday, "kind": "unavailable"}]});
    send(
        &app,
        "PUT",
        &format!("/api/v1/staff/{me_id}/availability"),
        &staff,
        &off,
    )
    .await;
    assert_eq!(app.get(&range, None).await.1["slots"], json!([]));
    // A mode the service does not offer is refused.
    let (status, problem) = app.get(&format!("{range}&mode=in_person"), None).await;
    assert_eq!(
        (status, problem["errors"][0]["field"].as_str()),
        (422, Some("mode"))
    );
}

async fn permissions(app: TestApp) {
    let (oulu_email, oulu_password) = app.add_other_library();
    let patron = app.token_for(demo::PATRON.0, demo::PATRON.1).await;
    let liisa = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let pekka = app
        .token_for("pekka@kalajoki.example", "demo-staff-2026")
        .await;
    let admin = app.token_for(demo::ADMIN.0, demo::ADMIN.1).await;
    let oulu = app.token_for(oulu_email, oulu_password).await;
    let (_, pekka_me) = app.get("/api/v1/me", Some(&pekka)).await;
    let pekka_id = pekka_me["id"].as_str().unwrap();

    assert_eq!(
        send(&app, "POST", "/api/v1/services", &patron, &service_body(30))
            .await
            .0,
        403,
        "a patron"
    );
    assert_eq!(
        send(&app, "POST", "/api/v1/services", &oulu, &service_body(30))
            .await
            .0,
        403,
        "another library's staff"
    );
    let week = json!({"library": "kalajoki", "weekly": [{"weekday": 2, "start": "09:00", "end": "10:00"}]});
    let path = format!("/api/v1/staff/{pekka_id}/availability");
    assert_eq!(
        send(&app, "PUT", &path, &liisa, &week).await.0,
        403,
        "staff cannot set a colleague's hours"
    );
    assert_eq!(
        send(&app, "PUT", &path, &oulu, &week).await.0,
        403,
        "nor can another library's staff"
    );
    assert_eq!(
        send(&app, "PUT", &path, &pekka, &week).await.0,
        200,
        "staff set their own"
    );
    assert_eq!(
        send(&app, "PUT", &path, &admin, &week).await.0,
        200,
        "admins set anyone's"
    );
    let (status, seen) = app
        .get(&format!("{path}?library=kalajoki"), Some(&liisa))
        .await;
    assert_eq!(
        (status, &seen["weekly"]),
        (200, &week["weekly"]),
        "colleagues can see it"
    );
    assert_eq!(
        app.get(&format!("{path}?library=kalajoki"), Some(&patron))
            .await
            .0,
        403
    );
    // Staff of another library cannot be made to deliver this library's service.
    let (_, services) = app.get("/api/v1/services?library=kalajoki", None).await;
    let sid = services["items"][0]["id"].as_str().unwrap();
    let (_, oulu_me) = app.get("/api/v1/me", Some(&oulu)).await;
    let (status, problem) = send(
        &app,
        "PUT",
        &format!("/api/v1/services/{sid}/staff"),
        &liisa,
        &json!({"staff_ids": [oulu_me["id"]]}),
    )
    .await;
    assert_eq!(
        (status, problem["errors"][0]["field"].as_str()),
        (422, Some("staff_ids[0]"))
    );
}

async fn validation(app: TestApp) {
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let mut bad = service_body(2);
    bad["name"]["fi"] = json!("");
    bad["modes"] = json!([]);
    let (status, problem) = send(&app, "POST", "/api/v1/services", &staff, &bad).await;
    assert_eq!(status, 422);
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["name.fi", "duration_minutes", "modes"]);
    let (_, me) = app.get("/api/v1/me", Some(&staff)).await;
    let bad_hours = json!({"library": "kalajoki", "weekly": [{"weekday": 1, "start": "12:00", "end": "09:00"}]});
    let (status, problem) = send(
        &app,
        "PUT",
        &format!("/api/v1/staff/{}/availability", me["id"].as_str().unwrap()),
        &staff,
        &bad_hours,
    )
    .await;
    assert_eq!(
        (status, problem["errors"][0]["field"].as_str()),
        (422, Some("weekly[0].end"))
    );
    let (_, services) = app.get("/api/v1/services", None).await;
    let sid = services["items"][0]["id"].as_str().unwrap();
    for (case, query) in [
        (
            "to before from",
            "from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z",
        ),
        (
            "too long",
            "from=2026-12-01T00:00:00Z&to=2027-03-01T00:00:00Z",
        ),
    ] {
        let (status, problem) = app
            .get(&format!("/api/v1/services/{sid}/slots?{query}"), None)
            .await;
        assert_eq!(
            (status, problem["errors"][0]["field"].as_str()),
            (422, Some("to")),
            "{case}"
        );
    }
    let (status, _) = app
        .get(&format!("/api/v1/services/{sid}/slots?from=tomorrow"), None)
        .await;
    assert_eq!(status, 422, "an unreadable time");
    assert_eq!(
        app.get("/api/v1/services/no-such-id/slots", None).await.0,
        404
    );
}

async fn demo_services(app: TestApp) {
    let (status, services) = app.get("/api/v1/services?library=kalajoki", None).await;
    assert_eq!(status, 200);
    let mut names: Vec<&str> = services["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"]["en"].as_str().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["Help with e-services", "Practice call", "Reading guidance"]
    );
    let e_help = services["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"]["en"] == "Help with e-services")
        .unwrap();
    assert!(
        e_help["ground_rules"]["fi"]
            .as_str()
            .unwrap()
            .contains("pankki")
    );
    let reading = services["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"]["en"] == "Reading guidance")
        .unwrap();
    let monday = next_monday();
    let (status, list) = app
        .get(
            &format!(
                "/api/v1/services/{}/slots?from={monday}T00:00:00Z&to={monday}T23:00:00Z",
                reading["id"].as_str().unwrap()
            ),
            None,
        )
        .await;
    assert_eq!(status, 200);
    // Weekdays 9–12 and 13–15, 45 minutes every 45 minutes (buffers may fall outside the hours), three staff.
    let starts: Vec<String> = list["slots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["start"].as_str().unwrap()[11..16].to_owned())
        .collect();
    assert_eq!(
        starts,
        ["09:00", "09:45", "10:30", "11:15", "13:00", "13:45"]
    );
    assert_eq!(list["slots"][0]["staff_available"], 3);
}

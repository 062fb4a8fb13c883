//! Staff training against the real server on both databases: a session type with a required
//! module offers only staff an admin signed off, and only once their checklist and practice are
//! done; the matrix shows each standing (all rows to admins, one's own to other staff); practice
//! sessions count only when held; ticks and sign-offs sent at once count once; confidence ratings
//! make the team's means; the demo's modules and sign-offs.

use chrono::{Datelike, Duration, Utc};
use etakirjasto_e2e::{TestApp, demo, on_both_databases};
use serde_json::{Value, json};

on_both_databases! {
    a_required_module_offers_only_signed_off_staff_in_the_bookable_times => gating;
    the_matrix_shows_each_standing_to_those_who_may_see_it => matrix_views;
    ticks_and_sign_offs_sent_at_once_count_once => concurrent;
    bad_module_input_is_named_and_nothing_is_half_written => bad_input;
    the_demo_has_four_modules_and_its_staff_are_signed_off => demo_training;
}

const VILLE: (&str, &str) = ("ville@kalajoki.example", "villen salasana 1");

/// A Monday at least a week ahead.
fn next_monday() -> chrono::NaiveDate {
    let mut d = Utc::now().date_naive() + Duration::days(7);
    while d.weekday().number_from_monday() != 1 {
        d += Duration::days(1);
    }
    d
}

/// Adds Ville, a new staff member of the demo library; returns his token and id.
async fn ville(app: &TestApp) -> (String, String) {
    let out = app.cli(
        &[
            "user",
            "add",
            "--library",
            "kalajoki",
            "--role",
            "staff",
            "--email",
            VILLE.0,
            "--name",
            "Ville Uusi",
        ],
        &[("ETAKIRJASTO_PASSWORD", VILLE.1)],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let token = app.token_for(VILLE.0, VILLE.1).await;
    let (_, me) = app.get("/api/v1/me", Some(&token)).await;
    (token, me["id"].as_str().unwrap().to_owned())
}

/// A new session type delivered by `staff_id` alone on the Monday a week ahead, 10–12.
async fn service_of(app: &TestApp, admin: &str, staff_id: &str) -> String {
    let (status, service) = app
        .send(
            "POST",
            "/api/v1/services",
            Some(admin),
            Some(json!({
                "library": "kalajoki",
                "name": {"fi": "Koulutettu neuvonta", "en": "Trained guidance"},
                "description": {"fi": "Kokeilu."},
                "duration_minutes": 60,
                "modes": ["video"],
                "buffer_after_minutes": 0,
                "min_notice_minutes": 0,
                "booking_window_days": 60,
            })),
        )
        .await;
    assert_eq!(status, 201, "{service}");
    let id = service["id"].as_str().unwrap().to_owned();
    let (status, body) = app
        .send(
            "PUT",
            &format!("/api/v1/services/{id}/staff"),
            Some(admin),
            Some(json!({"staff_ids": [staff_id]})),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = app
        .send(
            "PUT",
            &format!("/api/v1/staff/{staff_id}/availability"),
            Some(admin),
            Some(json!({
                "library": "kalajoki",
                "weekly": [],
                "exceptions": [{"date": next_monday().to_string(), "kind": "available", "start": "10:00", "end": "12:00"}],
            })),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    id
}

/// The session type's bookable starts on that Monday.
async fn slots(app: &TestApp, service: &str) -> Vec<String> {
    let monday = next_monday();
    let (status, list) = app
        .get(
            &format!("/api/v1/services/{service}/slots?from={monday}T00:00:00%2B02:00&to={monday}T23:59:00%2B02:00"),
            None,
        )
        .await;
    assert_eq!(status, 200, "{list}");
    list["slots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["start"].as_str().unwrap().to_owned())
        .collect()
}

fn module(service_ids: &[&str], practice: bool) -> Value {
    json!({
        "library": "kalajoki",
        "title": {"fi": "Koulutettu neuvonta", "sv": "Utbildad rådgivning", "en": "Trained guidance"},
        "body": {"fi": "Lue **tämä** ensin.", "en": "Read **this** first."},
        "items": [
            {"key": "read", "text": {"fi": "Lue ohje"}},
            {"key": "try", "text": {"fi": "Kokeile"}}
        ],
        "practice": practice,
        "service_ids": service_ids,
    })
}

async fn create_module(app: &TestApp, admin: &str, body: Value) -> Value {
    let (status, created) = app
        .send("POST", "/api/v1/training/modules", Some(admin), Some(body))
        .await;
    assert_eq!(status, 201, "{created}");
    created
}

async fn tick(app: &TestApp, token: &str, module: &str, item: &str, done: bool) -> (u16, Value) {
    app.send(
        "PUT",
        &format!("/api/v1/training/modules/{module}/progress"),
        Some(token),
        Some(json!({"item": item, "done": done})),
    )
    .await
}

async fn sign_off(
    app: &TestApp,
    admin: &str,
    service: &str,
    staff: &str,
    competent: bool,
) -> (u16, Value) {
    app.send(
        "PUT",
        &format!("/api/v1/services/{service}/competences/{staff}"),
        Some(admin),
        Some(json!({"competent": competent})),
    )
    .await
}

/// The person's cell for the session type in the matrix the caller sees.
async fn cell(app: &TestApp, token: &str, person: &str, service: &str) -> Value {
    let (status, matrix) = app
        .get("/api/v1/training/matrix?library=kalajoki", Some(token))
        .await;
    assert_eq!(status, 200, "{matrix}");
    let at = matrix["services"]
        .as_array()
        .unwrap()
        .iter()
        .position(|s| s["id"] == service)
        .expect("the service is in the matrix");
    matrix["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["staff"]["id"] == person)
        .map(|p| p["cells"][at].clone())
        .unwrap_or(Value::Null)
}

async fn gating(app: TestApp) {
    let admin = app.token_for(demo::ADMIN.0, demo::ADMIN.1).await;
    let liisa = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let (_, liisa_me) = app.get("/api/v1/me", Some(&liisa)).await;
    let liisa_id = liisa_me["id"].as_str().unwrap().to_owned();
    let (ville, ville_id) = ville(&app).await;
    let service = service_of(&app, &admin, &ville_id).await;

    // No module is required yet: Ville is offered (10:00 and 11:00), and there is nothing to sign
    // off.
    assert_eq!(slots(&app, &service).await.len(), 2);
    let (status, problem) = sign_off(&app, &admin, &service, &ville_id, true).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("conflict")));

    // A module required for the service: Ville is no longer offered, at once.
    let created = create_module(&app, &admin, module(&[&service], true)).await;
    let m = created["id"].as_str().unwrap().to_owned();
    assert_eq!(created["service_ids"], json!([service]));
    assert_eq!(
        created["body_html"]["fi"],
        "<p>Lue <strong>tämä</strong> ensin.</p>\n"
    );
    assert_eq!(
        created["body_html"]["sv"], created["body_html"]["fi"],
        "a missing translation shows the Finnish text"
    );
    assert_eq!(slots(&app, &service).await, Vec::<String>::new());
    let c = cell(&app, &admin, &ville_id, &service).await;
    assert_eq!(
        (&c["state"], &c["delivers"], &c["offered"]),
        (&json!("not_started"), &json!(true), &json!(false))
    );

    // Signing off before the training is done is refused, and changes nothing.
    let (status, problem) = sign_off(&app, &admin, &service, &ville_id, true).await;
    assert_eq!(
        (status, problem["code"].as_str()),
        (409, Some("training_incomplete"))
    );
    assert_eq!(slots(&app, &service).await.len(), 0);

    // Ville ticks both items: in training, since the practice is still to come.
    let (status, body) = tick(&app, &ville, &m, "read", true).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["progress"]["done"], json!(["read"]));
    assert_eq!(
        cell(&app, &ville, &ville_id, &service).await["state"],
        "in_training"
    );
    let (_, body) = tick(&app, &ville, &m, "try", true).await;
    assert_eq!(body["progress"]["done"], json!(["read", "try"]));
    assert_eq!(body["progress"]["complete"], false);
    let (status, _) = sign_off(&app, &admin, &service, &ville_id, true).await;
    assert_eq!(status, 409);

    // A practice with Liisa an hour ahead cannot be recorded held yet; one starting now can, by
    // Liisa, and not by Pekka, who is neither in it nor an admin.
    let book = |starts: chrono::DateTime<Utc>| {
        let (app, ville, m, liisa_id) = (&app, &ville, &m, &liisa_id);
        async move {
            let (status, p) = app
                .send(
                    "POST",
                    &format!("/api/v1/training/modules/{m}/practices"),
                    Some(ville),
                    Some(json!({"colleague_id": liisa_id, "starts_at": starts.to_rfc3339()})),
                )
                .await;
            assert_eq!(status, 201, "{p}");
            assert_eq!(p["state"], "booked");
            assert_eq!(p["colleague"]["name"], "Liisa Kirjastonhoitaja");
            p["id"].as_str().unwrap().to_owned()
        }
    };
    let later = book(Utc::now() + Duration::hours(1)).await;
    let (status, problem) = app
        .send(
            "PUT",
            &format!("/api/v1/training/practices/{later}"),
            Some(&liisa),
            Some(json!({"state": "held"})),
        )
        .await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("conflict")));
    let now = book(Utc::now()).await;
    // Ville's own word does not make it count.
    let (status, _) = app
        .send(
            "PUT",
            &format!("/api/v1/training/practices/{now}"),
            Some(&ville),
            Some(json!({"state": "held"})),
        )
        .await;
    assert_eq!(status, 403);
    let pekka = app
        .token_for("pekka@kalajoki.example", "demo-staff-2026")
        .await;
    let patron = app.token_for(demo::PATRON.0, demo::PATRON.1).await;
    for (token, expected) in [(&pekka, 403), (&patron, 404)] {
        let (status, _) = app
            .send(
                "PUT",
                &format!("/api/v1/training/practices/{now}"),
                Some(token),
                Some(json!({"state": "held"})),
            )
            .await;
        assert_eq!(status, expected);
    }
    let (status, held) = app
        .send(
            "PUT",
            &format!("/api/v1/training/practices/{now}"),
            Some(&liisa),
            Some(json!({"state": "held"})),
        )
        .await;
    assert_eq!(
        (status, held["state"].as_str()),
        (200, Some("held")),
        "{held}"
    );
    // The other one is called off by Ville; a held one cannot be.
    let (status, off) = app
        .send(
            "PUT",
            &format!("/api/v1/training/practices/{later}"),
            Some(&ville),
            Some(json!({"state": "cancelled"})),
        )
        .await;
    assert_eq!((status, off["state"].as_str()), (200, Some("cancelled")));
    let (status, _) = app
        .send(
            "PUT",
            &format!("/api/v1/training/practices/{now}"),
            Some(&ville),
            Some(json!({"state": "cancelled"})),
        )
        .await;
    assert_eq!(status, 409);

    let (_, read) = app
        .get(&format!("/api/v1/training/modules/{m}"), Some(&ville))
        .await;
    assert_eq!(read["progress"]["complete"], true, "{read}");
    assert_eq!(read["progress"]["practice_held"], true);
    assert_eq!(read["progress"]["practices"].as_array().unwrap().len(), 2);
    // Liisa sees the practices she was the colleague in, not Ville's ticks.
    let (_, for_liisa) = app
        .get(&format!("/api/v1/training/modules/{m}"), Some(&liisa))
        .await;
    assert_eq!(for_liisa["progress"]["done"], json!([]));
    assert_eq!(
        for_liisa["progress"]["practices"].as_array().unwrap().len(),
        2
    );
    assert_eq!(for_liisa["progress"]["practice_held"], false);
    assert_eq!(
        cell(&app, &admin, &ville_id, &service).await["state"],
        "trained"
    );

    // Liisa is not an admin: she cannot sign anyone off.
    let (status, _) = sign_off(&app, &liisa, &service, &ville_id, true).await;
    assert_eq!(status, 403);
    let (status, signed) = sign_off(&app, &admin, &service, &ville_id, true).await;
    assert_eq!(status, 200, "{signed}");
    assert_eq!(
        (
            &signed["state"],
            &signed["offered"],
            &signed["signed_off_by"]
        ),
        (&json!("competent"), &json!(true), &json!("Aino Ylläpitäjä"))
    );
    let offered = slots(&app, &service).await;
    assert_eq!(offered.len(), 2);

    // A patron books the first time: the session is Ville's.
    let (status, booking) = app
        .send(
            "POST",
            "/api/v1/bookings",
            Some(&patron),
            Some(json!({"service_id": service, "start": offered[0], "mode": "video", "accept_ground_rules": true})),
        )
        .await;
    assert_eq!(status, 201, "{booking}");

    // A new item later does not take the sign-off away; the admin taking it back does.
    let (status, edited) = app
        .send(
            "PUT",
            &format!("/api/v1/training/modules/{m}"),
            Some(&admin),
            Some(json!({"version": 1, "module": {
                "library": "kalajoki",
                "title": {"fi": "Koulutettu neuvonta"},
                "body": {"fi": "Uusi teksti."},
                "items": [
                    {"key": "read", "text": {"fi": "Lue ohje"}},
                    {"key": "try", "text": {"fi": "Kokeile"}},
                    {"key": "new", "text": {"fi": "Uusi kohta"}}
                ],
                "practice": true,
                "service_ids": [service],
            }})),
        )
        .await;
    assert_eq!(
        (status, edited["version"].as_i64()),
        (200, Some(2)),
        "{edited}"
    );
    let (status, stale) = app
        .send(
            "PUT",
            &format!("/api/v1/training/modules/{m}"),
            Some(&admin),
            Some(json!({"version": 1, "module": module(&[&service], true)})),
        )
        .await;
    assert_eq!((status, stale["code"].as_str()), (409, Some("conflict")));
    let c = cell(&app, &admin, &ville_id, &service).await;
    assert_eq!(
        (&c["state"], &c["modules_done"]),
        (&json!("competent"), &json!(0))
    );
    assert_eq!(
        slots(&app, &service).await.len(),
        1,
        "the other hour is booked"
    );
    let (status, revoked) = sign_off(&app, &admin, &service, &ville_id, false).await;
    assert_eq!(
        (status, revoked["state"].as_str()),
        (200, Some("in_training"))
    );
    assert_eq!(slots(&app, &service).await.len(), 0);
    let (status, problem) = app
        .send(
            "POST",
            "/api/v1/bookings",
            Some(&patron),
            Some(json!({"service_id": service, "start": offered[1], "mode": "video", "accept_ground_rules": true})),
        )
        .await;
    assert!(
        status == 409 || status == 422,
        "a time no longer offered is not booked: {status} {problem}"
    );

    // Taking the module off the service offers everyone who delivers it again.
    let (_, current) = app
        .get(&format!("/api/v1/training/modules/{m}"), Some(&admin))
        .await;
    let mut body = module(&[], true);
    body["items"] = current["items"].clone();
    let (status, _) = app
        .send(
            "PUT",
            &format!("/api/v1/training/modules/{m}"),
            Some(&admin),
            Some(json!({"version": current["version"], "module": body})),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(slots(&app, &service).await.len(), 1);
}

async fn matrix_views(app: TestApp) {
    let admin = app.token_for(demo::ADMIN.0, demo::ADMIN.1).await;
    let liisa = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let (ville, ville_id) = ville(&app).await;
    let service = service_of(&app, &admin, &ville_id).await;
    create_module(&app, &admin, module(&[&service], false)).await;

    // Ratings: Ville 2 → 4; Liisa 3 before; a new rating for a phase replaces the old one.
    for (token, phase, rating) in [
        (&ville, "before", 1),
        (&ville, "before", 2),
        (&ville, "after", 4),
        (&liisa, "before", 3),
    ] {
        let (status, c) = app
            .send(
                "PUT",
                &format!("/api/v1/services/{service}/confidence"),
                Some(token),
                Some(json!({"phase": phase, "rating": rating})),
            )
            .await;
        assert_eq!(status, 200, "{c}");
    }
    let (status, problem) = app
        .send(
            "PUT",
            &format!("/api/v1/services/{service}/confidence"),
            Some(&ville),
            Some(json!({"phase": "after", "rating": 6})),
        )
        .await;
    assert_eq!(
        (status, problem["errors"][0]["field"].as_str()),
        (422, Some("rating"))
    );

    let (status, full) = app
        .get("/api/v1/training/matrix?library=kalajoki", Some(&admin))
        .await;
    assert_eq!(status, 200);
    let names: Vec<&str> = full["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["staff"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        vec![
            "Aino Ylläpitäjä",
            "Liisa Kirjastonhoitaja",
            "Pekka Informaatikko",
            "Ville Uusi"
        ]
    );
    let at = full["services"]
        .as_array()
        .unwrap()
        .iter()
        .position(|s| s["id"] == service.as_str())
        .unwrap();
    let r = &full["readiness"][at];
    assert_eq!(
        (
            &r["delivering"],
            &r["competent"],
            &r["offered"],
            &r["rated_before"],
            &r["confidence_before"],
            &r["confidence_after"]
        ),
        (
            &json!(1),
            &json!(0),
            &json!(0),
            &json!(2),
            &json!(2.5),
            &json!(4.0)
        ),
        "{r}"
    );
    let c = cell(&app, &admin, &ville_id, &service).await;
    assert_eq!(
        (&c["confidence_before"], &c["confidence_after"]),
        (&json!(2), &json!(4))
    );

    // Other staff see only their own row, and the same readiness.
    let (_, own) = app
        .get("/api/v1/training/matrix?library=kalajoki", Some(&ville))
        .await;
    assert_eq!(own["people"].as_array().unwrap().len(), 1);
    assert_eq!(own["people"][0]["staff"]["id"], ville_id.as_str());
    // The same counts; but from two ratings a mean would give away Liisa's, so it is not shown.
    let r_own = &own["readiness"][at];
    assert_eq!(
        (&r_own["delivering"], &r_own["rated_before"]),
        (&json!(1), &json!(2))
    );
    assert_eq!(
        (&r_own["confidence_before"], &r_own["confidence_after"]),
        (&Value::Null, &Value::Null)
    );
    let names: Vec<&str> = own["colleagues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names.len(),
        4,
        "every staff member to practise with: {names:?}"
    );

    // Patrons and other libraries' staff see nothing of it.
    let patron = app.token_for(demo::PATRON.0, demo::PATRON.1).await;
    let (email, password) = app.add_other_library();
    let oulu = app.token_for(email, password).await;
    for token in [&patron, &oulu] {
        let (status, _) = app
            .get("/api/v1/training/matrix?library=kalajoki", Some(token))
            .await;
        assert_eq!(status, 403);
        let (status, _) = app
            .get("/api/v1/training/modules?library=kalajoki", Some(token))
            .await;
        assert_eq!(status, 403);
        let (status, _) = app
            .send(
                "PUT",
                &format!("/api/v1/services/{service}/confidence"),
                Some(token),
                Some(json!({"phase": "before", "rating": 3})),
            )
            .await;
        assert_eq!(status, 404);
    }
    let (status, _) = app
        .get("/api/v1/training/matrix?library=kalajoki", None)
        .await;
    assert_eq!(status, 401);
}

async fn concurrent(app: TestApp) {
    let admin = app.token_for(demo::ADMIN.0, demo::ADMIN.1).await;
    let (ville, ville_id) = ville(&app).await;
    let service = service_of(&app, &admin, &ville_id).await;
    let created = create_module(&app, &admin, module(&[&service], false)).await;
    let m = created["id"].as_str().unwrap().to_owned();

    // Ten ticks of each item at once: every answer 200, each item ticked once.
    let mut sends = Vec::new();
    for n in 0..20 {
        let item = if n % 2 == 0 { "read" } else { "try" };
        sends.push(tick(&app, &ville, &m, item, true));
    }
    for (status, body) in futures_util::future::join_all(sends).await {
        assert_eq!(status, 200, "{body}");
    }
    let ticks = etakirjasto_e2e::query_strings(
        &app.database_url,
        &format!(
            "SELECT item_key AS value FROM training_ticks WHERE module_id = '{m}' ORDER BY item_key"
        ),
    );
    assert_eq!(ticks, vec!["read", "try"]);

    // Ten sign-offs at once: one row, every answer 200 and competent.
    let mut sends = Vec::new();
    for _ in 0..10 {
        sends.push(sign_off(&app, &admin, &service, &ville_id, true));
    }
    for (status, body) in futures_util::future::join_all(sends).await {
        assert_eq!(
            (status, body["state"].as_str()),
            (200, Some("competent")),
            "{body}"
        );
    }
    let rows = etakirjasto_e2e::query_strings(
        &app.database_url,
        &format!("SELECT user_id AS value FROM competences WHERE service_id = '{service}'"),
    );
    assert_eq!(rows, vec![ville_id.clone()]);
    // Patrons booking both times at once while the admin takes the sign-off back: every answer is a
    // clear one, each time is booked at most once, and once the admin has been told the sign-off is
    // gone nothing more is booked.
    let offered = slots(&app, &service).await;
    assert_eq!(offered.len(), 2);
    let patron = app.token_for(demo::PATRON.0, demo::PATRON.1).await;
    let mut bookings = Vec::new();
    for start in offered.iter().chain(offered.iter()) {
        bookings.push(app.send(
            "POST",
            "/api/v1/bookings",
            Some(&patron),
            Some(json!({"service_id": service, "start": start, "mode": "video", "accept_ground_rules": true})),
        ));
    }
    let (results, revoked) = tokio::join!(
        futures_util::future::join_all(bookings),
        sign_off(&app, &admin, &service, &ville_id, false)
    );
    assert_eq!(revoked.0, 200);
    assert!(
        results.iter().all(|(s, _)| [201, 409, 422].contains(s)),
        "{results:?}"
    );
    let mut made: Vec<&str> = results
        .iter()
        .filter(|(s, _)| *s == 201)
        .map(|(_, b)| b["start"].as_str().unwrap())
        .collect();
    let count = made.len();
    made.sort();
    made.dedup();
    assert_eq!(
        made.len(),
        count,
        "each time booked at most once: {results:?}"
    );
    assert_eq!(slots(&app, &service).await.len(), 0);
    for start in &offered {
        let (status, body) = app
            .send(
                "POST",
                "/api/v1/bookings",
                Some(&patron),
                Some(json!({"service_id": service, "start": start, "mode": "video", "accept_ground_rules": true})),
            )
            .await;
        assert!([409, 422].contains(&status), "{status} {body}");
    }
    let stored = etakirjasto_e2e::query_strings(
        &app.database_url,
        &format!("SELECT id AS value FROM bookings WHERE service_id = '{service}'"),
    );
    assert_eq!(stored.len(), count, "only the answered bookings are stored");
}

async fn bad_input(app: TestApp) {
    let admin = app.token_for(demo::ADMIN.0, demo::ADMIN.1).await;
    let liisa = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let before = etakirjasto_e2e::query_strings(
        &app.database_url,
        "SELECT id AS value FROM training_modules",
    );
    let mut body = module(&["not-a-service"], true);
    body["items"] = json!([
        {"key": "read", "text": {"fi": "Lue"}},
        {"key": "read", "text": {"fi": ""}},
        {"key": "Iso Kirjain", "text": {"fi": "Kokeile"}}
    ]);
    body["title"]["fi"] = json!("");
    let (status, problem) = app
        .send("POST", "/api/v1/training/modules", Some(&admin), Some(body))
        .await;
    assert_eq!(status, 422, "{problem}");
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        vec![
            "title.fi",
            "items[1].key",
            "items[1].text.fi",
            "items[2].key"
        ]
    );
    // A session type of another library, or none, is named once the rest is right.
    let (status, problem) = app
        .send(
            "POST",
            "/api/v1/training/modules",
            Some(&admin),
            Some(module(&["5f0c7c0e-1d2b-4c43-9a57-0b3c1e0b9a11"], true)),
        )
        .await;
    assert_eq!(
        (status, problem["errors"][0]["field"].as_str()),
        (422, Some("service_ids[0]"))
    );
    // In Swedish when asked.
    let r = app
        .client
        .post(app.url("/api/v1/training/modules"))
        .bearer_auth(&admin)
        .header("Accept-Language", "sv")
        .json(
            &json!({"library": "kalajoki", "title": {"fi": "x"}, "body": {"fi": "x"}, "items": []}),
        )
        .send()
        .await
        .unwrap();
    let (status, problem) = etakirjasto_e2e::status_json(r).await;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["field"], "items");
    assert_eq!(problem["errors"][0]["message"], "Uppgiften saknas.");
    // Staff who are not admins do not write modules.
    let (status, _) = app
        .send(
            "POST",
            "/api/v1/training/modules",
            Some(&liisa),
            Some(module(&[], false)),
        )
        .await;
    assert_eq!(status, 403);
    let after = etakirjasto_e2e::query_strings(
        &app.database_url,
        "SELECT id AS value FROM training_modules",
    );
    assert_eq!(before, after, "nothing was written");

    // An item that is not the module's, a colleague who is not staff, a past practice.
    let created = create_module(&app, &admin, module(&[], true)).await;
    let m = created["id"].as_str().unwrap();
    let (status, problem) = tick(&app, &liisa, m, "nope", true).await;
    assert_eq!(
        (status, problem["errors"][0]["field"].as_str()),
        (422, Some("item"))
    );
    let (_, patron_me) = app
        .get(
            "/api/v1/me",
            Some(&app.token_for(demo::PATRON.0, demo::PATRON.1).await),
        )
        .await;
    let (status, problem) = app
        .send(
            "POST",
            &format!("/api/v1/training/modules/{m}/practices"),
            Some(&liisa),
            Some(json!({"colleague_id": patron_me["id"], "starts_at": (Utc::now() - Duration::days(2)).to_rfc3339()})),
        )
        .await;
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!((status, fields), (422, vec!["colleague_id", "starts_at"]));
    let practices = etakirjasto_e2e::query_strings(
        &app.database_url,
        &format!("SELECT id AS value FROM training_practices WHERE module_id = '{m}'"),
    );
    assert!(practices.is_empty());
}

async fn demo_training(app: TestApp) {
    let liisa = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let (status, modules) = app
        .get("/api/v1/training/modules?library=kalajoki", Some(&liisa))
        .await;
    assert_eq!(status, 200);
    let titles: Vec<&str> = modules
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["title"]["en"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        vec![
            "Running a video session",
            "Reading guidance by phone",
            "Accessible communication",
            "Home-service privacy"
        ]
    );
    for m in modules.as_array().unwrap() {
        for lang in ["fi", "sv", "en"] {
            assert!(!m["title"][lang].as_str().unwrap().is_empty());
            assert!(m["body_html"][lang].as_str().unwrap().contains("<"));
        }
        assert_eq!(m["progress"]["complete"], true, "Liisa has done them all");
    }
    // Every demo session type needs training, and its three staff are signed off: the demo's
    // bookable times are unchanged.
    let admin = app.token_for(demo::ADMIN.0, demo::ADMIN.1).await;
    let (_, matrix) = app
        .get("/api/v1/training/matrix?library=kalajoki", Some(&admin))
        .await;
    assert_eq!(matrix["people"].as_array().unwrap().len(), 3);
    for r in matrix["readiness"].as_array().unwrap() {
        assert_eq!(
            (&r["competent"], &r["offered"]),
            (&json!(3), &json!(3)),
            "{r}"
        );
        let (before, after) = (
            r["confidence_before"].as_f64().expect("a mean before"),
            r["confidence_after"].as_f64().expect("a mean after"),
        );
        assert!(after > before, "{r}");
    }
    for s in matrix["services"].as_array().unwrap() {
        assert!(!s["module_ids"].as_array().unwrap().is_empty());
    }
    let pekka = &matrix["people"][2];
    assert_eq!(pekka["staff"]["name"], "Pekka Informaatikko");
    assert_eq!(
        (&pekka["modules_done"], &pekka["modules_total"]),
        (&json!(3), &json!(4))
    );
}

//! Care-home programmes over HTTP on both databases: a unit books an offered time, staff confirm or
//! propose another, the link shows only once agreed, one time goes to one unit even when many ask
//! at once, and only the unit's contact and the library's staff see a booking.

use chrono::{Duration, Utc};
use etakirjasto_e2e::{TestApp, demo, on_both_databases, query_strings, status_json};
use serde_json::{Value, json};

on_both_databases! {
    a_unit_books_staff_confirm_or_propose_and_record_how_it_went => life_of_a_booking;
    many_units_asking_for_one_time_at_once_get_one_booking => race;
    offers_and_organisations_are_checked_and_kept_to_their_library => staff_setup;
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

/// The demo offers, as the public sees them.
async fn offers(app: &TestApp) -> Vec<Value> {
    let (status, page) = app
        .get("/api/v1/programme-offers?library=kalajoki", None)
        .await;
    assert_eq!(status, 200, "{page}");
    page["items"].as_array().unwrap().clone()
}

fn request(time_id: &Value, organisation_id: &Value, residents: u32) -> Value {
    json!({
        "time_id": time_id, "organisation_id": organisation_id, "residents": residents,
        "equipment": "Iso televisio, webkamera ja kaiutinpuhelin",
        "onsite_contact_name": "Sari Lähihoitaja", "onsite_contact_phone": "0401112223",
        "wishes": "1950-luvun lauluja"
    })
}

async fn life_of_a_booking(app: TestApp) {
    let contact = app
        .token_for(demo::CARE_HOME_CONTACT.0, demo::CARE_HOME_CONTACT.1)
        .await;
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let patron = app.token_for(demo::PATRON.0, demo::PATRON.1).await;

    // The demo has two published offers with coming times, and the contact acts for one unit.
    let list = offers(&app).await;
    assert_eq!(list.len(), 2, "{list:?}");
    let offer = &list[0];
    assert_eq!(offer["title"]["en"], "Reminiscence session");
    let times = offer["times"].as_array().unwrap();
    assert!(times.len() >= 3, "{offer}");
    assert!(times.iter().all(|t| t["available"] == true));
    let (status, mine) = app.get("/api/v1/me/organisations", Some(&contact)).await;
    assert_eq!(status, 200);
    assert_eq!(mine[0]["name"], "Palvelukoti Kotirinne");
    let org = mine[0]["id"].clone();
    let (_, none) = app.get("/api/v1/me/organisations", Some(&patron)).await;
    assert_eq!(none, json!([]), "a patron acts for no organisation");

    // A group larger than the programme suits is refused by name; nothing is written.
    let (status, problem) = send(
        &app,
        "POST",
        "/api/v1/programme-bookings",
        Some(&contact),
        Some(request(&times[0]["id"], &org, 13)),
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "residents");
    // A patron cannot book for an organisation they do not act for.
    let (status, problem) = send(
        &app,
        "POST",
        "/api/v1/programme-bookings",
        Some(&patron),
        Some(request(&times[0]["id"], &org, 8)),
    )
    .await;
    assert_eq!(
        (status, problem["errors"][0]["field"].as_str()),
        (422, Some("organisation_id"))
    );

    // The unit asks for the first time: requested, no link yet, the time no longer free.
    let (status, booking) = send(
        &app,
        "POST",
        "/api/v1/programme-bookings",
        Some(&contact),
        Some(request(&times[0]["id"], &org, 8)),
    )
    .await;
    assert_eq!(status, 201, "{booking}");
    assert_eq!(booking["status"], "requested");
    assert_eq!(booking["residents"], 8);
    assert!(booking.get("meeting_url").is_none(), "{booking}");
    let id = booking["id"].as_str().unwrap().to_owned();
    let list = offers(&app).await;
    assert_eq!(list[0]["times"][0]["available"], false);
    let (status, _) = send(
        &app,
        "POST",
        "/api/v1/programme-bookings",
        Some(&contact),
        Some(request(&times[0]["id"], &org, 5)),
    )
    .await;
    assert_eq!(status, 409, "one time, one booking");

    // Only the unit's contact and the library's staff see it; staff views are audit-logged.
    let (status, _) = app
        .get(&format!("/api/v1/programme-bookings/{id}"), Some(&patron))
        .await;
    assert_eq!(status, 404);
    let (_, patrons_list) = app.get("/api/v1/programme-bookings", Some(&patron)).await;
    assert_eq!(patrons_list["items"], json!([]));
    let (status, seen) = app
        .get(&format!("/api/v1/programme-bookings/{id}"), Some(&staff))
        .await;
    assert_eq!(status, 200);
    assert_eq!(seen["onsite_contact_phone"], "0401112223");
    let logged = query_strings(
        &app.database_url,
        &format!(
            "SELECT action AS value FROM audit_log WHERE record_id = '{id}' AND action = 'programme_booking.viewed'"
        ),
    );
    assert!(!logged.is_empty(), "the staff view is logged");

    // Patrons and the unit cannot confirm; staff confirm and both see the link.
    let confirm = format!("/api/v1/programme-bookings/{id}/confirm");
    let (status, _) = send(&app, "POST", &confirm, Some(&contact), Some(json!({}))).await;
    assert_eq!(status, 403);
    let (status, confirmed) = send(
        &app,
        "POST",
        &confirm,
        Some(&staff),
        Some(json!({"message": "Tervetuloa! Soitamme viisi minuuttia ennen."})),
    )
    .await;
    assert_eq!(status, 200, "{confirmed}");
    assert_eq!(confirmed["status"], "confirmed");
    let link = confirmed["meeting_url"].as_str().unwrap().to_owned();
    assert!(link.starts_with("https://"), "{link}");
    let (_, as_unit) = app
        .get(&format!("/api/v1/programme-bookings/{id}"), Some(&contact))
        .await;
    assert_eq!(as_unit["meeting_url"], link.as_str());
    assert_eq!(
        as_unit["message"],
        "Tervetuloa! Soitamme viisi minuuttia ennen."
    );
    let (status, _) = send(&app, "POST", &confirm, Some(&staff), Some(json!({}))).await;
    assert_eq!(status, 409, "confirmed once");
    let (_, public) = app.get("/api/v1/programme-offers", None).await;
    assert!(
        !public.to_string().contains(&link),
        "links never in the listing"
    );

    // Another time: staff propose a different one, the requested time is freed, the unit accepts.
    let (status, second) = send(
        &app,
        "POST",
        "/api/v1/programme-bookings",
        Some(&contact),
        Some(request(&times[1]["id"], &org, 6)),
    )
    .await;
    assert_eq!(status, 201, "{second}");
    let second_id = second["id"].as_str().unwrap().to_owned();
    // A time another unit holds cannot be proposed; a free one can, and the proposal holds it.
    let propose = format!("/api/v1/programme-bookings/{second_id}/propose");
    let (status, problem) = send(
        &app,
        "POST",
        &propose,
        Some(&staff),
        Some(json!({"time_id": times[0]["id"]})),
    )
    .await;
    assert_eq!(
        (status, problem["code"].as_str()),
        (409, Some("slot_taken"))
    );
    let (status, proposed) = send(
        &app,
        "POST",
        &propose,
        Some(&staff),
        Some(json!({"time_id": times[2]["id"], "message": "Tiistai on täynnä."})),
    )
    .await;
    assert_eq!(status, 200, "{proposed}");
    assert_eq!(proposed["status"], "proposed");
    assert!(proposed.get("meeting_url").is_none());
    let list = offers(&app).await;
    assert_eq!(
        (
            &list[0]["times"][1]["available"],
            &list[0]["times"][2]["available"]
        ),
        (&json!(true), &json!(false)),
        "the requested time is free again and the proposed one held"
    );
    let (status, accepted) = send(
        &app,
        "POST",
        &format!("/api/v1/programme-bookings/{second_id}/accept"),
        Some(&contact),
        None,
    )
    .await;
    assert_eq!(status, 200, "{accepted}");
    assert_eq!(accepted["status"], "confirmed");
    let start = chrono::DateTime::parse_from_rfc3339(accepted["start"].as_str().unwrap()).unwrap();
    let end = chrono::DateTime::parse_from_rfc3339(accepted["end"].as_str().unwrap()).unwrap();
    assert_eq!(
        start,
        chrono::DateTime::parse_from_rfc3339(times[2]["start"].as_str().unwrap()).unwrap()
    );
    assert_eq!(end - start, Duration::minutes(45), "it keeps its length");
    assert!(accepted["meeting_url"].as_str().is_some());

    // The unit cancels the second; cancelling again is refused.
    let cancel = format!("/api/v1/programme-bookings/{second_id}/cancel");
    let (status, cancelled) = send(&app, "POST", &cancel, Some(&contact), None).await;
    assert_eq!(
        (status, cancelled["status"].as_str()),
        (200, Some("cancelled"))
    );
    let (status, problem) = send(&app, "POST", &cancel, Some(&contact), None).await;
    assert_eq!(
        (status, problem["code"].as_str()),
        (409, Some("booking_locked"))
    );

    // How it went: not before the start; once it has begun (moved into the past here), yes.
    let outcome = format!("/api/v1/programme-bookings/{id}/outcome");
    let body = json!({"participants": 7, "feedback": "Vanhat valokuvat ilahduttivat."});
    let (status, _) = send(&app, "PUT", &outcome, Some(&staff), Some(body.clone())).await;
    assert_eq!(status, 409, "not started yet");
    let moved = query_strings(
        &app.database_url,
        &format!(
            "UPDATE programme_bookings SET starts_at = '2026-01-13 11:00:00', ends_at = '2026-01-13 11:45:00' WHERE id = '{id}' RETURNING id AS value"
        ),
    );
    assert_eq!(moved, [id.as_str()]);
    let (status, _) = send(&app, "PUT", &outcome, Some(&contact), Some(body.clone())).await;
    assert_eq!(status, 403, "the unit does not record it");
    let (status, held) = send(&app, "PUT", &outcome, Some(&staff), Some(body)).await;
    assert_eq!(status, 200, "{held}");
    assert_eq!(
        (held["status"].as_str(), held["participants"].as_u64()),
        (Some("held"), Some(7))
    );
    assert_eq!(held["feedback"], "Vanhat valokuvat ilahduttivat.");

    // The unit's list, soonest first, with what happened to each.
    let (_, list) = app.get("/api/v1/programme-bookings", Some(&contact)).await;
    let statuses: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["held", "cancelled"]);
}

async fn race(app: TestApp) {
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let contact = app
        .token_for(demo::CARE_HOME_CONTACT.0, demo::CARE_HOME_CONTACT.1)
        .await;
    // Eight units with the same contact person, all asking for one time at once.
    let mut orgs = Vec::new();
    for i in 0..8 {
        let (status, org) = send(
            &app,
            "POST",
            "/api/v1/organisations",
            Some(&staff),
            Some(json!({"library": "kalajoki", "name": format!("Hoivakoti {i}"), "kind": "care_home", "contact_email": demo::CARE_HOME_CONTACT.0})),
        )
        .await;
        assert_eq!(status, 201, "{org}");
        orgs.push(org["id"].clone());
    }
    let time = offers(&app).await[1]["times"][0]["id"].clone();
    let attempts = orgs.iter().map(|org| {
        let (client, url, token, body) = (
            app.client.clone(),
            app.url("/api/v1/programme-bookings"),
            contact.clone(),
            request(&time, org, 10),
        );
        async move {
            status_json(
                client
                    .post(url)
                    .bearer_auth(token)
                    .json(&body)
                    .send()
                    .await
                    .unwrap(),
            )
            .await
        }
    });
    let results = futures_util::future::join_all(attempts).await;
    let created = results.iter().filter(|(s, _)| *s == 201).count();
    let taken = results
        .iter()
        .filter(|(s, p)| *s == 409 && p["code"] == "slot_taken")
        .count();
    assert_eq!((created, taken), (1, 7), "{results:?}");
    let stored = query_strings(
        &app.database_url,
        &format!(
            "SELECT CAST(COUNT(*) AS TEXT) AS value FROM programme_bookings WHERE time_id = '{}'",
            time.as_str().unwrap()
        ),
    );
    assert_eq!(stored, ["1"]);

    // The contact person deletes their account: the units and the booking stay, without a contact
    // until staff name a new one.
    let (status, _) = send(
        &app,
        "POST",
        "/api/v1/me/delete",
        Some(&contact),
        Some(json!({"password": demo::CARE_HOME_CONTACT.1})),
    )
    .await;
    assert_eq!(status, 204);
    let (status, org) = app
        .get(
            &format!("/api/v1/organisations/{}", orgs[0].as_str().unwrap()),
            Some(&staff),
        )
        .await;
    assert_eq!(status, 200, "{org}");
    assert!(org.get("contact").is_none(), "{org}");
    let (_, bookings) = app
        .get("/api/v1/programme-bookings?library=kalajoki", Some(&staff))
        .await;
    assert_eq!(bookings["items"].as_array().unwrap().len(), 1);
}

async fn staff_setup(app: TestApp) {
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let patron = app.token_for(demo::PATRON.0, demo::PATRON.1).await;
    let soon = |days: i64| {
        use chrono::DurationRound;
        (Utc::now() + Duration::days(days))
            .duration_trunc(Duration::minutes(1))
            .unwrap()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    };
    let input = |times: Vec<String>| {
        json!({
            "library": "kalajoki",
            "title": {"fi": "Musiikkimuistot", "sv": "Musikminnen", "en": "Music memories"},
            "description": {"fi": "Kuuntelemme ja laulamme tuttuja lauluja."},
            "duration_minutes": 45, "published": false, "times": times
        })
    };
    // Past and repeated times are named; patrons cannot publish.
    let past = (Utc::now() - Duration::days(1)).to_rfc3339();
    let (status, problem) = send(
        &app,
        "POST",
        "/api/v1/programme-offers",
        Some(&staff),
        Some(input(vec![soon(3), past, soon(3).replace('Z', "+00:00")])),
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["times[1]", "times[2]"]);
    let (status, _) = send(
        &app,
        "POST",
        "/api/v1/programme-offers",
        Some(&patron),
        Some(input(vec![soon(3)])),
    )
    .await;
    assert_eq!(status, 403);

    // An unpublished offer is seen by staff only.
    let (status, offer) = send(
        &app,
        "POST",
        "/api/v1/programme-offers",
        Some(&staff),
        Some(input(vec![soon(3), soon(4)])),
    )
    .await;
    assert_eq!(status, 201, "{offer}");
    let id = offer["id"].as_str().unwrap().to_owned();
    assert_eq!(offer["times"].as_array().unwrap().len(), 2);
    let (status, _) = app
        .get(&format!("/api/v1/programme-offers/{id}"), None)
        .await;
    assert_eq!(status, 404);
    assert_eq!(
        offers(&app).await.len(),
        2,
        "the public sees the demo's two"
    );
    let (status, _) = app
        .get(&format!("/api/v1/programme-offers/{id}"), Some(&staff))
        .await;
    assert_eq!(status, 200);

    // The times become exactly what staff give: one removed, one added, one kept.
    let kept = offer["times"][1]["start"].as_str().unwrap().to_owned();
    let mut changed = input(vec![kept.clone(), soon(5)]);
    changed["published"] = json!(true);
    let (status, offer) = send(
        &app,
        "PUT",
        &format!("/api/v1/programme-offers/{id}"),
        Some(&staff),
        Some(changed.clone()),
    )
    .await;
    assert_eq!(status, 200, "{offer}");
    let times = offer["times"].as_array().unwrap();
    assert_eq!(times.len(), 2);
    assert_eq!(times[0]["start"], kept.as_str());
    assert_eq!(offers(&app).await.len(), 3, "published now");

    // A time a unit asked for cannot be left out.
    let contact = app
        .token_for(demo::CARE_HOME_CONTACT.0, demo::CARE_HOME_CONTACT.1)
        .await;
    let (_, mine) = app.get("/api/v1/me/organisations", Some(&contact)).await;
    let (status, _) = send(
        &app,
        "POST",
        "/api/v1/programme-bookings",
        Some(&contact),
        Some(request(&times[0]["id"], &mine[0]["id"], 4)),
    )
    .await;
    assert_eq!(status, 201);
    changed["times"] = json!([soon(5)]);
    let (status, problem) = send(
        &app,
        "PUT",
        &format!("/api/v1/programme-offers/{id}"),
        Some(&staff),
        Some(changed),
    )
    .await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("conflict")));
    let (_, offer) = app
        .get(&format!("/api/v1/programme-offers/{id}"), Some(&staff))
        .await;
    assert_eq!(
        offer["times"].as_array().unwrap().len(),
        2,
        "nothing changed"
    );

    // Organisations: the contact must have an account; an organisation stays with its library.
    let org = |email: &str| json!({"library": "kalajoki", "name": "Päiväkeskus Aalto", "kind": "day_centre", "phone": "0401230000", "contact_email": email});
    let (status, problem) = send(
        &app,
        "POST",
        "/api/v1/organisations",
        Some(&staff),
        Some(org("nobody@example.fi")),
    )
    .await;
    assert_eq!(
        (status, problem["errors"][0]["field"].as_str()),
        (422, Some("contact_email"))
    );
    let (status, created) = send(
        &app,
        "POST",
        "/api/v1/organisations",
        Some(&staff),
        Some(org(demo::PATRON.0)),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["contact"]["name"], "Maija Meikäläinen");
    let org_id = created["id"].as_str().unwrap().to_owned();
    let (status, _) = app
        .get(&format!("/api/v1/organisations/{org_id}"), Some(&patron))
        .await;
    assert_eq!(status, 200, "the contact sees their organisation");
    let mut moved = org(demo::CARE_HOME_CONTACT.0);
    moved["library"] = json!("oulu");
    let (status, _) = send(
        &app,
        "PUT",
        &format!("/api/v1/organisations/{org_id}"),
        Some(&staff),
        Some(moved),
    )
    .await;
    assert_eq!(status, 422);
    let (status, changed) = send(
        &app,
        "PUT",
        &format!("/api/v1/organisations/{org_id}"),
        Some(&staff),
        Some(org(demo::CARE_HOME_CONTACT.0)),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(changed["contact"]["name"], "Sari Lähihoitaja");
    let (status, _) = app
        .get(&format!("/api/v1/organisations/{org_id}"), Some(&patron))
        .await;
    assert_eq!(status, 404, "no longer the contact");
    let (status, page) = app
        .get(
            "/api/v1/organisations?library=kalajoki&limit=1",
            Some(&staff),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
    let cursor = page["next_cursor"].as_str().unwrap();
    let (_, next) = app
        .get(
            &format!("/api/v1/organisations?library=kalajoki&limit=1&cursor={cursor}"),
            Some(&staff),
        )
        .await;
    assert_ne!(next["items"][0]["id"], page["items"][0]["id"]);
    let (status, _) = app
        .get("/api/v1/organisations?library=kalajoki", Some(&patron))
        .await;
    assert_eq!(status, 403);
}

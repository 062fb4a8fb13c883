//! The home-delivery service over HTTP on both databases: an application without an account (a
//! relative applying for their mother), the queue of the library's home-service staff, approval
//! making a client, declining with a reason, deciding only once; who may see what; and an audit
//! entry for every read and decision. Then the visits: planned ahead from the client's schedule,
//! moved off a closing day and out of a pause, an item chosen, delivered and warned about when chosen
//! again, the day's round by postcode and street, and the month's figures.

use etakirjasto_e2e::{TestApp, demo, on_both_databases, query_strings};
use serde_json::{Value, json};

on_both_databases! {
    a_relatives_application_is_reviewed_and_approved_into_a_client => approve;
    only_the_librarys_home_service_staff_see_applications => who_sees;
    bad_applications_name_every_field_and_store_nothing => bad_input;
    a_clients_profile_is_paused_and_given_a_chooser_with_the_role => client_profile;
    visits_are_planned_around_closing_days_and_pauses_and_items_delivered_once => visits;
    a_volunteer_sees_only_their_own_round_and_records_how_it_went => volunteer;
    a_client_is_exported_and_erased_and_the_ended_are_erased_after_retention => privacy;
    the_contact_person_and_the_deliverer_hear_of_tomorrows_visit_once => tomorrow;
}

fn application(name: &str) -> Value {
    json!({
        "library": "kalajoki", "relation": "relative",
        "applicant_name": "Pekka Virtanen", "applicant_phone": "040 123 4567",
        "name": name, "street_address": "Rantatie 5 B 12", "postal_code": "85100", "city": "Kalajoki",
        "phone": "0407654321", "reasons": ["age", "disability"], "formats": ["large_print", "audiobook"],
        "interests": "Paikallishistoria, Kalle Päätalo", "avoid": "Kauhu", "frequency": "every_two_weeks",
        "days": ["tuesday"], "day_part": "morning", "visit_notes": "Soita ovikelloa kahdesti.",
        "language": "sv", "consent": true
    })
}

async fn apply(app: &TestApp, body: &Value) -> (u16, Value) {
    app.send(
        "POST",
        "/api/v1/home-service/applications",
        None,
        Some(body.clone()),
    )
    .await
}

fn audit_count(app: &TestApp, action: &str, record: &str) -> usize {
    query_strings(
        &app.database_url,
        &format!(
            "SELECT actor_user_id AS value FROM audit_log WHERE action = '{action}' AND record_id = '{record}'"
        ),
    )
    .len()
}

async fn approve(app: TestApp) {
    let (status, receipt) = apply(&app, &application("Aino Virtanen")).await;
    assert_eq!(status, 201, "{receipt}");
    assert_eq!(receipt["status"], "submitted");
    assert!(
        receipt.get("name").is_none(),
        "the answer echoes no personal data: {receipt}"
    );
    let id = receipt["id"].as_str().unwrap().to_owned();

    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let (status, queue) = app
        .get(
            "/api/v1/home-service/applications?library=kalajoki&status=submitted",
            Some(&staff),
        )
        .await;
    assert_eq!(status, 200, "{queue}");
    let item = &queue["items"][0];
    assert_eq!(item["id"], id.as_str());
    assert_eq!(item["name"], "Aino Virtanen");
    assert_eq!(item["phone"], "+358407654321");
    assert_eq!(item["applicant_phone"], "+358401234567");
    assert_eq!(item["reasons"], json!(["age", "disability"]));
    assert_eq!(item["days"], json!(["tuesday"]));
    assert_eq!(item["language"], "sv");
    assert!(
        item["consent_text"]
            .as_str()
            .unwrap()
            .starts_with("Jag ger lov"),
        "the consent is kept in the words shown: {item}"
    );
    assert_eq!(audit_count(&app, "home_service.application_viewed", &id), 1);

    let (status, one) = app
        .get(
            &format!("/api/v1/home-service/applications/{id}"),
            Some(&staff),
        )
        .await;
    assert_eq!(status, 200, "{one}");
    assert_eq!(audit_count(&app, "home_service.application_viewed", &id), 2);

    let (status, approved) = app
        .send(
            "POST",
            &format!("/api/v1/home-service/applications/{id}/approve"),
            Some(&staff),
            None,
        )
        .await;
    assert_eq!(status, 200, "{approved}");
    assert_eq!(approved["status"], "approved");
    let client = approved["client_id"].as_str().unwrap().to_owned();
    assert_eq!(
        audit_count(&app, "home_service.application_approved", &id),
        1
    );
    // The client holds the application's details, and the relative who applied is the contact.
    let row = query_strings(
        &app.database_url,
        &format!(
            "SELECT name || '|' || phone || '|' || frequency || '|' || contact_name || '|' || contact_phone AS value FROM home_service_clients WHERE id = '{client}'"
        ),
    );
    assert_eq!(
        row,
        ["Aino Virtanen|+358407654321|every_two_weeks|Pekka Virtanen|+358401234567"]
    );

    // The relative who applied is told, in Swedish, by text message (they gave only a phone).
    let told = query_strings(
        &app.database_url,
        &format!(
            "SELECT channel || '|' || phone || '|' || subject AS value FROM messages WHERE subject_id = '{id}' AND kind = 'home_service_approved'"
        ),
    );
    assert_eq!(
        told,
        ["sms|+358401234567|Ansökan om hemservice är beviljad"]
    );

    // Deciding again is refused and changes nothing.
    let (status, again) = app
        .send(
            "POST",
            &format!("/api/v1/home-service/applications/{id}/decline"),
            Some(&staff),
            Some(json!({"reason": "Myöhässä"})),
        )
        .await;
    assert_eq!(status, 409, "{again}");
    let (_, still) = app
        .get(
            &format!("/api/v1/home-service/applications/{id}"),
            Some(&staff),
        )
        .await;
    assert_eq!(still["status"], "approved");
    let clients = query_strings(
        &app.database_url,
        &format!("SELECT id AS value FROM home_service_clients WHERE application_id = '{id}'"),
    );
    assert_eq!(clients.len(), 1);

    // A second application is declined with a reason; the queue is then empty.
    let (_, second) = apply(&app, &application("Veikko Virtanen")).await;
    let second = second["id"].as_str().unwrap().to_owned();
    let (status, empty) = app
        .send(
            "POST",
            &format!("/api/v1/home-service/applications/{second}/decline"),
            Some(&staff),
            Some(json!({"reason": "  "})),
        )
        .await;
    assert_eq!(status, 422, "{empty}");
    assert_eq!(empty["errors"][0]["field"], "reason");
    let (status, declined) = app
        .send(
            "POST",
            &format!("/api/v1/home-service/applications/{second}/decline"),
            Some(&staff),
            Some(json!({"reason": "Osoite on Ylivieskan kirjaston alueella."})),
        )
        .await;
    assert_eq!(status, 200, "{declined}");
    assert_eq!(
        declined["decline_reason"],
        "Osoite on Ylivieskan kirjaston alueella."
    );
    assert!(declined.get("client_id").is_none());
    assert_eq!(
        audit_count(&app, "home_service.application_declined", &second),
        1
    );
    let body = query_strings(
        &app.database_url,
        &format!(
            "SELECT body AS value FROM messages WHERE subject_id = '{second}' AND kind = 'home_service_declined'"
        ),
    );
    assert_eq!(body.len(), 1);
    assert!(
        body[0].contains("Veikko Virtanen") && body[0].contains("Ylivieskan kirjaston alueella"),
        "{body:?}"
    );
    let (_, queue) = app
        .get(
            "/api/v1/home-service/applications?library=kalajoki&status=submitted",
            Some(&staff),
        )
        .await;
    assert_eq!(queue["items"], json!([]));
}

async fn who_sees(app: TestApp) {
    let (_, receipt) = apply(&app, &application("Aino Virtanen")).await;
    let id = receipt["id"].as_str().unwrap().to_owned();
    app.add_other_library();
    let patron = app.token_for(demo::PATRON.0, demo::PATRON.1).await;
    let admin = app.token_for(demo::ADMIN.0, demo::ADMIN.1).await;
    let other = app
        .token_for("henkilokunta@oulu.example", "oulun salasana 1")
        .await;
    let list = "/api/v1/home-service/applications?library=kalajoki";
    let one = format!("/api/v1/home-service/applications/{id}");
    let approve = format!("{one}/approve");
    let clients = "/api/v1/home-service/clients?library=kalajoki";
    for (who, token, list_status, one_status) in [
        ("anonymous", None, 401, 401),
        ("a patron", Some(patron.as_str()), 403, 404),
        // The library's admin is staff but lacks the home-service role.
        ("the admin", Some(admin.as_str()), 403, 403),
        ("another library's staff", Some(other.as_str()), 403, 404),
    ] {
        let (status, body) = app.get(list, token).await;
        assert_eq!(status, list_status, "{who} lists: {body}");
        assert!(body.get("items").is_none(), "{who} gets no data: {body}");
        let (status, body) = app.get(&one, token).await;
        assert_eq!(status, one_status, "{who} reads: {body}");
        assert!(body.get("name").is_none(), "{who} gets no data: {body}");
        let (status, body) = app.send("POST", &approve, token, None).await;
        assert_eq!(status, one_status, "{who} approves: {body}");
        let (status, body) = app.get(clients, token).await;
        assert_eq!(status, list_status, "{who} lists clients: {body}");
        assert!(body.get("items").is_none(), "{who} gets no clients: {body}");
    }
    assert_eq!(
        audit_count(&app, "home_service.application_viewed", &id),
        0,
        "nothing was shown, so nothing is logged as seen"
    );
    let (_, still) = app
        .get(
            &one,
            Some(&app.token_for(demo::STAFF.0, demo::STAFF.1).await),
        )
        .await;
    assert_eq!(still["status"], "submitted");

    // The CLI gives the admin the role; then the admin sees the queue.
    let out = app.cli(
        &[
            "user",
            "home-service",
            "--library",
            "kalajoki",
            "--email",
            demo::ADMIN.0,
        ],
        &[],
    );
    assert!(
        out.status.success() && String::from_utf8_lossy(&out.stdout).contains("home-service role"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let admin = app.token_for(demo::ADMIN.0, demo::ADMIN.1).await;
    let (status, body) = app
        .get(&format!("{list}&status=submitted"), Some(&admin))
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["items"][0]["id"], id.as_str());
}

async fn bad_input(app: TestApp) {
    let mut body = application("Aino Virtanen");
    body["applicant_phone"] = Value::Null;
    body["postal_code"] = json!("851");
    body["reasons"] = json!(["temporary"]);
    body["formats"] = json!([]);
    body["consent"] = json!(false);
    let (status, problem) = apply(&app, &body).await;
    assert_eq!(status, 422, "{problem}");
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "postal_code",
            "applicant_phone",
            "temporary_until",
            "formats",
            "consent"
        ]
    );
    let mut unknown = application("Aino Virtanen");
    unknown["library"] = json!("ei-ole");
    let (status, problem) = apply(&app, &unknown).await;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["field"], "library");
    let mut extra = application("Aino Virtanen");
    extra["diagnosis"] = json!("free-text health details are not accepted");
    let (status, problem) = apply(&app, &extra).await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "diagnosis");
    assert_eq!(problem["errors"][0]["code"], "unknown_field");
    let stored = query_strings(
        &app.database_url,
        "SELECT id AS value FROM home_service_applications WHERE status = 'submitted'",
    );
    assert!(stored.is_empty(), "nothing half-written: {stored:?}");
}

async fn client_profile(app: TestApp) {
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let admin = app.token_for(demo::ADMIN.0, demo::ADMIN.1).await;
    let (_, receipt) = apply(&app, &application("Aino Virtanen")).await;
    let id = receipt["id"].as_str().unwrap();
    let (_, approved) = app
        .send(
            "POST",
            &format!("/api/v1/home-service/applications/{id}/approve"),
            Some(&staff),
            None,
        )
        .await;
    let client_id = approved["client_id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/home-service/clients/{client_id}");

    // Who can be named: the librarians with the role, and the volunteer (a deliverer only).
    let (status, people) = app
        .get("/api/v1/home-service/people?library=kalajoki", Some(&staff))
        .await;
    assert_eq!(status, 200, "{people}");
    let (_, veikko) = app
        .get(
            "/api/v1/me",
            Some(&app.token_for(demo::VOLUNTEER.0, demo::VOLUNTEER.1).await),
        )
        .await;
    let (_, me) = app.get("/api/v1/me", Some(&staff)).await;
    let people = people.as_array().unwrap();
    assert!(
        people
            .iter()
            .any(|p| p["id"] == veikko["id"] && p["volunteer"] == true),
        "{people:?}"
    );
    assert!(
        people
            .iter()
            .any(|p| p["id"] == me["id"] && p["volunteer"] == false),
        "{people:?}"
    );
    let (status, _) = app
        .get("/api/v1/home-service/people?library=kalajoki", Some(&admin))
        .await;
    assert_eq!(status, 403, "the admin lacks the home-service role");

    let (status, list) = app
        .get(
            "/api/v1/home-service/clients?library=kalajoki&status=active",
            Some(&staff),
        )
        .await;
    assert_eq!(status, 200, "{list}");
    assert_eq!(list["items"][0]["id"], client_id.as_str());
    assert_eq!(list["items"][0]["contact_name"], "Pekka Virtanen");
    assert_eq!(
        audit_count(&app, "home_service.client_viewed", &client_id),
        1
    );
    let (status, client) = app.get(&path, Some(&staff)).await;
    assert_eq!(status, 200, "{client}");
    assert_eq!(client["status"], "active");
    assert_eq!(
        audit_count(&app, "home_service.client_viewed", &client_id),
        2
    );

    // The whole profile goes back with a pause; a pause without its last day is named.
    let (_, me) = app.get("/api/v1/me", Some(&staff)).await;
    let (_, admin_me) = app.get("/api/v1/me", Some(&admin)).await;
    let mut profile = json!({
        "status": "paused", "paused_from": "2027-06-01",
        "name": "Aino Virtanen", "street_address": "Rantatie 5 B 12", "postal_code": "85100",
        "city": "Kalajoki", "phone": "0407654321", "reasons": ["age"], "formats": ["large_print"],
        "frequency": "monthly", "days": ["thursday"], "day_part": "afternoon", "language": "fi",
        "contact_name": "Pekka Virtanen", "contact_phone": "0401234567",
        "chooser_id": me["id"], "deliverer_id": admin_me["id"]
    });
    let (status, problem) = app
        .send("PUT", &path, Some(&staff), Some(profile.clone()))
        .await;
    assert_eq!(status, 422, "{problem}");
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["paused_until"]);
    // The admin lacks the home-service role, so cannot be the deliverer.
    profile["paused_until"] = json!("2027-08-15");
    let (status, problem) = app
        .send("PUT", &path, Some(&staff), Some(profile.clone()))
        .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "deliverer_id");
    profile["deliverer_id"] = me["id"].clone();
    let (status, changed) = app.send("PUT", &path, Some(&staff), Some(profile)).await;
    assert_eq!(status, 200, "{changed}");
    assert_eq!(changed["status"], "paused");
    assert_eq!(changed["paused_until"], "2027-08-15");
    assert_eq!(changed["frequency"], "monthly");
    assert_eq!(changed["chooser"]["name"], me["name"]);
    assert_eq!(changed["deliverer"]["id"], me["id"]);
    assert_eq!(
        audit_count(&app, "home_service.client_changed", &client_id),
        1
    );
    let (_, paused) = app
        .get(
            "/api/v1/home-service/clients?library=kalajoki&status=paused",
            Some(&staff),
        )
        .await;
    assert_eq!(paused["items"][0]["id"], client_id.as_str());
    // Outside the library the client does not exist.
    app.add_other_library();
    let other = app
        .token_for("henkilokunta@oulu.example", "oulun salasana 1")
        .await;
    let (status, body) = app.get(&path, Some(&other)).await;
    assert_eq!(status, 404, "{body}");
}

/// An approved client; returns the id.
async fn new_client(app: &TestApp, staff: &str, name: &str, street: &str) -> String {
    let mut body = application(name);
    body["street_address"] = json!(street);
    let (status, receipt) = apply(app, &body).await;
    assert_eq!(status, 201, "{receipt}");
    let id = receipt["id"].as_str().unwrap();
    let (status, approved) = app
        .send(
            "POST",
            &format!("/api/v1/home-service/applications/{id}/approve"),
            Some(staff),
            None,
        )
        .await;
    assert_eq!(status, 200, "{approved}");
    approved["client_id"].as_str().unwrap().to_owned()
}

fn day(v: &Value) -> chrono::NaiveDate {
    v["day"].as_str().unwrap().parse().unwrap()
}

async fn visits(app: TestApp) {
    use chrono::{Datelike, Days, Weekday};
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let admin = app.token_for(demo::ADMIN.0, demo::ADMIN.1).await;
    let (_, me) = app.get("/api/v1/me", Some(&staff)).await;
    let today = chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Helsinki)
        .date_naive();
    let month = format!("{:04}-{:02}", today.year(), today.month());
    let figures_path =
        format!("/api/v1/home-service/figures?library=kalajoki&from={month}&to={month}");
    let (status, figures_before) = app.get(&figures_path, Some(&staff)).await;
    assert_eq!(status, 200, "{figures_before}");
    let aino = new_client(&app, &staff, "Aino Virtanen", "Rantatie 5 B 12").await;
    let list_path = format!("/api/v1/home-service/clients/{aino}/visits");
    let planned = |list: &Value| -> Vec<Value> {
        list.as_array()
            .unwrap()
            .iter()
            .filter(|v| v["status"] == "planned" && day(v) > today)
            .cloned()
            .collect()
    };

    // Weekly, on Tuesday or Thursday: one visit a week, on Tuesday once the first week is past.
    let mut profile = json!({
        "status": "active", "name": "Aino Virtanen", "street_address": "Rantatie 5 B 12",
        "postal_code": "85100", "city": "Kalajoki", "phone": "0407654321", "reasons": ["age"],
        "formats": ["large_print"], "frequency": "weekly", "days": ["tuesday", "thursday"],
        "day_part": "morning", "visit_notes": "Soita ovikelloa kahdesti.", "language": "fi",
        "deliverer_id": me["id"]
    });
    let client_path = format!("/api/v1/home-service/clients/{aino}");
    let (status, body) = app
        .send("PUT", &client_path, Some(&staff), Some(profile.clone()))
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, list) = app.get(&list_path, Some(&staff)).await;
    assert_eq!(status, 200, "{list}");
    let before = planned(&list);
    assert!(before.len() >= 7, "eight weeks ahead: {list}");
    assert!(day(&before[0]) > today && (day(&before[0]) - today).num_days() <= 9);
    for pair in before.windows(2) {
        assert_ne!(day(&pair[0]).iso_week(), day(&pair[1]).iso_week());
    }
    for v in &before[1..] {
        assert_eq!(day(v).weekday(), Weekday::Tue, "{v}");
        assert_eq!(v["planned_by"], "schedule");
        assert_eq!(v["deliverer"]["id"], me["id"]);
    }
    for pair in before[1..].windows(2) {
        assert_eq!((day(&pair[1]) - day(&pair[0])).num_days(), 7);
    }

    // A closing day on the second visit's Tuesday moves it to that Thursday; the rest keep their ids.
    let closed = day(&before[1]);
    let (status, body) = app
        .send(
            "POST",
            "/api/v1/libraries/kalajoki/closures",
            Some(&admin),
            Some(json!({"date": closed.to_string(), "reason": "Koulutuspäivä"})),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (_, list) = app.get(&list_path, Some(&staff)).await;
    let after = planned(&list);
    assert!(after.iter().all(|v| day(v) != closed), "{list}");
    assert_eq!(day(&after[1]), closed + Days::new(2));
    assert_eq!(after[0]["id"], before[0]["id"]);
    assert_eq!(after[2]["id"], before[2]["id"]);

    // A pause over the third and fourth visits: nothing in it, and the visits go on after it.
    let (from, until) = (day(&after[2]), day(&after[3]));
    profile["status"] = json!("paused");
    profile["paused_from"] = json!(from.to_string());
    profile["paused_until"] = json!(until.to_string());
    let (status, body) = app
        .send("PUT", &client_path, Some(&staff), Some(profile.clone()))
        .await;
    assert_eq!(status, 200, "{body}");
    let (_, list) = app.get(&list_path, Some(&staff)).await;
    let paused = planned(&list);
    assert!(
        paused.iter().all(|v| day(v) < from || day(v) > until),
        "{list}"
    );
    // The pause ends on a Tuesday: that week's Thursday is free.
    assert_eq!(day(&paused[2]), until + Days::new(2));
    // Staff cannot put a visit into the pause either: it would only be called off.
    let (status, problem) = app
        .send(
            "POST",
            &list_path,
            Some(&staff),
            Some(json!({"day": from.to_string()})),
        )
        .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "day");

    // Staff add a visit today; an item is chosen for it and delivered.
    let (status, today_visit) = app
        .send(
            "POST",
            &list_path,
            Some(&staff),
            Some(json!({"day": today.to_string(), "note": "Ylimääräinen käynti"})),
        )
        .await;
    assert_eq!(status, 201, "{today_visit}");
    assert_eq!(today_visit["planned_by"], "staff");
    let visit_id = today_visit["id"].as_str().unwrap().to_owned();
    let (status, chosen) = app
        .send(
            "POST",
            &format!("/api/v1/home-service/visits/{visit_id}/items"),
            Some(&staff),
            Some(json!({
                "title": "Tuntematon sotilas", "author": "Väinö Linna", "format": "large_print",
                "identifier": "978-951-0-39695-8"
            })),
        )
        .await;
    assert_eq!(status, 201, "{chosen}");
    assert_eq!(chosen["items"][0]["identifier"], "9789510396958");
    let (status, delivered) = app
        .send(
            "PUT",
            &format!("/api/v1/home-service/visits/{visit_id}"),
            Some(&staff),
            Some(json!({
                "day": today.to_string(), "status": "delivered", "deliverer_id": me["id"],
                "feedback": "Piti kovasti."
            })),
        )
        .await;
    assert_eq!(status, 200, "{delivered}");
    assert_eq!(delivered["status"], "delivered");
    assert_eq!(delivered["feedback"], "Piti kovasti.");

    // Choosing the same book again (other case and spacing, other format) is warned about.
    // Today's visit took this week's place: the next one is next week.
    let (_, list) = app.get(&list_path, Some(&staff)).await;
    let coming = planned(&list);
    assert!(coming[0]["id"] != paused[0]["id"] || day(&paused[0]).iso_week() != today.iso_week());
    assert_ne!(day(&coming[0]).iso_week(), today.iso_week(), "{list}");
    let next = coming[0]["id"].as_str().unwrap().to_owned();
    let next_day = day(&coming[0]);
    let items = format!("/api/v1/home-service/visits/{next}/items");
    let again =
        json!({"title": "tuntematon  SOTILAS", "author": "Väinö Linna", "format": "audiobook"});
    let (status, problem) = app
        .send("POST", &items, Some(&staff), Some(again.clone()))
        .await;
    assert_eq!(status, 409, "{problem}");
    assert_eq!(problem["code"], "already_delivered");
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains(&today.to_string()),
        "{problem}"
    );
    let mut anyway = again.clone();
    anyway["allow_repeat"] = json!(true);
    let (status, chosen) = app.send("POST", &items, Some(&staff), Some(anyway)).await;
    assert_eq!(status, 201, "{chosen}");
    assert_eq!(chosen["planned_by"], "staff");
    // A coming visit cannot be delivered yet.
    let (status, problem) = app
        .send(
            "PUT",
            &format!("/api/v1/home-service/visits/{next}"),
            Some(&staff),
            Some(json!({"day": next_day.to_string(), "status": "delivered"})),
        )
        .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "status");

    // A pause over that visit calls it off, its books kept; when the pause is lifted it comes back.
    profile["paused_from"] = json!(next_day.to_string());
    profile["paused_until"] = json!((next_day + Days::new(1)).to_string());
    let (status, body) = app
        .send("PUT", &client_path, Some(&staff), Some(profile.clone()))
        .await;
    assert_eq!(status, 200, "{body}");
    let (_, list) = app.get(&list_path, Some(&staff)).await;
    let called_off = list
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["id"] == next.as_str())
        .unwrap();
    assert_eq!(called_off["status"], "cancelled", "{list}");
    assert_eq!(called_off["items"][0]["format"], "audiobook");
    profile["status"] = json!("active");
    profile.as_object_mut().unwrap().remove("paused_from");
    profile.as_object_mut().unwrap().remove("paused_until");
    let (status, body) = app
        .send("PUT", &client_path, Some(&staff), Some(profile.clone()))
        .await;
    assert_eq!(status, 200, "{body}");
    let (_, list) = app.get(&list_path, Some(&staff)).await;
    let back = list
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["id"] == next.as_str())
        .unwrap();
    assert_eq!(back["status"], "planned", "{list}");
    assert_eq!(back["items"].as_array().unwrap().len(), 1);

    // The round: a second client on Asematie comes before Rantatie on the same postcode.
    let bertta = new_client(&app, &staff, "Bertta Aho", "Asematie 2").await;
    let (status, body) = app
        .send(
            "POST",
            &format!("/api/v1/home-service/clients/{bertta}/visits"),
            Some(&staff),
            Some(json!({"day": today.to_string(), "deliverer_id": me["id"]})),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let viewed = audit_count(&app, "home_service.visits_viewed", &aino);
    let (status, round) = app
        .get(
            &format!("/api/v1/home-service/rounds?date={today}&library=kalajoki"),
            Some(&staff),
        )
        .await;
    assert_eq!(status, 200, "{round}");
    let names: Vec<&str> = round["stops"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Bertta Aho", "Aino Virtanen"]);
    let stop = &round["stops"][1];
    assert_eq!(stop["phone"], "+358407654321");
    assert_eq!(stop["visit_notes"], "Soita ovikelloa kahdesti.");
    assert_eq!(stop["items"][0]["title"], "Tuntematon sotilas");
    assert_eq!(
        audit_count(&app, "home_service.visits_viewed", &aino),
        viewed + 1
    );
    // On the next visit's round, the book is to be collected.
    let (status, round) = app
        .get(
            &format!(
                "/api/v1/home-service/rounds?date={next_day}&deliverer={}",
                me["id"].as_str().unwrap()
            ),
            Some(&staff),
        )
        .await;
    assert_eq!(status, 200, "{round}");
    let stop = round["stops"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["client_id"] == aino.as_str())
        .expect("Aino's next visit is on the round");
    assert_eq!(stop["to_collect"][0]["title"], "Tuntematon sotilas");
    assert_eq!(stop["items"][0]["format"], "audiobook");

    // The month in numbers: what this test added to the demo data's.
    let (status, figures) = app.get(&figures_path, Some(&staff)).await;
    assert_eq!(status, 200, "{figures}");
    let added = |field: &str| {
        figures["months"][0][field].as_i64().unwrap()
            - figures_before["months"][0][field].as_i64().unwrap()
    };
    assert_eq!(figures["months"][0]["month"], month.as_str());
    assert_eq!(
        [
            added("new_clients"),
            added("clients_visited"),
            added("visits_delivered"),
            added("visits_missed"),
            added("items_delivered")
        ],
        [2, 1, 1, 0, 1],
        "{figures_before} -> {figures}"
    );
    // Every change is in the audit log: the visit added, two items chosen, the delivery.
    assert_eq!(audit_count(&app, "home_service.visit_changed", &aino), 4);

    // A new deliverer takes over the coming visits, the one with books chosen too.
    let veikko = app.token_for(demo::VOLUNTEER.0, demo::VOLUNTEER.1).await;
    let (_, volunteer) = app.get("/api/v1/me", Some(&veikko)).await;
    profile["deliverer_id"] = volunteer["id"].clone();
    let (status, body) = app
        .send("PUT", &client_path, Some(&staff), Some(profile.clone()))
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["deliverer"]["name"], "Veikko Vapaaehtoinen");
    let (_, list) = app.get(&list_path, Some(&staff)).await;
    for v in planned(&list) {
        assert_eq!(v["deliverer"]["id"], volunteer["id"], "{v}");
    }

    // Without the role, or outside the library, nothing.
    let (status, body) = app
        .get(
            &format!("/api/v1/home-service/rounds?date={today}&library=kalajoki"),
            Some(&admin),
        )
        .await;
    assert_eq!(status, 403, "{body}");
    assert!(!body.to_string().contains("Aino"));
    app.add_other_library();
    let other = app
        .token_for("henkilokunta@oulu.example", "oulun salasana 1")
        .await;
    let (status, body) = app.get(&list_path, Some(&other)).await;
    assert_eq!(status, 404, "{body}");
    let (status, body) = app
        .get(
            &format!("/api/v1/home-service/rounds?date={today}"),
            Some(&other),
        )
        .await;
    assert_eq!(status, 403, "{body}");
    let patron = app.token_for(demo::PATRON.0, demo::PATRON.1).await;
    let (status, body) = app.get(&list_path, Some(&patron)).await;
    assert_eq!(status, 404, "{body}");
    let (status, body) = app
        .get(
            &format!("/api/v1/home-service/rounds?date={today}"),
            Some(&patron),
        )
        .await;
    assert_eq!(status, 403, "{body}");
}

async fn volunteer(app: TestApp) {
    use chrono::{Datelike, Days};
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let veikko = app.token_for(demo::VOLUNTEER.0, demo::VOLUNTEER.1).await;
    let (_, me) = app.get("/api/v1/me", Some(&veikko)).await;
    let today = chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Helsinki)
        .date_naive();
    // The demo round is on the next weekday: Elli (the librarian's) and Toivo (Veikko's).
    let mut round_day = today + Days::new(1);
    while round_day.weekday().num_days_from_monday() > 4 {
        round_day = round_day + Days::new(1);
    }
    let (status, whole) = app
        .get(
            &format!("/api/v1/home-service/rounds?date={round_day}"),
            Some(&staff),
        )
        .await;
    assert_eq!(status, 200, "{whole}");
    let names = |round: &Value| -> Vec<String> {
        round["stops"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["name"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(
        names(&whole).contains(&"Elli Koskinen".to_owned()),
        "{whole}"
    );
    assert!(names(&whole).contains(&"Toivo Niemi".to_owned()), "{whole}");
    let (status, own) = app
        .get(
            &format!("/api/v1/home-service/rounds?date={round_day}"),
            Some(&veikko),
        )
        .await;
    assert_eq!(status, 200, "{own}");
    assert!(names(&own).contains(&"Toivo Niemi".to_owned()), "{own}");
    assert!(!names(&own).contains(&"Elli Koskinen".to_owned()), "{own}");
    assert!(
        own["stops"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["deliverer"]["id"] == me["id"])
    );
    let toivo = own["stops"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Toivo Niemi")
        .unwrap()
        .clone();
    assert_eq!(toivo["contact_name"], "Marja Niemi");
    assert_eq!(toivo["to_collect"][0]["title"], "Talvisota");
    // A volunteer's access is to the days around today only.
    let (status, body) = app
        .get(
            &format!("/api/v1/home-service/rounds?date={}", today + Days::new(30)),
            Some(&veikko),
        )
        .await;
    assert_eq!(status, 403, "{body}");
    // Asking for another deliverer's round, or the client's file, is refused.
    let (_, staff_me) = app.get("/api/v1/me", Some(&staff)).await;
    let (status, body) = app
        .get(
            &format!(
                "/api/v1/home-service/rounds?date={round_day}&deliverer={}",
                staff_me["id"].as_str().unwrap()
            ),
            Some(&veikko),
        )
        .await;
    assert_eq!(status, 403, "{body}");
    let client_id = toivo["client_id"].as_str().unwrap();
    let (status, body) = app
        .get(
            &format!("/api/v1/home-service/clients/{client_id}/visits"),
            Some(&veikko),
        )
        .await;
    assert_eq!(status, 404, "{body}");
    // Veikko cannot move his visit or hand it on, nor record it before its day.
    let visit_path = format!(
        "/api/v1/home-service/visits/{}",
        toivo["visit_id"].as_str().unwrap()
    );
    let moved = json!({
        "day": (round_day + Days::new(1)).to_string(), "status": "planned", "deliverer_id": me["id"]
    });
    let (status, body) = app
        .send("PUT", &visit_path, Some(&veikko), Some(moved))
        .await;
    assert_eq!(status, 403, "{body}");
    let early =
        json!({"day": round_day.to_string(), "status": "delivered", "deliverer_id": me["id"]});
    let (status, body) = app
        .send("PUT", &visit_path, Some(&veikko), Some(early))
        .await;
    assert_eq!(status, 422, "{body}");

    // A visit today, brought by Veikko: he records it delivered, with the book that came back.
    let (status, visit) = app
        .send(
            "POST",
            &format!("/api/v1/home-service/clients/{client_id}/visits"),
            Some(&staff),
            Some(json!({"day": today.to_string(), "deliverer_id": me["id"]})),
        )
        .await;
    assert_eq!(status, 201, "{visit}");
    let talvisota = toivo["to_collect"][0]["id"].clone();
    let (status, done) = app
        .send(
            "PUT",
            &format!(
                "/api/v1/home-service/visits/{}",
                visit["id"].as_str().unwrap()
            ),
            Some(&veikko),
            Some(json!({
                "day": today.to_string(), "status": "delivered", "deliverer_id": me["id"],
                "feedback": "Toivoo lisää Antti Tuuria.", "returned_item_ids": [talvisota]
            })),
        )
        .await;
    assert_eq!(status, 200, "{done}");
    assert_eq!(done["status"], "delivered");
    assert_eq!(done["returned"][0]["title"], "Talvisota");
    assert_eq!(done["returned"][0]["returned_on"], today.to_string());
    assert_eq!(
        audit_count(&app, "home_service.visit_changed", client_id),
        2,
        "the visit added and the visit recorded"
    );
    // A patron who is not a volunteer sees no round.
    let patron = app.token_for(demo::PATRON.0, demo::PATRON.1).await;
    let (status, body) = app
        .get(
            &format!("/api/v1/home-service/rounds?date={round_day}"),
            Some(&patron),
        )
        .await;
    assert_eq!(status, 403, "{body}");
}

async fn privacy(app: TestApp) {
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let admin = app.token_for(demo::ADMIN.0, demo::ADMIN.1).await;
    let today = chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Helsinki)
        .date_naive();
    let aino = new_client(&app, &staff, "Aino Virtanen", "Rantatie 5 B 12").await;
    let (status, visit) = app
        .send(
            "POST",
            &format!("/api/v1/home-service/clients/{aino}/visits"),
            Some(&staff),
            Some(json!({"day": today.to_string()})),
        )
        .await;
    assert_eq!(status, 201, "{visit}");
    let visit_path = format!(
        "/api/v1/home-service/visits/{}",
        visit["id"].as_str().unwrap()
    );
    let (status, body) = app
        .send(
            "POST",
            &format!("{visit_path}/items"),
            Some(&staff),
            Some(
                json!({"title": "Kotiranta", "author": "Anni Blomqvist", "format": "large_print"}),
            ),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let (status, body) = app
        .send(
            "PUT",
            &visit_path,
            Some(&staff),
            Some(json!({"day": today.to_string(), "status": "delivered", "feedback": "Ihana kirja."})),
        )
        .await;
    assert_eq!(status, 200, "{body}");

    // The export holds the profile, the application with its consent, and the visits.
    let r = app
        .client
        .get(app.url(&format!("/api/v1/home-service/clients/{aino}/export")))
        .bearer_auth(&staff)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment"),
    );
    let export: Value = r.json().await.unwrap();
    assert_eq!(export["client"]["name"], "Aino Virtanen");
    assert!(
        export["applications"][0]["consent_text"]
            .as_str()
            .unwrap()
            .starts_with("Jag ger lov")
    );
    assert_eq!(export["visits"][0]["items"][0]["title"], "Kotiranta");
    assert_eq!(export["visits"][0]["feedback"], "Ihana kirja.");
    // The decision sent to the relative who applied is part of what is held.
    let kinds: Vec<&str> = export["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"home_service_approved"), "{kinds:?}");
    assert_eq!(audit_count(&app, "home_service.client_exported", &aino), 1);

    // Erasure leaves counts only: the figures do not change.
    let month = today.format("%Y-%m").to_string();
    let figures_path =
        format!("/api/v1/home-service/figures?library=kalajoki&from={month}&to={month}");
    let (_, before) = app.get(&figures_path, Some(&staff)).await;
    let application_id = export["applications"][0]["id"].as_str().unwrap().to_owned();
    let (status, body) = app
        .send(
            "DELETE",
            &format!("/api/v1/home-service/clients/{aino}"),
            Some(&staff),
            None,
        )
        .await;
    assert_eq!(status, 204, "{body}");
    let (status, _) = app
        .get(
            &format!("/api/v1/home-service/clients/{aino}"),
            Some(&staff),
        )
        .await;
    assert_eq!(status, 404);
    let (status, _) = app
        .get(
            &format!("/api/v1/home-service/applications/{application_id}"),
            Some(&staff),
        )
        .await;
    assert_eq!(status, 404);
    let (_, after) = app.get(&figures_path, Some(&staff)).await;
    assert_eq!(after, before, "the counts stay");
    let left = |sql: &str| query_strings(&app.database_url, sql);
    assert_eq!(
        left(&format!(
            "SELECT title AS value FROM home_service_items WHERE client_id = '{aino}'"
        )),
        [""],
        "the item is counted, its title gone"
    );
    assert!(left(&format!(
        "SELECT feedback AS value FROM home_service_visits WHERE client_id = '{aino}' AND feedback IS NOT NULL"
    ))
    .is_empty());
    assert!(
        left(&format!(
            "SELECT body AS value FROM messages WHERE subject_id = '{application_id}'"
        ))
        .is_empty(),
        "the approval message is gone too"
    );
    assert_eq!(audit_count(&app, "home_service.client_erased", &aino), 1);

    // The library's admin reads who did what to the record; staff cannot read the log.
    let log = format!("/api/v1/audit-log?library=kalajoki&record={aino}");
    let (status, entries) = app.get(&log, Some(&admin)).await;
    assert_eq!(status, 200, "{entries}");
    let actions: Vec<&str> = entries["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions[0], "home_service.client_erased",
        "newest first: {entries}"
    );
    assert!(actions.contains(&"home_service.client_exported"));
    assert!(actions.contains(&"home_service.visit_changed"));
    assert_eq!(
        entries["items"][0]["actor"]["name"],
        "Liisa Kirjastonhoitaja"
    );
    let (status, body) = app.get(&log, Some(&staff)).await;
    assert_eq!(status, 403, "{body}");

    // Retention: an ended client and a declined application go when the period has passed.
    let bertta = new_client(&app, &staff, "Bertta Aho", "Asematie 2").await;
    let (_, client) = app
        .get(
            &format!("/api/v1/home-service/clients/{bertta}"),
            Some(&staff),
        )
        .await;
    let mut ended = client.clone();
    for field in [
        "id",
        "library",
        "application_id",
        "created_at",
        "chooser",
        "deliverer",
    ] {
        ended.as_object_mut().unwrap().remove(field);
    }
    ended["status"] = json!("ended");
    let (status, body) = app
        .send(
            "PUT",
            &format!("/api/v1/home-service/clients/{bertta}"),
            Some(&staff),
            Some(ended),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (_, receipt) = apply(&app, &application("Veikko Virtanen")).await;
    let declined = receipt["id"].as_str().unwrap().to_owned();
    let (status, _) = app
        .send(
            "POST",
            &format!("/api/v1/home-service/applications/{declined}/decline"),
            Some(&staff),
            Some(json!({"reason": "Osoite on toisen kirjaston alueella."})),
        )
        .await;
    assert_eq!(status, 200);
    let keep = app.cli(&["home-service", "retention"], &[]);
    assert!(
        keep.status.success(),
        "{}",
        String::from_utf8_lossy(&keep.stderr)
    );
    assert!(
        String::from_utf8_lossy(&keep.stdout).starts_with("0 ended client(s) and 0 declined"),
        "a year has not passed: {}",
        String::from_utf8_lossy(&keep.stdout)
    );
    let out = app.cli(
        &["home-service", "retention"],
        &[("HOME_SERVICE_RETENTION_DAYS", "0")],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("1 ended client(s) and 1 declined"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let (status, _) = app
        .get(
            &format!("/api/v1/home-service/clients/{bertta}"),
            Some(&staff),
        )
        .await;
    assert_eq!(status, 404);
    let (status, _) = app
        .get(
            &format!("/api/v1/home-service/applications/{declined}"),
            Some(&staff),
        )
        .await;
    assert_eq!(status, 404);
    assert_eq!(
        left(&format!(
            "SELECT id AS value FROM audit_log WHERE action = 'home_service.client_erased' AND record_id = '{bertta}' AND actor_user_id IS NULL"
        ))
        .len(),
        1,
        "the system's erasure is logged"
    );
    assert_eq!(
        left(&format!(
            "SELECT id AS value FROM audit_log WHERE action = 'home_service.application_erased' AND record_id = '{declined}' AND actor_user_id IS NULL"
        ))
        .len(),
        1,
        "so is the declined application's"
    );
    // The demo clients, active and paused, are untouched.
    let (_, active) = app
        .get(
            "/api/v1/home-service/clients?library=kalajoki",
            Some(&staff),
        )
        .await;
    assert_eq!(active["items"].as_array().unwrap().len(), 4, "{active}");
}

async fn tomorrow(app: TestApp) {
    use chrono::Datelike;
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let (_, me) = app.get("/api/v1/me", Some(&staff)).await;
    let me = me["id"].as_str().unwrap().to_owned();
    let tomorrow = chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Helsinki)
        .date_naive()
        .succ_opt()
        .unwrap();
    // A Swedish-speaking client whose son applied: he is the contact person, reached by email.
    let aino = new_client(&app, &staff, "Aino Virtanen", "Rantatie 5 B 12").await;
    let client_path = format!("/api/v1/home-service/clients/{aino}");
    let (_, mut profile) = app.get(&client_path, Some(&staff)).await;
    for key in [
        "id",
        "library",
        "application_id",
        "created_at",
        "chooser",
        "deliverer",
    ] {
        profile.as_object_mut().unwrap().remove(key);
    }
    profile["contact_email"] = json!("pekka.virtanen@example.fi");
    profile["deliverer_id"] = json!(me);
    let (status, body) = app
        .send("PUT", &client_path, Some(&staff), Some(profile))
        .await;
    assert_eq!(status, 200, "{body}");
    let (_, visits) = app
        .get(&format!("{client_path}/visits"), Some(&staff))
        .await;
    let existing = visits
        .as_array()
        .unwrap()
        .iter()
        .find(|v| day(v) == tomorrow && v["status"] == "planned")
        .cloned();
    let visit = match existing {
        Some(v) => v,
        None => {
            let (status, v) = app
                .send(
                    "POST",
                    &format!("{client_path}/visits"),
                    Some(&staff),
                    Some(json!({"day": tomorrow.to_string()})),
                )
                .await;
            assert_eq!(status, 201, "{v}");
            v
        }
    };
    let visit_id = visit["id"].as_str().unwrap().to_owned();
    let (status, item) = app
        .send(
            "POST",
            &format!("/api/v1/home-service/visits/{visit_id}/items"),
            Some(&staff),
            Some(
                json!({"title": "Okänd soldat", "author": "Väinö Linna", "format": "large_print"}),
            ),
        )
        .await;
    assert_eq!(status, 201, "{item}");

    // Two processes look at once, and once more after: one message to the son, one to the deliverer.
    std::thread::scope(|s| {
        let runs: Vec<_> = (0..2)
            .map(|_| s.spawn(|| app.cli(&["home-service", "notices"], &[])))
            .collect();
        for run in runs {
            let out = run.join().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    });
    let again = app.cli(&["home-service", "notices"], &[]);
    assert!(again.status.success());
    let about_visit = query_strings(
        &app.database_url,
        &format!(
            "SELECT kind || '|' || recipient_name || '|' || COALESCE(email, '') || '|' || language || '|' || channel AS value \
             FROM messages WHERE subject_id = '{visit_id}'"
        ),
    );
    assert_eq!(
        about_visit,
        vec!["home_visit_tomorrow|Pekka Virtanen|pekka.virtanen@example.fi|sv|email".to_owned()]
    );
    let body = query_strings(
        &app.database_url,
        &format!("SELECT body AS value FROM messages WHERE subject_id = '{visit_id}'"),
    );
    assert!(body[0].contains("i morgon: Aino Virtanen"), "{}", body[0]);
    assert!(
        body[0].contains("Väinö Linna: Okänd soldat (storstilsbok)"),
        "{}",
        body[0]
    );
    assert!(body[0].contains("på förmiddagen"), "{}", body[0]);
    let round = query_strings(
        &app.database_url,
        &format!(
            "SELECT kind || '|' || channel || '|' || body AS value FROM messages WHERE subject_id LIKE 'round:%:{me}:{tomorrow}'"
        ),
    );
    assert_eq!(round.len(), 1, "{round:?}");
    assert!(
        round[0].starts_with("home_round_tomorrow|email|"),
        "{}",
        round[0]
    );
    assert!(
        round[0].contains(&format!("/staff/home-service?round={tomorrow}")),
        "{}",
        round[0]
    );

    // Moved after the notice: the son is told the visit is off, with the new day, once.
    let (_, visits) = app
        .get(&format!("{client_path}/visits"), Some(&staff))
        .await;
    let taken: Vec<chrono::NaiveDate> = visits.as_array().unwrap().iter().map(day).collect();
    let mut later = tomorrow.succ_opt().unwrap().succ_opt().unwrap();
    while taken.contains(&later) {
        later = later.succ_opt().unwrap();
    }
    let (status, moved) = app
        .send(
            "PUT",
            &format!("/api/v1/home-service/visits/{visit_id}"),
            Some(&staff),
            Some(json!({"day": later.to_string(), "status": "planned", "deliverer_id": me})),
        )
        .await;
    assert_eq!(status, 200, "{moved}");
    for _ in 0..2 {
        assert!(app.cli(&["home-service", "notices"], &[]).status.success());
    }
    let off = query_strings(
        &app.database_url,
        &format!(
            "SELECT recipient_name || '|' || body AS value FROM messages WHERE subject_id = '{visit_id}' AND kind = 'home_visit_off'"
        ),
    );
    assert_eq!(off.len(), 1, "{off:?}");
    assert!(off[0].starts_with("Pekka Virtanen|"), "{}", off[0]);
    assert!(off[0].contains("Ny dag för besöket"), "{}", off[0]);
    assert!(
        off[0].contains(&format!(
            "{}.{}.{}",
            later.day(),
            later.month(),
            later.year()
        )),
        "{}",
        off[0]
    );

    // Erasing the client takes the notices that named them with it.
    let (status, _) = app.send("DELETE", &client_path, Some(&staff), None).await;
    assert_eq!(status, 204);
    let left = query_strings(
        &app.database_url,
        &format!("SELECT id AS value FROM messages WHERE subject_id = '{visit_id}'"),
    );
    assert!(left.is_empty(), "{left:?}");
}

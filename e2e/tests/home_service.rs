//! The home-delivery service over HTTP on both databases: an application without an account (a
//! relative applying for their mother), the queue of the library's home-service staff, approval
//! making a client, declining with a reason, deciding only once; who may see what; and an audit
//! entry for every read and decision.

use etakirjasto_e2e::{TestApp, demo, on_both_databases, query_strings};
use serde_json::{Value, json};

on_both_databases! {
    a_relatives_application_is_reviewed_and_approved_into_a_client => approve;
    only_the_librarys_home_service_staff_see_applications => who_sees;
    bad_applications_name_every_field_and_store_nothing => bad_input;
    a_clients_profile_is_paused_and_given_a_chooser_with_the_role => client_profile;
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
    let (status, body) = app.get(list, Some(&admin)).await;
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
        "SELECT id AS value FROM home_service_applications",
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

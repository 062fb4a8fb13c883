//! The permission matrix, generated from the served OpenAPI document: every operation is called by
//! every kind of caller, and the answer must be the one its rule allows. Among the callers is an
//! admin of another library on the same instance, who sees nothing of this library's in any domain.
//! An operation without a rule fails the test, so a new endpoint cannot ship without deciding who
//! may call it.

use etakirjasto_e2e::{TestApp, demo, on_both_databases};
use serde_json::{Value, json};

on_both_databases! {
    every_operation_answers_every_caller_as_its_rule_says => matrix;
}

/// Who may call an operation.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Anyone signed in; others get 401.
    SignedIn,
    /// Staff and admins of the library concerned (`kalajoki` here); others get 401, 403 or 404.
    LibraryStaff,
    /// The patron who owns the resource and the library's staff; others get 401 or 404.
    OwnerOrLibraryStaff,
    /// Admins of the library concerned only.
    LibraryAdmin,
    /// The library's staff with its home-service role (the demo librarian, not the admin).
    HomeServiceStaff,
    /// Partner systems with their own token only (`partners.rs` tests them); every person gets 401.
    PartnerOnly,
}

/// The rule of each operation, by operationId. Add a line here with every new operation.
fn rule(operation_id: &str) -> Option<Access> {
    use Access::*;
    Some(match operation_id {
        "healthz" | "readyz" => Public,
        "list_libraries" | "get_library" | "list_closures" => Public,
        "add_closure" | "delete_closure" | "set_library_scenario" | "import_branches" => {
            LibraryAdmin
        }
        "set_library_branding" | "put_library_logo" | "delete_library_logo" => LibraryAdmin,
        "get_library_logo" => Public,
        "register" | "login" | "refresh" | "logout" => Public,
        "get_me" | "export_my_data" | "delete_my_account" => SignedIn,
        "start_second_factor" | "confirm_second_factor" | "renew_recovery_codes" => SignedIn,
        "list_services" | "get_service" | "list_slots" => Public,
        "create_service" | "update_service" | "get_service_staff" | "set_service_staff" => {
            LibraryStaff
        }
        "get_availability" | "set_availability" => LibraryStaff,
        "create_booking" => Public,
        "list_bookings" => SignedIn,
        "get_booking" | "cancel_booking" | "reschedule_booking" | "get_booking_calendar" => {
            OwnerOrLibraryStaff
        }
        "record_booking_outcome" => LibraryStaff,
        "list_events" | "get_event" | "register_for_event" => Public,
        "events_feed" | "get_event_calendar" => Public,
        "create_event" | "update_event" | "cancel_event" | "list_registrations" => LibraryStaff,
        "get_registration" | "cancel_registration" => OwnerOrLibraryStaff,
        "get_event_series" | "register_for_series" => Public,
        "cancel_event_series" => LibraryStaff,
        "export_registrations" | "mark_attendance" | "change_seat_type" => LibraryStaff,
        "list_my_registrations" => SignedIn,
        "list_programme_offers" | "get_programme_offer" => Public,
        "create_programme_offer" | "update_programme_offer" => LibraryStaff,
        "list_organisations" | "create_organisation" | "update_organisation" => LibraryStaff,
        "get_organisation" => OwnerOrLibraryStaff,
        "list_my_organisations" | "create_programme_booking" | "list_programme_bookings" => {
            SignedIn
        }
        "get_programme_booking" | "accept_programme_proposal" | "cancel_programme_booking" => {
            OwnerOrLibraryStaff
        }
        "confirm_programme_booking" | "propose_programme_time" | "record_programme_outcome" => {
            LibraryStaff
        }
        "get_my_message_preferences" | "set_my_message_preferences" => SignedIn,
        "list_messages" | "resend_message" | "message_event_participants" => LibraryStaff,
        "list_message_templates"
        | "set_message_template"
        | "reset_message_template"
        | "preview_message_template" => LibraryStaff,
        "create_home_service_application" => Public,
        "list_home_service_applications"
        | "get_home_service_application"
        | "approve_home_service_application"
        | "decline_home_service_application"
        | "list_home_service_clients"
        | "get_home_service_client"
        | "update_home_service_client"
        | "list_home_service_client_visits"
        | "add_home_service_visit"
        | "list_home_service_visits"
        | "update_home_service_visit"
        | "choose_home_service_item"
        | "remove_home_service_item"
        | "get_home_service_round"
        | "get_home_service_figures"
        | "list_home_service_people"
        | "export_home_service_client"
        | "erase_home_service_client" => HomeServiceStaff,
        "list_audit_log" => LibraryAdmin,
        "list_guides"
        | "get_guide"
        | "get_guide_markdown"
        | "list_guide_revisions"
        | "get_library_guides_markdown" => Public,
        "create_guide" | "update_guide" | "copy_guide" => LibraryStaff,
        "list_training_modules"
        | "get_training_module"
        | "set_training_progress"
        | "book_training_practice"
        | "update_training_practice"
        | "get_competence_matrix"
        | "set_my_confidence" => LibraryStaff,
        "create_training_module" | "update_training_module" | "set_competence" => LibraryAdmin,
        "list_surveys" | "get_survey" | "answer_survey" => Public,
        "create_survey"
        | "update_survey"
        | "get_survey_results"
        | "export_survey_responses"
        | "invite_to_survey" => LibraryStaff,
        "issue_token" => Public,
        "list_api_clients"
        | "create_api_client"
        | "get_api_client"
        | "update_api_client"
        | "new_api_client_secret"
        | "revoke_api_client"
        | "list_api_client_calls" => LibraryAdmin,
        "create_webhook" | "list_webhooks" | "delete_webhook" | "list_webhook_deliveries" => {
            PartnerOnly
        }
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Caller {
    Anonymous,
    Patron,
    AnotherPatron,
    Staff,
    StaffOfAnotherLibrary,
    /// An admin of another library on the same instance: sees nothing of this library's.
    AdminOfAnotherLibrary,
    Admin,
}

const CALLERS: [Caller; 7] = [
    Caller::Anonymous,
    Caller::Patron,
    Caller::AnotherPatron,
    Caller::Staff,
    Caller::StaffOfAnotherLibrary,
    Caller::AdminOfAnotherLibrary,
    Caller::Admin,
];

const OULU_ADMIN: (&str, &str) = ("paakayttaja@oulu.example", "oulun paakayttaja 1");

/// A fresh access token for the caller.
async fn token(app: &TestApp, caller: Caller) -> Option<String> {
    let (email, password) = match caller {
        Caller::Anonymous => return None,
        Caller::Patron => demo::PATRON,
        Caller::AnotherPatron => ("toinen@example.fi", "toinen salasana 1"),
        Caller::Staff => demo::STAFF,
        Caller::StaffOfAnotherLibrary => ("henkilokunta@oulu.example", "oulun salasana 1"),
        Caller::AdminOfAnotherLibrary => OULU_ADMIN,
        Caller::Admin => demo::ADMIN,
    };
    Some(app.token_for(email, password).await)
}

/// Real identifiers for path parameters, so "allowed" answers are real answers and not 404s.
struct Ids {
    service: String,
    staff: String,
    booking: String,
    event: String,
    registration: String,
    series: String,
    offer: String,
    organisation: String,
    programme_booking: String,
    message: String,
    application: String,
    client: String,
    /// A second client, for erasure (the first one is used by every other operation).
    erasable: String,
    visit: String,
    item: String,
    guide: String,
    survey: String,
    module: String,
    /// A held practice session of the admin's with the staff member as colleague.
    practice: String,
    /// An API client of the library.
    api_client: String,
}

/// The request path with each `{param}` filled in, and the required query parameters' examples.
fn concrete_path(path: &str, op: &Value, ids: &Ids) -> String {
    let mut out = path.to_owned();
    let mut query = Vec::new();
    for p in op["parameters"].as_array().into_iter().flatten() {
        let name = p["name"].as_str().unwrap();
        let example = p["example"]
            .as_str()
            .or(p["schema"]["example"].as_str())
            .unwrap_or("x");
        if p["in"] == "path" {
            let value = match name {
                "id" if op["operationId"] == "erase_home_service_client" => ids.erasable.as_str(),
                "id" if path.starts_with("/api/v1/services/") => ids.service.as_str(),
                "id" if path.starts_with("/api/v1/bookings/") => ids.booking.as_str(),
                "id" if path.starts_with("/api/v1/events/") => ids.event.as_str(),
                "id" if path.starts_with("/api/v1/event-series/") => ids.series.as_str(),
                "id" if path.starts_with("/api/v1/programme-offers/") => ids.offer.as_str(),
                "id" if path.starts_with("/api/v1/organisations/") => ids.organisation.as_str(),
                "id" if path.starts_with("/api/v1/programme-bookings/") => {
                    ids.programme_booking.as_str()
                }
                "id" if path.starts_with("/api/v1/messages/") => ids.message.as_str(),
                "id" if path.starts_with("/api/v1/home-service/applications/") => {
                    ids.application.as_str()
                }
                "id" if path.starts_with("/api/v1/home-service/clients/") => ids.client.as_str(),
                "id" if path.starts_with("/api/v1/home-service/visits/") => ids.visit.as_str(),
                "id" if path.starts_with("/api/v1/guides/") => ids.guide.as_str(),
                "id" if path.starts_with("/api/v1/surveys/") => ids.survey.as_str(),
                "id" if path.starts_with("/api/v1/training/modules/") => ids.module.as_str(),
                "id" if path.starts_with("/api/v1/training/practices/") => ids.practice.as_str(),
                "item_id" => ids.item.as_str(),
                "client_id" => ids.api_client.as_str(),
                "kind" => "booking_confirmed",
                "lang" => "fi",
                "rid" => ids.registration.as_str(),
                "staff_id" => ids.staff.as_str(),
                _ => example,
            };
            out = out.replace(&format!("{{{name}}}"), value);
        } else if p["in"] == "query" && p["required"] == true {
            query.push(format!("{name}={example}"));
        }
    }
    if !query.is_empty() {
        out = format!("{out}?{}", query.join("&"));
    }
    out
}

/// The body: the documented example of the request, or of its schema, or `{}`.
fn body(spec: &Value, op: &Value) -> Option<Value> {
    let content = op["requestBody"]["content"]["application/json"].as_object()?;
    if let Some(example) = content.get("example") {
        return Some(example.clone());
    }
    let schema = content.get("schema")?;
    let schema = match schema["$ref"].as_str() {
        Some(r) => &spec["components"]["schemas"][r.rsplit('/').next().unwrap()],
        None => schema,
    };
    Some(schema.get("example").cloned().unwrap_or_else(|| json!({})))
}

/// Registers the demo patron for the demo online event; returns the event's and registration's ids.
async fn register_as_patron(app: &TestApp) -> (String, String) {
    let (_, events) = app
        .get("/api/v1/events?library=kalajoki&mode=online", None)
        .await;
    let event = events["items"][0]["id"]
        .as_str()
        .expect("a demo online event")
        .to_owned();
    let token = app.token_for(demo::PATRON.0, demo::PATRON.1).await;
    let r = app
        .client
        .post(app.url(&format!("/api/v1/events/{event}/registrations")))
        .bearer_auth(token)
        .json(&json!({"seat_type": "online"}))
        .send()
        .await
        .unwrap();
    let (status, registration) = etakirjasto_e2e::status_json(r).await;
    assert_eq!(status, 201, "{registration}");
    (event, registration["id"].as_str().unwrap().to_owned())
}

/// Books the service's first free time next week as the demo patron; returns the booking's id.
async fn book_as_patron(app: &TestApp, service_id: &str) -> String {
    let from = chrono::Utc::now() + chrono::Duration::days(7);
    let to = from + chrono::Duration::days(7);
    let (_, slots) = app
        .get(
            &format!(
                "/api/v1/services/{service_id}/slots?from={}&to={}",
                from.format("%Y-%m-%dT%H:%M:%SZ"),
                to.format("%Y-%m-%dT%H:%M:%SZ")
            ),
            None,
        )
        .await;
    let service = app
        .get(&format!("/api/v1/services/{service_id}"), None)
        .await
        .1;
    let token = app.token_for(demo::PATRON.0, demo::PATRON.1).await;
    let body = json!({"service_id": service_id, "start": slots["slots"][0]["start"], "mode": service["modes"][0], "accept_ground_rules": true, "phone": "0401234567"});
    let r = app
        .client
        .post(app.url("/api/v1/bookings"))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    let (status, booking) = etakirjasto_e2e::status_json(r).await;
    assert_eq!(status, 201, "{booking}");
    booking["id"].as_str().unwrap().to_owned()
}

/// Makes the demo patron the contact of a new organisation and books the first time of the first
/// demo programme offer for it; returns the offer's, organisation's and booking's ids.
async fn programme_as_patron(app: &TestApp) -> (String, String, String) {
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let r = app
        .client
        .post(app.url("/api/v1/organisations"))
        .bearer_auth(staff)
        .json(&json!({"library": "kalajoki", "name": "Palvelutalo Testi", "kind": "care_home", "contact_email": demo::PATRON.0}))
        .send()
        .await
        .unwrap();
    let (status, org) = etakirjasto_e2e::status_json(r).await;
    assert_eq!(status, 201, "{org}");
    let (_, offers) = app.get("/api/v1/programme-offers", None).await;
    let offer = &offers["items"][0];
    let token = app.token_for(demo::PATRON.0, demo::PATRON.1).await;
    let r = app
        .client
        .post(app.url("/api/v1/programme-bookings"))
        .bearer_auth(token)
        .json(&json!({"time_id": offer["times"][0]["id"], "organisation_id": org["id"], "residents": 5, "equipment": "TV", "onsite_contact_name": "Maija", "onsite_contact_phone": "0401234567"}))
        .send()
        .await
        .unwrap();
    let (status, booking) = etakirjasto_e2e::status_json(r).await;
    assert_eq!(status, 201, "{booking}");
    let id = |v: &Value| v["id"].as_str().unwrap().to_owned();
    (id(offer), id(&org), id(&booking))
}

/// A home-service application, as anyone may send; returns its id.
async fn apply_for_home_service(app: &TestApp) -> String {
    let r = app
        .client
        .post(app.url("/api/v1/home-service/applications"))
        .json(&json!({"library": "kalajoki", "relation": "themselves", "name": "Aino Virtanen", "street_address": "Rantatie 5", "postal_code": "85100", "city": "Kalajoki", "phone": "0407654321", "reasons": ["age"], "formats": ["large_print"], "frequency": "monthly", "consent": true}))
        .send()
        .await
        .unwrap();
    let (status, receipt) = etakirjasto_e2e::status_json(r).await;
    assert_eq!(status, 201, "{receipt}");
    receipt["id"].as_str().unwrap().to_owned()
}

/// A client of the home-delivery service (an approved application); returns the client's id.
async fn home_service_client(app: &TestApp) -> String {
    let application = apply_for_home_service(app).await;
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let (status, approved) = app
        .send(
            "POST",
            &format!("/api/v1/home-service/applications/{application}/approve"),
            Some(&staff),
            None,
        )
        .await;
    assert_eq!(status, 200, "{approved}");
    approved["client_id"].as_str().unwrap().to_owned()
}

/// The client's first planned visit with an item chosen for it; returns the visit's and item's ids.
async fn home_visit_with_item(app: &TestApp, client: &str) -> (String, String) {
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let (status, visits) = app
        .get(
            &format!("/api/v1/home-service/clients/{client}/visits"),
            Some(&staff),
        )
        .await;
    assert_eq!(status, 200, "{visits}");
    let visit = visits[0]["id"]
        .as_str()
        .expect("visits are planned")
        .to_owned();
    let (status, chosen) = app
        .send(
            "POST",
            &format!("/api/v1/home-service/visits/{visit}/items"),
            Some(&staff),
            Some(json!({"title": "Seitsemän veljestä", "author": "Aleksis Kivi", "format": "large_print"})),
        )
        .await;
    assert_eq!(status, 201, "{chosen}");
    let item = chosen["items"][0]["id"].as_str().unwrap().to_owned();
    (visit, item)
}

async fn matrix(app: TestApp) {
    // Arrange: a second patron, and a second library with its own staff member.
    app.register("Toinen Asiakas", "toinen@example.fi", "toinen salasana 1")
        .await;
    app.add_other_library();
    let out = app.cli(
        &[
            "user",
            "add",
            "--library",
            "oulu",
            "--role",
            "admin",
            "--email",
            OULU_ADMIN.0,
        ],
        &[("ETAKIRJASTO_PASSWORD", OULU_ADMIN.1)],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (_, spec) = app.get("/api/openapi.json", None).await;
    // A closing day exists, so that removing it is a real answer for the admin.
    let admin = app.token_for(demo::ADMIN.0, demo::ADMIN.1).await;
    let r = app
        .client
        .post(app.url("/api/v1/libraries/kalajoki/closures"))
        .bearer_auth(&admin)
        .json(&json!({"date": "2026-12-24", "reason": "Jouluaatto"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    // A logo, so that reading it is a real answer for everyone (again after the admin removed it).
    let upload_logo = || {
        app.client
            .put(app.url("/api/v1/libraries/kalajoki/logo"))
            .bearer_auth(&admin)
            .header("Content-Type", "image/png")
            .body(std::fs::read(etakirjasto_e2e::root().join("e2e/fixtures/logo.png")).unwrap())
            .send()
    };
    let (_, services) = app.get("/api/v1/services?library=kalajoki", None).await;
    let staff_token = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let (_, staff_me) = app.get("/api/v1/me", Some(&staff_token)).await;
    let service = services["items"][0]["id"]
        .as_str()
        .expect("a demo service")
        .to_owned();
    let booking = book_as_patron(&app, &service).await;
    let (event, registration) = register_as_patron(&app).await;
    let (_, events) = app.get("/api/v1/events?library=kalajoki", None).await;
    let series = events["items"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|e| e["series"].as_str())
        .expect("the demo reading circle is a series")
        .to_owned();
    let (offer, organisation, programme_booking) = programme_as_patron(&app).await;
    let client = home_service_client(&app).await;
    let (visit, item) = home_visit_with_item(&app, &client).await;
    let ids = Ids {
        service,
        staff: staff_me["id"].as_str().unwrap().to_owned(),
        booking,
        event,
        registration,
        series,
        offer,
        organisation,
        programme_booking,
        message: etakirjasto_e2e::query_strings(
            &app.database_url,
            "SELECT id AS value FROM messages ORDER BY created_at LIMIT 1",
        )
        .pop()
        .expect("the patron's booking wrote a message"),
        application: apply_for_home_service(&app).await,
        client,
        erasable: home_service_client(&app).await,
        visit,
        item,
        guide: app.get("/api/v1/guides?library=kalajoki", None).await.1["items"][0]["id"]
            .as_str()
            .expect("a demo operating model")
            .to_owned(),
        survey: app.get("/api/v1/surveys?library=kalajoki", None).await.1["items"][0]["id"]
            .as_str()
            .expect("a demo survey")
            .to_owned(),
        module: app
            .get("/api/v1/training/modules?library=kalajoki", Some(&staff_token))
            .await
            .1[0]["id"]
            .as_str()
            .expect("a demo training module")
            .to_owned(),
        practice: etakirjasto_e2e::query_strings(
            &app.database_url,
            &format!(
                "SELECT p.id AS value FROM training_practices p JOIN users u ON u.id = p.trainee_id \
                 WHERE u.email = '{}' AND p.colleague_id = '{}'",
                demo::ADMIN.0,
                staff_me["id"].as_str().unwrap()
            ),
        )
        .pop()
        .expect("the admin practised with the staff member"),
        api_client: {
            let admin = app.token_for(demo::ADMIN.0, demo::ADMIN.1).await;
            let (status, made) = app
                .send(
                    "POST",
                    "/api/v1/api-clients",
                    Some(&admin),
                    Some(json!({"library": "kalajoki", "name": "Partner", "scopes": ["events:read"], "rate_limit_per_minute": 60})),
                )
                .await;
            assert_eq!(status, 201, "{made}");
            made["client"]["client_id"].as_str().unwrap().to_owned()
        },
    };

    // One session per caller (signing in staff takes a fresh one-time code); `logout` ends the
    // sessions it is called with, so after it every caller signs in again.
    let mut tokens: std::collections::HashMap<Caller, Option<String>> = Default::default();
    let mut checked = 0;
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let id = op["operationId"].as_str().unwrap();
            let access = rule(id).unwrap_or_else(|| {
                panic!("operation `{id}` ({method} {path}) has no permission rule")
            });
            let url = app.url(&concrete_path(path, op, &ids));
            if id == "get_library_logo" {
                assert_eq!(upload_logo().await.unwrap().status(), 200);
            }
            for caller in CALLERS {
                let mut req = app
                    .client
                    .request(method.to_uppercase().parse().unwrap(), &url);
                if let std::collections::hash_map::Entry::Vacant(e) = tokens.entry(caller) {
                    e.insert(token(&app, caller).await);
                }
                if let Some(t) = &tokens[&caller] {
                    req = req.bearer_auth(t);
                }
                if let Some(b) = body(&spec, op) {
                    req = req.json(&b);
                }
                let resp = req.send().await.unwrap();
                let status = resp.status().as_u16();
                let problem: Value = resp.json().await.unwrap_or(Value::Null);
                let denied = (status == 401 && problem["code"] == "unauthorized")
                    || (status == 403 && problem["code"] == "forbidden")
                    || (status == 404 && problem["code"] == "not_found");
                let must_deny = match access {
                    Access::Public => false,
                    Access::SignedIn => caller == Caller::Anonymous,
                    Access::LibraryStaff => !matches!(caller, Caller::Staff | Caller::Admin),
                    Access::OwnerOrLibraryStaff => {
                        !matches!(caller, Caller::Patron | Caller::Staff | Caller::Admin)
                    }
                    Access::LibraryAdmin => caller != Caller::Admin,
                    Access::HomeServiceStaff => caller != Caller::Staff,
                    Access::PartnerOnly => true,
                };
                assert!(status < 500, "{id} as {caller:?}: {status} {problem}");
                assert_eq!(denied, must_deny, "{id} as {caller:?}: {status} {problem}");
                checked += 1;
            }
            if id == "logout" {
                tokens.clear();
            }
        }
    }
    assert!(checked >= 20 * CALLERS.len(), "checked {checked}");
}

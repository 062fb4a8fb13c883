//! Bad input is answered with the right problem, never a 500, and nothing is half-written.

use etakirjasto_e2e::{TestApp, on_both_databases};
use serde_json::{Value, json};

on_both_databases! {
    bad_requests_get_the_right_problem => bad_requests;
    problems_speak_the_language_asked_for => problem_language;
    nul_characters_and_malformed_ids_are_refused_without_a_500 => nul_characters;
}

async fn nul_characters(app: TestApp) {
    // PostgreSQL cannot store NUL; every way in is checked before the database sees it.
    let (_, services) = app.get("/api/v1/services", None).await;
    let sid = services["items"][0]["id"].as_str().unwrap();
    let slots = app
        .get(&format!("/api/v1/services/{sid}/slots"), None)
        .await
        .1;
    let start = slots["slots"][0]["start"].clone();
    let staff = app
        .token_for(
            etakirjasto_e2e::demo::STAFF.0,
            etakirjasto_e2e::demo::STAFF.1,
        )
        .await;
    for (case, path, body, status) in [
        (
            "NUL service id",
            "/api/v1/bookings",
            json!({"service_id": "a\u{0}b", "start": start, "mode": "video", "name": "A", "email": "a@example.fi"}),
            422,
        ),
        (
            "NUL answer",
            "/api/v1/bookings",
            json!({"service_id": sid, "start": start, "mode": "video", "name": "A", "email": "a@example.fi", "answers": ["a\u{0}"], "accept_ground_rules": true}),
            422,
        ),
        (
            "NUL name",
            "/api/v1/auth/register",
            json!({"name": "a\u{0}", "email": "nul@example.fi", "password": "long enough 1"}),
            422,
        ),
    ] {
        let (got, problem) = app.post(path, &body).await;
        assert_eq!(got, status, "{case}: {problem}");
    }
    let r = app
        .client
        .post(app.url("/api/v1/libraries/kalajoki/closures"))
        .bearer_auth(&staff)
        .json(&json!({"date": "2026-12-24", "reason": "a\u{0}"}))
        .send()
        .await
        .unwrap();
    assert!(r.status().as_u16() < 500, "closure reason");
    for path in [
        "/api/v1/libraries/%00",
        "/api/v1/services/%00/slots",
        "/api/v1/services/not-an-id",
    ] {
        let (got, problem) = app.get(path, None).await;
        assert_eq!(got, 404, "{path}: {problem}");
    }
    for query in ["library=%00", "cursor=AA"] {
        let (got, _) = app.get(&format!("/api/v1/libraries?{query}"), None).await;
        assert_eq!(got, 422, "{query}");
    }
    let (got, _) = app.get("/api/v1/bookings?staff_id=%00", Some(&staff)).await;
    assert_eq!(got, 422);
}

struct Case {
    name: &'static str,
    path: &'static str,
    content_type: &'static str,
    body: String,
    status: u16,
    code: &'static str,
    field: Option<(&'static str, &'static str)>,
}

fn case(
    name: &'static str,
    path: &'static str,
    body: Value,
    status: u16,
    code: &'static str,
    field: Option<(&'static str, &'static str)>,
) -> Case {
    Case {
        name,
        path,
        content_type: "application/json",
        body: body.to_string(),
        status,
        code,
        field,
    }
}

async fn bad_requests(app: TestApp) {
    let reg = "/api/v1/auth/register";
    let login = "/api/v1/auth/login";
    let cases = vec![
        case(
            "missing name",
            reg,
            json!({"email": "a@example.fi", "password": "long enough 1"}),
            422,
            "invalid_input",
            Some(("name", "required")),
        ),
        case(
            "no credentials",
            reg,
            json!({"name": "A"}),
            422,
            "invalid_input",
            Some(("password", "required")),
        ),
        case(
            "invalid email",
            reg,
            json!({"name": "A", "email": "not-an-email", "password": "long enough 1"}),
            422,
            "invalid_input",
            Some(("email", "invalid_format")),
        ),
        case(
            "invalid phone",
            reg,
            json!({"name": "A", "phone": "12ab", "password": "long enough 1"}),
            422,
            "invalid_input",
            Some(("phone", "invalid_format")),
        ),
        case(
            "short password",
            reg,
            json!({"name": "A", "email": "a@example.fi", "password": "short"}),
            422,
            "invalid_input",
            Some(("password", "too_short")),
        ),
        case(
            "card without pin",
            reg,
            json!({"name": "A", "card_number": "12345678"}),
            422,
            "invalid_input",
            Some(("pin", "required")),
        ),
        case(
            "unknown library",
            reg,
            json!({"name": "A", "email": "a@example.fi", "password": "long enough 1", "library": "atlantis"}),
            422,
            "invalid_input",
            Some(("library", "invalid_choice")),
        ),
        case(
            "unknown field",
            reg,
            json!({"name": "A", "email": "a@example.fi", "password": "long enough 1", "admin": true}),
            422,
            "invalid_input",
            Some(("admin", "unknown_field")),
        ),
        case(
            "wrong type",
            reg,
            json!({"name": 5}),
            400,
            "malformed_request",
            None,
        ),
        case(
            "array body",
            login,
            json!([1, 2]),
            400,
            "malformed_request",
            None,
        ),
        case(
            "login without password",
            login,
            json!({"email": "a@example.fi"}),
            422,
            "invalid_input",
            Some(("password", "required")),
        ),
        case(
            "login pin with letters",
            login,
            json!({"card_number": "12345678", "pin": "12ab"}),
            422,
            "invalid_input",
            Some(("pin", "invalid_format")),
        ),
        Case {
            name: "malformed JSON",
            path: login,
            content_type: "application/json",
            body: "{\"email\": ".into(),
            status: 400,
            code: "malformed_request",
            field: None,
        },
        Case {
            name: "empty body",
            path: login,
            content_type: "application/json",
            body: String::new(),
            status: 400,
            code: "malformed_request",
            field: None,
        },
        Case {
            name: "wrong content type",
            path: login,
            content_type: "text/plain",
            body: "{}".into(),
            status: 415,
            code: "unsupported_media_type",
            field: None,
        },
        Case {
            name: "form content type",
            path: reg,
            content_type: "application/x-www-form-urlencoded",
            body: "name=a".into(),
            status: 415,
            code: "unsupported_media_type",
            field: None,
        },
        Case {
            name: "oversized body",
            path: reg,
            content_type: "application/json",
            body: json!({"name": "x".repeat(70_000)}).to_string(),
            status: 413,
            code: "payload_too_large",
            field: None,
        },
    ];
    for c in cases {
        let r = app
            .client
            .post(app.url(c.path))
            .header("content-type", c.content_type)
            .body(c.body)
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        let ctype = r
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        let body: Value = r.json().await.unwrap_or(Value::Null);
        assert_eq!(status, c.status, "case {}: {body}", c.name);
        assert_eq!(ctype, "application/problem+json", "case {}", c.name);
        assert_eq!(body["code"], c.code, "case {}: {body}", c.name);
        assert_eq!(body["status"], c.status, "case {}", c.name);
        if let Some((field, code)) = c.field {
            let hit = body["errors"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|e| e["field"] == field && e["code"] == code);
            assert!(hit, "case {}: expected {field}/{code} in {body}", c.name);
        }
    }
    // Nothing was written by the rejected registrations: the emails are still free.
    app.register("A", "a@example.fi", "long enough 1").await;
    // Unknown API paths are problems too, and never the web app's index page.
    let (status, body) = app.get("/api/v1/no-such-thing", None).await;
    assert_eq!((status, body["code"].as_str()), (404, Some("not_found")));
    let (status, body) = app.get("/api/v1/libraries?limit=1000", None).await;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (422, Some("limit"))
    );
    let (status, _) = app.get("/api/v1/libraries?cursor=%%%", None).await;
    assert_eq!(status, 422);
}

async fn problem_language(app: TestApp) {
    for (lang, title) in [
        ("fi", "Tarkista merkityt kentät."),
        ("sv-FI,sv;q=0.9", "Kontrollera de markerade fälten."),
        ("en-GB", "Please check the marked fields."),
        ("de", "Tarkista merkityt kentät."),
    ] {
        let r = app
            .client
            .post(app.url("/api/v1/auth/register"))
            .header("accept-language", lang)
            .json(&json!({"name": ""}))
            .send()
            .await
            .unwrap();
        let body: Value = r.json().await.unwrap();
        assert_eq!(body["title"], title, "Accept-Language {lang}");
    }
}

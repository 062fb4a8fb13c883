//! Partner systems against the real server on both databases: an admin makes an API client and
//! sees its secret once; the client-credentials exchange; a token opens exactly what its scopes
//! name (every other operation of the document is 403 `insufficient_scope`) and only for its own
//! library; a new secret or revoking stops tokens at once; the rate limit holds under concurrent
//! calls; CORS is closed unless a client names the origin; every call is logged with its client.

use etakirjasto_e2e::{TestApp, demo, on_both_databases, query_strings};
use serde_json::{Value, json};

on_both_databases! {
    a_partner_trades_its_secret_for_a_token_and_calls_what_its_scopes_open => token_and_scopes;
    a_new_secret_revoking_or_a_lost_scope_stops_tokens_at_once => revocation;
    a_partner_acts_only_for_its_own_library => own_library;
    the_rate_limit_holds_under_concurrent_calls => rate_limit;
    cors_is_closed_unless_the_client_names_the_origin => cors;
    every_operation_not_open_to_partners_refuses_their_tokens => closed_operations;
}

const SITE: &str = "https://www.kalajoki.fi";

/// Makes an API client of the demo library; returns (client_id, secret).
async fn client(app: &TestApp, admin: &str, scopes: &[&str], rate: u32) -> (String, String) {
    let (status, made) = app
        .send(
            "POST",
            "/api/v1/api-clients",
            Some(admin),
            Some(json!({"library": "kalajoki", "name": "Kalajoen kaupungin sivut", "scopes": scopes, "allowed_origins": [SITE], "rate_limit_per_minute": rate})),
        )
        .await;
    assert_eq!(status, 201, "{made}");
    (
        made["client"]["client_id"].as_str().unwrap().to_owned(),
        made["client_secret"].as_str().unwrap().to_owned(),
    )
}

/// `POST /oauth/token` with a form body; the status, the body and the `Cache-Control` header.
async fn exchange(app: &TestApp, form: &str) -> (u16, Value, String) {
    let r = app
        .client
        .post(app.url("/api/v1/oauth/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(form.to_owned())
        .send()
        .await
        .unwrap();
    let cache = r
        .headers()
        .get("cache-control")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let (status, body) = etakirjasto_e2e::status_json(r).await;
    (status, body, cache)
}

async fn token(app: &TestApp, id: &str, secret: &str, scope: Option<&str>) -> String {
    let mut form = format!("grant_type=client_credentials&client_id={id}&client_secret={secret}");
    if let Some(s) = scope {
        form.push_str(&format!("&scope={}", s.replace(' ', "+")));
    }
    let (status, body, _) = exchange(app, &form).await;
    assert_eq!(status, 200, "{body}");
    body["access_token"].as_str().unwrap().to_owned()
}

/// The first demo online event's id.
async fn online_event(app: &TestApp) -> String {
    let (_, events) = app
        .get("/api/v1/events?library=kalajoki&mode=online", None)
        .await;
    events["items"][0]["id"].as_str().unwrap().to_owned()
}

fn guest(name: &str) -> Value {
    json!({"seat_type": "online", "name": name, "email": "kumppani.asiakas@example.fi", "patron_consent": true})
}

async fn token_and_scopes(app: TestApp) {
    let admin = app.token_for(demo::ADMIN.0, demo::ADMIN.1).await;
    let (id, secret) = client(&app, &admin, &["events:read", "registrations:write"], 1000).await;
    assert!(secret.starts_with("eks_") && secret.len() > 40, "{secret}");

    // The secret is shown once: not in the list, not in one client's answer, not stored as it is.
    let (status, list) = app
        .get("/api/v1/api-clients?library=kalajoki", Some(&admin))
        .await;
    assert_eq!(status, 200, "{list}");
    assert_eq!(list[0]["client_id"], id.as_str());
    assert_eq!(
        list[0]["scopes"],
        json!(["events:read", "registrations:write"])
    );
    assert_eq!(list[0]["allowed_origins"], json!([SITE]));
    assert!(!list.to_string().contains(&secret));
    let (_, one) = app
        .get(&format!("/api/v1/api-clients/{id}"), Some(&admin))
        .await;
    assert!(one.get("client_secret").is_none(), "{one}");
    let stored = query_strings(
        &app.database_url,
        &format!("SELECT secret_hash AS value FROM api_clients WHERE id = '{id}'"),
    );
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0], secret);
    assert!(!stored[0].contains(&secret[4..]));

    // The exchange: a form with id and secret gives every scope; HTTP Basic and a narrower scope too.
    let (status, body, cache) = exchange(
        &app,
        &format!("grant_type=client_credentials&client_id={id}&client_secret={secret}"),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(cache, "no-store");
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 900);
    assert_eq!(body["scope"], "events:read registrations:write");
    let full = body["access_token"].as_str().unwrap().to_owned();
    assert!(full.starts_with("ekp_"));
    let r = app
        .client
        .post(app.url("/api/v1/oauth/token"))
        .basic_auth(&id, Some(&secret))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("grant_type=client_credentials&scope=events:read")
        .send()
        .await
        .unwrap();
    let (status, body) = etakirjasto_e2e::status_json(r).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["scope"], "events:read");
    let read_only = body["access_token"].as_str().unwrap().to_owned();

    // Refusals carry OAuth's error code as well as ours.
    for (form, status, code, oauth) in [
        (
            format!("grant_type=client_credentials&client_id={id}&client_secret=eks_wrong"),
            401,
            "invalid_client",
            "invalid_client",
        ),
        (
            format!("grant_type=password&client_id={id}&client_secret={secret}"),
            422,
            "invalid_input",
            "unsupported_grant_type",
        ),
        (
            format!(
                "grant_type=client_credentials&client_id={id}&client_secret={secret}&scope=bookings:write"
            ),
            422,
            "invalid_input",
            "invalid_scope",
        ),
        (
            format!("grant_type=client_credentials&client_id=nobody&client_secret={secret}"),
            401,
            "invalid_client",
            "invalid_client",
        ),
    ] {
        let (got, body, _) = exchange(&app, &form).await;
        assert_eq!(
            (got, body["code"].as_str(), body["error"].as_str()),
            (status, Some(code), Some(oauth)),
            "{form}: {body}"
        );
    }

    // What the scopes open: events are read and a patron is registered (as a guest, by the partner).
    let event = online_event(&app).await;
    let (status, events) = app
        .get("/api/v1/events?library=kalajoki", Some(&full))
        .await;
    assert_eq!(status, 200, "{events}");
    let (status, registration) = app
        .send(
            "POST",
            &format!("/api/v1/events/{event}/registrations"),
            Some(&full),
            Some(guest("Kumppanin Kautta")),
        )
        .await;
    assert_eq!(status, 201, "{registration}");
    assert!(registration["manage_token"].is_string(), "{registration}");
    // What they do not: slots, staff's operations, a person's own data; and the narrower token
    // cannot register.
    let (_, services) = app.get("/api/v1/services?library=kalajoki", None).await;
    let service = services["items"][0]["id"].as_str().unwrap();
    for (method, path, token) in [
        (
            "GET",
            format!(
                "/api/v1/services/{service}/slots?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z"
            ),
            &full,
        ),
        ("POST", "/api/v1/events".to_owned(), &full),
        ("GET", "/api/v1/me".to_owned(), &full),
        (
            "POST",
            format!("/api/v1/events/{event}/registrations"),
            &read_only,
        ),
    ] {
        let (status, body) = app
            .send(method, &path, Some(token), Some(guest("Ei Pääse")))
            .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (403, Some("insufficient_scope")),
            "{method} {path}: {body}"
        );
    }
    // An operation written with escapes (the router decodes them) is no way around the scopes, nor
    // around the per-address limit of new accounts.
    for path in [
        "/api/v1/webhook%73",
        "/api/v1/auth/regist%65r",
        "/api/v1/event%73",
    ] {
        let (status, body) = app
            .send("POST", path, Some(&full), Some(json!({"name": "x"})))
            .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (403, Some("insufficient_scope")),
            "{path}: {body}"
        );
    }
    // A token that is not one.
    let (status, body) = app
        .get("/api/v1/events", Some("ekp_not-a-real-token"))
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (401, Some("unauthorized")),
        "{body}"
    );

    // Every call with a token is logged with its route pattern and status, none with the path's values.
    let (status, calls) = app
        .get(
            &format!("/api/v1/api-clients/{id}/calls?limit=100"),
            Some(&admin),
        )
        .await;
    assert_eq!(status, 200, "{calls}");
    let seen: Vec<(String, String, u64)> = calls["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["method"].as_str().unwrap().to_owned(),
                c["route"].as_str().unwrap().to_owned(),
                c["status"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(seen.len(), 9, "{seen:?}");
    assert!(seen.contains(&(
        "POST".into(),
        "/api/v1/events/{id}/registrations".into(),
        201
    )));
    assert!(seen.contains(&(
        "POST".into(),
        "/api/v1/events/{id}/registrations".into(),
        403
    )));
    assert!(seen.contains(&("GET".into(), "/api/v1/services/{id}/slots".into(), 403)));
    assert!(seen.contains(&("GET".into(), "/api/v1/events".into(), 200)));
    assert!(!calls.to_string().contains(&event));
    // A page holds its place.
    let (_, first) = app
        .get(
            &format!("/api/v1/api-clients/{id}/calls?limit=5"),
            Some(&admin),
        )
        .await;
    let cursor = first["next_cursor"].as_str().unwrap();
    let (_, second) = app
        .get(
            &format!("/api/v1/api-clients/{id}/calls?limit=5&cursor={cursor}"),
            Some(&admin),
        )
        .await;
    assert_eq!(
        first["items"].as_array().unwrap().len() + second["items"].as_array().unwrap().len(),
        9
    );
    let (_, list) = app
        .get("/api/v1/api-clients?library=kalajoki", Some(&admin))
        .await;
    assert_eq!(list[0]["calls_last_day"], 9, "{list}");
    assert!(list[0]["last_call_at"].is_string());
    // Making the client is in the audit log.
    let (_, audit) = app
        .get(
            &format!("/api/v1/audit-log?library=kalajoki&record={id}"),
            Some(&admin),
        )
        .await;
    assert_eq!(audit["items"][0]["action"], "api_client.created", "{audit}");
}

async fn revocation(app: TestApp) {
    let admin = app.token_for(demo::ADMIN.0, demo::ADMIN.1).await;
    let (id, secret) = client(&app, &admin, &["events:read", "registrations:write"], 1000).await;
    let event = online_event(&app).await;

    // A scope the client loses stops working for tokens it already has.
    let before = token(&app, &id, &secret, None).await;
    let (status, changed) = app
        .send(
            "PUT",
            &format!("/api/v1/api-clients/{id}"),
            Some(&admin),
            Some(json!({"library": "kalajoki", "name": "Uusi nimi", "scopes": ["events:read"], "allowed_origins": [], "rate_limit_per_minute": 50})),
        )
        .await;
    assert_eq!(status, 200, "{changed}");
    assert_eq!(changed["rate_limit_per_minute"], 50);
    let (status, body) = app
        .send(
            "POST",
            &format!("/api/v1/events/{event}/registrations"),
            Some(&before),
            Some(guest("Myöhässä")),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (403, Some("insufficient_scope")),
        "{body}"
    );
    let (status, _) = app.get("/api/v1/events", Some(&before)).await;
    assert_eq!(status, 200);

    // A new secret: the old one and its tokens stop; the new one works.
    let (status, renewed) = app
        .send(
            "POST",
            &format!("/api/v1/api-clients/{id}/secret"),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(status, 200, "{renewed}");
    let new_secret = renewed["client_secret"].as_str().unwrap().to_owned();
    assert_ne!(new_secret, secret);
    let (status, _) = app.get("/api/v1/events", Some(&before)).await;
    assert_eq!(status, 401);
    let (status, body, _) = exchange(
        &app,
        &format!("grant_type=client_credentials&client_id={id}&client_secret={secret}"),
    )
    .await;
    assert_eq!(status, 401, "{body}");
    let after = token(&app, &id, &new_secret, None).await;
    let (status, _) = app.get("/api/v1/events", Some(&after)).await;
    assert_eq!(status, 200);

    // Revoked: its tokens stop, it gets no new ones, and it cannot be changed; revoking again keeps the time.
    let (status, revoked) = app
        .send(
            "POST",
            &format!("/api/v1/api-clients/{id}/revoke"),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(status, 200, "{revoked}");
    let at = revoked["revoked_at"].as_str().unwrap().to_owned();
    let (status, _) = app.get("/api/v1/events", Some(&after)).await;
    assert_eq!(status, 401);
    let (status, body, _) = exchange(
        &app,
        &format!("grant_type=client_credentials&client_id={id}&client_secret={new_secret}"),
    )
    .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (401, Some("invalid_client"))
    );
    let (status, _) = app
        .send(
            "POST",
            &format!("/api/v1/api-clients/{id}/secret"),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(status, 409);
    let (_, again) = app
        .send(
            "POST",
            &format!("/api/v1/api-clients/{id}/revoke"),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(again["revoked_at"].as_str(), Some(at.as_str()));
    let (_, audit) = app
        .get(
            &format!("/api/v1/audit-log?library=kalajoki&record={id}"),
            Some(&admin),
        )
        .await;
    let actions: Vec<&str> = audit["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "api_client.revoked",
            "api_client.secret_renewed",
            "api_client.changed",
            "api_client.created"
        ]
    );
}

async fn own_library(app: TestApp) {
    app.add_other_library();
    let oulu_admin = ("paakayttaja@oulu.example", "oulun paakayttaja 1");
    let out = app.cli(
        &[
            "user",
            "add",
            "--library",
            "oulu",
            "--role",
            "admin",
            "--email",
            oulu_admin.0,
        ],
        &[("ETAKIRJASTO_PASSWORD", oulu_admin.1)],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let oulu = app.token_for(oulu_admin.0, oulu_admin.1).await;
    let (status, made) = app
        .send(
            "POST",
            "/api/v1/api-clients",
            Some(&oulu),
            Some(json!({"library": "oulu", "name": "Oulun sivut", "scopes": ["events:read", "bookings:write", "registrations:write"], "rate_limit_per_minute": 100})),
        )
        .await;
    assert_eq!(status, 201, "{made}");
    let id = made["client"]["client_id"].as_str().unwrap().to_owned();
    let secret = made["client_secret"].as_str().unwrap().to_owned();

    // Oulu's client cannot register or book in Kalajoki, though it may read Kalajoki's events.
    let partner = token(&app, &id, &secret, None).await;
    let event = online_event(&app).await;
    let (status, body) = app
        .send(
            "POST",
            &format!("/api/v1/events/{event}/registrations"),
            Some(&partner),
            Some(guest("Väärä Kirjasto")),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (403, Some("forbidden")),
        "{body}"
    );
    let (_, services) = app.get("/api/v1/services?library=kalajoki", None).await;
    let (status, body) = app
        .send(
            "POST",
            "/api/v1/bookings",
            Some(&partner),
            Some(json!({"service_id": services["items"][0]["id"], "start": "2030-01-07T10:00:00+02:00", "mode": "phone", "name": "Väärä Kirjasto", "phone": "040 111 2222", "accept_ground_rules": true})),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (403, Some("forbidden")),
        "{body}"
    );
    let (status, _) = app
        .get("/api/v1/events?library=kalajoki", Some(&partner))
        .await;
    assert_eq!(status, 200);
    let registrations = query_strings(
        &app.database_url,
        "SELECT CAST(COUNT(*) AS TEXT) AS value FROM event_registrations WHERE guest_name = 'Väärä Kirjasto'",
    );
    assert_eq!(registrations, ["0"]);

    // Kalajoki's admin sees nothing of Oulu's clients, and Oulu's admin nothing of Kalajoki's.
    let kalajoki = app.token_for(demo::ADMIN.0, demo::ADMIN.1).await;
    let (kid, _) = client(&app, &kalajoki, &["events:read"], 10).await;
    for path in [
        format!("/api/v1/api-clients/{id}"),
        format!("/api/v1/api-clients/{id}/calls"),
    ] {
        let (status, _) = app.get(&path, Some(&kalajoki)).await;
        assert_eq!(status, 404, "{path}");
    }
    let (status, _) = app
        .send(
            "POST",
            &format!("/api/v1/api-clients/{id}/revoke"),
            Some(&kalajoki),
            None,
        )
        .await;
    assert_eq!(status, 404);
    let (status, _) = app
        .get("/api/v1/api-clients?library=oulu", Some(&kalajoki))
        .await;
    assert_eq!(status, 403);
    let (status, _) = app
        .get(&format!("/api/v1/api-clients/{kid}"), Some(&oulu))
        .await;
    assert_eq!(status, 404);
    let (_, list) = app
        .get("/api/v1/api-clients?library=oulu", Some(&oulu))
        .await;
    assert_eq!(list.as_array().unwrap().len(), 1);
}

async fn rate_limit(app: TestApp) {
    let admin = app.token_for(demo::ADMIN.0, demo::ADMIN.1).await;
    let (id, secret) = client(&app, &admin, &["events:read"], 10).await;
    let (other, other_secret) = client(&app, &admin, &["events:read"], 10).await;
    // The exchange spends one of the ten; nine calls are left this minute.
    let partner = token(&app, &id, &secret, None).await;
    let calls = (0..30).map(|_| {
        let (client, url, partner) = (
            app.client.clone(),
            app.url("/api/v1/events?limit=1"),
            partner.clone(),
        );
        tokio::spawn(async move {
            let r = client.get(url).bearer_auth(partner).send().await.unwrap();
            let retry = r.headers().get("retry-after").is_some();
            (r.status().as_u16(), retry)
        })
    });
    let answers: Vec<(u16, bool)> = futures_util::future::join_all(calls)
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let ok = answers.iter().filter(|(s, _)| *s == 200).count();
    let limited = answers
        .iter()
        .filter(|(s, retry)| *s == 429 && *retry)
        .count();
    assert_eq!((ok, limited), (9, 21), "{answers:?}");
    // Another client's budget is its own.
    let second = token(&app, &other, &other_secret, None).await;
    let (status, _) = app.get("/api/v1/events?limit=1", Some(&second)).await;
    assert_eq!(status, 200);
    // Even the refused calls are logged.
    let logged = query_strings(
        &app.database_url,
        &format!(
            "SELECT CAST(COUNT(*) AS TEXT) AS value FROM api_client_calls WHERE client_id = '{id}' AND status = 429"
        ),
    );
    assert_eq!(logged, ["21"]);
}

async fn cors(app: TestApp) {
    let admin = app.token_for(demo::ADMIN.0, demo::ADMIN.1).await;
    let preflight = |origin: &'static str| {
        app.client
            .request(reqwest::Method::OPTIONS, app.url("/api/v1/events"))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "GET")
            .header("Access-Control-Request-Headers", "authorization")
            .send()
    };
    // Nothing is open before a client names an origin.
    let r = preflight(SITE).await.unwrap();
    assert_eq!(r.status(), 403);
    assert!(r.headers().get("access-control-allow-origin").is_none());

    let (id, secret) = client(&app, &admin, &["events:read"], 100).await;
    let r = preflight(SITE).await.unwrap();
    assert_eq!(r.status(), 204);
    assert_eq!(r.headers()["access-control-allow-origin"], SITE);
    assert!(
        r.headers()["access-control-allow-headers"]
            .to_str()
            .unwrap()
            .contains("Authorization")
    );
    let r = preflight("https://evil.example").await.unwrap();
    assert_eq!(r.status(), 403);
    assert!(r.headers().get("access-control-allow-origin").is_none());

    // A call with the client's token from its origin may be read by the page; from another
    // origin, or without a token, it may not.
    let partner = token(&app, &id, &secret, None).await;
    let call = |origin: &'static str, token: Option<String>| {
        let mut req = app
            .client
            .get(app.url("/api/v1/events?limit=1"))
            .header("Origin", origin);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        req.send()
    };
    let r = call(SITE, Some(partner.clone())).await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["access-control-allow-origin"], SITE);
    let r = call("https://evil.example", Some(partner.clone()))
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers().get("access-control-allow-origin").is_none());
    let r = call(SITE, None).await.unwrap();
    assert!(r.headers().get("access-control-allow-origin").is_none());

    // Revoked, its origin is closed again.
    let (status, _) = app
        .send(
            "POST",
            &format!("/api/v1/api-clients/{id}/revoke"),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(status, 200);
    let r = preflight(SITE).await.unwrap();
    assert_eq!(r.status(), 403);
}

async fn closed_operations(app: TestApp) {
    let admin = app.token_for(demo::ADMIN.0, demo::ADMIN.1).await;
    let (id, secret) = client(
        &app,
        &admin,
        &[
            "events:read",
            "slots:read",
            "bookings:write",
            "registrations:write",
            "guides:read",
            "webhooks:manage",
        ],
        10_000,
    )
    .await;
    let partner = token(&app, &id, &secret, None).await;
    let (_, spec) = app.get("/api/openapi.json", None).await;
    let (mut open, mut closed) = (0, 0);
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let url = app.url(&path.replace(['{', '}'], ""));
            let r = app
                .client
                .request(method.to_uppercase().parse().unwrap(), url)
                .bearer_auth(&partner)
                .json(&json!({}))
                .send()
                .await
                .unwrap();
            let (status, body) = etakirjasto_e2e::status_json(r).await;
            let partners_may = op["security"]
                .as_array()
                .is_some_and(|s| s.iter().any(|r| r.get("partner").is_some()));
            let id = op["operationId"].as_str().unwrap();
            assert!(status < 500, "{id}: {status} {body}");
            if partners_may {
                open += 1;
                assert!(
                    body["code"] != "insufficient_scope",
                    "{id} is open to partners: {status} {body}"
                );
            } else if path.starts_with("/api/v1/") && id != "issue_token" {
                closed += 1;
                assert_eq!(
                    (status, body["code"].as_str()),
                    (403, Some("insufficient_scope")),
                    "{id} is not open to partners"
                );
            }
        }
    }
    assert_eq!(open, 28);
    assert!(closed > 80, "{closed}");
}

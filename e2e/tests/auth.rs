//! Accounts and sign-in over HTTP, on SQLite and PostgreSQL.

use etakirjasto_e2e::{TestApp, demo, on_both_databases};
use serde_json::json;

on_both_databases! {
    register_login_me_refresh_logout_then_refresh_is_refused => register_login_me_refresh_logout;
    card_and_pin_sign_in_works => card_and_pin_sign_in;
    a_reused_refresh_token_revokes_the_whole_session => reused_refresh_token_revokes_family;
    logout_stops_the_access_token_at_once => logout_stops_access_token;
    the_refresh_cookie_is_http_only_and_strict => refresh_cookie;
    simultaneous_registrations_with_one_email_create_one_account => simultaneous_registrations;
    repeated_failures_are_throttled_without_revealing_accounts => throttling;
    staff_and_admin_roles_show_in_me => roles_in_me;
}

async fn register_login_me_refresh_logout(app: TestApp) {
    // Arrange + Act: register.
    let reg = app
        .register("Ville Virtanen", "ville@example.fi", "hyvä salasana 1")
        .await;
    assert_eq!(reg["token_type"], "Bearer");
    assert_eq!(reg["expires_in"], 900);
    assert_eq!(reg["user"]["memberships"][0]["library"], "kalajoki");
    assert_eq!(reg["user"]["memberships"][0]["role"], "patron");

    // Login and me.
    let (status, login) = app.login("VILLE@example.fi ", "hyvä salasana 1").await;
    assert_eq!(status, 200, "{login}");
    let access = login["access_token"].as_str().unwrap();
    let (status, me) = app.get("/api/v1/me", Some(access)).await;
    assert_eq!(status, 200);
    assert_eq!(me["name"], "Ville Virtanen");
    assert_eq!(me["email"], "ville@example.fi");

    // Refresh rotates: a new pair, and the new access token works.
    let refresh = login["refresh_token"].as_str().unwrap();
    let (status, renewed) = app
        .post("/api/v1/auth/refresh", &json!({"refresh_token": refresh}))
        .await;
    assert_eq!(status, 200, "{renewed}");
    let next_refresh = renewed["refresh_token"].as_str().unwrap();
    assert_ne!(next_refresh, refresh);
    let (status, _) = app
        .get("/api/v1/me", renewed["access_token"].as_str())
        .await;
    assert_eq!(status, 200);

    // Logout, then the refresh token is refused.
    let (status, _) = app
        .post(
            "/api/v1/auth/logout",
            &json!({"refresh_token": next_refresh}),
        )
        .await;
    assert_eq!(status, 204);
    let (status, problem) = app
        .post(
            "/api/v1/auth/refresh",
            &json!({"refresh_token": next_refresh}),
        )
        .await;
    assert_eq!(status, 401);
    assert_eq!(problem["code"], "invalid_refresh_token");
}

async fn card_and_pin_sign_in(app: TestApp) {
    let (status, body) = app
        .post(
            "/api/v1/auth/login",
            &json!({"card_number": demo::CARD.0, "pin": demo::CARD.1}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["user"]["card_number"], demo::CARD.0);
    let (status, body) = app
        .post(
            "/api/v1/auth/login",
            &json!({"card_number": demo::CARD.0, "pin": "9999"}),
        )
        .await;
    assert_eq!(status, 401);
    assert_eq!(body["code"], "invalid_credentials");
    // A patron who registers with a card signs in with it.
    let (status, _) = app
        .post(
            "/api/v1/auth/register",
            &json!({"name": "Kortti Käyttäjä", "card_number": "3000 1234 56", "pin": "4321"}),
        )
        .await;
    assert_eq!(status, 201);
    let (status, _) = app
        .post(
            "/api/v1/auth/login",
            &json!({"card_number": "3000123456", "pin": "4321"}),
        )
        .await;
    assert_eq!(status, 200);
}

async fn reused_refresh_token_revokes_family(app: TestApp) {
    let (_, login) = app.login(demo::PATRON.0, demo::PATRON.1).await;
    let first = login["refresh_token"].as_str().unwrap().to_owned();
    let (status, second) = app
        .post("/api/v1/auth/refresh", &json!({"refresh_token": first}))
        .await;
    assert_eq!(status, 200);
    // The stolen first token is replayed: refused, and the legitimate second one dies with it.
    let (status, _) = app
        .post("/api/v1/auth/refresh", &json!({"refresh_token": first}))
        .await;
    assert_eq!(status, 401);
    let (status, _) = app
        .post(
            "/api/v1/auth/refresh",
            &json!({"refresh_token": second["refresh_token"]}),
        )
        .await;
    assert_eq!(status, 401, "the whole family is revoked");
    let (status, _) = app.get("/api/v1/me", second["access_token"].as_str()).await;
    assert_eq!(status, 401, "access tokens of the revoked session stop too");
}

async fn logout_stops_access_token(app: TestApp) {
    let (_, login) = app.login(demo::PATRON.0, demo::PATRON.1).await;
    let access = login["access_token"].as_str().unwrap();
    let r = app
        .client
        .post(app.url("/api/v1/auth/logout"))
        .bearer_auth(access)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    let (status, problem) = app.get("/api/v1/me", Some(access)).await;
    assert_eq!(status, 401);
    assert_eq!(problem["code"], "unauthorized");
}

async fn refresh_cookie(app: TestApp) {
    let browser = app.browser_client();
    let r = browser
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({"email": demo::PATRON.0, "password": demo::PATRON.1}))
        .send()
        .await
        .unwrap();
    let cookie = r
        .headers()
        .get("set-cookie")
        .expect("cookie set")
        .to_str()
        .unwrap()
        .to_owned();
    for part in [
        "etakirjasto_refresh=",
        "HttpOnly",
        "SameSite=Strict",
        "Path=/api/v1/auth",
    ] {
        assert!(cookie.contains(part), "cookie lacks {part}: {cookie}");
    }
    // The web app refreshes with the cookie alone.
    let r = browser
        .post(app.url("/api/v1/auth/refresh"))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let r = browser
        .post(app.url("/api/v1/auth/logout"))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    let r = browser
        .post(app.url("/api/v1/auth/refresh"))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.status(),
        401,
        "after logout the cookie is cleared and the session revoked"
    );
}

async fn simultaneous_registrations(app: TestApp) {
    let attempts = (0..12).map(|i| {
        let app = &app;
        async move {
            app.post(
                "/api/v1/auth/register",
                &json!({"name": format!("Sama {i}"), "email": "sama@example.fi", "password": "sama salasana 1"}),
            )
            .await
        }
    });
    let results = futures_util::future::join_all(attempts).await;
    let created = results.iter().filter(|(s, _)| *s == 201).count();
    let conflicts = results
        .iter()
        .filter(|(s, b)| *s == 409 && b["code"] == "account_exists")
        .count();
    assert_eq!(created, 1, "{results:?}");
    assert_eq!(conflicts, 11, "{results:?}");
}

async fn throttling(app: TestApp) {
    for i in 0..5 {
        let (status, _) = app.login(demo::PATRON.0, "wrong password").await;
        assert_eq!(status, 401, "failure {i}");
    }
    let r = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({"email": demo::PATRON.0, "password": demo::PATRON.1}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429, "even the right password waits");
    let wait: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=900).contains(&wait), "Retry-After {wait}");
    // An account that does not exist is throttled the same way.
    for _ in 0..5 {
        let (status, _) = app.login("nobody@example.fi", "wrong password").await;
        assert_eq!(status, 401);
    }
    let (status, body) = app.login("nobody@example.fi", "wrong password").await;
    assert_eq!(status, 429);
    assert_eq!(body["code"], "too_many_requests");
    // Other accounts are not affected: the staff member's right password passes to the second step.
    let (status, body) = app.login(demo::STAFF.0, demo::STAFF.1).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (401, Some("second_factor_required"))
    );
}

async fn roles_in_me(app: TestApp) {
    for ((email, password), role) in [
        (demo::ADMIN, "admin"),
        (demo::STAFF, "staff"),
        (demo::PATRON, "patron"),
    ] {
        let token = app.token_for(email, password).await;
        let (_, me) = app.get("/api/v1/me", Some(&token)).await;
        assert_eq!(me["memberships"][0]["role"], role, "{email}");
    }
}

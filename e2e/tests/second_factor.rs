//! Two-step sign-in on both databases: staff tools only for sessions that passed it, codes that work
//! once (also when many sign-ins race with one code), recovery codes, and the operator's reset.

use etakirjasto_e2e::{TestApp, demo, on_both_databases, status_json};
use etakirjasto_shared::totp;
use serde_json::{Value, json};

on_both_databases! {
    staff_sign_in_needs_the_code_and_each_code_works_once => codes_work_once;
    new_staff_get_no_staff_tools_until_they_set_up_two_step_sign_in => setup_gate;
    many_sign_ins_racing_with_one_code_let_exactly_one_in => race_one_code;
    the_password_alone_does_not_reset_the_count_of_wrong_codes => guessing_is_throttled;
}

fn code_now(secret: &str, offset: i64) -> String {
    totp::code_at(
        &totp::decode_secret(secret).unwrap(),
        totp::step_of(chrono::Utc::now().timestamp()) + offset,
    )
}

async fn login(app: &TestApp, email: &str, password: &str, code: Option<&str>) -> (u16, Value) {
    let mut body = json!({"email": email, "password": password});
    if let Some(c) = code {
        body["one_time_code"] = json!(c);
    }
    app.post("/api/v1/auth/login", &body).await
}

async fn post(app: &TestApp, path: &str, token: &str, body: &Value) -> (u16, Value) {
    let r = app
        .client
        .post(app.url(path))
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .unwrap();
    status_json(r).await
}

async fn codes_work_once(app: TestApp) {
    let (email, password) = demo::STAFF;
    let (status, body) = login(&app, email, password, None).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (401, Some("second_factor_required"))
    );
    assert!(body.get("access_token").is_none());
    // A wrong password with a right code is still a wrong password.
    let code = code_now(demo::STAFF_SECRET, 0);
    let (status, body) = login(&app, email, "wrong password", Some(&code)).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (401, Some("invalid_credentials"))
    );
    let (status, body) = login(&app, email, password, Some("000000x")).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (401, Some("second_factor_invalid"))
    );
    let (status, body) = login(&app, email, password, Some(&code)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["user"]["second_factor"], true);
    assert_eq!(body["user"]["second_factor_needed"], false);
    let token = body["access_token"].as_str().unwrap();
    let (status, _) = app
        .get("/api/v1/bookings?library=kalajoki", Some(token))
        .await;
    assert_eq!(status, 200, "staff tools open");
    // The same code again is refused, even within its 30 seconds.
    let (status, body) = login(&app, email, password, Some(&code)).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (401, Some("second_factor_invalid"))
    );
    // Setting it up again is refused while it is on.
    let r = app
        .client
        .post(app.url("/api/v1/me/second-factor"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(status_json(r).await.1["code"], "second_factor_enabled");
}

async fn setup_gate(app: TestApp) {
    let (email, password) = app.add_other_library();
    // Signed in with the password only: the staff role is held back.
    let (status, body) = login(&app, email, password, None).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["user"]["second_factor_needed"], true);
    assert_eq!(
        body["user"]["memberships"][0]["role"], "staff",
        "the real role is shown"
    );
    let token = body["access_token"].as_str().unwrap().to_owned();
    let (_, other) = login(&app, email, password, None).await;
    let older_session = other["access_token"].as_str().unwrap().to_owned();
    let (status, problem) = app.get("/api/v1/bookings?library=oulu", Some(&token)).await;
    assert_eq!(
        (status, problem["code"].as_str()),
        (403, Some("second_factor_setup_required"))
    );
    // A staff member cannot delete their account by looking like a patron.
    let (status, _) = post(
        &app,
        "/api/v1/me/delete",
        &token,
        &json!({"password": password}),
    )
    .await;
    assert_eq!(status, 409);

    // Set up: a wrong code is refused at the field; the right one turns it on.
    let r = app
        .client
        .post(app.url("/api/v1/me/second-factor"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    let (status, setup) = status_json(r).await;
    assert_eq!(status, 201);
    let secret = setup["secret"].as_str().unwrap().to_owned();
    assert!(setup["otpauth_uri"].as_str().unwrap().contains(&secret));
    assert!(
        setup["qr_svg"].as_str().unwrap().starts_with("<?xml")
            || setup["qr_svg"].as_str().unwrap().contains("<svg")
    );
    let wrong = if code_now(&secret, 0) == "123456" {
        "654321"
    } else {
        "123456"
    };
    let (status, problem) = post(
        &app,
        "/api/v1/me/second-factor/confirm",
        &token,
        &json!({"one_time_code": wrong}),
    )
    .await;
    assert_eq!(
        (
            status,
            problem["errors"][0]["field"].as_str(),
            problem["errors"][0]["code"].as_str()
        ),
        (422, Some("one_time_code"), Some("incorrect"))
    );
    let step_code = code_now(&secret, 0);
    let (status, codes) = post(
        &app,
        "/api/v1/me/second-factor/confirm",
        &token,
        &json!({"one_time_code": step_code}),
    )
    .await;
    assert_eq!(status, 200, "{codes}");
    let recovery: Vec<String> = codes["recovery_codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(recovery.len(), 10);
    // This session passed; the older one did not.
    let (status, _) = app.get("/api/v1/bookings?library=oulu", Some(&token)).await;
    assert_eq!(status, 200);
    let (status, problem) = app
        .get("/api/v1/bookings?library=oulu", Some(&older_session))
        .await;
    assert_eq!(
        (status, problem["code"].as_str()),
        (403, Some("second_factor_setup_required"))
    );
    let (_, me) = app.get("/api/v1/me", Some(&token)).await;
    assert_eq!(
        (
            me["second_factor"].as_bool(),
            me["second_factor_needed"].as_bool()
        ),
        (Some(true), Some(false))
    );

    // From now on the password alone is not enough; a recovery code works once, typed loosely.
    let (status, _) = login(&app, email, password, None).await;
    assert_eq!(status, 401);
    let loose = recovery[0].to_uppercase().replace('-', " ");
    let (status, body) = login(&app, email, password, Some(&loose)).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = login(&app, email, password, Some(&recovery[0])).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (401, Some("second_factor_invalid"))
    );

    // The operator's reset: sessions end and the account sets it up again.
    let out = app.cli(&["user", "reset-second-factor", "--email", email], &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (status, _) = app.get("/api/v1/me", Some(&token)).await;
    assert_eq!(status, 401, "the reset ended the sessions");
    let (status, body) = login(&app, email, password, None).await;
    assert_eq!(status, 200);
    assert_eq!(body["user"]["second_factor_needed"], true);
}

async fn race_one_code(app: TestApp) {
    let (email, password) = demo::ADMIN;
    let code = code_now(demo::STAFF_SECRET, 0);
    let attempts = (0..8).map(|_| {
        let code = code.clone();
        let app = &app;
        async move { login(app, email, password, Some(&code)).await }
    });
    let results = futures_util::future::join_all(attempts).await;
    let ok = results.iter().filter(|(s, _)| *s == 200).count();
    assert_eq!(ok, 1, "{results:?}");
    assert!(
        results.iter().all(|(s, b)| *s == 200
            || (*s == 401 && b["code"] == "second_factor_invalid")
            || *s == 429),
        "{results:?}"
    );
}

async fn guessing_is_throttled(app: TestApp) {
    let (email, password) = demo::STAFF;
    let right = code_now(demo::STAFF_SECRET, 0);
    let wrong = if right == "000000" {
        "111111"
    } else {
        "000000"
    };
    // Someone holding the password guesses codes, asking without a code in between.
    for i in 0..5 {
        let (status, body) = login(&app, email, password, None).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (401, Some("second_factor_required")),
            "round {i}"
        );
        let (status, body) = login(&app, email, password, Some(wrong)).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (401, Some("second_factor_invalid")),
            "round {i}"
        );
    }
    let (status, body) = login(&app, email, password, Some(&right)).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (429, Some("too_many_requests")),
        "{body}"
    );
}

//! Access tokens that must be refused, on SQLite and PostgreSQL.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use etakirjasto_e2e::{TEST_JWT_SECRET, TestApp, demo, on_both_databases};
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use serde_json::{Value, json};

on_both_databases! {
    forged_expired_and_misdirected_tokens_are_refused => forged_tokens_refused;
}

fn sign(claims: &Value, key: &str) -> String {
    encode(
        &Header::new(Algorithm::HS256),
        claims,
        &EncodingKey::from_secret(key.as_bytes()).unwrap(),
    )
    .unwrap()
}

async fn forged_tokens_refused(app: TestApp) {
    let (_, login) = app.login(demo::PATRON.0, demo::PATRON.1).await;
    let good = login["access_token"].as_str().unwrap().to_owned();
    let payload: Value = serde_json::from_slice(
        &URL_SAFE_NO_PAD
            .decode(good.split('.').nth(1).unwrap())
            .unwrap(),
    )
    .unwrap();
    let now = chrono::Utc::now().timestamp();
    let with = |f: &dyn Fn(&mut Value)| {
        let mut c = payload.clone();
        f(&mut c);
        c
    };
    // Control: a token we sign with the right key and claims is accepted, so the refusals below are
    // about the faults and not the signing.
    let control = sign(&with(&|c| c["iat"] = json!(now)), TEST_JWT_SECRET);
    assert_eq!(
        app.get("/api/v1/me", Some(&control)).await.0,
        200,
        "control token"
    );

    let none_alg = format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#),
        URL_SAFE_NO_PAD.encode(payload.to_string())
    );
    let cases: Vec<(&str, String)> = vec![
        (
            "expired",
            sign(&with(&|c| c["exp"] = json!(now - 3600)), TEST_JWT_SECRET),
        ),
        (
            "not yet valid",
            sign(&with(&|c| c["nbf"] = json!(now + 3600)), TEST_JWT_SECRET),
        ),
        (
            "another key",
            sign(&payload, "some-other-key-that-is-long-enough-1234567890"),
        ),
        ("alg none", none_alg),
        (
            "wrong audience",
            sign(&with(&|c| c["aud"] = json!("another-api")), TEST_JWT_SECRET),
        ),
        (
            "wrong issuer",
            sign(
                &with(&|c| c["iss"] = json!("https://evil.example")),
                TEST_JWT_SECRET,
            ),
        ),
        (
            "exp of the wrong type",
            sign(&with(&|c| c["exp"] = json!("tomorrow")), TEST_JWT_SECRET),
        ),
        (
            "missing exp",
            sign(
                &with(&|c| {
                    c.as_object_mut().unwrap().remove("exp");
                }),
                TEST_JWT_SECRET,
            ),
        ),
        (
            "unknown session",
            sign(
                &with(&|c| c["sid"] = json!("no-such-session")),
                TEST_JWT_SECRET,
            ),
        ),
        (
            "refresh token as access token",
            login["refresh_token"].as_str().unwrap().to_owned(),
        ),
        ("garbage", "not-a-token".to_owned()),
    ];
    for (case, token) in cases {
        let (status, body) = app.get("/api/v1/me", Some(&token)).await;
        assert_eq!(status, 401, "case {case}: {body}");
        assert_eq!(body["code"], "unauthorized", "case {case}");
    }
    let (status, _) = app.get("/api/v1/me", None).await;
    assert_eq!(status, 401, "no token");
}

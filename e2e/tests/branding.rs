//! A library's branding on a shared instance, on both databases: its admins set a colour only if
//! white text on it is readable (4.5:1), and a logo only if it is a PNG, JPEG or WebP image of at
//! most 200 KiB, served from this server under an address that changes with its bytes; staff who
//! are not admins, and another library's admin, change nothing.

use etakirjasto_e2e::{TestApp, demo, on_both_databases, root};
use serde_json::json;

on_both_databases! {
    a_library_admin_sets_a_readable_colour_and_an_image_logo => branding;
}

async fn put_logo(
    app: &TestApp,
    token: &str,
    kind: &str,
    body: Vec<u8>,
) -> (u16, serde_json::Value) {
    let r = app
        .client
        .put(app.url("/api/v1/libraries/kalajoki/logo"))
        .bearer_auth(token)
        .header("Content-Type", kind)
        .body(body)
        .send()
        .await
        .unwrap();
    etakirjasto_e2e::status_json(r).await
}

async fn branding(app: TestApp) {
    let admin = app.token_for(demo::ADMIN.0, demo::ADMIN.1).await;
    let path = "/api/v1/libraries/kalajoki/branding";

    // A colour too light for white text, and one that is not a colour, are refused by name.
    for (color, code) in [
        ("#ffdd00", "low_contrast"),
        ("#777777", "low_contrast"),
        ("navy", "invalid_format"),
    ] {
        let (status, refused) = app
            .send(
                "PUT",
                path,
                Some(&admin),
                Some(json!({"brand_color": color})),
            )
            .await;
        assert_eq!(status, 422, "{color}: {refused}");
        assert_eq!(refused["errors"][0]["field"], "brand_color");
        assert_eq!(refused["errors"][0]["code"], code, "{color}");
    }
    let (status, saved) = app
        .send(
            "PUT",
            path,
            Some(&admin),
            Some(json!({"brand_color": "#1D70B8"})),
        )
        .await;
    assert_eq!(status, 200, "{saved}");
    let (_, library) = app.get("/api/v1/libraries/kalajoki", None).await;
    assert_eq!(library["branding"]["brand_color"], "#1d70b8");

    // Nobody else changes it.
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let (status, _) = app
        .send(
            "PUT",
            path,
            Some(&staff),
            Some(json!({"brand_color": "#000000"})),
        )
        .await;
    assert_eq!(status, 403);
    let (email, password) = app.add_other_library();
    let other = app.token_for(email, password).await;
    let (status, _) = put_logo(
        &app,
        &other,
        "image/png",
        std::fs::read(root().join("e2e/fixtures/logo.png")).unwrap(),
    )
    .await;
    assert_eq!(status, 403);

    // The logo: SVG and other files are refused, so is a large one; a PNG is served from here.
    let (status, refused) = put_logo(
        &app,
        &admin,
        "image/svg+xml",
        br#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#.to_vec(),
    )
    .await;
    assert_eq!(
        (status, refused["errors"][0]["field"].as_str()),
        (422, Some("logo"))
    );
    let mut large = b"\x89PNG\r\n\x1a\n".to_vec();
    large.resize(201 * 1024, 0);
    let (status, _) = put_logo(&app, &admin, "image/png", large).await;
    assert_eq!(status, 413);
    let png = std::fs::read(root().join("e2e/fixtures/logo.png")).unwrap();
    let (status, saved) = put_logo(&app, &admin, "image/png", png.clone()).await;
    assert_eq!(status, 200, "{saved}");
    let url = saved["logo_url"].as_str().unwrap().to_owned();
    assert!(
        url.starts_with("/api/v1/libraries/kalajoki/logo?v="),
        "{url}"
    );
    let r = app.client.get(app.url(&url)).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "image/png");
    assert_eq!(
        r.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(r.bytes().await.unwrap().to_vec(), png);
    let (_, library) = app.get("/api/v1/libraries/kalajoki", None).await;
    assert_eq!(library["branding"]["logo_url"], url.as_str());

    // Removed: gone from the library and from its address; the colour can go back to the instance's.
    let (status, _) = app
        .send(
            "DELETE",
            "/api/v1/libraries/kalajoki/logo",
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(status, 204);
    let r = app.client.get(app.url(&url)).send().await.unwrap();
    assert_eq!(r.status(), 404);
    let (status, _) = app.send("PUT", path, Some(&admin), Some(json!({}))).await;
    assert_eq!(status, 200);
    let (_, library) = app.get("/api/v1/libraries/kalajoki", None).await;
    assert_eq!(library["branding"], json!({}));
}

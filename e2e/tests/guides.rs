//! Operating models: the demo catalogue and its scenario filter, writing with history and a
//! conflict on stale edits (also under concurrent saves), safe HTML, the Markdown export and bundle,
//! and another library copying a model with attribution.

use etakirjasto_e2e::{TestApp, demo, on_both_databases};
use serde_json::{Value, json};

on_both_databases! {
    the_demo_catalogue_lists_the_services_that_matter_in_each_scenario => catalogue;
    staff_write_a_model_and_every_edit_is_kept_in_its_history => history;
    of_concurrent_edits_of_one_version_exactly_one_is_saved => concurrent_edits;
    a_model_downloads_as_markdown_and_a_library_as_a_bundle => markdown;
    another_library_copies_a_model_with_its_origin_named => copy;
    a_copy_of_a_copy_names_every_source_and_share_alike_stays => chain;
}

fn titles(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["title"].as_str().unwrap().to_owned())
        .collect()
}

fn fields(body: &Value) -> Vec<String> {
    let mut f: Vec<String> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect();
    f.sort();
    f
}

fn new_model() -> Value {
    json!({
        "library": "kalajoki",
        "service": "other",
        "language": "fi",
        "title": "  Lukulista sähköpostiin  ",
        "purpose": "Asiakas saa kuukausittain lukulistan.",
        "audience": "Kaikki, jotka haluavat lukuvinkkejä.",
        "steps": "1. Tilaa lista.\n2. Saat listan <script>alert(1)</script> sähköpostiin.",
        "how_to_get": "Tilaa [varaussivulta](/book) tai [soita](tel:+358844691235).",
        "variants": [{"scenario": "staff_remote", "text": "Lista kootaan etänä."}]
    })
}

async fn catalogue(app: TestApp) {
    let (status, page) = app.get("/api/v1/guides?library=kalajoki", None).await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(
        titles(&page),
        [
            "Henkilökohtainen etäopastus",
            "Etälukupiiri ja etätapahtumat",
            "Etäohjelmat hoivakoteihin",
            "Kotipalvelu",
        ],
        "in the services' order"
    );
    let first = &page["items"][0];
    assert_eq!(first["service"], "one_to_one_sessions");
    assert_eq!(first["licence"], "CC-BY-4.0");
    assert_eq!(
        first["licence_url"],
        "https://creativecommons.org/licenses/by/4.0/"
    );
    assert_eq!(first["version"], 1);
    assert!(
        first["steps"]["html"]
            .as_str()
            .unwrap()
            .starts_with("<ol>\n<li>Asiakas varaa ajan verkossa (<strong>Varaa aika</strong>)"),
        "{}",
        first["steps"]["html"]
    );
    // Each scenario lists the models with a variant for it; normal times list them all.
    for (scenario, expected) in [
        ("normal", 4),
        ("library_closed", 3),
        ("patrons_unable_to_visit", 3),
        ("staff_remote", 2),
    ] {
        let (_, page) = app
            .get(
                &format!("/api/v1/guides?library=kalajoki&scenario={scenario}"),
                None,
            )
            .await;
        assert_eq!(
            page["items"].as_array().unwrap().len(),
            expected,
            "{scenario}: {page}"
        );
        if scenario != "normal" {
            for g in page["items"].as_array().unwrap() {
                assert!(
                    g["variants"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|v| v["scenario"] == scenario),
                    "{scenario}: {g}"
                );
            }
        }
    }
    let (_, page) = app
        .get(
            "/api/v1/guides?library=kalajoki&scenario=staff_remote",
            None,
        )
        .await;
    assert_eq!(
        titles(&page),
        [
            "Henkilökohtainen etäopastus",
            "Etälukupiiri ja etätapahtumat"
        ]
    );
    let (_, page) = app.get("/api/v1/guides?service=home_delivery", None).await;
    assert_eq!(titles(&page), ["Kotipalvelu"]);
    // Pages of two.
    let (_, one) = app.get("/api/v1/guides?limit=2", None).await;
    let cursor = one["next_cursor"].as_str().unwrap();
    let (_, two) = app
        .get(&format!("/api/v1/guides?limit=2&cursor={cursor}"), None)
        .await;
    assert_eq!(titles(&two), ["Etäohjelmat hoivakoteihin", "Kotipalvelu"]);
    assert!(two["next_cursor"].is_null());
    // The cursor holds its place even when the last model shown is withdrawn meanwhile.
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let last_shown = one["items"][1]["id"].as_str().unwrap();
    let mut withdrawn = source_input(&app, last_shown).await;
    withdrawn["published"] = json!(false);
    let (status, _) = app
        .send(
            "PUT",
            &format!("/api/v1/guides/{last_shown}"),
            Some(&staff),
            Some(json!({"version": 1, "note": "Vedetty pois.", "guide": withdrawn})),
        )
        .await;
    assert_eq!(status, 200);
    let (status, two) = app
        .get(&format!("/api/v1/guides?limit=2&cursor={cursor}"), None)
        .await;
    assert_eq!(status, 200, "{two}");
    assert_eq!(titles(&two), ["Etäohjelmat hoivakoteihin", "Kotipalvelu"]);
    // Bad filters are named.
    for (query, field) in [
        ("scenario=closed", "scenario"),
        ("service=bookmobile", "service"),
        ("language=de", "language"),
        ("library=nowhere", "library"),
        ("cursor=%21%21", "cursor"),
    ] {
        let (status, body) = app.get(&format!("/api/v1/guides?{query}"), None).await;
        assert_eq!(status, 422, "{query}: {body}");
        assert_eq!(fields(&body), [field], "{query}");
    }
    // The scenario switch shows through the API, and the list for it follows.
    let admin = app.token_for(demo::ADMIN.0, demo::ADMIN.1).await;
    let (status, _) = app
        .send(
            "PUT",
            "/api/v1/libraries/kalajoki/scenario",
            Some(&admin),
            Some(json!({"scenario": "patrons_unable_to_visit", "notice": {"fi": "Emme voi ottaa asiakkaita vastaan."}})),
        )
        .await;
    assert_eq!(status, 200);
    let (_, lib) = app.get("/api/v1/libraries/kalajoki", None).await;
    let active = lib["scenario"]["scenario"].as_str().unwrap();
    assert_eq!(active, "patrons_unable_to_visit");
    let (_, page) = app
        .get(
            &format!("/api/v1/guides?library=kalajoki&scenario={active}"),
            None,
        )
        .await;
    assert_eq!(
        titles(&page),
        [
            "Henkilökohtainen etäopastus",
            "Etäohjelmat hoivakoteihin",
            "Kotipalvelu"
        ]
    );
}

async fn history(app: TestApp) {
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let patron = app.token_for(demo::PATRON.0, demo::PATRON.1).await;
    let (status, _) = app
        .send("POST", "/api/v1/guides", None, Some(new_model()))
        .await;
    assert_eq!(status, 401);
    let (status, _) = app
        .send("POST", "/api/v1/guides", Some(&patron), Some(new_model()))
        .await;
    assert_eq!(status, 403);

    // Every fault is named, and nothing is stored.
    let mut bad = new_model();
    bad["steps"] = json!("   ");
    bad["title"] = json!("");
    bad["variants"] = json!([
        {"scenario": "normal", "text": "x"},
        {"scenario": "library_closed", "text": "y"},
        {"scenario": "library_closed", "text": ""}
    ]);
    let (status, body) = app
        .send("POST", "/api/v1/guides", Some(&staff), Some(bad))
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(
        fields(&body),
        [
            "steps",
            "title",
            "variants[0].scenario",
            "variants[2].scenario",
            "variants[2].text"
        ]
    );

    let (status, created) = app
        .send("POST", "/api/v1/guides", Some(&staff), Some(new_model()))
        .await;
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_str().unwrap().to_owned();
    assert_eq!(created["title"], "Lukulista sähköpostiin", "trimmed");
    assert_eq!(created["version"], 1);
    assert_eq!(created["published"], false, "a draft by default");
    assert_eq!(created["licence"], "CC-BY-4.0", "the default licence");
    // Raw HTML is text, safe links stay.
    let steps = created["steps"]["html"].as_str().unwrap();
    assert!(
        steps.contains("&lt;script&gt;") && !steps.contains("<script"),
        "{steps}"
    );
    assert_eq!(
        created["how_to_get"]["html"],
        "<p>Tilaa <a href=\"/book\">varaussivulta</a> tai <a href=\"tel:+358844691235\">soita</a>.</p>\n"
    );

    // A draft is the library's staff's only.
    let path = format!("/api/v1/guides/{id}");
    let (status, _) = app.get(&path, None).await;
    assert_eq!(status, 404);
    let (status, _) = app.get(&path, Some(&patron)).await;
    assert_eq!(status, 404);
    let (_, page) = app.get("/api/v1/guides?library=kalajoki", None).await;
    assert_eq!(page["items"].as_array().unwrap().len(), 4);
    let (_, page) = app
        .get("/api/v1/guides?library=kalajoki", Some(&staff))
        .await;
    assert_eq!(
        page["items"].as_array().unwrap().len(),
        5,
        "staff see the draft"
    );

    // Published in version 2, with a note.
    let mut edited = new_model();
    edited["published"] = json!(true);
    edited["licence"] = json!("CC-BY-SA-4.0");
    edited["purpose"] = json!("Asiakas saa joka kuukausi lukulistan toiveidensa mukaan.");
    let (status, saved) = app
        .send(
            "PUT",
            &path,
            Some(&staff),
            Some(json!({"version": 1, "note": "Julkaistu.", "guide": edited})),
        )
        .await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["version"], 2);
    assert_eq!(
        saved["licence_name"],
        "Creative Commons Attribution-ShareAlike 4.0 International"
    );
    let (status, _) = app.get(&path, None).await;
    assert_eq!(status, 200, "published");

    // An edit of version 1 now is a conflict and changes nothing.
    let mut stale = new_model();
    stale["title"] = json!("Vanha otsikko");
    let (status, body) = app
        .send(
            "PUT",
            &path,
            Some(&staff),
            Some(json!({"version": 1, "note": "", "guide": stale})),
        )
        .await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["code"], "conflict");
    assert!(
        body["detail"].as_str().unwrap().contains("version 2"),
        "{body}"
    );
    let (_, now) = app.get(&path, None).await;
    assert_eq!(
        (now["version"].as_i64(), now["title"].as_str()),
        (Some(2), Some("Lukulista sähköpostiin"))
    );
    // A version no model has is named, not a conflict.
    for version in [0, -5, i32::MAX] {
        let (status, body) = app
            .send(
                "PUT",
                &path,
                Some(&staff),
                Some(json!({"version": version, "guide": new_model()})),
            )
            .await;
        assert_eq!(status, 422, "{version}: {body}");
        assert_eq!(fields(&body), ["version"]);
    }
    // A title of 200 characters is fine, 201 is too long.
    let mut long = new_model();
    long["title"] = json!("ä".repeat(200));
    let (status, body) = app
        .send("POST", "/api/v1/guides", Some(&staff), Some(long.clone()))
        .await;
    assert_eq!(status, 201, "{body}");
    long["title"] = json!("ä".repeat(201));
    let (status, body) = app
        .send("POST", "/api/v1/guides", Some(&staff), Some(long))
        .await;
    assert_eq!((status, fields(&body)), (422, vec!["title".to_owned()]));
    // Another library's staff or a patron cannot edit.
    let (status, _) = app
        .send(
            "PUT",
            &path,
            Some(&patron),
            Some(json!({"version": 2, "guide": new_model()})),
        )
        .await;
    assert_eq!(status, 403);

    // The version saved as a draft stays the staff's; everyone sees the published one.
    let (status, public) = app.get(&format!("{path}/revisions"), None).await;
    assert_eq!(status, 200, "{public}");
    assert_eq!(public["items"].as_array().unwrap().len(), 1, "{public}");
    assert_eq!(public["items"][0]["version"], 2);
    // The history: newest first, with who, why and the whole text then; a page at a time.
    let (status, revisions) = app.get(&format!("{path}/revisions"), Some(&staff)).await;
    assert_eq!(status, 200, "{revisions}");
    let items = revisions["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(
        (items[0]["version"].as_i64(), items[0]["note"].as_str()),
        (Some(2), Some("Julkaistu."))
    );
    assert_eq!(items[0]["edited_by"], "Liisa Kirjastonhoitaja");
    assert_eq!(
        items[0]["guide"]["purpose"],
        "Asiakas saa joka kuukausi lukulistan toiveidensa mukaan."
    );
    assert_eq!(items[1]["version"], 1);
    assert_eq!(
        items[1]["guide"]["purpose"],
        "Asiakas saa kuukausittain lukulistan."
    );
    assert_eq!(items[1]["guide"]["published"], false);
    let (_, first) = app
        .get(&format!("{path}/revisions?limit=1"), Some(&staff))
        .await;
    let cursor = first["next_cursor"].as_str().unwrap();
    let (_, second) = app
        .get(
            &format!("{path}/revisions?limit=1&cursor={cursor}"),
            Some(&staff),
        )
        .await;
    assert_eq!(second["items"][0]["version"], 1);
    assert!(second["next_cursor"].is_null());
}

async fn concurrent_edits(app: TestApp) {
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let (_, created) = app
        .send("POST", "/api/v1/guides", Some(&staff), Some(new_model()))
        .await;
    let path = format!("/api/v1/guides/{}", created["id"].as_str().unwrap());
    let tasks: Vec<_> = (0..8)
        .map(|i| {
            let client = app.client.clone();
            let url = app.url(&path);
            let staff = staff.clone();
            let mut guide = new_model();
            guide["title"] = json!(format!("Muokkaus {i}"));
            tokio::spawn(async move {
                let r = client
                    .put(url)
                    .bearer_auth(staff)
                    .json(&json!({"version": 1, "note": format!("muokkaus {i}"), "guide": guide}))
                    .send()
                    .await
                    .unwrap();
                r.status().as_u16()
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 409, 409, 409, 409, 409, 409, 409]);
    let (_, stored) = app.get(&path, Some(&staff)).await;
    assert_eq!(stored["version"], 2);
    let (_, revisions) = app.get(&format!("{path}/revisions"), Some(&staff)).await;
    let items = revisions["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "one version per save: {revisions}");
    assert_eq!(
        items[0]["guide"]["title"], stored["title"],
        "the saved version is the stored text"
    );
}

async fn markdown(app: TestApp) {
    let (_, page) = app
        .get(
            "/api/v1/guides?library=kalajoki&service=home_delivery",
            None,
        )
        .await;
    let id = page["items"][0]["id"].as_str().unwrap();
    let r = app
        .client
        .get(app.url(&format!("/api/v1/guides/{id}/markdown")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "text/markdown; charset=utf-8");
    assert!(
        r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment"),
    );
    let text = r.text().await.unwrap();
    assert!(text.starts_with("---\ntitle: \"Kotipalvelu\"\n"), "{text}");
    for line in [
        "library: \"Kalajoen kaupunginkirjasto\"",
        "service: home_delivery",
        "version: 1",
        "licence: CC-BY-4.0",
        "# Kotipalvelu\n",
        "## Miten palvelu toimii\n\n1. Asiakas, omainen tai hoitaja täyttää hakemuksen",
        "## Eri tilanteissa",
        "### Kirjasto on suljettu\n\nAineisto valitaan",
        "### Asiakkaat eivät voi tulla kirjastoon",
        "Creative Commons Attribution 4.0 International (https://creativecommons.org/licenses/by/4.0/)",
    ] {
        assert!(text.contains(line), "{line:?} in {text}");
    }
    assert!(
        !text.contains("Henkilökunta tekee etätyötä"),
        "no empty variant"
    );

    // The bundle: every published model, none of the drafts.
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let (status, _) = app
        .send("POST", "/api/v1/guides", Some(&staff), Some(new_model()))
        .await;
    assert_eq!(status, 201);
    let r = app
        .client
        .get(app.url("/api/v1/libraries/kalajoki/guides.md"))
        .bearer_auth(&staff)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("kalajoki-toimintamallit.md")
    );
    let bundle = r.text().await.unwrap();
    for title in [
        "## Henkilökohtainen etäopastus",
        "## Etälukupiiri ja etätapahtumat",
        "## Etäohjelmat hoivakoteihin",
        "## Kotipalvelu",
    ] {
        assert!(bundle.contains(title), "{title} in the bundle");
    }
    assert!(bundle.contains("Models: 4."), "{bundle}");
    assert!(!bundle.contains("Lukulista"), "drafts stay out");
    let (status, _) = app.get("/api/v1/libraries/nowhere/guides.md", None).await;
    assert_eq!(status, 404);
}

async fn copy(app: TestApp) {
    let (email, password) = app.add_other_library();
    // The first sign-in sets up the second step; the second carries the staff role.
    app.token_for(email, password).await;
    let oulu = app.token_for(email, password).await;
    let kalajoki = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let (_, page) = app
        .get("/api/v1/guides?library=kalajoki&service=events", None)
        .await;
    let source = page["items"][0].clone();
    let source_id = source["id"].as_str().unwrap();
    let copy_path = format!("/api/v1/guides/{source_id}/copy");

    // Staff copy only into a library of their own.
    let (status, body) = app
        .send(
            "POST",
            &copy_path,
            Some(&oulu),
            Some(json!({"library": "kalajoki"})),
        )
        .await;
    assert_eq!(status, 403, "{body}");
    let (status, body) = app
        .send(
            "POST",
            &copy_path,
            Some(&oulu),
            Some(json!({"library": "oulu"})),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let copy = body;
    assert_eq!(copy["library"], "oulu");
    assert_eq!(copy["published"], false, "a draft to make one's own");
    assert_eq!(copy["version"], 1);
    assert_eq!(copy["steps"], source["steps"]);
    assert_eq!(copy["variants"], source["variants"]);
    assert_eq!(
        copy["copied_from"],
        json!({
            "guide_id": source_id,
            "library": "kalajoki",
            "library_name": "Kalajoen kaupunginkirjasto",
            "title": "Etälukupiiri ja etätapahtumat",
            "version": 1,
            "licence": "CC-BY-4.0"
        })
    );
    assert!(copy.get("earlier_sources").is_none(), "{copy}");
    let copy_id = copy["id"].as_str().unwrap();
    let (_, revisions) = app
        .get(&format!("/api/v1/guides/{copy_id}/revisions"), Some(&oulu))
        .await;
    assert_eq!(
        revisions["items"][0]["note"],
        "Kalajoen kaupunginkirjasto: Etälukupiiri ja etätapahtumat (v1), CC-BY-4.0"
    );
    let r = app
        .client
        .get(app.url(&format!("/api/v1/guides/{copy_id}/markdown")))
        .bearer_auth(&oulu)
        .send()
        .await
        .unwrap();
    let text = r.text().await.unwrap();
    assert!(
        text.contains(
            "Based on *Etälukupiiri ja etätapahtumat* by Kalajoen kaupunginkirjasto (v1), Creative Commons Attribution 4.0 International (https://creativecommons.org/licenses/by/4.0/)."
        ),
        "{text}"
    );

    // The copy is Oulu's: Kalajoki's staff do not see the draft, and each edits only its own.
    let copy_path = format!("/api/v1/guides/{copy_id}");
    let (status, _) = app.get(&copy_path, Some(&kalajoki)).await;
    assert_eq!(status, 404);
    let mut own: Value = app
        .get(&format!("{copy_path}/revisions"), Some(&oulu))
        .await
        .1["items"][0]["guide"]
        .clone();
    own["title"] = json!("Oulun etälukupiiri");
    own["published"] = json!(true);
    let (status, saved) = app
        .send(
            "PUT",
            &copy_path,
            Some(&oulu),
            Some(json!({"version": 1, "note": "Oulun versio", "guide": own})),
        )
        .await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(
        (saved["library"].as_str(), saved["version"].as_i64()),
        (Some("oulu"), Some(2))
    );
    let mut theirs = source_input(&app, source_id).await;
    theirs["title"] = json!("Kaapattu");
    let (status, _) = app
        .send(
            "PUT",
            &format!("/api/v1/guides/{source_id}"),
            Some(&oulu),
            Some(json!({"version": 1, "guide": theirs})),
        )
        .await;
    assert_eq!(status, 403);
    let (_, source_now) = app.get(&format!("/api/v1/guides/{source_id}"), None).await;
    assert_eq!(source_now["title"], "Etälukupiiri ja etätapahtumat");

    // A draft of another library cannot be copied.
    let (_, draft) = app
        .send("POST", "/api/v1/guides", Some(&kalajoki), Some(new_model()))
        .await;
    let (status, _) = app
        .send(
            "POST",
            &format!("/api/v1/guides/{}/copy", draft["id"].as_str().unwrap()),
            Some(&oulu),
            Some(json!({"library": "oulu"})),
        )
        .await;
    assert_eq!(status, 404);
}

/// A model's current text as input, from its history.
async fn source_input(app: &TestApp, id: &str) -> Value {
    let (_, revisions) = app
        .get(&format!("/api/v1/guides/{id}/revisions?limit=1"), None)
        .await;
    revisions["items"][0]["guide"].clone()
}

async fn chain(app: TestApp) {
    let (email, password) = app.add_other_library();
    app.token_for(email, password).await;
    let oulu = app.token_for(email, password).await;
    let kalajoki = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    // Kalajoki publishes a model under CC BY-SA.
    let mut original = new_model();
    original["published"] = json!(true);
    original["licence"] = json!("CC-BY-SA-4.0");
    let (status, original) = app
        .send("POST", "/api/v1/guides", Some(&kalajoki), Some(original))
        .await;
    assert_eq!(status, 201, "{original}");
    let original_id = original["id"].as_str().unwrap();

    // Oulu copies it, then copies its copy: the second names both, nearest first.
    let (_, first) = app
        .send(
            "POST",
            &format!("/api/v1/guides/{original_id}/copy"),
            Some(&oulu),
            Some(json!({"library": "oulu"})),
        )
        .await;
    assert_eq!(
        first["licence"], "CC-BY-SA-4.0",
        "the licence goes with the copy"
    );
    let first_id = first["id"].as_str().unwrap();
    let (status, second) = app
        .send(
            "POST",
            &format!("/api/v1/guides/{first_id}/copy"),
            Some(&oulu),
            Some(json!({"library": "oulu"})),
        )
        .await;
    assert_eq!(status, 201, "{second}");
    assert_eq!(second["copied_from"]["guide_id"], first_id);
    assert_eq!(second["copied_from"]["library"], "oulu");
    let earlier = second["earlier_sources"].as_array().unwrap();
    assert_eq!(earlier.len(), 1, "{second}");
    assert_eq!(earlier[0]["guide_id"], original_id);
    assert_eq!(earlier[0]["library_name"], "Kalajoen kaupunginkirjasto");
    assert_eq!(earlier[0]["licence"], "CC-BY-SA-4.0");
    let second_id = second["id"].as_str().unwrap();
    let r = app
        .client
        .get(app.url(&format!("/api/v1/guides/{second_id}/markdown")))
        .bearer_auth(&oulu)
        .send()
        .await
        .unwrap();
    let text = r.text().await.unwrap();
    assert!(
        text.contains("by Oulun kaupunginkirjasto (v1), Creative Commons Attribution-ShareAlike"),
        "{text}"
    );
    assert!(
        text.contains(
            "by Kalajoen kaupunginkirjasto (v1), Creative Commons Attribution-ShareAlike"
        ),
        "{text}"
    );

    // An adaptation of a ShareAlike model keeps that licence.
    let (_, history) = app
        .get(
            &format!("/api/v1/guides/{second_id}/revisions?limit=1"),
            Some(&oulu),
        )
        .await;
    let mut own = history["items"][0]["guide"].clone();
    own["licence"] = json!("CC-BY-4.0");
    let (status, body) = app
        .send(
            "PUT",
            &format!("/api/v1/guides/{second_id}"),
            Some(&oulu),
            Some(json!({"version": 1, "guide": own.clone()})),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(fields(&body), ["guide.licence"]);
    own["licence"] = json!("CC-BY-SA-4.0");
    own["title"] = json!("");
    let (status, body) = app
        .send(
            "PUT",
            &format!("/api/v1/guides/{second_id}"),
            Some(&oulu),
            Some(json!({"version": 1, "guide": own.clone()})),
        )
        .await;
    assert_eq!(
        (status, fields(&body)),
        (422, vec!["guide.title".to_owned()]),
        "{body}"
    );
    own["title"] = json!("Oulun lukulista");
    let (status, body) = app
        .send(
            "PUT",
            &format!("/api/v1/guides/{second_id}"),
            Some(&oulu),
            Some(json!({"version": 1, "guide": own})),
        )
        .await;
    assert_eq!(status, 200, "{body}");
}

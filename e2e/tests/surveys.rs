//! Needs surveys against the real server on both databases: the results arithmetic, cross-tab and
//! CSV on a known answer set with paper and phone entries marked; one answer per signed-in person
//! under concurrent sends; floods without an account held back; bad input named and nothing half
//! written; changes that would orphan answers refused; the two demo templates in three languages.

use chrono::{Duration, Utc};
use etakirjasto_e2e::{Backend, TestApp, demo, on_both_databases, query_strings};
use serde_json::{Value, json};

on_both_databases! {
    results_count_and_cross_tabulate_a_known_answer_set_and_download_as_csv => known_set;
    a_signed_in_person_answers_once_even_when_sending_at_once => once;
    bad_answers_are_named_and_nothing_is_half_written => bad_input;
    a_survey_with_answers_may_be_reworded_but_not_emptied => edits;
    the_demo_has_both_ready_surveys_in_three_languages_with_answers => demo_templates;
    staff_invite_a_group_once_each_in_their_own_language => invitations;
}

fn day(offset: i64) -> String {
    (Utc::now() + Duration::days(offset))
        .format("%Y-%m-%d")
        .to_string()
}

fn survey(audience: &str, contact: &str) -> Value {
    json!({
        "library": "kalajoki",
        "title": {"fi": "Testikysely", "sv": "Testenkät", "en": "Test survey"},
        "audience": audience,
        "contact": contact,
        "opens_on": day(-2),
        "closes_on": day(30),
        "published": true,
        "questions": [
            {"id": "age", "kind": "single", "text": {"fi": "Ikä"}, "required": true,
             "options": [{"id": "young", "label": {"fi": "Nuori", "en": "Young"}}, {"id": "old", "label": {"fi": "Vanha", "en": "Old"}}]},
            {"id": "want", "kind": "multiple", "text": {"fi": "Mitä haluat?"}, "other": true,
             "options": [{"id": "video", "label": {"fi": "Video"}}, {"id": "phone", "label": {"fi": "Puhelin"}}]},
            {"id": "score", "kind": "scale", "text": {"fi": "Arvio"}},
            {"id": "visits", "kind": "number", "text": {"fi": "Käynnit"}, "max": 100},
            {"id": "note", "kind": "text", "text": {"fi": "Muuta"}}
        ]
    })
}

async fn create(app: &TestApp, staff: &str, body: Value) -> String {
    let (status, created) = app
        .send("POST", "/api/v1/surveys", Some(staff), Some(body))
        .await;
    assert_eq!(status, 201, "{created}");
    created["id"].as_str().unwrap().to_owned()
}

fn answer(age: &str, want: &[&str], other: Option<&str>, score: i64, visits: i64) -> Value {
    let mut want_answer = json!({"question": "want", "choices": want});
    if let Some(o) = other {
        want_answer["other"] = json!(o);
    }
    json!({"answers": [
        {"question": "age", "choices": [age]},
        want_answer,
        {"question": "score", "number": score},
        {"question": "visits", "number": visits}
    ]})
}

/// The input a survey was written from, as it came back.
fn saved_input(saved: &Value) -> Value {
    json!({
        "library": saved["library"], "title": saved["title"], "intro": saved["intro"],
        "audience": saved["audience"], "contact": saved["contact"], "opens_on": saved["opens_on"],
        "closes_on": saved["closes_on"], "published": saved["published"], "questions": saved["questions"]
    })
}

fn fields(body: &Value) -> Vec<String> {
    let mut f: Vec<String> = body["errors"]
        .as_array()
        .unwrap_or(&Vec::new())
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect();
    f.sort();
    f
}

fn count_responses(app: &TestApp, id: &str) -> usize {
    query_strings(
        &app.database_url,
        &format!("SELECT id AS value FROM survey_responses WHERE survey_id = '{id}'"),
    )
    .len()
}

async fn known_set(app: TestApp) {
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let id = create(&app, &staff, survey("public", "optional")).await;
    let path = format!("/api/v1/surveys/{id}/responses");
    // Three from the web without an account, one of them leaving contact details.
    let mut first = answer("young", &["video"], None, 5, 10);
    first["contact_email"] = json!("vastaaja@example.fi");
    first["answers"]
        .as_array_mut()
        .unwrap()
        .push(json!({"question": "note", "text": "  Iltaisin, kiitos.  "}));
    for body in [
        first,
        answer("young", &["video", "phone"], None, 4, 20),
        answer("old", &["phone"], None, 2, 3),
    ] {
        let (status, receipt) = app.post(&path, &body).await;
        assert_eq!(status, 201, "{receipt}");
        assert_eq!(receipt["source"], "web");
    }
    // Staff enter one given on paper and one by phone.
    let mut paper = answer("old", &[], Some("Kirjeitse"), 1, 0);
    paper["source"] = json!("paper");
    let mut phone =
        json!({"answers": [{"question": "age", "choices": ["old"]}], "source": "phone"});
    phone["language"] = json!("sv");
    for body in [paper, phone] {
        let (status, receipt) = app.send("POST", &path, Some(&staff), Some(body)).await;
        assert_eq!(status, 201, "{receipt}");
        assert_ne!(receipt["source"], "web");
    }

    let (status, results) = app
        .get(
            &format!("/api/v1/surveys/{id}/results?by=age"),
            Some(&staff),
        )
        .await;
    assert_eq!(status, 200, "{results}");
    assert_eq!(results["responses"], 5);
    assert_eq!(
        results["sources"],
        json!([{"source": "web", "count": 3}, {"source": "paper", "count": 1}, {"source": "phone", "count": 1}])
    );
    let q = |key: &str| {
        results["questions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|q| q["question"] == key)
            .unwrap()
            .clone()
    };
    let age = q("age");
    assert_eq!(
        (age["answered"].as_i64(), age["skipped"].as_i64()),
        (Some(5), Some(0))
    );
    assert_eq!(age["options"][0]["count"], 2);
    assert_eq!(age["options"][0]["percent"], 40.0);
    assert_eq!(age["options"][1]["percent"], 60.0);
    let want = q("want");
    // Four answered (the phone answer skipped it): video 2, phone 2, other 1.
    assert_eq!(want["answered"], 4);
    let counts: Vec<(String, i64, f64)> = want["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["option"].as_str().unwrap().to_owned(),
                o["count"].as_i64().unwrap(),
                o["percent"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        counts,
        [
            ("video".to_owned(), 2, 50.0),
            ("phone".to_owned(), 2, 50.0),
            ("other".to_owned(), 1, 25.0)
        ]
    );
    assert_eq!(want["texts"], json!(["Kirjeitse"]));
    let score = q("score");
    // 5, 4, 2, 1: mean 3, median 3.
    assert_eq!(
        (score["mean"].as_f64(), score["median"].as_f64()),
        (Some(3.0), Some(3.0))
    );
    assert_eq!(score["options"][4]["count"], 1);
    let visits = q("visits");
    assert_eq!(
        (visits["min"].as_i64(), visits["max"].as_i64()),
        (Some(0), Some(20))
    );
    assert_eq!(visits["mean"].as_f64(), Some(8.25));
    assert_eq!(visits["median"].as_f64(), Some(6.5));
    assert_eq!(q("note")["texts"], json!(["Iltaisin, kiitos."]), "trimmed");
    // By age: two young (both answered `want`), three old (two answered it).
    let cross = &results["cross"];
    assert_eq!(cross["by"], "age");
    assert_eq!(cross["groups"][0]["responses"], 2);
    assert_eq!(cross["groups"][1]["responses"], 3);
    let want_by_age = cross["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["question"] == "want")
        .unwrap();
    assert_eq!(want_by_age["answered"], json!([2, 2]));
    assert_eq!(want_by_age["rows"][0]["counts"], json!([2, 0]), "video");
    assert_eq!(want_by_age["rows"][1]["counts"], json!([1, 1]), "phone");
    assert_eq!(
        want_by_age["rows"][2]["percents"],
        json!([0.0, 50.0]),
        "other"
    );
    let (status, refused) = app
        .get(
            &format!("/api/v1/surveys/{id}/results?by=note"),
            Some(&staff),
        )
        .await;
    assert_eq!(status, 422, "{refused}");
    assert_eq!(fields(&refused), ["by"]);

    // Results and responses are the library's staff's only.
    let patron = app.token_for(demo::PATRON.0, demo::PATRON.1).await;
    let (status, _) = app
        .get(&format!("/api/v1/surveys/{id}/results"), Some(&patron))
        .await;
    assert_eq!(status, 403);
    let (_, public) = app.get(&format!("/api/v1/surveys/{id}"), None).await;
    assert!(public.get("responses").is_none(), "{public}");
    let (_, for_staff) = app
        .get(&format!("/api/v1/surveys/{id}"), Some(&staff))
        .await;
    assert_eq!(for_staff["responses"], 5);

    // The CSV: a header and five rows, in Finnish with `;`, contact details, the way each came.
    let r = app
        .client
        .get(app.url(&format!("/api/v1/surveys/{id}/responses.csv")))
        .bearer_auth(&staff)
        .header("Accept-Language", "fi")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = r.text().await.unwrap();
    let csv = csv
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark for spreadsheets");
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 6, "{csv}");
    assert!(
        lines[0].starts_with("Vastattu;Tapa;Nimi;Sähköposti;Puhelin;Ikä;Mitä haluat?"),
        "{}",
        lines[0]
    );
    assert!(lines[1].contains("vastaaja@example.fi"), "{}", lines[1]);
    assert!(lines[2].contains("Video | Puhelin"), "{}", lines[2]);
    assert!(lines[4].contains(";paperilla;"), "{}", lines[4]);
    assert!(lines[4].contains("Kirjeitse"), "{}", lines[4]);
    assert!(lines[5].contains(";puhelimessa;"), "{}", lines[5]);
    let logged = query_strings(
        &app.database_url,
        &format!(
            "SELECT id AS value FROM audit_log WHERE action = 'survey.responses_exported' AND record_id = '{id}'"
        ),
    );
    assert_eq!(
        logged.len(),
        1,
        "the download with contact details is logged"
    );
}

async fn once(app: TestApp) {
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let id = create(&app, &staff, survey("patrons", "none")).await;
    let path = format!("/api/v1/surveys/{id}/responses");
    // Without an account: this survey is for patrons.
    let (status, body) = app
        .post(&path, &answer("old", &["video"], None, 3, 1))
        .await;
    assert_eq!(status, 401, "{body}");
    let patron = app.token_for(demo::PATRON.0, demo::PATRON.1).await;
    let mut tasks = Vec::new();
    for i in 0..8 {
        let url = app.url(&path);
        let client = app.client.clone();
        let token = patron.clone();
        tasks.push(tokio::spawn(async move {
            let r = client
                .post(url)
                .bearer_auth(token)
                .json(&answer("old", &["phone"], None, 1 + i % 5, i))
                .send()
                .await
                .unwrap();
            etakirjasto_e2e::status_json(r).await
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        let (status, body) = t.await.unwrap();
        assert!(
            status == 201 || (status == 409 && body["code"] == "conflict"),
            "{status} {body}"
        );
        statuses.push(status);
    }
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(count_responses(&app, &id), 1);
    // The stored answer does not name the account.
    let user_id = query_strings(
        &app.database_url,
        &format!(
            "SELECT id AS value FROM users WHERE email = '{}'",
            demo::PATRON.0
        ),
    );
    let stored = query_strings(
        &app.database_url,
        &format!(
            "SELECT id || COALESCE(entered_by, '') || answers AS value FROM survey_responses WHERE survey_id = '{id}'"
        ),
    );
    assert!(!stored[0].contains(&user_id[0]), "{}", stored[0]);
    // The key that keeps the answer once is apart from it, and is not the account's id either.
    let keys = query_strings(
        &app.database_url,
        &format!("SELECT respondent AS value FROM survey_respondents WHERE survey_id = '{id}'"),
    );
    assert_eq!(keys.len(), 1);
    assert!(!keys[0].contains(&user_id[0]));
    // Another patron answers too; the count moves to two.
    let other = app
        .register(
            "Toinen Vastaaja",
            "toinen.vastaaja@example.fi",
            "pitkä salasana 1",
        )
        .await;
    let (status, body) = app
        .send(
            "POST",
            &path,
            Some(other["access_token"].as_str().unwrap()),
            Some(answer("young", &["video"], None, 5, 2)),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(count_responses(&app, &id), 2);
}

async fn bad_input(app: TestApp) {
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let id = create(&app, &staff, survey("public", "none")).await;
    let path = format!("/api/v1/surveys/{id}/responses");
    let cases = [
        (json!({"answers": []}), vec!["answers.age"]),
        (
            json!({"answers": [{"question": "age", "choices": ["young", "old"]}]}),
            vec!["answers.age"],
        ),
        (
            json!({"answers": [{"question": "age", "choices": ["young"]}, {"question": "score", "number": 6}, {"question": "nope", "text": "x"}]}),
            vec!["answers.score", "answers[2].question"],
        ),
        (
            json!({"answers": [{"question": "age", "choices": ["young"]}], "contact_email": "a@example.fi"}),
            vec!["contact_email"],
        ),
        (
            json!({"answers": [{"question": "age", "choices": ["young"]}, {"question": "visits", "number": 101}]}),
            vec!["answers.visits"],
        ),
    ];
    for (body, expected) in cases {
        let r = app
            .client
            .post(app.url(&path))
            .header("Accept-Language", "sv")
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(
            r.headers()["content-type"].to_str().unwrap(),
            "application/problem+json"
        );
        let (status, problem) = etakirjasto_e2e::status_json(r).await;
        assert_eq!(status, 422, "{body}: {problem}");
        assert_eq!(fields(&problem), expected, "{problem}");
        assert_eq!(
            problem["title"], "Kontrollera de markerade fälten.",
            "{problem}"
        );
    }
    // Only staff may mark an answer as given on paper.
    let patron = app.token_for(demo::PATRON.0, demo::PATRON.1).await;
    let mut paper = answer("old", &[], None, 1, 1);
    paper["source"] = json!("paper");
    let (status, _) = app
        .send("POST", &path, Some(&patron), Some(paper.clone()))
        .await;
    assert_eq!(status, 403);
    let (status, _) = app.post(&path, &paper).await;
    assert_eq!(status, 401);
    assert_eq!(count_responses(&app, &id), 0, "nothing was stored");

    // A survey that has not opened, one that has closed, and a draft.
    let mut later = survey("public", "none");
    later["opens_on"] = json!(day(5));
    let later = create(&app, &staff, later).await;
    let (status, body) = app
        .post(
            &format!("/api/v1/surveys/{later}/responses"),
            &answer("old", &[], None, 1, 1),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("survey_closed"))
    );
    let mut closed = survey("public", "none");
    closed["opens_on"] = json!(day(-20));
    closed["closes_on"] = json!(day(-3));
    let closed = create(&app, &staff, closed).await;
    let (status, body) = app
        .post(
            &format!("/api/v1/surveys/{closed}/responses"),
            &answer("old", &[], None, 1, 1),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("survey_closed"))
    );
    // Staff may still enter a paper answer collected before the close.
    let (status, body) = app
        .send(
            "POST",
            &format!("/api/v1/surveys/{closed}/responses"),
            Some(&staff),
            Some(paper),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let mut draft = survey("public", "none");
    draft["published"] = json!(false);
    let draft = create(&app, &staff, draft).await;
    let (status, _) = app.get(&format!("/api/v1/surveys/{draft}"), None).await;
    assert_eq!(status, 404);
    // Not even staff answer a draft: that would lock its questions before it is published.
    let (status, body) = app
        .send(
            "POST",
            &format!("/api/v1/surveys/{draft}/responses"),
            Some(&staff),
            Some(answer("old", &[], None, 1, 1)),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("survey_closed"))
    );
    let (_, open) = app
        .get("/api/v1/surveys?library=kalajoki&state=open", None)
        .await;
    let states: Vec<&str> = open["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["state"].as_str().unwrap())
        .collect();
    assert!(states.iter().all(|s| *s == "open"), "{states:?}");
    let (_, drafts) = app
        .get("/api/v1/surveys?library=kalajoki&state=draft", Some(&staff))
        .await;
    assert_eq!(drafts["items"].as_array().unwrap().len(), 1);

    // A survey as written: faults named by field.
    let mut bad = survey("public", "none");
    bad["questions"][0]["options"] = json!([{"id": "only", "label": {"fi": "Yksi"}}]);
    bad["questions"][1]["id"] = json!("age");
    bad["closes_on"] = json!(day(-5));
    bad["title"]["fi"] = json!(" ");
    bad["questions"][3]["max"] = json!(i64::MAX);
    let (status, problem) = app
        .send("POST", "/api/v1/surveys", Some(&staff), Some(bad))
        .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(
        fields(&problem),
        [
            "closes_on",
            "questions[0].options",
            "questions[1].id",
            "questions[3].max",
            "title.fi"
        ]
    );
}

async fn edits(app: TestApp) {
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let body = survey("public", "none");
    let id = create(&app, &staff, body.clone()).await;
    let path = format!("/api/v1/surveys/{id}");
    // Before any answer, a question may go.
    let mut fewer = body.clone();
    fewer["questions"].as_array_mut().unwrap().pop();
    let (status, saved) = app
        .send(
            "PUT",
            &path,
            Some(&staff),
            Some(json!({"version": 1, "survey": fewer})),
        )
        .await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["version"], 2);
    let (status, _) = app
        .post(
            &format!("{path}/responses"),
            &answer("old", &["video"], None, 2, 2),
        )
        .await;
    assert_eq!(status, 201);
    // Now removing an option that may have answers is refused, and so is a stale version.
    let mut no_video = fewer.clone();
    no_video["questions"][1]["options"][0] = json!({"id": "letter", "label": {"fi": "Kirje"}});
    let (status, problem) = app
        .send(
            "PUT",
            &path,
            Some(&staff),
            Some(json!({"version": 2, "survey": no_video})),
        )
        .await;
    assert_eq!(
        (status, problem["code"].as_str()),
        (409, Some("conflict")),
        "{problem}"
    );
    let mut reworded = fewer.clone();
    reworded["questions"][1]["text"]["fi"] = json!("Mitä palveluja haluat?");
    reworded["questions"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "extra", "kind": "text", "text": {"fi": "Lisäkysymys"}}));
    let (status, _) = app
        .send(
            "PUT",
            &path,
            Some(&staff),
            Some(json!({"version": 1, "survey": reworded.clone()})),
        )
        .await;
    assert_eq!(status, 409, "stale version");
    let (status, saved) = app
        .send(
            "PUT",
            &path,
            Some(&staff),
            Some(json!({"version": 2, "survey": reworded})),
        )
        .await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(
        saved["questions"][1]["text"]["fi"],
        "Mitä palveluja haluat?"
    );
    assert_eq!(saved["questions"].as_array().unwrap().len(), 5);
    // A day written without leading zeros is stored as `YYYY-MM-DD`, so lists sort it right.
    let mut loose = saved_input(&saved);
    loose["closes_on"] = json!("2099-1-5");
    let (status, saved) = app
        .send(
            "PUT",
            &path,
            Some(&staff),
            Some(json!({"version": 3, "survey": loose})),
        )
        .await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["closes_on"], "2099-01-05");
    // Field faults of an edit are named under `survey.`.
    let mut bad = body;
    bad["opens_on"] = json!("30.11.2026");
    let (status, problem) = app
        .send(
            "PUT",
            &path,
            Some(&staff),
            Some(json!({"version": 4, "survey": bad})),
        )
        .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(fields(&problem), ["survey.opens_on"]);
    // Staff of another library may read it but not change it.
    let (email, password) = app.add_other_library();
    let other = app.token_for(email, password).await;
    let (status, _) = app
        .send(
            "PUT",
            &path,
            Some(&other),
            Some(json!({"version": 4, "survey": fewer})),
        )
        .await;
    assert_eq!(status, 403);
}

async fn demo_templates(app: TestApp) {
    let (status, page) = app
        .get("/api/v1/surveys?library=kalajoki&state=open", None)
        .await;
    assert_eq!(status, 200, "{page}");
    let items = page["items"].as_array().unwrap();
    let titles: Vec<&str> = items
        .iter()
        .map(|s| s["title"]["en"].as_str().unwrap())
        .collect();
    assert!(
        titles.contains(&"Which remote library services would you use?"),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"Do you or someone close to you need the home-delivery service?"),
        "{titles:?}"
    );
    for s in items {
        for lang in ["fi", "sv", "en"] {
            assert!(!s["title"][lang].as_str().unwrap().is_empty());
            for q in s["questions"].as_array().unwrap() {
                assert!(!q["text"][lang].as_str().unwrap().is_empty(), "{q}");
            }
        }
    }
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let remote = items
        .iter()
        .find(|s| s["title"]["en"] == "Which remote library services would you use?")
        .unwrap();
    let (status, results) = app
        .get(
            &format!(
                "/api/v1/surveys/{}/results?by=age",
                remote["id"].as_str().unwrap()
            ),
            Some(&staff),
        )
        .await;
    assert_eq!(status, 200, "{results}");
    assert_eq!(results["responses"], 36);
    let paper = results["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["source"] == "paper")
        .unwrap();
    assert!(
        paper["count"].as_i64().unwrap() > 0,
        "answers on paper are marked"
    );
    // Every age group's count adds up to the responses.
    let groups: i64 = results["cross"]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["responses"].as_i64().unwrap())
        .sum();
    assert_eq!(groups, 36);
}

/// Answers without an account are counted per address; the next is 429, an account is not counted.
async fn flood(backend: Backend) {
    let app = TestApp::spawn_with(backend, &[("PUBLIC_WRITE_LIMIT", "3")]).await;
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let id = create(&app, &staff, survey("public", "none")).await;
    let path = format!("/api/v1/surveys/{id}/responses");
    // A refused answer gives its unit back.
    let (status, _) = app.post(&path, &json!({"answers": []})).await;
    assert_eq!(status, 422);
    for _ in 0..3 {
        let (status, body) = app.post(&path, &answer("old", &[], None, 1, 1)).await;
        assert_eq!(status, 201, "{body}");
    }
    let r = app
        .client
        .post(app.url(&path))
        .json(&answer("old", &[], None, 1, 1))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429);
    assert!(r.headers().contains_key("retry-after"));
    let patron = app.token_for(demo::PATRON.0, demo::PATRON.1).await;
    let (status, _) = app
        .send(
            "POST",
            &path,
            Some(&patron),
            Some(answer("young", &[], None, 5, 5)),
        )
        .await;
    assert_eq!(status, 201, "a signed-in person is not counted");
    assert_eq!(count_responses(&app, &id), 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn floods_of_answers_without_an_account_are_held_back_on_sqlite() {
    flood(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn floods_of_answers_without_an_account_are_held_back_on_postgres() {
    flood(Backend::Postgres).await;
}

async fn invitations(app: TestApp) {
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let id = create(&app, &staff, survey("public", "none")).await;
    // An event with two guests registered, one in Swedish, and one who cancelled.
    let start = Utc::now() + Duration::days(5);
    let (status, event) = app
        .send(
            "POST",
            "/api/v1/events",
            Some(&staff),
            Some(json!({
                "library": "kalajoki",
                "title": {"fi": "Lukupiiri"}, "description": {"fi": "Kuvaus."},
                "category": "reading_circle", "audience": "adults", "mode": "online",
                "start": start.to_rfc3339(), "end": (start + Duration::hours(1)).to_rfc3339(),
                "join_url": "https://meet.jit.si/etakirjasto-piiri", "online_capacity": 10,
                "max_seats_per_registration": 1
            })),
        )
        .await;
    assert_eq!(status, 201, "{event}");
    let event_id = event["id"].as_str().unwrap();
    let register = |name: &str, email: &str, language: &str| json!({"seat_type": "online", "name": name, "email": email, "language": language});
    let path = format!("/api/v1/events/{event_id}/registrations");
    for body in [
        register("Greta Gäst", "greta@example.fi", "sv"),
        register("Matti Vieras", "matti@example.fi", "fi"),
    ] {
        let (status, reg) = app.post(&path, &body).await;
        assert_eq!(status, 201, "{reg}");
    }
    let (status, gone) = app
        .post(&path, &register("Pois Menija", "pois@example.fi", "fi"))
        .await;
    assert_eq!(status, 201, "{gone}");
    let (status, _) = app
        .send(
            "POST",
            &format!("{path}/{}/cancel", gone["id"].as_str().unwrap()),
            Some(&staff),
            None,
        )
        .await;
    assert_eq!(status, 200);

    let invite = |body: Value| {
        let path = format!("/api/v1/surveys/{id}/invitations");
        let staff = staff.clone();
        let app = &app;
        async move { app.send("POST", &path, Some(&staff), Some(body)).await }
    };
    let (status, receipt) = invite(json!({"to": "event_participants", "event_id": event_id, "message": "Kiitos osallistumisesta!"})).await;
    assert_eq!(status, 200, "{receipt}");
    assert_eq!(
        receipt,
        json!({"invited": 2, "already_invited": 0, "unreachable": 0})
    );
    // Again: nobody is invited twice.
    let (_, again) = invite(json!({"to": "event_participants", "event_id": event_id})).await;
    assert_eq!(
        again,
        json!({"invited": 0, "already_invited": 2, "unreachable": 0})
    );

    let (status, page) = app
        .get(
            &format!("/api/v1/messages?library=kalajoki&subject_id={id}&limit=100"),
            Some(&staff),
        )
        .await;
    assert_eq!(status, 200, "{page}");
    let messages = page["items"].as_array().unwrap();
    assert_eq!(messages.len(), 2, "{page}");
    let greta = messages
        .iter()
        .find(|m| m["email"] == "greta@example.fi")
        .unwrap();
    assert_eq!(greta["kind"], "survey_invitation");
    assert_eq!(greta["language"], "sv");
    assert_eq!(greta["subject"], "Säg vad du tycker: Testenkät");
    let body = greta["body"].as_str().unwrap();
    assert!(body.contains(&format!("/surveys/{id}")), "{body}");
    assert!(body.contains("Kiitos osallistumisesta!"), "{body}");
    assert!(
        body.contains(&format!("senast {}", {
            let d = chrono::NaiveDate::parse_from_str(&day(30), "%Y-%m-%d").unwrap();
            d.format("%-d.%-m.%Y").to_string()
        })),
        "{body}"
    );

    // The care-home contacts: the demo unit's contact person.
    let (status, receipt) = invite(json!({"to": "care_home_contacts"})).await;
    assert_eq!(status, 200, "{receipt}");
    assert_eq!(receipt["invited"], 1, "{receipt}");
    // An event of no library of ours, and a closed survey, are refused.
    let (status, problem) = invite(json!({"to": "event_participants", "event_id": id})).await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(fields(&problem), ["event_id"]);
    let mut closed = survey("public", "none");
    closed["opens_on"] = json!(day(-20));
    closed["closes_on"] = json!(day(-3));
    let closed = create(&app, &staff, closed).await;
    let (status, problem) = app
        .send(
            "POST",
            &format!("/api/v1/surveys/{closed}/invitations"),
            Some(&staff),
            Some(json!({"to": "care_home_contacts"})),
        )
        .await;
    assert_eq!(
        (status, problem["code"].as_str()),
        (409, Some("survey_closed"))
    );
    // Only the library's staff invite.
    let patron = app.token_for(demo::PATRON.0, demo::PATRON.1).await;
    let (status, _) = app
        .send(
            "POST",
            &format!("/api/v1/surveys/{id}/invitations"),
            Some(&patron),
            Some(json!({"to": "care_home_contacts"})),
        )
        .await;
    assert_eq!(status, 403);
}

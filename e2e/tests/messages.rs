//! Messages over real SMTP on both databases: a booking's confirmation reaches the guest in their
//! language with a plain-text and an HTML part and a calendar file that a calendar library reads
//! with the right local time, the staff member is told, reminders wait for their time and are
//! dropped when the booking is cancelled; a failed text message goes by email; a library's own
//! wording is used; a worker killed mid-batch loses and repeats nothing; two processes on one
//! PostgreSQL send each message once; reminders keep the wall-clock time across the clock change.

use std::{
    collections::{HashMap, HashSet},
    time::Duration as StdDuration,
};

use chrono::{DateTime, Duration, FixedOffset, Utc};
use etakirjasto_e2e::{
    Backend, TestApp, demo, fresh_database, query_strings,
    smtp::{Mail, SmtpSink},
};
use mail_parser::MimeHeaders;
use serde_json::{Value, json};

macro_rules! with_smtp_on_both_databases {
    ($($name:ident => $body:ident;)+) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $name() {
                    super::$body(etakirjasto_e2e::Backend::Sqlite).await;
                }
            )+
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $name() {
                    super::$body(etakirjasto_e2e::Backend::Postgres).await;
                }
            )+
        }
    };
}

with_smtp_on_both_databases! {
    a_guest_booking_is_confirmed_in_swedish_with_a_calendar_file_and_the_staff_member_is_told => booking_mails;
    a_patron_who_chose_text_messages_gets_email_when_the_gateway_fails => fallback;
    a_librarys_own_wording_is_previewed_checked_and_used => own_wording;
    event_reminders_keep_the_wall_clock_time_across_the_spring_clock_change => dst_reminders;
    a_care_home_hears_of_its_confirmed_programme_with_a_calendar_file_and_reminders => programme_mails;
}

async fn start(backend: Backend, sink: &SmtpSink, extra: &[(&str, &str)]) -> TestApp {
    let url = sink.url();
    let mut envs = vec![
        ("SMTP_URL", url.as_str()),
        ("PUBLIC_URL", "https://kirjasto.example"),
    ];
    envs.extend_from_slice(extra);
    TestApp::spawn_with(backend, &envs).await
}

async fn service_id(app: &TestApp, english_name: &str) -> String {
    let (_, services) = app.get("/api/v1/services?library=kalajoki", None).await;
    services["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"]["en"] == english_name)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// A free time of the service at least `after` from now.
async fn slot_after(app: &TestApp, sid: &str, after: Duration) -> String {
    let from = (Utc::now() + after).to_rfc3339();
    let to = (Utc::now() + after + Duration::days(14)).to_rfc3339();
    let (status, slots) = app
        .get(
            &format!(
                "/api/v1/services/{sid}/slots?from={}&to={}",
                urlencode(&from),
                urlencode(&to)
            ),
            None,
        )
        .await;
    assert_eq!(status, 200, "{slots}");
    slots["slots"][0]["start"].as_str().unwrap().to_owned()
}

fn urlencode(s: &str) -> String {
    s.replace('+', "%2B").replace(':', "%3A")
}

/// The library's messages (as staff see them) about one booking or registration.
async fn messages_about(app: &TestApp, staff: &str, subject: &str) -> Vec<Value> {
    let (status, page) = app
        .get(
            &format!("/api/v1/messages?library=kalajoki&subject_id={subject}&limit=100"),
            Some(staff),
        )
        .await;
    assert_eq!(status, 200, "{page}");
    page["items"].as_array().unwrap().clone()
}

/// Waits until the messages about `subject` satisfy `pred`.
async fn wait_messages(
    app: &TestApp,
    staff: &str,
    subject: &str,
    what: &str,
    pred: impl Fn(&[Value]) -> bool,
) -> Vec<Value> {
    for _ in 0..300 {
        let list = messages_about(app, staff, subject).await;
        if pred(&list) {
            return list;
        }
        tokio::time::sleep(StdDuration::from_millis(100)).await;
    }
    panic!(
        "waited for {what}: {:#?}",
        messages_about(app, staff, subject).await
    );
}

fn parsed(data: &str) -> mail_parser::Message<'_> {
    mail_parser::MessageParser::default()
        .parse(data.as_bytes())
        .expect("a MIME message")
}

/// The DTSTART (TZID and local value) of the first event in a calendar file, read with the `ical`
/// crate.
fn dtstart(ics: &str) -> (String, String) {
    let calendar = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()))
        .next()
        .expect("a calendar")
        .expect("the calendar parses");
    assert!(
        calendar.timezones.iter().any(|tz| tz
            .properties
            .iter()
            .any(|p| p.name == "TZID" && p.value.as_deref() == Some("Europe/Helsinki"))),
        "the zone is defined inside the file"
    );
    let start = calendar.events[0]
        .properties
        .iter()
        .find(|p| p.name == "DTSTART")
        .expect("DTSTART");
    let tzid = start
        .params
        .as_ref()
        .and_then(|ps| ps.iter().find(|(n, _)| n == "TZID"))
        .map(|(_, v)| v[0].clone())
        .unwrap_or_default();
    (tzid, start.value.clone().unwrap_or_default())
}

async fn booking_mails(backend: Backend) {
    let sink = SmtpSink::start().await;
    let app = start(backend, &sink, &[]).await;
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let sid = service_id(&app, "Practice call").await;
    // More than a day ahead, so both reminders are planned.
    let start_at = slot_after(&app, &sid, Duration::days(2)).await;
    let (status, booking) = app
        .post(
            "/api/v1/bookings",
            &json!({"service_id": sid, "start": start_at, "mode": "video", "name": "Greta Gäst",
                    "email": "greta@example.fi", "language": "sv"}),
        )
        .await;
    assert_eq!(status, 201, "{booking}");
    let id = booking["id"].as_str().unwrap().to_owned();
    let token = booking["manage_token"].as_str().unwrap().to_owned();

    // Other mails may go out meanwhile (the demo home-service clients hear of tomorrow's visits
    // from the afternoon on), so the two are picked out by whom and what they are.
    let is_to_staff = |m: &Mail| {
        m.to[0].ends_with("@kalajoki.example")
            && parsed(&m.data)
                .subject()
                .is_some_and(|s| s.starts_with("Uusi varaus"))
    };
    let mails = sink
        .wait_for(30, "the guest's and the staff member's mails", |m| {
            m.iter().any(|m| m.to == ["greta@example.fi"]) && m.iter().any(is_to_staff)
        })
        .await;
    let guest = mails
        .iter()
        .find(|m| m.to == ["greta@example.fi"])
        .expect("a mail to the guest");
    let message = parsed(&guest.data);
    assert_eq!(
        message.subject(),
        Some("Din tid är bokad: Övningssamtal"),
        "Swedish, with the service's Swedish name"
    );
    let text = message.body_text(0).unwrap();
    assert!(text.starts_with("Hej Greta Gäst,"), "{text}");
    assert!(
        text.contains(&format!(
            "https://kirjasto.example/bookings/{id}#token={token}"
        )),
        "the guest's own cancel link: {text}"
    );
    assert!(text.contains(booking["meeting_url"].as_str().unwrap()));
    assert!(text.contains("+358"), "the library's phone number: {text}");
    let html = message.body_html(0).unwrap();
    assert!(
        html.contains("<a href=\"https://kirjasto.example/bookings/"),
        "{html}"
    );
    assert!(html.contains("lang=\"sv\""));
    let attachment = message.attachments().next().expect("a calendar file");
    assert_eq!(attachment.attachment_name(), Some("kalender.ics"));
    let ics = String::from_utf8(attachment.contents().to_vec()).unwrap();
    let start: DateTime<FixedOffset> = DateTime::parse_from_rfc3339(&start_at).unwrap();
    assert_eq!(
        dtstart(&ics),
        (
            "Europe/Helsinki".to_owned(),
            start.format("%Y%m%dT%H%M%S").to_string()
        ),
        "the local time in Helsinki"
    );

    let to_staff = mails
        .iter()
        .find(|m| is_to_staff(m))
        .expect("a mail to the staff member");
    let staff_mail = parsed(&to_staff.data);
    assert!(
        staff_mail.subject().unwrap().starts_with("Uusi varaus"),
        "staff in Finnish"
    );
    assert!(staff_mail.body_text(0).unwrap().contains("Greta Gäst"));

    // Staff see what was sent, with the private link hidden, and the two reminders waiting.
    let list = wait_messages(&app, &staff, &id, "sent confirmations", |l| {
        l.iter()
            .filter(|m| m["status"] == "sent" && m["sent_via"] == "email")
            .count()
            == 2
    })
    .await;
    let confirmation = list
        .iter()
        .find(|m| m["kind"] == "booking_confirmed")
        .unwrap();
    assert_eq!(
        guest.message_id(),
        Some(format!(
            "<{}@etakirjasto>",
            confirmation["id"].as_str().unwrap()
        ))
    );
    let shown = confirmation["body"].as_str().unwrap();
    assert!(
        shown.contains("[link]") && !shown.contains(&token),
        "{shown}"
    );
    let due = |kind: &str| -> DateTime<Utc> {
        let m = list.iter().find(|m| m["kind"] == kind).expect(kind);
        assert_eq!(m["status"], "pending");
        m["due_at"].as_str().unwrap().parse().unwrap()
    };
    let start_utc = start.with_timezone(&Utc);
    assert_eq!(due("booking_reminder_hour"), start_utc - Duration::hours(1));
    let day = due("booking_reminder_day");
    assert!(
        day <= start_utc - Duration::hours(23) && day >= start_utc - Duration::hours(25),
        "{day}"
    );

    // The guest cancels with their token: told at once, and the reminders are dropped.
    let r = app
        .client
        .post(app.url(&format!("/api/v1/bookings/{id}/cancel")))
        .header("X-Manage-Token", &token)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let mails = sink
        .wait_for(30, "the cancellation", |m| {
            m.iter()
                .any(|m| parsed(&m.data).subject() == Some("Din tid är avbokad: Övningssamtal"))
        })
        .await;
    let cancelled = mails
        .iter()
        .find(|m| parsed(&m.data).subject() == Some("Din tid är avbokad: Övningssamtal"))
        .unwrap();
    let cancelled_ics = String::from_utf8(
        parsed(&cancelled.data)
            .attachments()
            .next()
            .unwrap()
            .contents()
            .to_vec(),
    )
    .unwrap();
    assert!(
        cancelled_ics.contains("STATUS:CANCELLED"),
        "{cancelled_ics}"
    );
    let list = messages_about(&app, &staff, &id).await;
    for kind in ["booking_reminder_day", "booking_reminder_hour"] {
        let m = list.iter().find(|m| m["kind"] == kind).unwrap();
        assert_eq!(m["status"], "cancelled", "{kind}");
    }

    // Staff send the confirmation again: a new message, and the guest is told where their link is.
    let (status, copy) = app
        .send(
            "POST",
            &format!(
                "/api/v1/messages/{}/resend",
                confirmation["id"].as_str().unwrap()
            ),
            Some(&staff),
            None,
        )
        .await;
    assert_eq!(status, 201, "{copy}");
    assert_ne!(copy["id"], confirmation["id"]);
    let copy_id = format!("<{}@etakirjasto>", copy["id"].as_str().unwrap());
    let mails = sink
        .wait_for(30, "the resent copy", |m| {
            m.iter()
                .any(|m| m.message_id().as_deref() == Some(copy_id.as_str()))
        })
        .await;
    let resent = mails
        .iter()
        .find(|m| m.message_id().as_deref() == Some(copy_id.as_str()))
        .unwrap();
    let text = parsed(&resent.data).body_text(0).unwrap().to_string();
    assert!(
        !text.contains("#token=") && text.contains("första meddelandet"),
        "{text}"
    );
    let audited = query_strings(
        &app.database_url,
        "SELECT action AS value FROM audit_log WHERE action LIKE 'message.%'",
    );
    assert!(audited.iter().any(|a| a == "message.viewed"));
    assert!(audited.iter().any(|a| a == "message.resent"));
}

async fn fallback(backend: Backend) {
    let sink = SmtpSink::start().await;
    // Nothing listens on port 9 of loopback: every text message fails.
    let app = start(
        backend,
        &sink,
        &[("SMS_GATEWAY_URL", "http://127.0.0.1:9/sms")],
    )
    .await;
    let patron = app.token_for(demo::PATRON.0, demo::PATRON.1).await;
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let (status, prefs) = app
        .get("/api/v1/me/message-preferences", Some(&patron))
        .await;
    assert_eq!(status, 200);
    assert_eq!(prefs, json!({"channel": "email", "language": "fi"}));
    let (status, saved) = app
        .send(
            "PUT",
            "/api/v1/me/message-preferences",
            Some(&patron),
            Some(json!({"channel": "sms", "language": "en"})),
        )
        .await;
    assert_eq!(status, 200, "{saved}");
    // A staff account without a phone cannot choose text messages.
    let (status, problem) = app
        .send(
            "PUT",
            "/api/v1/me/message-preferences",
            Some(&staff),
            Some(json!({"channel": "sms", "language": "fi"})),
        )
        .await;
    assert_eq!(
        (status, problem["errors"][0]["field"].as_str()),
        (422, Some("channel")),
        "{problem}"
    );

    let sid = service_id(&app, "Practice call").await;
    let start_at = slot_after(&app, &sid, Duration::hours(3)).await;
    let (status, booking) = app
        .send(
            "POST",
            "/api/v1/bookings",
            Some(&patron),
            Some(json!({"service_id": sid, "start": start_at, "mode": "video"})),
        )
        .await;
    assert_eq!(status, 201, "{booking}");
    let id = booking["id"].as_str().unwrap();
    let mails = sink
        .wait_for(30, "the confirmation by email", |m| {
            m.iter().any(|m| m.to == [demo::PATRON.0])
        })
        .await;
    let mail = mails.iter().find(|m| m.to == [demo::PATRON.0]).unwrap();
    assert!(
        parsed(&mail.data)
            .subject()
            .unwrap()
            .starts_with("Your time is booked"),
        "in the chosen language"
    );
    let list = wait_messages(&app, &staff, id, "the confirmation marked sent", |l| {
        l.iter()
            .any(|m| m["kind"] == "booking_confirmed" && m["status"] == "sent")
    })
    .await;
    let m = list
        .iter()
        .find(|m| m["kind"] == "booking_confirmed")
        .unwrap();
    assert_eq!(m["sent_via"], "email");
    assert_eq!(m["attempts"], 2, "the text message first, then email: {m}");
}

async fn own_wording(backend: Backend) {
    let sink = SmtpSink::start().await;
    let app = start(backend, &sink, &[]).await;
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let path = "/api/v1/libraries/kalajoki/message-templates/booking_confirmed/fi";
    let (status, list) = app
        .get("/api/v1/libraries/kalajoki/message-templates", Some(&staff))
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        list.as_array().unwrap().len(),
        etakirjasto_shared::MessageKind::ALL.len() * 3,
        "every kind in fi, sv, en"
    );
    let mine = json!({"subject": "Varaus vahvistettu", "body": "Hyvä {name}!\n\n{what} {when}.\n{how}\n\nPeru: {link}\nPuhelin {library_phone}"});
    let (status, preview) = app
        .send(
            "POST",
            &format!("{path}/preview"),
            Some(&staff),
            Some(mine.clone()),
        )
        .await;
    assert_eq!(status, 200, "{preview}");
    assert!(preview["text"].as_str().unwrap().starts_with("Hyvä Maija!"));
    assert!(preview["html"].as_str().unwrap().contains("<a href="));
    let (status, problem) = app
        .send(
            "PUT",
            path,
            Some(&staff),
            Some(json!({"subject": "Hei", "body": "Hei {etunimi}"})),
        )
        .await;
    assert_eq!(
        (status, problem["errors"][0]["field"].as_str()),
        (422, Some("body"))
    );
    let (status, saved) = app.send("PUT", path, Some(&staff), Some(mine)).await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["customised"], true);

    let sid = service_id(&app, "Reading guidance").await;
    let start_at = slot_after(&app, &sid, Duration::hours(3)).await;
    let (status, booking) = app
        .post(
            "/api/v1/bookings",
            &json!({"service_id": sid, "start": start_at, "mode": "phone", "name": "Pekka Puhelin",
                    "phone": "040 222 3333", "email": "pekka@example.fi", "accept_ground_rules": true}),
        )
        .await;
    assert_eq!(status, 201, "{booking}");
    let mails = sink
        .wait_for(30, "the mail in the library's wording", |m| {
            m.iter().any(|m| m.to == ["pekka@example.fi"])
        })
        .await;
    let mail = mails.iter().find(|m| m.to == ["pekka@example.fi"]).unwrap();
    let message = parsed(&mail.data);
    assert_eq!(message.subject(), Some("Varaus vahvistettu"));
    let text = message.body_text(0).unwrap();
    assert!(text.starts_with("Hyvä Pekka Puhelin!"), "{text}");
    assert!(
        text.contains("Soitamme sinulle numeroon +358402223333."),
        "{text}"
    );

    let (status, reset) = app.send("DELETE", path, Some(&staff), None).await;
    assert_eq!(status, 200);
    assert_eq!(reset["customised"], false);
    assert_eq!(reset["subject"], "Aikasi on varattu: {what}");
}

async fn dst_reminders(backend: Backend) {
    let sink = SmtpSink::start().await;
    let app = start(backend, &sink, &[]).await;
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    // Sunday 28 March 2027 at 10:00 in Helsinki; the clocks go forward that morning at 03:00.
    let body = json!({
        "library": "kalajoki",
        "title": {"fi": "Kevään lukupiiri", "sv": "Vårens läscirkel", "en": "Spring reading circle"},
        "description": {"fi": "Kuvaus."},
        "category": "reading_circle", "audience": "adults", "mode": "online",
        "start": "2027-03-28T10:00:00+03:00", "end": "2027-03-28T11:30:00+03:00",
        "join_url": "https://meet.jit.si/etakirjasto-kevat", "online_capacity": 10,
        "max_seats_per_registration": 1
    });
    let (status, event) = app
        .send("POST", "/api/v1/events", Some(&staff), Some(body))
        .await;
    assert_eq!(status, 201, "{event}");
    let (status, reg) = app
        .post(
            &format!(
                "/api/v1/events/{}/registrations",
                event["id"].as_str().unwrap()
            ),
            &json!({"seat_type": "online", "name": "Kerttu Kevät", "email": "kerttu@example.fi"}),
        )
        .await;
    assert_eq!(status, 201, "{reg}");
    let list = messages_about(&app, &staff, reg["id"].as_str().unwrap()).await;
    let due: HashMap<String, String> = list
        .iter()
        .map(|m| {
            (
                m["kind"].as_str().unwrap().to_owned(),
                m["due_at"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
    // Saturday 10:00 is still winter time (UTC+2): 23 hours before, at the same wall-clock time.
    assert_eq!(at(&due["event_reminder_day"]), at("2027-03-27T08:00:00Z"));
    assert_eq!(at(&due["event_reminder_hour"]), at("2027-03-28T06:00:00Z"));
    let mails = sink
        .wait_for(30, "the registration's confirmation", |m| {
            m.iter().any(|m| m.to == ["kerttu@example.fi"])
        })
        .await;
    let mail = mails
        .iter()
        .find(|m| m.to == ["kerttu@example.fi"])
        .unwrap();
    let message = parsed(&mail.data);
    assert_eq!(
        message.subject(),
        Some("Olet ilmoittautunut: Kevään lukupiiri")
    );
    let text = message.body_text(0).unwrap();
    assert!(text.contains("sunnuntaina 28.3.2027 klo 10.00"), "{text}");
    let ics = String::from_utf8(message.attachments().next().unwrap().contents().to_vec()).unwrap();
    assert_eq!(
        dtstart(&ics),
        ("Europe/Helsinki".to_owned(), "20270328T100000".to_owned())
    );

    // A guest who registers and cancels with their token is told it is cancelled.
    let (status, other) = app
        .post(
            &format!("/api/v1/events/{}/registrations", event["id"].as_str().unwrap()),
            &json!({"seat_type": "online", "name": "Veikko Vieras", "email": "veikko@example.fi", "language": "en"}),
        )
        .await;
    assert_eq!(status, 201, "{other}");
    let r = app
        .client
        .post(app.url(&format!(
            "/api/v1/events/{}/registrations/{}/cancel",
            event["id"].as_str().unwrap(),
            other["id"].as_str().unwrap()
        )))
        .header("X-Manage-Token", other["manage_token"].as_str().unwrap())
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    sink.wait_for(30, "the cancellation of a registration", |m| {
        m.iter().any(|m| {
            m.to == ["veikko@example.fi"]
                && parsed(&m.data).subject()
                    == Some("Registration cancelled: Spring reading circle")
        })
    })
    .await;

    // Staff write to everyone registered in their own words; an empty message is named.
    let message_path = format!("/api/v1/events/{}/message", event["id"].as_str().unwrap());
    let (status, problem) = app
        .send(
            "POST",
            &message_path,
            Some(&staff),
            Some(json!({"message": "  "})),
        )
        .await;
    assert_eq!(
        (status, problem["errors"][0]["field"].as_str()),
        (422, Some("message"))
    );
    let (status, sent) = app
        .send(
            "POST",
            &message_path,
            Some(&staff),
            Some(json!({"message": "Luemme Kesäkirjan. Ota kirja mukaan."})),
        )
        .await;
    assert_eq!(status, 201, "{sent}");
    assert_eq!(sent["recipients"], 1);
    sink.wait_for(30, "the staff's message", |m| {
        m.iter().any(|m| {
            m.to == ["kerttu@example.fi"]
                && parsed(&m.data).subject() == Some("Viesti kirjastosta: Kevään lukupiiri")
                && parsed(&m.data)
                    .body_text(0)
                    .is_some_and(|t| t.contains("Luemme Kesäkirjan. Ota kirja mukaan."))
        })
    })
    .await;

    // Cancelling the event tells the person and drops the reminders.
    let (status, _) = app
        .send(
            "POST",
            &format!("/api/v1/events/{}/cancel", event["id"].as_str().unwrap()),
            Some(&staff),
            None,
        )
        .await;
    assert_eq!(status, 200);
    sink.wait_for(30, "the cancellation", |m| {
        m.iter().any(|m| {
            m.to == ["kerttu@example.fi"]
                && parsed(&m.data).subject() == Some("Tapahtuma on peruttu: Kevään lukupiiri")
        })
    })
    .await;
    let list = messages_about(&app, &staff, reg["id"].as_str().unwrap()).await;
    for kind in ["event_reminder_day", "event_reminder_hour"] {
        let m = list.iter().find(|m| m["kind"] == kind).unwrap();
        assert_eq!(m["status"], "cancelled", "{kind}");
    }
}

/// Registers `n` guests for a new event with room for all, through `apps` in turn, all at once.
async fn register_many(apps: &[&TestApp], staff: &str, n: usize) -> String {
    let app = apps[0];
    let start = Utc::now() + Duration::days(5);
    let (status, event) = app
        .send(
            "POST",
            "/api/v1/events",
            Some(staff),
            Some(json!({
                "library": "kalajoki",
                "title": {"fi": "Iso luento"}, "description": {"fi": "Kuvaus."},
                "category": "class", "audience": "adults", "mode": "online",
                "start": start.to_rfc3339(), "end": (start + Duration::hours(1)).to_rfc3339(),
                "join_url": "https://meet.jit.si/etakirjasto-luento", "online_capacity": 500,
                "max_seats_per_registration": 1
            })),
        )
        .await;
    assert_eq!(status, 201, "{event}");
    let id = event["id"].as_str().unwrap().to_owned();
    let mut tasks = Vec::new();
    for i in 0..n {
        let base = apps[i % apps.len()].base.clone();
        let client = app.client.clone();
        let path = format!("{base}/api/v1/events/{id}/registrations");
        tasks.push(tokio::spawn(async move {
            client
                .post(path)
                .json(&json!({"seat_type": "online", "name": format!("Kuulija {i}"), "email": format!("kuulija{i}@example.fi")}))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap(), 201);
    }
    id
}

/// The ids of messages that are due now (confirmations; not reminders), from the database.
fn due_ids(app: &TestApp) -> Vec<String> {
    query_strings(
        &app.database_url,
        "SELECT id AS value FROM messages WHERE kind = 'registration_confirmed'",
    )
}

/// How many of the received mails are the expected messages.
fn arrived(mails: &[Mail], expected: &[String]) -> usize {
    let ids: HashSet<String> = expected
        .iter()
        .map(|id| format!("<{id}@etakirjasto>"))
        .collect();
    mails
        .iter()
        .filter(|m| m.message_id().is_some_and(|id| ids.contains(&id)))
        .count()
}

/// Every message id received exactly once, every expected one among them, and nothing that is
/// not a message in the database. (The demo home-service clients' notices of tomorrow's visits
/// may go out meanwhile: they are messages of the database too.)
fn assert_once(sink: &SmtpSink, app: &TestApp, expected: &[String]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for mail in sink.mails() {
        *seen.entry(mail.message_id().unwrap()).or_default() += 1;
    }
    let repeated: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
    assert!(repeated.is_empty(), "sent more than once: {repeated:?}");
    for id in expected {
        assert!(
            seen.contains_key(&format!("<{id}@etakirjasto>")),
            "message {id} never arrived"
        );
    }
    let known: HashSet<String> =
        query_strings(&app.database_url, "SELECT id AS value FROM messages")
            .into_iter()
            .map(|id| format!("<{id}@etakirjasto>"))
            .collect();
    let strangers: Vec<_> = seen.keys().filter(|id| !known.contains(*id)).collect();
    assert!(
        strangers.is_empty(),
        "sent but not in the outbox: {strangers:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_worker_killed_mid_batch_and_restarted_loses_and_repeats_nothing() {
    // The server holds the 5th message; the sender is killed while it waits for the answer.
    let sink = SmtpSink::start_with(StdDuration::from_millis(20), Some(5)).await;
    let mut app = start(Backend::Sqlite, &sink, &[("MESSAGE_CLAIM_SECONDS", "3")]).await;
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    register_many(&[&app], &staff, 30).await;
    sink.wait_held().await;
    app.kill_and_restart().await;
    sink.release();
    let expected = due_ids(&app);
    assert_eq!(expected.len(), 30);
    sink.wait_for(60, "every confirmation", |m| arrived(m, &expected) >= 30)
        .await;
    // Give a repeat every chance to show up.
    tokio::time::sleep(StdDuration::from_secs(4)).await;
    assert_once(&sink, &app, &expected);
    let sent = query_strings(
        &app.database_url,
        "SELECT id AS value FROM messages WHERE kind = 'registration_confirmed' AND status = 'sent'",
    );
    assert_eq!(sent.len(), 30, "all marked sent");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_processes_on_one_postgres_send_each_message_once() {
    let sink = SmtpSink::start_with(StdDuration::from_millis(5), None).await;
    let url = sink.url();
    let envs = [("SMTP_URL", url.as_str()), ("MESSAGE_POLL_MS", "20")];
    let a = TestApp::spawn_with(Backend::Postgres, &envs).await;
    let (_, dir) = fresh_database(Backend::Sqlite);
    let b = TestApp::spawn_on(Backend::Postgres, a.database_url.clone(), dir, &envs).await;
    let staff = a.token_for(demo::STAFF.0, demo::STAFF.1).await;
    register_many(&[&a, &b], &staff, 80).await;
    let expected = due_ids(&a);
    assert_eq!(expected.len(), 80);
    sink.wait_for(60, "every confirmation", |m| arrived(m, &expected) >= 80)
        .await;
    tokio::time::sleep(StdDuration::from_secs(2)).await;
    assert_once(&sink, &a, &expected);
}

async fn programme_mails(backend: Backend) {
    let sink = SmtpSink::start().await;
    let app = start(backend, &sink, &[]).await;
    let contact = app
        .token_for(demo::CARE_HOME_CONTACT.0, demo::CARE_HOME_CONTACT.1)
        .await;
    let staff = app.token_for(demo::STAFF.0, demo::STAFF.1).await;
    let (_, offers) = app
        .get("/api/v1/programme-offers?library=kalajoki", None)
        .await;
    let offer = &offers["items"][0];
    // A time at least two hours ahead, so the reminder an hour before is still to come.
    let time = offer["times"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| {
            DateTime::parse_from_rfc3339(t["start"].as_str().unwrap()).unwrap()
                > Utc::now() + Duration::hours(2)
        })
        .expect("a demo time two hours ahead");
    let (_, mine) = app.get("/api/v1/me/organisations", Some(&contact)).await;
    let (status, booking) = app
        .send(
            "POST",
            "/api/v1/programme-bookings",
            Some(&contact),
            Some(json!({
                "time_id": time["id"], "organisation_id": mine[0]["id"], "residents": 8,
                "equipment": "Televisio ja kaiutin", "onsite_contact_name": "Sari Lähihoitaja",
                "onsite_contact_phone": "0401112223"
            })),
        )
        .await;
    assert_eq!(status, 201, "{booking}");
    let id = booking["id"].as_str().unwrap().to_owned();
    let (status, confirmed) = app
        .send(
            "POST",
            &format!("/api/v1/programme-bookings/{id}/confirm"),
            Some(&staff),
            Some(json!({"message": "Tervetuloa!"})),
        )
        .await;
    assert_eq!(status, 200, "{confirmed}");
    let mails = sink
        .wait_for(30, "the confirmation to the unit", |m| {
            m.iter().any(|m| m.to == [demo::CARE_HOME_CONTACT.0])
        })
        .await;
    let mail = mails
        .iter()
        .find(|m| m.to == [demo::CARE_HOME_CONTACT.0])
        .unwrap();
    let message = parsed(&mail.data);
    assert_eq!(
        message.subject(),
        Some("Ohjelma on vahvistettu: Muistojen tuokio")
    );
    assert!(
        message
            .body_text(0)
            .unwrap()
            .contains(confirmed["meeting_url"].as_str().unwrap()),
        "the video link"
    );
    let ics = String::from_utf8(message.attachments().next().unwrap().contents().to_vec()).unwrap();
    let start: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339(time["start"].as_str().unwrap()).unwrap();
    assert_eq!(
        dtstart(&ics),
        (
            "Europe/Helsinki".to_owned(),
            start.format("%Y%m%dT%H%M%S").to_string()
        )
    );
    let list = messages_about(&app, &staff, &id).await;
    let pending: Vec<_> = list
        .iter()
        .filter(|m| m["status"] == "pending")
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    assert!(
        pending.contains(&"booking_reminder_hour"),
        "a reminder an hour before: {list:?}"
    );
    // The unit cancels: the reminders are dropped.
    let (status, _) = app
        .send(
            "POST",
            &format!("/api/v1/programme-bookings/{id}/cancel"),
            Some(&contact),
            Some(json!({})),
        )
        .await;
    assert_eq!(status, 200);
    let list = messages_about(&app, &staff, &id).await;
    assert!(
        list.iter().all(|m| m["status"] != "pending"),
        "no reminder left: {list:?}"
    );
}

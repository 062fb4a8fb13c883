//! Demo data: the Kalajoki city library with two branches, an admin, two staff and a patron, three
//! bookable session types delivered by the three staff members on weekdays, events (the monthly
//! online reading circle, a hybrid author talk, a class) and two care-home programme offers with
//! an assisted-living unit and its contact person, and the home-delivery service: four clients
//! (weekly, every two weeks, monthly, and one paused), a volunteer deliverer, past deliveries and
//! the coming round; operating models, two needs surveys with answers, and staff training (four
//! modules, the staff's progress and their sign-offs for every session type they deliver).
//!
//! Loaded only into an empty database (no libraries), so it never mixes with real data. The demo
//! passwords are public on purpose: they are printed at start-up and in the README.

use chrono::{Datelike, Days, NaiveDateTime, Utc};
use etakirjasto_shared::{
    ClientStatus, DeliveryFrequency, HomeServiceReason, Localized, MaterialFormat, Role,
    ServiceInput, SessionMode, Weekday,
};

use crate::{
    auth::{
        queries::{self as users, UserRow},
        secrets,
    },
    db::{DbConnection, write_tx},
    error::ApiError,
    libraries::queries::{self as libs, BranchRow, HoursRow, LibraryRow},
    services::{
        input::{self, CheckedAvailability},
        queries::{self as services_q, ServiceRow},
        rules::DayInterval,
    },
};

/// A demo account: (role, name, email, password).
pub const DEMO_ACCOUNTS: [(Role, &str, &str, &str); 4] = [
    (
        Role::Admin,
        "Aino Ylläpitäjä",
        "admin@kalajoki.example",
        "demo-admin-2026",
    ),
    (
        Role::Staff,
        "Liisa Kirjastonhoitaja",
        "liisa@kalajoki.example",
        "demo-staff-2026",
    ),
    (
        Role::Staff,
        "Pekka Informaatikko",
        "pekka@kalajoki.example",
        "demo-staff-2026",
    ),
    (
        Role::Patron,
        "Maija Meikäläinen",
        "maija@example.fi",
        "demo-patron-2026",
    ),
];
/// The authenticator secret of the demo staff and admin (two-step sign-in); demo data only, never for
/// real accounts. `etakirjasto demo code` prints its current code.
pub const DEMO_STAFF_SECRET: &str = "ETAKIRJASTODEMOSTAFFKOODIAAAAAAA";

/// The demo patron's library card.
pub const DEMO_CARD: (&str, &str) = ("2000123456", "1234");

/// The demo home-service volunteer: (name, email, password).
pub const DEMO_VOLUNTEER: (&str, &str, &str) = (
    "Veikko Vapaaehtoinen",
    "veikko@example.fi",
    "demo-vapaaehtoinen-2026",
);

/// The demo care home's contact person: (name, email, password).
pub const DEMO_CARE_HOME_CONTACT: (&str, &str, &str) = (
    "Sari Lähihoitaja",
    "sari@kotirinne.example",
    "demo-kotirinne-2026",
);

fn hours(branch_id: &str, days: &[(i32, &str, &str)]) -> Vec<HoursRow> {
    days.iter()
        .map(|(d, o, c)| HoursRow {
            branch_id: branch_id.into(),
            weekday: *d,
            opens: (*o).into(),
            closes: (*c).into(),
        })
        .collect()
}

/// Loads the demo data if the database has no library yet; returns the sign-ins to print.
pub fn load(conn: &mut DbConnection) -> Result<Option<String>, ApiError> {
    let now = Utc::now().naive_utc();
    // Hash before taking the write lock: argon2 is slow by design.
    let mut accounts = Vec::new();
    for (role, name, email, password) in DEMO_ACCOUNTS {
        let hash = secrets::hash_secret(password).map_err(ApiError::internal)?;
        accounts.push((role, name, email, hash));
    }
    let pin_hash = secrets::hash_secret(DEMO_CARD.1).map_err(ApiError::internal)?;
    let contact_hash =
        secrets::hash_secret(DEMO_CARE_HOME_CONTACT.2).map_err(ApiError::internal)?;
    let volunteer_hash = secrets::hash_secret(DEMO_VOLUNTEER.2).map_err(ApiError::internal)?;
    let loaded = write_tx(conn, |conn| {
        if libs::count(conn)? > 0 {
            return Ok::<_, ApiError>(false);
        }
        let library = LibraryRow {
            id: uuid::Uuid::new_v4().to_string(),
            slug: "kalajoki".into(),
            name: "Kalajoen kaupunginkirjasto".into(),
            phone: "+358844691235".into(),
            email: "kirjasto@kalajoki.example".into(),
            time_zone: "Europe/Helsinki".into(),
            created_at: now,
        };
        libs::insert_library(conn, &library)?;
        let main_id = uuid::Uuid::new_v4().to_string();
        libs::insert_branch(
            conn,
            &BranchRow {
                id: main_id.clone(),
                library_id: library.id.clone(),
                name: "Pääkirjasto".into(),
                is_main: true,
                street_address: "Pohjankyläntie 1".into(),
                postal_code: "85100".into(),
                city: "Kalajoki".into(),
                phone: "+358844691235".into(),
                email: "kirjasto@kalajoki.example".into(),
                position: 0,
            },
            &hours(
                &main_id,
                &[
                    (1, "10:00", "19:00"),
                    (2, "10:00", "19:00"),
                    (3, "10:00", "19:00"),
                    (4, "10:00", "19:00"),
                    (5, "10:00", "16:00"),
                    (6, "10:00", "14:00"),
                ],
            ),
        )?;
        let branch_id = uuid::Uuid::new_v4().to_string();
        libs::insert_branch(
            conn,
            &BranchRow {
                id: branch_id.clone(),
                library_id: library.id.clone(),
                name: "Himangan kirjasto".into(),
                is_main: false,
                street_address: "Kauppatie 20".into(),
                postal_code: "85200".into(),
                city: "Kalajoki".into(),
                phone: "+358844691290".into(),
                email: "himangan.kirjasto@kalajoki.example".into(),
                position: 1,
            },
            &hours(
                &branch_id,
                &[
                    (2, "12:00", "18:00"),
                    (4, "12:00", "18:00"),
                    (5, "10:00", "14:00"),
                ],
            ),
        )?;
        let mut staff_ids = Vec::new();
        let mut home_service_staff = None;
        for (role, name, email, hash) in &accounts {
            let is_patron = *role == Role::Patron;
            let user = UserRow {
                id: uuid::Uuid::new_v4().to_string(),
                name: (*name).into(),
                email: Some((*email).into()),
                phone: is_patron.then(|| "+358401234567".into()),
                card_number: is_patron.then(|| DEMO_CARD.0.into()),
                password_hash: Some(hash.clone()),
                pin_hash: is_patron.then(|| pin_hash.clone()),
                created_at: now,
                credentials_changed_at: now,
            };
            users::insert_user(conn, &user)?;
            users::insert_membership(conn, &user.id, &library.id, *role, now)?;
            if role.is_staff() {
                crate::auth::second_factor::enable_with_secret(
                    conn,
                    &user.id,
                    DEMO_STAFF_SECRET,
                    now,
                )?;
                staff_ids.push(user.id.clone());
            }
            // The librarian runs the home-delivery service; the admin does not see its clients.
            if *role == Role::Staff {
                crate::home_service::queries::grant(conn, &library.id, &user.id, now)?;
                home_service_staff.get_or_insert((user.id.clone(), user.name.clone()));
            }
        }
        demo_services(conn, &library.id, &staff_ids, now)?;
        demo_events(conn, &library.id, &main_id, now)?;
        let contact = UserRow {
            id: uuid::Uuid::new_v4().to_string(),
            name: DEMO_CARE_HOME_CONTACT.0.into(),
            email: Some(DEMO_CARE_HOME_CONTACT.1.into()),
            phone: Some("+358401112223".into()),
            card_number: None,
            password_hash: Some(contact_hash),
            pin_hash: None,
            created_at: now,
            credentials_changed_at: now,
        };
        users::insert_user(conn, &contact)?;
        users::insert_membership(conn, &contact.id, &library.id, Role::Patron, now)?;
        demo_programmes(conn, &library.id, &contact.id, now)?;
        let volunteer = UserRow {
            id: uuid::Uuid::new_v4().to_string(),
            name: DEMO_VOLUNTEER.0.into(),
            email: Some(DEMO_VOLUNTEER.1.into()),
            phone: Some("+358405556667".into()),
            card_number: None,
            password_hash: Some(volunteer_hash),
            pin_hash: None,
            created_at: now,
            credentials_changed_at: now,
        };
        users::insert_user(conn, &volunteer)?;
        users::insert_membership(conn, &volunteer.id, &library.id, Role::Patron, now)?;
        crate::home_service::queries::grant_volunteer(conn, &library.id, &volunteer.id, now)?;
        let librarian = home_service_staff.unwrap_or_default();
        crate::guides::demo::load(conn, (&library.id, &library.slug), &librarian, now)?;
        let today = now
            .and_utc()
            .with_timezone(&crate::events::service::tz_of(&library.time_zone))
            .date_naive();
        let entered_by = Some(librarian.0.as_str()).filter(|s| !s.is_empty());
        let staff: Vec<(String, String)> = staff_ids
            .iter()
            .zip(DEMO_ACCOUNTS.iter().filter(|a| a.0.is_staff()))
            .map(|(id, a)| (id.clone(), a.1.to_owned()))
            .collect();
        let services: Vec<(String, String)> =
            crate::training::queries::services_of_library(conn, &library.id)?
                .into_iter()
                .map(|(id, name)| (id, name.en))
                .collect();
        crate::training::demo::load(conn, &library.id, &staff, &services, now)?;
        crate::surveys::demo::load(conn, &library.id, entered_by, today, now)?;
        demo_home_service(
            conn,
            &library.id,
            &librarian,
            &(volunteer.id.clone(), volunteer.name.clone()),
        )?;
        Ok(true)
    })?;
    Ok(loaded.then(signins))
}

/// Two programme offers for care homes (a reminiscence session and a read-aloud hour), each with
/// times on the coming weeks' Tuesdays and Thursdays at 13:00 Helsinki time, and one assisted-living
/// unit with its contact person.
fn demo_programmes(
    conn: &mut DbConnection,
    library_id: &str,
    contact_id: &str,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    use chrono::{Datelike, Duration, TimeZone, Weekday};
    use etakirjasto_shared::OrganisationKind;

    use crate::programmes::queries::{self as programmes, OfferRow, OrganisationRow, TimeRow};
    programmes::insert_organisation(
        conn,
        &OrganisationRow {
            id: uuid::Uuid::new_v4().to_string(),
            library_id: library_id.into(),
            name: "Palvelukoti Kotirinne".into(),
            kind: OrganisationKind::AssistedLiving.as_str().into(),
            address: Some("Rinnetie 4, 85100 Kalajoki".into()),
            phone: Some("+358401112220".into()),
            contact_user_id: Some(contact_id.into()),
            created_at: now,
        },
    )?;
    let offers = [
        (
            text("Muistojen tuokio", "Minnesstund", "Reminiscence session"),
            text(
                "Katselemme vanhoja valokuvia Kalajoelta, kuuntelemme tuttuja lauluja ja muistelemme yhdessä. Kirjastonhoitaja ohjaa tuokiota videon välityksellä yksikön omalle näytölle.",
                "Vi tittar på gamla fotografier från Kalajoki, lyssnar på välkända sånger och minns tillsammans. Bibliotekarien leder stunden via video på enhetens egen skärm.",
                "We look at old photographs of Kalajoki, listen to familiar songs and remember together. A librarian leads the session by video on the unit's own screen.",
            ),
            45,
            Some(12),
            Weekday::Tue,
        ),
        (
            text("Ääneenlukutuokio", "Högläsningsstund", "Read-aloud hour"),
            text(
                "Kirjastonhoitaja lukee ääneen novelleja ja runoja. Kuulijat voivat toivoa aiheita etukäteen.",
                "Bibliotekarien läser noveller och dikter högt. Lyssnarna kan önska teman i förväg.",
                "A librarian reads short stories and poems aloud. Listeners can wish for themes in advance.",
            ),
            60,
            None,
            Weekday::Thu,
        ),
    ];
    // One second apart, so the listing (oldest first) has a stable order.
    for (n, (title, description, minutes, max_residents, weekday)) in offers.into_iter().enumerate()
    {
        let id = uuid::Uuid::new_v4().to_string();
        programmes::insert_offer(
            conn,
            &OfferRow {
                id: id.clone(),
                library_id: library_id.into(),
                title: serde_json::to_string(&title).unwrap_or_default(),
                description: serde_json::to_string(&description).unwrap_or_default(),
                duration_minutes: minutes,
                max_residents,
                published: true,
                created_at: now + Duration::seconds(n as i64),
            },
        )?;
        let times: Vec<TimeRow> = (1..=28)
            .map(|d| (now + Duration::days(d)).date())
            .filter(|date| date.weekday() == weekday)
            .filter_map(|date| {
                let local = date.and_hms_opt(13, 0, 0)?;
                let start = chrono_tz::Europe::Helsinki
                    .from_local_datetime(&local)
                    .earliest()?
                    .naive_utc();
                Some(TimeRow {
                    id: uuid::Uuid::new_v4().to_string(),
                    offer_id: id.clone(),
                    starts_at: start,
                    ends_at: start + Duration::minutes(i64::from(minutes)),
                })
            })
            .collect();
        programmes::insert_times(conn, &times)?;
    }
    Ok(())
}

fn text(fi: &str, sv: &str, en: &str) -> Localized {
    Localized {
        fi: fi.into(),
        sv: sv.into(),
        en: en.into(),
    }
}

/// The online reading circle, a hybrid author talk and an on-site digital-skills class, on the coming
/// days at fixed Helsinki times.
fn demo_events(
    conn: &mut DbConnection,
    library_id: &str,
    branch_id: &str,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    use chrono::{Duration, TimeZone};
    use etakirjasto_shared::{Audience, EventCategory, EventInput, EventMode};
    let at = |days: i64, hour: u32| {
        let date = (now + Duration::days(days)).date();
        let local = date.and_hms_opt(hour, 0, 0).unwrap_or_default();
        chrono_tz::Europe::Helsinki
            .from_local_datetime(&local)
            .earliest()
            .map_or_else(|| local.and_utc().fixed_offset(), |t| t.fixed_offset())
    };
    let events = [
        EventInput {
            library: "kalajoki".into(),
            title: text(
                "Etälukupiiri",
                "Läscirkel på distans",
                "Online reading circle",
            ),
            description: text(
                "Kuukauden lukupiiri verkossa: keskustelemme yhdessä valitusta kirjasta. Kameran käyttö on vapaaehtoista.",
                "Månadens läscirkel på nätet: vi samtalar om en gemensamt vald bok. Kameran är frivillig.",
                "The monthly reading circle online: we talk about a book we chose together. Your camera can stay off.",
            ),
            category: EventCategory::ReadingCircle,
            audience: Audience::Adults,
            mode: EventMode::Online,
            start: at(9, 18),
            end: at(9, 19) + Duration::minutes(30),
            branch: None,
            room: None,
            join_url: Some("https://meet.jit.si/etakirjasto-kalajoki-lukupiiri".into()),
            join_visible_minutes: 30,
            on_site_capacity: 0,
            online_capacity: 12,
            max_seats_per_registration: 2,
            registration_required: true,
            registration_opens: None,
            registration_closes: None,
            accessibility_note: Some(text(
                "Tekstitys käytössä. Voit osallistua myös puhelimella.",
                "Textning används. Du kan också delta per telefon.",
                "Captions on. You can also take part by phone.",
            )),
            // Every month on the same weekday of the same week: "the second Tuesday", say.
            repeat: Some(monthly_like(at(9, 18).date_naive())),
        },
        EventInput {
            library: "kalajoki".into(),
            title: text(
                "Kirjailijavieras: Pohjanmaan tarinat",
                "Författarbesök: Berättelser från Österbotten",
                "Author visit: Stories of Ostrobothnia",
            ),
            description: text(
                "Kirjailija kertoo uusimmasta teoksestaan. Tule paikan päälle tai seuraa verkossa.",
                "Författaren berättar om sin senaste bok. Kom på plats eller följ med på nätet.",
                "The author talks about their newest book. Come to the library or follow online.",
            ),
            category: EventCategory::AuthorVisit,
            audience: Audience::Everyone,
            mode: EventMode::Hybrid,
            start: at(12, 17),
            end: at(12, 18) + Duration::minutes(30),
            branch: Some(branch_id.into()),
            room: Some("Lukusali".into()),
            join_url: Some("https://meet.jit.si/etakirjasto-kalajoki-kirjailijavieras".into()),
            join_visible_minutes: 30,
            on_site_capacity: 40,
            online_capacity: 100,
            max_seats_per_registration: 4,
            registration_required: true,
            registration_opens: None,
            registration_closes: None,
            accessibility_note: Some(text(
                "Esteetön sisäänkäynti ja induktiosilmukka.",
                "Tillgänglig entré och hörslinga.",
                "Step-free entrance and an induction loop.",
            )),
            repeat: None,
        },
        EventInput {
            library: "kalajoki".into(),
            title: text(
                "Digitaidot: älypuhelimen perusteet",
                "Digitala färdigheter: grunderna i smarttelefonen",
                "Digital skills: smartphone basics",
            ),
            description: text(
                "Opettelemme yhdessä puhelimen perusasiat: soittaminen, viestit ja kuvat. Ota oma puhelin mukaan.",
                "Vi lär oss tillsammans grunderna: samtal, meddelanden och bilder. Ta med din egen telefon.",
                "Together we learn the basics: calls, messages and photos. Bring your own phone.",
            ),
            category: EventCategory::Class,
            audience: Audience::Elderly,
            mode: EventMode::OnSite,
            start: at(5, 13),
            end: at(5, 14) + Duration::minutes(30),
            branch: Some(branch_id.into()),
            room: Some("Kokoushuone".into()),
            join_url: None,
            join_visible_minutes: 30,
            on_site_capacity: 8,
            online_capacity: 0,
            max_seats_per_registration: 2,
            registration_required: true,
            registration_opens: None,
            registration_closes: None,
            accessibility_note: None,
            repeat: None,
        },
    ];
    let library = crate::libraries::queries::find_by_id(conn, library_id)?;
    for input in &events {
        if let Some(repeat) = &input.repeat {
            let (series, rows) =
                crate::events::series::plan(&library, input, repeat, now.and_utc())?;
            crate::events::series::insert(conn, &series, &rows)?;
            continue;
        }
        let row = crate::events::service::row_from_input(
            uuid::Uuid::new_v4().to_string(),
            library_id.into(),
            input,
            now,
        );
        crate::events::queries::insert(conn, &row)?;
    }
    Ok(())
}

/// Six months of a monthly series on `first`'s weekday and week of the month (the last one when it
/// is a fifth).
fn monthly_like(first: chrono::NaiveDate) -> etakirjasto_shared::Repeat {
    use chrono::Datelike;
    use etakirjasto_shared::{Frequency, Repeat, Weekday};
    let weekday = Weekday::ALL[first.weekday().num_days_from_monday() as usize];
    let week = (first.day() as i8 - 1) / 7 + 1;
    Repeat {
        frequency: Frequency::Monthly,
        interval: 1,
        weekdays: vec![weekday],
        week_of_month: Some(if week > 4 { -1 } else { week }),
        until: None,
        count: Some(6),
    }
}

/// Reading guidance, e-services help and a practice call, delivered by every demo staff member, who
/// are available on weekdays 9–12 and 13–15.
fn demo_services(
    conn: &mut DbConnection,
    library_id: &str,
    staff_ids: &[String],
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    use SessionMode::*;
    let services = [
        ServiceInput {
            library: "kalajoki".into(),
            name: text("Lukuneuvonta", "Läsråd", "Reading guidance"),
            description: text(
                "Kerro, mistä olet pitänyt, niin kirjastonhoitaja ehdottaa sinulle seuraavaa luettavaa.",
                "Berätta vad du har tyckt om, så föreslår bibliotekarien vad du kan läsa härnäst.",
                "Tell us what you have enjoyed, and a librarian suggests what to read next.",
            ),
            duration_minutes: 45,
            modes: vec![Video, Phone, InPerson],
            buffer_before_minutes: 0,
            buffer_after_minutes: 15,
            min_notice_minutes: 24 * 60,
            booking_window_days: 60,
            cancellation_cutoff_minutes: 120,
            questions: vec![text(
                "Mitä olet lukenut mielelläsi?",
                "Vad har du tyckt om att läsa?",
                "What have you enjoyed reading?",
            )],
            ground_rules: None,
            active: true,
        },
        ServiceInput {
            library: "kalajoki".into(),
            name: text(
                "Apua e-palveluihin",
                "Hjälp med e-tjänster",
                "Help with e-services",
            ),
            description: text(
                "Apua e-kirjoihin, kirjaston verkkopalveluihin ja laitteen käyttöön.",
                "Hjälp med e-böcker, bibliotekets nättjänster och din enhet.",
                "Help with e-books, the library's online services and your device.",
            ),
            duration_minutes: 30,
            modes: vec![Video, Phone, InPerson],
            buffer_before_minutes: 0,
            buffer_after_minutes: 15,
            min_notice_minutes: 24 * 60,
            booking_window_days: 60,
            cancellation_cutoff_minutes: 120,
            questions: vec![text(
                "Missä tarvitset apua?",
                "Vad behöver du hjälp med?",
                "What do you need help with?",
            )],
            ground_rules: Some(text(
                "Kirjaston työntekijä ei hoida pankkiasioitasi. Kirjaudut omiin palveluihisi itse. Asiasi pysyvät luottamuksellisina.",
                "Bibliotekets personal sköter inte dina bankärenden. Du loggar själv in i dina tjänster. Dina ärenden behandlas konfidentiellt.",
                "Library staff do not do your banking. You sign in to your own services yourself. What you tell us stays confidential.",
            )),
            active: true,
        },
        ServiceInput {
            library: "kalajoki".into(),
            name: text("Harjoituspuhelu", "Övningssamtal", "Practice call"),
            description: text(
                "Maksuton 10 minuutin videopuhelu, jossa kokeillaan yhdessä, että kuva ja ääni toimivat.",
                "Ett avgiftsfritt videosamtal på 10 minuter där vi tillsammans provar att bild och ljud fungerar.",
                "A free 10-minute video call in which we check together that picture and sound work.",
            ),
            duration_minutes: 10,
            modes: vec![Video],
            buffer_before_minutes: 0,
            buffer_after_minutes: 5,
            min_notice_minutes: 60,
            booking_window_days: 30,
            cancellation_cutoff_minutes: 30,
            questions: vec![],
            ground_rules: None,
            active: true,
        },
    ];
    let weekly = CheckedAvailability {
        weekly: (1..=5u32)
            .flat_map(|d| {
                [
                    (
                        d,
                        DayInterval {
                            start: 9 * 60,
                            end: 12 * 60,
                        },
                    ),
                    (
                        d,
                        DayInterval {
                            start: 13 * 60,
                            end: 15 * 60,
                        },
                    ),
                ]
            })
            .collect(),
        exceptions: Vec::new(),
    };
    for input in &services {
        let modes = input::check_service(input).map_err(ApiError::invalid)?;
        let row = ServiceRow::from_input(
            uuid::Uuid::new_v4().to_string(),
            library_id.into(),
            input,
            &modes,
            now,
        );
        services_q::insert(conn, &row)?;
        services_q::set_staff(conn, &row.id, staff_ids)?;
    }
    for id in staff_ids {
        services_q::set_availability(conn, library_id, id, &weekly)?;
    }
    Ok(())
}

/// The demo sign-ins as printed text.
pub fn signins() -> String {
    let mut out =
        String::from("Demo data loaded: Kalajoen kaupunginkirjasto (kalajoki). Sign in with:\n");
    for (role, _, email, password) in DEMO_ACCOUNTS {
        out.push_str(&format!("  {:<7} {email} / {password}\n", role.as_str()));
    }
    out.push_str(&format!(
        "  patron  library card {} / PIN {}\n",
        DEMO_CARD.0, DEMO_CARD.1
    ));
    out.push_str(&format!(
        "  care home contact (Palvelukoti Kotirinne) {} / {}\n",
        DEMO_CARE_HOME_CONTACT.1, DEMO_CARE_HOME_CONTACT.2
    ));
    out.push_str(&format!(
        "  home-service volunteer {} / {}\n",
        DEMO_VOLUNTEER.1, DEMO_VOLUNTEER.2
    ));
    out.push_str(&format!(
        "Staff and admin sign in in two steps: add the key {DEMO_STAFF_SECRET} to an authenticator app,\n\
         or print the current code with `etakirjasto demo code`."
    ));
    out
}

/// The demo staff's current one-time code.
pub fn current_code() -> String {
    let secret = etakirjasto_shared::totp::decode_secret(DEMO_STAFF_SECRET).unwrap_or_default();
    etakirjasto_shared::totp::code_at(
        &secret,
        etakirjasto_shared::totp::step_of(chrono::Utc::now().timestamp()),
    )
}

/// A demo item: title, author, format.
type DemoItem = (&'static str, &'static str, MaterialFormat);

/// One demo client of the home-delivery service.
struct DemoClient {
    name: &'static str,
    street: &'static str,
    postal_code: &'static str,
    phone: &'static str,
    reasons: &'static [HomeServiceReason],
    formats: &'static [MaterialFormat],
    interests: &'static str,
    frequency: DeliveryFrequency,
    days: Vec<Weekday>,
    notes: Option<&'static str>,
    contact: Option<(&'static str, &'static str)>,
    by_volunteer: bool,
    since_days: u64,
    /// Items delivered on a past visit this many days before the coming round: (title, author, format).
    past: Option<(u64, &'static [DemoItem])>,
    /// Paused from this many days before today until this many days after.
    paused: Option<(u64, u64)>,
}

fn json_list<T: serde::Serialize>(items: &[T]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".into())
}

/// Four clients: Elli (weekly, her round on the next weekday with a book already chosen), Toivo
/// (every two weeks, brought by the volunteer, his daughter as contact), Saimi (monthly, Celia
/// audiobooks) and Onni (paused for three weeks); each with an approved application, and Elli and
/// Toivo with past deliveries. Visits are planned ahead as for any client.
fn demo_home_service(
    conn: &mut DbConnection,
    library_id: &str,
    librarian: &(String, String),
    volunteer: &(String, String),
) -> Result<(), ApiError> {
    use crate::home_service::{
        queries::{self as hs, ApplicationRow, ItemRow, VisitRow},
        rules, service, visits,
    };
    let now = Utc::now();
    let today = now.with_timezone(&chrono_tz::Europe::Helsinki).date_naive();
    // The coming round: the next weekday.
    let mut round = today + Days::new(1);
    while round.weekday().num_days_from_monday() > 4 {
        round = round + Days::new(1);
    }
    let round_weekday = Weekday::ALL[round.weekday().num_days_from_monday() as usize];
    let clients = [
        DemoClient {
            name: "Elli Koskinen",
            street: "Rantatie 12",
            postal_code: "85100",
            phone: "+358401234001",
            reasons: &[HomeServiceReason::Age],
            formats: &[MaterialFormat::LargePrint, MaterialFormat::Audiobook],
            interests: "Romantiikka ja kotiseutu; Anni Blomqvist, Laila Hietamies",
            frequency: DeliveryFrequency::Weekly,
            days: vec![round_weekday],
            notes: Some("Ovikoodi 1234. Kissa: älä päästä ulos."),
            contact: None,
            by_volunteer: false,
            since_days: 200,
            past: Some((
                7,
                &[
                    ("Kotiranta", "Anni Blomqvist", MaterialFormat::LargePrint),
                    (
                        "Tuntematon sotilas",
                        "Väinö Linna",
                        MaterialFormat::Audiobook,
                    ),
                ],
            )),
            paused: None,
        },
        DemoClient {
            name: "Toivo Niemi",
            street: "Asematie 4 A 2",
            postal_code: "85100",
            phone: "+358401234002",
            reasons: &[HomeServiceReason::Disability],
            formats: &[MaterialFormat::RegularPrint, MaterialFormat::Magazines],
            interests: "Sotahistoria, kalastus, Metsästys ja Kalastus -lehti",
            frequency: DeliveryFrequency::EveryTwoWeeks,
            days: vec![round_weekday],
            notes: Some("Asuu toisessa kerroksessa, hissi on."),
            contact: Some(("Marja Niemi", "+358401234012")),
            by_volunteer: true,
            since_days: 120,
            past: Some((
                14,
                &[("Talvisota", "Antti Tuuri", MaterialFormat::RegularPrint)],
            )),
            paused: None,
        },
        DemoClient {
            name: "Saimi Heikkinen",
            street: "Kauppatie 7",
            postal_code: "85200",
            phone: "+358401234003",
            reasons: &[HomeServiceReason::LongTermIllness],
            formats: &[MaterialFormat::Celia],
            interests: "Elämäkerrat ja hengelliset kirjat",
            frequency: DeliveryFrequency::Monthly,
            days: vec![],
            notes: Some("Kuulee huonosti: soita ovikelloa pitkään ja puhu selkeästi."),
            contact: None,
            by_volunteer: true,
            since_days: 60,
            past: None,
            paused: None,
        },
        DemoClient {
            name: "Onni Lehto",
            street: "Merikatu 3",
            postal_code: "85100",
            phone: "+358401234004",
            reasons: &[HomeServiceReason::Age],
            formats: &[MaterialFormat::LargePrint],
            interests: "Dekkarit",
            frequency: DeliveryFrequency::Weekly,
            days: vec![Weekday::Wednesday],
            notes: None,
            contact: None,
            by_volunteer: false,
            since_days: 300,
            past: None,
            paused: Some((3, 18)),
        },
    ];
    for c in clients {
        let since = (now - chrono::Duration::days(c.since_days as i64)).naive_utc();
        let application = ApplicationRow {
            id: uuid::Uuid::new_v4().to_string(),
            library_id: library_id.to_owned(),
            status: "approved".into(),
            relation: if c.contact.is_some() {
                "relative"
            } else {
                "themselves"
            }
            .into(),
            applicant_name: c.contact.map(|(n, _)| n.to_owned()),
            applicant_phone: c.contact.map(|(_, p)| p.to_owned()),
            applicant_email: None,
            name: c.name.into(),
            street_address: c.street.into(),
            postal_code: c.postal_code.into(),
            city: "Kalajoki".into(),
            phone: c.phone.into(),
            reasons: json_list(c.reasons),
            temporary_until: None,
            formats: json_list(c.formats),
            interests: Some(c.interests.into()),
            avoid: None,
            frequency: c.frequency.as_str().into(),
            days: json_list(&c.days),
            day_part: "morning".into(),
            visit_notes: c.notes.map(str::to_owned),
            language: "fi".into(),
            consent_text: etakirjasto_shared::consent_wording(etakirjasto_shared::Lang::Fi).into(),
            submitted_at: since - chrono::Duration::days(5),
            decided_at: Some(since),
            decided_by: Some(librarian.0.clone()),
            decline_reason: None,
            client_id: None,
        };
        let mut client = service::client_from(&application, &librarian.0, since.and_utc());
        let application = ApplicationRow {
            client_id: Some(client.id.clone()),
            ..application
        };
        hs::insert_application(conn, &application)?;
        let deliverer = if c.by_volunteer { volunteer } else { librarian };
        client.chooser_id = Some(librarian.0.clone());
        client.chooser_name = Some(librarian.1.clone());
        client.deliverer_id = Some(deliverer.0.clone());
        client.deliverer_name = Some(deliverer.1.clone());
        if let Some((before, after)) = c.paused {
            client.status = ClientStatus::Paused.as_str().into();
            client.paused_from = Some((today - Days::new(before)).to_string());
            client.paused_until = Some((today + Days::new(after)).to_string());
        }
        hs::insert_client(conn, &client)?;
        if let Some((days_before, items)) = c.past {
            let day = round - Days::new(days_before);
            let at = day.and_hms_opt(10, 0, 0).unwrap_or_default();
            let visit = VisitRow {
                id: uuid::Uuid::new_v4().to_string(),
                library_id: library_id.to_owned(),
                client_id: client.id.clone(),
                day: day.to_string(),
                status: "delivered".into(),
                planned_by: "staff".into(),
                deliverer_id: client.deliverer_id.clone(),
                deliverer_name: client.deliverer_name.clone(),
                note: None,
                feedback: Some("Tykkäsi kovasti; lisää samaa.".into()),
                created_at: at,
                updated_at: at,
                updated_by: client.deliverer_id.clone(),
            };
            hs::insert_visit(conn, &visit)?;
            for (title, author, format) in items {
                let checked = rules::check_item(&etakirjasto_shared::ChooseItem {
                    title: (*title).into(),
                    author: Some((*author).into()),
                    format: *format,
                    identifier: None,
                    allow_repeat: false,
                })
                .map_err(|_| ApiError::internal("a demo item is invalid"))?;
                hs::insert_item(
                    conn,
                    &ItemRow {
                        id: uuid::Uuid::new_v4().to_string(),
                        visit_id: visit.id.clone(),
                        client_id: client.id.clone(),
                        title: checked.title,
                        author: checked.author,
                        format: format.as_str().into(),
                        identifier: None,
                        match_key: checked.match_key,
                        returned_visit_id: None,
                        returned_on: None,
                        chosen_by: Some(librarian.0.clone()),
                        chosen_at: at,
                    },
                )?;
            }
        }
        visits::replan(conn, &client, "Europe/Helsinki", now)?;
    }
    Ok(())
}

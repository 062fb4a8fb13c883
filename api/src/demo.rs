//! Demo data: the Kalajoki city library with two branches, an admin, two staff and a patron.
//!
//! Loaded only into an empty database (no libraries), so it never mixes with real data. The demo
//! passwords are public on purpose: they are printed at start-up and in the README.

use chrono::Utc;
use etakirjasto_shared::Role;

use crate::{
    auth::{
        queries::{self as users, UserRow},
        secrets,
    },
    db::{DbConnection, write_tx},
    error::ApiError,
    libraries::queries::{self as libs, BranchRow, HoursRow, LibraryRow},
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
/// The demo patron's library card.
pub const DEMO_CARD: (&str, &str) = ("2000123456", "1234");

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
        }
        Ok(true)
    })?;
    Ok(loaded.then(signins))
}

/// The demo sign-ins as printed text.
pub fn signins() -> String {
    let mut out =
        String::from("Demo data loaded: Kalajoen kaupunginkirjasto (kalajoki). Sign in with:\n");
    for (role, _, email, password) in DEMO_ACCOUNTS {
        out.push_str(&format!("  {:<7} {email} / {password}\n", role.as_str()));
    }
    out.push_str(&format!(
        "  patron  library card {} / PIN {}",
        DEMO_CARD.0, DEMO_CARD.1
    ));
    out
}

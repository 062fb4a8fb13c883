//! Every migration runs up → down → up on both databases, and the schema matches `schema.rs`.

use diesel::{Connection, RunQueryDsl};
use etakirjasto_api::{
    config::Config,
    db::{self, DbConnection},
};

fn check(conn: &mut DbConnection) {
    let first = db::migrate(conn).expect("up");
    assert!(first >= 1, "migrations ran");
    db::revert_all(conn).expect("down");
    let again = db::migrate(conn).expect("up again");
    assert_eq!(
        first, again,
        "the same migrations run again after reverting"
    );
    // Every table in schema.rs exists: a query naming each column of each table succeeds.
    use diesel::QueryDsl;
    use etakirjasto_api::schema::*;
    libraries::table
        .select(libraries::all_columns)
        .load::<(
            String,
            String,
            String,
            String,
            String,
            String,
            chrono::NaiveDateTime,
        )>(conn)
        .unwrap();
    branches::table.count().get_result::<i64>(conn).unwrap();
    opening_hours::table
        .count()
        .get_result::<i64>(conn)
        .unwrap();
    users::table.count().get_result::<i64>(conn).unwrap();
    memberships::table.count().get_result::<i64>(conn).unwrap();
    sessions::table.count().get_result::<i64>(conn).unwrap();
    refresh_tokens::table
        .count()
        .get_result::<i64>(conn)
        .unwrap();
    login_attempts::table
        .count()
        .get_result::<i64>(conn)
        .unwrap();
    settings::table.count().get_result::<i64>(conn).unwrap();
    audit_log::table.count().get_result::<i64>(conn).unwrap();
    calendar_generation::table
        .count()
        .get_result::<i64>(conn)
        .unwrap();
    services::table.count().get_result::<i64>(conn).unwrap();
    service_staff::table
        .count()
        .get_result::<i64>(conn)
        .unwrap();
    availability_weekly::table
        .count()
        .get_result::<i64>(conn)
        .unwrap();
    availability_exceptions::table
        .count()
        .get_result::<i64>(conn)
        .unwrap();
    library_closures::table
        .count()
        .get_result::<i64>(conn)
        .unwrap();
    bookings::table.count().get_result::<i64>(conn).unwrap();
    // Every column the code reads exists with the right type.
    use diesel::SelectableHelper;
    etakirjasto_api::schema::events::table
        .select(etakirjasto_api::events::queries::EventRow::as_select())
        .load::<etakirjasto_api::events::queries::EventRow>(conn)
        .unwrap();
    etakirjasto_api::schema::event_registrations::table
        .select(etakirjasto_api::events::queries::RegistrationRow::as_select())
        .load::<etakirjasto_api::events::queries::RegistrationRow>(conn)
        .unwrap();
    etakirjasto_api::schema::second_factors::table
        .select(etakirjasto_api::auth::second_factor::FactorRow::as_select())
        .load::<etakirjasto_api::auth::second_factor::FactorRow>(conn)
        .unwrap();
    etakirjasto_api::schema::recovery_codes::table
        .count()
        .get_result::<i64>(conn)
        .unwrap();
    {
        use etakirjasto_api::programmes::queries::{
            BookingRow, OfferRow, OrganisationRow, TimeRow,
        };
        organisations::table
            .select(OrganisationRow::as_select())
            .load::<OrganisationRow>(conn)
            .unwrap();
        programme_offers::table
            .select(OfferRow::as_select())
            .load::<OfferRow>(conn)
            .unwrap();
        programme_times::table
            .select(TimeRow::as_select())
            .load::<TimeRow>(conn)
            .unwrap();
        programme_bookings::table
            .select(BookingRow::as_select())
            .load::<BookingRow>(conn)
            .unwrap();
    }
    {
        use etakirjasto_api::messages::queries::{MessageRow, TemplateRow};
        etakirjasto_api::schema::messages::table
            .select(MessageRow::as_select())
            .load::<MessageRow>(conn)
            .unwrap();
        etakirjasto_api::schema::message_templates::table
            .select(TemplateRow::as_select())
            .load::<TemplateRow>(conn)
            .unwrap();
        etakirjasto_api::schema::message_preferences::table
            .count()
            .get_result::<i64>(conn)
            .unwrap();
    }
    {
        use etakirjasto_api::schema::*;
        training_modules::table
            .select((
                training_modules::id,
                training_modules::library_id,
                training_modules::title,
                training_modules::body,
                training_modules::items,
                training_modules::practice,
                training_modules::position,
                training_modules::version,
                training_modules::created_at,
                training_modules::updated_at,
            ))
            .load::<(
                String,
                String,
                String,
                String,
                String,
                bool,
                i32,
                i32,
                chrono::NaiveDateTime,
                chrono::NaiveDateTime,
            )>(conn)
            .unwrap();
        training_module_services::table
            .select((
                training_module_services::module_id,
                training_module_services::service_id,
            ))
            .load::<(String, String)>(conn)
            .unwrap();
        training_ticks::table
            .select((
                training_ticks::module_id,
                training_ticks::user_id,
                training_ticks::item_key,
                training_ticks::done_at,
            ))
            .load::<(String, String, String, chrono::NaiveDateTime)>(conn)
            .unwrap();
        training_practices::table
            .select((
                training_practices::id,
                training_practices::module_id,
                training_practices::trainee_id,
                training_practices::colleague_id,
                training_practices::starts_at,
                training_practices::state,
                training_practices::created_at,
                training_practices::recorded_at,
                training_practices::recorded_by,
            ))
            .load::<(
                String,
                String,
                String,
                Option<String>,
                chrono::NaiveDateTime,
                String,
                chrono::NaiveDateTime,
                Option<chrono::NaiveDateTime>,
                Option<String>,
            )>(conn)
            .unwrap();
        competences::table
            .select((
                competences::service_id,
                competences::user_id,
                competences::signed_off_by,
                competences::signed_off_at,
            ))
            .load::<(String, String, String, chrono::NaiveDateTime)>(conn)
            .unwrap();
        training_confidence::table
            .select((
                training_confidence::user_id,
                training_confidence::service_id,
                training_confidence::phase,
                training_confidence::rating,
                training_confidence::rated_at,
            ))
            .load::<(String, String, String, i32, chrono::NaiveDateTime)>(conn)
            .unwrap();
        api_clients::table
            .select((
                api_clients::id,
                api_clients::library_id,
                api_clients::name,
                api_clients::secret_hash,
                api_clients::scopes,
                api_clients::allowed_origins,
                api_clients::rate_limit,
                api_clients::created_at,
                api_clients::updated_at,
                api_clients::revoked_at,
            ))
            .load::<(
                String,
                String,
                String,
                String,
                String,
                String,
                i32,
                chrono::NaiveDateTime,
                chrono::NaiveDateTime,
                Option<chrono::NaiveDateTime>,
            )>(conn)
            .unwrap();
        api_client_tokens::table
            .select((
                api_client_tokens::token_hash,
                api_client_tokens::client_id,
                api_client_tokens::scopes,
                api_client_tokens::expires_at,
            ))
            .load::<(String, String, String, chrono::NaiveDateTime)>(conn)
            .unwrap();
        api_client_calls::table
            .select((
                api_client_calls::id,
                api_client_calls::client_id,
                api_client_calls::at,
                api_client_calls::method,
                api_client_calls::route,
                api_client_calls::status,
            ))
            .load::<(String, String, chrono::NaiveDateTime, String, String, i32)>(conn)
            .unwrap();
        library_branding::table
            .select((
                library_branding::library_id,
                library_branding::brand_color,
                library_branding::logo,
                library_branding::logo_type,
                library_branding::logo_hash,
                library_branding::updated_at,
            ))
            .load::<(
                String,
                Option<String>,
                Option<Vec<u8>>,
                Option<String>,
                Option<String>,
                chrono::NaiveDateTime,
            )>(conn)
            .unwrap();
        webhooks::table
            .select((
                webhooks::id,
                webhooks::client_id,
                webhooks::url,
                webhooks::kinds,
                webhooks::secret,
                webhooks::created_at,
            ))
            .load::<(
                String,
                String,
                String,
                String,
                String,
                chrono::NaiveDateTime,
            )>(conn)
            .unwrap();
        webhook_deliveries::table
            .select((
                webhook_deliveries::id,
                webhook_deliveries::webhook_id,
                webhook_deliveries::kind,
                webhook_deliveries::payload,
                webhook_deliveries::created_at,
                webhook_deliveries::due_at,
                webhook_deliveries::attempts,
                webhook_deliveries::status,
                webhook_deliveries::claim,
                webhook_deliveries::claimed_until,
                webhook_deliveries::last_status,
                webhook_deliveries::delivered_at,
            ))
            .load::<(
                String,
                String,
                String,
                String,
                chrono::NaiveDateTime,
                chrono::NaiveDateTime,
                i32,
                String,
                Option<String>,
                Option<chrono::NaiveDateTime>,
                Option<i32>,
                Option<chrono::NaiveDateTime>,
            )>(conn)
            .unwrap();
    }
    calendar_generation_follows_writes(conn);
}

/// The slot cache relies on `calendar_generation` changing with every write to what slots are made
/// of: a write to each such table moves it on.
fn calendar_generation_follows_writes(conn: &mut DbConnection) {
    use diesel::{ExpressionMethods, QueryDsl};
    use etakirjasto_api::schema::calendar_generation;
    let generation = |conn: &mut DbConnection| -> i64 {
        calendar_generation::table
            .select(calendar_generation::value)
            .first(conn)
            .unwrap()
    };
    let mut last = generation(conn);
    for sql in [
        "INSERT INTO libraries (id, slug, name, phone, email, time_zone, created_at) \
         VALUES ('gen-lib', 'gen-lib', 'Gen', '', '', 'Europe/Helsinki', CURRENT_TIMESTAMP)",
        "INSERT INTO library_closures (library_id, day, reason) VALUES ('gen-lib', '2026-12-24', '')",
        "UPDATE library_closures SET reason = 'Christmas Eve' WHERE library_id = 'gen-lib'",
        "DELETE FROM library_closures WHERE library_id = 'gen-lib'",
        "UPDATE libraries SET time_zone = 'Europe/Stockholm' WHERE id = 'gen-lib'",
    ] {
        diesel::sql_query(sql).execute(conn).unwrap();
        let now = generation(conn);
        assert!(now > last, "calendar_generation moved on after: {sql}");
        last = now;
    }
    diesel::delete(
        etakirjasto_api::schema::libraries::table
            .filter(etakirjasto_api::schema::libraries::id.eq("gen-lib")),
    )
    .execute(conn)
    .unwrap();
}

#[test]
fn migrations_go_up_down_and_up_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("m.db").display());
    let config = Config::from_lookup(|k| (k == "DATABASE_URL").then(|| url.clone())).unwrap();
    let pool = db::connect(&config).unwrap();
    check(&mut pool.get().unwrap());
}

#[test]
fn migrations_go_up_down_and_up_on_postgres() {
    let admin = std::env::var("ETAKIRJASTO_TEST_PG")
        .expect("ETAKIRJASTO_TEST_PG is not set: run the tests with `cargo xtask test`, which starts PostgreSQL");
    let name = format!("m_{}", uuid::Uuid::new_v4().simple());
    let mut conn = DbConnection::establish(&admin).unwrap();
    diesel::sql_query(format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .unwrap();
    let url = format!("{}/{name}", admin.rsplit_once('/').unwrap().0);
    let mut conn = DbConnection::establish(&url).unwrap();
    check(&mut conn);
}

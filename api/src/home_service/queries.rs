//! Home-service storage: who has the role, applications and clients.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::{
    db::DbConnection,
    schema::{home_service_applications, home_service_clients, home_service_staff, libraries},
};

/// A stored application.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = home_service_applications)]
pub struct ApplicationRow {
    pub id: String,
    pub library_id: String,
    pub status: String,
    pub relation: String,
    pub applicant_name: Option<String>,
    pub applicant_phone: Option<String>,
    pub applicant_email: Option<String>,
    pub name: String,
    pub street_address: String,
    pub postal_code: String,
    pub city: String,
    pub phone: String,
    pub reasons: String,
    pub temporary_until: Option<String>,
    pub formats: String,
    pub interests: Option<String>,
    pub avoid: Option<String>,
    pub frequency: String,
    pub days: String,
    pub day_part: String,
    pub visit_notes: Option<String>,
    pub language: String,
    pub consent_text: String,
    pub submitted_at: NaiveDateTime,
    pub decided_at: Option<NaiveDateTime>,
    pub decided_by: Option<String>,
    pub decline_reason: Option<String>,
    pub client_id: Option<String>,
}

/// A stored client.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = home_service_clients)]
#[diesel(treat_none_as_null = true)]
pub struct ClientRow {
    pub id: String,
    pub library_id: String,
    pub application_id: String,
    pub status: String,
    pub paused_from: Option<String>,
    pub paused_until: Option<String>,
    pub name: String,
    pub street_address: String,
    pub postal_code: String,
    pub city: String,
    pub phone: String,
    pub reasons: String,
    pub temporary_until: Option<String>,
    pub formats: String,
    pub interests: Option<String>,
    pub avoid: Option<String>,
    pub frequency: String,
    pub days: String,
    pub day_part: String,
    pub visit_notes: Option<String>,
    pub language: String,
    pub chooser_id: Option<String>,
    pub chooser_name: Option<String>,
    pub deliverer_id: Option<String>,
    pub deliverer_name: Option<String>,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub contact_email: Option<String>,
    pub created_at: NaiveDateTime,
    pub created_by: Option<String>,
    pub updated_at: NaiveDateTime,
}

/// An application with its library's slug and time zone.
pub type ApplicationView = (ApplicationRow, String, String);

/// True when the person has the library's home-service role.
pub fn has_role(conn: &mut DbConnection, library_id: &str, user_id: &str) -> QueryResult<bool> {
    let n: i64 = home_service_staff::table
        .filter(home_service_staff::library_id.eq(library_id))
        .filter(home_service_staff::user_id.eq(user_id))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Gives a staff member the library's home-service role (again is fine).
pub fn grant(
    conn: &mut DbConnection,
    library_id: &str,
    user_id: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    if has_role(conn, library_id, user_id)? {
        return Ok(());
    }
    diesel::insert_into(home_service_staff::table)
        .values((
            home_service_staff::library_id.eq(library_id),
            home_service_staff::user_id.eq(user_id),
            home_service_staff::granted_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// Stores a new application.
pub fn insert_application(conn: &mut DbConnection, row: &ApplicationRow) -> QueryResult<()> {
    diesel::insert_into(home_service_applications::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// One application with its library.
pub fn find_application(conn: &mut DbConnection, id: &str) -> QueryResult<Option<ApplicationView>> {
    home_service_applications::table
        .inner_join(libraries::table)
        .filter(home_service_applications::id.eq(id))
        .select((
            ApplicationRow::as_select(),
            libraries::slug,
            libraries::time_zone,
        ))
        .first(conn)
        .optional()
}

/// A library's applications, optionally in one state, oldest first (the queue's order), after the
/// cursor `(submitted_at, id)`.
pub fn list_applications(
    conn: &mut DbConnection,
    library_id: &str,
    status: Option<&str>,
    after: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> QueryResult<Vec<ApplicationView>> {
    let mut q = home_service_applications::table
        .inner_join(libraries::table)
        .filter(home_service_applications::library_id.eq(library_id))
        .select((
            ApplicationRow::as_select(),
            libraries::slug,
            libraries::time_zone,
        ))
        .order((
            home_service_applications::submitted_at.asc(),
            home_service_applications::id.asc(),
        ))
        .limit(limit)
        .into_boxed();
    if let Some(status) = status {
        q = q.filter(home_service_applications::status.eq(status.to_owned()));
    }
    if let Some((at, id)) = after {
        q = q.filter(
            home_service_applications::submitted_at.gt(at).or(
                home_service_applications::submitted_at
                    .eq(at)
                    .and(home_service_applications::id.gt(id)),
            ),
        );
    }
    q.load(conn)
}

/// Records a decision on an application still `submitted`; false when it was decided meanwhile.
pub fn decide(
    conn: &mut DbConnection,
    id: &str,
    status: &str,
    by: &str,
    reason: Option<&str>,
    client_id: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        home_service_applications::table
            .filter(home_service_applications::id.eq(id))
            .filter(home_service_applications::status.eq("submitted")),
    )
    .set((
        home_service_applications::status.eq(status),
        home_service_applications::decided_at.eq(Some(now)),
        home_service_applications::decided_by.eq(Some(by)),
        home_service_applications::decline_reason.eq(reason),
        home_service_applications::client_id.eq(client_id),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Stores a new client.
pub fn insert_client(conn: &mut DbConnection, row: &ClientRow) -> QueryResult<()> {
    diesel::insert_into(home_service_clients::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// A client with its library's slug and time zone.
pub type ClientView = (ClientRow, String, String);

/// One client with its library.
pub fn find_client(conn: &mut DbConnection, id: &str) -> QueryResult<Option<ClientView>> {
    home_service_clients::table
        .inner_join(libraries::table)
        .filter(home_service_clients::id.eq(id))
        .select((
            ClientRow::as_select(),
            libraries::slug,
            libraries::time_zone,
        ))
        .first(conn)
        .optional()
}

/// A library's clients by name (then id), optionally in one state, after the cursor `(name, id)`.
pub fn list_clients(
    conn: &mut DbConnection,
    library_id: &str,
    status: Option<&str>,
    after: Option<(String, String)>,
    limit: i64,
) -> QueryResult<Vec<ClientView>> {
    let mut q = home_service_clients::table
        .inner_join(libraries::table)
        .filter(home_service_clients::library_id.eq(library_id))
        .select((
            ClientRow::as_select(),
            libraries::slug,
            libraries::time_zone,
        ))
        .order((
            home_service_clients::name.asc(),
            home_service_clients::id.asc(),
        ))
        .limit(limit)
        .into_boxed();
    if let Some(status) = status {
        q = q.filter(home_service_clients::status.eq(status.to_owned()));
    }
    if let Some((name, id)) = after {
        q = q.filter(
            home_service_clients::name
                .gt(name.clone())
                .or(home_service_clients::name
                    .eq(name)
                    .and(home_service_clients::id.gt(id))),
        );
    }
    q.load(conn)
}

/// Writes a changed client row.
pub fn update_client(conn: &mut DbConnection, row: &ClientRow) -> QueryResult<()> {
    diesel::update(home_service_clients::table.find(&row.id))
        .set(row)
        .execute(conn)?;
    Ok(())
}

/// The name of a person with the library's home-service role; `None` without the role.
pub fn role_holder_name(
    conn: &mut DbConnection,
    library_id: &str,
    user_id: &str,
) -> QueryResult<Option<String>> {
    use crate::schema::users;
    home_service_staff::table
        .inner_join(users::table.on(users::id.eq(home_service_staff::user_id)))
        .filter(home_service_staff::library_id.eq(library_id))
        .filter(home_service_staff::user_id.eq(user_id))
        .select(users::name)
        .first(conn)
        .optional()
}

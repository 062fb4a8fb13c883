//! Home-service storage: who has the role, applications and clients.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::{
    db::DbConnection,
    schema::{
        home_service_applications, home_service_clients, home_service_items, home_service_staff,
        home_service_visits, libraries,
    },
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
    use crate::schema::{memberships, users};
    home_service_staff::table
        .inner_join(users::table.on(users::id.eq(home_service_staff::user_id)))
        .inner_join(
            memberships::table.on(memberships::user_id
                .eq(home_service_staff::user_id)
                .and(memberships::library_id.eq(home_service_staff::library_id))),
        )
        .filter(home_service_staff::library_id.eq(library_id))
        .filter(home_service_staff::user_id.eq(user_id))
        .filter(memberships::role.eq_any(["staff", "admin"]))
        .select(users::name)
        .first(conn)
        .optional()
}

/// The library's home-service staff and volunteers: `(id, name, volunteer)`, by name.
pub fn people(
    conn: &mut DbConnection,
    library_id: &str,
) -> QueryResult<Vec<(String, String, bool)>> {
    use crate::schema::memberships;
    use crate::schema::{home_service_volunteers as v, users};
    // Only those who are still the library's staff: the role row outlives a membership.
    let mut out: Vec<(String, String, bool)> = home_service_staff::table
        .inner_join(users::table.on(users::id.eq(home_service_staff::user_id)))
        .inner_join(
            memberships::table.on(memberships::user_id
                .eq(home_service_staff::user_id)
                .and(memberships::library_id.eq(home_service_staff::library_id))),
        )
        .filter(home_service_staff::library_id.eq(library_id))
        .filter(memberships::role.eq_any(["staff", "admin"]))
        .select((users::id, users::name))
        .load::<(String, String)>(conn)?
        .into_iter()
        .map(|(id, name)| (id, name, false))
        .collect();
    for (id, name) in v::table
        .inner_join(users::table.on(users::id.eq(v::user_id)))
        .filter(v::library_id.eq(library_id))
        .select((users::id, users::name))
        .load::<(String, String)>(conn)?
    {
        if !out.iter().any(|(i, _, _)| *i == id) {
            out.push((id, name, true));
        }
    }
    out.sort_by(|a, b| {
        a.1.to_lowercase()
            .cmp(&b.1.to_lowercase())
            .then(a.0.cmp(&b.0))
    });
    Ok(out)
}

/// A stored visit.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = home_service_visits)]
#[diesel(treat_none_as_null = true)]
pub struct VisitRow {
    pub id: String,
    pub library_id: String,
    pub client_id: String,
    pub day: String,
    pub status: String,
    pub planned_by: String,
    pub deliverer_id: Option<String>,
    pub deliverer_name: Option<String>,
    pub note: Option<String>,
    pub feedback: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub updated_by: Option<String>,
}

/// A stored item chosen for a visit.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = home_service_items)]
pub struct ItemRow {
    pub id: String,
    pub visit_id: String,
    pub client_id: String,
    pub title: String,
    pub author: Option<String>,
    pub format: String,
    pub identifier: Option<String>,
    pub match_key: String,
    pub returned_visit_id: Option<String>,
    pub returned_on: Option<String>,
    pub chosen_by: Option<String>,
    pub chosen_at: NaiveDateTime,
}

/// Holds the client's row until the transaction ends (PostgreSQL; SQLite's writers take turns
/// anyway), so two processes never plan the same client's visits at once. Call first in `write_tx`.
pub fn lock_client(conn: &mut DbConnection, id: &str) -> QueryResult<()> {
    if let DbConnection::Pg(pg) = conn {
        home_service_clients::table
            .find(id)
            .select(home_service_clients::id)
            .for_no_key_update()
            .first::<String>(pg)
            .optional()?;
    }
    Ok(())
}

/// Every client whose visits are planned (not ended), with their library's id.
pub fn clients_to_plan(conn: &mut DbConnection) -> QueryResult<Vec<(String, String)>> {
    home_service_clients::table
        .filter(home_service_clients::status.ne("ended"))
        .select((home_service_clients::id, home_service_clients::library_id))
        .order(home_service_clients::id)
        .load(conn)
}

/// A client's visits by day.
pub fn client_visits(conn: &mut DbConnection, client_id: &str) -> QueryResult<Vec<VisitRow>> {
    home_service_visits::table
        .filter(home_service_visits::client_id.eq(client_id))
        .order((home_service_visits::day, home_service_visits::id))
        .select(VisitRow::as_select())
        .load(conn)
}

/// Stores a new visit.
pub fn insert_visit(conn: &mut DbConnection, row: &VisitRow) -> QueryResult<()> {
    diesel::insert_into(home_service_visits::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// Writes a changed visit.
pub fn update_visit(conn: &mut DbConnection, row: &VisitRow) -> QueryResult<()> {
    diesel::update(home_service_visits::table.find(&row.id))
        .set(row)
        .execute(conn)?;
    Ok(())
}

/// Removes visits (their items go with them).
pub fn delete_visits(conn: &mut DbConnection, ids: &[String]) -> QueryResult<usize> {
    if ids.is_empty() {
        return Ok(0);
    }
    diesel::delete(home_service_items::table.filter(home_service_items::visit_id.eq_any(ids)))
        .execute(conn)?;
    diesel::delete(home_service_visits::table.filter(home_service_visits::id.eq_any(ids)))
        .execute(conn)
}

/// One visit with its library's slug and time zone.
pub fn find_visit(
    conn: &mut DbConnection,
    id: &str,
) -> QueryResult<Option<(VisitRow, String, String)>> {
    home_service_visits::table
        .inner_join(libraries::table)
        .filter(home_service_visits::id.eq(id))
        .select((VisitRow::as_select(), libraries::slug, libraries::time_zone))
        .first(conn)
        .optional()
}

/// True when the client has a visit on the day other than `except`.
pub fn visit_on(
    conn: &mut DbConnection,
    client_id: &str,
    day: &str,
    except: Option<&str>,
) -> QueryResult<bool> {
    let mut q = home_service_visits::table
        .filter(home_service_visits::client_id.eq(client_id))
        .filter(home_service_visits::day.eq(day))
        .into_boxed();
    if let Some(except) = except {
        q = q.filter(home_service_visits::id.ne(except.to_owned()));
    }
    Ok(q.count().get_result::<i64>(conn)? > 0)
}

/// A library's visits (with the client's name, postcode and street) from `from` to `to` (days,
/// inclusive), by day, postcode and street; optionally in one state or of one deliverer.
pub fn visits_between(
    conn: &mut DbConnection,
    library_ids: &[String],
    from: &str,
    to: &str,
    status: Option<&str>,
    deliverer: Option<&str>,
) -> QueryResult<Vec<(VisitRow, ClientRow)>> {
    let mut q = home_service_visits::table
        .inner_join(
            home_service_clients::table
                .on(home_service_clients::id.eq(home_service_visits::client_id)),
        )
        .filter(home_service_visits::library_id.eq_any(library_ids))
        .filter(home_service_visits::day.ge(from))
        .filter(home_service_visits::day.le(to))
        .select((VisitRow::as_select(), ClientRow::as_select()))
        .order((
            home_service_visits::day,
            home_service_clients::postal_code,
            home_service_clients::street_address,
            home_service_visits::id,
        ))
        .into_boxed();
    if let Some(status) = status {
        q = q.filter(home_service_visits::status.eq(status.to_owned()));
    }
    if let Some(deliverer) = deliverer {
        q = q.filter(home_service_visits::deliverer_id.eq(deliverer.to_owned()));
    }
    q.load(conn)
}

/// An item with its visit's day and state.
pub type ItemView = (ItemRow, String, String);

/// Every item of the given clients (brought, or to be brought), with its visit's day and state.
pub fn items_of_clients(
    conn: &mut DbConnection,
    client_ids: &[String],
) -> QueryResult<Vec<ItemView>> {
    let mut out = Vec::new();
    for chunk in client_ids.chunks(500) {
        out.extend(
            home_service_items::table
                .inner_join(home_service_visits::table)
                .filter(home_service_items::client_id.eq_any(chunk))
                .order((
                    home_service_visits::day,
                    home_service_items::chosen_at,
                    home_service_items::id,
                ))
                .select((
                    ItemRow::as_select(),
                    home_service_visits::day,
                    home_service_visits::status,
                ))
                .load::<ItemView>(conn)?,
        );
    }
    Ok(out)
}

/// Stores a chosen item.
pub fn insert_item(conn: &mut DbConnection, row: &ItemRow) -> QueryResult<()> {
    diesel::insert_into(home_service_items::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// Removes an item from a visit; false when it was not there.
pub fn delete_item(conn: &mut DbConnection, visit_id: &str, item_id: &str) -> QueryResult<bool> {
    let n = diesel::delete(
        home_service_items::table
            .filter(home_service_items::id.eq(item_id))
            .filter(home_service_items::visit_id.eq(visit_id)),
    )
    .execute(conn)?;
    Ok(n == 1)
}

/// Sets which of the client's items came back on the visit (on `day`): exactly `item_ids` (others
/// that were marked as returned on it are marked as still with the client).
pub fn set_returned(
    conn: &mut DbConnection,
    client_id: &str,
    visit_id: &str,
    day: &str,
    item_ids: &[String],
) -> QueryResult<()> {
    diesel::update(
        home_service_items::table
            .filter(home_service_items::client_id.eq(client_id))
            .filter(home_service_items::returned_visit_id.eq(visit_id)),
    )
    .set((
        home_service_items::returned_visit_id.eq(None::<String>),
        home_service_items::returned_on.eq(None::<String>),
    ))
    .execute(conn)?;
    if !item_ids.is_empty() {
        diesel::update(
            home_service_items::table
                .filter(home_service_items::client_id.eq(client_id))
                .filter(home_service_items::id.eq_any(item_ids)),
        )
        .set((
            home_service_items::returned_visit_id.eq(Some(visit_id)),
            home_service_items::returned_on.eq(Some(day)),
        ))
        .execute(conn)?;
    }
    Ok(())
}

/// The libraries in which the person has the home-service role.
pub fn role_libraries(conn: &mut DbConnection, user_id: &str) -> QueryResult<Vec<String>> {
    home_service_staff::table
        .filter(home_service_staff::user_id.eq(user_id))
        .select(home_service_staff::library_id)
        .order(home_service_staff::library_id)
        .load(conn)
}

/// A library's visits from `from` to `to` (days) with how many items each brought:
/// `(client_id, day, status, items)`.
pub fn visit_counts(
    conn: &mut DbConnection,
    library_id: &str,
    from: &str,
    to: &str,
) -> QueryResult<Vec<(String, String, String, i64)>> {
    let visits: Vec<(String, String, String, String)> = home_service_visits::table
        .filter(home_service_visits::library_id.eq(library_id))
        .filter(home_service_visits::day.ge(from))
        .filter(home_service_visits::day.le(to))
        .select((
            home_service_visits::id,
            home_service_visits::client_id,
            home_service_visits::day,
            home_service_visits::status,
        ))
        .load(conn)?;
    let ids: Vec<&String> = visits.iter().map(|v| &v.0).collect();
    let mut counts = std::collections::HashMap::<String, i64>::new();
    for chunk in ids.chunks(500) {
        let rows: Vec<(String, i64)> = home_service_items::table
            .filter(home_service_items::visit_id.eq_any(chunk))
            .group_by(home_service_items::visit_id)
            .select((home_service_items::visit_id, diesel::dsl::count_star()))
            .load(conn)?;
        counts.extend(rows);
    }
    Ok(visits
        .into_iter()
        .map(|(id, client, day, status)| {
            let n = counts.get(&id).copied().unwrap_or(0);
            (client, day, status, n)
        })
        .collect())
}

/// When each of a library's clients (those erased too) became one.
pub fn client_starts(conn: &mut DbConnection, library_id: &str) -> QueryResult<Vec<NaiveDateTime>> {
    use crate::schema::home_service_erased_clients as erased;
    let mut starts: Vec<NaiveDateTime> = home_service_clients::table
        .filter(home_service_clients::library_id.eq(library_id))
        .select(home_service_clients::created_at)
        .load(conn)?;
    starts.extend(
        erased::table
            .filter(erased::library_id.eq(library_id))
            .select(erased::became_client_at)
            .load::<NaiveDateTime>(conn)?,
    );
    Ok(starts)
}

/// True when the person is one of the library's home-service volunteers.
pub fn is_volunteer(conn: &mut DbConnection, library_id: &str, user_id: &str) -> QueryResult<bool> {
    use crate::schema::home_service_volunteers as v;
    let n: i64 = v::table
        .filter(v::library_id.eq(library_id))
        .filter(v::user_id.eq(user_id))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// The libraries in which the person is a home-service volunteer.
pub fn volunteer_libraries(conn: &mut DbConnection, user_id: &str) -> QueryResult<Vec<String>> {
    use crate::schema::home_service_volunteers as v;
    v::table
        .filter(v::user_id.eq(user_id))
        .select(v::library_id)
        .order(v::library_id)
        .load(conn)
}

/// Makes the person one of the library's home-service volunteers (again is fine).
pub fn grant_volunteer(
    conn: &mut DbConnection,
    library_id: &str,
    user_id: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    use crate::schema::home_service_volunteers as v;
    if is_volunteer(conn, library_id, user_id)? {
        return Ok(());
    }
    diesel::insert_into(v::table)
        .values((
            v::library_id.eq(library_id),
            v::user_id.eq(user_id),
            v::granted_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// The name of a person who may bring materials for the library: staff with the home-service role,
/// or a volunteer. `None` for anyone else.
pub fn deliverer_name(
    conn: &mut DbConnection,
    library_id: &str,
    user_id: &str,
) -> QueryResult<Option<String>> {
    use crate::schema::{home_service_volunteers as v, users};
    if let Some(name) = role_holder_name(conn, library_id, user_id)? {
        return Ok(Some(name));
    }
    v::table
        .inner_join(users::table.on(users::id.eq(v::user_id)))
        .filter(v::library_id.eq(library_id))
        .filter(v::user_id.eq(user_id))
        .select(users::name)
        .first(conn)
        .optional()
}

/// Hands the client's coming visits after `after_day` (planned, or called off by the planning) that
/// were `old`'s (or nobody's) to `new`.
pub fn reassign_deliverer(
    conn: &mut DbConnection,
    client_id: &str,
    after_day: &str,
    old: Option<&str>,
    new: Option<(&str, &str)>,
) -> QueryResult<usize> {
    let q = home_service_visits::table
        .filter(home_service_visits::client_id.eq(client_id))
        .filter(
            home_service_visits::status
                .eq("planned")
                .or(home_service_visits::status
                    .eq("cancelled")
                    .and(home_service_visits::planned_by.eq("schedule"))),
        )
        .filter(home_service_visits::day.gt(after_day));
    let set = (
        home_service_visits::deliverer_id.eq(new.map(|(id, _)| id.to_owned())),
        home_service_visits::deliverer_name.eq(new.map(|(_, name)| name.to_owned())),
    );
    match old {
        Some(old) => diesel::update(q.filter(home_service_visits::deliverer_id.eq(old)))
            .set(set)
            .execute(conn),
        None => diesel::update(q.filter(home_service_visits::deliverer_id.is_null()))
            .set(set)
            .execute(conn),
    }
}

/// The applications a client was made from, with their library.
pub fn applications_of_client(
    conn: &mut DbConnection,
    client_id: &str,
) -> QueryResult<Vec<ApplicationView>> {
    home_service_applications::table
        .inner_join(libraries::table)
        .filter(home_service_applications::client_id.eq(client_id))
        .select((
            ApplicationRow::as_select(),
            libraries::slug,
            libraries::time_zone,
        ))
        .order(home_service_applications::submitted_at)
        .load(conn)
}

/// Erases a client's personal data, keeping counts: visits not made are removed; the visits made keep
/// their day, state and deliverer but lose the note and feedback; items brought keep their format
/// but lose title, author and identifier; the application(s) and the messages sent about them go; the
/// client's row goes. Call inside `write_tx`.
pub fn erase_client(
    conn: &mut DbConnection,
    client_id: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    use crate::schema::{home_service_erased_clients as erased, messages};
    let Some((library_id, since)) = home_service_clients::table
        .find(client_id)
        .select((
            home_service_clients::library_id,
            home_service_clients::created_at,
        ))
        .first::<(String, NaiveDateTime)>(conn)
        .optional()?
    else {
        return Ok(());
    };
    diesel::insert_into(erased::table)
        .values((
            erased::id.eq(client_id),
            erased::library_id.eq(library_id),
            erased::became_client_at.eq(since),
            erased::erased_at.eq(now),
        ))
        .execute(conn)?;
    let not_made: Vec<String> = home_service_visits::table
        .filter(home_service_visits::client_id.eq(client_id))
        .filter(home_service_visits::status.ne_all(["delivered", "missed"]))
        .select(home_service_visits::id)
        .load(conn)?;
    // The day-before notices name the client and what was brought: they go with the visits.
    let all_visits: Vec<String> = home_service_visits::table
        .filter(home_service_visits::client_id.eq(client_id))
        .select(home_service_visits::id)
        .load(conn)?;
    diesel::delete(messages::table.filter(messages::subject_id.eq_any(&all_visits)))
        .execute(conn)?;
    delete_visits(conn, &not_made)?;
    diesel::update(home_service_visits::table.filter(home_service_visits::client_id.eq(client_id)))
        .set((
            home_service_visits::note.eq(None::<String>),
            home_service_visits::feedback.eq(None::<String>),
        ))
        .execute(conn)?;
    diesel::update(home_service_items::table.filter(home_service_items::client_id.eq(client_id)))
        .set((
            home_service_items::title.eq(""),
            home_service_items::author.eq(None::<String>),
            home_service_items::identifier.eq(None::<String>),
            home_service_items::match_key.eq(""),
        ))
        .execute(conn)?;
    let applications: Vec<String> = home_service_applications::table
        .filter(home_service_applications::client_id.eq(client_id))
        .select(home_service_applications::id)
        .load(conn)?;
    diesel::delete(messages::table.filter(messages::subject_id.eq_any(&applications)))
        .execute(conn)?;
    diesel::delete(
        home_service_applications::table
            .filter(home_service_applications::id.eq_any(&applications)),
    )
    .execute(conn)?;
    diesel::delete(home_service_clients::table.find(client_id)).execute(conn)?;
    Ok(())
}

/// Clients whose service ended before `before` (their row unchanged since): `(id, library_id)`.
pub fn ended_before(
    conn: &mut DbConnection,
    before: NaiveDateTime,
) -> QueryResult<Vec<(String, String)>> {
    home_service_clients::table
        .filter(home_service_clients::status.eq("ended"))
        .filter(home_service_clients::updated_at.lt(before))
        .select((home_service_clients::id, home_service_clients::library_id))
        .load(conn)
}

/// Deletes applications declined before `before`, and the messages sent about them; returns the
/// applications that went, `(id, library_id)`.
pub fn delete_declined_before(
    conn: &mut DbConnection,
    before: NaiveDateTime,
) -> QueryResult<Vec<(String, String)>> {
    use crate::schema::messages;
    let gone: Vec<(String, String)> = home_service_applications::table
        .filter(home_service_applications::status.eq("declined"))
        .filter(home_service_applications::decided_at.lt(before))
        .select((
            home_service_applications::id,
            home_service_applications::library_id,
        ))
        .load(conn)?;
    if gone.is_empty() {
        return Ok(gone);
    }
    let ids: Vec<&String> = gone.iter().map(|(id, _)| id).collect();
    diesel::delete(messages::table.filter(messages::subject_id.eq_any(&ids))).execute(conn)?;
    diesel::delete(
        home_service_applications::table.filter(home_service_applications::id.eq_any(&ids)),
    )
    .execute(conn)?;
    Ok(gone)
}

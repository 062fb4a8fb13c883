//! Training modules, ticks, practice sessions, sign-offs and confidence ratings in the database.
//!
//! *Invariant:* a module changes only through [`update_if_version`], a conditional update on the
//! version edited; its required session types are replaced in the same transaction. Every write to
//! `training_module_services` or `competences` moves `calendar_generation` (database triggers), so
//! a cached slot listing never offers someone a sign-off was taken from.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use etakirjasto_shared::Localized;

use crate::{
    db::DbConnection,
    schema::{
        competences, libraries, memberships, service_staff, services, training_confidence,
        training_module_services, training_modules, training_practices, training_ticks, users,
    },
};

/// A stored module. Title and body are JSON texts, the items a JSON array.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = training_modules)]
pub struct ModuleRow {
    pub id: String,
    pub library_id: String,
    pub title: String,
    pub body: String,
    pub items: String,
    pub practice: bool,
    pub position: i32,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A stored practice session.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = training_practices)]
pub struct PracticeRow {
    pub id: String,
    pub module_id: String,
    pub trainee_id: String,
    pub colleague_id: Option<String>,
    pub starts_at: NaiveDateTime,
    pub state: String,
    pub created_at: NaiveDateTime,
    pub recorded_at: Option<NaiveDateTime>,
    pub recorded_by: Option<String>,
}

/// A sign-off: (service, staff member, who signed off, when).
pub type CompetenceRow = (String, String, String, NaiveDateTime);

/// The library's modules, in their order.
pub fn modules_of(conn: &mut DbConnection, library_id: &str) -> QueryResult<Vec<ModuleRow>> {
    training_modules::table
        .filter(training_modules::library_id.eq(library_id))
        .order((training_modules::position, training_modules::id))
        .select(ModuleRow::as_select())
        .load(conn)
}

/// One module with its library's slug.
pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<(ModuleRow, String)>> {
    training_modules::table
        .inner_join(libraries::table.on(libraries::id.eq(training_modules::library_id)))
        .filter(training_modules::id.eq(id))
        .select((ModuleRow::as_select(), libraries::slug))
        .first(conn)
        .optional()
}

/// The next position in the library's list.
pub fn next_position(conn: &mut DbConnection, library_id: &str) -> QueryResult<i32> {
    let max: Option<i32> = training_modules::table
        .filter(training_modules::library_id.eq(library_id))
        .select(diesel::dsl::max(training_modules::position))
        .first(conn)?;
    Ok(max.map_or(0, |m| m.saturating_add(1)))
}

pub fn insert(conn: &mut DbConnection, row: &ModuleRow) -> QueryResult<()> {
    diesel::insert_into(training_modules::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// Saves the texts, items and practice flag only over `version`; false when another version was
/// saved meanwhile.
pub fn update_if_version(
    conn: &mut DbConnection,
    id: &str,
    version: i32,
    (title, body, items, practice, now): (&str, &str, &str, bool, NaiveDateTime),
) -> QueryResult<bool> {
    diesel::update(
        training_modules::table
            .filter(training_modules::id.eq(id))
            .filter(training_modules::version.eq(version)),
    )
    .set((
        training_modules::title.eq(title),
        training_modules::body.eq(body),
        training_modules::items.eq(items),
        training_modules::practice.eq(practice),
        training_modules::updated_at.eq(now),
        training_modules::version.eq(training_modules::version + 1),
    ))
    .execute(conn)
    .map(|n| n == 1)
}

/// Replaces the session types a module is required for.
pub fn set_services(
    conn: &mut DbConnection,
    module_id: &str,
    service_ids: &[String],
) -> QueryResult<()> {
    let current = services_of(conn, module_id)?;
    if current == service_ids {
        return Ok(());
    }
    diesel::delete(
        training_module_services::table.filter(training_module_services::module_id.eq(module_id)),
    )
    .execute(conn)?;
    for sid in service_ids {
        diesel::insert_into(training_module_services::table)
            .values((
                training_module_services::module_id.eq(module_id),
                training_module_services::service_id.eq(sid),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The session types a module is required for, sorted.
pub fn services_of(conn: &mut DbConnection, module_id: &str) -> QueryResult<Vec<String>> {
    training_module_services::table
        .filter(training_module_services::module_id.eq(module_id))
        .order(training_module_services::service_id)
        .select(training_module_services::service_id)
        .load(conn)
}

/// (module, service) for every module of the library.
pub fn requirements_of(
    conn: &mut DbConnection,
    library_id: &str,
) -> QueryResult<Vec<(String, String)>> {
    training_module_services::table
        .inner_join(
            training_modules::table
                .on(training_modules::id.eq(training_module_services::module_id)),
        )
        .filter(training_modules::library_id.eq(library_id))
        .select((
            training_module_services::module_id,
            training_module_services::service_id,
        ))
        .load(conn)
}

/// True when some module is required for the session type.
pub fn requires_training(conn: &mut DbConnection, service_id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        training_module_services::table.filter(training_module_services::service_id.eq(service_id)),
    ))
    .get_result(conn)
}

/// The staff signed off for the session type.
pub fn competent_for(conn: &mut DbConnection, service_id: &str) -> QueryResult<Vec<String>> {
    competences::table
        .filter(competences::service_id.eq(service_id))
        .select(competences::user_id)
        .load(conn)
}

/// (user, module, item) ticks of the given users in the given modules.
pub fn ticks(
    conn: &mut DbConnection,
    module_ids: &[String],
    user_ids: &[String],
) -> QueryResult<Vec<(String, String, String)>> {
    training_ticks::table
        .filter(training_ticks::module_id.eq_any(module_ids))
        .filter(training_ticks::user_id.eq_any(user_ids))
        .select((
            training_ticks::user_id,
            training_ticks::module_id,
            training_ticks::item_key,
        ))
        .load(conn)
}

/// Ticks an item done (once) or takes the tick back.
pub fn set_tick(
    conn: &mut DbConnection,
    module_id: &str,
    user_id: &str,
    item: &str,
    done: bool,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let row = training_ticks::table
        .filter(training_ticks::module_id.eq(module_id))
        .filter(training_ticks::user_id.eq(user_id))
        .filter(training_ticks::item_key.eq(item));
    if !done {
        diesel::delete(row).execute(conn)?;
        return Ok(());
    }
    // Once, even when the same tick is sent twice at once.
    let insert = diesel::insert_into(training_ticks::table).values((
        training_ticks::module_id.eq(module_id),
        training_ticks::user_id.eq(user_id),
        training_ticks::item_key.eq(item),
        training_ticks::done_at.eq(now),
    ));
    match conn {
        DbConnection::Pg(c) => insert.on_conflict_do_nothing().execute(c)?,
        DbConnection::Sqlite(c) => insert.on_conflict_do_nothing().execute(c)?,
    };
    Ok(())
}

/// Practice sessions of the given modules where one of `user_ids` is trainee or colleague.
pub fn practices(
    conn: &mut DbConnection,
    module_ids: &[String],
    user_ids: &[String],
) -> QueryResult<Vec<PracticeRow>> {
    training_practices::table
        .filter(training_practices::module_id.eq_any(module_ids))
        .filter(
            training_practices::trainee_id
                .eq_any(user_ids)
                .or(training_practices::colleague_id.eq_any(user_ids)),
        )
        .order((training_practices::starts_at.desc(), training_practices::id))
        .select(PracticeRow::as_select())
        .load(conn)
}

pub fn find_practice(conn: &mut DbConnection, id: &str) -> QueryResult<Option<PracticeRow>> {
    training_practices::table
        .find(id)
        .select(PracticeRow::as_select())
        .first(conn)
        .optional()
}

pub fn insert_practice(conn: &mut DbConnection, row: &PracticeRow) -> QueryResult<()> {
    diesel::insert_into(training_practices::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// Moves a practice from `from` to `to`; false when it was no longer in `from`.
pub fn record_practice(
    conn: &mut DbConnection,
    id: &str,
    from: &str,
    to: &str,
    by: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(
        training_practices::table
            .filter(training_practices::id.eq(id))
            .filter(training_practices::state.eq(from)),
    )
    .set((
        training_practices::state.eq(to),
        training_practices::recorded_at.eq(now),
        training_practices::recorded_by.eq(by),
    ))
    .execute(conn)
    .map(|n| n == 1)
}

/// The library's staff and admins: (id, name), by name.
pub fn staff_of_library(
    conn: &mut DbConnection,
    library_id: &str,
) -> QueryResult<Vec<(String, String)>> {
    memberships::table
        .inner_join(users::table.on(users::id.eq(memberships::user_id)))
        .filter(memberships::library_id.eq(library_id))
        .filter(memberships::role.eq_any(["staff", "admin"]))
        .order((users::name, users::id))
        .select((users::id, users::name))
        .load(conn)
}

/// The names of the given accounts.
pub fn names(conn: &mut DbConnection, ids: &[String]) -> QueryResult<Vec<(String, String)>> {
    users::table
        .filter(users::id.eq_any(ids))
        .select((users::id, users::name))
        .load(conn)
}

/// The library's session types: (id, name), active or not, by id.
pub fn services_of_library(
    conn: &mut DbConnection,
    library_id: &str,
) -> QueryResult<Vec<(String, Localized)>> {
    let rows: Vec<(String, String, String, String)> = services::table
        .filter(services::library_id.eq(library_id))
        .order(services::id)
        .select((
            services::id,
            services::name_fi,
            services::name_sv,
            services::name_en,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, fi, sv, en)| (id, Localized { fi, sv, en }))
        .collect())
}

/// (service, staff) pairs of who delivers the library's session types.
pub fn delivering(conn: &mut DbConnection, library_id: &str) -> QueryResult<Vec<(String, String)>> {
    service_staff::table
        .inner_join(services::table.on(services::id.eq(service_staff::service_id)))
        .filter(services::library_id.eq(library_id))
        .select((service_staff::service_id, service_staff::staff_id))
        .load(conn)
}

/// Every sign-off for the library's session types.
pub fn competences_of(
    conn: &mut DbConnection,
    library_id: &str,
) -> QueryResult<Vec<CompetenceRow>> {
    competences::table
        .inner_join(services::table.on(services::id.eq(competences::service_id)))
        .filter(services::library_id.eq(library_id))
        .select((
            competences::service_id,
            competences::user_id,
            competences::signed_off_by,
            competences::signed_off_at,
        ))
        .load(conn)
}

/// Gives (once) or takes back a sign-off.
pub fn set_competence(
    conn: &mut DbConnection,
    service_id: &str,
    user_id: &str,
    by: Option<(&str, NaiveDateTime)>,
) -> QueryResult<()> {
    let row = competences::table
        .filter(competences::service_id.eq(service_id))
        .filter(competences::user_id.eq(user_id));
    match by {
        None => {
            diesel::delete(row).execute(conn)?;
        }
        Some((name, now)) => {
            // The first sign-off stands, even when two admins sign off at once.
            let insert = diesel::insert_into(competences::table).values((
                competences::service_id.eq(service_id),
                competences::user_id.eq(user_id),
                competences::signed_off_by.eq(name),
                competences::signed_off_at.eq(now),
            ));
            match conn {
                DbConnection::Pg(c) => insert.on_conflict_do_nothing().execute(c)?,
                DbConnection::Sqlite(c) => insert.on_conflict_do_nothing().execute(c)?,
            };
        }
    }
    Ok(())
}

/// (user, service, phase, rating) for the library's session types.
pub fn confidence_of(
    conn: &mut DbConnection,
    library_id: &str,
) -> QueryResult<Vec<(String, String, String, i32)>> {
    training_confidence::table
        .inner_join(services::table.on(services::id.eq(training_confidence::service_id)))
        .filter(services::library_id.eq(library_id))
        .select((
            training_confidence::user_id,
            training_confidence::service_id,
            training_confidence::phase,
            training_confidence::rating,
        ))
        .load(conn)
}

/// Saves a person's rating for a phase, replacing an earlier one (also when two arrive at once).
pub fn set_confidence(
    conn: &mut DbConnection,
    user_id: &str,
    service_id: &str,
    phase: &str,
    rating: i32,
    now: NaiveDateTime,
) -> QueryResult<()> {
    use training_confidence as t;
    let insert = diesel::insert_into(t::table).values((
        t::user_id.eq(user_id),
        t::service_id.eq(service_id),
        t::phase.eq(phase),
        t::rating.eq(rating),
        t::rated_at.eq(now),
    ));
    let change = (t::rating.eq(rating), t::rated_at.eq(now));
    let key = (t::user_id, t::service_id, t::phase);
    match conn {
        DbConnection::Pg(c) => insert.on_conflict(key).do_update().set(change).execute(c)?,
        DbConnection::Sqlite(c) => insert.on_conflict(key).do_update().set(change).execute(c)?,
    };
    Ok(())
}

/// Removes what training keeps of an account being deleted: its ticks, its own practices, sign-offs
/// and ratings; practices it was the colleague in keep counting for their trainee without naming it,
/// and sign-offs and records it made no longer name it.
pub fn forget_user(conn: &mut DbConnection, user_id: &str) -> QueryResult<()> {
    diesel::delete(training_ticks::table.filter(training_ticks::user_id.eq(user_id)))
        .execute(conn)?;
    diesel::delete(training_practices::table.filter(training_practices::trainee_id.eq(user_id)))
        .execute(conn)?;
    diesel::update(training_practices::table.filter(training_practices::colleague_id.eq(user_id)))
        .set(training_practices::colleague_id.eq(None::<String>))
        .execute(conn)?;
    diesel::update(training_practices::table.filter(training_practices::recorded_by.eq(user_id)))
        .set(training_practices::recorded_by.eq(None::<String>))
        .execute(conn)?;
    diesel::delete(competences::table.filter(competences::user_id.eq(user_id))).execute(conn)?;
    diesel::update(competences::table.filter(competences::signed_off_by.eq(user_id)))
        .set(competences::signed_off_by.eq(""))
        .execute(conn)?;
    diesel::delete(training_confidence::table.filter(training_confidence::user_id.eq(user_id)))
        .execute(conn)?;
    Ok(())
}

/// Of `staff_ids`, those the session type offers now: all of them when no module is required for
/// it, else those signed off. Read inside the booking's transaction, after its staff locks, so a
/// sign-off taken back (which takes the same lock) is seen.
pub fn offered_now(
    conn: &mut DbConnection,
    service_id: &str,
    staff_ids: &[String],
) -> QueryResult<Vec<String>> {
    if !requires_training(conn, service_id)? {
        return Ok(staff_ids.to_vec());
    }
    let competent = competent_for(conn, service_id)?;
    Ok(staff_ids
        .iter()
        .filter(|s| competent.contains(s))
        .cloned()
        .collect())
}

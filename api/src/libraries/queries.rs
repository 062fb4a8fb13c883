//! Libraries, branches and opening hours in the database.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use etakirjasto_shared::{
    ActiveScenario, Branch, Library, LibrarySummary, Localized, OpeningHours, Scenario,
};

use crate::{
    db::DbConnection,
    schema::{branches, libraries, opening_hours},
};

/// A stored library.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = libraries)]
pub struct LibraryRow {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub phone: String,
    pub email: String,
    pub time_zone: String,
    pub created_at: NaiveDateTime,
}

impl From<LibraryRow> for LibrarySummary {
    fn from(r: LibraryRow) -> Self {
        LibrarySummary {
            slug: r.slug,
            name: r.name,
            phone: r.phone,
            email: r.email,
            time_zone: r.time_zone,
        }
    }
}

/// A stored branch.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = branches)]
pub struct BranchRow {
    pub id: String,
    pub library_id: String,
    pub name: String,
    pub is_main: bool,
    pub street_address: String,
    pub postal_code: String,
    pub city: String,
    pub phone: String,
    pub email: String,
    pub position: i32,
}

/// Stored opening hours of one weekday.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = opening_hours)]
pub struct HoursRow {
    pub branch_id: String,
    pub weekday: i32,
    pub opens: String,
    pub closes: String,
}

/// Finds a library by slug.
pub fn find_by_slug(conn: &mut DbConnection, slug: &str) -> QueryResult<Option<LibraryRow>> {
    if etakirjasto_shared::validate::slug(slug).is_err() {
        return Ok(None);
    }
    libraries::table
        .filter(libraries::slug.eq(slug))
        .select(LibraryRow::as_select())
        .first(conn)
        .optional()
}

/// The library, when the instance serves exactly one.
pub fn the_only_library(conn: &mut DbConnection) -> QueryResult<Option<LibraryRow>> {
    let mut rows: Vec<LibraryRow> = libraries::table
        .select(LibraryRow::as_select())
        .limit(2)
        .load(conn)?;
    Ok(if rows.len() == 1 { rows.pop() } else { None })
}

/// How many libraries there are.
pub fn count(conn: &mut DbConnection) -> QueryResult<i64> {
    libraries::table.count().get_result(conn)
}

/// Up to `limit` libraries after the slug `after`, ordered by slug; only the one named `only`, if given.
pub fn list(
    conn: &mut DbConnection,
    only: Option<&str>,
    after: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<LibraryRow>> {
    let mut q = libraries::table
        .select(LibraryRow::as_select())
        .order(libraries::slug)
        .limit(limit)
        .into_boxed();
    if let Some(a) = after {
        q = q.filter(libraries::slug.gt(a.to_owned()));
    }
    if let Some(o) = only {
        q = q.filter(libraries::slug.eq(o.to_owned()));
    }
    q.load(conn)
}

/// A library with its branches and their hours.
pub fn load_library(conn: &mut DbConnection, row: LibraryRow) -> QueryResult<Library> {
    let branch_rows: Vec<BranchRow> = branches::table
        .filter(branches::library_id.eq(&row.id))
        .order((branches::is_main.desc(), branches::position, branches::name))
        .select(BranchRow::as_select())
        .load(conn)?;
    let ids: Vec<&str> = branch_rows.iter().map(|b| b.id.as_str()).collect();
    let hours: Vec<HoursRow> = opening_hours::table
        .filter(opening_hours::branch_id.eq_any(ids))
        .order((opening_hours::branch_id, opening_hours::weekday))
        .select(HoursRow::as_select())
        .load(conn)?;
    let branches = branch_rows
        .into_iter()
        .map(|b| Branch {
            opening_hours: hours
                .iter()
                .filter(|h| h.branch_id == b.id)
                .map(|h| OpeningHours {
                    weekday: h.weekday as u8,
                    opens: h.opens.clone(),
                    closes: h.closes.clone(),
                })
                .collect(),
            id: b.id,
            name: b.name,
            is_main: b.is_main,
            street_address: b.street_address,
            postal_code: b.postal_code,
            city: b.city,
            phone: b.phone,
            email: b.email,
        })
        .collect();
    let scenario = scenario(conn, &row.id, &row.time_zone)?;
    let branding = super::branding::of(conn, &row.id, &row.slug)?;
    Ok(Library {
        slug: row.slug,
        name: row.name,
        phone: row.phone,
        email: row.email,
        time_zone: row.time_zone,
        branches,
        scenario,
        branding,
    })
}

/// The scenario the library works in now (normal times when none was ever set).
pub fn scenario(
    conn: &mut DbConnection,
    library_id: &str,
    time_zone: &str,
) -> QueryResult<ActiveScenario> {
    use crate::schema::library_scenarios as s;
    let row: Option<(String, Option<String>, NaiveDateTime)> = s::table
        .find(library_id)
        .select((s::scenario, s::notice, s::since))
        .first(conn)
        .optional()?;
    let tz: chrono_tz::Tz = time_zone.parse().unwrap_or(chrono_tz::Europe::Helsinki);
    Ok(match row {
        Some((scenario, notice, since)) => ActiveScenario {
            scenario: Scenario::parse(&scenario).unwrap_or(Scenario::Normal),
            notice: notice.and_then(|n| serde_json::from_str(&n).ok()),
            since: Some(since.and_utc().with_timezone(&tz).fixed_offset()),
        },
        None => ActiveScenario {
            scenario: Scenario::Normal,
            notice: None,
            since: None,
        },
    })
}

/// Sets the library's scenario (replacing the one before).
pub fn set_scenario(
    conn: &mut DbConnection,
    library_id: &str,
    scenario: Scenario,
    notice: Option<&Localized>,
    by: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    use crate::schema::library_scenarios as s;
    let notice = notice.map(|n| serde_json::to_string(n).unwrap_or_default());
    let row = (
        s::library_id.eq(library_id),
        s::scenario.eq(scenario.as_str()),
        s::notice.eq(notice.clone()),
        s::since.eq(now),
        s::set_by.eq(by),
    );
    let change = (
        s::scenario.eq(scenario.as_str()),
        s::notice.eq(notice),
        s::since.eq(now),
        s::set_by.eq(by),
    );
    // One statement, so two admins saving at once both succeed (the later one stands).
    let insert = diesel::insert_into(s::table).values(row);
    match conn {
        DbConnection::Pg(c) => insert
            .on_conflict(s::library_id)
            .do_update()
            .set(change)
            .execute(c)?,
        DbConnection::Sqlite(c) => insert
            .on_conflict(s::library_id)
            .do_update()
            .set(change)
            .execute(c)?,
    };
    Ok(())
}

/// Inserts a library.
pub fn insert_library(conn: &mut DbConnection, row: &LibraryRow) -> QueryResult<()> {
    diesel::insert_into(libraries::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// Inserts a branch with its weekly hours.
pub fn insert_branch(
    conn: &mut DbConnection,
    row: &BranchRow,
    hours: &[HoursRow],
) -> QueryResult<()> {
    diesel::insert_into(branches::table)
        .values(row)
        .execute(conn)?;
    for h in hours {
        diesel::insert_into(opening_hours::table)
            .values(h)
            .execute(conn)?;
    }
    Ok(())
}

/// Finds a library by id.
pub fn find_by_id(conn: &mut DbConnection, id: &str) -> QueryResult<LibraryRow> {
    libraries::table
        .find(id)
        .select(LibraryRow::as_select())
        .first(conn)
}

/// The library's closing days from `from` on, in date order.
pub fn closures_from(
    conn: &mut DbConnection,
    library_id: &str,
    from: &str,
) -> QueryResult<Vec<(String, String)>> {
    use crate::schema::library_closures as c;
    c::table
        .filter(c::library_id.eq(library_id).and(c::day.ge(from)))
        .order(c::day)
        .select((c::day, c::reason))
        .load(conn)
}

/// Adds or replaces a closing day.
pub fn put_closure(
    conn: &mut DbConnection,
    library_id: &str,
    day: &str,
    reason: &str,
) -> QueryResult<()> {
    use crate::schema::library_closures as c;
    diesel::delete(c::table.filter(c::library_id.eq(library_id).and(c::day.eq(day))))
        .execute(conn)?;
    diesel::insert_into(c::table)
        .values((
            c::library_id.eq(library_id),
            c::day.eq(day),
            c::reason.eq(reason),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Removes a closing day; false when there was none.
pub fn delete_closure(conn: &mut DbConnection, library_id: &str, day: &str) -> QueryResult<bool> {
    use crate::schema::library_closures as c;
    Ok(
        diesel::delete(c::table.filter(c::library_id.eq(library_id).and(c::day.eq(day))))
            .execute(conn)?
            == 1,
    )
}

//! Events and registrations in the database.
//!
//! *Invariant:* registrations change only inside `write_tx` after [`lock_event`], so seat counts read
//! there are exact: on PostgreSQL the event row is locked, on SQLite the immediate transaction holds
//! the write lock.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::{
    db::DbConnection,
    schema::{event_registrations, event_series, events, libraries, users},
};

/// A stored event. Texts in three languages are stored as JSON.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = events)]
#[diesel(treat_none_as_null = true)]
pub struct EventRow {
    pub id: String,
    pub library_id: String,
    pub title: String,
    pub description: String,
    pub category: String,
    pub audience: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub mode: String,
    pub branch_id: Option<String>,
    pub room: Option<String>,
    pub join_url: Option<String>,
    pub join_visible_minutes: i32,
    pub on_site_capacity: i32,
    pub online_capacity: i32,
    pub max_seats_per_registration: i32,
    pub registration_required: bool,
    pub registration_opens_at: Option<NaiveDateTime>,
    pub registration_closes_at: Option<NaiveDateTime>,
    pub accessibility_note: Option<String>,
    pub status: String,
    pub created_at: NaiveDateTime,
    pub series_id: Option<String>,
}

/// A stored series: the repeat rule as JSON.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = event_series)]
pub struct SeriesRow {
    pub id: String,
    pub library_id: String,
    pub repeat_rule: String,
    pub created_at: NaiveDateTime,
}

/// Inserts a series.
pub fn insert_series(conn: &mut DbConnection, row: &SeriesRow) -> QueryResult<()> {
    diesel::insert_into(event_series::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// A series with its library's slug and time zone.
pub fn find_series(
    conn: &mut DbConnection,
    id: &str,
) -> QueryResult<Option<(SeriesRow, String, String)>> {
    if !etakirjasto_shared::validate::is_id(id) {
        return Ok(None);
    }
    event_series::table
        .inner_join(libraries::table)
        .filter(event_series::id.eq(id))
        .select((
            SeriesRow::as_select(),
            libraries::slug,
            libraries::time_zone,
        ))
        .first(conn)
        .optional()
}

/// The events of a series in time order.
pub fn occurrences(conn: &mut DbConnection, series_id: &str) -> QueryResult<Vec<EventRow>> {
    events::table
        .filter(events::series_id.eq(series_id))
        .order((events::starts_at, events::id))
        .select(EventRow::as_select())
        .load(conn)
}

/// A stored registration.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = event_registrations)]
pub struct RegistrationRow {
    pub id: String,
    pub event_id: String,
    pub patron_id: Option<String>,
    pub guest_name: Option<String>,
    pub guest_email: Option<String>,
    pub guest_phone: Option<String>,
    pub manage_token_hash: Option<String>,
    pub seat_type: String,
    pub seats: i32,
    pub needs: Option<String>,
    pub status: String,
    pub waitlist_seq: Option<i64>,
    pub booked_by_staff_id: Option<String>,
    pub language: String,
    pub created_at: NaiveDateTime,
    pub promoted_at: Option<NaiveDateTime>,
    pub cancelled_at: Option<NaiveDateTime>,
    pub attended: Option<bool>,
}

/// Inserts an event.
pub fn insert(conn: &mut DbConnection, row: &EventRow) -> QueryResult<()> {
    diesel::insert_into(events::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// Replaces an event's settings.
pub fn update(conn: &mut DbConnection, row: &EventRow) -> QueryResult<()> {
    diesel::update(events::table.find(&row.id))
        .set(row)
        .execute(conn)
        .map(|_| ())
}

/// Marks an event cancelled.
pub fn cancel(conn: &mut DbConnection, id: &str) -> QueryResult<()> {
    diesel::update(events::table.find(id))
        .set(events::status.eq("cancelled"))
        .execute(conn)
        .map(|_| ())
}

/// An event with its library's slug and time zone.
pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<(EventRow, String, String)>> {
    if !etakirjasto_shared::validate::is_id(id) {
        return Ok(None);
    }
    events::table
        .inner_join(libraries::table)
        .filter(events::id.eq(id))
        .select((EventRow::as_select(), libraries::slug, libraries::time_zone))
        .first(conn)
        .optional()
}

/// Locks the event until the transaction ends, so its registrations change one at a time.
pub fn lock_event(conn: &mut DbConnection, id: &str) -> QueryResult<()> {
    if let DbConnection::Pg(pg) = conn {
        events::table
            .find(id)
            .select(events::id)
            .for_update()
            .first::<String>(pg)?;
    }
    Ok(())
}

/// Filters for the public listing.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub library_id: Option<String>,
    pub category: Option<String>,
    pub audience: Option<String>,
    pub mode: Option<String>,
    pub from: Option<NaiveDateTime>,
    pub to: Option<NaiveDateTime>,
}

/// Events matching `filter` (ending after `from`, starting before `to`), by start then id, after the
/// cursor, with their library's slug and time zone.
pub fn list(
    conn: &mut DbConnection,
    filter: &Filter,
    after: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> QueryResult<Vec<(EventRow, String, String)>> {
    let mut q = events::table
        .inner_join(libraries::table)
        .select((EventRow::as_select(), libraries::slug, libraries::time_zone))
        .order((events::starts_at, events::id))
        .limit(limit)
        .into_boxed();
    if let Some(l) = &filter.library_id {
        q = q.filter(events::library_id.eq(l.clone()));
    }
    if let Some(c) = &filter.category {
        q = q.filter(events::category.eq(c.clone()));
    }
    if let Some(a) = &filter.audience {
        q = q.filter(events::audience.eq(a.clone()));
    }
    if let Some(m) = &filter.mode {
        q = q.filter(events::mode.eq(m.clone()));
    }
    if let Some(f) = filter.from {
        q = q.filter(events::ends_at.gt(f));
    }
    if let Some(t) = filter.to {
        q = q.filter(events::starts_at.lt(t));
    }
    if let Some((start, id)) = after {
        q = q.filter(
            events::starts_at
                .gt(start)
                .or(events::starts_at.eq(start).and(events::id.gt(id))),
        );
    }
    q.load(conn)
}

/// Seat counts per event and seat type: (seats taken by confirmed registrations, registrations
/// waiting), for the given events in one query.
pub fn seat_counts(
    conn: &mut DbConnection,
    event_ids: &[String],
) -> QueryResult<HashMap<(String, String), (u32, u32)>> {
    let rows: Vec<(String, String, String, i32)> = event_registrations::table
        .filter(event_registrations::event_id.eq_any(event_ids))
        .filter(event_registrations::status.ne("cancelled"))
        .select((
            event_registrations::event_id,
            event_registrations::seat_type,
            event_registrations::status,
            event_registrations::seats,
        ))
        .load(conn)?;
    let mut out: HashMap<(String, String), (u32, u32)> = HashMap::new();
    for (event, seat, status, seats) in rows {
        let entry = out.entry((event, seat)).or_default();
        if status == "confirmed" {
            entry.0 += seats.max(0) as u32;
        } else {
            entry.1 += 1;
        }
    }
    Ok(out)
}

/// Seats taken by confirmed registrations of one seat type.
pub fn taken(conn: &mut DbConnection, event_id: &str, seat_type: &str) -> QueryResult<u32> {
    let seats: Vec<i32> = event_registrations::table
        .filter(event_registrations::event_id.eq(event_id))
        .filter(event_registrations::seat_type.eq(seat_type))
        .filter(event_registrations::status.eq("confirmed"))
        .select(event_registrations::seats)
        .load(conn)?;
    Ok(seats.into_iter().map(|s| s.max(0) as u32).sum())
}

/// The waiting registrations of one seat type in waiting order: (id, seats).
pub fn waiting(
    conn: &mut DbConnection,
    event_id: &str,
    seat_type: &str,
) -> QueryResult<Vec<(String, u32)>> {
    let rows: Vec<(String, i32)> = event_registrations::table
        .filter(event_registrations::event_id.eq(event_id))
        .filter(event_registrations::seat_type.eq(seat_type))
        .filter(event_registrations::status.eq("waitlisted"))
        .order(event_registrations::waitlist_seq)
        .select((event_registrations::id, event_registrations::seats))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, s)| (id, s.max(0) as u32))
        .collect())
}

/// The next waiting-list number of an event (one more than any given so far).
pub fn next_seq(conn: &mut DbConnection, event_id: &str) -> QueryResult<i64> {
    let max: Option<i64> = event_registrations::table
        .filter(event_registrations::event_id.eq(event_id))
        .select(diesel::dsl::max(event_registrations::waitlist_seq))
        .first(conn)?;
    Ok(max.unwrap_or(0) + 1)
}

/// Place on the waiting list: how many of the same seat type wait ahead, plus one.
pub fn waitlist_position(
    conn: &mut DbConnection,
    row: &RegistrationRow,
) -> QueryResult<Option<u32>> {
    let Some(seq) = row.waitlist_seq.filter(|_| row.status == "waitlisted") else {
        return Ok(None);
    };
    let ahead: i64 = event_registrations::table
        .filter(event_registrations::event_id.eq(&row.event_id))
        .filter(event_registrations::seat_type.eq(&row.seat_type))
        .filter(event_registrations::status.eq("waitlisted"))
        .filter(event_registrations::waitlist_seq.lt(seq))
        .count()
        .get_result(conn)?;
    Ok(Some(ahead as u32 + 1))
}

/// Inserts a registration.
pub fn insert_registration(conn: &mut DbConnection, row: &RegistrationRow) -> QueryResult<()> {
    diesel::insert_into(event_registrations::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// A registration with the account's (name, email, phone) when it has one.
pub type RegistrationView = (
    RegistrationRow,
    Option<(String, Option<String>, Option<String>)>,
);

/// Finds a registration of an event.
pub fn find_registration(
    conn: &mut DbConnection,
    event_id: &str,
    id: &str,
) -> QueryResult<Option<RegistrationView>> {
    if !etakirjasto_shared::validate::is_id(id) {
        return Ok(None);
    }
    event_registrations::table
        .left_join(users::table.on(event_registrations::patron_id.eq(users::id.nullable())))
        .filter(event_registrations::id.eq(id))
        .filter(event_registrations::event_id.eq(event_id))
        .select((
            RegistrationRow::as_select(),
            (users::name, users::email, users::phone).nullable(),
        ))
        .first(conn)
        .optional()
}

/// Every registration of an event, in the order they were made.
pub fn registrations_of(
    conn: &mut DbConnection,
    event_id: &str,
) -> QueryResult<Vec<RegistrationView>> {
    event_registrations::table
        .left_join(users::table.on(event_registrations::patron_id.eq(users::id.nullable())))
        .filter(event_registrations::event_id.eq(event_id))
        .order((event_registrations::created_at, event_registrations::id))
        .select((
            RegistrationRow::as_select(),
            (users::name, users::email, users::phone).nullable(),
        ))
        .load(conn)
}

/// Every registration of a patron with its event, the event's library slug and time zone, in the
/// order of the events' start (at most 1,000).
pub fn registrations_of_patron(
    conn: &mut DbConnection,
    patron_id: &str,
) -> QueryResult<Vec<(RegistrationRow, EventRow, String, String)>> {
    event_registrations::table
        .inner_join(events::table.inner_join(libraries::table))
        .filter(event_registrations::patron_id.eq(patron_id))
        .order((events::starts_at, event_registrations::created_at))
        .limit(1000)
        .select((
            RegistrationRow::as_select(),
            EventRow::as_select(),
            libraries::slug,
            libraries::time_zone,
        ))
        .load(conn)
}

/// The live registration of a patron for an event, if any.
pub fn live_of_patron(
    conn: &mut DbConnection,
    event_id: &str,
    patron_id: &str,
) -> QueryResult<Option<RegistrationRow>> {
    event_registrations::table
        .filter(event_registrations::event_id.eq(event_id))
        .filter(event_registrations::patron_id.eq(patron_id))
        .filter(event_registrations::status.ne("cancelled"))
        .select(RegistrationRow::as_select())
        .first(conn)
        .optional()
}

/// The registration a guest's manage token belongs to.
pub fn id_by_token(conn: &mut DbConnection, token_hash: &str) -> QueryResult<Option<String>> {
    event_registrations::table
        .filter(event_registrations::manage_token_hash.eq(token_hash))
        .select(event_registrations::id)
        .first(conn)
        .optional()
}

/// Records whether a participant came.
pub fn set_attended(conn: &mut DbConnection, id: &str, attended: bool) -> QueryResult<()> {
    diesel::update(event_registrations::table.find(id))
        .set(event_registrations::attended.eq(Some(attended)))
        .execute(conn)
        .map(|_| ())
}

/// Moves a registration to another seat type with its new status and place in the queue.
pub fn set_seat_type(
    conn: &mut DbConnection,
    id: &str,
    seat_type: &str,
    status: &str,
    waitlist_seq: Option<i64>,
) -> QueryResult<()> {
    diesel::update(event_registrations::table.find(id))
        .set((
            event_registrations::seat_type.eq(seat_type),
            event_registrations::status.eq(status),
            event_registrations::waitlist_seq.eq(waitlist_seq),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Sets a registration's status; `promoted` or `cancelled` records when.
pub fn set_status(
    conn: &mut DbConnection,
    id: &str,
    status: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let q = diesel::update(event_registrations::table.find(id));
    match status {
        "cancelled" => q
            .set((
                event_registrations::status.eq(status),
                event_registrations::cancelled_at.eq(now),
            ))
            .execute(conn),
        _ => q
            .set((
                event_registrations::status.eq(status),
                event_registrations::promoted_at.eq(now),
            ))
            .execute(conn),
    }
    .map(|_| ())
}

/// Removes a departing patron from their registrations, keeping the rows for statistics.
pub fn anonymise_patron(conn: &mut DbConnection, patron_id: &str) -> QueryResult<usize> {
    diesel::update(event_registrations::table.filter(event_registrations::patron_id.eq(patron_id)))
        .set((
            event_registrations::patron_id.eq(None::<String>),
            event_registrations::guest_name.eq(None::<String>),
            event_registrations::guest_email.eq(None::<String>),
            event_registrations::guest_phone.eq(None::<String>),
            event_registrations::needs.eq(None::<String>),
            event_registrations::manage_token_hash.eq(None::<String>),
        ))
        .execute(conn)
}

//! Bookings in the database.
//!
//! *Invariant:* a booking is inserted only by [`insert_if_free`], which first locks its staff member
//! (a row lock on PostgreSQL; on SQLite the immediate transaction already holds the write lock) and then
//! checks for an overlapping live booking, so two bookings of one staff member never overlap.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::{
    db::DbConnection,
    schema::{bookings, libraries, services, users},
};

/// A stored booking.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = bookings)]
pub struct BookingRow {
    pub id: String,
    pub library_id: String,
    pub service_id: String,
    pub staff_id: String,
    pub patron_id: Option<String>,
    pub guest_name: Option<String>,
    pub guest_email: Option<String>,
    pub guest_phone: Option<String>,
    pub manage_token_hash: Option<String>,
    pub mode: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub blocked_from: NaiveDateTime,
    pub blocked_until: NaiveDateTime,
    pub status: String,
    pub answers: String,
    pub meeting_room: Option<String>,
    pub language: String,
    pub booked_by_staff_id: Option<String>,
    pub internal_note: Option<String>,
    pub created_at: NaiveDateTime,
    pub cancelled_at: Option<NaiveDateTime>,
}

/// Locks a staff member's row until the transaction ends, so bookings for them are made one at a time.
fn lock_staff(conn: &mut DbConnection, staff_id: &str) -> QueryResult<()> {
    if let DbConnection::Pg(pg) = conn {
        users::table
            .find(staff_id)
            .select(users::id)
            .for_update()
            .first::<String>(pg)?;
    }
    Ok(())
}

/// Inserts the booking if its staff member is free from `blocked_from` to `blocked_until`; returns
/// false (and writes nothing) when an overlapping live booking exists. Call inside `write_tx`.
pub fn insert_if_free(conn: &mut DbConnection, row: &BookingRow) -> QueryResult<bool> {
    lock_staff(conn, &row.staff_id)?;
    let overlapping: i64 = bookings::table
        .filter(bookings::staff_id.eq(&row.staff_id))
        .filter(bookings::status.ne("cancelled"))
        .filter(bookings::blocked_from.lt(row.blocked_until))
        .filter(bookings::blocked_until.gt(row.blocked_from))
        .count()
        .get_result(conn)?;
    if overlapping > 0 {
        return Ok(false);
    }
    diesel::insert_into(bookings::table)
        .values(row)
        .execute(conn)?;
    Ok(true)
}

/// Moves a live booking to new times with the staff member in `row`, if that staff member is free
/// (the booking itself not counted); false when not free or no longer confirmed. Call inside `write_tx`.
pub fn move_if_free(conn: &mut DbConnection, row: &BookingRow) -> QueryResult<bool> {
    lock_staff(conn, &row.staff_id)?;
    let overlapping: i64 = bookings::table
        .filter(bookings::staff_id.eq(&row.staff_id))
        .filter(bookings::status.ne("cancelled"))
        .filter(bookings::id.ne(&row.id))
        .filter(bookings::blocked_from.lt(row.blocked_until))
        .filter(bookings::blocked_until.gt(row.blocked_from))
        .count()
        .get_result(conn)?;
    if overlapping > 0 {
        return Ok(false);
    }
    let n = diesel::update(
        bookings::table.filter(
            bookings::id
                .eq(&row.id)
                .and(bookings::status.eq("confirmed")),
        ),
    )
    .set((
        bookings::staff_id.eq(&row.staff_id),
        bookings::starts_at.eq(row.starts_at),
        bookings::ends_at.eq(row.ends_at),
        bookings::blocked_from.eq(row.blocked_from),
        bookings::blocked_until.eq(row.blocked_until),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Records how a session went and the staff's internal note.
pub fn set_outcome(
    conn: &mut DbConnection,
    id: &str,
    status: Option<&str>,
    note: Option<&str>,
) -> QueryResult<()> {
    if let Some(s) = status {
        diesel::update(bookings::table.find(id))
            .set(bookings::status.eq(s))
            .execute(conn)?;
    }
    if let Some(n) = note {
        diesel::update(bookings::table.find(id))
            .set(bookings::internal_note.eq(n))
            .execute(conn)?;
    }
    Ok(())
}

/// A booking with what its wire form needs: the service row, the library slug and the staff name.
pub type BookingView = (
    BookingRow,
    crate::services::queries::ServiceRow,
    String,
    String,
);

/// Finds a booking with its service, library slug and staff member's name.
pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<BookingView>> {
    if !etakirjasto_shared::validate::is_id(id) {
        return Ok(None);
    }
    let found: Option<(BookingRow, crate::services::queries::ServiceRow)> = bookings::table
        .inner_join(services::table)
        .filter(bookings::id.eq(id))
        .select((
            BookingRow::as_select(),
            crate::services::queries::ServiceRow::as_select(),
        ))
        .first(conn)
        .optional()?;
    let Some((b, s)) = found else { return Ok(None) };
    let slug = libraries::table
        .find(&b.library_id)
        .select(libraries::slug)
        .first(conn)?;
    let staff_name = users::table
        .find(&b.staff_id)
        .select(users::name)
        .first(conn)?;
    Ok(Some((b, s, slug, staff_name)))
}

/// Filters for listing bookings.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only this patron's.
    pub patron_id: Option<String>,
    /// Only these libraries'.
    pub library_ids: Option<Vec<String>>,
    /// Only this staff member's.
    pub staff_id: Option<String>,
    /// Only this service's.
    pub service_id: Option<String>,
    /// Only this status.
    pub status: Option<String>,
    /// Starting at or after.
    pub from: Option<NaiveDateTime>,
    /// Starting before.
    pub to: Option<NaiveDateTime>,
}

/// Booking ids matching `filter`, ordered by start then id, after the cursor `(start, id)`.
pub fn list_ids(
    conn: &mut DbConnection,
    filter: &Filter,
    after: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> QueryResult<Vec<(String, NaiveDateTime)>> {
    let mut q = bookings::table
        .select((bookings::id, bookings::starts_at))
        .order((bookings::starts_at, bookings::id))
        .limit(limit)
        .into_boxed();
    if let Some(p) = &filter.patron_id {
        q = q.filter(bookings::patron_id.eq(p.clone()));
    }
    if let Some(ids) = &filter.library_ids {
        q = q.filter(bookings::library_id.eq_any(ids.clone()));
    }
    if let Some(s) = &filter.staff_id {
        q = q.filter(bookings::staff_id.eq(s.clone()));
    }
    if let Some(s) = &filter.service_id {
        q = q.filter(bookings::service_id.eq(s.clone()));
    }
    if let Some(s) = &filter.status {
        q = q.filter(bookings::status.eq(s.clone()));
    }
    if let Some(f) = filter.from {
        q = q.filter(bookings::starts_at.ge(f));
    }
    if let Some(t) = filter.to {
        q = q.filter(bookings::starts_at.lt(t));
    }
    if let Some((start, id)) = after {
        q = q.filter(
            bookings::starts_at
                .gt(start)
                .or(bookings::starts_at.eq(start).and(bookings::id.gt(id))),
        );
    }
    q.load(conn)
}

/// Finds the booking a guest's manage token belongs to.
pub fn id_by_token(conn: &mut DbConnection, token_hash: &str) -> QueryResult<Option<String>> {
    bookings::table
        .filter(bookings::manage_token_hash.eq(token_hash))
        .select(bookings::id)
        .first(conn)
        .optional()
}

/// Marks a booking cancelled; false when it was not confirmed any more.
pub fn cancel(conn: &mut DbConnection, id: &str, now: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(
        bookings::table.filter(bookings::id.eq(id).and(bookings::status.eq("confirmed"))),
    )
    .set((
        bookings::status.eq("cancelled"),
        bookings::cancelled_at.eq(now),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

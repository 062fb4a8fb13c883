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
/// `FOR NO KEY UPDATE`, not `FOR UPDATE`: it still excludes another booking transaction, but not the
/// key-share locks that rows referring to the staff member take (a message to them, a booking they
/// made), which would otherwise deadlock with a cancellation that tells them.
fn lock_staff(conn: &mut DbConnection, staff_id: &str) -> QueryResult<()> {
    if let DbConnection::Pg(pg) = conn {
        users::table
            .find(staff_id)
            .select(users::id)
            .for_no_key_update()
            .first::<String>(pg)?;
    }
    Ok(())
}

/// Locks every staff member a booking might go to, in one statement and in id order, before any of
/// them is tried. Booking and moving try candidates in different orders (moving prefers the booking's
/// own staff member); taking all the locks up front in one order means two such transactions on
/// PostgreSQL wait for each other instead of deadlocking. Call first inside `write_tx`.
pub fn lock_candidates(conn: &mut DbConnection, staff_ids: &[String]) -> QueryResult<()> {
    if let DbConnection::Pg(pg) = conn {
        let mut ids: Vec<&String> = staff_ids.iter().collect();
        ids.sort();
        ids.dedup();
        users::table
            .filter(users::id.eq_any(ids))
            .select(users::id)
            .order(users::id)
            .for_no_key_update()
            .load::<String>(pg)?;
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

diesel::alias!(users as staff_users: StaffUsers, users as patrons: Patrons);

/// A booking with everything its wire form needs, read in one joined query.
#[derive(Debug, Clone)]
pub struct BookingView {
    pub booking: BookingRow,
    pub service: crate::services::queries::ServiceRow,
    pub library_slug: String,
    pub time_zone: String,
    pub staff_name: String,
    /// The account's name, email and phone when the patron has an account.
    pub patron: Option<(String, Option<String>, Option<String>)>,
}

type ViewTuple = (
    BookingRow,
    crate::services::queries::ServiceRow,
    String,
    String,
    String,
    Option<(String, Option<String>, Option<String>)>,
);

impl From<ViewTuple> for BookingView {
    fn from((booking, service, library_slug, time_zone, staff_name, patron): ViewTuple) -> Self {
        BookingView {
            booking,
            service,
            library_slug,
            time_zone,
            staff_name,
            patron,
        }
    }
}

/// Bookings joined with their service, library, staff member and patron account.
macro_rules! joined {
    () => {
        bookings::table
            .inner_join(services::table)
            .inner_join(libraries::table.on(bookings::library_id.eq(libraries::id)))
            .inner_join(staff_users.on(bookings::staff_id.eq(staff_users.field(users::id))))
            .left_join(patrons.on(bookings::patron_id.eq(patrons.field(users::id).nullable())))
            .select((
                BookingRow::as_select(),
                crate::services::queries::ServiceRow::as_select(),
                libraries::slug,
                libraries::time_zone,
                staff_users.field(users::name),
                patrons
                    .fields((users::name, users::email, users::phone))
                    .nullable(),
            ))
    };
}

/// Finds a booking with everything its wire form needs.
pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<BookingView>> {
    if !etakirjasto_shared::validate::is_id(id) {
        return Ok(None);
    }
    let found: Option<ViewTuple> = joined!()
        .filter(bookings::id.eq(id))
        .first(conn)
        .optional()?;
    Ok(found.map(BookingView::from))
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

/// Bookings matching `filter`, ordered by start then id, after the cursor `(start, id)`, in one query.
pub fn list(
    conn: &mut DbConnection,
    filter: &Filter,
    after: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> QueryResult<Vec<BookingView>> {
    let mut q = joined!()
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
    let rows: Vec<ViewTuple> = q.load(conn)?;
    Ok(rows.into_iter().map(BookingView::from).collect())
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

/// Removes a departing patron from their bookings: the rows stay for statistics (service, staff
/// member, time, mode, status) but lose the link to the person, their contact details, answers,
/// the staff's note and the video room.
pub fn anonymise_patron(conn: &mut DbConnection, patron_id: &str) -> QueryResult<usize> {
    diesel::update(bookings::table.filter(bookings::patron_id.eq(patron_id)))
        .set((
            bookings::patron_id.eq(None::<String>),
            bookings::guest_name.eq(None::<String>),
            bookings::guest_email.eq(None::<String>),
            bookings::guest_phone.eq(None::<String>),
            bookings::manage_token_hash.eq(None::<String>),
            bookings::answers.eq("[]"),
            bookings::internal_note.eq(None::<String>),
            bookings::meeting_room.eq(None::<String>),
        ))
        .execute(conn)
}

//! Organisations, programme offers, their times and bookings in the database.
//!
//! *Invariant:* a booking holds at most one offered time (`time_id`) and a time is held by at most
//! one booking (a unique index); bookings of a time are written only inside `write_tx` after
//! [`lock_time`], so two units asking for one time at once get one booking and one `slot_taken`.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::{
    db::DbConnection,
    schema::{
        libraries, memberships, organisations, programme_bookings, programme_offers,
        programme_times, users,
    },
};

/// A stored organisation.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = organisations)]
#[diesel(treat_none_as_null = true)]
pub struct OrganisationRow {
    pub id: String,
    pub library_id: String,
    pub name: String,
    pub kind: String,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub contact_user_id: Option<String>,
    pub created_at: NaiveDateTime,
}

/// The contact person's name, email and phone.
pub type ContactRow = (String, Option<String>, Option<String>);

/// An organisation with its library's slug and its contact person.
pub type OrganisationView = (OrganisationRow, String, Option<ContactRow>);

/// A stored programme offer; texts in three languages as JSON.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = programme_offers)]
#[diesel(treat_none_as_null = true)]
pub struct OfferRow {
    pub id: String,
    pub library_id: String,
    pub title: String,
    pub description: String,
    pub duration_minutes: i32,
    pub max_residents: Option<i32>,
    pub published: bool,
    pub created_at: NaiveDateTime,
}

/// A time an offer can run.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = programme_times)]
pub struct TimeRow {
    pub id: String,
    pub offer_id: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
}

/// A stored programme booking.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = programme_bookings)]
#[diesel(treat_none_as_null = true)]
pub struct BookingRow {
    pub id: String,
    pub offer_id: String,
    pub organisation_id: String,
    pub time_id: Option<String>,
    pub status: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub proposed_starts_at: Option<NaiveDateTime>,
    pub message: Option<String>,
    pub residents: i32,
    pub equipment: String,
    pub onsite_contact_name: String,
    pub onsite_contact_phone: String,
    pub wishes: Option<String>,
    pub meeting_url: Option<String>,
    pub participants: Option<i32>,
    pub feedback: Option<String>,
    pub created_by: Option<String>,
    pub created_at: NaiveDateTime,
}

/// A booking with what is shown with it: the offer's title and length, the organisation's name and
/// contact person, and the library's id, slug and time zone.
#[derive(Debug, Clone, Queryable)]
pub struct BookingView {
    pub booking: BookingRow,
    pub title: String,
    pub duration_minutes: i32,
    pub organisation_name: String,
    pub contact_user_id: Option<String>,
    pub library_id: String,
    pub slug: String,
    pub time_zone: String,
}

fn valid(id: &str) -> bool {
    etakirjasto_shared::validate::is_id(id)
}

/// Inserts an organisation.
pub fn insert_organisation(conn: &mut DbConnection, row: &OrganisationRow) -> QueryResult<()> {
    diesel::insert_into(organisations::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// Saves a changed organisation.
pub fn update_organisation(conn: &mut DbConnection, row: &OrganisationRow) -> QueryResult<()> {
    diesel::update(organisations::table.find(&row.id))
        .set(row)
        .execute(conn)
        .map(|_| ())
}

/// One organisation with its library's slug and contact person.
pub fn find_organisation(
    conn: &mut DbConnection,
    id: &str,
) -> QueryResult<Option<OrganisationView>> {
    if !valid(id) {
        return Ok(None);
    }
    Ok(organisations_where(conn, OrgFilter::Id(id))?.pop())
}

/// Which organisations to read.
pub enum OrgFilter<'a> {
    /// One by id.
    Id(&'a str),
    /// A library's, by name then id, after a `(name, id)` cursor.
    Library(&'a str, Option<(String, String)>, i64),
    /// Those a person is the contact of.
    Contact(&'a str),
}

/// Organisations with their library's slug and contact person.
pub fn organisations_where(
    conn: &mut DbConnection,
    filter: OrgFilter<'_>,
) -> QueryResult<Vec<OrganisationView>> {
    let mut q = organisations::table
        .inner_join(libraries::table)
        .left_join(users::table)
        .select((
            OrganisationRow::as_select(),
            libraries::slug,
            (users::name, users::email, users::phone).nullable(),
        ))
        .order((organisations::name.asc(), organisations::id.asc()))
        .into_boxed();
    match filter {
        OrgFilter::Id(id) => q = q.filter(organisations::id.eq(id.to_owned())),
        OrgFilter::Contact(user) => {
            q = q.filter(organisations::contact_user_id.eq(user.to_owned()))
        }
        OrgFilter::Library(library, after, limit) => {
            q = q.filter(organisations::library_id.eq(library.to_owned()));
            if let Some((name, id)) = after {
                q = q.filter(
                    organisations::name
                        .gt(name.clone())
                        .or(organisations::name.eq(name).and(organisations::id.gt(id))),
                );
            }
            q = q.limit(limit);
        }
    }
    q.load(conn)
}

/// The account with this email that belongs to the library (any role), if any.
pub fn member_by_email(
    conn: &mut DbConnection,
    library_id: &str,
    email: &str,
) -> QueryResult<Option<String>> {
    users::table
        .inner_join(memberships::table)
        .filter(users::email.eq(email))
        .filter(memberships::library_id.eq(library_id))
        .select(users::id)
        .first(conn)
        .optional()
}

/// Inserts an offer.
pub fn insert_offer(conn: &mut DbConnection, row: &OfferRow) -> QueryResult<()> {
    diesel::insert_into(programme_offers::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// Saves a changed offer.
pub fn update_offer(conn: &mut DbConnection, row: &OfferRow) -> QueryResult<()> {
    diesel::update(programme_offers::table.find(&row.id))
        .set(row)
        .execute(conn)
        .map(|_| ())
}

/// One offer with its library's slug and time zone.
pub fn find_offer(
    conn: &mut DbConnection,
    id: &str,
) -> QueryResult<Option<(OfferRow, String, String)>> {
    if !valid(id) {
        return Ok(None);
    }
    programme_offers::table
        .inner_join(libraries::table)
        .filter(programme_offers::id.eq(id))
        .select((OfferRow::as_select(), libraries::slug, libraries::time_zone))
        .first(conn)
        .optional()
}

/// Offers (published ones, or also unpublished ones of the libraries in `all_of`), by creation then
/// id, after the cursor, with their library's slug and time zone.
pub fn list_offers(
    conn: &mut DbConnection,
    library_id: Option<&str>,
    all_of: &[String],
    after: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> QueryResult<Vec<(OfferRow, String, String)>> {
    let mut q = programme_offers::table
        .inner_join(libraries::table)
        .select((OfferRow::as_select(), libraries::slug, libraries::time_zone))
        .filter(
            programme_offers::published
                .eq(true)
                .or(programme_offers::library_id.eq_any(all_of.to_vec())),
        )
        .order((
            programme_offers::created_at.asc(),
            programme_offers::id.asc(),
        ))
        .limit(limit)
        .into_boxed();
    if let Some(library) = library_id {
        q = q.filter(programme_offers::library_id.eq(library.to_owned()));
    }
    if let Some((at, id)) = after {
        q = q.filter(
            programme_offers::created_at
                .gt(at)
                .or(programme_offers::created_at
                    .eq(at)
                    .and(programme_offers::id.gt(id))),
        );
    }
    q.load(conn)
}

/// The times of these offers (starting after `from`, when given), soonest first, each with whether a
/// booking holds it.
pub fn times_of(
    conn: &mut DbConnection,
    offer_ids: &[String],
    from: Option<NaiveDateTime>,
) -> QueryResult<Vec<(TimeRow, bool)>> {
    let mut q = programme_times::table
        .filter(programme_times::offer_id.eq_any(offer_ids))
        .order((programme_times::starts_at.asc(), programme_times::id.asc()))
        .select(TimeRow::as_select())
        .into_boxed();
    if let Some(from) = from {
        q = q.filter(programme_times::starts_at.gt(from));
    }
    let times: Vec<TimeRow> = q.load(conn)?;
    let ids: Vec<&String> = times.iter().map(|t| &t.id).collect();
    let held: std::collections::HashSet<String> = programme_bookings::table
        .filter(programme_bookings::time_id.eq_any(ids))
        .select(programme_bookings::time_id.assume_not_null())
        .load::<String>(conn)?
        .into_iter()
        .collect();
    Ok(times
        .into_iter()
        .map(|t| {
            let h = held.contains(&t.id);
            (t, h)
        })
        .collect())
}

/// Every time of an offer, with whether a booking holds it.
pub fn all_times(conn: &mut DbConnection, offer_id: &str) -> QueryResult<Vec<(TimeRow, bool)>> {
    times_of(conn, &[offer_id.to_owned()], None)
}

/// Inserts times.
pub fn insert_times(conn: &mut DbConnection, rows: &[TimeRow]) -> QueryResult<()> {
    for row in rows {
        diesel::insert_into(programme_times::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

/// Deletes times (the caller checked that no booking holds them).
pub fn delete_times(conn: &mut DbConnection, ids: &[String]) -> QueryResult<()> {
    diesel::delete(programme_times::table.filter(programme_times::id.eq_any(ids)))
        .execute(conn)
        .map(|_| ())
}

/// One time.
pub fn find_time(conn: &mut DbConnection, id: &str) -> QueryResult<Option<TimeRow>> {
    if !valid(id) {
        return Ok(None);
    }
    programme_times::table
        .find(id)
        .select(TimeRow::as_select())
        .first(conn)
        .optional()
}

/// Locks an offered time for the rest of the transaction (PostgreSQL; SQLite's immediate
/// transaction already holds the write lock); false when the time no longer exists.
pub fn lock_time(conn: &mut DbConnection, id: &str) -> QueryResult<bool> {
    if let DbConnection::Pg(pg) = conn {
        return Ok(programme_times::table
            .find(id)
            .select(programme_times::id)
            .for_update()
            .first::<String>(pg)
            .optional()?
            .is_some());
    }
    Ok(true)
}

/// Locks every time of an offer for the rest of the transaction (PostgreSQL), so no booking takes
/// one while the offer's times are replaced.
pub fn lock_offer_times(conn: &mut DbConnection, offer_id: &str) -> QueryResult<()> {
    if let DbConnection::Pg(pg) = conn {
        programme_times::table
            .filter(programme_times::offer_id.eq(offer_id))
            .select(programme_times::id)
            .for_update()
            .load::<String>(pg)?;
    }
    Ok(())
}

/// Sets a time's end (when the offer's length changed).
pub fn set_time_end(conn: &mut DbConnection, id: &str, ends_at: NaiveDateTime) -> QueryResult<()> {
    diesel::update(programme_times::table.find(id))
        .set(programme_times::ends_at.eq(ends_at))
        .execute(conn)
        .map(|_| ())
}

/// Locks a booking for the rest of the transaction (PostgreSQL; SQLite as above).
pub fn lock_booking(conn: &mut DbConnection, id: &str) -> QueryResult<()> {
    if let DbConnection::Pg(pg) = conn {
        programme_bookings::table
            .find(id)
            .select(programme_bookings::id)
            .for_update()
            .first::<String>(pg)?;
    }
    Ok(())
}

/// True when a booking holds the time.
pub fn time_held(conn: &mut DbConnection, time_id: &str) -> QueryResult<bool> {
    let n: i64 = programme_bookings::table
        .filter(programme_bookings::time_id.eq(time_id))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Inserts a booking.
pub fn insert_booking(conn: &mut DbConnection, row: &BookingRow) -> QueryResult<()> {
    diesel::insert_into(programme_bookings::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// Saves a changed booking.
pub fn update_booking(conn: &mut DbConnection, row: &BookingRow) -> QueryResult<()> {
    diesel::update(programme_bookings::table.find(&row.id))
        .set(row)
        .execute(conn)
        .map(|_| ())
}

/// Which bookings a list shows: those of the libraries in `staff_of`, and those of organisations
/// whose contact is `contact`.
pub struct BookingFilter {
    pub staff_of: Vec<String>,
    pub contact: String,
    pub library_id: Option<String>,
    pub status: Option<String>,
    pub from: Option<NaiveDateTime>,
}

macro_rules! booking_view_query {
    () => {
        programme_bookings::table
            .inner_join(programme_offers::table.inner_join(libraries::table))
            .inner_join(organisations::table)
            .select((
                BookingRow::as_select(),
                programme_offers::title,
                programme_offers::duration_minutes,
                organisations::name,
                organisations::contact_user_id,
                programme_offers::library_id,
                libraries::slug,
                libraries::time_zone,
            ))
    };
}

/// One booking with what is shown with it.
pub fn find_booking(conn: &mut DbConnection, id: &str) -> QueryResult<Option<BookingView>> {
    if !valid(id) {
        return Ok(None);
    }
    booking_view_query!()
        .filter(programme_bookings::id.eq(id))
        .first(conn)
        .optional()
}

/// Bookings the filter allows, by start then id, after the cursor.
pub fn list_bookings(
    conn: &mut DbConnection,
    filter: &BookingFilter,
    after: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> QueryResult<Vec<BookingView>> {
    let mut q = booking_view_query!()
        .filter(
            programme_offers::library_id
                .eq_any(filter.staff_of.clone())
                .or(organisations::contact_user_id.eq(filter.contact.clone())),
        )
        .order((
            programme_bookings::starts_at.asc(),
            programme_bookings::id.asc(),
        ))
        .limit(limit)
        .into_boxed();
    if let Some(library) = &filter.library_id {
        q = q.filter(programme_offers::library_id.eq(library.clone()));
    }
    if let Some(status) = &filter.status {
        q = q.filter(programme_bookings::status.eq(status.clone()));
    }
    if let Some(from) = filter.from {
        q = q.filter(programme_bookings::ends_at.gt(from));
    }
    if let Some((at, id)) = after {
        q = q.filter(
            programme_bookings::starts_at
                .gt(at)
                .or(programme_bookings::starts_at
                    .eq(at)
                    .and(programme_bookings::id.gt(id))),
        );
    }
    q.load(conn)
}

/// Forgets a deleted account in organisations and bookings: organisations keep going without a
/// contact person until staff name a new one.
pub fn forget_user(conn: &mut DbConnection, user_id: &str) -> QueryResult<()> {
    diesel::update(organisations::table.filter(organisations::contact_user_id.eq(user_id)))
        .set(organisations::contact_user_id.eq(None::<String>))
        .execute(conn)?;
    diesel::update(programme_bookings::table.filter(programme_bookings::created_by.eq(user_id)))
        .set(programme_bookings::created_by.eq(None::<String>))
        .execute(conn)?;
    Ok(())
}

//! Session types, their staff, availability and closures in the database.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use etakirjasto_shared::{
    Availability, AvailabilityException, ExceptionKind, Localized, Service, ServiceInput,
    SessionMode, WeeklyInterval,
};

use super::{
    input::CheckedAvailability,
    rules::{DayInterval, StaffCalendar, Timing, format_clock},
};
use crate::{
    db::DbConnection,
    schema::{
        availability_exceptions, availability_weekly, bookings, libraries, library_closures,
        service_staff, services,
    },
};

/// A stored session type.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = services)]
pub struct ServiceRow {
    pub id: String,
    pub library_id: String,
    pub name_fi: String,
    pub name_sv: String,
    pub name_en: String,
    pub description_fi: String,
    pub description_sv: String,
    pub description_en: String,
    pub duration_minutes: i32,
    pub modes: String,
    pub buffer_before_minutes: i32,
    pub buffer_after_minutes: i32,
    pub min_notice_minutes: i32,
    pub booking_window_days: i32,
    pub cancellation_cutoff_minutes: i32,
    pub questions: String,
    pub ground_rules: Option<String>,
    pub active: bool,
    pub created_at: NaiveDateTime,
}

impl ServiceRow {
    /// A row from checked input.
    pub fn from_input(
        id: String,
        library_id: String,
        input: &ServiceInput,
        modes: &[SessionMode],
        now: NaiveDateTime,
    ) -> Self {
        ServiceRow {
            id,
            library_id,
            name_fi: input.name.fi.trim().to_owned(),
            name_sv: input.name.sv.trim().to_owned(),
            name_en: input.name.en.trim().to_owned(),
            description_fi: input.description.fi.trim().to_owned(),
            description_sv: input.description.sv.trim().to_owned(),
            description_en: input.description.en.trim().to_owned(),
            duration_minutes: input.duration_minutes as i32,
            modes: modes
                .iter()
                .map(|m| m.as_str())
                .collect::<Vec<_>>()
                .join(","),
            buffer_before_minutes: input.buffer_before_minutes as i32,
            buffer_after_minutes: input.buffer_after_minutes as i32,
            min_notice_minutes: input.min_notice_minutes as i32,
            booking_window_days: input.booking_window_days as i32,
            cancellation_cutoff_minutes: input.cancellation_cutoff_minutes as i32,
            questions: serde_json::to_string(&input.questions).unwrap_or_else(|_| "[]".into()),
            ground_rules: input
                .ground_rules
                .as_ref()
                .and_then(|g| serde_json::to_string(g).ok()),
            active: input.active,
            created_at: now,
        }
    }

    /// The service's timing rules.
    pub fn timing(&self) -> Timing {
        Timing {
            duration: i64::from(self.duration_minutes),
            buffer_before: i64::from(self.buffer_before_minutes),
            buffer_after: i64::from(self.buffer_after_minutes),
            min_notice: i64::from(self.min_notice_minutes),
            window_days: i64::from(self.booking_window_days),
        }
    }

    /// The modes offered.
    pub fn mode_list(&self) -> Vec<SessionMode> {
        self.modes
            .split(',')
            .filter_map(SessionMode::parse)
            .collect()
    }

    /// The wire form, with the library's slug.
    pub fn into_wire(self, library: String) -> Service {
        let modes = self.mode_list();
        Service {
            id: self.id,
            library,
            name: Localized {
                fi: self.name_fi,
                sv: self.name_sv,
                en: self.name_en,
            },
            description: Localized {
                fi: self.description_fi,
                sv: self.description_sv,
                en: self.description_en,
            },
            duration_minutes: self.duration_minutes as u32,
            modes,
            buffer_before_minutes: self.buffer_before_minutes as u32,
            buffer_after_minutes: self.buffer_after_minutes as u32,
            min_notice_minutes: self.min_notice_minutes as u32,
            booking_window_days: self.booking_window_days as u32,
            cancellation_cutoff_minutes: self.cancellation_cutoff_minutes as u32,
            questions: serde_json::from_str(&self.questions).unwrap_or_default(),
            ground_rules: self
                .ground_rules
                .and_then(|g| serde_json::from_str(&g).ok()),
            active: self.active,
        }
    }
}

/// Inserts a session type.
pub fn insert(conn: &mut DbConnection, row: &ServiceRow) -> QueryResult<()> {
    diesel::insert_into(services::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// Replaces a session type's settings (keeps its id, library and creation time).
pub fn update(conn: &mut DbConnection, row: &ServiceRow) -> QueryResult<()> {
    diesel::update(services::table.find(&row.id))
        .set((
            services::name_fi.eq(&row.name_fi),
            services::name_sv.eq(&row.name_sv),
            services::name_en.eq(&row.name_en),
            services::description_fi.eq(&row.description_fi),
            services::description_sv.eq(&row.description_sv),
            services::description_en.eq(&row.description_en),
            services::duration_minutes.eq(row.duration_minutes),
            services::modes.eq(&row.modes),
            services::buffer_before_minutes.eq(row.buffer_before_minutes),
            services::buffer_after_minutes.eq(row.buffer_after_minutes),
            services::min_notice_minutes.eq(row.min_notice_minutes),
            services::booking_window_days.eq(row.booking_window_days),
            services::cancellation_cutoff_minutes.eq(row.cancellation_cutoff_minutes),
            services::questions.eq(&row.questions),
            services::ground_rules.eq(&row.ground_rules),
            services::active.eq(row.active),
        ))
        .execute(conn)
        .map(|_| ())
}

/// A session type with its library's slug.
pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<(ServiceRow, String)>> {
    if !etakirjasto_shared::validate::is_id(id) {
        return Ok(None);
    }
    services::table
        .inner_join(libraries::table)
        .filter(services::id.eq(id))
        .select((ServiceRow::as_select(), libraries::slug))
        .first(conn)
        .optional()
}

/// A session type with its library's time zone.
pub fn find_with_time_zone(
    conn: &mut DbConnection,
    id: &str,
) -> QueryResult<Option<(ServiceRow, String)>> {
    if !etakirjasto_shared::validate::is_id(id) {
        return Ok(None);
    }
    services::table
        .inner_join(libraries::table)
        .filter(services::id.eq(id))
        .select((ServiceRow::as_select(), libraries::time_zone))
        .first(conn)
        .optional()
}

/// Session types ordered by id after `after`, optionally of one library and only active ones.
pub fn list(
    conn: &mut DbConnection,
    library: Option<&str>,
    active_only: bool,
    after: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<(ServiceRow, String)>> {
    let mut q = services::table
        .inner_join(libraries::table)
        .select((ServiceRow::as_select(), libraries::slug))
        .order(services::id)
        .limit(limit)
        .into_boxed();
    if let Some(slug) = library {
        q = q.filter(libraries::slug.eq(slug.to_owned()));
    }
    if active_only {
        q = q.filter(services::active.eq(true));
    }
    if let Some(a) = after {
        q = q.filter(services::id.gt(a.to_owned()));
    }
    q.load(conn)
}

/// Replaces who delivers a service.
pub fn set_staff(
    conn: &mut DbConnection,
    service_id: &str,
    staff_ids: &[String],
) -> QueryResult<()> {
    diesel::delete(service_staff::table.filter(service_staff::service_id.eq(service_id)))
        .execute(conn)?;
    for id in staff_ids {
        diesel::insert_into(service_staff::table)
            .values((
                service_staff::service_id.eq(service_id),
                service_staff::staff_id.eq(id),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Who delivers a service, sorted by id.
pub fn staff_of(conn: &mut DbConnection, service_id: &str) -> QueryResult<Vec<String>> {
    service_staff::table
        .filter(service_staff::service_id.eq(service_id))
        .order(service_staff::staff_id)
        .select(service_staff::staff_id)
        .load(conn)
}

/// Replaces a staff member's availability in a library.
pub fn set_availability(
    conn: &mut DbConnection,
    library_id: &str,
    staff_id: &str,
    a: &CheckedAvailability,
) -> QueryResult<()> {
    diesel::delete(
        availability_weekly::table.filter(
            availability_weekly::library_id
                .eq(library_id)
                .and(availability_weekly::staff_id.eq(staff_id)),
        ),
    )
    .execute(conn)?;
    diesel::delete(
        availability_exceptions::table.filter(
            availability_exceptions::library_id
                .eq(library_id)
                .and(availability_exceptions::staff_id.eq(staff_id)),
        ),
    )
    .execute(conn)?;
    for (weekday, iv) in &a.weekly {
        diesel::insert_into(availability_weekly::table)
            .values((
                availability_weekly::id.eq(uuid::Uuid::new_v4().to_string()),
                availability_weekly::library_id.eq(library_id),
                availability_weekly::staff_id.eq(staff_id),
                availability_weekly::weekday.eq(*weekday as i32),
                availability_weekly::start_minute.eq(iv.start as i32),
                availability_weekly::end_minute.eq(iv.end as i32),
            ))
            .execute(conn)?;
    }
    for (date, available, iv) in &a.exceptions {
        diesel::insert_into(availability_exceptions::table)
            .values((
                availability_exceptions::id.eq(uuid::Uuid::new_v4().to_string()),
                availability_exceptions::library_id.eq(library_id),
                availability_exceptions::staff_id.eq(staff_id),
                availability_exceptions::day.eq(date.format("%Y-%m-%d").to_string()),
                availability_exceptions::available.eq(*available),
                availability_exceptions::start_minute.eq(iv.start as i32),
                availability_exceptions::end_minute.eq(iv.end as i32),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// A staff member's availability rows in a library.
pub fn availability(
    conn: &mut DbConnection,
    library_id: &str,
    staff_id: &str,
) -> QueryResult<CheckedAvailability> {
    let weekly: Vec<(i32, i32, i32)> = availability_weekly::table
        .filter(
            availability_weekly::library_id
                .eq(library_id)
                .and(availability_weekly::staff_id.eq(staff_id)),
        )
        .order((
            availability_weekly::weekday,
            availability_weekly::start_minute,
        ))
        .select((
            availability_weekly::weekday,
            availability_weekly::start_minute,
            availability_weekly::end_minute,
        ))
        .load(conn)?;
    let exceptions: Vec<(String, bool, i32, i32)> = availability_exceptions::table
        .filter(
            availability_exceptions::library_id
                .eq(library_id)
                .and(availability_exceptions::staff_id.eq(staff_id)),
        )
        .order((
            availability_exceptions::day,
            availability_exceptions::start_minute,
        ))
        .select((
            availability_exceptions::day,
            availability_exceptions::available,
            availability_exceptions::start_minute,
            availability_exceptions::end_minute,
        ))
        .load(conn)?;
    Ok(CheckedAvailability {
        weekly: weekly
            .into_iter()
            .map(|(d, s, e)| {
                (
                    d as u32,
                    DayInterval {
                        start: s as u32,
                        end: e as u32,
                    },
                )
            })
            .collect(),
        exceptions: exceptions
            .into_iter()
            .filter_map(|(day, available, s, e)| {
                let date = NaiveDate::parse_from_str(&day, "%Y-%m-%d").ok()?;
                Some((
                    date,
                    available,
                    DayInterval {
                        start: s as u32,
                        end: e as u32,
                    },
                ))
            })
            .collect(),
    })
}

/// The wire form of availability.
pub fn availability_to_wire(library: String, a: CheckedAvailability) -> Availability {
    Availability {
        library,
        weekly: a
            .weekly
            .into_iter()
            .map(|(d, iv)| WeeklyInterval {
                weekday: d as u8,
                start: format_clock(iv.start),
                end: format_clock(iv.end),
            })
            .collect(),
        exceptions: a
            .exceptions
            .into_iter()
            .map(|(date, available, iv)| {
                let whole_day = !available && iv.start == 0 && iv.end == 1440;
                AvailabilityException {
                    date: date.format("%Y-%m-%d").to_string(),
                    kind: if available {
                        ExceptionKind::Available
                    } else {
                        ExceptionKind::Unavailable
                    },
                    start: (!whole_day).then(|| format_clock(iv.start)),
                    end: (!whole_day).then(|| format_clock(iv.end)),
                }
            })
            .collect(),
    }
}

/// The library's closing days.
pub fn closures(conn: &mut DbConnection, library_id: &str) -> QueryResult<HashSet<NaiveDate>> {
    let days: Vec<String> = library_closures::table
        .filter(library_closures::library_id.eq(library_id))
        .select(library_closures::day)
        .load(conn)?;
    Ok(days
        .iter()
        .filter_map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .collect())
}

/// The intervals a staff member is held by live bookings that overlap `[from, to)`, leaving out the
/// booking `except` (the one being moved).
pub fn busy(
    conn: &mut DbConnection,
    staff_id: &str,
    from: NaiveDateTime,
    to: NaiveDateTime,
    except: Option<&str>,
) -> QueryResult<Vec<(DateTime<Utc>, DateTime<Utc>)>> {
    let rows: Vec<(NaiveDateTime, NaiveDateTime)> = bookings::table
        .filter(bookings::staff_id.eq(staff_id))
        .filter(bookings::status.ne("cancelled"))
        .filter(bookings::blocked_from.lt(to))
        .filter(bookings::blocked_until.gt(from))
        .filter(bookings::id.ne(except.unwrap_or("")))
        .select((bookings::blocked_from, bookings::blocked_until))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(f, u)| (f.and_utc(), u.and_utc()))
        .collect())
}

/// Calendars of the service's staff for `[from, to)` (bookings widened by a day for buffers),
/// leaving out the booking `except`: only the staff offered (see [`crate::training`]). Six queries
/// however many staff there are.
pub fn calendars(
    conn: &mut DbConnection,
    service: &ServiceRow,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    except: Option<&str>,
) -> QueryResult<Vec<StaffCalendar>> {
    let pad = chrono::Duration::days(1);
    let mut staff = staff_of(conn, &service.id)?;
    // Once a training module is required for the service, only the staff an admin signed off as
    // competent for it are offered.
    if !staff.is_empty() && crate::training::queries::requires_training(conn, &service.id)? {
        let competent = crate::training::queries::competent_for(conn, &service.id)?;
        staff.retain(|s| competent.contains(s));
    }
    if staff.is_empty() {
        return Ok(Vec::new());
    }
    let weekly: Vec<(String, i32, i32, i32)> = availability_weekly::table
        .filter(availability_weekly::library_id.eq(&service.library_id))
        .filter(availability_weekly::staff_id.eq_any(&staff))
        .order((
            availability_weekly::weekday,
            availability_weekly::start_minute,
        ))
        .select((
            availability_weekly::staff_id,
            availability_weekly::weekday,
            availability_weekly::start_minute,
            availability_weekly::end_minute,
        ))
        .load(conn)?;
    let exceptions: Vec<(String, String, bool, i32, i32)> = availability_exceptions::table
        .filter(availability_exceptions::library_id.eq(&service.library_id))
        .filter(availability_exceptions::staff_id.eq_any(&staff))
        .filter(availability_exceptions::day.ge((from - pad).format("%Y-%m-%d").to_string()))
        .filter(availability_exceptions::day.le((to + pad).format("%Y-%m-%d").to_string()))
        .select((
            availability_exceptions::staff_id,
            availability_exceptions::day,
            availability_exceptions::available,
            availability_exceptions::start_minute,
            availability_exceptions::end_minute,
        ))
        .load(conn)?;
    let busy: Vec<(String, NaiveDateTime, NaiveDateTime)> = bookings::table
        .filter(bookings::staff_id.eq_any(&staff))
        .filter(bookings::status.ne("cancelled"))
        .filter(bookings::blocked_from.lt((to + pad).naive_utc()))
        .filter(bookings::blocked_until.gt((from - pad).naive_utc()))
        .filter(bookings::id.ne(except.unwrap_or("")))
        .select((
            bookings::staff_id,
            bookings::blocked_from,
            bookings::blocked_until,
        ))
        .load(conn)?;
    let interval = |s: i32, e: i32| DayInterval {
        start: s as u32,
        end: e as u32,
    };
    Ok(staff
        .into_iter()
        .map(|staff_id| StaffCalendar {
            weekly: weekly
                .iter()
                .filter(|w| w.0 == staff_id)
                .map(|(_, d, s, e)| (*d as u32, interval(*s, *e)))
                .collect(),
            exceptions: exceptions
                .iter()
                .filter(|x| x.0 == staff_id)
                .filter_map(|(_, day, available, s, e)| {
                    let date = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
                    Some((date, *available, interval(*s, *e)))
                })
                .collect(),
            busy: busy
                .iter()
                .filter(|b| b.0 == staff_id)
                .map(|(_, f, u)| (f.and_utc(), u.and_utc()))
                .collect(),
            staff_id,
        })
        .collect())
}

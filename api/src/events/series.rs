//! Series of events as plain functions over a connection: create one from a repeat rule, read it,
//! cancel what is left of it, and register for every upcoming occurrence at once.
//!
//! Each occurrence is an ordinary event (its own seats, waiting list and registrations) that names
//! its series, so staff can move or cancel one through the event endpoints without touching the rest.

use chrono::{DateTime, Utc};
use etakirjasto_shared::{
    ErrorCode, Event, EventInput, EventSeries, EventStatus, NewRegistration, Occurrence, Repeat,
    SeriesRegistration, SkippedOccurrence,
};

use super::{
    queries::{self, EventRow, SeriesRow},
    recurrence,
    service::{self, is_open, local, tz_of},
};
use crate::{
    auth::{AuthUser, extract::role_refused},
    db::{DbConnection, write_tx},
    error::ApiError,
    libraries::queries::LibraryRow,
};

/// Creates a series and all its occurrences in one transaction; answers with the first occurrence.
/// The caller has checked the input, that the user is staff of `library` and the branch.
pub fn create(
    conn: &mut DbConnection,
    library: LibraryRow,
    input: EventInput,
    repeat: Repeat,
    now: DateTime<Utc>,
) -> Result<Event, ApiError> {
    let (series, rows) = plan(&library, &input, &repeat, now)?;
    write_tx(conn, |conn| insert(conn, &series, &rows))?;
    Ok(service::to_wire(
        rows[0].clone(),
        library.slug,
        &library.time_zone,
        &Default::default(),
        true,
        now,
    ))
}

/// The rows of a new series: the series and one event per occurrence, in time order.
pub fn plan(
    library: &LibraryRow,
    input: &EventInput,
    repeat: &Repeat,
    now: DateTime<Utc>,
) -> Result<(SeriesRow, Vec<EventRow>), ApiError> {
    let tz = tz_of(&library.time_zone);
    let start = input.start.with_timezone(&Utc);
    let end = input.end.with_timezone(&Utc);
    let times = recurrence::occurrences(repeat, start, end, tz).map_err(ApiError::invalid)?;
    let series = SeriesRow {
        id: uuid::Uuid::new_v4().to_string(),
        library_id: library.id.clone(),
        repeat_rule: serde_json::to_string(repeat)
            .map_err(|e| ApiError::internal(e.to_string()))?,
        created_at: now.naive_utc(),
    };
    let rows = times
        .iter()
        .map(|(s, e)| {
            let mut row = service::row_from_input(
                uuid::Uuid::new_v4().to_string(),
                library.id.clone(),
                input,
                now.naive_utc(),
            );
            // Registration opens and closes as long before each occurrence as before the first.
            let shift = *s - start;
            row.starts_at = s.naive_utc();
            row.ends_at = e.naive_utc();
            row.registration_opens_at = row.registration_opens_at.map(|o| o + shift);
            row.registration_closes_at = row.registration_closes_at.map(|c| c + shift);
            row.series_id = Some(series.id.clone());
            row
        })
        .collect();
    Ok((series, rows))
}

/// Writes a planned series (inside the caller's transaction).
pub fn insert(
    conn: &mut DbConnection,
    series: &SeriesRow,
    rows: &[EventRow],
) -> Result<(), ApiError> {
    queries::insert_series(conn, series)?;
    let now = Utc::now();
    for row in rows {
        queries::insert(conn, row)?;
        crate::partners::webhooks::event(
            conn,
            row,
            etakirjasto_shared::WebhookKind::EventCreated,
            now,
        )?;
    }
    Ok(())
}

/// A series with every occurrence.
pub fn get(conn: &mut DbConnection, id: &str, now: DateTime<Utc>) -> Result<EventSeries, ApiError> {
    let (series, slug, time_zone) =
        queries::find_series(conn, id)?.ok_or_else(ApiError::not_found)?;
    let tz = tz_of(&time_zone);
    let occurrences = queries::occurrences(conn, id)?
        .into_iter()
        .map(|row| Occurrence {
            registration_open: is_open(&row, now),
            start: local(row.starts_at, tz),
            end: local(row.ends_at, tz),
            status: EventStatus::parse(&row.status).unwrap_or(EventStatus::Scheduled),
            event_id: row.id,
        })
        .collect();
    Ok(EventSeries {
        repeat: serde_json::from_str(&series.repeat_rule)
            .map_err(|e| ApiError::internal(e.to_string()))?,
        id: series.id,
        library: slug,
        occurrences,
    })
}

/// Cancels every occurrence that has not started (those already held stay as they were).
pub fn cancel(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    now: DateTime<Utc>,
) -> Result<EventSeries, ApiError> {
    let (series, _, _) = queries::find_series(conn, id)?.ok_or_else(ApiError::not_found)?;
    if !user.is_staff_of(&series.library_id) {
        return Err(role_refused(user));
    }
    let upcoming: Vec<String> = queries::occurrences(conn, id)?
        .into_iter()
        .filter(|r| r.starts_at.and_utc() > now && r.status == EventStatus::Scheduled.as_str())
        .map(|r| r.id)
        .collect();
    // Locked in the order of their ids, as series registrations lock them, so the two cannot deadlock.
    let mut upcoming = upcoming;
    upcoming.sort();
    write_tx(conn, |conn| {
        for event_id in &upcoming {
            queries::lock_event(conn, event_id)?;
            // Read again under the lock: one cancelled meanwhile has told its people already.
            let Some((current, _, _)) = queries::find(conn, event_id)? else {
                continue;
            };
            if current.status == EventStatus::Cancelled.as_str() {
                continue;
            }
            queries::cancel(conn, event_id)?;
            crate::partners::webhooks::event(
                conn,
                &current,
                etakirjasto_shared::WebhookKind::EventCancelled,
                now,
            )?;
            crate::messages::outbox::whole_event(
                conn,
                event_id,
                crate::messages::outbox::RegistrationChange::EventCancelled,
                now,
            )?;
        }
        Ok::<_, ApiError>(())
    })?;
    get(conn, id, now)
}

/// Registers for every upcoming occurrence at once, in one transaction: each occurrence confirms or
/// waitlists on its own; occurrences closed for registration, or already registered for, are left
/// out and named. Input that one occurrence refuses (more seats than it has) refuses the whole
/// request and writes nothing.
pub fn register(
    conn: &mut DbConnection,
    user: Option<&AuthUser>,
    id: &str,
    req: NewRegistration,
    now: DateTime<Utc>,
) -> Result<SeriesRegistration, ApiError> {
    queries::find_series(conn, id)?.ok_or_else(ApiError::not_found)?;
    let upcoming: Vec<EventRow> = queries::occurrences(conn, id)?
        .into_iter()
        .filter(|r| r.starts_at.and_utc() > now)
        .collect();
    let mut skipped = Vec::new();
    let mut prepared = Vec::new();
    for event in &upcoming {
        if !is_open(event, now) {
            skipped.push(SkippedOccurrence {
                event_id: event.id.clone(),
                code: ErrorCode::RegistrationClosed,
            });
            continue;
        }
        let (row, token) = service::prepare_registration(user, event, &req, now)?;
        prepared.push((event, row, token));
    }
    if prepared.is_empty() {
        return Err(ApiError::client(ErrorCode::RegistrationClosed)
            .with_detail("No occurrence of this series is open for registration."));
    }
    // Occurrences are locked in the order of their ids (times can change meanwhile), so two series
    // registrations cannot deadlock; the answer is put back in time order below.
    prepared.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    let placed = write_tx(conn, |conn| {
        let mut placed = Vec::new();
        for (event, mut row, token) in prepared {
            match service::place(conn, &mut row, now) {
                Ok(()) => {
                    crate::messages::outbox::registration(
                        conn,
                        event,
                        &row,
                        crate::messages::outbox::RegistrationChange::Placed,
                        token.as_deref(),
                        now,
                    )?;
                    placed.push((event, row.id, token));
                }
                Err(e)
                    if matches!(
                        e.code(),
                        ErrorCode::RegistrationClosed | ErrorCode::Conflict
                    ) =>
                {
                    skipped.push(SkippedOccurrence {
                        event_id: event.id.clone(),
                        code: e.code(),
                    })
                }
                Err(e) => return Err(e),
            }
        }
        Ok(placed)
    })?;
    if placed.is_empty() {
        return Err(ApiError::client(ErrorCode::Conflict)
            .with_detail("You are already registered for every open occurrence."));
    }
    let position = |id: &str| {
        upcoming
            .iter()
            .position(|e| e.id == id)
            .unwrap_or(usize::MAX)
    };
    let mut placed = placed;
    placed.sort_by_key(|(event, _, _)| position(&event.id));
    let mut registrations = Vec::new();
    for (event, registration_id, token) in placed {
        let mut wire = service::stored_registration(conn, event, &registration_id, now)?;
        wire.manage_token = token;
        registrations.push(wire);
    }
    skipped.sort_by_key(|s| position(&s.event_id));
    Ok(SeriesRegistration {
        series_id: id.to_owned(),
        registrations,
        skipped,
    })
}

//! Booking flows as plain functions over a connection: book, read, list, cancel.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use chrono_tz::Tz;
use etakirjasto_shared::{
    Answer, Booking, BookingStatus, ErrorCode, FieldCode, Lang, NewBooking, SessionMode, validate,
};

use super::{
    queries::{self, BookingRow, BookingView},
    rules,
};
use crate::{
    audit::{self, Action},
    auth::{AuthUser, secrets},
    db::{DbConnection, write_tx},
    error::ApiError,
    libraries::queries::find_by_id,
    messages::outbox::{self, BookingChange},
    services::{
        queries::{self as services_q, ServiceRow},
        rules as slot_rules,
    },
};

/// Who is asking: a signed-in person, a guest holding a manage token, or nobody.
#[derive(Debug, Clone)]
pub enum Caller {
    /// Signed in.
    User(AuthUser),
    /// A guest with the secret from their confirmation.
    Guest { token: String },
}

/// A guest's manage token and a signed-in caller's id, for the messages about their change.
fn caller_parts(caller: &Caller) -> (Option<&str>, Option<&str>) {
    match caller {
        Caller::User(u) => (None, Some(u.user_id.as_str())),
        Caller::Guest { token } => (Some(token.as_str()), None),
    }
}

fn tz_of(name: &str) -> Tz {
    name.parse().unwrap_or(chrono_tz::Europe::Helsinki)
}

/// The wire form of a booking; `for_staff` adds the internal note.
pub fn to_wire(view: BookingView, for_staff: bool) -> Booking {
    let BookingView {
        booking: b,
        service,
        library_slug: slug,
        time_zone,
        staff_name,
        patron,
    } = view;
    let tz = tz_of(&time_zone);
    let (contact_name, contact_email, account_phone) = match patron {
        Some((name, email, phone)) => (name, email, phone),
        None => (
            b.guest_name.clone().unwrap_or_default(),
            b.guest_email.clone(),
            None,
        ),
    };
    let cutoff = i64::from(service.cancellation_cutoff_minutes);
    let wire_service = service.into_wire(slug.clone());
    let answers: Vec<String> = serde_json::from_str(&b.answers).unwrap_or_default();
    let start = b.starts_at.and_utc();
    Booking {
        id: b.id,
        service_id: b.service_id,
        service_name: wire_service.name,
        library: slug,
        start: start.with_timezone(&tz).fixed_offset(),
        end: b.ends_at.and_utc().with_timezone(&tz).fixed_offset(),
        mode: SessionMode::parse(&b.mode).unwrap_or(SessionMode::Video),
        status: BookingStatus::parse(&b.status).unwrap_or(BookingStatus::Confirmed),
        staff_id: b.staff_id,
        staff_name,
        contact_name,
        contact_email,
        contact_phone: b.guest_phone.or(account_phone),
        meeting_url: b.meeting_room,
        answers: wire_service
            .questions
            .into_iter()
            .zip(answers)
            .map(|(question, answer)| Answer { question, answer })
            .collect(),
        booked_by_staff: b.booked_by_staff_id.is_some(),
        cancellable_until: rules::cancellable_until(start, cutoff),
        created_at: b.created_at.and_utc(),
        internal_note: if for_staff { b.internal_note } else { None },
        manage_token: None,
    }
}

/// Records in the audit log that staff member `viewer` saw the contact details of these bookings'
/// patrons (their own bookings are not logged: a patron seeing their own data is not an access).
pub fn log_staff_views(
    conn: &mut DbConnection,
    viewer: &AuthUser,
    views: &[&BookingView],
) -> Result<(), ApiError> {
    let now = Utc::now().naive_utc();
    for v in views {
        let b = &v.booking;
        if b.patron_id.as_deref() == Some(viewer.user_id.as_str()) {
            continue;
        }
        audit::record_about(
            conn,
            Some(&viewer.user_id),
            Action::BookingViewed,
            b.patron_id.as_deref(),
            Some(&b.id),
            Some(&b.library_id),
            now,
        )?;
    }
    Ok(())
}

/// The slot at `start` if it is offered now (the booking `except` not counted as busy): 409
/// `slot_taken` when only bookings stand in the way, 422 on `start` when it is never offered.
fn offered_slot(
    conn: &mut DbConnection,
    service: &ServiceRow,
    start: DateTime<Utc>,
    except: Option<&str>,
    now: DateTime<Utc>,
) -> Result<slot_rules::Candidate, ApiError> {
    let library = find_by_id(conn, &service.library_id)?;
    let tz = tz_of(&library.time_zone);
    let timing = service.timing();
    let window = (start, start + Duration::minutes(1));
    let closures = services_q::closures(conn, &service.library_id)?;
    let mut calendars = services_q::calendars(conn, service, window.0, window.1, except)?;
    let offered =
        slot_rules::candidates(timing, &calendars, &closures, tz, window.0, window.1, now);
    if let Some(slot) = offered.into_iter().find(|c| c.start == start) {
        return Ok(slot);
    }
    // Offered when bookings are ignored: someone else was faster. Otherwise never offered.
    calendars.iter_mut().for_each(|c| c.busy.clear());
    let without_bookings =
        slot_rules::candidates(timing, &calendars, &closures, tz, window.0, window.1, now);
    Err(if without_bookings.iter().any(|c| c.start == start) {
        ApiError::client(ErrorCode::SlotTaken)
    } else {
        ApiError::invalid(vec![("start".into(), FieldCode::InvalidChoice)])
    })
}

/// Moves a booking to another offered time of the same service. Patrons and guests may move it until
/// the cut-off; staff at any time. The staff member may change; nothing changes when the new time is
/// taken (409 `slot_taken`).
pub fn reschedule(
    conn: &mut DbConnection,
    caller: &Caller,
    id: &str,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Booking, ApiError> {
    let (
        BookingView {
            booking: mut row,
            service,
            ..
        },
        as_staff,
    ) = visible(conn, caller, id)?;
    if row.status != BookingStatus::Confirmed.as_str()
        || (!as_staff
            && !rules::patron_may_cancel(
                row.starts_at.and_utc(),
                i64::from(service.cancellation_cutoff_minutes),
                now,
            ))
    {
        return Err(ApiError::client(ErrorCode::BookingLocked));
    }
    let slot = offered_slot(conn, &service, start, Some(id), now)?;
    let (blocked_from, blocked_until) = service.timing().blocked(start);
    let previous_staff = row.staff_id.clone();
    let previous_start = row.starts_at.and_utc();
    row.starts_at = start.naive_utc();
    row.ends_at = slot.end.naive_utc();
    row.blocked_from = blocked_from.naive_utc();
    row.blocked_until = blocked_until.naive_utc();
    // Prefer keeping the same staff member when they are free at the new time.
    let mut order = slot.staff_ids.clone();
    order.sort_by_key(|s| *s != row.staff_id);
    let (token, actor) = caller_parts(caller);
    let moved = write_tx(conn, |conn| {
        queries::lock_candidates(conn, &order)?;
        // Under the staff locks: a sign-off taken back meanwhile is seen here.
        let order = crate::training::queries::offered_now(conn, &service.id, &order)?;
        for staff_id in &order {
            row.staff_id = staff_id.clone();
            if queries::move_if_free(conn, &row)? {
                let view = queries::find(conn, id)?.ok_or_else(ApiError::not_found)?;
                crate::partners::webhooks::booking(
                    conn,
                    &view.booking,
                    etakirjasto_shared::WebhookKind::BookingChanged,
                    now,
                )?;
                outbox::booking(
                    conn,
                    &view,
                    BookingChange::Moved,
                    token,
                    actor,
                    Some((previous_staff.as_str(), previous_start)),
                    now,
                )?;
                return Ok(true);
            }
        }
        Ok::<_, ApiError>(false)
    })?;
    if !moved {
        return Err(ApiError::client(ErrorCode::SlotTaken));
    }
    let view = queries::find(conn, id)?.ok_or_else(ApiError::not_found)?;
    if let (true, Caller::User(u)) = (as_staff, caller) {
        log_staff_views(conn, u, &[&view])?;
    }
    Ok(to_wire(view, as_staff))
}

/// Staff record how a session went (held or no-show) and an internal note.
pub fn record_outcome(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    status: Option<BookingStatus>,
    note: Option<String>,
) -> Result<Booking, ApiError> {
    let (_, as_staff) = visible(conn, &Caller::User(user.clone()), id)?;
    if !as_staff {
        return Err(ApiError::forbidden());
    }
    if let Some(s) = status
        && !matches!(s, BookingStatus::Held | BookingStatus::NoShow)
    {
        return Err(ApiError::invalid(vec![(
            "status".into(),
            FieldCode::InvalidChoice,
        )]));
    }
    if let Some(Err(code)) = note.as_deref().map(validate::free_text) {
        return Err(ApiError::invalid(vec![("internal_note".into(), code)]));
    }
    if note
        .as_ref()
        .is_some_and(|n| n.chars().count() > rules::ANSWER_MAX)
    {
        return Err(ApiError::invalid(vec![(
            "internal_note".into(),
            FieldCode::TooLong,
        )]));
    }
    queries::set_outcome(conn, id, status.map(BookingStatus::as_str), note.as_deref())?;
    let view = queries::find(conn, id)?.ok_or_else(ApiError::not_found)?;
    log_staff_views(conn, user, &[&view])?;
    Ok(to_wire(view, true))
}

/// Books a session for a signed-in patron or a guest.
pub fn book(
    conn: &mut DbConnection,
    user: Option<&AuthUser>,
    req: NewBooking,
    meeting_base: &str,
    now: DateTime<Utc>,
) -> Result<Booking, ApiError> {
    if !validate::is_id(&req.service_id) {
        return Err(ApiError::invalid(vec![(
            "service_id".into(),
            FieldCode::InvalidChoice,
        )]));
    }
    let (service_row, slug) = services_q::find(conn, &req.service_id)?
        .ok_or_else(|| ApiError::invalid(vec![("service_id".into(), FieldCode::InvalidChoice)]))?;
    if !service_row.active {
        return Err(ApiError::invalid(vec![(
            "service_id".into(),
            FieldCode::InvalidChoice,
        )]));
    }
    // Staff of the library who name someone else book on that person's behalf, like a guest booking
    // recorded as made by staff, and only with the patron's consent noted.
    let on_behalf = user.filter(|u| u.is_staff_of(&service_row.library_id) && req.name.is_some());
    if on_behalf.is_some() && !req.patron_consent {
        return Err(ApiError::invalid(vec![(
            "patron_consent".into(),
            FieldCode::Required,
        )]));
    }
    let account = match user {
        Some(u) if on_behalf.is_none() => Some(crate::auth::queries::find_user(conn, &u.user_id)?),
        _ => None,
    };
    let service = service_row.clone().into_wire(slug.clone());
    let account_view = account
        .as_ref()
        .map(|a| (a.name.as_str(), a.email.as_deref(), a.phone.as_deref()));
    let (contact, answers) =
        rules::check(&req, &service, account_view).map_err(ApiError::invalid)?;

    // The requested time must be one the slots endpoint offers now.
    let start = req.start.with_timezone(&Utc);
    let timing = service_row.timing();
    let slot = offered_slot(conn, &service_row, start, None, now)?;

    let manage_token = account.is_none().then(secrets::random_token);
    let (blocked_from, blocked_until) = timing.blocked(start);
    let naive = now.naive_utc();
    let id = uuid::Uuid::new_v4().to_string();
    let mut row = BookingRow {
        id: id.clone(),
        library_id: service_row.library_id.clone(),
        service_id: service_row.id.clone(),
        staff_id: String::new(),
        patron_id: account.as_ref().map(|a| a.id.clone()),
        guest_name: account.is_none().then(|| contact.name.clone()),
        guest_email: if account.is_none() {
            contact.email.clone()
        } else {
            None
        },
        guest_phone: if req.mode == SessionMode::Phone {
            contact.phone.clone()
        } else {
            None
        },
        manage_token_hash: manage_token.as_deref().map(secrets::token_hash),
        mode: req.mode.as_str().to_owned(),
        starts_at: start.naive_utc(),
        ends_at: slot.end.naive_utc(),
        blocked_from: blocked_from.naive_utc(),
        blocked_until: blocked_until.naive_utc(),
        status: BookingStatus::Confirmed.as_str().to_owned(),
        answers: serde_json::to_string(&answers).unwrap_or_else(|_| "[]".into()),
        meeting_room: (req.mode == SessionMode::Video).then(|| meeting_room(meeting_base)),
        language: req.language.unwrap_or(Lang::Fi).code().to_owned(),
        booked_by_staff_id: on_behalf.map(|u| u.user_id.clone()),
        internal_note: None,
        created_at: naive,
        cancelled_at: None,
    };
    // Try the free staff members in turn; each attempt locks that staff member and re-checks.
    let actor = user.map(|u| u.user_id.as_str());
    let booked = write_tx(conn, |conn| {
        queries::lock_candidates(conn, &slot.staff_ids)?;
        // Under the staff locks: a sign-off taken back meanwhile is seen here.
        let offered =
            crate::training::queries::offered_now(conn, &service_row.id, &slot.staff_ids)?;
        for staff_id in &offered {
            row.staff_id = staff_id.clone();
            if queries::insert_if_free(conn, &row)? {
                let view = queries::find(conn, &id)?
                    .ok_or_else(|| ApiError::internal("booking vanished"))?;
                crate::partners::webhooks::booking(
                    conn,
                    &view.booking,
                    etakirjasto_shared::WebhookKind::BookingCreated,
                    now,
                )?;
                outbox::booking(
                    conn,
                    &view,
                    BookingChange::Made,
                    manage_token.as_deref(),
                    actor,
                    None,
                    now,
                )?;
                return Ok(true);
            }
        }
        Ok::<_, ApiError>(false)
    })?;
    if !booked {
        return Err(ApiError::client(ErrorCode::SlotTaken));
    }
    let view = queries::find(conn, &id)?.ok_or_else(|| ApiError::internal("booking vanished"))?;
    let mut booking = to_wire(view, false);
    booking.manage_token = manage_token;
    Ok(booking)
}

/// A booking the caller may see: its patron, the guest with its token, or staff of its library.
/// Anyone else gets 404, so they cannot even learn that it exists.
pub fn visible(
    conn: &mut DbConnection,
    caller: &Caller,
    id: &str,
) -> Result<(BookingView, bool), ApiError> {
    if !validate::is_id(id) {
        return Err(ApiError::not_found());
    }
    let view = queries::find(conn, id)?.ok_or_else(ApiError::not_found)?;
    let b = &view.booking;
    let (allowed, as_staff) = match caller {
        Caller::User(u) => {
            let staff = u.is_staff_of(&b.library_id);
            (
                staff || b.patron_id.as_deref() == Some(u.user_id.as_str()),
                staff,
            )
        }
        Caller::Guest { token } => (
            queries::id_by_token(conn, &secrets::token_hash(token))?.as_deref() == Some(id),
            false,
        ),
    };
    if allowed {
        Ok((view, as_staff))
    } else {
        Err(ApiError::not_found())
    }
}

/// Reads a booking the caller may see (logging a staff member's view of the patron's details), with
/// its library's id.
pub fn read(
    conn: &mut DbConnection,
    caller: &Caller,
    id: &str,
) -> Result<(Booking, String), ApiError> {
    let (view, as_staff) = visible(conn, caller, id)?;
    if let (true, Caller::User(u)) = (as_staff, caller) {
        log_staff_views(conn, u, &[&view])?;
    }
    let library_id = view.booking.library_id.clone();
    Ok((to_wire(view, as_staff), library_id))
}

/// Cancels a booking. Patrons and guests may cancel until the service's cut-off; staff at any time.
pub fn cancel(
    conn: &mut DbConnection,
    caller: &Caller,
    id: &str,
    now: DateTime<Utc>,
) -> Result<Booking, ApiError> {
    let (
        BookingView {
            booking: b,
            service,
            ..
        },
        as_staff,
    ) = visible(conn, caller, id)?;
    let locked = || ApiError::client(ErrorCode::BookingLocked);
    if b.status != BookingStatus::Confirmed.as_str() {
        return Err(locked());
    }
    if !as_staff
        && !rules::patron_may_cancel(
            b.starts_at.and_utc(),
            i64::from(service.cancellation_cutoff_minutes),
            now,
        )
    {
        return Err(locked());
    }
    let (_, actor) = caller_parts(caller);
    write_tx(conn, |conn| {
        if !queries::cancel(conn, id, now.naive_utc())? {
            return Err(locked());
        }
        let view = queries::find(conn, id)?.ok_or_else(ApiError::not_found)?;
        crate::partners::webhooks::booking(
            conn,
            &view.booking,
            etakirjasto_shared::WebhookKind::BookingCancelled,
            now,
        )?;
        outbox::booking(
            conn,
            &view,
            BookingChange::Cancelled,
            None,
            actor,
            None,
            now,
        )
    })?;
    let view = queries::find(conn, id)?.ok_or_else(ApiError::not_found)?;
    if let (true, Caller::User(u)) = (as_staff, caller) {
        log_staff_views(conn, u, &[&view])?;
    }
    Ok(to_wire(view, as_staff))
}

/// Every booking of a patron, as the patron sees them (for the data export).
pub fn of_patron(conn: &mut DbConnection, patron_id: &str) -> Result<Vec<Booking>, ApiError> {
    let filter = queries::Filter {
        patron_id: Some(patron_id.to_owned()),
        ..Default::default()
    };
    Ok(queries::list(conn, &filter, None, i64::MAX)?
        .into_iter()
        .map(|v| to_wire(v, false))
        .collect())
}

/// Bookings the user may list: their own, or with `library` their library's when they are staff there.
pub fn list_filter(
    user: &AuthUser,
    library_id: Option<&str>,
    mut filter: queries::Filter,
) -> Result<queries::Filter, ApiError> {
    match library_id {
        Some(lib) if user.is_staff_of(lib) => filter.library_ids = Some(vec![lib.to_owned()]),
        Some(_) => return Err(crate::auth::extract::role_refused(user)),
        None => {
            let staff_libraries: Vec<String> = user
                .memberships
                .iter()
                .filter(|m| m.role.is_staff())
                .map(|m| m.library_id.clone())
                .collect();
            if staff_libraries.is_empty() || filter.patron_id.is_some() {
                filter.patron_id = Some(user.user_id.clone());
            } else {
                filter.library_ids = Some(staff_libraries);
            }
        }
    }
    Ok(filter)
}

/// Parses a list cursor `(start, id)`.
pub fn decode_cursor(raw: &str) -> Option<(NaiveDateTime, String)> {
    let (start, id) = raw.split_once('|')?;
    Some((
        NaiveDateTime::parse_from_str(start, "%Y-%m-%dT%H:%M:%S%.f").ok()?,
        id.to_owned(),
    ))
}

/// Encodes a list cursor.
pub fn encode_cursor(start: NaiveDateTime, id: &str) -> String {
    format!("{}|{id}", start.format("%Y-%m-%dT%H:%M:%S%.f"))
}

/// A new unguessable video room under the configured meeting service.
pub fn meeting_room(meeting_base: &str) -> String {
    format!(
        "{meeting_base}/etakirjasto-{}",
        secrets::random_token()
            .to_ascii_lowercase()
            .replace(['-', '_'], "")
    )
}

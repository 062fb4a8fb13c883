//! Event flows as plain functions over a connection: create, change, cancel, list, read, register,
//! cancel a registration and promote from the waiting list.

use chrono::{DateTime, FixedOffset, NaiveDateTime, Utc};
use chrono_tz::Tz;
use diesel::prelude::*;
use etakirjasto_shared::{
    Audience, ErrorCode, Event, EventCategory, EventInput, EventMode, EventStatus, FieldCode,
    Localized, MyRegistration, NewRegistration, Registration, RegistrationStatus, SeatType, Seats,
    WebhookKind,
};

use super::{
    queries::{self, EventRow, RegistrationRow, RegistrationView},
    rules,
};
use crate::{
    audit::{self, Action},
    auth::{AuthUser, extract::role_refused, secrets},
    bookings::service::Caller,
    db::{DbConnection, write_tx},
    error::ApiError,
    libraries::queries::{LibraryRow, find_by_slug},
    messages::outbox::{self, RegistrationChange},
    schema::branches,
};

pub(crate) fn tz_of(name: &str) -> Tz {
    name.parse().unwrap_or(chrono_tz::Europe::Helsinki)
}

pub(crate) fn local(t: NaiveDateTime, tz: Tz) -> DateTime<FixedOffset> {
    t.and_utc().with_timezone(&tz).fixed_offset()
}

fn text(json: &str) -> Localized {
    serde_json::from_str(json).unwrap_or_default()
}

fn json(value: &Localized) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// The library named by `slug` if the user is staff there.
pub(crate) fn staff_library(
    conn: &mut DbConnection,
    user: &AuthUser,
    slug: &str,
) -> Result<LibraryRow, ApiError> {
    let library = find_by_slug(conn, slug)?
        .ok_or_else(|| ApiError::invalid(vec![("library".into(), FieldCode::InvalidChoice)]))?;
    if !user.is_staff_of(&library.id) {
        return Err(role_refused(user));
    }
    Ok(library)
}

/// A stored event from checked input.
pub fn row_from_input(
    id: String,
    library_id: String,
    input: &EventInput,
    now: NaiveDateTime,
) -> EventRow {
    let utc = |t: DateTime<FixedOffset>| t.with_timezone(&Utc).naive_utc();
    EventRow {
        id,
        library_id,
        title: json(&input.title),
        description: json(&input.description),
        category: input.category.as_str().into(),
        audience: input.audience.as_str().into(),
        starts_at: utc(input.start),
        ends_at: utc(input.end),
        mode: input.mode.as_str().into(),
        branch_id: input.branch.clone(),
        room: input.room.as_deref().map(str::trim).map(str::to_owned),
        join_url: input.join_url.clone(),
        join_visible_minutes: input.join_visible_minutes as i32,
        on_site_capacity: input.on_site_capacity as i32,
        online_capacity: input.online_capacity as i32,
        max_seats_per_registration: input.max_seats_per_registration as i32,
        registration_required: input.registration_required,
        registration_opens_at: input.registration_opens.map(utc),
        registration_closes_at: input.registration_closes.map(utc),
        accessibility_note: input.accessibility_note.as_ref().map(json),
        status: EventStatus::Scheduled.as_str().into(),
        created_at: now,
        series_id: None,
    }
}

pub(super) fn check_branch(
    conn: &mut DbConnection,
    library_id: &str,
    input: &EventInput,
) -> Result<(), ApiError> {
    if let Some(b) = &input.branch {
        let found: i64 = branches::table
            .filter(branches::id.eq(b).and(branches::library_id.eq(library_id)))
            .count()
            .get_result(conn)?;
        if found == 0 {
            return Err(ApiError::invalid(vec![(
                "branch".into(),
                FieldCode::InvalidChoice,
            )]));
        }
    }
    Ok(())
}

fn capacity(row: &EventRow, seat: SeatType) -> u32 {
    match seat {
        SeatType::OnSite => row.on_site_capacity.max(0) as u32,
        SeatType::Online => row.online_capacity.max(0) as u32,
    }
}

fn closes(row: &EventRow) -> DateTime<Utc> {
    rules::closes_at(
        row.starts_at.and_utc(),
        row.registration_closes_at.map(|c| c.and_utc()),
    )
}

pub(super) fn is_open(row: &EventRow, now: DateTime<Utc>) -> bool {
    row.registration_required
        && rules::registration_open(
            row.registration_opens_at.map(|o| o.and_utc()),
            closes(row),
            row.status == EventStatus::Cancelled.as_str(),
            now,
        )
}

/// The wire form of an event; `join` adds the video link.
pub fn to_wire(
    row: EventRow,
    slug: String,
    time_zone: &str,
    counts: &std::collections::HashMap<(String, String), (u32, u32)>,
    join: bool,
    now: DateTime<Utc>,
) -> Event {
    let tz = tz_of(time_zone);
    let mode = EventMode::parse(&row.mode).unwrap_or(EventMode::OnSite);
    let seats = |seat: SeatType| {
        mode.seat_types().contains(&seat).then(|| {
            let (taken, waiting) = counts
                .get(&(row.id.clone(), seat.as_str().to_owned()))
                .copied()
                .unwrap_or_default();
            Seats {
                capacity: capacity(&row, seat),
                taken,
                waiting,
            }
        })
    };
    let (on_site, online) = (seats(SeatType::OnSite), seats(SeatType::Online));
    let registration_open = is_open(&row, now);
    let registration_closes = closes(&row);
    Event {
        title: text(&row.title),
        description: text(&row.description),
        category: EventCategory::parse(&row.category).unwrap_or(EventCategory::Other),
        audience: Audience::parse(&row.audience).unwrap_or(Audience::Everyone),
        mode,
        start: local(row.starts_at, tz),
        end: local(row.ends_at, tz),
        branch: row.branch_id,
        room: row.room,
        on_site,
        online,
        max_seats_per_registration: row.max_seats_per_registration.max(1) as u32,
        registration_required: row.registration_required,
        registration_opens: row
            .registration_opens_at
            .map_or(row.created_at.and_utc(), |o| o.and_utc()),
        registration_closes,
        registration_open,
        accessibility_note: row.accessibility_note.as_deref().map(text),
        status: EventStatus::parse(&row.status).unwrap_or(EventStatus::Scheduled),
        join_url: if join { row.join_url } else { None },
        join_visible_minutes: row.join_visible_minutes.max(0) as u32,
        series: row.series_id,
        library: slug,
        id: row.id,
    }
}

/// Creates an event in a library the user is staff of.
pub fn create(
    conn: &mut DbConnection,
    user: &AuthUser,
    input: EventInput,
    now: DateTime<Utc>,
) -> Result<Event, ApiError> {
    let library = staff_library(conn, user, &input.library)?;
    check_branch(conn, &library.id, &input)?;
    if let Some(repeat) = input.repeat.clone() {
        return super::series::create(conn, library, input, repeat, now);
    }
    let row = row_from_input(
        uuid::Uuid::new_v4().to_string(),
        library.id,
        &input,
        now.naive_utc(),
    );
    write_tx(conn, |conn| {
        queries::insert(conn, &row)?;
        crate::partners::webhooks::event(conn, &row, WebhookKind::EventCreated, now)
    })?;
    Ok(to_wire(
        row,
        library.slug,
        &library.time_zone,
        &Default::default(),
        true,
        now,
    ))
}

/// Replaces an event's settings; raised capacity promotes waiting people at once.
pub fn update(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    input: EventInput,
    now: DateTime<Utc>,
) -> Result<Event, ApiError> {
    let (old, slug, _) = queries::find(conn, id)?.ok_or_else(ApiError::not_found)?;
    if !user.is_staff_of(&old.library_id) {
        return Err(role_refused(user));
    }
    if input.library != slug {
        return Err(ApiError::invalid(vec![(
            "library".into(),
            FieldCode::InvalidChoice,
        )]));
    }
    if input.repeat.is_some() {
        // One event changes alone; a series' rule is fixed when it is made.
        return Err(ApiError::invalid(vec![(
            "repeat".into(),
            FieldCode::InvalidChoice,
        )]));
    }
    check_branch(conn, &old.library_id, &input)?;
    let mut row = row_from_input(
        old.id.clone(),
        old.library_id.clone(),
        &input,
        old.created_at,
    );
    row.status = old.status.clone();
    // An occurrence of a series changes alone (moved, or its seats changed); it stays in the series.
    row.series_id = old.series_id.clone();
    let people_told = old.starts_at != row.starts_at
        || old.ends_at != row.ends_at
        || old.mode != row.mode
        || old.branch_id != row.branch_id
        || old.room != row.room
        || old.join_url != row.join_url;
    write_tx(conn, |conn| {
        queries::lock_event(conn, id)?;
        // Read again under the lock: the event may have been cancelled meanwhile, and stays so.
        let (current, _, _) = queries::find(conn, id)?.ok_or_else(ApiError::not_found)?;
        row.status = current.status;
        queries::update(conn, &row)?;
        crate::partners::webhooks::event(conn, &row, WebhookKind::EventChanged, now)?;
        for seat in [SeatType::OnSite, SeatType::Online] {
            promote(conn, &row, seat, now)?;
        }
        if people_told && row.status == EventStatus::Scheduled.as_str() {
            outbox::whole_event(conn, id, RegistrationChange::EventChanged, now)?;
        }
        Ok::<_, ApiError>(())
    })?;
    get(conn, Some(user), id, now)
}

/// Cancels an event: registration closes and everyone registered is told (the registrations stay).
pub fn cancel(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    now: DateTime<Utc>,
) -> Result<Event, ApiError> {
    let (row, _, _) = queries::find(conn, id)?.ok_or_else(ApiError::not_found)?;
    if !user.is_staff_of(&row.library_id) {
        return Err(role_refused(user));
    }
    write_tx(conn, |conn| {
        queries::lock_event(conn, id)?;
        let (current, _, _) = queries::find(conn, id)?.ok_or_else(ApiError::not_found)?;
        if current.status != EventStatus::Cancelled.as_str() {
            queries::cancel(conn, id)?;
            crate::partners::webhooks::event(conn, &current, WebhookKind::EventCancelled, now)?;
            outbox::whole_event(conn, id, RegistrationChange::EventCancelled, now)?;
        }
        Ok::<_, ApiError>(())
    })?;
    get(conn, Some(user), id, now)
}

/// One event; the video link for the library's staff and, in its window, for people registered.
pub fn get(
    conn: &mut DbConnection,
    viewer: Option<&AuthUser>,
    id: &str,
    now: DateTime<Utc>,
) -> Result<Event, ApiError> {
    let (row, slug, tz) = queries::find(conn, id)?.ok_or_else(ApiError::not_found)?;
    let staff = viewer.is_some_and(|u| u.is_staff_of(&row.library_id));
    let registered = match viewer {
        Some(u) => queries::live_of_patron(conn, id, &u.user_id)?
            .is_some_and(|r| r.status == RegistrationStatus::Confirmed.as_str()),
        None => false,
    };
    let join = staff || (registered && link_window(&row, now));
    let counts = queries::seat_counts(conn, std::slice::from_ref(&row.id))?;
    Ok(to_wire(row, slug, &tz, &counts, join, now))
}

fn link_window(row: &EventRow, now: DateTime<Utc>) -> bool {
    row.status == EventStatus::Scheduled.as_str()
        && rules::join_visible(
            row.starts_at.and_utc(),
            row.ends_at.and_utc(),
            row.join_visible_minutes.max(0) as u32,
            now,
        )
}

/// Events matching the filter, with seat counts read in one query; never with video links.
pub fn list(
    conn: &mut DbConnection,
    filter: &queries::Filter,
    after: Option<(NaiveDateTime, String)>,
    limit: i64,
    now: DateTime<Utc>,
) -> Result<Vec<(NaiveDateTime, Event)>, ApiError> {
    let rows = queries::list(conn, filter, after, limit)?;
    let ids: Vec<String> = rows.iter().map(|(r, _, _)| r.id.clone()).collect();
    let counts = queries::seat_counts(conn, &ids)?;
    Ok(rows
        .into_iter()
        .map(|(row, slug, tz)| (row.starts_at, to_wire(row, slug, &tz, &counts, false, now)))
        .collect())
}

/// Promotes waiting registrations of one seat type while seats are free, unless registration has
/// closed or the event has started. Call inside `write_tx` after `lock_event`.
fn promote(
    conn: &mut DbConnection,
    row: &EventRow,
    seat: SeatType,
    now: DateTime<Utc>,
) -> Result<Vec<String>, ApiError> {
    if !is_open(row, now) {
        return Ok(Vec::new());
    }
    let taken = queries::taken(conn, &row.id, seat.as_str())?;
    let free = capacity(row, seat).saturating_sub(taken);
    let chosen = rules::to_promote(free, &queries::waiting(conn, &row.id, seat.as_str())?);
    for id in &chosen {
        queries::set_status(
            conn,
            id,
            RegistrationStatus::Confirmed.as_str(),
            now.naive_utc(),
        )?;
        tracing::info!(registration = %id, "promoted from the waiting list");
        if let Some((promoted, _)) = queries::find_registration(conn, &row.id, id)? {
            outbox::registration(
                conn,
                row,
                &promoted,
                RegistrationChange::Promoted,
                None,
                now,
            )?;
        }
    }
    Ok(chosen)
}

/// The wire form of a registration, with its place in the queue read from the database.
fn registration_to_wire(
    conn: &mut DbConnection,
    view: RegistrationView,
    event: &EventRow,
    now: DateTime<Utc>,
) -> Result<Registration, ApiError> {
    let position = queries::waitlist_position(conn, &view.0)?;
    Ok(registration_wire(view, event, now, position))
}

/// The wire form of a registration with a known place in the queue.
fn registration_wire(
    view: RegistrationView,
    event: &EventRow,
    now: DateTime<Utc>,
    position: Option<u32>,
) -> Registration {
    let (r, account) = view;
    let (name, email, account_phone) = match account {
        Some(a) => a,
        None => (
            r.guest_name.clone().unwrap_or_default(),
            r.guest_email.clone(),
            None,
        ),
    };
    let status = RegistrationStatus::parse(&r.status).unwrap_or(RegistrationStatus::Cancelled);
    let join = status == RegistrationStatus::Confirmed && link_window(event, now);
    Registration {
        id: r.id,
        event_id: r.event_id,
        seat_type: SeatType::parse(&r.seat_type).unwrap_or(SeatType::Online),
        seats: r.seats.max(0) as u32,
        status,
        waitlist_position: position,
        contact_name: name,
        contact_email: email,
        contact_phone: r.guest_phone.or(account_phone),
        needs: r.needs,
        booked_by_staff: r.booked_by_staff_id.is_some(),
        created_at: r.created_at.and_utc(),
        join_url: if join { event.join_url.clone() } else { None },
        manage_token: None,
        attended: r.attended,
    }
}

/// Registers a signed-in patron, a guest, or (staff with the person's consent) someone who phoned.
pub fn register(
    conn: &mut DbConnection,
    user: Option<&AuthUser>,
    event_id: &str,
    req: NewRegistration,
    now: DateTime<Utc>,
) -> Result<Registration, ApiError> {
    let (event, _, _) = queries::find(conn, event_id)?.ok_or_else(ApiError::not_found)?;
    let (mut row, manage_token) = prepare_registration(user, &event, &req, now)?;
    write_tx(conn, |conn| {
        place(conn, &mut row, now)?;
        outbox::registration(
            conn,
            &event,
            &row,
            RegistrationChange::Placed,
            manage_token.as_deref(),
            now,
        )
    })?;
    let mut wire = stored_registration(conn, &event, &row.id, now)?;
    wire.manage_token = manage_token;
    Ok(wire)
}

/// A registration read back after writing, with its place in the queue.
pub(super) fn stored_registration(
    conn: &mut DbConnection,
    event: &EventRow,
    id: &str,
    now: DateTime<Utc>,
) -> Result<Registration, ApiError> {
    let view = queries::find_registration(conn, &event.id, id)?
        .ok_or_else(|| ApiError::internal("registration vanished"))?;
    registration_to_wire(conn, view, event, now)
}

/// Checks a registration request against an event and makes its row (status still to be decided by
/// [`place`]) and, for guests, the manage token.
pub(super) fn prepare_registration(
    user: Option<&AuthUser>,
    event: &EventRow,
    req: &NewRegistration,
    now: DateTime<Utc>,
) -> Result<(RegistrationRow, Option<String>), ApiError> {
    let on_behalf = user.filter(|u| u.is_staff_of(&event.library_id) && req.name.is_some());
    let guest = user.is_none() || on_behalf.is_some();
    let mode = EventMode::parse(&event.mode).unwrap_or(EventMode::OnSite);
    let (contact, needs) = rules::check_registration(
        req,
        mode,
        |seat| capacity(event, seat),
        event.max_seats_per_registration.max(1) as u32,
        guest,
    )
    .map_err(ApiError::invalid)?;
    if on_behalf.is_some() && !req.patron_consent {
        return Err(ApiError::invalid(vec![(
            "patron_consent".into(),
            FieldCode::Required,
        )]));
    }
    if !event.registration_required {
        return Err(ApiError::client(ErrorCode::Conflict)
            .with_detail("This event needs no registration: just come."));
    }
    let manage_token = guest.then(secrets::random_token);
    let row = RegistrationRow {
        id: uuid::Uuid::new_v4().to_string(),
        event_id: event.id.clone(),
        patron_id: if guest {
            None
        } else {
            user.map(|u| u.user_id.clone())
        },
        guest_name: contact.as_ref().map(|c| c.name.clone()),
        guest_email: contact.as_ref().and_then(|c| c.email.clone()),
        guest_phone: contact.as_ref().and_then(|c| c.phone.clone()),
        manage_token_hash: manage_token.as_deref().map(secrets::token_hash),
        seat_type: req.seat_type.as_str().into(),
        seats: req.seats as i32,
        needs,
        status: String::new(),
        waitlist_seq: None,
        booked_by_staff_id: on_behalf.map(|u| u.user_id.clone()),
        language: req.language.unwrap_or_default().code().to_owned(),
        created_at: now.naive_utc(),
        promoted_at: None,
        cancelled_at: None,
        attended: None,
    };
    Ok((row, manage_token))
}

/// Inside `write_tx`: locks the registration's event, checks again that registration is open and
/// the account is not registered already, decides confirmed or waiting, and inserts the row.
pub(super) fn place(
    conn: &mut DbConnection,
    row: &mut RegistrationRow,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let event_id = row.event_id.clone();
    queries::lock_event(conn, &event_id)?;
    // Read again under the lock: the event may have been changed or cancelled meanwhile.
    let (event, _, _) = queries::find(conn, &event_id)?.ok_or_else(ApiError::not_found)?;
    if !is_open(&event, now) {
        return Err(ApiError::client(ErrorCode::RegistrationClosed));
    }
    if let Some(pid) = &row.patron_id
        && queries::live_of_patron(conn, &event_id, pid)?.is_some()
    {
        return Err(ApiError::client(ErrorCode::Conflict)
            .with_detail("You are already registered for this event."));
    }
    let seat = SeatType::parse(&row.seat_type).unwrap_or(SeatType::Online);
    let taken = queries::taken(conn, &event_id, &row.seat_type)?;
    let anyone_waiting = !queries::waiting(conn, &event_id, &row.seat_type)?.is_empty();
    if rules::gets_seats(
        capacity(&event, seat),
        taken,
        row.seats.max(0) as u32,
        anyone_waiting,
    ) {
        row.status = RegistrationStatus::Confirmed.as_str().into();
    } else {
        row.status = RegistrationStatus::Waitlisted.as_str().into();
        row.waitlist_seq = Some(queries::next_seq(conn, &event_id)?);
    }
    queries::insert_registration(conn, row)?;
    Ok(())
}

/// A registration the caller may see: its patron, the guest holding its token, or the library's
/// staff; anyone else gets 404.
fn visible(
    conn: &mut DbConnection,
    caller: &Caller,
    event_id: &str,
    id: &str,
) -> Result<(RegistrationView, EventRow, bool), ApiError> {
    let (event, _, _) = queries::find(conn, event_id)?.ok_or_else(ApiError::not_found)?;
    let view = queries::find_registration(conn, event_id, id)?.ok_or_else(ApiError::not_found)?;
    let (allowed, staff) = match caller {
        Caller::User(u) => {
            let staff = u.is_staff_of(&event.library_id);
            (
                staff || view.0.patron_id.as_deref() == Some(u.user_id.as_str()),
                staff,
            )
        }
        Caller::Guest { token } => (
            queries::id_by_token(conn, &secrets::token_hash(token))?.as_deref() == Some(id),
            false,
        ),
    };
    if !allowed {
        return Err(ApiError::not_found());
    }
    if let (true, Caller::User(u)) = (staff, caller)
        && view.0.patron_id.as_deref() != Some(u.user_id.as_str())
    {
        audit::record_about(
            conn,
            Some(&u.user_id),
            Action::RegistrationViewed,
            view.0.patron_id.as_deref(),
            Some(id),
            Some(&event.library_id),
            Utc::now().naive_utc(),
        )?;
    }
    Ok((view, event, staff))
}

/// Reads a registration (with its place in the queue and, in its window, the video link).
pub fn read_registration(
    conn: &mut DbConnection,
    caller: &Caller,
    event_id: &str,
    id: &str,
    now: DateTime<Utc>,
) -> Result<Registration, ApiError> {
    let (view, event, _) = visible(conn, caller, event_id, id)?;
    registration_to_wire(conn, view, &event, now)
}

/// Cancels a registration: the person until the event starts, staff at any time. A freed seat goes
/// to the first waiting person who fits; cancelling a place on the waiting list promotes nobody.
pub fn cancel_registration(
    conn: &mut DbConnection,
    caller: &Caller,
    event_id: &str,
    id: &str,
    now: DateTime<Utc>,
) -> Result<Registration, ApiError> {
    let (view, event, staff) = visible(conn, caller, event_id, id)?;
    if view.0.status == RegistrationStatus::Cancelled.as_str() {
        return Err(ApiError::client(ErrorCode::Conflict)
            .with_detail("The registration is already cancelled."));
    }
    if !staff && now >= event.starts_at.and_utc() {
        return Err(ApiError::client(ErrorCode::RegistrationClosed));
    }
    write_tx(conn, |conn| {
        queries::lock_event(conn, event_id)?;
        let Some((current, _)) = queries::find_registration(conn, event_id, id)? else {
            return Err(ApiError::not_found());
        };
        if current.status == RegistrationStatus::Cancelled.as_str() {
            return Err(ApiError::client(ErrorCode::Conflict)
                .with_detail("The registration is already cancelled."));
        }
        queries::set_status(
            conn,
            id,
            RegistrationStatus::Cancelled.as_str(),
            now.naive_utc(),
        )?;
        let mut cancelled = current.clone();
        cancelled.status = RegistrationStatus::Cancelled.as_str().into();
        outbox::registration(
            conn,
            &event,
            &cancelled,
            RegistrationChange::Cancelled,
            None,
            now,
        )?;
        if current.status == RegistrationStatus::Confirmed.as_str() {
            let seat = SeatType::parse(&current.seat_type).unwrap_or(SeatType::Online);
            promote(conn, &event, seat, now)?;
        }
        Ok::<_, ApiError>(())
    })?;
    let view = queries::find_registration(conn, event_id, id)?.ok_or_else(ApiError::not_found)?;
    registration_to_wire(conn, view, &event, now)
}

/// Staff write to everyone registered (confirmed or waiting) in their own words; each gets it by
/// their own channel and in their language's wording.
pub fn message_all(
    conn: &mut DbConnection,
    user: &AuthUser,
    event_id: &str,
    input: etakirjasto_shared::EventMessageInput,
    now: DateTime<Utc>,
) -> Result<etakirjasto_shared::EventMessageSent, ApiError> {
    let (event, _, _) = queries::find(conn, event_id)?.ok_or_else(ApiError::not_found)?;
    if !user.is_staff_of(&event.library_id) {
        return Err(role_refused(user));
    }
    let message = input.message.trim().replace("\r\n", "\n");
    let length = message.chars().count();
    let fault = if length == 0 {
        Some(FieldCode::Required)
    } else if length > 2000 {
        Some(FieldCode::TooLong)
    } else if message
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        Some(FieldCode::InvalidFormat)
    } else {
        None
    };
    if let Some(code) = fault {
        return Err(ApiError::invalid(vec![("message".into(), code)]));
    }
    let recipients = write_tx(conn, |conn| {
        outbox::event_message(conn, &event, &message, now)
    })?;
    Ok(etakirjasto_shared::EventMessageSent { recipients })
}

/// The participant list for the library's staff, logged as an access to personal data.
pub fn participants(
    conn: &mut DbConnection,
    user: &AuthUser,
    event_id: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Registration>, ApiError> {
    let (event, _, _) = queries::find(conn, event_id)?.ok_or_else(ApiError::not_found)?;
    if !user.is_staff_of(&event.library_id) {
        return Err(role_refused(user));
    }
    audit::record_about(
        conn,
        Some(&user.user_id),
        Action::ParticipantsViewed,
        None,
        Some(event_id),
        Some(&event.library_id),
        now.naive_utc(),
    )?;
    let views = queries::registrations_of(conn, event_id)?;
    // Places in each seat type's queue, counted here rather than one query a row.
    let mut waiting: Vec<(&str, i64, &str)> = views
        .iter()
        .filter(|(r, _)| r.status == RegistrationStatus::Waitlisted.as_str())
        .filter_map(|(r, _)| {
            r.waitlist_seq
                .map(|s| (r.seat_type.as_str(), s, r.id.as_str()))
        })
        .collect();
    waiting.sort_unstable();
    let mut places = std::collections::HashMap::new();
    let mut last_type = "";
    let mut n = 0u32;
    for (seat, _, id) in waiting {
        if seat != last_type {
            (last_type, n) = (seat, 0);
        }
        n += 1;
        places.insert(id.to_owned(), n);
    }
    Ok(views
        .into_iter()
        .map(|v| {
            let place = places.get(&v.0.id).copied();
            registration_wire(v, &event, now, place)
        })
        .collect())
}

/// The event and registration for a staff action, refusing anyone who is not the library's staff.
fn for_staff(
    conn: &mut DbConnection,
    user: &AuthUser,
    event_id: &str,
    id: &str,
) -> Result<(EventRow, RegistrationRow), ApiError> {
    let (event, _, _) = queries::find(conn, event_id)?.ok_or_else(ApiError::not_found)?;
    if !user.is_staff_of(&event.library_id) {
        return Err(role_refused(user));
    }
    let (row, _) =
        queries::find_registration(conn, event_id, id)?.ok_or_else(ApiError::not_found)?;
    Ok((event, row))
}

/// Records whether a confirmed participant came: the library's staff, once the event has started.
pub fn mark_attendance(
    conn: &mut DbConnection,
    user: &AuthUser,
    event_id: &str,
    id: &str,
    attended: bool,
    now: DateTime<Utc>,
) -> Result<Registration, ApiError> {
    let (event, _) = for_staff(conn, user, event_id, id)?;
    if now < event.starts_at.and_utc() {
        return Err(ApiError::client(ErrorCode::Conflict)
            .with_detail("Attendance is marked once the event has started."));
    }
    write_tx(conn, |conn| {
        // Under the lock, so a cancellation cannot slip in between the check and the mark.
        queries::lock_event(conn, event_id)?;
        let (row, _) =
            queries::find_registration(conn, event_id, id)?.ok_or_else(ApiError::not_found)?;
        if row.status != RegistrationStatus::Confirmed.as_str() {
            return Err(ApiError::client(ErrorCode::Conflict)
                .with_detail("Only confirmed participants are marked."));
        }
        queries::set_attended(conn, id, attended)?;
        Ok(())
    })?;
    stored_registration(conn, &event, id, now)
}

/// Moves a registration to the other kind of seat. A confirmed one moves only if the seats are free
/// there and nobody waits for them (otherwise 409 and nothing changes), and its freed seat goes to
/// the first who waits for it; a waiting one is confirmed there if it fits, else joins the end of
/// that queue.
pub fn change_seat_type(
    conn: &mut DbConnection,
    user: &AuthUser,
    event_id: &str,
    id: &str,
    seat: SeatType,
    now: DateTime<Utc>,
) -> Result<Registration, ApiError> {
    let (event, _) = for_staff(conn, user, event_id, id)?;
    let mode = EventMode::parse(&event.mode).unwrap_or(EventMode::OnSite);
    if !mode.seat_types().contains(&seat) || capacity(&event, seat) == 0 {
        return Err(ApiError::invalid(vec![(
            "seat_type".into(),
            FieldCode::InvalidChoice,
        )]));
    }
    write_tx(conn, |conn| {
        queries::lock_event(conn, event_id)?;
        let (event, _, _) = queries::find(conn, event_id)?.ok_or_else(ApiError::not_found)?;
        let (row, _) =
            queries::find_registration(conn, event_id, id)?.ok_or_else(ApiError::not_found)?;
        let old = SeatType::parse(&row.seat_type).unwrap_or(SeatType::Online);
        if row.status == RegistrationStatus::Cancelled.as_str() {
            return Err(
                ApiError::client(ErrorCode::Conflict).with_detail("The registration is cancelled.")
            );
        }
        if old == seat {
            return Ok(());
        }
        let seats = row.seats.max(0) as u32;
        if seats > capacity(&event, seat) {
            return Err(ApiError::invalid(vec![(
                "seat_type".into(),
                FieldCode::InvalidChoice,
            )]));
        }
        let taken = queries::taken(conn, event_id, seat.as_str())?;
        let anyone_waiting = !queries::waiting(conn, event_id, seat.as_str())?.is_empty();
        let fits = rules::gets_seats(capacity(&event, seat), taken, seats, anyone_waiting);
        let confirmed = row.status == RegistrationStatus::Confirmed.as_str();
        if confirmed && !fits {
            return Err(ApiError::client(ErrorCode::Conflict)
                .with_detail("Those seats are full or others wait for them: nothing was moved."));
        }
        let (status, seq) = if fits {
            (RegistrationStatus::Confirmed, None)
        } else {
            (
                RegistrationStatus::Waitlisted,
                Some(queries::next_seq(conn, event_id)?),
            )
        };
        queries::set_seat_type(conn, id, seat.as_str(), status.as_str(), seq)?;
        // The person is told of the new seat (a waiting one that got a seat, as a promotion), and
        // the reminders are planned again with the new place.
        if let Some((moved, _)) = queries::find_registration(conn, event_id, id)? {
            let change = if confirmed || !fits {
                RegistrationChange::EventChanged
            } else {
                RegistrationChange::Promoted
            };
            outbox::registration(conn, &event, &moved, change, None, now)?;
        }
        if confirmed {
            // The seat it left goes to the first who waits for that kind.
            promote(conn, &event, old, now)?;
        }
        Ok::<_, ApiError>(())
    })?;
    stored_registration(conn, &event, id, now)
}

/// The person's own registrations with their events, in the order of the events' start.
pub fn of_patron(
    conn: &mut DbConnection,
    patron_id: &str,
    now: DateTime<Utc>,
) -> Result<Vec<MyRegistration>, ApiError> {
    let rows = queries::registrations_of_patron(conn, patron_id)?;
    let (name, email, phone) = {
        let user = crate::auth::queries::find_user(conn, patron_id)?;
        (user.name, user.email, user.phone)
    };
    let ids: Vec<String> = rows.iter().map(|(_, e, _, _)| e.id.clone()).collect();
    let counts = queries::seat_counts(conn, &ids)?;
    let mut out = Vec::with_capacity(rows.len());
    for (registration, event, slug, time_zone) in rows {
        let position = queries::waitlist_position(conn, &registration)?;
        let wire = registration_wire(
            (
                registration,
                Some((name.clone(), email.clone(), phone.clone())),
            ),
            &event,
            now,
            position,
        );
        let join = wire.join_url.is_some();
        out.push(MyRegistration {
            event: to_wire(event, slug, &time_zone, &counts, join, now),
            registration: wire,
        });
    }
    Ok(out)
}

//! Care-home programme flows as plain functions over a connection: organisations, offers and their
//! times, and a unit's booking from request to confirmation (or another time) to what took place.

use chrono::{DateTime, Duration, NaiveDateTime, SubsecRound, Utc};
use etakirjasto_shared::{
    ErrorCode, FieldCode, Localized, MessageKind, NewProgrammeBooking, Organisation,
    OrganisationContact, OrganisationInput, OrganisationKind, OrganisationRef, ProgrammeBooking,
    ProgrammeConfirmation, ProgrammeOffer, ProgrammeOfferInput, ProgrammeOutcome,
    ProgrammeProposal, ProgrammeStatus, ProgrammeTime,
};

use super::{
    queries::{
        self, BookingFilter, BookingRow, BookingView, OfferRow, OrgFilter, OrganisationRow,
        OrganisationView, TimeRow,
    },
    rules::{self, Step},
};
use crate::{
    audit::{self, Action},
    auth::{AuthUser, extract::role_refused},
    db::{DbConnection, write_tx},
    error::ApiError,
    events::service::{local, staff_library, tz_of},
    libraries::queries::find_by_slug,
};

fn invalid(field: &str, code: FieldCode) -> ApiError {
    ApiError::invalid(vec![(field.into(), code)])
}

fn text(json: &str) -> Localized {
    serde_json::from_str(json).unwrap_or_default()
}

fn json(value: &Localized) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

fn utc(t: DateTime<chrono::FixedOffset>) -> NaiveDateTime {
    t.with_timezone(&Utc).naive_utc()
}

fn trimmed(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// The libraries the user is staff of.
pub fn staff_libraries(user: &AuthUser) -> Vec<String> {
    user.memberships
        .iter()
        .filter(|m| m.role.is_staff())
        .map(|m| m.library_id.clone())
        .collect()
}

fn organisation_to_wire((row, slug, contact): OrganisationView) -> Organisation {
    Organisation {
        id: row.id,
        library: slug,
        name: row.name,
        kind: OrganisationKind::parse(&row.kind).unwrap_or(OrganisationKind::Other),
        address: row.address,
        phone: row.phone,
        contact: contact.map(|(name, email, phone)| OrganisationContact { name, email, phone }),
    }
}

fn read_organisation(conn: &mut DbConnection, id: &str) -> Result<Organisation, ApiError> {
    queries::find_organisation(conn, id)?
        .map(organisation_to_wire)
        .ok_or_else(ApiError::not_found)
}

/// The contact person: an account of the library's (staff name only the library's own people, so
/// no one looks up other libraries' patrons by email).
fn contact_of(conn: &mut DbConnection, library_id: &str, email: &str) -> Result<String, ApiError> {
    queries::member_by_email(conn, library_id, email)?.ok_or_else(|| {
        invalid("contact_email", FieldCode::InvalidChoice).with_detail(
            "No account of this library has this email; the contact person registers first.",
        )
    })
}

/// Creates an organisation of a library the user is staff of.
pub fn create_organisation(
    conn: &mut DbConnection,
    user: &AuthUser,
    input: OrganisationInput,
    now: DateTime<Utc>,
) -> Result<Organisation, ApiError> {
    let email = rules::check_organisation(&input).map_err(ApiError::invalid)?;
    let library = staff_library(conn, user, &input.library)?;
    let contact = contact_of(conn, &library.id, &email)?;
    let row = OrganisationRow {
        id: uuid::Uuid::new_v4().to_string(),
        library_id: library.id,
        name: input.name.trim().to_owned(),
        kind: input.kind.as_str().into(),
        address: trimmed(&input.address),
        phone: trimmed(&input.phone),
        contact_user_id: Some(contact),
        created_at: now.naive_utc(),
    };
    queries::insert_organisation(conn, &row)?;
    read_organisation(conn, &row.id)
}

/// Changes an organisation: its name, kind, address, phone or contact person.
pub fn update_organisation(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    input: OrganisationInput,
) -> Result<Organisation, ApiError> {
    let (mut row, slug, _) = visible_organisation(conn, user, id)?;
    if !user.is_staff_of(&row.library_id) {
        return Err(role_refused(user));
    }
    let email = rules::check_organisation(&input).map_err(ApiError::invalid)?;
    if input.library != slug {
        return Err(invalid("library", FieldCode::InvalidChoice)
            .with_detail("An organisation stays with its library."));
    }
    row.contact_user_id = Some(contact_of(conn, &row.library_id, &email)?);
    row.name = input.name.trim().to_owned();
    row.kind = input.kind.as_str().into();
    row.address = trimmed(&input.address);
    row.phone = trimmed(&input.phone);
    queries::update_organisation(conn, &row)?;
    read_organisation(conn, id)
}

fn visible_organisation(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
) -> Result<OrganisationView, ApiError> {
    let view = queries::find_organisation(conn, id)?.ok_or_else(ApiError::not_found)?;
    let contact = view.0.contact_user_id.as_deref() == Some(user.user_id.as_str());
    if contact || user.is_staff_of(&view.0.library_id) {
        Ok(view)
    } else {
        Err(ApiError::not_found())
    }
}

/// One organisation, for its contact person and the library's staff.
pub fn get_organisation(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
) -> Result<Organisation, ApiError> {
    visible_organisation(conn, user, id).map(organisation_to_wire)
}

/// A page of a library's organisations, by name.
pub fn list_organisations(
    conn: &mut DbConnection,
    user: &AuthUser,
    library: &str,
    after: Option<(String, String)>,
    limit: i64,
) -> Result<Vec<Organisation>, ApiError> {
    let library = staff_library(conn, user, library)?;
    Ok(
        queries::organisations_where(conn, OrgFilter::Library(&library.id, after, limit))?
            .into_iter()
            .map(organisation_to_wire)
            .collect(),
    )
}

/// The organisations the user is the contact person of.
pub fn my_organisations(
    conn: &mut DbConnection,
    user: &AuthUser,
) -> Result<Vec<Organisation>, ApiError> {
    Ok(
        queries::organisations_where(conn, OrgFilter::Contact(&user.user_id))?
            .into_iter()
            .map(organisation_to_wire)
            .collect(),
    )
}

fn offer_to_wire(
    row: OfferRow,
    slug: String,
    time_zone: &str,
    times: Vec<(TimeRow, bool)>,
) -> ProgrammeOffer {
    let tz = tz_of(time_zone);
    ProgrammeOffer {
        title: text(&row.title),
        description: text(&row.description),
        duration_minutes: row.duration_minutes.max(0) as u32,
        max_residents: row.max_residents.map(|m| m.max(0) as u32),
        published: row.published,
        times: times
            .into_iter()
            .map(|(t, held)| ProgrammeTime {
                id: t.id,
                start: local(t.starts_at, tz),
                end: local(t.ends_at, tz),
                available: !held,
            })
            .collect(),
        library: slug,
        id: row.id,
    }
}

fn time_rows(
    offer_id: &str,
    input: &ProgrammeOfferInput,
    starts: &[NaiveDateTime],
) -> Vec<TimeRow> {
    let length = Duration::minutes(i64::from(input.duration_minutes));
    starts
        .iter()
        .map(|s| TimeRow {
            id: uuid::Uuid::new_v4().to_string(),
            offer_id: offer_id.to_owned(),
            starts_at: *s,
            ends_at: *s + length,
        })
        .collect()
}

/// Creates an offer with its times.
pub fn create_offer(
    conn: &mut DbConnection,
    user: &AuthUser,
    input: ProgrammeOfferInput,
    now: DateTime<Utc>,
) -> Result<ProgrammeOffer, ApiError> {
    rules::check_offer(&input, now).map_err(ApiError::invalid)?;
    let library = staff_library(conn, user, &input.library)?;
    let id = uuid::Uuid::new_v4().to_string();
    write_tx(conn, |conn| {
        queries::insert_offer(
            conn,
            &OfferRow {
                id: id.clone(),
                library_id: library.id.clone(),
                title: json(&input.title),
                description: json(&input.description),
                duration_minutes: input.duration_minutes as i32,
                max_residents: input.max_residents.map(|m| m as i32),
                published: input.published,
                // Microseconds, as PostgreSQL keeps them, so the paging cursor finds the row again.
                created_at: now.naive_utc().trunc_subsecs(6),
            },
        )?;
        let starts: Vec<NaiveDateTime> = input.times.iter().map(|t| utc(*t)).collect();
        queries::insert_times(conn, &time_rows(&id, &input, &starts))?;
        Ok::<_, ApiError>(())
    })?;
    read_offer(conn, &id, now)
}

fn read_offer(
    conn: &mut DbConnection,
    id: &str,
    now: DateTime<Utc>,
) -> Result<ProgrammeOffer, ApiError> {
    let (row, slug, tz) = queries::find_offer(conn, id)?.ok_or_else(ApiError::not_found)?;
    let times = queries::times_of(conn, std::slice::from_ref(&row.id), Some(now.naive_utc()))?;
    Ok(offer_to_wire(row, slug, &tz, times))
}

/// Changes an offer. Its coming times become exactly `times`: new ones are added, free ones left out
/// are removed, and leaving out a time a unit has asked for is refused (409) with nothing changed.
/// Past times stay as they were.
pub fn update_offer(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    input: ProgrammeOfferInput,
    now: DateTime<Utc>,
) -> Result<ProgrammeOffer, ApiError> {
    let (row, slug, _) = queries::find_offer(conn, id)?.ok_or_else(ApiError::not_found)?;
    if !user.is_staff_of(&row.library_id) {
        return Err(if row.published {
            role_refused(user)
        } else {
            ApiError::not_found()
        });
    }
    rules::check_offer(&input, now).map_err(ApiError::invalid)?;
    if input.library != slug {
        return Err(invalid("library", FieldCode::InvalidChoice)
            .with_detail("An offer stays with its library."));
    }
    let wanted: Vec<NaiveDateTime> = input.times.iter().map(|t| utc(*t)).collect();
    let length = Duration::minutes(i64::from(input.duration_minutes));
    write_tx(conn, |conn| {
        queries::lock_offer_times(conn, id)?;
        let existing = queries::all_times(conn, id)?;
        let mut remove = Vec::new();
        for (t, held) in &existing {
            if t.starts_at <= now.naive_utc() {
                continue;
            }
            if wanted.contains(&t.starts_at) {
                if !*held && t.ends_at != t.starts_at + length {
                    queries::set_time_end(conn, &t.id, t.starts_at + length)?;
                }
                continue;
            }
            if *held {
                return Err(ApiError::client(ErrorCode::Conflict).with_detail(
                    "A unit has asked for a time left out of `times`; cancel or move that booking first.",
                ));
            }
            remove.push(t.id.clone());
        }
        queries::delete_times(conn, &remove)?;
        let new: Vec<NaiveDateTime> = wanted
            .iter()
            .filter(|w| !existing.iter().any(|(t, _)| t.starts_at == **w))
            .copied()
            .collect();
        queries::insert_times(conn, &time_rows(id, &input, &new))?;
        queries::update_offer(
            conn,
            &OfferRow {
                title: json(&input.title),
                description: json(&input.description),
                duration_minutes: input.duration_minutes as i32,
                max_residents: input.max_residents.map(|m| m as i32),
                published: input.published,
                ..row.clone()
            },
        )?;
        Ok(())
    })?;
    read_offer(conn, id, now)
}

/// One offer: published ones for anyone, unpublished ones for the library's staff.
pub fn get_offer(
    conn: &mut DbConnection,
    user: Option<&AuthUser>,
    id: &str,
    now: DateTime<Utc>,
) -> Result<ProgrammeOffer, ApiError> {
    let offer = read_offer(conn, id, now)?;
    let (row, _, _) = queries::find_offer(conn, id)?.ok_or_else(ApiError::not_found)?;
    if row.published || user.is_some_and(|u| u.is_staff_of(&row.library_id)) {
        Ok(offer)
    } else {
        Err(ApiError::not_found())
    }
}

/// A page of offers with their coming times.
pub fn list_offers(
    conn: &mut DbConnection,
    user: Option<&AuthUser>,
    library: Option<&str>,
    after: Option<(NaiveDateTime, String)>,
    limit: i64,
    now: DateTime<Utc>,
) -> Result<Vec<(NaiveDateTime, ProgrammeOffer)>, ApiError> {
    let library_id = match library {
        Some(slug) => Some(
            find_by_slug(conn, slug)?
                .ok_or_else(|| invalid("library", FieldCode::InvalidChoice))?
                .id,
        ),
        None => None,
    };
    let staff_of = user.map(staff_libraries).unwrap_or_default();
    let rows = queries::list_offers(conn, library_id.as_deref(), &staff_of, after, limit)?;
    let ids: Vec<String> = rows.iter().map(|(r, _, _)| r.id.clone()).collect();
    let mut times = queries::times_of(conn, &ids, Some(now.naive_utc()))?;
    Ok(rows
        .into_iter()
        .map(|(row, slug, tz)| {
            let mine: Vec<(TimeRow, bool)>;
            (mine, times) = times.drain(..).partition(|(t, _)| t.offer_id == row.id);
            (row.created_at, offer_to_wire(row, slug, &tz, mine))
        })
        .collect())
}

fn booking_to_wire(view: BookingView) -> ProgrammeBooking {
    let tz = tz_of(&view.time_zone);
    let b = view.booking;
    let status = ProgrammeStatus::parse(&b.status).unwrap_or(ProgrammeStatus::Requested);
    ProgrammeBooking {
        id: b.id,
        offer_id: b.offer_id,
        title: text(&view.title),
        library: view.slug,
        organisation: OrganisationRef {
            id: b.organisation_id,
            name: view.organisation_name,
        },
        status,
        start: local(b.starts_at, tz),
        end: local(b.ends_at, tz),
        proposed_start: b.proposed_starts_at.map(|p| local(p, tz)),
        message: b.message,
        residents: b.residents.max(0) as u32,
        equipment: b.equipment,
        onsite_contact_name: b.onsite_contact_name,
        onsite_contact_phone: b.onsite_contact_phone,
        wishes: b.wishes,
        meeting_url: if rules::shows_link(status) {
            b.meeting_url
        } else {
            None
        },
        participants: b.participants.map(|p| p.max(0) as u32),
        feedback: b.feedback,
        created_at: local(b.created_at, tz),
    }
}

/// Records that a staff member (not the unit's own contact) was shown bookings.
fn audit_views(
    conn: &mut DbConnection,
    viewer: &AuthUser,
    views: &[BookingView],
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    for v in views {
        if v.contact_user_id.as_deref() == Some(viewer.user_id.as_str()) {
            continue;
        }
        audit::record_about(
            conn,
            Some(&viewer.user_id),
            Action::ProgrammeBookingViewed,
            None,
            Some(&v.booking.id),
            Some(&v.library_id),
            now.naive_utc(),
        )?;
    }
    Ok(())
}

fn read_booking(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    now: DateTime<Utc>,
) -> Result<ProgrammeBooking, ApiError> {
    let view = queries::find_booking(conn, id)?.ok_or_else(ApiError::not_found)?;
    audit_views(conn, user, std::slice::from_ref(&view), now)?;
    Ok(booking_to_wire(view))
}

/// A unit asks for an offered time for its group.
pub fn book(
    conn: &mut DbConnection,
    user: &AuthUser,
    input: NewProgrammeBooking,
    now: DateTime<Utc>,
) -> Result<ProgrammeBooking, ApiError> {
    rules::check_booking(&input).map_err(ApiError::invalid)?;
    let id = uuid::Uuid::new_v4().to_string();
    write_tx(conn, |conn| {
        let org = queries::find_organisation(conn, &input.organisation_id)?
            .map(|(row, _, _)| row)
            .filter(|o| {
                o.contact_user_id.as_deref() == Some(user.user_id.as_str())
                    || user.is_staff_of(&o.library_id)
            })
            .ok_or_else(|| {
                invalid("organisation_id", FieldCode::InvalidChoice)
                    .with_detail("Not an organisation you act for.")
            })?;
        let time_refused = || invalid("time_id", FieldCode::InvalidChoice);
        let time = queries::find_time(conn, &input.time_id)?.ok_or_else(time_refused)?;
        let (offer, _, _) = queries::find_offer(conn, &time.offer_id)?.ok_or_else(time_refused)?;
        let visible = offer.published || user.is_staff_of(&offer.library_id);
        if !visible || offer.library_id != org.library_id {
            return Err(time_refused());
        }
        if time.starts_at <= now.naive_utc() {
            return Err(time_refused().with_detail("The time has passed."));
        }
        if let Some(max) = offer.max_residents
            && input.residents > max.max(0) as u32
        {
            return Err(invalid("residents", FieldCode::TooLong)
                .with_detail(format!("This programme suits at most {max} residents.")));
        }
        if !queries::lock_time(conn, &time.id)? {
            return Err(time_refused());
        }
        if queries::time_held(conn, &time.id)? {
            return Err(ApiError::client(ErrorCode::SlotTaken));
        }
        queries::insert_booking(
            conn,
            &BookingRow {
                id: id.clone(),
                offer_id: offer.id,
                organisation_id: org.id,
                time_id: Some(time.id),
                status: ProgrammeStatus::Requested.as_str().into(),
                starts_at: time.starts_at,
                ends_at: time.ends_at,
                proposed_starts_at: None,
                message: None,
                residents: input.residents as i32,
                equipment: input.equipment.trim().to_owned(),
                onsite_contact_name: input.onsite_contact_name.trim().to_owned(),
                onsite_contact_phone: input.onsite_contact_phone.trim().to_owned(),
                wishes: trimmed(&input.wishes),
                meeting_url: None,
                participants: None,
                feedback: None,
                created_by: Some(user.user_id.clone()),
                created_at: now.naive_utc(),
            },
        )?;
        Ok(())
    })?;
    read_booking(conn, user, &id, now)
}

/// One booking, for the unit's contact person and the library's staff (others get 404).
pub fn get_booking(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    now: DateTime<Utc>,
) -> Result<ProgrammeBooking, ApiError> {
    let view = queries::find_booking(conn, id)?.ok_or_else(ApiError::not_found)?;
    if !sees(user, &view) {
        return Err(ApiError::not_found());
    }
    audit_views(conn, user, std::slice::from_ref(&view), now)?;
    Ok(booking_to_wire(view))
}

fn sees(user: &AuthUser, view: &BookingView) -> bool {
    user.is_staff_of(&view.library_id)
        || view.contact_user_id.as_deref() == Some(user.user_id.as_str())
}

/// Filters of the booking list, checked.
pub struct ListFilter {
    pub library: Option<String>,
    pub status: Option<ProgrammeStatus>,
    pub from: Option<DateTime<Utc>>,
}

/// A page of the bookings the user sees: their organisations' and their libraries'.
pub fn list_bookings(
    conn: &mut DbConnection,
    user: &AuthUser,
    filter: ListFilter,
    after: Option<(NaiveDateTime, String)>,
    page_size: u32,
    now: DateTime<Utc>,
) -> Result<Vec<(NaiveDateTime, ProgrammeBooking)>, ApiError> {
    let library_id = match &filter.library {
        Some(slug) => Some(
            find_by_slug(conn, slug)?
                .ok_or_else(|| invalid("library", FieldCode::InvalidChoice))?
                .id,
        ),
        None => None,
    };
    let views = queries::list_bookings(
        conn,
        &BookingFilter {
            staff_of: staff_libraries(user),
            contact: user.user_id.clone(),
            library_id,
            status: filter.status.map(|s| s.as_str().to_owned()),
            from: filter.from.map(|f| f.naive_utc()),
        },
        after,
        i64::from(page_size) + 1,
    )?;
    // The extra row only tells that there is a next page; it is not shown, so not logged.
    let shown = views.len().min(page_size as usize);
    audit_views(conn, user, &views[..shown], now)?;
    Ok(views
        .into_iter()
        .map(|v| (v.booking.starts_at, booking_to_wire(v)))
        .collect())
}

/// Takes one step in a booking's life under a lock on the booking: `change` edits the row once the
/// caller may act and the step is allowed from where the booking stands.
fn step(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    step: Step,
    now: DateTime<Utc>,
    change: impl FnOnce(&mut DbConnection, &mut BookingRow, &BookingView) -> Result<(), ApiError>,
) -> Result<ProgrammeBooking, ApiError> {
    let staff_only = matches!(step, Step::Confirm | Step::Propose | Step::RecordOutcome);
    write_tx(conn, |conn| {
        let view = queries::find_booking(conn, id)?.ok_or_else(ApiError::not_found)?;
        if !sees(user, &view) {
            return Err(ApiError::not_found());
        }
        if staff_only && !user.is_staff_of(&view.library_id) {
            return Err(role_refused(user));
        }
        queries::lock_booking(conn, id)?;
        let view = queries::find_booking(conn, id)?.ok_or_else(ApiError::not_found)?;
        let mut row = view.booking.clone();
        let status = ProgrammeStatus::parse(&row.status).unwrap_or(ProgrammeStatus::Cancelled);
        let start = match step {
            Step::Accept => row.proposed_starts_at.unwrap_or(row.starts_at),
            _ => row.starts_at,
        };
        if !rules::step_allowed(status, step, start.and_utc(), now) {
            let code = if step == Step::Cancel {
                ErrorCode::BookingLocked
            } else {
                ErrorCode::Conflict
            };
            return Err(ApiError::client(code).with_detail(format!(
                "The booking is {} and starts {}.",
                status.as_str(),
                if start.and_utc() > now {
                    "later"
                } else {
                    "in the past"
                }
            )));
        }
        change(conn, &mut row, &view)?;
        queries::update_booking(conn, &row)?;
        Ok(())
    })?;
    read_booking(conn, user, id, now)
}

/// Staff agree to the requested time; the unit gets the video link.
pub fn confirm(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    input: ProgrammeConfirmation,
    meeting_base: &str,
    now: DateTime<Utc>,
) -> Result<ProgrammeBooking, ApiError> {
    rules::check_message(&input.message).map_err(ApiError::invalid)?;
    if let Some(url) = &input.meeting_url
        && !crate::events::rules::is_meeting_url(url)
    {
        return Err(invalid("meeting_url", FieldCode::InvalidFormat));
    }
    step(conn, user, id, Step::Confirm, now, |conn, row, view| {
        row.status = ProgrammeStatus::Confirmed.as_str().into();
        row.meeting_url = input
            .meeting_url
            .or(row.meeting_url.take())
            .or_else(|| Some(crate::bookings::service::meeting_room(meeting_base)));
        row.message = trimmed(&input.message);
        crate::messages::outbox::programme(
            conn,
            row,
            view,
            MessageKind::ProgrammeConfirmed,
            row.starts_at.and_utc(),
            now,
        )
    })
}

/// Staff cannot run it then and propose another of the offer's free times. The proposal holds the
/// new time (so no other unit takes it meanwhile) and frees the one asked for.
pub fn propose(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    input: ProgrammeProposal,
    now: DateTime<Utc>,
) -> Result<ProgrammeBooking, ApiError> {
    rules::check_message(&input.message).map_err(ApiError::invalid)?;
    let time_refused = || invalid("time_id", FieldCode::InvalidChoice);
    if !etakirjasto_shared::validate::is_id(&input.time_id) {
        return Err(time_refused());
    }
    step(conn, user, id, Step::Propose, now, |conn, row, view| {
        let time = queries::find_time(conn, &input.time_id)?
            .filter(|t| t.offer_id == row.offer_id && t.starts_at > now.naive_utc())
            .ok_or_else(time_refused)?;
        if row.time_id.as_deref() == Some(time.id.as_str()) {
            return Err(time_refused().with_detail("That is the time the booking has now."));
        }
        if !queries::lock_time(conn, &time.id)? {
            return Err(time_refused());
        }
        if queries::time_held(conn, &time.id)? {
            return Err(ApiError::client(ErrorCode::SlotTaken));
        }
        row.status = ProgrammeStatus::Proposed.as_str().into();
        row.proposed_starts_at = Some(time.starts_at);
        row.time_id = Some(time.id);
        row.message = trimmed(&input.message);
        crate::messages::outbox::programme(
            conn,
            row,
            view,
            MessageKind::ProgrammeProposed,
            time.starts_at.and_utc(),
            now,
        )
    })
}

/// The unit accepts the proposed time (which the proposal already holds).
pub fn accept(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    meeting_base: &str,
    now: DateTime<Utc>,
) -> Result<ProgrammeBooking, ApiError> {
    step(conn, user, id, Step::Accept, now, |conn, row, view| {
        let start = row
            .proposed_starts_at
            .take()
            .ok_or_else(|| ApiError::client(ErrorCode::Conflict))?;
        let time = match &row.time_id {
            Some(t) => queries::find_time(conn, t)?,
            None => None,
        }
        .ok_or_else(|| ApiError::client(ErrorCode::Conflict))?;
        row.starts_at = start;
        row.ends_at = time.ends_at;
        row.status = ProgrammeStatus::Confirmed.as_str().into();
        if row.meeting_url.is_none() {
            row.meeting_url = Some(crate::bookings::service::meeting_room(meeting_base));
        }
        crate::messages::outbox::programme(
            conn,
            row,
            view,
            MessageKind::ProgrammeConfirmed,
            start.and_utc(),
            now,
        )
    })
}

/// The unit or staff cancel; the time is freed for others.
pub fn cancel(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    now: DateTime<Utc>,
) -> Result<ProgrammeBooking, ApiError> {
    step(conn, user, id, Step::Cancel, now, |conn, row, _| {
        row.status = ProgrammeStatus::Cancelled.as_str().into();
        row.time_id = None;
        row.proposed_starts_at = None;
        crate::messages::outbox::programme_cancelled(conn, &row.id)
    })
}

/// Staff record how many took part and the unit's feedback, once it has started.
pub fn record_outcome(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    input: ProgrammeOutcome,
    now: DateTime<Utc>,
) -> Result<ProgrammeBooking, ApiError> {
    rules::check_outcome(&input).map_err(ApiError::invalid)?;
    step(conn, user, id, Step::RecordOutcome, now, |_, row, _| {
        row.status = ProgrammeStatus::Held.as_str().into();
        row.participants = Some(input.participants as i32);
        row.feedback = trimmed(&input.feedback);
        Ok(())
    })
}

//! HTTP handlers for care-home programmes: organisations, offers and bookings.

use actix_web::{HttpResponse, Responder, get, post, put, web};
use chrono::{DateTime, FixedOffset, NaiveDateTime, Utc};
use etakirjasto_shared::{
    NewProgrammeBooking, Organisation, OrganisationInput, Page, Problem, ProgrammeBooking,
    ProgrammeConfirmation, ProgrammeOffer, ProgrammeOfferInput, ProgrammeOutcome,
    ProgrammeProposal, ProgrammeStatus,
};
use serde::Deserialize;
use utoipa::IntoParams;

use super::service;
use crate::{
    AppState,
    auth::{AuthUser, MaybeUser, Staff},
    db,
    error::ApiError,
    openapi::{JsonBodyErrors, StaffOnlyErrors},
    pagination::{ListParams, page},
};

fn time_cursor(at: NaiveDateTime, id: &str) -> String {
    format!("{}|{id}", at.and_utc().timestamp_micros())
}

fn parse_time_cursor(raw: Option<String>) -> Option<(NaiveDateTime, String)> {
    let raw = raw?;
    let (micros, id) = raw.split_once('|')?;
    let at = DateTime::<Utc>::from_timestamp_micros(micros.parse().ok()?)?;
    crate::pagination::storable("cursor", &at).ok()?;
    etakirjasto_shared::validate::is_id(id).then(|| (at.naive_utc(), id.to_owned()))
}

fn cursor_refused() -> ApiError {
    ApiError::invalid(vec![(
        "cursor".into(),
        etakirjasto_shared::FieldCode::InvalidFormat,
    )])
}

/// List programme offers.
///
/// Public: published offers (and, for the library's staff, unpublished ones too) with their coming
/// times and whether each is still free, oldest offer first.
#[utoipa::path(
    tag = "programmes",
    operation_id = "list_programme_offers",
    params(ListParams),
    responses(
        (status = 200, description = "A page of offers.", body = Page<ProgrammeOffer>),
        (status = 401, description = "An `Authorization` header that is not a valid token (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A filter is invalid (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/programme-offers")]
#[tracing::instrument(skip_all)]
pub async fn list_programme_offers(
    state: web::Data<AppState>,
    MaybeUser(user): MaybeUser,
    q: web::Query<ListParams>,
) -> Result<impl Responder, ApiError> {
    let q = q.into_inner();
    let (after, limit) = q.window()?;
    let after = match after {
        Some(raw) => Some(parse_time_cursor(Some(raw)).ok_or_else(cursor_refused)?),
        None => None,
    };
    let offers = db::run(&state.pool, move |conn| {
        let rows = service::list_offers(
            conn,
            user.as_ref(),
            q.library.as_deref(),
            after,
            i64::from(limit) + 1,
            Utc::now(),
        )?;
        Ok(page(
            rows,
            limit,
            |(at, o)| time_cursor(*at, &o.id),
            |(_, o)| o,
        ))
    })
    .await?;
    Ok(web::Json(offers))
}

/// Read a programme offer.
///
/// Public for published offers; unpublished ones only for the library's staff (others get 404).
#[utoipa::path(
    tag = "programmes",
    operation_id = "get_programme_offer",
    params(("id" = String, Path, description = "The offer's id.")),
    responses(
        (status = 200, description = "The offer with its coming times.", body = ProgrammeOffer),
        (status = 401, description = "An `Authorization` header that is not a valid token (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such offer (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/programme-offers/{id}")]
#[tracing::instrument(skip_all)]
pub async fn get_programme_offer(
    state: web::Data<AppState>,
    MaybeUser(user): MaybeUser,
    id: web::Path<String>,
) -> Result<impl Responder, ApiError> {
    let id = id.into_inner();
    let offer = db::run(&state.pool, move |conn| {
        service::get_offer(conn, user.as_ref(), &id, Utc::now())
    })
    .await?;
    Ok(web::Json(offer))
}

/// Publish a programme offer.
///
/// Staff of the library describe a programme they run by video for a unit's group (a reminiscence
/// session, a read-aloud hour) and the times they can run it.
#[utoipa::path(
    tag = "programmes",
    operation_id = "create_programme_offer",
    security(("bearer" = [])),
    request_body = ProgrammeOfferInput,
    responses(
        StaffOnlyErrors,
        JsonBodyErrors,
        (status = 201, description = "Created.", body = ProgrammeOffer),
        (status = 422, description = "Fields are missing or invalid, or a time is past, repeated or not on a whole minute (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/programme-offers")]
#[tracing::instrument(skip_all)]
pub async fn create_programme_offer(
    state: web::Data<AppState>,
    Staff(user): Staff,
    body: web::Json<ProgrammeOfferInput>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner();
    let offer = db::run(&state.pool, move |conn| {
        service::create_offer(conn, &user, input, Utc::now())
    })
    .await?;
    Ok(HttpResponse::Created().json(offer))
}

/// Change a programme offer.
///
/// Staff of the library replace its texts and settings; its coming times become exactly `times`
/// (free times left out are removed; leaving out a time a unit asked for is refused). Past times stay.
#[utoipa::path(
    tag = "programmes",
    operation_id = "update_programme_offer",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The offer's id.")),
    request_body = ProgrammeOfferInput,
    responses(
        StaffOnlyErrors,
        JsonBodyErrors,
        (status = 200, description = "Changed.", body = ProgrammeOffer),
        (status = 404, description = "No such offer (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A time a unit has asked for was left out (`conflict`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Fields are missing or invalid (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/programme-offers/{id}")]
#[tracing::instrument(skip_all)]
pub async fn update_programme_offer(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
    body: web::Json<ProgrammeOfferInput>,
) -> Result<impl Responder, ApiError> {
    let (id, input) = (id.into_inner(), body.into_inner());
    let offer = db::run(&state.pool, move |conn| {
        service::update_offer(conn, &user, &id, input, Utc::now())
    })
    .await?;
    Ok(web::Json(offer))
}

/// The library whose organisations to list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrganisationListParams {
    /// The library's slug.
    #[param(example = "kalajoki")]
    pub library: String,
    /// How many to return (1 to 100; 25 when left out).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u32>,
    /// `next_cursor` from the previous page.
    #[param(pattern = "^[A-Za-z0-9_-]+$")]
    pub cursor: Option<String>,
}

/// List a library's organisations.
///
/// Staff of the library: the care homes, assisted-living units and day centres it serves, by name,
/// with their contact person.
#[utoipa::path(
    tag = "programmes",
    operation_id = "list_organisations",
    security(("bearer" = [])),
    params(OrganisationListParams),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "A page of organisations.", body = Page<Organisation>),
        (status = 422, description = "A filter is invalid (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/organisations")]
#[tracing::instrument(skip_all)]
pub async fn list_organisations(
    state: web::Data<AppState>,
    user: AuthUser,
    q: web::Query<OrganisationListParams>,
) -> Result<impl Responder, ApiError> {
    let q = q.into_inner();
    let params = ListParams {
        limit: q.limit,
        cursor: q.cursor,
        library: Some(q.library.clone()),
    };
    let (after, limit) = params.window()?;
    let after = match after {
        Some(raw) => Some(
            raw.rsplit_once('|')
                .filter(|(_, id)| etakirjasto_shared::validate::is_id(id))
                .map(|(name, id)| (name.to_owned(), id.to_owned()))
                .ok_or_else(cursor_refused)?,
        ),
        None => None,
    };
    let list = db::run(&state.pool, move |conn| {
        let rows =
            service::list_organisations(conn, &user, &q.library, after, i64::from(limit) + 1)?;
        Ok(page(rows, limit, |o| format!("{}|{}", o.name, o.id), |o| o))
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(list))
}

/// Add an organisation.
///
/// Staff of the library add a care home, assisted-living unit or day centre and name its contact
/// person by the email of their account (they register first, as anyone does).
#[utoipa::path(
    tag = "programmes",
    operation_id = "create_organisation",
    security(("bearer" = [])),
    request_body = OrganisationInput,
    responses(
        StaffOnlyErrors,
        JsonBodyErrors,
        (status = 201, description = "Added.", body = Organisation),
        (status = 422, description = "Fields are missing or invalid, or no account of the library has `contact_email` (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/organisations")]
#[tracing::instrument(skip_all)]
pub async fn create_organisation(
    state: web::Data<AppState>,
    Staff(user): Staff,
    body: web::Json<OrganisationInput>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner();
    let org = db::run(&state.pool, move |conn| {
        service::create_organisation(conn, &user, input, Utc::now())
    })
    .await?;
    Ok(HttpResponse::Created().json(org))
}

/// Read an organisation.
///
/// Its contact person and the library's staff; others get 404.
#[utoipa::path(
    tag = "programmes",
    operation_id = "get_organisation",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The organisation's id.")),
    responses(
        (status = 200, description = "The organisation.", body = Organisation),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such organisation, or not yours (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/organisations/{id}")]
#[tracing::instrument(skip_all)]
pub async fn get_organisation(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let org = db::run(&state.pool, move |conn| {
        service::get_organisation(conn, &user, &id)
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(org))
}

/// Change an organisation.
///
/// Staff of the library replace its name, kind, address, phone and contact person (the library
/// cannot change).
#[utoipa::path(
    tag = "programmes",
    operation_id = "update_organisation",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The organisation's id.")),
    request_body = OrganisationInput,
    responses(
        StaffOnlyErrors,
        JsonBodyErrors,
        (status = 200, description = "Changed.", body = Organisation),
        (status = 404, description = "No such organisation (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Fields are missing or invalid (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/organisations/{id}")]
#[tracing::instrument(skip_all)]
pub async fn update_organisation(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
    body: web::Json<OrganisationInput>,
) -> Result<impl Responder, ApiError> {
    let (id, input) = (id.into_inner(), body.into_inner());
    let org = db::run(&state.pool, move |conn| {
        service::update_organisation(conn, &user, &id, input)
    })
    .await?;
    Ok(web::Json(org))
}

/// The organisations I act for.
///
/// The organisations whose contact person the signed-in person is (none for most people).
#[utoipa::path(
    tag = "programmes",
    operation_id = "list_my_organisations",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The organisations.", body = Vec<Organisation>),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/organisations")]
#[tracing::instrument(skip_all)]
pub async fn list_my_organisations(
    state: web::Data<AppState>,
    user: AuthUser,
) -> Result<HttpResponse, ApiError> {
    let list = db::run(&state.pool, move |conn| {
        service::my_organisations(conn, &user)
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(list))
}

/// Book a programme time for a group.
///
/// The organisation's contact person (or the library's staff for them) asks for an offered time:
/// how many residents (a count, not names), the room's equipment, who is with the group, wishes.
/// The booking is `requested` until staff confirm it or propose another time. One time goes to one
/// unit: whoever asks second gets 409 `slot_taken`.
#[utoipa::path(
    tag = "programmes",
    operation_id = "create_programme_booking",
    security(("bearer" = [])),
    request_body = NewProgrammeBooking,
    responses(
        JsonBodyErrors,
        (status = 201, description = "Requested.", body = ProgrammeBooking),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Another unit asked for this time first (`slot_taken`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Fields are invalid, the time is unknown or past, the organisation is not one you act for, or the group is larger than the programme suits (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/programme-bookings")]
#[tracing::instrument(skip_all)]
pub async fn create_programme_booking(
    state: web::Data<AppState>,
    user: AuthUser,
    body: web::Json<NewProgrammeBooking>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner();
    let booking = db::run(&state.pool, move |conn| {
        service::book(conn, &user, input, Utc::now())
    })
    .await?;
    Ok(HttpResponse::Created()
        .insert_header(("Cache-Control", "no-store"))
        .json(booking))
}

/// Filters of the programme booking list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BookingListParams {
    /// How many to return (1 to 100; 25 when left out).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u32>,
    /// `next_cursor` from the previous page.
    #[param(pattern = "^[A-Za-z0-9_-]+$")]
    pub cursor: Option<String>,
    /// Only this library's bookings (its slug).
    #[param(example = "kalajoki")]
    pub library: Option<String>,
    /// Only bookings in this state.
    pub status: Option<ProgrammeStatus>,
    /// Only bookings still going on at or after this time (RFC 3339).
    #[param(value_type = Option<String>, format = DateTime)]
    pub from: Option<DateTime<FixedOffset>>,
}

/// List programme bookings.
///
/// The bookings the signed-in person sees: staff their libraries', an organisation's contact person
/// their organisations'; soonest first.
#[utoipa::path(
    tag = "programmes",
    operation_id = "list_programme_bookings",
    security(("bearer" = [])),
    params(BookingListParams),
    responses(
        (status = 200, description = "A page of bookings.", body = Page<ProgrammeBooking>),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A filter is invalid (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/programme-bookings")]
#[tracing::instrument(skip_all)]
pub async fn list_programme_bookings(
    state: web::Data<AppState>,
    user: AuthUser,
    q: web::Query<BookingListParams>,
) -> Result<HttpResponse, ApiError> {
    let q = q.into_inner();
    let params = ListParams {
        limit: q.limit,
        cursor: q.cursor,
        library: q.library.clone(),
    };
    let (after, limit) = params.window()?;
    let after = match after {
        Some(raw) => Some(parse_time_cursor(Some(raw)).ok_or_else(cursor_refused)?),
        None => None,
    };
    if let Some(from) = &q.from {
        crate::pagination::storable("from", from)?;
    }
    let filter = service::ListFilter {
        library: q.library,
        status: q.status,
        from: q.from.map(|f| f.with_timezone(&Utc)),
    };
    let list = db::run(&state.pool, move |conn| {
        let rows = service::list_bookings(conn, &user, filter, after, limit, Utc::now())?;
        Ok(page(
            rows,
            limit,
            |(at, b)| time_cursor(*at, &b.id),
            |(_, b)| b,
        ))
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(list))
}

/// Read a programme booking.
///
/// The organisation's contact person and the library's staff (each staff view is audit-logged);
/// others get 404. The video link shows once the booking is confirmed.
#[utoipa::path(
    tag = "programmes",
    operation_id = "get_programme_booking",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The booking's id.")),
    responses(
        (status = 200, description = "The booking.", body = ProgrammeBooking),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such booking, or not yours (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/programme-bookings/{id}")]
#[tracing::instrument(skip_all)]
pub async fn get_programme_booking(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let booking = db::run(&state.pool, move |conn| {
        service::get_booking(conn, &user, &id, Utc::now())
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(booking))
}

fn answer(booking: ProgrammeBooking) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(booking)
}

/// Confirm a requested programme time.
///
/// Staff of the library agree to the time; the unit and staff then see the video link (the one given,
/// or a new unguessable room).
#[utoipa::path(
    tag = "programmes",
    operation_id = "confirm_programme_booking",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The booking's id.")),
    request_body = ProgrammeConfirmation,
    responses(
        StaffOnlyErrors,
        JsonBodyErrors,
        (status = 200, description = "Confirmed.", body = ProgrammeBooking),
        (status = 404, description = "No such booking (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not `requested`, or the time has passed (`conflict`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The link or message is invalid (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/programme-bookings/{id}/confirm")]
#[tracing::instrument(skip_all)]
pub async fn confirm_programme_booking(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
    body: web::Json<ProgrammeConfirmation>,
) -> Result<HttpResponse, ApiError> {
    let (id, input) = (id.into_inner(), body.into_inner());
    let base = state.config.meeting_base_url.clone();
    let booking = db::run(&state.pool, move |conn| {
        service::confirm(conn, &user, &id, input, &base, Utc::now())
    })
    .await?;
    Ok(answer(booking))
}

/// Propose another programme time.
///
/// Staff of the library cannot run it at the requested time and propose another of the offer's free
/// times; the proposal holds that time and frees the requested one, and the unit accepts it or
/// cancels.
#[utoipa::path(
    tag = "programmes",
    operation_id = "propose_programme_time",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The booking's id.")),
    request_body = ProgrammeProposal,
    responses(
        StaffOnlyErrors,
        JsonBodyErrors,
        (status = 200, description = "Proposed.", body = ProgrammeBooking),
        (status = 404, description = "No such booking (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Held or cancelled already, or it has started (`conflict`); or another unit holds the time (`slot_taken`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The time is not a coming time of the same offer, or the message is invalid (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/programme-bookings/{id}/propose")]
#[tracing::instrument(skip_all)]
pub async fn propose_programme_time(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
    body: web::Json<ProgrammeProposal>,
) -> Result<HttpResponse, ApiError> {
    let (id, input) = (id.into_inner(), body.into_inner());
    let booking = db::run(&state.pool, move |conn| {
        service::propose(conn, &user, &id, input, Utc::now())
    })
    .await?;
    Ok(answer(booking))
}

/// Accept the proposed programme time.
///
/// The organisation's contact person (or staff for them) accepts the time staff proposed; the booking
/// is confirmed and both see the video link.
#[utoipa::path(
    tag = "programmes",
    operation_id = "accept_programme_proposal",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The booking's id.")),
    responses(
        (status = 200, description = "Confirmed at the proposed time.", body = ProgrammeBooking),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such booking, or not yours (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Nothing is proposed, or the proposed time has passed (`conflict`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/programme-bookings/{id}/accept")]
#[tracing::instrument(skip_all)]
pub async fn accept_programme_proposal(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let base = state.config.meeting_base_url.clone();
    let booking = db::run(&state.pool, move |conn| {
        service::accept(conn, &user, &id, &base, Utc::now())
    })
    .await?;
    Ok(answer(booking))
}

/// Cancel a programme booking.
///
/// The organisation's contact person or the library's staff, before it starts; the time is freed for
/// other units.
#[utoipa::path(
    tag = "programmes",
    operation_id = "cancel_programme_booking",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The booking's id.")),
    responses(
        (status = 200, description = "Cancelled.", body = ProgrammeBooking),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such booking, or not yours (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Cancelled or held already, or it has started (`booking_locked`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/programme-bookings/{id}/cancel")]
#[tracing::instrument(skip_all)]
pub async fn cancel_programme_booking(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let booking = db::run(&state.pool, move |conn| {
        service::cancel(conn, &user, &id, Utc::now())
    })
    .await?;
    Ok(answer(booking))
}

/// Record how a programme went.
///
/// Staff of the library, once it has started: how many residents took part and the unit's feedback.
#[utoipa::path(
    tag = "programmes",
    operation_id = "record_programme_outcome",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The booking's id.")),
    request_body = ProgrammeOutcome,
    responses(
        StaffOnlyErrors,
        JsonBodyErrors,
        (status = 200, description = "Recorded.", body = ProgrammeBooking),
        (status = 404, description = "No such booking (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not confirmed, or it has not started (`conflict`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The count or feedback is invalid (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/programme-bookings/{id}/outcome")]
#[tracing::instrument(skip_all)]
pub async fn record_programme_outcome(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
    body: web::Json<ProgrammeOutcome>,
) -> Result<HttpResponse, ApiError> {
    let (id, input) = (id.into_inner(), body.into_inner());
    let booking = db::run(&state.pool, move |conn| {
        service::record_outcome(conn, &user, &id, input, Utc::now())
    })
    .await?;
    Ok(answer(booking))
}

//! HTTP handlers for bookings.

use actix_web::{HttpRequest, HttpResponse, Responder, get, post, web};
use chrono::{DateTime, FixedOffset, Utc};
use etakirjasto_shared::{
    Booking, BookingOutcome, BookingStatus, FieldCode, NewBooking, Page, Problem, RescheduleRequest,
};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{
    queries,
    service::{self, Caller},
};
use crate::{
    AppState,
    auth::{AuthUser, MaybeUser},
    db,
    error::ApiError,
    libraries::queries::find_by_slug,
    openapi::JsonBodyErrors,
    pagination::{ListParams, page},
};

/// The header that carries a guest's manage token.
pub const MANAGE_TOKEN_HEADER: &str = "X-Manage-Token";

impl actix_web::FromRequest for Caller {
    type Error = ApiError;
    type Future = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Self, ApiError>>>>;

    /// A signed-in person, or else a guest with a manage token; neither is 401. As an extractor it runs
    /// before the body is read, so the unauthenticated never learn anything from body errors.
    fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let user = MaybeUser::from_request(req, payload);
        let token = req
            .headers()
            .get(MANAGE_TOKEN_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        Box::pin(async move {
            if let Some(u) = user.await?.0 {
                return Ok(Caller::User(u));
            }
            match token {
                Some(t) if !t.is_empty() => Ok(Caller::Guest { token: t }),
                _ => Err(ApiError::unauthorized()),
            }
        })
    }
}

/// Book a session.
///
/// Books a one-to-one session at a time listed by `GET /api/v1/services/{id}/slots`. Signed-in patrons
/// are booked under their account; guests give `name` and `email` or `phone` and get a secret
/// `manage_token` once, for the confirmation link (send it as `X-Manage-Token` to see or cancel).
/// When someone else was faster the answer is 409 `slot_taken`; nothing is written then.
#[utoipa::path(
    tag = "bookings",
    operation_id = "create_booking",
    request_body = NewBooking,
    responses(
        JsonBodyErrors,
        (status = 201, description = "Booked.", body = Booking),
        (status = 401, description = "An `Authorization` header was sent but is not valid (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Someone booked this time first (`slot_taken`).", body = Problem, content_type = "application/problem+json",
            example = json!({"type": "urn:etakirjasto:problem:slot_taken", "title": "Someone booked this time just before you. Please choose another time.", "status": 409, "code": "slot_taken"})),
        (status = 422, description = "A field is missing or invalid, or the time is not bookable (`invalid_input`, field `start`).", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many of these from one address; see `Retry-After` (`too_many_requests`).", body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
    )
)]
#[post("/bookings")]
#[tracing::instrument(skip_all)]
pub async fn create_booking(
    state: web::Data<AppState>,
    req: actix_web::HttpRequest,
    user: MaybeUser,
    body: web::Json<NewBooking>,
) -> Result<HttpResponse, ApiError> {
    use crate::throttle::{self, Write};
    let guest = user.0.is_none();
    if guest {
        throttle::spend(&state, &req, Write::Booking).await?;
    }
    let input = body.into_inner();
    let st = state.clone();
    let partner = crate::partners::call_of(&req);
    let booking = db::run(&state.pool, move |conn| {
        if let Some(call) = &partner {
            use crate::partners::service::{Target, check_library};
            check_library(conn, call, Target::Service(&input.service_id))?;
        }
        service::book(
            conn,
            user.0.as_ref(),
            input,
            &st.config.meeting_base_url,
            Utc::now(),
        )
    })
    .await;
    if guest {
        throttle::refund(&state, &req, Write::Booking, &booking).await;
    }
    let booking = booking?;
    Ok(HttpResponse::Created()
        .insert_header(("Cache-Control", "no-store"))
        .json(booking))
}

/// An id filter, refused as invalid input unless it has the form of an id the server issued.
fn checked_id(field: &'static str) -> impl Fn(String) -> Result<String, ApiError> {
    move |id| {
        if etakirjasto_shared::validate::is_id(&id) {
            Ok(id)
        } else {
            Err(ApiError::invalid(vec![(
                field.into(),
                FieldCode::InvalidFormat,
            )]))
        }
    }
}

/// Filters of the booking list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BookingListParams {
    /// How many to return (1 to 100; 25 when left out).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u32>,
    /// `next_cursor` from the previous page.
    #[param(pattern = "^[A-Za-z0-9_-]+$")]
    pub cursor: Option<String>,
    /// Staff: the library whose bookings to list (default: every library where one is staff).
    #[param(example = "kalajoki")]
    pub library: Option<String>,
    /// Only one's own bookings as a patron (staff see their libraries' bookings otherwise).
    pub mine: Option<bool>,
    /// Staff: only this staff member's sessions.
    pub staff_id: Option<String>,
    /// Only this session type.
    pub service_id: Option<String>,
    /// Only this status.
    pub status: Option<BookingStatus>,
    /// Starting at or after (RFC 3339).
    #[param(value_type = Option<String>, format = DateTime)]
    pub from: Option<DateTime<FixedOffset>>,
    /// Starting before (RFC 3339).
    #[param(value_type = Option<String>, format = DateTime)]
    pub to: Option<DateTime<FixedOffset>>,
}

/// List bookings.
///
/// A patron's own bookings; for staff, the bookings of their libraries (one library with `library`),
/// filtered by staff member, session type, status and time, ordered by start.
#[utoipa::path(
    tag = "bookings",
    operation_id = "list_bookings",
    security(("bearer" = [])),
    params(BookingListParams),
    responses(
        (status = 200, description = "A page of bookings.", body = Page<Booking>),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff of the library asked for (`forbidden`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A filter is invalid (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/bookings")]
#[tracing::instrument(skip_all)]
pub async fn list_bookings(
    state: web::Data<AppState>,
    user: AuthUser,
    q: web::Query<BookingListParams>,
) -> Result<impl Responder, ApiError> {
    let q = q.into_inner();
    let paging = ListParams {
        limit: q.limit,
        cursor: q.cursor.clone(),
        library: None,
    };
    let (after, limit) = paging.window()?;
    let after =
        match after {
            Some(raw) => Some(service::decode_cursor(&raw).ok_or_else(|| {
                ApiError::invalid(vec![("cursor".into(), FieldCode::InvalidFormat)])
            })?),
            None => None,
        };
    let result = db::run(&state.pool, move |conn| {
        let library_id = match &q.library {
            Some(slug) => Some(
                find_by_slug(conn, slug)?
                    .ok_or_else(|| {
                        ApiError::invalid(vec![("library".into(), FieldCode::InvalidChoice)])
                    })?
                    .id,
            ),
            None => None,
        };
        let filter = queries::Filter {
            patron_id: q.mine.unwrap_or(false).then(|| user.user_id.clone()),
            staff_id: q.staff_id.map(checked_id("staff_id")).transpose()?,
            service_id: q.service_id.map(checked_id("service_id")).transpose()?,
            status: q.status.map(|s| s.as_str().to_owned()),
            from: q.from.map(|f| f.with_timezone(&Utc).naive_utc()),
            to: q.to.map(|t| t.with_timezone(&Utc).naive_utc()),
            library_ids: None,
        };
        let filter = service::list_filter(&user, library_id.as_deref(), filter)?;
        let views = queries::list(conn, &filter, after, i64::from(limit) + 1)?;
        let out = page(
            views,
            limit,
            |v| service::encode_cursor(v.booking.starts_at, &v.booking.id),
            |v| v,
        );
        let seen_as_staff: Vec<&queries::BookingView> = out
            .items
            .iter()
            .filter(|v| user.is_staff_of(&v.booking.library_id))
            .collect();
        service::log_staff_views(conn, &user, &seen_as_staff)?;
        let items = out
            .items
            .into_iter()
            .map(|v| {
                let staff = user.is_staff_of(&v.booking.library_id);
                service::to_wire(v, staff)
            })
            .collect();
        Ok(Page {
            items,
            next_cursor: out.next_cursor,
        })
    })
    .await?;
    Ok(web::Json(result))
}

/// Get a booking.
///
/// For its patron, the guest holding its manage token (header `X-Manage-Token`), and staff of its
/// library; anyone else gets 404.
#[utoipa::path(
    tag = "bookings",
    operation_id = "get_booking",
    params(
        ("id" = String, Path, description = "The booking's id."),
        ("X-Manage-Token" = Option<String>, Header, description = "A guest's manage token, instead of signing in."),
    ),
    responses(
        (status = 200, description = "The booking.", body = Booking),
        (status = 401, description = "Neither signed in nor a manage token (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such booking, or not yours (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/bookings/{id}")]
#[tracing::instrument(skip_all)]
pub async fn get_booking(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<impl Responder, ApiError> {
    let id = id.into_inner();
    let booking = db::run(&state.pool, move |conn| {
        service::read(conn, &caller, &id).map(|(booking, _)| booking)
    })
    .await?;
    Ok(web::Json(booking))
}

/// Cancel a booking.
///
/// Patrons and guests can cancel until the session type's cancellation cut-off (`cancellable_until`);
/// after it, or for a booking already cancelled, the answer is 409 `booking_locked` and the patron
/// should phone the library. Staff of the library can cancel at any time.
#[utoipa::path(
    tag = "bookings",
    operation_id = "cancel_booking",
    params(
        ("id" = String, Path, description = "The booking's id."),
        ("X-Manage-Token" = Option<String>, Header, description = "A guest's manage token, instead of signing in."),
    ),
    responses(
        (status = 200, description = "Cancelled; the time is free again.", body = Booking),
        (status = 401, description = "Neither signed in nor a manage token (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such booking, or not yours (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Past the cut-off or already cancelled (`booking_locked`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/bookings/{id}/cancel")]
#[tracing::instrument(skip_all)]
pub async fn cancel_booking(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<impl Responder, ApiError> {
    let id = id.into_inner();
    let booking = db::run(&state.pool, move |conn| {
        service::cancel(conn, &caller, &id, Utc::now())
    })
    .await?;
    Ok(web::Json(booking))
}

/// Move a booking.
///
/// Moves a booking to another time of the same session type, as listed by the slots endpoint.
/// Patrons and guests can move it until the cancellation cut-off; staff of the library at any time.
/// The staff member may change. When the new time was just taken the booking stays as it was (409).
#[utoipa::path(
    tag = "bookings",
    operation_id = "reschedule_booking",
    params(
        ("id" = String, Path, description = "The booking's id."),
        ("X-Manage-Token" = Option<String>, Header, description = "A guest's manage token, instead of signing in."),
    ),
    request_body = RescheduleRequest,
    responses(
        JsonBodyErrors,
        (status = 200, description = "Moved.", body = Booking),
        (status = 401, description = "Neither signed in nor a manage token (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such booking, or not yours (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The new time was just taken (`slot_taken`), or the booking can no longer be changed (`booking_locked`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The new time is not offered (`invalid_input`, field `start`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/bookings/{id}/reschedule")]
#[tracing::instrument(skip_all)]
pub async fn reschedule_booking(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: web::Json<RescheduleRequest>,
) -> Result<impl Responder, ApiError> {
    let (id, start) = (id.into_inner(), body.start.with_timezone(&Utc));
    let booking = db::run(&state.pool, move |conn| {
        service::reschedule(conn, &caller, &id, start, Utc::now())
    })
    .await?;
    Ok(web::Json(booking))
}

/// Record how a session went.
///
/// Staff of the library mark a session held or a no-show and keep an internal note, which only the
/// library's staff ever see.
#[utoipa::path(
    tag = "bookings",
    operation_id = "record_booking_outcome",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The booking's id.")),
    request_body = BookingOutcome,
    responses(
        JsonBodyErrors,
        (status = 200, description = "Saved.", body = Booking),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff of the booking's library (`forbidden`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such booking, or not visible to you (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The status is not `held` or `no_show`, or the note is too long (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/bookings/{id}/outcome")]
#[tracing::instrument(skip_all)]
pub async fn record_outcome(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
    body: web::Json<BookingOutcome>,
) -> Result<impl Responder, ApiError> {
    let (id, outcome) = (id.into_inner(), body.into_inner());
    let booking = db::run(&state.pool, move |conn| {
        service::record_outcome(conn, &user, &id, outcome.status, outcome.internal_note)
    })
    .await?;
    Ok(web::Json(booking))
}

/// The booking as a calendar file.
///
/// An RFC 5545 `.ics` file with the session in the library's time zone (defined inside the file), for
/// adding to a phone's or computer's calendar. Same access as reading the booking.
#[utoipa::path(
    tag = "bookings",
    operation_id = "get_booking_calendar",
    params(
        ("id" = String, Path, description = "The booking's id."),
        ("X-Manage-Token" = Option<String>, Header, description = "A guest's manage token, instead of signing in."),
    ),
    responses(
        (status = 200, description = "The calendar file.", content_type = "text/calendar", body = String),
        (status = 401, description = "Neither signed in nor a manage token (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such booking, or not yours (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/bookings/{id}/calendar.ics")]
#[tracing::instrument(skip_all)]
pub async fn get_booking_calendar(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let lang = crate::error::request_lang(&req);
    let id = id.into_inner();
    let ics = db::run(&state.pool, move |conn| {
        let (booking, library_id) = service::read(conn, &caller, &id)?;
        let library = crate::libraries::queries::find_by_id(conn, &library_id)?;
        Ok(super::ics::calendar(
            &booking,
            &library.name,
            lang,
            Utc::now(),
        ))
    })
    .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            "attachment; filename=\"etakirjasto-varaus.ics\"",
        ))
        .insert_header(("Cache-Control", "no-store"))
        .body(ics))
}

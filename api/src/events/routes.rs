//! HTTP handlers for events and registrations.

use actix_web::{HttpRequest, HttpResponse, Responder, get, post, put, web};
use chrono::{DateTime, FixedOffset, Utc};
use etakirjasto_shared::{
    Attendance, Audience, Event, EventCategory, EventInput, EventMessageInput, EventMessageSent,
    EventMode, EventSeries, FieldCode, MyRegistration, NewRegistration, Page, Problem,
    Registration, SeatChange, SeriesRegistration,
};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{export, queries, rules, series, service};
use crate::{
    AppState,
    auth::{AuthUser, MaybeUser, Staff},
    bookings::service::Caller,
    db,
    error::ApiError,
    libraries::queries::find_by_slug,
    openapi::{JsonBodyErrors, StaffOnlyErrors},
    pagination::{ListParams, page},
};

/// Filters of the event list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventListParams {
    /// How many to return (1 to 100; 25 when left out).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u32>,
    /// `next_cursor` from the previous page.
    #[param(pattern = "^[A-Za-z0-9_-]+$")]
    pub cursor: Option<String>,
    /// Only this library's events (its slug).
    #[param(example = "kalajoki")]
    pub library: Option<String>,
    /// Only events still going on at or after this time (RFC 3339; default now).
    #[param(value_type = Option<String>, format = DateTime)]
    pub from: Option<DateTime<FixedOffset>>,
    /// Only events starting before this time (RFC 3339).
    #[param(value_type = Option<String>, format = DateTime)]
    pub to: Option<DateTime<FixedOffset>>,
    /// Only this kind of event.
    pub category: Option<EventCategory>,
    /// Only events for this audience.
    pub audience: Option<Audience>,
    /// Only events held this way.
    pub mode: Option<EventMode>,
}

fn cursor_of(start: chrono::NaiveDateTime, id: &str) -> String {
    format!("{}|{id}", start.and_utc().timestamp_micros())
}

fn parse_cursor(raw: &str) -> Option<(chrono::NaiveDateTime, String)> {
    let (micros, id) = raw.split_once('|')?;
    let start = DateTime::<Utc>::from_timestamp_micros(micros.parse().ok()?)?.naive_utc();
    etakirjasto_shared::validate::is_id(id).then(|| (start, id.to_owned()))
}

/// List events.
///
/// Public: events still going on from `from` (default now), by start time, filtered by library,
/// category, audience and mode, with seats taken and waiting per seat type. Video links are never in
/// this list.
#[utoipa::path(
    tag = "events",
    operation_id = "list_events",
    params(EventListParams),
    responses(
        (status = 200, description = "A page of events.", body = Page<Event>),
        (status = 422, description = "A filter is invalid (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/events")]
#[tracing::instrument(skip_all)]
pub async fn list_events(
    state: web::Data<AppState>,
    q: web::Query<EventListParams>,
) -> Result<impl Responder, ApiError> {
    let q = q.into_inner();
    let now = Utc::now();
    let events = db::run(&state.pool, move |conn| {
        let (filter, after, limit) = list_filter(conn, &q, now)?;
        let rows = service::list(conn, &filter, after, i64::from(limit) + 1, now)?;
        Ok(page(
            rows,
            limit,
            |(start, e)| cursor_of(*start, &e.id),
            |(_, e)| e,
        ))
    })
    .await?;
    Ok(web::Json(events))
}

/// Events as a calendar feed.
///
/// The same events and filters as the list (up to 100 from `from`), as an RFC 5545 `.ics` file to
/// subscribe to in a calendar app, in the language of `Accept-Language`. Never with video links.
#[utoipa::path(
    tag = "events",
    operation_id = "events_feed",
    params(EventListParams),
    responses(
        (status = 200, description = "The calendar feed.", content_type = "text/calendar", body = String),
        (status = 422, description = "A filter is invalid (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/events.ics")]
#[tracing::instrument(skip_all)]
pub async fn events_feed(
    req: HttpRequest,
    state: web::Data<AppState>,
    q: web::Query<EventListParams>,
) -> Result<HttpResponse, ApiError> {
    let lang = crate::error::request_lang(&req);
    let mut q = q.into_inner();
    q.limit = Some(q.limit.unwrap_or(etakirjasto_shared::MAX_PAGE_SIZE));
    let now = Utc::now();
    let ics = db::run(&state.pool, move |conn| {
        let (filter, after, limit) = list_filter(conn, &q, now)?;
        let events: Vec<Event> = service::list(conn, &filter, after, i64::from(limit), now)?
            .into_iter()
            .map(|(_, e)| e)
            .collect();
        let name = library_name(conn, q.library.as_deref())?;
        Ok(super::ics::calendar(&events, &name, lang, now))
    })
    .await?;
    Ok(calendar_response(ics, "etakirjasto-tapahtumat.ics"))
}

fn calendar_response(ics: String, file: &str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{file}\""),
        ))
        .body(ics)
}

/// The library's name for calendar locations: the one asked for, or the only one.
fn library_name(
    conn: &mut crate::db::DbConnection,
    slug: Option<&str>,
) -> Result<String, ApiError> {
    let library = match slug {
        Some(s) => find_by_slug(conn, s)?,
        None => crate::libraries::queries::the_only_library(conn)?,
    };
    Ok(library.map(|l| l.name).unwrap_or_default())
}

/// A list query: the filter, where to continue, and how many.
type ListQuery = (
    queries::Filter,
    Option<(chrono::NaiveDateTime, String)>,
    u32,
);

/// The list's filter, cursor and page size from the query.
fn list_filter(
    conn: &mut crate::db::DbConnection,
    q: &EventListParams,
    now: DateTime<Utc>,
) -> Result<ListQuery, ApiError> {
    let paging = ListParams {
        limit: q.limit,
        cursor: q.cursor.clone(),
        library: q.library.clone(),
    };
    let (after, limit) = paging.window()?;
    let after =
        match after {
            Some(raw) => Some(parse_cursor(&raw).ok_or_else(|| {
                ApiError::invalid(vec![("cursor".into(), FieldCode::InvalidFormat)])
            })?),
            None => None,
        };
    if let Some((start, _)) = &after {
        crate::pagination::storable("cursor", &start.and_utc())?;
    }
    if let Some(from) = &q.from {
        crate::pagination::storable("from", from)?;
    }
    if let Some(to) = &q.to {
        crate::pagination::storable("to", to)?;
    }
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
        library_id,
        category: q.category.map(|c| c.as_str().to_owned()),
        audience: q.audience.map(|a| a.as_str().to_owned()),
        mode: q.mode.map(|m| m.as_str().to_owned()),
        from: Some(q.from.map_or(now, |f| f.with_timezone(&Utc)).naive_utc()),
        to: q.to.map(|t| t.with_timezone(&Utc).naive_utc()),
    };
    Ok((filter, after, limit))
}

/// One event as a calendar file.
///
/// Public, in the language of `Accept-Language`; without the video link.
#[utoipa::path(
    tag = "events",
    operation_id = "get_event_calendar",
    params(("id" = String, Path, description = "The event's id.")),
    responses(
        (status = 200, description = "The calendar file.", content_type = "text/calendar", body = String),
        (status = 404, description = "No such event (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/events/{id}/calendar.ics")]
#[tracing::instrument(skip_all)]
pub async fn get_event_calendar(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let lang = crate::error::request_lang(&req);
    let id = id.into_inner();
    let now = Utc::now();
    let ics = db::run(&state.pool, move |conn| {
        let event = service::get(conn, None, &id, now)?;
        let name = library_name(conn, Some(&event.library))?;
        Ok(super::ics::calendar(&[event], &name, lang, now))
    })
    .await?;
    Ok(calendar_response(ics, "etakirjasto-tapahtuma.ics"))
}

/// Get an event.
///
/// Public. The video link is included for the library's staff, and for a signed-in person with a
/// confirmed registration from `join_visible_minutes` before the start until the end.
#[utoipa::path(
    tag = "events",
    operation_id = "get_event",
    params(("id" = String, Path, description = "The event's id.")),
    responses(
        (status = 200, description = "The event.", body = Event),
        (status = 401, description = "An `Authorization` header that is not a valid token (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such event (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/events/{id}")]
#[tracing::instrument(skip_all)]
pub async fn get_event(
    state: web::Data<AppState>,
    user: MaybeUser,
    id: web::Path<String>,
) -> Result<impl Responder, ApiError> {
    let id = id.into_inner();
    let event = db::run(&state.pool, move |conn| {
        service::get(conn, user.0.as_ref(), &id, Utc::now())
    })
    .await?;
    Ok(web::Json(event))
}

/// Create an event.
///
/// Staff of the library. Online and hybrid events take a `join_url`; seats are given separately for
/// the room and the video link.
#[utoipa::path(
    tag = "events",
    operation_id = "create_event",
    security(("bearer" = [])),
    request_body = EventInput,
    responses(
        JsonBodyErrors,
        (status = 201, description = "Created.", body = Event),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff of the library (`forbidden`, or `second_factor_setup_required`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Fields are missing or invalid (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/events")]
#[tracing::instrument(skip_all)]
pub async fn create_event(
    state: web::Data<AppState>,
    Staff(user): Staff,
    body: web::Json<EventInput>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner();
    rules::check_event(&input).map_err(ApiError::invalid)?;
    let event = db::run(&state.pool, move |conn| {
        service::create(conn, &user, input, Utc::now())
    })
    .await?;
    Ok(HttpResponse::Created().json(event))
}

/// Change an event.
///
/// Staff of the library replace every setting (the library cannot change). Raising a capacity gives
/// the freed seats to the waiting list at once, in order.
#[utoipa::path(
    tag = "events",
    operation_id = "update_event",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The event's id.")),
    request_body = EventInput,
    responses(
        JsonBodyErrors,
        (status = 200, description = "Changed.", body = Event),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff of the event's library (`forbidden`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such event (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Fields are missing or invalid (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/events/{id}")]
#[tracing::instrument(skip_all)]
pub async fn update_event(
    state: web::Data<AppState>,
    Staff(user): Staff,
    id: web::Path<String>,
    body: web::Json<EventInput>,
) -> Result<impl Responder, ApiError> {
    let (id, input) = (id.into_inner(), body.into_inner());
    rules::check_event(&input).map_err(ApiError::invalid)?;
    let event = db::run(&state.pool, move |conn| {
        service::update(conn, &user, &id, input, Utc::now())
    })
    .await?;
    Ok(web::Json(event))
}

/// Cancel an event.
///
/// Staff of the library. Registration closes and the event is shown as cancelled; registrations are
/// kept so that everyone registered can be told.
#[utoipa::path(
    tag = "events",
    operation_id = "cancel_event",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The event's id.")),
    responses(
        (status = 200, description = "Cancelled.", body = Event),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff of the event's library (`forbidden`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such event (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/events/{id}/cancel")]
#[tracing::instrument(skip_all)]
pub async fn cancel_event(
    state: web::Data<AppState>,
    Staff(user): Staff,
    id: web::Path<String>,
) -> Result<impl Responder, ApiError> {
    let id = id.into_inner();
    let event = db::run(&state.pool, move |conn| {
        service::cancel(conn, &user, &id, Utc::now())
    })
    .await?;
    Ok(web::Json(event))
}

/// Write to everyone registered.
///
/// Staff of the library write in their own words to everyone registered for the event, confirmed
/// or waiting (a change of book, a tip for joining): each gets it by their own channel, in the
/// library's wording of `event_message` in their language, with the event's name, time and link.
#[utoipa::path(
    tag = "events",
    operation_id = "message_event_participants",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The event's id.")),
    request_body = EventMessageInput,
    responses(
        StaffOnlyErrors,
        JsonBodyErrors,
        (status = 201, description = "Written to the outbox for each person who can be reached.", body = EventMessageSent),
        (status = 404, description = "No such event (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The message is empty, too long or has control characters (`invalid_input` on `message`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/events/{id}/message")]
#[tracing::instrument(skip_all)]
pub async fn message_event_participants(
    state: web::Data<AppState>,
    Staff(user): Staff,
    id: web::Path<String>,
    body: web::Json<EventMessageInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let input = body.into_inner();
    let sent = db::run(&state.pool, move |conn| {
        service::message_all(conn, &user, &id, input, Utc::now())
    })
    .await?;
    Ok(HttpResponse::Created().json(sent))
}

/// Register for an event.
///
/// A signed-in patron registers under their account (once per event); a guest gives `name` and
/// `email` or `phone` and gets a secret `manage_token`; staff register someone who phoned with their
/// details and `patron_consent`. The answer is `confirmed` when seats of the type are free and nobody
/// waits for them, else `waitlisted` with `waitlist_position`.
#[utoipa::path(
    tag = "events",
    operation_id = "register_for_event",
    params(("id" = String, Path, description = "The event's id.")),
    request_body = NewRegistration,
    responses(
        JsonBodyErrors,
        (status = 201, description = "Registered: confirmed, or on the waiting list.", body = Registration),
        (status = 401, description = "An `Authorization` header that is not a valid token (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such event (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Registration is not open (`registration_closed`), the event needs none, or the account is already registered (`conflict`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Fields are missing or invalid (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many of these from one address; see `Retry-After` (`too_many_requests`).", body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
    )
)]
#[post("/events/{id}/registrations")]
#[tracing::instrument(skip_all)]
pub async fn register_for_event(
    state: web::Data<AppState>,
    req: actix_web::HttpRequest,
    user: MaybeUser,
    id: web::Path<String>,
    body: web::Json<NewRegistration>,
) -> Result<HttpResponse, ApiError> {
    use crate::throttle::{self, Write};
    let guest = user.0.is_none();
    if guest {
        throttle::spend(&state, &req, Write::Registration).await?;
    }
    let (id, input) = (id.into_inner(), body.into_inner());
    let partner = crate::partners::call_of(&req);
    let registration = db::run(&state.pool, move |conn| {
        if let Some(call) = &partner {
            use crate::partners::service::{Target, check_library};
            check_library(conn, call, Target::Event(&id))?;
        }
        service::register(conn, user.0.as_ref(), &id, input, Utc::now())
    })
    .await;
    if guest {
        throttle::refund(&state, &req, Write::Registration, &registration).await;
    }
    let registration = registration?;
    Ok(HttpResponse::Created()
        .insert_header(("Cache-Control", "no-store"))
        .json(registration))
}

/// List an event's participants.
///
/// Staff of the library: every registration with seat type, seats, status, place in the queue,
/// contact details and needs. Each look is written to the audit log.
#[utoipa::path(
    tag = "events",
    operation_id = "list_registrations",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The event's id.")),
    responses(
        (status = 200, description = "The registrations, oldest first.", body = Vec<Registration>),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff of the event's library (`forbidden`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such event (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/events/{id}/registrations")]
#[tracing::instrument(skip_all)]
pub async fn list_registrations(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
) -> Result<impl Responder, ApiError> {
    let id = id.into_inner();
    let list = db::run(&state.pool, move |conn| {
        service::participants(conn, &user, &id, Utc::now())
    })
    .await?;
    Ok(web::Json(list))
}

/// Get a registration.
///
/// For its patron, the guest holding its manage token (header `X-Manage-Token`), and the library's
/// staff; anyone else gets 404. A confirmed registration carries the video link in its window.
#[utoipa::path(
    tag = "events",
    operation_id = "get_registration",
    params(
        ("id" = String, Path, description = "The event's id."),
        ("rid" = String, Path, description = "The registration's id."),
        ("X-Manage-Token" = Option<String>, Header, description = "A guest's manage token."),
    ),
    responses(
        (status = 200, description = "The registration.", body = Registration),
        (status = 401, description = "Neither a valid token nor a manage token (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such registration, or not yours (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/events/{id}/registrations/{rid}")]
#[tracing::instrument(skip_all)]
pub async fn get_registration(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<impl Responder, ApiError> {
    let (id, rid) = path.into_inner();
    let r = db::run(&state.pool, move |conn| {
        service::read_registration(conn, &caller, &id, &rid, Utc::now())
    })
    .await?;
    Ok(web::Json(r))
}

/// Cancel a registration.
///
/// The person (or the guest with the manage token) until the event starts, staff at any time. A
/// freed seat goes at once to the first waiting person who fits, unless registration has closed;
/// cancelling a place on the waiting list promotes nobody.
#[utoipa::path(
    tag = "events",
    operation_id = "cancel_registration",
    params(
        ("id" = String, Path, description = "The event's id."),
        ("rid" = String, Path, description = "The registration's id."),
        ("X-Manage-Token" = Option<String>, Header, description = "A guest's manage token."),
    ),
    responses(
        (status = 200, description = "Cancelled.", body = Registration),
        (status = 401, description = "Neither a valid token nor a manage token (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such registration, or not yours (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already cancelled (`conflict`), or the event has started (`registration_closed`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/events/{id}/registrations/{rid}/cancel")]
#[tracing::instrument(skip_all)]
pub async fn cancel_registration(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<impl Responder, ApiError> {
    let (id, rid) = path.into_inner();
    let r = db::run(&state.pool, move |conn| {
        service::cancel_registration(conn, &caller, &id, &rid, Utc::now())
    })
    .await?;
    Ok(web::Json(r))
}

/// Read a series.
///
/// The repeat rule and every occurrence (each an event of its own, with its id), past and cancelled
/// ones included. Public.
#[utoipa::path(
    tag = "events",
    operation_id = "get_event_series",
    params(("id" = String, Path, description = "The series' id (an event's `series`).")),
    responses(
        (status = 200, description = "The series.", body = EventSeries),
        (status = 404, description = "No such series (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/event-series/{id}")]
#[tracing::instrument(skip_all)]
pub async fn get_event_series(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<impl Responder, ApiError> {
    let id = id.into_inner();
    let found = db::run(&state.pool, move |conn| series::get(conn, &id, Utc::now())).await?;
    Ok(web::Json(found))
}

/// Cancel the rest of a series.
///
/// Staff of the library. Every occurrence that has not started is cancelled (registration closes and
/// everyone registered can be told); occurrences already held stay as they were. To cancel one
/// occurrence, cancel its event.
#[utoipa::path(
    tag = "events",
    operation_id = "cancel_event_series",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The series' id.")),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "Cancelled; the series as it now stands.", body = EventSeries),
        (status = 404, description = "No such series (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/event-series/{id}/cancel")]
#[tracing::instrument(skip_all)]
pub async fn cancel_event_series(
    state: web::Data<AppState>,
    Staff(user): Staff,
    id: web::Path<String>,
) -> Result<impl Responder, ApiError> {
    let id = id.into_inner();
    let found = db::run(&state.pool, move |conn| {
        series::cancel(conn, &user, &id, Utc::now())
    })
    .await?;
    Ok(web::Json(found))
}

/// Register for a whole series.
///
/// One registration for every upcoming occurrence that is open for registration, made together:
/// each is confirmed or waitlisted on its own, as for one event. Occurrences not open (not yet,
/// closed, cancelled) or already registered for are listed in `skipped`. The same people as for one
/// event may register; guests get a manage token per occurrence. A request that one occurrence cannot
/// take (more seats than it has, a seat type it lacks) is refused whole and writes nothing.
#[utoipa::path(
    tag = "events",
    operation_id = "register_for_series",
    params(("id" = String, Path, description = "The series' id.")),
    request_body = NewRegistration,
    responses(
        JsonBodyErrors,
        (status = 201, description = "Registered for the occurrences listed.", body = SeriesRegistration),
        (status = 401, description = "An `Authorization` header that is not a valid token (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such series (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "No occurrence is open for registration (`registration_closed`), the series needs none, or the account is registered for every open one (`conflict`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Fields are missing or invalid (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many of these from one address; see `Retry-After` (`too_many_requests`).", body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
    )
)]
#[post("/event-series/{id}/registrations")]
#[tracing::instrument(skip_all)]
pub async fn register_for_series(
    state: web::Data<AppState>,
    req: actix_web::HttpRequest,
    user: MaybeUser,
    id: web::Path<String>,
    body: web::Json<NewRegistration>,
) -> Result<HttpResponse, ApiError> {
    use crate::throttle::{self, Write};
    let guest = user.0.is_none();
    if guest {
        throttle::spend(&state, &req, Write::Registration).await?;
    }
    let (id, input) = (id.into_inner(), body.into_inner());
    let partner = crate::partners::call_of(&req);
    let made = db::run(&state.pool, move |conn| {
        if let Some(call) = &partner {
            use crate::partners::service::{Target, check_library};
            check_library(conn, call, Target::Series(&id))?;
        }
        series::register(conn, user.0.as_ref(), &id, input, Utc::now())
    })
    .await;
    if guest {
        throttle::refund(&state, &req, Write::Registration, &made).await;
    }
    let made = made?;
    Ok(HttpResponse::Created()
        .insert_header(("Cache-Control", "no-store"))
        .json(made))
}

/// Download an event's participants as CSV.
///
/// Staff of the library: the participant list as a spreadsheet (UTF-8 with a byte-order mark, CRLF),
/// with headers and values in the language of `Accept-Language`: separated by `;` in Finnish and
/// Swedish, as spreadsheets there expect, and by `,` in English. Each download is written to
/// the audit log.
#[utoipa::path(
    tag = "events",
    operation_id = "export_registrations",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The event's id.")),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "The participants, oldest registration first.", body = String, content_type = "text/csv",
            example = json!("\u{feff}Nimi;Sähköposti;Puhelin;Paikka;Paikkoja;Tila;Jonosija;Tarpeet;Henkilökunnan ilmoittama;Ilmoittautunut;Osallistui\r\nMaija Meikäläinen;maija@example.fi;;verkossa;1;vahvistettu;;Tekstitys;ei;2026-12-01 10:00 UTC;\r\n")),
        (status = 404, description = "No such event (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/events/{id}/registrations.csv")]
#[tracing::instrument(skip_all)]
pub async fn export_registrations(
    state: web::Data<AppState>,
    request: HttpRequest,
    user: AuthUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let lang = crate::error::request_lang(&request);
    let file = id.chars().take(8).collect::<String>();
    let csv = db::run(&state.pool, move |conn| {
        let list = service::participants(conn, &user, &id, Utc::now())?;
        Ok(export::participants_csv(&list, lang))
    })
    .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"participants-{file}.csv\""),
        ))
        .insert_header(("Cache-Control", "no-store"))
        .body(csv))
}

/// Mark whether a participant came.
///
/// Staff of the library, once the event has started, for confirmed registrations.
#[utoipa::path(
    tag = "events",
    operation_id = "mark_attendance",
    security(("bearer" = [])),
    params(
        ("id" = String, Path, description = "The event's id."),
        ("rid" = String, Path, description = "The registration's id."),
    ),
    request_body = Attendance,
    responses(
        StaffOnlyErrors,
        JsonBodyErrors,
        (status = 200, description = "Marked.", body = Registration),
        (status = 404, description = "No such event or registration (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The event has not started, or the registration is not confirmed (`conflict`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The body is missing `attended` or has unknown fields (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/events/{id}/registrations/{rid}/attendance")]
#[tracing::instrument(skip_all)]
pub async fn mark_attendance(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(String, String)>,
    body: web::Json<Attendance>,
) -> Result<impl Responder, ApiError> {
    let (id, rid) = path.into_inner();
    let attended = body.into_inner().attended;
    let registration = db::run(&state.pool, move |conn| {
        service::mark_attendance(conn, &user, &id, &rid, attended, Utc::now())
    })
    .await?;
    Ok(web::Json(registration))
}

/// Move a registration to the other kind of seat.
///
/// Staff of the library, for hybrid events. A confirmed registration moves only if the seats are
/// free there and nobody waits for them (else 409, nothing changes); the seat it leaves goes to the
/// first person waiting for it. A waiting registration is confirmed there if it fits, else joins the
/// end of that waiting list.
#[utoipa::path(
    tag = "events",
    operation_id = "change_seat_type",
    security(("bearer" = [])),
    params(
        ("id" = String, Path, description = "The event's id."),
        ("rid" = String, Path, description = "The registration's id."),
    ),
    request_body = SeatChange,
    responses(
        StaffOnlyErrors,
        JsonBodyErrors,
        (status = 200, description = "Moved (or already there).", body = Registration),
        (status = 404, description = "No such event or registration (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "No room in those seats, or the registration is cancelled (`conflict`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The event has no such seats, or not enough (`invalid_input`, field `seat_type`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/events/{id}/registrations/{rid}/seat-type")]
#[tracing::instrument(skip_all)]
pub async fn change_seat_type(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(String, String)>,
    body: web::Json<SeatChange>,
) -> Result<impl Responder, ApiError> {
    let (id, rid) = path.into_inner();
    let seat = body.into_inner().seat_type;
    let registration = db::run(&state.pool, move |conn| {
        service::change_seat_type(conn, &user, &id, &rid, seat, Utc::now())
    })
    .await?;
    Ok(web::Json(registration))
}

/// List my event registrations.
///
/// The signed-in person's own registrations, each with its event, in the order of the events'
/// start (past and cancelled ones included). The video link is in a confirmed registration (and its
/// event) from `join_visible_minutes` before the start until the end.
#[utoipa::path(
    tag = "events",
    operation_id = "list_my_registrations",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The registrations.", body = Vec<MyRegistration>),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/registrations")]
#[tracing::instrument(skip_all)]
pub async fn list_my_registrations(
    state: web::Data<AppState>,
    user: AuthUser,
) -> Result<HttpResponse, ApiError> {
    let list = db::run(&state.pool, move |conn| {
        service::of_patron(conn, &user.user_id, Utc::now())
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(list))
}

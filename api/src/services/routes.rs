//! HTTP handlers for session types, their staff, staff availability and bookable slots.

use actix_web::{
    HttpRequest, HttpResponse, Responder, get,
    http::header::ContentType,
    post, put,
    web::{self, Bytes},
};
use chrono::{DateTime, Duration, FixedOffset, Utc};
use chrono_tz::Tz;
use etakirjasto_shared::{
    Availability, FieldCode, Page, Problem, Service, ServiceInput, ServiceStaff, SessionMode, Slot,
    SlotList,
};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{input, queries, queries::ServiceRow, rules, slot_cache};
use crate::{
    AppState,
    auth::{AuthUser, Staff, queries as auth_queries},
    db::{self, DbConnection, write_tx},
    error::ApiError,
    libraries::queries::{LibraryRow, find_by_slug},
    openapi::JsonBodyErrors,
    pagination::{ListParams, page},
};

/// The library named in input, which the caller must be staff of.
fn staff_library(
    conn: &mut DbConnection,
    user: &AuthUser,
    slug: &str,
) -> Result<LibraryRow, ApiError> {
    let library = find_by_slug(conn, slug)?
        .ok_or_else(|| ApiError::invalid(vec![("library".into(), FieldCode::InvalidChoice)]))?;
    if !user.is_staff_of(&library.id) {
        return Err(crate::auth::extract::role_refused(user));
    }
    Ok(library)
}

/// A service the caller is staff of, with its library's slug.
fn staff_service(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
) -> Result<(ServiceRow, String), ApiError> {
    let (row, slug) = queries::find(conn, id)?.ok_or_else(ApiError::not_found)?;
    if !user.is_staff_of(&row.library_id) {
        return Err(crate::auth::extract::role_refused(user));
    }
    Ok((row, slug))
}

/// True when `user_id` is staff or admin of the library.
fn is_library_staff(
    conn: &mut DbConnection,
    user_id: &str,
    library_id: &str,
) -> Result<bool, ApiError> {
    if !etakirjasto_shared::validate::is_id(user_id) {
        return Ok(false);
    }
    Ok(auth_queries::memberships_of(conn, user_id)?
        .iter()
        .any(|m| m.library_id == library_id && m.role.is_staff()))
}

/// List session types.
///
/// The bookable kinds of one-to-one session (reading guidance, e-services help, …), active ones only,
/// a page at a time; `library` narrows to one library.
#[utoipa::path(
    tag = "services",
    operation_id = "list_services",
    params(ListParams),
    responses(
        (status = 200, description = "A page of session types.", body = Page<Service>),
        (status = 422, description = "`limit` or `cursor` is invalid.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/services")]
#[tracing::instrument(skip_all)]
pub async fn list_services(
    state: web::Data<AppState>,
    params: web::Query<ListParams>,
) -> Result<impl Responder, ApiError> {
    let (after, limit) = params.window()?;
    let library = params.library.clone();
    let result = db::run(&state.pool, move |conn| {
        let rows = queries::list(
            conn,
            library.as_deref(),
            true,
            after.as_deref(),
            i64::from(limit) + 1,
        )?;
        Ok(page(
            rows,
            limit,
            |(r, _)| r.id.clone(),
            |(r, slug)| r.into_wire(slug),
        ))
    })
    .await?;
    Ok(web::Json(result))
}

/// Get a session type.
///
/// One session type with its texts in three languages, modes, timing rules, the questions asked when
/// booking and any ground rules the patron must accept.
#[utoipa::path(
    tag = "services",
    operation_id = "get_service",
    params(("id" = String, Path, description = "The session type's id.", example = "4c1f6f44-5b7c-4f7e-9d0a-3f4f0b7d9a11")),
    responses(
        (status = 200, description = "The session type.", body = Service),
        (status = 404, description = "No such session type (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/services/{id}")]
#[tracing::instrument(skip_all)]
pub async fn get_service(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<impl Responder, ApiError> {
    let id = id.into_inner();
    let service = db::run(&state.pool, move |conn| {
        let (row, slug) = queries::find(conn, &id)?.ok_or_else(ApiError::not_found)?;
        Ok(row.into_wire(slug))
    })
    .await?;
    Ok(web::Json(service))
}

/// Create a session type.
///
/// Staff of the library create a bookable kind of session: names and descriptions in Finnish (required),
/// Swedish and English, length, modes, buffers, notice, booking window, cancellation cut-off, up to five
/// questions and optional ground rules the patron must accept.
#[utoipa::path(
    tag = "services",
    operation_id = "create_service",
    security(("bearer" = [])),
    request_body = ServiceInput,
    responses(
        JsonBodyErrors,
        (status = 201, description = "Created.", body = Service),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff of this library (`forbidden`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Fields are missing or invalid (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/services")]
#[tracing::instrument(skip_all)]
pub async fn create_service(
    state: web::Data<AppState>,
    Staff(user): Staff,
    body: web::Json<ServiceInput>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner();
    let modes = input::check_service(&input).map_err(ApiError::invalid)?;
    let service = db::run(&state.pool, move |conn| {
        let library = staff_library(conn, &user, &input.library)?;
        let row = ServiceRow::from_input(
            uuid::Uuid::new_v4().to_string(),
            library.id,
            &input,
            &modes,
            Utc::now().naive_utc(),
        );
        queries::insert(conn, &row)?;
        Ok(row.into_wire(library.slug))
    })
    .await?;
    Ok(HttpResponse::Created().json(service))
}

/// Change a session type.
///
/// Replaces every setting of the session type (the library cannot change). Existing bookings keep the
/// times they were booked for.
#[utoipa::path(
    tag = "services",
    operation_id = "update_service",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The session type's id.")),
    request_body = ServiceInput,
    responses(
        JsonBodyErrors,
        (status = 200, description = "Changed.", body = Service),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff of the session type's library (`forbidden`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such session type (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Fields are missing or invalid (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/services/{id}")]
#[tracing::instrument(skip_all)]
pub async fn update_service(
    state: web::Data<AppState>,
    Staff(user): Staff,
    id: web::Path<String>,
    body: web::Json<ServiceInput>,
) -> Result<impl Responder, ApiError> {
    let (id, input) = (id.into_inner(), body.into_inner());
    let modes = input::check_service(&input).map_err(ApiError::invalid)?;
    let service = db::run(&state.pool, move |conn| {
        let (old, slug) = staff_service(conn, &user, &id)?;
        if input.library != slug {
            return Err(ApiError::invalid(vec![(
                "library".into(),
                FieldCode::InvalidChoice,
            )]));
        }
        let row = ServiceRow::from_input(old.id, old.library_id, &input, &modes, old.created_at);
        queries::update(conn, &row)?;
        Ok(row.into_wire(slug))
    })
    .await?;
    Ok(web::Json(service))
}

/// Who delivers a session type.
///
/// The account ids of the staff members who are offered in the session type's bookable times.
#[utoipa::path(
    tag = "services",
    operation_id = "get_service_staff",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The session type's id.")),
    responses(
        (status = 200, description = "The staff members' account ids.", body = ServiceStaff),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff of the session type's library (`forbidden`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such session type (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/services/{id}/staff")]
#[tracing::instrument(skip_all)]
pub async fn get_service_staff(
    state: web::Data<AppState>,
    Staff(user): Staff,
    id: web::Path<String>,
) -> Result<impl Responder, ApiError> {
    let id = id.into_inner();
    let staff = db::run(&state.pool, move |conn| {
        staff_service(conn, &user, &id)?;
        Ok(ServiceStaff {
            staff_ids: queries::staff_of(conn, &id)?,
        })
    })
    .await?;
    Ok(web::Json(staff))
}

/// Set who delivers a session type.
///
/// Only staff members who have been trained for the service should be listed; only they are offered
/// in the bookable times. Every id must be staff of the session type's library.
#[utoipa::path(
    tag = "services",
    operation_id = "set_service_staff",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The session type's id.")),
    request_body = ServiceStaff,
    responses(
        JsonBodyErrors,
        (status = 200, description = "Saved.", body = ServiceStaff),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff of the session type's library (`forbidden`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such session type (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An id is not staff of the library (`invalid_input`, field `staff_ids[i]`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/services/{id}/staff")]
#[tracing::instrument(skip_all)]
pub async fn set_service_staff(
    state: web::Data<AppState>,
    Staff(user): Staff,
    id: web::Path<String>,
    body: web::Json<ServiceStaff>,
) -> Result<impl Responder, ApiError> {
    let (id, mut wanted) = (id.into_inner(), body.into_inner());
    wanted.staff_ids.sort();
    wanted.staff_ids.dedup();
    let staff = db::run(&state.pool, move |conn| {
        let (service, _) = staff_service(conn, &user, &id)?;
        let mut faults = Vec::new();
        for (i, sid) in wanted.staff_ids.iter().enumerate() {
            if !is_library_staff(conn, sid, &service.library_id)? {
                faults.push((format!("staff_ids[{i}]"), FieldCode::InvalidChoice));
            }
        }
        if !faults.is_empty() {
            return Err(ApiError::invalid(faults));
        }
        write_tx(conn, |conn| {
            queries::set_staff(conn, &id, &wanted.staff_ids).map_err(ApiError::from)
        })?;
        Ok(ServiceStaff {
            staff_ids: queries::staff_of(conn, &id)?,
        })
    })
    .await?;
    Ok(web::Json(staff))
}

/// Which library an availability request is about.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LibraryParam {
    /// The library's slug.
    #[param(example = "kalajoki")]
    pub library: String,
}

/// A staff member's availability.
///
/// The weekly pattern and dated exceptions of one staff member in one library, in the library's time
/// zone. Visible to the library's staff.
#[utoipa::path(
    tag = "services",
    operation_id = "get_availability",
    security(("bearer" = [])),
    params(("staff_id" = String, Path, description = "The staff member's account id."), LibraryParam),
    responses(
        (status = 200, description = "The availability.", body = Availability),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff of this library (`forbidden`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "The person is not staff of this library (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The library is unknown (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/staff/{staff_id}/availability")]
#[tracing::instrument(skip_all)]
pub async fn get_availability(
    state: web::Data<AppState>,
    Staff(user): Staff,
    staff_id: web::Path<String>,
    q: web::Query<LibraryParam>,
) -> Result<impl Responder, ApiError> {
    let (staff_id, slug) = (staff_id.into_inner(), q.into_inner().library);
    let availability = db::run(&state.pool, move |conn| {
        let library = staff_library(conn, &user, &slug)?;
        if !is_library_staff(conn, &staff_id, &library.id)? {
            return Err(ApiError::not_found());
        }
        Ok(queries::availability_to_wire(
            library.slug,
            queries::availability(conn, &library.id, &staff_id)?,
        ))
    })
    .await?;
    Ok(web::Json(availability))
}

/// Set a staff member's availability.
///
/// Replaces the weekly pattern and the exceptions of one staff member in one library. Staff set their
/// own; the library's admins set anyone's. Existing bookings are kept.
#[utoipa::path(
    tag = "services",
    operation_id = "set_availability",
    security(("bearer" = [])),
    params(("staff_id" = String, Path, description = "The staff member's account id.")),
    request_body = Availability,
    responses(
        JsonBodyErrors,
        (status = 200, description = "Saved.", body = Availability),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Neither this staff member nor an admin of the library (`forbidden`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "The person is not staff of this library (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Times, weekdays or dates are invalid (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/staff/{staff_id}/availability")]
#[tracing::instrument(skip_all)]
pub async fn set_availability(
    state: web::Data<AppState>,
    Staff(user): Staff,
    staff_id: web::Path<String>,
    body: web::Json<Availability>,
) -> Result<impl Responder, ApiError> {
    let (staff_id, input) = (staff_id.into_inner(), body.into_inner());
    let checked = input::check_availability(&input).map_err(ApiError::invalid)?;
    let availability = db::run(&state.pool, move |conn| {
        let library = staff_library(conn, &user, &input.library)?;
        let is_admin = user.role_in(&library.id) == Some(etakirjasto_shared::Role::Admin);
        if staff_id != user.user_id && !is_admin {
            return Err(ApiError::forbidden());
        }
        if !is_library_staff(conn, &staff_id, &library.id)? {
            return Err(ApiError::not_found());
        }
        write_tx(conn, |conn| {
            queries::set_availability(conn, &library.id, &staff_id, &checked)
                .map_err(ApiError::from)
        })?;
        Ok(queries::availability_to_wire(
            library.slug,
            queries::availability(conn, &library.id, &staff_id)?,
        ))
    })
    .await?;
    Ok(web::Json(availability))
}

/// The range of a slot listing.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SlotParams {
    /// Start of the range, RFC 3339 (default: now).
    #[param(value_type = Option<String>, format = DateTime, example = "2026-12-01T00:00:00+02:00")]
    pub from: Option<DateTime<FixedOffset>>,
    /// End of the range, RFC 3339 (default: 14 days after `from`; at most 62 days after it).
    #[param(value_type = Option<String>, format = DateTime, example = "2026-12-15T00:00:00+02:00")]
    pub to: Option<DateTime<FixedOffset>>,
    /// Only times for this mode (all offered modes share the same times).
    pub mode: Option<SessionMode>,
}

/// Longest range a slot listing covers, in days.
pub const SLOT_RANGE_MAX_DAYS: i64 = 62;

/// Bookable times of a session type.
///
/// Every start and end time (RFC 3339 with the library's offset) that can be booked now, merging the
/// availability of every staff member who delivers the service. A time is listed only if a booking for
/// it would succeed: closing days, exceptions, minimum notice, booking window, buffers and existing
/// bookings are taken into account.
#[utoipa::path(
    tag = "services",
    operation_id = "list_slots",
    params(("id" = String, Path, description = "The session type's id."), SlotParams),
    responses(
        (status = 200, description = "Bookable times in order.", body = SlotList),
        (status = 404, description = "No such session type (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The range or mode is invalid (`invalid_input`, field `to` or `mode`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/services/{id}/slots")]
#[tracing::instrument(skip_all)]
pub async fn list_slots(
    state: web::Data<AppState>,
    request: HttpRequest,
    id: web::Path<String>,
    q: web::Query<SlotParams>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let now = Utc::now();
    let from = q.from.map(|f| f.with_timezone(&Utc)).unwrap_or(now);
    let to =
        q.to.map(|t| t.with_timezone(&Utc))
            .unwrap_or(from + Duration::days(14));
    if to <= from || to - from > Duration::days(SLOT_RANGE_MAX_DAYS) {
        return Err(ApiError::invalid(vec![(
            "to".into(),
            FieldCode::InvalidChoice,
        )]));
    }
    let mode = q.mode;
    let key = (id.clone(), request.query_string().to_owned());
    if let Some(body) = state
        .slots
        .known_generation()
        .and_then(|g| state.slots.get(&key, g))
    {
        return Ok(json_body(body));
    }
    let app = state.clone();
    let body = db::run(&state.pool, move |conn| {
        // The generation is read before the listing's own queries, so a write that lands between
        // them leaves the entry under the older number, where it is never served.
        let mark = app.slots.writes_so_far();
        let generation = slot_cache::generation(conn)?;
        app.slots.note_generation(generation, mark);
        if let Some(body) = app.slots.get(&key, generation) {
            return Ok(body);
        }
        let (service, time_zone) =
            queries::find_with_time_zone(conn, &id)?.ok_or_else(ApiError::not_found)?;
        if mode.is_some_and(|m| !service.mode_list().contains(&m)) {
            return Err(ApiError::invalid(vec![(
                "mode".into(),
                FieldCode::InvalidChoice,
            )]));
        }
        let tz: Tz = time_zone.parse().unwrap_or(chrono_tz::Europe::Helsinki);
        let slots = if service.active {
            let calendars = queries::calendars(conn, &service, from, to, None)?;
            let closures = queries::closures(conn, &service.library_id)?;
            rules::free_counts(service.timing(), &calendars, &closures, tz, from, to, now)
        } else {
            Vec::new()
        };
        let list = SlotList {
            service_id: service.id,
            time_zone,
            slots: slots
                .into_iter()
                .map(|(start, end, free)| Slot {
                    start: start.with_timezone(&tz).fixed_offset(),
                    end: end.with_timezone(&tz).fixed_offset(),
                    staff_available: free,
                })
                .collect(),
        };
        let body =
            Bytes::from(serde_json::to_vec(&list).map_err(|e| ApiError::internal(e.to_string()))?);
        app.slots.put(key, generation, body.clone());
        Ok(body)
    })
    .await?;
    Ok(json_body(body))
}

fn json_body(body: Bytes) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(ContentType::json())
        .body(body)
}

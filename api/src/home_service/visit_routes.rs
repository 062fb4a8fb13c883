//! HTTP handlers for home visits: a client's visits, the visit list, changing a visit, choosing
//! items, the day's round and the figures.

use actix_web::{HttpResponse, delete, get, post, put, web};
use chrono::{NaiveDate, Utc};
use etakirjasto_shared::{
    ChooseItem, FieldCode, HomeServiceFigures, HomeServicePerson, HomeServiceRound,
    HomeServiceVisit, NewVisit, Problem, VisitChange, VisitStatus,
};
use serde::Deserialize;
use utoipa::IntoParams;

use super::visits::{self, MAX_RANGE_DAYS, VisitFilter};
use crate::{
    AppState,
    auth::AuthUser,
    db,
    error::ApiError,
    openapi::{JsonBodyErrors, StaffOnlyErrors},
};

fn private<T: serde::Serialize>(body: T) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(body)
}

fn refused(field: &str) -> ApiError {
    ApiError::invalid(vec![(field.into(), FieldCode::InvalidFormat)])
}

fn date(field: &str, raw: &str) -> Result<NaiveDate, ApiError> {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| refused(field))
}

/// A client's visits.
///
/// The client's visits by day, past and coming, with the items brought on each and those that came
/// back: the delivery history the chooser works from. The library's staff with its home-service
/// role; the read is written to the audit log.
#[utoipa::path(
    tag = "home-service",
    operation_id = "list_home_service_client_visits",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The client's id.")),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "The client's visits, oldest first.", body = Vec<HomeServiceVisit>),
        (status = 404, description = "No such client in the caller's library (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/home-service/clients/{id}/visits")]
#[tracing::instrument(skip_all)]
pub async fn list_home_service_client_visits(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let list = db::run(&state.pool, move |conn| {
        visits::client_visits(conn, &user, &id, Utc::now())
    })
    .await?;
    Ok(private(list))
}

/// Add a visit.
///
/// An extra visit, or one on a day of staff's choosing: today or later, not on a closing day of the
/// library, one a client a day (a visit the schedule planned that day becomes this one). The
/// client's deliverer brings it unless another is named. Visits planned from the schedule around it
/// are planned again. Audit-logged.
#[utoipa::path(
    tag = "home-service",
    operation_id = "add_home_service_visit",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The client's id.")),
    request_body = NewVisit,
    responses(
        StaffOnlyErrors,
        JsonBodyErrors,
        (status = 201, description = "The visit.", body = HomeServiceVisit),
        (status = 404, description = "No such client in the caller's library (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The client already has a visit that day, or the service has ended (`conflict`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The day is past or a closing day, the deliverer lacks the home-service role, or the note is too long (`invalid_input`, the fields named).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/home-service/clients/{id}/visits")]
#[tracing::instrument(skip_all)]
pub async fn add_home_service_visit(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
    body: web::Json<NewVisit>,
) -> Result<HttpResponse, ApiError> {
    let (id, input) = (id.into_inner(), body.into_inner());
    let visit = db::run(&state.pool, move |conn| {
        visits::add_visit(conn, &user, &id, &input, Utc::now())
    })
    .await?;
    Ok(HttpResponse::Created()
        .insert_header(("Cache-Control", "no-store"))
        .json(visit))
}

/// The filters of the visit list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VisitListParams {
    /// The library's slug; every library where the caller has the home-service role when left out.
    #[param(example = "kalajoki")]
    pub library: Option<String>,
    /// First day, `YYYY-MM-DD`.
    #[param(example = "2026-11-30")]
    pub from: String,
    /// Last day, `YYYY-MM-DD` (at most 93 days after `from`).
    #[param(example = "2026-12-06")]
    pub to: String,
    /// Only visits in this state (`planned` with a past `to` gives the overdue ones).
    #[param(example = "planned")]
    pub status: Option<String>,
    /// Only this deliverer's visits (account id).
    pub deliverer: Option<String>,
}

/// List home visits.
///
/// The visits between two days, by day, postcode and street: this week's visits, and with a state,
/// the missed or overdue ones. The library's staff with its home-service role; every client shown is
/// written to the audit log.
#[utoipa::path(
    tag = "home-service",
    operation_id = "list_home_service_visits",
    security(("bearer" = [])),
    params(VisitListParams),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "The visits.", body = Vec<HomeServiceVisit>),
        (status = 422, description = "A day or filter is invalid, or the span is too long (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/home-service/visits")]
#[tracing::instrument(skip_all)]
pub async fn list_home_service_visits(
    state: web::Data<AppState>,
    user: AuthUser,
    q: web::Query<VisitListParams>,
) -> Result<HttpResponse, ApiError> {
    let q = q.into_inner();
    let from = date("from", &q.from)?;
    let to = date("to", &q.to)?;
    if to < from || (to - from).num_days() > MAX_RANGE_DAYS {
        return Err(ApiError::invalid(vec![(
            "to".into(),
            FieldCode::InvalidChoice,
        )]));
    }
    let status = match q.status.as_deref() {
        Some(s) => Some(VisitStatus::parse(s).ok_or_else(|| refused("status"))?),
        None => None,
    };
    if q.deliverer
        .as_deref()
        .is_some_and(|d| !etakirjasto_shared::validate::is_id(d))
    {
        return Err(refused("deliverer"));
    }
    let filter = VisitFilter {
        library: q.library,
        from,
        to,
        status,
        deliverer: q.deliverer,
    };
    let list = db::run(&state.pool, move |conn| {
        visits::list_visits(conn, &user, &filter, Utc::now())
    })
    .await?;
    Ok(private(list))
}

/// Change a home visit.
///
/// The whole visit is sent: its day (while it is planned: not past, not a closing day), its state
/// (delivered or missed on or after its day, cancelled, or planned again), the deliverer, staff's
/// note, the client's feedback on what they liked, and the items from earlier visits that came back
/// (with `delivered`). A changed visit is never planned again from the schedule. The volunteer who
/// brings the visit may record how it went, but not move it, cancel it or hand it on (403).
/// Audit-logged.
#[utoipa::path(
    tag = "home-service",
    operation_id = "update_home_service_visit",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The visit's id.")),
    request_body = VisitChange,
    responses(
        StaffOnlyErrors,
        JsonBodyErrors,
        (status = 200, description = "Changed.", body = HomeServiceVisit),
        (status = 404, description = "No such visit in the caller's library (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The client already has a visit on the new day (`conflict`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The day cannot be chosen, the state cannot be set yet, an item is not the client's to return, the deliverer lacks the role, or a text is too long (`invalid_input`, the fields named).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/home-service/visits/{id}")]
#[tracing::instrument(skip_all)]
pub async fn update_home_service_visit(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
    body: web::Json<VisitChange>,
) -> Result<HttpResponse, ApiError> {
    let (id, input) = (id.into_inner(), body.into_inner());
    let visit = db::run(&state.pool, move |conn| {
        visits::change_visit(conn, &user, &id, &input, Utc::now())
    })
    .await?;
    Ok(private(visit))
}

/// Choose an item for a visit.
///
/// Title, author, format and an identifier such as the ISBN, for a planned visit. When the client
/// has had the same item before (the same identifier, or the same title and author), or it is on
/// another planned visit, the answer is 409 `already_delivered` naming the days; send it again with
/// `allow_repeat` to choose it anyway. Audit-logged.
#[utoipa::path(
    tag = "home-service",
    operation_id = "choose_home_service_item",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The visit's id.")),
    request_body = ChooseItem,
    responses(
        StaffOnlyErrors,
        JsonBodyErrors,
        (status = 201, description = "Chosen; the visit with its items.", body = HomeServiceVisit),
        (status = 404, description = "No such visit in the caller's library (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The client has had it before (`already_delivered`, the days in `detail`), or the visit is no longer planned (`conflict`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The title is missing, or a field is too long or malformed (`invalid_input`, the fields named).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/home-service/visits/{id}/items")]
#[tracing::instrument(skip_all)]
pub async fn choose_home_service_item(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
    body: web::Json<ChooseItem>,
) -> Result<HttpResponse, ApiError> {
    let (id, input) = (id.into_inner(), body.into_inner());
    let visit = db::run(&state.pool, move |conn| {
        visits::choose_item(conn, &user, &id, &input, Utc::now())
    })
    .await?;
    Ok(HttpResponse::Created()
        .insert_header(("Cache-Control", "no-store"))
        .json(visit))
}

/// Take an item off a visit.
///
/// While the visit is planned. Audit-logged.
#[utoipa::path(
    tag = "home-service",
    operation_id = "remove_home_service_item",
    security(("bearer" = [])),
    params(
        ("id" = String, Path, description = "The visit's id."),
        ("item_id" = String, Path, description = "The item's id."),
    ),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "Taken off; the visit with its items.", body = HomeServiceVisit),
        (status = 404, description = "No such visit in the caller's library, or no such item on it (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The visit is no longer planned (`conflict`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/home-service/visits/{id}/items/{item_id}")]
#[tracing::instrument(skip_all)]
pub async fn remove_home_service_item(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (id, item_id) = path.into_inner();
    let visit = db::run(&state.pool, move |conn| {
        visits::remove_item(conn, &user, &id, &item_id, Utc::now())
    })
    .await?;
    Ok(private(visit))
}

/// The parameters of a round.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RoundParams {
    /// The day, `YYYY-MM-DD`.
    #[param(example = "2026-12-01")]
    pub date: String,
    /// Only this deliverer's visits (account id).
    pub deliverer: Option<String>,
    /// The library's slug; every library where the caller has the home-service role when left out.
    #[param(example = "kalajoki")]
    pub library: Option<String>,
}

/// A day's delivery round.
///
/// The day's visits that are not called off, ordered by postcode and street, each with the client's
/// address, phone, best part of the day, visit notes (door code, pets, hearing), contact person,
/// what to bring and what to collect. The library's staff with its home-service role see every stop
/// (or one deliverer's); a home-service volunteer sees only their own stops. Every client on it is
/// written to the audit log. The web app prints it.
#[utoipa::path(
    tag = "home-service",
    operation_id = "get_home_service_round",
    security(("bearer" = [])),
    params(RoundParams),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "The round.", body = HomeServiceRound),
        (status = 422, description = "The day or the deliverer is malformed, or the library is unknown (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/home-service/rounds")]
#[tracing::instrument(skip_all)]
pub async fn get_home_service_round(
    state: web::Data<AppState>,
    user: AuthUser,
    q: web::Query<RoundParams>,
) -> Result<HttpResponse, ApiError> {
    let q = q.into_inner();
    let day = date("date", &q.date)?;
    if q.deliverer
        .as_deref()
        .is_some_and(|d| !etakirjasto_shared::validate::is_id(d))
    {
        return Err(refused("deliverer"));
    }
    let round = db::run(&state.pool, move |conn| {
        visits::round(
            conn,
            &user,
            q.library.as_deref(),
            day,
            q.deliverer.as_deref(),
            Utc::now(),
        )
    })
    .await?;
    Ok(private(round))
}

/// The parameters of the people list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeopleParams {
    /// The library's slug.
    #[param(example = "kalajoki")]
    pub library: String,
}

/// List who can choose and bring materials.
///
/// The library's staff with its home-service role (each can be a client's chooser or deliverer)
/// and its home-service volunteers (deliverers only), by name. For the library's staff with the
/// home-service role.
#[utoipa::path(
    tag = "home-service",
    operation_id = "list_home_service_people",
    security(("bearer" = [])),
    params(PeopleParams),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "The people, by name.", body = Vec<HomeServicePerson>,
            example = json!([{"id": "0b9c7f52-3d5e-4a51-9f0e-6c1d2b3a4e5f", "name": "Liisa Lukkari", "volunteer": false},
                             {"id": "5a1e2d3c-4b5a-4c6d-8e7f-9a0b1c2d3e4f", "name": "Veikko Vapaaehtoinen", "volunteer": true}])),
        (status = 422, description = "The library is unknown (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/home-service/people")]
#[tracing::instrument(skip_all)]
pub async fn list_home_service_people(
    state: web::Data<AppState>,
    user: AuthUser,
    q: web::Query<PeopleParams>,
) -> Result<HttpResponse, ApiError> {
    let library = q.into_inner().library;
    let people = db::run(&state.pool, move |conn| {
        visits::people(conn, &user, &library)
    })
    .await?;
    Ok(private(people))
}

/// The parameters of the figures.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FigureParams {
    /// The library's slug.
    #[param(example = "kalajoki")]
    pub library: String,
    /// First month, `YYYY-MM`.
    #[param(example = "2026-01")]
    pub from: String,
    /// Last month, `YYYY-MM` (at most 24 months from `from`).
    #[param(example = "2026-12")]
    pub to: String,
}

/// Home-service figures per month.
///
/// For each month: new clients, different clients visited, visits delivered and missed, and items
/// brought. Counts only, no names. The library's staff with its home-service role.
#[utoipa::path(
    tag = "home-service",
    operation_id = "get_home_service_figures",
    security(("bearer" = [])),
    params(FigureParams),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "The figures.", body = HomeServiceFigures),
        (status = 422, description = "A month is malformed, the span is too long, or the library is unknown (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/home-service/figures")]
#[tracing::instrument(skip_all)]
pub async fn get_home_service_figures(
    state: web::Data<AppState>,
    user: AuthUser,
    q: web::Query<FigureParams>,
) -> Result<HttpResponse, ApiError> {
    let q = q.into_inner();
    let from = visits::month_start(&q.from).ok_or_else(|| refused("from"))?;
    let to = visits::month_start(&q.to).ok_or_else(|| refused("to"))?;
    if to < from || to > from + chrono::Months::new(23) {
        return Err(ApiError::invalid(vec![(
            "to".into(),
            FieldCode::InvalidChoice,
        )]));
    }
    let figures = db::run(&state.pool, move |conn| {
        visits::figures(conn, &user, &q.library, from, to)
    })
    .await?;
    Ok(private(figures))
}

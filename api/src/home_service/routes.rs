//! HTTP handlers for the home-delivery service: applications and their review, and clients.

use actix_web::{HttpResponse, delete, get, post, put, web};
use chrono::{DateTime, NaiveDateTime, Utc};
use etakirjasto_shared::{
    ApplicationReceipt, ApplicationStatus, ClientStatus, DeclineApplication, FieldCode,
    HomeServiceApplication, HomeServiceApplicationInput, HomeServiceClient,
    HomeServiceClientExport, HomeServiceClientInput, Page, Problem,
};
use serde::Deserialize;
use utoipa::IntoParams;

use super::service;
use crate::{
    AppState,
    auth::AuthUser,
    db,
    error::ApiError,
    openapi::{JsonBodyErrors, StaffOnlyErrors},
    pagination::{ListParams, page},
};

fn no_store(application: HomeServiceApplication) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(application)
}

/// Apply for the home-delivery service.
///
/// No account is needed. The person themselves, a relative or a care worker applies: the person's
/// name, address and phone; why they cannot visit, as categories only (a temporary need with its last
/// day); the kinds of material, interests and things to avoid; how often, the best days and part of
/// the day; practical notes for the visit; and consent to store the data, recorded with its wording
/// and time. The answer carries only the reference, never the data sent.
#[utoipa::path(
    tag = "home-service",
    operation_id = "create_home_service_application",
    request_body = HomeServiceApplicationInput,
    responses(
        JsonBodyErrors,
        (status = 201, description = "Received; the library's home-service staff review it.", body = ApplicationReceipt),
        (status = 422, description = "Fields are missing or invalid, the library is unknown, or consent was not given (`invalid_input`, the fields named).", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many of these from one address; see `Retry-After` (`too_many_requests`).", body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
    )
)]
#[post("/home-service/applications")]
#[tracing::instrument(skip_all)]
pub async fn create_home_service_application(
    state: web::Data<AppState>,
    req: actix_web::HttpRequest,
    body: web::Json<HomeServiceApplicationInput>,
) -> Result<HttpResponse, ApiError> {
    use crate::throttle::{self, Write};
    throttle::spend(&state, &req, Write::Application).await?;
    let input = body.into_inner();
    let receipt = db::run(&state.pool, move |conn| {
        service::submit(conn, &input, Utc::now())
    })
    .await;
    throttle::refund(&state, &req, Write::Application, &receipt).await;
    let receipt = receipt?;
    Ok(HttpResponse::Created().json(receipt))
}

/// The filters of the application queue.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ApplicationListParams {
    /// The library's slug.
    #[param(example = "kalajoki")]
    pub library: String,
    /// Only applications in this state (`submitted` for the queue).
    #[param(example = "submitted")]
    pub status: Option<String>,
    /// How many to return (1 to 100; 25 when left out).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u32>,
    /// `next_cursor` from the previous page.
    #[param(pattern = "^[A-Za-z0-9_-]+$")]
    pub cursor: Option<String>,
}

fn refused(field: &str) -> ApiError {
    ApiError::invalid(vec![(field.into(), FieldCode::InvalidFormat)])
}

fn parse_cursor(raw: &str) -> Option<(NaiveDateTime, String)> {
    let (micros, id) = raw.split_once('|')?;
    let at = DateTime::<Utc>::from_timestamp_micros(micros.parse().ok()?)?;
    etakirjasto_shared::validate::is_id(id).then(|| (at.naive_utc(), id.to_owned()))
}

/// List home-service applications.
///
/// The library's staff with its home-service role: the applications oldest first, the queue with
/// `status=submitted`. Every application shown is written to the audit log.
#[utoipa::path(
    tag = "home-service",
    operation_id = "list_home_service_applications",
    security(("bearer" = [])),
    params(ApplicationListParams),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "A page of applications.", body = Page<HomeServiceApplication>),
        (status = 422, description = "A filter is invalid (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/home-service/applications")]
#[tracing::instrument(skip_all)]
pub async fn list_home_service_applications(
    state: web::Data<AppState>,
    user: AuthUser,
    q: web::Query<ApplicationListParams>,
) -> Result<HttpResponse, ApiError> {
    let q = q.into_inner();
    let params = ListParams {
        limit: q.limit,
        cursor: q.cursor,
        library: Some(q.library.clone()),
    };
    let (after, limit) = params.window()?;
    let after = match after {
        Some(raw) => Some(parse_cursor(&raw).ok_or_else(|| refused("cursor"))?),
        None => None,
    };
    let status = match q.status.as_deref() {
        Some(s) => Some(ApplicationStatus::parse(s).ok_or_else(|| refused("status"))?),
        None => None,
    };
    let list = db::run(&state.pool, move |conn| {
        let rows = service::list(
            conn,
            &user,
            &q.library,
            status,
            after,
            i64::from(limit) + 1,
            Utc::now(),
        )?;
        Ok(page(
            rows,
            limit,
            |a| {
                format!(
                    "{}|{}",
                    a.submitted_at.with_timezone(&Utc).timestamp_micros(),
                    a.id
                )
            },
            |a| a,
        ))
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(list))
}

/// Read a home-service application.
///
/// The library's staff with its home-service role; the read is written to the audit log. Anyone
/// outside the library gets 404.
#[utoipa::path(
    tag = "home-service",
    operation_id = "get_home_service_application",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The application's id.")),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "The application.", body = HomeServiceApplication),
        (status = 404, description = "No such application in the caller's library (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/home-service/applications/{id}")]
#[tracing::instrument(skip_all)]
pub async fn get_home_service_application(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let application = db::run(&state.pool, move |conn| {
        service::get(conn, &user, &id, Utc::now())
    })
    .await?;
    Ok(no_store(application))
}

/// Approve a home-service application.
///
/// The person becomes a client of the service, with the application's details (a relative who
/// applied becomes their contact person). Audit-logged.
#[utoipa::path(
    tag = "home-service",
    operation_id = "approve_home_service_application",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The application's id.")),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "Approved; `client_id` names the new client.", body = HomeServiceApplication),
        (status = 404, description = "No such application in the caller's library (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already approved or declined (`conflict`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/home-service/applications/{id}/approve")]
#[tracing::instrument(skip_all)]
pub async fn approve_home_service_application(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let application = db::run(&state.pool, move |conn| {
        service::approve(conn, &user, &id, Utc::now())
    })
    .await?;
    Ok(no_store(application))
}

/// Decline a home-service application.
///
/// With a reason in plain words, which the applicant is given. Audit-logged.
#[utoipa::path(
    tag = "home-service",
    operation_id = "decline_home_service_application",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The application's id.")),
    request_body = DeclineApplication,
    responses(
        StaffOnlyErrors,
        JsonBodyErrors,
        (status = 200, description = "Declined.", body = HomeServiceApplication),
        (status = 404, description = "No such application in the caller's library (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already approved or declined (`conflict`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The reason is missing or too long (`invalid_input`, field `reason`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/home-service/applications/{id}/decline")]
#[tracing::instrument(skip_all)]
pub async fn decline_home_service_application(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
    body: web::Json<DeclineApplication>,
) -> Result<HttpResponse, ApiError> {
    let (id, input) = (id.into_inner(), body.into_inner());
    let application = db::run(&state.pool, move |conn| {
        service::decline(conn, &user, &id, &input.reason, Utc::now())
    })
    .await?;
    Ok(no_store(application))
}

fn client_answer(client: HomeServiceClient) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(client)
}

/// The filters of the client list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ClientListParams {
    /// The library's slug.
    #[param(example = "kalajoki")]
    pub library: String,
    /// Only clients in this state.
    #[param(example = "active")]
    pub status: Option<String>,
    /// How many to return (1 to 100; 25 when left out).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u32>,
    /// `next_cursor` from the previous page.
    #[param(pattern = "^[A-Za-z0-9_-]+$")]
    pub cursor: Option<String>,
}

/// List home-service clients.
///
/// The library's staff with its home-service role: the clients by name, with their addresses,
/// wishes, contact person, chooser and deliverer. Every client shown is written to the audit log.
#[utoipa::path(
    tag = "home-service",
    operation_id = "list_home_service_clients",
    security(("bearer" = [])),
    params(ClientListParams),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "A page of clients.", body = Page<HomeServiceClient>),
        (status = 422, description = "A filter is invalid (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/home-service/clients")]
#[tracing::instrument(skip_all)]
pub async fn list_home_service_clients(
    state: web::Data<AppState>,
    user: AuthUser,
    q: web::Query<ClientListParams>,
) -> Result<HttpResponse, ApiError> {
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
                .ok_or_else(|| refused("cursor"))?,
        ),
        None => None,
    };
    let status = match q.status.as_deref() {
        Some(s) => Some(ClientStatus::parse(s).ok_or_else(|| refused("status"))?),
        None => None,
    };
    let list = db::run(&state.pool, move |conn| {
        let rows = service::list_clients(
            conn,
            &user,
            &q.library,
            status,
            after,
            i64::from(limit) + 1,
            Utc::now(),
        )?;
        Ok(page(rows, limit, |c| format!("{}|{}", c.name, c.id), |c| c))
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(list))
}

/// Read a home-service client.
///
/// The library's staff with its home-service role; the read is written to the audit log. Anyone
/// outside the library gets 404.
#[utoipa::path(
    tag = "home-service",
    operation_id = "get_home_service_client",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The client's id.")),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "The client.", body = HomeServiceClient),
        (status = 404, description = "No such client in the caller's library (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/home-service/clients/{id}")]
#[tracing::instrument(skip_all)]
pub async fn get_home_service_client(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let client = db::run(&state.pool, move |conn| {
        service::get_client(conn, &user, &id, Utc::now())
    })
    .await?;
    Ok(client_answer(client))
}

/// Change a home-service client.
///
/// The whole profile is sent: active, paused (with its first and last day: hospital, summer
/// cottage) or ended; the details and wishes; the contact person; the chooser and the deliverer,
/// each a staff member with the library's home-service role. Audit-logged.
#[utoipa::path(
    tag = "home-service",
    operation_id = "update_home_service_client",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The client's id.")),
    request_body = HomeServiceClientInput,
    responses(
        StaffOnlyErrors,
        JsonBodyErrors,
        (status = 200, description = "Changed.", body = HomeServiceClient),
        (status = 404, description = "No such client in the caller's library (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Fields are missing or invalid, a pause lacks its days, or the chooser or deliverer lacks the home-service role (`invalid_input`, the fields named).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/home-service/clients/{id}")]
#[tracing::instrument(skip_all)]
pub async fn update_home_service_client(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
    body: web::Json<HomeServiceClientInput>,
) -> Result<HttpResponse, ApiError> {
    let (id, input) = (id.into_inner(), body.into_inner());
    let client = db::run(&state.pool, move |conn| {
        service::update_client(conn, &user, &id, &input, Utc::now())
    })
    .await?;
    Ok(client_answer(client))
}

/// Export a home-service client's data.
///
/// Everything the library holds on the client, as JSON, for a request to see one's data: the
/// profile, the application with the consent in the words given, and every visit with what was
/// brought and what came back. The library's staff with its home-service role; audit-logged.
#[utoipa::path(
    tag = "home-service",
    operation_id = "export_home_service_client",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The client's id.")),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "Everything held on the client.", body = HomeServiceClientExport),
        (status = 404, description = "No such client in the caller's library (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/home-service/clients/{id}/export")]
#[tracing::instrument(skip_all)]
pub async fn export_home_service_client(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let public_url = state.config.public_url.clone();
    let export = db::run(&state.pool, move |conn| {
        super::privacy::export(conn, &user, &id, &public_url, Utc::now())
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .insert_header((
            "Content-Disposition",
            format!(
                "attachment; filename=\"home-service-client-{}.json\"",
                export.client.id
            ),
        ))
        .json(export))
}

/// Erase a home-service client's data.
///
/// On the person's request: the profile, the application, the messages sent about it, the visits not
/// made, and the notes, feedback and titles of the visits made are deleted. What stays is counts: the
/// days of the visits made and the number of items brought, so the figures per month stay true.
/// Cannot be undone. The library's staff with its home-service role; audit-logged.
#[utoipa::path(
    tag = "home-service",
    operation_id = "erase_home_service_client",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The client's id.")),
    responses(
        StaffOnlyErrors,
        (status = 204, description = "Erased."),
        (status = 404, description = "No such client in the caller's library (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/home-service/clients/{id}")]
#[tracing::instrument(skip_all)]
pub async fn erase_home_service_client(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    db::run(&state.pool, move |conn| {
        super::privacy::erase(conn, &user, &id, Utc::now())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

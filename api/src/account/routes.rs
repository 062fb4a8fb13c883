//! HTTP handlers for a person's own data.

use actix_web::{HttpResponse, get, post, web};
use chrono::Utc;
use etakirjasto_shared::{AccountExport, DeleteAccountRequest, Problem};

use super::service;
use crate::{AppState, auth::AuthUser, db, error::ApiError, openapi::JsonBodyErrors};

/// Download my data.
///
/// Everything the service holds on the signed-in person, as one JSON document: the account and its
/// memberships, sign-in sessions and recent sign-in attempts. Each download is recorded in the audit log.
#[utoipa::path(
    tag = "account",
    operation_id = "export_my_data",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The export, as an attachment.", body = AccountExport),
        (status = 401, description = "No valid access token (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/export")]
#[tracing::instrument(skip_all)]
pub async fn export(state: web::Data<AppState>, user: AuthUser) -> Result<HttpResponse, ApiError> {
    let data = db::run(&state.pool, move |conn| {
        service::export(conn, user, Utc::now())
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((
            "Content-Disposition",
            "attachment; filename=\"etakirjasto-omat-tiedot.json\"",
        ))
        .insert_header(("Cache-Control", "no-store"))
        .json(data))
}

/// Delete my account.
///
/// Deletes the signed-in patron's account after the password (or card PIN) is given again. The account,
/// its memberships, sessions and sign-in attempts are removed; every token of the account stops working.
/// Staff and admin accounts are removed by an admin instead (409).
#[utoipa::path(
    tag = "account",
    operation_id = "delete_my_account",
    security(("bearer" = [])),
    request_body = DeleteAccountRequest,
    responses(
        JsonBodyErrors,
        (status = 204, description = "The account is deleted."),
        (status = 401, description = "No valid access token (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Staff and admin accounts cannot delete themselves (`conflict`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The password or PIN is missing or does not match (`invalid_input`, field code `incorrect`).", body = Problem, content_type = "application/problem+json",
            example = json!({"type": "urn:etakirjasto:problem:invalid_input", "title": "Please check the marked fields.", "status": 422, "code": "invalid_input", "errors": [{"field": "password", "code": "incorrect", "message": "This does not match. Check it and try again."}]})),
        (status = 429, description = "Too many wrong confirmations; see `Retry-After`.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/delete")]
#[tracing::instrument(skip_all)]
pub async fn delete(
    state: web::Data<AppState>,
    user: AuthUser,
    body: web::Json<DeleteAccountRequest>,
) -> Result<HttpResponse, ApiError> {
    let confirm = body.into_inner();
    db::run(&state.pool, move |conn| {
        service::delete(conn, user, confirm, Utc::now())
    })
    .await?;
    let mut gone = crate::auth::routes::refresh_cookie(&state, "", 0);
    gone.make_removal();
    Ok(HttpResponse::NoContent().cookie(gone).finish())
}

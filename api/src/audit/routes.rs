//! The audit log for a library's admins.

use actix_web::{HttpResponse, get, web};
use chrono::{DateTime, Utc};
use etakirjasto_shared::{AuditEntry, FieldCode, Page, PersonRef, Problem, Role};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::{
    AppState,
    auth::{AuthUser, extract::role_refused},
    db,
    error::ApiError,
    events::service::{local, tz_of},
    libraries::queries::find_by_slug,
    openapi::StaffOnlyErrors,
    pagination::{ListParams, page},
};

/// The filters of the audit log.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditParams {
    /// The library's slug.
    #[param(example = "kalajoki")]
    pub library: String,
    /// Only entries of this action.
    #[param(example = "home_service.client_viewed")]
    pub action: Option<String>,
    /// Only entries about this record (a client's id, say): who has read or changed it.
    pub record: Option<String>,
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

/// Read the audit log.
///
/// The library's admins: every read and change of personal data in the library (a home-service
/// client's file, a booking's contact details, a message), newest first: who, when, what and which
/// record. Filter by action, or by record to see everyone who has read or changed one client's data.
/// Entries hold identifiers only, never the data itself.
#[utoipa::path(
    tag = "libraries",
    operation_id = "list_audit_log",
    security(("bearer" = [])),
    params(AuditParams),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "A page of entries.", body = Page<AuditEntry>),
        (status = 404, description = "No library has this slug (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A filter is invalid (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/audit-log")]
#[tracing::instrument(skip_all)]
pub async fn list_audit_log(
    state: web::Data<AppState>,
    user: AuthUser,
    q: web::Query<AuditParams>,
) -> Result<HttpResponse, ApiError> {
    let q = q.into_inner();
    let params = ListParams {
        limit: q.limit,
        cursor: q.cursor,
        library: Some(q.library.clone()),
    };
    let (after, limit) = params.window()?;
    let before = match after {
        Some(raw) => {
            let (micros, id) = raw.split_once('|').ok_or_else(|| refused("cursor"))?;
            let at = micros
                .parse()
                .ok()
                .and_then(DateTime::<Utc>::from_timestamp_micros)
                .ok_or_else(|| refused("cursor"))?;
            if !etakirjasto_shared::validate::is_id(id) {
                return Err(refused("cursor"));
            }
            Some((at.naive_utc(), id.to_owned()))
        }
        None => None,
    };
    if q.action.as_deref().is_some_and(|a| {
        a.is_empty()
            || a.len() > 60
            || !a
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_')
    }) {
        return Err(refused("action"));
    }
    if q.record
        .as_deref()
        .is_some_and(|r| !etakirjasto_shared::validate::is_id(r))
    {
        return Err(refused("record"));
    }
    let list = db::run(&state.pool, move |conn| {
        let library = find_by_slug(conn, &q.library)?.ok_or_else(ApiError::not_found)?;
        if user.role_in(&library.id) != Some(Role::Admin) {
            return Err(role_refused(&user));
        }
        let tz = tz_of(&library.time_zone);
        let rows = super::entries(
            conn,
            &library.id,
            q.action.as_deref(),
            q.record.as_deref(),
            before,
            i64::from(limit) + 1,
        )?;
        Ok(page(
            rows,
            limit,
            |r| format!("{}|{}", r.1.and_utc().timestamp_micros(), r.0),
            |(id, at, actor, action, record_id, subject_user_id, name)| AuditEntry {
                id,
                at: local(at, tz),
                actor: actor.map(|id| PersonRef {
                    id,
                    name: name.unwrap_or_default(),
                }),
                action,
                record_id,
                subject_user_id,
            },
        ))
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(list))
}

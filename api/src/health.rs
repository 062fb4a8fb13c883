//! Liveness and readiness, for load balancers and process supervisors.

use actix_web::{HttpResponse, get, web};
use etakirjasto_shared::{Health, Problem};

use crate::{AppState, db, error::ApiError};

fn ok() -> Health {
    Health {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
    }
}

/// Is the process up?
///
/// Answers 200 as long as the server runs; it does not touch the database.
#[utoipa::path(
    tag = "health",
    operation_id = "healthz",
    responses((status = 200, description = "The process is up.", body = Health))
)]
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(ok())
}

/// Is the database reachable?
///
/// Answers 200 when the database answers a query, 503 `database_unavailable` otherwise.
#[utoipa::path(
    tag = "health",
    operation_id = "readyz",
    responses(
        (status = 200, description = "Ready to serve.", body = Health),
        (status = 503, description = "The database does not answer (`database_unavailable`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let ready = db::run(&state.pool, |conn| Ok(db::ping(conn)))
        .await
        .unwrap_or(false);
    if ready {
        Ok(HttpResponse::Ok()
            .insert_header(("Cache-Control", "no-store"))
            .json(ok()))
    } else {
        Err(ApiError::Unavailable("ping failed".into()))
    }
}

//! HTTP handlers for libraries.

use actix_web::{Responder, get, web};
use etakirjasto_shared::{Library, LibrarySummary, Page, Problem};

use super::queries;
use crate::{AppState, db, error::ApiError, pagination::ListParams};

/// List libraries.
///
/// Every library this instance serves, ordered by slug, a page at a time; `library` narrows the
/// list to that one library.
#[utoipa::path(
    tag = "libraries",
    operation_id = "list_libraries",
    params(ListParams),
    responses(
        (status = 200, description = "A page of libraries.", body = Page<LibrarySummary>),
        (status = 422, description = "`limit` or `cursor` is invalid.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/libraries")]
#[tracing::instrument(skip_all)]
pub async fn list_libraries(
    state: web::Data<AppState>,
    params: web::Query<ListParams>,
) -> Result<impl Responder, ApiError> {
    let (after, limit) = params.window()?;
    let only = params.library.clone();
    let page = db::run(&state.pool, move |conn| {
        let rows = queries::list(
            conn,
            only.as_deref(),
            after.as_deref(),
            i64::from(limit) + 1,
        )?;
        Ok(crate::pagination::page(
            rows,
            limit,
            |r| r.slug.clone(),
            LibrarySummary::from,
        ))
    })
    .await?;
    Ok(web::Json(page))
}

/// Get a library.
///
/// The library's name and contact details, and its branches with addresses and weekly opening hours.
#[utoipa::path(
    tag = "libraries",
    operation_id = "get_library",
    params(("slug" = String, Path, description = "The library's slug.", example = "kalajoki")),
    responses(
        (status = 200, description = "The library.", body = Library),
        (status = 404, description = "No library has this slug (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/libraries/{slug}")]
#[tracing::instrument(skip_all)]
pub async fn get_library(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<impl Responder, ApiError> {
    let slug = slug.into_inner();
    let library = db::run(&state.pool, move |conn| {
        let row = queries::find_by_slug(conn, &slug)?.ok_or_else(ApiError::not_found)?;
        Ok(queries::load_library(conn, row)?)
    })
    .await?;
    Ok(web::Json(library))
}

//! HTTP handlers for operating models.

use actix_web::{HttpResponse, Responder, get, http::header, post, put, web};
use etakirjasto_shared::{
    FieldCode, Guide, GuideCopyInput, GuideEdit, GuideInput, GuideRevision, GuideService, Lang,
    Page, Problem, Scenario,
};
use serde::Deserialize;
use utoipa::IntoParams;

use super::service::{self, Filter};
use crate::{
    AppState,
    auth::{AuthUser, MaybeUser},
    db,
    error::ApiError,
    libraries::queries::find_by_slug,
    openapi::{JsonBodyErrors, StaffOnlyErrors},
    pagination::ListParams,
};

fn refused(field: &str) -> ApiError {
    ApiError::invalid(vec![(field.into(), FieldCode::InvalidChoice)])
}

/// The filters of the catalogue.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct GuideListParams {
    /// Only this library's models (its slug).
    #[param(example = "kalajoki")]
    pub library: Option<String>,
    /// Only models of this service (`one_to_one_sessions`, `events`, `care_home_programmes`,
    /// `home_delivery`, `other`).
    #[param(example = "one_to_one_sessions")]
    pub service: Option<String>,
    /// Only models that matter in this scenario: those with a variant for it (every model for
    /// `normal`). Pass a library's active scenario to list the services that work now.
    #[param(example = "library_closed")]
    pub scenario: Option<String>,
    /// Only models written in this language (`fi`, `sv`, `en`).
    #[param(example = "fi")]
    pub language: Option<String>,
    /// How many to return (1 to 100; 25 when left out).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u32>,
    /// `next_cursor` from the previous page.
    #[param(pattern = "^[A-Za-z0-9_-]+$")]
    pub cursor: Option<String>,
}

/// List operating models.
///
/// The catalogue of remote services' operating models: published models for everyone, and a
/// library's drafts too for its staff. Ordered by library, service and title. Filter by library,
/// service, language, or by scenario to get the services that matter in it.
#[utoipa::path(
    tag = "guides",
    operation_id = "list_guides",
    params(GuideListParams),
    responses(
        (status = 401, description = "An `Authorization` header that is not a valid token (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 200, description = "A page of operating models.", body = Page<Guide>),
        (status = 422, description = "A filter is invalid (`invalid_input`, field `library`, `service`, `scenario`, `language`, `limit` or `cursor`).", body = Problem, content_type = "application/problem+json",
            example = json!({"type": "urn:etakirjasto:problem:invalid_input", "title": "Please check the marked fields.", "status": 422, "code": "invalid_input", "errors": [{"field": "scenario", "code": "invalid_choice", "message": "Choose one of the options."}]})),
    )
)]
#[get("/guides")]
#[tracing::instrument(skip_all)]
pub async fn list_guides(
    state: web::Data<AppState>,
    user: MaybeUser,
    q: web::Query<GuideListParams>,
) -> Result<impl Responder, ApiError> {
    let q = q.into_inner();
    let (after, limit) = ListParams {
        limit: q.limit,
        cursor: q.cursor.clone(),
        library: q.library.clone(),
    }
    .window()?;
    let service = match q.service.as_deref() {
        Some(s) => Some(GuideService::parse(s).ok_or_else(|| refused("service"))?),
        None => None,
    };
    let scenario = match q.scenario.as_deref() {
        Some(s) => Some(Scenario::parse(s).ok_or_else(|| refused("scenario"))?),
        None => None,
    };
    let language = match q.language.as_deref() {
        Some(l) => Some(
            Lang::ALL
                .into_iter()
                .find(|x| x.code() == l)
                .ok_or_else(|| refused("language"))?,
        ),
        None => None,
    };
    let page = db::run(&state.pool, move |conn| {
        let library_id = match q.library.as_deref() {
            Some(slug) => Some(
                find_by_slug(conn, slug)?
                    .ok_or_else(|| refused("library"))?
                    .id,
            ),
            None => None,
        };
        let filter = Filter {
            library_id,
            service,
            scenario,
            language,
        };
        let mut rows = service::list(conn, user.0.as_ref(), &filter)?;
        // The cursor is the last item's sort key: the next page starts after it, even if that item
        // has changed or gone since.
        if let Some(after) = after {
            let after = service::parse_cursor(&after).ok_or_else(|| {
                ApiError::invalid(vec![("cursor".into(), FieldCode::InvalidFormat)])
            })?;
            let skip = rows.partition_point(|r| service::sort_key(r) <= after);
            rows.drain(..skip);
        }
        rows.truncate(limit as usize + 1);
        Ok(crate::pagination::page(
            rows,
            limit,
            service::cursor_of,
            service::to_wire,
        ))
    })
    .await?;
    Ok(web::Json(page))
}

/// Get an operating model.
///
/// Public when published; a draft only for its library's staff. Each text comes as Markdown and as
/// safe HTML.
#[utoipa::path(
    tag = "guides",
    operation_id = "get_guide",
    params(("id" = String, Path, description = "The model's id.")),
    responses(
        (status = 401, description = "An `Authorization` header that is not a valid token (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 200, description = "The operating model.", body = Guide),
        (status = 404, description = "No such model, or a draft of another library (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/guides/{id}")]
#[tracing::instrument(skip_all)]
pub async fn get_guide(
    state: web::Data<AppState>,
    user: MaybeUser,
    id: web::Path<String>,
) -> Result<impl Responder, ApiError> {
    let id = id.into_inner();
    let guide = db::run(&state.pool, move |conn| {
        Ok(service::to_wire(service::read(conn, user.0.as_ref(), &id)?))
    })
    .await?;
    Ok(web::Json(guide))
}

fn markdown_response(body: String, file: &str) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/markdown; charset=utf-8"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file}\""),
        ))
        .body(body)
}

/// Download an operating model as Markdown.
///
/// One Markdown file with a YAML front matter (title, library, service, language, version, date,
/// licence, source address), the sections, the variants per scenario and the attribution line the
/// licence asks for, to reuse in another library's own documents.
#[utoipa::path(
    tag = "guides",
    operation_id = "get_guide_markdown",
    params(("id" = String, Path, description = "The model's id.")),
    responses(
        (status = 401, description = "An `Authorization` header that is not a valid token (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 200, description = "The model as a Markdown file.", content_type = "text/markdown", body = String,
            example = "---\ntitle: \"Henkilökohtainen etäopastus\"\n…\n---\n\n# Henkilökohtainen etäopastus\n"),
        (status = 404, description = "No such model, or a draft of another library (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/guides/{id}/markdown")]
#[tracing::instrument(skip_all)]
pub async fn get_guide_markdown(
    state: web::Data<AppState>,
    user: MaybeUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let base = state.config.public_url.trim_end_matches('/').to_owned();
    let text = db::run(&state.pool, move |conn| {
        let view = service::read(conn, user.0.as_ref(), &id)?;
        Ok(service::markdown(&view, &base, 1))
    })
    .await?;
    Ok(markdown_response(text, "toimintamalli.md"))
}

/// Download a library's operating models as one Markdown bundle.
///
/// Every published model of the library in one Markdown document: a table of contents, then each
/// model with its sections, variants and attribution.
#[utoipa::path(
    tag = "guides",
    operation_id = "get_library_guides_markdown",
    params(("slug" = String, Path, description = "The library's slug.", example = "kalajoki")),
    responses(
        (status = 200, description = "The library's published models as one Markdown file.", content_type = "text/markdown", body = String),
        (status = 404, description = "No library has this slug (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/libraries/{slug}/guides.md")]
#[tracing::instrument(skip_all)]
pub async fn get_library_guides_markdown(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let base = state.config.public_url.trim_end_matches('/').to_owned();
    let (text, file) = db::run(&state.pool, move |conn| {
        let library = find_by_slug(conn, &slug)?.ok_or_else(ApiError::not_found)?;
        let filter = Filter {
            library_id: Some(library.id.clone()),
            ..Filter::default()
        };
        // Published only, whoever asks: the bundle is for sharing.
        let views = service::list(conn, None, &filter)?;
        Ok((
            service::bundle(&library.name, &views, &base),
            format!("{}-toimintamallit.md", library.slug),
        ))
    })
    .await?;
    Ok(markdown_response(text, &file))
}

/// The window of the history.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RevisionListParams {
    /// How many to return (1 to 100; 25 when left out).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u32>,
    /// `next_cursor` from the previous page.
    #[param(pattern = "^[A-Za-z0-9_-]+$")]
    pub cursor: Option<String>,
}

/// List an operating model's versions.
///
/// Every saved version, newest first, with when, who and why, and the whole model as it read then.
/// Readable by whoever may read the model.
#[utoipa::path(
    tag = "guides",
    operation_id = "list_guide_revisions",
    params(("id" = String, Path, description = "The model's id."), RevisionListParams),
    responses(
        (status = 401, description = "An `Authorization` header that is not a valid token (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 200, description = "A page of versions, newest first.", body = Page<GuideRevision>),
        (status = 404, description = "No such model, or a draft of another library (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`limit` or `cursor` is invalid (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/guides/{id}/revisions")]
#[tracing::instrument(skip_all)]
pub async fn list_guide_revisions(
    state: web::Data<AppState>,
    user: MaybeUser,
    id: web::Path<String>,
    q: web::Query<RevisionListParams>,
) -> Result<impl Responder, ApiError> {
    let q = q.into_inner();
    let (after, limit) = ListParams {
        limit: q.limit,
        cursor: q.cursor,
        library: None,
    }
    .window()?;
    let before =
        match after {
            Some(raw) => Some(raw.parse::<i32>().map_err(|_| {
                ApiError::invalid(vec![("cursor".into(), FieldCode::InvalidFormat)])
            })?),
            None => None,
        };
    let id = id.into_inner();
    let page = db::run(&state.pool, move |conn| {
        let rows = service::revisions(conn, user.0.as_ref(), &id, before, i64::from(limit) + 1)?;
        Ok(crate::pagination::page(
            rows,
            limit,
            |r| r.version.to_string(),
            |r| r,
        ))
    })
    .await?;
    Ok(web::Json(page))
}

/// Create an operating model.
///
/// The library's staff write a model for one of its remote services. It is version 1 of its
/// history; unpublished it is a draft only the library's staff see.
#[utoipa::path(
    tag = "guides",
    operation_id = "create_guide",
    security(("bearer" = [])),
    request_body = GuideInput,
    responses(
        JsonBodyErrors,
        StaffOnlyErrors,
        (status = 201, description = "Created.", body = Guide),
        (status = 422, description = "A field is missing or invalid (`invalid_input`), or no library has the slug (field `library`).", body = Problem, content_type = "application/problem+json",
            example = json!({"type": "urn:etakirjasto:problem:invalid_input", "title": "Please check the marked fields.", "status": 422, "code": "invalid_input", "errors": [{"field": "steps", "code": "required", "message": "This is required."}]})),
    )
)]
#[post("/guides")]
#[tracing::instrument(skip_all)]
pub async fn create_guide(
    state: web::Data<AppState>,
    user: AuthUser,
    body: web::Json<GuideInput>,
) -> Result<HttpResponse, ApiError> {
    let input = service::checked(body.into_inner())?;
    let guide = db::run(&state.pool, move |conn| {
        Ok(service::to_wire(service::create(conn, &user, &input)?))
    })
    .await?;
    Ok(HttpResponse::Created().json(guide))
}

/// Edit an operating model.
///
/// The library's staff send the whole model, the version they edited and a note on what changed.
/// The edit becomes the next version in the history. If someone saved a newer version meanwhile,
/// the answer is 409 `conflict` and nothing is saved.
#[utoipa::path(
    tag = "guides",
    operation_id = "update_guide",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The model's id.")),
    request_body = GuideEdit,
    responses(
        JsonBodyErrors,
        StaffOnlyErrors,
        (status = 200, description = "Saved as the next version.", body = Guide),
        (status = 404, description = "No such model, or a draft of another library (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Someone saved a newer version after the one edited (`conflict`); load it again.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is missing or invalid (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/guides/{id}")]
#[tracing::instrument(skip_all)]
pub async fn update_guide(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
    body: web::Json<GuideEdit>,
) -> Result<impl Responder, ApiError> {
    let (id, edit) = (id.into_inner(), body.into_inner());
    let guide = db::run(&state.pool, move |conn| {
        Ok(service::to_wire(service::edit(conn, &user, &id, edit)?))
    })
    .await?;
    Ok(web::Json(guide))
}

/// Copy an operating model to another library.
///
/// Staff of a library on this instance take another library's published model (or one of their
/// own) as the start of their own: the copy is an unpublished draft in their library, names its
/// origin for attribution, and has a history of its own.
#[utoipa::path(
    tag = "guides",
    operation_id = "copy_guide",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The model to copy.")),
    request_body = GuideCopyInput,
    responses(
        JsonBodyErrors,
        StaffOnlyErrors,
        (status = 201, description = "Copied; the new draft.", body = Guide),
        (status = 404, description = "No such model, or a draft of another library (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No library has this slug (`invalid_input`, field `library`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/guides/{id}/copy")]
#[tracing::instrument(skip_all)]
pub async fn copy_guide(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
    body: web::Json<GuideCopyInput>,
) -> Result<HttpResponse, ApiError> {
    let (id, target) = (id.into_inner(), body.into_inner());
    let guide = db::run(&state.pool, move |conn| {
        Ok(service::to_wire(service::copy(conn, &user, &id, &target)?))
    })
    .await?;
    Ok(HttpResponse::Created().json(guide))
}

//! HTTP handlers for libraries.

use actix_web::{HttpResponse, Responder, delete, get, post, put, web};
use etakirjasto_shared::{
    ActiveScenario, BranchImport, Closure, FieldCode, Library, LibrarySummary, Page, Problem, Role,
    Scenario, ScenarioInput,
};

use super::queries;
use crate::{
    AppState, auth::AuthUser, db, error::ApiError, openapi::JsonBodyErrors, pagination::ListParams,
};

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
/// The library's name and contact details, its branches with addresses and weekly opening hours, and
/// the scenario it works in now (normal times, library closed, …) with its notice to patrons, for
/// partner sites to show.
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

/// The library's closing days.
///
/// Days from today on when the library is closed and no session can be booked.
#[utoipa::path(
    tag = "libraries",
    operation_id = "list_closures",
    params(("slug" = String, Path, description = "The library's slug.", example = "kalajoki")),
    responses(
        (status = 200, description = "Closing days in date order.", body = Vec<Closure>),
        (status = 404, description = "No library has this slug (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/libraries/{slug}/closures")]
#[tracing::instrument(skip_all)]
pub async fn list_closures(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<impl Responder, ApiError> {
    let slug = slug.into_inner();
    let days = db::run(&state.pool, move |conn| {
        let library = queries::find_by_slug(conn, &slug)?.ok_or_else(ApiError::not_found)?;
        let today = chrono::Utc::now()
            .date_naive()
            .format("%Y-%m-%d")
            .to_string();
        Ok(queries::closures_from(conn, &library.id, &today)?
            .into_iter()
            .map(|(date, reason)| Closure { date, reason })
            .collect::<Vec<_>>())
    })
    .await?;
    Ok(web::Json(days))
}

pub(super) fn admin_library(
    conn: &mut crate::db::DbConnection,
    user: &AuthUser,
    slug: &str,
) -> Result<queries::LibraryRow, ApiError> {
    let library = queries::find_by_slug(conn, slug)?.ok_or_else(ApiError::not_found)?;
    if user.role_in(&library.id) != Some(Role::Admin) {
        return Err(crate::auth::extract::role_refused(user));
    }
    Ok(library)
}

/// Add a closing day.
///
/// Admins of the library mark a day closed (or change its reason). Bookings already made for that day
/// are kept; the staff see them in their calendar and contact the patrons.
#[utoipa::path(
    tag = "libraries",
    operation_id = "add_closure",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The library's slug.", example = "kalajoki")),
    request_body = Closure,
    responses(
        JsonBodyErrors,
        (status = 200, description = "Saved.", body = Closure),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin of this library (`forbidden`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No library has this slug (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The date or reason is invalid (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/libraries/{slug}/closures")]
#[tracing::instrument(skip_all)]
pub async fn add_closure(
    state: web::Data<AppState>,
    user: AuthUser,
    slug: web::Path<String>,
    body: web::Json<Closure>,
) -> Result<impl Responder, ApiError> {
    let (slug, closure) = (slug.into_inner(), body.into_inner());
    let date = chrono::NaiveDate::parse_from_str(&closure.date, "%Y-%m-%d")
        .map_err(|_| ApiError::invalid(vec![("date".into(), FieldCode::InvalidFormat)]))?
        .format("%Y-%m-%d")
        .to_string();
    let reason = closure.reason.trim().to_owned();
    if let Err(code) = etakirjasto_shared::validate::free_text(&reason) {
        return Err(ApiError::invalid(vec![("reason".into(), code)]));
    }
    if reason.is_empty() || reason.chars().count() > 200 {
        let code = if reason.is_empty() {
            FieldCode::Required
        } else {
            FieldCode::TooLong
        };
        return Err(ApiError::invalid(vec![("reason".into(), code)]));
    }
    let saved = db::run(&state.pool, move |conn| {
        let library = admin_library(conn, &user, &slug)?;
        queries::put_closure(conn, &library.id, &date, &reason)?;
        crate::home_service::visits::replan_all(conn, Some(&library.id), chrono::Utc::now())?;
        Ok(Closure { date, reason })
    })
    .await?;
    Ok(web::Json(saved))
}

/// Remove a closing day.
///
/// Admins of the library open a day again: its times become bookable as the staff's availability allows.
#[utoipa::path(
    tag = "libraries",
    operation_id = "delete_closure",
    security(("bearer" = [])),
    params(
        ("slug" = String, Path, description = "The library's slug.", example = "kalajoki"),
        ("date" = String, Path, description = "The closing day, `YYYY-MM-DD`.", example = "2026-12-24"),
    ),
    responses(
        (status = 204, description = "Removed; the day can be booked again."),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin of this library (`forbidden`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such library or closing day (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/libraries/{slug}/closures/{date}")]
#[tracing::instrument(skip_all)]
pub async fn delete_closure(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (slug, date) = path.into_inner();
    if chrono::NaiveDate::parse_from_str(&date, "%Y-%m-%d").is_err() {
        return Err(ApiError::not_found());
    }
    db::run(&state.pool, move |conn| {
        let library = admin_library(conn, &user, &slug)?;
        if queries::delete_closure(conn, &library.id, &date)? {
            crate::home_service::visits::replan_all(conn, Some(&library.id), chrono::Utc::now())?;
            Ok(())
        } else {
            Err(ApiError::not_found())
        }
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Longest notice text per language.
const NOTICE_MAX: usize = 500;

/// Checks a scenario's notice: Finnish required outside normal times; each text plain and short.
fn checked_scenario(input: ScenarioInput) -> Result<ScenarioInput, ApiError> {
    let mut faults = Vec::new();
    let notice = input.notice.map(|n| etakirjasto_shared::Localized {
        fi: n.fi.trim().to_owned(),
        sv: n.sv.trim().to_owned(),
        en: n.en.trim().to_owned(),
    });
    if let Some(n) = &notice {
        for (field, text) in [
            ("notice.fi", &n.fi),
            ("notice.sv", &n.sv),
            ("notice.en", &n.en),
        ] {
            if let Err(code) = etakirjasto_shared::validate::free_text(text) {
                faults.push((field.to_owned(), code));
            } else if text.chars().count() > NOTICE_MAX {
                faults.push((field.to_owned(), FieldCode::TooLong));
            }
        }
    }
    let has_finnish = notice.as_ref().is_some_and(|n| !n.fi.is_empty());
    if input.scenario != Scenario::Normal && !has_finnish {
        faults.push(("notice.fi".to_owned(), FieldCode::Required));
    }
    if !faults.is_empty() {
        return Err(ApiError::invalid(faults));
    }
    Ok(ScenarioInput {
        scenario: input.scenario,
        // Normal times have no notice.
        notice: notice.filter(|n| !n.fi.is_empty() && input.scenario != Scenario::Normal),
    })
}

/// Set the library's scenario.
///
/// Admins of the library switch the situation it works in: normal times, library closed, patrons
/// unable to visit, staff working remotely. Outside normal times a notice (Finnish required, Swedish
/// and English recommended) tells patrons what works and how; the web app's front page shows it and
/// `GET /libraries/{slug}` gives it to partner sites.
#[utoipa::path(
    tag = "libraries",
    operation_id = "set_library_scenario",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The library's slug.", example = "kalajoki")),
    request_body = ScenarioInput,
    responses(
        JsonBodyErrors,
        (status = 200, description = "Set; the scenario as it now stands.", body = ActiveScenario),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin of this library (`forbidden`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No library has this slug (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The notice is missing or invalid (`invalid_input`, field `notice.fi`, `notice.sv` or `notice.en`).", body = Problem, content_type = "application/problem+json",
            example = json!({"type": "urn:etakirjasto:problem:invalid_input", "title": "Please check the marked fields.", "status": 422, "code": "invalid_input", "errors": [{"field": "notice.fi", "code": "required", "message": "This is required."}]})),
    )
)]
#[put("/libraries/{slug}/scenario")]
#[tracing::instrument(skip_all)]
pub async fn set_library_scenario(
    state: web::Data<AppState>,
    user: AuthUser,
    slug: web::Path<String>,
    body: web::Json<ScenarioInput>,
) -> Result<impl Responder, ApiError> {
    let (slug, input) = (slug.into_inner(), checked_scenario(body.into_inner())?);
    let active = db::run(&state.pool, move |conn| {
        let library = admin_library(conn, &user, &slug)?;
        crate::db::write_tx(conn, |conn| {
            queries::set_scenario(
                conn,
                &library.id,
                input.scenario,
                input.notice.as_ref(),
                &user.user_id,
                chrono::Utc::now().naive_utc(),
            )
        })?;
        Ok(queries::scenario(conn, &library.id, &library.time_zone)?)
    })
    .await?;
    Ok(web::Json(active))
}

/// Whether an import is only a preview.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportParams {
    /// `true`: read the document and tell what would change, saving nothing.
    #[serde(default)]
    pub dry_run: bool,
}

/// Import branches from the library directory.
///
/// The library's admins send the Finnish library directory's answer as it is (Kirkanta API v4 JSON,
/// `https://api.kirjastot.fi/v4/library?…&with=schedules` for a week: a list `{"items": […]}` or one
/// library `{"data": {…}}`), so branches, addresses and staffed opening hours are not typed again.
/// Branches match by name: a new name is added, a known one brought up to date; what the document
/// lacks (phone, email, schedules) stays as stored. With `dry_run=true` nothing is saved and the
/// answer tells what would change. All or nothing, one import at a time per library.
#[utoipa::path(
    tag = "libraries",
    operation_id = "import_branches",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The library's slug.", example = "kalajoki"), ImportParams),
    request_body(content = Object, description = "The directory's JSON as downloaded.",
        example = json!({"type": "library", "total": 1, "items": [{"id": 86616, "name": "Kalajoen pääkirjasto", "isMain": true, "address": {"street": "Pohjankyläntie 5", "zipcode": "85100", "city": "Kalajoki"}, "schedules": []}]})),
    responses(
        JsonBodyErrors,
        (status = 200, description = "Imported, or (`dry_run`) what would be.", body = BranchImport),
        (status = 401, description = "Not signed in (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin of this library (`forbidden`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No library has this slug (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The document is not the directory's JSON or says something impossible (`invalid_input`, field `document`; `detail` tells what).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/libraries/{slug}/branches/import")]
#[tracing::instrument(skip_all)]
pub async fn import_branches(
    state: web::Data<AppState>,
    user: AuthUser,
    slug: web::Path<String>,
    q: web::Query<ImportParams>,
    body: web::Json<serde_json::Value>,
) -> Result<impl Responder, ApiError> {
    let (slug, dry_run, document) = (slug.into_inner(), q.dry_run, body.into_inner());
    let done = db::run(&state.pool, move |conn| {
        let library = admin_library(conn, &user, &slug)?;
        let found = super::kirkanta::parse(&document.to_string()).map_err(|why| {
            ApiError::invalid(vec![("document".into(), FieldCode::InvalidFormat)]).with_detail(why)
        })?;
        super::kirkanta::preview_or_apply(conn, &library.id, &found, dry_run)
    })
    .await?;
    Ok(web::Json(done))
}

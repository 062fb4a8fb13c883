//! HTTP handlers for staff training and the competence matrix.

use actix_web::{HttpResponse, Responder, get, post, put, web};
use etakirjasto_shared::{
    CompetenceInput, CompetenceMatrix, ConfidenceInput, MatrixCell, PracticeInput, PracticeSession,
    PracticeUpdate, Problem, ProgressInput, TrainingModule, TrainingModuleEdit,
    TrainingModuleInput,
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
};

/// Which library's training.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TrainingLibraryParam {
    /// The library's slug.
    #[param(example = "kalajoki")]
    pub library: String,
}

/// List training modules.
///
/// The library's modules in their order (for its staff), each with the caller's progress: the
/// checklist items they ticked, their practice sessions as trainee or colleague, and whether the
/// module is complete.
#[utoipa::path(
    tag = "training",
    operation_id = "list_training_modules",
    security(("bearer" = [])),
    params(TrainingLibraryParam),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "The modules.", body = Vec<TrainingModule>),
        (status = 422, description = "No library has the slug (`invalid_input`, field `library`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/training/modules")]
#[tracing::instrument(skip_all)]
pub async fn list_training_modules(
    state: web::Data<AppState>,
    user: AuthUser,
    q: web::Query<TrainingLibraryParam>,
) -> Result<impl Responder, ApiError> {
    let slug = q.into_inner().library;
    let modules = db::run(&state.pool, move |conn| service::list(conn, &user, &slug)).await?;
    Ok(web::Json(modules))
}

/// Create a training module.
///
/// The library's admins write a module: its text in Markdown (fi/sv/en), a checklist, whether a
/// practice session with a colleague is part of it, and the session types it is required for.
/// From then on those session types offer only staff an admin has signed off as competent.
#[utoipa::path(
    tag = "training",
    operation_id = "create_training_module",
    security(("bearer" = [])),
    request_body = TrainingModuleInput,
    responses(
        JsonBodyErrors,
        StaffOnlyErrors,
        (status = 201, description = "Created.", body = TrainingModule),
        (status = 422, description = "A field is missing or invalid (`invalid_input`), e.g. `items[0].key` or `service_ids[0]`.", body = Problem, content_type = "application/problem+json",
            example = json!({"type": "urn:etakirjasto:problem:invalid_input", "title": "Please check the marked fields.", "status": 422, "code": "invalid_input", "errors": [{"field": "items[1].key", "code": "taken", "message": "This is already in use."}]})),
    )
)]
#[post("/training/modules")]
#[tracing::instrument(skip_all)]
pub async fn create_training_module(
    state: web::Data<AppState>,
    user: AuthUser,
    body: web::Json<TrainingModuleInput>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner();
    let module = db::run(&state.pool, move |conn| service::create(conn, &user, input)).await?;
    Ok(HttpResponse::Created().json(module))
}

/// Get a training module.
///
/// One module with the caller's progress, for the library's staff.
#[utoipa::path(
    tag = "training",
    operation_id = "get_training_module",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The module's id.")),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "The module.", body = TrainingModule),
        (status = 404, description = "No such module, or another library's (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/training/modules/{id}")]
#[tracing::instrument(skip_all)]
pub async fn get_training_module(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
) -> Result<impl Responder, ApiError> {
    let id = id.into_inner();
    let module = db::run(&state.pool, move |conn| service::read(conn, &user, &id)).await?;
    Ok(web::Json(module))
}

/// Change a training module.
///
/// The library's admins send the whole module and the version they changed; if someone saved a
/// newer version meanwhile, 409 and nothing is saved. Ticks of items removed stop counting;
/// sign-offs already given stay.
#[utoipa::path(
    tag = "training",
    operation_id = "update_training_module",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The module's id.")),
    request_body = TrainingModuleEdit,
    responses(
        JsonBodyErrors,
        StaffOnlyErrors,
        (status = 200, description = "Saved.", body = TrainingModule),
        (status = 404, description = "No such module, or another library's (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A newer version was saved after the one changed (`conflict`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is missing or invalid (`invalid_input`; the module's fields are named under `module.`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/training/modules/{id}")]
#[tracing::instrument(skip_all)]
pub async fn update_training_module(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
    body: web::Json<TrainingModuleEdit>,
) -> Result<impl Responder, ApiError> {
    let (id, edit) = (id.into_inner(), body.into_inner());
    let module = db::run(&state.pool, move |conn| {
        service::edit(conn, &user, &id, edit)
    })
    .await?;
    Ok(web::Json(module))
}

/// Tick a checklist item.
///
/// A staff member ticks one of the module's items done for themselves, or takes the tick back.
#[utoipa::path(
    tag = "training",
    operation_id = "set_training_progress",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The module's id.")),
    request_body = ProgressInput,
    responses(
        JsonBodyErrors,
        StaffOnlyErrors,
        (status = 200, description = "The module with the caller's progress.", body = TrainingModule),
        (status = 404, description = "No such module, or another library's (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The module has no such item (`invalid_input`, field `item`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/training/modules/{id}/progress")]
#[tracing::instrument(skip_all)]
pub async fn set_training_progress(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
    body: web::Json<ProgressInput>,
) -> Result<impl Responder, ApiError> {
    let (id, input) = (id.into_inner(), body.into_inner());
    let module = db::run(&state.pool, move |conn| {
        service::set_progress(conn, &user, &id, input)
    })
    .await?;
    Ok(web::Json(module))
}

/// Book a practice session.
///
/// A staff member books a practice of the module with a colleague of the library, who plays the
/// patron. Once it has been held (recorded by the colleague or an admin of the library) it counts
/// for the module. The time may not be more than five minutes past or more than a year ahead.
#[utoipa::path(
    tag = "training",
    operation_id = "book_training_practice",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The module's id.")),
    request_body = PracticeInput,
    responses(
        JsonBodyErrors,
        StaffOnlyErrors,
        (status = 201, description = "Booked.", body = PracticeSession),
        (status = 404, description = "No such module, or another library's (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The module has no practice session (`conflict`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The colleague is not another staff member of the library (field `colleague_id`), or the time is more than five minutes past or over a year ahead (field `starts_at`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/training/modules/{id}/practices")]
#[tracing::instrument(skip_all)]
pub async fn book_training_practice(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
    body: web::Json<PracticeInput>,
) -> Result<HttpResponse, ApiError> {
    let (id, input) = (id.into_inner(), body.into_inner());
    let practice = db::run(&state.pool, move |conn| {
        service::book_practice(conn, &user, &id, input)
    })
    .await?;
    Ok(HttpResponse::Created().json(practice))
}

/// Record a practice session.
///
/// The colleague or an admin of the library records it `held` (from its start on); the trainee,
/// the colleague or an admin calls it off (`cancelled`, before it is held); anyone else of the
/// library's staff, and the trainee recording it held, get 403. Sending what is already recorded
/// changes nothing.
#[utoipa::path(
    tag = "training",
    operation_id = "update_training_practice",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The practice session's id.")),
    request_body = PracticeUpdate,
    responses(
        JsonBodyErrors,
        StaffOnlyErrors,
        (status = 200, description = "Recorded.", body = PracticeSession),
        (status = 404, description = "No such practice session, or another library's (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "It has not started yet, or it is already held or cancelled (`conflict`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`state` is not `held` or `cancelled` (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/training/practices/{id}")]
#[tracing::instrument(skip_all)]
pub async fn update_training_practice(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
    body: web::Json<PracticeUpdate>,
) -> Result<impl Responder, ApiError> {
    let (id, update) = (id.into_inner(), body.into_inner());
    let practice = db::run(&state.pool, move |conn| {
        service::update_practice(conn, &user, &id, update)
    })
    .await?;
    Ok(web::Json(practice))
}

/// The competence matrix.
///
/// Staff × session types: for each person and session type, whether they deliver it, the required
/// modules complete, the admin's sign-off, whether they are offered in its bookable times, and
/// their own confidence before and after training; and the team's readiness per session type. The
/// library's admins get every person (also former staff who still deliver a session type or hold a
/// sign-off); other staff get their own row, the team's readiness (a mean confidence only where at
/// least three people rated it, so no one's rating can be worked out) and the names of their
/// colleagues (to book a practice with).
#[utoipa::path(
    tag = "training",
    operation_id = "get_competence_matrix",
    security(("bearer" = [])),
    params(TrainingLibraryParam),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "The matrix.", body = CompetenceMatrix),
        (status = 422, description = "No library has the slug (`invalid_input`, field `library`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/training/matrix")]
#[tracing::instrument(skip_all)]
pub async fn get_competence_matrix(
    state: web::Data<AppState>,
    user: AuthUser,
    q: web::Query<TrainingLibraryParam>,
) -> Result<impl Responder, ApiError> {
    let slug = q.into_inner().library;
    let matrix = db::run(&state.pool, move |conn| service::matrix(conn, &user, &slug)).await?;
    Ok(web::Json(matrix))
}

/// Sign a staff member off for a session type.
///
/// An admin of the library signs a staff member off as competent to deliver the session type
/// (every module required for it complete, else 409 `training_incomplete`), or takes the sign-off
/// back. Where a session type has required modules, only signed-off staff are offered in its
/// bookable times, from this moment on.
#[utoipa::path(
    tag = "training",
    operation_id = "set_competence",
    security(("bearer" = [])),
    params(
        ("id" = String, Path, description = "The session type's id."),
        ("staff_id" = String, Path, description = "The staff member's account id."),
    ),
    request_body = CompetenceInput,
    responses(
        JsonBodyErrors,
        StaffOnlyErrors,
        (status = 200, description = "The staff member's cell of the matrix after the change.", body = MatrixCell),
        (status = 404, description = "No such session type, or not a staff member of its library (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The body has a field not known here (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A required module is not complete (`training_incomplete`), or no module is required for the session type, so there is nothing to sign off (`conflict`).", body = Problem, content_type = "application/problem+json",
            example = json!({"type": "urn:etakirjasto:problem:training_incomplete", "title": "This person has not yet completed all the training the service requires.", "status": 409, "code": "training_incomplete", "detail": "1 of the 2 required modules are complete."})),
    )
)]
#[put("/services/{id}/competences/{staff_id}")]
#[tracing::instrument(skip_all)]
pub async fn set_competence(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(String, String)>,
    body: web::Json<CompetenceInput>,
) -> Result<impl Responder, ApiError> {
    let ((id, staff_id), competent) = (path.into_inner(), body.into_inner().competent);
    let cell = db::run(&state.pool, move |conn| {
        service::set_competence(conn, &user, &id, &staff_id, competent)
    })
    .await?;
    Ok(web::Json(cell))
}

/// Rate my confidence.
///
/// A staff member rates how confident they feel delivering the session type, 1 to 5, before or
/// after training; a new rating for the same phase replaces the earlier one.
#[utoipa::path(
    tag = "training",
    operation_id = "set_my_confidence",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The session type's id.")),
    request_body = ConfidenceInput,
    responses(
        JsonBodyErrors,
        StaffOnlyErrors,
        (status = 200, description = "The caller's cell of the matrix after the change.", body = MatrixCell),
        (status = 404, description = "No such session type, or another library's (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The rating is not 1 to 5 (`invalid_input`, field `rating`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/services/{id}/confidence")]
#[tracing::instrument(skip_all)]
pub async fn set_my_confidence(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
    body: web::Json<ConfidenceInput>,
) -> Result<impl Responder, ApiError> {
    let (id, input) = (id.into_inner(), body.into_inner());
    let cell = db::run(&state.pool, move |conn| {
        service::set_confidence(conn, &user, &id, input)
    })
    .await?;
    Ok(web::Json(cell))
}

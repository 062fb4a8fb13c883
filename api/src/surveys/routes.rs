//! HTTP handlers for needs surveys.

use actix_web::{HttpRequest, HttpResponse, Responder, get, post, put, web};
use etakirjasto_shared::{
    FieldCode, Page, Problem, Survey, SurveyEdit, SurveyInput, SurveyInvitationInput,
    SurveyInvitationReceipt, SurveyResponseInput, SurveyResponseReceipt, SurveyResults,
    SurveyState,
};
use serde::Deserialize;
use utoipa::IntoParams;

use super::service;
use crate::{
    AppState,
    auth::{AuthUser, MaybeUser},
    db,
    error::ApiError,
    libraries::queries::find_by_slug,
    openapi::{JsonBodyErrors, StaffOnlyErrors},
    pagination::ListParams,
};

/// The filters of the survey list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SurveyListParams {
    /// Only this library's surveys (its slug).
    #[param(example = "kalajoki")]
    pub library: Option<String>,
    /// Only surveys in this state (`draft`, `scheduled`, `open`, `closed`).
    #[param(example = "open")]
    pub state: Option<String>,
    /// How many to return (1 to 100; 25 when left out).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u32>,
    /// `next_cursor` from the previous page.
    #[param(pattern = "^[A-Za-z0-9_-]+$")]
    pub cursor: Option<String>,
}

/// List surveys.
///
/// Published surveys for everyone, and a library's drafts too for its staff (with the number of
/// responses). Newest first day first. Filter by library and state; `state=open` gives the
/// surveys taking answers now.
#[utoipa::path(
    tag = "surveys",
    operation_id = "list_surveys",
    params(SurveyListParams),
    responses(
        (status = 200, description = "A page of surveys.", body = Page<Survey>),
        (status = 401, description = "An `Authorization` header that is not a valid token (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A filter is invalid (`invalid_input`, field `library`, `state`, `limit` or `cursor`).", body = Problem, content_type = "application/problem+json",
            example = json!({"type": "urn:etakirjasto:problem:invalid_input", "title": "Please check the marked fields.", "status": 422, "code": "invalid_input", "errors": [{"field": "state", "code": "invalid_choice", "message": "Choose one of the options."}]})),
    )
)]
#[get("/surveys")]
#[tracing::instrument(skip_all)]
pub async fn list_surveys(
    state: web::Data<AppState>,
    user: MaybeUser,
    q: web::Query<SurveyListParams>,
) -> Result<impl Responder, ApiError> {
    let q = q.into_inner();
    let (after, limit) = ListParams {
        limit: q.limit,
        cursor: q.cursor.clone(),
        library: q.library.clone(),
    }
    .window()?;
    let wanted =
        match q.state.as_deref() {
            Some(s) => Some(SurveyState::parse(s).ok_or_else(|| {
                ApiError::invalid(vec![("state".into(), FieldCode::InvalidChoice)])
            })?),
            None => None,
        };
    let page = db::run(&state.pool, move |conn| {
        let library_id = match q.library.as_deref() {
            Some(slug) => Some(
                find_by_slug(conn, slug)?
                    .ok_or_else(|| {
                        ApiError::invalid(vec![("library".into(), FieldCode::InvalidChoice)])
                    })?
                    .id,
            ),
            None => None,
        };
        let mut rows = service::list(conn, user.0.as_ref(), library_id.as_deref(), wanted)?;
        // The cursor is the last survey's place: its first day and id, in the list's order.
        if let Some(after) = after {
            let (day, id) = after
                .split_once('|')
                .filter(|(d, id)| {
                    super::rules::day(d).is_some() && etakirjasto_shared::validate::is_id(id)
                })
                .ok_or_else(|| {
                    ApiError::invalid(vec![("cursor".into(), FieldCode::InvalidFormat)])
                })?;
            let skip = rows.partition_point(|v| {
                v.0.opens_on.as_str() > day || (v.0.opens_on == day && v.0.id.as_str() <= id)
            });
            rows.drain(..skip);
        }
        rows.truncate(limit as usize + 1);
        let page = crate::pagination::page(
            rows,
            limit,
            |v| format!("{}|{}", v.0.opens_on, v.0.id),
            |v| v,
        );
        Ok(Page {
            items: page
                .items
                .into_iter()
                .map(|v| service::for_user(conn, user.0.as_ref(), v))
                .collect::<Result<Vec<Survey>, ApiError>>()?,
            next_cursor: page.next_cursor,
        })
    })
    .await?;
    Ok(web::Json(page))
}

/// Create a survey.
///
/// The library's staff write the questions (single or multiple choice with "other, please
/// specify", a 1–5 scale, a number, free text) in Finnish, Swedish and English, the first and
/// last day, who may answer and whether contact details are asked for.
#[utoipa::path(
    tag = "surveys",
    operation_id = "create_survey",
    security(("bearer" = [])),
    request_body = SurveyInput,
    responses(
        JsonBodyErrors,
        StaffOnlyErrors,
        (status = 201, description = "Created.", body = Survey),
        (status = 422, description = "A field is missing or invalid (`invalid_input`), or no library has the slug (field `library`).", body = Problem, content_type = "application/problem+json",
            example = json!({"type": "urn:etakirjasto:problem:invalid_input", "title": "Please check the marked fields.", "status": 422, "code": "invalid_input", "errors": [{"field": "questions[0].options", "code": "invalid_choice", "message": "Choose one of the options."}]})),
    )
)]
#[post("/surveys")]
#[tracing::instrument(skip_all)]
pub async fn create_survey(
    state: web::Data<AppState>,
    user: AuthUser,
    body: web::Json<SurveyInput>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner();
    let survey = db::run(&state.pool, move |conn| service::create(conn, &user, input)).await?;
    Ok(HttpResponse::Created().json(survey))
}

/// Get a survey.
///
/// Public when published (the shareable link); a draft only for its library's staff.
#[utoipa::path(
    tag = "surveys",
    operation_id = "get_survey",
    params(("id" = String, Path, description = "The survey's id.")),
    responses(
        (status = 200, description = "The survey with its questions.", body = Survey),
        (status = 401, description = "An `Authorization` header that is not a valid token (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such survey, or a draft of another library (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/surveys/{id}")]
#[tracing::instrument(skip_all)]
pub async fn get_survey(
    state: web::Data<AppState>,
    user: MaybeUser,
    id: web::Path<String>,
) -> Result<impl Responder, ApiError> {
    let id = id.into_inner();
    let survey = db::run(&state.pool, move |conn| {
        let view = service::read(conn, user.0.as_ref(), &id)?;
        service::for_user(conn, user.0.as_ref(), view)
    })
    .await?;
    Ok(web::Json(survey))
}

/// Change a survey.
///
/// The library's staff send the whole survey and the version they changed. Once it has answers,
/// questions and options may be reworded and new ones added, but none removed or given another
/// kind (409). If someone saved a newer version meanwhile, the answer is 409 and nothing is saved.
#[utoipa::path(
    tag = "surveys",
    operation_id = "update_survey",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The survey's id.")),
    request_body = SurveyEdit,
    responses(
        JsonBodyErrors,
        StaffOnlyErrors,
        (status = 200, description = "Saved.", body = Survey),
        (status = 404, description = "No such survey, or a draft of another library (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A newer version was saved after the one changed, or the change removes or retypes something already answered (`conflict`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is missing or invalid (`invalid_input`; the survey's fields are named under `survey.`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/surveys/{id}")]
#[tracing::instrument(skip_all)]
pub async fn update_survey(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
    body: web::Json<SurveyEdit>,
) -> Result<impl Responder, ApiError> {
    let (id, edit) = (id.into_inner(), body.into_inner());
    let survey = db::run(&state.pool, move |conn| {
        service::edit(conn, &user, &id, edit)
    })
    .await?;
    Ok(web::Json(survey))
}

/// Answer a survey.
///
/// Anyone answers an open public survey, with or without an account; a survey for patrons or
/// care-home contacts needs their sign-in. A signed-in person answers once (their answer does not
/// name their account). The library's staff enter answers given on paper or by phone with
/// `source`, also after the last day. Floods of answers without an account from one address are
/// held back.
#[utoipa::path(
    tag = "surveys",
    operation_id = "answer_survey",
    params(("id" = String, Path, description = "The survey's id.")),
    request_body = SurveyResponseInput,
    responses(
        JsonBodyErrors,
        (status = 201, description = "Answer stored.", body = SurveyResponseReceipt),
        (status = 401, description = "The survey needs a sign-in, or an `Authorization` header that is not a valid token (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not in the survey's audience, or `source` other than `web` from a signed-in person who is not the library's staff (`forbidden`; without a sign-in it is 401).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such survey, or another library's draft (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The survey is a draft or not open (`survey_closed`), this person has answered it already, or it was changed while they answered (`conflict`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An answer is missing or invalid (`invalid_input`; fields `answers.<question>`, `answers[i].question`, `contact_*`).", body = Problem, content_type = "application/problem+json",
            example = json!({"type": "urn:etakirjasto:problem:invalid_input", "title": "Please check the marked fields.", "status": 422, "code": "invalid_input", "errors": [{"field": "answers.services", "code": "required", "message": "This is required."}]})),
        (status = 429, description = "Too many answers from one address; see `Retry-After` (`too_many_requests`).", body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
    )
)]
#[post("/surveys/{id}/responses")]
#[tracing::instrument(skip_all)]
pub async fn answer_survey(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: MaybeUser,
    id: web::Path<String>,
    body: web::Json<SurveyResponseInput>,
) -> Result<HttpResponse, ApiError> {
    use crate::throttle::{self, Write};
    let guest = user.0.is_none();
    if guest {
        throttle::spend(&state, &req, Write::SurveyResponse).await?;
    }
    let (id, input) = (id.into_inner(), body.into_inner());
    let receipt = db::run(&state.pool, move |conn| {
        service::respond(conn, user.0.as_ref(), &id, input)
    })
    .await;
    if guest {
        throttle::refund(&state, &req, Write::SurveyResponse, &receipt).await;
    }
    let receipt = receipt?;
    Ok(HttpResponse::Created()
        .insert_header(("Cache-Control", "no-store"))
        .json(receipt))
}

/// The filter of the results.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ResultsParams {
    /// Break the choice and scale questions down by the answers to this `single` or `scale`
    /// question (its key), e.g. the age group.
    #[param(example = "age")]
    pub by: Option<String>,
}

/// Get a survey's results.
///
/// For the library's staff: the number of responses and how they came, each question's counts
/// and percentages (of those who answered it), the mean and median of scales and numbers, the free
/// texts, and with `by` a cross-tabulation by one question.
#[utoipa::path(
    tag = "surveys",
    operation_id = "get_survey_results",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The survey's id."), ResultsParams),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "The results.", body = SurveyResults),
        (status = 404, description = "No such survey (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`by` is not a single-choice or scale question of the survey (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/surveys/{id}/results")]
#[tracing::instrument(skip_all)]
pub async fn get_survey_results(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
    q: web::Query<ResultsParams>,
) -> Result<impl Responder, ApiError> {
    let (id, by) = (id.into_inner(), q.into_inner().by);
    let results = db::run(&state.pool, move |conn| {
        service::results(conn, &user, &id, by.as_deref())
    })
    .await?;
    Ok(web::Json::<SurveyResults>(results))
}

/// Download a survey's responses as CSV.
///
/// For the library's staff: one row a response (when and how it came, the contact details where
/// the survey asked for them, then a column a question), in the reader's language (`;`-separated
/// in Finnish and Swedish, `,` in English) with a byte-order mark for spreadsheets. A download
/// holding contact details is written to the audit log.
#[utoipa::path(
    tag = "surveys",
    operation_id = "export_survey_responses",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The survey's id.")),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "The responses, oldest first.", body = String, content_type = "text/csv",
            example = json!("\u{feff}Vastattu;Tapa;Ikäsi;Mitä palveluja käyttäisit?\r\n2026-12-01 10:00 UTC;paperilla;65 tai yli;Lukuneuvonta | Etätapahtumat\r\n")),
        (status = 404, description = "No such survey (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/surveys/{id}/responses.csv")]
#[tracing::instrument(skip_all)]
pub async fn export_survey_responses(
    state: web::Data<AppState>,
    request: HttpRequest,
    user: AuthUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let lang = crate::error::request_lang(&request);
    let file = id.chars().take(8).collect::<String>();
    let csv = db::run(&state.pool, move |conn| {
        service::responses_csv(conn, &user, &id, lang)
    })
    .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"survey-{file}.csv\""),
        ))
        .insert_header(("Cache-Control", "no-store"))
        .body(csv))
}

/// Invite people to answer a survey.
///
/// For the library's staff, while the survey is open or still to open: the contact people of the
/// library's units, or everyone registered for one of its events, get an invitation with the
/// survey's link and last day, by email or text message in their own language (the library's
/// wording of `survey_invitation` when it has one). Each person is invited to a survey once:
/// sending again invites only those not invited yet. Guests are not invited to a survey for
/// signed-in patrons (they count as `unreachable`).
#[utoipa::path(
    tag = "surveys",
    operation_id = "invite_to_survey",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The survey's id.")),
    request_body = SurveyInvitationInput,
    responses(
        JsonBodyErrors,
        StaffOnlyErrors,
        (status = 200, description = "Invited.", body = SurveyInvitationReceipt),
        (status = 404, description = "No such survey, or a draft of another library (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The survey has closed or is a draft (`survey_closed`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No such event of the library (`invalid_input`, field `event_id`), an event's participants for a survey meant for the units' contact people (`to`), or a note that is too long (`message`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/surveys/{id}/invitations")]
#[tracing::instrument(skip_all)]
pub async fn invite_to_survey(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
    body: web::Json<SurveyInvitationInput>,
) -> Result<impl Responder, ApiError> {
    let (id, input) = (id.into_inner(), body.into_inner());
    let receipt = db::run(&state.pool, move |conn| {
        service::invite(conn, &user, &id, input)
    })
    .await?;
    Ok(web::Json::<SurveyInvitationReceipt>(receipt))
}

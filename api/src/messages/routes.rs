//! HTTP handlers for messages: a person's channel and language, staff's message list and resend, and
//! a library's own wording with a preview.

use actix_web::{HttpResponse, Responder, delete, get, post, put, web};
use chrono::{DateTime, NaiveDateTime, Utc};
use etakirjasto_shared::{
    FieldCode, Lang, Message, MessageKind, MessagePreferences, MessagePreview, MessageStatus,
    MessageTemplate, MessageTemplateInput, Page, Problem,
};
use serde::Deserialize;
use utoipa::IntoParams;

use super::service;
use crate::{
    AppState,
    auth::{AuthUser, Staff},
    db,
    error::ApiError,
    openapi::{JsonBodyErrors, StaffOnlyErrors},
    pagination::page,
};

/// My message settings.
///
/// How the signed-in person is told about their bookings and registrations: by email or text
/// message, and in which language. Until they choose: email (a text message for an account without
/// email) in Finnish.
#[utoipa::path(
    tag = "messages",
    operation_id = "get_my_message_preferences",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The person's channel and language.", body = MessagePreferences),
        (status = 401, description = "No valid access token (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/message-preferences")]
#[tracing::instrument(skip_all)]
pub async fn get_my_message_preferences(
    state: web::Data<AppState>,
    user: AuthUser,
) -> Result<impl Responder, ApiError> {
    let prefs = db::run(&state.pool, move |conn| service::preferences(conn, &user)).await?;
    Ok(web::Json(prefs))
}

/// Change my message settings.
///
/// Chooses email or text message, and the language. A channel needs its address on the account
/// (422 on `channel` otherwise). If a message cannot be delivered on the chosen channel, the other is
/// tried when the account has both.
#[utoipa::path(
    tag = "messages",
    operation_id = "set_my_message_preferences",
    security(("bearer" = [])),
    request_body = MessagePreferences,
    responses(
        JsonBodyErrors,
        (status = 200, description = "Saved.", body = MessagePreferences),
        (status = 401, description = "No valid access token (`unauthorized`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The account has no address for that channel (`invalid_input` on `channel`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/me/message-preferences")]
#[tracing::instrument(skip_all)]
pub async fn set_my_message_preferences(
    state: web::Data<AppState>,
    user: AuthUser,
    body: web::Json<MessagePreferences>,
) -> Result<impl Responder, ApiError> {
    let input = body.into_inner();
    let prefs = db::run(&state.pool, move |conn| {
        service::save_preferences(conn, &user, input, Utc::now())
    })
    .await?;
    Ok(web::Json(prefs))
}

/// Filters of the message list.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MessageListParams {
    /// The library (slug); its staff only.
    #[param(example = "kalajoki")]
    pub library: String,
    /// One account's messages (a patron's id).
    pub user_id: Option<String>,
    /// Messages about one booking, event registration or programme booking.
    pub subject_id: Option<String>,
    /// Only messages in this state.
    pub status: Option<MessageStatus>,
    /// The start of an email address or phone number, or part of the recipient's name.
    #[param(example = "maija@")]
    pub recipient: Option<String>,
    /// How many items to return (1 to 100; 25 when left out).
    #[param(minimum = 1, maximum = 100, example = 25)]
    pub limit: Option<u32>,
    /// `next_cursor` from the previous page.
    #[param(pattern = "^[A-Za-z0-9_-]+$")]
    pub cursor: Option<String>,
}

fn cursor_of(at: NaiveDateTime, id: &str) -> String {
    format!("{}|{id}", at.and_utc().timestamp_micros())
}

fn parse_cursor(raw: &str) -> Option<(NaiveDateTime, String)> {
    let (micros, id) = raw.split_once('|')?;
    let at = DateTime::<Utc>::from_timestamp_micros(micros.parse().ok()?)?;
    crate::pagination::storable("cursor", &at).ok()?;
    etakirjasto_shared::validate::is_id(id).then(|| (at.naive_utc(), id.to_owned()))
}

/// List a library's messages.
///
/// Sent, pending (including reminders not yet due) and failed messages, newest first, for the
/// library's staff: filter by a patron's account, by what a message is about, by state, or by the
/// recipient's address or name. Each message shown is recorded in the audit log, since it carries
/// the person's address.
#[utoipa::path(
    tag = "messages",
    operation_id = "list_messages",
    security(("bearer" = [])),
    params(MessageListParams),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "A page of messages.", body = Page<Message>),
        (status = 422, description = "A filter is invalid (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/messages")]
#[tracing::instrument(skip_all)]
pub async fn list_messages(
    state: web::Data<AppState>,
    Staff(user): Staff,
    q: web::Query<MessageListParams>,
) -> Result<impl Responder, ApiError> {
    let q = q.into_inner();
    let window = crate::pagination::ListParams {
        limit: q.limit,
        cursor: q.cursor.clone(),
        library: Some(q.library.clone()),
    };
    let (after, limit) = window.window()?;
    let after =
        match after {
            Some(raw) => Some(parse_cursor(&raw).ok_or_else(|| {
                ApiError::invalid(vec![("cursor".into(), FieldCode::InvalidFormat)])
            })?),
            None => None,
        };
    for (field, value) in [("user_id", &q.user_id), ("subject_id", &q.subject_id)] {
        if value
            .as_deref()
            .is_some_and(|v| !etakirjasto_shared::validate::is_id(v))
        {
            return Err(ApiError::invalid(vec![(
                field.into(),
                FieldCode::InvalidFormat,
            )]));
        }
    }
    let public_url = state.config.public_url.clone();
    let query = service::ListQuery {
        library: q.library,
        user_id: q.user_id,
        subject_id: q.subject_id,
        status: q.status,
        recipient: q.recipient,
    };
    let messages = db::run(&state.pool, move |conn| {
        let rows = service::list(conn, &user, query, after, i64::from(limit) + 1, &public_url)?;
        Ok(page(
            rows,
            limit,
            |(at, m)| cursor_of(*at, &m.id),
            |(_, m)| m,
        ))
    })
    .await?;
    Ok(web::Json(messages))
}

/// Send a message again.
///
/// Writes a copy of the message as a new pending message, sent at once (the original stays as it
/// was); for a patron who lost an email or did not get a text message. A guest's private link is
/// not kept after the first sending, so the copy tells them it is in the first message.
#[utoipa::path(
    tag = "messages",
    operation_id = "resend_message",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The message's id.")),
    responses(
        StaffOnlyErrors,
        (status = 201, description = "The new message, pending.", body = Message),
        (status = 404, description = "No such message in a library the caller is staff of (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The recipient's data has been deleted (`conflict`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/messages/{id}/resend")]
#[tracing::instrument(skip_all)]
pub async fn resend_message(
    state: web::Data<AppState>,
    Staff(user): Staff,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let public_url = state.config.public_url.clone();
    let message = db::run(&state.pool, move |conn| {
        service::resend(conn, &user, &id, &public_url, Utc::now())
    })
    .await?;
    Ok(HttpResponse::Created().json(message))
}

/// The kind and language in a template's path; unknown ones are 404.
fn kind_and_lang(kind: &str, lang: &str) -> Result<(MessageKind, Lang), ApiError> {
    let kind = MessageKind::parse(kind).ok_or_else(ApiError::not_found)?;
    let lang = match lang {
        "fi" => Lang::Fi,
        "sv" => Lang::Sv,
        "en" => Lang::En,
        _ => return Err(ApiError::not_found()),
    };
    Ok((kind, lang))
}

/// List a library's message wording.
///
/// Every message kind in fi, sv and en: the library's own wording where it has one
/// (`customised: true`), else the built-in one, with the placeholders the kind may use.
#[utoipa::path(
    tag = "messages",
    operation_id = "list_message_templates",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The library's slug.", example = "kalajoki")),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "Every kind in every language.", body = Vec<MessageTemplate>),
        (status = 422, description = "No such library (`invalid_input` on `library`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/libraries/{slug}/message-templates")]
#[tracing::instrument(skip_all)]
pub async fn list_message_templates(
    state: web::Data<AppState>,
    Staff(user): Staff,
    slug: web::Path<String>,
) -> Result<impl Responder, ApiError> {
    let slug = slug.into_inner();
    let list = db::run(&state.pool, move |conn| {
        service::list_templates(conn, &user, &slug)
    })
    .await?;
    Ok(web::Json(list))
}

/// Change a message's wording.
///
/// Saves the library's own subject and text for one kind in one language. Placeholders in braces
/// are filled in when the message is written; only the kind's placeholders are allowed (422 on
/// `subject` or `body` otherwise). Messages already written keep their wording.
#[utoipa::path(
    tag = "messages",
    operation_id = "set_message_template",
    security(("bearer" = [])),
    params(
        ("slug" = String, Path, description = "The library's slug.", example = "kalajoki"),
        ("kind" = MessageKind, Path, description = "The message kind."),
        ("lang" = Lang, Path, description = "The language."),
    ),
    request_body = MessageTemplateInput,
    responses(
        StaffOnlyErrors,
        JsonBodyErrors,
        (status = 200, description = "Saved.", body = MessageTemplate),
        (status = 404, description = "No such kind or language (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Empty, too long, or an unknown placeholder (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/libraries/{slug}/message-templates/{kind}/{lang}")]
#[tracing::instrument(skip_all)]
pub async fn set_message_template(
    state: web::Data<AppState>,
    Staff(user): Staff,
    path: web::Path<(String, String, String)>,
    body: web::Json<MessageTemplateInput>,
) -> Result<impl Responder, ApiError> {
    let (slug, kind, lang) = path.into_inner();
    let (kind, lang) = kind_and_lang(&kind, &lang)?;
    let input = body.into_inner();
    let saved = db::run(&state.pool, move |conn| {
        service::save_template(conn, &user, &slug, kind, lang, input, Utc::now())
    })
    .await?;
    Ok(web::Json(saved))
}

/// Go back to the built-in wording.
///
/// Removes the library's own wording of one kind in one language.
#[utoipa::path(
    tag = "messages",
    operation_id = "reset_message_template",
    security(("bearer" = [])),
    params(
        ("slug" = String, Path, description = "The library's slug.", example = "kalajoki"),
        ("kind" = MessageKind, Path, description = "The message kind."),
        ("lang" = Lang, Path, description = "The language."),
    ),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "The built-in wording, now in use.", body = MessageTemplate),
        (status = 404, description = "No such kind or language (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No such library (`invalid_input` on `library`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/libraries/{slug}/message-templates/{kind}/{lang}")]
#[tracing::instrument(skip_all)]
pub async fn reset_message_template(
    state: web::Data<AppState>,
    Staff(user): Staff,
    path: web::Path<(String, String, String)>,
) -> Result<impl Responder, ApiError> {
    let (slug, kind, lang) = path.into_inner();
    let (kind, lang) = kind_and_lang(&kind, &lang)?;
    let reset = db::run(&state.pool, move |conn| {
        service::reset_template(conn, &user, &slug, kind, lang)
    })
    .await?;
    Ok(web::Json(reset))
}

/// Preview a message's wording.
///
/// Writes the given subject and text out with example values (a patron, a time, a video link), as
/// the person would receive it: the plain text (also the text message) and the email's HTML part.
/// Nothing is saved.
#[utoipa::path(
    tag = "messages",
    operation_id = "preview_message_template",
    security(("bearer" = [])),
    params(
        ("slug" = String, Path, description = "The library's slug.", example = "kalajoki"),
        ("kind" = MessageKind, Path, description = "The message kind."),
        ("lang" = Lang, Path, description = "The language."),
    ),
    request_body = MessageTemplateInput,
    responses(
        StaffOnlyErrors,
        JsonBodyErrors,
        (status = 200, description = "The message as it would be sent.", body = MessagePreview),
        (status = 404, description = "No such kind or language (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Empty, too long, or an unknown placeholder (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/libraries/{slug}/message-templates/{kind}/{lang}/preview")]
#[tracing::instrument(skip_all)]
pub async fn preview_message_template(
    state: web::Data<AppState>,
    Staff(user): Staff,
    path: web::Path<(String, String, String)>,
    body: web::Json<MessageTemplateInput>,
) -> Result<impl Responder, ApiError> {
    let (slug, kind, lang) = path.into_inner();
    let (kind, lang) = kind_and_lang(&kind, &lang)?;
    let input = body.into_inner();
    let preview = db::run(&state.pool, move |conn| {
        service::preview(conn, &user, &slug, kind, lang, input)
    })
    .await?;
    Ok(web::Json(preview))
}

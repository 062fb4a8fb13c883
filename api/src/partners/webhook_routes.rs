//! HTTP handlers for partners' webhook subscriptions (partner tokens with `webhooks:manage` only).

use actix_web::{HttpResponse, Responder, delete, get, post, web};
use chrono::Utc;
use etakirjasto_shared::{Problem, Webhook, WebhookCreated, WebhookDelivery, WebhookInput};

use super::{Partner, webhooks};
use crate::{AppState, db, error::ApiError, openapi::JsonBodyErrors};

/// Subscribe to webhooks.
///
/// The partner's client subscribes a URL to kinds of change of its library: events created,
/// changed or cancelled, and bookings made, moved or cancelled. Each change is posted as JSON
/// (`{"id", "type", "created_at", "library", "data"}`, no personal details) with the Standard
/// Webhooks headers `webhook-id`, `webhook-timestamp` and `webhook-signature` (`v1,` and the Base64
/// HMAC-SHA256 of `<id>.<timestamp>.<body>` under the secret in this answer, shown once). Answer
/// 2xx; anything else is tried again after 30 s, 1 min, 2 min, … up to 8 attempts. At most 10
/// subscriptions per client.
#[utoipa::path(
    tag = "partners",
    operation_id = "create_webhook",
    security(("partner" = ["webhooks:manage"])),
    request_body = WebhookInput,
    responses(
        JsonBodyErrors,
        (status = 201, description = "Subscribed; the signing secret is in this answer only.", body = WebhookCreated),
        (status = 409, description = "The client holds 10 subscriptions already (`conflict`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`url` is not `https://` on a public host, or `kinds` is empty or repeats one (`invalid_input`).", body = Problem, content_type = "application/problem+json",
            example = json!({"type": "urn:etakirjasto:problem:invalid_input", "title": "Please check the marked fields.", "status": 422, "code": "invalid_input", "errors": [{"field": "url", "code": "invalid_choice", "message": "Please choose one of the options."}]})),
    )
)]
#[post("/webhooks")]
#[tracing::instrument(skip_all)]
pub async fn create_webhook(
    state: web::Data<AppState>,
    partner: Partner,
    body: web::Json<WebhookInput>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner();
    let allow_http = state.config.webhooks.allow_http;
    let made = db::run(&state.pool, move |conn| {
        webhooks::create(conn, &partner.0, input, allow_http, Utc::now())
    })
    .await?;
    Ok(HttpResponse::Created()
        .insert_header(("Cache-Control", "no-store"))
        .json(made))
}

/// List webhook subscriptions.
///
/// The partner's own subscriptions, oldest first, with how many deliveries wait for a retry and
/// how many failed.
#[utoipa::path(
    tag = "partners",
    operation_id = "list_webhooks",
    security(("partner" = ["webhooks:manage"])),
    responses(
        (status = 200, description = "The subscriptions.", body = Vec<Webhook>),
    )
)]
#[get("/webhooks")]
#[tracing::instrument(skip_all)]
pub async fn list_webhooks(
    state: web::Data<AppState>,
    partner: Partner,
) -> Result<impl Responder, ApiError> {
    let list = db::run(&state.pool, move |conn| webhooks::list(conn, &partner.0)).await?;
    Ok(web::Json(list))
}

/// Delete a webhook subscription.
///
/// Stops the posts; deliveries not yet made are dropped.
#[utoipa::path(
    tag = "partners",
    operation_id = "delete_webhook",
    security(("partner" = ["webhooks:manage"])),
    params(("id" = String, Path, description = "The subscription's id.")),
    responses(
        (status = 204, description = "Deleted."),
        (status = 404, description = "No such subscription of this client (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/webhooks/{id}")]
#[tracing::instrument(skip_all)]
pub async fn delete_webhook(
    state: web::Data<AppState>,
    partner: Partner,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    db::run(&state.pool, move |conn| {
        webhooks::delete(conn, &partner.0, &id)
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// List a subscription's deliveries.
///
/// The latest 50 posts, newest first: the body, its state (`pending`, `delivered`, `failed`), the
/// attempts and the status the partner answered last.
#[utoipa::path(
    tag = "partners",
    operation_id = "list_webhook_deliveries",
    security(("partner" = ["webhooks:manage"])),
    params(("id" = String, Path, description = "The subscription's id.")),
    responses(
        (status = 200, description = "The deliveries.", body = Vec<WebhookDelivery>),
        (status = 404, description = "No such subscription of this client (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/webhooks/{id}/deliveries")]
#[tracing::instrument(skip_all)]
pub async fn list_webhook_deliveries(
    state: web::Data<AppState>,
    partner: Partner,
    id: web::Path<String>,
) -> Result<impl Responder, ApiError> {
    let id = id.into_inner();
    let list = db::run(&state.pool, move |conn| {
        webhooks::deliveries(conn, &partner.0, &id)
    })
    .await?;
    Ok(web::Json(list))
}

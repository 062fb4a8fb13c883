//! HTTP handlers for API clients and the token exchange.

use actix_web::{HttpRequest, HttpResponse, Responder, get, http::header, post, put, web};
use base64::{Engine as _, engine::general_purpose::STANDARD};
use chrono::{DateTime, Utc};
use etakirjasto_shared::{
    ApiCall, ApiClient, ApiClientCredentials, ApiClientInput, ErrorCode, FieldCode, Page,
    PartnerToken, PartnerTokenRequest, Problem,
};
use serde::Deserialize;
use utoipa::IntoParams;

use super::service;
use crate::{
    AppState,
    auth::AuthUser,
    db,
    error::{ApiError, request_lang},
    openapi::{JsonBodyErrors, StaffOnlyErrors},
    pagination::ListParams,
};

/// Whose API clients.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ClientLibraryParam {
    /// The library's slug.
    #[param(example = "kalajoki")]
    pub library: String,
}

/// `client_id:client_secret` from an HTTP Basic header, if one is sent.
fn basic_credentials(req: &HttpRequest) -> Option<(String, String)> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = String::from_utf8(STANDARD.decode(encoded.trim()).ok()?).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    Some((id.to_owned(), secret.to_owned()))
}

/// The token request from a form (as RFC 6749 asks) or a JSON body.
fn token_request(req: &HttpRequest, body: &[u8]) -> Result<PartnerTokenRequest, ApiError> {
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let malformed =
        |detail: String| ApiError::client(ErrorCode::MalformedRequest).with_detail(detail);
    match content_type.as_str() {
        "application/x-www-form-urlencoded" => {
            serde_urlencoded::from_bytes(body).map_err(|e| malformed(e.to_string()))
        }
        "application/json" => serde_json::from_slice(body).map_err(|e| malformed(e.to_string())),
        _ => Err(ApiError::client(ErrorCode::UnsupportedMediaType)),
    }
}

/// Get a partner token.
///
/// The OAuth 2.0 client-credentials exchange (RFC 6749 §4.4): a partner system sends its client id
/// and secret (in the form, or as HTTP Basic) and gets a token for 15 minutes with the scopes asked
/// for (`scope`, space-separated; all the client's scopes without it). Send it as
/// `Authorization: Bearer <access_token>`. Each exchange counts against the client's rate limit.
/// Refusals are problem documents that also carry OAuth's own `error` code. The same fields are
/// also accepted as a JSON body.
#[utoipa::path(
    tag = "partners",
    operation_id = "issue_token",
    request_body(content = PartnerTokenRequest, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "The token.", body = PartnerToken,
            headers(("Cache-Control" = String, description = "`no-store`"))),
        (status = 400, description = "The body cannot be read (`malformed_request`, `error: invalid_request`).", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "The client id or secret is wrong, or the client was revoked (`invalid_client`, `error: invalid_client`).", body = Problem, content_type = "application/problem+json",
            headers(("WWW-Authenticate" = String, description = "`Basic realm=\"etakirjasto\"`")),
            example = json!({"type": "urn:etakirjasto:problem:invalid_client", "title": "The client id or secret is wrong, or the client was revoked.", "status": 401, "code": "invalid_client", "error": "invalid_client"})),
        (status = 413, description = "The body is larger than the server accepts (`payload_too_large`).", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is neither a form nor JSON (`unsupported_media_type`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`grant_type` is not `client_credentials` (`error: unsupported_grant_type`), or `scope` names a scope the client does not have (`error: invalid_scope`) (`invalid_input`).", body = Problem, content_type = "application/problem+json",
            example = json!({"type": "urn:etakirjasto:problem:invalid_input", "title": "Please check the marked fields.", "status": 422, "code": "invalid_input", "errors": [{"field": "scope", "code": "invalid_choice", "message": "Please choose one of the options."}], "error": "invalid_scope"})),
        (status = 429, description = "The client's calls for this minute are spent; see `Retry-After` (`too_many_requests`).", body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
    )
)]
#[post("/oauth/token")]
#[tracing::instrument(skip_all)]
pub async fn issue_token(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Bytes,
) -> HttpResponse {
    let lang = request_lang(&req);
    let request = token_request(&req, &body);
    let basic = basic_credentials(&req);
    let answer = match request {
        Err(e) => Err(service::TokenRefusal {
            error: e,
            oauth: "invalid_request",
        }),
        Ok(input) => {
            let (id, secret) = match basic {
                Some(pair) => pair,
                None => (
                    input.client_id.clone().unwrap_or_default(),
                    input.client_secret.clone().unwrap_or_default(),
                ),
            };
            db::run(&state.pool, move |conn| {
                Ok(service::issue_token(
                    conn,
                    &input.grant_type,
                    &id,
                    &secret,
                    input.scope.as_deref(),
                    Utc::now(),
                ))
            })
            .await
            .unwrap_or_else(|e| Err(e.into()))
        }
    };
    match answer {
        Ok(token) => HttpResponse::Ok()
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .insert_header((header::PRAGMA, "no-cache"))
            .json(token),
        Err(refusal) => {
            let mut resp = refusal.error.render(lang);
            // The same problem, with OAuth's `error` member for OAuth libraries.
            let (problem, _) = refusal.error.to_problem(lang);
            if matches!(
                problem.code,
                ErrorCode::DatabaseUnavailable | ErrorCode::Internal
            ) {
                return resp;
            }
            let mut json = serde_json::to_value(&problem).unwrap_or_default();
            json["error"] = serde_json::Value::from(refusal.oauth);
            if problem.code == ErrorCode::InvalidClient {
                resp.headers_mut().insert(
                    header::WWW_AUTHENTICATE,
                    header::HeaderValue::from_static("Basic realm=\"etakirjasto\""),
                );
            }
            let mut out = HttpResponse::build(resp.status());
            for (name, value) in resp.headers() {
                out.insert_header((name.clone(), value.clone()));
            }
            out.body(json.to_string())
        }
    }
}

/// List API clients.
///
/// The library's admins: its partner systems' clients, newest first, revoked ones too, each with
/// its last call and the number of calls in the last 24 hours. Secrets are never shown again.
#[utoipa::path(
    tag = "partners",
    operation_id = "list_api_clients",
    security(("bearer" = [])),
    params(ClientLibraryParam),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "The clients.", body = Vec<ApiClient>),
        (status = 422, description = "No library has the slug (`invalid_input`, field `library`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api-clients")]
#[tracing::instrument(skip_all)]
pub async fn list_api_clients(
    state: web::Data<AppState>,
    user: AuthUser,
    q: web::Query<ClientLibraryParam>,
) -> Result<impl Responder, ApiError> {
    let slug = q.into_inner().library;
    let list = db::run(&state.pool, move |conn| {
        service::list(conn, &user, &slug, Utc::now())
    })
    .await?;
    Ok(web::Json(list))
}

/// Create an API client.
///
/// A library's admin makes a client for a partner system: its scopes, the web origins allowed to
/// call from a browser and its rate limit. The answer holds the secret, shown this once and stored
/// only as a hash.
#[utoipa::path(
    tag = "partners",
    operation_id = "create_api_client",
    security(("bearer" = [])),
    request_body = ApiClientInput,
    responses(
        JsonBodyErrors,
        StaffOnlyErrors,
        (status = 201, description = "Created; the secret is in this answer only.", body = ApiClientCredentials),
        (status = 422, description = "A field is missing or invalid (`invalid_input`), e.g. `allowed_origins[0]` or `rate_limit_per_minute`.", body = Problem, content_type = "application/problem+json",
            example = json!({"type": "urn:etakirjasto:problem:invalid_input", "title": "Please check the marked fields.", "status": 422, "code": "invalid_input", "errors": [{"field": "allowed_origins[0]", "code": "invalid_choice", "message": "Please choose one of the options."}]})),
    )
)]
#[post("/api-clients")]
#[tracing::instrument(skip_all)]
pub async fn create_api_client(
    state: web::Data<AppState>,
    user: AuthUser,
    body: web::Json<ApiClientInput>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner();
    let made = db::run(&state.pool, move |conn| {
        service::create(conn, &user, input, Utc::now())
    })
    .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(made))
}

/// Get an API client.
///
/// One of the library's clients (its admins): scopes, origins, rate limit, whether it was revoked,
/// its last call and its calls in the last 24 hours.
#[utoipa::path(
    tag = "partners",
    operation_id = "get_api_client",
    security(("bearer" = [])),
    params(("client_id" = String, Path, description = "The client's id.")),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "The client.", body = ApiClient),
        (status = 404, description = "No such client, or another library's (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api-clients/{client_id}")]
#[tracing::instrument(skip_all)]
pub async fn get_api_client(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
) -> Result<impl Responder, ApiError> {
    let id = id.into_inner();
    let client = db::run(&state.pool, move |conn| {
        service::read(conn, &user, &id, Utc::now())
    })
    .await?;
    Ok(web::Json(client))
}

/// Change an API client.
///
/// Name, scopes, origins and rate limit; `library` must stay the client's. Tokens already given
/// lose at once any scope the client loses.
#[utoipa::path(
    tag = "partners",
    operation_id = "update_api_client",
    security(("bearer" = [])),
    params(("client_id" = String, Path, description = "The client's id.")),
    request_body = ApiClientInput,
    responses(
        JsonBodyErrors,
        StaffOnlyErrors,
        (status = 200, description = "Saved.", body = ApiClient),
        (status = 404, description = "No such client, or another library's (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The client was revoked (`conflict`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is missing or invalid, or `library` is not the client's (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/api-clients/{client_id}")]
#[tracing::instrument(skip_all)]
pub async fn update_api_client(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
    body: web::Json<ApiClientInput>,
) -> Result<impl Responder, ApiError> {
    let (id, input) = (id.into_inner(), body.into_inner());
    let client = db::run(&state.pool, move |conn| {
        service::update(conn, &user, &id, input, Utc::now())
    })
    .await?;
    Ok(web::Json(client))
}

/// Give an API client a new secret.
///
/// For a secret that was lost or may have leaked: the old secret and every token made with it stop
/// at once. The new secret is in this answer only.
#[utoipa::path(
    tag = "partners",
    operation_id = "new_api_client_secret",
    security(("bearer" = [])),
    params(("client_id" = String, Path, description = "The client's id.")),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "The new secret.", body = ApiClientCredentials),
        (status = 404, description = "No such client, or another library's (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The client was revoked (`conflict`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api-clients/{client_id}/secret")]
#[tracing::instrument(skip_all)]
pub async fn new_api_client_secret(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let made = db::run(&state.pool, move |conn| {
        service::renew_secret(conn, &user, &id, Utc::now())
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(made))
}

/// Revoke an API client.
///
/// For good: it gets no more tokens and those it has stop at once. Its call log stays. Revoking a
/// revoked client changes nothing.
#[utoipa::path(
    tag = "partners",
    operation_id = "revoke_api_client",
    security(("bearer" = [])),
    params(("client_id" = String, Path, description = "The client's id.")),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "Revoked.", body = ApiClient),
        (status = 404, description = "No such client, or another library's (`not_found`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api-clients/{client_id}/revoke")]
#[tracing::instrument(skip_all)]
pub async fn revoke_api_client(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
) -> Result<impl Responder, ApiError> {
    let id = id.into_inner();
    let client = db::run(&state.pool, move |conn| {
        service::revoke(conn, &user, &id, Utc::now())
    })
    .await?;
    Ok(web::Json(client))
}

/// Paging for a client's calls.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CallParams {
    /// How many calls to return (1–100, default 25).
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// List an API client's calls.
///
/// Every call the partner made with a token, newest first: when, the method, the route pattern and
/// the status answered. Kept for 90 days.
#[utoipa::path(
    tag = "partners",
    operation_id = "list_api_client_calls",
    security(("bearer" = [])),
    params(("client_id" = String, Path, description = "The client's id."), CallParams),
    responses(
        StaffOnlyErrors,
        (status = 200, description = "A page of calls.", body = Page<ApiCall>),
        (status = 404, description = "No such client, or another library's (`not_found`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`limit` or `cursor` is invalid (`invalid_input`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api-clients/{client_id}/calls")]
#[tracing::instrument(skip_all)]
pub async fn list_api_client_calls(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
    q: web::Query<CallParams>,
) -> Result<impl Responder, ApiError> {
    let q = q.into_inner();
    let (after, limit) = ListParams {
        limit: q.limit,
        cursor: q.cursor,
        library: None,
    }
    .window()?;
    let refused = || ApiError::invalid(vec![("cursor".into(), FieldCode::InvalidFormat)]);
    let before = match after {
        Some(raw) => {
            let (micros, rid) = raw.split_once('|').ok_or_else(refused)?;
            let at = micros
                .parse()
                .ok()
                .and_then(DateTime::<Utc>::from_timestamp_micros)
                .ok_or_else(refused)?;
            if !etakirjasto_shared::validate::is_id(rid) {
                return Err(refused());
            }
            Some((at.naive_utc(), rid.to_owned()))
        }
        None => None,
    };
    let id = id.into_inner();
    let calls = db::run(&state.pool, move |conn| {
        service::calls(conn, &user, &id, before, limit)
    })
    .await?;
    Ok(web::Json(calls))
}
